"""Issue 15: real catalogue texts are kept whole — long titles, materials, credit lines,
creators, dimensions — and what does not fit (a tag) is refused, never cut."""

import csv
from io import StringIO

import pytest
from django.utils import translation
from django.utils.html import escape

from heritage_collections.importing.export import export_items
from heritage_collections.models import ItemPage, page_title
from tests.factories import item_row, write_item_csv

from .conftest import run_import

pytestmark = pytest.mark.django_db

LONG_TITLE = (
    "Ritratto di gentiluomo con guanto, in piedi davanti a una balaustra, con veduta di "
    "paesaggio fluviale sullo sfondo e stemma della famiglia committente nell'angolo "
    "superiore sinistro, già attribuito alla cerchia di Tiziano e oggi restituito a un "
    "pittore veneto attivo a Padova nel secondo quarto del Cinquecento, con cornice coeva "
    "intagliata e dorata, proveniente dalla collezione Contarini e giunto al museo nel 1838"
)


@pytest.fixture(autouse=True)
def _english():
    translation.activate("en")


def test_a_short_title_is_the_page_title_and_needs_no_full_title():
    assert page_title("Veduta del Po") == ("Veduta del Po", "")


def test_a_long_title_is_shortened_at_a_word_with_an_ellipsis_and_kept_whole():
    assert len(LONG_TITLE) > 400
    short, full = page_title(LONG_TITLE)
    assert full == LONG_TITLE
    assert len(short) <= 255
    assert short.endswith("…")
    assert LONG_TITLE.startswith(short.removesuffix("…"))
    assert LONG_TITLE[len(short) - 1] == " "  # cut between words


def test_long_texts_are_imported_whole(space, tmp_path):
    long = {
        "title": LONG_TITLE,
        "materials": "olio su tela, " * 80,
        "credit_line": "Dono di " + "Fondazione e famiglia, " * 40,
        "creator": "Pittore veneto; " * 60,
        "dimensions": "cm 120 x 80 (tela); " * 60,
    }
    long = {key: value.strip() for key, value in long.items()}
    run_import(write_item_csv(tmp_path / "items.csv", [item_row(1, **long)]))
    item = ItemPage.objects.get(identifier="CSV-001")
    assert item.full_title == LONG_TITLE
    assert item.title == page_title(LONG_TITLE)[0]
    assert (item.materials, item.credit_line, item.creator, item.dimensions) == (
        long["materials"],
        long["credit_line"],
        long["creator"],
        long["dimensions"],
    )


def test_the_item_page_shows_the_whole_title(space, tmp_path, client):
    run_import(write_item_csv(tmp_path / "items.csv", [item_row(1, title=LONG_TITLE)]), "--publish")
    item = ItemPage.objects.get(identifier="CSV-001")
    html = client.get(item.url).content.decode()
    assert f"<h1>{escape(LONG_TITLE)}</h1>" in html


def test_a_long_title_exports_whole_and_importing_the_export_changes_nothing(space, tmp_path):
    run_import(write_item_csv(tmp_path / "items.csv", [item_row(1, title=LONG_TITLE)]))
    stream = StringIO()
    export_items(stream, "archivio", "fotografie")
    rows = {row["identifier"]: row for row in csv.DictReader(StringIO(stream.getvalue()))}
    assert rows["CSV-001"]["title"] == LONG_TITLE
    exported = tmp_path / "export.csv"
    exported.write_text(stream.getvalue(), encoding="utf-8")
    out, _err = run_import(exported)
    assert "0 created, 0 updated" in out


def test_a_long_translated_title_is_kept_whole_in_its_translation(space, tree, translate, tmp_path):
    translate(tree.partner, "en", title="National Archive")
    translate(tree.collection, "en", title="Photographs")
    path = write_item_csv(tmp_path / "items.csv", [item_row(1, title_en=LONG_TITLE)])
    run_import(path)
    english = ItemPage.objects.get(identifier="CSV-001", locale__language_code="en")
    assert english.full_title == LONG_TITLE
    assert english.title.endswith("…")


def test_a_tag_longer_than_the_limit_is_refused_and_nothing_is_imported(space, tmp_path):
    path = write_item_csv(tmp_path / "items.csv", [item_row(1, tags="fiume; " + "t" * 120)])
    with pytest.raises(Exception, match="Nothing was imported"):
        run_import(path)
    assert not ItemPage.objects.filter(identifier="CSV-001").exists()


def test_editing_the_full_title_in_the_admin_shortens_the_page_title(space, tmp_path):
    run_import(write_item_csv(tmp_path / "items.csv", [item_row(1)]))
    item = ItemPage.objects.get(identifier="CSV-001")
    item.full_title = LONG_TITLE
    item.clean()
    assert (item.title, item.full_title) == page_title(LONG_TITLE)
