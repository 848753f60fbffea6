"""Partner institutions: the directory, their profiles, and their own space in the tree."""

from django import forms
from django.conf import settings
from django.conf.global_settings import LANGUAGES as WORLD_LANGUAGES
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from django_countries.fields import CountryField
from django_countries.serializer_fields import CountryField as CountryCodeSerializer
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField
from wagtail.models import Orderable, TranslatableMixin
from wagtail.search import index
from wagtail.snippets.models import register_snippet
from wagtail_localize.fields import SynchronizedField

from heritagehub.covers import choose_covers
from heritagehub.i18n import in_language, url_in_language
from heritagehub.models import HeritagePage, VocabularyTerm, optional_image
from heritagehub.panels import editor_tabs
from heritagehub.serializers import VocabularyTermSerializer
from maps import Marker, draw_map
from maps.fields import LATITUDE_HELP, LONGITUDE_HELP, latitude_field, longitude_field

from .. import space
from ..linked_data import partner_data


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


class ServiceKind(VocabularyTerm):
    """A kind of service or space partners offer: fab lab, coworking, reading room …

    The directory and "find a service or space" filter by it (docs/directory.md).
    """

    class Meta(VocabularyTerm.Meta):
        verbose_name = _("kind of service or space")
        verbose_name_plural = _("kinds of services and spaces")


register_snippet(InstitutionType)
register_snippet(Sector)
register_snippet(ServiceKind)

# What a partner may say it works in: Django's own list of languages, whose names Django
# translates into every interface language.
LANGUAGE_CHOICES = sorted(WORLD_LANGUAGES, key=lambda choice: choice[1])
LANGUAGE_CODES = {code for code, _name in WORLD_LANGUAGES}


class LanguagesField(forms.MultipleChoiceField):
    """Checkboxes of languages for the JSON list of codes a partner stores."""

    widget = forms.CheckboxSelectMultiple

    def __init__(self, **kwargs):
        kwargs.pop("encoder", None)
        kwargs.pop("decoder", None)
        kwargs.pop("max_length", None)
        super().__init__(choices=LANGUAGE_CHOICES, **kwargs)

    def prepare_value(self, value):
        return value or []


class LanguageList(models.JSONField):
    """A list of language codes (``["it", "en"]``); one column on SQLite and PostgreSQL."""

    def formfield(self, **kwargs):
        return super().formfield(**{"form_class": LanguagesField, **kwargs})


def validate_language_codes(value):
    unknown = [code for code in value or [] if code not in LANGUAGE_CODES]
    if not isinstance(value, list) or unknown:
        raise ValidationError(
            _("Unknown language codes: %(codes)s."), params={"codes": ", ".join(map(str, unknown))}
        )


