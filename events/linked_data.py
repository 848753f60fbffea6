"""schema.org descriptions of events (Event) and of What's on (an ItemList of Events).

An event's dates are its next occurrence where it recurs (what a search engine should
show), its own first dates otherwise; all-day events are dates, timed ones ISO 8601 with
their offset. The place is a Place with its address and coordinates, a VirtualLocation
for online events, both for mixed ones.
"""

from datetime import timedelta

from heritagehub.i18n import url_in_language
from heritagehub.linked_data import (
    absolute,
    content_language,
    document,
    hub_organization,
    image_object,
    page_url,
    thing,
)
from partners.linked_data import partner_reference

SCHEMA = "https://schema.org/"
ATTENDANCE_MODES = {
    "in_person": "OfflineEventAttendanceMode",
    "online": "OnlineEventAttendanceMode",
    "mixed": "MixedEventAttendanceMode",
}
EVENT_STATUSES = {
    "scheduled": "EventScheduled",
    "cancelled": "EventCancelled",
    "postponed": "EventPostponed",
    "rescheduled": "EventRescheduled",
}
LISTED_EVENTS = 20


def _instant(value, all_day, zone):
    if value is None:
        return None
    local = value.astimezone(zone)
    return local.date().isoformat() if all_day else local.isoformat()


def event_dates(event, upcoming):
    """(startDate, endDate): the next occurrence's when there is one."""
    if upcoming:
        occurrence = upcoming[0]
        start, end = occurrence.starts_at, occurrence.ends_at
    else:
        start, end = event.instants()
    if event.all_day:
        end = end - timedelta(days=1)  # the stored end is the midnight after the last day
    elif event.end_time is None:
        end = None
    return _instant(start, event.all_day, event.zone), _instant(end, event.all_day, event.zone)


def event_location(event, venue):
    places = []
    if venue is not None:
        address = thing(
            "PostalAddress",
            streetAddress=venue.address,
            addressLocality=venue.city,
            addressCountry=venue.country,
        )
        geo = None
        if venue.latitude is not None and venue.longitude is not None:
            geo = thing(
                "GeoCoordinates", latitude=float(venue.latitude), longitude=float(venue.longitude)
            )
        places.append(
            thing("Place", name=venue.name, address=address if len(address) > 1 else None, geo=geo)
        )
    if event.is_online and event.online_url:
        places.append(thing("VirtualLocation", url=event.online_url))
    return places[0] if len(places) == 1 else places


def offer(event, request):
    if event.is_free:
        return thing("Offer", price=0, priceCurrency=event.currency, url=event.booking_url or None)
    if event.price is None and not event.booking_url:
        return None
    return thing(
        "Offer",
        price=float(event.price) if event.price is not None else None,
        priceCurrency=event.currency if event.price is not None else None,
        description=event.price_details,
        url=event.booking_url,
    )


def event_data(event, request, context):
    """The event as a schema.org Event, organised by its partner or the hub."""
    start, end = event_dates(event, context.get("upcoming"))
    return document(
        thing(
            "Event",
            name=event.title,
            url=page_url(event, request),
            description=event.summary,
            startDate=start,
            endDate=end,
            eventStatus=SCHEMA + EVENT_STATUSES.get(event.status, "EventScheduled"),
            eventAttendanceMode=SCHEMA + ATTENDANCE_MODES[event.attendance_mode],
            location=event_location(event, context.get("venue")),
            image=image_object(event.hero_image, request),
            offers=offer(event, request),
            isAccessibleForFree=event.is_free or None,
            organizer=partner_reference(context.get("partner"), request)
            or hub_organization(request),
            inLanguage=event.language_codes or content_language(event),
            keywords=[event.kind.name],
        )
    )


def listed_event(row):
    """The schema.org Event of a listed occurrence (``row.page`` its event), its URL still
    relative: What's on keeps it in the cache with the card (the host comes at serving)."""
    return thing(
        "Event",
        name=row.page.title,
        url=url_in_language(row.page),
        startDate=_instant(row.starts_at, row.all_day, row.page.zone),
        eventStatus=SCHEMA + EVENT_STATUSES.get(row.status, "EventScheduled"),
        eventAttendanceMode=SCHEMA + ATTENDANCE_MODES[row.page.attendance_mode],
        location=thing("Place", name=row.city)
        if row.city
        else (thing("VirtualLocation", url=row.page.online_url) if row.page.online_url else None),
    )


def whats_on_data(index, request, context):
    """What's on as an ItemList of the Events the page lists (``listed``: WhatsOn.listed)."""
    events = [entry.event for entry in context.get("listed") or []][:LISTED_EVENTS]
    return document(
        thing(
            "ItemList",
            name=index.title,
            url=page_url(index, request),
            itemListElement=[
                thing(
                    "ListItem",
                    position=position,
                    item={**event, "url": absolute(request, event["url"])},
                )
                for position, event in enumerate(events, start=1)
            ],
        )
    )
