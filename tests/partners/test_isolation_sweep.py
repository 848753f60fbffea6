"""A partner editor sees nothing of another partner anywhere in the admin (issue 13).

A unique marker is planted in the other partner's draft title, image title, document
title, form submission and in the username of one of its editors (who owns and edited its
pages). Signed in as the first partner's editor, the test requests every admin view it can
reach: every URL pattern under ``admin/`` from Django's resolver (so an admin view added
tomorrow is swept without editing this file), its integer arguments set to each of the
other partner's object ids, its text arguments to every bulk action of every model, and
each with the query parameters lists, searches, choosers and bulk actions read (``id``,
``q``, ``childOf``, ``parent_page_id``, ``collection_id`` …) pointing at the other partner.
The marker must appear in no answer (body or redirect), and no view may fail with a 5xx.
"""

import itertools
import logging
import re
from urllib.parse import urlencode

import pytest
from django.core.signals import got_request_exception
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver
from wagtail.admin.views.bulk_action.registry import bulk_action_registry
from wagtail.contrib.forms.models import FormSubmission
from wagtail.models import Page

from tests.factories import FormPageFactory, UserFactory, add_form_fields
from tests.partners.admin_client import login
from tests.partners.conftest import refresh

pytestmark = pytest.mark.django_db

MARKER = "Zqx13Segreto"
TITLE = f"Riservato {MARKER}"  # searches use "Riservato": the marker itself is never sent
URLS_PER_PATTERN = 12
MIN_VIEWS = 150
# Wagtail's view that raises on purpose, to check error reporting.
DELIBERATE_ERRORS = {"admin/failwhale/"}


@pytest.fixture
def planted(hub):
    """The marker everywhere in Museo Civico's space."""
    museo = hub.museo
    insider = UserFactory(username=f"museo-{MARKER.lower()}", groups=[museo.space.editors])
    insider.first_name, insider.last_name = MARKER, MARKER
    insider.save()
    draft = museo.draft_page.get_latest_revision_as_object()
    draft.title = TITLE
    draft.owner = insider
    draft.save_revision(user=insider, log_action=True)
    Page.objects.filter(pk=museo.draft_page.pk).update(owner=insider, draft_title=TITLE)
    museo.image.title = TITLE
    museo.image.save()
    museo.document.title = TITLE
    museo.document.save()
    form = add_form_fields(
        FormPageFactory(parent=museo.page, title=f"Modulo {MARKER}", slug="modulo", live=False)
    )
    form.save_revision(user=insider, log_action=True)
    submission = FormSubmission.objects.create(page=form, form_data={"nome": TITLE})
    museo.draft_page = refresh(museo.draft_page)
    return {
        "pages": [museo.draft_page.pk, museo.page.pk, form.pk, museo.collection_page.pk],
        "revisions": list(museo.draft_page.revisions.values_list("pk", flat=True)),
        "image": museo.image.pk,
        "document": museo.document.pk,
        "collection": museo.space.collection.pk,
        "submission": submission.pk,
        "user": insider.pk,
        "group": museo.space.editors.pk,
    }


def other_ids(planted):
    ids = [
        *planted["pages"],
        *planted["revisions"][-1:],
        planted["image"],
        planted["document"],
        planted["collection"],
        planted["submission"],
        planted["user"],
        planted["group"],
    ]
    return [str(pk) for pk in dict.fromkeys(ids)]


def admin_patterns():
    """(route, segments) of every URL pattern under admin/."""
    found = []

    def walk(patterns, prefix, segments):
        for entry in patterns:
            route = prefix + str(entry.pattern).removeprefix("^")
            if not (route.startswith("admin/") or "admin/".startswith(route)):
                continue
            if isinstance(entry, URLResolver):
                walk(entry.url_patterns, route, [*segments, entry.pattern])
            elif isinstance(entry, URLPattern):
                found.append((route, [*segments, entry.pattern]))

    walk(get_resolver().url_patterns, "", [])
    return found


