"""Faceted browse of the catalogue: a query string in, results and facet counts out.

Every state is a URL (``?q=…&type=painting&type=print&century=19&from=1850&to=1900&sort=date``),
so a search can be bookmarked, shared and crawled, and works without JavaScript. The facts
come from ``CatalogueEntry`` rows of the visitor's language, so counts, filters and sorting
are indexed lookups at 100,000 items; the facet counts of all facets are one SQL query.

Within a facet, values combine with OR; facets combine with AND. Each facet's counts apply
every filter except its own, so a visitor sees how many items the other values of a facet
would give ("disjunctive" facets, as library catalogues do).
"""

import hashlib
import re
from collections import defaultdict
from dataclasses import dataclass, field, replace
from urllib.parse import urlencode

from django.core.paginator import Paginator
from django.db import connection
from django.db.models import CharField, Count, F, Prefetch, Value
from django.db.models.functions import Cast
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from heritagehub.cache import cached
from heritagehub.facets import ActiveFilter, FacetGroup, FacetValue
from heritagehub.i18n import active_language
from heritagehub.rights import Reuse
from heritagehub.search import MAX_RANKED, clean_query
from maps import MapParameterError, parse_bbox

from . import search_index
from .models import ITEMS_PER_PAGE, CatalogueEntry, ItemImage, ItemPage, ItemTag
from .timeline import Timeline
from .vocabulary import catalogue_labels, century_label

YEAR_MIN, YEAR_MAX = -100000, 2100


@dataclass(frozen=True)
class Facet:
    param: str
    label: str
    field: str  # CatalogueEntry field ("" for tags: they are joined, not stored)
    limit: int = 20


FACETS = [
    Facet("partner", pgettext_lazy("heritage", "Partner"), "partner", limit=50),
    Facet("collection", pgettext_lazy("heritage", "Collection"), "collection", limit=50),
    Facet("type", _("Object type"), "object_type", limit=50),
    Facet("century", _("Period"), "century", limit=60),
    Facet("place", _("Place"), "place"),
    Facet("tag", _("Tag"), ""),
    Facet("image", _("Image"), "has_image"),
    Facet("rights", _("Reuse"), "reuse"),
]
FACETS_BY_PARAM = {facet.param: facet for facet in FACETS}

SORTS = {
    "relevance": _("Relevance"),
    "featured": _("With images first"),
    "title": _("Title"),
    "date": _("Date, oldest first"),
    "-date": _("Date, newest first"),
}
# Without a query, items with an image lead: a visitor's first screen shows the objects.
DEFAULT_SORT = "featured"
SORT_ORDER = {
    "featured": ["-has_image", "sort_title", "page_id"],
    "title": ["sort_title", "page_id"],
    "date": [F("date_start").asc(nulls_last=True), "sort_title", "page_id"],
    "-date": [F("date_start").desc(nulls_last=True), "sort_title", "page_id"],
}


def cache_query_parameters():
    """The browse parameters (and their values) a cached browse page may vary by
    (heritagehub.cache.register_query_parameters)."""
    text = r"[^\x00-\x1f\x7f]{1,100}"
    parameters = {facet.param: text for facet in FACETS}
    parameters.update(
        century=r"-?[0-9]{1,4}",
        image="1",
        sort="|".join(re.escape(sort) for sort in SORTS),
        **{"from": r"-?[0-9]{1,6}", "to": r"-?[0-9]{1,6}"},
    )
    return parameters


