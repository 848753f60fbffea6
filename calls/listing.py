"""The calls listing: open calls by nearest deadline, upcoming ones, and the archive.

Filters are GET parameters (``kind``, ``sector``, ``partner``, ``region``), each one value,
named by slugs that are the same in every language, so a filtered listing is a URL that
works without JavaScript and in every language. An unknown value is left out with a message
naming the filter, never an error page. The calendar and the Atom feed take the same
parameters (``CallFilters``): "per partner" is ``?partner=<slug>``.

A partner is the page a call sits under (its parent), found by tree path; partners and their
regions come from one query over the partner pages (there are tens, not thousands).
"""

from array import array
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import NamedTuple
from urllib.parse import urlencode

from django.db.models.functions import Length, Substr
from django.template.loader import get_template
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.safestring import mark_safe
from django.utils.text import slugify
from django.utils.translation import gettext
from wagtail.models import Page

from heritagehub import cache
from heritagehub.i18n import active_language, language_order
from heritagehub.pagination import paginate
from partners.models import PartnerPage, Sector

from . import schedule
from .models.call import CallKind, CallPage

CALLS_PER_PAGE = 20
UPCOMING_SHOWN = 12
CLOSING_SOON_SHOWN = 3
FILTERS = ("kind", "sector", "partner", "region")
MAX_PARAM_LENGTH = 120


def cache_query_parameters():
    """The parameters a cached calls listing may vary by: its filters, slugs
    (heritagehub.cache.register_query_parameters)."""
    return {param: rf"[-a-z0-9_]{{1,{MAX_PARAM_LENGTH}}}" for param in FILTERS}


@dataclass(frozen=True)
class Option:
    value: str
    label: str
    selected: bool = False


@dataclass(frozen=True)
class ActiveFilter:
    param: str
    label: str
    value: str
    remove_url: str


@dataclass(frozen=True)
class PartnerEntry:
    """A partner page in one language: what a call card and the filters need of it."""

    path: str
    translation_key: str
    title: str
    slug: str
    region: str
    language: str


def _partner_pages():
    # A scan of the page table on SQLite (6 ms at 10,000 calls): kept until the next publish.
    rows = PartnerPage.objects.live().values_list(
        "path", "translation_key", "title", "slug", "region", "locale__language_code"
    )
    return [PartnerEntry(*row) for row in rows]


class PartnerDirectory:
    """Every live partner page, in every language (one query), by path and by slug."""

    def __init__(self, language_code=None):
        language_code = language_code or active_language()
        rank = {code: position for position, code in enumerate(language_order(language_code))}
        self.pages = cache.cached("calls:partner-pages", _partner_pages)
        self.by_path = {page.path: page for page in self.pages}
        best = {}
        for page in sorted(self.pages, key=lambda page: rank.get(page.language, len(rank))):
            best.setdefault(page.translation_key, page)
        self.best = best  # translation key → the partner in the visitor's best language

    def in_language(self, page):
        return self.best.get(page.translation_key, page)

    def partner_of(self, call):
        """The call's partner in the visitor's language (None for the hub's own calls)."""
        parent = self.by_path.get(call.path[: -Page.steplen])
        return self.in_language(parent) if parent is not None else None

    def partners(self):
        return sorted(self.best.values(), key=lambda page: page.title.casefold())

    def paths(self, keys):
        """The tree paths of the partners with these translation keys, in every language."""
        return [page.path for page in self.pages if page.translation_key in keys]

    def keys_by_slug(self, slug):
        return {page.translation_key for page in self.pages if page.slug == slug}

    def regions(self):
        """(slug, name) of the partners' regions as the visitor reads them."""
        regions = {}
        for page in self.best.values():
            if page.region.strip():
                regions.setdefault(slugify(page.region), page.region.strip())
        return sorted(regions.items(), key=lambda item: item[1].casefold())

    def keys_by_region(self, slug):
        return {page.translation_key for page in self.pages if slugify(page.region) == slug}


