"""LocaleFallbackRoutingMixin: every page is reachable under every language prefix."""

import re

import pytest
from django.http import Http404
from django.test import RequestFactory
from django.utils import translation
from wagtail.models import Page, PageViewRestriction

from heritagehub.models.pages import route_request
from tests.conftest import elements
from tests.factories import CollectionPageFactory, ItemPageFactory, StoryPageFactory

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


# One lookup for the whole path ----------------------------------------------------------------


def test_the_whole_path_is_resolved_in_one_lookup_and_one_specific_page(
    tree, english_partner, django_assert_num_queries
):
    """Whatever the depth and the fallbacks: the live pages on the path in every locale,
    then the page found as its own type."""
    path = ["partners", "archivio", "fotografie", "fotografia-2"]
    url = "/en/" + "/".join(path) + "/"
    with translation.override("en"):
        route_request(RequestFactory().get(url), tree.home, path)  # warms Wagtail's site cache
        with django_assert_num_queries(2):
            page = route_request(RequestFactory().get(url), tree.home, path).page
    assert page.pk == tree.items[1].pk


def test_a_route_of_a_routable_page_wins_over_a_child_with_its_slug(tree):
    """As in Wagtail's own routing, the story index's share/ form comes before a story
    that happens to have the slug "share"."""
    StoryPageFactory(parent=tree.story_index, title="Share", slug="share")
    assert route("stories/share/", "it").pk == tree.story_index.pk


def test_an_unknown_path_below_a_routable_page_is_not_found(tree):
    assert route("stories/una-storia/more/", "it") is None
    assert route("stories/nothing/", "en") is None


def test_a_live_page_below_an_unpublished_parent_is_not_found(tree):
    tree.collection.unpublish()  # its items stay live
    assert tree.item.specific.live
    for language in ("it", "en"):
        assert route("partners/archivio/fotografie/fotografia-1/", language) is None


# Breadcrumbs from the routed path ---------------------------------------------------------------


def breadcrumb_links(response):
    nav = re.search(r'<nav class="breadcrumbs".*?</nav>', response.content.decode(), re.S)
    return [(e.text.strip(), e.attrs.get("lang")) for e in elements(nav.group(0)) if e.tag == "a"]


def test_breadcrumbs_show_each_ancestor_in_the_visitor_language(tree, english_partner, client):
    response = client.get("/en/partners/archivio/fotografie/fotografia-1/")
    assert breadcrumb_links(response) == [
        ("Home", None),
        ("Partners", None),
        ("National Archive", None),
        ("Fotografie", "it"),
        ("Fotografia 1", "it"),
    ]


def test_breadcrumbs_of_a_source_page_show_its_own_language(tree, english_partner, client):
    response = client.get("/it/partners/archivio/fotografie/")
    assert [title for title, _lang in breadcrumb_links(response)] == [
        "Home",
        tree.partner_index.title,
        "Archivio Nazionale",
        "Fotografie",
    ]


# Private pages ---------------------------------------------------------------------------------


def restrict(page):
    return PageViewRestriction.objects.create(page=page, restriction_type=PageViewRestriction.LOGIN)


def test_a_page_below_a_restricted_page_asks_visitors_to_log_in(tree, client):
    restrict(tree.partner)
    response = client.get("/it/partners/archivio/fotografie/fotografia-1/")
    assert response.status_code == 302
    assert "login" in response["Location"]


def test_a_page_is_public_again_when_its_restriction_is_removed(tree, client):
    url = "/it/partners/archivio/fotografie/fotografia-1/"
    client.get(url)  # the restricted subtrees are now cached
    restriction = restrict(tree.partner)
    assert client.get(url).status_code == 302
    restriction.delete()
    assert client.get(url).status_code == 200


def test_a_restricted_page_is_left_out_of_listings(tree, client):
    restrict(tree.story)
    links = [e.text.strip() for e in elements(client.get("/it/stories/")) if e.tag == "a"]
    assert "Storia del partner" in links
    assert "Una storia" not in links
