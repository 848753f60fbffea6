"""Site search, and the text analysis every search of the hub shares.

A visitor's query is read the same way everywhere (``parse_query``): words, and phrases in
double quotes; punctuation, stray quotes and control characters are dropped, never passed to
a search engine as syntax. Words are compared accent- and case-free and by their stem in the
visitor's language (``fold``, ``stems``): the Snowball stemmers of PostgreSQL's text search
configurations, which PyStemmer brings to Python for SQLite's FTS5 and for the snippets.
"""

import difflib
import html
import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

import Stemmer
from django.db import connection, models
from django.db.models import Q
from wagtail.models import Page

from heritagehub.cache import without_private
from heritagehub.i18n import active_language, in_language

MAX_QUERY_LENGTH = 200
# Relevance order is paged through the best this many matches.
MAX_RANKED = 1000
MAX_TERMS = 12  # words and phrases a query is searched by; further ones are ignored

# The Snowball stemmer of each site language: the algorithms of PostgreSQL's configurations.
SNOWBALL = {"it": "italian", "en": "english", "fr": "french", "de": "german", "es": "spanish"}

WORD = re.compile(r"[^\W_]+")


def fold(text):
    """``text`` without case and accents: "Città" → "citta", "Œuvre" → "oeuvre"."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def words(text):
    """The accent- and case-free words of ``text``."""
    return WORD.findall(fold(text))


@lru_cache(maxsize=8)
def _stemmer(language):
    stemmer = Stemmer.Stemmer(SNOWBALL.get(language, "english"))
    stemmer.maxCacheSize = 100_000
    return stemmer


def stems(text, language):
    """The stems of the words of ``text`` in ``language``: "Dipinti" → ["dipint"]."""
    return _stemmer(language).stemWords(words(text))


@dataclass(frozen=True)
class Term:
    """A word of the query, or a phrase (several words in this order)."""

    words: tuple

    @property
    def is_phrase(self):
        return len(self.words) > 1

    def __str__(self):
        text = " ".join(self.words)
        return f'"{text}"' if self.is_phrase else text


def parse_query(query):
    """The terms of a visitor's query: a phrase per pair of double quotes, a word for every
    other word. Everything else (punctuation, an unpaired quote, NUL bytes) is dropped."""
    query = query[:MAX_QUERY_LENGTH].replace("\x00", " ")
    query = re.sub(r"[“”„«»]", '"', query)
    terms = []
    parts = query.split('"')
    for number, part in enumerate(parts):
        # Odd parts are between quotes, except the text after an unpaired last quote.
        quoted = number % 2 == 1 and number < len(parts) - 1
        found = words(part)
        if quoted and len(found) > 1:
            terms.append(Term(tuple(found)))
        else:
            terms += [Term((word,)) for word in found]
    return list(dict.fromkeys(terms))[:MAX_TERMS]


def clean_query(query):
    """The query as words and quoted phrases, "" when it holds no word (nothing to search)."""
    return " ".join(str(term) for term in parse_query(query))


class SearchDocumentField(models.TextField):
    """The searchable text of a row: a ``tsvector`` on PostgreSQL (what its text search
    indexes and ranks); on SQLite unused, FTS5 tables hold the text (heritage_collections.
    search_index)."""

    def db_type(self, connection):
        return "tsvector" if connection.vendor == "postgresql" else "text"


# Snippets ---------------------------------------------------------------------------------

SNIPPET_LENGTH = 160


def snippet(text, query, language):
    """HTML: the part of ``text`` (in ``language``) where the query's words are, those
    words in <mark>; "" when none of them is in ``text``. Compared by stem (the query's in
    every language) and accent-free, as the search does."""
    query_words = " ".join(word for term in parse_query(query) for word in term.words)
    wanted = {stem for code in SNOWBALL for stem in stems(query_words, code)}
    if not wanted or not text:
        return ""
    stemmer = _stemmer(language)
    spans = [
        match.span()
        for match in WORD.finditer(text)
        if stemmer.stemWord(fold(match.group())) in wanted
    ]
    if not spans:
        return ""
    start = max(0, spans[0][0] - SNIPPET_LENGTH // 3)
    if start:  # begin at a word
        space = text.find(" ", start)
        start = space + 1 if 0 <= space < spans[0][0] else start
    end = min(len(text), start + SNIPPET_LENGTH)
    parts, position = [], start
    for span_start, span_end in spans:
        if span_start < position or span_end > end:
            continue
        parts.append(html.escape(text[position:span_start]))
        parts.append(f"<mark>{html.escape(text[span_start:span_end])}</mark>")
        position = span_end
    parts.append(html.escape(text[position:end]))
    prefix = "…" if start else ""
    suffix = "…" if end < len(text) else ""
    return prefix + "".join(parts).strip() + suffix


# Suggestions ------------------------------------------------------------------------------


def closest_word(word, candidates):
    """The candidate most like ``word`` (a misspelling of it), or None."""
    found = difflib.get_close_matches(word, candidates, n=1, cutoff=0.75)
    return found[0] if found else None


# Site search ------------------------------------------------------------------------------

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
        others = others.not_type(*_own_search)
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
# the rank is FTS5's column-weighted bm25() (heritagehub.search_backend).


def _sqlite_fts():
    from wagtail.search.backends import get_search_backend

    return type(get_search_backend()).__name__ == "SQLiteSearchBackend"


def _content_type_ids(model, exclude):
    from django.apps import apps
    from django.contrib.contenttypes.models import ContentType

    models = [
        m
        for m in apps.get_models()
        if issubclass(m, model) and not any(issubclass(m, e) for e in exclude)
    ]
    return [ct.pk for ct in ContentType.objects.get_for_models(*models).values()]


def _sqlite_matching_pages(model, text, within, exclude):
    from wagtail.search.models import IndexEntry, SQLiteFTSIndexEntry

    from heritagehub.search_backend import TITLE_WEIGHT

    fts, entries = SQLiteFTSIndexEntry._meta.db_table, IndexEntry._meta.db_table
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
