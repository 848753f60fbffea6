"""Every public form, found by crawling the site in its five languages (the share-story
form, the contact form and any form added later), against what a hostile or unlucky
visitor sends (issue 13): no CSRF token, oversized fields, markup, a filled-in honeypot,
nothing at all, a browser asking for another language. Each gets the form again (or a page
leading back to it) in the language of the page, and nothing is stored. The honeypot's
thank-you page and the rate limits of each form are in tests/home/test_form_spam.py and
tests/stories/test_community_submissions.py.
"""

import pytest
from django.apps import apps
from django.core.cache import cache
from django.test import Client
from django.utils import translation
from django.utils.translation import gettext

from heritagehub.spam import HONEYPOT_NAME
from tests.conftest import LANGUAGES, html_lang
from tests.heritagehub import fuzz

pytestmark = pytest.mark.django_db

HONEYPOTS = {HONEYPOT_NAME, "website"}
SCRIPT = "<script>alert('form')</script>"
IGNORED_TABLES = {"django_session"}


@pytest.fixture
def public_forms(tree, translate):
    """(language, form) of every POST form of the public pages, one of each kind a language."""
    translate(tree.home, "en", title="Heritage Hub")
    seeds = fuzz.crawl(Client(), [f"/{code}/" for code in LANGUAGES], limit=150)
    forms = {}
    for seed in seeds.values():
        for form in seed.post_forms:
            language = form["action"].strip("/").split("/")[0]
            forms.setdefault((language, fuzz.route_of(form["action"]), seed.group[1]), form)
    actions = {form["action"] for form in forms.values()}
    for language in LANGUAGES:  # the contact form and the share-story form, at least
        assert {f"/{language}/contact/", f"/{language}/stories/share/"} <= actions, actions
    cache.clear()
    return [(key[0], form) for key, form in forms.items()]


@pytest.fixture(autouse=True)
def _no_rate_limit(settings):
    settings.ENQUIRY_RATE_LIMIT = settings.COMMUNITY_STORIES_RATE_LIMIT = 10_000


def stored_rows():
    return {
        model._meta.db_table: model._base_manager.count()
        for model in apps.get_models()
        if model._meta.managed
        and not model._meta.proxy
        and model._meta.db_table not in IGNORED_TABLES
    }


def text_fields(form):
    return [name for name in form["fields"] if name not in HONEYPOTS | {"csrfmiddlewaretoken"}]


def test_a_form_sent_without_its_csrf_token_leads_back_to_it(public_forms):
    before = stored_rows()
    for language, form in public_forms:
        client = Client(enforce_csrf_checks=True, HTTP_ACCEPT_LANGUAGE="it")
        data = {name: "Ada" for name in text_fields(form)}
        response = client.post(form["action"], data)
        assert response.status_code == 403, form["action"]
        assert html_lang(response) == language
        html = response.content.decode()
        with translation.override(language):
            assert gettext("Open the form again") in html
        assert f'href="{form["action"]}"' in html
    assert stored_rows() == before


@pytest.mark.parametrize(
    "value",
    ["x" * 100_000, SCRIPT, "\x00", "ñ😀\u202e" * 2_000],
    ids=["oversized", "script", "nul", "unicode"],
)
def test_hostile_values_get_the_form_again_and_store_nothing(client, public_forms, value):
    before = stored_rows()
    for language, form in public_forms:
        response = client.post(
            form["action"], {name: value for name in text_fields(form)}, HTTP_ACCEPT_LANGUAGE="it"
        )
        assert response.status_code == 200, form["action"]
        html = response.content.decode()
        assert html_lang(response) == language
        assert 'method="post"' in html  # the form again, with its errors
        assert SCRIPT not in html
    assert stored_rows() == before


def test_an_empty_form_is_answered_in_the_pages_language(client, public_forms):
    for language, form in public_forms:
        response = client.post(
            form["action"], {}, HTTP_ACCEPT_LANGUAGE="de" if language != "de" else "fr"
        )
        assert response.status_code == 200
        assert html_lang(response) == language
        with translation.override(language):
            assert gettext("This field is required.") in response.content.decode(), form["action"]


def test_a_filled_honeypot_stores_nothing(client, public_forms):
    before = stored_rows()
    for _language, form in public_forms:
        trap = HONEYPOTS & set(form["fields"])
        assert trap, f"{form['action']} has no honeypot"
        data = {name: "Ada Lovelace" for name in text_fields(form)}
        data.update({name: "https://spam.example" for name in trap})
        response = client.post(form["action"], data)
        assert response.status_code in (200, 302)  # thanked, as anyone (heritagehub.spam)
    assert stored_rows() == before
