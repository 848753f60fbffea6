"""Europeana readiness of an item: its content tier, its metadata tier and the EDM mandatory
properties it still misses, with what an editor can do about each.

Pure computation over an ``ItemFacts`` (no query here): the item editor's panel builds one
from the page it edits, the partner report builds them in bulk (``facts``).

**Sources.** Europeana Publishing Framework, content tiers for images (Europeana's
knowledge base, "ContentTier 1: Image type" and "ContentTier 2-4: Image type"); metadata
tiers A–C ("Tier A-C requirements", "Metadata Tier A", "Metadata Tier C"), as Metis, the
aggregation platform, calculates them; mandatory properties from the EDM Mapping
Guidelines (edm:ProvidedCHO, ore:Aggregation) and the Europeana Media Policy.

**Content tier** (images): the largest image of a supported format decides, by megapixels —
at least 0.1 MP tier 1, 0.42 MP tier 2, 0.95 MP tier 3 or 4 — and the rights statement caps
it: tier 4 needs an open statement (PDM, CC0, CC BY, CC BY-SA), tier 3 one that allows
some reuse (CC BY-NC, BY-ND, BY-NC-SA, BY-NC-ND, NoC-NC, NoC-OKLR, InC-EDU); with any other
statement an item stops at tier 2. No image of at least 0.1 MP: tier 0. The hub stores
images only, so items of every type are judged by them (Europeana wants the recording
itself for sound and video, which the hub does not hold).

**Metadata tier** = the lowest of three criteria, each A, B or C (below A: "0"):

- language: the share of the relevant edm:ProvidedCHO properties present that carry a
  language-tagged value — A 25 %, B 50 %, C 75 %;
- enabling elements: distinct properties from the discovery groups — A one, B three from
  two groups, C four from two groups;
- contextual classes: the kinds of entity (edm:Agent, edm:Place, edm:TimeSpan, skos:Concept)
  the record links to with all their minimum elements — A none, B one kind, C two (Metis
  counts kinds, not entities: two concepts are one). ``contextual_classes`` is the one place
  that says which the hub writes; links to people and places add theirs there.

**Our fields → EDM**, as the EDM export writes them (``heritage_collections.oai.formats.edm``;
the two must stay in step):

=====================================  ================================================
item (``ItemPage``, ``ItemImage``)     EDM
=====================================  ================================================
title, per translation                 dc:title, xml:lang of the translation's locale
description, per translation           dc:description, xml:lang
object type (its name, per language)   dc:type, xml:lang; also decides edm:type
object type's URI (AAT, Wikidata)      dc:type linking to a skos:Concept, prefLabel per
                                       language
tags                                   dc:subject (no language)
creator                                dc:creator
creator / attributed-to records        dc:creator linking to an edm:Agent (label per
                                       language, years, occupation, owl:sameAs)
publisher / depicted records           dc:publisher / dc:subject linking to an edm:Agent
place records (made, found, depicted)  dcterms:spatial linking to an edm:Place (label
                                       per language, lat, long, owl:sameAs), instead of
                                       the item's own place
date as displayed / start–end years    dc:date / dcterms:temporal (no language); the years
                                       also dcterms:created linking to an edm:TimeSpan
                                       (label per language, begin, end)
place; with latitude and longitude     dcterms:spatial (no language); a link to an
                                       edm:Place (label, lat, long) instead
materials and technique                dcterms:medium, xml:lang
credit line                            dc:rights, xml:lang
source URL                             dc:source (no language)
identifier                             dc:identifier
rights                                 edm:rights
first image / other images             edm:isShownBy / edm:hasView, edm:WebResource
the item's public page                 edm:isShownAt
the partner (live PartnerPage above)   edm:dataProvider
the hub                                edm:provider
=====================================  ================================================

So the language-tagged properties are dc:title, dc:description, dc:type, dcterms:medium and
dc:rights; the enabling elements dc:type and dcterms:medium (subjects and types),
dc:creator (agents), dcterms:temporal and dcterms:created (time) and dcterms:spatial
(places); the contextual classes an item can have are the edm:Agent of a linked person or
organisation, the edm:Place of a linked place or else of its own place with coordinates,
the edm:TimeSpan of its years (linked from dcterms:created, which is not one of the
properties the language criterion reads: the literal dcterms:temporal stays untagged), and
the skos:Concept of its object type (a type with a URI). A dcterms:spatial linking to a
place record counts as tagged: the record's labels are in the languages of its
translations. Metis takes an edm:TimeSpan with an edm:begin and an edm:end, an
edm:Agent with a prefLabel and a date, place or occupation, an edm:Place with a prefLabel
and coordinates; an agent or place record with an identifier (Wikidata, ULAN, VIAF, GND,
GeoNames, TGN), which Europeana dereferences, is counted as the concepts are. Metis
qualifies a concept that has a prefLabel and a note or a relation (broader, exactMatch …);
the hub writes the concept's labels and its authority's URI, which Europeana dereferences
from the vocabulary (Getty AAT and Wikidata publish broader terms and notes), so a concept
with such a URI is counted. The hub has no field for the language of a text's content
(dc:language, mandatory for TEXT items). Content tiers use the item's rights statement (the
aggregation's edm:rights).
"""

