"""The partner directory's budget: 1,000 partners, median ≤ 15 ms (object cache on, page
cache off). Part of `make bench`; on its own:

    python -m benchmarks.directory [--partners 1000] [--repeat 20] [--force]
                                   [--output docs/directory.md]

Builds its own database once — bench-directory.sqlite3, or ``<name>_directory`` next to the
PostgreSQL database of $DATABASE_URL — with ``--partners`` live partners (types, sectors,
countries, cities, coordinates, languages and up to four offers each, drawn from a seeded
random generator), then measures the directory's pages in-process as ``benchmarks.measure``
does: one warm-up request, one whose queries are counted, ``--repeat`` timed requests, each
as a first-time anonymous visitor. The result replaces the "Numbers" section of the output.
"""

import argparse
import json
import os
import random
import statistics
import subprocess
import sys
import time
from decimal import Decimal
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

from .own import publish

REPO = Path(__file__).resolve().parent.parent
SETTINGS = "heritagehub.settings.bench"
TARGET_MS = 15

# (ISO code, cities with their coordinates)
PLACES = [
    ("IT", [("Torino", 45.07, 7.69), ("Bologna", 44.49, 11.34), ("Genova", 44.41, 8.93),
            ("Palermo", 38.12, 13.36), ("Parma", 44.80, 10.33),
            ("Roma", 41.90, 12.50)]),
    ("ES", [("San Sebastián", 43.32, -1.98), ("Barcelona", 41.39, 2.17),
            ("Sevilla", 37.39, -5.98)]),
    ("FR", [("Lyon", 45.76, 4.84), ("Marseille", 43.30, 5.37), ("Lille", 50.63, 3.06)]),
    ("DE", [("Leipzig", 51.34, 12.37), ("Köln", 50.94, 6.96)]),
    ("BE", [("Bruxelles", 50.85, 4.35)]),
    ("RO", [("Timișoara", 45.75, 21.23)]),
    ("GB", [("London", 51.51, -0.13)]),
]  # fmt: skip
TYPES = ["museum", "archive", "library", "research-centre", "creative-hub", "network"]
SECTORS = ["cultural-heritage", "architecture", "contemporary-art", "design", "software", "cinema"]
KINDS = ["fab-lab", "coworking", "residency-studio", "exhibition-space", "reading-room",
         "training", "mentoring", "funding-advice", "event-venue", "digitisation-lab"]  # fmt: skip
LANGUAGES = ["it", "en", "fr", "de", "es"]
WORDS = ["Museo", "Archivio", "Officina", "Casa", "Fondazione", "Centro", "Atelier", "Studio"]


def urls():
    """(label, URL) of what visitors of the directory ask for."""
    return [
        ("directory", "/it/partners/"),
        ("directory", "/en/partners/?page=3"),
        ("two facets", "/en/partners/?country=IT&service=fab-lab"),
        ("three facets", "/de/partners/?type=museum&type=archive&language=it&sector=design"),
        ("text query", "/en/partners/?q=museo"),
        ("sort by city", "/fr/partners/?sort=city&page=5"),
        ("map view", "/en/partners/?view=map&country=IT"),
        ("find a service", "/en/partners/services/?country=IT&service=reading-room"),
        ("CSV export", "/en/partners/export/csv/?country=ES"),
        ("GeoJSON export", "/en/partners/export/geojson/?type=museum"),
    ]


# --- in the bench process --------------------------------------------------------------------


