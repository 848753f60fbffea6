"""The costly parts of pages, kept in the cache for every visitor until the next publish
(heritagehub.page_parts): an item page's head and content."""

import datetime
import re

import pytest
import time_machine
from django.core.cache import cache
from django.db import connection
from django.test import override_settings
from django.test.utils import CaptureQueriesContext

from heritagehub.cache import changes_at, noted_change, parts_key
from heritagehub.page_parts import rendered_parts

pytestmark = pytest.mark.django_db

ITEM = "/it/partners/archivio/fotografie/fotografia-1/"
# An item page whose parts are in the cache: the routing, the chrome and the session's look-
# up, none of the item's own queries.
SERVED_FROM_PARTS_QUERIES = 4
ROME = datetime.timezone(datetime.timedelta(hours=1))


@pytest.fixture(autouse=True)
def empty_cache():
    cache.clear()
    yield
    cache.clear()


def html(response):
    # Maps are numbered by the process as they are drawn.
    return re.sub(r"map-\d+", "map-n", response.content.decode())


def test_a_second_visit_gets_the_same_page_without_the_items_queries(tree, client):
    first = client.get(ITEM)
    with CaptureQueriesContext(connection) as cached:
        second = client.get(ITEM)
    with (
        override_settings(HERITAGEHUB_CACHE_PAGE_PARTS=False),
        CaptureQueriesContext(connection) as rendered,
    ):
        third = client.get(ITEM)
    assert html(second) == html(first) == html(third)
    assert len(cached) <= SERVED_FROM_PARTS_QUERIES < len(rendered)


def test_a_publish_anywhere_shows_at_once(tree, client):
    assert "Fotografie" in client.get(ITEM).content.decode()
    tree.collection.title = "Fotografie storiche"
    tree.collection.save_revision().publish()
    assert "Fotografie storiche" in client.get(ITEM).content.decode()


def test_a_publish_shows_at_once_when_the_clock_stands_still(tree, client, time_machine):
    time_machine.move_to(datetime.datetime(2026, 12, 6, 12, 0, tzinfo=ROME), tick=False)
    client.get(ITEM)
    tree.collection.title = "Fotografie storiche"
    tree.collection.save_revision().publish()
    assert "Fotografie storiche" in client.get(ITEM).content.decode()


def test_each_host_gets_its_own_addresses(tree, client):
    client.get(ITEM, HTTP_HOST="hub.example.org")
    other = client.get(ITEM, HTTP_HOST="mirror.example.org").content.decode()
    assert f"http://mirror.example.org{ITEM}" in other
    assert "hub.example.org" not in other


def test_the_citation_takes_the_day_of_the_visit(tree, client):
    with time_machine.travel(datetime.datetime(2026, 12, 6, 23, 59, tzinfo=ROME), tick=False):
        evening = client.get(ITEM).content.decode()
    with time_machine.travel(datetime.datetime(2026, 12, 7, 0, 1, tzinfo=ROME), tick=False):
        morning = client.get(ITEM).content.decode()
    assert "consultato il 6 dicembre 2026" in evening
    assert "consultato il 7 dicembre 2026" in morning


@pytest.mark.parametrize(
    "query, preview",
    [("?utm_source=newsletter", False), ("", True)],
    ids=["a query string no page is cached for", "a preview"],
)
def test_parts_are_rendered_but_not_kept(rf, query, preview):
    request = rf.get(ITEM + query)
    request.is_preview = preview
    assert parts_key(request, "item") is None
    assert parts_key(rf.get(ITEM), "item") is not None


def test_parts_that_change_by_the_clock_are_kept_no_longer(rf):
    now = datetime.datetime(2026, 12, 6, 12, 0, tzinfo=datetime.UTC)
    moment = now + datetime.timedelta(minutes=5)
    templates = {"coordinates": "includes/coordinates.html"}
    renderings = []

    def context(request):
        renderings.append(request)
        changes_at(request, moment)
        return {"latitude": 45.07, "longitude": 7.69}

    def visit():
        request = rf.get(ITEM)
        rendered_parts(request, "test", templates, lambda: context(request))
        return request

    with time_machine.travel(now, tick=False):
        visit()
        again = visit()
    assert len(renderings) == 1
    assert noted_change(again) == moment, "a page served from the parts still changes then"
    with time_machine.travel(moment + datetime.timedelta(seconds=1), tick=False):
        visit()
    assert len(renderings) == 2


def test_a_page_keeps_its_parts_for_a_bounded_number_of_query_strings(rf, monkeypatch):
    monkeypatch.setattr("heritagehub.cache.MAX_QUERY_VARIANTS", 2)
    templates = {"coordinates": "includes/coordinates.html"}
    renderings = []

    def visit(query):
        rendered_parts(
            rf.get(ITEM + query),
            "test",
            templates,
            lambda: renderings.append(query) or {"latitude": 45.07, "longitude": 7.69},
        )

    for query in ["?page=1", "?page=2", "?page=3"] * 2:
        visit(query)
    assert renderings == ["?page=1", "?page=2", "?page=3", "?page=3"]
