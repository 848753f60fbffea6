"""`python -m benchmarks` (what `make bench` runs): build the bench databases, measure them,
write docs/benchmarks.md.

    python -m benchmarks [--items 100000] [--compare-items 1000] [--repeat 5] [--urls 20]
                         [--force] [--output docs/benchmarks.md]

SQLite (bench.sqlite3, and bench-1000.sqlite3 for the small database whose query counts are
compared) unless DATABASE_URL names a PostgreSQL database (created when missing; the small
one is <name>_1000). Building and measuring each run in a process of their own, with
DJANGO_SETTINGS_MODULE=heritagehub.settings.bench, so that measuring starts like a fresh
server and not with an importer's memory; they hand over JSON files in .bench/<database>/.
"""

import argparse
import functools
import json
import os
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

from . import report

REPO = Path(__file__).resolve().parent.parent
SETTINGS = "heritagehub.settings.bench"
WORK = REPO / ".bench"


@dataclass
class Database:
    """One bench database and the environment that selects it."""

    name: str
    items: int
    env: dict
    postgres_url: str = ""

    @property
    def work_dir(self):
        return WORK / self.name

    @property
    def sqlite_path(self):
        return Path(self.env["BENCH_SQLITE"]) if "BENCH_SQLITE" in self.env else None


def databases(items, compare_items, environ=os.environ):
    """The main database and, if ``compare_items``, the small one."""
    url = environ.get("DATABASE_URL", "")
    sizes = ([(f"-{compare_items}", compare_items)] if compare_items else []) + [("", items)]
    result = []
    for suffix, size in sizes:
        if url:
            parts = urlsplit(url)
            name = parts.path.lstrip("/") + suffix.replace("-", "_")
            new_url = urlunsplit(parts._replace(path=f"/{name}"))
            result.append(Database(name, size, {"DATABASE_URL": new_url}, postgres_url=new_url))
        else:
            name = f"bench{suffix}"
            sqlite = str(REPO / f"{name}.sqlite3")
            result.append(Database(name, size, {"BENCH_SQLITE": sqlite}))
    return result


def run(args):
    """Build (if needed) and measure each database; write the report."""
    results = []
    for db in databases(args.items, args.compare_items):
        if args.force:
            drop(db)
        create(db)
        if args.build:
            _step(db, "build", "--items", str(db.items))
        _step(db, "measure", "--urls", str(args.urls), "--repeat", str(args.repeat))
        results.append(
            {
                "build": _read(db.work_dir / "build.json"),
                "measure": _read(db.work_dir / "measure.json"),
            }
        )
    outcome = {
        "main": results[-1],
        "compare": results[0] if len(results) > 1 else None,
        "machine": report.machine(),
        "date": report.now(),
        "command": recorded_command(args.command),
        "repeat": args.repeat,
    }
    text = report.section(outcome)
    print(text)
    if args.output:
        path = report.write(REPO / args.output, outcome)
        print(f"Written to {path}.")


def recorded_command(command, environ=os.environ):
    """The command as the report shows it: with DATABASE_URL, minus any password."""
    url = environ.get("DATABASE_URL", "")
    if not url:
        return command
    parts = urlsplit(url)
    if parts.password:
        netloc = parts.netloc.replace(f":{parts.password}@", ":…@")
        url = urlunsplit(parts._replace(netloc=netloc))
    return f"DATABASE_URL={url} {command}"


def _step(db, *arguments):
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": SETTINGS, **db.env}
    if "BENCH_SQLITE" in db.env:
        env.pop("DATABASE_URL", None)
    command = [sys.executable, "-m", "benchmarks", *arguments, "--work-dir", str(db.work_dir)]
    print(f"[{db.name}] {' '.join(arguments)}", flush=True)
    subprocess.run(command, cwd=REPO, env=env, check=True)


def _read(path):
    return json.loads(path.read_text()) if path.exists() else {}


def drop(db):
    """Remove a bench database with its media and work files."""
    if db.postgres_url:
        _postgres(db, f'DROP DATABASE IF EXISTS "{db.name}" WITH (FORCE)')
    else:
        for suffix in ("", "-wal", "-shm", "-journal"):
            Path(f"{db.sqlite_path}{suffix}").unlink(missing_ok=True)
    shutil.rmtree(REPO / "bench-media" / db.name, ignore_errors=True)
    shutil.rmtree(db.work_dir, ignore_errors=True)