def bulk_triples():
    bulk_action_registry._scan_for_bulk_actions()
    return [
        (app, model, action)
        for app, models in bulk_action_registry.actions.items()
        for model, actions in models.items()
        for action in actions
    ]


def fill(route, ids):
    """Concrete paths for a route: each int argument set to the other partner's ids, text
    arguments to the bulk actions' app, model and action names."""
    names = re.findall(r"<(?:(\w+):)?(\w+)>", route)
    if not names:
        return [route]
    if {name for _c, name in names} >= {"app_label", "model_name", "action"}:
        return [
            route.replace("<str:app_label>", app)
            .replace("<str:model_name>", model)
            .replace("<str:action>", action)
            for app, model, action in bulk_triples()
        ]
    values = []
    for converter, _name in names:
        if converter == "int":
            values.append(ids)
        elif converter == "uuid":
            values.append(["00000000-0000-0000-0000-000000000000"])
        else:
            values.append(["x", *ids[:2]])
    paths = []
    for combination in itertools.islice(itertools.product(*values), URLS_PER_PATTERN):
        path = route
        for (converter, name), value in zip(names, combination, strict=True):
            token = f"<{converter}:{name}>" if converter else f"<{name}>"
            path = path.replace(token, value, 1)
        paths.append(path)
    return paths


def query_strings(planted, ids):
    """The parameters listings, searches, choosers and bulk actions read."""
    page = planted["pages"][0]
    return [
        "",
        "?" + urlencode([("id", pk) for pk in ids]),
        "?"
        + urlencode(
            {
                "q": "Riservato",
                "p": 1,
                "childOf": page,
                "parent_page_id": page,
                "collection_id": planted["collection"],
                "page_type": "wagtailcore.page",
                "multiple": 1,
            }
        ),
    ]


def test_a_partner_editor_sees_nothing_of_another_partner(hub, planted):
    logging.getLogger("django.request").setLevel(logging.CRITICAL)
    client = login(Client(raise_request_exception=False), hub.archivio.editor)
    errors = []

    def record(sender, **kwargs):
        import sys

        errors.append(repr(sys.exc_info()[1])[:200])

    got_request_exception.connect(record, weak=False, dispatch_uid="sweep")
    ids = other_ids(planted)
    leaks, failures, swept, requests = [], [], set(), 0
    try:
        for route, _segments in admin_patterns():
            if route in DELIBERATE_ERRORS:
                continue
            paths = fill(route, ids)
            for index, path in enumerate(paths):
                queries = query_strings(planted, ids) if index == 0 else [""]
                for query in queries:
                    url = "/" + path.removeprefix("^").removesuffix("$") + query
                    response = client.get(url)
                    requests += 1
                    swept.add(route)
                    body = (
                        b"".join(response.streaming_content)
                        if response.streaming
                        else (response.content)
                    )
                    if (
                        MARKER.lower().encode() in body.lower()
                        or MARKER.lower() in response.get("Location", "").lower()
                    ):
                        leaks.append(url)
                    if response.status_code >= 500:
                        failures.append((url, response.status_code, errors[-1:]))
    finally:
        got_request_exception.disconnect(dispatch_uid="sweep")
    print(f"\n{len(swept)} admin views swept with {requests} requests")
    assert not leaks, f"the other partner's marker shows in: {leaks[:30]}"
    assert not failures, failures[:30]
    assert len(swept) >= MIN_VIEWS


def test_the_marker_is_there_to_be_seen_by_the_hub_staff(client, hub, planted):
    """The control: the marker is planted where the sweep looks for it."""
    login(client, hub.hub_editor)
    urls = [
        f"/admin/pages/{planted['pages'][0]}/edit/",
        "/admin/images/",
        "/admin/documents/",
        f"/admin/forms/submissions/{planted['pages'][2]}/",
        f"/admin/pages/{hub.museo.page.pk}/",
    ]
    for url in urls:
        assert MARKER.lower() in client.get(url).content.decode().lower(), url
