"""The large-file import's budget (docs/benchmarks.md, "Import of one large file"): a
100,000-row Item CSV into a database that already holds 100,000 items, at ≥ 1,000 items/s
with a peak resident memory ≤ 500 MB.

``python -m benchmarks.importing`` (``make bench-import``) builds a seed database once: the
demo site, one bench partner whose collections are translated into English and French, and
``--items`` items imported from generated rows (bench-import-seed.sqlite3, or the
PostgreSQL database of $DATABASE_URL's name with ``_import_seed``). Each measurement starts
from a copy of it (bench-import.sqlite3, or ``_import``: ``CREATE DATABASE … TEMPLATE``), so
that every run imports into the same 100,000 items. Then, each in a process of its own as a
user runs it, ``manage.py import_items FILE --publish`` of ``--rows`` new rows (one in ten
with translated titles, long descriptions, tags, rights), and the same file again (every row
unchanged: the idempotent re-run). Wall time around the process, its peak resident memory
from ``wait4`` (the kernel's maxrss of that process alone), the machine's load average.
"""

import argparse
import csv
import json
import os
import random
import shutil
import subprocess
import sys
import time
from urllib.parse import urlsplit, urlunsplit

from . import content, report
from .cli import REPO, Database, create, drop
from .own import publish

SETTINGS = "heritagehub.settings.bench"
# Seed file, results and logs, by engine (both may run at once).
WORK = REPO / ".bench" / "import" / ("postgresql" if os.environ.get("DATABASE_URL") else "sqlite")
PARTNER = content.BenchPartner(
    "Archivio Grandi Fondi (bench)", "bench-grandi-fondi", "archive", 1, ("seed", "measured")
)
TARGET_RATE = 1_000  # items/s
TARGET_RSS_MB = 500
WORDS = [
    "veduta",
    "porto",
    "ritratto",
    "paesaggio",
    "fiume",
    "ponte",
    "chiesa",
    "piazza",
    "mercato",
    "officina",
    "stazione",
    "teatro",
    "villa",
    "giardino",
    "torre",
    "castello",
    "fabbrica",
    "nave",
    "strada",
    "canale",
    "monte",
    "lago",
    "festa",
    "processione",
    "bottega",
    "scuola",
    "ospedale",
    "molo",
    "faro",
    "cantiere",
    "mulino",
    "fornace",
]
CREATORS = [
    "Mario Gabinio",
    "Studio Fotografico Brogi",
    "Giacomo Brogi",
    "Anonimo",
    "Fratelli Alinari",
    "Carlo Naya",
    "Ditta Sciutto",
    "Vittorio Sella",
]
TYPES = ["photograph", "print", "drawing", "painting", "map", "document", "poster"]


def databases(environ=os.environ):
    """(seed, measured) bench databases."""
    url = environ.get("DATABASE_URL", "")
    result = []
    for suffix in ("_import_seed", "_import"):
        if url:
            parts = urlsplit(url)
            name = parts.path.lstrip("/") + suffix
            own = urlunsplit(parts._replace(path=f"/{name}"))
            result.append(Database(name, 0, {"DATABASE_URL": own}, postgres_url=own))
        else:
            name = "bench" + suffix.replace("_", "-")
            result.append(Database(name, 0, {"BENCH_SQLITE": str(REPO / f"{name}.sqlite3")}))
    return result


