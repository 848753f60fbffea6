"""IIIF Presentation 3 manifests of items (/iiif/items/<translation key>/manifest.json)."""

import io

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import translation
from django.utils.translation import gettext
from iiif_prezi3 import Manifest
from PIL import Image
from wagtail.models import Locale, PageViewRestriction

from heritage_collections.iiif import documents
from heritagehub.models import HeritageRendition
from heritagehub.rights import RightsStatement
from tests.conftest import elements
from tests.factories import HeritageImageFactory, ItemPageFactory, add_item_image

pytestmark = pytest.mark.django_db

CONTEXT = "http://iiif.io/api/presentation/3/context.json"
ITEM_URL = "/{language}/partners/archivio/fotografie/fotografia-1/"


def manifest_url(item):
    return f"/iiif/items/{item.translation_key}/manifest.json"


def get_manifest(client, item, **headers):
    response = client.get(manifest_url(item), **headers)
    assert response.status_code == 200, response.content
    return response.json()


def by_label(entries):
    """``{English label: value}`` of a manifest's metadata."""
    return {entry["label"]["en"][0]: entry["value"] for entry in entries}


def test_the_manifest_parses_as_a_presentation_3_manifest(tree, client):
    response = client.get(manifest_url(tree.item))
    manifest = Manifest.model_validate_json(response.content)
    assert manifest.type == "Manifest"
    assert len(manifest.items) == 1


def test_an_item_without_images_has_no_manifest(tree, client):
    # Presentation 3: a manifest has at least one canvas.
    response = client.get(manifest_url(tree.items[1]))
    assert response.status_code == 404


def test_the_page_of_an_item_without_images_links_no_manifest(tree, client):
    html = client.get(tree.items[1].url).content.decode()
    assert "/manifest.json" not in html


def test_the_page_of_an_item_with_images_links_its_manifest(tree, client):
    html = client.get(tree.item.url).content.decode()
    assert html.count(manifest_url(tree.item)) == 2  # the <link> in the head and the visible link


def test_the_manifest_is_identified_by_its_absolute_url(tree, client):
    manifest = get_manifest(client, tree.item)
    assert manifest["@context"] == CONTEXT
    assert manifest["id"] == f"http://testserver{manifest_url(tree.item)}"


def test_the_manifest_is_the_same_under_https(tree, client):
    manifest = get_manifest(client, tree.item, secure=True)
    assert manifest["id"] == f"https://testserver{manifest_url(tree.item)}"
    assert manifest["items"][0]["id"].startswith("https://testserver/iiif/items/")


def test_label_and_summary_come_from_every_translation(tree, client, translate):
    translate(tree.item, "en", title="Photograph 1", description="<p>A <b>river</b> view.</p>")
    manifest = get_manifest(client, tree.item)
    assert manifest["label"] == {"it": ["Fotografia 1"], "en": ["Photograph 1"]}
    assert manifest["summary"] == {
        "it": ["Un oggetto della collezione."],
        "en": ["A river view."],
    }


def test_metadata_is_labelled_in_every_language_and_valued_per_translation(tree, client, translate):
    translate(tree.item, "en", title="Photograph 1", date_display="about 1890")
    metadata = get_manifest(client, tree.item)["metadata"]
    identifier = metadata[0]
    for language in ("it", "en", "fr", "de", "es"):
        with translation.override(language):
            assert identifier["label"][language] == [gettext("Identifier")]
    assert identifier["value"] == {"none": [tree.item.identifier]}
    facts = by_label(metadata)
    assert facts["Date"] == {"it": ["c. 1890"], "en": ["about 1890"]}
    # The collection and partner are not translated: only their Italian pages exist.
    assert facts["Collection"] == {"it": ["Fotografie"]}
    assert facts["Held by"] == {"it": ["Archivio Nazionale"]}


def test_the_object_type_is_named_in_each_of_its_languages(tree, client):
    metadata = get_manifest(client, tree.item)["metadata"]
    object_type = next(entry for entry in metadata if entry["label"]["en"] == ["Object type"])
    assert object_type["value"]["it"] == [tree.item.object_type.name]
    assert len(object_type["value"]) > 1  # the migrations translate the vocabulary


def test_a_canvas_has_the_real_size_of_its_image(tree, client):
    image = HeritageImageFactory(file__width=123, file__height=77)
    add_item_image(tree.items[1], image, caption="Retro")
    canvas = get_manifest(client, tree.items[1])["items"][0]
    assert (canvas["width"], canvas["height"]) == (123, 77)
    assert canvas["label"] == {"it": ["Retro"]}


