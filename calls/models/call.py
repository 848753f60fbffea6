"""Open calls: residencies, grants, training, jobs, calls for proposals and for new partners.

A partner publishes its calls below its own page (so they go through its review workflow
like its stories); the hub's own calls sit below the calls index. The index lists every
open call of the hub by nearest deadline, and archives the closed ones. See docs/calls.md.
"""

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Prefetch
from django.utils import timezone
from django.utils.cache import patch_cache_control
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.fields import RichTextField
from wagtail.models import Orderable
from wagtail.search import index
from wagtail.snippets.models import register_snippet
from wagtail_localize.fields import SynchronizedField

from heritagehub.cache import without_private
from heritagehub.i18n import in_language
from heritagehub.models import HeritagePage, VocabularyTerm
from heritagehub.panels import editor_tabs
from heritagehub.serializers import VocabularyTermSerializer
from partners.models import PartnerOwnedMixin, Sector

from .. import schedule
from ..forms import CallPageForm
from ..linked_data import call_data

RICH_TEXT_FEATURES = ["bold", "italic", "link", "ul", "ol", "h3"]


class CallKind(VocabularyTerm):
    """Residency, grant and funding, training, job or internship, call for proposals …"""

    class Meta(VocabularyTerm.Meta):
        verbose_name = _("kind of call")
        verbose_name_plural = _("kinds of call")


register_snippet(CallKind)


