"""An item's years as an EDM ``edm:TimeSpan``: the contextual class Europeana reads the date
of an object from (EDM definitions, "edm:TimeSpan": skos:prefLabel per language,
dcterms:isPartOf, edm:begin, edm:end, in that order). Metis counts a time span with an
edm:begin and an edm:end as a contextual class of its own, beside agents, places and concepts.

The item's years are the hub's: negative for BCE and no year 0 (``catalogue.century_of``).
edm:begin and edm:end are ISO 8601 years, which count a year 0: 1 BCE is ``0000``, 500 BCE
``-0499`` (EDTF, which Europeana normalises dates to, does the same).
"""

from dataclasses import dataclass, field

from django.utils import translation
from django.utils.translation import pgettext

from heritagehub.linked_data import iso_year

from ..catalogue import century_of
from ..vocabulary import century_label

# Europeana's entity collection has a time span for each century of the common era, 1st to
# 21st (Metis links normalised dates to them, and to no century before the 1st).
EUROPEANA_CENTURY = "http://data.europeana.eu/timespan/{}"
FIRST_CENTURY, LAST_CENTURY = 1, 21


@dataclass
class TimeSpan:
    uri: str
    begin: str  # ISO 8601 year
    end: str
    labels: dict = field(default_factory=dict)  # language: label
    part_of: str = ""  # the Europeana century it lies within


def europeana_century(century):
    """The URI of Europeana's entity for this century (19 → …/timespan/19), or "" when
    Europeana has none (centuries BCE)."""
    if FIRST_CENTURY <= century <= LAST_CENTURY:
        return EUROPEANA_CENTURY.format(century)
    return ""


def century_years(century):
    """(first year, last year) of a century of the common era: 19 → (1801, 1900)."""
    return (century - 1) * 100 + 1, century * 100


def year_label(year):
    if year < 0:
        return pgettext("period", "%(year)s BCE") % {"year": -year}
    return str(year)


def span_label(start, end):
    if start == end:
        return year_label(start)
    return f"{year_label(start)}–{year_label(end)}"


def time_span(start, end, languages, fallback_uri):
    """The edm:TimeSpan of the years ``start``–``end`` (``end`` None for one year), labelled
    in each of ``languages``, or None without a start year (``years`` writes none either).

    A span that is a whole century of the common era is Europeana's entity for it, under its
    URI. Any other span is the item's own, named by ``fallback_uri`` (a fragment of the item's
    page, as its ProvidedCHO is): naming it by a Europeana century would tell Europeana that
    its 19th century began in 1885, and Europeana's collection has no entity for a span of
    years. It says it is part of the century it lies within; a span across centuries is part
    of none of them, so it says nothing.
    """
    if start is None:
        return None
    end = start if end is None or end < start else end
    first, last = century_of(start), century_of(end)
    whole_century = (
        first == last and europeana_century(first) and (start, end) == century_years(first)
    )
    span = TimeSpan(
        uri=europeana_century(first) if whole_century else fallback_uri,
        begin=iso_year(start),
        end=iso_year(end),
        part_of="" if whole_century or first != last else europeana_century(first),
    )
    for language in languages:
        with translation.override(language):
            span.labels.setdefault(
                language, century_label(first) if whole_century else span_label(start, end)
            )
    return span
