"""The calls listing at 10,000 calls: ``python -m benchmarks.calls`` (``make bench-calls``).

Builds, once, a database of its own (bench-calls.sqlite3, or the PostgreSQL database of
DATABASE_URL) with the hub's pages, 20 bench partners and ``--calls`` calls (most closed,
as a hub's archive grows; a share open and upcoming; spread over kinds, sectors, partners
and regions), then measures the calls listing as ``benchmarks.measure`` measures the other
pages: anonymous first-time visitors, object cache on, page cache off, each URL warmed once,
its queries counted once, then timed ``--repeat`` times. Prints the medians and writes
``.bench/calls.json``. The target (docs/calls.md): median ≤ 15 ms, ≤ 15 queries.
"""

import argparse
import os
import random
import sys
import time
from datetime import timedelta
from pathlib import Path

from .own import analyse, database, publish

REPO = Path(__file__).resolve().parent.parent
CALLS = 10_000
TARGET_MS = 15
TARGET_QUERIES = 15
PARTNERS = 20
REGIONS = ["Piemonte", "Emilia-Romagna", "Liguria", "Sicilia", "Paesi Baschi"]


def build(count, seed=0, log=print):
    """Create the bench partners and ``count`` calls (bulk INSERTs), unless already there."""
    from django.utils import timezone
    from wagtail.models import Page

    from calls.models import CallIndexPage, CallKind, CallPage
    from heritagehub.bulk import insert_rows
    from home.models import HomePage
    from partners.models import PartnerIndexPage, PartnerPage, Sector

    if CallPage.objects.count() >= count:
        log(f"{CallPage.objects.count()} calls already there.")
        return
    rng = random.Random(seed)
    home = HomePage.objects.get(depth=2, locale__language_code="it")
    index = _child(home, CallIndexPage(title="Bandi", slug="calls"))
    directory = _child(home, PartnerIndexPage(title="Partner", slug="partners"))
    partners = [
        _child(
            directory,
            PartnerPage(title=f"Partner {n:02d}", slug=f"bench-partner-{n:02d}",
                        region=REGIONS[n % len(REGIONS)]),
        )
        for n in range(PARTNERS)
    ]  # fmt: skip
    parents = [index, *partners]
    kinds = list(CallKind.objects.filter(locale=home.locale))
    sectors = list(Sector.objects.filter(locale=home.locale))
    now = timezone.now()
    pages, sector_rows = [], []
    steps = {parent.pk: parent.numchild for parent in parents}
    for number in range(count):
        parent = parents[number % len(parents)] if number % 3 else index
        steps[parent.pk] += 1
        # 70% closed (the archive), 20% open, 10% upcoming.
        draw = rng.random()
        if draw < 0.7:
            opens = now - timedelta(days=rng.randint(40, 1500))
            deadline = opens + timedelta(days=rng.randint(10, 35))
        elif draw < 0.9:
            opens = now - timedelta(days=rng.randint(1, 30))
            deadline = now + timedelta(days=rng.randint(0, 60), hours=rng.randint(1, 23))
        else:
            opens = now + timedelta(days=rng.randint(1, 30))
            deadline = opens + timedelta(days=rng.randint(10, 60))
        slug = f"bando-{number:05d}"
        pages.append(
            CallPage(
                title=f"Bando di prova {number:05d}",
                draft_title=f"Bando di prova {number:05d}",
                slug=slug,
                path=Page._get_path(parent.path, parent.depth + 1, steps[parent.pk]),
                depth=parent.depth + 1,
                numchild=0,
                url_path=f"{parent.url_path}{slug}/",
                locale_id=parent.locale_id,
                live=True,
                first_published_at=now,
                last_published_at=now,
                kind=rng.choice(kinds),
                summary="Una call di prova per misurare l'elenco dei bandi.",
                opens_at=opens,
                deadline=deadline,
                time_zone=rng.choice(["Europe/Rome", "Europe/Madrid", "Europe/Brussels"]),
                offer="<p>Uno studio e una borsa.</p>",
                how_to_apply="<p>Un modulo online.</p>",
            )
        )
        picked = rng.sample(sectors, rng.randint(1, 3))
        sector_rows.append([sector.pk for sector in picked])
    content_type = pages[0].content_type_id or _content_type(CallPage)
    for page in pages:
        page.content_type_id = content_type
    page_fields = _own_fields(Page)
    keys = insert_rows(
        Page,
        page_fields,
        [tuple(getattr(p, f.attname) for f in _fields(Page, page_fields)) for p in pages],
        returning=True,
    )
    for page, key in zip(pages, keys, strict=True):
        page.pk = page.id = page.page_ptr_id = key
    call_fields = ("page_ptr", *_own_fields(CallPage))
    insert_rows(
        CallPage,
        call_fields,
        [tuple(getattr(p, f.attname) for f in _fields(CallPage, call_fields)) for p in pages],
    )
    through = CallPage.sectors.through
    insert_rows(
        through,
        ("callpage", "sector"),
        [
            (page.pk, sector)
            for page, chosen in zip(pages, sector_rows, strict=True)
            for sector in chosen
        ],
    )
    for parent in parents:
        Page.objects.filter(pk=parent.pk).update(numchild=steps[parent.pk])
    analyse()
    log(f"{count} calls created.")


