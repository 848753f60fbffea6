"""Crosswalks: a partner's own words for the hub's terms, and its own column names.

A vocabulary column (object type, rights) takes the hub's terms. A partner's catalogue has
its own ("Illustrated Book", "(not assigned)"): the dry run counts each unknown value
(``UnknownValues``), an editor maps each once to a hub term — or a hub editor creates a
new term — and the mapping (``VocabularyCrosswalk``, per partner) is applied by every
later import. The item keeps the partner's word (``ItemPage.partner_wording``).

Map files (``import_items --map FILE``) are CSVs with the columns column, value, term.

Column names work the same way (``ColumnMapping``, ``ColumnMap``): a partner's header
("Inventory number") is mapped once to the Item CSV column (identifier), or explicitly to
"-" (not imported); a column neither known nor mapped stops the import, never dropped
silently. Column files (``--columns FILE``): partner_column,column.
"""

import csv
from collections import Counter, defaultdict

from django.db import transaction
from django.utils.text import slugify
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from wagtail.models import Locale

from heritage_collections.models import ColumnMapping, ObjectType, VocabularyCrosswalk
from heritagehub.rights import RightsStatement

from .columns import IGNORED_PREFIX, header
from .report import RowError
from .values import RIGHTS_BY_KEY, rights_key

VOCABULARY_COLUMNS = tuple(column for column, _label in VocabularyCrosswalk.COLUMNS)
MAP_FILE_COLUMNS = ("column", "value", "term")
NEW_TERM = "__new__"  # in the admin: make the partner's value a new object type


class CrosswalkError(Exception):
    """A mapping that cannot be saved (named by its row in a map file, or its value)."""


class UnknownValues:
    """Each value of a vocabulary column the hub does not know, with its count."""

    def __init__(self):
        self.counts = defaultdict(Counter)  # column → Counter(value)
        self._spelling = {}  # (column, key) → the first spelling seen

    def add(self, column, value):
        key = (column, VocabularyCrosswalk.key_of(value))
        spelling = self._spelling.setdefault(key, value.strip())
        self.counts[column][spelling] += 1

    def __bool__(self):
        return bool(self.counts)

    def rows(self):
        """[(column, value, count)], by column, most frequent first."""
        return [
            (column, value, count)
            for column in VOCABULARY_COLUMNS
            for value, count in self.counts[column].most_common()
        ]


class Crosswalk:
    """A partner's saved mappings: ``get(column, value)`` is the hub term or None."""

    def __init__(self, space=None):
        self.space = space
        self.terms = {}
        if space is not None:
            self.terms = {
                (column, key): term
                for column, key, term in VocabularyCrosswalk.objects.filter(
                    space=space
                ).values_list("column", "key", "term")
            }

    def get(self, column, value):
        return self.terms.get((column, VocabularyCrosswalk.key_of(value)))


def object_type_slug(term):
    """The slug of the object type ``term`` names (by slug or by name in any language)."""
    key = term.strip().casefold()
    for slug, name in ObjectType.objects.values_list("slug", "name"):
        if key in (slug.casefold(), name.casefold()):
            return slug
    return None


def rights_uri(term):
    return RIGHTS_BY_KEY.get(rights_key(term))


def hub_term(column, term, create=False):
    """The stored form of ``term`` for ``column`` (an object type's slug, a rights URI);
    with ``create``, an object type the hub does not have yet is created."""
    if column == "rights":
        uri = rights_uri(term)
        if uri is None:
            raise CrosswalkError(
                _("“%(term)s” is not a rights statement the hub accepts: give its URI.")
                % {"term": term}
            )
        return uri
    slug = object_type_slug(term)
    if slug is not None:
        return slug
    if not create:
        raise CrosswalkError(
            _(
                "“%(term)s” is not one of the hub's object types: map it to one of them, or "
                "ask a hub editor to create it."
            )
            % {"term": term}
        )
    return create_object_type(term).slug


def term_choices():
    """{column: [(stored term, label)]}: the hub terms a value may be mapped to."""
    names = {}
    for slug, name, code in ObjectType.objects.values_list("slug", "name", "locale__language_code"):
        if slug not in names or code == get_language():
            names[slug] = name
    return {
        "object_type": sorted(names.items(), key=lambda pair: pair[1].casefold()),
        "rights": [(uri, f"{label} ({uri})") for uri, label in RightsStatement.choices],
    }


def may_create_terms(user):
    """Hub editors create object types; a partner's editors map to the existing ones."""
    return user.has_perm("heritage_collections.add_objecttype")


def mapping_context(user, report, report_language):
    """What the admin report's "values the hub does not know" form needs."""
    unknown = report.unknown_values.rows() if report and report.unknown_values else []
    columns = report.unknown_columns if report else []
    return {
        "unknown_columns": columns,
        "column_choices": header(report_language) if columns else [],
        "ignore_column": ColumnMapping.IGNORE,
        "unknown_values": unknown,
        "term_choices": term_choices() if unknown else {},
        "may_create_terms": may_create_terms(user),
        "new_term": NEW_TERM,
    }


