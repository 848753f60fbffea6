"""Collections and the heritage items they hold."""

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import F, Window
from django.db.models.functions import RowNumber, Substr
from django.shortcuts import redirect
from django.utils.functional import cached_property
from django.utils.timezone import localdate
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey
from taggit.models import TaggedItemBase
from wagtail.admin.panels import (
    FieldPanel,
    FieldRowPanel,
    InlinePanel,
    MultiFieldPanel,
)
from wagtail.api import APIField
from wagtail.fields import RichTextField, StreamField
from wagtail.images.api.fields import ImageRenditionField
from wagtail.models import Orderable, TranslatableMixin
from wagtail.search import index
from wagtail.snippets.models import register_snippet
from wagtail_localize.fields import SynchronizedField

from authorities.models import AgentPage, PlacePage
from authorities.roles import AgentRole, PlaceRole
from heritagehub.cache import without_private
from heritagehub.covers import choose_covers, register_cover_source
from heritagehub.i18n import (
    active_language,
    descendants_in_language,
    descendants_of_translations,
    in_language,
)
from heritagehub.models import HeritagePage, IndexPage, VocabularyTerm, optional_image
from heritagehub.page_parts import CachedPartsMixin
from heritagehub.panels import editor_tabs
from heritagehub.rights import RightsStatement, rights_field
from heritagehub.search import SearchDocumentField
from heritagehub.serializers import TagNamesField, VocabularyTermSerializer
from maps.fields import latitude_field, longitude_field
from partners.models import PartnerOwnedMixin, PartnerSpace

from .care import CARE_LABEL_BLOCKS, CareLabelsField, care_labels, without_care_labels
from .care_choice import has_chosen_to_see
from .europeana.panel import EuropeanaReadinessPanel
from .forms import ItemPageForm
from .item_map import browse_map, geojson_url
from .linked_data import collection_data, item_data

ITEMS_PER_PAGE = 24


TITLE_MAX_LENGTH = 255  # Wagtail's Page.title
ELLIPSIS = "…"


def page_title(title):
    """(page title, full title) of a title: ``(title, "")`` when it fits in a page title,
    else its beginning cut at a word and ended with "…", and the whole title."""
    if len(title) <= TITLE_MAX_LENGTH:
        return title, ""
    head = title[: TITLE_MAX_LENGTH - len(ELLIPSIS)]
    cut = head.rstrip().rsplit(None, 1)[0] if " " in head.strip() else head
    if len(cut) < TITLE_MAX_LENGTH // 2:  # one very long word: cut it, not the sentence
        cut = head
    return cut.rstrip(" ,;:.-–—") + ELLIPSIS, title


class ObjectType(VocabularyTerm):
    """What kind of thing an item is: painting, photograph, document, recording …"""

    # A card without an image shows the item's kind by a colour and a glyph: one per family
    # of types, so a page of text cards reads at a glance (templates/includes/type_glyph.html).
    FAMILIES = {
        "painting": "painting",
        "drawing": "graphic",
        "print": "graphic",
        "poster": "graphic",
        "photograph": "photograph",
        "video": "photograph",
        "sculpture": "object",
        "installation": "object",
        "ceramic": "object",
        "coin": "object",
        "textile": "object",
        "object": "object",
        "document": "writing",
        "manuscript": "writing",
        "book": "writing",
        "map": "map",
        "sound-recording": "sound",
    }

    class Meta(VocabularyTerm.Meta):
        verbose_name = _("object type")
        verbose_name_plural = _("object types")

    @property
    def family(self):
        return self.FAMILIES.get(self.slug, "object")


register_snippet(ObjectType)

# How many of its items' pictures a collection or story offers its card: enough for each
# card of a page to find one that no card before it shows.
COVER_CANDIDATES = 12


def item_listing(queryset):
    """What an item card needs, fetched in a constant number of queries."""
    return queryset.select_related("object_type", "locale").prefetch_related(
        models.Prefetch(
            "images",
            queryset=ItemImage.objects.select_related("image")
            .prefetch_related("image__renditions")
            .order_by("sort_order"),
        )
    )


