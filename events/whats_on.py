"""What's on: a query string in, a page of occurrences and their events out.

Every state is a URL (``?when=weekend&kind=workshop&partner=tate&city=Torino&free=1&online=1
&language=en``, or ``?from=2027-03-01&to=2027-03-31``), so a selection can be bookmarked,
shared, subscribed to as a calendar (the same query on ``calendar/``), drawn on a map
(``&view=map``, or the same query on ``geojson/``: events.event_map) and works without
JavaScript. A city is any of its names (events.cities). Filters combine with AND. Dates
are days in the hub's time zone (``settings.TIME_ZONE``): "today" is the visitor's idea of
today at the hub, and an event is in a period when any part of one of its occurrences falls
in it.

Bad values (an unknown kind, a date that is not one, a range that ends before it starts)
are reported on the page and ignored: never an error page. Each listing is one indexed
query on ``EventOccurrence`` plus one count, then one query for the page's events in the
visitor's language; the choices of the form come from the cache.
"""

from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from urllib.parse import urlencode
from zoneinfo import ZoneInfo

from django.conf import settings
from django.core.paginator import Paginator
from django.template.loader import get_template
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.safestring import mark_safe
from django.utils.translation import get_language_info
from django.utils.translation import gettext_lazy as _

from heritagehub.cache import cached, cached_each, cached_until, without_private
from heritagehub.facets import ActiveFilter
from heritagehub.i18n import active_language, in_language
from partners.models import PartnerPage

from .cities import programme_cities
from .linked_data import listed_event
from .models.event import EVENTS_PER_PAGE, LANGUAGE_NAMES, EventKind, EventOccurrence, EventPage

WHEN = {
    "today": _("Today"),
    "weekend": _("This weekend"),
    "month": _("This month"),
}
PARAMS = ("when", "from", "to", "kind", "partner", "city", "free", "online", "language")
MAX_RANGE_DAYS = 3 * 366


def cache_query_parameters():
    """The parameters (and their values) a cached What's on page may vary by
    (heritagehub.cache.register_query_parameters)."""
    text = r"[^\x00-\x1f\x7f]{1,100}"
    return {
        "when": "|".join(WHEN),
        "from": r"[0-9]{4}-[0-9]{2}-[0-9]{2}",
        "to": r"[0-9]{4}-[0-9]{2}-[0-9]{2}",
        "kind": text,
        "partner": text,
        "city": text,
        "free": "1",
        "online": "1",
        "language": r"[a-z]{2,3}",
        "view": "list|map",
    }


def hub_zone():
    return ZoneInfo(settings.TIME_ZONE)


def day_start(day):
    return datetime.combine(day, time.min, hub_zone())


def period(when, today):
    """[start, end) of a named period, as aware datetimes in the hub's zone."""
    if when == "today":
        return day_start(today), day_start(today + timedelta(days=1))
    if when == "weekend":
        # Saturday and Sunday of this week (on a Sunday, the rest of it).
        saturday = (
            today + timedelta(days=(5 - today.weekday()) % 7)
            if today.weekday() != 6
            else today - timedelta(days=1)
        )
        return day_start(max(saturday, today)), day_start(saturday + timedelta(days=2))
    if when == "month":
        following = (today.replace(day=1) + timedelta(days=32)).replace(day=1)
        return day_start(today), day_start(following)
    raise ValueError(when)


@dataclass(frozen=True)
class Choice:
    value: str
    label: str
    selected: bool
    lang: str = ""


@dataclass(frozen=True)
class Listed:
    """An occurrence as What's on lists it: its card (HTML) and its schema.org Event."""

    card: str
    event: dict


@dataclass
class State:
    """What a What's on URL asks for, validated."""

    values: dict = field(default_factory=dict)  # param → str, the valid ones only
    date_from: date | None = None
    date_to: date | None = None
    problems: list = field(default_factory=list)
    # The parameter of each problem, in the same order (a GeoJSON 400 names the first).
    invalid: list = field(default_factory=list)
    view: str = "list"

    def report(self, param, message):
        self.problems.append(message)
        self.invalid.append(param)