@dataclass
class BrowseState:
    """What a browse URL asks for, validated: bad values are reported, never an error page."""

    query: str = ""
    values: dict = field(default_factory=dict)  # facet param → list of str values
    year_from: int | None = None
    year_to: int | None = None
    sort: str = DEFAULT_SORT
    page: str = "1"
    problems: list = field(default_factory=list)
    # The parameter of each problem, in the same order (a GeoJSON 400 names the first).
    invalid: list = field(default_factory=list)
    # The results as a list (the default) or on a map (heritage_collections.item_map),
    # and the area the map shows (a BoundingBox; the whole of the results without one).
    view: str = "list"
    bbox: object = None
    # Parameters of the page the browse is embedded in, kept by every link (the site
    # search's ``kind``).
    keep: tuple = ()

    @classmethod
    def from_request(cls, request, scope, keep=()):
        data = request.GET
        state = cls(query=data.get("q", "").strip()[:200], page=data.get("page", "1"), keep=keep)
        for facet in FACETS:
            if facet.param in scope:
                continue
            # A NUL byte matches nothing, and PostgreSQL refuses it in a query.
            values = [v for v in dict.fromkeys(data.getlist(facet.param)) if v and "\x00" not in v]
            values = values[:20]
            if facet.param == "century":
                values = [v for v in values if _is_int(v, state, facet)]
            if values:
                state.values[facet.param] = values
        state.year_from = _year(data.get("from"), state, "from")
        state.year_to = _year(data.get("to"), state, "to")
        default_sort = "relevance" if clean_query(state.query) else DEFAULT_SORT
        state.sort = data.get("sort", default_sort)
        if state.sort not in SORTS or (state.sort == "relevance" and not clean_query(state.query)):
            state.sort = default_sort
        state.view = "map" if data.get("view") == "map" else "list"
        if data.get("bbox"):
            try:
                state.bbox = parse_bbox(data["bbox"])
            except MapParameterError as error:
                state.report("bbox", error.message)
        return state

    def report(self, param, message):
        self.problems.append(message)
        self.invalid.append(param)

    def params(self):
        """The state as query-string pairs (without the page number)."""
        pairs = list(self.keep)
        pairs += [("q", self.query)] if self.query else []
        for param, values in self.values.items():
            pairs += [(param, value) for value in values]
        if self.year_from is not None:
            pairs.append(("from", str(self.year_from)))
        if self.year_to is not None:
            pairs.append(("to", str(self.year_to)))
        default_sort = "relevance" if clean_query(self.query) else DEFAULT_SORT
        if self.sort != default_sort:
            pairs.append(("sort", self.sort))
        if self.view == "map":
            pairs.append(("view", "map"))
            if self.bbox is not None:
                pairs.append(("bbox", self.bbox.as_param()))
        return pairs

    def view_url(self, view):
        """``?…`` for these filters as a list or on a map (of all the results)."""
        pairs = [pair for pair in self.params() if pair[0] not in ("view", "bbox")]
        if view == "map":
            pairs.append(("view", "map"))
        return "?" + urlencode(pairs) if pairs else "?"

    def url_with_years(self, first, last):
        """``?…`` for this state narrowed to the years first–last (a period of the timeline)."""
        pairs = [pair for pair in self.params() if pair[0] not in ("from", "to")]
        return "?" + urlencode([*pairs, ("from", str(first)), ("to", str(last))])

    def url(self, remove=None, add=None):
        """``?…`` for this state with one (param, value) pair removed or added."""
        pairs = [pair for pair in self.params() if pair != remove and pair[0] != remove]
        if add:
            pairs.append(add)
        return "?" + urlencode(pairs) if pairs else "?"


def _is_int(value, state, facet):
    try:
        # A century of a year the browse accepts; beyond, the database cannot take it.
        if not YEAR_MIN // 100 - 1 <= int(value) <= YEAR_MAX // 100 + 1:
            raise ValueError(value)
    except ValueError:
        message = _("“%(value)s” is not a valid %(field)s.")
        state.report(facet.param, message % {"value": value[:20], "field": facet.label})
        return False
    return True


def _year(value, state, param):
    if value in (None, ""):
        return None
    try:
        year = int(value)
    except ValueError:
        year = None
    if year is None or not YEAR_MIN <= year <= YEAR_MAX:
        state.report(
            param,
            _("“%(value)s” is not a year: use a number such as 1850, or -300 for 300 BCE.")
            % {"value": value[:20]},
        )
        return None
    return year


# Filtering ----------------------------------------------------------------------------------


