"""Issue 15: a partial import on request gives the rejected rows back as a CSV (row, column,
reason) that, once fixed, imports as it is."""

import csv
import re
from io import StringIO

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management.base import CommandError
from django.utils import translation

from heritage_collections.models import ColumnMapping, ItemPage
from tests.factories import UserFactory, item_row, write_item_csv
from tests.partners.admin_client import login

from .conftest import run_import

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _english():
    translation.activate("en")


def read(path):
    with open(path, encoding="utf-8-sig", newline="") as handle:
        return list(csv.DictReader(handle))


def imported():
    return sorted(
        ItemPage.objects.filter(identifier__startswith="CSV-").values_list("identifier", flat=True)
    )


ROWS = [
    item_row(1),
    item_row(2, date_start="circa 1900"),
    item_row(3),
    item_row(4, rights="public domain", latitude="95"),
]


def test_skip_invalid_imports_the_valid_rows_and_writes_the_rejected_ones(space, tmp_path):
    path = write_item_csv(tmp_path / "items.csv", ROWS)
    _out, err = run_import(path, "--skip-invalid")
    assert imported() == ["CSV-001", "CSV-003"]
    rejected = tmp_path / "items.rejected.csv"
    assert f"Rows with errors written to {rejected} (2)" in err
    rows = read(rejected)
    assert [(r["identifier"], r["rejected_row"], r["rejected_column"]) for r in rows] == [
        ("CSV-002", "3", "date_start"),
        ("CSV-004", "5", "latitude\nrights"),
    ]
    assert "“circa 1900” is not a year" in rows[0]["rejected_reason"]
    assert rows[1]["title"] == "Veduta del Po 4"  # the row's cells as they were


def test_the_fixed_rejected_file_imports_as_it_is(space, tmp_path):
    path = write_item_csv(tmp_path / "items.csv", ROWS)
    run_import(path, "--skip-invalid")
    rejected = tmp_path / "items.rejected.csv"
    rows = read(rejected)
    rows[0]["date_start"] = "1900"
    rows[1]["rights"], rows[1]["latitude"] = (
        "http://creativecommons.org/publicdomain/mark/1.0/",
        "45",
    )
    with open(rejected, "w", encoding="utf-8-sig", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=list(rows[0]))
        writer.writeheader()
        writer.writerows(rows)
    out, _err = run_import(rejected)
    assert "2 created" in out
    assert imported() == ["CSV-001", "CSV-002", "CSV-003", "CSV-004"]


def test_the_rejected_file_keeps_the_partners_column_names(space, tmp_path):
    ColumnMapping.objects.create(space=space, partner_column="Inventario", column="identifier")
    row = item_row(1, date_start="circa 1900")
    row["Inventario"] = row.pop("identifier")
    path = write_item_csv(tmp_path / "items.csv", [row])
    with pytest.raises(CommandError):  # all or nothing: the rejected rows say what to fix
        run_import(path, "--rejected", tmp_path / "out.csv")
    assert read(tmp_path / "out.csv")[0]["Inventario"] == "CSV-001"


def test_without_skip_invalid_nothing_is_imported_and_no_file_is_left(space, tmp_path):
    path = write_item_csv(tmp_path / "items.csv", ROWS)
    with pytest.raises(CommandError, match="Nothing was imported"):
        run_import(path)
    assert imported() == []
    assert not (tmp_path / "items.rejected.csv").exists()


def test_a_clean_file_leaves_no_rejected_file(space, tmp_path):
    run_import(write_item_csv(tmp_path / "items.csv", [item_row(1)]), "--skip-invalid")
    assert not (tmp_path / "items.rejected.csv").exists()


def test_the_admin_offers_the_rejected_rows_for_download(client, tree, space, tmp_path, settings):
    settings.ITEM_IMPORT_DIR = tmp_path / "uploads"
    editor = UserFactory(username="archivio-editor", groups=[space.editors])
    login(client, editor)
    data = write_item_csv(tmp_path / "items.csv", ROWS).read_bytes()
    report_url = client.post(
        "/admin/import-items/",
        {"collection": tree.collection.pk, "items": SimpleUploadedFile("items.csv", data)},
    ).url
    response = client.post(report_url + "confirm/", {"skip_invalid": "1"}, follow=True)
    assert imported() == ["CSV-001", "CSV-003"]
    link = re.search(r'href="([^"]*/rejected\.csv)"', response.content.decode())[1]
    download = client.get(link)
    assert download["Content-Disposition"] == 'attachment; filename="items.rejected.csv"'
    text = b"".join(download.streaming_content).decode("utf-8-sig")
    assert [r["identifier"] for r in csv.DictReader(StringIO(text))] == ["CSV-002", "CSV-004"]
    login(client, UserFactory(username="other", groups=[space.editors]))
    assert client.get(link).status_code in (302, 404)  # a token is its user's own
