"""`make bench` (benchmarks/): the benchmark database, measured as production runs, DEBUG off.

The database is $DATABASE_URL when set (a PostgreSQL database of its own, e.g.
postgres://postgres@127.0.0.1:5432/heritagehub_bench), else the SQLite file $BENCH_SQLITE
(bench.sqlite3 by default), never the demo's db.sqlite3. Media go to bench-media/<database>/.
load_demo, which refuses to run with DEBUG off, is called by the builder with DEBUG on.
"""

import os
from pathlib import Path

import dj_database_url

from .base import BASE_DIR, env_bool
from .dev import *  # noqa: F403

DEBUG = env_bool("DEBUG", False)

if not os.environ.get("DATABASE_URL"):
    _sqlite = Path(os.environ.get("BENCH_SQLITE", BASE_DIR / "bench.sqlite3")).resolve()
    DATABASES = {"default": dj_database_url.parse(f"sqlite:///{_sqlite}", conn_max_age=0)}
else:
    # PostgreSQL's connections are kept between requests, as production keeps them
    # (production.py, DB_CONN_MAX_AGE): a new connection is ~10 ms of every request, which
    # production does not pay and SQLite (a file opened in the process) does not either.
    DATABASES["default"]["CONN_MAX_AGE"] = 60  # noqa: F405
    DATABASES["default"]["CONN_HEALTH_CHECKS"] = True  # noqa: F405

_database_name = Path(str(DATABASES["default"]["NAME"])).stem  # noqa: F405
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT", BASE_DIR / "bench-media" / _database_name))
