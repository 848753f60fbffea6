"""LocaleFallbackRoutingMixin: every page is reachable under every language prefix."""

import pytest
from django.http import Http404
from django.test import RequestFactory
from django.utils import translation
from wagtail.models import Page

from tests.factories import CollectionPageFactory, ItemPageFactory

pytestmark = pytest.mark.django_db


def route(path, language):
    """The page Wagtail serves for ``path`` (below the language prefix) in ``language``."""
    request = RequestFactory().get(f"/{language}/{path}")
    with translation.override(language):
        result = Page.route_for_request(request, path)
    return None if result is None else result[0].specific


@pytest.fixture
def english_partner(tree, translate):
    """Home, partner index and partner translated into English; the collection is not."""
    translate(tree.home, "en", title="Heritage Hub")
    translate(tree.partner_index, "en", title="Partners")
    return translate(tree.partner, "en", title="National Archive")


def test_a_translated_page_is_routed_to_its_translation(tree, english_partner):
    assert route("partners/archivio/", "en").pk == english_partner.pk
    assert route("partners/archivio/", "it").pk == tree.partner.pk


def test_an_untranslated_child_is_found_in_the_source_tree(tree, english_partner):
    assert route("partners/archivio/fotografie/", "en").pk == tree.collection.pk
    assert route("partners/archivio/fotografie/fotografia-2/", "en").pk == tree.items[1].pk


def test_a_locale_without_a_tree_serves_the_source_pages(tree):
    assert route("partners/archivio/fotografie/fotografia-1/", "fr").pk == tree.item.pk


def test_a_child_that_exists_only_in_another_locale_is_found(tree, english_partner):
    """/it/partners/archivio/works-on-paper/ reaches a collection written in English."""
    english_only = CollectionPageFactory(parent=english_partner, title="Works on paper")
    item = ItemPageFactory(parent=english_only, title="Study of a tree", slug="study")
    assert route("partners/archivio/works-on-paper/", "it").pk == english_only.pk
    assert route("partners/archivio/works-on-paper/study/", "it").pk == item.pk
    assert route("partners/archivio/works-on-paper/study/", "de").pk == item.pk


def test_the_fallback_prefers_the_visitor_language_order(tree, translate, english_partner):
    """A child missing in French is looked for in Italian first, then English."""
    translate(tree.collection, "en", title="Photographs")
    assert route("partners/archivio/fotografie/", "fr").pk == tree.collection.pk


def test_an_unknown_path_is_not_found(tree, english_partner):
    assert route("partners/archivio/nowhere/", "en") is None
    assert route("partners/nobody/", "it") is None


def test_a_draft_page_is_not_found_in_any_locale(tree):
    draft = ItemPageFactory(parent=tree.collection, title="Bozza", slug="bozza", live=False)
    assert not draft.live
    for language in ("it", "en", "fr", "de", "es"):
        assert route("partners/archivio/fotografie/bozza/", language) is None


def test_an_unpublished_page_is_not_found_in_any_locale(tree):
    tree.items[2].unpublish()
    for language in ("it", "en", "fr"):
        assert route("partners/archivio/fotografie/fotografia-3/", language) is None


def test_a_draft_translation_does_not_hide_the_live_source(tree, translate, english_partner):
    """With WAGTAILLOCALIZE_SYNC_LIVE_STATUS_ON_TRANSLATE=False a new translation is a draft
    awaiting review; until it is published English visitors get the Italian collection."""
    draft = translate(tree.collection, "en", publish=False)
    assert not draft.live
    assert route("partners/archivio/fotografie/", "en").pk == tree.collection.pk


def test_a_live_page_below_a_draft_translation_is_reachable(tree, translate, english_partner):
    translate(tree.collection, "en", publish=False)
    assert route("partners/archivio/fotografie/fotografia-1/", "en").pk == tree.item.pk


def test_routing_to_the_fallback_page_does_not_raise(tree):
    with pytest.raises(Http404):
        tree.home.route(RequestFactory().get("/"), ["missing"])