def create_object_type(name):
    """A new object type in the hub's default language, to be translated through the usual
    translation review (wagtail-localize)."""
    name = name.strip()[: ObjectType._meta.get_field("name").max_length]
    slug = slugify(name)[:120] or "term"
    taken = set(ObjectType.objects.values_list("slug", flat=True))
    base, number = slug, 2
    while slug in taken:
        slug = f"{base[:115]}-{number}"
        number += 1
    return ObjectType.objects.create(name=name, slug=slug, locale=Locale.get_default())


def save_mapping(space, column, value, term, create=False):
    """Map the partner's ``value`` of ``column`` to ``term``; returns the entry."""
    if column not in VOCABULARY_COLUMNS:
        raise CrosswalkError(
            _("“%(column)s” is not a vocabulary column (%(columns)s).")
            % {"column": column, "columns": ", ".join(VOCABULARY_COLUMNS)}
        )
    if not value.strip():
        raise CrosswalkError(_("The partner's value is empty."))
    stored = hub_term(column, term, create=create)
    entry, _created = VocabularyCrosswalk.objects.update_or_create(
        space=space,
        column=column,
        key=VocabularyCrosswalk.key_of(value),
        defaults={"partner_value": value.strip(), "term": stored},
    )
    return entry


def not_onboarded():
    return _("The partner is not onboarded: it has no partner space to keep its crosswalk in.")


def read_map_file(path):
    """[(row, column, value, term)] of a map file; raises CrosswalkError for a bad file."""
    return _read_csv(path, MAP_FILE_COLUMNS)


def _read_csv(path, columns):
    try:
        with open(path, encoding="utf-8-sig", newline="") as handle:
            rows = list(csv.reader(handle))
    except (OSError, UnicodeDecodeError, csv.Error) as error:
        raise CrosswalkError(
            _("The map file %(path)s cannot be read: %(error)s") % {"path": path, "error": error}
        ) from error
    if not rows or [name.strip() for name in rows[0]] != list(columns):
        raise CrosswalkError(
            _("The map file's first row must be: %(columns)s.") % {"columns": ",".join(columns)}
        )
    entries = []
    for number, cells in enumerate(rows[1:], start=2):
        if not any(cell.strip() for cell in cells):
            continue
        if len(cells) != len(columns):
            raise CrosswalkError(
                str(
                    RowError(
                        number,
                        "—",
                        _("The row must have %(count)s cells: %(columns)s.")
                        % {"count": len(columns), "columns": ", ".join(columns)},
                    )
                )
            )
        entries.append((number, *(cell.strip() for cell in cells)))
    return entries


def load_map_file(path, space, create=False):
    """Save every mapping of a map file for ``space``, all or none; the number saved."""
    if space is None:
        raise CrosswalkError(not_onboarded())
    entries = read_map_file(path)
    with transaction.atomic():
        for number, column, value, term in entries:
            try:
                save_mapping(space, column, value, term, create=create)
            except CrosswalkError as error:
                raise CrosswalkError(
                    str(
                        RowError(
                            number, "term" if column in VOCABULARY_COLUMNS else "column", str(error)
                        )
                    )
                ) from error
    return len(entries)


COLUMN_FILE_COLUMNS = ("partner_column", "column")


class ColumnMap:
    """A partner's saved column names: ``rename(header)`` gives the Item CSV names."""

    def __init__(self, space=None):
        self.columns = {}
        if space is not None:
            self.columns = {
                name.strip().casefold(): column
                for name, column in ColumnMapping.objects.filter(space=space).values_list(
                    "partner_column", "column"
                )
            }

    def rename(self, names):
        """(the header with the partner's names replaced, {index: partner's name} of the
        columns mapped to "not imported")."""
        renamed, ignored = [], {}
        for index, name in enumerate(names):
            column = self.columns.get(name.strip().casefold(), name)
            if column == ColumnMapping.IGNORE:
                ignored[index] = name
                column = f"{IGNORED_PREFIX}{index}"
            renamed.append(column)
        return renamed, ignored


def is_ignored(name):
    return name.startswith(IGNORED_PREFIX)


def save_column_mapping(space, partner_column, column, known):
    """Map the partner's ``partner_column`` to ``column`` (one of ``known`` or "-")."""
    partner_column = partner_column.strip()
    if not partner_column:
        raise CrosswalkError(_("The partner's column name is empty."))
    if column != ColumnMapping.IGNORE and column not in known:
        raise CrosswalkError(
            _("“%(column)s” is not a column of the Item CSV (nor “-”, not imported).")
            % {"column": column}
        )
    existing = next(
        (
            mapping
            for mapping in ColumnMapping.objects.filter(space=space)
            if mapping.partner_column.casefold() == partner_column.casefold()
        ),
        None,
    )
    if existing is None:
        return ColumnMapping.objects.create(
            space=space, partner_column=partner_column, column=column
        )
    existing.column = column
    existing.save(update_fields=["column"])
    return existing


def load_column_file(path, space, known):
    """Save every column mapping of a column file for ``space``, all or none."""
    if space is None:
        raise CrosswalkError(not_onboarded())
    entries = _read_csv(path, COLUMN_FILE_COLUMNS)
    with transaction.atomic():
        for number, partner_column, column in entries:
            try:
                save_column_mapping(space, partner_column, column, known)
            except CrosswalkError as error:
                raise CrosswalkError(str(RowError(number, "column", str(error)))) from error
    return len(entries)
