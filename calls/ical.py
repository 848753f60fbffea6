"""Call deadlines as iCalendar (RFC 5545), written with the ``icalendar`` library.

One VEVENT per call: its deadline, as a moment in the call's own time zone (``TZID``, with
the VTIMEZONE the file needs), so a calendar shows "14:00" in San Sebastián and the right
hour wherever its reader is. The UID is the call's translation key: the same deadline in
every language of the feed, stable when the call is edited (and ``SEQUENCE`` follows its
revisions, so a moved deadline replaces the old one in a subscribed calendar).
"""

from datetime import timedelta

from django.utils import timezone
from django.utils.translation import gettext
from icalendar import Calendar, Event

PRODUCT_ID = "-//Heritage Hub//Open calls//EN"
# A deadline is a moment; calendars show zero-length events badly, so it lasts a quarter.
DEADLINE_LENGTH = timedelta(minutes=15)


def deadline_calendar(calls, name, absolute_url, host):
    """An iCalendar of the deadlines of ``calls``; ``absolute_url(call)`` links each one."""
    calendar = Calendar()
    calendar.add("prodid", PRODUCT_ID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    calendar.add("x-wr-calname", name)
    stamp = timezone.now()
    for call in calls:
        event = Event()
        event.add("uid", f"call-deadline-{call.translation_key}@{host}")
        event.add("dtstamp", stamp)
        event.add("dtstart", call.local_deadline)
        event.add("dtend", call.local_deadline + DEADLINE_LENGTH)
        event.add("summary", gettext("Deadline: %(call)s") % {"call": call.title})
        event.add("description", call.summary)
        event.add("url", absolute_url(call))
        if call.kind_id:
            event.add("categories", [call.kind.name])
        if call.last_published_at:
            event.add("last-modified", call.last_published_at)
        event.add("transp", "TRANSPARENT")  # a deadline does not make anyone busy
        calendar.add_component(event)
    calendar.add_missing_timezones()
    return calendar.to_ical()
