"""The partner directory: a query string in, the selected partners and facet counts out.

Every state is a URL (``?q=…&type=museum&service=fab-lab&country=IT&sort=city&view=map``),
so a selection can be bookmarked, shared, exported (CSV, GeoJSON) and works without
JavaScript. A hub has hundreds or a few thousand partners, not 100,000 items: the facts the
directory filters, counts, searches and sorts on are read once per language into a compact
list (four queries), kept in the cache until the next publish (``heritagehub.cache``), and
every request filters and counts that list in Python. So the query count of a request does
not grow with the number of partners, and a cached request asks the database only for the
cards of the page it shows.

Within a facet, values combine with OR; facets combine with AND; each facet's counts apply
every filter except its own ("disjunctive" facets, like the catalogue's browse,
``heritage_collections.browse``). Values in URLs are language-independent where the data
allows (vocabulary slugs, ISO country and language codes); a city is named as the visitor's
language names it.
"""

import unicodedata
from dataclasses import dataclass, field
from urllib.parse import urlencode

from django.core.paginator import Paginator
from django.db.models import F
from django.utils import translation
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from django_countries import countries
from wagtail.models import Page

from heritagehub.cache import cached, generation, restricted_paths
from heritagehub.facets import ActiveFilter, FacetGroup, FacetValue
from heritagehub.i18n import active_language, in_language, path_in_locale_tree
from heritagehub.models import HeritageImage
from maps import MapParameterError, parse_bbox

from .models.partner import (
    WORLD_LANGUAGES,
    InstitutionType,
    PartnerOffer,
    PartnerPage,
    Sector,
    ServiceKind,
)

PARTNERS_PER_PAGE = 24
MAX_VALUES = 20  # values per facet in one URL: more is a crafted URL, not a visitor


@dataclass(frozen=True)
class Facet:
    param: str
    label: str
    key: str  # the fact holding the partner's value(s)
    many: bool = False


FACETS = [
    Facet("type", _("Institution type"), "type"),
    Facet("sector", _("Sector"), "sectors", many=True),
    Facet("role", _("Role in the hub"), "role"),
    Facet("country", _("Country"), "country"),
    Facet("city", _("City"), "city"),
    Facet("service", _("Services and spaces"), "services", many=True),
    Facet("language", _("Languages"), "languages", many=True),
]
FACETS_BY_PARAM = {facet.param: facet for facet in FACETS}
ALL_PARAMS = [facet.param for facet in FACETS]

SORTS = {
    "name": _("Name"),
    "city": _("City"),
    "newest": _("Newest first"),
}
VIEWS = {"list": _("List"), "map": pgettext_lazy("view", "Map")}


def cache_query_parameters():
    """The parameters (and their values) a cached directory page may vary by
    (heritagehub.cache.register_query_parameters)."""
    text = r"[^\x00-\x1f\x7f]{1,100}"
    return {
        **{param: text for param in ALL_PARAMS},
        "sort": "|".join(SORTS),
        "view": "|".join(VIEWS),
    }


def fold(text):
    """Text for matching: lower case, without accents ("Genève" matches "geneve")."""
    decomposed = unicodedata.normalize("NFKD", text or "")
    return "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()


# Labels ------------------------------------------------------------------------------------


def _vocabulary(model, language_code):
    """slug → name in ``language_code`` (another language's name where it has none)."""
    names = {}
    rows = model.objects.values_list("slug", "name", "locale__language_code")
    for slug, name, code in rows.order_by("sort_order", "slug"):
        if code == language_code or slug not in names:
            names[slug] = name
    return names


def _compute_labels(language_code):
    with translation.override(language_code):
        return {
            "type": _vocabulary(InstitutionType, language_code),
            "sector": _vocabulary(Sector, language_code),
            "service": _vocabulary(ServiceKind, language_code),
            "role": {value: str(label) for value, label in PartnerPage.HubRole.choices},
            # Plain strings: a lazy translation would be rebuilt at every unpickling.
            "country": {code: str(name) for code, name in countries},
            "language": {code: str(language_name(code)) for code, _name in WORLD_LANGUAGES},
        }


def language_name(code):
    """A language's name in the active language ("tedesco", "German", "allemand" …)."""
    try:
        return translation.get_language_info(code)["name_translated"]
    except KeyError:
        return dict(WORLD_LANGUAGES).get(code, code)


_MEMO = {}


