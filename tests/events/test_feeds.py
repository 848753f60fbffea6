"""The programme as open data: iCalendar read back by the icalendar library, Atom, schema.org
JSON-LD read by a JSON-LD processor, the sitemap with hreflang, the JSON API."""

import xml.etree.ElementTree as ET
from datetime import date, datetime, time
from zoneinfo import ZoneInfo

import pytest
from icalendar import Calendar

from heritagehub.i18n import url_in_language
from tests.events.factories import EventPageFactory
from tests.heritagehub.test_sitemap import urlset
from tests.json_ld import expand, json_ld, value

pytestmark = pytest.mark.django_db
ROME = ZoneInfo("Europe/Rome")
ATOM = "{http://www.w3.org/2005/Atom}"


def calendar(client, url):
    response = client.get(url)
    assert response.status_code == 200
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    return Calendar.from_ical(response.content)


def summaries(parsed):
    return {str(event["SUMMARY"]) for event in parsed.walk("VEVENT")}


def test_the_hub_calendar_holds_every_upcoming_event_once_with_its_time_zone(
    client, whats_on, programme
):
    parsed = calendar(client, url_in_language(whats_on) + "calendar/")
    assert summaries(parsed) == {
        event.title for event in programme.all() if event is not programme.past
    }
    assert [str(zone["TZID"]) for zone in parsed.walk("VTIMEZONE")] == ["Europe/Rome"]
    (workshop,) = [e for e in parsed.walk("VEVENT") if e["SUMMARY"] == "Laboratorio di oggi"]
    assert workshop.decoded("DTSTART") == datetime(2027, 3, 10, 18, tzinfo=ROME)
    assert workshop["DTSTART"].params["TZID"] == "Europe/Rome"
    assert str(workshop["UID"]).startswith(f"event-{programme.today.translation_key}@")


def test_an_all_day_exhibition_is_written_with_dates(client, whats_on, programme):
    parsed = calendar(client, url_in_language(whats_on) + "calendar/")
    (exhibition,) = [e for e in parsed.walk("VEVENT") if e["SUMMARY"] == "Mostra di primavera"]
    assert exhibition.decoded("DTSTART") == date(2027, 2, 15)
    assert exhibition.decoded("DTEND") == date(2027, 5, 1)  # exclusive, as RFC 5545 says


def test_a_partners_calendar_holds_only_its_events(client, whats_on, programme):
    parsed = calendar(client, url_in_language(whats_on) + "calendar/?partner=archivio")
    assert summaries(parsed) == {"Laboratorio di oggi", "Mostra di primavera", "Visita di aprile"}


def test_a_filtered_calendar_follows_the_listings_filters(client, whats_on, programme):
    parsed = calendar(client, url_in_language(whats_on) + "calendar/?online=1")
    assert summaries(parsed) == {"Proiezione online"}


def test_a_recurring_event_is_one_vevent_with_its_rule_and_exceptions(
    client, tree, whats_on, programme
):
    event = EventPageFactory(
        parent=tree.partner,
        title="Ciclo del sabato",
        slug="ciclo",
        start_date=date(2027, 3, 20),
        start_time=time(19),
        end_time=time(21),
        recurrence="FREQ=WEEKLY;BYDAY=SA;COUNT=4",
        exceptions="2027-03-27",
    )
    parsed = calendar(client, url_in_language(event) + "calendar/")
    (vevent,) = parsed.walk("VEVENT")
    assert vevent["RRULE"]["FREQ"] == ["WEEKLY"]
    assert vevent["RRULE"]["COUNT"] == [4]
    assert vevent["EXDATE"].dts[0].dt == datetime(2027, 3, 27, 19, tzinfo=ROME)


def test_an_event_downloads_as_an_ics_file(client, programme):
    response = client.get(url_in_language(programme.today) + "calendar/")
    assert response["Content-Disposition"] == 'attachment; filename="oggi.ics"'
    (vevent,) = Calendar.from_ical(response.content).walk("VEVENT")
    assert str(vevent["LOCATION"]) == "Sala grande, Torino"
    assert str(vevent["URL"]) == "http://testserver/it/partners/archivio/oggi/"


def test_a_cancelled_event_stays_in_the_calendar_as_cancelled(client, whats_on, programme):
    programme.april.status = "cancelled"
    programme.april.save_revision().publish()
    parsed = calendar(client, url_in_language(whats_on) + "calendar/")
    (april,) = [e for e in parsed.walk("VEVENT") if e["SUMMARY"] == "Visita di aprile"]
    assert april["STATUS"] == "CANCELLED"


