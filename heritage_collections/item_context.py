"""What an item page shows around the item: its collection and partner, related items, the
stories that feature it, its neighbours in the collection, and how to cite it.

A fixed number of queries whatever the size of the hub (DESIGN §8), each an indexed lookup
with a LIMIT: path ranges for the collection, translation keys, the tag and creator indexes,
the reference index for stories. Never an OFFSET or a COUNT over a collection. Pages are in
the visitor's language where translated (heritagehub.i18n.in_language).

Stories live in the ``stories`` app, which depends on this one: its models are looked up
lazily (django.apps), never imported here.
"""

import datetime
from dataclasses import dataclass

from django.apps import apps
from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db.models import (
    Case,
    CharField,
    IntegerField,
    Prefetch,
    Q,
    Value,
    When,
    prefetch_related_objects,
)
from django.db.models.functions import Cast
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.formats import date_format
from django.utils.text import slugify
from django.utils.translation import gettext
from wagtail.models import Page, ReferenceIndex, Site

from heritagehub.cache import without_private
from heritagehub.i18n import active_language, language_code_of, language_order
from heritagehub.models.pages import routing_for

from .browse import union_all
from .catalogue import sort_key
from .models import CatalogueEntry, ItemImage, ItemPage, ItemTag

RELATED_ITEMS = 6
FEATURING_STORIES = 6
# Rows taken from each source of related items before choosing: an item's translations
# count once each here, and some candidates turn out private.
CANDIDATES_PER_SOURCE = 12


def _child_range(path):
    """(first, last) possible path of a child of ``path``: a range the path index serves,
    where ``path__startswith`` (LIKE) would scan the table on SQLite."""
    return (
        path + Page.alphabet[0] * Page.steplen,
        path + Page.alphabet[-1] * Page.steplen,
    )


# The collection and the partner ---------------------------------------------------------


@dataclass(frozen=True)
class Ancestors:
    collection: Page | None  # live, in the visitor's language where translated
    partner: Page | None


def ancestors(item, request=None):
    """The item's collection and partner in the visitor's language: from the request's
    routing (heritagehub.models.pages), which found them on the way to the item; else in
    one query, the best of their live translations by the visitor's language order."""
    routing = routing_for(request) if request is not None else None
    routed = routing.ancestors(item) if routing is not None else None
    if routed and len(routed) >= 2:
        return Ancestors(collection=routed[-1], partner=routed[-2])
    collection_path = item.path[: -Page.steplen]
    partner_path = collection_path[: -Page.steplen]
    keys = Page.objects.filter(path__in=[collection_path, partner_path]).values("translation_key")
    pages = one_per_translation(Page.objects.live().filter(translation_key__in=keys))

    def at_depth(depth):
        return next((page for page in pages if page.depth == depth), None)

    return Ancestors(collection=at_depth(item.depth - 1), partner=at_depth(item.depth - 2))


# Related items -----------------------------------------------------------------------------


def related_items(item, limit=RELATED_ITEMS, language_code=None):
    """Items by the same creator, sharing a tag, or beside it in its collection: up to
    ``limit``, never the item or its translations, the creator's first (one query).

    Each source is a LIMITed lookup on an index (creator, tag, tree path); the catalogue
    entries of the visitor's language then give, for those few, the page a visitor is
    served (their translation, else the best fallback; live and public only).
    """
    key = item.translation_key
    tag_ids = ItemTag.objects.filter(content_object_id=item.pk).values("tag_id")
    first, last = _child_range(item.path[: -Page.steplen])
    siblings = Page.objects.filter(depth=item.depth, live=True)
    # The item's own translations may come up as candidates (same tags, same creator):
    # fewer than a source's LIMIT, and excluded once, at the end.
    sources = [
        ItemTag.objects.filter(tag_id__in=tag_ids, content_object__live=True).values(
            "content_object__translation_key"
        ),
        siblings.filter(path__gt=item.path, path__lte=last)
        .order_by("path")
        .values("translation_key"),
        siblings.filter(path__lt=item.path, path__gte=first)
        .order_by("-path")
        .values("translation_key"),
    ]
    if item.creator:
        sources.append(
            ItemPage.objects.filter(creator=item.creator, live=True)
            .order_by()  # any of them: never sort a prolific creator's thousands of works
            .values("translation_key")
        )
    # The language inside each branch: SQLite then looks each branch up in the catalogue's
    # (translation key, language) index, where a language_code term of its own would have it
    # scan every entry of the language.
    language_code = language_code or active_language()
    candidates = Q()
    for source in sources:
        candidates |= Q(
            translation_key__in=source[:CANDIDATES_PER_SOURCE], language_code=language_code
        )
    served = CatalogueEntry.objects.filter(candidates).values("page_id")
    order = ["title", "pk"]
    if item.creator:
        order.insert(0, Case(When(creator=item.creator, then=0), default=1).asc())
    return (
        ItemPage.objects.filter(pk__in=served)
        .exclude(translation_key=key)
        .select_related("object_type")
        .order_by(*order)[:limit]
    )


