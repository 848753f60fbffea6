"""Collections and items of the open-data partners: Tate's records and the museums' images.

One record a collection in ``content/collections/``: Tate's say which of Tate's open-data
records they take, the museums' take the images whose records name them.

Items are catalogue records in English, their source language, and stay untranslated:
every locale reaches them through the fallback routing of ``heritagehub.i18n``. The
collection pages are translated into Italian.
"""

import json
import random
import re
import uuid
from dataclasses import dataclass, field
from datetime import date
from functools import cache

from django.db import transaction
from django.utils.html import escape
from django.utils.text import slugify

from heritage_collections.care import CareKind, raw_care_labels
from heritage_collections.catalogue import refresh_catalogue
from heritage_collections.importing.apply import TagCache
from heritage_collections.importing.bulk import NewItem, create_items
from heritage_collections.models import CollectionPage, ItemPage, ObjectType
from heritagehub.rights import RightsStatement

from .base import Bi, DemoDataError, Strings, ensure_child
from .images import IMAGES, item_credit_of, read_manifest, rights_of, source_url_of
from .records import record, records

TATE_DEMO_FILE = "tate/tate_demo_2000.jsonl"
TATE_ARTISTS_FILE = "tate/tate_artists.jsonl"

OBJECT_TYPE_BY_CLASSIFICATION = {
    "painting": "painting",
    "on paper, print": "print",
    "on paper, unique": "drawing",
    "sculpture": "sculpture",
    "relief": "sculpture",
    "installation": "installation",
    "block for printing": "object",
    "supporting material": "document",
}

TURNER = "Joseph Mallord William Turner"

# Tate records the stories show as item cards or related items: always loaded.
TATE_REQUIRED = {
    "P05399",  # Gerd Winner, West Embankment Warehouse
    "P03047",  # C.R.W. Nevinson, Acetylene Welding
    "P03021",  # George Clausen, Making Guns: The Radial Crane
    "D36410",  # De Loutherbourg, The Engine Building at John Morris's Fforest Copper Works
    "D00287",  # Turner, The Interior of a Mill or Foundry
    "N05503",  # Turner, An Artists' Colourman's Workshop
    "T07013",  # Germaine Richier, Storm Man
    "P80147",  # Don McCullin, West Berliners Looking East
    "P12402",  # John Walker, Page 6, State I (Passing Bells)
    "D14542",  # Turner, View of Bologna, with the Torre Asinelli
    "D14214",  # Turner, San Filippo Neri, Turin
    "D14188",  # Turner, River Po, from the Southern Outskirts of Turin
    "D16669",  # Turner, Studies of Figures at Turin
    "D21423",  # Turner, View of Genoa
    "D29398",  # Turner, Harbour, Genoa, with Shipping
    "D21308",  # Turner, In the Harbour, Genoa
    "D29391",  # Turner, Genoa, from the Harbour
}


@dataclass
class CollectionText:
    partner: str  # the partner's slug: its page is the collection's parent
    slug: str
    title: Bi
    introduction: Bi
    description: list
    cover: str | None = None  # image file name
    # Tate's collections: which records of Tate's open data the collection takes (a rule of
    # ``SELECT``, or {classification: [...]}), at most ``limit`` of them.
    select: object = None
    limit: int | None = None
    records: list = field(default_factory=list)

    def selects(self, record):
        if isinstance(self.select, str):
            return SELECT[self.select](record)
        return record.get("classification") in self.select["classification"]


def _places(record):
    return [leaf for leaf in _subject_leaves(record) if leaf[0] == "places"]


def _is_turner_in_italy(record):
    return (
        record.get("classification") == "on paper, unique"
        and record.get("all_artists") == TURNER
        and any(leaf[-1] == "Italy" for leaf in _places(record))
    )


SELECT = {"turner-in-italy": _is_turner_in_italy}

COLLECTIONS = records("collections", CollectionText)
TATE_COLLECTIONS = [text for text in COLLECTIONS if text.select is not None]


# --- Tate records ------------------------------------------------------------------------


def _subject_leaves(record):
    """Paths below the subject root, e.g. ``["places", "countries and continents", "Italy"]``."""

    def walk(node, path):
        children = node.get("children")
        if not children:
            yield path
            return
        for child in children:
            yield from walk(child, path + [child["name"]])

    subjects = record.get("subjects")
    return [leaf for leaf in walk(subjects, []) if leaf] if subjects else []


def _clean(name):
    return name.replace(" - non-specific", "").strip()


def tate_place(record):
    """The most specific place among the record's subjects (a town before a country)."""

    def rank(path):
        category = path[1] if len(path) > 1 else ""
        if "cities" in category or "London" in category or "towns" in category:
            return 0
        if "countries" in category and "UK" not in category:
            return 2
        return 1

    places = [path for path in _places(record) if len(path) > 1]
    return _clean(min(places, key=rank)[-1])[:200] if places else ""