class CallPage(PartnerOwnedMixin, HeritagePage):
    """An opportunity with a deadline: who may apply, what is offered and how to apply.

    Opening date and deadline are moments (aware date-times) typed in the call's own time
    zone; whether a call is upcoming, open or closed is read from the clock
    (``calls.schedule``), so it closes at its deadline without being republished, and
    stays on the site, archived, once closed.
    """

    class CareerStage(models.TextChoices):
        ANY = "any", pgettext_lazy("call", "Any career stage")
        STUDENT = "student", _("Students and recent graduates")
        EMERGING = "emerging", _("Emerging professionals")
        ESTABLISHED = "established", _("Established professionals")
        ORGANISATION = "organisation", pgettext_lazy("call", "Organisations")

    kind = models.ForeignKey(
        CallKind, verbose_name=_("kind of call"), on_delete=models.PROTECT, related_name="+"
    )
    summary = models.CharField(_("summary"), max_length=300)
    opens_at = models.DateTimeField(pgettext_lazy("call", "opening date"))
    deadline = models.DateTimeField(pgettext_lazy("call", "deadline"))
    time_zone = models.CharField(
        pgettext_lazy("call", "time zone"),
        max_length=64,
        default=schedule.DEFAULT_TIME_ZONE,
        help_text=_("The opening date and the deadline are times in this zone."),
    )
    sectors = ParentalManyToManyField(Sector, verbose_name=_("sectors"), blank=True)
    regions = models.CharField(
        pgettext_lazy("call", "regions"),
        max_length=255,
        blank=True,
        help_text=_("Where applicants must be based, e.g. “Emilia-Romagna” or “EU countries”."),
    )
    career_stage = models.CharField(
        pgettext_lazy("call", "career stage"),
        max_length=20,
        choices=CareerStage.choices,
        default=CareerStage.ANY,
    )
    eligibility = RichTextField(
        pgettext_lazy("call", "who may apply"), blank=True, features=RICH_TEXT_FEATURES
    )
    offer = RichTextField(pgettext_lazy("call", "what is offered"), features=RICH_TEXT_FEATURES)
    how_to_apply = RichTextField(pgettext_lazy("call", "how to apply"), features=RICH_TEXT_FEATURES)
    application_url = models.URLField(pgettext_lazy("call", "application link"), blank=True)
    contact_name = models.CharField(pgettext_lazy("call", "contact"), max_length=200, blank=True)
    contact_email = models.EmailField(pgettext_lazy("call", "contact e-mail"), blank=True)

    base_form_class = CallPageForm
    content_panels = HeritagePage.content_panels + [
        FieldPanel("kind"),
        FieldPanel("summary"),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("opens_at"), FieldPanel("deadline")]),
                # The IANA names as a choice, not model choices: tzdata updates would
                # otherwise ask for a migration.
                FieldPanel("time_zone", widget=forms.Select(choices=schedule.time_zone_choices)),
            ],
            heading=pgettext_lazy("call", "Dates"),
        ),
        FieldPanel("offer"),
        FieldPanel("how_to_apply"),
        FieldPanel("application_url"),
        InlinePanel(
            "documents",
            label=pgettext_lazy("call", "Documents"),
            heading=pgettext_lazy("call", "Documents"),
        ),
    ]
    metadata_panels = [
        MultiFieldPanel(
            [
                FieldPanel("sectors", widget=forms.CheckboxSelectMultiple),
                FieldPanel("regions"),
                FieldPanel("career_stage"),
                FieldPanel("eligibility"),
            ],
            heading=pgettext_lazy("call", "Who may apply"),
        ),
        MultiFieldPanel(
            [FieldPanel("contact_name"), FieldPanel("contact_email")], heading=_("Contact")
        ),
    ]
    edit_handler = editor_tabs(content_panels, metadata_panels)
    search_fields = HeritagePage.search_fields + [
        index.SearchField("summary"),
        index.SearchField("offer"),
        index.SearchField("eligibility"),
        index.SearchField("how_to_apply"),
        index.SearchField("regions"),
        index.RelatedFields("kind", [index.SearchField("name")]),
        index.FilterField("locale_id"),
        index.FilterField("opens_at"),
        index.FilterField("deadline"),
    ]
    api_fields = [
        APIField("kind", serializer=VocabularyTermSerializer()),
        APIField("summary"),
        APIField("opens_at"),
        APIField("deadline"),
        APIField("time_zone"),
        APIField("status"),
        APIField("sectors", serializer=VocabularyTermSerializer(many=True)),
        APIField("regions"),
        APIField("career_stage"),
        APIField("eligibility"),
        APIField("offer"),
        APIField("how_to_apply"),
        APIField("application_url"),
        APIField("contact_name"),
        APIField("contact_email"),
        APIField("documents"),
    ]
    override_translatable_fields = HeritagePage.override_translatable_fields + [
        SynchronizedField("opens_at"),
        SynchronizedField("deadline"),
        SynchronizedField("time_zone"),
        SynchronizedField("career_stage"),
        SynchronizedField("application_url"),
        SynchronizedField("contact_email"),
    ]
    parent_page_types = ["calls.CallIndexPage", "partners.PartnerPage"]
    subpage_types = []

    class Meta:
        verbose_name = pgettext_lazy("call", "call")
        verbose_name_plural = pgettext_lazy("call", "calls")
        indexes = [models.Index(fields=["deadline"], name="calls_call_deadline")]

    def clean(self):
        super().clean()
        if not schedule.is_time_zone(self.time_zone):
            raise ValidationError({"time_zone": _("Choose a time zone from the list.")})
        if self.opens_at and self.deadline and self.deadline <= self.opens_at:
            raise ValidationError({"deadline": _("The deadline must be after the opening date.")})

    # Time

    @property
    def status(self):
        """ "upcoming", "open" or "closed", now."""
        return schedule.state(self.opens_at, self.deadline)

    @property
    def is_open(self):
        return self.status == schedule.OPEN

    @property
    def is_upcoming(self):
        return self.status == schedule.UPCOMING

    @property
    def is_closed(self):
        return self.status == schedule.CLOSED

    @cached_property
    def badge(self):
        """ "Closes in N days" while open, else None."""
        if not self.is_open:
            return None
        return schedule.closing_badge(self.deadline, self.time_zone)

    @property
    def time_zone_label(self):
        return self.time_zone.replace("_", " ")

    @property
    def local_opens_at(self):
        return self.opens_at.astimezone(schedule.zone(self.time_zone))

    @property
    def local_deadline(self):
        return self.deadline.astimezone(schedule.zone(self.time_zone))

    def next_change(self, now=None):
        """The next moment the call changes state (None once closed)."""
        now = now or timezone.now()
        return next((moment for moment in (self.opens_at, self.deadline) if moment > now), None)

    # Queries

    @classmethod
    def listed(cls, language_code=None):
        """Live public calls, one per translation, in the visitor's language."""
        return in_language(without_private(cls.objects.live()), language_code).select_related(
            "kind", "locale"
        )

    @staticmethod
    def open_filter(now=None):
        now = now or timezone.now()
        return models.Q(opens_at__lte=now, deadline__gt=now)

    @staticmethod
    def upcoming_filter(now=None):
        return models.Q(opens_at__gt=now or timezone.now())

    @staticmethod
    def closed_filter(now=None):
        return models.Q(deadline__lte=now or timezone.now())

    @classmethod
    def api_queryset(cls, queryset):
        """What the JSON API (heritagehub.api) fetches with each call it lists."""
        return queryset.select_related("locale", "kind").prefetch_related(
            "sectors", Prefetch("documents", CallDocument.objects.select_related("document"))
        )

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["documents"] = [link.document for link in self.documents.select_related("document")]
        return context

    def serve(self, request, *args, **kwargs):
        response = super().serve(request, *args, **kwargs)
        moment = self.next_change()
        if moment is not None:
            # The page changes at the next opening or deadline: no cache keeps it longer.
            patch_cache_control(response, max_age=schedule.seconds_until(moment))
        return response

    def structured_data(self, request, context):
        return call_data(self, request, context)


