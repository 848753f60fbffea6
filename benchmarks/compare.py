"""`python -m benchmarks.compare` (`make bench-compare`): item, partner and home pages on
PostgreSQL against SQLite, the budget being PostgreSQL within 1.5× of SQLite.

It measures the two bench databases `make bench` built (bench.sqlite3, and the PostgreSQL
database named by $DATABASE_URL, by default heritagehub_bench) with the same URLs, page
cache off, in alternation: SQLite, PostgreSQL, SQLite, … for ``--rounds`` rounds. On a shared
machine the load changes by the minute, and alternating puts each change on both engines
alike. Each measurement is the ordinary measure step, in a process of its own. The ratio is
taken from each engine's median over the rounds; every round is shown. The section is written
between ``<!-- bench:compare -->`` markers in docs/benchmarks.md.
"""

import argparse
import json
import os
import statistics
import subprocess
import sys
from pathlib import Path

from . import report
from .cli import REPO, SETTINGS, WORK, databases

CLASSES = ["item", "partner", "home"]
RATIO_TARGET = 1.5
DEFAULT_POSTGRES = "postgres://postgres@127.0.0.1:5432/heritagehub_bench"
START, END = "<!-- bench:compare -->", "<!-- /bench:compare -->"


def engines(environ=os.environ):
    """(label, bench database) of SQLite, then PostgreSQL."""
    (sqlite,) = databases(0, 0, environ={})
    (postgres,) = databases(
        0, 0, environ={"DATABASE_URL": environ.get("DATABASE_URL") or DEFAULT_POSTGRES}
    )
    return [("SQLite", sqlite), ("PostgreSQL", postgres)]


def measure_once(db, work_dir, args):
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": SETTINGS, **db.env}
    if "BENCH_SQLITE" in db.env:
        env.pop("DATABASE_URL", None)
    command = [
        sys.executable, "-m", "benchmarks", "measure", "--no-cached",
        "--classes", ",".join(CLASSES), "--urls", str(args.urls), "--repeat", str(args.repeat),
        "--work-dir", str(work_dir),
    ]  # fmt: skip
    subprocess.run(command, cwd=REPO, env=env, check=True)
    return json.loads((work_dir / "measure.json").read_text())


def run(args):
    rounds = []
    for number in range(1, args.rounds + 1):
        measured = {}
        for label, db in engines():
            print(f"[round {number}] {label}", flush=True)
            measured[label] = measure_once(db, WORK / "compare" / f"{db.name}-{number}", args)
        rounds.append(measured)
    outcome = {
        "rounds": rounds,
        "machine": report.machine(),
        "date": report.now(),
        "command": args.command,
        "urls": args.urls,
        "repeat": args.repeat,
    }
    text = section(outcome)
    print(text)
    if args.output:
        write(REPO / args.output, text)
        print(f"Written to {args.output}.")


def summary(rounds, label, key):
    """(median of the rounds' medians, of their CPU medians, each round's median)."""
    medians = [one[label]["off"][key]["median_ms"] for one in rounds]
    cpus = [one[label]["off"][key]["cpu_median_ms"] for one in rounds]
    return statistics.median(medians), statistics.median(cpus), medians


def section(outcome):
    rounds = outcome["rounds"]
    first = rounds[0]
    items = first["SQLite"]["items"]
    loads = [one[label]["load_before"] for one in rounds for label in one]
    m = outcome["machine"]
    lines = [
        START,
        f"Measured {outcome['date']} with `{outcome['command']}`: {items:,} items, "
        f"{len(rounds)} rounds in alternation, {outcome['urls']} URLs a page type, "
        f"{outcome['repeat']} timed requests per URL, page cache off. "
        f"{m['cpus']} CPUs ({m['cpu_model']}); load average (1 min) before each measurement: "
        f"{', '.join(f'{load[0]:.1f}' for load in loads if load)}.",
        "",
        "| page | SQLite median ms (CPU) | PostgreSQL median ms (CPU) | PostgreSQL ÷ SQLite "
        f"| each round, SQLite / PostgreSQL ms | target ≤ {RATIO_TARGET}× |",
        "|---|---|---|---|---|---|",
    ]
    for key in CLASSES:
        lite, lite_cpu, lite_rounds = summary(rounds, "SQLite", key)
        pg, pg_cpu, pg_rounds = summary(rounds, "PostgreSQL", key)
        ratio = pg / lite
        each = ", ".join(f"{a:.1f} / {b:.1f}" for a, b in zip(lite_rounds, pg_rounds, strict=True))
        label = first["SQLite"]["off"][key]["label"]
        lines.append(
            f"| {label} | {lite:.1f} ({lite_cpu:.1f}) | {pg:.1f} ({pg_cpu:.1f}) | {ratio:.2f} "
            f"| {each} | {'✓' if ratio <= RATIO_TARGET else '✗'} |"
        )
    lines.append(END)
    return "\n".join(lines) + "\n"


def write(path, text):
    """Replace the section between the markers, or add it at the end."""
    path = Path(path)
    current = path.read_text() if path.exists() else ""
    if START in current and END in current:
        before, rest = current.split(START, 1)
        current = before + text.rstrip("\n") + rest.split(END, 1)[1]
    else:
        current = current.rstrip("\n") + "\n\n" + text
    path.write_text(current)


def parser():
    main = argparse.ArgumentParser(
        prog="python -m benchmarks.compare", description=__doc__.split("\n")[0]
    )
    main.add_argument("--rounds", type=int, default=3)
    main.add_argument("--urls", type=int, default=20, help="URLs per page type")
    main.add_argument("--repeat", type=int, default=5, help="timed requests per URL")
    main.add_argument("--output", default="docs/benchmarks.md", help="'' to print only")
    main.add_argument("--command", default="python -m benchmarks.compare")
    return main


def main(argv=None):
    run(parser().parse_args(argv))


if __name__ == "__main__":
    main()
