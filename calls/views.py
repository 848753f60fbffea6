"""The calls index's routes: the listing and its archive, and the deadlines calendar."""

from dataclasses import replace

from django.utils.cache import patch_cache_control
from django.utils.translation import gettext

from heritagehub.cache import site_for_request
from heritagehub.calendar import calendar_response as ical_response
from heritagehub.i18n import language_links, url_in_language
from heritagehub.linked_data import hub_name

from .ical import deadline_calendar
from .listing import CallFilters
from .models.call import CallPage

CALENDAR_CALLS = 500
CALENDAR_SECONDS = 3600


def listing_response(index, request, archive):
    listing = index.listing(request, archive=archive)
    route = "archive" if archive else "open"
    canonical = index.route_url(route)
    overrides = {"listing": listing, "canonical_url": canonical}
    if archive:
        suffix = index.reverse_subpage(route)
        overrides["language_links"] = [
            replace(link, url=link.url + suffix) for link in language_links(index)
        ]
    response = index.render(
        request,
        template="calls/call_index_page.html",
        context_overrides=overrides,
    )
    patch_cache_control(response, max_age=listing.seconds_fresh())
    return response


def calendar_response(index, request):
    """The deadlines of the open and upcoming calls (filtered like the listing)."""
    filters = CallFilters(request)
    calls = filters.apply(CallPage.listed()).filter(~CallPage.closed_filter())
    calls = calls.order_by("deadline", "title")[:CALENDAR_CALLS]
    site = site_for_request(request)
    host = site.hostname if site else request.get_host()
    calendar = deadline_calendar(
        calls,
        name=gettext("Open calls · %(hub)s") % {"hub": hub_name(request)},
        absolute_url=lambda call: request.build_absolute_uri(url_in_language(call)),
        host=host,
    )
    response = ical_response(calendar, filename="calls.ics")
    patch_cache_control(response, max_age=CALENDAR_SECONDS)
    return response
