"""Search's budgets (docs/browse-and-search.md) at 100,000 items: first-time text queries in
browse and in the site search (median ≤ 40 ms, p95 ≤ 120 ms), on SQLite and PostgreSQL.

``python -m benchmarks.search`` (``make bench-search``) builds its own database once
(bench-search.sqlite3, or the PostgreSQL database of $DATABASE_URL with ``_search``): the demo
site (``load_demo``), then catalogue entries for 100,000 items in five languages, their text
from Tate's 69,202 open-data records (titles, artists, places, media, tags, descriptions) and
variants of them, indexed by ``heritage_collections.search_index`` as the catalogue indexes a
published item. Only the entries are synthetic: each serves one of the demo's real item pages
(in turn), so the results render real cards. Then each URL is requested once, as a first-time
anonymous visitor (object cache on, page cache off), with a different word each request,
common and rare words mixed (drawn from the indexed words by frequency); and the home,
item and partner pages, to compare the engines. ``--force`` rebuilds the entries.
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
    from django.db import transaction
    from django.test.utils import override_settings

    from heritage_collections.models import CatalogueEntry, ItemPage

    call_command("migrate", verbosity=0, interactive=False)
    if not ItemPage.objects.exists():
        log("Loading the demo site …")
        with override_settings(DEBUG=True):
            call_command("load_demo", verbosity=0)
    if not force and CatalogueEntry.objects.filter(language_code="en").count() >= ITEMS:
        return
    started = time.perf_counter()
    with transaction.atomic():
        _synthetic_entries(log)
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
    real = {code: [] for code in languages}
    for language, page_id, partner, collection in CatalogueEntry.objects.values_list(
        "language_code", "page_id", "partner", "collection"
    ):
        real[language].append((page_id, partner, collection))
    CatalogueEntry.objects.filter(translation_key__lt=uuid.UUID(int=ITEMS + 1)).delete()
    demo_items = CatalogueEntry.objects.filter(language_code=languages[0]).count()
    rows = tate_rows()
    log(f"{len(rows):,} Tate rows; {demo_items:,} demo items.")
    types = search_index.object_type_names()
    type_slugs = set(ObjectType.objects.values_list("slug", flat=True))
    rng = random.Random(19)
    places = sorted({row["place"] for row in rows if row["place"]}) or [""]
    batch, texts = [], []
    for number in range(ITEMS - demo_items):
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
        for language in languages:
            page_id, partner, collection = real[language][number % len(real[language])]
            batch.append(
                (
                    language,
                    page_id,
                    key,
                    sort_key(title),
                    partner,
                    collection,
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
            )
            texts.append((language, text))
        if len(batch) >= 10_000 or number == ITEMS - demo_items - 1:
            ids = insert_rows(CatalogueEntry, ENTRY_FIELDS, batch, returning=True)
            search_index.index_entries(
                [
                    (entry_id, language, text)
                    for entry_id, (language, text) in zip(ids, texts, strict=True)
                ]
            )
            batch, texts = [], []
            if number % 20_000 < 2_000:
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


def _urls(rng):
    from django.conf import settings

    from benchmarks.measure import pick_urls

    languages = [code for code, _name in settings.LANGUAGES]
    common, rare = _words()
    chosen = rng.sample(common, QUERIES) + rng.sample(rare, QUERIES)
    rng.shuffle(chosen)
    browse, search = chosen[:QUERIES], chosen[QUERIES:]
    picked = pick_urls(per_class=10, seed=19)
    return {
        "browse text query": [
            f"/{rng.choice(languages)}/collections/?q={word}" for word in browse[: QUERIES // 2]
        ],
        "browse text query and a type": [
            f"/{rng.choice(languages)}/collections/?q={word}&type=painting"
            for word in browse[QUERIES // 2 :]
        ],
        "site search": [f"/{rng.choice(languages)}/search/?q={word}" for word in search],
        "home": picked["home"],
        "item": picked["item"],
        "partner": picked["partner"],
    }


def _measure(urls):
    """{class: (times ms, queries of its first URL)}: each URL requested once, first time."""
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext, override_settings

    client = Client()
    results = {}
    with override_settings(HERITAGEHUB_PAGE_CACHE_SECONDS=0):
        for name, class_urls in urls.items():
            times, queries = [], []
            repeat = 1 if "search" in name or "query" in name else 3
            for url in class_urls:
                for _ in range(repeat):
                    client.cookies.clear()
                    with CaptureQueriesContext(connection) as captured:
                        started = time.perf_counter()
                        response = client.get(url)
                        times.append((time.perf_counter() - started) * 1000)
                    queries.append(len(captured.captured_queries))
                    if response.status_code not in (200, 302):
                        raise SystemExit(f"{url} answered {response.status_code}")
            results[name] = (times, queries)
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
        "| page | requests | median ms | p95 ms | max ms | SQL queries | budget |",
        "|---|---|---|---|---|---|---|",
    ]
    failed = False
    for name, (times, queries) in results.items():
        median, p95 = statistics.median(times), _percentile(times, 95)
        budget = ""
        if "search" in name or "query" in name:
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
    urls = _urls(rng)
    load_before = ", ".join(f"{x:.2f}" for x in os.getloadavg())
    results = _measure(urls)
    load_after = ", ".join(f"{x:.2f}" for x in os.getloadavg())
    text, failed = _report(engine, results, load_before, load_after, args.command)
    publish(text, args.output, f"search-bench:{engine}")
    return 1 if failed else 0


if __name__ == "__main__":
    raise SystemExit(main())
