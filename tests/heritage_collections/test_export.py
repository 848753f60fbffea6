"""`manage.py export_items`: the Item CSV of a partner, the columns import_items reads, so
that export → import is a round trip."""

import csv
from io import StringIO

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.utils import translation
from wagtail.models import Revision

from demo.loader import data_dir
from demo.tate_csv import tate_source, write_tate_csv
from heritage_collections.importing.columns import header
from partners.onboarding import onboard_partner
from tests.factories import (
    CollectionPageFactory,
    PartnerPageFactory,
    item_row,
    write_item_csv,
)

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _english():
    translation.activate("en")


def export(partner="archivio", collection=None):
    out = StringIO()
    options = {"partner": partner}
    if collection:
        options["collection"] = collection
    call_command("export_items", stdout=out, **options)
    return list(csv.DictReader(StringIO(out.getvalue())))


def import_file(path, partner="archivio", collection="fotografie", *args):
    out = StringIO()
    call_command(
        "import_items",
        str(path),
        "--partner",
        partner,
        "--collection",
        collection,
        *args,
        stdout=out,
        stderr=StringIO(),
    )
    return out.getvalue()


def exported_header(partner="archivio"):
    out = StringIO()
    call_command("export_items", partner=partner, stdout=out)
    return out.getvalue().splitlines()[0].split(",")


def test_the_export_has_the_columns_of_the_import(tree):
    assert exported_header() == header("it")


def test_the_export_writes_each_item_of_the_partner(tree):
    rows = export()
    assert [row["identifier"] for row in rows] == [item.identifier for item in tree.items]
    first = rows[0]
    assert (first["title"], first["date"], first["date_start"], first["object_type"]) == (
        "Fotografia 1",
        "c. 1890",
        "1885",
        "photograph",
    )
    assert first["image"] and first["image_alt"] == tree.items[0].images.first().image.alt_text


def test_exporting_then_importing_changes_nothing(tree, tmp_path):
    onboard_partner("Archivio Nazionale", "archivio", "archive")
    path = tmp_path / "export.csv"
    with path.open("w", encoding="utf-8", newline="") as handle:
        call_command("export_items", partner="archivio", stdout=handle)
    revisions = Revision.objects.count()

    out = import_file(path)

    assert "0 created, 0 updated, 3 unchanged." in out
    assert Revision.objects.count() == revisions


def test_the_export_shows_the_latest_draft(tree, tmp_path):
    onboard_partner("Archivio Nazionale", "archivio", "archive")
    path = write_item_csv(tmp_path / "items.csv", [item_row(1)])
    import_file(path, "archivio", "fotografie", "--publish")
    write_item_csv(path, [item_row(1, title="Titolo in revisione")])
    import_file(path)
    [row] = [row for row in export() if row["identifier"] == "CSV-001"]
    assert row["title"] == "Titolo in revisione"


def test_translations_are_exported_in_their_columns(tree, translate, tmp_path):
    onboard_partner("Archivio Nazionale", "archivio", "archive")
    translate(tree.partner, "en", title="National Archive")
    translate(tree.collection, "en", title="Photographs")
    row = item_row(1, title_en="View of the Po", description_en="A view of the river.")
    import_file(
        write_item_csv(tmp_path / "items.csv", [row]), "archivio", "fotografie", "--publish"
    )
    item_row_two = item_row(2, title_en="Second view")
    import_file(write_item_csv(tmp_path / "two.csv", [item_row_two]), "archivio", "fotografie")

    rows = {row["identifier"]: row for row in export()}

    assert (rows["CSV-001"]["title_en"], rows["CSV-001"]["description_en"]) == (
        "View of the Po",
        "<p>A view of the river.</p>",
    )
    # a translation showing its source's description: the cell stays empty
    assert (rows["CSV-002"]["title_en"], rows["CSV-002"]["description_en"]) == ("Second view", "")


def test_collections_in_different_languages_are_exported_one_at_a_time(tree, translate):
    english_partner = translate(tree.partner, "en", title="National Archive")
    CollectionPageFactory(parent=english_partner, title="Prints", slug="prints")
    with pytest.raises(CommandError, match="export one collection at a time"):
        export()
    assert len(export(collection="fotografie")) == 3


def test_an_unknown_partner_is_an_error(tree):
    with pytest.raises(CommandError, match="There is no partner with the slug “nobody”"):
        export("nobody")


@pytest.fixture
def tate_collection(tree, translate):
    """An English catalogue, as Tate's: the partner's English page and a collection in it."""
    tate = PartnerPageFactory(parent=tree.partner_index, title="Tate", slug="tate")
    onboard_partner("Tate", "tate", "museum")
    english = translate(tate, "en")
    return CollectionPageFactory(parent=english, title="Works", slug="works")


def test_the_tate_sample_comes_back_as_it_was_imported(tate_collection, tmp_path):
    """The round trip of docs/import.md ("Export"): the 2,000 Tate records with their real
    fields, through import_items then export_items. Tags match whatever their case: an
    existing tag is reused whatever the case it was written in (TAGGIT_CASE_INSENSITIVE)."""
    path = tmp_path / "tate.csv"
    records, deaths = tate_source(data_dir())
    assert write_tate_csv(path, records, deaths) == 2000
    import_file(path, "tate", "works", "--publish")

    exported = export("tate")

    with path.open(encoding="utf-8") as handle:
        original = list(csv.DictReader(handle))
    assert len(exported) == 2000

    def comparable(row):
        return {**row, "tags": row["tags"].casefold()}

    assert [comparable(row) for row in exported] == [comparable(row) for row in original]


def test_tate_csv_writes_tates_records_in_the_import_columns():
    out = StringIO()
    call_command("tate_csv", limit=3, stdout=out)
    rows = list(csv.DictReader(StringIO(out.getvalue())))
    assert list(rows[0]) == header("en")
    assert [row["identifier"] for row in rows] == ["P12402", "D07362", "A01686"]
    assert rows[0]["rights"].startswith("http://rightsstatements.org/")
