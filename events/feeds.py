"""The programme as feeds: iCalendar (the hub, a partner, any What's on selection, one
event) and Atom (what is coming up).

iCalendar: one VEVENT per event, not per occurrence: its first date with its RRULE and
EXDATEs, in its own time zone (with its VTIMEZONE, heritagehub.calendar), so a calendar
client expands the recurrence itself and keeps it across daylight saving. The UID is the
event's translation key, the same in every language: subscribing to the Italian and the
English calendar does not double an event. Cancelled events stay in the feed as
``STATUS:CANCELLED``, which makes clients remove them.
"""

from django.conf import settings
from django.contrib.syndication.views import Feed
from django.utils import timezone
from django.utils.feedgenerator import Atom1Feed
from django.utils.html import escape
from django.utils.translation import gettext as _

from heritagehub import cache
from heritagehub.cache import cached_each
from heritagehub.calendar import new_calendar, written
from heritagehub.i18n import active_language, url_in_language

from .ical import vevent
from .models.event import EventOccurrence
from .whats_on import WhatsOn, attach_pages

FEED_ENTRIES = 30
CALENDAR_EVENTS = 2000  # a calendar of the whole hub stays a file a phone can read


def hub_name(request):
    site = cache.site_for_request(request)
    return (site.site_name if site else "") or settings.WAGTAIL_SITE_NAME


def selection_calendar(request, whats_on, name, url):
    """The calendar of the events a What's on selection lists (upcoming, or the archive),
    and their VEVENTs written (``heritagehub.calendar.written``), kept in the cache for the
    current generation: at 1,000 events, writing them was most of the feed's time."""
    first = {}  # each event once, by its first listed occurrence
    for pk, key in whats_on.occurrences().values_list("pk", "translation_key")[
        : CALENDAR_EVENTS * 4
    ]:
        first.setdefault(key, pk)
    listed = list(first.items())[:CALENDAR_EVENTS]
    calendar = new_calendar(
        name,
        _("Events and exhibitions of the hub and its partner institutions."),
        url,
        active_language(),
    )
    stamp = timezone.now()

    def compute(missing):
        rows = EventOccurrence.objects.filter(pk__in=[pk for _key, pk in missing]).only(
            "translation_key", "place", "latitude", "longitude", "starts_at"
        )
        rows = {row.pk: row for row in attach_pages(list(rows))}
        return [
            (
                (rows[pk].page.starts_at, rows[pk].page.pk),
                *written(vevent(rows[pk].page, rows[pk], request, stamp)),
            )
            if pk in rows and rows[pk].page is not None
            else None
            for _key, pk in missing
        ]

    events = cached_each(
        f"events:vevent:{active_language()}:{request.get_host()}",
        listed,
        lambda pair: f"{pair[0]}:{pair[1]}",
        compute,
        request,
    )
    shown = sorted((event for event in events if event), key=lambda event: event[0])
    return calendar, [(text, tzids) for _order, text, tzids in shown]


class EventFeed(Feed):
    """What's on as Atom: the next occurrence of each selected event, soonest first."""

    feed_type = Atom1Feed

    def __call__(self, request, *args, **kwargs):
        self.request = request
        return super().__call__(request, *args, **kwargs)

    def get_object(self, request, index):
        self.whats_on = WhatsOn(request)
        return index

    def _absolute(self, url):
        return self.request.build_absolute_uri(url)

    def title(self, index):
        return _("What's on · %(hub)s") % {"hub": hub_name(self.request)}

    def subtitle(self, index):
        return _("Events and exhibitions of the hub and its partner institutions.")

    def link(self, index):
        return self._absolute(url_in_language(index))

    def feed_url(self, index):
        query = self.whats_on.query_string()
        return self._absolute(index.route_url("feed")) + (f"?{query}" if query else "")

    def author_name(self, index):
        return hub_name(self.request)

    def items(self, index):
        rows = list(self.whats_on.occurrences()[: FEED_ENTRIES * 3])
        attach_pages(rows)
        shown, seen = [], set()
        for row in rows:
            if row.page is not None and row.translation_key not in seen:
                seen.add(row.translation_key)
                shown.append(row)
        return shown[:FEED_ENTRIES]

    def item_title(self, row):
        when = timezone.localtime(row.starts_at, row.page.zone)
        day = when.date().isoformat() if row.all_day else when.strftime("%Y-%m-%d %H:%M")
        return f"{row.page.title} ({day})"

    def item_description(self, row):
        return escape(row.page.summary)

    def item_link(self, row):
        return self._absolute(url_in_language(row.page))

    def item_guid(self, row):
        return f"{self.item_link(row)}#{row.starts_at:%Y%m%dT%H%M%SZ}"

    def item_pubdate(self, row):
        return row.page.first_published_at or row.page.starts_at

    def item_updateddate(self, row):
        return row.page.last_published_at or self.item_pubdate(row)

    def item_categories(self, row):
        return [row.page.kind.name]
