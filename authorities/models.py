"""Authority records: the people, organisations and places items are linked to.

A record is a page, so that it has a public page in every language the hub speaks (its name
is the page title, translated like any page, reached untranslated through the fallback
routing), a place in the sitemap, the JSON API and the site search, with no machinery of its
own. Records live under one ``AuthorityIndexPage`` per home page, which lists them.
The items link to records (``heritage_collections.models.ItemAgent`` and ``ItemPlace``); a
record's page lists them through ``authorities.linked_items``, which that app fills.
"""

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models.functions import Cast
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.fields import RichTextField
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField

from heritagehub.cache import without_private
from heritagehub.i18n import in_language, url_in_language
from heritagehub.models import HeritagePage, IndexPage
from heritagehub.page_parts import CachedPartsMixin
from heritagehub.pagination import paginate
from maps import Marker, draw_map
from maps.fields import LATITUDE_HELP, LONGITUDE_HELP, latitude_field, longitude_field

from . import linked_items
from .identifiers import (
    IdentifierList,
    identifier_key,
    identifier_links,
    identifiers_text_pattern,
    validate_identifiers,
)
from .linked_data import agent_data, place_data
from .names import sort_name
from .roles import ABOUT_ROLE, ORIGIN_ROLES, WORK_ROLES

RECORDS_PER_PAGE = 60
ITEMS_PER_PAGE = 24


def year_field(verbose_name, help_text=""):
    return models.IntegerField(
        verbose_name,
        null=True,
        blank=True,
        validators=[MinValueValidator(-100000), MaxValueValidator(2100)],
        help_text=help_text,
    )


class AuthorityIndexPage(CachedPartsMixin, IndexPage):
    """The hub's people, organisations and places (/authorities/): every record, by name."""

    parent_page_types = ["home.HomePage"]
    subpage_types = ["authorities.AgentPage", "authorities.PlacePage"]
    # Records are reached from items, not browsed from the menu.
    show_in_menus_default = False
    # Kept in the cache for every visitor until the next publish (heritagehub.page_parts).
    parts_templates = {"content": "authorities/includes/index_content.html"}

    class Meta:
        verbose_name = _("people, organisations and places")

    @staticmethod
    def records(model):
        # ``pk IN (the records' table)``: SQLite's planner otherwise scans every page of the
        # hub (100,000 items) to join the few hundred records, testing each for a better
        # translation: 1.3 s a list, against 20 ms from the records' own rows.
        records = model.objects.live().filter(pk__in=model.objects.values("pk"))
        return in_language(without_private(records)).order_by("sort_name", "title")

    def parts_context(self, request):
        return {
            "agents": paginate(request, self.records(AgentPage), RECORDS_PER_PAGE),
            "places": paginate(request, self.records(PlacePage), RECORDS_PER_PAGE, param="places"),
        }


