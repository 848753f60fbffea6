"""One e-mail to the reviewers for a whole import.

Wagtail e-mails a review step's reviewers for every page submitted; an import of 5,000
items would send each moderator 5,000 messages. The bulk submission sends none
(``bulk.submit``); instead each reviewer of the workflow's first step gets one message per
import, in their admin language, saying how many pages wait and where to find them. Sent
once the import is committed, and only to reviewers who accept submission notifications.
"""

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.mail import EmailMessage
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation
from wagtail.users.models import UserProfile

from .bulk import first_task


def reviewers(workflow):
    task = first_task(workflow)
    groups = getattr(task.specific, "groups", None) if task else None
    if groups is None:
        return []
    users = (
        get_user_model()
        .objects.filter(groups__in=groups.all(), is_active=True)
        .exclude(email="")
        .distinct()
    )
    return [user for user in users if UserProfile.get_for_user(user).submitted_notifications]


def notify_reviewers(submitted, target, requested_by=None):
    """After commit, tell the reviewers of each workflow how many pages wait
    (``submitted``: {workflow: number of pages})."""

    def send():
        for workflow, count in submitted.items():
            for user in reviewers(workflow):
                if requested_by is not None and user.pk == requested_by.pk:
                    continue
                _send(user, count, target, requested_by)

    if any(submitted.values()):
        transaction.on_commit(send)


def _send(user, count, target, requested_by):
    context = {
        "count": count,
        "partner": target.partner.title,
        "collection": target.collection.title,
        "requested_by": requested_by.get_username() if requested_by else "",
        "url": settings.WAGTAILADMIN_BASE_URL.rstrip("/") + reverse("wagtailadmin_home"),
        "site_name": settings.WAGTAIL_SITE_NAME,
    }
    with translation.override(UserProfile.get_for_user(user).get_preferred_language()):
        subject = " ".join(
            render_to_string(
                "heritage_collections/admin/review_request_subject.txt", context
            ).split()
        )
        body = render_to_string("heritage_collections/admin/review_request.txt", context)
    EmailMessage(subject, body, to=[user.email]).send()
