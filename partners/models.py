"""Partner institutions: the directory, their profiles, and their own space in the tree."""

from dataclasses import replace

from django import forms
from django.conf import settings
from django.db import models
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField
from wagtail.search import index
from wagtail.snippets.models import register_snippet
from wagtail_localize.fields import SynchronizedField

from heritagehub.i18n import descendants_in_language, in_language, language_links, url_in_language
from heritagehub.models import HeritagePage, IndexPage, VocabularyTerm, optional_image
from heritagehub.panels import editor_tabs
from heritagehub.serializers import VocabularyTermSerializer

from .linked_data import partner_data


class InstitutionType(VocabularyTerm):
    """Museum, archive, library, research centre, creative hub …"""

    class Meta(VocabularyTerm.Meta):
        verbose_name = _("institution type")
        verbose_name_plural = _("institution types")


class Sector(VocabularyTerm):
    """A cultural or creative sector a partner works in."""

    class Meta(VocabularyTerm.Meta):
        verbose_name = _("sector")
        verbose_name_plural = _("sectors")


register_snippet(InstitutionType)
register_snippet(Sector)


class PartnerOwnedMixin:
    """For pages inside a partner's space: the partner is the ancestor PartnerPage."""

    @cached_property
    def partner(self):
        return PartnerPage.objects.ancestor_of(self).live().specific().first()


class PartnerIndexPage(IndexPage):
    """The partner directory (/partners/)."""

    parent_page_types = ["home.HomePage"]
    subpage_types = ["partners.PartnerPage"]

    class Meta:
        verbose_name = _("partner directory")

    def partners(self):
        return (
            in_language(PartnerPage.objects.live().public())
            .select_related("institution_type", "logo")
            .prefetch_related("logo__renditions")
            .order_by("title")
        )

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["partners"] = self.partners()
        return context