def _memoized(name, compute, request=None):
    """``cached(name, compute)``, also kept in this process for the current generation: the
    directory's facts are read at every request, and unpickling a thousand partners from the
    cache would cost more than filtering them. The generation changes at every publish
    (``heritagehub.cache``), so a stale memo is never read; the memo is never mutated."""
    current = generation(request)
    if current is None:
        return compute()
    key = (name, current)
    if key not in _MEMO:
        if len(_MEMO) > 32:  # older generations
            _MEMO.clear()
        _MEMO[key] = cached(name, compute, request)
    return _MEMO[key]


def directory_labels(language_code, request=None):
    """What a visitor reads for each facet value, in their language (cached)."""
    return _memoized(
        f"directory-labels:{language_code}", lambda: _compute_labels(language_code), request
    )


# Facts -------------------------------------------------------------------------------------


def _compute_facts(language_code):
    """One dict per partner (in the visitor's language, else its best translation)."""
    labels = directory_labels(language_code)
    private = restricted_paths()  # cached: PageViewRestriction is not asked again
    partners = in_language(PartnerPage.objects.live(), language_code).values(
        "id",
        "path",
        "title",
        "url_path",
        "summary",
        "city",
        "country",
        "country_code",
        "hub_role",
        "languages",
        "latitude",
        "longitude",
        "website",
        "email",
        "first_published_at",
        "logo_id",
        language=F("locale__language_code"),
        type=F("institution_type__slug"),
    )
    facts = {}
    for row in partners:
        if private and row["path"].startswith(private):
            continue  # a view restriction: not for the public directory
        facts[row["id"]] = {
            "id": row["id"],
            "title": row["title"],
            "path": path_in_locale_tree(Page(url_path=row["url_path"])),
            "lang": row["language"],
            "summary": row["summary"],
            "city": row["city"].strip(),
            "country_name": row["country"],
            "country": row["country_code"] or "",
            "type": row["type"] or "",
            "role": row["hub_role"],
            "languages": tuple(row["languages"] or ()),
            "latitude": float(row["latitude"]) if row["latitude"] is not None else None,
            "longitude": float(row["longitude"]) if row["longitude"] is not None else None,
            "website": row["website"],
            "email": row["email"],
            "published": row["first_published_at"].isoformat() if row["first_published_at"] else "",
            "logo_id": row["logo_id"],
            "sectors": (),
            "services": (),
            "offer_counts": {},  # service kind → how many offers of it (find a service)
            "notes": [],
        }
    sectors = PartnerPage.sectors.through.objects.filter(partnerpage_id__in=facts)
    for page_id, slug in sectors.values_list("partnerpage_id", "sector__slug"):
        facts[page_id]["sectors"] += (slug,)
    offers = PartnerOffer.objects.filter(page_id__in=facts).order_by("page_id", "sort_order")
    for page_id, slug, note in offers.values_list("page_id", "kind__slug", "note"):
        fact = facts[page_id]
        if slug not in fact["services"]:
            fact["services"] += (slug,)
        fact["offer_counts"][slug] = fact["offer_counts"].get(slug, 0) + 1
        fact["notes"].append(note)
    for fact in facts.values():
        words = [fact["title"], fact["summary"], fact["city"], fact["country_name"]]
        words += [labels["country"].get(fact["country"], ""), labels["type"].get(fact["type"], "")]
        words += [labels["sector"].get(slug, "") for slug in fact["sectors"]]
        words += [labels["service"].get(slug, "") for slug in fact["services"]]
        words += fact.pop("notes")
        fact["text"] = fold(" ".join(word for word in words if word))
        fact["sort_name"] = fold(fact["title"])
        fact["values"] = {facet.param: _values_of(fact, facet) for facet in FACETS}
    return list(facts.values())


@dataclass
class DirectoryFacts:
    """The partners' facts (in name order), an index of each facet value to the positions
    of the partners having it, and the positions in each sort order."""

    facts: list
    index: dict  # facet param → value → frozenset of positions in ``facts``
    orders: dict  # sort key → tuple of positions


def _compute_directory(language_code):
    facts = sorted(_compute_facts(language_code), key=SORT_KEYS["name"])
    index = {param: {} for param in ALL_PARAMS}
    for position, fact in enumerate(facts):
        for param in ALL_PARAMS:
            for value in fact["values"][param]:
                index[param].setdefault(value, set()).add(position)
    index = {
        param: {value: frozenset(positions) for value, positions in values.items()}
        for param, values in index.items()
    }
    orders = {
        key: tuple(
            sorted(
                range(len(facts)),
                key=lambda position, sort_key=sort_key: sort_key(facts[position]),
                reverse=key == "newest",
            )
        )
        for key, sort_key in SORT_KEYS.items()
    }
    return DirectoryFacts(facts, index, orders)


