"""An item's permanent link, /<lang>/items/<translation key>/, and its citation files."""

import uuid

import pytest
from wagtail.models import PageViewRestriction

from heritage_collections.models import ItemPage
from tests.conftest import LANGUAGES
from tests.factories import CollectionPageFactory

pytestmark = pytest.mark.django_db


def permalink(item, language="it"):
    return f"/{language}/items/{item.translation_key}/"


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_permanent_link_redirects_to_the_item_in_each_language(tree, client, language):
    response = client.get(permalink(tree.item, language))
    assert response.status_code == 302
    assert response["Location"] == f"/{language}/partners/archivio/fotografie/fotografia-1/"


def test_the_permanent_link_follows_a_rename(tree, client):
    item = ItemPage.objects.get(pk=tree.item.pk)
    item.slug = "fotografia-uno"
    item.save_revision().publish()
    response = client.get(permalink(item))
    assert response["Location"] == "/it/partners/archivio/fotografie/fotografia-uno/"


def test_the_permanent_link_follows_a_move_to_another_collection(tree, client):
    prints = CollectionPageFactory(parent=tree.partner, title="Stampe", slug="stampe")
    tree.item.move(prints, pos="last-child")
    response = client.get(permalink(tree.item, "en"))
    assert response["Location"] == "/en/partners/archivio/stampe/fotografia-1/"


def test_the_permanent_link_leads_to_the_translation_in_its_language(tree, translate, client):
    for page in (tree.home, tree.partner_index, tree.partner, tree.collection):
        translate(page, "en")
    translate(tree.item, "en", title="Photograph 1")
    response = client.get(permalink(tree.item, "en"), follow=True)
    assert response.redirect_chain == [("/en/partners/archivio/fotografie/fotografia-1/", 302)]
    assert "<h1>Photograph 1</h1>" in response.content.decode()


def test_the_permanent_link_of_any_translation_is_the_same(tree, translate, client):
    for page in (tree.home, tree.partner_index, tree.partner, tree.collection):
        translate(page, "en")
    english = translate(tree.item, "en", title="Photograph 1")
    assert permalink(english) == permalink(tree.item)


def test_an_unknown_item_is_not_found(tree, client):
    assert client.get(f"/it/items/{uuid.uuid4()}/").status_code == 404


def test_a_malformed_item_key_is_not_found(tree, client):
    assert client.get("/it/items/not-a-key/").status_code == 404


def test_an_unpublished_item_is_not_found(tree, client):
    tree.item.unpublish()
    assert client.get(permalink(tree.item)).status_code == 404


def test_the_item_page_shows_its_permanent_link(tree, client):
    html = client.get("/it/partners/archivio/fotografie/fotografia-1/").content.decode()
    url = f"http://testserver/it/items/{tree.item.translation_key}/"
    assert f'<a href="{url}">{url}</a>' in html


# Citation files -------------------------------------------------------------------------------


def test_the_ris_file_holds_the_citation(tree, client):
    response = client.get(permalink(tree.item) + "cite.ris")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/x-research-info-systems; charset=utf-8"
    assert response["Content-Disposition"] == 'attachment; filename="fotografia-1.ris"'
    lines = response.content.decode().split("\r\n")
    assert lines[0] == "TY  - ART"
    assert "TI  - Fotografia 1" in lines
    assert "AU  - Anonimo" in lines
    assert "PY  - 1885" in lines
    assert f"AN  - {tree.item.specific.identifier}" in lines
    assert "PB  - Archivio Nazionale" in lines
    assert f"UR  - http://testserver/it/items/{tree.item.translation_key}/" in lines
    assert lines[-2:] == ["ER  - ", ""]


def test_the_bibtex_file_holds_the_citation(tree, client):
    response = client.get(permalink(tree.item, "en") + "cite.bib")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/x-bibtex; charset=utf-8"
    text = response.content.decode()
    assert text.startswith("@misc{inv_")
    assert "  title = {Fotografia 1},\n" in text
    assert "  author = {Anonimo},\n" in text
    assert f"  url = {{http://testserver/en/items/{tree.item.translation_key}/}}" in text


def test_an_unknown_citation_format_is_not_found(tree, client):
    assert client.get(permalink(tree.item) + "cite.docx").status_code == 404


def test_a_private_item_has_no_citation_file(tree, client):
    PageViewRestriction.objects.create(
        page=tree.collection, restriction_type=PageViewRestriction.LOGIN
    )
    assert client.get(permalink(tree.item) + "cite.ris").status_code == 404