class CollectionIndexPage(IndexPage):
    """Browse every collection and item of the hub (/collections/): a query, not a container."""

    parent_page_types = ["home.HomePage"]
    subpage_types = []

    class Meta:
        verbose_name = _("collection index")

    def serve(self, request, *args, **kwargs):
        # A query that is exactly an item's inventory number goes to the item.
        from .search_index import identified_item

        item = identified_item(request.GET.get("q", ""), active_language())
        if item is not None:
            return redirect(item.get_url(request))
        return super().serve(request, *args, **kwargs)

    def get_context(self, request, *args, **kwargs):
        from .browse import Browse

        context = super().get_context(request, *args, **kwargs)
        context["browse"] = browse = Browse(request)
        context["items"] = browse.results()
        context["items_geojson_url"] = geojson_url(browse)
        if browse.state.view == "map":
            context["items_map"] = browse_map(browse)
        elif not browse.state.params() and context["items"].number == 1:
            # The way in for a first visit: the collections, before every item.
            context["collections"] = self.collections(browse)
        return context

    def collections(self, browse):
        """Every live collection in the visitor's language, largest first, with its item
        count (from the browse's collection facet, cached) and a card image."""
        counts = {}
        for group in browse.facets:
            if group.param == "collection":
                counts = {value.value: value.count for value in group.values}
        collections = list(
            in_language(without_private(CollectionPage.objects.live()))
            .select_related("locale", "cover_image")
            .prefetch_related("cover_image__renditions")
        )
        for collection in collections:
            collection.item_count = counts.get(collection.catalogue_path, 0)
        collections.sort(key=lambda collection: (-collection.item_count, collection.title))
        return choose_covers(collections)


class CollectionPage(PartnerOwnedMixin, HeritagePage):
    """A partner's collection; its items are its children."""

    introduction = models.TextField(_("introduction"), blank=True)
    description = RichTextField(_("description"), blank=True)
    cover_image = optional_image(_("cover image"))

    content_panels = HeritagePage.content_panels + [
        FieldPanel("introduction"),
        FieldPanel("description"),
        FieldPanel("cover_image"),
    ]
    search_fields = HeritagePage.search_fields + [
        index.SearchField("introduction"),
        index.SearchField("description"),
        index.FilterField("locale_id"),
    ]
    api_fields = [APIField("introduction"), APIField("description"), APIField("cover_image")]
    parent_page_types = ["partners.PartnerPage"]
    subpage_types = ["heritage_collections.ItemPage"]
    # Set by the listings that count a collection's items; the default spares the card's
    # template a failed lookup, which Django answers with dir() of the page (~1 ms).
    item_count = None

    class Meta:
        verbose_name = pgettext_lazy("heritage", "collection")
        verbose_name_plural = pgettext_lazy("heritage", "collections")

    def items(self):
        items = descendants_in_language(self, ItemPage, children_only=True)
        return item_listing(items).order_by("title", "pk")

    @property
    def catalogue_path(self):
        """The collection's value in the catalogue's collection facet: "partner/collection"."""
        return "/".join(self.url_path.strip("/").split("/")[-2:])

    def get_context(self, request, *args, **kwargs):
        from .browse import Browse

        context = super().get_context(request, *args, **kwargs)
        context["browse"] = browse = Browse(request, scope={"collection": self.catalogue_path})
        context["items"] = browse.results()
        context["items_geojson_url"] = geojson_url(browse)
        if browse.state.view == "map":
            context["items_map"] = browse_map(browse)
        return context

    def structured_data(self, request, context):
        return collection_data(self, request, context)

    @classmethod
    def api_queryset(cls, queryset):
        """What the JSON API (heritagehub.api) fetches with each collection it lists."""
        return queryset.select_related("locale", "cover_image")

    @staticmethod
    def cover_candidates(collections):
        """{collection pk: images of its first items that have one} for cards without a cover
        (heritagehub.covers): one query per tree depth (collections share one), at most
        COVER_CANDIDATES a collection, whatever the size of the collection."""
        candidates = {}
        for depth in {collection.depth for collection in collections}:
            by_path = {c.path: c.pk for c in collections if c.depth == depth}
            parent = Substr("page__path", 1, len(next(iter(by_path))))
            rows = (
                ItemImage.objects.filter(page__depth=depth + 1, page__live=True)
                .filter(without_care_labels("page__"))
                .annotate(parent_path=parent)
                .filter(parent_path__in=list(by_path))
                .annotate(
                    rank=Window(
                        RowNumber(),
                        partition_by=[parent],
                        order_by=[F("page__path").asc(), F("sort_order").asc()],
                    )
                )
                .filter(rank__lte=COVER_CANDIDATES)
                .select_related("image")
            )
            for row in rows:
                candidates.setdefault(by_path[row.parent_path], []).append(row.image)
        return candidates


