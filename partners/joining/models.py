"""What an institution asking to join the hub sent, and what the hub decided."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel

from partners.models.partner import InstitutionType, PartnerSpace, Sector, ServiceKind


class JoinApplication(models.Model):
    """An institution's application to join the hub, from the public "Join the hub" form.

    It is private: never shown on the site nor in the API. Moderators and hub editors review
    it in the admin (``partners.joining.admin``); accepting it onboards the institution as a
    partner (``partner_space``), declining it e-mails the moderator's message. Either way the
    decision, who took it and when are kept. Vocabulary terms (type, sectors, kinds of
    services) are those of the hub's default language (the same slug names a term in every
    language); ``services`` keeps what the applicant wrote beside the list.
    """

    class Status(models.TextChoices):
        RECEIVED = "received", _("Received")
        ACCEPTED = "accepted", _("Accepted")
        DECLINED = "declined", _("Declined")

    organisation = models.CharField(_("organisation"), max_length=120)
    institution_type = models.ForeignKey(
        InstitutionType,
        verbose_name=_("institution type"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    sectors = models.ManyToManyField(
        Sector, verbose_name=_("sectors"), blank=True, related_name="+"
    )
    service_kinds = models.ManyToManyField(
        ServiceKind,
        verbose_name=_("kinds of services and spaces offered"),
        blank=True,
        related_name="+",
        help_text=_(
            "Chosen from the hub's list; accepting the application lists them on the new "
            "partner's page."
        ),
    )
    services = models.JSONField(
        _("other services and spaces"),
        default=list,
        blank=True,
        help_text=_(
            "One entry per service or space the list does not name, as the applicant wrote "
            "them (in applications sent before the list, every service)."
        ),
    )
    city = models.CharField(_("city"), max_length=120)
    region = models.CharField(_("region"), max_length=120, blank=True)
    country = models.CharField(_("country"), max_length=120)
    website = models.URLField(_("website"), blank=True)
    contact_name = models.CharField(_("contact name"), max_length=200)
    email = models.EmailField(_("e-mail"))
    phone = models.CharField(_("phone"), max_length=40, blank=True)
    statement = models.TextField(_("statement of interest"))
    language = models.CharField(_("language"), max_length=10, choices=settings.LANGUAGES)
    consent_at = models.DateTimeField(_("consent given at"))
    submitted_at = models.DateTimeField(_("submitted at"), auto_now_add=True, db_index=True)

    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.RECEIVED, db_index=True
    )
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("decided by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    decided_at = models.DateTimeField(_("decided at"), null=True, blank=True)
    decision_message = models.TextField(_("decision message"), blank=True)
    partner_space = models.OneToOneField(
        PartnerSpace,
        verbose_name=_("partner space"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="join_application",
    )

    panels = [
        FieldPanel("organisation", read_only=True),
        FieldPanel("status", read_only=True),
    ]

    class Meta:
        verbose_name = _("application to join")
        verbose_name_plural = _("applications to join")
        ordering = ["-submitted_at"]

    def __str__(self):
        return self.organisation

    @property
    def is_pending(self):
        return self.status == self.Status.RECEIVED
