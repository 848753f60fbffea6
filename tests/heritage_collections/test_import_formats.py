"""Issue 15: spreadsheets and encodings — .xlsx, CSV in UTF-8 (with or without a BOM),
UTF-16 and Windows-1252 go in; anything else is refused with the reason, in the admin by the
form again (never a report page that is not there)."""

import csv
import io
import re
from io import StringIO

import openpyxl
import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.core.management.base import CommandError
from django.utils import translation

from heritage_collections.importing.reader import sniff_encoding
from heritage_collections.models import ItemPage
from tests.factories import UserFactory, item_row
from tests.partners.admin_client import login

from .conftest import run_import

pytestmark = pytest.mark.django_db

ACCENTED = "Veduta di Torino — l'età dell'oro, è così"


@pytest.fixture(autouse=True)
def _english():
    translation.activate("en")


def csv_text(rows):
    text = StringIO()
    writer = csv.DictWriter(text, fieldnames=list(rows[0]), lineterminator="\r\n")
    writer.writeheader()
    writer.writerows(rows)
    return text.getvalue()


def titles():
    return dict(
        ItemPage.objects.filter(identifier__startswith="CSV-").values_list("identifier", "title")
    )


def xlsx_bytes(rows, numbers=True):
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    columns = list(rows[0])
    sheet.append(columns)
    for row in rows:
        cells = [row[c] for c in columns]
        if numbers:  # what a spreadsheet holds: numbers, not texts
            cells = [
                int(v) if c in ("date_start", "date_end") else v
                for c, v in zip(columns, cells, strict=True)
            ]
            cells = [
                float(v) if c in ("latitude", "longitude") else v
                for c, v in zip(columns, cells, strict=True)
            ]
        sheet.append(cells)
    data = io.BytesIO()
    workbook.save(data)
    return data.getvalue()


@pytest.mark.parametrize(
    "encoding, bom",
    [("utf-8", b""), ("utf-8", b"\xef\xbb\xbf"), ("utf-16-le", b"\xff\xfe"), ("cp1252", b"")],
)
def test_a_csv_in_each_encoding_goes_in_with_its_text_intact(space, tmp_path, encoding, bom):
    path = tmp_path / "items.csv"
    path.write_bytes(bom + csv_text([item_row(1, title=ACCENTED), item_row(2)]).encode(encoding))
    run_import(path)
    assert titles() == {"CSV-001": ACCENTED, "CSV-002": "Veduta del Po 2"}


def test_an_xlsx_spreadsheet_goes_in_with_its_numbers_as_people_read_them(space, tmp_path):
    path = tmp_path / "items.xlsx"
    path.write_bytes(xlsx_bytes([item_row(1, title=ACCENTED), item_row(2)]))
    run_import(path)
    item = ItemPage.objects.get(identifier="CSV-001")
    assert (item.title, item.date_start, item.date_end) == (ACCENTED, 1920, 1930)
    assert str(item.latitude) == "45.070300"


def test_an_xlsx_errors_are_named_by_the_sheets_row_and_column(space, tmp_path):
    path = tmp_path / "items.xlsx"
    path.write_bytes(xlsx_bytes([item_row(1), item_row(2, rights="PD")], numbers=False))
    with pytest.raises(CommandError):
        run_import(path)
    err = StringIO()
    with pytest.raises(CommandError):
        call_command(
            "import_items", str(path), partner="archivio", collection="fotografie",
            stdout=StringIO(), stderr=err,
        )  # fmt: skip
    assert re.search(r"row 3, column rights \([A-Z]\): “PD” is not one of", err.getvalue())


def test_binary_data_is_refused_with_the_reason(space, tmp_path):
    path = tmp_path / "items.csv"
    path.write_bytes(b"identifier,title\x00\x01\x02")
    with pytest.raises(CommandError):
        run_import(path)
    assert not titles()


def test_utf16_without_a_bom_is_refused_and_mostly_utf8_is_read_as_utf8():
    with pytest.raises(Exception, match="NUL bytes"):
        sniff_encoding("identifier,title\n".encode("utf-16-le"))
    assert sniff_encoding("città,".encode() + b"\xff,x") == "utf-8"
    assert sniff_encoding("città".encode("cp1252")) == "cp1252"


def test_text_in_no_encoding_the_hub_reads_is_refused_naming_the_byte():
    with pytest.raises(Exception, match="neither UTF-8 nor Windows-1252 \\(byte 0x81\\)"):
        sniff_encoding(b"identifier,title\n1,\x81\n")


@pytest.fixture
def editor_client(client, space, settings, tmp_path):
    settings.ITEM_IMPORT_DIR = tmp_path / "uploads"
    login(client, UserFactory(username="archivio-editor", groups=[space.editors]))
    return client


@pytest.mark.parametrize(
    "content, reason",
    [
        (b"PK\x03\x04 not really a workbook", "The spreadsheet cannot be read"),
        (b"\x00\x01\x02\x03binary", "NUL bytes"),
        (b"identifier,title\n1,\x81\x8d\n", "neither UTF-8 nor Windows-1252"),
        (b"", "The submitted file is empty"),
    ],
)
def test_a_malformed_file_gets_the_form_again_with_the_reason(editor_client, tree, content, reason):
    response = editor_client.post(
        "/admin/import-items/",
        {"collection": tree.collection.pk, "items": SimpleUploadedFile("items.csv", content)},
    )
    assert response.status_code == 200  # the form, not a redirect
    assert reason in response.content.decode()


def test_an_xlsx_upload_in_the_admin_reaches_the_report(editor_client, tree):
    data = xlsx_bytes([item_row(1), item_row(2)])
    response = editor_client.post(
        "/admin/import-items/",
        {"collection": tree.collection.pk, "items": SimpleUploadedFile("items.xlsx", data)},
    )
    report = editor_client.get(response.url).content.decode()
    assert re.search(r"Items to create</th><td>2<", report)