from dataclasses import dataclass
from decimal import Decimal
from functools import cached_property

from django.utils.formats import number_format
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _lazy
from django.utils.translation import ngettext

from heritagehub.rights import RightsStatement

# Megapixel thresholds of content tiers 1, 2 and 3–4, in pixels (Metis's ImageClassifier).
TIER_1_PIXELS = 100_000
TIER_2_PIXELS = 420_000
TIER_3_PIXELS = 950_000
# The sizes Europeana gives as examples of each threshold (width, height).
TIER_1_SIZE = (400, 250)
TIER_2_SIZE = (800, 533)
TIER_3_SIZE = (1200, 800)

# Rights statements that allow reuse with restrictions (content tier 3); the open ones
# (tier 4) are RightsStatement.open_values(); every other statement caps an item at tier 2.
RESTRICTED_RIGHTS = (
    RightsStatement.CC_BY_NC,
    RightsStatement.CC_BY_ND,
    RightsStatement.CC_BY_NC_SA,
    RightsStatement.CC_BY_NC_ND,
    RightsStatement.NO_COPYRIGHT_NC,
    RightsStatement.NO_COPYRIGHT_OTHER,
    RightsStatement.IN_COPYRIGHT_EDU,
)

# Image formats Europeana makes previews of (Media Policy), by file extension.
SUPPORTED_IMAGE_EXTENSIONS = frozenset({"jpg", "jpeg", "png", "gif", "tif", "tiff", "webp"})

# edm:type by object type slug; other types (and items without one) are IMAGE.
EDM_TYPE_BY_OBJECT_TYPE = {
    "document": "TEXT",
    "manuscript": "TEXT",
    "book": "TEXT",
    "sound-recording": "SOUND",
    "video": "VIDEO",
}


def edm_type_of(object_type_slug):
    """edm:type of an item of this object type (the OAI-PMH EDM records write the same)."""
    return EDM_TYPE_BY_OBJECT_TYPE.get(object_type_slug or "", "IMAGE")


METADATA_TIERS = ("0", "A", "B", "C")
LANGUAGE_SHARES = {"A": 0.25, "B": 0.5, "C": 0.75}
ENABLING_ELEMENTS = {"A": (1, 1), "B": (3, 2), "C": (4, 2)}  # (elements, groups)
CONTEXTUAL_CLASSES = {"A": 0, "B": 1, "C": 2}

# What rich text holds when the editor left it empty.
EMPTY_RICH_TEXT = ("", "<p></p>")


def is_empty_rich_text(value):
    return (value or "").strip() in EMPTY_RICH_TEXT


@dataclass(frozen=True)
class ImageFacts:
    width: int
    height: int
    file_name: str

    @property
    def pixels(self):
        return (self.width or 0) * (self.height or 0)

    @property
    def is_supported(self):
        extension = self.file_name.rpartition(".")[2] if "." in self.file_name else ""
        return extension.lower() in SUPPORTED_IMAGE_EXTENSIONS


