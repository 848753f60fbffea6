"""What the bench database holds beyond the demo: partners, collections and Item CSV rows.

Pure data and functions (no database): the builder (``benchmarks.build``) turns them into
pages and CSV files. The generated variants re-use Tate records with new identifiers,
shifted dates, other places and tags, and are spread unevenly over the bench partners (a
few large partners, many small ones) so that browse facets have a realistic spread.
"""

import csv
import random
from dataclasses import dataclass

from heritagehub.rights import RightsStatement


@dataclass(frozen=True)
class BenchPartner:
    name: str
    slug: str
    institution_type: str
    weight: int  # share of the generated items
    collections: tuple = ()  # slugs; the first is the largest, titles are the slugs capitalized
    languages: tuple = ("en", "fr")  # the partner's pages are translated: items may be too


# Fictional institutions: a few large catalogues and many small ones.
BENCH_PARTNERS = [
    BenchPartner(f"{name} (bench)", slug, kind, weight, tuple(collections.split()))
    for name, slug, kind, weight, collections in [
        ("Archivio Storico Subalpino", "bench-archivio-subalpino", "archive", 30,
         "fotografie documenti mappe"),
        ("Museo Civico del Mare", "bench-museo-del-mare", "museum", 20, "dipinti oggetti stampe"),
        ("Biblioteca delle Arti", "bench-biblioteca-arti", "library", 12,
         "libri manoscritti incisioni"),
        ("Centro Studi Mediterranei", "bench-centro-studi", "research-centre", 9,
         "disegni fotografie"),
        ("Officina Creativa", "bench-officina-creativa", "creative-hub", 7, "manifesti progetti"),
        ("Casa della Comunità", "bench-casa-comunita", "community-space", 6, "ricordi fotografie"),
        ("Museo del Tessuto", "bench-museo-tessuto", "museum", 5, "tessuti disegni"),
        ("Archivio Sonoro", "bench-archivio-sonoro", "archive", 4, "registrazioni documenti"),
        ("Piattaforma Digitale", "bench-piattaforma", "digital-platform", 4, "raccolta"),
        ("Fondazione Design", "bench-fondazione-design", "company", 3, "oggetti disegni"),
    ]
]  # fmt: skip

# Places with the share of items they get, so the place facet has large and small values.
PLACES = [
    ("Torino", 45.0703, 7.6869, 20),
    ("Genova", 44.4056, 8.9463, 12),
    ("Bologna", 44.4949, 11.3426, 10),
    ("Favara", 37.3187, 13.6591, 6),
    ("Venezia", 45.4408, 12.3155, 9),
    ("Roma", 41.9028, 12.4964, 9),
    ("Napoli", 40.8518, 14.2681, 6),
    ("Donostia / San Sebastián", 43.3183, -1.9812, 6),
    ("Bruxelles", 50.8503, 4.3517, 6),
    ("Paris", 48.8566, 2.3522, 5),
    ("Berlin", 52.52, 13.405, 4),
    ("Timișoara", 45.7489, 21.2087, 3),
    ("Wien", 48.2082, 16.3738, 2),
    ("Madrid", 40.4168, -3.7038, 2),
]
TAGS = [
    "porto", "industria", "lavoro", "paesaggio", "ritratto", "architettura", "fiume",
    "montagna", "mare", "città", "festa", "guerra", "teatro", "musica", "scuola", "ferrovia",
    "mercato", "artigianato", "moda", "cinema", "design", "emigrazione", "agricoltura", "sport",
]  # fmt: skip
RIGHTS = [
    (RightsStatement.PUBLIC_DOMAIN_MARK, 30),
    (RightsStatement.CC0, 20),
    (RightsStatement.CC_BY, 15),
    (RightsStatement.CC_BY_NC, 10),
    (RightsStatement.IN_COPYRIGHT, 15),
    (RightsStatement.NOT_EVALUATED, 10),
]
VARIANT_PREFIX = "B"
TITLE_MAX_LENGTH = 255  # Page.title
TRANSLATED_SHARE = 0.1  # variants that get English (and some French) titles

