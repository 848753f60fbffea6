"""Issue 15: a partner's own column names mapped once (saved per partner), unknown columns
listed and never dropped silently; a real-looking file goes in after one mapping step."""

import csv
import re
from io import StringIO

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.core.management.base import CommandError
from django.utils import translation

from heritage_collections.models import ColumnMapping, ItemPage
from tests.factories import UserFactory
from tests.partners.admin_client import login

from .conftest import run_import

pytestmark = pytest.mark.django_db

# A museum's own export: its column names, its vocabulary, its long texts.
MUSEUM_HEADER = [
    "Inventory number",
    "Object title",
    "Classification",
    "Artist",
    "Medium",
    "Dimensions",
    "Credit Line",
    "Department",
]
LONG_TITLE = "Album of views of the river Po and its bridges " * 9  # 423 characters
LONG_CREDIT = "Gift of the heirs of the photographer, " * 20
LONG_DIMENSIONS = "image 10 x 15 cm; mount 20 x 25 cm; " * 25


def museum_rows():
    title, dimensions, credit = LONG_TITLE.strip(), LONG_DIMENSIONS.strip(), LONG_CREDIT.strip()
    gabinio = "Mario Gabinio"
    return [
        ["M-1", title, "Illustrated Book", gabinio, "albumen", dimensions, credit, "Prints"],
        ["M-2", "Veduta del Po", "Photograph", gabinio, "gelatin silver", "10 x 15", "", "Ph"],
        ["M-3", "Carta del Piemonte", "Work on Paper", "Anonimo", "ink", "", "", "Maps"],
    ]


def museum_file(path):
    with open(path, "w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(MUSEUM_HEADER)
        writer.writerows(museum_rows())
    return path


COLUMNS = {
    "Inventory number": "identifier",
    "Object title": "title",
    "Classification": "object_type",
    "Artist": "creator",
    "Medium": "materials",
    "Dimensions": "dimensions",
    "Credit Line": "credit_line",
    "Department": "-",
}
VALUES = {"Illustrated Book": "book", "Work on Paper": "drawing"}


@pytest.fixture(autouse=True)
def _english():
    translation.activate("en")


def write_csv(path, header, rows):
    with open(path, "w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(header)
        writer.writerows(rows)
    return path


def assert_imported_whole():
    items = {i.identifier: i for i in ItemPage.objects.filter(identifier__startswith="M-")}
    assert sorted(items) == ["M-1", "M-2", "M-3"]  # no row lost
    first = items["M-1"]
    assert first.full_title == LONG_TITLE.strip()  # no text cut
    assert (first.credit_line, first.dimensions) == (LONG_CREDIT.strip(), LONG_DIMENSIONS.strip())
    assert first.object_type.slug == "book"
    assert first.partner_wording == {"object_type": "Illustrated Book"}
    assert items["M-3"].object_type.slug == "drawing"


def test_unknown_columns_are_each_refused_by_name(space, tmp_path):
    err = StringIO()
    with pytest.raises(CommandError, match="Nothing was imported"):
        call_command(
            "import_items", str(museum_file(tmp_path / "museum.csv")), partner="archivio",
            collection="fotografie", stdout=StringIO(), stderr=err,
        )  # fmt: skip
    for name in MUSEUM_HEADER:
        assert f"column {name} (" in err.getvalue()


def test_a_museum_export_goes_in_after_one_mapping_step(space, tmp_path):
    columns = write_csv(tmp_path / "columns.csv", ["partner_column", "column"], COLUMNS.items())
    values = write_csv(
        tmp_path / "map.csv",
        ["column", "value", "term"],
        [("object_type", value, term) for value, term in VALUES.items()],
    )
    out, _err = run_import(
        museum_file(tmp_path / "museum.csv"), "--columns", columns, "--map", values
    )
    assert "Columns not imported, as the partner's column mapping says: Department." in out
    assert_imported_whole()


def test_the_saved_column_names_apply_to_every_later_import(space, tmp_path):
    columns = write_csv(tmp_path / "columns.csv", ["partner_column", "column"], COLUMNS.items())
    values = write_csv(
        tmp_path / "map.csv",
        ["column", "value", "term"],
        [("object_type", value, term) for value, term in VALUES.items()],
    )
    run_import(museum_file(tmp_path / "museum.csv"), "--columns", columns, "--map", values)
    out, _err = run_import(museum_file(tmp_path / "museum.csv"))
    assert "0 created, 0 updated, 3 unchanged" in out


def test_a_column_file_naming_no_item_column_is_refused_by_its_row(space, tmp_path):
    columns = write_csv(
        tmp_path / "columns.csv",
        ["partner_column", "column"],
        [("Artist", "creator"), ("Medium", "medium")],
    )
    with pytest.raises(CommandError, match=r"row 3, column column: “medium” is not a column"):
        run_import(museum_file(tmp_path / "museum.csv"), "--columns", columns)
    assert not ColumnMapping.objects.exists()


def test_the_whole_path_in_the_admin(client, tree, space, tmp_path, settings):
    settings.ITEM_IMPORT_DIR = tmp_path / "uploads"
    login(client, UserFactory(username="archivio-editor", groups=[space.editors]))
    data = museum_file(tmp_path / "museum.csv").read_bytes()
    items = SimpleUploadedFile("museum.csv", data, content_type="text/csv")
    report_url = client.post(
        "/admin/import-items/", {"collection": tree.collection.pk, "items": items}
    ).url
    html = client.get(report_url).content.decode()
    listed = re.findall(r'name="name-\d+" value="([^"]*)"', html)
    assert listed == MUSEUM_HEADER
    posted = {"count": str(len(listed))}
    for index, name in enumerate(listed):
        posted |= {f"name-{index}": name, f"column-{index}": COLUMNS[name]}
    client.post(report_url + "columns/", posted)
    html = client.get(report_url).content.decode()
    assert 'id="import-unknown-columns"' not in html
    values = re.findall(r'name="value-(\d+)" value="([^"]*)"', html)
    assert sorted(value for _i, value in values) == sorted(VALUES)
    posted = {"count": str(len(values))}
    for index, value in values:
        posted |= {
            f"column-{index}": "object_type",
            f"value-{index}": value,
            f"term-{index}": VALUES[value],
        }
    client.post(report_url + "map/", posted)
    html = client.get(report_url).content.decode()
    assert re.search(r"Items to create</th><td>3<", html)
    assert re.search(r"Rows with errors</th><td>0<", html)
    client.post(report_url + "confirm/")
    assert_imported_whole()