class CallFilters:
    """The filters of a request, checked against the vocabularies and the partners."""

    def __init__(self, request, language_code=None):
        self.language_code = language_code or active_language()
        self.values = {}
        self.problems = []
        self.partners = PartnerDirectory(self.language_code)
        for param in FILTERS:
            raw = request.GET.get(param, "").strip()[:MAX_PARAM_LENGTH]
            if not raw:
                continue
            if raw in {option.value for option in self.options(param)}:
                self.values[param] = raw
            else:
                self.problems.append(
                    gettext("There is no %(filter)s “%(value)s”: this filter was left out.")
                    % {"filter": self.label(param), "value": raw}
                )

    def label(self, param):
        return {
            "kind": gettext("kind of call"),
            "sector": gettext("sector"),
            "partner": gettext("partner"),
            "region": gettext("region"),
        }[param]

    @cached_property
    def kinds(self):
        return cache.cached(
            f"calls:kinds:{self.language_code}",
            lambda: list(CallKind.objects.filter(locale__language_code=self.language_code)),
        )

    @cached_property
    def sectors(self):
        return cache.cached(
            f"calls:sectors:{self.language_code}",
            lambda: list(Sector.objects.filter(locale__language_code=self.language_code)),
        )

    def options(self, param):
        selected = self.values.get(param) if hasattr(self, "values") else None
        if param == "kind":
            pairs = [(term.slug, term.name) for term in self.kinds]
        elif param == "sector":
            pairs = [(term.slug, term.name) for term in self.sectors]
        elif param == "partner":
            pairs = [(page.slug, page.title) for page in self.partners.partners()]
        else:
            pairs = self.partners.regions()
        return [Option(value, label, value == selected) for value, label in pairs]

    def apply(self, calls):
        values = self.values
        if "kind" in values:
            calls = calls.filter(kind__slug=values["kind"])
        if "sector" in values:
            calls = calls.filter(sectors__slug=values["sector"])
        keys = None
        if "partner" in values:
            keys = self.partners.keys_by_slug(values["partner"])
        if "region" in values:
            region_keys = self.partners.keys_by_region(values["region"])
            keys = region_keys if keys is None else keys & region_keys
        if keys is not None:
            calls = calls.annotate(
                parent_path=Substr("path", 1, Length("path") - Page.steplen)
            ).filter(parent_path__in=self.partners.paths(keys))
        return calls

    def query(self, **changes):
        params = {**self.values, **changes}
        return urlencode([(name, params[name]) for name in FILTERS if params.get(name)])

    def active(self):
        labels = {param: {o.value: o.label for o in self.options(param)} for param in self.values}
        return [
            ActiveFilter(
                param=param,
                label=self.label(param),
                value=labels[param].get(value, value),
                remove_url="?" + self.query(**{param: None}),
            )
            for param, value in self.values.items()
        ]

    def groups(self):
        """The filter form's select boxes: (param, label, options)."""
        return [(param, self.label(param), self.options(param)) for param in FILTERS]


class Moments(NamedTuple):
    """A listed call as the cached listing keeps it: what its card's state depends on."""

    pk: int
    opens_at: datetime
    deadline: datetime
    time_zone: str


class _MomentList(Sequence):
    """Moments of a listing's calls in order, kept compact: the cache holds the whole list
    (7,000 closed calls in the archive at 10,000 calls), and unpickling as many tuples of
    datetimes cost more than rendering the page. Numbers in arrays unpickle at once."""

    def __init__(self, rows):
        rows = list(rows)
        self.zones = sorted({row.time_zone for row in rows})
        index = {name: position for position, name in enumerate(self.zones)}
        self.pks = array("q", [row.pk for row in rows])
        self.opens = array("d", [row.opens_at.timestamp() for row in rows])
        self.deadlines = array("d", [row.deadline.timestamp() for row in rows])
        self.zone_of = array("H", [index[row.time_zone] for row in rows])

    def __len__(self):
        return len(self.pks)

    def __getitem__(self, position):
        if isinstance(position, slice):
            return [self[item] for item in range(*position.indices(len(self)))]
        return Moments(
            self.pks[position],
            datetime.fromtimestamp(self.opens[position], UTC),
            datetime.fromtimestamp(self.deadlines[position], UTC),
            self.zones[self.zone_of[position]],
        )


def open_keys(calls, now, limit=None, upcoming_shown=UPCOMING_SHOWN):
    """The open ``calls`` by nearest deadline (the first ``limit``) and the first upcoming
    ones by opening, as Moments, and the moment this stops being true (the first deadline
    or opening), or None."""
    listed = list(
        calls.filter(CallPage.open_filter(now))
        .order_by("deadline", "title")
        .values_list(*Moments._fields, named=True)[:limit]
    )
    upcoming = list(
        calls.filter(CallPage.upcoming_filter(now))
        .order_by("opens_at", "title")
        .values_list(*Moments._fields, named=True)[:upcoming_shown]
    )
    changes = [call.deadline for call in listed[:1]] + [call.opens_at for call in upcoming[:1]]
    valid_until = min(changes) if changes else None
    return (_MomentList(listed), _MomentList(upcoming)), valid_until


def fetch(keys):
    """The calls with these keys, by key (one query: cards show no sectors)."""
    if not keys:
        return {}
    calls = CallPage.objects.filter(pk__in=keys).select_related("kind", "locale")
    return {call.pk: call for call in calls}


