"""Calls as open data: the deadlines calendar (RFC 5545, read back with ``icalendar``), the Atom
feed (read back with feedparser), the sitemap with hreflang, and the JSON API."""

import datetime
import xml.etree.ElementTree as ET
import zoneinfo

import feedparser
import pytest
import time_machine
from django.utils import timezone
from icalendar import Calendar

from calls.models import CallKind
from tests.calls.conftest import term
from tests.factories import CallPageFactory

pytestmark = pytest.mark.django_db

MADRID = zoneinfo.ZoneInfo("Europe/Madrid")
NS = {"sm": "http://www.sitemaps.org/schemas/sitemap/0.9", "xhtml": "http://www.w3.org/1999/xhtml"}


def calendar(client, query="", language="it"):
    response = client.get(f"/{language}/calls/calendar/{query}")
    assert response.status_code == 200
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    return Calendar.from_ical(response.content)


def events(parsed):
    return {str(event["SUMMARY"]): event for event in parsed.walk("VEVENT")}


def test_the_calendar_has_one_deadline_per_open_or_upcoming_call(client, calls):
    now = timezone.now()
    CallPageFactory(
        parent=calls.index,
        title="Scaduto",
        opens_at=now - datetime.timedelta(days=9),
        deadline=now - datetime.timedelta(days=1),
    )
    CallPageFactory(
        parent=calls.index,
        title="In arrivo",
        opens_at=now + datetime.timedelta(days=9),
        deadline=now + datetime.timedelta(days=20),
    )
    parsed = calendar(client)
    assert parsed["VERSION"] == "2.0"
    assert sorted(events(parsed)) == [
        "Scadenza: In arrivo",
        "Scadenza: Residenza d'artista",
        "Scadenza: Tirocinio in redazione",
    ]


def test_a_deadline_keeps_its_time_zone_and_a_stable_uid(client, calls):
    call = calls.partner_call
    call.time_zone = "Europe/Madrid"
    call.deadline = datetime.datetime(2031, 3, 30, 14, 0, tzinfo=MADRID)  # the day after DST
    call.opens_at = datetime.datetime(2031, 3, 1, 9, 0, tzinfo=MADRID)
    call.save()
    with time_machine.travel(datetime.datetime(2031, 3, 10, tzinfo=MADRID), tick=False):
        parsed = calendar(client)
        again = calendar(client, language="en")
    event = events(parsed)["Scadenza: Residenza d'artista"]
    start = event.decoded("DTSTART")
    assert start == datetime.datetime(2031, 3, 30, 14, 0, tzinfo=MADRID)
    assert event["DTSTART"].params["TZID"] == "Europe/Madrid"
    assert [tz["TZID"] for tz in parsed.walk("VTIMEZONE")].count("Europe/Madrid") == 1
    assert event["URL"] == "http://testserver/it/partners/archivio/residenza/"
    uids = {str(e["UID"]) for e in again.walk("VEVENT")}
    assert str(event["UID"]) in uids  # the same deadline in every language's calendar


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("?partner=archivio", ["Scadenza: Residenza d'artista"]),
        ("?kind=job-internship", ["Scadenza: Tirocinio in redazione"]),
        ("?kind=unknown", ["Scadenza: Residenza d'artista", "Scadenza: Tirocinio in redazione"]),
    ],
)
def test_the_calendar_takes_the_listings_filters(client, calls, query, expected):
    assert sorted(events(calendar(client, query))) == expected


def test_the_atom_feed_lists_the_open_calls(client, calls):
    calls.hub_call.kind = term(CallKind, "training")
    calls.hub_call.save()
    response = client.get("/en/calls/feed/")
    assert response.status_code == 200
    parsed = feedparser.parse(response.content)
    assert not parsed.bozo, parsed.bozo_exception
    assert parsed.feed.title.startswith("Open calls")
    entries = {entry.title: entry for entry in parsed.entries}
    assert set(entries) == {"Residenza d'artista", "Tirocinio in redazione"}
    entry = entries["Residenza d'artista"]
    assert entry.link == "http://testserver/en/partners/archivio/residenza/"
    assert "Deadline:" in entry.summary


def test_the_atom_feed_takes_filters_and_leaves_closed_calls_out(client, calls):
    with time_machine.travel(calls.partner_call.deadline, tick=False):
        parsed = feedparser.parse(client.get("/it/calls/feed/?sector=contemporary-art").content)
    assert parsed.entries == []


def test_calls_are_in_the_sitemap_with_their_translations(client, calls, translate):
    translate(calls.hub_call, "en", title="Editorial internship")
    response = client.get("/sitemap.xml")
    root = ET.fromstring(response.content)
    entries = {
        entry.findtext("sm:loc", namespaces=NS): {
            link.get("hreflang"): link.get("href") for link in entry.findall("xhtml:link", NS)
        }
        for entry in root.findall("sm:url", NS)
    }
    it_url = "http://testserver/it/calls/tirocinio/"
    assert entries[it_url]["en"] == "http://testserver/en/calls/tirocinio/"
    assert entries[it_url]["x-default"] == it_url
    assert "http://testserver/it/partners/archivio/residenza/" in entries
    with time_machine.travel(calls.hub_call.deadline + datetime.timedelta(days=1)):
        # Closed calls stay listed: they are archived, not removed.
        assert it_url in client.get("/sitemap.xml").content.decode()


def test_the_api_gives_a_calls_fields(client, calls):
    response = client.get(
        "/api/v2/pages/?type=calls.CallPage&fields=kind,deadline,time_zone,status,sectors,"
        "opens_at,documents&order=title"
    )
    assert response.status_code == 200
    items = response.json()["items"]
    assert [item["title"] for item in items] == ["Residenza d'artista", "Tirocinio in redazione"]
    residency = items[0]
    assert residency["kind"] == {"slug": "residency", "name": "Residenza", "uri": ""}
    assert residency["status"] == "open"
    assert residency["time_zone"] == "Europe/Rome"
    assert residency["sectors"] == [
        {
            "slug": "contemporary-art",
            "name": "Arte contemporanea",
            "uri": "http://www.wikidata.org/entity/Q186030",
        }
    ]
    assert residency["documents"] == []


def test_the_api_lists_calls_in_constant_queries(client, calls, django_assert_max_num_queries):
    for number in range(10):
        CallPageFactory(parent=calls.index, title=f"Bando API {number}")
    url = "/api/v2/pages/?type=calls.CallPage&fields=kind,sectors,documents,status"
    client.get(url)
    with django_assert_max_num_queries(12):
        assert client.get(url).status_code == 200
