"""The admin's "Import items": upload, read the dry-run report, confirm — partners apart."""

import io
import re
import zipfile

import pytest
from django.contrib.auth.models import Group
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image

from heritage_collections.models import ItemPage
from partners.onboarding import onboard_partner
from partners.roles import HUB_EDITORS, TRANSLATORS
from tests.factories import CollectionPageFactory, UserFactory, item_row, write_item_csv
from tests.partners.admin_client import login

pytestmark = pytest.mark.django_db
UPLOAD = "/admin/import-items/"


@pytest.fixture(autouse=True)
def _upload_dir(settings, tmp_path):
    settings.ITEM_IMPORT_DIR = tmp_path / "uploads"


@pytest.fixture
def archivio(tree):
    space = onboard_partner("Archivio Nazionale", "archivio", "archive").space
    space.editor = UserFactory(username="archivio-editor", groups=[space.editors])
    return space


@pytest.fixture
def museo(tree):
    result = onboard_partner("Museo Civico", "museo-civico", "museum")
    result.page.save_revision().publish()
    space = result.space
    space.editor = UserFactory(username="museo-editor", groups=[space.editors])
    space.collection_page = CollectionPageFactory(
        parent=result.page, title="Dipinti del museo", slug="dipinti"
    )
    return space


def csv_upload(tmp_path, rows, name="items.csv"):
    path = write_item_csv(tmp_path / name, rows)
    return SimpleUploadedFile(name, path.read_bytes(), content_type="text/csv")


def upload(client, tmp_path, collection, rows, **extra):
    return client.post(
        UPLOAD, {"collection": collection.pk, "items": csv_upload(tmp_path, rows), **extra}
    )


def imported():
    return ItemPage.objects.filter(identifier__startswith="CSV-").order_by("identifier")


def test_a_partner_editor_is_offered_only_their_partners_collections(client, tree, archivio, museo):
    login(client, archivio.editor)
    response = client.get(UPLOAD)
    assert response.status_code == 200
    html = response.content.decode()
    assert "Archivio Nazionale › Fotografie" in html
    assert "Dipinti del museo" not in html
    assert 'name="publish"' not in html


def test_the_upload_shows_the_dry_run_report_and_writes_nothing(client, tree, archivio, tmp_path):
    login(client, archivio.editor)
    response = upload(client, tmp_path, tree.collection, [item_row(1), item_row(2)])
    assert response.status_code == 302
    report = client.get(response.url)
    html = report.content.decode()
    assert re.search(r"Items to create</th><td>2<", html)
    assert re.search(r"Items unchanged</th><td>0<", html)
    assert not imported().exists()


def test_confirming_imports_drafts_into_the_partners_review(client, tree, archivio, tmp_path):
    login(client, archivio.editor)
    report_url = upload(client, tmp_path, tree.collection, [item_row(1), item_row(2)]).url

    response = client.post(report_url + "confirm/")

    assert response.status_code == 302
    assert response.url == f"/admin/pages/{tree.collection.pk}/"
    assert [(item.live, item.current_workflow_state.status) for item in imported()] == [
        (False, "in_progress"),
        (False, "in_progress"),
    ]
    assert imported().first().get_latest_revision().user == archivio.editor
    assert client.get(report_url, follow=True).status_code == 404  # the upload is gone


def test_the_report_lists_every_error_with_its_row_and_column(client, tree, archivio, tmp_path):
    login(client, archivio.editor)
    rows = [item_row(1), item_row(2, date_start="circa 1900"), item_row(3, rights="PD")]
    html = client.get(upload(client, tmp_path, tree.collection, rows).url).content.decode()
    table = html[html.index('id="import-errors"') :]
    assert re.search(r"<td>3</td>\s*<td><code>date_start</code> \(G\)</td>", table)
    assert re.search(r"<td>4</td>\s*<td><code>rights</code> \(N\)</td>", table)
    assert 'name="skip_invalid"' in html
    assert ">Import<" not in html


def test_the_valid_rows_may_be_imported_without_the_rows_with_errors(
    client, tree, archivio, tmp_path
):
    login(client, archivio.editor)
    rows = [item_row(1), item_row(2, date_start="circa 1900"), item_row(3)]
    report_url = upload(client, tmp_path, tree.collection, rows).url
    client.post(report_url + "confirm/", {"skip_invalid": "1"})
    assert [item.identifier for item in imported()] == ["CSV-001", "CSV-003"]


