"""The maps' budgets (docs/maps.md): GeoJSON of the whole collection at 100,000 items
(≤ 100 ms) and the server-drawn map (≤ 50 ms).

``python -m benchmarks.maps`` (``make bench-maps``) builds its own database once: the
migrated schema in bench-maps.sqlite3, or the PostgreSQL database of $DATABASE_URL, then
100,000 synthetic catalogue entries per language (5 languages: 500,000 rows, bulk-inserted
in seconds) spread around 300 towns, one in five without a place, over 10 partners and 6
object types. Only the catalogue is synthetic: the GeoJSON view reads nothing else for the
grid (the few single-item cells look up their titles; synthetic rows have none). The view is
called in-process (RequestFactory, DEBUG off), one warm-up call, then N timed calls; medians
and the SQL queries of one call are printed. ``--force`` rebuilds the rows.
"""

import argparse
import os
import random
import statistics
import sys
import time
import uuid

from .own import analyse, database, publish

ITEMS = 100_000
LANGUAGES = ["it", "en", "fr", "de", "es"]
PARTNERS = [f"partner-{n}" for n in range(10)]
TYPES = ["painting", "print", "photograph", "drawing", "document", "map"]


def _setup(sqlite_name):
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "heritagehub.settings.bench")
    engine = database("maps", sqlite_name)
    import django

    django.setup()
    return engine


def _build(force):
    from django.core.management import call_command
    from django.db import connection, transaction
    from django.db.migrations.executor import MigrationExecutor

    from heritage_collections.models import CatalogueEntry
    from heritagehub.bulk import insert_rows

    executor = MigrationExecutor(connection)
    if executor.migration_plan(executor.loader.graph.leaf_nodes()):
        # SQLite checks every foreign key after a schema change: synthetic rows point at no
        # page, so they go before migrating and are built again after.
        if "heritage_collections_catalogueentry" in connection.introspection.table_names():
            with connection.cursor() as cursor:
                cursor.execute("DELETE FROM heritage_collections_catalogueentry")
        force = True
    call_command("migrate", verbosity=0, interactive=False)
    if not force and CatalogueEntry.objects.filter(language_code="en").count() >= ITEMS:
        return
    random.seed(17)
    towns = [(random.uniform(36, 60), random.uniform(-10, 30)) for _ in range(240)]
    towns += [(random.uniform(-40, 60), random.uniform(-120, 150)) for _ in range(60)]
    started = time.perf_counter()
    with transaction.atomic():
        if connection.vendor == "postgresql":
            # Synthetic rows point at no page: foreign keys are not checked while loading.
            connection.cursor().execute("SET LOCAL session_replication_role = replica")
        else:
            connection.cursor().execute("PRAGMA defer_foreign_keys = ON")
        CatalogueEntry.objects.all().delete()
        fields = (
            "language_code",
            "page_id",
            "translation_key",
            "sort_title",
            "partner",
            "collection",
            "object_type",
            "date_start",
            "date_end",
            "century",
            "place",
            "latitude",
            "longitude",
            "has_image",
            "reuse",
        )
        rows = []
        for number in range(ITEMS):
            key = uuid.UUID(int=number + 1)
            if random.random() < 0.2:
                place, latitude, longitude = "", None, None
            else:
                town = random.randrange(len(towns))
                place = f"Town {town}"
                latitude = towns[town][0] + random.gauss(0, 0.05)
                longitude = towns[town][1] + random.gauss(0, 0.05)
            partner = random.choice(PARTNERS)
            year = random.randint(1400, 2000)
            fixed = (
                f"item {number:06d}",
                partner,
                f"{partner}/c{number % 7}",
                random.choice(TYPES),
                year,
                year,
                (year - 1) // 100 + 1,
                place,
                latitude,
                longitude,
                random.random() < 0.5,
                "open",
            )
            for language in LANGUAGES:
                rows.append((language, 1_000_000 + number, key, *fixed))
            if len(rows) >= 25_000:
                insert_rows(CatalogueEntry, fields, rows)
                rows = []
        insert_rows(CatalogueEntry, fields, rows)
        if connection.vendor == "sqlite":
            # The rows are checked at commit: drop the foreign key check for this load only.
            connection.cursor().execute("PRAGMA defer_foreign_keys = OFF")
    analyse()
    seconds = time.perf_counter() - started
    print(f"built {ITEMS:,} items × {len(LANGUAGES)} languages in {seconds:.1f} s")


