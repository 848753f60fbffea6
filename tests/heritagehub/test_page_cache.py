"""The anonymous page cache (heritagehub.cache, heritagehub.middleware.PageCacheMiddleware).

Off in the test settings; every test here turns it on. ``X-Cache`` says whether a response
came from the cache (``hit``), was rendered and stored (``miss``) or could not be stored
(``bypass``).
"""

import logging

import pytest
from django.core.cache import cache
from django.test import override_settings

from heritagehub.i18n import url_in_language
from tests.conftest import elements
from tests.factories import CallIndexPageFactory, StandardPageFactory, WhatsOnPageFactory
from tests.outages import unreachable_redis_cache

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def page_cache(settings):
    settings.HERITAGEHUB_PAGE_CACHE_SECONDS = 60
    cache.clear()
    yield
    cache.clear()


def url(page, language="it"):
    return url_in_language(page, language)


def cached_twice(client, path):
    """The second of two anonymous requests to ``path``."""
    client.get(path)
    return client.get(path)


def link_texts(response):
    return [e.text.strip() for e in elements(response) if e.tag == "a"]


# What is cached -----------------------------------------------------------------------------


def test_a_second_anonymous_request_is_served_from_the_cache(tree, client):
    first = client.get(url(tree.standard))
    second = client.get(url(tree.standard))
    assert (first["X-Cache"], second["X-Cache"]) == ("miss", "hit")
    assert second.status_code == 200
    assert second.content == first.content


def test_a_cached_page_costs_no_query(tree, client, django_assert_num_queries):
    client.get(url(tree.partner))
    with django_assert_num_queries(0):
        assert client.get(url(tree.partner))["X-Cache"] == "hit"


def test_a_head_request_is_answered_from_the_cache(tree, client):
    client.get(url(tree.standard))
    assert client.head(url(tree.standard))["X-Cache"] == "hit"


def test_search_results_are_cached(tree, client):
    assert cached_twice(client, "/it/search/?q=Fotografia")["X-Cache"] == "hit"


def test_each_language_is_cached_apart(tree, client):
    client.get(url(tree.standard, "it"))
    response = client.get(url(tree.standard, "en"))
    assert response["X-Cache"] == "miss"
    assert response.content.decode().count('<html lang="en"') == 1


def test_each_query_string_is_cached_apart(tree, client):
    client.get("/it/search/?q=Fotografia")
    assert client.get("/it/search/?q=Archivio")["X-Cache"] == "miss"


@pytest.mark.parametrize(
    "query",
    [
        "?when=weekend&kind=workshop&free=1",
        "?from=2027-03-01&to=2027-03-31&view=map",
        "?city=San%20Sebasti%C3%A1n&language=es",
    ],
)
def test_a_filtered_whats_on_is_cached(tree, client, query):
    whats_on = WhatsOnPageFactory(parent=tree.home)
    assert cached_twice(client, url(whats_on) + query)["X-Cache"] == "hit"


def test_a_filtered_calls_listing_is_cached(tree, client):
    index = CallIndexPageFactory(parent=tree.home)
    assert cached_twice(client, url(index) + "?kind=residency&sector=design")["X-Cache"] == "hit"


def test_a_filtered_directory_is_cached(tree, client):
    query = "?type=museum&country=IT&sort=city&view=map"
    assert cached_twice(client, url(tree.partner_index) + query)["X-Cache"] == "hit"


def test_a_name_two_apps_use_keeps_the_values_of_both(tree, client):
    """Browse's years and What's on's dates are both ``from``."""
    whats_on = WhatsOnPageFactory(parent=tree.home)
    assert cached_twice(client, url(whats_on) + "?from=2027-03-01")["X-Cache"] == "hit"
    assert cached_twice(client, "/it/collections/?from=1900")["X-Cache"] == "hit"


def test_a_parameter_value_out_of_its_pattern_is_not_cached(tree, client):
    whats_on = WhatsOnPageFactory(parent=tree.home)
    assert cached_twice(client, url(whats_on) + "?when=tomorrow")["X-Cache"] == "bypass"


# What is never cached -----------------------------------------------------------------------


def test_a_logged_in_user_is_not_served_a_cached_page(tree, client, admin_client):
    client.get(url(tree.standard))
    assert admin_client.get(url(tree.standard))["X-Cache"] == "bypass"


def test_a_logged_in_user_page_is_not_stored(tree, client, admin_client):
    admin_client.get(url(tree.standard))
    assert client.get(url(tree.standard))["X-Cache"] == "miss"


def test_a_visitor_with_a_session_bypasses_the_cache(tree, client, settings):
    client.get(url(tree.standard))
    client.cookies[settings.SESSION_COOKIE_NAME] = "a-session"
    assert client.get(url(tree.standard))["X-Cache"] == "bypass"


def test_a_post_is_never_answered_from_the_cache(tree, client):
    client.get(url(tree.standard))
    assert client.post(url(tree.standard))["X-Cache"] == "bypass"


def test_a_page_with_a_form_is_not_cached(tree, client):
    response = cached_twice(client, url(tree.form))
    assert response.status_code == 200
    assert response["X-Cache"] == "bypass"
    assert "csrfmiddlewaretoken" in response.content.decode()


def test_the_share_your_story_form_is_not_cached(tree, client):
    response = cached_twice(client, "/it/stories/share/")
    assert response.status_code == 200
    assert response["X-Cache"] == "bypass"