@dataclass(frozen=True)
class ItemFacts:
    """What the EDM record of an item is made from (see the module's mapping)."""

    title: str = ""
    has_description: bool = False
    object_type: str = ""  # the object type's slug
    object_type_uri: str = ""  # its Linked Open Data URI, when it has one
    creator: str = ""
    date_start: int | None = None
    place_name: str = ""
    latitude: Decimal | None = None
    longitude: Decimal | None = None
    materials: str = ""
    credit_line: str = ""
    source_url: str = ""
    has_tags: bool = False
    rights: str = ""
    has_partner: bool = True
    images: tuple[ImageFacts, ...] = ()
    # The item's links to authority records (``ItemAgent``, ``ItemPlace``), live ones only.
    linked_creator: bool = False  # a creator or attributed-to record: dc:creator
    linked_agent_entity: bool = False  # a record that qualifies as edm:Agent
    linked_place: bool = False  # a place record: dcterms:spatial, labelled per language
    linked_place_entity: bool = False  # a place record that qualifies as edm:Place

    @property
    def edm_type(self):
        return edm_type_of(self.object_type)

    @property
    def has_years(self):
        """dcterms:temporal (the years; the date as displayed is dc:date, which no rule reads)."""
        return self.date_start is not None

    @property
    def has_place(self):
        """dcterms:spatial: the place's text, or links to place records."""
        return bool(self.place_name.strip()) or self.linked_place

    @property
    def has_creator(self):
        return bool(self.creator.strip()) or self.linked_creator

    @property
    def has_place_entity(self):
        """An edm:Place with its minimum elements: a linked place record's, or, when the
        item links to none (a record replaces it), its own place with coordinates."""
        if self.linked_place:
            return self.linked_place_entity
        return self.has_place and self.latitude is not None and self.longitude is not None

    @cached_property
    def largest_image(self):
        supported = [image for image in self.images if image.is_supported]
        return max(supported, key=lambda image: image.pixels, default=None)


@dataclass(frozen=True)
class MissingProperty:
    """An EDM mandatory property the item's record lacks; ``field`` is the form field to
    fill in (``None`` when no field of the item can give it)."""

    property: str
    reason: str
    field: str | None


@dataclass(frozen=True)
class Advice:
    """What would bring the item to ``tier``."""

    tier: str
    steps: tuple[str, ...]


@dataclass(frozen=True)
class Readiness:
    """How Europeana would judge an item: ``assess(facts)``."""

    facts: ItemFacts
    content_tier: int
    metadata_tier: str
    criteria: dict  # the metadata tier of each criterion
    missing: tuple[MissingProperty, ...] = ()

    @property
    def is_ready(self):
        """Europeana accepts the record (it may still be at tier 0 or "0")."""
        return not self.missing

    # The advice is worded only when shown: a report summarises thousands of items.
    @cached_property
    def content_advice(self):
        return content_advice(self.facts, self.content_tier)

    @cached_property
    def metadata_advice(self):
        return metadata_advice(self.facts, self.criteria, self.metadata_tier)


# --- content tier ---------------------------------------------------------------------------


def rights_class(rights):
    """Europeana's licence class of a rights statement: "open", "restricted" or "closed"."""
    if RightsStatement.is_open(rights):
        return "open"
    if rights in RESTRICTED_RIGHTS:
        return "restricted"
    return "closed"


def resolution_tier(pixels):
    if pixels >= TIER_3_PIXELS:
        return 4
    if pixels >= TIER_2_PIXELS:
        return 2
    if pixels >= TIER_1_PIXELS:
        return 1
    return 0


RIGHTS_CAP = {"open": 4, "restricted": 3, "closed": 2}


def content_tier(facts):
    image = facts.largest_image
    if image is None:
        return 0
    return min(resolution_tier(image.pixels), RIGHTS_CAP[rights_class(facts.rights)])


def _size(size):
    return "{}×{}".format(*size)


def content_advice(facts, tier):
    if tier == 4:
        return None
    target = tier + 1
    steps = []
    image = facts.largest_image
    pixels = image.pixels if image else 0
    needed = {1: TIER_1_PIXELS, 2: TIER_2_PIXELS, 3: TIER_3_PIXELS, 4: TIER_3_PIXELS}[target]
    size = {1: TIER_1_SIZE, 2: TIER_2_SIZE, 3: TIER_3_SIZE, 4: TIER_3_SIZE}[target]
    if pixels < needed:
        steps.append(
            _("Upload an image of at least %(size)s pixels (%(megapixels)s megapixels).")
            % {"size": _size(size), "megapixels": number_format(needed / 1_000_000, 2)}
        )
    if facts.images and image is None:
        steps.append(
            _("Use a JPEG, PNG, GIF, TIFF or WebP file: Europeana cannot show the others.")
        )
    cap = RIGHTS_CAP[rights_class(facts.rights)]
    if target == 4 and cap < 4:
        steps.append(
            _("Choose an open rights statement: Public Domain Mark, CC0, CC BY or CC BY-SA.")
        )
    elif target == 3 and cap < 3:
        steps.append(
            _(
                "Choose a rights statement that allows reuse: an open one, a Creative Commons "
                "licence, No Copyright – Non-Commercial Use Only, No Copyright – Other Known "
                "Legal Restrictions or In Copyright – Educational Use Permitted."
            )
        )
    return Advice(str(target), tuple(steps))


