"""One CSV row as the values of an item, each cell checked on its own.

``RowParser.parse`` returns the row's ``ItemValues`` and the errors of its cells (every one,
not only the first). What depends on the items already stored — whether an image file is
the item's current image, whether its collection is translated — is checked later
(``plan``).
"""

import re
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation
from pathlib import PurePosixPath

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import URLValidator
from django.utils.translation import gettext as _
from wagtail.images import get_image_model

from authorities.identifiers import AUTHORITY_FILES, identifier_key
from heritage_collections.care import CareKind, kinds_by_word, raw_care_labels
from heritage_collections.models import ItemPage, ObjectType, page_title
from heritagehub.rights import RightsStatement

from .columns import (
    CARE_COLUMN,
    FIELD_OF_COLUMN,
    LINK_COLUMN_OF_FIELD,
    LIST_SEPARATOR,
    REQUIRED,
    translation_column,
    translation_languages,
)
from .report import RowError, column_letter
from .rich_text import to_rich_text

YEAR = re.compile(r"[+-]?\d{1,6}")
MIN_YEAR, MAX_YEAR = -100000, 2100
COORDINATE_PLACES = Decimal("0.000001")
TAG_MAX_LENGTH = 100
URL_MAX_LENGTH = 500


class CellError(Exception):
    pass


@dataclass
class ItemValues:
    """A row's item: its field values in the collection's language, its tags and image, and
    the translated titles and descriptions it gives ("" where a cell is empty)."""

    row: int
    identifier: str
    fields: dict  # ItemPage field name → value; object_type is the term's translation_key
    tags: tuple = ()
    image: str = ""
    image_alt: str = ""
    translations: dict = field(default_factory=dict)  # language → (title, description)
    # creator_uri / place_uri → the URIs of the cell, when the file has the column
    uris: dict = field(default_factory=dict)


def _max_length(field_name, model=None):
    return (model or ItemPage)._meta.get_field(field_name).max_length


def _text(field_name, required=False, model=None):
    limit = _max_length(field_name, model)

    def parse(value):
        if required and not value:
            raise CellError(_("This cell must not be empty."))
        if limit is not None and len(value) > limit:
            raise CellError(
                _("The text is %(length)s characters long; at most %(limit)s fit.")
                % {"length": len(value), "limit": limit}
            )
        return value

    return parse


def _year(value):
    if not value:
        return None
    if not YEAR.fullmatch(value):
        raise CellError(
            _("“%(value)s” is not a year: give a whole number such as 1890 (-500 for 500 BCE).")
            % {"value": value}
        )
    year = int(value)
    if not MIN_YEAR <= year <= MAX_YEAR:
        raise CellError(
            _("The year %(year)s is out of range (%(min)s to %(max)s).")
            % {"year": year, "min": MIN_YEAR, "max": MAX_YEAR}
        )
    return year


def _coordinate(limit):
    def parse(value):
        if not value:
            return None
        try:
            number = Decimal(value.replace(",", "."))
        except InvalidOperation:
            number = None
        if number is None or not number.is_finite():
            raise CellError(
                _("“%(value)s” is not a number: write decimal degrees, e.g. 45.0703.")
                % {"value": value}
            )
        if not -limit <= number <= limit:
            raise CellError(
                _("%(value)s is out of range (-%(limit)s to %(limit)s).")
                % {"value": value, "limit": limit}
            )
        return number.quantize(COORDINATE_PLACES, rounding=ROUND_HALF_UP)

    return parse


def rights_key(uri):
    uri = uri.strip().lower().rstrip("/")
    for scheme in ("https://", "http://"):
        if uri.startswith(scheme):
            uri = uri[len(scheme) :]
    return uri.removeprefix("www.")


RIGHTS_BY_KEY = {rights_key(value): value for value in RightsStatement.values}


def _rights(value):
    if not value:
        return RightsStatement.NOT_EVALUATED.value
    rights = RIGHTS_BY_KEY.get(rights_key(value))
    if rights is None:
        raise CellError(
            _(
                "“%(value)s” is not one of the rights statements the hub accepts: give the URI "
                "of a rightsstatements.org statement or Creative Commons licence, e.g. "
                "http://creativecommons.org/publicdomain/zero/1.0/."
            )
            % {"value": value}
        )
    return rights


# Plain http(s) addresses with a DNS name, which Django's URLValidator accepts too: checked
# by this much cheaper pattern (URLValidator costs ~0.1 ms an address); the others by it.
PLAIN_URL = re.compile(
    r"https?://(?P<host>(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63})"
    r"(?::[0-9]{1,5})?(?:[/?#][^\s]*)?",
    re.IGNORECASE,
)
URL_VALIDATOR = URLValidator()


