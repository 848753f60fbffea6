"""The partner contribution review, through the admin as partners and moderators use it.

A partner editor edits and submits; the hub moderator approves (the page goes live, or at
its scheduled time) or requests changes with a comment; the partner edits and resubmits.
Partners with leads have the leads' approval first. Moderators see their queue on the
dashboard; partner editors see their space and where each of their pages stands.
"""

import datetime

import pytest
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from wagtail.models import WorkflowState

from partners.onboarding import MODERATOR_TASK, onboard_partner
from tests.factories import CollectionPageFactory, UserFactory
from tests.partners.admin_client import (
    PAGE_EDIT,
    approve,
    edit_form_data,
    login,
    request_changes,
    submit_for_review,
    try_to_publish,
)
from tests.partners.conftest import refresh

pytestmark = pytest.mark.django_db


def workflow_state(page):
    return WorkflowState.objects.filter(
        base_content_type__model="page", object_id=str(page.pk)
    ).latest("created_at")


def test_a_partner_editor_is_offered_submit_for_review_and_not_publish(client, hub):
    login(client, hub.archivio.editor)
    html = client.get(PAGE_EDIT.format(hub.archivio.page.pk)).content.decode()
    assert 'name="action-submit"' in html
    assert "Partner contribution review" in html
    assert 'name="action-publish"' not in html


def test_the_publish_action_of_a_partner_editor_does_not_publish(client, hub):
    page = hub.archivio.page
    login(client, hub.archivio.editor)

    response = try_to_publish(client, page, title="Archivio Nazionale — nuovo titolo")

    assert response.status_code == 302
    page = refresh(page)
    assert page.title == "Archivio Nazionale"  # the live page is unchanged
    assert page.get_latest_revision().as_object().title == "Archivio Nazionale — nuovo titolo"
    assert page.has_unpublished_changes
    assert not page.workflow_in_progress  # saved as a draft: submitting is a separate step


def test_a_submission_waits_for_the_moderators(client, hub):
    page = hub.archivio.page
    login(client, hub.archivio.editor)

    response = submit_for_review(client, page, title="Archivio Nazionale di Torino")

    assert response.status_code == 302
    page = refresh(page)
    assert page.title == "Archivio Nazionale"
    assert page.workflow_in_progress
    state = page.current_workflow_state
    assert state.requested_by == hub.archivio.editor
    assert state.current_task_state.task.name == MODERATOR_TASK


def test_the_moderator_approves_and_the_page_goes_live(client, hub):
    page = hub.archivio.page
    login(client, hub.archivio.editor)
    submit_for_review(client, page, title="Archivio Nazionale di Torino")

    login(client, hub.moderator)
    response = approve(client, page)

    assert response.status_code == 302
    page = refresh(page)
    assert page.live
    assert page.title == "Archivio Nazionale di Torino"
    assert not page.has_unpublished_changes
    assert workflow_state(page).status == WorkflowState.STATUS_APPROVED
    assert client.get("/it/partners/archivio/").status_code == 200


def test_a_new_partner_page_goes_live_only_when_approved(client, hub):
    page = hub.museo.draft_page
    login(client, hub.museo.editor)
    assert client.get(f"/it/partners/museo-civico/{page.slug}/").status_code == 404

    submit_for_review(client, page)
    assert not refresh(page).live
    assert client.get(f"/it/partners/museo-civico/{page.slug}/").status_code == 404

    login(client, hub.moderator)
    approve(client, page)
    assert refresh(page).live
    assert client.get(f"/it/partners/museo-civico/{page.slug}/").status_code == 200


def test_changes_requested_with_a_comment_then_resubmitted_and_approved(client, hub):
    page = hub.archivio.page
    editor = hub.archivio.editor
    login(client, editor)
    submit_for_review(client, page, summary="Un archivio.")

    login(client, hub.moderator)
    response = request_changes(client, page, "Aggiungete la città e il sito web, per favore.")
    assert response.status_code == 302
    state = workflow_state(page)
    assert state.status == WorkflowState.STATUS_NEEDS_CHANGES
    assert state.current_task_state.get_comment() == (
        "Aggiungete la città e il sito web, per favore."
    )
    assert refresh(page).summary != "Un archivio."  # nothing went live

    # The partner sees the request and the comment on the dashboard, edits and resubmits.
    login(client, editor)
    dashboard = client.get("/admin/").content.decode()
    assert "Changes requested" in dashboard
    assert "Aggiungete la città e il sito web, per favore." in dashboard
    response = submit_for_review(
        client, page, summary="Un archivio.", website="https://archivio.example.org/"
    )
    assert response.status_code == 302
    resumed = workflow_state(page)
    assert resumed.pk == state.pk
    assert resumed.status == WorkflowState.STATUS_IN_PROGRESS

    login(client, hub.moderator)
    approve(client, page)
    page = refresh(page)
    assert page.live
    assert page.website == "https://archivio.example.org/"
    assert workflow_state(page).status == WorkflowState.STATUS_APPROVED