def rows(count, prefix, seed):
    """``count`` Item CSV rows identified ``prefix``000001…: titles and descriptions of a
    catalogue's usual length, one in ten with English titles (half of those French too)."""
    rng = random.Random(seed)
    for number in range(1, count + 1):
        words = rng.sample(WORDS, 4)
        start = rng.randint(1840, 1990)
        place, latitude, longitude = rng.choices(
            [p[:-1] for p in content.PLACES], weights=[p[-1] for p in content.PLACES]
        )[0]
        title = f"{words[0].capitalize()} {words[1]} a {place}, {number}"
        row = {
            "identifier": f"{prefix}{number:06d}",
            "title": title,
            "description": " ".join(rng.choice(WORDS) for _ in range(rng.randint(20, 120))),
            "object_type": rng.choice(TYPES),
            "creator": rng.choice(CREATORS),
            "date": f"c. {start}",
            "date_start": str(start),
            "date_end": str(start + rng.randint(0, 10)),
            "place": place,
            "latitude": f"{latitude:.4f}",
            "longitude": f"{longitude:.4f}",
            "materials": "Gelatina bromuro d'argento su carta",
            "dimensions": f"{rng.randint(9, 60)} x {rng.randint(9, 60)} cm",
            "rights": rng.choices(
                [r[0] for r in content.RIGHTS], weights=[r[1] for r in content.RIGHTS]
            )[0],
            "credit_line": PARTNER.name,
            "tags": ";".join(rng.sample(content.TAGS, rng.randint(1, 4))),
            "source_url": f"https://example.org/{prefix.lower()}{number}",
            "title_en": "",
            "title_fr": "",
        }
        if rng.random() < content.TRANSLATED_SHARE:
            row["title_en"] = f"{title} (en)"
            if rng.random() < 0.5:
                row["title_fr"] = f"{title} (fr)"
        yield row


def write_csv(path, count, prefix, seed):
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(path, "w", newline="", encoding="utf-8") as handle:
        writer = None
        for row in rows(count, prefix, seed):
            if writer is None:
                writer = csv.DictWriter(handle, fieldnames=list(row))
                writer.writeheader()
            writer.writerow(row)
    return path


# --- the run (no Django in this process) ------------------------------------------------------


def run(args):
    seed_db, measured_db = databases()
    if args.force:
        drop(seed_db)
    create(seed_db)
    _step(seed_db, "seed", "--items", str(args.items))
    seeded = json.loads((WORK / "seed.json").read_text())
    new_file = write_csv(WORK / f"new-{args.rows}.csv", args.rows, "L", seed=2)
    runs = []
    for repeat in range(args.repeat):
        _copy(seed_db, measured_db)
        load_before = report.load_average()
        first = _import(measured_db, new_file, f"new-{repeat + 1}")
        again = _import(measured_db, new_file, f"again-{repeat + 1}")
        counted = _step(measured_db, "count", capture=True)
        runs.append(
            {
                "new": first,
                "again": again,
                "items_after": json.loads(counted)["items"],
                "load_before": load_before,
                "load_after": report.load_average(),
            }
        )
        print(json.dumps(runs[-1]), flush=True)
    outcome = {
        "engine": "postgresql" if measured_db.postgres_url else "sqlite",
        "rows": args.rows,
        "seed": seeded,
        "runs": runs,
        "machine": report.machine(),
        "date": report.now(),
        "command": _command(args.command),
    }
    (WORK / f"{outcome['engine']}.json").write_text(json.dumps(outcome, indent=1))
    publish(section(outcome), args.output, f"bench-import:{outcome['engine']}")


def _command(command):
    url = os.environ.get("DATABASE_URL", "")
    return f"DATABASE_URL={url} {command}" if url else command


def _env(db):
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": SETTINGS, **db.env}
    if "BENCH_SQLITE" in db.env:
        env.pop("DATABASE_URL", None)
    return env


def _step(db, *arguments, capture=False):
    command = [sys.executable, "-m", "benchmarks.importing", *arguments]
    print(f"[{db.name}] {' '.join(arguments)}", flush=True)
    done = subprocess.run(
        command, cwd=REPO, env=_env(db), check=True, stdout=subprocess.PIPE if capture else None
    )
    return done.stdout