def _url(value):
    if not value:
        return ""
    limit = URL_MAX_LENGTH
    if len(value) > limit:
        raise CellError(_("The address is longer than %(limit)s characters.") % {"limit": limit})
    plain = PLAIN_URL.fullmatch(value)
    if plain and len(plain["host"]) <= 253:
        return value
    try:
        URL_VALIDATOR(value)
    except ValidationError:
        raise CellError(
            _("“%(value)s” is not a web address (http://… or https://…).") % {"value": value}
        ) from None
    return value


def _tags(value):
    tags, seen = [], set()
    for name in value.split(LIST_SEPARATOR):
        name = name.strip()
        if not name or name.casefold() in seen:
            continue
        if len(name) > TAG_MAX_LENGTH:
            raise CellError(
                _("The tag “%(tag)s…” is longer than %(limit)s characters.")
                % {"tag": name[:30], "limit": TAG_MAX_LENGTH}
            )
        seen.add(name.casefold())
        tags.append(name)
    return tuple(tags)


def _authority_uris(value):
    """The URIs of a cell, each once (as ``identifier_key`` compares them), in order; whether
    the hub holds them is the plan's to check (``authority_uris``)."""
    uris, seen = [], set()
    for part in value.split(LIST_SEPARATOR):
        uri = part.strip()
        if not uri:
            continue
        key = identifier_key(uri)
        if key is None:
            raise CellError(
                _(
                    "“%(uri)s” is not a URI of Wikidata, ULAN, VIAF, GND, GeoNames or TGN: "
                    "give it as the authority file writes it (for example %(example)s), "
                    "several separated by “%(separator)s”, or leave the cell empty."
                )
                % {"uri": uri, "example": AUTHORITY_FILES[0].example, "separator": LIST_SEPARATOR}
            )
        if key not in seen:
            seen.add(key)
            uris.append(uri)
    return tuple(uris)


def _image(value):
    if not value:
        return ""
    path = PurePosixPath(value.replace("\\", "/"))
    if path.is_absolute() or ".." in path.parts or not path.name:
        raise CellError(
            _("Give the image's file name relative to the media folder, e.g. “photos/1.jpg”.")
        )
    extension = path.suffix.lower().lstrip(".")
    if extension not in settings.WAGTAILIMAGES_EXTENSIONS:
        raise CellError(
            _("“%(name)s” is not an image file the hub accepts (%(extensions)s).")
            % {"name": path.name, "extensions": ", ".join(settings.WAGTAILIMAGES_EXTENSIONS)}
        )
    return str(path)


def _whole_title(value):
    """A title kept whole, however long: the page title is its beginning (``page_title``)."""
    return value


def _description(value):
    try:
        return to_rich_text(value)
    except AssertionError as error:  # Wagtail's HTML converter asserts on unbalanced tags
        raise CellError(
            _("The HTML of this cell cannot be read: a tag is not closed where expected.")
        ) from error


CARE_SEPARATOR = "|"


class CareLabels:
    """``kind: note | kind: note`` → the care labels' StreamField value. A kind is its code
    (``human-remains``) or its name in any of the hub's languages, case ignored; the note
    is optional and may hold colons (only the first one separates)."""

    def __init__(self):
        self.kinds = kinds_by_word()

    def __call__(self, value):
        labels = []
        for part in value.split(CARE_SEPARATOR):
            word, _colon, note = part.partition(":")
            word, note = word.strip(), note.strip()
            if not word and not note:
                continue
            kind = self.kinds.get(word.casefold())
            if kind is None:
                raise CellError(
                    _(
                        "Unknown care label “%(value)s”. Write “kind: note”, labels separated "
                        "by “|”; the kinds are: %(known)s."
                    )
                    % {"value": word, "known": ", ".join(CareKind.values)}
                )
            labels.append((kind, note))
        return raw_care_labels(labels)


class Vocabulary:
    """Object types by slug or by name in any language (case ignored), as translation keys."""

    def __init__(self):
        terms = list(ObjectType.objects.values_list("slug", "name", "translation_key"))
        self.slugs = sorted({slug for slug, _name, _key in terms})
        # Slugs first: a slug wins over another term's name in some language.
        self.keys = {slug.casefold(): key for slug, _name, key in terms}
        for _slug, name, key in terms:
            self.keys.setdefault(name.casefold(), key)

    def __call__(self, value):
        if not value:
            return None
        key = self.keys.get(value.casefold())
        if key is None:
            raise CellError(
                _("Unknown object type “%(value)s”. Use one of: %(known)s.")
                % {"value": value, "known": ", ".join(self.slugs)}
            )
        return key


