"""heritagehub.calendar: the iCalendar helpers events and calls share."""

from datetime import UTC, date, datetime
from zoneinfo import ZoneInfo

import pytest
from django.utils import translation
from icalendar import Calendar

from heritagehub.calendar import (
    RecurrenceError,
    calendar_event,
    calendar_response,
    new_calendar,
    parse_rrule,
)

ROME = ZoneInfo("Europe/Rome")


@pytest.fixture(autouse=True)
def _english():
    """The editor's messages in their English source."""
    with translation.override("en"):
        yield


START = datetime(2027, 3, 20, 19, 0, tzinfo=ROME)


def test_a_rule_without_count_or_until_is_refused_with_an_example():
    with pytest.raises(RecurrenceError, match="never ends.*COUNT.*UNTIL"):
        parse_rrule("FREQ=WEEKLY;BYDAY=SA", START)


def test_an_unreadable_rule_is_refused_and_the_message_shows_the_form():
    with pytest.raises(RecurrenceError, match="cannot be read.*FREQ=WEEKLY;BYDAY=SA;COUNT=8"):
        parse_rrule("FREQ=SOMETIMES;COUNT=3", START)


def test_dtstart_in_the_rule_is_refused():
    with pytest.raises(RecurrenceError, match="DTSTART"):
        parse_rrule("DTSTART=20270101;FREQ=DAILY;COUNT=2", START)


def test_a_date_until_includes_its_last_day_with_a_zoned_start():
    rule = parse_rrule("RRULE:FREQ=WEEKLY;UNTIL=20270403", START)
    assert [start.date() for start in rule] == [
        date(2027, 3, 20),
        date(2027, 3, 27),
        date(2027, 4, 3),
    ]


def test_weekly_occurrences_keep_their_local_time_across_daylight_saving():
    # Italy moves to summer time on Sunday 28 March 2027.
    rule = parse_rrule("FREQ=WEEKLY;COUNT=2", START.replace(day=21))
    first, second = list(rule)
    assert (first.hour, second.hour) == (19, 19)
    assert (first.astimezone(UTC).hour, second.astimezone(UTC).hour) == (18, 17)


def test_a_calendar_parses_back_with_its_time_zone_and_recurrence():
    calendar = new_calendar("Programma", "Eventi del polo", "https://hub.example/", "it")
    calendar.add_component(
        calendar_event(
            uid="event-1@hub.example",
            summary="Laboratorio",
            start=START,
            end=START.replace(hour=21),
            stamp=datetime(2027, 3, 1, tzinfo=UTC),
            rrule="FREQ=WEEKLY;UNTIL=20270501",
            exdates=[START.replace(day=27)],
            geo=(45.07, 7.68),
        )
    )
    response = calendar_response(calendar, filename="programma.ics")
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    parsed = Calendar.from_ical(response.content)
    (timezone,) = parsed.walk("VTIMEZONE")
    assert timezone["TZID"] == "Europe/Rome"
    (event,) = parsed.walk("VEVENT")
    assert event.decoded("DTSTART") == START
    assert event["RRULE"]["UNTIL"][0] == datetime(2027, 5, 1, 23, 59, 59, tzinfo=UTC)
    assert event["EXDATE"].dts[0].dt == START.replace(day=27)


def test_an_all_day_event_ends_the_day_after_its_last_day():
    event = calendar_event(
        uid="e@h", summary="Mostra", start=date(2027, 3, 1), end=date(2027, 3, 31), stamp=START
    )
    assert event.decoded("DTEND") == date(2027, 4, 1)
