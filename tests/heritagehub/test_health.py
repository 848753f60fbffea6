"""``/health/`` (heritagehub.health; docs/architecture.md, "Health and outages"): what load
balancers and monitoring probe."""

import pytest
from django.core.cache import cache
from django.test import override_settings

from tests.outages import database_unreachable, unreachable_redis_cache

pytestmark = pytest.mark.django_db


REDIS_DOWN = unreachable_redis_cache()


def test_healthy(client):
    response = client.get("/health/")
    assert response.status_code == 200
    assert response.json() == {"status": "ok", "database": "ok", "cache": "ok"}


def test_outside_the_language_prefixes(client):
    response = client.get("/health/", HTTP_ACCEPT_LANGUAGE="fr")
    assert response.status_code == 200
    assert "Location" not in response


def test_asks_the_database_once(client, django_assert_num_queries):
    with django_assert_num_queries(1):
        client.get("/health/")


def test_is_never_cached(client, settings):
    settings.HERITAGEHUB_PAGE_CACHE_SECONDS = 60
    response = client.get("/health/")
    assert "no-store" in response["Cache-Control"]
    assert response.get("X-Cache", "bypass") == "bypass"


def test_loads_no_session(client, settings):
    settings.HERITAGEHUB_PAGE_CACHE_SECONDS = 60
    settings.WAGTAILFRONTENDCACHE = {"proxy": {"BACKEND": "x", "LOCATION": "http://proxy"}}
    response = client.get("/health/")
    assert not response.cookies
    assert "Cookie" not in response.get("Vary", "")


def test_unavailable_without_the_database(client):
    with database_unreachable():
        response = client.get("/health/")
    assert response.status_code == 503
    assert response.json() == {"status": "unavailable", "database": "unavailable", "cache": "ok"}
    assert "no-store" in response["Cache-Control"]


@override_settings(CACHES=REDIS_DOWN)
def test_still_healthy_without_the_cache(client):
    response = client.get("/health/")
    assert response.status_code == 200
    assert response.json() == {"status": "ok", "database": "ok", "cache": "unavailable"}


def test_a_cache_that_raises_is_unavailable(client, monkeypatch):
    def down(*args, **kwargs):
        raise ConnectionError("cache down")

    monkeypatch.setattr(cache, "set", down)
    assert client.get("/health/").json()["cache"] == "unavailable"