class RowParser:
    """Parses rows of a file with ``header``; a vocabulary value the hub does not know is
    looked up in the partner's ``crosswalk`` and, when it is not there either, counted in
    ``unknown`` (``crosswalk.UnknownValues``)."""

    VOCABULARIES = ("object_type", "rights")

    def __init__(self, header, source_language, crosswalk=None, unknown=None):
        self.crosswalk = crosswalk
        self.unknown = unknown
        self.columns = {name: index for index, name in enumerate(header)}
        self.languages = [
            code
            for code in translation_languages(source_language)
            if translation_column("title", code) in self.columns
            or translation_column("description", code) in self.columns
        ]
        vocabulary = Vocabulary()
        self.translated_title = _whole_title
        self.parsers = {
            "identifier": _text("identifier", required=True),
            "title": _whole_title,
            "description": _description,
            "object_type": vocabulary,
            "creator": _text("creator"),
            "date": _text("date_display"),
            "date_start": _year,
            "date_end": _year,
            "place": _text("place_name"),
            "latitude": _coordinate(90),
            "longitude": _coordinate(180),
            "materials": _text("materials"),
            "dimensions": _text("dimensions"),
            "rights": _rights,
            "credit_line": _text("credit_line"),
            CARE_COLUMN: CareLabels(),
            "source_url": _url,
            "tags": _tags,
            **{column: _authority_uris for column in LINK_COLUMN_OF_FIELD.values()},
            "image": _image,
            "image_alt": _text("alt_text", model=get_image_model()),
        }

    def _mapped(self, column, cell):
        return self.crosswalk.get(column, cell) if self.crosswalk and cell else None

    def error(self, row, column, message):
        index = self.columns.get(column)
        return RowError(row, column, message, column_letter(index) if index is not None else "")

    def parse(self, row):
        """(ItemValues, errors) of a ``reader.Row``."""
        errors = []
        values = {}
        wording = {}  # column → the partner's own word, where the crosswalk mapped it
        for column, parse in self.parsers.items():
            if column in REQUIRED and column not in self.columns:
                values[column] = ""  # reported once, as a header error
                continue
            cell = row.cells.get(column, "").strip()
            try:
                values[column] = parse(cell)
            except CellError as error:
                values[column] = None
                if column in self.VOCABULARIES:
                    mapped = self._mapped(column, cell)
                    if mapped is not None:
                        values[column] = parse(mapped)
                        wording[column] = cell
                        continue
                    if self.unknown is not None:
                        self.unknown.add(column, cell)
                errors.append(self.error(row.number, column, str(error)))
        self._check_together(row.number, values, errors)
        translations = {}
        for code in self.languages:
            title_column = translation_column("title", code)
            description_column = translation_column("description", code)
            title = row.cells.get(title_column, "").strip()
            description = row.cells.get(description_column, "").strip()
            try:
                title = self.translated_title(title)
            except CellError as error:
                errors.append(self.error(row.number, title_column, str(error)))
            try:
                description = _description(description)
            except CellError as error:
                errors.append(self.error(row.number, description_column, str(error)))
                description = ""
            if title or description:
                translations[code] = (title, description)
        if not values["title"] and "title" in self.columns:
            errors.append(self.error(row.number, "title", _("This cell must not be empty.")))
        fields = {FIELD_OF_COLUMN[c]: values[c] for c in FIELD_OF_COLUMN}
        fields["title"], fields["full_title"] = page_title(values["title"] or "")
        fields["partner_wording"] = wording
        if CARE_COLUMN in self.columns:
            fields["care_labels"] = values[CARE_COLUMN] or []
        item = ItemValues(
            row=row.number,
            identifier=values["identifier"] or "",
            fields=fields,
            tags=values["tags"] or (),
            image=values["image"] or "",
            image_alt=values["image_alt"] or "",
            translations=translations,
            uris={
                column: values[column] or ()
                for column in LINK_COLUMN_OF_FIELD.values()
                if column in self.columns
            },
        )
        return item, errors

    def _check_together(self, number, values, errors):
        def failed(column):
            return any(error.column == column for error in errors)

        start, end = values["date_start"], values["date_end"]
        if start is not None and end is not None and end < start:
            errors.append(
                self.error(number, "date_end", _("The end year is before the start year."))
            )
        for present, missing in (("latitude", "longitude"), ("longitude", "latitude")):
            if values[present] is not None and values[missing] is None and not failed(missing):
                errors.append(
                    self.error(number, missing, _("Give both latitude and longitude, or neither."))
                )
        if values["image"] and values["image_alt"] == "":
            errors.append(
                self.error(
                    number,
                    "image_alt",
                    _("Describe the image for people who cannot see it (its alt text)."),
                )
            )
        if values["image_alt"] and values["image"] == "":
            errors.append(
                self.error(number, "image", _("The alt text has no image: name the image file."))
            )
