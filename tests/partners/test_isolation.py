"""Isolation of partners, through the admin's HTTP views as each user would hit them.

"Archivio Nazionale" (A) and "Museo Civico" (B) are two partners; the tests sign in as
A's editor. Each page view is tried on A's own page (the control: it works) and on B's
(denied). What "denied" looks like is what the Wagtail admin really answers: a redirect
to the dashboard (302 → /admin/, with "Sorry, you do not have permission"), a 403 for
the admin's XHR requests (choosers, modals), a 403 JSON answer from the admin API, and a
404 for objects a listing API does not offer. docs/permissions.md lists the matrix.
"""

import json

import pytest
from django.test import Client
from wagtail.models import Page

from heritagehub.models import HeritageImage
from partners.onboarding import onboard_partner
from tests.factories import HeritageImageFactory
from tests.partners.admin_client import (
    PAGE_EDIT,
    approve,
    login,
    save_draft,
    submit_for_review,
    try_to_publish,
)
from tests.partners.conftest import refresh

pytestmark = pytest.mark.django_db

LANGUAGES = ["it", "en", "fr", "de", "es"]
XHR = {"HTTP_X_REQUESTED_WITH": "XMLHttpRequest"}


@pytest.fixture
def isolation(hub):
    """Both partners have a draft change on their page and a page waiting for review."""
    for partner in (hub.archivio, hub.museo):
        partner.page.title_before = partner.page.title
        draft = partner.page.get_latest_revision_as_object()
        draft.title = f"{partner.name} — bozza riservata"
        draft.save_revision(user=partner.editor)
        partner.draft_page.save_revision(user=partner.editor)
        partner.draft_page.get_workflow().start(partner.draft_page, partner.editor)
        partner.page = refresh(partner.page)
        partner.draft_page = refresh(partner.draft_page)
    return hub


@pytest.fixture
def editor(client, isolation):
    """A's editor, signed in."""
    return login(client, isolation.archivio.editor)


def denied(response):
    return response.status_code == 302 and response["Location"] == "/admin/"


def revisions(page):
    return list(page.revisions.order_by("pk").values_list("pk", flat=True))


PAGE_VIEWS = {
    "explorer listing of the partner page": lambda p: f"/admin/pages/{p.page.pk}/",
    "edit view": lambda p: f"/admin/pages/{p.page.pk}/edit/",
    "history": lambda p: f"/admin/pages/{p.page.pk}/history/",
    "a revision": lambda p: f"/admin/pages/{p.page.pk}/revisions/{revisions(p.page)[0]}/view/",
    "revisions compare": lambda p: (
        f"/admin/pages/{p.page.pk}/revisions/compare/"
        f"{revisions(p.page)[0]}...{revisions(p.page)[-1]}/"
    ),
    "draft of a page never published": lambda p: f"/admin/pages/{p.draft_page.pk}/view_draft/",
    "draft of a live page": lambda p: f"/admin/pages/{p.page.pk}/view_draft/",
    "workflow history": lambda p: f"/admin/pages/{p.draft_page.pk}/workflow_history/",
    "add a subpage": lambda p: f"/admin/pages/{p.page.pk}/add_subpage/",
    "usage": lambda p: f"/admin/pages/{p.page.pk}/usage/",
    "page chooser, inside the partner": lambda p: f"/admin/choose-page/{p.page.pk}/",
    "image edit": lambda p: f"/admin/images/{p.image.pk}/",
    "image usage": lambda p: f"/admin/images/usage/{p.image.pk}/",
    "document edit": lambda p: f"/admin/documents/edit/{p.document.pk}/",
}


@pytest.mark.parametrize("view", PAGE_VIEWS)
def test_a_partner_editor_opens_their_own_partners_views(editor, isolation, view):
    response = editor.get(PAGE_VIEWS[view](isolation.archivio))
    assert response.status_code == 200


