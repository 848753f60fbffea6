"""Every upload path refuses what is not what it claims to be (heritagehub.uploads).

Images: the admin's single and multiple uploaders, the public share-story form, and the
item import (``import_items --media-dir`` and the admin's ZIP). Documents: the admin's single
and multiple uploaders. Each refusal names the file and the reason, and leaves no row and
no file behind.
"""

import io
import struct
import zlib
from pathlib import Path

import pytest
from django.conf import settings
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import CommandError, call_command
from django.utils import translation
from PIL import Image
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Collection

from heritage_collections.importing.media import MediaFolder, image_problem
from heritagehub.rights import RightsStatement
from stories.models import CommunitySubmission
from tests.factories import UserFactory, item_row, write_item_csv

pytestmark = pytest.mark.django_db


# --- files ---------------------------------------------------------------------------------


def raster(image_format="PNG", size=(40, 30)):
    buffer = io.BytesIO()
    Image.new("RGB", size, "teal").save(buffer, format=image_format)
    return buffer.getvalue()


def _chunk(kind, data):
    return (
        struct.pack(">I", len(data))
        + kind
        + data
        + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)
    )


def png_bomb(width=30_000, height=30_000):
    """A PNG of a few dozen bytes that declares 900 million pixels."""
    header = struct.pack(">IIBBBBB", width, height, 8, 0, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + _chunk(b"IHDR", header)
        + _chunk(b"IDAT", zlib.compress(b"\x00" * 64))
        + _chunk(b"IEND", b"")
    )


HTML = b"<!DOCTYPE html><html><body><script>alert(1)</script></body></html>"
SVG = (
    b'<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg" width="10" height="10">'
    b"<script>alert(1)</script></svg>"
)
PDF = b"%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n"

# name, content, what the message says
BAD_IMAGES = {
    "png-named-jpg": ("photo.jpg", raster("PNG"), "does not match the file format (png)"),
    "html-named-jpg": ("photo.jpg", HTML, "not a valid .jpeg image"),
    "png-bomb": ("bomb.png", png_bomb(), "too many pixels"),
    "svg-with-script": ("drawing.svg", SVG, "not a supported image format"),
    "svg-named-png": ("drawing.png", SVG, "does not match the file format (svg)"),
}
BAD_DOCUMENTS = {
    "html-named-pdf": ("report.pdf", HTML, "not a .pdf file"),
    "svg-named-pdf": ("report.pdf", SVG, "not a .pdf file"),
    "script-named-pdf": ("report.pdf", b"alert(document.cookie);\n", "not a .pdf file"),
    "html-named-txt": ("notes.txt", HTML, "not plain text"),
    "png-named-docx": ("letter.docx", raster("PNG"), "not a .docx file"),
    "html-document": ("page.html", HTML, "not allowed"),
}


def stored_files():
    root = Path(settings.MEDIA_ROOT)
    return {path for path in root.rglob("*") if path.is_file()} if root.exists() else set()


@pytest.fixture
def nothing_left_behind(db):
    """Asserts after the test that no image, document or file was added."""
    before = (get_image_model().objects.count(), get_document_model().objects.count())
    files = stored_files()
    yield
    assert (get_image_model().objects.count(), get_document_model().objects.count()) == before
    assert stored_files() == files


@pytest.fixture
def admin_client(client, db):
    client.force_login(UserFactory(username="uploader", is_superuser=True))
    client.defaults["HTTP_ACCEPT_LANGUAGE"] = "en"
    return client


def upload(name, content):
    return SimpleUploadedFile(name, content)


def add_documents(client, name, content):
    """The multiple document uploader, as its page posts each file."""
    return client.post(
        "/admin/documents/multiple/add/",
        {"files[]": upload(name, content), "collection": Collection.get_first_root_node().pk},
    )


# --- the admin's image uploaders -----------------------------------------------------------


