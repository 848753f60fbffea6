"""Search's budgets (docs/browse-and-search.md) at 100,000 items: first-time text queries in
browse and in the site search (median ≤ 40 ms, p95 ≤ 120 ms), on SQLite and PostgreSQL.

``python -m benchmarks.search`` (``make bench-search``) builds its own database once
(bench-search.sqlite3, or the PostgreSQL database of $DATABASE_URL with ``_search``): the
migrated schema, then catalogue entries for 100,000 items in five languages (500,000 rows),
their text from Tate's 69,202 open-data records (titles, artists, places, media, tags,
descriptions) and variants of them, indexed by ``heritage_collections.search_index`` as the
catalogue indexes a published item. As in the maps' bench only the catalogue is built: the
entries point at no page, so what is measured is the search's own work — reading the query,
the text search, the count, the facet counts and the ranking of browse
(``Browse.results()`` and ``Browse.facets``), and the site search's ``search_pages`` — called
in-process, not the rendering of the result cards. Each query is run once, with a different
word each time, common and rare words mixed (drawn from the indexed titles by frequency),
object cache on (nothing of a query is in it before), page cache irrelevant (no view).
``--force`` rebuilds the entries.
"""

import argparse
import os
import random
import statistics
import time
import uuid
from collections import Counter

from .own import analyse, database, publish

ITEMS = 100_000
QUERIES = 60  # words per class
COMMON = 200  # the most frequent indexed words a common query is drawn from
BUDGET_MEDIAN_MS, BUDGET_P95_MS = 40, 120


def _setup():
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "heritagehub.settings.bench")
    engine = database("search")
    import django

    django.setup()
    return engine


def _build(force, log):
    from django.core.management import call_command
    from django.db import connection, transaction
    from django.db.migrations.executor import MigrationExecutor

    from heritage_collections.models import CatalogueEntry

    executor = MigrationExecutor(connection)
    if executor.migration_plan(executor.loader.graph.leaf_nodes()):
        # SQLite checks every foreign key after a schema change: synthetic rows point at no
        # page, so they go before migrating and are built again after.
        if CatalogueEntry._meta.db_table in connection.introspection.table_names():
            with connection.cursor() as cursor:
                cursor.execute(f"DELETE FROM {CatalogueEntry._meta.db_table}")
        force = True
    call_command("migrate", verbosity=0, interactive=False)
    if not force and CatalogueEntry.objects.filter(language_code="en").count() >= ITEMS:
        return
    started = time.perf_counter()
    with transaction.atomic():
        if connection.vendor == "postgresql":
            # Synthetic rows point at no page: foreign keys are not checked while loading.
            connection.cursor().execute("SET LOCAL session_replication_role = replica")
        else:
            connection.cursor().execute("PRAGMA defer_foreign_keys = ON")
        CatalogueEntry.objects.all().delete()
        _synthetic_entries(log)
        if connection.vendor == "sqlite":
            connection.cursor().execute("PRAGMA defer_foreign_keys = OFF")
    analyse()
    log(f"Built {ITEMS:,} items' entries in {time.perf_counter() - started:.0f} s.")


def _synthetic_entries(log):
    from django.conf import settings

    from benchmarks.build import tate_rows
    from heritage_collections import search_index
    from heritage_collections.catalogue import ENTRY_FIELDS, century_of, sort_key
    from heritage_collections.models import CatalogueEntry, ObjectType
    from heritagehub.bulk import insert_rows
    from heritagehub.rights import Reuse

    languages = [code for code, _name in settings.LANGUAGES]
    rows = tate_rows()
    log(f"{len(rows):,} Tate rows.")
    types = search_index.object_type_names()
    type_slugs = set(ObjectType.objects.values_list("slug", flat=True))
    rng = random.Random(19)
    places = sorted({row["place"] for row in rows if row["place"]}) or [""]
    partners = [f"partner-{n}" for n in range(10)]
    batch, texts = [], []
    for number in range(ITEMS):
        row = rows[number % len(rows)]
        variant = number // len(rows)
        place = row["place"] if not variant else rng.choice(places)
        title = row["title"] if not variant else f"{row['title']} ({place or variant})"
        type_slug = row["object_type"] if row["object_type"] in type_slugs else ""
        year = row["date_start"] if isinstance(row["date_start"], int) else None
        if year is not None and variant:
            year += rng.randint(-30, 30)
        text = search_index.PageText(
            language="en",
            title=f"{title} {row['identifier']}-{variant}",
            details=f"{row['creator']} {place} {row['tags'].replace(';', ' ')}",
            description=f"{row['description'][:2000]} {row['materials']}",
            vocabulary=types.get(type_slug, {}),
        )
        key = uuid.UUID(int=number + 1)
        partner = partners[number % len(partners)]
        fixed = (
            key,
            sort_key(title),
            partner,
            f"{partner}/c{number % 7}",
            type_slug,
            year,
            year,
            century_of(year),
            place[:200],
            None,
            None,
            number % 3 == 0,
            Reuse.of(row["rights"]).value,
        )
        for language in languages:
            batch.append((language, 1_000_000 + number, *fixed))
            texts.append((language, text))
        if len(batch) >= 10_000 or number == ITEMS - 1:
            ids = insert_rows(CatalogueEntry, ENTRY_FIELDS, batch, returning=True)
            search_index.index_entries(
                [
                    (entry_id, language, text)
                    for entry_id, (language, text) in zip(ids, texts, strict=True)
                ]
            )
            batch, texts = [], []
            if (number + 1) % 20_000 == 0:
                log(f"… {number + 1:,} items")


