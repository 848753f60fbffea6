"""Previous and next item on an item page, in the order of its collection's listing."""

import pytest
from django.utils import translation

from heritage_collections.item_context import neighbours
from heritage_collections.models import CollectionPage, ItemPage
from tests.conftest import elements
from tests.factories import ItemPageFactory

pytestmark = pytest.mark.django_db

URL = "/{language}/partners/archivio/fotografie/{slug}/"


def titles(page, language="it"):
    with translation.override(language):
        found = neighbours(ItemPage.objects.get(pk=page.pk))
    return (
        found.previous.title if found.previous else None,
        found.next.title if found.next else None,
    )


def rel_links(response):
    """{rel: (href, title)} of the page's links with rel="prev" or rel="next"."""
    return {
        e.attrs["rel"]: (e.attrs["href"], " ".join(e.text.split()))
        for e in elements(response)
        if e.tag == "a" and e.attrs.get("rel") in ("prev", "next")
    }


def test_an_item_has_the_items_before_and_after_it(tree):
    assert titles(tree.items[1]) == ("Fotografia 1", "Fotografia 3")


def test_the_first_and_last_items_have_one_neighbour(tree):
    assert titles(tree.items[0]) == (None, "Fotografia 2")
    assert titles(tree.items[2]) == ("Fotografia 2", None)


def test_the_order_is_by_title_not_by_creation(tree):
    ItemPageFactory(parent=tree.collection, title="Albume", slug="albume")
    assert titles(tree.items[1]) == ("Albume", "Fotografia 3")


def test_items_with_an_image_come_first_as_in_the_listing(tree):
    # Fotografia 1 has the tree's only image: it leads, before Albume.
    ItemPageFactory(parent=tree.collection, title="Albume", slug="albume")
    assert titles(tree.items[0]) == (None, "Albume")
    assert titles(ItemPage.objects.get(slug="albume")) == ("Fotografia 1", "Fotografia 2")


def test_equal_titles_are_ordered_by_page(tree):
    twin = ItemPageFactory(parent=tree.collection, title="Fotografia 2", slug="gemella")
    assert titles(tree.items[1]) == ("Fotografia 1", "Fotografia 2")
    assert titles(twin) == ("Fotografia 2", "Fotografia 3")


def test_an_only_item_has_no_neighbours(tree):
    tree.items[1].unpublish()
    tree.items[2].unpublish()
    found = neighbours(ItemPage.objects.get(pk=tree.item.pk))
    assert not found


def test_neighbours_follow_the_collection_listing(tree, client):
    for title in ("Zucca", "albero", "Élite", "Ebano"):
        ItemPageFactory(parent=tree.collection, title=title)
    listing = client.get("/it/partners/archivio/fotografie/")
    order = [item.title for item in listing.context["items"]]
    for before, page, after in zip([None, *order[:-1]], order, [*order[1:], None], strict=True):
        assert titles(ItemPage.objects.get(title=page)) == (before, after)


def test_neighbours_are_in_the_visitor_language(tree, translate):
    for page in (tree.home, tree.partner_index, tree.partner, tree.collection):
        translate(page, "en")
    translate(tree.items[2], "en", title="A photograph")
    # In English the translated title sorts first among the items without an image.
    assert titles(tree.items[0], "en") == (None, "A photograph")
    assert titles(tree.items[1], "en") == ("A photograph", None)
    assert titles(tree.items[0], "it") == (None, "Fotografia 2")


def test_the_page_links_them_with_rel_prev_and_next(tree, client):
    response = client.get(URL.format(language="fr", slug="fotografia-2"))
    links = rel_links(response)
    assert links["prev"][0] == "/fr/partners/archivio/fotografie/fotografia-1/"
    assert links["prev"][1].endswith("Fotografia 1")
    assert links["next"][0] == "/fr/partners/archivio/fotografie/fotografia-3/"
    assert links["next"][1].endswith("Fotografia 3")


def test_the_last_item_links_only_back(tree, client):
    response = client.get(URL.format(language="it", slug="fotografia-3"))
    assert set(rel_links(response)) == {"prev"}


def test_a_collection_of_one_shows_no_neighbour_links(tree, client):
    tree.items[1].unpublish()
    tree.items[2].unpublish()
    html = client.get(URL.format(language="it", slug="fotografia-1")).content.decode()
    assert "item-neighbours" not in html


def test_the_collection_page_is_what_the_item_refers_to(tree):
    # The catalogue's collection value (neighbours' scope) is the collection page's own.
    from heritage_collections.item_context import collection_path

    collection = CollectionPage.objects.get(pk=tree.collection.pk)
    assert collection_path(tree.item) == collection.catalogue_path
