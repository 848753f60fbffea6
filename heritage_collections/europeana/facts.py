"""The facts Europeana readiness is computed from (``rules.ItemFacts``), read from the
database: for the item an editor has open, and in bulk for a page of the report.

A partner's items are its ItemPages in every language tree, one per item: the page in the
language the item was written in (a translation is the same record, in another language).
The facts of any number of items take two queries: their fields, and the sizes and file
names of their images.
"""

from collections import defaultdict

from django.db.models import BooleanField, Exists, ExpressionWrapper, OuterRef, Q
from wagtail_localize.models import TranslationSource

from heritagehub.models import HeritageImage
from partners.models import PartnerPage

from ..models import ItemImage, ItemPage, ItemTag
from .rules import EMPTY_RICH_TEXT, ImageFacts, ItemFacts, is_empty_rich_text

FACT_FIELDS = (
    "title",
    "creator",
    "date_start",
    "place_name",
    "latitude",
    "longitude",
    "materials",
    "credit_line",
    "source_url",
    "rights",
)


def item_facts(item, images=None, has_partner=None):
    """The facts of one ItemPage (its images as the page holds them, unsaved ones included)."""
    if images is None:
        # The page may be a revision's: its images are in memory, their files are not.
        ids = [item_image.image_id for item_image in item.images.all() if item_image.image_id]
        found = HeritageImage.objects.in_bulk(ids)
        images = [found[pk] for pk in ids if pk in found]
    if has_partner is None:
        has_partner = item.partner is not None
    return ItemFacts(
        **{name: _value(name, getattr(item, name)) for name in FACT_FIELDS},
        has_description=not is_empty_rich_text(item.description),
        has_tags=bool(item.tags.all()),
        object_type=item.object_type.slug if item.object_type_id else "",
        object_type_uri=item.object_type.uri if item.object_type_id else "",
        has_partner=has_partner,
        images=tuple(ImageFacts(i.width, i.height, i.file.name) for i in images),
    )


def _value(name, value):
    if value is None and name not in ("date_start", "latitude", "longitude"):
        return ""
    return value


def partner_items(partner_pages):
    """The ItemPages below ``partner_pages`` (a partner's pages in each language tree), one
    per item: the source of its translations, or the only page it has."""
    subtree = Q()
    for page in partner_pages:
        subtree |= Q(path__startswith=page.path, depth__gt=page.depth)
    if not subtree:
        return ItemPage.objects.none()
    sources = TranslationSource.objects.filter(object_id=OuterRef("translation_key"))
    return ItemPage.objects.filter(subtree).filter(
        Q(Exists(sources.filter(locale=OuterRef("locale"))))
        | ~Q(Exists(sources.exclude(locale=OuterRef("locale"))))
    )


def facts_by_item(items, has_partner):
    """{item id: ItemFacts} for the ItemPage queryset ``items``, in two queries."""
    images = defaultdict(list)
    for page_id, width, height, file_name in (
        ItemImage.objects.filter(page__in=items.values("pk"))
        .order_by("page_id", "sort_order")
        .values_list("page_id", "image__width", "image__height", "image__file")
    ):
        images[page_id].append(ImageFacts(width, height, file_name))
    described = ExpressionWrapper(~Q(description__in=EMPTY_RICH_TEXT), output_field=BooleanField())
    rows = items.order_by().annotate(
        has_description=described,
        has_tags=Exists(ItemTag.objects.filter(content_object=OuterRef("pk"))),
    )
    return {
        row["pk"]: ItemFacts(
            **{name: _value(name, row[name]) for name in FACT_FIELDS},
            has_description=row["has_description"],
            has_tags=row["has_tags"],
            object_type=row["object_type__slug"] or "",
            object_type_uri=row["object_type__uri"] or "",
            has_partner=has_partner,
            images=tuple(images.get(row["pk"], ())),
        )
        for row in rows.values(
            "pk",
            "object_type__slug",
            "object_type__uri",
            "has_description",
            "has_tags",
            *FACT_FIELDS,
        )
    }


def partner_is_live(partner_pages):
    return any(page.live for page in partner_pages)


def partner_pages_of(translation_key):
    return list(PartnerPage.objects.filter(translation_key=translation_key).order_by("path"))