def build(count, seed=0, log=print):
    from wagtail.models import Locale

    from home.models import HomePage
    from partners.models import (
        InstitutionType,
        PartnerIndexPage,
        PartnerOffer,
        PartnerPage,
        Sector,
        ServiceKind,
    )

    home = HomePage.objects.get(depth=2, locale__language_code="it")
    index = PartnerIndexPage.objects.child_of(home).first()
    if index is None:
        index = PartnerIndexPage(title="Partner", slug="partners")
        home.add_child(instance=index)
        index.save_revision().publish()
    have = PartnerPage.objects.count()
    if have >= count:
        log(f"{have} partners: nothing to build.")
        return
    locale = Locale.objects.get(language_code="it")
    types = {t.slug: t for t in InstitutionType.objects.filter(locale=locale)}
    sectors = {s.slug: s for s in Sector.objects.filter(locale=locale)}
    kinds = {k.slug: k for k in ServiceKind.objects.filter(locale=locale)}
    rng = random.Random(seed)
    started = time.perf_counter()
    for number in range(have, count):
        country, cities = rng.choice(PLACES)
        city, lat, lon = rng.choice(cities)
        located = rng.random() < 0.85
        partner = PartnerPage(
            title=f"{rng.choice(WORDS)} {city} {number:04}",
            slug=f"partner-{number:04}",
            summary=f"Un partner dell'hub a {city}.",
            institution_type=types[rng.choice(TYPES)],
            hub_role=rng.choice(["spoke", "spoke", "affiliate", "promoter"]),
            city=city,
            country_code=country,
            latitude=Decimal(f"{lat + rng.uniform(-0.05, 0.05):.6f}") if located else None,
            longitude=Decimal(f"{lon + rng.uniform(-0.05, 0.05):.6f}") if located else None,
            languages=rng.sample(LANGUAGES, rng.randint(1, 3)),
        )
        partner.sectors = [sectors[slug] for slug in rng.sample(SECTORS, rng.randint(1, 3))]
        partner.offers = [
            PartnerOffer(kind=kinds[slug], note="", capacity=rng.choice([None, 10, 40]))
            for slug in rng.sample(KINDS, rng.randint(0, 4))
        ]
        partner.locale = locale
        index.add_child(instance=partner)
        partner.save_revision().publish()
        if (number + 1) % 100 == 0:
            log(f"{number + 1} partners ({time.perf_counter() - started:.0f} s)")


