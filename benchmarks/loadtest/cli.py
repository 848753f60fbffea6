"""`python -m benchmarks.loadtest` (what `make loadtest` runs): the site under gunicorn with
production settings on the 100,000-item PostgreSQL database, loaded by wrk, then Redis
stopped and PostgreSQL restarted under load; the numbers go to docs/reliability.md.

    python -m benchmarks.loadtest [--items 100000] [--cached 15] [--seconds 30]
        [--fault-window 10] [--redis-outage 10] [--postgres-outage 5] [--no-postgres-fault]
        [--connections 32] [--mix-connections 4] [--gunicorn-args "--workers 3"]
        [--output docs/reliability.md]

The database is $DATABASE_URL (default postgres://postgres@127.0.0.1:5432/heritagehub_bench),
built by `make bench`'s builder when it holds fewer items, reused otherwise. Everything runs
on 127.0.0.1: its own redis-server and gunicorn on free ports, stopped on exit (also on
Ctrl-C); PostgreSQL is the cluster serving the database, which the PostgreSQL fault stops and
starts (every client of that server is cut off for a few seconds).
"""

import argparse
import json
import os
import secrets
import shlex
import signal
import subprocess
import sys
import time
from contextlib import ExitStack
from pathlib import Path

from .. import cli as bench
from .. import report as bench_report
from . import faults, load, report, servers

REPO = bench.REPO
DEFAULT_DATABASE_URL = "postgres://postgres@127.0.0.1:5432/heritagehub_bench"
PRODUCTION = "heritagehub.settings.production"


def run(args):
    started = time.monotonic()
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))  # stop the servers on `kill`
    url = os.environ.get("DATABASE_URL") or DEFAULT_DATABASE_URL
    if not url.startswith(("postgres://", "postgresql://")):
        sys.exit(f"The load test runs on PostgreSQL; DATABASE_URL is {url}.")
    cluster = servers.PostgresCluster(url) if args.postgres_fault else None
    db = bench.databases(args.items, 0, {"DATABASE_URL": url})[0]
    work = bench.WORK / db.name / "loadtest"
    env = prepare(db, work, args.items)
    urls = pick_urls(db, work, args.cold)
    load_before = bench_report.load_average()
    with ExitStack() as stack:
        redis = servers.RedisServer(servers.free_port(), work / "redis.log")
        stack.callback(redis.stop)
        redis.start()
        gunicorn = servers.Gunicorn(
            servers.free_port(),
            work / "gunicorn.log",
            {**env, "REDIS_URL": redis.url},
            REPO,
            shlex.split(args.gunicorn_args),
        )
        stack.callback(gunicorn.stop)
        gunicorn.start(load.HEALTH_PATH)
        say(f"gunicorn at {gunicorn.base_url} ({' '.join(gunicorn.command[1:])})")
        site = load.Site(
            gunicorn.base_url, urls["mixed"][0], work, args.mix_connections, args.timeout
        )
        mixed = load.Mix(urls["mixed"], urls["cold"], args.cold_every)
        phases = quiet_phases(site, urls, mixed, args)
        results = fault_phases(site, mixed, redis, cluster, args)
        worker_class, workers = gunicorn.workers()

    outcome = {
        "machine": bench_report.machine(),
        "date": bench_report.now(),
        "command": bench.recorded_command(args.command, {"DATABASE_URL": url}),
        "minutes": (time.monotonic() - started) / 60,
        "load": [load_before, bench_report.load_average()],
        "database": {"name": db.name, "items": urls["items"], "version": urls["version"]},
        "servers": {
            "gunicorn": f"{workers} {worker_class} workers ({gunicorn_settings(args)})",
            "redis": redis.version(),
            "wrk": load.version(),
            "connections": args.connections,
            "mix_connections": args.mix_connections,
            "timeout": args.timeout,
            "urls": (
                f"{len(urls['mixed'])} in the mix ({describe(urls['classes'])}), "
                f"{len(urls['cached'])} in the cached phase, and one request in "
                f"{args.cold_every} of the mix to an item page not requested before"
            ),
        },
        "phases": [window.as_dict() for window in phases],
        "faults": [fault.as_dict() for fault in results],
    }
    (work / "result.json").write_text(json.dumps(outcome, indent=1))
    print(report.section(outcome))
    if args.output:
        print(f"Written to {report.write(REPO / args.output, outcome)}.")


