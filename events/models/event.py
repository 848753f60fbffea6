"""The hub's programme: events and exhibitions, by partners and by the hub itself.

An event is a page: partners write theirs in their own space (below their PartnerPage,
through the same review workflow as stories), the hub writes hub-wide ones below the
"What's on" page. Its dates are written as the editor thinks of them — a day, a time, the
time zone of the place — and stored as aware datetimes; a recurrence is an RFC 5545 RRULE
that must end. Published events are expanded into ``EventOccurrence`` rows
(events.occurrences), so What's on, the home page, partner pages and the feeds read one
indexed table whatever the recurrences. See docs/programme.md.
"""

from datetime import date, datetime, time, timedelta

from django.conf import global_settings, settings
from django.core.exceptions import ValidationError
from django.core.validators import MinValueValidator
from django.db import models
from django.utils import timezone
from django.utils.translation import get_language_info, pgettext_lazy
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import (
    FieldPanel,
    FieldRowPanel,
    InlinePanel,
    MultiFieldPanel,
    PageChooserPanel,
)
from wagtail.api import APIField
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import StreamField
from wagtail.models import Orderable
from wagtail.search import index
from wagtail.snippets.models import register_snippet
from wagtail_localize.fields import SynchronizedField

from heritage_collections.models import ItemPage, item_listing
from heritagehub.blocks import BaseContentBlock
from heritagehub.cache import without_private
from heritagehub.calendar import RecurrenceError, parse_rrule, time_zone_names, zone
from heritagehub.covers import choose_covers
from heritagehub.i18n import in_language, localize_pages, url_in_language
from heritagehub.models import HeritagePage, VocabularyTerm, optional_image
from heritagehub.panels import editor_tabs
from heritagehub.serializers import VocabularyTermSerializer
from maps.fields import latitude_field, longitude_field
from partners.models import PartnerOwnedMixin

from ..ical import event_calendar
from ..linked_data import event_data

EVENTS_PER_PAGE = 20


class EventKind(VocabularyTerm):
    """Exhibition, workshop, talk, performance, screening, open studio, guided tour …"""

    class Meta(VocabularyTerm.Meta):
        verbose_name = _("event kind")
        verbose_name_plural = _("event kinds")


register_snippet(EventKind)


def validate_language_codes(value):
    unknown = [code for code in split_codes(value) if code not in LANGUAGE_NAMES]
    if unknown:
        raise ValidationError(
            _("Unknown language code: %(codes)s. Use codes such as it, en, fr, de, es, lis."),
            params={"codes": ", ".join(unknown)},
        )


def split_codes(value):
    return [
        code.strip().lower() for code in (value or "").replace(";", ",").split(",") if code.strip()
    ]


# Codes Django knows a name for, plus sign languages a heritage programme offers.
LANGUAGE_NAMES = dict(global_settings.LANGUAGES) | {
    "lis": "Lingua dei segni italiana",
    "bfi": "British Sign Language",
    "lsf": "Langue des signes française",
    "gsg": "Deutsche Gebärdensprache",
    "lse": "Lengua de signos española",
}