class ItemTag(TaggedItemBase):
    content_object = ParentalKey(
        "heritage_collections.ItemPage", on_delete=models.CASCADE, related_name="tagged_items"
    )


class ItemPage(CachedPartsMixin, PartnerOwnedMixin, HeritagePage):
    """A heritage item: an object, photograph, document or recording, as a catalogue has it."""

    identifier = models.CharField(
        _("identifier"),
        max_length=100,
        db_index=True,
        help_text=_("Inventory or accession number, unique within the partner."),
    )
    object_type = models.ForeignKey(
        ObjectType,
        verbose_name=_("object type"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    # Kept whole when the page title has to be shortened (a page title holds 255 characters;
    # real catalogues have titles of 400 and more): shown on the item page and exported.
    full_title = models.TextField(
        _("full title"),
        blank=True,
        help_text=_(
            "Only for titles longer than 255 characters: the whole title. The page title is "
            "then its beginning, shortened with “…”."
        ),
    )
    # Indexed: an item page lists other items by the same creator (item_context). 1,000
    # characters hold the longest creator statements of real catalogues and stay within a
    # PostgreSQL B-tree entry (about 2,700 bytes).
    creator = models.CharField(_("creator or maker"), max_length=1000, blank=True, db_index=True)
    date_display = models.CharField(
        _("date"), max_length=100, blank=True, help_text=_("As it should read, e.g. “c. 1890”.")
    )
    date_start = models.IntegerField(
        _("start year"),
        null=True,
        blank=True,
        validators=[MinValueValidator(-100000), MaxValueValidator(2100)],
        help_text=_("For sorting and periods; negative for BCE."),
    )
    date_end = models.IntegerField(
        _("end year"),
        null=True,
        blank=True,
        validators=[MinValueValidator(-100000), MaxValueValidator(2100)],
    )
    place_name = models.CharField(_("place"), max_length=200, blank=True)
    latitude = latitude_field()
    longitude = longitude_field()
    # Real catalogues hold whole paragraphs here: no limit, nothing cut on import.
    materials = models.TextField(_("materials and technique"), blank=True)
    dimensions = models.TextField(_("dimensions"), blank=True)
    description = RichTextField(_("description"), blank=True)
    rights = rights_field(default=RightsStatement.NOT_EVALUATED)
    credit_line = models.TextField(_("credit line"), blank=True)
    source_url = models.URLField(_("source URL"), max_length=500, blank=True)
    # {column: the partner's own word}, for the vocabulary values an import mapped to hub
    # terms (VocabularyCrosswalk): the record keeps what the partner wrote.
    partner_wording = models.JSONField(
        _("as described by the partner"), default=dict, blank=True, editable=False
    )
    tags = ClusterTaggableManager(through=ItemTag, blank=True, verbose_name=_("tags"))
    # Labels such as "human remains", each with a note: the page shows them first and covers
    # the images until the visitor chooses to see them; every output carries them (care.py).
    care_labels = StreamField(
        CARE_LABEL_BLOCKS,
        blank=True,
        verbose_name=_("content that needs care"),
        help_text=_(
            "Label what visitors should know before they see this item: the page shows the "
            "labels and notes first and covers the images until a visitor chooses to see them."
        ),
    )

    content_panels = HeritagePage.content_panels + [
        FieldPanel("full_title"),
        FieldPanel("care_labels"),
        FieldPanel("description"),
        InlinePanel("images", label=_("Images"), heading=_("Images")),
    ]
    metadata_panels = [
        FieldPanel("identifier"),
        FieldPanel("object_type"),
        FieldPanel("creator"),
        InlinePanel(
            "agent_links",
            heading=_("People and organisations"),
            label=_("person or organisation"),
            help_text=_("The authority records of the creator and of anyone else the item names."),
        ),
        MultiFieldPanel(
            [
                FieldPanel("date_display"),
                FieldRowPanel([FieldPanel("date_start"), FieldPanel("date_end")]),
            ],
            heading=_("Date"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("place_name"),
                FieldRowPanel([FieldPanel("latitude"), FieldPanel("longitude")]),
            ],
            heading=_("Place"),
        ),
        InlinePanel("place_links", heading=_("Places"), label=_("place")),
        FieldPanel("materials"),
        FieldPanel("dimensions"),
        FieldPanel("tags"),
        FieldPanel("source_url"),
    ]
    rights_panels = [
        FieldPanel("rights"),
        FieldPanel("credit_line"),
        EuropeanaReadinessPanel(heading=_("Europeana readiness")),
    ]
    edit_handler = editor_tabs(content_panels, metadata_panels, rights_panels)
    search_fields = HeritagePage.search_fields + [
        index.SearchField("identifier"),
        index.SearchField("creator"),
        index.SearchField("description"),
        index.SearchField("place_name"),
        index.SearchField("materials"),
        index.RelatedFields("tags", [index.SearchField("name")]),
        index.FilterField("locale_id"),
        index.FilterField("object_type_id"),
        index.FilterField("date_start"),
        index.FilterField("rights"),
    ]
    api_fields = [
        APIField("full_title"),
        APIField("identifier"),
        APIField("object_type", serializer=VocabularyTermSerializer()),
        APIField("creator"),
        APIField("date_display"),
        APIField("date_start"),
        APIField("date_end"),
        APIField("place_name"),
        APIField("latitude"),
        APIField("longitude"),
        APIField("materials"),
        APIField("dimensions"),
        APIField("description"),
        APIField("images"),
        APIField("agent_links"),
        APIField("place_links"),
        APIField("rights"),
        APIField("credit_line"),
        APIField("source_url"),
        APIField("tags", serializer=TagNamesField()),
        APIField("care_labels", serializer=CareLabelsField()),
    ]
    # A catalogue's facts are the same in every language; only words are translated.
    override_translatable_fields = HeritagePage.override_translatable_fields + [
        SynchronizedField("identifier"),
        SynchronizedField("creator"),
        SynchronizedField("dimensions"),
        SynchronizedField("date_start"),
        SynchronizedField("date_end"),
        SynchronizedField("partner_wording"),
    ]
    parent_page_types = ["heritage_collections.CollectionPage"]
    subpage_types = []
    # Kept in the cache for every visitor until the next publish (heritagehub.page_parts).
    parts_templates = {
        "head": "heritage_collections/includes/item_head.html",
        "content": "heritage_collections/includes/item_content.html",
    }
    # Set by a text search (browse); the default spares every item card a failed template
    # lookup, which Django answers with dir() of the page (~1 ms a card).
    search_snippet = ""
    base_form_class = ItemPageForm

    class Meta:
        verbose_name = pgettext_lazy("heritage", "item")
        verbose_name_plural = pgettext_lazy("heritage", "items")

    def clean(self):
        if self.full_title:
            self.title, self.full_title = page_title(self.full_title)
        super().clean()
        if (
            self.date_start is not None
            and self.date_end is not None
            and self.date_end < self.date_start
        ):
            raise ValidationError({"date_end": _("The end year is before the start year.")})

    @property
    def whole_title(self):
        """The title as the catalogue has it: the full title when the page title is short."""
        return self.full_title or self.title

    @property
    def title_is_uncertain(self):
        """Whether the title carries the cataloguer's marks of doubt or of a supplied title.

        Catalogues put a title the cataloguer made up in square brackets ("[title not
        known]", "[Portrait of a woman]") and mark a doubtful reading with "?": the page
        says so, since a visitor would otherwise read them as typing errors.
        """
        title = self.whole_title
        return "?" in title or ("[" in title and "]" in title)

    @property
    def partner_terms(self):
        """[(column label, the partner's word)] of the values mapped to hub terms."""
        labels = dict(VocabularyCrosswalk.COLUMNS)
        return [
            (labels[column], word)
            for column, word in (self.partner_wording or {}).items()
            if column in labels
        ]

    @classmethod
    def identifier_taken(cls, identifier, partner, translation_key):
        """Whether an item of ``partner`` (in any of its language trees), other than this
        item's own translations, already uses ``identifier``."""
        return (
            descendants_of_translations(partner, cls.objects.all())
            .filter(identifier=identifier)
            .exclude(translation_key=translation_key)
            .exists()
        )

    @cached_property
    def collection(self):
        return CollectionPage.objects.parent_of(self).specific().first()

    @property
    def rights_label(self):
        return RightsStatement(self.rights).label if self.rights else ""

    @property
    def rights_url(self):
        return RightsStatement.https_url(self.rights)

    @property
    def has_open_rights(self):
        return RightsStatement.is_open(self.rights)

    @cached_property
    def care_notice(self):
        """The item's care labels (care.CareLabel), in order: empty when none."""
        return care_labels(self.care_labels)

    @property
    def first_image(self):
        # The prefetched list itself when there is one: modelcluster's images.all() clones
        # the prefetching queryset, which costs more than the rest of a card. A revision's
        # images in memory (a preview) come first, as modelcluster has them.
        images = None
        if "images" not in getattr(self, "_cluster_related_objects", {}):
            images = getattr(self, "_prefetched_objects_cache", {}).get("images")
        if images is None:
            images = self.images.all()
        images = list(images)
        return images[0].image if images else None

    def parts_context(self, request):
        # item_context imports this module: imported here, not at the top.
        from .item_context import item_page_context

        return item_page_context(self, request)

    def images_covered(self, request):
        """Whether the item needs care and this visitor has not chosen to see its images."""
        return bool(self.care_notice) and not has_chosen_to_see(request, self)

    def parts_variant(self, request):
        # The images covered or shown; the day, which the citation gives as its date of access.
        return (self.images_covered(request), localdate())

    def structured_data(self, request, context):
        return item_data(self, request, context)

    @classmethod
    def api_queryset(cls, queryset):
        """What the JSON API (heritagehub.api) fetches with each item it lists: its object
        type, images, renditions, tags and links to records, in a constant number of
        queries."""
        return item_listing(queryset).prefetch_related(
            "tags",
            models.Prefetch("agent_links", queryset=ItemAgent.objects.select_related("agent")),
            models.Prefetch("place_links", queryset=ItemPlace.objects.select_related("place")),
        )


class ItemAgent(Orderable):
    """An item's link to a person or organisation, in a role: the record behind the
    ``creator`` text (which stays as catalogued), or someone the item shows.

    Not translatable: a link is a fact, copied to every translation of the item; the record
    it points to is shown in the visitor's language (``authority_links``)."""

    page = ParentalKey(ItemPage, on_delete=models.CASCADE, related_name="agent_links")
    agent = models.ForeignKey(
        AgentPage,
        verbose_name=_("person or organisation"),
        on_delete=models.CASCADE,
        related_name="+",
    )
    role = models.CharField(
        _("role"), max_length=20, choices=AgentRole.choices, default=AgentRole.CREATOR
    )

    panels = [FieldPanel("agent"), FieldPanel("role")]
    api_fields = [APIField("agent"), APIField("role")]

    class Meta(Orderable.Meta):
        verbose_name = _("person or organisation of an item")
        verbose_name_plural = _("people and organisations of items")
        indexes = [models.Index(fields=["agent", "role"])]

    def __str__(self):
        return f"{self.agent} ({self.get_role_display()})"


class ItemPlace(Orderable):
    """An item's link to a place, in a role: where it was made or found, or what it shows."""

    page = ParentalKey(ItemPage, on_delete=models.CASCADE, related_name="place_links")
    place = models.ForeignKey(
        PlacePage, verbose_name=_("place"), on_delete=models.CASCADE, related_name="+"
    )
    role = models.CharField(
        _("role"), max_length=20, choices=PlaceRole.choices, default=PlaceRole.MADE
    )

    panels = [FieldPanel("place"), FieldPanel("role")]
    api_fields = [APIField("place"), APIField("role")]

    class Meta(Orderable.Meta):
        verbose_name = _("place of an item")
        verbose_name_plural = _("places of items")
        indexes = [models.Index(fields=["place", "role"])]

    def __str__(self):
        return f"{self.place} ({self.get_role_display()})"


class AuthorityProposal(models.Model):
    """A link from an item to an authority record that ``reconcile_authorities`` proposes
    from the item's free text, for an editor to accept or reject (docs/authorities.md).

    Accepting one creates the item's link (``heritage_collections.reconciliation``); a
    rejected one is remembered, so that the next run does not propose it again."""

    class Status(models.TextChoices):
        PROPOSED = "proposed", _("Proposed")
        ACCEPTED = "accepted", _("Accepted")
        REJECTED = "rejected", _("Rejected")

    item = models.ForeignKey(
        ItemPage, verbose_name=pgettext_lazy("heritage", "item"), on_delete=models.CASCADE,
        related_name="+",
    )  # fmt: skip
    agent = models.ForeignKey(
        AgentPage,
        verbose_name=_("person or organisation"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="+",
    )
    place = models.ForeignKey(
        PlacePage,
        verbose_name=_("place"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="+",
    )
    role = models.CharField(_("role"), max_length=20)
    text = models.CharField(_("text of the item"), max_length=1000)
    score = models.FloatField(_("score"))
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.PROPOSED
    )
    created_at = models.DateTimeField(_("proposed at"), auto_now_add=True)

    panels = [FieldPanel("status")]

    class Meta:
        verbose_name = _("proposed link to a record")
        verbose_name_plural = _("proposed links to records")
        ordering = ["-score", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["item", "agent", "role"],
                condition=models.Q(agent__isnull=False),
                name="one_proposal_per_agent_link",
            ),
            models.UniqueConstraint(
                fields=["item", "place", "role"],
                condition=models.Q(place__isnull=False),
                name="one_proposal_per_place_link",
            ),
            models.CheckConstraint(
                condition=models.Q(agent__isnull=False, place__isnull=True)
                | models.Q(agent__isnull=True, place__isnull=False),
                name="proposal_names_one_record",
            ),
        ]

    def __str__(self):
        return f"{self.item} → {self.record}"

    @property
    def record(self):
        return self.agent or self.place


# The longest side of the image the viewer opens (the item page's "max-2400x2400").
LARGE_RENDITION_SIDE = 2400


class ItemImage(TranslatableMixin, Orderable):
    """One of an item's images, in order, with a caption that can be translated."""

    page = ParentalKey(ItemPage, on_delete=models.CASCADE, related_name="images")
    image = models.ForeignKey(
        "heritagehub.HeritageImage",
        verbose_name=_("image"),
        on_delete=models.CASCADE,
        related_name="+",
    )
    caption = models.CharField(_("caption"), max_length=400, blank=True)

    panels = [FieldPanel("image"), FieldPanel("caption")]
    api_fields = [
        APIField("image"),
        APIField("preview", serializer=ImageRenditionField("max-1200x1200", source="image")),
        APIField("caption"),
    ]

    class Meta(TranslatableMixin.Meta, Orderable.Meta):
        verbose_name = _("item image")
        verbose_name_plural = _("item images")

    @property
    def has_detail_past_the_large_rendition(self):
        """Whether the viewer deep-zooms the image through its IIIF service's tiles: only an
        image larger than the large rendition has detail that rendition does not show; a
        smaller one is zoomed whole, as the rendition is the image itself."""
        return max(self.image.width, self.image.height) > LARGE_RENDITION_SIDE


class CatalogueEntry(models.Model):
    """An item as the visitors of one language find it in browse: one row per item and
    language, holding the facts its facets filter, count and sort on.

    Browse needs, for 100,000+ items, "which page does a visitor of language L see for this
    item" (the translation or the best fallback) together with the item's partner,
    collection, type, period, place, image and rights. Computed at browse time that is a
    language ranking over every item; stored here it is an indexed lookup. The rows are
    derived data, rebuilt from the live pages by ``heritage_collections.catalogue`` whenever
    an item, or a collection or partner above it, is published, unpublished, moved or deleted
    (and in bulk by the import); ``manage.py rebuild_catalogue`` rebuilds them all.
    """

    language_code = models.CharField(max_length=8)
    page = models.ForeignKey(ItemPage, on_delete=models.CASCADE, related_name="+")
    translation_key = models.UUIDField()
    sort_title = models.CharField(max_length=255)
    partner = models.SlugField(max_length=255)
    collection = models.CharField(max_length=511)
    object_type = models.SlugField(max_length=120, blank=True)
    date_start = models.IntegerField(null=True)
    date_end = models.IntegerField(null=True)
    century = models.SmallIntegerField(null=True)
    place = models.CharField(max_length=200, blank=True)
    # Where the item's place is (WGS 84 degrees), for the maps of browse: floats, so the
    # GeoJSON grid (maps.geojson) groups 100,000 rows without decimal arithmetic.
    latitude = models.FloatField(null=True)
    longitude = models.FloatField(null=True)
    has_image = models.BooleanField(default=False)
    reuse = models.CharField(max_length=16)
    # What a visitor of this language finds the item by: its served page's title and
    # identifier (weight A), creator, place, tags and object type in every language (B),
    # description and materials (C), stemmed in this language (heritage_collections.
    # search_index). PostgreSQL only; SQLite keeps it in an FTS5 table per language.
    search_document = SearchDocumentField(null=True, editable=False)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["translation_key", "language_code"], name="catalogue_entry_unique"
            )
        ]
        indexes = [
            models.Index(fields=["language_code", "sort_title", "page"], name="catalogue_title"),
            models.Index(fields=["language_code", "date_start", "page"], name="catalogue_date"),
            models.Index(fields=["language_code", "partner"], name="catalogue_partner"),
            models.Index(
                fields=["language_code", "collection", "sort_title", "page"],
                name="catalogue_collection",
            ),
            models.Index(fields=["language_code", "object_type"], name="catalogue_object_type"),
            models.Index(fields=["language_code", "century"], name="catalogue_century"),
            models.Index(fields=["language_code", "place"], name="catalogue_place"),
            # The default order (items with an image first, then by title), whole catalogue
            # and one collection; also serves the image facet's counts.
            models.Index(
                fields=["language_code", "-has_image", "sort_title", "page"],
                name="catalogue_featured",
            ),
            models.Index(
                fields=["language_code", "collection", "-has_image", "sort_title", "page"],
                name="catalogue_collection_featured",
            ),
            models.Index(fields=["language_code", "reuse"], name="catalogue_reuse"),
            # Covers the map of a language's whole catalogue: the grid (with each cell's
            # first item and its place names) reads only the index, never the table.
            models.Index(
                fields=["language_code", "latitude", "longitude", "page", "place"],
                name="catalogue_location_cover",
            ),
        ]

    def __str__(self):
        return f"{self.sort_title} ({self.language_code})"