# Object types of Tate's rows → the collections of the demo's Tate partner (created if
# missing), as (slug, title).
TATE_COLLECTIONS = {
    "painting": ("paintings", "Paintings"),
    "print": ("prints", "Prints"),
    "drawing": ("drawings-and-watercolours", "Drawings and watercolours"),
    "sculpture": ("sculpture-and-installations", "Sculpture, reliefs and installations"),
    "installation": ("sculpture-and-installations", "Sculpture, reliefs and installations"),
}
TATE_OTHER_COLLECTION = ("other-works", "Other works")


def tate_collection_of(row):
    """(slug, title) of the Tate collection a Tate row is imported into."""
    return TATE_COLLECTIONS.get(row.get("object_type"), TATE_OTHER_COLLECTION)


def repair(row):
    """``row`` as the importer accepts it. One Tate record (D14881, "1828–9") has an end year
    before its start year (1819); the import rightly refuses it, so its end year is dropped
    and its date text kept."""
    start, end = _year(row.get("date_start")), _year(row.get("date_end"))
    if start is not None and end is not None and end < start:
        row = {**row, "date_end": ""}
    return row


def split_counts(total, weights):
    """``total`` split in proportion to ``weights``, exactly (largest remainders)."""
    whole = sum(weights)
    shares = [total * weight / whole for weight in weights]
    counts = [int(share) for share in shares]
    by_remainder = sorted(range(len(weights)), key=lambda i: shares[i] - counts[i], reverse=True)
    for i in by_remainder[: total - sum(counts)]:
        counts[i] += 1
    return counts


def _weighted(rng, choices):
    return rng.choices([c[:-1] for c in choices], weights=[c[-1] for c in choices])[0]


def variant_row(base, identifier, rng, languages=("en", "fr")):
    """A new item made from a Tate row: ``identifier``, a shifted date, another place, tags
    and rights; one in ten with a title in ``languages[0]``, half of those also in the
    others (its source language is Italian)."""
    row = {key: value for key, value in base.items() if not key.startswith(("title_", "desc"))}
    row["identifier"] = identifier
    start = _year(base.get("date_start"))
    if start is not None:
        end = _year(base.get("date_end")) or start
        shift = rng.randint(-250, 60)
        start, end = min(start + shift, 2020), min(end + shift, 2020)
        row["date_start"], row["date_end"] = str(start), str(end)
        row["date"] = str(start) if start == end else f"{start}–{end}"
    place, latitude, longitude = _weighted(rng, PLACES)
    row.update(place=place, latitude=f"{latitude:.4f}", longitude=f"{longitude:.4f}")
    row["tags"] = ";".join(rng.sample(TAGS, rng.randint(1, 4)))
    row["rights"] = _weighted(rng, RIGHTS)[0]
    title = base["title"]
    row["description"] = f"{title}. {row.get('creator', '')}, {place}."
    if languages and rng.random() < TRANSLATED_SHARE:
        more = rng.random() < 0.5
        for language in languages if more else languages[:1]:
            suffix = f" ({language})"
            row[f"title_{language}"] = title[: TITLE_MAX_LENGTH - len(suffix)] + suffix
    return row


def _year(value):
    try:
        return int(value)
    except (TypeError, ValueError):
        return None


def variant_rows(bases, count, first=1, seed=0, languages=("en", "fr")):
    """``count`` variants of rows chosen from ``bases``, identified B000001, B000002 … from
    number ``first`` on."""
    rng = random.Random(seed)
    return [
        variant_row(rng.choice(bases), variant_identifier(first + n), rng, languages)
        for n in range(count)
    ]


def variant_identifier(number):
    return f"{VARIANT_PREFIX}{number:06d}"


def write_csv(path, rows):
    """Write Item CSV rows (dicts) with the union of their columns, identifier and title
    first."""
    columns = ["identifier", "title"]
    for row in rows:
        columns += [key for key in row if key not in columns]
    with open(path, "w", newline="", encoding="utf-8") as handle:
        writer = csv.DictWriter(handle, fieldnames=columns, restval="")
        writer.writeheader()
        writer.writerows(rows)
    return path
