"""E-mail alerts of new calls: double opt-in, one-click unsubscribe, and the digest.

Nothing about a visitor is stored until they confirm: the subscription they asked for
(address, language, sectors, kinds) travels inside the signed confirmation link
(``django.core.signing``, valid ``CONFIRMATION_DAYS``), and only following that link creates
the ``CallAlertSubscription``. Every e-mail then carries the subscription's unsubscribe link,
also as ``List-Unsubscribe`` with ``List-Unsubscribe-Post`` (RFC 8058), so a mail client's
"unsubscribe" button removes it in one POST.

The digest (``send_digests``, run by ``manage.py send_call_alerts`` on a timer) sends each
subscriber, in their language, the open calls in their sectors or kinds that they have not
been sent yet. A ``CallAlertDelivery`` per call and subscriber, written in the same
transaction as the send and unique per pair, is what makes a run idempotent: run it twice,
or in two processes at once, and a call still reaches each subscriber once.
"""

import logging
import secrets

from django.conf import settings
from django.core import signing
from django.core.mail import EmailMultiAlternatives
from django.db import transaction
from django.db.models import Q
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation

from heritagehub.i18n import url_in_language
from heritagehub.ratelimit import RateLimit

from .models import CallAlertDelivery, CallAlertSubscription, CallPage

logger = logging.getLogger(__name__)

SALT = "calls.alerts.confirm"
CONFIRMATION_DAYS = 3
DIGEST_MAX_CALLS = 30


def rate_limit():
    return RateLimit(
        "call-alerts",
        limit=getattr(settings, "CALL_ALERTS_RATE_LIMIT", 5),
        window=getattr(settings, "CALL_ALERTS_RATE_WINDOW", 3600),
    )


def site_url():
    """The public address e-mails link to (the Wagtail admin's base URL setting)."""
    return getattr(settings, "WAGTAILADMIN_BASE_URL", "").rstrip("/")


# Opt-in --------------------------------------------------------------------------------------


def confirmation_token(email, language, sectors, kinds):
    return signing.dumps(
        {"e": email, "l": language, "s": sorted(sectors), "k": sorted(kinds)},
        salt=SALT,
        compress=True,
    )


def read_confirmation_token(token):
    """The subscription a confirmation link asks for, or None when it is forged or old."""
    try:
        data = signing.loads(token, salt=SALT, max_age=CONFIRMATION_DAYS * 86400)
    except signing.BadSignature:  # also SignatureExpired
        return None
    if not isinstance(data, dict) or not data.get("e"):
        return None
    return data


def send_confirmation(email, language, sectors, kinds, base_url):
    token = confirmation_token(email, language, sectors, kinds)
    with translation.override(language):
        confirm_url = base_url + reverse("calls:alerts_confirm", args=[token])
        context = {"confirm_url": confirm_url, "days": CONFIRMATION_DAYS}
        subject = render_to_string("calls/emails/confirm_subject.txt", context).strip()
        body = render_to_string("calls/emails/confirm.txt", context)
    EmailMultiAlternatives(subject, body, to=[email]).send()


def confirm(data):
    """Create (or update) the subscription a valid confirmation link describes."""
    subscription, created = CallAlertSubscription.objects.update_or_create(
        email=data["e"].lower(),
        defaults={
            "language": data["l"],
            "sector_slugs": data["s"],
            "kind_slugs": data["k"],
        },
        create_defaults={
            "language": data["l"],
            "sector_slugs": data["s"],
            "kind_slugs": data["k"],
            "token": secrets.token_urlsafe(32),
            "confirmed_at": timezone.now(),
        },
    )
    return subscription, created


def unsubscribe_url(subscription, base_url):
    with translation.override(subscription.language):
        return base_url + reverse("calls:alerts_unsubscribe", args=[subscription.token])


# Digest --------------------------------------------------------------------------------------


def matching_calls(subscription, now=None):
    """Open calls in the subscriber's sectors or kinds, in their language, not yet sent."""
    wanted = Q()
    if subscription.sector_slugs:
        wanted |= Q(sectors__slug__in=subscription.sector_slugs)
    if subscription.kind_slugs:
        wanted |= Q(kind__slug__in=subscription.kind_slugs)
    if not wanted:
        return CallPage.objects.none()
    sent = CallAlertDelivery.objects.filter(subscription=subscription).values("call_key")
    return (
        CallPage.listed(subscription.language)
        .filter(CallPage.open_filter(now))
        .filter(wanted)
        .exclude(translation_key__in=sent)
        .distinct()
        .order_by("deadline", "title")[:DIGEST_MAX_CALLS]
    )


def send_digest(subscription, base_url, now=None):
    """Send one subscriber their new calls; the number of calls sent (0: no e-mail)."""
    with transaction.atomic():
        # Locks the subscriber's row (PostgreSQL): a second run waits, then finds them sent.
        CallAlertSubscription.objects.select_for_update().filter(pk=subscription.pk).first()
        calls = list(matching_calls(subscription, now))
        if not calls:
            return 0
        CallAlertDelivery.objects.bulk_create(
            [
                CallAlertDelivery(subscription=subscription, call_key=c.translation_key)
                for c in calls
            ]
        )
        leave_url = unsubscribe_url(subscription, base_url)
        with translation.override(subscription.language):
            context = {
                "calls": [(call, base_url + url_in_language(call)) for call in calls],
                "unsubscribe_url": leave_url,
            }
            subject = render_to_string("calls/emails/digest_subject.txt", context).strip()
            body = render_to_string("calls/emails/digest.txt", context)
        message = EmailMultiAlternatives(
            subject,
            body,
            to=[subscription.email],
            headers={
                "List-Unsubscribe": f"<{leave_url}>",
                "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
            },
        )
        # Sent inside the transaction: if sending fails, the deliveries are rolled back and
        # the next run tries again.
        message.send()
    return len(calls)


def send_digests(base_url=None, now=None):
    """Send every confirmed subscriber their digest; (subscribers written to, calls sent)."""
    base_url = (base_url if base_url is not None else site_url()).rstrip("/")
    written = sent = 0
    for subscription in CallAlertSubscription.objects.order_by("pk").iterator():
        try:
            count = send_digest(subscription, base_url, now)
        except Exception:
            logger.exception("Call alerts: the digest to subscription %s failed", subscription.pk)
            continue
        if count:
            written += 1
            sent += count
    return written, sent
