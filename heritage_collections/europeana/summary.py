"""The summary of the "Europeana readiness" report: how many of a partner's items are at
each content and metadata tier, and miss each mandatory property — in one aggregate query.

The rules only ask whether each fact is there (a title, a creator, both coordinates …),
which rights statement and object type an item has, and which resolution threshold its
largest supported image reaches. The query groups the items by exactly these, so a
partner's 20,000 items make a few dozen groups; the rules (``rules``) then judge one
representative of each group, and its count is added to the tiers it reaches. One set of
rules, and no item read one by one.
"""

from dataclasses import dataclass
from decimal import Decimal
from functools import reduce
from operator import or_

from django.db.models import (
    Case,
    Count,
    Exists,
    F,
    IntegerField,
    OuterRef,
    Q,
    Subquery,
    Value,
    When,
)
from django.db.models.functions import Trim

from ..models import ItemImage, ItemTag
from . import rules
from .facts import LINK_FACTS, link_annotations

CONTENT_TIERS = (0, 1, 2, 3, 4)

SUPPORTED_FILE = reduce(
    or_,
    (Q(image__file__iendswith=f".{extension}") for extension in rules.SUPPORTED_IMAGE_EXTENSIONS),
)
# A representative image of each resolution class (its pixels: the threshold reached).
NO_IMAGE, UNSUPPORTED = -2, -1
IMAGE_CLASSES = {
    NO_IMAGE: (),
    UNSUPPORTED: (rules.ImageFacts(1, 1, "unsupported"),),
    0: (rules.ImageFacts(1, 1, "image.jpg"),),
    1: (rules.ImageFacts(rules.TIER_1_PIXELS, 1, "image.jpg"),),
    2: (rules.ImageFacts(rules.TIER_2_PIXELS, 1, "image.jpg"),),
    3: (rules.ImageFacts(rules.TIER_3_PIXELS, 1, "image.jpg"),),
}


@dataclass(frozen=True)
class Summary:
    """How many of the partner's items are at each tier, and miss each property."""

    total: int
    ready: int
    content_tiers: tuple  # (tier, count)
    metadata_tiers: tuple  # (tier, count)
    missing: tuple  # (property, reason, count), most frequent first


def grouped(items):
    """``items`` grouped by the facts the rules ask about, with each group's ``count``."""
    images = ItemImage.objects.filter(page=OuterRef("pk"))
    largest = (
        images.filter(SUPPORTED_FILE)
        .annotate(pixels=F("image__width") * F("image__height"))
        .order_by("-pixels")
        .values("pixels")[:1]
    )
    thresholds = [(3, rules.TIER_3_PIXELS), (2, rules.TIER_2_PIXELS), (1, rules.TIER_1_PIXELS)]
    return (
        items.order_by()
        .annotate(
            pixels=Subquery(largest, output_field=IntegerField()),
            title_text=Trim("title"),
            creator_text=Trim("creator"),
            place_text=Trim("place_name"),
            materials_text=Trim("materials"),
            credit_text=Trim("credit_line"),
        )
        .annotate(
            image_class=Case(
                *[When(pixels__gte=pixels, then=Value(c)) for c, pixels in thresholds],
                When(pixels__isnull=False, then=Value(0)),
                When(Exists(images), then=Value(UNSUPPORTED)),
                default=Value(NO_IMAGE),
                output_field=IntegerField(),
            ),
            no_title=Q(title_text=""),
            has_description=~Q(description__in=rules.EMPTY_RICH_TEXT),
            no_creator=Q(creator_text=""),
            no_place=Q(place_text=""),
            no_start=Q(date_start__isnull=True),
            no_materials=Q(materials_text=""),
            no_credit=Q(credit_text=""),
            no_source=Q(source_url=""),
            has_tags=Exists(ItemTag.objects.filter(content_object=OuterRef("pk"))),
            no_latitude=Q(latitude__isnull=True),
            no_longitude=Q(longitude__isnull=True),
            **link_annotations(),
        )
        .values(
            "image_class",
            "rights",
            "object_type__slug",
            "object_type__uri",
            "no_title",
            "has_description",
            "no_creator",
            "no_place",
            "no_start",
            "no_materials",
            "no_credit",
            "no_source",
            "has_tags",
            "no_latitude",
            "no_longitude",
            *LINK_FACTS,
        )
        .annotate(count=Count("pk"))
    )


def representative(group, partner_is_live):
    """An ItemFacts with the facts of a group (placeholder values where only presence counts)."""

    def text(absent):
        return "" if absent else "…"

    def number(absent):
        return None if absent else Decimal(0)

    return rules.ItemFacts(
        title=text(group["no_title"]),
        has_description=bool(group["has_description"]),
        object_type=group["object_type__slug"] or "",
        object_type_uri=group["object_type__uri"] or "",
        creator=text(group["no_creator"]),
        date_start=None if group["no_start"] else 0,
        place_name=text(group["no_place"]),
        materials=text(group["no_materials"]),
        credit_line=text(group["no_credit"]),
        source_url=text(group["no_source"]),
        has_tags=bool(group["has_tags"]),
        latitude=number(group["no_latitude"]),
        longitude=number(group["no_longitude"]),
        rights=group["rights"],
        has_partner=partner_is_live,
        images=IMAGE_CLASSES[group["image_class"]],
        **{name: bool(group[name]) for name in LINK_FACTS},
    )


def summarise(items, partner_is_live):
    """The ``Summary`` of the ItemPage queryset ``items``: one query."""
    content = dict.fromkeys(CONTENT_TIERS, 0)
    metadata = dict.fromkeys(rules.METADATA_TIERS, 0)
    missing, reasons = {}, {}
    total = ready = 0
    for group in grouped(items):
        readiness = rules.assess(representative(group, partner_is_live))
        count = group["count"]
        total += count
        ready += count if readiness.is_ready else 0
        content[readiness.content_tier] += count
        metadata[readiness.metadata_tier] += count
        for entry in readiness.missing:
            missing[entry.property] = missing.get(entry.property, 0) + count
            reasons[entry.property] = entry.reason
    return Summary(
        total=total,
        ready=ready,
        content_tiers=tuple(content.items()),
        metadata_tiers=tuple(metadata.items()),
        missing=tuple(
            (name, reasons[name], count)
            for name, count in sorted(missing.items(), key=lambda pair: -pair[1])
        ),
    )