def test_the_painted_image_is_scaled_to_fit_the_full_size(tree, client, monkeypatch):
    monkeypatch.setattr(documents, "FULL_SIZE", 20)
    canvas = get_manifest(client, tree.item)["items"][0]  # a 40 x 30 image
    annotation = canvas["items"][0]["items"][0]
    assert annotation["motivation"] == "painting"
    assert annotation["target"] == canvas["id"]
    body = annotation["body"]
    assert (body["type"], body["format"], body["width"], body["height"]) == (
        "Image",
        "image/jpeg",
        20,
        15,
    )


def test_the_served_image_has_the_size_the_manifest_gives(tree, client, monkeypatch):
    monkeypatch.setattr(documents, "FULL_SIZE", 20)
    body = get_manifest(client, tree.item)["items"][0]["items"][0]["items"][0]["body"]
    response = client.get(body["id"])
    assert response.status_code == 200
    assert response["Access-Control-Allow-Origin"] == "*"
    served = Image.open(io.BytesIO(b"".join(response.streaming_content)))
    assert served.size == (body["width"], body["height"])


def test_building_a_manifest_renders_no_image(tree, client):
    for _n in range(3):
        add_item_image(tree.item)
    renditions = HeritageRendition.objects.count()
    get_manifest(client, tree.item)
    assert HeritageRendition.objects.count() == renditions


def test_an_image_url_with_a_forged_signature_is_refused(tree, client):
    body = get_manifest(client, tree.item)["items"][0]["items"][0]["items"][0]["body"]
    forged = body["id"].replace("/iiif/images/", "/iiif/images/x", 1)
    assert client.get(forged).status_code == 403


def test_the_thumbnail_is_a_small_rendition_of_the_first_image(tree, client):
    manifest = get_manifest(client, tree.item)
    thumbnail = manifest["thumbnail"][0]
    assert thumbnail["type"] == "Image"
    assert "/iiif/images/" in thumbnail["id"]
    assert (thumbnail["width"], thumbnail["height"]) == (40, 30)  # never enlarged


def test_rights_is_the_statement_uri_of_the_item(tree, client):
    assert get_manifest(client, tree.item)["rights"] == RightsStatement.PUBLIC_DOMAIN_MARK


def test_the_required_statement_is_the_credit_line(tree, client):
    statement = get_manifest(client, tree.item)["requiredStatement"]
    assert statement["label"]["en"] == ["Credit line"]
    assert statement["value"] == {"it": ["Dono di un collezionista"]}


def test_without_a_credit_line_the_required_statement_names_the_partner(tree, client):
    item = ItemPageFactory(parent=tree.collection, credit_line="")
    add_item_image(item)
    statement = get_manifest(client, item)["requiredStatement"]
    assert statement["label"]["en"] == ["Held by"]
    assert statement["value"] == {"it": ["Archivio Nazionale"]}


def test_the_provider_is_the_partner_with_its_logo_and_website(tree, client):
    tree.partner.logo = HeritageImageFactory()
    tree.partner.website = "https://archivio.example.org/"
    tree.partner.save_revision().publish()
    provider = get_manifest(client, tree.item)["provider"][0]
    assert provider["type"] == "Agent"
    assert provider["id"] == "http://testserver/it/partners/archivio/"
    assert provider["label"] == {"it": ["Archivio Nazionale"]}
    assert [page["id"] for page in provider["homepage"]] == [
        "http://testserver/it/partners/archivio/",
        "https://archivio.example.org/",
    ]
    assert provider["logo"][0]["type"] == "Image"


def test_the_homepage_is_the_item_page_in_each_of_its_languages(tree, client, translate):
    translate(tree.item, "en", title="Photograph 1")
    homepage = get_manifest(client, tree.item)["homepage"]
    assert [(page["id"], page["language"]) for page in homepage] == [
        (f"http://testserver{ITEM_URL.format(language='it')}", ["it"]),
        (f"http://testserver{ITEM_URL.format(language='en')}", ["en"]),
    ]


def test_the_manifest_is_part_of_its_collection(tree, client):
    part_of = get_manifest(client, tree.item)["partOf"][0]
    assert (
        part_of["id"]
        == f"http://testserver/iiif/collections/{tree.collection.translation_key}.json"
    )
    assert part_of["type"] == "Collection"


def test_the_manifest_is_served_as_json_ld_with_the_presentation_3_profile(tree, client):
    response = client.get(manifest_url(tree.item))
    assert response["Content-Type"] == f'application/ld+json;profile="{CONTEXT}"'
    assert "Accept" in response["Vary"]


def test_a_client_asking_for_json_gets_json(tree, client):
    response = client.get(manifest_url(tree.item), HTTP_ACCEPT="application/json")
    assert response["Content-Type"] == "application/json"