def directory_facts(language_code, request=None):
    """Every live partner's directory facts in ``language_code``, indexed: kept until a
    publish, in the cache and in this process."""
    # The key names the facts' shape: a deploy that changes it never reads older facts.
    return _memoized(
        f"directory-facts-2:{language_code}", lambda: _compute_directory(language_code), request
    )


# State -------------------------------------------------------------------------------------


@dataclass
class DirectoryState:
    """What a directory URL asks for, validated: bad values are reported, not an error page."""

    query: str = ""
    values: dict = field(default_factory=dict)  # facet param → list of values
    sort: str = "name"
    view: str = "list"
    bbox: object = None  # a maps.BoundingBox: the map's area, from a cluster
    page: str = "1"
    problems: list = field(default_factory=list)

    @classmethod
    def from_request(cls, request, known, fixed=()):
        """``known`` maps each facet param to the values that exist; ``fixed`` are params
        a sub-view does not offer (they are ignored, not reported)."""
        data = request.GET
        state = cls(query=" ".join(data.get("q", "").split())[:200], page=data.get("page", "1"))
        for facet in FACETS:
            if facet.param in fixed:
                continue
            values = [v.strip() for v in dict.fromkeys(data.getlist(facet.param)) if v.strip()]
            good = []
            for value in values[:MAX_VALUES]:
                if value in known[facet.param]:
                    good.append(value)
                else:
                    state.problems.append(
                        _("“%(value)s” is not a known value of “%(field)s”: it was left out.")
                        % {"value": value[:40], "field": facet.label}
                    )
            if good:
                state.values[facet.param] = good
        sort = data.get("sort", "name")
        if sort not in SORTS:
            state.problems.append(
                _("“%(value)s” is not a way to sort: sorted by name.") % {"value": sort[:20]}
            )
            sort = "name"
        state.sort = sort
        view = data.get("view", "list")
        if view not in VIEWS:
            state.problems.append(
                _("“%(value)s” is not a view: showing the list.") % {"value": view[:20]}
            )
            view = "list"
        state.view = view
        if data.get("bbox", "") != "":
            try:
                state.bbox = parse_bbox(data["bbox"])
            except MapParameterError as error:
                state.problems.append(error.message)
        return state

    def params(self, with_view=True):
        """The state as query-string pairs (without the page number)."""
        pairs = [("q", self.query)] if self.query else []
        for param, values in self.values.items():
            pairs += [(param, value) for value in values]
        if self.bbox is not None:
            pairs.append(("bbox", self.bbox.as_param()))
        if self.sort != "name":
            pairs.append(("sort", self.sort))
        if with_view and self.view != "list":
            pairs.append(("view", self.view))
        return pairs

    def url(self, remove=None, add=None, **changes):
        """``?…`` for this state with a (param, value) pair or a param removed, a pair added,
        or single-valued params (``view``, ``sort``) changed."""
        pairs = [pair for pair in self.params() if pair != remove and pair[0] != remove]
        if add:
            pairs.append(add)
        for param, value in changes.items():
            pairs = [pair for pair in pairs if pair[0] != param]
            if value is not None:
                pairs.append((param, value))
        return "?" + urlencode(pairs) if pairs else "?"

    def query_string(self, with_view=False):
        pairs = self.params(with_view=with_view)
        return "?" + urlencode(pairs) if pairs else ""


# Results -----------------------------------------------------------------------------------


def _values_of(fact, facet):
    value = fact[facet.key]
    if facet.many:
        return value
    return (value,) if value else ()


def _matches_query(fact, words):
    return all(word in fact["text"] for word in words)


SORT_KEYS = {
    "name": lambda fact: (fact["sort_name"], fact["id"]),
    "city": lambda fact: (not fact["city"], fold(fact["city"]), fact["sort_name"], fact["id"]),
    "newest": lambda fact: (fact["published"], fact["id"]),
}