def _child(parent, page):
    existing = parent.get_children().filter(slug=page.slug).first()
    if existing is not None:
        return existing.specific
    page.locale = parent.locale
    parent.add_child(instance=page)
    page.save_revision().publish()
    return type(page).objects.get(pk=page.pk)


def _content_type(model):
    from django.contrib.contenttypes.models import ContentType

    return ContentType.objects.get_for_model(model).pk


def _own_fields(model):
    return tuple(
        f.name for f in model._meta.local_concrete_fields if not (f.primary_key and f.auto_created)
    )


def _fields(model, names):
    return [model._meta.get_field(name) for name in names]


def urls():
    """Listing URLs visitors ask for: unfiltered, each filter, two filters, page 2, archive."""
    from partners.models import Sector

    sectors = list(Sector.objects.filter(locale__language_code="it").values_list("slug", flat=True))
    paths = ["", "?kind=residency", f"?sector={sectors[0]}", "?partner=bench-partner-03",
             "?region=emilia-romagna", f"?kind=grant-funding&sector={sectors[1]}", "?page=2",
             "archive/", "archive/?page=50"]  # fmt: skip
    return [f"/{language}/calls/{path}" for language in ("it", "en", "fr") for path in paths]


def measure(repeat, log=print):
    from django.test.utils import override_settings

    from benchmarks.measure import ClassResult, _measure_url

    result = ClassResult("calls", "calls listing", TARGET_MS, urls=len(urls()))
    with override_settings(HERITAGEHUB_PAGE_CACHE_SECONDS=0):
        from django.test import Client

        client = Client()
        for url in urls():
            _measure_url(client, url, repeat, result)
            log(f"{url}: median {result.url_medians[url]:.1f} ms, {result.queries[-1]} queries")
    return result


def main(argv=None):
    parser = argparse.ArgumentParser(
        prog="python -m benchmarks.calls", description=__doc__.split("\n")[0]
    )
    parser.add_argument("--calls", type=int, default=CALLS)
    parser.add_argument("--repeat", type=int, default=20)
    parser.add_argument("--output", default="docs/calls.md", help="'' to print only")
    parser.add_argument("--command", default="python -m benchmarks.calls")
    args = parser.parse_args(argv)
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "heritagehub.settings.bench")
    engine = database("calls")
    import django

    django.setup()
    from django.core.management import call_command

    from .measure import database_version

    call_command("migrate", "--noinput", verbosity=0)
    log = lambda text: print(text, file=sys.stderr, flush=True)  # noqa: E731
    build(args.calls, log=log)
    result = measure(args.repeat, log=log)
    ok = result.median_ms <= TARGET_MS and max(result.queries) <= TARGET_QUERIES
    load = ", ".join(f"{value:.2f}" for value in os.getloadavg())
    text = "\n".join(
        [
            f"Measured {time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())} with `{args.command}` "
            f"on {database_version()}: {args.calls:,} calls; object cache on (local memory), "
            f"page cache off; {len(result.url_medians)} URLs in three languages, "
            f"{args.repeat} timed requests each after a warm-up; load average {load} on "
            f"{os.cpu_count()} cores.",
            "",
            "| URLs | median ms | p95 ms | median CPU ms | SQL queries | target |",
            "|---|---|---|---|---|---|",
            f"| {len(result.url_medians)} | {result.median_ms:.1f} | {result.p95_ms:.1f} "
            f"| {result.cpu_median_ms:.1f} | {min(result.queries)}–{max(result.queries)} "
            f"| ≤ {TARGET_MS} ms, ≤ {TARGET_QUERIES} queries {'✓' if ok else '✗'} |",
            "",
            "| URL | median ms |",
            "|---|---|",
            *(f"| `{url}` | {median:.1f} |" for url, median in result.url_medians.items()),
        ]
    )
    publish(text, args.output, f"calls-bench:{engine}")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