def tate_tags(record, limit=5):
    """A few tags: the record's art movements, then the leaf names of its subjects."""
    names = [movement["name"] for movement in record.get("movements") or []]
    names += [path[-1] for path in _subject_leaves(record) if path[0] != "places"]
    tags = []
    for name in names:
        name = _clean(name)
        if not name or "," in name or len(name) > 50 or name.lower() in tags:
            continue
        tags.append(name.lower())
        if len(tags) == limit:
            break
    return tags


_DEATH = re.compile(r"[–-]\s*(?:c\.\s*)?(\d{3,4})\s*$")


def read_tate_artists(data_dir):
    """Death years of Tate's artists by artist id (None when unknown or alive in 2014)."""
    path = data_dir / TATE_ARTISTS_FILE
    deaths = {}
    if not path.is_file():
        return deaths
    with path.open(encoding="utf-8") as handle:
        for line in handle:
            artist = json.loads(line)
            death = ((artist.get("death") or {}).get("time") or {}).get("startYear")
            deaths[artist["id"]] = death
    return deaths


def tate_rights(record, deaths, this_year=None):
    """The rights statement of the *work* a Tate record describes (its metadata is CC0).

    Rule, in the EU's terms (protection lasts 70 years after the end of the year the
    author died):

    1. When the death year of every contributor is known (``tate_artists.jsonl``, else the
       contributor's own dates such as "1775–1851"), the work is public domain (Public Domain
       Mark) if the last of them died more than 70 years before this year, otherwise In
       Copyright.
    2. When some contributor's death is not known (a living artist, "British School"), a
       work made before 1880 (``dateRange.endYear`` < 1880) is taken as public domain: no one
       active then can have died less than 70 years ago. Any other work is In Copyright,
       which is also the answer for undated works by unknown hands.
    """
    this_year = this_year or date.today().year
    years = []
    for contributor in record.get("contributors") or []:
        death = deaths.get(contributor.get("id"))
        if death is None:
            match = _DEATH.search(contributor.get("date") or "")
            death = int(match.group(1)) if match else None
        if death is None:
            years = None
            break
        years.append(death)
    if years:
        if max(years) + 70 < this_year:
            return RightsStatement.PUBLIC_DOMAIN_MARK
        return RightsStatement.IN_COPYRIGHT
    end = (record.get("dateRange") or {}).get("endYear")
    if end is not None and end < 1880:
        return RightsStatement.PUBLIC_DOMAIN_MARK
    return RightsStatement.IN_COPYRIGHT


def read_tate_records(data_dir):
    path = data_dir / TATE_DEMO_FILE
    if not path.is_file():
        raise DemoDataError(f"Tate data not found: {path}")
    with path.open(encoding="utf-8") as handle:
        return [json.loads(line) for line in handle if line.strip()]


def assign_tate_records(records):
    """Fill each Tate collection with its records; a record goes to the first that takes it.

    Capped collections take the records the stories need, then a fixed pseudo-random sample
    of titled records, so every run loads the same items.
    """
    taken = set()
    for collection in TATE_COLLECTIONS:
        candidates = [
            r
            for r in records
            if r["acno"] not in taken and r.get("title") and collection.selects(r)
        ]
        if collection.limit is not None and len(candidates) > collection.limit:
            required = [r for r in candidates if r["acno"] in TATE_REQUIRED]
            rest = [
                r
                for r in candidates
                if r["acno"] not in TATE_REQUIRED and not r["title"].startswith("[")
            ]
            rest.sort(key=lambda r: r["acno"])
            sample = random.Random(1897).sample(rest, collection.limit - len(required))
            candidates = required + sample
        collection.records = sorted(candidates, key=lambda r: r["acno"])
        taken.update(r["acno"] for r in collection.records)
    missing = TATE_REQUIRED - taken
    if missing:
        raise DemoDataError(f"Tate records needed by the stories are missing: {sorted(missing)}")


def _one_line(text, limit):
    return " ".join((text or "").split())[:limit]


def tate_fields(record, deaths):
    """An item's field values from a Tate record (``object_type`` as its slug)."""
    date_range = record.get("dateRange") or {}
    group = (record.get("catalogueGroup") or {}).get("shortTitle")
    description = ""
    if group:
        description = f"<p>Part of the catalogue group “{escape(group)}” at Tate.</p>"
    acno = record["acno"]
    title = _one_line(record["title"], 255)
    return {
        "title": title,
        "slug": f"{slugify(title)[:60].strip('-') or 'untitled'}-{acno.lower()}",
        "identifier": acno,
        "object_type": OBJECT_TYPE_BY_CLASSIFICATION.get(record.get("classification")),
        "creator": _one_line(record.get("all_artists"), 255),
        "date_display": _one_line(record.get("dateText"), 100),
        "date_start": date_range.get("startYear"),
        "date_end": date_range.get("endYear"),
        "place_name": tate_place(record),
        "materials": _one_line(record.get("medium"), 400),
        "dimensions": "; ".join(
            line.strip() for line in (record.get("dimensions") or "").splitlines() if line.strip()
        )[:255],
        "description": description,
        "rights": tate_rights(record, deaths),
        "credit_line": _one_line(record.get("creditLine"), 400),
        "source_url": record.get("url") or "",
    }


