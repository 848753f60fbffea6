"""E-mail alerts of new calls: double opt-in with nothing stored before confirmation, the
visitor's language, spam and rate limits, one-click unsubscribe, and a digest that never
sends a call twice to a subscriber."""

import datetime
import io
import re

import pytest
import time_machine
from django.core import signing
from django.core.cache import cache
from django.core.management import call_command
from django.test import override_settings
from django.utils import timezone

from calls import alerts
from calls.models import CallAlertDelivery, CallAlertSubscription, CallKind
from tests.calls.conftest import term
from tests.factories import CallPageFactory

pytestmark = pytest.mark.django_db

LINK = re.compile(r"http://testserver/\S+")


@pytest.fixture(autouse=True)
def _clear_rate_limit():
    cache.clear()
    yield
    cache.clear()


def subscribe(client, language="it", **data):
    fields = {"email": "lucia@example.org", "sectors": ["contemporary-art"], **data}
    return client.post(f"/{language}/call-alerts/", fields)


def confirmation_link(message):
    return next(url for url in LINK.findall(message.body) if "/confirm/" in url)


def subscribed(client, mailoutbox, language="it", **data):
    subscribe(client, language, **data)
    client.get(confirmation_link(mailoutbox[-1]).removeprefix("http://testserver"))
    return CallAlertSubscription.objects.get()


def test_the_form_offers_sectors_and_kinds_in_the_visitors_language(client, calls):
    html = client.get("/de/call-alerts/?sector=design").content.decode()
    assert "Zeitgenössische Kunst" in html and "Stelle oder Praktikum" in html
    assert re.search(r'value="design"[^>]*checked', html)


def test_subscribing_sends_a_confirmation_and_stores_nothing(client, calls, mailoutbox):
    response = subscribe(client, "fr")
    assert response.status_code == 302
    assert response["Location"] == "/fr/call-alerts/sent/"
    assert CallAlertSubscription.objects.count() == 0
    (message,) = mailoutbox
    assert message.to == ["lucia@example.org"]
    assert message.subject == "Confirmez vos alertes e-mail de nouveaux appels"
    assert "/fr/call-alerts/confirm/" in confirmation_link(message)


def test_the_confirmation_link_creates_the_subscription(client, calls, mailoutbox):
    subscription = subscribed(client, mailoutbox, "es", kinds=["residency"])
    assert subscription.email == "lucia@example.org"
    assert subscription.language == "es"
    assert subscription.sector_slugs == ["contemporary-art"]
    assert subscription.kind_slugs == ["residency"]


def test_confirming_twice_keeps_one_subscription(client, calls, mailoutbox):
    subscribe(client)
    link = confirmation_link(mailoutbox[-1]).removeprefix("http://testserver")
    client.get(link)
    token = CallAlertSubscription.objects.get().token
    assert client.get(link).status_code == 200
    assert CallAlertSubscription.objects.get().token == token


def test_a_forged_or_expired_link_is_refused_politely(client, calls, mailoutbox):
    subscribe(client)
    link = confirmation_link(mailoutbox[-1]).removeprefix("http://testserver")
    forged = link.replace("/confirm/", "/confirm/x")
    response = client.get(forged)
    assert response.status_code == 400
    assert "Questo link non funziona" in response.content.decode()
    with time_machine.travel(
        timezone.now() + datetime.timedelta(days=alerts.CONFIRMATION_DAYS, hours=1)
    ):
        assert client.get(link).status_code == 400
    assert CallAlertSubscription.objects.count() == 0


def test_the_token_carries_only_what_was_asked_and_cannot_be_changed(calls):
    token = alerts.confirmation_token("a@example.org", "it", ["design"], [])
    payload, signature = token.rsplit(":", 1)
    assert alerts.read_confirmation_token(token)["e"] == "a@example.org"
    assert alerts.read_confirmation_token(payload + ":" + signature[::-1]) is None
    with pytest.raises(signing.BadSignature):
        signing.loads(token, salt="another purpose")


@pytest.mark.parametrize(
    ("language", "data", "message"),
    [
        ("it", {"email": "non-un-indirizzo"}, "Inserisci un indirizzo email valido."),
        ("en", {"sectors": []}, "Choose at least one sector or one kind of call."),
        ("de", {"sectors": ["unknown"]}, "unknown"),
    ],
)
def test_bad_input_gives_form_errors_in_the_visitors_language(
    client, calls, language, data, message
):
    response = subscribe(client, language, **data)
    assert response.status_code == 200
    html = response.content.decode()
    assert "error-summary" in html and message in html
    assert CallAlertSubscription.objects.count() == 0