def _time(function, repeat):
    function()
    times = []
    for _ in range(repeat):
        started = time.perf_counter()
        function()
        times.append((time.perf_counter() - started) * 1000)
    return statistics.median(times), max(times)


def _measure(repeat):
    from django.db import connection
    from django.test import RequestFactory
    from django.test.utils import CaptureQueriesContext
    from django.utils import translation

    from heritage_collections.views import items_geojson
    from maps import BoundingBox, Marker, basemap, draw_map, drawing
    from maps.geometry import WORLD

    factory = RequestFactory()
    results = []

    def geojson(query):
        from django.core.cache import cache

        def call():
            cache.clear()  # measured cold: the view keeps its answer until the next publish
            with translation.override("en"):
                response = items_geojson(factory.get("/en/items.geojson" + query))
            assert response.status_code == 200, response.content[:200]
            return response

        with CaptureQueriesContext(connection) as queries:
            response = call()
        import json

        data = json.loads(response.content)
        median, worst = _time(call, repeat)
        results.append(
            (f"GeoJSON `{query or '(whole collection)'}`", median, worst, len(queries),
             f"{len(data['features'])} features, {data['unplaced']:,} without a place", 100)
        )  # fmt: skip
        if not query:

            def warm():
                with translation.override("en"):
                    items_geojson(factory.get("/en/items.geojson"))

            median, worst = _time(warm, repeat)
            results.append(
                ("GeoJSON (whole collection), kept in the cache", median, worst, 0, "", 100)
            )

    geojson("")
    geojson("?zoom=2&bbox=-180,-85,180,85")
    geojson("?zoom=6&bbox=6,36,19,47.5")
    geojson("?partner=partner-3&type=painting&zoom=4&bbox=-20,30,40,65")

    basemap.preload()
    markers = [
        Marker(random.uniform(36, 60), random.uniform(-10, 30), f"m{n}", f"/m/{n}/", count=3)
        for n in range(1600)
    ]
    genova = [Marker(44.4, 8.9, "Genova", "/g/")]
    for name, marker_list, box in [
        ("world, 1,600 cluster markers", markers, WORLD),
        ("Europe (1:50m), 1,600 markers", markers, BoundingBox(-12, 35, 32, 62)),
        ("an item's place (1:50m)", genova, BoundingBox(5.9, 41.4, 11.9, 47.4)),
    ]:

        def cold(marker_list=marker_list, box=box):
            drawing.base_paths.cache_clear()
            draw_map(marker_list, title="t", bbox=box)

        def warm(marker_list=marker_list, box=box):
            draw_map(marker_list, title="t", bbox=box)

        for label, function in (("base map not cached", cold), ("base map cached", warm)):
            median, worst = _time(function, repeat)
            results.append((f"drawn map: {name}, {label}", median, worst, 0, "", 50))
    return results


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--database", default="bench-maps.sqlite3", help="the SQLite file")
    parser.add_argument("--repeat", type=int, default=10)
    parser.add_argument("--force", action="store_true")
    parser.add_argument("--output", default="docs/maps.md", help="'' to print only")
    parser.add_argument("--command", default="make bench-maps")
    args = parser.parse_args(argv)
    engine = _setup(args.database)

    from .measure import database_version

    _build(args.force)
    load = ", ".join(f"{value:.2f}" for value in os.getloadavg())
    lines = [
        f"Measured {time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())} with `{args.command}` "
        f"on {database_version()}: {ITEMS:,} items; {args.repeat} timed runs each; load "
        f"average {load} on {os.cpu_count()} cores.",
        "",
        "| what | median ms | max ms | SQL queries | response | budget |",
        "|---|---|---|---|---|---|",
    ]
    failed = False
    for what, median, worst, queries, note, budget in _measure(args.repeat):
        mark = "✓" if median <= budget else "✗"
        failed |= median > budget
        lines.append(
            f"| {what} | {median:.1f} | {worst:.1f} | {queries} | {note} | ≤ {budget} ms {mark} |"
        )
    text = "\n".join(lines)
    publish(text, args.output, f"maps-bench:{engine}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