class PartnerPage(RoutablePageMixin, HeritagePage):
    """A partner institution's public profile, and the root of everything it publishes.

    Its collections and stories are its children: the subtree is what the partner's
    editors may change, and what makes it the partner of every item below it.
    """

    class HubRole(models.TextChoices):
        PROMOTER = "promoter", _("Promoter")
        SPOKE = "spoke", _("Spoke")
        AFFILIATE = "affiliate", _("Affiliate")

    summary = models.CharField(_("summary"), max_length=300, blank=True)
    description = RichTextField(_("description"), blank=True)
    institution_type = models.ForeignKey(
        InstitutionType,
        verbose_name=_("institution type"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    sectors = ParentalManyToManyField(Sector, verbose_name=_("sectors"), blank=True)
    hub_role = models.CharField(
        _("role in the hub"), max_length=20, choices=HubRole.choices, default=HubRole.SPOKE
    )
    logo = optional_image(_("logo"))
    hero_image = optional_image(_("hero image"))
    address = models.CharField(_("address"), max_length=255, blank=True)
    city = models.CharField(_("city"), max_length=120, blank=True)
    region = models.CharField(_("region"), max_length=120, blank=True)
    country = models.CharField(_("country"), max_length=120, blank=True)
    latitude = models.DecimalField(
        _("latitude"), max_digits=9, decimal_places=6, null=True, blank=True
    )
    longitude = models.DecimalField(
        _("longitude"), max_digits=9, decimal_places=6, null=True, blank=True
    )
    website = models.URLField(_("website"), blank=True)
    email = models.EmailField(_("e-mail"), blank=True)
    phone = models.CharField(_("phone"), max_length=40, blank=True)
    services = RichTextField(
        _("services and competences"),
        blank=True,
        features=["bold", "italic", "link", "ul", "ol"],
        help_text=_("What the institution offers other partners and the public."),
    )

    content_panels = HeritagePage.content_panels + [
        FieldPanel("summary"),
        FieldPanel("description"),
        FieldPanel("services"),
        FieldPanel("logo"),
        FieldPanel("hero_image"),
    ]
    metadata_panels = [
        FieldPanel("institution_type"),
        FieldPanel("sectors", widget=forms.CheckboxSelectMultiple),
        FieldPanel("hub_role"),
        MultiFieldPanel(
            [
                FieldPanel("address"),
                FieldPanel("city"),
                FieldPanel("region"),
                FieldPanel("country"),
                FieldPanel("latitude"),
                FieldPanel("longitude"),
            ],
            heading=_("Location"),
        ),
        MultiFieldPanel(
            [FieldPanel("website"), FieldPanel("email"), FieldPanel("phone")],
            heading=_("Contact"),
        ),
    ]
    edit_handler = editor_tabs(content_panels, metadata_panels)
    search_fields = HeritagePage.search_fields + [
        index.SearchField("summary"),
        index.SearchField("description"),
        index.SearchField("services"),
        index.AutocompleteField("city"),
        index.FilterField("locale_id"),
    ]
    api_fields = [
        APIField("summary"),
        APIField("description"),
        APIField("institution_type", serializer=VocabularyTermSerializer()),
        APIField("sectors", serializer=VocabularyTermSerializer(many=True)),
        APIField("hub_role"),
        APIField("logo"),
        APIField("hero_image"),
        APIField("address"),
        APIField("city"),
        APIField("region"),
        APIField("country"),
        APIField("latitude"),
        APIField("longitude"),
        APIField("website"),
        APIField("email"),
        APIField("phone"),
        APIField("services"),
    ]
    override_translatable_fields = HeritagePage.override_translatable_fields + [
        SynchronizedField("phone"),
        SynchronizedField("address"),
    ]
    parent_page_types = ["partners.PartnerIndexPage"]
    subpage_types = [
        "heritage_collections.CollectionPage",
        "stories.StoryPage",
        "events.EventPage",
    ]

    class Meta:
        verbose_name = _("partner")
        verbose_name_plural = _("partners")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["collections"] = self.collections_in_language()
        context["stories"] = self.stories_in_language()
        context["items_url"] = url_in_language(self) + self.reverse_subpage("items")
        return context

    def structured_data(self, request, context):
        return partner_data(self, request, context)

    @classmethod
    def api_queryset(cls, queryset):
        """What the JSON API (heritagehub.api) fetches with each partner it lists."""
        return queryset.select_related(
            "locale", "institution_type", "logo", "hero_image"
        ).prefetch_related("sectors")

    @path("items/", name="items")
    def items(self, request):
        """The partner's items, with the same faceted browse as the collection index."""
        from heritage_collections.browse import Browse

        browse = Browse(request, scope={"partner": self.slug})
        suffix = self.reverse_subpage("items")
        links = [replace(link, url=link.url + suffix) for link in language_links(self)]
        return self.render(
            request,
            template="partners/partner_items.html",
            context_overrides={
                "browse": browse,
                "items": browse.results(),
                "language_links": links,
                "canonical_url": url_in_language(self) + suffix,
            },
        )

    def collections_in_language(self):
        from heritage_collections.models import CollectionPage

        return (
            descendants_in_language(self, CollectionPage, children_only=True)
            .select_related("cover_image")
            .prefetch_related("cover_image__renditions")
            .order_by("title")
        )

    def stories_in_language(self):
        from stories.models import StoryPage

        return (
            descendants_in_language(self, StoryPage, children_only=True)
            .select_related("hero_image")
            .prefetch_related("hero_image__renditions")
            .order_by("-date", "title")[:12]
        )

    @cached_property
    def sector_names(self):
        return [sector.localized.name for sector in self.sectors.all()]


class PartnerSpace(models.Model):
    """A partner's editorial space: who may edit its subtree, its media and its review.

    Created by onboarding (``partners.onboarding``). The partner's pages are the
    PartnerPages sharing ``translation_key`` (one per language tree); its editors' group has
    add/change/lock rights on each of them and no publish right, so every change goes
    through ``workflow``.
    """

    name = models.CharField(_("name"), max_length=120, unique=True)
    slug = models.SlugField(_("slug"), max_length=100, unique=True)
    translation_key = models.UUIDField(_("translation key of the partner pages"), unique=True)
    editors = models.OneToOneField(
        "auth.Group",
        verbose_name=_("editors group"),
        on_delete=models.PROTECT,
        related_name="partner_space_as_editors",
    )
    leads = models.OneToOneField(
        "auth.Group",
        verbose_name=_("leads group"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="partner_space_as_leads",
        help_text=_("Members approve their partner's submissions before the hub moderators."),
    )
    collection = models.ForeignKey(
        "wagtailcore.Collection",
        verbose_name=_("media collection"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    workflow = models.ForeignKey(
        "wagtailcore.Workflow",
        verbose_name=_("review workflow"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    onboarded_at = models.DateTimeField(_("onboarded at"), auto_now_add=True)
    onboarded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("onboarded by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    class Meta:
        verbose_name = _("partner space")
        verbose_name_plural = _("partner spaces")
        ordering = ["name"]
        permissions = [("onboard_partner", _("Can onboard partner institutions"))]

    def __str__(self):
        return self.name

    def pages(self):
        """The partner's PartnerPages, one per language tree."""
        return PartnerPage.objects.filter(translation_key=self.translation_key)

    def groups(self):
        return [group for group in (self.editors, self.leads) if group is not None]