@pytest.mark.parametrize("view", PAGE_VIEWS)
def test_a_partner_editor_cannot_open_another_partners_views(editor, isolation, view):
    response = editor.get(PAGE_VIEWS[view](isolation.museo))
    assert denied(response), (response.status_code, response.get("Location"))
    # The refusal names nothing of the other partner.
    dashboard = editor.get("/admin/").content.decode()
    assert "Museo Civico" not in dashboard
    assert "bozza" not in dashboard.lower() or "Archivio Nazionale — bozza" in dashboard


@pytest.mark.parametrize(
    "url",
    [
        lambda p: f"/admin/pages/{p.page.pk}/",
        lambda p: f"/admin/pages/{p.page.pk}/edit/",
        lambda p: f"/admin/choose-page/{p.page.pk}/",
        lambda p: f"/admin/pages/{p.page.pk}/edit/preview/",
    ],
)
def test_the_admins_xhr_requests_for_another_partner_get_403(editor, isolation, url):
    assert editor.get(url(isolation.museo), **XHR).status_code == 403


def test_previews_of_another_partners_page_are_refused(editor, isolation):
    museo = isolation.museo
    # The live preview posts the edit form first, then fetches the preview.
    assert denied(editor.post(f"/admin/pages/{museo.page.pk}/edit/preview/", {"title": "x"}))
    assert denied(editor.get(f"/admin/pages/{museo.page.pk}/edit/preview/"))
    assert denied(
        editor.get(
            f"/admin/pages/workflow/preview/{museo.draft_page.pk}/"
            f"{museo.draft_page.current_workflow_task.pk}/"
        )
    )
    assert denied(
        editor.get(f"/admin/pages/add/heritage_collections/collectionpage/{museo.page.pk}/preview/")
    )


# --- listings, choosers and search --------------------------------------------------------


LISTINGS = {
    "explorer of the partner directory": lambda h: f"/admin/pages/{h.tree.partner_index.pk}/",
    "page chooser": lambda h: "/admin/choose-page/",
    "page chooser in the partner directory": lambda h: (
        f"/admin/choose-page/{h.tree.partner_index.pk}/"
    ),
    "page chooser search": lambda h: "/admin/choose-page/search/?q=bozza",
    "page chooser search for a title": lambda h: "/admin/choose-page/search/?q=Museo",
    "admin page search": lambda h: "/admin/pages/search/?q=bozza",
    "admin page search for a title": lambda h: "/admin/pages/search/?q=Museo",
    "images": lambda h: "/admin/images/",
    "image chooser": lambda h: "/admin/images/chooser/",
    "image search": lambda h: "/admin/images/?q=image",
    "documents": lambda h: "/admin/documents/",
    "document chooser": lambda h: "/admin/documents/chooser/",
    "dashboard": lambda h: "/admin/",
    "explorer API": lambda h: (
        f"/admin/api/main/pages/?for_explorer=1&child_of={h.tree.partner_index.pk}"
    ),
}


@pytest.mark.parametrize("listing", LISTINGS)
def test_listings_show_a_partner_editor_nothing_of_another_partner(editor, isolation, listing):
    response = editor.get(LISTINGS[listing](isolation), follow=True)
    assert response.status_code == 200
    html = response.content.decode()
    museo = isolation.museo
    for secret in ("Museo Civico", "Bozza segreta del museo", "Dipinti del museo"):
        assert secret not in html, secret
    for url in (f"/admin/pages/{museo.page.pk}/", f"/admin/images/{museo.image.pk}/"):
        assert url not in html


@pytest.mark.parametrize(
    ("listing", "own"),
    [
        ("explorer of the partner directory", "Archivio Nazionale"),
        ("page chooser in the partner directory", "Archivio Nazionale"),
        ("page chooser search", "Bozza dell&#x27;archivio"),
        ("admin page search", "Bozza dell&#x27;archivio"),
        ("images", "Archivio Nazionale image"),
        ("image chooser", "Archivio Nazionale image"),
        ("documents", "archivio-document"),
        ("document chooser", "archivio-document"),
    ],
)
def test_listings_show_a_partner_editor_their_own_partner(editor, isolation, listing, own):
    assert own in editor.get(LISTINGS[listing](isolation), follow=True).content.decode()


