"""iCalendar (RFC 5545) documents the hub serves: events, and the deadlines of calls.

Written with the ``icalendar`` library, which quotes, folds and escapes what RFC 5545
requires; time zones are written as VTIMEZONE components built from the zoneinfo
database (``add_missing_timezones``), so a calendar client that knows no IANA names still
places a 19:00 Rome event at 19:00 in Rome, across daylight saving.

Recurrences are RRULE strings (``FREQ=WEEKLY;BYDAY=SA;COUNT=8``) checked by
``parse_rrule``: the hub expands them into stored occurrences, so a rule must end (COUNT or
UNTIL) — an endless rule would be an endless table.
"""

import re
from datetime import date, datetime, timedelta
from functools import lru_cache
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError, available_timezones

from dateutil import rrule as dateutil_rrule
from django.conf import settings
from django.http import HttpResponse
from django.utils.translation import gettext as _
from icalendar import Calendar, Event, Timezone, vRecur

PRODUCT_ID = "-//Heritage Hub//Programme//EN"
CONTENT_TYPE = "text/calendar; charset=utf-8"
# Clients refresh subscribed calendars at most this often (RFC 7986 REFRESH-INTERVAL).
REFRESH_INTERVAL = timedelta(hours=6)
_FORBIDDEN_RRULE_PARTS = {"DTSTART", "TZID"}


class RecurrenceError(ValueError):
    """An RRULE the hub cannot store: its message says what is wrong, for the editor."""


def time_zone_names():
    """Every IANA time zone name zoneinfo knows, sorted (choices of a time zone field)."""
    return sorted(name for name in available_timezones() if "/" in name or name == "UTC")


def zone(name):
    """The ZoneInfo of ``name``, the hub's own zone when it is empty or unknown."""
    try:
        return ZoneInfo(name or settings.TIME_ZONE)
    except (ZoneInfoNotFoundError, ValueError):
        return ZoneInfo(settings.TIME_ZONE)


def parse_rrule(text, start):
    """The recurrence of ``text`` (an RRULE value, with or without ``RRULE:``) from
    ``start`` (an aware datetime, or a date for all-day events), as a dateutil rrule.

    Raises RecurrenceError with a message for the editor when the rule cannot be read or
    never ends.
    """
    value = re.sub(r"^\s*RRULE:", "", text or "", flags=re.IGNORECASE).strip().upper()
    if not value:
        raise RecurrenceError(_("Write a recurrence rule, or leave the field empty."))
    parts = {part.split("=", 1)[0] for part in value.split(";") if part}
    if parts & _FORBIDDEN_RRULE_PARTS:
        raise RecurrenceError(
            _("Leave DTSTART out of the rule: the event's start is the first occurrence.")
        )
    if "COUNT" not in parts and "UNTIL" not in parts:
        raise RecurrenceError(
            _(
                "The recurrence never ends: add COUNT (a number of occurrences) or UNTIL "
                "(a last date), e.g. FREQ=WEEKLY;COUNT=10."
            )
        )
    first = start if isinstance(start, datetime) else datetime.combine(start, datetime.min.time())
    value = rrule_text(value, start)
    try:
        return dateutil_rrule.rrulestr(value, dtstart=first, cache=False)
    except (ValueError, TypeError) as error:
        raise RecurrenceError(
            _(
                "The recurrence rule cannot be read (%(error)s): write it as RFC 5545 does, e.g. "
                "FREQ=WEEKLY;BYDAY=SA;COUNT=8."
            )
            % {"error": error}
        ) from error


def rrule_text(text, start):
    """The RRULE value as RFC 5545 wants it with this DTSTART: with a zoned start, a date
    UNTIL (``UNTIL=20271231``, what editors write) becomes the end of that day in UTC."""
    value = re.sub(r"^\s*RRULE:", "", text or "", flags=re.IGNORECASE).strip().upper()
    if isinstance(start, datetime) and start.tzinfo is not None:
        value = re.sub(r"UNTIL=(\d{8})(?=;|$)", r"UNTIL=\1T235959Z", value)
    return value