@pytest.mark.parametrize("case", BAD_IMAGES)
def test_the_image_uploader_refuses_and_names_the_file(admin_client, nothing_left_behind, case):
    name, content, reason = BAD_IMAGES[case]
    response = admin_client.post(
        "/admin/images/add/",
        {
            "title": "Una foto",
            "file": upload(name, content),
            "collection": Collection.get_first_root_node().pk,
            "alt_text": "Una foto",
            "rights": "",
        },
    )
    assert response.status_code == 200
    errors = " ".join(response.context["form"].errors["file"])
    assert f"The file “{name}” was refused" in errors
    assert reason in errors.lower()


@pytest.mark.parametrize("case", BAD_IMAGES)
def test_the_multiple_image_uploader_refuses_and_names_the_file(
    admin_client, nothing_left_behind, case
):
    name, content, reason = BAD_IMAGES[case]
    response = admin_client.post("/admin/images/multiple/add/", {"files[]": upload(name, content)})
    answer = response.json()
    assert answer["success"] is False
    assert f"The file “{name}” was refused" in answer["error_message"]
    assert reason in answer["error_message"].lower()


def test_the_multiple_image_uploader_accepts_a_real_image(admin_client):
    response = admin_client.post(
        "/admin/images/multiple/add/", {"files[]": upload("photo.jpg", raster("JPEG"))}
    )
    assert response.json()["success"] is True


def test_the_upload_limits_come_from_the_settings():
    assert settings.WAGTAILIMAGES_MAX_UPLOAD_SIZE == 25 * 1024 * 1024
    assert settings.WAGTAILIMAGES_MAX_IMAGE_PIXELS == 100_000_000


def test_an_image_over_the_size_limit_is_refused(admin_client, nothing_left_behind, settings):
    settings.WAGTAILIMAGES_MAX_UPLOAD_SIZE = 1000
    response = admin_client.post(
        "/admin/images/multiple/add/",
        {"files[]": upload("large.png", raster("PNG", size=(400, 400)))},
    )
    assert "“large.png” was refused: This file is too big" in response.json()["error_message"]


def test_an_image_over_the_pixel_limit_is_refused(admin_client, nothing_left_behind, settings):
    settings.WAGTAILIMAGES_MAX_IMAGE_PIXELS = 100 * 100
    response = admin_client.post(
        "/admin/images/multiple/add/",
        {"files[]": upload("wide.png", raster("PNG", size=(200, 100)))},
    )
    assert (
        "“wide.png” was refused: This file has too many pixels"
        in (response.json()["error_message"])
    )


# --- the admin's document uploaders ---------------------------------------------------------


@pytest.mark.parametrize("case", BAD_DOCUMENTS)
def test_the_document_uploader_refuses_and_names_the_file(admin_client, nothing_left_behind, case):
    name, content, reason = BAD_DOCUMENTS[case]
    response = admin_client.post(
        "/admin/documents/add/",
        {
            "title": "Un documento",
            "file": upload(name, content),
            "collection": Collection.get_first_root_node().pk,
        },
    )
    assert response.status_code == 200
    errors = " ".join(response.context["form"].errors["file"])
    assert f"The file “{name}” was refused" in errors
    assert reason in errors.lower()


@pytest.mark.parametrize("case", BAD_DOCUMENTS)
def test_the_multiple_document_uploader_refuses_and_names_the_file(
    admin_client, nothing_left_behind, case
):
    name, content, reason = BAD_DOCUMENTS[case]
    response = add_documents(admin_client, name, content)
    answer = response.json()
    assert answer["success"] is False
    assert f"The file “{name}” was refused" in answer["error_message"]
    assert reason in answer["error_message"].lower()


@pytest.mark.parametrize(
    "name, content",
    [
        ("report.pdf", PDF),
        ("notes.txt", "Appunti di viaggio, àèìòù.\n".encode()),
        ("items.csv", b"identifier,title\nA-1,Veduta\n"),
    ],
)
def test_real_documents_are_accepted(admin_client, name, content):
    response = add_documents(admin_client, name, content)
    assert response.json()["success"] is True