def _copy(seed_db, measured_db):
    """The measured database, a fresh copy of the seed."""
    drop(measured_db)
    if seed_db.postgres_url:
        from .cli import _postgres

        _postgres(measured_db, f'CREATE DATABASE "{measured_db.name}" TEMPLATE "{seed_db.name}"')
    else:
        shutil.copyfile(seed_db.sqlite_path, measured_db.sqlite_path)
    seed_media = REPO / "bench-media" / seed_db.name
    if seed_media.exists():
        shutil.copytree(seed_media, REPO / "bench-media" / measured_db.name)


def _import(db, path, label):
    """``manage.py import_items`` of ``path`` in a process of its own: its seconds, peak
    resident memory and the command's summary line."""
    command = [
        sys.executable,
        "manage.py",
        "import_items",
        str(path),
        "--partner",
        PARTNER.slug,
        "--collection",
        "measured",
        "--publish",
    ]
    log = WORK / f"{label}.log"
    print(f"[{db.name}] import_items {path.name} ({label})", flush=True)
    with open(log, "w") as err:
        started = time.perf_counter()
        process = subprocess.Popen(
            command, cwd=REPO, env=_env(db), stdout=subprocess.PIPE, stderr=err, text=True
        )
        out = process.stdout.read()
        _pid, status, usage = os.wait4(process.pid, 0)
        seconds = time.perf_counter() - started
        process.returncode = os.waitstatus_to_exitcode(status)
    if process.returncode:
        raise SystemExit(f"import_items failed ({label}); see {log}:\n{out}")
    lines = [line for line in log.read_text().splitlines() if line.strip()]
    return {
        "seconds": seconds,
        "peak_rss_mb": usage.ru_maxrss / 1024,  # KiB on Linux
        # The process's own CPU time: what the import costs a free core whatever else the
        # machine runs (on SQLite the database's work is in it; PostgreSQL's server is not).
        "cpu_seconds": usage.ru_utime + usage.ru_stime,
        "summary": out.strip().splitlines()[0] if out.strip() else "",
        "progress_lines": len(lines),
    }


# --- the steps, each in its own process ------------------------------------------------------


def _django():
    import django

    os.environ.setdefault("DJANGO_SETTINGS_MODULE", SETTINGS)
    django.setup()


def seed_step(args):
    _django()
    from django.core.management import call_command

    from heritage_collections.importing import ItemImport, resolve
    from partners.models import PartnerIndexPage

    from .build import item_count, load_demo, partner_page

    call_command("migrate", "--noinput", verbosity=0)
    if not PartnerIndexPage.objects.exists():
        load_demo()
    partner_page(PARTNER)
    before = item_count()
    seconds = None
    missing = args.items - before
    if missing > 0:
        path = write_csv(WORK / f"seed-{missing}.csv", missing, f"S{before:06d}-", seed=1)
        started = time.perf_counter()
        item_import = ItemImport(str(path), resolve(PARTNER.slug, "seed"), publish=True)
        result = item_import.run()
        if result.error_count:
            raise SystemExit(f"The seed file has errors: {result.errors[:5]}")
        seconds = time.perf_counter() - started
        path.unlink()
    from .own import analyse

    analyse()
    data = {"items": item_count(), "seeded_now": max(missing, 0), "seconds": seconds}
    WORK.mkdir(parents=True, exist_ok=True)
    (WORK / "seed.json").write_text(json.dumps(data))


def report_step(args):
    path = WORK.parent / args.engine / f"{args.engine}.json"
    publish(section(json.loads(path.read_text())), args.output, f"bench-import:{args.engine}")


def count_step(args):
    _django()
    from .build import item_count

    print(json.dumps({"items": item_count()}))


# --- the report ----------------------------------------------------------------------------