class CallDocument(Orderable):
    """A document of a call: the call text, an application form, a budget template …"""

    page = ParentalKey(CallPage, on_delete=models.CASCADE, related_name="documents")
    document = models.ForeignKey(
        "wagtaildocs.Document",
        verbose_name=pgettext_lazy("call", "document"),
        on_delete=models.CASCADE,
        related_name="+",
    )

    panels = [FieldPanel("document")]
    api_fields = [APIField("document")]


class CallAlertSubscription(models.Model):
    """A visitor who confirmed they want e-mails about new calls in some sectors or kinds.

    Created only by the confirmation link (double opt-in): before that the request lives in
    the signed link alone, and nothing about the visitor is stored. ``token`` is the secret
    of the unsubscribe link. Sectors and kinds are stored as slugs, the same in every
    language (calls.alerts).
    """

    email = models.EmailField(_("e-mail address"), unique=True)
    language = models.CharField(_("language"), max_length=10, choices=settings.LANGUAGES)
    sector_slugs = models.JSONField(_("sectors"), default=list, blank=True)
    kind_slugs = models.JSONField(_("kinds of call"), default=list, blank=True)
    token = models.CharField(_("unsubscribe token"), max_length=64, unique=True)
    confirmed_at = models.DateTimeField(_("confirmed at"))

    class Meta:
        verbose_name = _("call alert subscription")
        verbose_name_plural = _("call alert subscriptions")

    def __str__(self):
        return self.email


class CallAlertDelivery(models.Model):
    """A call sent to a subscriber: what keeps the digest from sending it twice."""

    subscription = models.ForeignKey(
        CallAlertSubscription, on_delete=models.CASCADE, related_name="deliveries"
    )
    call_key = models.UUIDField(_("translation key of the call"))
    sent_at = models.DateTimeField(_("sent at"), default=timezone.now)

    class Meta:
        verbose_name = _("call alert delivery")
        verbose_name_plural = _("call alert deliveries")
        constraints = [
            models.UniqueConstraint(
                fields=["subscription", "call_key"], name="calls_alert_sent_once"
            )
        ]

    def __str__(self):
        return f"{self.subscription} · {self.call_key}"
