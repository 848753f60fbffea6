"""A real PostgreSQL outage: gunicorn with the production settings, its database connection
passing through tests.faultproxy, which the test cuts and restores. The system PostgreSQL
server itself is never touched.

PostgreSQL only: the outage is of a database server (SQLite has none to lose).
"""

import os
import secrets
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest
from django.db import connection

from tests.faultproxy import FaultProxy

BASE_DIR = Path(__file__).resolve().parents[2]
STARTUP_SECONDS = 60

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.skipif(
        connection.vendor != "postgresql", reason="an outage of a PostgreSQL server"
    ),
]


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def get(url):
    """(status, headers, body) of a GET, whatever the status."""
    request = urllib.request.Request(url, headers={"Accept-Language": "it"})
    try:
        with urllib.request.urlopen(request, timeout=10) as response:
            return response.status, response.headers, response.read().decode()
    except urllib.error.HTTPError as error:
        return error.code, error.headers, error.read().decode()


@pytest.fixture(scope="module")
def static_root(tmp_path_factory):
    """Static files collected as on a deploy: pages name them by their hashed names."""
    static_root = tmp_path_factory.mktemp("static")
    env = {**production_env(), "STATIC_ROOT": str(static_root)}
    subprocess.run(
        [sys.executable, "manage.py", "collectstatic", "--noinput"],
        cwd=BASE_DIR,
        env=env,
        check=True,
        capture_output=True,
    )
    return static_root


def production_env(**env):
    return {
        "PATH": os.environ.get("PATH", ""),
        "DJANGO_SETTINGS_MODULE": "heritagehub.settings.production",
        "SECRET_KEY": secrets.token_urlsafe(50),
        "ALLOWED_HOSTS": "127.0.0.1",
        "DATABASE_URL": "postgres://unused@127.0.0.1:5432/unused",
        **env,
    }


@pytest.fixture
def page_cache_seconds():
    return 0


@pytest.fixture
def site(static_root, tmp_path, page_cache_seconds):
    """gunicorn serving the test database through a fault proxy: (base URL, proxy)."""
    database = connection.settings_dict
    port = free_port()
    with FaultProxy(database["HOST"] or "127.0.0.1", int(database["PORT"] or 5432)) as proxy:
        user = database["USER"] or "postgres"
        env = production_env(
            DATABASE_URL=f"postgres://{user}@127.0.0.1:{proxy.port}/{database['NAME']}",
            SECURE_SSL_REDIRECT="false",
            STATIC_ROOT=str(static_root),
            HERITAGEHUB_PAGE_CACHE_SECONDS=str(page_cache_seconds),
            GUNICORN_BIND=f"127.0.0.1:{port}",
            # One process, one thread: each request reuses the one persistent connection.
            WEB_CONCURRENCY="1",
            GUNICORN_THREADS="1",
        )
        if database["PASSWORD"]:
            env["PGPASSWORD"] = database["PASSWORD"]
        log = tmp_path / "gunicorn.log"
        with log.open("w") as output:
            server = subprocess.Popen(
                [sys.executable, "-m", "gunicorn", "-c", "gunicorn.conf.py", "heritagehub.wsgi"],
                cwd=BASE_DIR,
                env=env,
                stdout=output,
                stderr=subprocess.STDOUT,
            )
        base = f"http://127.0.0.1:{port}"
        try:
            wait_until_healthy(base, server, log)
            yield base, proxy
        finally:
            server.terminate()
            server.wait(timeout=30)


def wait_until_healthy(base, server, log):
    deadline = time.monotonic() + STARTUP_SECONDS
    while time.monotonic() < deadline:
        if server.poll() is not None:
            raise AssertionError(f"gunicorn exited: {log.read_text()}")
        try:
            if get(f"{base}/health/")[0] == 200:
                return
        except OSError:
            pass
        time.sleep(0.2)
    raise AssertionError("gunicorn did not become healthy")


def test_pages_answer_503_while_postgresql_is_unreachable(site):
    base, proxy = site
    assert get(f"{base}/it/")[0] == 200
    proxy.cut()
    status, headers, body = get(f"{base}/it/")
    assert status == 503
    assert headers["Retry-After"] == "30"
    assert '<html lang="it">' in body
    assert "Traceback" not in body


def test_health_reports_the_outage(site):
    base, proxy = site
    proxy.cut()
    status, _headers, body = get(f"{base}/health/")
    assert status == 503
    assert '"database": "unavailable"' in body


def test_the_first_request_after_the_outage_is_served(site):
    base, proxy = site
    proxy.cut()
    assert get(f"{base}/it/")[0] == 503
    proxy.restore()
    assert get(f"{base}/it/")[0] == 200


def test_a_connection_lost_between_requests_is_replaced_unnoticed(site):
    """PostgreSQL restarted while the worker's persistent connection was idle: the health
    check before its next use finds it dead, and the request reconnects."""
    base, proxy = site
    assert get(f"{base}/it/")[0] == 200
    proxy.cut()
    proxy.restore()
    assert get(f"{base}/it/")[0] == 200


@pytest.mark.parametrize("page_cache_seconds", [600])
def test_pages_in_the_page_cache_are_still_served(site):
    base, proxy = site
    get(f"{base}/it/")
    proxy.cut()
    status, headers, _body = get(f"{base}/it/")
    assert (status, headers["X-Cache"]) == (200, "hit")
