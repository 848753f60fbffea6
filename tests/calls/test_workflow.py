"""Calls go through the partner's review like its stories, and stay inside its space.

The ``hub`` fixture (two onboarded partners, their editors, the moderators) is the one of
tests/partners/conftest.py, made available here by tests/calls/conftest.py.
"""

import datetime
import json

import pytest
from django.utils import timezone

from calls.models import CallKind, CallPage
from tests.calls.conftest import term
from tests.partners.admin_client import approve, form_data, login

pytestmark = pytest.mark.django_db


def rich_text(text):
    block = {"key": "k1", "type": "unstyled", "text": text, "depth": 0,
             "inlineStyleRanges": [], "entityRanges": []}  # fmt: skip
    return json.dumps({"blocks": [block], "entityMap": {}})


def add_url(parent):
    return f"/admin/pages/add/calls/callpage/{parent.pk}/"


def call_data(client, parent, **changes):
    response = client.get(add_url(parent))
    assert response.status_code == 200
    data = form_data(response.content.decode())
    deadline = timezone.localtime() + datetime.timedelta(days=20)
    fields = dict(
        title="Residenza in archivio",
        slug="residenza-in-archivio",
        kind=str(term(CallKind, "residency").pk),
        summary="Un mese tra i fondi dell'archivio.",
        opens_at=timezone.localtime().strftime("%Y-%m-%d %H:%M"),
        deadline=deadline.strftime("%Y-%m-%d %H:%M"),
        time_zone="Europe/Rome",
        offer=rich_text("Uno studio."),
        how_to_apply=rich_text("Un portfolio."),
        career_stage="any",
    )
    data.update({**fields, **changes})
    return data


def test_a_partner_editor_submits_a_call_and_it_waits_for_review(client, hub):
    login(client, hub.archivio.editor)
    data = call_data(client, hub.archivio.page, **{"action-submit": "1"})
    response = client.post(add_url(hub.archivio.page), data)
    assert response.status_code == 302, response.content.decode()[:2000]
    call = CallPage.objects.get(slug="residenza-in-archivio")
    assert not call.live
    assert call.workflow_in_progress

    login(client, hub.moderator)
    assert approve(client, call).status_code == 302
    assert CallPage.objects.get(pk=call.pk).live


def test_a_partner_editor_cannot_publish_a_call(client, hub):
    login(client, hub.archivio.editor)
    data = call_data(client, hub.archivio.page, **{"action-publish": "1"})
    client.post(add_url(hub.archivio.page), data)
    assert not CallPage.objects.get(slug="residenza-in-archivio").live


def test_a_partner_editor_cannot_add_a_call_to_another_partner(client, hub):
    login(client, hub.archivio.editor)
    response = client.get(add_url(hub.museo.page))
    assert response.status_code == 302 and response["Location"] == "/admin/"
    response = client.post(add_url(hub.museo.page), {"title": "Intruso"})
    assert response.status_code == 302
    assert not CallPage.objects.filter(title="Intruso").exists()


def test_a_partner_editor_cannot_edit_another_partners_call(client, hub):
    from tests.factories import CallPageFactory

    theirs = CallPageFactory(parent=hub.museo.page, title="Bando del museo", slug="bando-museo")
    login(client, hub.archivio.editor)
    response = client.get(f"/admin/pages/{theirs.pk}/edit/")
    assert response.status_code == 302 and response["Location"] == "/admin/"


def test_the_editor_form_reports_a_past_deadline_in_the_admin(client, hub):
    login(client, hub.archivio.editor)
    past = timezone.localtime() - datetime.timedelta(days=2)
    data = call_data(
        client,
        hub.archivio.page,
        opens_at=(past - datetime.timedelta(days=5)).strftime("%Y-%m-%d %H:%M"),
        deadline=past.strftime("%Y-%m-%d %H:%M"),
    )
    response = client.post(add_url(hub.archivio.page), data)
    assert response.status_code == 200
    assert "This deadline has already passed" in response.content.decode()
    assert not CallPage.objects.filter(slug="residenza-in-archivio").exists()