def prepare(db, work, items):
    """Build the database when it holds fewer than ``items`` items, then ANALYZE, migrate
    and collectstatic with production settings; the environment of the site."""
    say(f"Database {db.name}: at least {items:,} items (built when missing)")
    bench.create(db)
    bench._step(db, "build", "--items", str(items))
    work.mkdir(parents=True, exist_ok=True)
    for log in work.glob("*.log"):
        log.unlink()
    say("ANALYZE: planner statistics of every table, as autovacuum keeps them on a live server")
    analyze(db.postgres_url)
    say("migrate and collectstatic with production settings")
    env = production_env(db, work)
    for command in (["migrate", "--noinput"], ["collectstatic", "--noinput", "--verbosity", "0"]):
        subprocess.run([sys.executable, "manage.py", *command], cwd=REPO, env=env, check=True)
    return env


def quiet_phases(site, urls, mixed, args):
    """The Windows of the warm-up, the cached phase and the mixed load."""
    say(f"warm-up: each of the {len(urls['mixed'])} URLs of the mix once")
    warm_up = load.visit(
        "warm-up", site.base_url, urls["mixed"], args.mix_connections, args.timeout * 3
    )
    phases = [show(warm_up)]
    for name, seconds, mix, connections in [
        ("cached", args.cached, load.Mix(urls["cached"]), args.connections),
        ("mixed", args.seconds, mixed, None),
    ]:
        if seconds:
            phases.append(show(site.run(name, seconds, mix, connections)))
            site.settle()
    return phases


def fault_phases(site, mixed, redis, cluster, args):
    """The FaultResults of the Redis outage and the PostgreSQL restart (when asked for)."""
    results = []
    if args.redis_outage:
        say("Redis fault: the load test's own redis-server is stopped, then started again")
        results.append(
            faults.redis_outage(redis, site, mixed, args.fault_window, args.redis_outage, say)
        )
        show_fault(results[-1])
        site.settle()
    if cluster is not None:
        say(
            f"PostgreSQL fault: {cluster} is STOPPED for {args.postgres_outage} s and "
            "started again (pg_ctlcluster): every client of that server is cut off. "
            "--no-postgres-fault skips it."
        )
        results.append(
            faults.postgres_restart(
                cluster, site, mixed, args.fault_window, args.postgres_outage, say
            )
        )
        show_fault(results[-1])
    return results


def gunicorn_settings(args):
    """gunicorn.conf.py and what changed it: its environment variables, --gunicorn-args."""
    names = ["WEB_CONCURRENCY", "GUNICORN_THREADS", "GUNICORN_MAX_REQUESTS"]
    changes = [f"{name}={os.environ[name]}" for name in names if name in os.environ]
    return " ".join(["gunicorn.conf.py", *changes, args.gunicorn_args]).strip()


def analyze(database_url):
    """ANALYZE the database: after a bulk import the search index has no statistics and
    the planner's guesses make a site search take minutes instead of a second."""
    import psycopg

    with psycopg.connect(database_url, autocommit=True) as connection:
        connection.execute("ANALYZE")


def production_env(db, work):
    """The environment of manage.py and gunicorn: production settings on plain HTTP on the
    loopback interface (no TLS here, so no redirect to https), the bench database's media,
    static files collected into the work directory."""
    return {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": PRODUCTION,
        "DATABASE_URL": db.postgres_url,
        "SECRET_KEY": secrets.token_urlsafe(50),
        "ALLOWED_HOSTS": servers.HOST,
        "SECURE_SSL_REDIRECT": "0",
        "MEDIA_ROOT": str(REPO / "bench-media" / db.name),
        "STATIC_ROOT": str(work / "static"),
    }


