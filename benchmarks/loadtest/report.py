"""docs/reliability.md's measured section: written by `make loadtest` between the markers
``<!-- loadtest -->`` and ``<!-- /loadtest -->``, the rest of the file (the prose) kept."""

import re
from pathlib import Path

CACHED_THROUGHPUT_TARGET = 1000  # requests per second, cached anonymous pages
RECOVERY_TARGET_SECONDS = 5  # after PostgreSQL accepts connections again
START, END = "<!-- loadtest -->", "<!-- /loadtest -->"


def targets(run):
    """[(target, measured, met)] of a run (see ``benchmarks.loadtest.cli``)."""
    phases = {window["name"]: window for window in run["phases"]}
    faults = {fault["name"]: fault for fault in run["faults"]}
    quiet = sum(window["error_count"] for window in run["phases"])
    rows = [
        ("no errors without faults (warm-up, cached, mixed)", f"{quiet} errors", quiet == 0),
    ]
    if "cached" in phases:
        rate = phases["cached"]["throughput"]
        rows.append(
            (
                f"cached anonymous pages ≥ {CACHED_THROUGHPUT_TARGET:,} requests/s",
                f"{rate:,.0f} requests/s",
                rate >= CACHED_THROUGHPUT_TARGET,
            )
        )
    if "redis" in faults:
        errors = _status_sum(faults["redis"]["windows"][1:], "500")
        rows.append(("no 500 during and after the Redis outage", f"{errors} × 500", errors == 0))
    if "postgres" in faults:
        fault = faults["postgres"]
        recovery = fault["recovery_seconds"]
        measured = seconds(recovery)
        met = recovery is not None and recovery <= RECOVERY_TARGET_SECONDS
        rows.append(
            (f"recovery ≤ {RECOVERY_TARGET_SECONDS} s after PostgreSQL returns", measured, met)
        )
        errors = _status_sum(fault["windows"], "500")
        rows.append(("no 500 around the PostgreSQL restart", f"{errors} × 500", errors == 0))
        after = fault["windows"][-1]["error_count"]
        rows.append(("no errors after the PostgreSQL restart", f"{after} errors", after == 0))
    return rows


def _status_sum(windows, status):
    return sum(window["statuses"].get(status, 0) for window in windows)


def ms(value):
    return "–" if value is None else f"{value:.1f}"


def seconds(value):
    return "not within 30 s" if value is None else f"{value:.1f} s"


def _counts(counts):
    return ", ".join(f"{key} {n:,}" for key, n in sorted(counts.items()) if n) or "–"


def window_table(windows):
    lines = [
        "| window | s | requests | requests/s | p50 ms | p95 ms | p99 ms "
        "| no answer (connect, read, write, timeout) | not 2xx/3xx | 500 | 503 | X-Cache |",
        "|---|---|---|---|---|---|---|---|---|---|---|---|",
    ]
    for w in windows:
        failed = {s: n for s, n in w["statuses"].items() if not 200 <= int(s) < 400}
        lines.append(
            f"| {w['name']} | {w['seconds']:.0f} | {w['requests']:,} | {w['throughput']:,.0f} "
            f"| {ms(w['p50_ms'])} | {ms(w['p95_ms'])} | {ms(w['p99_ms'])} "
            f"| {_counts(w['errors'])} | {_counts(failed)} | {w['statuses'].get('500', 0)} "
            f"| {w['statuses'].get('503', 0)} | {_counts(w['x_cache'])} |"
        )
    return "\n".join(lines)


def section(run):
    m, servers = run["machine"], run["servers"]
    load = " → ".join(", ".join(str(v) for v in pair) for pair in run["load"] if pair)
    parts = [
        "## Measured",
        "",
        f"Measured {run['date']} with `{run['command']}` ({run['minutes']:.1f} min in all) on "
        f"{run['database']['items']:,} items ({run['database']['version']}).",
        "",
        f"Machine: {m['cpus']} CPUs ({m['cpu_model']}), {m['memory']} RAM, {m['system']}; "
        f"Python {m['python']}, Django {m['django']}, Wagtail {m['wagtail']}. "
        f"Load average (1, 5, 15 min) before → after: {load or 'unknown'}.",
        "",
        f"Servers: gunicorn {servers['gunicorn']}, Redis {servers['redis']}; load from "
        f"{servers['wrk']}, one thread, {servers['connections']} connections in the cached "
        f"phase, {servers['mix_connections']} in the others, timeout {servers['timeout']} s. "
        f"URLs: {servers['urls']}.",
        "",
        "### Targets",
        "",
        "| target | measured | met |",
        "|---|---|---|",
    ]
    parts += [f"| {name} | {value} | {'✓' if ok else '✗'} |" for name, value, ok in targets(run)]
    parts += ["", "### Without faults", "", window_table(run["phases"])]
    titles = {"redis": "Redis outage", "postgres": "PostgreSQL restart"}
    for fault in run["faults"]:
        recovered = seconds(fault["recovery_seconds"])
        what = {
            "redis": "until a page was served from the cache again, after Redis started",
            "postgres": "from PostgreSQL accepting connections until /health/ and a page "
            "rendered afresh answered 200",
        }[fault["name"]]
        parts += [
            "",
            f"### {titles[fault['name']]}",
            "",
            window_table(fault["windows"]),
            "",
            f"Recovery ({what}): **{recovered}**.",
        ]
    return "\n".join(parts) + "\n"


def write(path, run):
    """Put ``run``'s section between the markers of ``path`` (appended when it has none)."""
    path = Path(path)
    text = path.read_text(encoding="utf-8") if path.exists() else "# Reliability\n"
    block = f"{START}\n{section(run)}{END}"
    if START in text and END in text:
        pattern = re.escape(START) + r".*?" + re.escape(END)
        text = re.sub(pattern, lambda _match: block, text, count=1, flags=re.DOTALL)
    else:
        text = text.rstrip("\n") + "\n\n" + block + "\n"
    path.write_text(text, encoding="utf-8")
    return path
