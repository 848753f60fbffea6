"""The PostgreSQL-against-SQLite comparison's report (benchmarks.compare)."""

from benchmarks import compare


def measurement(medians, cpu=10.0, load=1.0):
    return {
        "items": 100_000,
        "load_before": [load, load, load],
        "off": {
            key: {"label": key, "median_ms": ms, "cpu_median_ms": cpu}
            for key, ms in medians.items()
        },
    }


def outcome(rounds):
    return {
        "rounds": [
            {"SQLite": measurement(lite), "PostgreSQL": measurement(pg)} for lite, pg in rounds
        ],
        "machine": {"cpus": 2, "cpu_model": "test"},
        "date": "2026-12-07 14:00 UTC",
        "command": "make bench-compare",
        "urls": 20,
        "repeat": 5,
    }


def row(text, label):
    return next(line for line in text.splitlines() if line.startswith(f"| {label} |"))


def test_the_ratio_is_taken_from_each_engines_median_over_the_rounds():
    rounds = [
        ({"item": 10, "partner": 20, "home": 30}, {"item": 14, "partner": 40, "home": 30}),
        ({"item": 12, "partner": 20, "home": 30}, {"item": 30, "partner": 40, "home": 30}),
        ({"item": 11, "partner": 20, "home": 30}, {"item": 15, "partner": 40, "home": 30}),
    ]
    text = compare.section(outcome(rounds))
    item = row(text, "item")
    assert "| 11.0 (10.0) | 15.0 (10.0) | 1.36 |" in item
    assert item.endswith("✓ |")
    assert "| 2.00 |" in row(text, "partner") and row(text, "partner").endswith("✗ |")


def test_every_round_is_shown_in_order():
    rounds = [({"item": 10, "partner": 1, "home": 1}, {"item": 14, "partner": 1, "home": 1})] * 2
    rounds.append(({"item": 9, "partner": 1, "home": 1}, {"item": 8, "partner": 1, "home": 1}))
    assert "| 10.0 / 14.0, 10.0 / 14.0, 9.0 / 8.0 |" in row(
        compare.section(outcome(rounds)), "item"
    )


def test_writing_replaces_only_the_section_between_its_markers(tmp_path):
    path = tmp_path / "benchmarks.md"
    path.write_text(f"# Top\n\n{compare.START}\nold\n{compare.END}\n\n## After\n")
    compare.write(path, f"{compare.START}\nnew\n{compare.END}\n")
    assert path.read_text() == f"# Top\n\n{compare.START}\nnew\n{compare.END}\n\n## After\n"


def test_writing_adds_the_section_when_the_file_has_none(tmp_path):
    path = tmp_path / "benchmarks.md"
    path.write_text("# Top\n")
    compare.write(path, f"{compare.START}\nnew\n{compare.END}\n")
    assert path.read_text() == f"# Top\n\n{compare.START}\nnew\n{compare.END}\n"


def test_postgresql_is_the_database_url_or_the_bench_default():
    (_, sqlite), (_, postgres) = compare.engines(environ={})
    assert sqlite.sqlite_path.name == "bench.sqlite3"
    assert postgres.name == "heritagehub_bench"
    (_, _), (_, other) = compare.engines(environ={"DATABASE_URL": "postgres://x@h:5432/mine"})
    assert other.name == "mine"
