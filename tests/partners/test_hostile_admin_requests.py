"""What a partner editor gets for the admin requests that used to leak another partner's
titles or end in a 500 (issue 13): bulk actions, the forms listing's user filters, a page
form without its management fields, uploads into another partner's collection. The item
import's malformed files are in tests/heritage_collections/test_import_admin.py; the
sweep of every admin view is tests/partners/test_isolation_sweep.py."""

import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils.html import escape
from PIL import Image
from wagtail.models import UploadedFile

from heritagehub.models import HeritageImage
from tests.partners.admin_client import edit_form_data, login

pytestmark = pytest.mark.django_db


@pytest.fixture
def editor(client, hub):
    return login(client, hub.archivio.editor)


def denied(response):
    return response.status_code == 302 and response["Location"] == "/admin/"


@pytest.mark.parametrize("action", ["delete", "publish", "move", "unpublish"])
def test_page_bulk_actions_show_nothing_of_another_partner(editor, hub, action):
    response = editor.get(f"/admin/bulk/wagtailcore/page/{action}/?id={hub.museo.draft_page.pk}")
    assert denied(response)
    assert hub.museo.draft_page.title not in response.content.decode()


def test_page_bulk_actions_keep_only_the_users_own_pages(editor, hub):
    own, other = hub.archivio.draft_page, hub.museo.draft_page
    response = editor.get(f"/admin/bulk/wagtailcore/page/delete/?id={own.pk}&id={other.pk}")
    html = response.content.decode()
    assert response.status_code == 200
    assert escape(own.title) in html
    assert other.title not in html


def test_all_the_children_of_another_partners_page_are_refused(editor, hub):
    directory = hub.tree.partner_index
    response = editor.get(f"/admin/bulk/wagtailcore/page/delete/?id=all&childOf={directory.pk}")
    assert denied(response)


@pytest.mark.parametrize(
    "url",
    [
        "/admin/bulk/heritagehub/heritageimage/delete/?id={image}",
        "/admin/bulk/heritagehub/heritageimage/add_to_collection/?id={image}",
        "/admin/bulk/heritagehub/heritageimage/add_tags/?id={image}",
        "/admin/bulk/wagtaildocs/document/delete/?id={document}",
        "/admin/bulk/wagtaildocs/document/add_to_collection/?id={document}",
        "/admin/bulk/wagtaildocs/document/add_tags/?id={document}",
    ],
)
def test_media_bulk_actions_show_nothing_of_another_partner(editor, hub, url):
    other = hub.museo
    response = editor.get(url.format(image=other.image.pk, document=other.document.pk))
    assert denied(response)
    html = response.content.decode()
    assert other.image.title not in html
    assert other.document.title not in html


def test_the_forms_listing_filters_list_only_the_editors_colleagues(editor, hub):
    for partner in (hub.archivio, hub.museo):
        page = partner.draft_page
        page.owner = partner.editor
        page.save_revision(user=partner.editor, log_action=True)
        page.save(update_fields=["owner"])
    html = editor.get("/admin/forms/").content.decode()
    assert hub.museo.editor.username not in html
    html = editor.get(f"/admin/pages/{hub.archivio.page.pk}/").content.decode()
    assert hub.archivio.editor.username in html  # their own name is still offered
    assert hub.museo.editor.username not in html


@pytest.mark.parametrize("view", ["edit/", "edit/preview/"])
@pytest.mark.parametrize("page_name", ["partner_story", "item"])
def test_a_page_form_without_its_management_fields_is_a_bad_request(editor, hub, view, page_name):
    """The editor's form without ``body-count`` (the StreamField's) or an inline panel's
    ``…-TOTAL_FORMS``: an answer, never a 500, and no revision saved."""
    page = getattr(hub.tree, page_name)
    revisions = page.revisions.count()
    data = edit_form_data(editor, page)
    data = {key: value for key, value in data.items() if not key.endswith("-TOTAL_FORMS")}
    response = editor.post(f"/admin/pages/{page.pk}/{view}", data)
    assert response.status_code in (200, 400)
    assert page.revisions.count() == revisions


def png():
    buffer = io.BytesIO()
    Image.new("RGB", (20, 20), "teal").save(buffer, format="PNG")
    return buffer.getvalue()


@pytest.mark.parametrize(
    "url, manager",
    [("/admin/images/multiple/add/", "image"), ("/admin/documents/multiple/add/", "document")],
)
def test_an_upload_into_another_partners_collection_leaves_nothing(editor, hub, url, manager):
    from tests.heritagehub.test_uploads import PDF, stored_files

    name, content = ("foto.png", png()) if manager == "image" else ("nota.pdf", PDF)
    files, images = stored_files(), HeritageImage.objects.count()
    response = editor.post(
        url,
        {"files[]": SimpleUploadedFile(name, content), "collection": hub.museo.space.collection.pk},
    )
    assert response.status_code == 200
    answer = response.json()
    assert answer["success"] is False
    assert name in answer["error_message"]
    assert not UploadedFile.objects.exists()
    assert HeritageImage.objects.count() == images
    assert stored_files() == files


def test_the_page_chooser_names_no_page_of_another_partner(editor, hub):
    own, other = hub.archivio.page, hub.museo.draft_page
    response = editor.get(f"/admin/choose-page/chosen-multiple/?id={own.pk}&id={other.pk}&id=1")
    assert response.status_code == 200
    result = response.json()["result"]
    assert [page["id"] for page in result] == [own.pk]