def measure(repeat):
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext, override_settings

    from partners.models import PartnerPage

    from .measure import database_version

    results = []
    with override_settings(HERITAGEHUB_PAGE_CACHE_SECONDS=0):
        client = Client()
        for label, url in urls():
            client.get(url)  # warm-up: the directory's facts and labels go into the cache
            with CaptureQueriesContext(connection) as queries:
                response = client.get(url)
            # Read now: the log is cleared by the next request once the context has closed.
            query_count = len(queries.captured_queries)
            if response.status_code != 200:
                raise SystemExit(f"{url} answered {response.status_code}")
            times, cpu = [], []
            for _ in range(repeat):
                client.cookies.clear()
                started, cpu_started = time.perf_counter(), time.thread_time()
                client.get(url)
                times.append((time.perf_counter() - started) * 1000)
                cpu.append((time.thread_time() - cpu_started) * 1000)
            results.append(
                {
                    "label": label,
                    "url": url,
                    "median_ms": round(statistics.median(times), 2),
                    "p95_ms": round(sorted(times)[int(len(times) * 0.95) - 1], 2),
                    # What the request costs a free core, on a machine busy with other work.
                    "cpu_ms": round(statistics.median(cpu), 2),
                    "queries": query_count,
                }
            )
        # The first request after a publish: the facts are read again (cache cold).
        from heritagehub.cache import bump_generation

        cold = []
        for _ in range(max(3, repeat // 4)):
            bump_generation()
            started = time.perf_counter()
            client.get("/en/partners/")
            cold.append((time.perf_counter() - started) * 1000)
    return {
        "load_average": os.getloadavg()[0],
        "partners": PartnerPage.objects.live().count(),
        "database": database_version(),
        "repeat": repeat,
        "results": results,
        "cold_median_ms": round(statistics.median(cold), 2),
    }


# --- the driver ------------------------------------------------------------------------------


def environment(environ=os.environ):
    url = environ.get("DATABASE_URL", "")
    if url:
        parts = urlsplit(url)
        name = parts.path.lstrip("/") + "_directory"
        return {"DATABASE_URL": urlunsplit(parts._replace(path=f"/{name}"))}, name
    return {"BENCH_SQLITE": str(REPO / "bench-directory.sqlite3")}, "bench-directory"


def report(data, command):
    lines = [
        f"{data['partners']} partners, {data['database']}, object cache on (local memory), "
        f"page cache off; median and 95th percentile of {data['repeat']} requests per URL "
        f"after a warm-up, in-process (`{command}`); load average "
        f"{data['load_average']:.1f} on {os.cpu_count()} cores when measuring.",
        "",
        "| page | URL | median ms | p95 ms | CPU median ms | queries |",
        "|---|---|---:|---:|---:|---:|",
    ]
    for row in data["results"]:
        lines.append(
            f"| {row['label']} | `{row['url']}` | {row['median_ms']:.1f} | {row['p95_ms']:.1f} "
            f"| {row['cpu_ms']:.1f} | {row['queries']} |"
        )
    others = ("CSV export", "GeoJSON export", "map view")
    pages = [r for r in data["results"] if r["label"] not in others]
    median = statistics.median(r["median_ms"] for r in pages)
    cpu_median = statistics.median(r["cpu_ms"] for r in pages)
    verdict = "within" if median <= TARGET_MS else "over"
    lines += [
        "",
        f"Median of the directory's list and find-a-service pages: **{median:.1f} ms** "
        f"({verdict} the {TARGET_MS} ms budget; {cpu_median:.1f} ms of CPU). The first "
        f"request after a publish, which reads every partner's facts again: "
        f"{data['cold_median_ms']:.1f} ms.",
    ]
    return "\n".join(lines)


def step(args):
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", SETTINGS)
    import django

    django.setup()
    from django.core.management import call_command

    if args.step == "build":
        call_command("migrate", "--noinput", verbosity=0)
        build(args.partners, log=lambda text: print(text, file=sys.stderr, flush=True))
    else:
        print(json.dumps(measure(args.repeat)))


def run(args):
    env, name = environment()
    full = {**os.environ, "DJANGO_SETTINGS_MODULE": SETTINGS, **env}
    if "BENCH_SQLITE" in env:
        full.pop("DATABASE_URL", None)
        if args.force:
            Path(env["BENCH_SQLITE"]).unlink(missing_ok=True)
    else:
        from .cli import Database, create, drop

        db = Database(name, 0, env, postgres_url=env["DATABASE_URL"])
        if args.force:
            drop(db)
        create(db)
    base = [sys.executable, "-m", "benchmarks.directory"]
    subprocess.run([*base, "--step", "build", "--partners", str(args.partners)], cwd=REPO,
                   env=full, check=True)  # fmt: skip
    # Measured in a fresh process, like a server that has just started.
    measure_command = [*base, "--step", "measure", "--repeat", str(args.repeat)]
    output = subprocess.run(
        measure_command, cwd=REPO, env=full, check=True, capture_output=True, text=True
    )
    data = json.loads(output.stdout.strip().splitlines()[-1])
    text = report(data, args.command)
    engine = "sqlite" if "BENCH_SQLITE" in env else "postgresql"
    publish(text, args.output, f"directory-bench:{engine}")


def main(argv=None):
    parser = argparse.ArgumentParser(prog="python -m benchmarks.directory")
    parser.add_argument("--partners", type=int, default=1000)
    parser.add_argument("--repeat", type=int, default=20)
    parser.add_argument("--force", action="store_true", help="rebuild the database")
    parser.add_argument("--output", default="docs/directory.md", help="'' to print only")
    parser.add_argument("--command", default="python -m benchmarks.directory")
    parser.add_argument("--step", choices=["build", "measure"], help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.step:
        step(args)
    else:
        run(args)


if __name__ == "__main__":
    main()
