"""What's on, its archive, its calendars and its GeoJSON (routes of WhatsOnPage), and an
event's .ics."""

from dataclasses import replace

from django.utils.translation import gettext as _

from heritagehub.calendar import calendar_response
from heritagehub.i18n import language_links
from maps import MapParameterError
from maps.geojson import GeoJSONResponse, error_response, map_parameters

from .event_map import events_map, geojson, located_events
from .feeds import hub_name, selection_calendar
from .whats_on import WhatsOn


def whats_on(request, index, archive=False):
    """The listing: upcoming occurrences, or (``archive``) the events that are over."""
    listing = WhatsOn(request, archive=archive)
    route = "archive" if archive else "listing"
    suffix = index.reverse_subpage(route)
    links = (
        [replace(link, url=link.url + suffix.lstrip("/")) for link in language_links(index)]
        if archive
        else None
    )
    query = listing.query_string()
    geojson_url = index.route_url("geojson") + (f"?{query}" if query else "")
    is_map = listing.state.view == "map"
    occurrences = None if is_map else listing.results()
    overrides = {
        "whats_on": listing,
        "occurrences": occurrences,
        "listed": listing.listed(occurrences.object_list) if occurrences is not None else [],
        "events_map": events_map(listing, geojson_url) if is_map else None,
        "archive": archive,
        "listing_url": index.route_url("listing"),
        "archive_url": index.route_url("archive"),
        "calendar_url": index.route_url("calendar") + (f"?{query}" if query else ""),
        "feed_url": index.route_url("feed") + (f"?{query}" if query else ""),
        "geojson_url": None if archive else geojson_url,
        "canonical_url": index.route_url(route),
    }
    if links is not None:
        overrides["language_links"] = links
    return index.render(request, template="events/whats_on_page.html", context_overrides=overrides)


def whats_on_calendar(request, index):
    """The iCalendar of a What's on selection: the whole hub, a partner (``?partner=``), any
    filter state the listing links."""
    listing = WhatsOn(request)
    name = _("What's on · %(hub)s") % {"hub": hub_name(request)}
    partner = listing.state.values.get("partner")
    if partner:
        name = _("%(partner)s · What's on") % {"partner": listing.partners[partner]}
    url = request.build_absolute_uri(index.route_url("listing"))
    calendar, events = selection_calendar(request, listing, name, url)
    return calendar_response(calendar, filename="whats-on.ics", written=events)


def whats_on_geojson(request, index):
    """``/<lang>/whats-on/geojson/?…``: the upcoming events a What's on URL selects (the
    same filters) as GeoJSON (RFC 7946), one feature per event with a place, in the
    visitor's language; ``bbox`` narrows it to a box, ``zoom`` is checked. A bad value of
    any parameter is a 400 naming it."""
    try:
        bbox, _zoom = map_parameters(request.GET)
    except MapParameterError as error:
        return error_response(error)
    listing = WhatsOn(request)
    if listing.state.problems:
        return error_response(
            MapParameterError(listing.state.invalid[0], listing.state.problems[0])
        )
    response = GeoJSONResponse(geojson(located_events(listing, bbox), listing, request, bbox))
    response["Access-Control-Allow-Origin"] = "*"
    return response
