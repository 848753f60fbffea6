"""`make bench` (benchmarks/): the harness at tiny scale, so that it cannot silently rot.

The real run builds 100,000 items and takes long; here the builder imports a hundred items
into a hub of index pages and one story (no load_demo), once for the module, and the
measurer requests a few URLs of each page class once.
"""

import random
from collections import Counter
from dataclasses import replace

import pytest
from django.core.management import CommandError
from django.db import DatabaseError, connection, transaction
from django.test import TestCase
from wagtail.models import Page

from benchmarks import content, measure, report
from benchmarks.build import build, import_file, item_count
from benchmarks.cli import databases, recorded_command
from heritage_collections.models import ItemAgent, ItemPage, ItemPlace
from heritagehub.i18n import url_in_language
from home.models import HomePage
from tests.factories import (
    AgentPageFactory,
    AuthorityIndexPageFactory,
    CollectionIndexPageFactory,
    PartnerIndexPageFactory,
    PlacePageFactory,
    StoryIndexPageFactory,
    StoryPageFactory,
)

TINY_PARTNERS = [
    replace(partner, collections=partner.collections[:1], languages=("en",))
    for partner in content.BENCH_PARTNERS[:2]
]
# No load_demo: the home page of the migrations and the index pages of the fixture.
TINY = {"demo": False, "partners": TINY_PARTNERS}


@pytest.fixture(scope="module")
def built(django_db_setup, django_db_blocker, tmp_path_factory):
    """One tiny build for the module's tests (it takes seconds), rolled back after them."""
    with django_db_blocker.unblock(), transaction.atomic():
        home = HomePage.objects.get(depth=2, locale__language_code="it")
        CollectionIndexPageFactory(parent=home)
        PartnerIndexPageFactory(parent=home)
        StoryPageFactory(parent=StoryIndexPageFactory(parent=home), title="Una storia")
        with TestCase.captureOnCommitCallbacks(execute=True):
            result = build(100, tmp_path_factory.mktemp("bench"), **TINY, log=lambda _message: None)
        link_records(AuthorityIndexPageFactory(parent=home))
        yield result
        transaction.set_rollback(True)


def link_records(index):
    """People and places linked to the built items: one of each with many items (the longest
    lists of a record's page), the others with one or two."""
    items = list(ItemPage.objects.live().order_by("pk")[:40])
    agents = [AgentPageFactory(parent=index) for _ in range(3)]
    places = [PlacePageFactory(parent=index) for _ in range(3)]
    for n, item in enumerate(items):
        ItemAgent.objects.create(page=item, agent=agents[0 if n < 30 else 1 + n % 2])
        ItemPlace.objects.create(page=item, place=places[0 if n < 30 else 1 + n % 2])


@pytest.mark.django_db
def test_build_imports_tate_records_and_variants_up_to_the_target(built):
    assert item_count() == 100
    partners = {run.partner for run in built.imports}
    assert partners == {"tate"} | {partner.slug for partner in TINY_PARTNERS}
    assert sum(run.rows for run in built.imports) == 100
    assert all(run.seconds > 0 for run in built.imports)


@pytest.mark.django_db
def test_build_gives_some_variants_translated_titles(built):
    translated = ItemPage.objects.filter(
        locale__language_code="en", identifier__startswith=content.VARIANT_PREFIX
    )
    assert translated.exists()


@pytest.mark.django_db
def test_build_is_skipped_when_the_database_has_enough_items(built, tmp_path):
    result = build(100, tmp_path, **TINY, log=lambda _message: None)
    assert result.skipped
    assert not result.imports
    assert not list(tmp_path.iterdir())


@pytest.mark.django_db
def test_a_failed_import_names_its_file_and_errors(built, tmp_path):
    path = content.write_csv(tmp_path / "bad.csv", [{"identifier": "X1", "title": ""}])
    with pytest.raises(CommandError, match=r"bad\.csv(.|\n)* 2, [^ ]+ title \(B\)"):
        import_file(path, "tate", "prints", 1)


@pytest.mark.django_db
def test_measure_times_every_page_class_and_counts_its_queries(built):
    urls = measure.pick_urls(per_class=2)
    results = measure.measure(urls, repeat=1)
    for key, _label, _target in measure.URL_CLASSES:
        result = results[key]
        assert result.urls >= 1, key
        assert len(result.times_ms) == result.urls
        assert result.median_ms > 0
        assert result.cpu_median_ms > 0, key
        assert min(result.queries) > 0, key


