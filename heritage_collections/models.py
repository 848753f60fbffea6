"""Collections and the heritage items they hold."""

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.functional import cached_property
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
from wagtail.fields import RichTextField
from wagtail.images.api.fields import ImageRenditionField
from wagtail.models import Orderable, TranslatableMixin
from wagtail.search import index
from wagtail.snippets.models import register_snippet
from wagtail_localize.fields import SynchronizedField

from heritagehub.i18n import descendants_in_language, descendants_of_translations
from heritagehub.models import HeritagePage, IndexPage, VocabularyTerm, optional_image
from heritagehub.panels import editor_tabs
from heritagehub.rights import RightsStatement, rights_field
from heritagehub.serializers import TagNamesField, VocabularyTermSerializer
from partners.models import PartnerOwnedMixin

from .europeana_panel import EuropeanaReadinessPanel
from .forms import ItemPageForm
from .item_map import browse_map, geojson_url
from .linked_data import collection_data, item_data

ITEMS_PER_PAGE = 24


class ObjectType(VocabularyTerm):
    """What kind of thing an item is: painting, photograph, document, recording …"""

    class Meta(VocabularyTerm.Meta):
        verbose_name = _("object type")
        verbose_name_plural = _("object types")


register_snippet(ObjectType)


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

    def get_context(self, request, *args, **kwargs):
        from .browse import Browse

        context = super().get_context(request, *args, **kwargs)
        context["browse"] = browse = Browse(request)
        context["items"] = browse.results()
        context["items_geojson_url"] = geojson_url(browse)
        if browse.state.view == "map":
            context["items_map"] = browse_map(browse)
        return context


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


class ItemTag(TaggedItemBase):
    content_object = ParentalKey(
        "heritage_collections.ItemPage", on_delete=models.CASCADE, related_name="tagged_items"
    )


class ItemPage(PartnerOwnedMixin, HeritagePage):
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
    # Indexed: an item page lists other items by the same creator (item_context).
    creator = models.CharField(_("creator or maker"), max_length=255, blank=True, db_index=True)
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
    latitude = models.DecimalField(
        _("latitude"),
        max_digits=9,
        decimal_places=6,
        null=True,
        blank=True,
        validators=[MinValueValidator(-90), MaxValueValidator(90)],
    )
    longitude = models.DecimalField(
        _("longitude"),
        max_digits=9,
        decimal_places=6,
        null=True,
        blank=True,
        validators=[MinValueValidator(-180), MaxValueValidator(180)],
    )
    materials = models.CharField(_("materials and technique"), max_length=400, blank=True)
    dimensions = models.CharField(_("dimensions"), max_length=255, blank=True)
    description = RichTextField(_("description"), blank=True)
    rights = rights_field(default=RightsStatement.NOT_EVALUATED)
    credit_line = models.CharField(_("credit line"), max_length=400, blank=True)
    source_url = models.URLField(_("source URL"), max_length=500, blank=True)
    tags = ClusterTaggableManager(through=ItemTag, blank=True, verbose_name=_("tags"))

    content_panels = HeritagePage.content_panels + [
        FieldPanel("description"),
        InlinePanel("images", label=_("Images"), heading=_("Images")),
    ]
    metadata_panels = [
        FieldPanel("identifier"),
        FieldPanel("object_type"),
        FieldPanel("creator"),
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
        APIField("rights"),
        APIField("credit_line"),
        APIField("source_url"),
        APIField("tags", serializer=TagNamesField()),
    ]
    # A catalogue's facts are the same in every language; only words are translated.
    override_translatable_fields = HeritagePage.override_translatable_fields + [
        SynchronizedField("identifier"),
        SynchronizedField("creator"),
        SynchronizedField("dimensions"),
        SynchronizedField("date_start"),
        SynchronizedField("date_end"),
    ]
    parent_page_types = ["heritage_collections.CollectionPage"]
    subpage_types = []
    base_form_class = ItemPageForm

    class Meta:
        verbose_name = pgettext_lazy("heritage", "item")
        verbose_name_plural = pgettext_lazy("heritage", "items")

    def clean(self):
        super().clean()
        if (
            self.date_start is not None
            and self.date_end is not None
            and self.date_end < self.date_start
        ):
            raise ValidationError({"date_end": _("The end year is before the start year.")})

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

    @property
    def first_image(self):
        images = list(self.images.all())
        return images[0].image if images else None

    def get_context(self, request, *args, **kwargs):
        # item_context imports this module: imported here, not at the top.
        from .item_context import item_page_context

        context = super().get_context(request, *args, **kwargs)
        context.update(item_page_context(self, request))
        return context

    def structured_data(self, request, context):
        return item_data(self, request, context)

    @classmethod
    def api_queryset(cls, queryset):
        """What the JSON API (heritagehub.api) fetches with each item it lists: its object
        type, images, renditions and tags, in a constant number of queries."""
        return item_listing(queryset).prefetch_related("tags")


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
    # GeoJSON grid (heritagehub.maps.geojson) groups 100,000 rows without decimal arithmetic.
    latitude = models.FloatField(null=True)
    longitude = models.FloatField(null=True)
    has_image = models.BooleanField(default=False)
    reuse = models.CharField(max_length=16)

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
            models.Index(fields=["language_code", "has_image"], name="catalogue_has_image"),
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
