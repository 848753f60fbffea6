"""Spam protection of the contact and enquiry form (home.FormPage, heritagehub.spam).

The share-story form has the same two defences: tests/stories/test_community_submissions.py.
"""

import pytest
from django.test import override_settings
from lxml import html
from wagtail.contrib.forms.models import FormSubmission

from heritagehub.spam import HONEYPOT_NAME

pytestmark = pytest.mark.django_db

URL = "/it/contact/"
VALID = {"nome": "Ada Lovelace", "email": "ada@example.org", "messaggio": "Vorremmo aderire."}


def post(client, address="198.51.100.7", **changes):
    return client.post(URL, {**VALID, **changes}, REMOTE_ADDR=address)


def test_the_honeypot_is_hidden_from_people_and_screen_readers_but_labelled(tree, client):
    document = html.fromstring(client.get(URL).content)
    [trap] = document.xpath(f"//input[@name='{HONEYPOT_NAME}']/..")
    assert trap.get("class") == "form-trap"
    assert trap.get("aria-hidden") == "true"
    field = trap.find("input")
    assert field.get("tabindex") == "-1"
    assert trap.find("label").get("for") == field.get("id")


def test_a_filled_honeypot_is_thanked_and_dropped(tree, client, mailoutbox):
    response = post(client, **{HONEYPOT_NAME: "https://spam.example"})
    assert response.status_code == 200
    assert "Grazie" in response.content.decode()
    assert not FormSubmission.objects.exists()
    assert mailoutbox == []


def test_the_empty_honeypot_is_neither_stored_nor_mailed(tree, client, mailoutbox):
    post(client)
    assert HONEYPOT_NAME not in FormSubmission.objects.get().get_data()
    assert "leave this field empty" not in mailoutbox[0].body


@override_settings(ENQUIRY_RATE_LIMIT=2)
def test_past_the_rate_limit_the_form_answers_429_and_stores_nothing(tree, client, mailoutbox):
    post(client)
    post(client)
    response = post(client, messaggio="Un terzo messaggio.")
    assert response.status_code == 429
    assert FormSubmission.objects.count() == 2
    assert len(mailoutbox) == 2


@override_settings(ENQUIRY_RATE_LIMIT=1)
def test_the_limited_form_says_why_and_keeps_what_was_typed(tree, client):
    post(client)
    content = post(client, messaggio="Un secondo messaggio.").content.decode()
    assert "Troppi messaggi da questa connessione" in content  # the Italian form's language
    assert "Un secondo messaggio." in content


@override_settings(ENQUIRY_RATE_LIMIT=1)
def test_the_limit_is_per_client_address(tree, client):
    post(client)
    assert post(client, address="203.0.113.9").status_code == 200


@override_settings(ENQUIRY_RATE_LIMIT=1)
def test_honeypot_catches_count_towards_the_limit(tree, client):
    post(client, **{HONEYPOT_NAME: "https://spam.example"})
    assert post(client).status_code == 429


@override_settings(ENQUIRY_RATE_LIMIT=1)
def test_corrected_mistakes_do_not_count_towards_the_limit(tree, client):
    post(client, email="not-an-address")
    assert post(client).status_code == 200
    assert FormSubmission.objects.count() == 1
