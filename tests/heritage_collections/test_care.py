"""Content that needs care (heritage_collections/care.py, docs/care.md): every label kind in
every output, the visitor's choice to see covered images (without JavaScript, remembered
for the visit, never leaking through the page cache) and the import's column."""

import json
import re
from io import StringIO

import pytest
from django.core.cache import cache
from django.core.management import call_command
from django.test import Client
from django.utils import translation
from lxml import etree
from wagtail_localize.segments import StringSegmentValue
from wagtail_localize.segments.extract import extract_segments

from heritage_collections.care import CareKind, CareLabel, care_key, raw_care_labels
from heritage_collections.importing import ItemImport, resolve
from heritage_collections.models import CollectionPage, ItemPage
from stories.models import StoryPage
from tests.factories import (
    CollectionPageFactory,
    ItemPageFactory,
    PartnerIndexPageFactory,
    PartnerPageFactory,
    StoryPageFactory,
    add_item_image,
    item_card_body,
    item_row,
    write_item_csv,
)
from tests.json_ld import expand, json_ld

from .oai.conftest import NS, XML_LANG

pytestmark = pytest.mark.django_db

KINDS = CareKind.values
NOTE = "Nota del partner: {kind}."
OUTPUTS = ["page", "card", "api", "json_ld", "manifest", "oai_dc", "edm", "search"]


def note_of(kind):
    return NOTE.format(kind=kind)


def name_of(kind, language="it"):
    return CareLabel(kind, "").name_in(language)


def labelled_item(collection, kind, title):
    item = ItemPageFactory(
        parent=collection,
        title=title,
        care_labels=raw_care_labels([(kind, note_of(kind))]),
    )
    add_item_image(item)
    return item


@pytest.fixture
def collection(home):
    """A partner's collection, and no more than the outputs need: the matrix builds five
    items for each of its eight outputs."""
    partner_index = PartnerIndexPageFactory(parent=home)
    partner = PartnerPageFactory(parent=partner_index, title="Archivio Nazionale", slug="archivio")
    return CollectionPageFactory(parent=partner, title="Fotografie", slug="fotografie")


@pytest.fixture
def item_of_kind(collection):
    """``item_of_kind(kind)``: a live item with an image and one care label of ``kind``."""

    def _make(kind):
        return labelled_item(collection, kind, f"Reperto {kind}")

    return _make


def card_of(html, title):
    """The HTML of the card (an <article>) whose link reads ``title``."""
    cards = [card for card in html.split("<article")[1:] if f">{title}</a>" in card]
    assert len(cards) == 1, f"one card of {title!r}"
    return cards[0].split("</article>")[0]


def oai_record(client, item, prefix):
    response = client.get(
        "/oai/",
        {
            "verb": "GetRecord",
            "identifier": f"oai:heritagehub.local:item:{item.translation_key}",
            "metadataPrefix": prefix,
        },
    )
    return etree.fromstring(response.content).find("oai:GetRecord/oai:record/oai:metadata", NS)


def notice_sentence(kind):
    return CareLabel(kind, note_of(kind)).notice_in("it")


# The matrix: label kind × output ------------------------------------------------------------


def check_page(client, item, kind):
    html = client.get(item.url).content.decode()
    notice = html.split('<section class="care-notice"')[1].split("</section>")[0]
    assert name_of(kind) in notice and note_of(kind) in notice
    # The notice comes before the images, which are covered.
    assert html.index('class="care-notice"') < html.index("data-care-cover")
    assert re.search(r'data-care-covered hidden>\s*<div class="item-media"', html)


def check_card(client, item, kind):
    card = card_of(client.get(item.get_parent().url).content.decode(), item.title)
    assert name_of(kind) in card
    assert "<img" not in card


def check_api(client, item, kind):
    data = client.get(f"/api/v2/pages/{item.pk}/").json()
    assert data["care_labels"] == [{"kind": kind, "name": name_of(kind), "note": note_of(kind)}]


def check_json_ld(client, item, kind):
    data = json_ld(client.get(item.url))
    expand(data)  # schema.org's terms only
    assert data["contentRating"] == [
        {
            "@type": "Rating",
            "identifier": kind,
            "name": name_of(kind),
            "ratingExplanation": note_of(kind),
        }
    ]