class AuthorityRecordPage(CachedPartsMixin, HeritagePage):
    """What people, organisations and places share: other names, identifiers in the
    authority files, and the items linked to them."""

    sort_name = models.CharField(
        _("sort name"),
        max_length=255,
        blank=True,
        help_text=_("How the name is sorted, e.g. “Turner, Joseph Mallord William”."),
    )
    alternative_names = models.TextField(
        _("alternative names"),
        blank=True,
        help_text=_("Other names and spellings, one a line."),
    )
    identifiers = IdentifierList(
        _("identifiers"),
        default=list,
        blank=True,
        validators=[validate_identifiers],
        help_text=_(
            "URIs of the same record in Wikidata, ULAN, VIAF, GND, GeoNames or TGN, one a line."
        ),
    )

    # Which of the item links the page lists first, and which as "items about".
    main_roles = ()
    search_fields = HeritagePage.search_fields + [
        index.SearchField("alternative_names"),
        index.AutocompleteField("sort_name"),
        index.FilterField("locale_id"),
    ]
    override_translatable_fields = HeritagePage.override_translatable_fields + [
        SynchronizedField("sort_name"),
        SynchronizedField("identifiers"),
    ]
    parent_page_types = ["authorities.AuthorityIndexPage"]
    subpage_types = []

    class Meta:
        abstract = True

    def clean(self):
        super().clean()
        if not self.sort_name:
            self.sort_name = self.default_sort_name()

    def default_sort_name(self):
        return self.title

    @property
    def alternative_name_list(self):
        return [line.strip() for line in self.alternative_names.splitlines() if line.strip()]

    @property
    def identifier_links(self):
        return identifier_links(self.identifiers)

    @classmethod
    def holding(cls, uris):
        """{identifier key: [(translation key, pk, title)]}: for each of ``uris``, the records
        whose identifiers hold it in any of the forms ``identifier_key`` counts as one; each
        record once, as its first page — its source language, the page items link to (as
        reconciliation links them); aliases left out. One query for any number of URIs."""
        keys = {identifier_key(uri) for uri in uris} - {None}
        if not keys:
            return {}
        rows = (
            cls.objects.filter(alias_of__isnull=True)
            .annotate(identifiers_text=Cast("identifiers", models.TextField()))
            .filter(identifiers_text__regex=identifiers_text_pattern(keys))
            .order_by("pk")
            .values_list("pk", "translation_key", "title", "identifiers")
        )
        found = {}
        for pk, translation_key, title, identifiers in rows:
            for uri in identifiers or []:
                key = identifier_key(uri)
                if key in keys:
                    found.setdefault(key, {}).setdefault(translation_key, (pk, title))
        return {
            key: [(translation_key, pk, title) for translation_key, (pk, title) in records.items()]
            for key, records in found.items()
        }

    @classmethod
    def identifiers_of(cls, pks):
        """{pk: (translation key, identifiers)} of the records ``pks``: one query."""
        if not pks:
            return {}
        return {
            pk: (translation_key, identifiers or [])
            for pk, translation_key, identifiers in cls.objects.filter(pk__in=pks).values_list(
                "pk", "translation_key", "identifiers"
            )
        }

    def main_items(self):
        return linked_items.items(self, self.main_roles)

    def items_about(self):
        return linked_items.items(self, (ABOUT_ROLE,))

    def parts_context(self, request):
        return {
            "main_items": paginate(request, self.main_items(), ITEMS_PER_PAGE),
            "items_about": paginate(request, self.items_about(), ITEMS_PER_PAGE, param="about"),
        }


