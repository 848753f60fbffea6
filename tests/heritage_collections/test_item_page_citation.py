"""How to cite an item: the citation's text, and its RIS and BibTeX forms."""

import datetime

import pytest
from django.utils import timezone, translation
from django.utils.formats import date_format

from heritage_collections.item_context import Citation
from tests.conftest import elements

pytestmark = pytest.mark.django_db

ACCESSED = datetime.date(2026, 3, 9)


def citation(**changes):
    fields = dict(
        creator="Felice Beato",
        title="Veduta del Po",
        date="c. 1890",
        year=1890,
        institution="Archivio Nazionale",
        identifier="INV-7",
        hub="Heritage Hub",
        url="https://hub.example.org/it/items/1f0c/",
        accessed=ACCESSED,
        language="it",
    )
    fields.update(changes)
    return Citation(**fields)


def test_the_citation_names_creator_title_date_institution_identifier_hub_and_link():
    with translation.override("en"):
        text = citation().text()
    assert text == (
        "Felice Beato. Veduta del Po. c. 1890. Archivio Nazionale, INV-7. Heritage Hub. "
        "https://hub.example.org/it/items/1f0c/ (accessed 9 March 2026)."
    )


def test_the_citation_leaves_out_what_the_item_does_not_have():
    with translation.override("en"):
        text = citation(creator="", date="", identifier="").text()
    assert text.startswith("Veduta del Po. Archivio Nazionale. Heritage Hub. https://")


def test_the_citation_adds_no_second_full_stop():
    with translation.override("en"):
        text = citation(title="Ritratto di G. B.").text()
    assert "Ritratto di G. B. c. 1890." in text


def test_the_ris_citation_has_one_field_a_line_and_ends_the_record():
    lines = citation().ris().split("\r\n")
    assert lines[:3] == ["TY  - ART", "AU  - Felice Beato", "TI  - Veduta del Po"]
    assert "Y2  - 2026/03/09" in lines
    assert lines[-2:] == ["ER  - ", ""]


def test_the_ris_citation_leaves_out_empty_fields():
    assert "AU  -" not in citation(creator="").ris()


def test_bibtex_escapes_its_special_characters():
    text = citation(title="Cento & un {ritratto} al 50%").bibtex()
    assert r"title = {Cento \& un \{ritratto\} al 50\%}" in text
    assert "@misc{inv_7," in text


def test_the_item_page_shows_the_citation_in_the_visitor_language(tree, client):
    item = tree.item.specific
    html = client.get("/en/partners/archivio/fotografie/fotografia-1/").content.decode()
    with translation.override("en"):
        accessed = date_format(timezone.localdate(), "DATE_FORMAT")
    expected = (
        f"Anonimo. Fotografia 1. c. 1890. Archivio Nazionale, {item.identifier}. Heritage Hub. "
        f"http://testserver/en/items/{item.translation_key}/ (accessed {accessed})."
    )
    assert f'<p class="citation-text" id="citation-text">{expected}</p>' in html


def test_the_copy_button_waits_for_javascript_and_the_files_are_linked(tree, client):
    key = tree.item.translation_key
    response = client.get("/it/partners/archivio/fotografie/fotografia-1/")
    (button,) = [e for e in elements(response) if e.attrs.get("class") == "cite-copy"]
    assert button.tag == "button"
    assert "hidden" in button.attrs
    assert button.attrs["data-copy-target"] == "citation-text"
    downloads = {e.attrs["href"] for e in elements(response) if "download" in e.attrs}
    # Beside the image's own download (tests/heritage_collections/test_item_page_reuse.py).
    assert {f"/it/items/{key}/cite.ris", f"/it/items/{key}/cite.bib"} <= downloads
