"""`make loadtest` (benchmarks/loadtest/): its arithmetic and its report, without servers.

The servers and faults themselves are exercised by tests/heritagehub/test_fault_smoke.py
(the same ``servers`` module); wrk is not installed on every machine that runs the suite.
"""

from benchmarks.loadtest import load, report

WRK_LINE = {
    "duration_us": 10_000_000,
    "requests": 5000,
    "bytes": 1,
    "errors": {"connect": 0, "read": 2, "write": 0, "timeout": 1},
    "latency_us": {"p50": 1500, "p95": 9000, "p99": 20000, "max": 30000, "mean": 2000},
    "statuses": {"200": 4900, "503": 60, "500": 40},
    "x_cache": {"hit": 4000, "miss": 1000},
}


def window(name="mixed", **changes):
    return load.window(name, {**WRK_LINE, **changes})


def test_a_window_has_wrks_numbers_in_milliseconds_and_per_second():
    result = window()
    assert (result.throughput, result.p50_ms, result.p99_ms) == (500, 1.5, 20)


def test_errors_are_requests_without_answer_plus_answers_not_2xx_or_3xx():
    result = window(statuses={"200": 4890, "302": 10, "503": 60, "500": 40})
    assert (result.socket_errors, result.failed_statuses) == (3, {"503": 60, "500": 40})
    assert result.error_count == 103


def test_a_window_without_answers_has_no_percentiles():
    assert window(requests=0).p50_ms is None


def test_each_run_of_a_mix_continues_with_cold_paths_not_requested_yet():
    mix = load.Mix(hot=["/it/"], cold=[f"/it/item-{n}/" for n in range(10)], cold_every=5)
    mix.requested(20)  # four of them were cold
    assert mix.cold_paths()[:2] == ["/it/item-4/", "/it/item-5/"]


def run(phases, faults=()):
    return {"phases": [w.as_dict() for w in phases], "faults": list(faults)}


def fault(name, windows, recovery):
    return {"name": name, "windows": [w.as_dict() for w in windows], "recovery_seconds": recovery}


def targets(result):
    return {name: met for name, _measured, met in report.targets(result)}


def test_cached_pages_meet_the_target_from_1000_requests_per_second():
    fast = window("cached", requests=10_000, statuses={"200": 10_000}, errors={})
    slow = window("cached", requests=9_990, statuses={"200": 9_990}, errors={})
    key = "cached anonymous pages ≥ 1,000 requests/s"
    assert (targets(run([fast]))[key], targets(run([slow]))[key]) == (True, False)


def test_a_500_during_the_redis_outage_misses_its_target():
    clean = window(statuses={"200": 5000}, errors={})
    failed = window(statuses={"200": 4999, "500": 1}, errors={})
    result = run([clean], [fault("redis", [clean, failed, clean], 1.0)])
    assert targets(result)["no 500 during and after the Redis outage"] is False


def test_503s_while_postgresql_is_down_are_no_500s_but_recovery_is_timed():
    clean = window(statuses={"200": 5000}, errors={})
    outage = window(statuses={"200": 4000, "503": 1000}, errors={})
    met = targets(run([clean], [fault("postgres", [clean, outage, clean], 6.2)]))
    assert met["no 500 around the PostgreSQL restart"] is True
    assert met["recovery ≤ 5 s after PostgreSQL returns"] is False


def test_writing_the_report_replaces_its_section_and_keeps_the_prose(tmp_path):
    path = tmp_path / "reliability.md"
    path.write_text(f"# Reliability\n\nProse.\n\n{report.START}\nold\n{report.END}\n\nMore.\n")
    outcome = {
        **run([window("cached", statuses={"200": 5000}, errors={})]),
        "machine": {
            "cpus": 2,
            "cpu_model": "test",
            "memory": "1 GiB",
            "system": "Linux",
            "python": "3.11",
            "django": "5.2",
            "wagtail": "8.0",
        },
        "date": "today",
        "command": "make loadtest",
        "minutes": 1.0,
        "load": [None, None],
        "database": {"items": 100_000, "version": "PostgreSQL 15"},
        "servers": {
            "gunicorn": "3 gthread workers",
            "redis": "7",
            "wrk": "wrk 4",
            "connections": 32,
            "mix_connections": 4,
            "timeout": 10,
            "urls": "some",
        },
    }
    report.write(path, outcome)
    text = path.read_text()
    assert text.startswith("# Reliability\n\nProse.\n") and text.endswith("\n\nMore.\n")
    assert "old" not in text and "| cached | 10 | 5,000 | 500 |" in text