def tate_item(record, deaths, object_types):
    """A NewItem whose ``tags`` are names, until ``load_collections`` stores them."""
    fields = tate_fields(record, deaths)
    item = ItemPage(**{**fields, "object_type": object_types.get(fields["object_type"])})
    item.latitude, item.longitude = coordinates_of(fields["place_name"])
    return NewItem(item, tags=tate_tags(record))


# --- loading ---------------------------------------------------------------------------------


def collection_strings(text):
    strings = Strings()
    page = CollectionPage(
        title=strings(text.title),
        slug=text.slug,
        introduction=strings(text.introduction),
        description=strings.rich(*text.description),
    )
    return page, strings


def _object_types():
    return {term.slug: term for term in ObjectType.objects.filter(locale__language_code="en")}


def item_builder(data_dir, images):
    """A function of a collection's text to its unsaved items: the Tate records it selects,
    or one item per image whose record names the collection."""
    deaths = read_tate_artists(data_dir)
    assign_tate_records(read_tate_records(data_dir))
    rows = read_manifest(data_dir)
    object_types = _object_types()

    def items_of(text):
        if text.select is not None:
            return [tate_item(record, deaths, object_types) for record in text.records]
        return [
            museum_item(filename, rows[filename], info, images[filename], object_types)
            for filename, info in IMAGES.items()
            if info.partner == text.partner and info.collection == text.slug
        ]

    return items_of


def load_collections(data_dir, partner_pages, images, stats):
    """Every collection under its partner's page, with its items; [(collection, strings)].

    The items of a collection are created together, as the import creates them (the rows
    of publishing each page on its own, at a twentieth of the cost: ``make run`` waits for
    them), then their catalogue entries."""
    items_of = item_builder(data_dir, images)
    tags = TagCache()
    result = []
    for text in COLLECTIONS:
        page, strings = collection_strings(text)
        if text.cover:
            page.cover_image = images[text.cover]
        with transaction.atomic():
            collection, _created = ensure_child(
                partner_pages[text.partner], page, stats, "collections"
            )
            existing = set(collection.get_children().values_list("slug", flat=True))
            new = []
            for item in items_of(text):
                if item.page.slug not in existing:
                    existing.add(item.page.slug)
                    new.append(item)
            tags.prepare(name for item in new for name in item.tags)
            for item in new:
                item.tags = tags.get(item.tags)
            pages, _revisions = create_items(collection, new, publish=True)
            refresh_catalogue([page.translation_key for page in pages])
            stats.created("items", len(pages))
        result.append((collection, strings))
    return result


def museum_item(filename, row, info, image, object_types):
    title = row["title"]
    if filename.startswith("ab_"):
        caption = "Palette-reduced reproduction of the museum's public-domain photograph."
    else:
        caption = f"Reproduction: {image.credit}."
    item = ItemPage(
        title=title,
        slug=slugify(title)[:60].strip("-"),
        identifier=info.identifier,
        object_type=object_types.get(info.object_type),
        creator=info.creator or row["creator"],
        date_display=info.date or row["date"],
        date_start=info.start,
        date_end=info.end,
        place_name=info.place,
        materials=info.materials,
        description=f"<p>{escape(info.description)}</p>",
        rights=rights_of(row),
        credit_line=item_credit_of(info),
        source_url=source_url_of(row),
        # CareKind(…) refuses a kind the vocabulary does not have.
        care_labels=raw_care_labels(
            (CareKind(label["kind"]).value, label["note"]) for label in info.care
        ),
    )
    item.latitude, item.longitude = coordinates_of(info.place)
    return NewItem(item, images=[(image.pk, caption[:400], uuid.uuid4())])


@cache
def item_places():
    """Coordinates of the places the demo's items name, so the demo's maps have something to
    show. Tate's records and the museum samples give a place's name only; these are the
    towns, sites and landmarks among them (approximate centres, WGS 84, to 4 decimals: about
    10 m). Countries and regions are left out: a point in the middle of Italy would say where
    no item is from."""
    return record("places")["item_places"]


def coordinates_of(place_name):
    """(latitude, longitude) as strings for a DecimalField, or (None, None); by the place's
    full name, then by the part before the first comma ("Venice, Grand Canal" → Venice)."""
    name = (place_name or "").strip()
    places = item_places()
    point = places.get(name) or places.get(name.split(",")[0].strip())
    if point is None:
        return None, None
    return f"{point[0]:.4f}", f"{point[1]:.4f}"


def item_by_identifier(identifier):
    """A loaded item by its identifier (acno or museum record number), in its source locale."""
    item = ItemPage.objects.filter(identifier=identifier).order_by("pk").first()
    if item is None:
        raise DemoDataError(f"No demo item with identifier {identifier!r}")
    return item