def _filter(entries, state, skip=None):
    """``entries`` narrowed by every filter of ``state`` except the facet ``skip``."""
    for param, values in state.values.items():
        if param == skip:
            continue
        facet = FACETS_BY_PARAM[param]
        if param == "tag":
            tagged = ItemTag.objects.filter(tag__slug__in=values).values("content_object_id")
            entries = entries.filter(page_id__in=tagged)
        elif param == "image":
            entries = entries.filter(has_image="1" in values)
        else:
            entries = entries.filter(**{f"{facet.field}__in": values})
    if state.year_from is not None:
        entries = entries.filter(date_end__gte=state.year_from)
    if state.year_to is not None:
        entries = entries.filter(date_start__lte=state.year_to)
    return entries


def _facet_counts_query(entries, facet):
    if facet.param == "tag":
        counts = (
            ItemTag.objects.filter(content_object_id__in=entries.values("page_id"))
            .values(value=F("tag__slug"), name=F("tag__name"))
            .annotate(n=Count("id"))
        )
    else:
        if facet.param == "image":
            entries = entries.filter(has_image=True)
        elif facet.param == "century":
            entries = entries.exclude(century=None)
        else:
            entries = entries.exclude(**{facet.field: ""})
        # Text columns are grouped as they are, so the (language, facet) index gives the
        # groups in order; numbers and booleans are cast for UNION ALL's one column type.
        value = (
            F(facet.field)
            if facet.param not in ("century", "image")
            else Cast(facet.field, CharField())
        )
        counts = entries.values(value=value).annotate(
            name=Value("", output_field=CharField()), n=Count("id")
        )
    counts = counts.annotate(facet=Value(facet.param, output_field=CharField()))
    return counts.values_list("facet", "value", "name", "n").order_by("-n", "value")[: facet.limit]


MATCHED = "browse_matched"
# The columns of the entries a text query matched, as union_all's parts read them.
MATCHED_COLUMNS = [
    f.attname for f in CatalogueEntry._meta.concrete_fields if f.attname != "search_document"
]
# union_all's part counting a broad query's sample under every filter (the total's estimate).
TOTAL = "_total"


def union_all(querysets, matched=None):
    """The rows of several querysets (same columns, each ordered and limited) in one query.

    ``matched``: catalogue entries (a text query's) the querysets read instead of the whole
    table: found once and materialized, so the text search is not run again for each part.
    A queryset, or the (SQL, params) of a query of MATCHED_COLUMNS (a sample of them). A
    part can also be the (SQL, params) of a query of MATCHED itself.
    """
    parts, params = [], []
    prefix = ""
    if matched is not None:
        table = connection.ops.quote_name(CatalogueEntry._meta.db_table)
        if not isinstance(matched, tuple):
            matched = matched.values(*MATCHED_COLUMNS).query.sql_with_params()
        matched_sql, params = matched
        params = list(params)
        prefix = f"WITH {MATCHED} AS MATERIALIZED ({matched_sql}) "
    for number, queryset in enumerate(querysets):
        if isinstance(queryset, tuple):  # (SQL, params) reading MATCHED itself
            sql, part_params = queryset
        else:
            sql, part_params = queryset.query.sql_with_params()
            if matched is not None:
                sql = sql.replace(table, MATCHED)
        parts.append(f"SELECT * FROM ({sql}) AS part{number}")
        params.extend(part_params)
    with connection.cursor() as cursor:
        cursor.execute(prefix + " UNION ALL ".join(parts), params)
        return cursor.fetchall()


def _total_query(entries):
    """union_all's part counting ``entries``, as a row (TOTAL, "", "", count)."""
    text = CharField()
    return (
        entries.values("language_code")
        .annotate(n=Count("id"), facet=Value(TOTAL, text), value=Value("", text))
        .annotate(name=Value("", text))
        .values_list("facet", "value", "name", "n")
    )


def _grouped_counts(facets):
    """PostgreSQL, the matches of a broad query without filters: (SQL, params) of one part
    counting every value of ``facets`` (but the tags) and the total in one scan of the
    matches (``GROUPING SETS``), where a part per facet would scan and sort them again each."""
    columns = [(facet.param, facet.field) for facet in facets if facet.field]
    which = " ".join(f"WHEN GROUPING({field}) = 0 THEN '{param}'" for param, field in columns)
    value = ", ".join(f"{field}::text" for _param, field in columns)
    sets = ", ".join(f"({field})" for _param, field in columns)
    sql = (
        f"SELECT CASE {which} ELSE '{TOTAL}' END AS facet, COALESCE({value}, '') AS value, "
        f"'' AS name, count(*) AS n FROM {MATCHED} GROUP BY GROUPING SETS ({sets}, ())"
    )
    return sql, []