def test_the_hubs_own_media_is_not_offered_to_partners(editor, isolation):
    hub_image = HeritageImageFactory(title="Immagine della redazione")  # root collection
    assert "Immagine della redazione" not in editor.get("/admin/images/").content.decode()
    assert denied(editor.get(f"/admin/images/{hub_image.pk}/"))


def test_the_admin_api_gives_nothing_of_another_partner(editor, isolation):
    museo = isolation.museo
    for page in (museo.page, museo.draft_page):
        response = editor.get(f"/admin/api/main/pages/{page.pk}/", follow=True)
        assert response.status_code == 404
    response = editor.get(f"/admin/api/main/pages/?child_of={museo.page.pk}")
    assert museo.draft_page.title not in response.content.decode()


def test_reports_are_not_for_partner_editors(editor, isolation):
    for url in (
        "/admin/reports/workflow/",
        "/admin/reports/workflow_tasks/",
        "/admin/reports/site-history/",
        "/admin/reports/aging-pages/",
        "/admin/localize/reports/translations/",
    ):
        assert denied(editor.get(url)), url
    menu = editor.get("/admin/").content.decode()
    assert "/admin/reports/workflow/" not in menu
    assert "/admin/reports/site-history/" not in menu


def test_the_one_report_of_partner_editors_is_their_europeana_readiness(editor, isolation):
    menu = editor.get("/admin/").content.decode()
    assert "/admin/reports/europeana-readiness/" in menu


# --- changing another partner's content ----------------------------------------------------


def test_a_partner_editor_cannot_change_another_partners_page(editor, isolation):
    museo = isolation.museo
    response = editor.post(PAGE_EDIT.format(museo.page.pk), {"title": "Preso!", "slug": "preso"})
    assert denied(response)
    assert refresh(museo.page).get_latest_revision_as_object().title != "Preso!"
    assert denied(
        editor.post(
            f"/admin/pages/add/heritage_collections/collectionpage/{museo.page.pk}/",
            {"title": "Intrusa", "slug": "intrusa"},
        )
    )
    assert not Page.objects.filter(slug="intrusa").exists()
    assert denied(editor.post(f"/admin/pages/{museo.page.pk}/lock/"))
    assert not refresh(museo.page).locked


def test_a_partner_editor_cannot_act_on_another_partners_workflow_task(editor, isolation):
    museo = isolation.museo
    assert denied(approve(editor, museo.draft_page))
    response = editor.post(
        f"/admin/pages/workflow/action/{museo.draft_page.pk}/reject/"
        f"{museo.draft_page.current_workflow_state.current_task_state.pk}/",
        {"comment": "No"},
    )
    assert denied(response)
    assert refresh(museo.draft_page).workflow_in_progress


def test_a_partner_editor_cannot_use_another_partners_media(editor, isolation):
    museo = isolation.museo
    assert denied(editor.post(f"/admin/images/{museo.image.pk}/", {"title": "Presa"}))
    assert HeritageImage.objects.get(pk=museo.image.pk).title == "Museo Civico image"
    assert denied(editor.post(f"/admin/images/{museo.image.pk}/delete/"))
    assert denied(editor.post(f"/admin/documents/edit/{museo.document.pk}/", {"title": "Preso"}))
    # Uploading into another partner's collection: the collection is not on offer.
    form = editor.get("/admin/images/add/").content.decode()
    assert f'value="{museo.space.collection.pk}"' not in form
    assert museo.space.collection.name not in form
    # With one collection on offer, the form does not even ask: uploads go to the partner's.


# --- what partner editors may not do with their own pages -----------------------------------


def test_a_partner_editor_cannot_publish_their_own_page(editor, isolation):
    archivio = isolation.archivio
    try_to_publish(editor, archivio.page, title="Pubblicato senza revisione")
    assert refresh(archivio.page).title == "Archivio Nazionale"
    response = editor.post(
        f"/admin/api/main/pages/{archivio.page.pk}/action/publish/",
        "{}",
        content_type="application/json",
    )
    assert response.status_code == 403
    assert refresh(archivio.page).title == "Archivio Nazionale"


