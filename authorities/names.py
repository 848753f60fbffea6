"""Names as catalogues write them, reduced to what compares: the reconciliation of items'
free text with authority records (heritage_collections.reconciliation) and the records' own
sort names.

"Turner, Joseph Mallord William", "Joseph Mallord William Turner" and "JOSEPH MALLORD
WILLIAM TURNER (1775–1851)" are one name: accents folded, case and punctuation dropped,
"Surname, Forename" turned round, dates in the text kept apart to tell namesakes apart.
"""

import re
import unicodedata

# Years in a creator statement: "1775–1851", "(1775-1851)", "born 1939", "c.1600–1650".
_YEARS = re.compile(r"(?<!\d)(\d{3,4})(?!\d)")
_DATES = re.compile(r"\(?\s*(?:born|b\.|died|d\.|c\.|active|fl\.)?\s*\d{3,4}[^,;)]*\)?", re.I)
_NOT_WORD = re.compile(r"[^a-z0-9]+")


def fold(text):
    """Lower case, accents and punctuation gone, single spaces: "Dürer, A." → "durer a"."""
    decomposed = unicodedata.normalize("NFKD", text or "")
    plain = "".join(char for char in decomposed if not unicodedata.combining(char))
    return _NOT_WORD.sub(" ", plain.casefold()).strip()


def years_in(text):
    """The years a text names, in order: "Turner (1775–1851)" → [1775, 1851]."""
    return [int(year) for year in _YEARS.findall(text or "")]


def without_dates(text):
    return " ".join(_DATES.sub(" ", text or "").split()).strip(" ,;")


def name_keys(text):
    """The folded forms a name may be written in: as given, and turned round when it is
    "Surname, Forename" (or the other way round when it is not). Dates are left out."""
    name = without_dates(text)
    keys = {fold(name)}
    if name.count(",") == 1:
        surname, forenames = (part.strip() for part in name.split(","))
        keys.add(fold(f"{forenames} {surname}"))
    else:
        words = name.split()
        if len(words) > 1:
            keys.add(fold(f"{words[-1]}, {' '.join(words[:-1])}"))
    keys.discard("")
    return keys


def sort_name(name):
    """ "Forename Surname" as "Surname, Forename" for sorting; a name with a comma is kept."""
    name = " ".join((name or "").split())
    if "," in name or " " not in name:
        return name
    *forenames, surname = name.split(" ")
    return f"{surname}, {' '.join(forenames)}"