def check_manifest(client, item, kind):
    manifest = client.get(f"/iiif/items/{item.translation_key}/manifest.json").json()
    first = manifest["metadata"][0]
    assert first["label"]["en"] == ["Content that needs care"]
    assert first["value"] == {"it": [f"{name_of(kind)}: {note_of(kind)}"]}


def check_oai_dc(client, item, kind):
    dc = oai_record(client, item, "oai_dc").find("oai_dc:dc", NS)
    descriptions = [(node.get(XML_LANG), node.text) for node in dc.iterfind("dc:description", NS)]
    assert ("it", notice_sentence(kind)) in descriptions


def check_edm(client, item, kind):
    cho = oai_record(client, item, "edm").find("rdf:RDF/edm:ProvidedCHO", NS)
    descriptions = [(node.get(XML_LANG), node.text) for node in cho.iterfind("dc:description", NS)]
    assert ("it", notice_sentence(kind)) in descriptions


def check_search(client, item, kind):
    html = client.get("/it/search/", {"q": item.title}).content.decode()
    card = card_of(html, item.title)
    assert name_of(kind) in card
    assert "<img" not in card


CHECKS = {name: globals()[f"check_{name}"] for name in OUTPUTS}


@pytest.mark.parametrize("output", OUTPUTS)
def test_every_label_kind_holds_in_every_output(client, item_of_kind, output):
    """One row of the matrix a test (an item per kind, built once), every kind checked."""
    items = {kind: item_of_kind(kind) for kind in KINDS}
    for kind, item in items.items():
        try:
            CHECKS[output](client, item, kind)
        except AssertionError as error:
            raise AssertionError(f"{kind} × {output}: {error}") from error


def test_an_item_without_labels_shows_its_images_and_has_no_care_anywhere(client, tree):
    html = client.get(tree.item.url).content.decode()
    assert "care-notice" not in html and "data-care-covered" not in html
    assert "contentRating" not in json.dumps(json_ld(client.get(tree.item.url)))
    assert client.get(f"/api/v2/pages/{tree.item.pk}/").json()["care_labels"] == []


def test_labels_keep_their_order_and_names_follow_the_visitors_language(client, tree):
    item = ItemPageFactory(
        parent=tree.collection,
        care_labels=raw_care_labels(
            [("violence", "Una scena di guerra."), ("harmful-language", "")]
        ),
    )
    data = client.get(f"/api/v2/pages/{item.pk}/").json()
    assert [label["kind"] for label in data["care_labels"]] == ["violence", "harmful-language"]
    with translation.override("en"):
        assert [label.name for label in item.care_notice] == [
            "Violence",
            "Harmful or outdated language",
        ]


# The visitor's choice -----------------------------------------------------------------------


def reveal_url(item):
    return f"/it/items/{item.translation_key}/show-images/"


def covered(response):
    return "data-care-covered hidden" in response.content.decode()


def test_without_javascript_the_form_uncovers_the_images_for_the_visit(client, item_of_kind):
    item, other = item_of_kind("human-remains"), item_of_kind("violence")
    page = client.get(item.url)
    assert covered(page)
    assert f'action="{reveal_url(item)}"' in page.content.decode()

    response = client.post(reveal_url(item), {"next": item.url})

    assert response.status_code == 302
    assert response["Location"] == f"{item.url}#item-images"
    shown = client.get(item.url)
    assert not covered(shown) and 'class="care-notice"' in shown.content.decode()
    assert 'class="item-media"' in shown.content.decode()
    assert covered(client.get(other.url)), "the choice is for that item only"


def test_the_script_uncovers_in_place_and_the_choice_is_remembered(client, item_of_kind):
    item = item_of_kind("deceased-people")
    response = client.post(reveal_url(item), {"next": item.url}, HTTP_X_REQUESTED_WITH="fetch")
    assert response.status_code == 204
    assert not covered(client.get(item.url))


def test_the_choice_returns_only_to_this_site(client, item_of_kind):
    item = item_of_kind("violence")
    response = client.post(reveal_url(item), {"next": "https://elsewhere.example/"})
    assert response["Location"] == f"{item.url}#item-images"
    assert client.get(reveal_url(item)).status_code == 405


def test_a_visitors_choice_never_reaches_the_cached_page(settings, client, item_of_kind):
    settings.HERITAGEHUB_PAGE_CACHE_SECONDS = 60
    cache.clear()
    item = item_of_kind("culturally-restricted")
    assert client.get(item.url)["X-Cache"] == "miss"

    client.post(reveal_url(item), {"next": item.url})
    shown = client.get(item.url)
    assert not covered(shown) and shown["X-Cache"] == "bypass"

    other_visitor = Client().get(item.url)
    assert covered(other_visitor) and other_visitor["X-Cache"] == "hit"
    cache.clear()


