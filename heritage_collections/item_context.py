"""What an item page shows around the item: its collection and partner, related items, the
stories that feature it, its neighbours in the collection, and how to cite it.

A fixed number of queries whatever the size of the hub (docs/architecture.md, "Query
ceilings"), each an indexed lookup with a LIMIT: tree path ranges, translation keys, the tag
and creator indexes, the reference index for stories, the catalogue's (language,
collection, title) index for neighbours.
Never an OFFSET or a COUNT over a collection. Pages are shown in the visitor's language
where translated: the catalogue entries (heritage_collections.catalogue) hold that choice
for items; stories and ancestors are chosen by the visitor's language order.

Stories live in the ``stories`` app, which depends on this one: it registers the stories that
feature an item (``register_featuring_stories``), never imported here.
"""

import datetime
from dataclasses import dataclass

from django.conf import settings
from django.db import connection
from django.db.models import (
    Case,
    Prefetch,
    When,
    prefetch_related_objects,
)
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.formats import date_format
from django.utils.text import slugify
from django.utils.translation import gettext
from wagtail.models import Page
from wagtail_localize.models import TranslationSource

from heritagehub.cache import cached, site_for_request
from heritagehub.covers import choose_covers
from heritagehub.i18n import active_language, language_code_of, language_order
from heritagehub.models.pages import routing_for
from heritagehub.tree import child_range

from .authority_links import creator_records, item_links
from .catalogue import sort_key
from .models import CatalogueEntry, ItemImage, ItemPage, ItemTag

RELATED_ITEMS = 6
# Rows taken from each source of related items before choosing: an item's translations
# count once each here, and some candidates turn out private.
CANDIDATES_PER_SOURCE = 12


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

# The candidates of related items and the stories of an item are selected in SQL written
# here: as nested, LIMITed subqueries the ORM takes longer to compile them (some 4 ms each
# on a 2-core machine) than the database takes to run them. The rows are then fetched
# with the ORM. Every branch is an indexed lookup with a LIMIT (EXPLAIN QUERY PLAN in
# tests/heritage_collections/test_item_page_queries.py).
RELATED_BRANCHES = {
    # Items sharing a tag with the item: the tag index.
    "tag": """SELECT p.translation_key FROM {itemtag} t
        JOIN {page} p ON p.id = t.content_object_id
        WHERE p.live AND t.tag_id IN (SELECT tag_id FROM {itemtag} WHERE content_object_id = %s)""",
    # By the same creator: the creator index, in no order (never sort a prolific creator's
    # thousands of works).
    "creator": """SELECT p.translation_key FROM {itempage} i
        JOIN {page} p ON p.id = i.page_ptr_id
        WHERE p.live AND i.creator = %s""",
    # Beside it in its collection, after then before it: a range of the tree's path index.
    "after": """SELECT translation_key FROM {page}
        WHERE live AND depth = %s AND path > %s AND path <= %s ORDER BY path""",
    "before": """SELECT translation_key FROM {page}
        WHERE live AND depth = %s AND path < %s AND path >= %s ORDER BY path DESC""",
}


def _related_candidates(item, language_code):
    """The page ids a visitor of ``language_code`` is served for the candidates (one query).

    The catalogue entries give, for each candidate item, the page of the visitor's language
    (their translation, else the best fallback; live and public only). Each source is a
    SELECT of its own, joined by UNION, so that both databases look its keys up in the
    (translation key, language) index: ORed in one WHERE, PostgreSQL read every entry of
    the language (100 ms at 100,000 items).
    """
    first, last = child_range(item.path[: -Page.steplen])
    branches = [
        ("tag", [item.pk]),
        ("after", [item.depth, item.path, last]),
        ("before", [item.depth, item.path, first]),
    ]
    if item.creator:
        branches.insert(1, ("creator", [item.creator]))
    tables = {
        "page": Page._meta.db_table,
        "itempage": ItemPage._meta.db_table,
        "itemtag": ItemTag._meta.db_table,
    }
    entries = CatalogueEntry._meta.db_table
    selects, params = [], []
    for name, values in branches:
        branch = RELATED_BRANCHES[name].format(**tables)
        selects.append(
            f"SELECT e.page_id FROM {entries} e WHERE e.language_code = %s"
            f" AND e.translation_key IN ({branch} LIMIT %s)"
        )
        params += [language_code, *values, CANDIDATES_PER_SOURCE]
    sql = " UNION ".join(selects)
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        return [row[0] for row in cursor.fetchall()]


def related_items(item, limit=RELATED_ITEMS, language_code=None):
    """Items sharing a tag with this one, by the same creator, or beside it in its
    collection: up to ``limit``, never the item or its translations (which share its tags
    and creator), the creator's first. Two queries: the few dozen candidates, then those
    ordered; as one, PostgreSQL's planner misjudged the candidates as most items and
    sorted every item first (0.7 s at 100,000 items)."""
    order = ["title", "pk"]
    if item.creator:
        order.insert(0, Case(When(creator=item.creator, then=0), default=1).asc())
    served = _related_candidates(item, language_code or active_language())
    return (
        ItemPage.objects.filter(pk__in=served)
        .exclude(translation_key=item.translation_key)
        .select_related("object_type")
        .order_by(*order)[:limit]
    )


# Stories that feature the item ------------------------------------------------------------

# Stories live in the ``stories`` app, which depends on this one: it registers how to find
# the stories that feature an item (stories.apps), and the item page asks for them here.
_featuring_stories = []


