"""The read-only JSON API at /api/v2/ (heritagehub.api): pages and images, public only."""

from decimal import Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import PageViewRestriction

from heritage_collections.models import ItemAgent, ItemPlace
from tests.factories import (
    AgentPageFactory,
    AuthorityIndexPageFactory,
    HeritageImageFactory,
    ItemPageFactory,
    PlacePageFactory,
    add_item_image,
)

pytestmark = pytest.mark.django_db

ITEMS = "/api/v2/pages/?type=heritage_collections.ItemPage"


def get_json(client, url, status=200):
    response = client.get(url)
    assert response.status_code == status, response.content
    return response.json()


def titles(data):
    return sorted(page["title"] for page in data["items"])


@pytest.fixture
def item(tree):
    item = tree.item.specific
    item.place_name = "Torino"
    item.latitude = Decimal("45.070300")
    item.longitude = Decimal("7.686900")
    item.materials = "Carta"
    item.dimensions = "18 x 24 cm"
    item.source_url = "https://catalogo.example.org/1"
    item.tags.add("fiume")
    item.save_revision().publish()
    return item


def test_the_item_listing_exposes_the_catalogue_metadata(client, item):
    data = get_json(client, ITEMS + "&fields=*")

    assert data["meta"]["total_count"] == 3
    listed = next(page for page in data["items"] if page["id"] == item.pk)
    assert listed["identifier"] == item.identifier
    assert listed["object_type"] == {
        "slug": "photograph",
        "name": "Fotografia",
        "uri": "http://vocab.getty.edu/aat/300046300",
    }
    assert (listed["creator"], listed["date_display"]) == ("Anonimo", "c. 1890")
    assert (listed["date_start"], listed["date_end"]) == (1885, 1895)
    assert (listed["place_name"], listed["latitude"], listed["longitude"]) == (
        "Torino",
        "45.070300",
        "7.686900",
    )
    assert (listed["materials"], listed["dimensions"]) == ("Carta", "18 x 24 cm")
    assert listed["rights"] == "http://creativecommons.org/publicdomain/mark/1.0/"
    assert listed["credit_line"] == "Dono di un collezionista"
    assert listed["source_url"] == "https://catalogo.example.org/1"
    assert listed["tags"] == ["fiume"]
    assert listed["meta"]["locale"] == "it"


def test_an_item_lists_its_images_with_a_rendition_and_credit(client, item):
    data = get_json(client, f"/api/v2/pages/{item.pk}/")

    (image,) = data["images"]
    assert image["caption"] == "Fronte"
    assert image["image"]["alt"] == f"Alt text of {image['image']['title']}"
    assert (image["image"]["credit"], image["image"]["rights"]) == (
        "Test Museum",
        "http://creativecommons.org/publicdomain/zero/1.0/",
    )
    assert image["preview"]["url"].startswith("/media/images/")
    assert (image["preview"]["width"], image["preview"]["height"]) == (40, 30)


def test_partners_show_their_vocabulary_and_contacts(client, tree):
    data = get_json(client, "/api/v2/pages/?type=partners.PartnerPage&fields=*")

    (partner,) = data["items"]
    assert partner["title"] == "Archivio Nazionale"
    assert (partner["city"], partner["country"]) == ("Torino", "Italia")
    assert partner["sectors"] == []
    assert {"email", "phone", "website", "institution_type"} <= set(partner)


def test_stories_show_their_related_items(client, tree):
    data = get_json(client, f"/api/v2/pages/{tree.story.pk}/")

    assert data["summary"] == "Una storia del polo."
    assert data["body"][1]["type"] == "item_card"


def test_pages_are_filtered_by_locale(client, item, translate):
    english = translate(item, "en", title="Photograph 1")

    data = get_json(client, ITEMS + "&locale=en")

    assert [page["id"] for page in data["items"]] == [english.pk]


def test_pages_are_searched(client, item):
    data = get_json(client, ITEMS + "&search=Fotografia 2")

    assert "Fotografia 2" in titles(data)