@pytest.mark.django_db
def test_record_pages_measured_include_the_most_linked_in_every_language(built):
    urls = measure.pick_urls(per_class=20)["authority"]
    [(agent_id, _links)] = Counter(ItemAgent.objects.values_list("agent", flat=True)).most_common(1)
    [(place_id, _links)] = Counter(ItemPlace.objects.values_list("place", flat=True)).most_common(1)
    largest = {url_in_language(Page.objects.get(pk=pk), code)
               for pk in (agent_id, place_id) for code in measure.languages()}  # fmt: skip
    assert largest <= set(urls)
    assert any(url.endswith("/authorities/") for url in urls)  # the index
    others = [url for url in urls if url.split("?")[0] not in largest]
    assert len(others) > 3  # the index, a later page of each list, random records
    # Five languages of two records, a later page of each, the index, the 4 other records.
    assert len(set(urls)) == len(urls) == 10 + 2 + 1 + 4


@pytest.mark.django_db
def test_a_class_out_of_time_is_measured_on_one_url(built, monkeypatch):
    monkeypatch.setattr(measure, "CLASS_BUDGET_SECONDS", 0)
    urls = {"item": measure.pick_urls(per_class=3)["item"]}
    result = measure.measure(urls, repeat=1)["item"]
    assert (result.urls, result.measured_urls) == (3, 1)


@pytest.mark.django_db
def test_measured_facets_come_from_real_items(built):
    urls = measure.pick_urls(per_class=3)
    partner_slugs = {"tate"} | {partner.slug for partner in TINY_PARTNERS}
    for url in urls["browse_facets"]:
        assert url.count("=") == 2, url
        if "partner=" in url:
            assert url.split("partner=")[1].split("&")[0] in partner_slugs


@pytest.mark.django_db
def test_a_query_over_the_time_limit_is_cancelled():
    endless = (
        "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 1000000000) "
        "SELECT count(*) FROM n"
    )
    with (
        pytest.raises(measure.RequestTimeout) as timeout,
        measure.time_limit(0.2),
        connection.cursor() as cursor,
    ):
        cursor.execute(endless)
    assert isinstance(timeout.value.__cause__, DatabaseError)  # cancelled, not finished


def test_variants_get_new_identifiers_and_keep_the_catalogue_facts():
    base = {
        "identifier": "N01234",
        "title": "A Mill",
        "creator": "J. Turner",
        "date": "1820",
        "date_start": "1820",
        "date_end": "1820",
        "materials": "Watercolour",
    }
    rows = content.variant_rows([base], 50, first=7, seed=1)
    assert [row["identifier"] for row in rows[:2]] == ["B000007", "B000008"]
    assert all(row["creator"] == "J. Turner" and row["materials"] == "Watercolour" for row in rows)
    assert len({row["date_start"] for row in rows}) > 1
    assert len({row["place"] for row in rows}) > 1


def test_translated_variant_titles_fit_the_title_field():
    base = {"identifier": "X", "title": "T" * 255}
    rows = content.variant_rows([base], 100, seed=2)
    titles = [value for row in rows for key, value in row.items() if key.startswith("title_")]
    assert titles
    assert max(len(title) for title in titles) == 255


def test_variant_dates_keep_their_range_order():
    base = {"identifier": "X", "title": "T", "date_start": "1500", "date_end": "1510"}
    row = content.variant_row(base, "B000001", random.Random(3))
    assert int(row["date_end"]) - int(row["date_start"]) == 10
    assert row["date"] == f"{row['date_start']}–{row['date_end']}"


def test_a_date_range_ending_before_it_starts_loses_its_end_year():
    row = {"identifier": "D14881", "date": "1828–9", "date_start": 1828, "date_end": 1819}
    assert content.repair(row) == {**row, "date_end": ""}


def test_split_counts_add_up_exactly():
    assert content.split_counts(100, [30, 20, 12]) == [49, 32, 19]
    assert sum(content.split_counts(30_798, [p.weight for p in content.BENCH_PARTNERS])) == 30_798


def test_percentile_is_the_nearest_rank():
    values = list(range(1, 101))
    assert measure.percentile(values, 95) == 95
    assert measure.percentile([5.0], 95) == 5.0
    assert measure.percentile([], 95) is None


