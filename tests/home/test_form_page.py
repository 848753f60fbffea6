"""The partnership enquiry form: submissions are stored and e-mailed to the hub."""

import pytest
from django.contrib.auth.models import AnonymousUser
from django.test import override_settings
from wagtail.contrib.forms.models import FormSubmission

from heritagehub.spam import HONEYPOT_NAME
from home.models import FormPage
from tests.factories import FormPageFactory, add_form_fields

pytestmark = pytest.mark.django_db

VALID = {"nome": "Ada Lovelace", "email": "ada@example.org", "messaggio": "Vorremmo aderire."}


def test_the_hub_address_is_used_when_the_editor_gives_none(tree, settings):
    assert FormPage.objects.get(pk=tree.form.pk).to_address == settings.HUB_CONTACT_EMAIL


@override_settings(HUB_CONTACT_EMAIL="partners@hub.example")
def test_the_hub_address_comes_from_settings(home):
    page = FormPageFactory(parent=home, slug="enquiry", to_address="")
    assert page.to_address == "partners@hub.example"


def test_an_address_given_by_the_editor_is_kept(home):
    page = FormPageFactory(parent=home, slug="press", to_address="press@hub.example")
    assert page.to_address == "press@hub.example"


def test_a_valid_submission_is_stored_and_mailed(tree, mailoutbox, settings):
    page = FormPage.objects.get(pk=tree.form.pk)
    form = page.get_form(VALID, page=page, user=AnonymousUser())
    assert form.is_valid(), form.errors
    page.process_form_submission(form)
    submission = FormSubmission.objects.get(page=page)
    assert submission.get_data()["email"] == "ada@example.org"
    assert len(mailoutbox) == 1
    assert mailoutbox[0].to == [settings.HUB_CONTACT_EMAIL]
    assert "ada@example.org" in mailoutbox[0].body


def test_a_submission_without_a_required_field_is_refused(tree):
    page = FormPage.objects.get(pk=tree.form.pk)
    form = page.get_form({"nome": "Ada"}, page=page, user=AnonymousUser())
    assert not form.is_valid()
    assert "email" in form.errors


def test_posting_the_form_stores_mails_and_thanks(tree, client, mailoutbox, settings):
    response = client.post("/it/contact/", VALID)
    assert response.status_code == 200
    assert FormSubmission.objects.filter(page=tree.form).count() == 1
    assert len(mailoutbox) == 1
    assert mailoutbox[0].to == [settings.HUB_CONTACT_EMAIL]
    assert "Grazie" in response.content.decode()


def test_posting_an_invalid_form_stores_nothing_and_names_the_field(tree, client, mailoutbox):
    response = client.post("/it/contact/", {"nome": "Ada", "email": "not-an-address"})
    assert response.status_code == 200
    assert not FormSubmission.objects.exists()
    assert mailoutbox == []
    assert 'aria-invalid="true"' in response.content.decode() or "errorlist" in (
        response.content.decode()
    )


def test_the_english_form_mails_the_hub_too(tree, translate, client, mailoutbox, settings):
    translate(tree.home, "en")
    form_en = translate(tree.form, "en", title="Contact")
    assert form_en.form_fields.count() == 3
    response = client.post("/en/contact/", VALID)
    assert response.status_code == 200
    assert FormSubmission.objects.filter(page=form_en).count() == 1
    assert mailoutbox[0].to == [settings.HUB_CONTACT_EMAIL]


def test_the_form_can_be_built_with_its_fields(home):
    page = add_form_fields(FormPageFactory(parent=home, slug="contatti-2"))
    form = page.get_form(page=page, user=AnonymousUser())
    # The editor's fields, then the honeypot (heritagehub.spam, tests/home/test_form_spam.py).
    assert list(form.fields) == ["nome", "email", "messaggio", HONEYPOT_NAME]
