"""The text analysis every search of the hub shares (the site search is the ``search`` app).

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
from django.db import models

MAX_QUERY_LENGTH = 200
# Relevance order is paged through the best this many matches.
MAX_RANKED = 1000
MAX_TERMS = 12  # words and phrases a query is searched by; further ones are ignored

# The Snowball stemmer of each site language: the algorithms of PostgreSQL's configurations.
SNOWBALL = {"it": "italian", "en": "english", "fr": "french", "de": "german", "es": "spanish"}

WORD = re.compile(r"[^\W_]+")


class _WithoutCombining(dict):
    """A ``str.translate`` table deleting combining marks, each character looked up once
    (an import folds millions of characters: a test per character cost seconds)."""

    def __missing__(self, code):
        self[code] = None if unicodedata.combining(chr(code)) else code
        return self[code]


WITHOUT_COMBINING = _WithoutCombining()


def fold(text):
    """``text`` without case and accents: "Città" → "citta", "Œuvre" → "oeuvre"."""
    folded = text.casefold()
    if folded.isascii():  # no ASCII character decomposes or combines
        return folded
    return unicodedata.normalize("NFKD", folded).translate(WITHOUT_COMBINING)


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
