"""The e-mails of an application: each in the language of the person who reads it.

The applicant reads the acknowledgement and the decline in the language they applied in
(the invitation that follows an acceptance is onboarding's, ``partners.onboarding``, sent in
the same language). Moderators read the notice of a new application in their admin language
(Wagtail's preferred language, else the hub's).
"""

import logging

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.mail import EmailMessage
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation
from wagtail.users.models import UserProfile

from partners.roles import MODERATORS

logger = logging.getLogger(__name__)

TEMPLATES = "partners/joining/emails"


def _render(template, language, context):
    context = {"site_name": settings.WAGTAIL_SITE_NAME, **context}
    with translation.override(language):
        subject = render_to_string(f"{TEMPLATES}/{template}_subject.txt", context)
        body = render_to_string(f"{TEMPLATES}/{template}.txt", context)
    return " ".join(subject.split()), body


def review_url(application):
    """The absolute admin address where moderators review ``application``."""
    path = reverse("join_applications:edit", args=[application.pk])
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/") + path


def send_acknowledgement(application):
    """Tell the applicant that the application arrived and what happens next."""
    subject, body = _render("received", application.language, {"application": application})
    EmailMessage(subject, body, to=[application.email]).send()


def moderators():
    """Active moderators with an e-mail address, each with their Wagtail profile."""
    return (
        get_user_model()
        .objects.filter(groups__name=MODERATORS, is_active=True)
        .exclude(email="")
        .select_related("wagtail_userprofile")
        .distinct()
        .order_by("pk")
    )


def _preferred_language(user):
    try:
        profile = user.wagtail_userprofile
    except UserProfile.DoesNotExist:
        return settings.LANGUAGE_CODE
    return profile.preferred_language or settings.LANGUAGE_CODE


def notify_moderators(application):
    """E-mail every moderator that an application waits for review."""
    context = {"application": application, "url": review_url(application)}
    for user in moderators():
        subject, body = _render("new_application", _preferred_language(user), context)
        EmailMessage(subject, body, to=[user.email]).send()


def send_decline(application):
    """Send the moderator's message to the applicant, framed in the applicant's language."""
    subject, body = _render("declined", application.language, {"application": application})
    EmailMessage(subject, body, to=[application.email]).send()


def safely(send, application):
    """Send an e-mail without letting a mail server's failure reach the visitor: logged."""
    try:
        send(application)
    except Exception:
        logger.exception("Could not send %s for application %s", send.__name__, application.pk)
        return False
    return True
