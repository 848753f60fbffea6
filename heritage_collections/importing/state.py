"""Item pages as they stand in their latest revision, read in bulk.

What an editor sees in the item's editor is its latest revision: the page row when the page
has no unpublished changes, else the revision's content. The import compares a row with
this state (no change, no new revision) and the export writes it, so exporting and
importing again changes nothing. A constant number of queries for any number of pages.
"""

import json
import posixpath
from dataclasses import dataclass, field
from decimal import Decimal

from taggit.models import Tag
from wagtail.images import get_image_model
from wagtail.models import Revision

from heritage_collections.models import ItemAgent, ItemImage, ItemPage, ItemPlace, ObjectType

# The ItemPage fields the Item CSV carries (object_type as its term's translation key).
FIELDS = (
    "title",
    "full_title",
    "description",
    "identifier",
    "object_type",
    "creator",
    "date_display",
    "date_start",
    "date_end",
    "place_name",
    "latitude",
    "longitude",
    "materials",
    "dimensions",
    "rights",
    "credit_line",
    "source_url",
    "partner_wording",
    "care_labels",
)
DECIMALS = ("latitude", "longitude")
# An item's links to authority records, read on request (``links``): the relation → its
# model and the name of the record's key in a link.
LINKS = {"agent_links": (ItemAgent, "agent"), "place_links": (ItemPlace, "place")}


@dataclass(frozen=True)
class ImageState:
    pk: int
    name: str  # the file's name in storage, without its folder
    file_hash: str
    alt_text: str


@dataclass
class PageState:
    pk: int
    locale_id: int
    translation_key: object
    path: str
    slug: str
    live: bool
    fields: dict
    tags: tuple = ()
    images: list = field(default_factory=list)  # ImageState, in order

    @property
    def image(self):
        return self.images[0] if self.images else None


def _decimal(value):
    return None if value in (None, "") else Decimal(str(value))


def object_type_keys():
    """ObjectType id → translation key, for every term (a small vocabulary)."""
    return dict(ObjectType.objects.values_list("pk", "translation_key"))


def page_states(pages, type_keys=None, links=()):
    """{pk: PageState} of ``pages`` (ItemPage instances or a queryset of them); with
    ``links`` (names of ``LINKS``), their fields hold each relation's links too, as
    ((record id, role), …) in their order."""
    type_keys = type_keys if type_keys is not None else object_type_keys()
    pks = [page.pk for page in pages]
    rows = ItemPage.objects.filter(pk__in=pks).values(
        "pk",
        "locale_id",
        "translation_key",
        "path",
        "slug",
        "live",
        "has_unpublished_changes",
        "latest_revision_id",
        "object_type_id",
        *(name for name in FIELDS if name != "object_type"),
    )
    states, drafts = {}, {}
    for row in rows:
        state = PageState(
            pk=row["pk"],
            locale_id=row["locale_id"],
            translation_key=row["translation_key"],
            path=row["path"],
            slug=row["slug"],
            live=row["live"],
            fields={name: row[name] for name in FIELDS if name != "object_type"},
        )
        state.fields["object_type"] = type_keys.get(row["object_type_id"])
        states[state.pk] = state
        if row["has_unpublished_changes"] and row["latest_revision_id"]:
            drafts[row["latest_revision_id"]] = state

    tag_ids, image_ids = {}, {}
    for revision_id, content in Revision.objects.filter(pk__in=drafts).values_list("pk", "content"):
        state = drafts[revision_id]
        content = json.loads(content) if isinstance(content, str) else content
        for name in FIELDS:
            if name == "object_type":
                state.fields[name] = type_keys.get(content.get("object_type"))
            elif name in content:
                state.fields[name] = content[name]
        tag_ids[state.pk] = [item["tag"] for item in content.get("tagged_items", [])]
        for name in links:
            _model, record = LINKS[name]
            entries = sorted(content.get(name, []), key=lambda link: link.get("sort_order") or 0)
            state.fields[name] = tuple((link[record], link["role"]) for link in entries)
        images = sorted(content.get("images", []), key=lambda image: image.get("sort_order") or 0)
        image_ids[state.pk] = [image["image"] for image in images]

    live_rows = [pk for pk in states if pk not in tag_ids]
    for page_id, tag_id in (
        ItemPage.tags.through.objects.filter(content_object_id__in=live_rows)
        .order_by("pk")
        .values_list("content_object_id", "tag_id")
    ):
        tag_ids.setdefault(page_id, []).append(tag_id)
    for page_id, image_id in (
        ItemImage.objects.filter(page_id__in=live_rows)
        .order_by("sort_order", "pk")
        .values_list("page_id", "image_id")
    ):
        image_ids.setdefault(page_id, []).append(image_id)

    for name in links:
        model, record = LINKS[name]
        found = {}
        for page_id, record_id, role in (
            model.objects.filter(page_id__in=live_rows)
            .order_by("sort_order", "pk")
            .values_list("page_id", f"{record}_id", "role")
        ):
            found.setdefault(page_id, []).append((record_id, role))
        for pk in live_rows:
            states[pk].fields[name] = tuple(found.get(pk, ()))

    names = dict(
        Tag.objects.filter(pk__in={t for ids in tag_ids.values() for t in ids}).values_list(
            "pk", "name"
        )
    )
    images = {
        pk: ImageState(pk, posixpath.basename(file), file_hash or "", alt_text)
        for pk, file, file_hash, alt_text in get_image_model()
        .objects.filter(pk__in={i for ids in image_ids.values() for i in ids})
        .values_list("pk", "file", "file_hash", "alt_text")
    }
    for state in states.values():
        for name in DECIMALS:
            state.fields[name] = _decimal(state.fields[name])
        state.tags = tuple(names[t] for t in tag_ids.get(state.pk, []) if t in names)
        state.images = [images[i] for i in image_ids.get(state.pk, []) if i in images]
    return states
