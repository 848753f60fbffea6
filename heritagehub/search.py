"""Site search: items, collections, stories, partners and plain pages, in the visitor's language."""

import re

from wagtail.models import Page

from heritagehub.i18n import in_language

MAX_QUERY_LENGTH = 200


def clean_query(query):
    """The words of a visitor's query, without punctuation.

    Quotes, brackets, stars and the like are syntax to the full-text engines (a stray quote
    is an SQL error on SQLite FTS5); visitors mean words, so only words are searched.
    """
    return " ".join(re.findall(r"\w+", query[:MAX_QUERY_LENGTH]))


def search_pages(query):
    """Live pages matching ``query``, one per translation, ranked by relevance."""
    candidates = in_language(Page.objects.live().public().exclude(depth__lte=1))
    return (
        Page.objects.live()
        .public()
        .filter(pk__in=candidates.values("pk"))
        .specific()
        .search(clean_query(query), order_by_relevance=True)
    )
