"""A call's state and its "closes in N days" badge come from the clock (calls.schedule).

Days are calendar days in the call's own time zone: the badge must not be fooled by a
visitor elsewhere in the world, nor by the 23- and 25-hour days of daylight saving.
"""

import datetime
import zoneinfo

import pytest
import time_machine
from django.utils import translation

from calls import schedule
from tests.conftest import LANGUAGES

ROME = zoneinfo.ZoneInfo("Europe/Rome")
NEW_YORK = zoneinfo.ZoneInfo("America/New_York")
TOKYO = zoneinfo.ZoneInfo("Asia/Tokyo")


def at(zone, *args):
    return datetime.datetime(*args, tzinfo=zone)


OPENS = at(ROME, 2027, 3, 1, 9, 0)
DEADLINE = at(ROME, 2027, 3, 31, 13, 0)


@pytest.mark.parametrize(
    ("now", "expected"),
    [
        (at(ROME, 2027, 3, 1, 8, 59, 59), schedule.UPCOMING),
        (at(ROME, 2027, 3, 1, 9, 0), schedule.OPEN),
        (at(ROME, 2027, 3, 31, 12, 59, 59), schedule.OPEN),
        (at(ROME, 2027, 3, 31, 13, 0), schedule.CLOSED),
        (at(NEW_YORK, 2027, 3, 31, 7, 0), schedule.CLOSED),  # 13:00 in Rome (CEST, EDT)
    ],
)
def test_a_call_is_upcoming_then_open_then_closed_by_the_clock(now, expected):
    with time_machine.travel(now, tick=False):
        assert schedule.state(OPENS, DEADLINE) == expected


@pytest.mark.parametrize(
    ("now", "deadline", "days"),
    [
        # The night DST starts in Rome (28 March 2027) is 23 hours long: 47 hours still
        # make "in 2 days" from the evening of the 27th to a deadline on the 29th.
        (at(ROME, 2027, 3, 27, 23, 0), at(ROME, 2027, 3, 29, 23, 0), 2),
        (at(ROME, 2027, 3, 27, 22, 0), at(ROME, 2027, 3, 28, 23, 30), 1),
        # 24 hours before a deadline just after midnight: the deadline's day is tomorrow
        # even though DST ends that night (31 October 2027, a 25-hour day).
        (at(ROME, 2027, 10, 30, 0, 30), at(ROME, 2027, 10, 31, 0, 30), 1),
        (at(ROME, 2027, 10, 30, 23, 50), at(ROME, 2027, 10, 31, 23, 0), 1),
        (at(ROME, 2027, 10, 31, 0, 10), at(ROME, 2027, 10, 31, 23, 0), 0),
    ],
)
def test_days_left_are_calendar_days_across_daylight_saving(now, deadline, days):
    assert schedule.days_left(deadline, "Europe/Rome", now) == days


def test_days_are_counted_in_the_calls_time_zone_not_the_visitors():
    # 23:30 on 10 May in New York is already 11 May in Rome: a deadline on 12 May at noon
    # in Rome closes tomorrow, for a visitor in New York too.
    now = at(NEW_YORK, 2027, 5, 10, 23, 30)
    deadline = at(ROME, 2027, 5, 12, 12, 0)
    assert schedule.days_left(deadline, "Europe/Rome", now) == 1
    # The same moments for a call run from Tokyo: there it is already the 11th at 12:30,
    # and the deadline falls on the 12th at 19:00.
    assert schedule.days_left(deadline, "Asia/Tokyo", now) == 1
    # And for a call run from New York, the deadline is on the 12th at 06:00: two days.
    assert schedule.days_left(deadline, "America/New_York", now) == 2


EXPECTED_BADGES = {
    "it": ("Chiude oggi", "Chiude domani", "Chiude tra 5 giorni"),
    "en": ("Closes today", "Closes tomorrow", "Closes in 5 days"),
    "fr": ("Clôture aujourd’hui", "Clôture demain", "Clôture dans 5 jours"),
    "de": ("Endet heute", "Endet morgen", "Endet in 5 Tagen"),
    "es": ("Cierra hoy", "Cierra mañana", "Cierra en 5 días"),
}


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_badge_in_five_languages(language):
    now = at(ROME, 2027, 3, 27, 20, 0)
    deadlines = [at(ROME, 2027, 3, 27, 23, 59), at(ROME, 2027, 3, 28, 9, 0)]
    deadlines.append(at(ROME, 2027, 4, 1, 9, 0))
    with translation.override(language):
        texts = tuple(schedule.closing_badge(d, "Europe/Rome", now).text for d in deadlines)
    assert texts == EXPECTED_BADGES[language]


def test_the_badge_is_urgent_in_the_last_days_only():
    now = at(ROME, 2027, 3, 1, 12, 0)
    assert schedule.closing_badge(at(ROME, 2027, 3, 3, 12, 0), "Europe/Rome", now).urgent
    assert not schedule.closing_badge(at(ROME, 2027, 3, 4, 12, 0), "Europe/Rome", now).urgent


def test_seconds_until_the_next_hour():
    now = at(ROME, 2027, 3, 1, 12, 59, 30)
    assert schedule.seconds_until_next_hour(now) == 30
