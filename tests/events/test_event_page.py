"""The event page's layout: the practical information beside the body, or alone without one."""

import json

import pytest

from heritagehub.i18n import url_in_language
from tests.events.factories import EventPageFactory

pytestmark = pytest.mark.django_db


def layout_of(client, event):
    html = client.get(url_in_language(event)).content.decode()
    start = html.index('class="container partner-layout')
    return html[start : html.index("</aside>", start)]


def test_an_event_without_body_shows_its_practical_information_alone(client, whats_on):
    layout = layout_of(client, EventPageFactory(parent=whats_on, slug="senza-testo"))
    assert "event-layout--facts-only" in layout
    assert "partner-main" not in layout


def test_an_event_with_body_shows_it_beside_the_practical_information(client, whats_on):
    body = json.dumps([{"type": "paragraph", "value": "<p>Il programma della serata.</p>"}])
    layout = layout_of(client, EventPageFactory(parent=whats_on, slug="con-testo", body=body))
    assert "event-layout--facts-only" not in layout
    assert "Il programma della serata." in layout