class EventPage(PartnerOwnedMixin, RoutablePageMixin, HeritagePage):
    """An event or exhibition: when (in the time zone of its place, once or recurring),
    where (a venue, the partner's own address, or online), for whom, at what price.

    The dates are synchronised across translations; titles, texts, venue names and
    accessibility information are translated. All-day events have no time: they run from
    the start date to the end date, whole days in the event's time zone.
    """

    class AttendanceMode(models.TextChoices):
        IN_PERSON = "in_person", _("In person")
        ONLINE = "online", _("Online")
        MIXED = "mixed", _("In person and online")

    class Status(models.TextChoices):
        SCHEDULED = "scheduled", _("Scheduled")
        CANCELLED = "cancelled", _("Cancelled")
        POSTPONED = "postponed", _("Postponed")
        RESCHEDULED = "rescheduled", _("Rescheduled")

    kind = models.ForeignKey(
        EventKind, verbose_name=_("kind"), on_delete=models.PROTECT, related_name="+"
    )
    summary = models.CharField(_("summary"), max_length=300)
    body = StreamField(BaseContentBlock(), verbose_name=_("body"), blank=True)
    hero_image = optional_image(_("image"))

    start_date = models.DateField(_("start date"))
    start_time = models.TimeField(
        _("start time"), null=True, blank=True, help_text=_("Empty for an all-day event.")
    )
    end_date = models.DateField(
        _("end date"), null=True, blank=True, help_text=_("Empty when it ends the day it starts.")
    )
    end_time = models.TimeField(_("end time"), null=True, blank=True)
    time_zone = models.CharField(
        _("time zone"),
        max_length=64,
        choices=[(name, name) for name in time_zone_names()],
        default=settings.TIME_ZONE,
        help_text=_("The time zone of the place: the times above are its local times."),
    )
    recurrence = models.CharField(
        _("recurrence"),
        max_length=255,
        blank=True,
        help_text=_(
            "An iCalendar RRULE that ends, e.g. FREQ=WEEKLY;BYDAY=SA;COUNT=8 or "
            "FREQ=MONTHLY;BYDAY=1SU;UNTIL=20271231. Empty for a single event."
        ),
    )
    exceptions = models.TextField(
        _("dates left out"),
        blank=True,
        help_text=_(
            "Dates of the recurrence when the event does not take place, one per line (YYYY-MM-DD)."
        ),
    )
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.SCHEDULED
    )

    attendance_mode = models.CharField(
        _("attendance"),
        max_length=20,
        choices=AttendanceMode.choices,
        default=AttendanceMode.IN_PERSON,
    )
    venue_name = models.CharField(
        _("venue"), max_length=200, blank=True, help_text=_("Empty: at the partner's own address.")
    )
    venue_address = models.CharField(_("address"), max_length=255, blank=True)
    venue_city = models.CharField(_("city"), max_length=120, blank=True)
    venue_country = models.CharField(_("country"), max_length=120, blank=True)
    latitude = latitude_field()
    longitude = longitude_field()
    online_url = models.URLField(_("online link"), max_length=500, blank=True)

    languages = models.CharField(
        _("languages spoken"),
        max_length=100,
        blank=True,
        validators=[validate_language_codes],
        help_text=_(
            "Language codes separated by commas, e.g. it, en (lis: Italian Sign Language)."
        ),
    )
    accessibility = models.TextField(
        _("accessibility"),
        blank=True,
        help_text=_("Step-free access, seating, induction loop, sign language, quiet hours …"),
    )
    is_free = models.BooleanField(_("free"), default=False)
    price = models.DecimalField(
        _("price"),
        max_digits=8,
        decimal_places=2,
        null=True,
        blank=True,
        validators=[MinValueValidator(0)],
        help_text=_("The full price; details below."),
    )
    currency = models.CharField(_("currency"), max_length=3, default="EUR")
    price_details = models.CharField(
        _("price details"), max_length=255, blank=True, help_text=_("Reductions, what is included.")
    )
    booking_url = models.URLField(_("booking link"), max_length=500, blank=True)

    # What the dates above mean, as instants: set on every save (clean, save).
    starts_at = models.DateTimeField(_("starts at"), editable=False, null=True)
    ends_at = models.DateTimeField(_("ends at"), editable=False, null=True)

    content_panels = HeritagePage.content_panels + [
        FieldPanel("kind"),
        FieldPanel("summary"),
        FieldPanel("hero_image"),
        FieldPanel("body"),
    ]
    metadata_panels = [
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("start_date"), FieldPanel("start_time")]),
                FieldRowPanel([FieldPanel("end_date"), FieldPanel("end_time")]),
                FieldPanel("time_zone"),
                FieldPanel("recurrence"),
                FieldPanel("exceptions"),
                FieldPanel("status"),
            ],
            heading=_("When"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("attendance_mode"),
                FieldPanel("venue_name"),
                FieldPanel("venue_address"),
                FieldRowPanel([FieldPanel("venue_city"), FieldPanel("venue_country")]),
                FieldRowPanel([FieldPanel("latitude"), FieldPanel("longitude")]),
                FieldPanel("online_url"),
            ],
            heading=_("Where"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("languages"),
                FieldPanel("accessibility"),
                FieldPanel("is_free"),
                FieldRowPanel([FieldPanel("price"), FieldPanel("currency")]),
                FieldPanel("price_details"),
                FieldPanel("booking_url"),
            ],
            heading=_("Taking part"),
        ),
        InlinePanel("related_items", label=_("Related items"), heading=_("Related items")),
        InlinePanel(
            "related_pages",
            label=_("Related collections and stories"),
            heading=_("Related collections and stories"),
        ),
    ]
    edit_handler = editor_tabs(content_panels, metadata_panels)
    search_fields = HeritagePage.search_fields + [
        index.SearchField("summary"),
        index.SearchField("body"),
        index.SearchField("venue_name"),
        index.AutocompleteField("venue_city"),
        index.FilterField("locale_id"),
        index.FilterField("start_date"),
    ]
    api_fields = [
        APIField("kind", serializer=VocabularyTermSerializer()),
        APIField("summary"),
        APIField("body"),
        APIField("hero_image"),
        APIField("start_date"),
        APIField("start_time"),
        APIField("end_date"),
        APIField("end_time"),
        APIField("time_zone"),
        APIField("starts_at"),
        APIField("ends_at"),
        APIField("all_day"),
        APIField("recurrence"),
        APIField("exception_dates"),
        APIField("status"),
        APIField("attendance_mode"),
        APIField("venue_name"),
        APIField("venue_address"),
        APIField("venue_city"),
        APIField("venue_country"),
        APIField("latitude"),
        APIField("longitude"),
        APIField("online_url"),
        APIField("language_codes"),
        APIField("accessibility"),
        APIField("is_free"),
        APIField("price"),
        APIField("currency"),
        APIField("price_details"),
        APIField("booking_url"),
        APIField("related_items"),
        APIField("related_pages"),
    ]
    override_translatable_fields = HeritagePage.override_translatable_fields + [
        SynchronizedField("recurrence"),
        SynchronizedField("exceptions"),
        SynchronizedField("languages"),
        SynchronizedField("currency"),
        SynchronizedField("online_url"),
        SynchronizedField("booking_url"),
        SynchronizedField("venue_address"),
    ]
    parent_page_types = ["events.WhatsOnPage", "partners.PartnerPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("event")
        verbose_name_plural = _("events")

    # When -----------------------------------------------------------------------------------

    @property
    def all_day(self):
        return self.start_time is None

    @property
    def zone(self):
        return zone(self.time_zone)

    @property
    def last_date(self):
        return self.end_date or self.start_date

    def local_start(self):
        """The first start: a date (all-day) or an aware datetime in the event's zone."""
        if self.all_day:
            return self.start_date
        return datetime.combine(self.start_date, self.start_time, self.zone)

    def local_end(self):
        """The end of the first occurrence: its last day (all-day), an aware datetime, or
        None for a timed event without an end time."""
        if self.all_day:
            return self.last_date
        if self.end_time is None:
            return None
        return datetime.combine(self.last_date, self.end_time, self.zone)

    def instants(self):
        """(starts_at, ends_at) of the first occurrence as aware datetimes: all-day events
        run from midnight of their first day to midnight after their last, in their zone."""
        if self.all_day:
            start = datetime.combine(self.start_date, time.min, self.zone)
            end = datetime.combine(self.last_date + timedelta(days=1), time.min, self.zone)
            return start, end
        start = self.local_start()
        return start, self.local_end() or start

    @property
    def exception_dates(self):
        dates = []
        for line in (self.exceptions or "").split():
            try:
                dates.append(date.fromisoformat(line.strip()))
            except ValueError:
                continue
        return dates

    @property
    def language_codes(self):
        return split_codes(self.languages)

    def language_names(self):
        names = []
        for code in self.language_codes:
            try:
                names.append(get_language_info(code)["name_translated"])
            except KeyError:
                names.append(LANGUAGE_NAMES.get(code, code))
        return names

    def clean(self):
        super().clean()
        errors = {}
        if self.end_time is not None and self.start_time is None:
            errors["start_time"] = _(
                "Give a start time too, or leave the end time empty for an all-day event."
            )
        if self.start_date and not errors:
            start, end = self.instants()
            if self.end_date and self.end_date < self.start_date:
                errors["end_date"] = _(
                    "The event ends before it starts: the end date is before the start date."
                )
            elif self.end_time is not None and end < start:
                errors["end_time"] = _(
                    "The event ends before it starts: the end time is before the start time."
                )
            if self.recurrence and "end_date" not in errors:
                try:
                    parse_rrule(self.recurrence, self.local_start())
                except RecurrenceError as error:
                    errors["recurrence"] = str(error)
        bad_lines = []
        for line in (self.exceptions or "").split():
            try:
                date.fromisoformat(line.strip())
            except ValueError:
                bad_lines.append(line.strip())
        if bad_lines:
            errors["exceptions"] = _("Not a date (write YYYY-MM-DD): %(lines)s") % {
                "lines": ", ".join(bad_lines)
            }
        if self.exceptions.strip() and not self.recurrence:
            errors.setdefault(
                "exceptions",
                _(
                    "Dates can be left out of a recurrence only: add a recurrence rule or "
                    "empty this field."
                ),
            )
        if (self.latitude is None) != (self.longitude is None):
            errors["longitude" if self.longitude is None else "latitude"] = _(
                "Give both latitude and longitude, or neither."
            )
        if self.attendance_mode != self.AttendanceMode.IN_PERSON and not self.online_url:
            errors["online_url"] = _("An online event needs its link.")
        if self.is_free and self.price:
            errors["price"] = _("A free event has no price: empty the price or untick free.")
        if errors:
            raise ValidationError(errors)

    def save(self, *args, **kwargs):
        if self.start_date:
            self.starts_at, self.ends_at = self.instants()
        return super().save(*args, **kwargs)

    # Where ----------------------------------------------------------------------------------

    @property
    def is_online(self):
        return self.attendance_mode != self.AttendanceMode.IN_PERSON

    @property
    def is_in_person(self):
        return self.attendance_mode != self.AttendanceMode.ONLINE

    def venue(self, partner=None):
        """Where the event takes place: its own venue, else its partner's address (None
        for an online-only event)."""
        if not self.is_in_person:
            return None
        if self.venue_name or self.venue_address or self.venue_city:
            return Venue(
                self.venue_name,
                self.venue_address,
                self.venue_city,
                self.venue_country,
                self.latitude,
                self.longitude,
            )
        if partner is not None:
            return Venue(
                partner.title,
                partner.address,
                partner.city,
                partner.country,
                partner.latitude,
                partner.longitude,
            )
        return None

    # Pages -------------------------------------------------------------------------------------

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        partner = self.partner
        context["partner"] = partner
        context["venue"] = self.venue(partner)
        context["upcoming"] = self.upcoming()
        context["related_items"] = self.items_in_language()
        context["related_pages"] = choose_covers(self.pages_in_language())
        context["ics_url"] = url_in_language(self) + self.reverse_subpage("ics")
        return context

    def structured_data(self, request, context):
        return event_data(self, request, context)

    @path("calendar/", name="ics")
    def ics(self, request):
        return event_calendar(request, self)

    def items_in_language(self):
        keys = list(self.related_items.values_list("item__translation_key", flat=True))
        if not keys:
            return []
        return list(
            item_listing(
                in_language(
                    without_private(ItemPage.objects.live()).filter(translation_key__in=keys)
                )
            )
        )

    def pages_in_language(self):
        chosen = [
            related.related.specific for related in self.related_pages.select_related("related")
        ]
        return localize_pages(chosen) if chosen else []

    def upcoming(self, limit=6):
        """The next occurrences of the event (ongoing ones first), in every language."""
        return list(
            EventOccurrence.objects.filter(
                translation_key=self.translation_key, ends_at__gt=timezone.now()
            ).order_by("starts_at")[:limit]
        )

    @classmethod
    def api_queryset(cls, queryset):
        """What the JSON API (heritagehub.api) fetches with each event it lists."""
        return queryset.select_related("locale", "kind", "hero_image").prefetch_related(
            "related_items", "related_pages"
        )


class Venue(tuple):
    """A place: name, address, city, country, latitude, longitude."""

    __slots__ = ()

    def __new__(cls, name, address, city, country, latitude, longitude):
        return super().__new__(cls, (name, address, city, country, latitude, longitude))

    name = property(lambda self: self[0])
    address = property(lambda self: self[1])
    city = property(lambda self: self[2])
    country = property(lambda self: self[3])
    latitude = property(lambda self: self[4])
    longitude = property(lambda self: self[5])

    @property
    def text(self):
        """The place on one line, as a calendar's LOCATION."""
        return ", ".join(
            part for part in (self.name, self.address, self.city, self.country) if part
        )


class EventRelatedItem(Orderable):
    page = ParentalKey(EventPage, on_delete=models.CASCADE, related_name="related_items")
    item = models.ForeignKey(
        "heritage_collections.ItemPage",
        verbose_name=pgettext_lazy("heritage", "item"),
        on_delete=models.CASCADE,
        related_name="+",
    )

    panels = [FieldPanel("item")]
    api_fields = [APIField("item")]


class EventRelatedPage(Orderable):
    """A collection or story the event is about, or that a visitor should read next."""

    page = ParentalKey(EventPage, on_delete=models.CASCADE, related_name="related_pages")
    related = models.ForeignKey(
        "wagtailcore.Page", verbose_name=_("page"), on_delete=models.CASCADE, related_name="+"
    )

    panels = [
        PageChooserPanel("related", ["heritage_collections.CollectionPage", "stories.StoryPage"])
    ]
    api_fields = [APIField("related")]


class EventOccurrence(models.Model):
    """One occurrence of a live event, in every language (by the event's translation key).

    Rebuilt from the event whenever it is published, unpublished, moved or deleted, and
    nightly by ``manage.py refresh_occurrences`` (events.occurrences), up to a horizon: the
    listings are one indexed query, and what they filter by is copied here.
    """

    translation_key = models.UUIDField(db_index=True)
    event = models.ForeignKey(EventPage, on_delete=models.CASCADE, related_name="occurrences")
    starts_at = models.DateTimeField(db_index=True)
    ends_at = models.DateTimeField(db_index=True)
    all_day = models.BooleanField(default=False)
    is_last = models.BooleanField(default=False)
    kind_slug = models.SlugField(max_length=120, db_index=True)
    partner_slug = models.SlugField(max_length=255, blank=True, db_index=True)
    partner_key = models.UUIDField(null=True, blank=True)
    city = models.CharField(max_length=120, blank=True, db_index=True)
    place = models.CharField(max_length=700, blank=True)
    latitude = models.DecimalField(max_digits=9, decimal_places=6, null=True, blank=True)
    longitude = models.DecimalField(max_digits=9, decimal_places=6, null=True, blank=True)
    is_free = models.BooleanField(default=False)
    is_online = models.BooleanField(default=False)
    languages = models.CharField(max_length=120, blank=True)  # ",it,en," for a LIKE
    status = models.CharField(max_length=20, default=EventPage.Status.SCHEDULED)

    class Meta:
        verbose_name = _("event occurrence")
        verbose_name_plural = _("event occurrences")
        ordering = ["starts_at", "pk"]
        indexes = [
            models.Index(fields=["ends_at", "starts_at"], name="events_occ_upcoming"),
            models.Index(fields=["is_last", "ends_at"], name="events_occ_archive"),
            # The archive's pages: latest first, read backwards from now (whats_on.Archive).
            models.Index(fields=["is_last", "starts_at", "ends_at"], name="events_occ_past"),
        ]

    def __str__(self):
        return f"{self.event_id} @ {self.starts_at:%Y-%m-%d %H:%M}"

    @property
    def is_ongoing(self):
        """Begun and not over yet (an exhibition on show): cards say until when it runs,
        since its start is already past."""
        return self.starts_at < timezone.now() < self.ends_at