class SearchWord(models.Model):
    """A word of the items' searchable text, accent- and case-free: what "did you mean"
    suggests a misspelt query word from (trigram similarity on PostgreSQL, edit distance
    among words of the same beginning on SQLite). Added as items are indexed; a word no
    item holds any more stays, and is only suggested when the query it makes finds items.
    """

    word = models.CharField(max_length=40, unique=True)

    def __str__(self):
        return self.word


class OaiRecord(models.Model):
    """An item as OAI-PMH harvesters see it: one record per item across its translations,
    with the datestamp, sets and deletion flag that selective harvesting filters on.

    Derived data kept by ``heritage_collections.oai.index`` whenever the catalogue is
    refreshed. Unlike catalogue entries, a record outlives its item: when no translation is
    live any more it stays, flagged ``deleted``, because the repository promises persistent
    deletions. Lists page through it by keyset on (datestamp, translation_key).
    """

    translation_key = models.UUIDField(unique=True)
    # The last publication of any live translation (seconds: the repository's granularity),
    # or the moment the item was withdrawn.
    datestamp = models.DateTimeField()
    partner = models.SlugField(max_length=255)
    # "partner:collection", the hierarchical setSpec of the collection.
    collection = models.CharField(max_length=511)
    deleted = models.BooleanField(default=False)

    class Meta:
        indexes = [
            models.Index(fields=["datestamp", "translation_key"], name="oai_datestamp"),
            models.Index(
                fields=["partner", "datestamp", "translation_key"], name="oai_partner_set"
            ),
            models.Index(
                fields=["collection", "datestamp", "translation_key"], name="oai_collection_set"
            ),
        ]

    def __str__(self):
        return str(self.translation_key)