def test_a_partner_editor_cannot_unpublish_their_own_page(editor, isolation):
    collection = isolation.archivio.collection_page
    assert denied(editor.post(f"/admin/pages/{collection.pk}/unpublish/"))
    assert refresh(collection).live


def test_a_partner_editor_cannot_approve_their_own_submission(editor, isolation):
    page = isolation.archivio.draft_page
    assert page.workflow_in_progress
    assert denied(approve(editor, page))
    assert not refresh(page).live


def test_a_partner_editor_cannot_delete_a_published_page(editor, isolation):
    collection = isolation.archivio.collection_page
    for page in (isolation.archivio.page, collection, isolation.archivio.collection_page):
        assert denied(editor.get(f"/admin/pages/{page.pk}/delete/"))
        assert denied(editor.post(f"/admin/pages/{page.pk}/delete/"))
        assert Page.objects.filter(pk=page.pk).exists()
    response = editor.post(
        f"/admin/api/main/pages/{collection.pk}/action/delete/", "{}", "application/json"
    )
    assert response.status_code == 403
    assert Page.objects.filter(pk=collection.pk).exists()


def test_a_partner_editor_may_delete_their_own_draft(editor, isolation):
    """A page never published, in their own space: theirs to throw away (the control)."""
    page = isolation.archivio.draft_page
    page.current_workflow_state.cancel(user=isolation.archivio.editor)
    assert editor.get(f"/admin/pages/{page.pk}/delete/").status_code == 200
    assert editor.post(f"/admin/pages/{page.pk}/delete/").status_code == 302
    assert not Page.objects.filter(pk=page.pk).exists()


def test_a_partner_editor_cannot_move_pages_out_of_their_space(editor, isolation):
    archivio, museo = isolation.archivio, isolation.museo
    draft = archivio.draft_page
    draft.current_workflow_state.cancel(user=archivio.editor)
    for destination in (museo.page, isolation.tree.partner_index, isolation.tree.home):
        url = f"/admin/pages/{draft.pk}/move/{destination.pk}/confirm/"
        assert denied(editor.get(url)), destination
        assert denied(editor.post(url)), destination
        response = editor.post(
            f"/admin/api/main/pages/{draft.pk}/action/move/",
            json.dumps({"destination_page_id": destination.pk}),
            content_type="application/json",
        )
        assert response.status_code == 403
        assert refresh(draft).get_parent().pk == archivio.page.pk
    # A published page cannot be moved at all, not even within the space.
    collection = archivio.collection_page
    assert denied(editor.get(f"/admin/pages/{collection.pk}/move/"))
    moved = editor.post(
        f"/admin/api/main/pages/{collection.pk}/action/move/",
        json.dumps({"destination_page_id": archivio.page.pk, "position": "first-child"}),
        content_type="application/json",
    )
    assert moved.status_code == 403


def test_a_partner_editor_may_save_drafts_and_submit_in_their_space(editor, isolation):
    """The control of the denials above: the partner's own work goes through."""
    page = isolation.archivio.page
    assert save_draft(editor, page, summary="Bozza.").status_code == 302
    assert submit_for_review(editor, page, summary="Pronta.").status_code == 302
    assert refresh(page).workflow_in_progress


def test_leads_see_only_their_own_partner(client, isolation):
    result = onboard_partner("Museo Civico", "museo-civico", "museum", lead_approval=True)
    from tests.factories import UserFactory

    lead = login(client, UserFactory(groups=[result.space.leads]))
    assert lead.get(PAGE_EDIT.format(isolation.museo.page.pk)).status_code == 200
    assert denied(lead.get(PAGE_EDIT.format(isolation.archivio.page.pk)))
    assert "Archivio Nazionale" not in lead.get("/admin/pages/search/?q=Archivio").content.decode()


# --- the hub's roles see and do what partners may not ---------------------------------------


