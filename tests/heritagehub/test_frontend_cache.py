"""A caching proxy or CDN in front of the site (wagtail.contrib.frontend_cache, configured by
heritagehub.settings.production): what it may keep, and what a publish purges."""

from unittest import mock

import pytest
from django.test import override_settings
from wagtail.contrib.frontend_cache.backends import HTTPBackend
from wagtail.contrib.frontend_cache.utils import purge_page_from_cache

from heritagehub.i18n import url_in_language
from tests.conftest import LANGUAGES

pytestmark = pytest.mark.django_db

PROXY = {
    "proxy": {
        "BACKEND": "wagtail.contrib.frontend_cache.backends.HTTPBackend",
        "LOCATION": "http://varnish.internal",
    }
}


@pytest.fixture
def proxy(settings):
    settings.WAGTAILFRONTENDCACHE = PROXY
    settings.FRONTEND_CACHE_MAX_AGE = 120


def test_anonymous_pages_may_be_kept_by_the_proxy(tree, client, proxy):
    response = client.get(url_in_language(tree.partner, "en"))
    assert response["Cache-Control"] == "public, max-age=120"


def test_pages_from_the_page_cache_too(tree, client, proxy, settings):
    settings.HERITAGEHUB_PAGE_CACHE_SECONDS = 60
    client.get(url_in_language(tree.partner, "en"))
    response = client.get(url_in_language(tree.partner, "en"))
    assert response["X-Cache"] == "hit"
    assert response["Cache-Control"] == "public, max-age=120"


def test_pages_of_logged_in_users_are_private(tree, admin_client, proxy):
    response = admin_client.get(url_in_language(tree.partner, "en"))
    assert "private" in response["Cache-Control"]
    assert "public" not in response["Cache-Control"]


def test_pages_with_forms_are_private(tree, client, proxy):
    response = client.get(url_in_language(tree.form, "it"))
    assert response["Cache-Control"] == "private"


def test_without_a_max_age_pages_stay_private(tree, client, proxy, settings):
    settings.FRONTEND_CACHE_MAX_AGE = 0
    assert client.get(url_in_language(tree.partner, "en"))["Cache-Control"] == "private"


def test_without_a_proxy_nothing_is_said(tree, client):
    assert "Cache-Control" not in client.get(url_in_language(tree.partner, "en"))


@override_settings(WAGTAILFRONTENDCACHE=PROXY)
def test_publishing_purges_the_page_under_every_language_prefix(tree):
    """What Wagtail's publish handler calls: the page's path is the same in every language
    (synchronized slugs), and each prefix shows the page, its translation or its fallback."""
    with mock.patch.object(HTTPBackend, "purge_batch") as purge_batch:
        purge_page_from_cache(tree.partner)
    purged = {url for call in purge_batch.call_args_list for url in call.args[0]}
    path = url_in_language(tree.partner, "it").removeprefix("/it/")
    assert purged == {f"http://localhost/{language}/{path}" for language in LANGUAGES}