class WhatsOn:
    """The listing of ``request``'s query: upcoming occurrences, or the archive's past events."""

    def __init__(self, request, archive=False, now=None):
        self.request = request
        self.archive = archive
        self.now = now or timezone.now()
        self.today = timezone.localtime(self.now, hub_zone()).date()
        self.state = self._parse(request.GET)

    # Options ---------------------------------------------------------------------------------

    @cached_property
    def kinds(self):
        """{slug: name in the visitor's language} of every event kind (cached)."""
        language = active_language()

        def query():
            names = {}
            for slug, name, code in EventKind.objects.values_list(
                "slug", "name", "locale__language_code"
            ):
                if code == language or slug not in names:
                    names[slug] = name
            return names

        return cached(f"events:kinds:{language}", query, self.request)

    @cached_property
    def partners(self):
        """{slug: name} of the partners with events, in the visitor's language (cached)."""
        language = active_language()

        def query():
            keys = set(
                EventOccurrence.objects.exclude(partner_key=None)
                .values_list("partner_key", flat=True)
                .distinct()
            )
            pages = in_language(PartnerPage.objects.live().filter(translation_key__in=keys))
            return dict(
                sorted(pages.values_list("slug", "title"), key=lambda pair: pair[1].lower())
            )

        return cached(f"events:partners:{language}", query, self.request)

    @cached_property
    def cities(self):
        """The programme's cities, one per city whatever its spellings, named in the
        visitor's language (events.cities; cached)."""
        language = active_language()
        return cached(f"events:cities:{language}", lambda: programme_cities(language), self.request)

    @cached_property
    def languages(self):
        """The language codes events are given in (cached)."""

        def query():
            rows = EventOccurrence.objects.values_list("languages", flat=True).distinct()
            return sorted({code for codes in rows for code in codes.split(",") if code})

        return cached("events:languages", query, self.request)

    def language_label(self, code):
        try:
            return get_language_info(code)["name_translated"]
        except KeyError:
            return LANGUAGE_NAMES.get(code, code)

    # Parsing ---------------------------------------------------------------------------------

    def _parse(self, query):
        state = State()
        for param in PARAMS:
            value = (query.get(param) or "").strip()
            if not value:
                continue
            error = self._check(param, value)
            if error:
                state.report(param, error)
            elif param == "city":
                state.values[param] = self.cities.find(value)
            else:
                state.values[param] = value
        if not self.archive and query.get("view") == "map":
            state.view = "map"
        for param, attribute in (("from", "date_from"), ("to", "date_to")):
            if param in state.values:
                setattr(state, attribute, date.fromisoformat(state.values[param]))
        if state.date_from and state.date_to:
            if state.date_to < state.date_from:
                state.report(
                    "to",
                    _(
                        "The range ends before it starts: “to” is before “from”. "
                        "The range is ignored."
                    ),
                )
                del state.values["from"], state.values["to"]
                state.date_from = state.date_to = None
            elif (state.date_to - state.date_from).days > MAX_RANGE_DAYS:
                state.report("to", _("A range is at most three years long: “to” is ignored."))
                del state.values["to"]
                state.date_to = None
        if "when" in state.values and (state.date_from or state.date_to):
            state.report(
                "when", _("Choose a period or a range of dates, not both: the range is used.")
            )
            del state.values["when"]
        return state

    def _check(self, param, value):
        """A message for a bad value of ``param``, or None."""
        shown = value[:40]
        if param == "when" and value not in WHEN:
            return _("“%(value)s” is not a period: choose today, this weekend or this month.") % {
                "value": shown
            }
        if param in ("from", "to"):
            try:
                day = date.fromisoformat(value)
            except ValueError:
                return _("“%(value)s” is not a date for “%(param)s”: write it as YYYY-MM-DD.") % {
                    "value": shown,
                    "param": param,
                }
            if not date(1900, 1, 1) <= day <= date(2200, 12, 31):
                return _("“%(value)s” is out of range for “%(param)s”.") % {
                    "value": shown,
                    "param": param,
                }
            return None
        if param == "kind" and value not in self.kinds:
            return _("There is no kind of event “%(value)s”: the filter is ignored.") % {
                "value": shown
            }
        if param == "partner" and value not in self.partners:
            return _("No partner “%(value)s” has events: the filter is ignored.") % {"value": shown}
        if param == "city" and self.cities.find(value) is None:
            return _("No event takes place in “%(value)s”: the filter is ignored.") % {
                "value": shown
            }
        if param == "language" and value not in self.languages:
            return _("No event is in the language “%(value)s”: the filter is ignored.") % {
                "value": shown
            }
        if param in ("free", "online") and value != "1":
            return _("“%(param)s” takes the value 1 only: the filter is ignored.") % {
                "param": param
            }
        return None

    # Results ---------------------------------------------------------------------------------

    def occurrences(self):
        """The occurrences the state selects (a queryset), soonest first; in the archive,
        the past events by their last occurrence, latest first."""
        start, _end = self.window()
        if self.archive:
            rows = self._filtered().filter(is_last=True, ends_at__lte=self.now)
            return rows.order_by("-starts_at", "-pk")
        rows = self._filtered().filter(ends_at__gt=max(start, self.now) if start else self.now)
        return rows.order_by("starts_at", "pk")

    def _filtered(self):
        """The occurrences the state's facts and the window's end select."""
        values = self.state.values
        rows = EventOccurrence.objects.all()
        start, end = self.window()
        if start and self.archive:
            rows = rows.filter(ends_at__gt=start)
        if end:
            rows = rows.filter(starts_at__lt=end)
        if "kind" in values:
            rows = rows.filter(kind_slug=values["kind"])
        if "partner" in values:
            rows = rows.filter(partner_slug=values["partner"])
        if "city" in values:
            rows = rows.filter(city__in=self.cities.spellings[values["city"]])
        if "free" in values:
            rows = rows.filter(is_free=True)
        if "online" in values:
            rows = rows.filter(is_online=True)
        if "language" in values:
            rows = rows.filter(languages__contains=f",{values['language']},")
        return rows

    def window(self):
        """[start, end) of the chosen period or range (None where open)."""
        values = self.state.values
        if "when" in values:
            return period(values["when"], self.today)
        start = day_start(self.state.date_from) if self.state.date_from else None
        end = day_start(self.state.date_to + timedelta(days=1)) if self.state.date_to else None
        return start, end

    def results(self, per_page=EVENTS_PER_PAGE):
        """A page of occurrences (without their events: ``listed`` shows them)."""
        if self.archive:
            ordered = Archive(self._filtered(), self.now)
        else:
            start, _end = self.window()
            ordered = Upcoming(self._filtered(), max(start, self.now) if start else self.now)
        ordered.total = self._count(ordered)
        return Paginator(ordered, per_page).get_page(self.request.GET.get("page"))

    def _count(self, ordered):
        """How many occurrences ``ordered`` holds, kept in the cache until the next
        occurrence ends (before that no count can change but by a publish): a filtered
        count reads every row still to end, most of a page's database time."""

        def compute():
            next_end = (
                EventOccurrence.objects.filter(ends_at__gt=self.now)
                .order_by("ends_at")
                .values_list("ends_at", flat=True)
                .first()
            )
            return ordered.count(), next_end

        # The window of "today" or "this weekend" is the day's: the day is in the name.
        name = f"events:count:{self.archive:d}:{self.today}:{self.query_string()}"
        return cached_until(name, compute, self.now, self.request)

    def listed(self, rows):
        """The cards and schema.org Events of ``rows`` (a page of occurrences), those of
        events the visitor may not see left out. Kept in the cache for the current
        generation: a page reads its events and renders cards only after a publish."""
        language = active_language()
        template = get_template("events/includes/event_card.html")

        def compute(missing):
            attach_pages(missing)
            return [
                {
                    "card": template.render(
                        {"occurrence": row, "LANGUAGE_CODE": language, "request": self.request}
                    ),
                    "event": listed_event(row),
                }
                if row.page is not None
                else None
                for row in missing
            ]

        entries = cached_each(
            f"events:listed:{language}",
            rows,
            # An ongoing exhibition's card says "until": its look changes with the clock.
            lambda row: f"{row.pk}:{row.is_ongoing:d}",
            compute,
            self.request,
        )
        return [Listed(mark_safe(entry["card"]), entry["event"]) for entry in entries if entry]

    # Links -----------------------------------------------------------------------------------

    def url(self, view=None, **changes):
        """The query string of the current state with ``changes`` (None removes), in the
        current view or ``view``: every filter keeps the view."""
        values = dict(self.state.values)
        for param, value in changes.items():
            if value is None:
                values.pop(param, None)
            else:
                values[param] = value
        pairs = [(param, values[param]) for param in PARAMS if param in values]
        if (view or self.state.view) == "map":
            pairs.append(("view", "map"))
        query = urlencode(pairs)
        return f"?{query}" if query else "?"

    def query_string(self):
        """The filters alone (no view): what the calendar, the feed and the GeoJSON take."""
        return self.url(view="list")[1:]

    def list_url(self):
        return self.url(view="list")

    def map_url(self):
        return self.url(view="map")

    def clear_url(self):
        """No filter, in the current view."""
        return "?view=map" if self.state.view == "map" else "?"

    def when_choices(self):
        selected = self.state.values.get("when", "")
        return [Choice("", _("Upcoming"), not selected)] + [
            Choice(key, label, key == selected) for key, label in WHEN.items()
        ]

    def kind_choices(self):
        selected = self.state.values.get("kind")
        return [
            Choice(slug, name, slug == selected)
            for slug, name in sorted(self.kinds.items(), key=lambda pair: pair[1].lower())
        ]

    def partner_choices(self):
        selected = self.state.values.get("partner")
        return [Choice(slug, name, slug == selected) for slug, name in self.partners.items()]

    def city_choices(self):
        selected = self.state.values.get("city")
        return [Choice(city, city, city == selected) for city in self.cities.labels()]

    def language_choices(self):
        selected = self.state.values.get("language")
        return [
            Choice(code, self.language_label(code), code == selected) for code in self.languages
        ]

    @property
    def active_filters(self):
        values = self.state.values
        labels = {
            "when": (_("When"), lambda v: WHEN[v]),
            "from": (_("From"), lambda v: v),
            "to": (_("To"), lambda v: v),
            "kind": (_("Kind"), lambda v: self.kinds.get(v, v)),
            "partner": (_("Partner"), lambda v: self.partners.get(v, v)),
            "city": (_("City"), lambda v: v),
            "free": (_("Price"), lambda v: _("Free")),
            "online": (_("Place"), lambda v: _("Online")),
            "language": (_("Language"), self.language_label),
        }
        return [
            ActiveFilter(
                labels[param][0], labels[param][1](values[param]), self.url(**{param: None})
            )
            for param in PARAMS
            if param in values
        ]