# --- metadata tier --------------------------------------------------------------------------


def language_share(facts):
    """The share of the language-relevant properties present that are language-tagged."""
    present = [
        # (present, tagged): the EDM export tags the translated words with their language.
        (True, True),  # dc:title
        (facts.has_description, True),  # dc:description
        (bool(facts.object_type), True),  # dc:type
        (facts.has_tags, False),  # dc:subject
        (bool(facts.credit_line.strip()), True),  # dc:rights, per translation
        (bool(facts.source_url), False),  # dc:source
        (facts.has_years, False),  # dcterms:temporal
        # dcterms:spatial: a place record is labelled per language; the item's own place
        # (text, or its edm:Place) is not.
        (facts.has_place, facts.linked_place),
        (bool(facts.materials.strip()), True),  # dcterms:medium, per translation
    ]
    relevant = [tagged for is_present, tagged in present if is_present]
    return sum(relevant) / len(relevant)


def enabling_elements(facts):
    """The enabling elements present, each with its discovery group."""
    elements = {
        "dc:type": ("subjects and types", bool(facts.object_type)),
        "dcterms:medium": ("subjects and types", bool(facts.materials.strip())),
        "dc:creator": ("agents", facts.has_creator),
        "dcterms:temporal": ("time", facts.has_years),
        # The years' edm:TimeSpan, linked from dcterms:created: a second element of the group.
        "dcterms:created": ("time", facts.has_years),
        "dcterms:spatial": ("places", facts.has_place),
    }
    return {name: group for name, (group, present) in elements.items() if present}


# The contextual classes the EDM export writes, each with the facts that make it qualify:
# a linked record's edm:Agent, an edm:Place with label and coordinates (a linked record's or
# the item's own), the years' edm:TimeSpan (Metis asks for an edm:begin and an edm:end, which
# the export writes for every start year), the object type's skos:Concept from a vocabulary.
CONTEXTUAL_CLASSES_WRITTEN = (
    ("edm:Agent", lambda facts: facts.linked_agent_entity),
    ("edm:Place", lambda facts: facts.has_place_entity),
    ("edm:TimeSpan", lambda facts: facts.has_years),
    ("skos:Concept", lambda facts: bool(facts.object_type_uri)),
)


def contextual_classes(facts):
    """The kinds of contextual class the item's record links to (each counted once)."""
    return {kind for kind, qualifies in CONTEXTUAL_CLASSES_WRITTEN if qualifies(facts)}


def agent_is_entity(start_year, end_year, occupation, identifiers):
    """Whether an agent record's edm:Agent has Metis's minimum elements: a label (its name,
    always) and a date or occupation — or an identifier Europeana dereferences."""
    return (
        start_year is not None
        or end_year is not None
        or bool((occupation or "").strip())
        or bool(identifiers)
    )


def place_is_entity(latitude, longitude, identifiers):
    """Whether a place record's edm:Place has Metis's minimum elements: a label (always) and
    coordinates — or an identifier Europeana dereferences."""
    return (latitude is not None and longitude is not None) or bool(identifiers)


def _best(tiers_met):
    """The highest tier whose test passes, tested from A up."""
    reached = "0"
    for tier in ("A", "B", "C"):
        if not tiers_met(tier):
            break
        reached = tier
    return reached


def metadata_criteria(facts):
    share = language_share(facts)
    elements = enabling_elements(facts)
    contexts = contextual_classes(facts)
    return {
        "language": _best(lambda tier: share >= LANGUAGE_SHARES[tier]),
        "enabling": _best(
            lambda tier: (
                len(elements) >= ENABLING_ELEMENTS[tier][0]
                and len(set(elements.values())) >= ENABLING_ELEMENTS[tier][1]
            )
        ),
        "contextual": _best(lambda tier: len(contexts) >= CONTEXTUAL_CLASSES[tier]),
    }


def metadata_tier(criteria):
    return min(criteria.values(), key=METADATA_TIERS.index)