class CallListing:
    """What the calls index shows for a request: open (or closed) calls, filters, feeds.

    The ordered keys of the whole list (open calls by deadline and the first upcoming ones,
    or the archive) are kept in the object cache for the current generation and until the
    next opening or deadline changes them (``heritagehub.cache.cached_until``): a request
    then fetches only the calls of its page, by key. At 10,000 calls, ordering and counting
    them was most of the listing's time (docs/calls.md, "Performance").
    """

    def __init__(self, request, index, archive=False):
        self.index = index
        self.archive = archive
        self.now = timezone.now()
        self.filters = CallFilters(request)
        name = "calls:{}:{}:{}".format(
            "archive" if archive else "open", self.filters.language_code, self.filters.query()
        )
        compute = self._archive_keys if archive else self._open_keys
        listed, upcoming = cache.cached_until(name, compute, self.now, request)
        self.request = request
        self.calls = paginate(request, listed, CALLS_PER_PAGE)  # of Moments
        self.upcoming = upcoming
        self.cards = self._cards(self.calls.object_list)
        self.upcoming_cards = self._cards(upcoming)

    def _cards(self, moments):
        """The cards of these calls, in order, kept in the cache for the current generation
        and the state they show ("closes in 3 days" the next day is another card): a page
        reads calls and renders cards only after a publish or as the clock turns them."""
        language = self.filters.language_code
        template = get_template("includes/call_card.html")

        def key(moment):
            status = schedule.state(moment.opens_at, moment.deadline, self.now)
            days = schedule.days_left(moment.deadline, moment.time_zone, self.now)
            return f"{moment.pk}:{status}:{days if status == schedule.OPEN else ''}"

        def compute(missing):
            shown = fetch([moment.pk for moment in missing])
            for call in shown.values():
                call.listed_partner = self.filters.partners.partner_of(call)
            context = {"LANGUAGE_CODE": language, "request": self.request}
            return [
                template.render({**context, "call": shown[moment.pk]})
                if moment.pk in shown
                else None
                for moment in missing
            ]

        cards = cache.cached_each(f"calls:card:{language}", moments, key, compute, self.request)
        return [mark_safe(card) for card in cards if card]

    def _calls(self):
        return self.filters.apply(CallPage.listed())

    def _open_keys(self):
        return open_keys(self._calls(), self.now)

    def _archive_keys(self):
        calls = self._calls()
        closed = list(
            calls.filter(CallPage.closed_filter(self.now))
            .order_by("-deadline", "title")
            .values_list(*Moments._fields, named=True)
        )
        # The archive changes when the next open call closes.
        next_deadline = (
            CallPage.objects.live()
            .filter(deadline__gt=self.now)
            .order_by("deadline")
            .values_list("deadline", flat=True)
            .first()
        )
        return (_MomentList(closed), []), next_deadline

    @property
    def problems(self):
        return self.filters.problems

    def query(self):
        return self.filters.query()

    def _with_query(self, url):
        query = self.query()
        return f"{url}?{query}" if query else url

    @property
    def calendar_url(self):
        return self._with_query(self.index.route_url("calendar"))

    @property
    def feed_url(self):
        return self._with_query(self.index.route_url("feed"))

    @property
    def archive_url(self):
        return self._with_query(self.index.route_url("archive"))

    @property
    def open_url(self):
        return self._with_query(self.index.route_url("open"))

    def seconds_fresh(self):
        """How long the page stays true: until the next opening, deadline or full hour
        (when the "closes in N days" badges may turn over)."""
        moments = [
            next((m for m in (call.opens_at, call.deadline) if m > self.now), None)
            for call in self.calls.object_list[:1]
        ]
        moments += [call.opens_at for call in self.upcoming[:1]]
        if self.archive:
            moments = []  # the archive's cached keys expire at the next deadline anyway
        seconds = [schedule.seconds_until(m, self.now) for m in moments if m is not None]
        return min([schedule.seconds_until_next_hour(self.now), *seconds])


@dataclass(frozen=True)
class ClosingSoon:
    """The open calls nearest their deadline, and when that list next changes."""

    calls: list
    changes_at: datetime | None  # the first deadline or opening from now (None: no call)


def closing_soon(request=None, limit=CLOSING_SOON_SHOWN, now=None):
    """The head of the unfiltered listing: the ``limit`` open calls with the nearest
    deadlines, in the visitor's language, each with its partner (the home page's "Open
    calls closing soon").

    The calls themselves are kept in the object cache for the current generation and until
    the first deadline or opening changes the list, so a warm home page asks the database
    nothing for them.
    """
    now = now or timezone.now()
    language_code = active_language()

    def compute():
        (listed, _upcoming), changes_at = open_keys(
            CallPage.listed(language_code), now, limit=limit, upcoming_shown=1
        )
        shown = fetch([call.pk for call in listed])
        calls = [shown[call.pk] for call in listed if call.pk in shown]
        if calls:
            partners = PartnerDirectory(language_code)
            for call in calls:
                call.listed_partner = partners.partner_of(call)
        return ClosingSoon(calls, changes_at), changes_at

    name = f"calls:closing-soon:{language_code}:{limit}"
    return cache.cached_until(name, compute, now, request)
