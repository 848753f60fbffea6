"""Events on maps: What's on's selection as GeoJSON (RFC 7946) and as a map drawn on the server.

Both come from ``located_events``: the upcoming events a What's on URL selects (every filter;
never the archive), one per event, not per occurrence, at its place: the venue's
coordinates, or its partner's when it takes place at the partner's address
(``EventPage.venue``), copied into each of its occurrences (events.occurrences). So the
selection is read from the one indexed table, in three queries whatever the programme: the
counts, the located events (grouped by event, with their next start), their pages in the
visitor's language. At most ``MAX_FEATURES`` events, soonest first. docs/maps.md.
"""

from dataclasses import dataclass, field
from datetime import datetime, timedelta

from django.db.models import Count, Max, Min, Q
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from heritagehub.cache import without_private
from heritagehub.i18n import active_language, in_language, language_code_of, url_in_language
from maps import Marker, draw_map
from maps.geojson import MAX_FEATURES, feature_collection, in_view, point, within

from .models.event import EventPage

# The frame of What's on's map (pixels); the drawn map scales with the page.
MAP_WIDTH, MAP_HEIGHT = 800, 450


@dataclass
class PlacedEvent:
    """An event on the map: its page in the visitor's language, where, and when next."""

    page: EventPage
    latitude: float
    longitude: float
    starts_at: datetime  # of its current or next occurrence in the selection
    ends_at: datetime
    ongoing: bool
    kind: str  # slug
    city: str  # named in the visitor's language (events.cities)

    @property
    def lang(self):
        return language_code_of(self.page.locale_id)

    @property
    def day(self):
        """The date the label shows: the next start, or the last day of an ongoing one (an
        all-day event ends at the midnight after its last day), in the event's zone."""
        zone = self.page.zone
        if self.ongoing:
            return (timezone.localtime(self.ends_at, zone) - timedelta(microseconds=1)).date()
        return timezone.localtime(self.starts_at, zone).date()

    @property
    def when(self):
        """ "13 March 2027" or "until 30 April 2027", in the visitor's language."""
        day = date_format(self.day, "DATE_FORMAT")
        if self.ongoing:
            return _("until %(date)s") % {"date": day}
        return day

    @property
    def label(self):
        """The accessible name of its marker: title and date."""
        return _("%(title)s, %(when)s") % {"title": self.page.title, "when": self.when}


@dataclass
class Located:
    """The located events of a selection and its counts (events, not occurrences)."""

    total: int  # events selected
    located: int  # …with a place on the map
    in_view: int  # …inside the box asked for
    events: list = field(default_factory=list)  # PlacedEvent, soonest first

    @property
    def unplaced(self):
        """Online-only events, and those whose place has no coordinates."""
        return self.total - self.located


def located_events(whats_on, bbox=None):
    """The upcoming events ``whats_on`` (events.whats_on.WhatsOn) selects, those with a
    place inside ``bbox`` as PlacedEvents (three queries)."""
    visible = without_private(EventPage.objects.live()).values("translation_key")
    rows = whats_on.occurrences().filter(translation_key__in=visible).order_by()
    counts = rows.aggregate(
        total=Count("translation_key", distinct=True),
        located=Count("translation_key", distinct=True, filter=Q(latitude__isnull=False)),
        in_view=Count("translation_key", distinct=True, filter=in_view(bbox)),
    )
    located = Located(counts["total"], counts["located"], counts["in_view"])
    if not located.in_view:
        return located
    grouped = list(
        within(rows, bbox)
        .values("translation_key")
        .annotate(
            next_start=Min("starts_at"),
            next_end=Min("ends_at"),
            place_latitude=Max("latitude"),
            place_longitude=Max("longitude"),
            place_city=Max("city"),
            kind=Max("kind_slug"),
        )
        .order_by("next_start", "translation_key")[:MAX_FEATURES]
    )
    pages = {
        page.translation_key: page
        for page in in_language(
            EventPage.objects.live().filter(
                translation_key__in=[r["translation_key"] for r in grouped]
            ),
            active_language(),
        ).only("id", "title", "url_path", "translation_key", "locale_id", "time_zone")
    }
    for row in grouped:
        page = pages.get(row["translation_key"])
        if page is None:  # unpublished since the occurrences were read
            continue
        located.events.append(
            PlacedEvent(
                page=page,
                latitude=float(row["place_latitude"]),
                longitude=float(row["place_longitude"]),
                starts_at=row["next_start"],
                ends_at=row["next_end"],
                ongoing=row["next_start"] <= whats_on.now,
                kind=row["kind"],
                city=whats_on.cities.label_of(row["place_city"]) if row["place_city"] else "",
            )
        )
    return located


def geojson(located, whats_on, request, bbox=None):
    """The FeatureCollection of ``located``: a Point per event ([longitude, latitude]) with
    ``label``, ``title``, ``lang``, ``url`` (in the visitor's language), ``kind`` and
    ``kind_label``, ``next_start`` (ISO 8601, in the event's zone), ``city``; the counts
    as foreign members ``total``, ``located``, ``unplaced`` and ``in_view``."""
    features = []
    for event in located.events:
        properties = {
            "label": event.label,
            "title": event.page.title,
            "lang": event.lang,
            "url": request.build_absolute_uri(url_in_language(event.page)),
            "kind": event.kind,
            "kind_label": whats_on.kinds.get(event.kind, event.kind),
            "next_start": timezone.localtime(event.starts_at, event.page.zone).isoformat(),
            "city": event.city,
        }
        features.append(
            point(event.longitude, event.latitude, properties, str(event.page.translation_key))
        )
    return feature_collection(
        features,
        bbox,
        total=located.total,
        located=located.located,
        unplaced=located.unplaced,
        in_view=located.in_view,
    )


@dataclass(frozen=True)
class EventMarker(Marker):
    """A marker that keeps its event: the list alternative names it with its date."""

    event: PlacedEvent | None = None


def cluster_label(count):
    return ngettext("%(count)s event in this area", "%(count)s events in this area", count) % {
        "count": count
    }


def events_map(whats_on, geojson_url):
    """The server-drawn map of What's on's selection (its map view), fitted to the located
    events; ``.located`` holds the counts ("N of these events have no place")."""
    located = located_events(whats_on)
    language = active_language()
    markers = [
        EventMarker(
            event.latitude,
            event.longitude,
            event.label,
            url_in_language(event.page),
            lang=event.lang if event.lang != language else "",
            name=event.city,
            event=event,
        )
        for event in located.events
    ]
    drawing = draw_map(
        markers,
        title=_("Map of the events"),
        width=MAP_WIDTH,
        height=MAP_HEIGHT,
        cluster_label=cluster_label,
        geojson_url=geojson_url,
    )
    drawing.located = located
    return drawing