# Stories that feature the item ------------------------------------------------------------


def featuring_stories(item, limit=FEATURING_STORIES, language_code=None):
    """Live public stories that show the item or one of its translations, as a related
    item or an item card in their body (Wagtail's reference index), newest first, each in
    the visitor's language where translated (one query)."""
    StoryPage = apps.get_model("stories", "StoryPage")
    StoryRelatedItem = apps.get_model("stories", "StoryRelatedItem")
    item_ids = Page.objects.filter(translation_key=item.translation_key).values("pk")
    # The reference index keys objects by text: cast both ways to compare ids.
    in_body = (
        ReferenceIndex.objects.filter(
            to_content_type=ContentType.objects.get_for_model(Page),
            to_object_id__in=item_ids.annotate(text_id=Cast("pk", CharField())).values("text_id"),
            content_type=ContentType.objects.get_for_model(StoryPage),
        )
        .annotate(page_id=Cast("object_id", IntegerField()))
        .values("page_id")
    )
    as_related_item = StoryRelatedItem.objects.filter(item_id__in=item_ids).values("page_id")
    story_keys = Page.objects.filter(Q(pk__in=as_related_item) | Q(pk__in=in_body)).values(
        "translation_key"
    )
    # Every live translation of the newest stories (at most one per language each), then
    # one per story in Python: cheaper than in_language's ranking for a handful of rows.
    translations = (
        without_private(StoryPage.objects.live().filter(translation_key__in=story_keys))
        .select_related("hero_image")
        .defer("body")
        .order_by("-date", "title", "pk")[: limit * len(settings.LANGUAGES)]
    )
    return one_per_translation(translations, language_code)[:limit]


def one_per_translation(pages, language_code=None):
    """``pages`` narrowed to one per translation key, the best by the visitor's language
    order, where the first of its translations was in ``pages``."""
    order = {code: n for n, code in enumerate(language_order(language_code))}

    def rank(page):
        return order.get(language_code_of(page.locale_id), len(order))

    best = {}  # a key keeps the place where it first appeared, whatever replaces its page
    for page in pages:
        current = best.get(page.translation_key)
        if current is None or rank(page) < rank(current):
            best[page.translation_key] = page
    return list(best.values())


# Previous and next in the collection -------------------------------------------------------


@dataclass(frozen=True)
class Neighbours:
    previous: Page | None
    next: Page | None

    def __bool__(self):
        return bool(self.previous or self.next)


def neighbours(item, language_code=None):
    """The items before and after this one in its collection's listing: the catalogue
    entries of the visitor's language, by sort title and page (CollectionPage's browse).

    Keyset lookups on the catalogue's (language, collection, sort title, page) index, one
    query. ``sort_title <= …`` is implied by the keyset condition but gives the index a
    range to seek to, where the OR alone would scan the collection.
    """
    entries = CatalogueEntry.objects.filter(
        language_code=language_code or active_language(), collection=collection_path(item)
    )
    title, pk = sort_key(item.title), item.pk
    page_fields = ("page_id", "page__title", "page__url_path", "page__locale_id")
    before = (
        entries.filter(Q(sort_title__lte=title), Q(sort_title__lt=title) | Q(page_id__lt=pk))
        .order_by("-sort_title", "-page_id")
        .annotate(side=Value("previous"))
        .values_list("side", *page_fields)[:1]
    )
    after = (
        entries.filter(Q(sort_title__gte=title), Q(sort_title__gt=title) | Q(page_id__gt=pk))
        .order_by("sort_title", "page_id")
        .annotate(side=Value("next"))
        .values_list("side", *page_fields)[:1]
    )
    # Enough of each page for a link in the visitor's language (title, url_path, locale).
    found = {
        side: Page(id=page_id, title=page_title, url_path=url_path, locale_id=locale_id)
        for side, page_id, page_title, url_path, locale_id in union_all([before, after])
    }
    return Neighbours(previous=found.get("previous"), next=found.get("next"))


def collection_path(item):
    """The catalogue's collection value for an item: "partner/collection" from its url_path
    (as CollectionPage.catalogue_path), the same in every language since slugs are."""
    return "/".join(item.url_path.strip("/").split("/")[-3:-1])