# The import's column ------------------------------------------------------------------------


def run_import(path):
    call_command(
        "import_items",
        str(path),
        "--partner",
        "archivio",
        "--collection",
        "fotografie",
        "--publish",
        stdout=StringIO(),
        stderr=StringIO(),
    )


def imported_labels():
    return care_key(ItemPage.objects.get(identifier="CSV-001").care_labels)


def test_the_import_reads_kinds_by_code_or_name_with_their_notes(space, tmp_path):
    cell = "human-remains: Resti di un antenato: non esposti. | Linguaggio offensivo o superato"
    path = write_item_csv(tmp_path / "items.csv", [item_row(1, care_labels=cell)])
    run_import(path)
    assert imported_labels() == (
        ("human-remains", "Resti di un antenato: non esposti."),
        ("harmful-language", ""),
    )
    revisions = ItemPage.objects.get(identifier="CSV-001").revisions.count()

    run_import(path)  # the same file again: unchanged
    assert ItemPage.objects.get(identifier="CSV-001").revisions.count() == revisions

    # A file without the column leaves the labels set in the editor or by an earlier file.
    run_import(write_item_csv(tmp_path / "old.csv", [item_row(1, creator="Altro")]))
    assert len(imported_labels()) == 2

    run_import(write_item_csv(tmp_path / "clear.csv", [item_row(1, care_labels="")]))
    assert imported_labels() == ()


def test_an_unknown_kind_is_an_error_naming_its_row_and_column(space, tmp_path):
    rows = [item_row(1), item_row(2, care_labels="violence: ok | sacred: no")]
    path = write_item_csv(tmp_path / "items.csv", rows)
    translation.activate("en")
    report = ItemImport(path, resolve("archivio", "fotografie")).run()
    assert not report.applied
    [error] = report.errors
    assert (error.row, error.column) == (3, "care_labels")
    assert "Unknown care label “sacred”" in error.message and "human-remains" in error.message


# Pictures other pages borrow --------------------------------------------------------------


def test_a_collection_or_story_never_borrows_a_picture_that_needs_care(collection):
    labelled = labelled_item(collection, "human-remains", "Reperto")
    plain = ItemPageFactory(parent=collection, title="Veduta")
    plain_image = add_item_image(plain).image

    assert CollectionPage.cover_candidates([collection]) == {collection.pk: [plain_image]}
    story = StoryPageFactory(
        parent=collection.get_parent(), body=item_card_body(labelled) + item_card_body(plain)
    )
    assert StoryPage.cover_candidates([story]) == {story.pk: [plain_image]}


# Translations -------------------------------------------------------------------------------


def test_translators_get_the_note_and_every_language_its_own_words(client, tree, translate):
    item = labelled_item(tree.collection, "human-remains", "Reperto")
    strings = {
        segment.path: segment.string.data
        for segment in extract_segments(item)
        if isinstance(segment, StringSegmentValue)
    }
    assert [path for path, text in strings.items() if text == note_of("human-remains")] == [
        f"care_labels.{item.care_labels[0].id}.note"
    ]
    assert "human-remains" not in strings.values()

    for page, title in [(tree.home, "Heritage Hub"), (tree.partner_index, "Partners")]:
        translate(page, "en", title=title)
    translate(tree.partner, "en", title="National Archive")
    translate(tree.collection, "en", title="Photographs")
    english = translate(
        item, "en", care_labels=raw_care_labels([("human-remains", "An ancestor's remains.")])
    )
    assert "An ancestor's remains." in client.get(english.url).content.decode()
    manifest = client.get(f"/iiif/items/{item.translation_key}/manifest.json").json()
    assert manifest["metadata"][0]["value"] == {
        "it": [f"{name_of('human-remains')}: {note_of('human-remains')}"],
        "en": ["Human remains: An ancestor's remains."],
    }
    dc = oai_record(client, item, "oai_dc").find("oai_dc:dc", NS)
    assert ("en", "Content that needs care — Human remains: An ancestor's remains.") in [
        (node.get(XML_LANG), node.text) for node in dc.iterfind("dc:description", NS)
    ]