class Upcoming:
    """The occurrences still to end at ``pivot``, soonest first, as a paginator reads them
    (``count()`` and slices): those begun (few: exhibitions on show) and then those to
    begin, each part a query an index answers in order. One ORDER BY over both sorted
    every occurrence still to end: 13 ms of the page at 10,000 events on SQLite.
    An occurrence never ends before it starts, so the two parts are all of them."""

    def __init__(self, rows, pivot):
        self.future = rows.filter(starts_at__gt=pivot).order_by("starts_at", "pk")
        # Unordered: the database reads them from its (ends_at, starts_at) index alone.
        begun = rows.filter(starts_at__lte=pivot, ends_at__gt=pivot).order_by()
        self.begun = [pk for _start, pk in sorted(begun.values_list("starts_at", "pk"))]

    total = None  # the count, when known (WhatsOn._count)

    def count(self):
        if self.total is not None:
            return self.total
        return len(self.begun) + self.future.count()

    def __getitem__(self, window):
        start, stop = window.start or 0, window.stop
        keys = self.begun[start:stop]
        found = EventOccurrence.objects.only(*LISTED_FIELDS).in_bulk(keys) if keys else {}
        rows = [found[pk] for pk in keys if pk in found]
        if stop > len(self.begun):
            offset = max(start - len(self.begun), 0)
            rows += self.future.only(*LISTED_FIELDS)[offset : stop - len(self.begun)]
        return rows