# Citation ----------------------------------------------------------------------------------


def permanent_path(item, language_code=None):
    """``/<lang>/items/<translation key>/``: survives renames and moves, in every language."""
    with translation.override(language_code or active_language()):
        return reverse("heritage_collections:item_permalink", args=[item.translation_key])


def _bibtex_escape(value):
    for char, escaped in (("\\", r"\textbackslash{}"), ("{", r"\{"), ("}", r"\}")):
        value = value.replace(char, escaped)
    for char in "&%$#_":
        value = value.replace(char, "\\" + char)
    return value


@dataclass(frozen=True)
class Citation:
    """How to cite an item: as text, RIS (reference managers) or BibTeX."""

    creator: str
    title: str
    date: str
    year: int | None
    institution: str
    identifier: str
    hub: str
    url: str
    accessed: datetime.date
    language: str

    @property
    def accessed_text(self):
        return gettext("accessed %(date)s") % {"date": date_format(self.accessed, "DATE_FORMAT")}

    def text(self):
        """``Creator. Title. Date. Institution, identifier. Hub. URL (accessed …).``"""
        held = ", ".join(part for part in (self.institution, self.identifier) if part)
        parts = [self.creator, self.title, self.date, held, self.hub]
        sentences = [part.strip() for part in parts if part and part.strip()]
        text = " ".join(s if s.endswith((".", "?", "!")) else s + "." for s in sentences)
        return f"{text} {self.url} ({self.accessed_text})."

    def ris(self):
        fields = [
            ("TY", "ART"),
            ("AU", self.creator),
            ("TI", self.title),
            ("PY", str(self.year) if self.year is not None else ""),
            ("DA", self.date),
            ("PB", self.institution),
            ("AN", self.identifier),
            ("DB", self.hub),
            ("UR", self.url),
            ("Y2", self.accessed.strftime("%Y/%m/%d")),
            ("LA", self.language),
        ]
        lines = [f"{tag}  - {value}" for tag, value in fields if value]
        return "\r\n".join([*lines, "ER  - ", ""])

    def bibtex(self):
        key = slugify(self.identifier or self.title).replace("-", "_") or "item"
        fields = [
            ("author", self.creator),
            ("title", self.title),
            ("year", str(self.year) if self.year is not None else ""),
            ("note", ". ".join(p for p in (self.date, self.institution, self.identifier) if p)),
            ("publisher", self.hub),
            ("howpublished", rf"\url{{{self.url}}}"),
            ("url", self.url),
            ("urldate", self.accessed.isoformat()),
            ("language", self.language),
        ]
        body = ",\n".join(
            f"  {name} = {{{value if name in ('howpublished', 'url') else _bibtex_escape(value)}}}"
            for name, value in fields
            if value
        )
        return f"@misc{{{key},\n{body}\n}}\n"


def citation(item, request, institution=None):
    """The item's citation for this request: its permanent URL under the visitor's language."""
    site = Site.find_for_request(request)
    return Citation(
        creator=item.creator,
        title=item.title,
        date=item.date_display,
        year=item.date_start,
        institution=institution.title if institution is not None else "",
        identifier=item.identifier,
        hub=(site.site_name if site else "") or settings.WAGTAIL_SITE_NAME,
        url=request.build_absolute_uri(permanent_path(item)),
        accessed=timezone.localdate(),
        language=language_code_of(item.locale_id),
    )


# The whole page ----------------------------------------------------------------------------


def item_page_context(item, request):
    """Everything the item page adds to Wagtail's context, in six queries.

    The item's own images, the related items' images and the renditions of every image shown
    (the item's, the cards') are fetched together, not per section.
    """
    around = ancestors(item, request)
    context = {
        "collection": around.collection,
        "partner": around.partner,
        "citation": citation(item, request, around.partner),
    }
    if getattr(request, "is_preview", False):
        # A preview's images are the revision's, in memory: no prefetching, no neighbours.
        context.update(item_images=list(item.images.all()), related_items=[], featuring_stories=[])
        return context

    related = list(related_items(item))
    stories = list(featuring_stories(item))
    prefetch_related_objects(
        [item, *related],
        Prefetch(
            "images", queryset=ItemImage.objects.select_related("image").order_by("sort_order")
        ),
    )
    item_images = list(item.images.all())
    shown = [image.image for image in item_images]
    shown += [card.first_image for card in related if card.first_image is not None]
    shown += [story.hero_image for story in stories if story.hero_image is not None]
    prefetch_related_objects(shown, "renditions")
    context.update(
        item_images=item_images,
        related_items=related,
        featuring_stories=stories,
        neighbours=neighbours(item),
    )
    return context
