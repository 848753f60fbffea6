"""Receiving, accepting and declining applications to join the hub.

Each step is all or nothing: what it writes is written in one transaction, and the e-mails
that tell people about it leave only once that transaction is committed. Accepting runs
the partner onboarding (``partners.onboarding.onboard_partner``) and fills the new
partner's draft page from the application. A decision is taken once: accepting an
accepted application, or declining a declined one, changes nothing and sends nothing.
"""

import logging
from dataclasses import dataclass

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.html import escape
from django.utils.translation import gettext as _
from wagtail.models import Locale

from heritagehub.ratelimit import RateLimit
from partners.models.partner import (
    InstitutionType,
    PartnerOffer,
    PartnerPage,
    PartnerSpace,
    Sector,
    ServiceKind,
)
from partners.onboarding import onboard_partner

from . import emails
from .models import JoinApplication

logger = logging.getLogger(__name__)


def rate_limit():
    return RateLimit(
        "join-applications",
        limit=settings.JOIN_APPLICATIONS_RATE_LIMIT,
        window=settings.JOIN_APPLICATIONS_RATE_WINDOW,
    )


def receive_application(form, language):
    """Store a valid ``JoinForm`` as an application, acknowledge it, tell the moderators.

    E-mail failures are logged, never shown to the applicant: the application is stored.
    """
    data = form.cleaned_data
    default = Locale.get_default()
    with transaction.atomic():
        application = JoinApplication.objects.create(
            organisation=data["organisation"],
            institution_type=InstitutionType.objects.get(
                slug=data["institution_type"], locale=default
            ),
            services=data["services"],
            city=data["city"],
            region=data["region"],
            country=data["country"],
            website=data["website"],
            contact_name=data["contact_name"],
            email=data["email"],
            phone=data["phone"],
            statement=data["statement"],
            language=language,
            consent_at=timezone.now(),
        )
        application.sectors.set(Sector.objects.filter(slug__in=data["sectors"], locale=default))
        application.service_kinds.set(
            ServiceKind.objects.filter(slug__in=data["service_kinds"], locale=default)
        )
    emails.safely(emails.send_acknowledgement, application)
    emails.safely(emails.notify_moderators, application)
    return application


@dataclass
class Decision:
    application: JoinApplication
    # False when the application had been decided so already: nothing changed, nothing sent.
    changed: bool = True
    onboarding: object = None


def _locked(application_pk):
    return JoinApplication.objects.select_for_update().get(pk=application_pk)


def _refuse_clashes(name, slug, username):
    """A new partner, never an existing one: accepting must not make the applicant an
    editor of a partner already in the hub (onboarding would adopt a matching one)."""
    errors = {}
    space = PartnerSpace.objects.filter(slug=slug).first()
    page = PartnerPage.objects.filter(slug=slug).first()
    if space is not None or page is not None:
        errors["slug"] = _(
            "The slug “%(slug)s” is already used by the partner “%(partner)s”: choose another."
        ) % {"slug": slug, "partner": space.name if space else page.title}
    same_name = PartnerSpace.objects.filter(name=name).first()
    if same_name is not None:
        errors["name"] = _(
            "A partner named “%(name)s” is already in the hub (slug “%(slug)s”): if the "
            "applicant belongs to it, decline the application and invite them to that partner."
        ) % {"name": name, "slug": same_name.slug}
    user_model = get_user_model()
    if user_model.objects.filter(**{user_model.USERNAME_FIELD: username}).exists():
        errors["editor_username"] = _("The username “%(username)s” is taken: choose another.") % {
            "username": username
        }
    if errors:
        raise ValidationError(errors)


def services_html(services):
    return "<ul>" + "".join(f"<li>{escape(service)}</li>" for service in services) + "</ul>"


def offers_for(page, kinds):
    """One offer of the partner's page per kind chosen in the application, each kind the
    term of the page's language (what "find a service or space" lists). Note, capacity and
    how to book are left to the partner's editors: the application does not say them."""
    if not kinds:
        return []
    in_language = {
        kind.translation_key: kind
        for kind in ServiceKind.objects.filter(
            locale_id=page.locale_id, translation_key__in=[kind.translation_key for kind in kinds]
        )
    }
    return [
        PartnerOffer(kind=in_language.get(kind.translation_key, kind), locale_id=page.locale_id)
        for kind in kinds
    ]


def fill_partner_page(page, application, user):
    """The new partner's draft page, filled with what the application says of the institution.

    The contact person's e-mail and phone stay private: the partner's editors give the
    institution's public contacts themselves.
    """
    page.city = application.city
    page.region = application.region
    page.country = application.country
    page.website = application.website
    if application.services:
        page.services = services_html(application.services)
    page.sectors = list(application.sectors.all())
    page.offers = offers_for(page, list(application.service_kinds.all()))
    page.save()
    page.save_revision(user=user, log_action=True)
    return page


def accept_application(
    application_pk, user, *, slug, institution_type, editor_username, lead_approval=False
):
    """Onboard the applicant's institution and make its contact the first editor.

    Raises ``ValidationError`` keyed by field (``slug``, ``name``, ``editor_username``,
    ``institution_type``, ``status``) when it cannot, with nothing written.
    """
    slug = (slug or "").strip()
    editor_username = (editor_username or "").strip()
    with transaction.atomic():
        application = _locked(application_pk)
        if application.status == JoinApplication.Status.ACCEPTED:
            return Decision(application=application, changed=False)
        if application.status == JoinApplication.Status.DECLINED:
            raise ValidationError(
                {"status": _("This application was declined: it cannot be accepted any more.")}
            )
        _refuse_clashes(application.organisation, slug, editor_username)
        result = onboard_partner(
            application.organisation,
            slug,
            institution_type,
            editor_email=application.email,
            editor_username=editor_username,
            lead_approval=lead_approval,
            language=application.language,
            user=user,
        )
        fill_partner_page(result.page, application, user)
        application.status = JoinApplication.Status.ACCEPTED
        application.decided_by = user
        application.decided_at = timezone.now()
        application.partner_space = result.space
        application.save()
    return Decision(application=application, onboarding=result)


def decline_application(application_pk, user, message):
    """Decline the application and e-mail the moderator's ``message`` to the applicant."""
    message = (message or "").strip()
    if not message:
        raise ValidationError({"message": _("Write a message to the applicant.")})
    with transaction.atomic():
        application = _locked(application_pk)
        if application.status == JoinApplication.Status.DECLINED:
            return Decision(application=application, changed=False)
        if application.status == JoinApplication.Status.ACCEPTED:
            raise ValidationError(
                {"status": _("This application was accepted: it cannot be declined any more.")}
            )
        application.status = JoinApplication.Status.DECLINED
        application.decided_by = user
        application.decided_at = timezone.now()
        application.decision_message = message
        application.save()
        transaction.on_commit(lambda: emails.safely(emails.send_decline, application))
    return Decision(application=application)