def pick_urls(db, work, cold):
    """The URLs (``benchmarks.loadtest.urls``), picked in a process with bench settings."""
    path = work / "urls.json"
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": bench.SETTINGS, **db.env}
    command = [sys.executable, "-m", "benchmarks.loadtest", "urls", "--cold", str(cold)]
    subprocess.run([*command, "--output", str(path)], cwd=REPO, env=env, check=True)
    return json.loads(path.read_text())


def urls_step(args):
    import django

    django.setup()
    from .. import measure
    from .urls import pick

    data = {
        **pick(cold_count=args.cold),
        "items": measure.item_count(),
        "version": measure.database_version(),
    }
    Path(args.output).parent.mkdir(parents=True, exist_ok=True)
    Path(args.output).write_text(json.dumps(data, indent=1))


def describe(classes):
    return ", ".join(f"{n} {key.replace('_', ' ')}" for key, n in classes.items())


def say(message):
    print(f"[loadtest] {message}", flush=True)


def show(window):
    failed = sum(window.failed_statuses.values())
    say(
        f"{window.name}: {window.requests:,} requests in {window.seconds:.0f} s, "
        f"{window.throughput:,.0f}/s, p50 {report.ms(window.p50_ms)} ms, "
        f"p99 {report.ms(window.p99_ms)} ms, no answer {window.socket_errors}, "
        f"not 2xx/3xx {failed} {window.failed_statuses or ''}"
    )
    return window


def show_fault(result):
    for window in result.windows:
        show(window)
    say(f"{result.name}: recovered in {report.seconds(result.recovery_seconds)}")


def parser():
    main = argparse.ArgumentParser(
        prog="python -m benchmarks.loadtest",
        description="The site under gunicorn, PostgreSQL and Redis, loaded by wrk, with faults.",
    )
    add = main.add_argument
    add("--items", type=int, default=100_000, help="items in the database (built when fewer)")
    add("--cached", type=int, default=15, help="seconds of the cached phase")
    add("--seconds", type=int, default=30, help="seconds of the mixed phase")
    add("--cold", type=int, default=6000, help="item pages requested once each (cache misses)")
    add("--cold-every", type=int, default=5, help="one request in N of the mix is a cold page")
    add("--fault-window", type=int, default=10, help="seconds before and after each fault")
    add("--redis-outage", type=int, default=10, help="seconds Redis is down (0: no Redis fault)")
    add("--postgres-outage", type=int, default=5, help="seconds PostgreSQL is down")
    add(
        "--no-postgres-fault",
        dest="postgres_fault",
        action="store_false",
        help="do not stop the PostgreSQL server",
    )
    add("--connections", type=int, default=32, help="wrk's connections, cached phase")
    add(
        "--mix-connections",
        type=int,
        default=4,
        help="wrk's connections in the other phases: fewer than gunicorn's workers, so that "
        "a recovery probe does not queue behind slow pages",
    )
    add("--timeout", type=int, default=10, help="seconds wrk waits for an answer")
    add("--gunicorn-args", default="", help="extra gunicorn arguments, e.g. '--workers 3'")
    add("--output", default="docs/reliability.md", help="'' to print only")
    add("--command", default="python -m benchmarks.loadtest", help="recorded in the report")
    main.set_defaults(step=run)
    steps = main.add_subparsers(title="single steps (used by the run)")
    urls = steps.add_parser("urls", help="pick the URLs (DJANGO_SETTINGS_MODULE: bench)")
    urls.add_argument("--cold", type=int, default=6000)
    urls.add_argument("--output", required=True)
    urls.set_defaults(step=urls_step)
    return main


def main(argv=None):
    args = parser().parse_args(argv)
    args.step(args)
