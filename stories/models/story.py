"""Stories: written by the hub, by partners, and by the communities around them."""

from typing import NamedTuple

from django.conf import settings
from django.db import models
from django.db.models import BooleanField, ExpressionWrapper, Q
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey
from taggit.models import TaggedItemBase
from wagtail.admin.panels import (
    FieldPanel,
    InlinePanel,
    MultiFieldPanel,
)
from wagtail.api import APIField
from wagtail.fields import StreamField
from wagtail.models import Orderable
from wagtail.search import index

from heritage_collections.care import without_care_labels
from heritage_collections.models import ItemImage, ItemPage, item_listing
from heritagehub.cache import without_private
from heritagehub.covers import register_cover_source
from heritagehub.i18n import in_language
from heritagehub.models import HeritagePage, optional_image
from heritagehub.panels import editor_tabs
from heritagehub.rights import rights_field
from heritagehub.serializers import TagNamesField
from partners.models import PartnerOwnedMixin

from ..blocks import StoryBodyBlock
from ..linked_data import story_data

STORIES_PER_PAGE = 12


class StoryTag(TaggedItemBase):
    content_object = ParentalKey(
        "stories.StoryPage", on_delete=models.CASCADE, related_name="tagged_items"
    )


class StoryPage(PartnerOwnedMixin, HeritagePage):
    """A story about heritage, told with text, images and the hub's own items."""

    class AuthorRole(models.TextChoices):
        STAFF = "staff", _("Hub or partner staff")
        COMMUNITY = "community", _("Community member")

    summary = models.CharField(_("summary"), max_length=300)
    date = models.DateField(_("date"))
    author_name = models.CharField(_("author"), max_length=200, blank=True)
    author_role = models.CharField(
        _("author role"), max_length=20, choices=AuthorRole.choices, default=AuthorRole.STAFF
    )
    hero_image = optional_image(_("hero image"))
    body = StreamField(StoryBodyBlock(), verbose_name=_("body"), blank=True)
    place_name = models.CharField(_("place"), max_length=200, blank=True)
    tags = ClusterTaggableManager(through=StoryTag, blank=True, verbose_name=_("tags"))

    content_panels = HeritagePage.content_panels + [
        FieldPanel("summary"),
        FieldPanel("hero_image"),
        FieldPanel("body"),
    ]
    metadata_panels = [
        FieldPanel("date"),
        MultiFieldPanel(
            [FieldPanel("author_name"), FieldPanel("author_role")], heading=_("Author")
        ),
        FieldPanel("place_name"),
        FieldPanel("tags"),
        InlinePanel("related_items", label=_("Related items"), heading=_("Related items")),
    ]
    edit_handler = editor_tabs(content_panels, metadata_panels)
    search_fields = HeritagePage.search_fields + [
        index.SearchField("summary"),
        index.SearchField("body"),
        index.SearchField("author_name"),
        index.SearchField("place_name"),
        index.RelatedFields("tags", [index.SearchField("name")]),
        index.FilterField("locale_id"),
        index.FilterField("date"),
    ]
    api_fields = [
        APIField("summary"),
        APIField("date"),
        APIField("author_name"),
        APIField("author_role"),
        APIField("hero_image"),
        APIField("body"),
        APIField("place_name"),
        APIField("tags", serializer=TagNamesField()),
        APIField("related_items"),
    ]
    parent_page_types = ["stories.StoryIndexPage", "partners.PartnerPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("story")
        verbose_name_plural = _("stories")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        featured = self.featured_items()
        context["related_items"] = featured.related
        context["item_cards"] = featured.cards
        return context

    def structured_data(self, request, context):
        return story_data(self, request, context)

    @classmethod
    def api_queryset(cls, queryset):
        """What the JSON API (heritagehub.api) fetches with each story it lists."""
        return queryset.select_related("locale", "hero_image").prefetch_related(
            "tags",
            models.Prefetch("related_items", StoryRelatedItem.objects.select_related("item")),
        )

    @staticmethod
    def cover_candidates(stories):
        """{story pk: images of its item cards and related items} for cards of stories
        without a hero image (heritagehub.covers), in two queries (three when the bodies were
        deferred) for any number of stories.
        Bodies a listing deferred are read in one more query, and every body raw: their item
        cards' pages are not fetched one by one."""
        deferred = [story.pk for story in stories if "body" in story.get_deferred_fields()]
        bodies = dict(StoryPage.objects.filter(pk__in=deferred).values_list("pk", "body"))
        bodies.update((story.pk, story.body) for story in stories if story.pk not in bodies)
        item_ids = {
            story_pk: [
                block["value"]["item"]
                for block in body.raw_data
                if block["type"] == "item_card" and block["value"].get("item")
            ]
            for story_pk, body in bodies.items()
        }
        related = StoryRelatedItem.objects.filter(page__in=[story.pk for story in stories])
        for story_pk, item_pk in related.order_by("sort_order").values_list("page_id", "item_id"):
            item_ids[story_pk].append(item_pk)
        first_images = {}
        every_item = {pk for pks in item_ids.values() for pk in pks}
        rows = ItemImage.objects.filter(page_id__in=every_item, page__live=True).filter(
            without_care_labels("page__")
        )
        for row in rows.select_related("image").order_by("-sort_order"):
            first_images[row.page_id] = row.image
        return {
            story_pk: [first_images[pk] for pk in pks if pk in first_images]
            for story_pk, pks in item_ids.items()
        }

    def featured_items(self):
        """The related items and the body's item cards, each in the visitor's language: the
        related items' keys, then one query for both, whatever their number (and the
        prefetches of their images)."""
        chosen = {
            block.value["item"].translation_key: block.value["item"].pk
            for block in self.body
            if block.block_type == "item_card" and block.value["item"] is not None
        }
        # Keys in a list, not a subquery: ORed with the chosen keys, a subquery had
        # PostgreSQL scan every page (0.2 s at 100,000 items) instead of the key index.
        related_keys = list(self.related_items.values_list("item__translation_key", flat=True))
        is_related = Q(translation_key__in=related_keys)
        items = item_listing(
            in_language(
                without_private(ItemPage.objects.live()).filter(
                    is_related | Q(translation_key__in=chosen)
                )
            ).annotate(is_related=ExpressionWrapper(is_related, output_field=BooleanField()))
        )
        return FeaturedItems(
            related=[item for item in items if item.is_related],
            cards={
                chosen[item.translation_key]: item
                for item in items
                if item.translation_key in chosen
            },
        )


class FeaturedItems(NamedTuple):
    """The items a story shows, in the visitor's language."""

    related: list  # its related items
    cards: dict  # {the page chosen for an item card: the item to show}


class StoryRelatedItem(Orderable):
    page = ParentalKey(StoryPage, on_delete=models.CASCADE, related_name="related_items")
    item = models.ForeignKey(
        "heritage_collections.ItemPage",
        verbose_name=pgettext_lazy("heritage", "item"),
        on_delete=models.CASCADE,
        related_name="+",
    )

    panels = [FieldPanel("item")]
    api_fields = [APIField("item")]


class CommunitySubmission(models.Model):
    """What a visitor who shared a story told the hub privately: their e-mail and language.

    Never shown on the site, in templates or in the API: it is what lets the hub tell them
    that their story is published. Deleting the story deletes it (and the images that were
    never published, see stories.community).
    """

    page = models.OneToOneField(
        StoryPage,
        verbose_name=_("story"),
        on_delete=models.CASCADE,
        related_name="community_submission",
    )
    email = models.EmailField(_("e-mail address"))
    language = models.CharField(_("language"), max_length=10, choices=settings.LANGUAGES)
    licence = rights_field(verbose_name=_("licence"))
    site_url = models.URLField(
        _("site URL"), max_length=200, help_text=_("The address the story was sent from.")
    )
    images = models.ManyToManyField(
        "heritagehub.HeritageImage", verbose_name=_("images"), blank=True, related_name="+"
    )
    submitted_at = models.DateTimeField(_("submitted at"), auto_now_add=True)
    publication_notice_sent_at = models.DateTimeField(
        _("publication notice sent at"), null=True, blank=True
    )

    class Meta:
        verbose_name = _("community submission")
        verbose_name_plural = _("community submissions")

    def __str__(self):
        return str(self.page)


register_cover_source(StoryPage, "hero_image", StoryPage.cover_candidates)