def _words():
    """(common, rare): words of the index to query, drawn by their frequency in titles."""
    from heritage_collections.models import CatalogueEntry
    from heritagehub.search import words

    counts = Counter()
    for title in CatalogueEntry.objects.filter(language_code="en").values_list(
        "sort_title", flat=True
    )[:100_000]:
        counts.update(w for w in words(title) if len(w) > 3 and not w.isdigit())
    ranked = [word for word, _n in counts.most_common()]
    return ranked[:COMMON], [word for word in ranked[COMMON:] if counts[word] >= 2]


def _queries(rng):
    """{class: [(language, query string), …]}: a different word for each query."""
    from django.conf import settings

    languages = [code for code, _name in settings.LANGUAGES]
    common, rare = _words()
    chosen = rng.sample(common, QUERIES) + rng.sample(rare, QUERIES)
    rng.shuffle(chosen)
    browse, search = chosen[:QUERIES], chosen[QUERIES:]
    half = QUERIES // 2
    return {
        "browse text query": [(rng.choice(languages), {"q": word}) for word in browse[:half]],
        "browse text query and a type": [
            (rng.choice(languages), {"q": word, "type": "painting"}) for word in browse[half:]
        ],
        "site search": [(rng.choice(languages), {"q": word}) for word in search],
    }


def _run(name, language, params):
    from django.test import RequestFactory
    from django.utils import translation

    from heritage_collections.browse import Browse
    from search.pages import search_pages

    with translation.override(language):
        if name == "site search":
            return len(search_pages(params["q"])[:20])
        request = RequestFactory().get(f"/{language}/collections/", params)
        browse = Browse(request)
        page = browse.results()
        browse.facets  # noqa: B018 - counted as the page counts them
        if not page.total:
            browse.suggestion  # noqa: B018
        return page.total


def _measure(queries):
    """{class: (times ms, queries)}: each query run once, the first time."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    results = {}
    for name, runs in queries.items():
        times, counts = [], []
        for language, params in runs:
            with CaptureQueriesContext(connection) as captured:
                started = time.perf_counter()
                _run(name, language, params)
                times.append((time.perf_counter() - started) * 1000)
            counts.append(len(captured.captured_queries))
        results[name] = (times, counts)
    return results


def _percentile(values, pct):
    ordered = sorted(values)
    return ordered[max(0, -(-pct * len(ordered) // 100) - 1)]


def _report(engine, results, load_before, load_after, command):
    from datetime import UTC, datetime

    from benchmarks.measure import database_version

    lines = [
        f"### {'PostgreSQL' if engine == 'postgresql' else 'SQLite'}",
        "",
        f"Measured {datetime.now(UTC):%Y-%m-%d %H:%M} UTC with `{command}`: {ITEMS:,} items, "
        f"{database_version()}. Load average (1, 5, 15 min) before → after: "
        f"{load_before} → {load_after} (2 CPUs, shared).",
        "",
        "| what | queries run | median ms | p95 ms | max ms | SQL queries | budget |",
        "|---|---|---|---|---|---|---|",
    ]
    failed = False
    for name, (times, queries) in results.items():
        median, p95 = statistics.median(times), _percentile(times, 95)
        ok = median <= BUDGET_MEDIAN_MS and p95 <= BUDGET_P95_MS
        failed = failed or not ok
        budget = f"median ≤ {BUDGET_MEDIAN_MS}, p95 ≤ {BUDGET_P95_MS} {'✓' if ok else '✗'}"
        lines.append(
            f"| {name} | {len(times)} | {median:.1f} | {p95:.1f} | {max(times):.1f} | "
            f"{min(queries)}–{max(queries)} | {budget} |"
        )
    return "\n".join(lines), failed


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--force", action="store_true", help="rebuild the entries")
    parser.add_argument("--command", default="python -m benchmarks.search")
    parser.add_argument("--output", default="docs/browse-and-search.md")
    args = parser.parse_args(argv)
    engine = _setup()
    _build(args.force, print)
    rng = random.Random(19)
    queries = _queries(rng)
    _run("browse text query", "en", {"q": "warmup"})  # imports, connections
    load_before = ", ".join(f"{x:.2f}" for x in os.getloadavg())
    results = _measure(queries)
    load_after = ", ".join(f"{x:.2f}" for x in os.getloadavg())
    text, failed = _report(engine, results, load_before, load_after, args.command)
    publish(text, args.output, f"search-bench:{engine}")
    return 1 if failed else 0


if __name__ == "__main__":
    raise SystemExit(main())
