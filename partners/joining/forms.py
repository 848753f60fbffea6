"""The public "Join the hub" form, and the moderators' accept and decline forms."""

import re

from django import forms
from django.core.exceptions import ValidationError
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _
from wagtail.models import Locale

from heritagehub import cache
from heritagehub.i18n import active_language
from heritagehub.spam import HONEYPOT_NAME, honeypot_field, honeypot_filled
from partners.models.partner import InstitutionType, Sector, ServiceKind
from partners.onboarding import (
    NAME_MAX_LENGTH,
    SLUG_MAX_LENGTH,
    default_editor_username,
    institution_type_choices,
)

MAX_SERVICES = 30
SERVICE_MAX_LENGTH = 200
SERVICES_MAX_LENGTH = 4_000
STATEMENT_MIN_LENGTH = 30
STATEMENT_MAX_LENGTH = 5_000
DECISION_MESSAGE_MAX_LENGTH = 5_000
_PHONE = re.compile(r"^\+?[0-9 ()./-]{6,40}$")


def vocabulary_choices(model, language_code=None):
    """(slug, name) of a vocabulary's terms, named in the visitor's language where translated.

    Kept in the object cache for the current generation (a change to a term starts a new
    one); else two queries: the default language's terms (what an application stores) and
    the names of their translations.
    """
    language_code = language_code or active_language()
    return cache.cached(
        f"join:choices:{model._meta.label_lower}:{language_code}",
        lambda: _vocabulary_choices(model, language_code),
    )


def _vocabulary_choices(model, language_code):
    default = Locale.get_default()
    terms = list(model.objects.filter(locale=default).order_by("sort_order", "name"))
    names = {}
    if language_code != default.language_code:
        names = dict(
            model.objects.filter(
                locale__language_code=language_code,
                translation_key__in=[term.translation_key for term in terms],
            ).values_list("translation_key", "name")
        )
    return [(term.slug, names.get(term.translation_key, term.name)) for term in terms]


def services_from_text(text):
    """The applicant's services and spaces, one a line: whitespace tidied, empty lines and
    repeats dropped, bullets ("-", "*", "•") taken off."""
    services = []
    for line in text.replace("\r", "\n").split("\n"):
        service = " ".join(line.strip().lstrip("-*•·").split())
        if service and service.casefold() not in {s.casefold() for s in services}:
            services.append(service)
    return services


# What browsers may fill in for the applicant (WCAG 1.3.5, identify input purpose).
AUTOCOMPLETE = {
    "organisation": "organization",
    "city": "address-level2",
    "region": "address-level1",
    "country": "country-name",
    "contact_name": "name",
    "email": "email",
    "phone": "tel",
    "website": "url",
}