def test_a_not_found_page_is_not_cached(tree, client):
    response = cached_twice(client, "/it/partners/nobody/")
    assert response.status_code == 404
    assert response["X-Cache"] == "bypass"


def test_the_cache_can_be_turned_off(tree, client, settings):
    settings.HERITAGEHUB_PAGE_CACHE_SECONDS = 0
    response = cached_twice(client, url(tree.standard))
    assert "X-Cache" not in response


# Invalidation -------------------------------------------------------------------------------


def test_publishing_a_page_anywhere_in_the_tree_empties_the_cache(tree, client):
    """The item is far from the about page, and may still change what it shows (counts,
    listings, menus): one publish invalidates every cached page."""
    client.get(url(tree.standard))
    tree.items[2].specific.save_revision().publish()
    assert client.get(url(tree.standard))["X-Cache"] == "miss"


def test_a_published_change_shows_on_a_cached_listing(tree, client):
    client.get(url(tree.partner_index))
    partner = tree.partner.specific
    partner.title = "Archivio di Stato"
    partner.save_revision().publish()
    assert "Archivio di Stato" in link_texts(client.get(url(tree.partner_index)))


def test_a_page_cached_before_the_publish_commits_is_not_served_after(
    home, client, django_capture_on_commit_callbacks
):
    """Another process may render (and cache) the old page between the publish and its
    commit: the commit makes that entry stale too. (No fixture here changes pages first:
    their commit, which never comes in a test, would be the one waited for.)"""
    with django_capture_on_commit_callbacks(execute=True):
        home.save_revision().publish()
        client.get("/it/")  # as if rendered from the rows not yet committed
    assert client.get("/it/")["X-Cache"] == "miss"


def test_saving_a_draft_keeps_the_cache(tree, client):
    client.get(url(tree.partner_index))
    partner = tree.partner.specific
    partner.title = "Archivio di Stato"
    partner.save_revision()
    assert client.get(url(tree.partner_index))["X-Cache"] == "hit"


def test_an_unpublished_page_leaves_the_cached_listing(tree, client):
    assert "Una storia" in link_texts(client.get(url(tree.story_index)))
    tree.story.unpublish()
    assert "Una storia" not in link_texts(client.get(url(tree.story_index)))


def test_an_unpublished_page_is_not_served_from_the_cache(tree, client):
    client.get(url(tree.story))
    tree.story.unpublish()
    assert client.get(url(tree.story)).status_code == 404


def test_a_moved_page_shows_in_its_new_place(tree, client):
    assert "Una storia" not in link_texts(client.get(url(tree.partner)))
    tree.story.move(tree.partner, pos="last-child")
    assert "Una storia" in link_texts(client.get(url(tree.partner)))


def test_a_deleted_page_leaves_the_cached_listing(tree, client):
    assert "Storia del partner" in link_texts(client.get(url(tree.partner)))
    tree.partner_story.delete()
    assert "Storia del partner" not in link_texts(client.get(url(tree.partner)))


def test_a_new_top_level_page_shows_in_the_cached_menu(tree, client):
    client.get(url(tree.standard))
    StandardPageFactory(parent=tree.home, title="Chi siamo")
    assert "Chi siamo" in link_texts(client.get(url(tree.standard)))


def test_a_changed_image_empties_the_cache(tree, client):
    image = tree.item.specific.images.first().image
    client.get(url(tree.item))
    image.alt_text = "Una nuova descrizione"
    image.save()
    assert client.get(url(tree.item))["X-Cache"] == "miss"


def test_a_renamed_vocabulary_term_empties_the_cache(tree, client):
    from partners.models import InstitutionType

    client.get(url(tree.partner_index))
    term = InstitutionType.objects.filter(locale=tree.home.locale).first()
    term.name = "Istituto"
    term.save()
    assert client.get(url(tree.partner_index))["X-Cache"] == "miss"


# A broken cache -----------------------------------------------------------------------------


@pytest.fixture
def cache_down(monkeypatch):
    def down(*args, **kwargs):
        raise ConnectionError("cache down")

    for name in ("get", "set", "add", "incr", "delete", "get_many", "set_many"):
        monkeypatch.setattr(cache, name, down)


def test_pages_are_served_when_the_cache_is_down(tree, client, request, caplog):
    # The page's image renditions exist already, as on a running site: making one is
    # Wagtail's own use of the cache, which production's backend keeps from failing (the
    # next test).
    client.get(url(tree.partner))
    request.getfixturevalue("cache_down")
    with caplog.at_level(logging.WARNING, logger="heritagehub.cache"):
        response = client.get(url(tree.partner))
    assert response.status_code == 200
    assert "Archivio Nazionale" in response.content.decode()
    assert "X-Cache" not in response or response["X-Cache"] == "bypass"
    assert any("cache" in record.getMessage().lower() for record in caplog.records)


@override_settings(CACHES=unreachable_redis_cache())
def test_production_cache_keeps_wagtails_own_cache_use_from_failing(tree, client):
    """Redis down under production's django-redis settings (errors ignored). The story shows
    an item card with an image: Wagtail reads its renditions from the cache unguarded."""
    response = client.get(url(tree.story, "en"))
    assert response.status_code == 200
    assert "Una storia" in response.content.decode()
