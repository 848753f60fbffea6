"""One event as iCalendar (RFC 5545): its VEVENT, as every calendar of the programme writes
it (``events.feeds``), and the file of that event alone ("add to my calendar").

One VEVENT per event, not per occurrence: its first date with its RRULE and EXDATEs, in its
own time zone; the UID is the event's translation key, the same in every language.
"""

from django.utils import timezone
from django.utils.translation import gettext as _

from heritagehub.calendar import calendar_event, calendar_response, new_calendar
from heritagehub.i18n import url_in_language

ICAL_STATUS = {
    "scheduled": "CONFIRMED",
    "rescheduled": "CONFIRMED",
    "postponed": "TENTATIVE",
    "cancelled": "CANCELLED",
}


def uid(event, request):
    return f"event-{event.translation_key}@{request.get_host().split(':')[0]}"


def vevent(event, occurrence, request, stamp):
    """The VEVENT of ``event``; ``occurrence`` (one of its rows) gives its place."""
    start, end = event.local_start(), event.local_end()
    exdates = []
    if event.recurrence:
        for day in event.exception_dates:
            exdates.append(
                day if event.all_day else start.replace(year=day.year, month=day.month, day=day.day)
            )
    geo = None
    if (
        occurrence is not None
        and occurrence.latitude is not None
        and occurrence.longitude is not None
    ):
        geo = (float(occurrence.latitude), float(occurrence.longitude))
    location = occurrence.place if occurrence is not None else ""
    if event.is_online and event.online_url:
        location = f"{location} · {event.online_url}" if location else event.online_url
    description = event.summary
    if event.booking_url:
        description += "\n\n" + _("Booking: %(url)s") % {"url": event.booking_url}
    return calendar_event(
        uid=uid(event, request),
        summary=event.title,
        start=start,
        end=end,
        stamp=stamp,
        description=description,
        url=request.build_absolute_uri(url_in_language(event)),
        location=location,
        geo=geo,
        categories=[event.kind.name] if event.kind_id else [],
        rrule=event.recurrence,
        exdates=exdates,
        status=ICAL_STATUS.get(event.status, "CONFIRMED"),
        last_modified=event.last_published_at,
        language=event.content_language,
    )


def event_calendar_of(event, request):
    occurrence = event.occurrences.first() or next(iter(event.upcoming(1)), None)
    calendar = new_calendar(event.title, url=request.build_absolute_uri(url_in_language(event)))
    calendar.add_component(vevent(event, occurrence, request, timezone.now()))
    return calendar


def event_calendar(request, event):
    """One event as a downloadable .ics."""
    calendar = event_calendar_of(event, request)
    return calendar_response(calendar, filename=f"{event.slug}.ics", download=True)