def test_documents_are_served_as_attachments_with_nosniff(admin_client):
    add_documents(admin_client, "notes.txt", b"Ciao")
    document = get_document_model().objects.get()
    response = admin_client.get(document.url)
    assert response["Content-Disposition"].startswith("attachment")
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Content-Security-Policy"] == "default-src 'none'"


def test_a_pdf_may_be_shown_in_the_browser(admin_client):
    add_documents(admin_client, "report.pdf", PDF)
    response = admin_client.get(get_document_model().objects.get().url)
    assert response["Content-Disposition"].startswith("inline")


# --- the public share-story form ----------------------------------------------------------------


@pytest.mark.parametrize("case", BAD_IMAGES)
def test_the_share_story_form_refuses_and_names_the_image(client, tree, nothing_left_behind, case):
    name, content, reason = BAD_IMAGES[case]
    response = client.post(
        "/en/stories/share/",
        {
            "title": "Il mulino",
            "text": "Mio nonno lavorava al mulino sul fiume, ogni mattina all'alba.",
            "name": "Ada",
            "email": "ada@example.org",
            "licence": RightsStatement.CC_BY.value,
            "consent": "on",
            "image_1": upload(name, content),
            "alt_1": "Il mulino",
        },
        HTTP_ACCEPT_LANGUAGE="en",
    )
    assert response.status_code == 200
    content = response.content.decode()
    assert f"The file “{name}” was refused" in content
    assert reason in content.lower()
    assert not CommunitySubmission.objects.exists()


# --- item imports ----------------------------------------------------------------------------


@pytest.fixture
def media(tmp_path):
    folder = tmp_path / "media"
    folder.mkdir()
    return folder


@pytest.mark.parametrize(
    "name, content, reason",
    [
        ("photo.jpg", raster("PNG"), "is not a .jpg image: its content is PNG"),
        ("photo.jpg", HTML, "is not a readable image"),
        ("bomb.png", png_bomb(), "has too many pixels"),
        ("drawing.svg", SVG, "is not a supported image format"),
        ("drawing.png", SVG, "is not a readable image"),
    ],
)
def test_an_import_refuses_an_image_and_names_it(media, name, content, reason):
    (media / name).write_bytes(content)
    with translation.override("en"):
        problem = image_problem(MediaFolder(media), name)
    assert f"“{name}” {reason}" in problem


def test_an_import_accepts_a_jpeg_named_jpg(media):
    (media / "photo.jpg").write_bytes(raster("JPEG"))
    assert image_problem(MediaFolder(media), "photo.jpg") is None


def test_import_items_refuses_a_bomb_and_stores_nothing(tree, media, tmp_path, nothing_left_behind):
    from partners.onboarding import onboard_partner

    onboard_partner("Archivio Nazionale", "archivio", "archive")
    (media / "bomb.png").write_bytes(png_bomb())
    csv = write_item_csv(tmp_path / "items.csv", [item_row(1, image="bomb.png", image_alt="X")])
    with pytest.raises(CommandError):
        call_command(
            "import_items",
            str(csv),
            "--partner",
            "archivio",
            "--collection",
            "fotografie",
            "--media-dir",
            str(media),
            stdout=io.StringIO(),
            stderr=io.StringIO(),
        )


def test_the_admin_import_refuses_a_zip_that_is_not_one(admin_client, tree, tmp_path, settings):
    settings.ITEM_IMPORT_DIR = tmp_path / "uploads"
    csv = write_item_csv(tmp_path / "items.csv", [item_row(1)])
    response = admin_client.post(
        "/admin/import-items/",
        {
            "collection": tree.collection.pk,
            "items": upload("items.csv", csv.read_bytes()),
            "images": upload("images.zip", HTML),
        },
    )
    assert response.status_code == 200
    assert response.context["form"].errors["images"] == [
        "The file “images.zip” is not a ZIP archive (or a damaged one)."
    ]
    assert not any((tmp_path / "uploads").rglob("*.*"))