class JoinForm(forms.Form):
    """An institution's application to join the hub (``JoinPage``)."""

    HONEYPOT = HONEYPOT_NAME

    organisation = forms.CharField(label=_("Name of the organisation"), max_length=NAME_MAX_LENGTH)
    institution_type = forms.ChoiceField(label=_("Type of institution"))
    sectors = forms.MultipleChoiceField(
        label=_("Sectors"),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("The cultural and creative sectors you work in."),
    )
    service_kinds = forms.MultipleChoiceField(
        label=_("Services and spaces you offer"),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("What the organisation offers partners and the public."),
    )
    services = forms.CharField(
        label=_("Other services and spaces"),
        required=False,
        max_length=SERVICES_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_(
            "Those the list above does not name, one per line, e.g. “Restoration lab”, "
            "“Costume loans”."
        ),
    )
    city = forms.CharField(label=_("City"), max_length=120)
    region = forms.CharField(label=_("Region"), max_length=120, required=False)
    country = forms.CharField(label=_("Country"), max_length=120)
    website = forms.URLField(
        label=_("Website"),
        required=False,
        max_length=200,
        assume_scheme="https",
        help_text=_("The address of your organisation's website, e.g. https://www.example.org."),
    )
    contact_name = forms.CharField(label=_("Contact person"), max_length=200)
    email = forms.EmailField(
        label=_("E-mail address"),
        max_length=254,
        help_text=_("We write to this address about your application."),
    )
    phone = forms.CharField(
        label=_("Phone"),
        max_length=40,
        required=False,
        help_text=_("With the country code, e.g. +39 051 123 4567."),
    )
    statement = forms.CharField(
        label=_("Statement of interest"),
        min_length=STATEMENT_MIN_LENGTH,
        max_length=STATEMENT_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 10}),
        help_text=_("Who you are, what you would bring to the hub and what you expect from it."),
    )
    consent = forms.BooleanField(
        label=_(
            "I agree that the hub stores and processes these data to review this application "
            "and to contact me about it."
        ),
        error_messages={
            "required": _("Agree to the processing of your data so that we can review it.")
        },
    )
    website_address = honeypot_field()

    def __init__(self, *args, language_code=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["institution_type"].choices = [("", _("Choose a type"))] + vocabulary_choices(
            InstitutionType, language_code
        )
        self.fields["sectors"].choices = vocabulary_choices(Sector, language_code)
        self.fields["service_kinds"].choices = vocabulary_choices(ServiceKind, language_code)
        for name, purpose in AUTOCOMPLETE.items():
            self.fields[name].widget.attrs["autocomplete"] = purpose
        self.fields["phone"].widget.input_type = "tel"

    def is_spam(self):
        """True when the honeypot was filled in: the application is silently dropped."""
        return honeypot_filled(self.data, self.HONEYPOT)

    def visible_fields(self):
        # The honeypot is rendered apart (includes/form_trap.html), never in the summary.
        return [field for field in super().visible_fields() if field.name != self.HONEYPOT]

    def _tidy(self, name):
        # Line breaks and runs of spaces pasted from elsewhere: one space.
        return " ".join(self.cleaned_data[name].split())

    def clean_organisation(self):
        return self._tidy("organisation")

    def clean_city(self):
        return self._tidy("city")

    def clean_region(self):
        return self._tidy("region")

    def clean_country(self):
        return self._tidy("country")

    def clean_contact_name(self):
        return self._tidy("contact_name")

    def clean_phone(self):
        phone = " ".join(self.cleaned_data["phone"].split())
        if phone and not _PHONE.match(phone):
            raise ValidationError(
                _("Write the phone number with digits, spaces and an optional leading +."),
                code="invalid",
            )
        return phone

    def clean_services(self):
        services = services_from_text(self.cleaned_data["services"])
        if len(services) > MAX_SERVICES:
            raise ValidationError(
                _("List at most %(max)d services and spaces, one per line."),
                code="max_items",
                params={"max": MAX_SERVICES},
            )
        for service in services:
            if len(service) > SERVICE_MAX_LENGTH:
                raise ValidationError(
                    _("Each line may have at most %(max)d characters: put one service per line."),
                    code="max_length",
                    params={"max": SERVICE_MAX_LENGTH},
                )
        return services

    def clean_statement(self):
        statement = self.cleaned_data["statement"].replace("\r\n", "\n").replace("\r", "\n")
        statement = statement.strip()
        if len(statement) < STATEMENT_MIN_LENGTH:
            raise ValidationError(
                _("Tell us a little more: at least %(min)d characters."),
                code="min_length",
                params={"min": STATEMENT_MIN_LENGTH},
            )
        return statement


# --- the moderators' forms -----------------------------------------------------------------


class AcceptForm(forms.Form):
    """What onboarding needs beyond the application: the partner's slug and first editor."""

    slug = forms.CharField(
        label=_("Slug"),
        max_length=SLUG_MAX_LENGTH,
        help_text=_(
            "The last part of the partner's web address, e.g. “museo-civico”: lowercase "
            "letters, digits and hyphens. The same in every language."
        ),
    )
    institution_type = forms.ChoiceField(label=_("Institution type"))
    editor_username = forms.CharField(
        label=_("First editor's username"),
        max_length=150,
        help_text=_(
            "The applicant's contact becomes the partner's first editor: an invitation to "
            "choose a password is e-mailed to them, in the language of the application."
        ),
    )
    lead_approval = forms.BooleanField(
        label=_("Lead approval"),
        required=False,
        help_text=_(
            "The partner's own leads approve its submissions before the hub moderators do."
        ),
    )

    def __init__(self, *args, application=None, **kwargs):
        if application is not None and "initial" not in kwargs:
            slug = slugify(application.organisation)[:SLUG_MAX_LENGTH].strip("-")
            kwargs["initial"] = {
                "slug": slug,
                "institution_type": application.institution_type.slug,
                "editor_username": default_editor_username(slug),
            }
        super().__init__(*args, **kwargs)
        self.fields["institution_type"].choices = institution_type_choices()


class DeclineForm(forms.Form):
    message = forms.CharField(
        label=_("Message to the applicant"),
        max_length=DECISION_MESSAGE_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 8}),
        help_text=_(
            "E-mailed to the applicant as you write it, after a greeting and the hub's "
            "thanks in the language of the application. Write it in that language."
        ),
    )

    def clean_message(self):
        message = self.cleaned_data["message"].strip()
        if not message:
            raise ValidationError(_("Write a message to the applicant."), code="required")
        return message
