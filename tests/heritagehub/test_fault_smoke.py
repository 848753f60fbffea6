"""The fault checks of `make loadtest`, short enough for CI (docs/reliability.md): the real gunicorn
with production settings, its own redis-server, and PostgreSQL behind a TCP proxy that can
cut it off (tests/faultproxy.py), so no shared server is stopped.

- with Redis stopped, pages still answer 200;
- with the database unreachable, a page answers the friendly 503 and /health/ 503;
- once the database is reachable again, both answer 200 within 5 s, with no restart.

PostgreSQL is the server at 127.0.0.1:5432 whatever DATABASE_URL says (the SQLite run too):
this is about PostgreSQL's connections. The site's database is created from a template
database migrated once per set of migrations (migrating takes a minute on a busy machine,
copying a template a second), named after this process: the two xdist workers and parallel
runs never share one.
"""

import hashlib
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path
from urllib.parse import urlencode

import pytest

from benchmarks.loadtest.servers import Gunicorn, RedisServer, free_port, get, wait_for
from tests.faultproxy import FaultProxy

REPO = Path(__file__).resolve().parents[2]
POSTGRES = ("127.0.0.1", 5432)
POSTGRES_URL = f"postgres://postgres@{POSTGRES[0]}:{POSTGRES[1]}"
TEMPLATE_PREFIX = "hh_fault_smoke_template_"
RECOVERY_SECONDS = 5
REDIS_PAUSE_SECONDS = 10


def postgres(sql, params=None):
    """Run ``sql`` on the server's maintenance database; fail loudly when it is not there."""
    import psycopg

    try:
        with psycopg.connect(f"{POSTGRES_URL}/postgres", autocommit=True, connect_timeout=5) as c:
            cursor = c.execute(sql, params)
            return cursor.fetchall() if cursor.description else None
    except psycopg.OperationalError as error:
        pytest.fail(
            f"The fault smoke test needs the PostgreSQL server at {POSTGRES_URL} (trust "
            f"authentication), always there on the developers' and CI machines: {error}. Start "
            "it: pg_ctlcluster --skip-systemctl-redirect $(ls /etc/postgresql) main start"
        )


def production_env(database_url, **extra):
    return {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "heritagehub.settings.production",
        "DATABASE_URL": database_url,
        "SECRET_KEY": "fault-smoke-" + "x" * 50,
        "ALLOWED_HOSTS": "127.0.0.1",
        "SECURE_SSL_REDIRECT": "0",  # plain HTTP on the loopback interface
        "WEB_CONCURRENCY": "2",
        **extra,
    }


def manage(*arguments, env):
    subprocess.run(
        [sys.executable, "manage.py", *arguments],
        cwd=REPO,
        env=env,
        check=True,
        stdout=subprocess.DEVNULL,
    )


def migrations_digest():
    """A digest of what the migrations depend on (the project's migration files, every
    installed package's version): a change needs a new template."""
    from importlib.metadata import distributions

    packages = sorted(f"{d.metadata['Name']}=={d.version}" for d in distributions())
    digest = hashlib.sha256("\n".join(packages).encode())
    for path in sorted(REPO.glob("*/migrations/*.py")):
        digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


def template_database():
    """The migrated template, built under an advisory lock when it is missing (parallel runs
    wait for the first); templates of older migrations are dropped."""
    name = TEMPLATE_PREFIX + migrations_digest()
    lock = int(hashlib.sha256(TEMPLATE_PREFIX.encode()).hexdigest()[:15], 16)
    import psycopg

    with psycopg.connect(f"{POSTGRES_URL}/postgres", autocommit=True) as connection:
        connection.execute("SELECT pg_advisory_lock(%s)", [lock])
        try:
            exists = connection.execute(
                "SELECT 1 FROM pg_database WHERE datname = %s", [name]
            ).fetchone()
            if not exists:
                building = name + "_building"
                connection.execute(f'DROP DATABASE IF EXISTS "{building}"')
                connection.execute(f'CREATE DATABASE "{building}"')
                # Commits need not wait for the disk: a lost template is built again.
                fast = "?options=-c%20synchronous_commit%3Doff"
                manage(
                    "migrate", "--noinput", env=production_env(f"{POSTGRES_URL}/{building}{fast}")
                )
                connection.execute(f'ALTER DATABASE "{building}" RENAME TO "{name}"')
            old = connection.execute(
                "SELECT datname FROM pg_database WHERE datname LIKE %s AND datname <> %s",
                [TEMPLATE_PREFIX + "%", name],
            ).fetchall()
            for (stale,) in old:
                connection.execute(f'DROP DATABASE IF EXISTS "{stale}" WITH (FORCE)')
        finally:
            connection.execute("SELECT pg_advisory_unlock(%s)", [lock])
    return name


