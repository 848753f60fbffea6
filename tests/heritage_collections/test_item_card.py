"""The item card: a picture when the item has one, else a text-first card of its type."""

import pytest

from heritage_collections.models import ObjectType
from tests.conftest import elements
from tests.factories import ItemPageFactory

pytestmark = pytest.mark.django_db


def cards(response):
    return [
        e for e in elements(response) if e.tag == "article" and "card--item" in e.attrs["class"]
    ]


def test_an_item_without_an_image_gets_a_text_card_of_its_type_not_a_placeholder(tree, client):
    drawing = ObjectType.objects.get(slug="drawing", locale__language_code="it")
    ItemPageFactory(parent=tree.collection, title="Schizzo", object_type=drawing)
    response = client.get("/it/collections/?sort=title&type=drawing")
    (card,) = cards(response)
    assert card.attrs["class"] == "card card--item card--text card--graphic"
    html = response.content.decode()
    assert 'class="type-glyph"' in html
    assert 'class="placeholder' not in html


def test_an_item_with_an_image_shows_it(tree, client):
    response = client.get("/it/collections/?image=1")
    (card,) = cards(response)
    assert "card--text" not in card.attrs["class"]
    assert 'class="type-glyph"' not in response.content.decode()


def test_a_card_names_the_item_s_partner(tree, client):
    response = client.get("/it/collections/")
    assert response.content.decode().count('<p class="card-partner">Archivio Nazionale</p>') == 3
