"""Keeping form-filling bots out of the public forms: a honeypot field and a rate limit.

The honeypot is a text field people never see or hear (rendered inside ``.form-trap``,
off-screen and ``aria-hidden``, out of the tab order) but whose label and name invite bots
to fill it in. A submission with it filled in is answered as any other, with the thank-you
page, and dropped: a bot learns nothing to adapt to, and a person who somehow filled it in
is not shown an error they cannot understand.
"""

from django import forms
from django.utils.translation import gettext_lazy as _

HONEYPOT_NAME = "website_address"


def honeypot_field():
    return forms.CharField(
        label=_("Website (leave this field empty)"),
        required=False,
        widget=forms.TextInput(attrs={"tabindex": "-1", "autocomplete": "off"}),
    )


def honeypot_filled(data, name=HONEYPOT_NAME):
    """True when a bot filled in the honeypot of the submitted ``data``."""
    return bool(data.get(name, "").strip())
