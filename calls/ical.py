"""Call deadlines as iCalendar (RFC 5545), written with the ``icalendar`` library.

One VEVENT per call: its deadline, as a moment in the call's own time zone (``TZID``, with
the VTIMEZONE the file needs), so a calendar shows "14:00" in San Sebastián and the right
hour wherever its reader is. The UID is the call's translation key: the same deadline in
every language of the feed, stable when the call is edited, so a moved deadline replaces
the old one in a subscribed calendar.
"""

from datetime import timedelta

from django.utils import timezone
from django.utils.translation import gettext

from heritagehub.calendar import calendar_event, new_calendar

# A deadline is a moment; calendars show zero-length events badly, so it lasts a quarter.
DEADLINE_LENGTH = timedelta(minutes=15)


def deadline_calendar(calls, name, absolute_url, host):
    """An iCalendar of the deadlines of ``calls``; ``absolute_url(call)`` links each one."""
    calendar = new_calendar(name)
    stamp = timezone.now()
    for call in calls:
        event = calendar_event(
            uid=f"call-deadline-{call.translation_key}@{host}",
            stamp=stamp,
            start=call.local_deadline,
            end=call.local_deadline + DEADLINE_LENGTH,
            summary=gettext("Deadline: %(call)s") % {"call": call.title},
            description=call.summary,
            url=absolute_url(call),
            categories=[call.kind.name] if call.kind_id else (),
            last_modified=call.last_published_at,
        )
        event.add("transp", "TRANSPARENT")  # a deadline does not make anyone busy
        calendar.add_component(event)
    return calendar