class PartnerOwnedMixin:
    """For pages inside a partner's space: the partner is the ancestor PartnerPage."""

    @cached_property
    def partner(self):
        return PartnerPage.objects.ancestor_of(self).live().specific().first()


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
    country_code = CountryField(
        _("country (for the directory)"),
        blank=True,
        help_text=_("The directory's country filter and its map use this, in every language."),
    )
    latitude = latitude_field(help_text=LATITUDE_HELP)
    longitude = longitude_field(help_text=LONGITUDE_HELP)
    languages = LanguageList(
        _("languages"),
        default=list,
        blank=True,
        validators=[validate_language_codes],
        help_text=_("The languages the institution works and welcomes visitors in."),
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
        InlinePanel("offers", heading=_("Services and spaces offered"), label=_("offer")),
        FieldPanel("logo"),
        FieldPanel("hero_image"),
    ]
    metadata_panels = [
        FieldPanel("institution_type"),
        FieldPanel("sectors", widget=forms.CheckboxSelectMultiple),
        FieldPanel("hub_role"),
        FieldPanel("languages"),
        MultiFieldPanel(
            [
                FieldPanel("address"),
                FieldPanel("city"),
                FieldPanel("region"),
                FieldPanel("country"),
                FieldPanel("country_code"),
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
        APIField("country_code", serializer=CountryCodeSerializer()),
        APIField("latitude"),
        APIField("longitude"),
        APIField("website"),
        APIField("email"),
        APIField("phone"),
        APIField("services"),
        APIField("languages"),
        APIField("offers"),
    ]
    override_translatable_fields = HeritagePage.override_translatable_fields + [
        SynchronizedField("phone"),
        SynchronizedField("address"),
        SynchronizedField("country_code"),
        SynchronizedField("languages"),
    ]
    parent_page_types = ["partners.PartnerIndexPage"]
    subpage_types = [
        "heritage_collections.CollectionPage",
        "stories.StoryPage",
        "events.EventPage",
        "calls.CallPage",
    ]

    class Meta:
        verbose_name = _("partner")
        verbose_name_plural = _("partners")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        # The partner's collections and stories, from the apps that hold them (partners.space).
        context.update(space.listings(self))
        # Cards without a picture of their own borrow one of their items' (never twice).
        shown = {self.hero_image_id} if self.hero_image_id else set()
        for name in ("collections", "stories"):
            if name in context:
                context[name] = choose_covers(context[name], used=shown)
        context["offers"] = self.offers_in_order()
        context["location_map"] = self.location_map()
        context["items_url"] = url_in_language(self) + self.reverse_subpage("items")
        return context

    def structured_data(self, request, context):
        return partner_data(self, request, context)

    def location_map(self):
        """The partner's place on a map (None without coordinates)."""
        if self.latitude is None or self.longitude is None:
            return None
        url = url_in_language(self)
        marker = Marker(float(self.latitude), float(self.longitude), self.title, url)
        return draw_map([marker], title=_("Where %(partner)s is") % {"partner": self.title},
                        width=480, height=300, minimum_span=4.0)  # fmt: skip

    @classmethod
    def api_queryset(cls, queryset):
        """What the JSON API (heritagehub.api) fetches with each partner it lists."""
        return queryset.select_related(
            "locale", "institution_type", "logo", "hero_image"
        ).prefetch_related("sectors", "offers__kind")

    @path("items/", name="items")
    def items(self, request):
        """The partner's items, with the same faceted browse as the collection index."""
        return space.view("items")(self, request)

    @classmethod
    def names_by_slug(cls):
        """Every live partner's name in the visitor's language, by slug (slugs are the same
        in every locale, and an item's url_path names its partner's): item cards print
        their partner from this one lookup, never a query per card."""
        return dict(in_language(cls.objects.live()).values_list("slug", "title"))

    @cached_property
    def sector_names(self):
        return [sector.localized.name for sector in self.sectors.all()]

    def offers_in_order(self):
        return self.offers.select_related("kind").order_by("sort_order")


class PartnerOffer(TranslatableMixin, Orderable):
    """A service or space a partner offers, and how to book it: what "find a service or
    space" lists (docs/directory.md)."""

    page = ParentalKey(PartnerPage, on_delete=models.CASCADE, related_name="offers")
    kind = models.ForeignKey(
        ServiceKind, verbose_name=_("kind"), on_delete=models.PROTECT, related_name="+"
    )
    note = models.CharField(
        _("note"),
        max_length=300,
        blank=True,
        help_text=_("What exactly is offered, to whom, and on what terms."),
    )
    capacity = models.PositiveIntegerField(
        _("capacity"),
        null=True,
        blank=True,
        help_text=_("How many people the space or service takes at once, if it matters."),
    )
    booking_url = models.URLField(_("booking link"), blank=True)
    booking_email = models.EmailField(_("booking e-mail"), blank=True)

    panels = [
        FieldPanel("kind"),
        FieldPanel("note"),
        FieldPanel("capacity"),
        FieldPanel("booking_url"),
        FieldPanel("booking_email"),
    ]
    api_fields = [
        APIField("kind", serializer=VocabularyTermSerializer()),
        APIField("note"),
        APIField("capacity"),
        APIField("booking_url"),
        APIField("booking_email"),
    ]
    override_translatable_fields = [
        SynchronizedField("capacity"),
        SynchronizedField("booking_url"),
        SynchronizedField("booking_email"),
    ]

    class Meta(TranslatableMixin.Meta, Orderable.Meta):
        verbose_name = _("service or space offered")
        verbose_name_plural = _("services and spaces offered")

    def __str__(self):
        return self.note or str(self.kind)


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