def create(db):
    """Create the PostgreSQL database when it does not exist (SQLite creates its file)."""
    if db.postgres_url and not _postgres(
        db, "SELECT 1 FROM pg_database WHERE datname = %s", [db.name]
    ):
        _postgres(db, f'CREATE DATABASE "{db.name}"')


def _postgres(db, sql, params=None):
    import psycopg

    admin_url = urlunsplit(urlsplit(db.postgres_url)._replace(path="/postgres"))
    with psycopg.connect(admin_url, autocommit=True) as connection:
        cursor = connection.execute(sql, params)
        return cursor.fetchall() if cursor.description else None


# --- the steps, each in its own process ------------------------------------------------------


def _django():
    import django

    os.environ.setdefault("DJANGO_SETTINGS_MODULE", SETTINGS)
    django.setup()


def build_step(args):
    _django()
    from django.core.management import call_command

    from .build import build, link_records

    call_command("migrate", "--noinput", verbosity=0)
    work_dir = Path(args.work_dir)
    result = build(args.items, work_dir / "csv")
    link_records()
    if not result.skipped:
        data = {**result.as_dict(), "measured": report.now()}
        (work_dir / "build.json").write_text(json.dumps(data, indent=1))


def measure_step(args):
    _django()
    from . import measure

    load_before = report.load_average()
    urls = measure.pick_urls(per_class=args.urls)
    if args.classes:
        urls = {key: urls[key] for key in args.classes.split(",")}
    log = functools.partial(print, file=sys.stderr, flush=True)
    off = measure.measure(urls, repeat=args.repeat, page_cache=False, log=log)
    on = measure.measure(urls, repeat=args.repeat, page_cache=True, log=log) if args.cached else {}
    data = {
        "items": measure.item_count(),
        "pages": measure.page_count(),
        "database_version": measure.database_version(),
        "urls": urls,
        "off": {key: result.as_dict() for key, result in off.items()},
        "on": {key: result.as_dict() for key, result in on.items()},
        "load_before": load_before,
        "load_after": report.load_average(),
    }
    work_dir = Path(args.work_dir)
    work_dir.mkdir(parents=True, exist_ok=True)
    (work_dir / "measure.json").write_text(json.dumps(data, indent=1))


def parser():
    main = argparse.ArgumentParser(prog="python -m benchmarks", description=__doc__.split("\n")[0])
    main.add_argument("--items", type=int, default=100_000, help="items in the bench database")
    main.add_argument(
        "--compare-items",
        type=int,
        default=1_000,
        help="items in the small database whose query counts are compared (0: none)",
    )
    main.add_argument("--repeat", type=int, default=5, help="timed requests per URL")
    main.add_argument("--urls", type=int, default=20, help="URLs per page class")
    main.add_argument("--force", action="store_true", help="rebuild the databases")
    main.add_argument(
        "--no-build", dest="build", action="store_false", help="measure the databases as they are"
    )
    main.add_argument("--output", default="docs/benchmarks.md", help="'' to print only")
    main.add_argument("--command", default="python -m benchmarks", help="recorded in the report")
    main.set_defaults(step=run)
    steps = main.add_subparsers(title="single steps (used by the run)")
    build = steps.add_parser("build", help="build the database of DJANGO_SETTINGS_MODULE")
    build.add_argument("--items", type=int, required=True)
    build.add_argument("--work-dir", required=True)
    build.set_defaults(step=build_step)
    measure = steps.add_parser("measure", help="measure it")
    measure.add_argument("--urls", type=int, default=20)
    measure.add_argument("--repeat", type=int, default=5)
    measure.add_argument("--work-dir", required=True)
    measure.add_argument("--classes", default="", help="page classes, comma-separated (all)")
    measure.add_argument(
        "--no-cached", dest="cached", action="store_false", help="page cache off only"
    )
    measure.set_defaults(step=measure_step)
    return main


def main(argv=None):
    args = parser().parse_args(argv)
    args.step(args)
