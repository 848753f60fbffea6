"""The facts Europeana readiness is computed from (``rules.ItemFacts``), read from the
database: for the item an editor has open, and in bulk for a page of the report.

A partner's items are its ItemPages in every language tree, one per item: the page in the
language the item was written in (a translation is the same record, in another language).
The facts of any number of items take two queries: their fields (with their links to
authority records as EXISTS subqueries), and the sizes and file names of their images.
"""

from collections import defaultdict

from django.db.models import BooleanField, Exists, ExpressionWrapper, OuterRef, Q
from wagtail_localize.models import TranslationSource

from authorities.roles import WORK_ROLES
from heritagehub.cache import is_private
from heritagehub.models import HeritageImage
from heritagehub.tree import restricted
from partners.models import PartnerPage

from ..models import ItemAgent, ItemImage, ItemPage, ItemPlace, ItemTag
from .rules import (
    EMPTY_RICH_TEXT,
    ImageFacts,
    ItemFacts,
    agent_is_entity,
    is_empty_rich_text,
    place_is_entity,
)

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


# rules.agent_is_entity and rules.place_is_entity, as conditions on a link's record.
AGENT_ENTITY = (
    Q(agent__start_year__isnull=False)
    | Q(agent__end_year__isnull=False)
    | ~Q(agent__occupation="")
    | ~Q(agent__identifiers=[])
)
PLACE_ENTITY = Q(place__latitude__isnull=False, place__longitude__isnull=False) | ~Q(
    place__identifiers=[]
)
LINK_FACTS = ("linked_creator", "linked_agent_entity", "linked_place", "linked_place_entity")


def link_annotations():
    """The facts of an item's links to live, public records (``LINK_FACTS``), as EXISTS
    subqueries of an ItemPage queryset: the EDM export writes no other (``oai.records``)."""
    agents = ItemAgent.objects.filter(page=OuterRef("pk"), agent__live=True).exclude(
        restricted("agent__path")
    )
    places = ItemPlace.objects.filter(page=OuterRef("pk"), place__live=True).exclude(
        restricted("place__path")
    )
    return {
        "linked_creator": Exists(agents.filter(role__in=list(WORK_ROLES))),
        "linked_agent_entity": Exists(agents.filter(AGENT_ENTITY)),
        "linked_place": Exists(places),
        "linked_place_entity": Exists(places.filter(PLACE_ENTITY)),
    }


def link_facts(item):
    """The facts of the item's links as the page holds them (a revision's, in memory)."""
    agents = [link for link in item.agent_links.all() if _is_public(link.agent)]
    places = [link for link in item.place_links.all() if _is_public(link.place)]
    return {
        "linked_creator": any(link.role in WORK_ROLES for link in agents),
        "linked_agent_entity": any(
            agent_is_entity(
                link.agent.start_year,
                link.agent.end_year,
                link.agent.occupation,
                link.agent.identifiers,
            )
            for link in agents
        ),
        "linked_place": bool(places),
        "linked_place_entity": any(
            place_is_entity(link.place.latitude, link.place.longitude, link.place.identifiers)
            for link in places
        ),
    }


def _is_public(record):
    return record is not None and record.live and not is_private(record)


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
        **link_facts(item),
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
        **link_annotations(),
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
            **{name: row[name] for name in LINK_FACTS},
        )
        for row in rows.values(
            "pk",
            "object_type__slug",
            "object_type__uri",
            "has_description",
            "has_tags",
            *FACT_FIELDS,
            *LINK_FACTS,
        )
    }


def partner_is_live(partner_pages):
    return any(page.live for page in partner_pages)


def partner_pages_of(translation_key):
    return list(PartnerPage.objects.filter(translation_key=translation_key).order_by("path"))
