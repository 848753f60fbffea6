"""Identifiers of an authority record: URIs of the authority files that describe the same
person, organisation or place (Wikidata, ULAN, VIAF, GND, GeoNames, TGN).

A record keeps them as a list of URIs, one a line in the editor. Only the URI forms of these
files are accepted, so that every link the page shows and every ``sameAs`` of its JSON-LD
names the same thing in a file that others reconcile against: a mistyped or unknown URI is
refused with the line and the forms accepted.
"""

import re
from dataclasses import dataclass

from django import forms
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _


@dataclass(frozen=True)
class AuthorityFile:
    code: str
    name: str
    pattern: re.Pattern
    example: str


AUTHORITY_FILES = (
    AuthorityFile(
        "wikidata",
        "Wikidata",
        re.compile(r"https?://(?:www\.)?wikidata\.org/(?:wiki|entity)/(?P<id>Q[1-9]\d*)"),
        "http://www.wikidata.org/entity/Q159758",
    ),
    AuthorityFile(
        "ulan",
        "ULAN",
        re.compile(r"https?://vocab\.getty\.edu/(?:page/)?ulan/(?P<id>5\d{8})"),
        "http://vocab.getty.edu/ulan/500026846",
    ),
    AuthorityFile(
        "viaf",
        "VIAF",
        re.compile(r"https?://(?:www\.)?viaf\.org/viaf/(?P<id>[1-9]\d*)/?"),
        "http://viaf.org/viaf/12345678",
    ),
    AuthorityFile(
        "gnd",
        "GND",
        re.compile(r"https?://d-nb\.info/gnd/(?P<id>[0-9]{1,10}(?:-[0-9X])?)"),
        "https://d-nb.info/gnd/118624180",
    ),
    AuthorityFile(
        "geonames",
        "GeoNames",
        re.compile(r"https?://(?:sws\.|www\.)?geonames\.org/(?P<id>[1-9]\d*)/?"),
        "https://sws.geonames.org/3173435/",
    ),
    AuthorityFile(
        "tgn",
        "TGN",
        re.compile(r"https?://vocab\.getty\.edu/(?:page/)?tgn/(?P<id>7\d{6})"),
        "http://vocab.getty.edu/tgn/7000874",
    ),
)


def authority_file_of(uri):
    """The authority file a URI belongs to, or None."""
    for authority in AUTHORITY_FILES:
        if authority.pattern.fullmatch(uri):
            return authority
    return None


def identifier_key(uri):
    """What every URI of one record in one authority file shares ("wikidata:Q159758"), so
    that the forms the patterns accept compare equal: http or https, with or without
    ``www.``, ``sws.`` or a trailing slash, Wikidata's ``wiki/`` or ``entity/``, Getty's
    ``page/``. None for a URI of no authority file."""
    for authority in AUTHORITY_FILES:
        match = authority.pattern.fullmatch(uri)
        if match:
            return f"{authority.code}:{match['id']}"
    return None


def identifiers_text_pattern(keys):
    """A regular expression that finds, in the JSON text of a list of identifiers, every
    list that may hold one of ``keys`` (``identifier_key``s): their local ids, each after a
    slash and before a slash or the closing quote. Read the same by Python's ``re``
    (SQLite's REGEXP in Django) and PostgreSQL; the caller keeps the URIs whose key is one
    of ``keys`` (an id may be another file's)."""
    ids = sorted({key.partition(":")[2] for key in keys})
    return "/(" + "|".join(ids) + ')[/"]'


def validate_identifiers(value):
    """A list of distinct URIs of the known authority files; the error names each bad line."""
    if not isinstance(value, list):
        raise ValidationError(_("Identifiers must be a list of URIs."), code="invalid")
    errors = []
    seen = set()
    for number, uri in enumerate(value, start=1):
        if not isinstance(uri, str) or authority_file_of(uri) is None:
            errors.append(
                ValidationError(
                    _(
                        "Line %(line)s: “%(uri)s” is not a URI of Wikidata, ULAN, VIAF, GND, "
                        "GeoNames or TGN (for example %(example)s)."
                    ),
                    code="unknown_uri",
                    params={"line": number, "uri": uri, "example": AUTHORITY_FILES[0].example},
                )
            )
        elif uri in seen:
            errors.append(
                ValidationError(
                    _("Line %(line)s: “%(uri)s” is listed twice."),
                    code="duplicate_uri",
                    params={"line": number, "uri": uri},
                )
            )
        seen.add(uri)
    if errors:
        raise ValidationError(errors)


class IdentifiersFormField(forms.CharField):
    """One URI a line in a text area; blank lines are left out."""

    widget = forms.Textarea(attrs={"rows": 3})

    def __init__(self, **kwargs):
        for name in ("encoder", "decoder", "max_length"):
            kwargs.pop(name, None)
        super().__init__(**kwargs)

    def prepare_value(self, value):
        if isinstance(value, list):
            return "\n".join(str(uri) for uri in value)
        return value or ""

    def to_python(self, value):
        text = super().to_python(value) or ""
        return [line.strip() for line in text.splitlines() if line.strip()]


class IdentifierList(models.JSONField):
    """A list of URIs (``["http://www.wikidata.org/entity/Q159758", …]``): one column on
    SQLite and PostgreSQL, validated against the known authority files."""

    def formfield(self, **kwargs):
        return super().formfield(**{"form_class": IdentifiersFormField, **kwargs})


def identifier_links(uris):
    """[(authority file name, URI)] for the page's outbound links."""
    links = []
    for uri in uris or []:
        authority = authority_file_of(uri)
        if authority is not None:
            links.append((authority.name, uri))
    return links
