"""The kinds of site-search results — items, stories, collections, partners, events, calls —
as the tabs of the results page, each with its count.

Content apps register their page types (in the order of the tabs) and, optionally, a
``refine(request)`` giving the context of a richer tab (the items tab: the catalogue's
facets); every other page type counts as "other pages". Counting costs one query over the
ranked results, whatever their number.
"""

from collections import Counter, defaultdict
from dataclasses import dataclass
from urllib.parse import urlencode

from django.contrib.contenttypes.models import ContentType
from django.db.models import prefetch_related_objects
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from wagtail.models import Page

from heritagehub.covers import choose_covers

OTHER = "pages"
# kind (the tab's ?kind= value) → (position of its tab, model, refine)
_kinds = {}
# model → what its result card needs fetched (prefetch_related lookups)
_card_lookups = {}


def register_result_kind(kind, model, position, refine=None, card_lookups=()):
    _kinds[kind] = (position, model, refine)
    _card_lookups[model] = list(card_lookups)


def prefetch_cards(pages):
    """Fetch what the result cards of ``pages`` (specific pages, any types) show: a
    constant number of queries per page type, and their card images (heritagehub.covers)."""
    by_model = {}
    for page in pages:
        by_model.setdefault(type(page), []).append(page)
    for model, group in by_model.items():
        if _card_lookups.get(model):
            prefetch_related_objects(group, *_card_lookups[model])
    choose_covers(pages)


def _kind_of_model():
    return {model._meta.model_name: kind for kind, (_p, model, _r) in _kinds.items()}


@dataclass(frozen=True)
class Tab:
    kind: str  # "" for every result
    label: str
    count: int
    url: str
    current: bool


def result_types(pks):
    """{pk: content type id} of the result pages ``pks``, in one query."""
    return dict(Page.objects.filter(pk__in=pks).values_list("pk", "content_type_id"))


def result_kinds(types):
    """{pk: kind} of the result pages, from their ``result_types``."""
    kind_of_model = _kind_of_model()
    return {
        pk: kind_of_model.get(ContentType.objects.get_for_id(type_id).model, OTHER)
        for pk, type_id in types.items()
    }


def specific_pages(pks, types):
    """The pages ``pks`` as their own types, in that order: one query per page type, their
    types known from ``result_types`` (which Wagtail's ``specific()`` would ask again)."""
    by_type = defaultdict(list)
    for pk in pks:
        if pk in types:
            by_type[types[pk]].append(pk)
    found = {}
    for type_id, group in by_type.items():
        model = ContentType.objects.get_for_id(type_id).model_class() or Page
        found.update(model.objects.in_bulk(group))
    return [found[pk] for pk in pks if pk in found]


def known_kind(kind, kinds):
    """``kind`` when some result is of that kind, else "" (every result)."""
    return kind if kind and kind in set(kinds.values()) else ""


def tabs(query, kinds, current):
    """The tabs of a results page: every result, then each kind with results."""
    counts = Counter(kinds.values())

    def url(kind):
        return "?" + urlencode([("q", query), ("kind", kind)] if kind else [("q", query)])

    result = [Tab("", pgettext_lazy("search results", "All"), len(kinds), url(""), current == "")]
    for name, (_position, model, _refine) in sorted(_kinds.items(), key=lambda k: k[1][0]):
        if counts[name]:
            label = capfirst(model._meta.verbose_name_plural)
            result.append(Tab(name, label, counts[name], url(name), current == name))
    if counts[OTHER]:
        result.append(Tab(OTHER, _("Other pages"), counts[OTHER], url(OTHER), current == OTHER))
    return result


def refinement(kind, request):
    """The extra context of a kind's tab (its ``refine``), or None."""
    refine = _kinds.get(kind, (None, None, None))[2]
    return refine(request) if refine else None