class VocabularyCrosswalk(models.Model):
    """A partner's own word for a hub term ("Illustrated Book" → the object type "book"),
    kept per partner and applied by every later import (docs/import.md, "Crosswalks").

    ``term`` is the object type's slug (the same in every language) or the rights
    statement's URI. ``key`` is the partner's value as it is matched: case and surrounding
    spaces ignored, as the hub's own terms are.
    """

    COLUMNS = [
        ("object_type", _("object type")),
        ("rights", _("rights")),
    ]

    space = models.ForeignKey(
        PartnerSpace,
        verbose_name=_("partner space"),
        on_delete=models.CASCADE,
        related_name="crosswalk",
    )
    column = models.CharField(_("column"), max_length=40, choices=COLUMNS)
    partner_value = models.CharField(_("the partner's value"), max_length=255)
    key = models.CharField(max_length=255, editable=False)
    term = models.CharField(_("hub term"), max_length=500)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("vocabulary crosswalk entry")
        verbose_name_plural = _("vocabulary crosswalk")
        ordering = ["space", "column", "key"]
        constraints = [
            models.UniqueConstraint(
                fields=["space", "column", "key"], name="unique_crosswalk_value_per_partner"
            )
        ]

    def __str__(self):
        return f"{self.space}: {self.column} “{self.partner_value}” → {self.term}"

    def save(self, *args, **kwargs):
        self.key = self.key_of(self.partner_value)
        super().save(*args, **kwargs)

    @staticmethod
    def key_of(value):
        return value.strip().casefold()