def recurrence_value(text, start):
    """The RRULE as icalendar's vRecur (for the RRULE property of a VEVENT)."""
    return vRecur.from_ical(rrule_text(text, start))


def new_calendar(name, description="", url="", language=""):
    """An empty VCALENDAR with the hub's product id and its name (RFC 7986 properties and
    the X-WR- ones older clients read)."""
    calendar = Calendar()
    calendar.add("prodid", PRODUCT_ID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    calendar.add("name", name)
    calendar.add("x-wr-calname", name)
    if description:
        calendar.add("description", description)
        calendar.add("x-wr-caldesc", description)
    if url:
        calendar.add("url", url)
    calendar.add("refresh-interval", REFRESH_INTERVAL, parameters={"VALUE": "DURATION"})
    calendar.add("x-published-ttl", "PT6H")  # the same, for Outlook and older clients
    if language:
        calendar["name"].params["LANGUAGE"] = language
    return calendar


def calendar_event(
    *,
    uid,
    summary,
    start,
    end=None,
    stamp,
    description="",
    url="",
    location="",
    geo=None,
    categories=(),
    rrule="",
    exdates=(),
    status="",
    last_modified=None,
    language="",
):
    """A VEVENT. ``start``/``end`` are aware datetimes (written with their TZID) or dates
    (an all-day event; ``end`` is then the last day, written as the exclusive DTEND the RFC
    wants). ``exdates`` are datetimes or dates like ``start``."""
    event = Event()
    event.add("uid", uid)
    event.add("dtstamp", stamp)
    event.add("summary", summary)
    if language:
        event["summary"].params["LANGUAGE"] = language
    event.add("dtstart", start)
    if end is not None:
        if isinstance(start, date) and not isinstance(start, datetime):
            end = end + timedelta(days=1)
        event.add("dtend", end)
    if rrule:
        event.add("rrule", recurrence_value(rrule, start))
    for exdate in exdates:
        event.add("exdate", exdate)
    if description:
        event.add("description", description)
    if url:
        event.add("url", url)
    if location:
        event.add("location", location)
    if geo is not None:
        event.add("geo", geo)
    if categories:
        event.add("categories", list(categories))
    if status:
        event.add("status", status)
    if last_modified is not None:
        event.add("last-modified", last_modified)
    return event


def written(component):
    """``component`` as iCalendar text with the TZIDs it uses, to keep (in the cache) and to
    add to a calendar later with ``calendar_response(…, written=…)``."""
    holder = Calendar()
    holder.add_component(component)
    return component.to_ical(), tuple(sorted(holder.get_used_tzids()))


@lru_cache(maxsize=64)
def _vtimezone(tzid):
    try:
        return Timezone.from_tzid(tzid).to_ical()
    except ValueError:  # a name zoneinfo does not know: clients fall back to UTC
        return b""


def calendar_response(calendar, filename="", download=False, written=()):
    """The calendar as a ``text/calendar`` response, with its VTIMEZONEs added.

    ``written`` are components already written (``written()``: text and TZIDs), put after
    the calendar's own: a feed of a thousand events writes only what is not in the cache.
    """
    calendar.add_missing_timezones()
    text = calendar.to_ical()
    if written:
        end = b"END:VCALENDAR\r\n"
        own = set(calendar.get_used_tzids()) | {tz.tz_name for tz in calendar.timezones}
        tzids = sorted({tzid for _text, used in written for tzid in used} - own)
        text = b"".join(
            [
                text[: -len(end)],
                *(_vtimezone(tzid) for tzid in tzids),
                *(component for component, _used in written),
                end,
            ]
        )
    response = HttpResponse(text, content_type=CONTENT_TYPE)
    if filename:
        disposition = "attachment" if download else "inline"
        response["Content-Disposition"] = f'{disposition}; filename="{filename}"'
    return response