def test_the_honeypot_sends_nothing(client, calls, mailoutbox):
    response = subscribe(client, website="http://spam.example")
    assert response.status_code == 302
    assert mailoutbox == []


@override_settings(CALL_ALERTS_RATE_LIMIT=2)
def test_subscriptions_are_rate_limited(client, calls, mailoutbox):
    for number in range(2):
        assert subscribe(client, email=f"p{number}@example.org").status_code == 302
    response = subscribe(client, email="p3@example.org")
    assert response.status_code == 429
    assert "Troppe iscrizioni" in response.content.decode()
    assert len(mailoutbox) == 2


# The digest ----------------------------------------------------------------------------------


def test_the_digest_sends_matching_open_calls_in_the_subscribers_language(
    client, calls, mailoutbox, translate
):
    subscribed(client, mailoutbox, "en")
    translate(calls.partner_call, "en", title="Artist residency")
    mailoutbox.clear()
    assert alerts.send_digests() == (1, 1)
    (message,) = mailoutbox
    assert message.subject == "A new call is open"
    assert "Artist residency" in message.body
    assert "http://testserver/en/partners/archivio/residenza/" in message.body
    assert "Tirocinio" not in message.body  # publishing, not a followed sector


def test_a_call_is_never_sent_twice_to_a_subscriber(client, calls, mailoutbox):
    subscribed(client, mailoutbox, kinds=["job-internship"])
    mailoutbox.clear()
    assert alerts.send_digests() == (1, 2)
    assert alerts.send_digests() == (0, 0)
    output = io.StringIO()
    call_command("send_call_alerts", stdout=output)
    assert output.getvalue() == "Call alerts: 0 calls sent to 0 subscribers.\n"
    assert len(mailoutbox) == 1
    new = CallPageFactory(
        parent=calls.index, title="Nuovo tirocinio", kind=term(CallKind, "job-internship")
    )
    assert alerts.send_digests() == (1, 1)
    assert "Nuovo tirocinio" in mailoutbox[-1].body
    assert CallAlertDelivery.objects.filter(call_key=new.translation_key).count() == 1


def test_a_failed_send_is_retried_next_time(client, calls, mailoutbox, monkeypatch):
    subscribed(client, mailoutbox)
    mailoutbox.clear()

    def broken(self, *args, **kwargs):
        raise ConnectionError("SMTP down")

    monkeypatch.setattr("django.core.mail.EmailMultiAlternatives.send", broken)
    assert alerts.send_digests() == (0, 0)
    assert CallAlertDelivery.objects.count() == 0
    monkeypatch.undo()
    assert alerts.send_digests() == (1, 1)


def test_upcoming_calls_wait_until_they_open(client, calls, mailoutbox):
    subscribed(client, mailoutbox)
    mailoutbox.clear()
    opens = timezone.now() + datetime.timedelta(days=3)
    upcoming = CallPageFactory(
        parent=calls.index,
        title="Residenza futura",
        opens_at=opens,
        deadline=opens + datetime.timedelta(days=30),
    )
    upcoming.sectors.set(calls.partner_call.sectors.all())
    upcoming.save()
    alerts.send_digests()
    assert "Residenza futura" not in mailoutbox[-1].body
    with time_machine.travel(opens + datetime.timedelta(minutes=1)):
        assert alerts.send_digests() == (1, 1)
    assert "Residenza futura" in mailoutbox[-1].body


def test_digests_carry_one_click_unsubscribe(client, calls, mailoutbox):
    subscription = subscribed(client, mailoutbox)
    mailoutbox.clear()
    alerts.send_digests()
    (message,) = mailoutbox
    url = f"http://testserver/it/call-alerts/unsubscribe/{subscription.token}/"
    assert message.extra_headers["List-Unsubscribe"] == f"<{url}>"
    assert message.extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    assert url in message.body
    # What a mail client does (RFC 8058): a POST with no CSRF token.
    client.handler.enforce_csrf_checks = True
    response = client.post(url.removeprefix("http://testserver"), {"List-Unsubscribe": "One-Click"})
    assert response.status_code == 200
    assert CallAlertSubscription.objects.count() == 0
    assert CallAlertDelivery.objects.count() == 0


def test_opening_the_unsubscribe_link_asks_before_unsubscribing(client, calls, mailoutbox):
    subscription = subscribed(client, mailoutbox)
    response = client.get(f"/it/call-alerts/unsubscribe/{subscription.token}/")
    assert response.status_code == 200
    assert "lucia@example.org" in response.content.decode()
    assert CallAlertSubscription.objects.count() == 1
    assert client.get("/it/call-alerts/unsubscribe/not-a-token/").status_code == 404
