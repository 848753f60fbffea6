"""Site search: items, collections, stories, partners and plain pages, in the visitor's language."""

import re

from django.db import connection
from django.db.models import Q
from django.db.models.expressions import RawSQL
from wagtail.models import Page

from heritagehub.cache import without_private
from heritagehub.i18n import active_language, in_language

MAX_QUERY_LENGTH = 200
# Relevance order is paged through the best this many matches.
MAX_RANKED = 1000


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


def search_pages(query, limit=MAX_RANKED):
    """Primary keys of the live pages matching ``query``, one per translation (the one the
    visitor's language is served), best first: at most ``limit``, ranked in one query."""
    language = active_language()
    others = without_private(Page.objects.live().exclude(depth__lte=1))
    if _served_pages:
        others = others.not_type(*_served_pages)
    candidates = Page.objects.filter(Q(pk__in=in_language(others).values("pk")))
    for served_pages in _served_pages.values():
        candidates = candidates | Page.objects.filter(pk__in=served_pages(language))
    return matching_pages(Page, query, within=candidates.values("pk"), ranked=True)[:limit]


def matching_pages(model, query, within=None, ranked=False):
    """Primary keys of the ``model`` pages matching ``query`` in the search index.

    Unranked: a queryset, to filter on as a subquery. Ranked: a list, best first (at most
    MAX_RANKED). ``within``: a subquery of the primary keys to search among.
    """
    if _sqlite_fts():
        return _sqlite_matching_pages(model, query, within, ranked)
    queryset = model.objects.all() if within is None else model.objects.filter(pk__in=within)
    results = queryset.search(clean_query(query), order_by_relevance=ranked)
    pks = results.get_queryset().values_list("pk", flat=True)
    return list(pks[:MAX_RANKED]) if ranked else pks


# SQLite: the FTS5 table drives the query ---------------------------------------------------
#
# Wagtail's SQLite backend (modelsearch 1.3) filters with ``pk IN (SELECT … MATCH …)`` and
# ranks with a correlated subquery per result; SQLite then probes the FTS table once per
# indexed object of the model (100,000 MATCH evaluations, 12 s for a common word) and again
# per result to rank it. Here the MATCH is the outer loop, CROSS JOIN keeping that order, and
# the rank is FTS5's column-weighted bm25() (heritagehub.search_backend).


def _sqlite_fts():
    from wagtail.search.backends import get_search_backend

    return type(get_search_backend()).__name__ == "SQLiteSearchBackend"


def _match_expression(query):
    # Each word quoted (FTS5 syntax off), any of them matching, as Wagtail's "or" operator.
    return " OR ".join(f'"{word}"' for word in clean_query(query).split())


def _content_type_ids(model):
    from django.apps import apps
    from django.contrib.contenttypes.models import ContentType

    models = [m for m in apps.get_models() if issubclass(m, model)]
    return [ct.pk for ct in ContentType.objects.get_for_models(*models).values()]


def _sqlite_matching_pages(model, query, within, ranked):
    from wagtail.search.models import IndexEntry, SQLiteFTSIndexEntry

    from heritagehub.search_backend import TITLE_WEIGHT

    fts, entries = SQLiteFTSIndexEntry._meta.db_table, IndexEntry._meta.db_table
    type_ids = _content_type_ids(model)
    sql = (
        f"SELECT CAST(e.object_id AS INTEGER) FROM {fts} CROSS JOIN {entries} e "
        f"ON e.id = {fts}.rowid WHERE {fts} MATCH %s "
        f"AND e.content_type_id IN ({', '.join(['%s'] * len(type_ids))})"
    )
    params = [_match_expression(query), *type_ids]
    if within is not None:
        within_sql, within_params = within.query.sql_with_params()
        sql += f" AND CAST(e.object_id AS INTEGER) IN ({within_sql})"
        params += list(within_params)
    if not ranked:
        return model.objects.filter(pk__in=RawSQL(sql, params)).values_list("pk", flat=True)
    sql += f" ORDER BY bm25({fts}, 0.0, 1.0, {TITLE_WEIGHT}) LIMIT {MAX_RANKED}"
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        return [row[0] for row in cursor.fetchall()]
