"""The benchmark's report: the machine, and Markdown tables written into docs/benchmarks.md.

docs/benchmarks.md holds one section per database engine (SQLite, PostgreSQL), each between
``<!-- bench:<engine> -->`` markers: a run replaces its engine's section and keeps the other.
"""

import os
import platform
import re
from datetime import UTC, datetime
from importlib.metadata import version
from pathlib import Path

IMPORT_TARGET = 300  # items per second
QUERY_TARGET = 15  # SQL queries per page

INTRO = """\
# Benchmarks

`make bench` builds a database of at least 100,000 items and measures the public pages and
the CSV import on it (SQLite by default; PostgreSQL when `DATABASE_URL` is set, e.g.
`DATABASE_URL=postgres://postgres@127.0.0.1:5432/heritagehub_bench make bench`). It is run
by hand, not by CI. The sections below are written by it; the code is in `benchmarks/`.

**What is in the database.** The demo site (`load_demo`: home and index pages in five
languages, partners, stories), ten bench partners onboarded with `onboard_partner` (pages and
collections translated into English and French), every one of Tate's 69,202 open-data
records (in Tate's collections, in English, as `demo.tate_csv` converts them; one
record's end year, before its start year in Tate's data, is dropped) and generated variants of
them (new identifiers, shifted dates, other places, tags and rights; one in ten with English
or French titles, so language fallback is exercised), spread unevenly over the bench
partners. Everything is imported from Item CSV files with `import_items --publish`, 5,000
rows a file; the import throughput is items written per second of those imports. A second,
small database (1,000 items, built the same way) gives the query counts to compare. A
database that already holds enough items is reused (`make bench BENCH_ARGS=--force` rebuilds
both); `python -m benchmarks --help` lists the options.

**How pages are measured.** In-process with Django's test client, settings
`heritagehub.settings.bench` (DEBUG off), as a first-time anonymous visitor: for each URL one
warm-up request, one request whose SQL queries are counted, then N timed requests
(`time.perf_counter` around the request: routing, middleware, queries, rendering; no network
or WSGI server), and the serving thread's CPU time (`time.thread_time`): on a busy machine
the wall time includes waiting for a core, the CPU time is what the request costs a free
core (on SQLite, which runs in the process; PostgreSQL's own work is not in it). Up to 20
URLs per class: different items, stories, partners and records, facet pairs taken from real items,
search words, in all five languages. "Page cache off" renders every request
(`HERITAGEHUB_PAGE_CACHE_SECONDS=0`); "page cache on" is the anonymous page cache, warm.
A request slower than 30 s is cancelled and its page class reported as timed out; a class
whose requests have taken 90 s is not measured on further URLs ("3 of 20").
Targets (median, page cache off): 15 ms for home, item, story, partner and record pages
(people and places: always the person and the place with the most linked items, in every
language, and a later page of their lists, beside random records and the index), 60 ms
for browsing the collection index, 80 ms for text queries and site search; at most 15 SQL
queries per page, the same at 1,000 and 100,000 items; import at least 300 items/s. The
machine is shared: its load average is given with each run.
"""


def machine():
    """What the numbers were measured on."""
    return {
        "cpus": os.cpu_count(),
        "cpu_model": _proc_value("/proc/cpuinfo", "model name") or platform.processor(),
        "memory": _memory(),
        "system": platform.platform(terse=True),
        "python": platform.python_version(),
        "django": version("django"),
        "wagtail": version("wagtail"),
    }


def _proc_value(path, key):
    try:
        text = Path(path).read_text()
    except OSError:
        return ""
    match = re.search(rf"^{re.escape(key)}\s*:\s*(.+)$", text, re.MULTILINE)
    return match.group(1).strip() if match else ""


def _memory():
    kib = _proc_value("/proc/meminfo", "MemTotal").split()
    return f"{int(kib[0]) / 1024 / 1024:.0f} GiB" if kib else "unknown"


def load_average():
    try:
        return [round(value, 2) for value in os.getloadavg()]
    except OSError:
        return None


def now():
    return datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC")


# --- Markdown --------------------------------------------------------------------------------


def _ms(value):
    return "–" if value is None else f"{value:.1f}"


def _urls(data):
    """How many URLs were measured ("3 of 20" when slow pages used up the class's time)."""
    measured = data.get("measured_urls", data["urls"])
    return str(data["urls"]) if measured >= data["urls"] else f"{measured} of {data['urls']}"


def _median(data):
    """The median, or that a request timed out (its URL; the class was not measured on)."""
    if data.get("timed_out"):
        return f"**> {data['limit_s']} s**: `{data['timed_out']}` timed out"
    return _ms(data["median_ms"])


def _queries(counts):
    if not counts:
        return "–"
    low, high = min(counts), max(counts)
    return str(low) if low == high else f"{low}–{high}"


def _mark(ok):
    return "✓" if ok else "✗"