def test_approval_of_a_scheduled_page_publishes_it_at_its_time(client, hub):
    page = hub.archivio.page
    go_live_at = timezone.localtime() + datetime.timedelta(days=2)
    login(client, hub.archivio.editor)
    submit_for_review(
        client,
        page,
        title="Archivio Nazionale (nuovo)",
        go_live_at=go_live_at.strftime("%Y-%m-%d %H:%M"),
    )

    login(client, hub.moderator)
    approve(client, page)

    page = refresh(page)
    assert page.title == "Archivio Nazionale"  # still the old live version
    revision = page.get_latest_revision()
    assert revision.approved_go_live_at is not None
    assert abs(revision.approved_go_live_at - go_live_at) < datetime.timedelta(minutes=1)

    # Two days later (moved back in time rather than forward: no clock mocking here).
    past = timezone.now() - datetime.timedelta(minutes=1)
    revision.approved_go_live_at = past
    revision.content["go_live_at"] = past.isoformat()
    revision.save()
    call_command("publish_scheduled", verbosity=0)
    assert refresh(page).title == "Archivio Nazionale (nuovo)"


def test_a_partner_editor_cannot_approve_their_own_submission(client, hub):
    page = hub.archivio.page
    login(client, hub.archivio.editor)
    submit_for_review(client, page, title="Approvato da me")

    response = approve(client, page)

    assert response.status_code == 302
    assert response["Location"] == "/admin/"
    page = refresh(page)
    assert page.title == "Archivio Nazionale"
    assert page.workflow_in_progress


def test_the_partners_leads_approve_before_the_moderators(client, hub):
    result = onboard_partner("Archivio Nazionale", "archivio", "archive", lead_approval=True)
    lead = UserFactory(username="archivio-lead", groups=[result.space.leads])
    page = hub.archivio.page
    login(client, hub.archivio.editor)
    submit_for_review(client, page, title="Archivio Nazionale (rivisto)")
    assert refresh(page).current_workflow_task.name == "Archivio Nazionale lead approval"

    # The moderators' turn has not come yet.
    login(client, hub.moderator)
    assert "Archivio Nazionale (rivisto)" not in client.get("/admin/").content.decode()
    assert approve(client, page)["Location"] == "/admin/"

    login(client, lead)
    assert "Archivio Nazionale (rivisto)" in client.get("/admin/").content.decode()
    approve(client, page)
    page = refresh(page)
    assert page.title != "Archivio Nazionale (rivisto)"
    assert page.current_workflow_task.name == MODERATOR_TASK

    login(client, hub.moderator)
    approve(client, page)
    assert refresh(page).title == "Archivio Nazionale (rivisto)"


# --- dashboards ----------------------------------------------------------------------------


def test_moderators_see_their_queue_on_the_dashboard(client, hub):
    login(client, hub.museo.editor)
    submit_for_review(client, hub.museo.draft_page)

    login(client, hub.moderator)
    html = client.get("/admin/").content.decode()
    assert 'id="awaiting-review-section"' in html
    assert "Bozza segreta del museo" in html
    assert f"/admin/pages/workflow/action/{hub.museo.draft_page.pk}/approve/" in html


def test_partner_editors_have_no_review_queue_and_see_their_space(client, hub):
    login(client, hub.museo.editor)
    submit_for_review(client, hub.museo.draft_page)

    login(client, hub.archivio.editor)
    html = client.get("/admin/").content.decode()
    assert "awaiting-review" not in html
    assert 'id="partner-space-section"' in html
    assert "Archivio Nazionale" in html
    assert "Bozza segreta del museo" not in html
    assert "Museo Civico" not in html


def test_the_partner_space_panel_shows_each_page_and_its_review_state(client, hub):
    login(client, hub.museo.editor)
    submit_for_review(client, hub.museo.draft_page)
    html = client.get("/admin/").content.decode()

    assert f'href="/admin/pages/{hub.museo.page.pk}/"' in html  # the partner's space
    assert f'href="/admin/pages/{hub.museo.page.pk}/edit/"' in html
    for page in (hub.museo.page, hub.museo.collection_page, hub.museo.draft_page):
        assert f'href="/admin/pages/{page.pk}/edit/"' in html
    assert f"{MODERATOR_TASK}" in html


def test_the_partner_space_panel_costs_the_same_queries_for_many_pages(client, hub):
    login(client, hub.museo.editor)
    submit_for_review(client, hub.museo.draft_page)

    def dashboard_queries():
        with CaptureQueriesContext(connection) as queries:
            assert client.get("/admin/").status_code == 200
        return len(queries)

    dashboard_queries()  # warm caches (content types, site root paths)
    few = dashboard_queries()
    for number in range(25):
        page = CollectionPageFactory(parent=hub.museo.page, title=f"Raccolta {number}")
        page.save_revision()
    many = dashboard_queries()
    assert many == few


def test_a_user_in_no_partner_space_gets_no_partner_panel(client, hub):
    login(client, hub.moderator)
    assert "partner-space" not in client.get("/admin/").content.decode()


def test_editing_form_round_trip_keeps_the_page(client, hub):
    """The test helper sends back the editor form unchanged: nothing but a new revision."""
    login(client, hub.archivio.editor)
    data = edit_form_data(client, hub.archivio.page)
    assert data["title"] == "Archivio Nazionale"
    assert data["slug"] == "archivio"