def test_the_page_size_is_capped(client, tree):
    data = get_json(client, ITEMS + "&limit=2")
    too_many = get_json(client, ITEMS + "&limit=101", status=400)

    assert (len(data["items"]), data["meta"]["total_count"]) == (2, 3)
    assert too_many["message"] == "limit cannot be higher than 100"


@pytest.mark.parametrize(
    ("query", "message"),
    [
        ("?type=heritage_collections.Nothing", "type doesn't exist"),
        ("?limit=many", "limit must be a positive integer"),
        ("?colour=red", "query parameter is not an operation or a recognised field: colour"),
    ],
)
def test_bad_parameters_are_named(client, tree, query, message):
    assert get_json(client, "/api/v2/pages/" + query, status=400)["message"] == message


@pytest.mark.parametrize("method", ["post", "put", "patch", "delete"])
def test_the_api_is_read_only(client, item, method):
    listing = getattr(client, method)("/api/v2/pages/")
    detail = getattr(client, method)(f"/api/v2/pages/{item.pk}/")

    assert (listing.status_code, detail.status_code) == (405, 405)


def test_drafts_are_not_published_in_the_api(client, tree):
    draft = ItemPageFactory(parent=tree.collection, title="Bozza", live=False)

    assert "Bozza" not in titles(get_json(client, ITEMS))
    get_json(client, f"/api/v2/pages/{draft.pk}/", status=404)


def test_pages_behind_a_view_restriction_are_not_in_the_api(client, tree):
    PageViewRestriction.objects.create(
        page=tree.collection, restriction_type=PageViewRestriction.PASSWORD, password="segreto"
    )

    assert get_json(client, ITEMS)["items"] == []
    get_json(client, f"/api/v2/pages/{tree.item.pk}/", status=404)
    get_json(client, f"/api/v2/pages/{tree.collection.pk}/", status=404)


def test_images_of_public_pages_are_listed_with_credit_and_rights(client, tree):
    (image,) = get_json(client, "/api/v2/images/")["items"]

    assert image["id"] == tree.item.specific.images.get().image_id
    assert image["alt"].startswith("Alt text of ")
    assert (image["credit"], image["rights"]) == (
        "Test Museum",
        "http://creativecommons.org/publicdomain/zero/1.0/",
    )


def test_images_no_public_page_shows_are_not_listed(client, tree):
    unused = HeritageImageFactory()
    draft = ItemPageFactory(parent=tree.collection, live=False)
    draft_image = add_item_image(draft).image
    restricted = add_item_image(tree.items[1]).image
    PageViewRestriction.objects.create(
        page=tree.items[1], restriction_type=PageViewRestriction.PASSWORD, password="segreto"
    )

    listed = {image["id"] for image in get_json(client, "/api/v2/images/")["items"]}

    assert listed.isdisjoint({unused.pk, draft_image.pk, restricted.pk})
    get_json(client, f"/api/v2/images/{unused.pk}/", status=404)


def count_queries(client, url):
    client.get(url)  # warm: site root paths and renditions in the cache, as on a running site
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return len(queries)


@pytest.mark.parametrize(
    "url",
    [
        ITEMS + "&fields=*",
        "/api/v2/pages/?fields=*",
        "/api/v2/pages/?type=stories.StoryPage&fields=*",
        "/api/v2/images/?fields=*",
    ],
)
def test_a_listing_costs_the_same_for_5_and_20_pages(client, tree, url):
    records = AuthorityIndexPageFactory(parent=tree.home)

    def grow(total):
        for n in range(len(tree.collection.get_children()), total):
            item = ItemPageFactory(parent=tree.collection, title=f"Voce {n:03d}")
            add_item_image(item)
            item.tags.add(f"tag-{n}")
            item.save()
            agent = AgentPageFactory(parent=records)
            ItemAgent.objects.create(page=item, agent=agent, role="creator")
            place = PlacePageFactory(parent=records)
            ItemPlace.objects.create(page=item, place=place, role="made")

    grow(5)
    few = count_queries(client, url)
    grow(20)
    many = count_queries(client, url)

    assert few == many