def test_a_file_with_errors_is_not_imported_on_a_plain_confirm(client, tree, archivio, tmp_path):
    login(client, archivio.editor)
    rows = [item_row(1), item_row(2, date_start="circa 1900")]
    report_url = upload(client, tmp_path, tree.collection, rows).url
    response = client.post(report_url + "confirm/")
    assert response.status_code == 200
    assert "date_start" in response.content.decode()
    assert not imported().exists()


def test_another_partners_collection_is_refused(client, tree, archivio, museo, tmp_path):
    login(client, archivio.editor)
    response = upload(client, tmp_path, museo.collection_page, [item_row(1)])
    assert response.status_code == 200
    assert "Select a valid choice" in response.content.decode()
    assert not imported().exists()


def test_a_partner_editor_cannot_publish_by_posting_the_option(client, tree, archivio, tmp_path):
    login(client, archivio.editor)
    report_url = upload(client, tmp_path, tree.collection, [item_row(1)], publish="on").url
    client.post(report_url + "confirm/")
    assert not imported().get().live


def test_an_upload_is_found_only_by_the_user_who_made_it(client, tree, archivio, museo, tmp_path):
    login(client, archivio.editor)
    report_url = upload(client, tmp_path, tree.collection, [item_row(1)]).url
    colleague = UserFactory(username="archivio-editor-2", groups=[archivio.editors])
    for user in (museo.editor, colleague):
        login(client, user)
        assert client.get(report_url, follow=True).status_code == 404
        assert client.post(report_url + "confirm/", follow=True).status_code == 404
    assert not imported().exists()


def test_a_hub_editor_may_publish_at_once(client, tree, archivio, tmp_path):
    hub_editor = UserFactory(username="hub-editor", groups=[Group.objects.get(name=HUB_EDITORS)])
    login(client, hub_editor)
    report_url = upload(client, tmp_path, tree.collection, [item_row(1)], publish="on").url
    client.post(report_url + "confirm/")
    assert imported().get().live


def test_images_come_from_the_uploaded_zip(client, tree, archivio, tmp_path):
    picture = io.BytesIO()
    Image.new("RGB", (20, 10), "teal").save(picture, "PNG")
    archive = io.BytesIO()
    with zipfile.ZipFile(archive, "w") as zipped:
        zipped.writestr("scans/po.png", picture.getvalue())
    login(client, archivio.editor)
    row = item_row(1, image="scans/po.png", image_alt="Il Po")
    images = SimpleUploadedFile("images.zip", archive.getvalue(), content_type="application/zip")
    report_url = upload(client, tmp_path, tree.collection, [row], images=images).url
    client.post(report_url + "confirm/")
    image = imported().get().images.get().image
    assert (image.alt_text, image.width, image.collection) == ("Il Po", 20, archivio.collection)


def test_users_who_may_not_add_items_are_refused(client, tree, archivio):
    translator = UserFactory(username="translator", groups=[Group.objects.get(name=TRANSLATORS)])
    login(client, translator)
    response = client.get(UPLOAD)
    assert (response.status_code, response.url) == (302, "/admin/")
    assert "Import items" not in client.get("/admin/").content.decode()


def test_anonymous_visitors_are_sent_to_the_login(client, tree):
    response = client.get(UPLOAD)
    assert response.status_code == 302
    assert response.url.startswith("/admin/login/")


@pytest.mark.parametrize(
    "content, reason",
    [
        (b"\xff\xfe\x00", "UTF-16"),
        (b'identifier,title\n"CSV-001,Veduta del Po\n', "never closed"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00", "not text the hub can read"),
    ],
)
def test_a_file_that_is_not_an_item_csv_gets_the_form_again(
    client, tree, archivio, content, reason
):
    login(client, archivio.editor)
    response = client.post(
        UPLOAD,
        {"collection": tree.collection.pk, "items": SimpleUploadedFile("elenco.csv", content)},
    )
    assert response.status_code == 200
    html = response.content.decode()
    assert "The file “elenco.csv” cannot be imported" in html
    assert reason in html


def test_a_zip_that_is_not_one_gets_the_form_again(client, tree, archivio, tmp_path):
    login(client, archivio.editor)
    response = upload(
        client,
        tmp_path,
        tree.collection,
        [item_row(1)],
        images=SimpleUploadedFile("foto.zip", b"PK\x03\x04 not really a zip"),
    )
    assert response.status_code == 200
    assert "The file “foto.zip” is not a ZIP archive" in response.content.decode()