def fake_run(engine="SQLite 3.40.1", median=10.0):
    phase = {
        "item": {
            "label": "item",
            "urls": 2,
            "target_ms": 15,
            "times_ms": [median, median],
            "queries": [12, 12],
            "x_cache": {"hit": 2},
            "median_ms": median,
            "cpu_median_ms": median / 2,
            "p95_ms": median,
            "slowest": ["/it/a/b/", median],
        }
    }
    measured = {
        "items": 100,
        "pages": 150,
        "database_version": engine,
        "off": phase,
        "on": phase,
        "load_before": [0.5, 0.4, 0.3],
        "load_after": [0.6, 0.4, 0.3],
    }
    build_data = {"imports": [{"file": "a.csv", "rows": 600, "seconds": 1.5}], "measured": "now"}
    return {
        "main": {"build": build_data, "measure": measured},
        "compare": {"build": {}, "measure": measured},
        "machine": report.machine(),
        "date": "2025-01-01 00:00 UTC",
        "command": "make bench",
        "repeat": 2,
    }


def test_report_states_targets_import_rate_and_machine():
    text = report.section(fake_run())
    row = (
        "| item | 2 | 2 | 10.0 | 10.0 | 5.0 | 12 | 12 | `/it/a/b/` (10) | ≤ 15 ms, ≤ 15 queries ✓ |"
    )
    assert row in text
    assert "**400**" in text  # 600 rows in 1.5 s
    assert "`make bench`" in text
    assert "0.5, 0.4, 0.3 → 0.6, 0.4, 0.3" in text


def test_report_marks_a_missed_target():
    text = report.section(fake_run(median=16.0))
    assert "≤ 15 ms, ≤ 15 queries ✗" in text


def test_report_gives_the_cpu_time_beside_the_wall_time():
    run = fake_run(median=10.0)
    assert "| 10.0 | 10.0 | 5.0 | 12 |" in report.section(run)


def test_report_says_how_many_urls_of_a_slow_class_were_measured():
    run = fake_run()
    run["main"]["measure"]["off"]["item"].update(measured_urls=1)
    assert "| item | 1 of 2 | 2 |" in report.section(run)


def test_report_names_a_page_that_timed_out():
    run = fake_run()
    run["main"]["measure"]["off"]["item"].update(timed_out="/it/slow/", limit_s=30)
    text = report.section(run)
    assert "| **> 30 s**: `/it/slow/` timed out |" in text
    assert "≤ 15 ms, ≤ 15 queries ✗" in text


def test_report_file_keeps_the_other_engines_section(tmp_path):
    path = tmp_path / "benchmarks.md"
    report.write(path, fake_run("PostgreSQL 15.8"))
    report.write(path, fake_run("SQLite 3.40.1", median=11.0))
    report.write(path, fake_run("SQLite 3.40.1", median=12.0))
    text = path.read_text()
    assert text.startswith("# Benchmarks")
    assert text.count("## SQLite") == 1 and text.count("## PostgreSQL") == 1
    assert text.index("## SQLite") < text.index("## PostgreSQL")
    assert "| 12.0 |" in text and "| 11.0 |" not in text


def test_report_file_keeps_what_follows_the_engines_sections(tmp_path):
    path = tmp_path / "benchmarks.md"
    report.write(path, fake_run("SQLite 3.40.1", median=11.0))
    path.write_text(
        path.read_text() + "\n## The capabilities' budgets\n\n<!-- bench:compare -->\nx\n"
    )
    report.write(path, fake_run("PostgreSQL 15.8"))
    report.write(path, fake_run("SQLite 3.40.1", median=12.0))
    text = path.read_text()
    assert text.count("## The capabilities' budgets") == 1
    assert text.index("## PostgreSQL") < text.index("## The capabilities' budgets")
    assert text.endswith("<!-- bench:compare -->\nx\n")


def test_postgres_databases_are_named_after_database_url():
    env = {"DATABASE_URL": "postgres://postgres@127.0.0.1:5432/heritagehub_bench"}
    small, main = databases(100_000, 1_000, env)
    assert (small.name, main.name) == ("heritagehub_bench_1000", "heritagehub_bench")
    assert main.env == env


def test_sqlite_databases_are_bench_files():
    small, main = databases(100_000, 1_000, {})
    assert main.sqlite_path.name == "bench.sqlite3"
    assert small.sqlite_path.name == "bench-1000.sqlite3"


def test_recorded_command_hides_the_database_password():
    env = {"DATABASE_URL": "postgres://bench:s3cret@db:5432/heritagehub_bench"}
    command = recorded_command("make bench", env)
    assert "s3cret" not in command
    assert command.endswith("@db:5432/heritagehub_bench make bench")
