"""Hostile query strings cannot flood the page cache (heritagehub.cache, issue 13).

A cached page varies only by the query parameters its app registered, each with the values
it may take, in a fixed order; anything else is rendered but not stored, and a page keeps
at most MAX_QUERY_VARIANTS query strings per generation.
"""

import pytest
from django.core.cache import cache

from heritagehub import cache as page_cache

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def page_cache_on(settings):
    settings.HERITAGEHUB_PAGE_CACHE_SECONDS = 60
    cache.clear()
    yield
    cache.clear()


def stored_pages():
    """Cached pages in the test's local-memory cache."""
    return sum(":page:" in key for key in cache._cache)


def test_unknown_parameters_are_not_cached(tree, client):
    client.get("/it/collections/")
    before = stored_pages()
    for n in range(30):
        response = client.get(f"/it/collections/?utm_source={n}&x{n}=1")
        assert response.status_code == 200
        assert response["X-Cache"] == "bypass"
    assert stored_pages() == before


@pytest.mark.parametrize(
    "query",
    [
        "?q=" + "x" * 10_000,
        "?page=99999999999999999999",
        "?century=abc",
        "?sort=bogus",
        "?q=a%00b",
        "?" + "&".join(f"type={n}" for n in range(21)),
    ],
)
def test_values_out_of_their_pattern_are_not_cached(tree, client, query):
    response = client.get("/it/collections/" + query)
    assert response.status_code == 200
    assert response["X-Cache"] == "bypass"
    assert stored_pages() == 0


def test_known_parameters_in_any_order_share_one_entry(tree, client):
    first = client.get("/it/collections/?sort=title&century=19&type=photograph")
    second = client.get("/it/collections/?type=photograph&century=19&sort=title")
    assert (first["X-Cache"], second["X-Cache"]) == ("miss", "hit")
    assert stored_pages() == 1


def test_a_page_keeps_a_bounded_number_of_query_strings(tree, client, monkeypatch):
    monkeypatch.setattr(page_cache, "MAX_QUERY_VARIANTS", 5)
    answers = [client.get(f"/it/collections/?q=veduta{n}")["X-Cache"] for n in range(8)]
    assert answers == ["miss"] * 5 + ["bypass"] * 3
    assert stored_pages() == 5
    assert client.get("/it/collections/")["X-Cache"] == "miss"  # the plain page always is
    assert client.get("/it/collections/")["X-Cache"] == "hit"
