"""Events in a partner's space go through the partner's review, and stay out of another
partner's reach (as stories do: docs/permissions.md)."""

from datetime import date

import pytest

from events.models import EventOccurrence
from tests.events.factories import EventPageFactory
from tests.partners.admin_client import PAGE_EDIT, edit_form_data, login
from tests.partners.conftest import (  # noqa: F401 - fixtures
    draft,
    hub,
    hub_editor,
    moderator,
    refresh,
    roles,
    translator,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def events(hub):  # noqa: F811 - the fixture imported above
    """A draft event in each partner's space."""
    for partner, slug in ((hub.archivio, "laboratorio-archivio"), (hub.museo, "visita-museo")):
        partner.event = draft(
            EventPageFactory(
                parent=partner.page,
                title=f"Evento {slug}",
                slug=slug,
                live=False,
                start_date=date(2030, 5, 4),
            )
        )
    return hub


def form(client, page, **changes):
    data = edit_form_data(client, page, **changes)
    data["body-count"] = "0"
    return data


def test_a_partner_editor_is_offered_submit_for_review_and_not_publish(client, events):
    editor = login(client, events.archivio.editor)
    html = editor.get(PAGE_EDIT.format(events.archivio.event.pk)).content.decode()
    assert 'name="action-submit"' in html
    assert 'name="action-publish"' not in html


def test_a_partner_editors_publish_does_not_publish_the_event(client, events):
    editor = login(client, events.archivio.editor)
    event = events.archivio.event
    data = form(editor, event)
    data["action-publish"] = "1"
    editor.post(PAGE_EDIT.format(event.pk), data)
    assert not refresh(event).live
    assert not EventOccurrence.objects.filter(translation_key=event.translation_key).exists()


def test_a_submitted_event_waits_for_the_moderators_then_is_listed(client, events):
    editor = login(client, events.archivio.editor)
    event = events.archivio.event
    data = form(editor, event)
    data["action-submit"] = "1"
    editor.post(PAGE_EDIT.format(event.pk), data)
    assert refresh(event).workflow_in_progress

    reviewer = login(client, events.moderator)
    state = refresh(event).current_workflow_state.current_task_state
    reviewer.post(f"/admin/pages/workflow/action/{event.pk}/approve/{state.pk}/", {"comment": ""})
    assert refresh(event).live
    assert EventOccurrence.objects.filter(translation_key=event.translation_key).count() == 1


def test_a_partner_editor_cannot_open_another_partners_event(client, events):
    editor = login(client, events.archivio.editor)
    response = editor.get(PAGE_EDIT.format(events.museo.event.pk))
    assert response.status_code == 302 and response["Location"] == "/admin/"
    response = editor.get(f"/admin/pages/{events.museo.event.pk}/view_draft/")
    assert response.status_code == 302 and response["Location"] == "/admin/"


def test_a_partner_editor_cannot_change_another_partners_event(client, events):
    editor = login(client, events.archivio.editor)
    museo_event = events.museo.event
    data = form(login(client, events.hub_editor), museo_event, title="Preso!")
    editor = login(client, events.archivio.editor)
    data["action-publish"] = "1"
    editor.post(PAGE_EDIT.format(museo_event.pk), data)
    museo_event = refresh(museo_event)
    assert museo_event.get_latest_revision_as_object().title != "Preso!"
    assert not museo_event.live


def test_a_partner_editor_cannot_add_an_event_in_another_partners_space(client, events):
    editor = login(client, events.archivio.editor)
    own = editor.get(f"/admin/pages/add/events/eventpage/{events.archivio.page.pk}/")
    other = editor.get(f"/admin/pages/add/events/eventpage/{events.museo.page.pk}/")
    assert own.status_code == 200
    assert other.status_code == 302 and other["Location"] == "/admin/"