def section(outcome):
    engine = "SQLite" if outcome["engine"] == "sqlite" else "PostgreSQL"
    runs = outcome["runs"]
    rows = outcome["rows"]
    best = min(runs, key=lambda r: r["new"]["seconds"])
    m = outcome["machine"]
    lines = [
        f"### {engine}",
        "",
        f"Measured {outcome['date']} with `{outcome['command']}`: {rows:,} new rows into a "
        f"database of {outcome['seed']['items']:,} items, {len(runs)} run(s), each from a "
        "fresh copy of it.",
        "",
        f"Machine: {m['cpus']} CPUs ({m['cpu_model']}), {m['memory']} RAM, {m['system']}; "
        f"Python {m['python']}, Django {m['django']}, Wagtail {m['wagtail']}; shared with "
        "other work (the load average is given with each run).",
        "",
        "| run | import (new rows): wall | items/s | CPU | items/CPU-s | peak RSS | "
        "re-run (unchanged): wall | rows/s | peak RSS | items after | load average "
        "before → after |",
        "|---|---|---|---|---|---|---|---|---|---|---|",
    ]
    for number, one in enumerate(runs, 1):
        new, again = one["new"], one["again"]
        lines.append(
            f"| {number} | {new['seconds']:.0f} s | {rows / new['seconds']:,.0f} | "
            f"{new['cpu_seconds']:.0f} s | {rows / new['cpu_seconds']:,.0f} | "
            f"{new['peak_rss_mb']:.0f} MB | {again['seconds']:.0f} s | "
            f"{rows / again['seconds']:,.0f} | {again['peak_rss_mb']:.0f} MB | "
            f"{one['items_after']:,} | {_load(one['load_before'])} → {_load(one['load_after'])} |"
        )
    rate = rows / best["new"]["seconds"]
    cpu_rate = rows / best["new"]["cpu_seconds"]
    rss = max(max(r["new"]["peak_rss_mb"], r["again"]["peak_rss_mb"]) for r in runs)
    lines += [
        "",
        f"Best import **{rate:,.0f} items/s** of wall time (target ≥ {TARGET_RATE:,}: "
        f"{'✓' if rate >= TARGET_RATE else '✗'}), {cpu_rate:,.0f} items per second of the "
        f"importing process's CPU time; highest peak RSS **{rss:.0f} MB** "
        f"(target ≤ {TARGET_RSS_MB}: {'✓' if rss <= TARGET_RSS_MB else '✗'}).",
        f"The command's summary: “{best['new']['summary']}”; re-run: “{best['again']['summary']}”.",
    ]
    if outcome["seed"].get("seconds"):
        seeded = outcome["seed"]["seeded_now"]
        lines.append(
            f"The seed's {seeded:,} items went in by the same import in "
            f"{outcome['seed']['seconds']:.0f} s ({seeded / outcome['seed']['seconds']:,.0f} "
            "items/s, into an empty database, in-process)."
        )
    return "\n".join(lines)


def _load(load):
    return "/".join(f"{value:.1f}" for value in load) if load else "?"


def parser():
    main = argparse.ArgumentParser(
        prog="python -m benchmarks.importing", description=__doc__.split("\n")[0]
    )
    main.add_argument("--items", type=int, default=100_000, help="items already stored")
    main.add_argument("--rows", type=int, default=100_000, help="rows of the imported file")
    main.add_argument("--repeat", type=int, default=1, help="measured runs")
    main.add_argument("--force", action="store_true", help="rebuild the seed database")
    main.add_argument("--output", default="docs/benchmarks.md", help="'' to print only")
    main.add_argument("--command", default="python -m benchmarks.importing")
    main.set_defaults(step=run)
    steps = main.add_subparsers(title="single steps (used by the run)")
    seed = steps.add_parser("seed")
    seed.add_argument("--items", type=int, required=True)
    seed.set_defaults(step=seed_step)
    steps.add_parser("count").set_defaults(step=count_step)
    written = steps.add_parser("report", help="write the last run's results again")
    written.add_argument("engine", choices=["sqlite", "postgresql"])
    written.add_argument("--output", default="docs/benchmarks.md")
    written.set_defaults(step=report_step)
    return main


def main(argv=None):
    args = parser().parse_args(argv)
    args.step(args)


if __name__ == "__main__":
    main()
