"""Time a full OAI-PMH harvest of a bench database with a standard client (Sickle).

    python -m benchmarks.harvest [--sqlite bench.sqlite3] [--url http://host/oai/]
                                 [--prefix oai_dc --prefix edm]

Without ``--url`` a server is started on a free port (``manage.py runserver --noreload``
with DJANGO_SETTINGS_MODULE=heritagehub.settings.bench, DEBUG off) on the SQLite file given,
or on $DATABASE_URL when that is set. Each format is harvested through every resumption
token; the result is the number of records, the total time, records per second and the
response time of the first, median and last pages (equal when a page's work does not
depend on its position in the list).
"""

import argparse
import os
import socket
import statistics
import subprocess
import sys
import time
from contextlib import contextmanager
from pathlib import Path

import requests
from sickle import Sickle

REPO = Path(__file__).resolve().parent.parent


def _free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@contextmanager
def server(sqlite):
    """A bench server on a free port; yields the endpoint's URL."""
    port = _free_port()
    env = dict(os.environ, DJANGO_SETTINGS_MODULE="heritagehub.settings.bench")
    if sqlite and not env.get("DATABASE_URL"):
        env["BENCH_SQLITE"] = str(Path(sqlite).resolve())
    process = subprocess.Popen(
        [sys.executable, "manage.py", "runserver", "--noreload", f"127.0.0.1:{port}"],
        cwd=REPO,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    url = f"http://127.0.0.1:{port}/oai/"
    try:
        for _attempt in range(300):
            try:
                requests.get(url, params={"verb": "Identify"}, timeout=5).raise_for_status()
                break
            except requests.RequestException:
                if process.poll() is not None:
                    raise SystemExit("The server did not start.") from None
                time.sleep(0.2)
        yield url
    finally:
        process.terminate()
        process.wait()


def harvest(url, prefix):
    """(records, deleted records, seconds, [seconds per response])."""
    pages = []
    client = Sickle(
        url,
        max_retries=0,
        timeout=600,
        hooks={"response": lambda response, *args, **kwargs: pages.append(response.elapsed)},
    )
    started = time.perf_counter()
    records = deleted = 0
    for record in client.ListRecords(metadataPrefix=prefix, ignore_deleted=False):
        records += 1
        deleted += record.header.deleted
    return records, deleted, time.perf_counter() - started, [p.total_seconds() for p in pages]


def report(prefix, records, deleted, seconds, pages):
    print(
        f"{prefix}: {records} records ({deleted} deleted) in {len(pages)} responses, "
        f"{seconds:.1f} s, {records / seconds:.0f} records/s; response time first "
        f"{pages[0] * 1000:.0f} ms, median {statistics.median(pages) * 1000:.0f} ms, "
        f"last {pages[-1] * 1000:.0f} ms"
    )


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sqlite", default=str(REPO / "bench.sqlite3"))
    parser.add_argument("--url", help="harvest this endpoint instead of starting a server")
    parser.add_argument("--prefix", action="append", choices=["oai_dc", "edm"])
    options = parser.parse_args(argv)
    prefixes = options.prefix or ["oai_dc", "edm"]
    context = _given(options.url) if options.url else server(options.sqlite)
    with context as url:
        for prefix in prefixes:
            report(prefix, *harvest(url, prefix))


@contextmanager
def _given(url):
    yield url


if __name__ == "__main__":
    main()
