"""The demo's calls: each one a visitor can still apply to says where (docs/calls.md)."""

from urllib.parse import urlsplit

from django.core.validators import URLValidator

from demo.calls import CALLS


def test_every_open_or_upcoming_demo_call_has_an_application_link_or_a_contact_e_mail():
    without = [
        text.slug
        for text in CALLS
        if text.closes_in_days >= 0 and not (text.application_url or text.contact_email)
    ]
    assert without == []


def test_the_demo_application_links_are_web_addresses():
    for text in CALLS:
        if text.application_url:
            URLValidator()(text.application_url)
            assert urlsplit(text.application_url).scheme == "https", text.slug