ENABLING_FIELDS = {
    "dc:type": _lazy("object type"),
    "dcterms:medium": _lazy("materials and technique"),
    "dc:creator": _lazy("creator or maker"),
    "dcterms:temporal": _lazy("start year"),
    "dcterms:spatial": _lazy("place"),
}


def metadata_advice(facts, criteria, tier):
    if tier == "C":
        return None
    target = METADATA_TIERS[METADATA_TIERS.index(tier) + 1]
    rank = METADATA_TIERS.index(target)
    steps = []
    if METADATA_TIERS.index(criteria["language"]) < rank:
        if facts.has_description and facts.object_type:
            steps.append(
                _(
                    "The EDM export writes the place, source, years and tags without a "
                    "language: Europeana counts them as untagged."
                )
            )
        else:
            steps.append(
                _("Write a description and choose an object type: they are tagged with a language.")
            )
    elements = enabling_elements(facts)
    needed, groups = ENABLING_ELEMENTS[target]
    if len(elements) < needed or len(set(elements.values())) < groups:
        absent = [str(label) for name, label in ENABLING_FIELDS.items() if name not in elements]
        count = max(needed - len(elements), 1)
        steps.append(
            ngettext(
                "Fill in %(count)s more of: %(fields)s.",
                "Fill in %(count)s more of: %(fields)s.",
                count,
            )
            % {"count": count, "fields": ", ".join(absent)}
        )
    if METADATA_TIERS.index(criteria["contextual"]) < rank:
        if not facts.has_place_entity:
            steps.append(_("Give the place with its latitude and longitude."))
        if not facts.linked_agent_entity:
            steps.append(
                _(
                    "Link the item to the record of its creator, with years, an occupation "
                    "or an identifier: it is written as an edm:Agent."
                )
            )
        if not facts.object_type_uri:
            steps.append(
                _(
                    "Choose an object type linked to Getty AAT or Wikidata (one with a URI): "
                    "it is written as a concept of the vocabulary."
                )
            )
        if not facts.has_years:
            steps.append(
                _(
                    "Give the start year (and the end year): it is written as a time span "
                    "(edm:TimeSpan)."
                )
            )
    return Advice(target, tuple(steps))


# --- mandatory properties -------------------------------------------------------------------


NO_TITLE = MissingProperty("dc:title", _lazy("The item needs a title or a description."), "title")
NO_LANGUAGE = MissingProperty(
    "dc:language",
    _lazy(
        "Texts (documents, manuscripts, books) need the language they are written in, "
        "which the hub cannot record yet."
    ),
    None,
)
NO_SUBJECT = MissingProperty(
    "dc:subject, dc:type, dcterms:spatial or dcterms:temporal",
    _lazy("Give at least one of the object type, the tags, the place or the start year."),
    "object_type",
)
NO_RIGHTS = MissingProperty("edm:rights", _lazy("Choose a rights statement."), "rights")
NO_DATA_PROVIDER = MissingProperty(
    "edm:dataProvider",
    _lazy("The item's partner is not published: its page must be live."),
    None,
)
NO_SHOWABLE_IMAGE = MissingProperty(
    "edm:isShownBy",
    _lazy("Europeana cannot show these image files: use JPEG, PNG, GIF, TIFF or WebP."),
    "images",
)


def missing_properties(facts):
    """The EDM mandatory properties the item's record would lack. dc:title, edm:type,
    edm:provider and edm:isShownAt (the item's public page) are always written."""
    checks = (
        (NO_TITLE, not facts.title.strip() and not facts.has_description),
        (NO_LANGUAGE, facts.edm_type == "TEXT"),
        (
            NO_SUBJECT,
            not (facts.object_type or facts.has_tags or facts.has_place or facts.has_years),
        ),
        (NO_RIGHTS, not facts.rights),
        (NO_DATA_PROVIDER, not facts.has_partner),
        (NO_SHOWABLE_IMAGE, bool(facts.images) and facts.largest_image is None),
    )
    return tuple(missing for missing, is_missing in checks if is_missing)


def assess(facts):
    """The Europeana readiness of the item these facts describe."""
    criteria = metadata_criteria(facts)
    return Readiness(
        facts=facts,
        content_tier=content_tier(facts),
        metadata_tier=metadata_tier(criteria),
        criteria=criteria,
        missing=missing_properties(facts),
    )
