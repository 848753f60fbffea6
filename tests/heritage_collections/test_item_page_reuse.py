"""What a visitor may take from an item page: the image file when its rights allow reuse
(with the credit to give), the link to share, and links to more by the creator; and what
the page says about the catalogue's marks in a title and about unfaithful reproductions."""

from urllib.parse import parse_qs, urlsplit

import pytest

from heritagehub.rights import RightsStatement
from tests.conftest import elements
from tests.factories import HeritageImageFactory, ItemPageFactory, add_item_image

pytestmark = pytest.mark.django_db

URL = "/it/partners/archivio/fotografie/{slug}/"


def download_links(response):
    return [e for e in elements(response) if e.tag == "a" and "data-image-download" in e.attrs]


@pytest.mark.parametrize(
    "rights", [RightsStatement.CC0, RightsStatement.PUBLIC_DOMAIN_MARK, RightsStatement.CC_BY_NC]
)
def test_an_image_whose_rights_allow_reuse_can_be_downloaded_in_full(tree, client, rights):
    image = tree.item.specific.images.first().image
    image.rights = rights
    image.save()

    response = client.get(URL.format(slug="fotografia-1"))

    (link,) = download_links(response)
    assert link.attrs["href"] == image.file.url  # the original, not a rendition
    assert "download" in link.attrs
    html = response.content.decode()
    assert f"{image.width} × {image.height} pixel" in html
    assert f"Se la riutilizzi, cita: {image.credit}" in html


@pytest.mark.parametrize(
    "rights", [RightsStatement.IN_COPYRIGHT, RightsStatement.NOT_EVALUATED, ""]
)
def test_an_image_in_copyright_or_not_evaluated_offers_no_download(tree, client, rights):
    image = tree.item.specific.images.first().image
    image.rights = rights
    image.save()

    assert download_links(client.get(URL.format(slug="fotografia-1"))) == []


def test_a_reproduction_that_is_not_faithful_is_labelled_above_the_image(tree, client):
    image = HeritageImageFactory(reproduction_note="colori ridotti a una piccola tavolozza")
    item = ItemPageFactory(parent=tree.collection, title="Onda", slug="onda")
    add_item_image(item, image)

    html = client.get(URL.format(slug="onda")).content.decode()

    note = html.index("colori ridotti a una piccola tavolozza")
    assert "Riproduzione non fedele:" in html[note - 200 : note]
    assert note < html.index('class="viewer-open"')


def test_a_faithful_image_carries_no_reproduction_note(tree, client):
    html = client.get(URL.format(slug="fotografia-1")).content.decode()
    assert "reproduction-note" not in html


@pytest.mark.parametrize("title", ["[titolo non noto]", "?Fiume Po", "Ritratto (?)"])
def test_the_catalogue_marks_in_a_title_are_explained(tree, client, title):
    ItemPageFactory(parent=tree.collection, title=title, slug="segnato")
    html = client.get(URL.format(slug="segnato")).content.decode()
    assert "Le parentesi quadre indicano un titolo attribuito" in html


def test_a_plain_title_gets_no_explanation(tree, client):
    html = client.get(URL.format(slug="fotografia-2")).content.decode()
    assert "title-note" not in html


def test_the_creator_links_to_the_items_by_that_creator(tree, client):
    response = client.get(URL.format(slug="fotografia-2"))
    (link,) = [e for e in elements(response) if e.tag == "a" and e.text == "Anonimo"]
    url = urlsplit(link.attrs["href"])
    assert url.path == "/it/collections/"
    assert parse_qs(url.query) == {"q": ["Anonimo"]}
    assert url.fragment == "items"


def test_the_share_box_offers_the_link_a_copy_button_and_e_mail(tree, client):
    response = client.get(URL.format(slug="fotografia-2"))
    found = elements(response)
    (link,) = [e for e in found if e.tag == "a" and e.attrs.get("id") == "share-url"]
    item = tree.items[1]
    assert link.attrs["href"] == f"http://testserver/it/items/{item.translation_key}/"
    (copy,) = [e for e in found if e.attrs.get("data-copy-target") == "share-url"]
    assert copy.tag == "button" and "hidden" in copy.attrs  # shown by cite.js
    (mail,) = [e for e in found if e.tag == "a" and e.attrs.get("href", "").startswith("mailto:")]
    assert "Fotografia%202" in mail.attrs["href"]
    scripts = [e.attrs.get("src", "") for e in found if e.tag == "script"]
    assert all(src.startswith("/static/") for src in scripts if src)  # nothing third-party