class AgentPage(AuthorityRecordPage):
    """A person or an organisation that made, published or is shown in items: the record
    that "Turner, J.M.W." and "Joseph Mallord William Turner" in two catalogues both name.
    """

    class Kind(models.TextChoices):
        PERSON = "person", _("Person")
        ORGANISATION = "organisation", _("Organisation")

    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices, default=Kind.PERSON)
    dates = models.CharField(
        _("dates"),
        max_length=100,
        blank=True,
        help_text=_("As they should read, e.g. “1775–1851” or “founded 1897”."),
    )
    start_year = year_field(
        _("year of birth or foundation"), help_text=_("For sorting; negative for BCE.")
    )
    end_year = year_field(_("year of death or dissolution"))
    start_place = models.ForeignKey(
        "authorities.PlacePage",
        verbose_name=_("place of birth or foundation"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    end_place = models.ForeignKey(
        "authorities.PlacePage",
        verbose_name=_("place of death or dissolution"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    occupation = models.CharField(
        _("roles or occupation"), max_length=255, blank=True, help_text=_("E.g. “painter”.")
    )
    biography = RichTextField(_("short biography"), blank=True, features=["bold", "italic", "link"])

    content_panels = HeritagePage.content_panels + [
        FieldPanel("kind"),
        FieldPanel("sort_name"),
        FieldPanel("alternative_names"),
        MultiFieldPanel(
            [
                FieldPanel("dates"),
                FieldRowPanel([FieldPanel("start_year"), FieldPanel("end_year")]),
                FieldRowPanel([FieldPanel("start_place"), FieldPanel("end_place")]),
            ],
            heading=_("Dates"),
        ),
        FieldPanel("occupation"),
        FieldPanel("biography"),
        FieldPanel("identifiers"),
    ]
    search_fields = AuthorityRecordPage.search_fields + [
        index.SearchField("occupation"),
        index.SearchField("biography"),
    ]
    api_fields = [
        APIField("kind"),
        APIField("sort_name"),
        APIField("alternative_names"),
        APIField("dates"),
        APIField("start_year"),
        APIField("end_year"),
        APIField("start_place"),
        APIField("end_place"),
        APIField("occupation"),
        APIField("biography"),
        APIField("identifiers"),
    ]
    override_translatable_fields = AuthorityRecordPage.override_translatable_fields + [
        SynchronizedField("start_year"),
        SynchronizedField("end_year"),
    ]
    main_roles = WORK_ROLES
    # Kept in the cache for every visitor until the next publish (heritagehub.page_parts).
    parts_templates = {"content": "authorities/includes/agent_content.html"}

    class Meta:
        verbose_name = _("person or organisation")
        verbose_name_plural = _("people and organisations")

    def clean(self):
        super().clean()
        if (
            self.start_year is not None
            and self.end_year is not None
            and self.end_year < self.start_year
        ):
            raise ValidationError(
                {"end_year": _("The year of death or dissolution is before the first year.")}
            )

    def default_sort_name(self):
        """People sort by surname: "Turner, Joseph Mallord William"."""
        return sort_name(self.title) if self.is_person else self.title

    @property
    def is_person(self):
        return self.kind == self.Kind.PERSON

    @property
    def schema_type(self):
        return "Person" if self.is_person else "Organization"

    def structured_data(self, request, context):
        return agent_data(self, request)

    @classmethod
    def api_queryset(cls, queryset):
        return queryset.select_related("locale", "start_place", "end_place")


class PlacePage(AuthorityRecordPage):
    """A place items were made or found in, or show: a town, a region, a site, a building."""

    class Kind(models.TextChoices):
        SETTLEMENT = "settlement", _("City, town or village")
        REGION = "region", _("Region")
        COUNTRY = "country", _("Country")
        SITE = "site", _("Site")
        BUILDING = "building", _("Building")
        OTHER = "other", _("Other place")

    place_kind = models.CharField(
        _("kind of place"), max_length=20, choices=Kind.choices, default=Kind.SETTLEMENT
    )
    latitude = latitude_field(help_text=LATITUDE_HELP)
    longitude = longitude_field(help_text=LONGITUDE_HELP)
    description = RichTextField(_("description"), blank=True, features=["bold", "italic", "link"])

    content_panels = HeritagePage.content_panels + [
        FieldPanel("place_kind"),
        FieldPanel("sort_name"),
        FieldPanel("alternative_names"),
        FieldRowPanel([FieldPanel("latitude"), FieldPanel("longitude")]),
        FieldPanel("description"),
        FieldPanel("identifiers"),
    ]
    search_fields = AuthorityRecordPage.search_fields + [index.SearchField("description")]
    api_fields = [
        APIField("place_kind"),
        APIField("sort_name"),
        APIField("alternative_names"),
        APIField("latitude"),
        APIField("longitude"),
        APIField("description"),
        APIField("identifiers"),
    ]
    override_translatable_fields = AuthorityRecordPage.override_translatable_fields + [
        SynchronizedField("latitude"),
        SynchronizedField("longitude"),
    ]
    main_roles = ORIGIN_ROLES
    # Kept in the cache for every visitor until the next publish (heritagehub.page_parts).
    parts_templates = {"content": "authorities/includes/place_content.html"}
    schema_type = "Place"

    class Meta:
        verbose_name = _("place")
        verbose_name_plural = _("places")

    @cached_property
    def location_map(self):
        """The place on a map (None without coordinates)."""
        if self.latitude is None or self.longitude is None:
            return None
        marker = Marker(
            float(self.latitude), float(self.longitude), self.title, url_in_language(self)
        )
        return draw_map([marker], title=_("Where %(place)s is") % {"place": self.title},
                        width=480, height=300, minimum_span=4.0)  # fmt: skip

    def parts_context(self, request):
        return {**super().parts_context(request), "location_map": self.location_map}

    def structured_data(self, request, context):
        return place_data(self, request)
