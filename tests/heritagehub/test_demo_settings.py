"""`make run` serves the demo as a visitor sees it (heritagehub.settings.demo, DEBUG off,
WhiteNoise), `make dev` with the debug server; both load the demo with the dev settings.

The demo server itself is started in a subprocess: its 404 is the site's own page and its
static files are served."""

import os
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest

BASE_DIR = Path(__file__).resolve().parents[2]


def make_dry_run(target):
    result = subprocess.run(
        ["make", "-n", target], cwd=BASE_DIR, capture_output=True, text=True, check=True
    )
    return [
        line for line in result.stdout.splitlines() if "runserver" in line or "load_demo" in line
    ]


def test_make_run_serves_with_the_demo_settings_and_loads_with_the_dev_ones():
    lines = make_dry_run("run")
    (serve,) = [line for line in lines if "runserver" in line]
    assert "DJANGO_SETTINGS_MODULE=heritagehub.settings.demo" in serve
    assert all("heritagehub.settings.dev" in line for line in lines if "load_demo" in line)


def test_make_dev_serves_with_the_debug_settings():
    (serve,) = [line for line in make_dry_run("dev") if "runserver" in line]
    assert "DJANGO_SETTINGS_MODULE=heritagehub.settings.dev" in serve


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def fetch(url):
    try:
        with urllib.request.urlopen(url, timeout=10) as response:  # noqa: S310 - our server
            return response.status, response.read().decode()
    except urllib.error.HTTPError as error:
        return error.code, error.read().decode()


@pytest.fixture
def demo_server(tmp_path):
    """The demo settings' server on an empty, migrated SQLite database."""
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "heritagehub.settings.demo",
        "DATABASE_URL": f"sqlite:///{tmp_path / 'demo.sqlite3'}",
        "MEDIA_ROOT": str(tmp_path / "media"),
    }
    manage = [sys.executable, "manage.py"]
    subprocess.run(
        [*manage, "migrate", "--noinput"], cwd=BASE_DIR, env=env, check=True, capture_output=True
    )
    port = free_port()
    server = subprocess.Popen(
        [*manage, "runserver", "--noreload", "--nostatic", f"127.0.0.1:{port}"],
        cwd=BASE_DIR,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        base = f"http://127.0.0.1:{port}"
        for _attempt in range(120):
            try:
                urllib.request.urlopen(f"{base}/health/", timeout=2)  # noqa: S310
                break
            except (urllib.error.URLError, ConnectionError):
                time.sleep(0.5)
        yield base
    finally:
        server.terminate()
        server.wait(timeout=10)


def test_the_demo_server_answers_with_the_sites_own_404_and_serves_static_files(demo_server):
    status, html = fetch(f"{demo_server}/it/no-such-page/")
    assert status == 404
    assert "Pagina non trovata" in html
    assert "Traceback" not in html and "DEBUG = True" not in html

    status, css = fetch(f"{demo_server}/static/css/site.css")
    assert status == 200
    assert ".facet-filters" in css