def page_table(classes, compare=None):
    """Markdown table of one phase: {key: ClassResult dict}; ``compare`` the same phase at
    the smaller scale (its query counts)."""
    header = "| page | URLs | timed requests | median ms | p95 ms | median CPU ms | SQL queries |"
    rule = "|---|---|---|---|---|---|---|"
    if compare is not None:
        header += " SQL queries, small database |"
        rule += "---|"
    header += " slowest URL (its median ms) | target (median) |"
    rule += "---|---|"
    lines = [header, rule]
    for key, data in classes.items():
        median = data["median_ms"]
        ok = median is not None and median <= data["target_ms"] and not data.get("timed_out")
        ok = ok and data["queries"] and max(data["queries"]) <= QUERY_TARGET
        cells = [
            data["label"],
            _urls(data),
            str(len(data["times_ms"])),
            _median(data),
            _ms(data["p95_ms"]),
            _ms(data.get("cpu_median_ms")),
            _queries(data["queries"]),
        ]
        if compare is not None:
            cells.append(_queries(compare.get(key, {}).get("queries")))
        slowest = data.get("slowest")
        cells.append(f"`{slowest[0]}` ({slowest[1]:.0f})" if slowest else "–")
        cells.append(f"≤ {data['target_ms']} ms, ≤ {QUERY_TARGET} queries {_mark(ok)}")
        lines.append("| " + " | ".join(cells) + " |")
    return "\n".join(lines)


def cached_table(classes):
    lines = [
        "| page | median ms | p95 ms | SQL queries | X-Cache of timed requests |",
        "|---|---|---|---|---|",
    ]
    for data in classes.values():
        states = ", ".join(f"{state} {n}" for state, n in sorted(data["x_cache"].items()))
        lines.append(
            f"| {data['label']} | {_median(data)} | {_ms(data['p95_ms'])} "
            f"| {_queries(data['queries'])} | {states or '–'} |"
        )
    return "\n".join(lines)


def import_summary(build):
    runs = build.get("imports") or []
    if not runs:
        return "No import measured (the database was built before its numbers were kept)."
    rows = sum(run["rows"] for run in runs)
    seconds = sum(run["seconds"] for run in runs)
    rate = rows / seconds if seconds else 0
    rates = [run["rows"] / run["seconds"] for run in runs if run["seconds"]]
    lines = [
        "| files | items imported | seconds | items/s | slowest file | fastest file | target |",
        "|---|---|---|---|---|---|---|",
        f"| {len(runs)} | {rows:,} | {seconds:,.0f} | **{rate:,.0f}** | {min(rates):,.0f}/s "
        f"| {max(rates):,.0f}/s | ≥ {IMPORT_TARGET}/s {_mark(rate >= IMPORT_TARGET)} |",
        "",
        "<details><summary>Each file</summary>",
        "",
        "| file | rows | seconds | items/s |",
        "|---|---|---|---|",
    ]
    for run in runs:
        lines.append(
            f"| {run['file']} | {run['rows']:,} | {run['seconds']:.1f} "
            f"| {run['rows'] / run['seconds']:,.0f} |"
        )
    lines += ["", "</details>"]
    return "\n".join(lines)


def section(run):
    """The Markdown section of one `make bench` run (see ``benchmarks.cli.run``)."""
    main, compare = run["main"], run.get("compare")
    m = run["machine"]
    measured = main["measure"]
    loads = measured["load_before"], measured["load_after"]
    load = " → ".join(", ".join(str(v) for v in pair) for pair in loads if pair)
    parts = [
        f"## {measured['database_version'].split()[0]}",
        "",
        f"Measured {run['date']} with `{run['command']}`: {measured['items']:,} items "
        f"({measured['pages']:,} pages), {run['repeat']} timed requests per URL.",
        "",
        f"Machine: {m['cpus']} CPUs ({m['cpu_model']}), {m['memory']} RAM, {m['system']}; "
        f"Python {m['python']}, Django {m['django']}, Wagtail {m['wagtail']}, "
        f"{measured['database_version']}. Load average (1, 5, 15 min) before → after "
        f"measuring: {load or 'unknown'}.",
        "",
        "### Pages, page cache off",
        "",
    ]
    small = compare["measure"]["off"] if compare else None
    parts.append(page_table(measured["off"], small))
    if compare:
        parts += [
            "",
            f"The small database ({compare['measure']['items']:,} items) is built the same "
            "way; its counts show whether queries grow with the number of items.",
        ]
    parts += ["", "### Pages, anonymous page cache on (warm)", "", cached_table(measured["on"])]
    parts += ["", "### Import (`import_items --publish`)", "", import_summary(main["build"])]
    if main["build"].get("measured"):
        parts += ["", f"Import measured {main['build']['measured']}."]
    return "\n".join(parts) + "\n"


def engine_key(run):
    return run["main"]["measure"]["database_version"].split()[0].lower()


ENGINE_SECTION = re.compile(
    r"<!-- bench:(sqlite|postgresql) -->\n(.*?)<!-- /bench:\1 -->\n", re.DOTALL
)


def write(path, run):
    """Write ``run``'s section into ``path``, keeping the other engine's section and what
    follows the engines' sections (the capabilities' sections, written by hand or by their
    own benches)."""
    path = Path(path)
    sections, rest = {}, ""
    if path.exists():
        text = path.read_text(encoding="utf-8")
        found = list(ENGINE_SECTION.finditer(text))
        sections = {match[1]: match[2] for match in found}
        rest = text[found[-1].end() :] if found else ""
    sections[engine_key(run)] = section(run)
    body = [INTRO]
    for key in sorted(sections, key=lambda k: (k != "sqlite", k)):
        body.append(f"<!-- bench:{key} -->\n{sections[key]}<!-- /bench:{key} -->\n")
    path.write_text("\n".join(body) + rest, encoding="utf-8")
    return path
