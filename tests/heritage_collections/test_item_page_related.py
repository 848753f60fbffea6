"""Related items on an item page: same creator, a shared tag, or the same collection."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import translation

from heritage_collections.item_context import RELATED_ITEMS, related_items
from heritage_collections.models import ItemPage
from tests.factories import CollectionPageFactory, ItemPageFactory, PartnerPageFactory

pytestmark = pytest.mark.django_db


def item(parent, title, creator="", tags=()):
    page = ItemPageFactory(parent=parent, title=title, creator=creator)
    if tags:
        page.tags.add(*tags)
        page.save()
    return page


def related(page, language="it"):
    with translation.override(language):
        return [p.title for p in related_items(ItemPage.objects.get(pk=page.pk))]


@pytest.fixture
def elsewhere(tree):
    """A collection of another partner: relations across the hub, not just one collection."""
    partner = PartnerPageFactory(parent=tree.partner_index, title="Museo", slug="museo")
    return CollectionPageFactory(parent=partner, title="Dipinti", slug="dipinti")


def test_items_by_the_same_creator_are_related(tree, elsewhere):
    subject = item(tree.collection, "Veduta", creator="Felice Beato")
    item(elsewhere, "Ritratto", creator="Felice Beato")
    item(elsewhere, "Paesaggio", creator="Vittorio Sella")
    assert "Ritratto" in related(subject)
    assert "Paesaggio" not in related(subject)


def test_items_sharing_a_tag_are_related(tree, elsewhere):
    subject = item(tree.collection, "Veduta", creator="A", tags=["fiume", "torino"])
    item(elsewhere, "Ponte", creator="B", tags=["torino"])
    item(elsewhere, "Montagna", creator="C", tags=["alpi"])
    assert "Ponte" in related(subject)
    assert "Montagna" not in related(subject)


def test_items_of_the_same_collection_are_related(tree, elsewhere):
    subject = item(tree.collection, "Veduta", creator="A")
    item(elsewhere, "Altrove", creator="C")
    titles = related(subject)
    assert {"Fotografia 1", "Fotografia 2", "Fotografia 3"} <= set(titles)
    assert "Altrove" not in titles


def test_the_item_itself_is_never_related(tree):
    assert "Fotografia 1" not in related(tree.item)


def test_translations_of_the_item_are_never_related(tree, translate):
    for page in (tree.home, tree.partner_index, tree.partner, tree.collection):
        translate(page, "en")
    translate(tree.item, "en", title="Photograph 1")  # same creator, tags and collection
    assert related(tree.item, "en") == ["Fotografia 2", "Fotografia 3"]
    assert related(tree.item, "it") == ["Fotografia 2", "Fotografia 3"]


def test_related_items_are_in_the_visitor_language(tree, translate):
    for page in (tree.home, tree.partner_index, tree.partner, tree.collection):
        translate(page, "en")
    translate(tree.items[1], "en", title="Photograph 2")
    assert related(tree.item, "en") == ["Fotografia 3", "Photograph 2"]
    assert related(tree.item, "it") == ["Fotografia 2", "Fotografia 3"]
    assert related(tree.item, "fr") == ["Fotografia 2", "Fotografia 3"]


def test_unpublished_items_are_not_related(tree):
    tree.items[1].unpublish()
    assert related(tree.item) == ["Fotografia 3"]


def test_the_same_creator_comes_first_and_there_are_at_most_six(tree, elsewhere):
    subject = item(tree.collection, "Veduta", creator="Felice Beato", tags=["po"])
    item(elsewhere, "Zattera", creator="Felice Beato")
    for n in range(8):
        item(elsewhere, f"Riva {n}", creator="Altri", tags=["po"])
    titles = related(subject)
    assert len(titles) == RELATED_ITEMS
    assert titles[0] == "Zattera"


def test_related_items_are_two_queries_the_candidates_then_the_items(tree):
    page = ItemPage.objects.get(pk=tree.item.pk)
    with CaptureQueriesContext(connection) as queries:
        list(related_items(page))
    assert len(queries) == 2


def test_the_item_page_shows_related_items_as_cards_with_images(tree, client):
    from tests.factories import add_item_image

    add_item_image(tree.items[1])
    html = client.get("/it/partners/archivio/fotografie/fotografia-1/").content.decode()
    section = html[html.index('id="related-heading"') :]
    assert 'href="/it/partners/archivio/fotografie/fotografia-2/"' in section
    assert "<img" in section[: section.index("fotografia-3")]
