"""What the collection, item and collection index pages show a visitor."""

import pytest

from heritage_collections.models import ITEMS_PER_PAGE
from heritagehub.rights import RightsStatement
from tests.factories import ItemPageFactory

pytestmark = pytest.mark.django_db


def test_item_page_shows_its_catalogue_facts(tree, client):
    html = client.get("/it/partners/archivio/fotografie/fotografia-1/").content.decode()
    assert tree.item.identifier in html
    assert "Anonimo" in html
    assert "c. 1890" in html


def test_item_page_links_its_rights_statement(tree, client):
    html = client.get("/it/partners/archivio/fotografie/fotografia-1/").content.decode()
    assert 'href="https://creativecommons.org/publicdomain/mark/1.0/"' in html
    assert 'rel="license"' in html


def test_item_page_links_its_collection_and_partner_in_the_visitor_language(tree, client):
    html = client.get("/fr/partners/archivio/fotografie/fotografia-1/").content.decode()
    assert 'href="/fr/partners/archivio/fotografie/"' in html
    assert 'href="/fr/partners/archivio/"' in html


def test_item_page_shows_image_alt_text_and_credit(tree, client):
    image = tree.item.specific.images.first().image
    html = client.get("/it/partners/archivio/fotografie/fotografia-1/").content.decode()
    assert f'alt="{image.alt_text}"' in html
    assert image.credit in html


def test_item_without_images_still_renders(tree, client):
    response = client.get("/it/partners/archivio/fotografie/fotografia-2/")
    assert response.status_code == 200


def test_item_page_shows_a_restricted_statement_as_restricted(tree, client):
    item = tree.items[2].specific
    item.rights = RightsStatement.IN_COPYRIGHT
    item.save_revision().publish()
    html = client.get("/it/partners/archivio/fotografie/fotografia-3/").content.decode()
    assert 'href="https://rightsstatements.org/vocab/InC/1.0/"' in html


def test_collection_page_paginates_its_items(tree, client):
    for n in range(ITEMS_PER_PAGE + 3):
        ItemPageFactory(parent=tree.collection, title=f"Stampa {n:03d}")
    first = client.get("/it/partners/archivio/fotografie/")
    assert len(first.context["items"]) == ITEMS_PER_PAGE
    second = client.get("/it/partners/archivio/fotografie/", {"page": 2})
    assert len(second.context["items"]) == 3 + len(tree.items)
    assert 'href="?page=2' in first.content.decode() or "page=2" in first.content.decode()


def test_collection_page_ignores_a_malformed_page_number(tree, client):
    response = client.get("/it/partners/archivio/fotografie/", {"page": "abc"})
    assert response.status_code == 200
    assert response.context["items"].number == 1


def test_collection_page_lists_only_live_items(tree, client):
    tree.items[2].unpublish()
    response = client.get("/it/partners/archivio/fotografie/")
    assert [item.pk for item in response.context["items"]] == [
        tree.items[0].pk,
        tree.items[1].pk,
    ]
    assert "Fotografia 3" not in response.content.decode()


def test_item_cards_link_in_the_visitor_language(tree, client):
    html = client.get("/de/partners/archivio/fotografie/").content.decode()
    assert 'href="/de/partners/archivio/fotografie/fotografia-2/"' in html


def test_collection_index_lists_items_of_every_collection(tree, client):
    response = client.get("/it/collections/")
    assert response.context["items"].paginator.count == 3
    assert "Fotografia 2" in response.content.decode()