@pytest.fixture(scope="module")
def database():
    """A database of this process, copied from the migrated template, dropped afterwards."""
    postgres("SELECT 1")
    template = template_database()
    name = f"hh_fault_smoke_{os.getpid()}"
    postgres(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
    postgres(f'CREATE DATABASE "{name}" TEMPLATE "{template}"')
    yield name
    postgres(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


@pytest.fixture(scope="module")
def site(database, tmp_path_factory):
    """gunicorn with production settings, talking to PostgreSQL through a FaultProxy and to
    a redis-server of its own."""
    if shutil.which("redis-server") is None:
        pytest.fail("The fault smoke test starts a redis-server: install Debian's redis-server.")
    work = tmp_path_factory.mktemp("fault-smoke")
    proxy = FaultProxy(*POSTGRES)
    redis = RedisServer(free_port(), work / "redis.log")
    env = production_env(
        f"postgres://postgres@127.0.0.1:{proxy.port}/{database}",
        REDIS_URL=redis.url,
        MEDIA_ROOT=str(work / "media"),
        STATIC_ROOT=str(work / "static"),
    )
    manage("collectstatic", "--noinput", "--verbosity", "0", env=env)
    gunicorn = Gunicorn(free_port(), work / "gunicorn.log", env, REPO)
    try:
        redis.start()
        gunicorn.start("/health/")
        gunicorn.redis, gunicorn.proxy = redis, proxy
        yield gunicorn
    finally:
        gunicorn.stop()
        redis.stop()
        proxy.close()


@pytest.fixture
def redis_down(site):
    site.redis.stop()
    yield
    site.redis.start()


@pytest.fixture
def database_down(site):
    site.proxy.cut()
    yield
    site.proxy.restore()


def fresh(site, path="/en/"):
    """The URL of ``path`` with a query string of its own: rendered, not from the cache."""
    return f"{site.base_url}{path}?{urlencode({'smoke': time.time_ns()})}"


def body(url):
    import urllib.error
    import urllib.request

    try:
        with urllib.request.urlopen(url, timeout=10) as response:
            return response.status, response.read().decode()
    except urllib.error.HTTPError as error:
        return error.code, error.read().decode()


def test_pages_are_served_while_redis_is_down(site, redis_down):
    assert [get(fresh(site, path))[0] for path in ("/it/", "/en/", "/fr/")] == [200] * 3


def test_health_answers_200_while_redis_is_down(site, redis_down):
    status, text = body(site.base_url + "/health/")
    assert (status, '"cache": "unavailable"' in text) == (200, True)


def test_a_page_answers_the_friendly_503_while_the_database_is_unreachable(site, database_down):
    status, text = body(fresh(site))
    assert status == 503
    assert "Temporarily unavailable" in text
    assert "Traceback" not in text


def test_the_503_asks_to_come_back_later(site, database_down):
    status, headers = get(fresh(site))
    assert (status, headers.get("Retry-After")) == (503, "30")


def test_health_answers_503_while_the_database_is_unreachable(site, database_down):
    assert get(site.base_url + "/health/")[0] == 503


def test_a_cached_page_is_served_while_the_database_is_unreachable(site):
    url = site.base_url + "/de/"
    # A process that saw Redis fail leaves it alone for a few seconds (redis_connections):
    # wait until every worker answers from the cache, not only the first one to.
    cached = wait_for(
        lambda: all(get(url)[1].get("X-Cache") == "hit" for _ in range(8)),
        timeout=2 * REDIS_PAUSE_SECONDS,
    )
    assert cached is not None, "the page never came from the cache"
    site.proxy.cut()
    try:
        assert get(url)[0] == 200
    finally:
        site.proxy.restore()


def test_connections_lost_between_requests_are_replaced_unnoticed(site):
    """PostgreSQL restarted while the workers' persistent connections were idle: the health
    check before a connection's next use finds it dead (CONN_HEALTH_CHECKS), and the request
    reconnects instead of failing."""
    assert get(fresh(site))[0] == 200
    site.proxy.cut()
    site.proxy.restore()
    assert [get(fresh(site))[0] for _ in range(8)] == [200] * 8


def test_the_site_serves_again_within_5_seconds_once_the_database_is_back(site):
    site.proxy.cut()
    try:
        assert get(fresh(site))[0] == 503
    finally:
        site.proxy.restore()
    recovered = wait_for(
        lambda: get(site.base_url + "/health/")[0] == 200 and get(fresh(site))[0] == 200,
        timeout=RECOVERY_SECONDS,
    )
    assert recovered is not None, f"still not serving {RECOVERY_SECONDS} s after the database"
