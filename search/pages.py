"""The site search: Wagtail's search index for the hub's pages, and the searches of their own
that content apps register for models with too many pages for it (the items).

Queries are read as every search of the hub reads them (``heritagehub.search``).
"""

from django.apps import apps
from django.contrib.contenttypes.models import ContentType
from django.db import connection
from django.db.models import Q
from wagtail.models import Page
from wagtail.search import models as search_models
from wagtail.search.backends import get_search_backend

from heritagehub.cache import without_private
from heritagehub.i18n import active_language, in_language
from heritagehub.search import MAX_RANKED, parse_query

from .backend import TITLE_WEIGHT

# Page models with too many pages for ``in_language`` and Wagtail's index (items: 100,000+)
# register a search of their own: an object with ``search(query, language, limit)`` → pks,
# best first; ``identify(query, language)`` → the URL of the one page the query names
# exactly (an inventory number), or None; ``suggest(query, language)`` → a corrected query
# that finds pages, or "".
_own_search = {}


def register_search(model, search):
    _own_search[model] = search


def identified_page_url(query, language):
    """The URL a query naming one page exactly goes straight to, or None."""
    for search in _own_search.values():
        url = search.identify(query, language)
        if url:
            return url
    return None


def suggested_query(query, language):
    """A query like ``query`` with its misspellings corrected, that finds pages, or ""."""
    for search in _own_search.values():
        suggestion = search.suggest(query, language)
        if suggestion:
            return suggestion
    return ""


def search_pages(query, limit=MAX_RANKED):
    """Primary keys of the live pages matching ``query``, one per translation (the one the
    visitor's language is served): the hub's pages (partners, collections, stories…) best
    first, then those of the models with a search of their own (the items), best first."""
    language = active_language()
    others = without_private(Page.objects.live().exclude(depth__lte=1))
    if _own_search:
        # The other types named, not the own-search ones excluded: PostgreSQL then finds the
        # few hundred pages through the content type's index instead of reading every page
        # of the hub (105,000 at 100,000 items; 46 → 15 ms for a site search).
        others = others.filter(content_type_id__in=_content_type_ids(Page, tuple(_own_search)))
    within = Page.objects.filter(Q(pk__in=in_language(others).values("pk"))).values("pk")
    pages = matching_pages(Page, query, within=within, exclude=tuple(_own_search))[:limit]
    for search in _own_search.values():
        pages += search.search(query, language, limit - len(pages))
    return pages[:limit]


def matching_pages(model, query, within=None, exclude=()):
    """Primary keys of the ``model`` pages (not of the models ``exclude``) matching every
    word of ``query`` in Wagtail's search index, best first (at most MAX_RANKED).
    ``within``: a subquery of the primary keys to search among."""
    text = " ".join(word for term in parse_query(query) for word in term.words)
    if not text:
        return []
    if _sqlite_fts():
        return _sqlite_matching_pages(model, text, within, exclude)
    queryset = model.objects.all() if within is None else model.objects.filter(pk__in=within)
    results = queryset.search(text, operator="and", order_by_relevance=True)
    return list(results.get_queryset().values_list("pk", flat=True)[:MAX_RANKED])


# SQLite: the FTS5 table drives the query ---------------------------------------------------
#
# Wagtail's SQLite backend (modelsearch 1.3) filters with ``pk IN (SELECT … MATCH …)`` and
# ranks with a correlated subquery per result; SQLite then probes the FTS table once per
# indexed object of the model (100,000 MATCH evaluations, 12 s for a common word) and again
# per result to rank it. Here the MATCH is the outer loop, CROSS JOIN keeping that order, and
# the rank is FTS5's column-weighted bm25() (search.backend).


def _sqlite_fts():
    return type(get_search_backend()).__name__ == "SQLiteSearchBackend"


def _content_type_ids(model, exclude):
    models = [
        m
        for m in apps.get_models()
        if issubclass(m, model) and not any(issubclass(m, e) for e in exclude)
    ]
    return [ct.pk for ct in ContentType.objects.get_for_models(*models).values()]


def _sqlite_matching_pages(model, text, within, exclude):
    # SQLiteFTSIndexEntry exists only where the database is SQLite with FTS5.
    fts = search_models.SQLiteFTSIndexEntry._meta.db_table
    entries = search_models.IndexEntry._meta.db_table
    type_ids = _content_type_ids(model, exclude)
    sql = (
        f"SELECT CAST(e.object_id AS INTEGER) FROM {fts} CROSS JOIN {entries} e "
        f"ON e.id = {fts}.rowid WHERE {fts} MATCH %s "
        f"AND e.content_type_id IN ({', '.join(['%s'] * len(type_ids))})"
    )
    # Each word quoted (FTS5 syntax off), every one of them matching.
    params = [" AND ".join(f'"{word}"' for word in text.split()), *type_ids]
    if within is not None:
        within_sql, within_params = within.query.sql_with_params()
        sql += f" AND CAST(e.object_id AS INTEGER) IN ({within_sql})"
        params += list(within_params)
    sql += f" ORDER BY bm25({fts}, 0.0, 1.0, {TITLE_WEIGHT}) LIMIT {MAX_RANKED}"
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        return [row[0] for row in cursor.fetchall()]