def register_featuring_stories(find):
    """``find(item)``: the stories to show on the item's page, in the visitor's language."""
    _featuring_stories[:] = [find]


def featuring_stories(item):
    return [story for find in _featuring_stories for story in find(item)]


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


# The catalogue entries just before and after the item's in its collection's listing, whose
# default order puts the items with an image first: (has_image DESC, sort_title, page). Each
# side is the nearest entry of the item's own group, else the nearest of the other group,
# which lies on one side only: before an item without an image (the last with one), after an
# item with one (the first without). ``sort_title <= …`` is implied by the keyset condition
# that follows, but it gives the (language, collection, image, sort title, page) index a
# range to seek to. Each group is named by an equality, never ``has_image > %s``: a kept
# PostgreSQL connection plans a statement it prepared once for all parameters (a generic
# plan), and for a range it read a collection's 46,000 entries through the (language,
# collection, title) index to find an empty group (165 ms an item page).
_SIDE = """SELECT * FROM (
    SELECT '{side}', p.id, p.title, p.url_path, p.locale_id FROM {{entry}} e
    JOIN {{page}} p ON p.id = e.page_id
    WHERE e.language_code = %s AND e.collection = %s AND {condition}
    ORDER BY e.sort_title {direction}, e.page_id {direction} LIMIT 1) AS {side}_entry"""
_BEFORE = "e.has_image = %s AND e.sort_title <= %s AND (e.sort_title < %s OR e.page_id < %s)"
_AFTER = "e.has_image = %s AND e.sort_title >= %s AND (e.sort_title > %s OR e.page_id > %s)"


def _neighbours_sql(has_image):
    group_side, group_direction = ("next_group", "ASC") if has_image else ("previous_group", "DESC")
    branches = [
        _SIDE.format(side="previous", condition=_BEFORE, direction="DESC"),
        _SIDE.format(side="next", condition=_AFTER, direction="ASC"),
        _SIDE.format(side=group_side, condition="e.has_image = %s", direction=group_direction),
    ]
    return "\nUNION ALL ".join(branches)


# By whether the item has an image.
NEIGHBOURS_SQL = {has_image: _neighbours_sql(has_image) for has_image in (True, False)}


def neighbours(item, language_code=None):
    """The items before and after this one in its collection's listing: the catalogue
    entries of the visitor's language in CollectionPage's default order (with an image
    first, then by sort title and page). Keyset lookups on the catalogue's index, one query;
    the item's images are the page's own, prefetched."""
    where = [language_code or active_language(), collection_path(item)]
    has_image = bool(item.images.all())
    keyset = [has_image, sort_key(item.title), sort_key(item.title), item.pk]
    params = [*where, *keyset, *where, *keyset, *where, not has_image]
    sql = NEIGHBOURS_SQL[has_image].format(
        entry=CatalogueEntry._meta.db_table, page=Page._meta.db_table
    )
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        rows = cursor.fetchall()
    # Enough of each page for a link in the visitor's language: title, url_path, locale.
    found = {
        side: Page(id=page_id, title=title, url_path=url_path, locale_id=locale_id)
        for side, page_id, title, url_path, locale_id in rows
    }
    return Neighbours(
        previous=found.get("previous") or found.get("previous_group"),
        next=found.get("next") or found.get("next_group"),
    )


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
            ("N1", self.date),  # as the catalogue writes it ("c. 1890"), not RIS's DA format
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
    site = site_for_request(request)
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


def written_tags(item, request=None):
    """The item's tags where they are in the page's language. wagtail-localize copies a
    source's tags into its translations as they are, so a translation shows none rather than
    tags in another language. The source's language is kept until the next publish."""

    def source_locale():
        sources = TranslationSource.objects.filter(object_id=item.translation_key)
        return sources.order_by("created_at").values_list("locale_id", flat=True).first()

    source = cached(f"item-source-locale:{item.translation_key}", source_locale, request)
    if source is not None and source != item.locale_id:
        return []
    return list(item.tags.all())


def item_page_context(item, request):
    """Everything the item page adds to Wagtail's context, in thirteen queries at most (the
    tests of tests/heritage_collections/test_item_page_queries.py list them).

    The item's own images, the related items' images and the renditions of every image shown
    (the item's, the cards') are fetched together, not per section.
    """
    around = ancestors(item, request)
    context = {
        "collection": around.collection,
        "partner": around.partner,
        "citation": citation(item, request, around.partner),
        # Covered until the visitor chooses to see them (care_choice).
        "images_covered": item.images_covered(request),
    }
    preview = getattr(request, "is_preview", False)
    agent_links, place_links = item_links(item, preview=preview)
    context.update(
        agent_links=agent_links,
        place_links=place_links,
        creator_records=creator_records(agent_links),
    )
    if preview:
        # A preview's images are the revision's, in memory: no prefetching, no neighbours.
        context.update(
            item_images=list(item.images.all()),
            related_items=[],
            featuring_stories=[],
            tags=list(item.tags.all()),
        )
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
    # A story without a hero image borrows one of its items' pictures: never one shown here.
    choose_covers(stories, used={image.pk for image in shown}, prefetch=False)
    shown += [story.card_image for story in stories if story.card_image is not None]
    prefetch_related_objects(shown, "renditions")
    context.update(
        item_images=item_images,
        related_items=related,
        featuring_stories=stories,
        neighbours=neighbours(item),
        tags=written_tags(item, request),
    )
    return context