class Directory:
    """One directory request: its state, the selected partners and the facets."""

    fixed = ()

    def __init__(self, request):
        self.request = request
        self.language = active_language()
        self.labels = directory_labels(self.language, request)
        self.data = directory_facts(self.language, request)
        self.base = self.base_positions()
        self.state = DirectoryState.from_request(request, self.known_values(), self.fixed)
        self.words = [fold(word) for word in self.state.query.split()]
        self._select()

    def base_positions(self):
        """The positions of the partners this view offers (None: every partner)."""
        return None

    @property
    def all_facts(self):
        facts = self.data.facts
        return facts if self.base is None else [facts[position] for position in self.base]

    def known_values(self):
        known = {param: set(self.labels.get(param, {})) for param in FACETS_BY_PARAM}
        cities = self.data.index["city"]
        known["city"] = {
            city
            for city, positions in cities.items()
            if self.base is None or not positions.isdisjoint(self.base)
        }
        return known

    def _narrowed(self, base, sets):
        result = base
        for positions in sets:
            result = positions if result is None else result & positions
        return result

    def _select(self):
        """The selected partners, and for each facet the counts of its values among the
        partners matching every filter but the facet's own: set operations on the index,
        so a request costs a few hundred set intersections, not a pass over every partner.
        """
        facts, index = self.data.facts, self.data.index
        base = self.base
        if self.words:
            base = {
                position
                for position in (range(len(facts)) if base is None else base)
                if _matches_query(facts[position], self.words)
            }
        bbox = self.state.bbox
        if bbox is not None:
            base = {
                position
                for position in (range(len(facts)) if base is None else base)
                if facts[position]["latitude"] is not None
                and bbox.contains(facts[position]["latitude"], facts[position]["longitude"])
            }
        chosen = {
            param: frozenset().union(*(index[param].get(value, ()) for value in values))
            for param, values in self.state.values.items()
            if param in FACETS_BY_PARAM
        }
        counts = {}
        for param in ALL_PARAMS:
            within = self._narrowed(base, [s for other, s in chosen.items() if other != param])
            counted = {}
            for value, positions in index[param].items():
                members = positions if within is None else positions & within
                count = self.count(param, value, members) if members else 0
                if count:
                    counted[value] = count
            counts[param] = counted
        chosen_positions = self._narrowed(base, chosen.values())
        order = self.data.orders[self.state.sort]
        if chosen_positions is None:
            self.selected = [facts[position] for position in order]
        else:
            self.selected = [facts[position] for position in order if position in chosen_positions]
        self.counts = counts

    def count(self, param, value, positions):
        """What a facet value counts among the partners at ``positions``: partners."""
        return len(positions)

    # What the page shows ---------------------------------------------------------------

    @cached_property
    def facets(self):
        groups = []
        for facet in FACETS:
            if facet.param in self.fixed:
                continue
            chosen = self.state.values.get(facet.param, [])
            counted = self.counts[facet.param]
            values = [
                self._facet_value(facet, value, count, chosen) for value, count in counted.items()
            ]
            values += [
                self._facet_value(facet, value, 0, chosen)
                for value in chosen
                if value not in counted
            ]
            values.sort(key=lambda v: (not v.selected, -v.count, fold(v.label)))
            if values:
                groups.append(FacetGroup(facet.param, facet.label, values))
        return groups

    def _facet_value(self, facet, value, count, chosen):
        is_selected = value in chosen
        pair = (facet.param, value)
        url = self.state.url(remove=pair) if is_selected else self.state.url(add=pair)
        return FacetValue(value, self.label(facet.param, value), count, is_selected, url)

    def label(self, param, value):
        if param == "city":
            return value
        return str(self.labels[param].get(value, value))

    def active_filters(self):
        filters = []
        if self.state.query:
            filters.append(ActiveFilter(_("Search"), self.state.query, self.state.url(remove="q")))
        for group in self.facets:
            for value in group.values:
                if value.selected:
                    filters.append(ActiveFilter(group.label, value.label, value.url))
        if self.state.bbox is not None:
            filters.append(
                ActiveFilter(_("Map area"), _("the area shown"), self.state.url(remove="bbox"))
            )
        return filters

    def sort_options(self):
        return [(key, label, key == self.state.sort) for key, label in SORTS.items()]

    def view_links(self):
        return [
            (
                key,
                label,
                key == self.state.view,
                self.state.url(view=None if key == "list" else key),
            )
            for key, label in VIEWS.items()
        ]

    @property
    def clear_url(self):
        return "?view=map" if self.state.view == "map" else "?"

    @property
    def is_filtered(self):
        return bool(self.state.params(with_view=False)) or self.state.page != "1"

    def results(self):
        """A Django Page of cards (``Card``) of the selected partners, in order.

        Cards are drawn from the facts, not from PartnerPage instances (building two dozen
        pages with their clusters of inlines costs more than the rest of the request); only
        the logos of the page are fetched, with their renditions."""
        page_obj = Paginator(self.selected, PARTNERS_PER_PAGE).get_page(self.state.page)
        facts = list(page_obj.object_list)
        logo_ids = [fact["logo_id"] for fact in facts if fact["logo_id"]]
        logos = {}
        if logo_ids:
            images = HeritageImage.objects.filter(pk__in=logo_ids).prefetch_related("renditions")
            logos = {image.pk: image for image in images}
        page_obj.object_list = [
            Card(
                fact=fact,
                url=f"/{self.language}/{fact['path']}",
                type_label=self.label("type", fact["type"]) if fact["type"] else "",
                logo=logos.get(fact["logo_id"]),
            )
            for fact in facts
        ]
        return page_obj

    def located(self):
        """The selected partners with coordinates, and how many have none."""
        located = [
            f for f in self.selected if f["latitude"] is not None and f["longitude"] is not None
        ]
        return located, len(self.selected) - len(located)

    def unplaced(self):
        """The selected partners without coordinates (online, or no address given): the map
        view names them, so a visitor knows who is missing from the map and why."""
        return [f for f in self.selected if f["latitude"] is None or f["longitude"] is None]

    def rows(self):
        """Each selected partner as the exports write it, labels in the visitor's language."""
        for fact in self.selected:
            yield {
                **fact,
                "type_label": self.label("type", fact["type"]) if fact["type"] else "",
                "role_label": self.label("role", fact["role"]),
                "country_label": self.label("country", fact["country"]) if fact["country"] else "",
                "sector_labels": [self.label("sector", slug) for slug in fact["sectors"]],
                "service_labels": [self.label("service", slug) for slug in fact["services"]],
                "language_labels": [self.label("language", code) for code in fact["languages"]],
            }


