"""Benchmark: untranslated pages as wagtail-localize alias pages vs. fallback routing.

Run through pytest, which gives it a throw-away test database:

    .venv/bin/pytest docs/benchmarks/bench_alias_pages.py -s -p no:cacheprovider
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/heritagehub_test .venv/bin/pytest ...

It imports N items into an Italian collection twice: once as the hub stores them (one page
row per item; other languages reach it through LocaleFallbackRoutingMixin and in_language),
once with an alias page in each of the four other locales, as wagtail-localize's
"synchronise tree" does. It prints page rows, seconds and rows written per imported item.
Results are in docs/architecture.md ("Why no alias pages").
"""

import time

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import Locale, Page

from heritage_collections.models import ItemPage
from heritagehub.i18n import in_language
from tests.factories import (
    CollectionPageFactory,
    ItemPageFactory,
    PartnerIndexPageFactory,
    PartnerPageFactory,
)

N = 300
OTHER_LANGUAGES = ["en", "fr", "de", "es"]

pytestmark = pytest.mark.django_db


@pytest.fixture
def collection(db):
    home = Page.objects.get(depth=2, locale__language_code="it").specific
    partner_index = PartnerIndexPageFactory(parent=home)
    partner = PartnerPageFactory(parent=partner_index, slug="bench")
    return CollectionPageFactory(parent=partner, slug="bench-collection")


def localized_collections(collection):
    """The collection's parents and itself as alias pages in the other locales."""
    parents = {}
    for code in OTHER_LANGUAGES:
        locale = Locale.objects.get(language_code=code)
        parents[code] = collection.copy_for_translation(locale, copy_parents=True, alias=True)
    return parents


def import_items(collection, count, alias_parents=None):
    writes = 0
    started = time.perf_counter()
    for n in range(count):
        connection.queries_log.clear()
        with CaptureQueriesContext(connection) as queries:
            item = ItemPageFactory(parent=collection, title=f"Bench item {n:05d}")
            for code, parent in (alias_parents or {}).items():
                item.create_alias(
                    parent=Page.objects.get(pk=parent.pk),
                    update_locale=Locale.objects.get(language_code=code),
                    reset_translation_key=False,
                )
        writes += sum(
            1
            for q in queries.captured_queries
            if q["sql"].lstrip().upper().startswith(("INSERT", "UPDATE", "DELETE"))
        )
    return time.perf_counter() - started, writes


def report(label, pages_before, seconds, writes, count):
    rows = Page.objects.count() - pages_before
    per_item_ms = 1000 * seconds / count
    print(
        f"\n{label} [{connection.vendor}]: {count} items → {rows} page rows "
        f"({rows / count:.0f} per item), {seconds:.1f} s ({per_item_ms:.0f} ms per item), "
        f"{writes / count:.0f} SQL writes per item; 100,000 items → {100_000 * rows // count:,} "
        f"page rows, ~{100_000 * seconds / count / 60:.0f} min"
    )


def test_fallback_routing_one_row_per_item(collection):
    before = Page.objects.count()
    seconds, writes = import_items(collection, N)
    report("fallback routing (no aliases)", before, seconds, writes, N)
    started = time.perf_counter()
    for _ in range(20):
        list(in_language(ItemPage.objects.live(), "fr").order_by("title")[:24])
    listing_ms = (time.perf_counter() - started) / 20 * 1000
    print(f"in_language listing of 24 of {N} items: {listing_ms:.1f} ms")


def test_alias_pages_in_every_locale(collection):
    parents = localized_collections(collection)
    before = Page.objects.count()
    seconds, writes = import_items(collection, N, parents)
    report("alias pages in 4 more locales", before, seconds, writes, N)