class Archive:
    """The past events (their last occurrences ended by ``now``), latest first, as a
    paginator reads them. Past rows start before ``now`` too: said to the database, the
    page is an index range read backwards from ``now``, not a scan of every occurrence
    (and the count an index range of its own: ``is_last IN (true)`` where SQLite's plan
    for a bare boolean column reads the whole table)."""

    def __init__(self, rows, now):
        self.rows = rows.filter(is_last__in=[True], ends_at__lte=now)
        self.latest_first = self.rows.filter(starts_at__lte=now).order_by("-starts_at", "-pk")

    total = None  # the count, when known (WhatsOn._count)

    def count(self):
        return self.total if self.total is not None else self.rows.count()

    def __getitem__(self, window):
        return list(self.latest_first.only(*LISTED_FIELDS)[window])


# What a listing reads of an occurrence.
LISTED_FIELDS = (
    "id",
    "translation_key",
    "starts_at",
    "ends_at",
    "all_day",
    "kind_slug",
    "partner_key",
    "city",
    "is_free",
    "is_online",
    "status",
    "event_id",
)


def attach_pages(occurrences, language_code=None):
    """Give each occurrence its event in the visitor's language (``.page``, None when it is
    not visible): one query for all of them."""
    keys = {row.translation_key for row in occurrences}
    pages = {}
    if keys:
        queryset = (
            in_language(
                without_private(EventPage.objects.live()).filter(translation_key__in=keys),
                language_code,
            )
            .select_related("kind", "locale")
            .defer("body")
        )
        pages = {page.translation_key: page for page in queryset}
    for row in occurrences:
        row.page = pages.get(row.translation_key)
    return occurrences


def upcoming(limit, partner=None, now=None):
    """The next ``limit`` occurrences (of one partner's events), each with its page."""
    rows = EventOccurrence.objects.filter(ends_at__gt=now or timezone.now())
    if partner is not None:
        rows = rows.filter(partner_key=partner.translation_key)
    rows = list(rows.only(*LISTED_FIELDS).order_by("starts_at", "pk")[: limit * 2])
    attach_pages(rows)
    shown, seen = [], set()
    for row in rows:  # one card per event: its next occurrence
        if row.page is not None and row.translation_key not in seen:
            seen.add(row.translation_key)
            shown.append(row)
    return shown[:limit]