@dataclass
class Card:
    """A partner's card in the directory (templates/partners/includes/directory_card.html)."""

    fact: dict
    url: str
    type_label: str
    logo: object = None


# Find a service or space -------------------------------------------------------------------


@dataclass
class Offer:
    """One offer with its partner, as "find a service or space" lists it."""

    kind: str
    kind_label: str
    note: str
    capacity: int | None
    booking_url: str
    booking_email: str
    partner: dict


class OfferFinder(Directory):
    """Offers filtered by kind and place: the directory's facts narrowed to three facets.

    It selects partners like the directory, but lists their offers, so its facets count
    offers: a value's count is how many offers the list would show with it chosen."""

    fixed = ("type", "sector", "role", "language")

    def base_positions(self):
        """Partners that offer something."""
        return frozenset().union(*self.data.index["service"].values())

    def count(self, param, value, positions):
        """Offers of kind ``value`` (the service facet), or the offers of the chosen kinds
        (every kind when none is chosen) of the partners in ``value``'s country or city."""
        facts = self.data.facts
        if param == "service":
            return sum(facts[position]["offer_counts"].get(value, 0) for position in positions)
        kinds = self.state.values.get("service")
        total = 0
        for position in positions:
            offered = facts[position]["offer_counts"]
            total += sum(offered.get(kind, 0) for kind in kinds) if kinds else sum(offered.values())
        return total

    def offers(self):
        """Every offer of the selected partners (of the chosen kinds), partner by partner."""
        by_id = {fact["id"]: fact for fact in self.selected}
        kinds = set(self.state.values.get("service", ()))
        offers = PartnerOffer.objects.filter(page_id__in=by_id).select_related("kind")
        if kinds:
            offers = offers.filter(kind__slug__in=kinds)
        found = [
            Offer(
                kind=offer.kind.slug,
                kind_label=self.label("service", offer.kind.slug),
                note=offer.note,
                capacity=offer.capacity,
                booking_url=offer.booking_url,
                booking_email=offer.booking_email,
                partner=by_id[offer.page_id],
            )
            for offer in offers.order_by("sort_order")
        ]
        order = {fact["id"]: number for number, fact in enumerate(self.selected)}
        found.sort(key=lambda offer: (fold(offer.kind_label), order[offer.partner["id"]]))
        return found
