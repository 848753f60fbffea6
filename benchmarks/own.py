"""What the capability benchmarks (directory, programme, calls, maps) share: a database of
their own beside `make bench`'s, and their results written into a marked block of a doc.

Each builds its own data, so none shares a database with another: bench-<name>.sqlite3,
or with DATABASE_URL the PostgreSQL database of its name and ``_<name>`` (created when
missing). Their results replace the block of the same benchmark and engine in the doc, and
keep the other engine's.
"""

import os
import re
from urllib.parse import urlsplit, urlunsplit

from .cli import REPO, Database, create


def database(name, sqlite_name=None):
    """Select the benchmark's own database in os.environ (before django.setup()); return
    its engine, "sqlite" or "postgresql"."""
    url = os.environ.get("DATABASE_URL", "")
    if not url:
        os.environ.setdefault("BENCH_SQLITE", str(REPO / (sqlite_name or f"bench-{name}.sqlite3")))
        return "sqlite"
    parts = urlsplit(url)
    database_name = f"{parts.path.lstrip('/')}_{name}"
    own = urlunsplit(parts._replace(path=f"/{database_name}"))
    create(Database(database_name, 0, {"DATABASE_URL": own}, postgres_url=own))
    os.environ["DATABASE_URL"] = own
    return "postgresql"


def write_block(path, name, text):
    """Put ``text`` between ``<!-- name:start -->`` and ``<!-- name:end -->`` in ``path``
    (appended when the doc has no such block yet)."""
    start, end = f"<!-- {name}:start -->", f"<!-- {name}:end -->"
    content = path.read_text() if path.exists() else ""
    block = f"{start}\n{text.strip()}\n{end}"
    if start in content:
        pattern = re.escape(start) + ".*?" + re.escape(end)
        content = re.sub(pattern, lambda _match: block, content, flags=re.S)
    else:
        content = content.rstrip() + "\n\n" + block + "\n"
    path.write_text(content)


def analyse():
    """What autovacuum does to a table after a bulk load: statistics for the planner, and on
    PostgreSQL the visibility map that lets an index-only scan skip the table."""
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute("VACUUM ANALYZE" if connection.vendor == "postgresql" else "ANALYZE")


def publish(text, output, name):
    """Print a benchmark's results and, unless ``output`` is empty, write them into the
    block ``name`` of that doc."""
    print(text)
    if output:
        write_block(REPO / output, name, text)
        print(f"Written to {output}.")