class ColumnMapping(models.Model):
    """A partner's own column name and the Item CSV column it stands for ("Inventory
    number" → identifier), kept per partner so that nobody renames columns by hand; a
    column mapped to ``IGNORE`` is read by no import, as the partner chose (docs/import.md).
    """

    IGNORE = "-"

    space = models.ForeignKey(
        PartnerSpace,
        verbose_name=_("partner space"),
        on_delete=models.CASCADE,
        related_name="column_mappings",
    )
    partner_column = models.CharField(_("the partner's column"), max_length=255)
    column = models.CharField(_("Item CSV column"), max_length=60)

    class Meta:
        verbose_name = _("column mapping")
        verbose_name_plural = _("column mappings")
        ordering = ["space", "partner_column"]
        constraints = [
            models.UniqueConstraint(
                fields=["space", "partner_column"], name="unique_column_mapping_per_partner"
            )
        ]

    def __str__(self):
        return f"{self.space}: “{self.partner_column}” → {self.column}"


class HarvestSource(models.Model):
    """A partner's OAI-PMH endpoint harvested into one of its collections by
    ``manage.py harvest_items`` on a schedule, incrementally by datestamp, through the same
    checks, crosswalks and plan as a file (docs/import.md, "Harvesting")."""

    name = models.CharField(_("name"), max_length=200)
    endpoint = models.URLField(_("OAI-PMH base URL"), max_length=500)
    metadata_prefix = models.CharField(
        _("metadata format"),
        max_length=20,
        choices=[("oai_dc", "Dublin Core (oai_dc)"), ("edm", "Europeana (EDM)")],
        default="oai_dc",
    )
    set_spec = models.CharField(_("set"), max_length=200, blank=True)
    collection = models.ForeignKey(
        CollectionPage,
        verbose_name=pgettext_lazy("heritage", "collection"),
        on_delete=models.CASCADE,
        related_name="+",
        help_text=_("The partner's collection new items go into, in its language."),
    )
    publish = models.BooleanField(
        _("publish at once"),
        default=False,
        help_text=_("Otherwise new and changed items are drafts in the partner's review."),
    )
    harvested_until = models.DateTimeField(
        _("harvested until"),
        null=True,
        blank=True,
        help_text=_("The newest datestamp harvested: the next harvest asks from there."),
    )

    panels = [
        FieldPanel("name"),
        FieldPanel("endpoint"),
        FieldPanel("metadata_prefix"),
        FieldPanel("set_spec"),
        FieldPanel("collection"),
        FieldPanel("publish"),
        FieldPanel("harvested_until"),
    ]

    class Meta:
        verbose_name = _("harvest source")
        verbose_name_plural = _("harvest sources")

    def __str__(self):
        return self.name


class HarvestedRecord(models.Model):
    """Which item an OAI record became: a deleted record names only its OAI identifier."""

    source = models.ForeignKey(HarvestSource, on_delete=models.CASCADE, related_name="records")
    oai_identifier = models.CharField(max_length=500)
    identifier = models.CharField(max_length=100)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["source", "oai_identifier"], name="unique_harvested_record"
            )
        ]

    def __str__(self):
        return f"{self.oai_identifier} → {self.identifier}"


register_snippet(HarvestSource)
register_cover_source(CollectionPage, "cover_image", CollectionPage.cover_candidates)