def test_a_client_asking_for_json_ld_gets_json_ld(tree, client):
    accept = f'application/ld+json;profile="{CONTEXT}", application/json;q=0.5'
    response = client.get(manifest_url(tree.item), HTTP_ACCEPT=accept)
    assert response["Content-Type"].startswith("application/ld+json")


def test_any_origin_may_read_the_manifest(tree, client):
    response = client.get(manifest_url(tree.item), HTTP_ORIGIN="https://viewer.example")
    assert response["Access-Control-Allow-Origin"] == "*"


def test_a_preflight_request_is_answered(tree, client):
    response = client.options(
        manifest_url(tree.item),
        HTTP_ORIGIN="https://viewer.example",
        HTTP_ACCESS_CONTROL_REQUEST_METHOD="GET",
        HTTP_ACCESS_CONTROL_REQUEST_HEADERS="accept",
    )
    assert response.status_code == 204
    assert response["Access-Control-Allow-Origin"] == "*"
    assert "GET" in response["Access-Control-Allow-Methods"]
    assert response["Access-Control-Allow-Headers"] == "accept"


def test_posting_to_a_manifest_is_not_allowed(tree, client):
    assert client.post(manifest_url(tree.item)).status_code == 405


def test_a_draft_item_has_no_manifest(tree, client):
    draft = ItemPageFactory(parent=tree.collection, live=False)
    response = client.get(manifest_url(draft))
    assert response.status_code == 404
    assert response["Content-Type"].startswith("text/plain")
    assert response["Access-Control-Allow-Origin"] == "*"


def test_an_unpublished_item_has_no_manifest(tree, client):
    tree.item.unpublish()
    assert client.get(manifest_url(tree.item)).status_code == 404


def test_an_item_of_a_private_collection_has_no_manifest(tree, client):
    PageViewRestriction.objects.create(
        page=tree.collection, restriction_type=PageViewRestriction.PASSWORD, password="secret"
    )
    assert client.get(manifest_url(tree.item)).status_code == 404


def test_an_unknown_item_has_no_manifest(client, db):
    assert (
        client.get("/iiif/items/00000000-0000-0000-0000-000000000000/manifest.json").status_code
        == 404
    )


def manifest_queries(client, item):
    cache.clear()
    with CaptureQueriesContext(connection) as queries:
        manifest = get_manifest(client, item)
    return len(queries), manifest


def test_a_manifest_costs_the_same_queries_with_1_or_20_images(tree, client, translate):
    translate(tree.item, "en", title="Photograph 1")
    counts = []
    for total in (1, 20):
        while tree.item.images.count() < total:
            add_item_image(tree.item)
        count, manifest = manifest_queries(client, tree.item)
        assert len(manifest["items"]) == total
        counts.append(count)
    assert counts[0] == counts[1], counts
    assert counts[0] <= 8, counts  # 7, and the restricted subtrees the cleared cache lost


def test_a_manifest_is_served_from_the_cache_until_the_next_publish(tree, client):
    get_manifest(client, tree.item)
    with CaptureQueriesContext(connection) as queries:
        get_manifest(client, tree.item)
    assert len(queries) == 0
    tree.item.title = "Fotografia prima"
    tree.item.save_revision().publish()
    assert get_manifest(client, tree.item)["label"] == {"it": ["Fotografia prima"]}


def test_the_item_page_links_its_manifest(tree, client):
    response = client.get(ITEM_URL.format(language="en"))
    links = [
        e.attrs
        for e in elements(response)
        if e.tag == "link"
        and e.attrs.get("rel") == "alternate"
        and "iiif" in e.attrs.get("type", "")
    ]
    assert links == [
        {
            "rel": "alternate",
            "type": f'application/ld+json;profile="{CONTEXT}"',
            "href": f"http://testserver{manifest_url(tree.item)}",
        }
    ]


def test_the_item_page_shows_a_link_to_its_manifest(tree, client):
    response = client.get(ITEM_URL.format(language="en"))
    link = next(e for e in elements(response) if e.tag == "a" and e.text == "IIIF manifest")
    assert link.attrs["href"] == f"http://testserver{manifest_url(tree.item)}"


def test_an_alias_in_another_language_is_not_a_translation(tree, client, translate):
    # Translating the item puts its untranslated collection in the English tree as an alias.
    translate(tree.item, "en", title="Photograph 1")
    english = tree.collection.get_translation(Locale.objects.get(language_code="en"))
    assert english.alias_of_id == tree.collection.pk
    assert get_manifest(client, tree.item)["partOf"][0]["label"] == {"it": ["Fotografie"]}


def test_a_head_request_is_answered_with_the_headers(tree, client):
    response = client.head(manifest_url(tree.item))
    assert response.status_code == 200
    assert response["Access-Control-Allow-Origin"] == "*"
    assert response["Content-Type"].startswith("application/ld+json")
