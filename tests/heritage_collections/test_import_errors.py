"""Bad Item CSVs (docs/import.md, "Errors"): every error named by row and column in one run,
nothing written.

``data/bad_items.csv`` holds one of each problem: an unknown column (E, "colour"), a year
that is not a number (row 3), an unknown rights statement (row 4), an identifier already in
row 2 (row 5) and, in a UTF-8 file ("–" in row 4), a row saved in Latin-1 (row 6): a file
with no UTF-8 at all would be read as Windows-1252 (test_import_formats). ``data/missing_title.csv``
lacks the required "title" column.
"""

from io import StringIO
from pathlib import Path

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.utils import translation
from wagtail.images import get_image_model
from wagtail.models import Page, PageLogEntry, Revision

from heritage_collections.importing import ItemImport, resolve
from heritage_collections.importing.media import MediaFolder
from tests.factories import item_row, write_item_csv

pytestmark = pytest.mark.django_db
DATA = Path(__file__).parent / "data"


@pytest.fixture(autouse=True)
def _english():
    translation.activate("en")


def errors_of(path, media=None):
    """(row, column, letter, message) of every error the import of ``path`` reports."""
    report = ItemImport(path, resolve("archivio", "fotografie"), media=media).run()
    assert not report.applied
    return [(e.row, e.column, e.letter, e.message) for e in report.errors]


def database_state():
    return (
        Page.objects.count(),
        Revision.objects.count(),
        PageLogEntry.objects.count(),
        get_image_model().objects.count(),
    )


@pytest.mark.parametrize(
    "row, column, letter, reason",
    [
        (1, "colour", "E", "Unknown column."),
        (3, "date_start", "C", "“milleottocento” is not a year"),
        (4, "rights", "D", "“public domain” is not one of the rights statements"),
        (5, "identifier", "A", "The identifier “BAD-001” is also in row 2."),
        (6, "title", "B", "The text is not UTF-8 (byte 0xE0)"),
    ],
)
def test_each_error_of_a_bad_file_is_named_by_row_and_column(space, row, column, letter, reason):
    errors = errors_of(DATA / "bad_items.csv")
    assert [(r, c, lt) for r, c, lt, message in errors if reason in message] == [
        (row, column, letter)
    ]


def test_every_error_of_a_bad_file_is_reported_in_one_run(space):
    assert len(errors_of(DATA / "bad_items.csv")) == 5


def test_a_bad_file_leaves_the_database_as_it_was(space):
    before = database_state()
    expected = r"Nothing was imported: correct the errors above \(rows with errors: 4\)"
    with pytest.raises(CommandError, match=expected):
        call_command(
            "import_items",
            str(DATA / "bad_items.csv"),
            partner="archivio",
            collection="fotografie",
            stdout=StringIO(),
            stderr=StringIO(),
        )
    assert database_state() == before


def test_a_missing_required_column_is_reported_at_the_header(space):
    assert errors_of(DATA / "missing_title.csv") == [
        (1, "title", "", "This required column is missing.")
    ]


def test_the_command_prints_each_error_with_its_row_and_column(space):
    err = StringIO()
    with pytest.raises(CommandError):
        call_command(
            "import_items",
            str(DATA / "bad_items.csv"),
            partner="archivio",
            collection="fotografie",
            stdout=StringIO(),
            stderr=err,
        )
    assert "row 4, column rights (D): “public domain” is not one of" in err.getvalue()


@pytest.mark.parametrize(
    "changes, column, reason",
    [
        ({"title": ""}, "title", "This cell must not be empty."),
        ({"date_start": "1930", "date_end": "1920"}, "date_end", "The end year is before"),
        ({"date_end": "2500"}, "date_end", "out of range"),
        ({"latitude": "95"}, "latitude", "out of range"),
        ({"longitude": ""}, "longitude", "Give both latitude and longitude"),
        ({"object_type": "spaceship"}, "object_type", "Unknown object type “spaceship”"),
        ({"source_url": "not a url"}, "source_url", "is not a web address"),
        ({"creator": "x" * 1001}, "creator", "at most 1000 fit"),
        ({"tags": "città; " + "t" * 101}, "tags", "longer than 100 characters"),
        ({"image": "../secret.jpg", "image_alt": "x"}, "image", "relative to the media folder"),
        ({"image": "scan.tiff", "image_alt": "x"}, "image", "not an image file the hub accepts"),
        ({"image": "scan.jpg"}, "image_alt", "alt text"),
    ],
)
def test_bad_cells_are_named_by_their_column(space, tmp_path, changes, column, reason):
    path = write_item_csv(tmp_path / "items.csv", [item_row(1, **changes)])
    errors = errors_of(path)
    assert [(row, c) for row, c, _letter, message in errors if reason in message] == [(2, column)]


def test_a_missing_image_file_is_named_by_row_and_column(space, tmp_path):
    (tmp_path / "media").mkdir()
    path = write_item_csv(tmp_path / "items.csv", [item_row(1, image="a.jpg", image_alt="A")])
    assert errors_of(path, MediaFolder(tmp_path / "media")) == [
        (2, "image", "R", "The file “a.jpg” is not in the media folder.")
    ]


def test_a_translation_column_in_the_collections_own_language_is_refused(space, tmp_path):
    path = write_item_csv(tmp_path / "items.csv", [item_row(1, title_it="Veduta")])
    assert (1, "title_it") in [(row, column) for row, column, _l, _m in errors_of(path)]


def test_a_translation_into_a_language_the_collection_lacks_is_refused(space, tmp_path):
    path = write_item_csv(tmp_path / "items.csv", [item_row(1, title_fr="Vue du Pô")])
    [(row, column, _letter, message)] = errors_of(path)
    assert (row, column) == (2, "title_fr")
    assert "is not translated into French" in message


def test_a_semicolon_separated_file_gets_a_hint(space, tmp_path):
    path = tmp_path / "items.csv"
    path.write_text("identifier;title\nX-1;Veduta\n", encoding="utf-8")
    messages = [message for _r, _c, _l, message in errors_of(path)]
    assert any("separate its columns with “;”" in message for message in messages)
