"""IIIF Presentation 3 collections: one per collection page, and the hub's collection of them."""

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from iiif_prezi3 import Collection
from wagtail.models import PageViewRestriction

from heritage_collections.iiif import documents
from tests.conftest import elements
from tests.factories import (
    CollectionPageFactory,
    HeritageImageFactory,
    ItemPageFactory,
    add_item_image,
)

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def illustrated(tree):
    """Every item of the tree with an image: only those have a manifest to list."""
    for item in tree.items:
        if not item.images.exists():
            add_item_image(item)


CONTEXT = "http://iiif.io/api/presentation/3/context.json"


def collection_url(collection, part=None):
    key = collection.translation_key
    return (
        f"/iiif/collections/{key}.json" if part is None else f"/iiif/collections/{key}/{part}.json"
    )


def get_collection(client, url):
    response = client.get(url)
    assert response.status_code == 200, response.content
    Collection.model_validate_json(response.content)
    return response.json()


def test_the_collection_parses_as_a_presentation_3_collection(tree, client):
    response = client.get(collection_url(tree.collection))
    collection = Collection.model_validate_json(response.content)
    assert collection.type == "Collection"
    assert response["Content-Type"] == f'application/ld+json;profile="{CONTEXT}"'
    assert response["Access-Control-Allow-Origin"] == "*"


def test_the_collection_lists_its_items_manifests_by_title(tree, client):
    document = get_collection(client, collection_url(tree.collection))
    assert [(item["type"], item["label"]) for item in document["items"]] == [
        ("Manifest", {"it": [f"Fotografia {n}"]}) for n in (1, 2, 3)
    ]
    assert document["items"][0]["id"] == (
        f"http://testserver/iiif/items/{tree.item.translation_key}/manifest.json"
    )


def test_an_item_is_listed_once_with_the_titles_of_its_translations(tree, client, translate):
    translate(tree.item, "en", title="Photograph 1")
    document = get_collection(client, collection_url(tree.collection))
    assert len(document["items"]) == 3
    assert document["items"][0]["label"] == {"it": ["Fotografia 1"], "en": ["Photograph 1"]}


def test_label_summary_and_homepage_come_from_every_translation(tree, client, translate):
    translate(tree.collection, "en", title="Photographs", introduction="Old photographs.")
    document = get_collection(client, collection_url(tree.collection))
    assert document["label"] == {"it": ["Fotografie"], "en": ["Photographs"]}
    assert document["summary"] == {"it": ["Una collezione di prova."], "en": ["Old photographs."]}
    assert [page["id"] for page in document["homepage"]] == [
        "http://testserver/it/partners/archivio/fotografie/",
        "http://testserver/en/partners/archivio/fotografie/",
    ]


def test_the_provider_is_the_partner_and_the_thumbnail_the_cover(tree, client):
    tree.collection.cover_image = HeritageImageFactory()
    tree.collection.save_revision().publish()
    document = get_collection(client, collection_url(tree.collection))
    assert document["provider"][0]["label"] == {"it": ["Archivio Nazionale"]}
    assert document["thumbnail"][0]["type"] == "Image"


def test_a_private_item_is_not_listed(tree, client):
    PageViewRestriction.objects.create(page=tree.item, restriction_type=PageViewRestriction.LOGIN)
    document = get_collection(client, collection_url(tree.collection))
    assert len(document["items"]) == 2


def test_an_item_without_an_image_is_not_listed(tree, client):
    tree.items[1].images.all().delete()
    document = get_collection(client, collection_url(tree.collection))
    assert [item["label"]["it"][0] for item in document["items"]] == [
        "Fotografia 1",
        "Fotografia 3",
    ]


def test_a_large_collection_is_split_into_parts(tree, client, monkeypatch):
    monkeypatch.setattr(documents, "ITEMS_PER_PART", 2)
    document = get_collection(client, collection_url(tree.collection))
    assert [(part["id"], part["type"]) for part in document["items"]] == [
        (f"http://testserver{collection_url(tree.collection, 1)}", "Collection"),
        (f"http://testserver{collection_url(tree.collection, 2)}", "Collection"),
    ]


def test_each_part_lists_its_share_of_the_manifests(tree, client, monkeypatch):
    monkeypatch.setattr(documents, "ITEMS_PER_PART", 2)
    first = get_collection(client, collection_url(tree.collection, 1))
    second = get_collection(client, collection_url(tree.collection, 2))
    assert [item["label"]["it"][0] for item in first["items"] + second["items"]] == [
        "Fotografia 1",
        "Fotografia 2",
        "Fotografia 3",
    ]
    assert second["partOf"][0]["id"] == f"http://testserver{collection_url(tree.collection)}"


@pytest.mark.parametrize("part", [0, 3])
def test_a_part_past_the_end_is_not_found(tree, client, monkeypatch, part):
    monkeypatch.setattr(documents, "ITEMS_PER_PART", 2)
    assert client.get(collection_url(tree.collection, part)).status_code == 404


def test_a_draft_collection_is_not_found(tree, client):
    draft = CollectionPageFactory(parent=tree.partner, live=False)
    assert client.get(collection_url(draft)).status_code == 404


def test_a_private_collection_is_not_found(tree, client):
    PageViewRestriction.objects.create(
        page=tree.collection, restriction_type=PageViewRestriction.LOGIN
    )
    assert client.get(collection_url(tree.collection)).status_code == 404


def test_a_collection_costs_the_same_queries_with_3_or_30_items(tree, client):
    counts = []
    for total in (3, 30):
        for n in range(len(tree.collection.get_children()), total):
            add_item_image(ItemPageFactory(parent=tree.collection, title=f"Voce {n:03d}"))
        cache.clear()
        with CaptureQueriesContext(connection) as queries:
            document = get_collection(client, collection_url(tree.collection))
        assert len(document["items"]) == total
        counts.append(len(queries))
    assert counts[0] == counts[1], counts


def test_the_hub_collection_lists_every_public_collection_once(tree, client, translate):
    translate(tree.collection, "en", title="Photographs")
    other = CollectionPageFactory(parent=tree.partner, title="Disegni")
    CollectionPageFactory(parent=tree.partner, title="Bozza", live=False)
    document = get_collection(client, "/iiif/collections.json")
    assert [item["id"] for item in document["items"]] == [
        f"http://testserver{collection_url(other)}",
        f"http://testserver{collection_url(tree.collection)}",
    ]
    assert document["items"][1]["label"] == {"it": ["Fotografie"], "en": ["Photographs"]}


def test_the_collection_page_links_its_iiif_collection(tree, client):
    response = client.get("/en/partners/archivio/fotografie/")
    hrefs = [
        e.attrs["href"]
        for e in elements(response)
        if e.tag == "link" and e.attrs.get("type", "").startswith("application/ld+json")
    ]
    assert hrefs == [f"http://testserver{collection_url(tree.collection)}"]
