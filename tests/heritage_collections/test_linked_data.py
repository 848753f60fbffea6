"""Items and collections describe themselves in schema.org JSON-LD that a processor reads."""

from decimal import Decimal

import pytest

from heritage_collections.models import ObjectType
from heritagehub.i18n import url_in_language
from heritagehub.rights import RightsStatement
from tests.factories import ItemPageFactory
from tests.json_ld import SCHEMA, expand, json_ld, value, values

pytestmark = pytest.mark.django_db


def object_type(slug):
    return ObjectType.objects.get(slug=slug, locale__language_code="it")


def described(client, page, language_code="it"):
    response = client.get(url_in_language(page, language_code))
    assert response.status_code == 200
    document = json_ld(response)
    return document, expand(document)[0]


@pytest.fixture
def item(tree):
    item = tree.item.specific
    item.place_name = "Torino"
    item.latitude = Decimal("45.070300")
    item.longitude = Decimal("7.686900")
    item.materials = "Gelatina bromuro d'argento"
    item.dimensions = "18 x 24 cm"
    item.source_url = "https://catalogo.example.org/INV-1"
    item.tags.add("fiume")
    item.save_revision().publish()
    return item


def test_an_item_is_described_with_its_catalogue_facts(client, item):
    document, node = described(client, item)

    assert document["@context"] == "https://schema.org"
    assert node["@type"] == [SCHEMA + "Photograph"]
    assert value(node, "name") == item.title
    assert value(node, "identifier") == item.identifier
    assert value(node, "description") == "Un oggetto della collezione."
    assert value(value(node, "creator"), "name") == "Anonimo"
    assert value(node, "temporalCoverage") == "1885/1895"
    assert value(node, "material") == "Gelatina bromuro d'argento"
    assert value(node, "size") == "18 x 24 cm"
    assert value(node, "license") == RightsStatement.PUBLIC_DOMAIN_MARK
    assert value(node, "creditText") == "Dono di un collezionista"
    assert value(node, "sameAs") == "https://catalogo.example.org/INV-1"
    assert values(node, "keywords") == ["fiume"]
    assert value(node, "inLanguage") == "it"
    assert value(node, "url") == "http://testserver" + url_in_language(item, "it")


def test_an_item_names_its_place_with_coordinates(client, item):
    _document, node = described(client, item)

    place = value(node, "locationCreated")
    assert value(place, "name") == "Torino"
    assert value(value(place, "geo"), "latitude") == pytest.approx(45.0703)
    assert value(value(place, "geo"), "longitude") == pytest.approx(7.6869)


def test_an_item_links_its_collection_and_partner(client, tree, item):
    _document, node = described(client, item)

    collection = value(node, "isPartOf")
    assert collection["@type"] == [SCHEMA + "Collection"]
    assert value(collection, "name") == tree.collection.title
    assert value(value(node, "provider"), "name") == tree.partner.title
    assert value(value(node, "provider"), "url").endswith("/it/partners/archivio/")


def test_an_item_image_carries_its_size_credit_and_rights(client, item):
    _document, node = described(client, item)

    image = value(node, "image")
    item_image = item.images.get()
    assert image["@type"] == [SCHEMA + "ImageObject"]
    assert value(image, "contentUrl") == "http://testserver" + item_image.image.file.url
    assert (value(image, "width"), value(image, "height")) == (40, 30)
    assert value(image, "caption") == "Fronte"
    assert value(image, "creditText") == "Test Museum"
    assert value(image, "license") == RightsStatement.CC0


@pytest.mark.parametrize(
    ("slug", "schema_type"),
    [
        ("painting", "VisualArtwork"),
        ("sculpture", "Sculpture"),
        ("manuscript", "Manuscript"),
        ("book", "Book"),
        ("document", "ArchiveComponent"),
        ("map", "Map"),
        ("sound-recording", "AudioObject"),
        ("coin", "CreativeWork"),
    ],
)
def test_an_item_type_follows_its_object_type(client, tree, slug, schema_type):
    item = ItemPageFactory(parent=tree.collection, object_type=object_type(slug))

    _document, node = described(client, item)

    assert node["@type"] == [SCHEMA + schema_type]


def test_an_artwork_names_its_artform(client, tree):
    item = ItemPageFactory(parent=tree.collection, object_type=object_type("painting"))

    _document, node = described(client, item)

    assert value(node, "artform") == "Dipinto"


def test_a_single_year_is_the_date_created(client, tree):
    item = ItemPageFactory(parent=tree.collection, date_start=-500, date_end=-500)

    _document, node = described(client, item)

    # ISO 8601 counts a year 0: 500 BCE is -0499.
    assert value(node, "dateCreated") == "-0499"
    assert value(node, "temporalCoverage") is None


def test_a_translated_item_is_described_in_its_language(client, item, translate):
    english = translate(item, "en", title="Photograph 1")

    _document, node = described(client, english, "en")

    assert value(node, "name") == "Photograph 1"
    assert value(node, "inLanguage") == "en"


def test_an_untranslated_item_keeps_its_own_language(client, item):
    _document, node = described(client, item, "fr")

    assert value(node, "name") == item.title
    assert value(node, "inLanguage") == "it"


def test_a_title_cannot_close_the_script_element(client, tree):
    title = "</script><script>alert(1)</script>"
    item = ItemPageFactory(parent=tree.collection, title=title, slug="injection")

    response = client.get(url_in_language(item, "it"))

    assert "<script>alert(1)" not in response.content.decode()
    assert json_ld(response)["name"] == title


def test_a_collection_is_described_with_its_partner_and_size(client, tree):
    _document, node = described(client, tree.collection)

    assert node["@type"] == [SCHEMA + "Collection"]
    assert value(node, "name") == tree.collection.title
    assert value(node, "abstract") == "Una collezione di prova."
    assert value(value(node, "provider"), "name") == tree.partner.title
    assert value(node, "collectionSize") == len(tree.items)
    assert value(node, "inLanguage") == "it"


def test_a_filtered_collection_does_not_claim_its_size(client, tree):
    response = client.get(url_in_language(tree.collection, "it") + "?type=photograph")

    node = expand(json_ld(response))[0]

    assert value(node, "collectionSize") is None