def test_the_atom_feed_lists_the_next_date_of_each_event(client, whats_on, programme):
    response = client.get(url_in_language(whats_on) + "feed/?kind=workshop")
    assert response.status_code == 200
    root = ET.fromstring(response.content)
    titles = [entry.findtext(f"{ATOM}title") for entry in root.findall(f"{ATOM}entry")]
    assert titles == ["Laboratorio di oggi (2027-03-10 18:00)"]


def test_an_event_is_a_schema_org_event_at_its_place(client, programme):
    document = json_ld(client.get(url_in_language(programme.saturday)))
    event = expand(document)[0]
    assert document["@type"] == "Event"
    assert value(event, "startDate") == "2027-03-13T21:00:00+01:00"
    assert value(event, "eventAttendanceMode") == "https://schema.org/OfflineEventAttendanceMode"
    assert value(event, "eventStatus") == "https://schema.org/EventScheduled"
    assert document["location"]["name"] == "Teatro"
    assert document["offers"] == {"@type": "Offer", "price": 12.0, "priceCurrency": "EUR"}
    assert document["organizer"]["@type"] == "Organization"


def test_an_online_event_is_at_a_virtual_location_and_free_events_say_so(client, programme):
    document = json_ld(client.get(url_in_language(programme.sunday)))
    expand(document)
    assert document["location"] == {
        "@type": "VirtualLocation",
        "url": "https://stream.example.org/live",
    }
    assert document["eventAttendanceMode"] == "https://schema.org/OnlineEventAttendanceMode"
    assert document["inLanguage"] == ["en"]


def test_a_partners_event_is_organised_by_the_partner(client, programme):
    document = json_ld(client.get(url_in_language(programme.today)))
    assert document["organizer"]["name"] == "Archivio Nazionale"
    assert document["isAccessibleForFree"] is True


def test_whats_on_is_a_list_of_events(client, whats_on, programme):
    document = json_ld(client.get(url_in_language(whats_on)))
    expand(document)
    assert document["@type"] == "ItemList"
    assert document["itemListElement"][0]["item"]["@type"] == "Event"


def test_events_are_in_the_sitemap_with_their_translations(client, programme, translate):
    english = translate(programme.today, "en", title="Today's workshop")
    urls = urlset(client)
    italian_url = "http://testserver" + url_in_language(programme.today, "it")
    assert urls[italian_url]["en"] == "http://testserver" + url_in_language(english, "en")
    assert urls[italian_url]["x-default"] == italian_url


def test_the_api_gives_an_events_dates_place_and_price(client, programme):
    response = client.get(f"/api/v2/pages/{programme.saturday.pk}/")
    data = response.json()
    assert data["kind"] == {"slug": "performance", "name": "Spettacolo", "uri": ""}
    assert (data["start_date"], data["start_time"], data["time_zone"]) == (
        "2027-03-13",
        "21:00:00",
        "Europe/Rome",
    )
    assert data["all_day"] is False
    assert (data["venue_city"], data["price"], data["is_free"]) == ("Milano", "12.00", False)


def test_the_api_lists_events_by_type(client, programme):
    response = client.get("/api/v2/pages/?type=events.EventPage&fields=starts_at,kind")
    assert response.json()["meta"]["total_count"] == 6


def test_the_calendar_written_from_the_cache_shows_a_publish(client, whats_on, programme):
    url = url_in_language(whats_on) + "calendar/"
    calendar(client, url)
    programme.april.title = "Visita guidata di aprile"
    programme.april.save_revision().publish()
    assert "Visita guidata di aprile" in summaries(calendar(client, url))


def test_a_calendar_from_the_cache_keeps_each_events_time_zone(client, whats_on, programme):
    EventPageFactory(
        parent=whats_on,
        title="Concerto a New York",
        slug="new-york",
        start_date=date(2027, 3, 20),
        start_time=time(19),
        end_time=time(21),
        time_zone="America/New_York",
    )
    url = url_in_language(whats_on) + "calendar/"
    first = calendar(client, url)
    again = calendar(client, url)  # its VEVENTs now come from the cache
    for parsed in (first, again):
        zones = [str(zone["TZID"]) for zone in parsed.walk("VTIMEZONE")]
        assert zones == ["America/New_York", "Europe/Rome"]
        (concert,) = [e for e in parsed.walk("VEVENT") if e["SUMMARY"] == "Concerto a New York"]
        assert concert.decoded("DTSTART") == datetime(
            2027, 3, 20, 19, tzinfo=ZoneInfo("America/New_York")
        )
    assert summaries(first) == summaries(again)