def _top_values(rows, facets):
    """The rows of _grouped_counts as those of _facet_counts_query: no empty value, only
    the items with an image, each facet's most frequent values first, at most its limit."""
    grouped = defaultdict(list)
    for param, value, name, count in rows:
        grouped[param].append((param, value, name, count))
    kept = [row for row in rows if row[0] not in {f.param for f in facets if f.field}]
    for facet in facets:
        if not facet.field:
            continue
        values = [row for row in grouped[facet.param] if row[1] not in ("", "false")]
        values.sort(key=lambda row: (-row[3], row[1]))
        kept += values[: facet.limit]
    return kept


def about(number):
    """A count estimated from a sample, as precise as a sample can say: two significant
    digits (75,816 → 76,000; 1,234 → 1,200; 87 → 87)."""
    number = round(number)
    if number < 100:
        return number
    digits = len(str(number)) - 2
    return round(number, -digits)


# Results ------------------------------------------------------------------------------------


class Browse:
    """One browse request: its state, its results and its facets."""

    def __init__(self, request, scope=None, keep=()):
        self.request = request
        self.scope = scope or {}  # facet param → fixed value (a partner's or collection's page)
        self.language = active_language()
        self.state = BrowseState.from_request(request, self.scope, keep)
        entries = CatalogueEntry.objects.filter(language_code=self.language)
        for param, value in self.scope.items():
            entries = entries.filter(**{FACETS_BY_PARAM[param].field: value})
        self.scoped_entries = entries
        self.query = clean_query(self.state.query)
        if self.query:
            entries = search_index.matching(entries, self.query, self.language)
        self.base_entries = entries
        self.entries = _filter(entries, self.state)

    def cached(self, name, compute):
        """Counts of this language, scope and filters, kept until the next publish: paging
        through results, or a second visitor, does not count 100,000 entries again."""
        state = sorted(self.scope.items()) + sorted(
            pair for pair in self.state.params() if pair[0] not in ("sort", "view", "bbox")
        )
        digest = hashlib.sha1(urlencode(state).encode()).hexdigest()
        return cached(f"browse:{name}:{self.language}:{digest}", compute, self.request)

    @cached_property
    def timeline(self):
        return Timeline(self)

    def entries_begun_between(self, first, last):
        """The entries of every filter but the years, begun from ``first`` to ``last``: a
        range of the index of first years, which the timeline counts by decade."""
        without_years = replace(self.state, year_from=None, year_to=None)
        entries = _filter(self.base_entries, without_years)
        return entries.filter(date_start__gte=first, date_start__lte=last)

    # The results page --------------------------------------------------------------------

    def results(self):
        """A Django Page of ItemPages (cards' images prefetched), in the chosen order.
        ``estimated``: its total counted from a sample (a broad query); ``unranked``: sorted
        by relevance, but too many match to rank them all, so by title."""
        broad_total, estimated = self.broad_total
        if self.state.sort == "relevance" and broad_total is None:
            # The search engine ranks the filtered items itself, in one query.
            within = _filter(self.scoped_entries, self.state)
            years = (self.state.year_from, self.state.year_to)
            filtered = bool(self.scope or self.state.values) or years != (None, None)
            ranked = search_index.ranked(
                within, self.query, self.language, filtered=filtered, broad=self.broad
            )
            page_obj = Paginator(ranked, ITEMS_PER_PAGE).get_page(self.state.page)
            capped = len(ranked) == MAX_RANKED
            page_obj.ranked_cap = MAX_RANKED if capped else None
            page_obj.total = self.entries.count() if capped else len(ranked)
        else:
            if broad_total is not None and self.state.sort == "relevance":
                ordered = self.broad_results
            else:
                ordered = self.entries.order_by(*SORT_ORDER[self.state.sort])
            paginator = Paginator(ordered.values_list("page_id", flat=True), ITEMS_PER_PAGE)
            if broad_total is not None:
                paginator.count = broad_total
            else:
                paginator.count = self.cached("total", self.entries.count)
            page_obj = paginator.get_page(self.state.page)
            page_obj.ranked_cap = None
            page_obj.total = page_obj.paginator.count
        page_obj.estimated = estimated
        page_obj.unranked = broad_total is not None and self.state.sort == "relevance"
        ids = list(page_obj.object_list)
        by_pk = {item.pk: item for item in self._items(ids)}
        page_obj.object_list = [by_pk[pk] for pk in ids if pk in by_pk]
        if self.query:
            for item in page_obj.object_list:
                item.search_snippet = search_index.item_snippet(item, self.query)
        return page_obj

    # A broad text query ------------------------------------------------------------------

    @cached_property
    def matches_estimate(self):
        """(about how many entries here match the text query, whether exactly): read from
        the index's statistics, no entry read (search_index.estimated_matches)."""
        return search_index.estimated_matches(
            self.scoped_entries, self.query, self.language, filtered=bool(self.scope)
        )

    @cached_property
    def broad(self):
        """Whether the text query matches too many entries to rank them all
        (search_index.BROAD_MATCHES)."""
        return bool(self.query) and self.matches_estimate[0] > search_index.BROAD_MATCHES

    @cached_property
    def sample_share(self):
        """The share of a very broad query's matches (search_index.sample_above()) that
        its total and facets are counted in; None when all are counted."""
        number, _exact = self.matches_estimate
        if not self.broad or number <= search_index.sample_above():
            return None
        return min(1.0, search_index.SAMPLE_MATCHES / number)

    @cached_property
    def broad_results(self):
        """The results of a broad text query, by title (search_index.by_title)."""
        number, _exact = self.matches_estimate
        within = _filter(self.scoped_entries, self.state)
        return search_index.by_title(within, self.query, self.language, number)

    @cached_property
    def broad_total(self):
        """(the results' number, whether estimated) for a broad text query whose filters
        still leave many; (None, False) when the results are few enough to count and rank
        them all."""
        if not self.broad:
            return None, False
        number, exact = self.matches_estimate
        years = (self.state.year_from, self.state.year_to)
        if exact and not self.state.values and years == (None, None):
            return number, False
        estimate = sum(n for param, _value, _name, n in self._facet_rows if param == TOTAL)
        if estimate <= search_index.BROAD_MATCHES:
            return None, False
        return estimate, self.sample_share is not None

    @cached_property
    def suggestion(self):
        """When the text query finds no item here: a query with its misspelt words
        corrected that does ("" when there is none)."""
        if not self.query or self.base_entries.exists():
            return ""
        return search_index.suggestion(self.scoped_entries, self.query, self.language)

    def suggestion_url(self):
        """``?…#items`` with the suggested query instead of the visitor's."""
        pairs = [pair for pair in self.state.params() if pair[0] != "q"]
        return "?" + urlencode([("q", self.suggestion), *pairs]) + "#items"

    def _items(self, ids):
        return (
            ItemPage.objects.filter(pk__in=ids)
            .select_related("object_type", "locale")
            .prefetch_related(
                Prefetch(
                    "images",
                    queryset=ItemImage.objects.select_related("image")
                    .prefetch_related("image__renditions")
                    .order_by("sort_order"),
                )
            )
        )

    # Facets ------------------------------------------------------------------------------

    @cached_property
    def _facet_rows(self):
        """(facet param, value, name, count) of every shown facet's values; for a broad
        query, counted in a sample of its matches and scaled up, with the TOTAL row."""
        # With a text query, the parts count among its matches, found once.
        counted = self.scoped_entries if self.query else self.base_entries
        parts = [
            _facet_counts_query(_filter(counted, self.state, skip=f.param), f)
            for f in self._shown_facets
        ]
        if not self.broad:
            matched = self.base_entries if self.query else None
            return self.cached("facets", lambda: union_all(parts, matched=matched))
        # A broad query's total is counted in the same pass.
        years = (self.state.year_from, self.state.year_to)
        if connection.vendor == "postgresql" and not self.state.values and years == (None, None):
            shown = self._shown_facets
            parts = [part for part, f in zip(parts, shown, strict=True) if not f.field]
            parts.append(_grouped_counts(shown))

            def count(matched):
                return _top_values(union_all(parts, matched=matched), shown)
        else:
            parts.append(_total_query(_filter(counted, self.state)))

            def count(matched):
                return union_all(parts, matched=matched)

        share = self.sample_share
        if share is None:
            return self.cached("facets", lambda: count(self.base_entries))
        matched = search_index.sampled_matches_sql(
            self.scoped_entries, self.query, self.language, share, MATCHED_COLUMNS
        )
        rows = self.cached("facets", lambda: count(matched))
        return [(param, value, name, about(n / share)) for param, value, name, n in rows]

    @cached_property
    def _shown_facets(self):
        return [facet for facet in FACETS if facet.param not in self.scope]

    @property
    def facets_estimated(self):
        """Whether the facets' counts are estimates (a broad query's sample)."""
        return self.sample_share is not None

    @cached_property
    def facets(self):
        """Every facet with its values and counts (one query), selected values first."""
        shown = self._shown_facets
        rows = self._facet_rows
        by_facet = defaultdict(list)
        for param, value, name, count in rows:
            by_facet[param].append((value, name, count))
        labels = catalogue_labels(self.language)
        groups = []
        for facet in shown:
            selected = self.state.values.get(facet.param, [])
            counted = {value: (name, count) for value, name, count in by_facet[facet.param]}
            values = []
            for value, (name, count) in counted.items():
                value = "1" if facet.param == "image" else value
                values.append(self._facet_value(facet, value, name, count, selected, labels))
            # A selected value with no results stays visible, so it can be removed.
            for value in selected:
                if value not in {v.value for v in values}:
                    values.append(self._facet_value(facet, value, "", 0, selected, labels))
            if facet.param == "century":
                values.sort(key=lambda v: int(v.value))
            if values:
                groups.append(FacetGroup(facet.param, facet.label, values))
        return groups

    def _facet_value(self, facet, value, name, count, selected, labels):
        label, lang = self.value_label(facet.param, value, name, labels)
        is_selected = value in selected
        pair = (facet.param, value)
        url = self.state.url(remove=pair) if is_selected else self.state.url(add=pair)
        return FacetValue(value, label, count, is_selected, url, lang)

    def value_label(self, param, value, name="", labels=None):
        """What a visitor reads for a facet value, and its language when not theirs."""
        labels = labels if labels is not None else catalogue_labels(self.language)
        if param == "century":
            return century_label(int(value)), ""
        if param == "image":
            return str(_("With images")), ""
        if param == "rights":
            return (str(Reuse(value).label) if value in Reuse.values else value), ""
        if param == "tag":
            return name or value, ""
        if param in ("partner", "collection", "type"):
            return labels[param].get(value, (value, ""))
        return value, ""

    def active_filters(self):
        """The chosen filters, each with the URL that removes it."""
        filters = []
        if self.state.query:
            filters.append(ActiveFilter(_("Search"), self.state.query, self.state.url(remove="q")))
        for group in self.facets:
            for value in group.values:
                if value.selected:
                    filters.append(ActiveFilter(group.label, value.label, value.url))
        if self.state.year_from is not None:
            filters.append(
                ActiveFilter(_("From"), str(self.state.year_from), self.state.url(remove="from"))
            )
        if self.state.year_to is not None:
            filters.append(
                ActiveFilter(_("To"), str(self.state.year_to), self.state.url(remove="to"))
            )
        return filters

    def sort_options(self):
        sorts = [key for key in SORTS if key != "relevance" or self.query]
        return [(key, SORTS[key], key == self.state.sort) for key in sorts]


def search_refinement(request):
    """The items tab of the site search: the catalogue's facets over the matching items."""
    browse = Browse(request, keep=(("kind", "items"),))
    return {"browse": browse, "items": browse.results()}