def test_moderators_see_every_partner(client, isolation):
    moderator = login(client, isolation.moderator)
    for partner in (isolation.archivio, isolation.museo):
        assert moderator.get(PAGE_EDIT.format(partner.page.pk)).status_code == 200
        assert moderator.get(f"/admin/pages/{partner.page.pk}/history/").status_code == 200
        assert moderator.get(f"/admin/images/{partner.image.pk}/").status_code == 200
    assert "Museo Civico" in moderator.get("/admin/choose-page/search/?q=Museo").content.decode()
    assert moderator.get("/admin/reports/workflow/").status_code == 200


def test_translators_may_edit_but_not_publish(client, isolation):
    translator = login(client, isolation.translator)
    page = isolation.museo.page
    assert translator.get(PAGE_EDIT.format(page.pk)).status_code == 200
    html = translator.get(PAGE_EDIT.format(page.pk)).content.decode()
    assert 'name="action-publish"' not in html
    try_to_publish(translator, page, summary="Tradotto e pubblicato?")
    assert refresh(page).summary != "Tradotto e pubblicato?"


def test_hub_editors_publish_directly(client, isolation):
    hub_editor = login(client, isolation.hub_editor)
    page = isolation.museo.page
    assert 'name="action-publish"' in hub_editor.get(PAGE_EDIT.format(page.pk)).content.decode()
    try_to_publish(hub_editor, page, summary="Pubblicato dalla redazione.")
    assert refresh(page).summary == "Pubblicato dalla redazione."


# --- anonymous visitors ---------------------------------------------------------------------


@pytest.mark.parametrize("language", LANGUAGES)
def test_drafts_are_not_public_in_any_language(isolation, language):
    visitor = Client()
    assert visitor.get(f"/{language}/partners/museo-civico/bozza-museo/").status_code == 404
    assert visitor.get(f"/{language}/partners/archivio/bozza-archivio/").status_code == 404
    response = visitor.get(f"/{language}/partners/museo-civico/")
    assert response.status_code == 200
    assert "bozza riservata" not in response.content.decode()  # the draft change of a live page


@pytest.mark.parametrize("language", LANGUAGES)
def test_a_partner_not_yet_approved_is_not_public_in_any_language(isolation, language):
    onboard_partner("Istituto Nuovo", "istituto-nuovo", "library")
    visitor = Client()
    assert visitor.get(f"/{language}/partners/istituto-nuovo/").status_code == 404
    assert "Istituto Nuovo" not in visitor.get(f"/{language}/partners/").content.decode()


def test_anonymous_visitors_are_sent_to_the_login_for_previews_and_drafts(isolation):
    visitor = Client()
    museo = isolation.museo
    for url in (
        f"/admin/pages/{museo.page.pk}/edit/preview/",
        f"/admin/pages/{museo.draft_page.pk}/view_draft/",
        f"/admin/pages/{museo.page.pk}/revisions/{revisions(museo.page)[-1]}/view/",
        f"/admin/pages/workflow/preview/{museo.draft_page.pk}/"
        f"{museo.draft_page.current_workflow_task.pk}/",
        f"/admin/images/{museo.image.pk}/",
    ):
        response = visitor.get(url)
        assert response.status_code == 302, url
        assert response["Location"].startswith("/admin/login/?next="), url


def test_a_partner_editors_uploads_go_to_their_own_collection(editor, isolation):
    from django.core.files.uploadedfile import SimpleUploadedFile
    from wagtail.images.tests.utils import get_test_image_file

    upload = get_test_image_file()
    response = editor.post(
        "/admin/images/add/",
        {
            "title": "Nuova foto",
            "file": SimpleUploadedFile("nuova.png", upload.file.getvalue(), "image/png"),
            "alt_text": "Una foto nuova",
            "credit": "Archivio",
        },
    )
    assert response.status_code == 302, response.content[:500]
    image = HeritageImage.objects.get(title="Nuova foto")
    assert image.collection == isolation.archivio.space.collection
