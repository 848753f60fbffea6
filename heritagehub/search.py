"""Site search: items, collections, stories, partners and plain pages, in the visitor's language."""

import re

from django.db.models import Q
from wagtail.models import Page

from heritagehub.i18n import active_language, in_language

MAX_QUERY_LENGTH = 200


def clean_query(query):
    """The words of a visitor's query, without punctuation.

    Quotes, brackets, stars and the like are syntax to the full-text engines (a stray quote
    is an SQL error on SQLite FTS5); visitors mean words, so only words are searched.
    """
    return " ".join(re.findall(r"\w+", query[:MAX_QUERY_LENGTH]))


# Page models with too many pages for ``in_language`` over all of them (items: 100,000+)
# register a function giving, for a language, the pks of the pages its visitors are served.
_served_pages = {}


def register_served_pages(model, served_pages):
    _served_pages[model] = served_pages


def search_pages(query):
    """Live pages matching ``query``, one per translation, ranked by relevance (one query)."""
    language = active_language()
    others = Page.objects.live().public().exclude(depth__lte=1)
    if _served_pages:
        others = others.not_type(*_served_pages)
    candidates = Q(pk__in=in_language(others).values("pk"))
    for served_pages in _served_pages.values():
        candidates |= Q(pk__in=served_pages(language))
    return (
        Page.objects.live()
        .public()
        .filter(candidates)
        .specific()
        .search(clean_query(query), order_by_relevance=True)
    )


def matching_pages(model, query, within=None, ranked=False):
    """Primary keys of the ``model`` pages matching ``query`` in the search index, as a
    queryset (a subquery when filtered on), best first when ``ranked``.

    ``within``: a subquery of primary keys to search among (the search engine then ranks
    only those).
    """
    queryset = model.objects.all() if within is None else model.objects.filter(pk__in=within)
    results = queryset.search(clean_query(query), order_by_relevance=ranked)
    return results.get_queryset().values_list("pk", flat=True)
