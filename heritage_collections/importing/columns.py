"""The columns of the Item CSV (docs/import.md, "The file") and the check of a file's header.

``title`` and ``description`` are in the collection's language (the catalogue's source
language); ``title_<lang>`` and ``description_<lang>`` are translations into the hub's other
languages. A translation column for the source language itself is refused: its text goes
in ``title``/``description``, and two columns for one field could disagree.
"""

from django.conf import settings
from django.utils.translation import get_language_info
from django.utils.translation import gettext as _

from .report import RowError, column_letter

REQUIRED = ("identifier", "title")
# Written by an import into its rejected rows' file (``rejected``), ignored when it is read.
FEEDBACK_COLUMNS = ("rejected_row", "rejected_column", "rejected_reason")
IGNORED_PREFIX = "\x00ignored:"  # a column a partner mapped to "not imported" (crosswalk)
TRANSLATED = ("title", "description")
FACTS = (
    "object_type",
    "creator",
    "creator_uri",
    "date",
    "date_start",
    "date_end",
    "place",
    "place_uri",
    "latitude",
    "longitude",
    "materials",
    "dimensions",
    "rights",
    "credit_line",
    "care_labels",
    "tags",
    "image",
    "image_alt",
    "source_url",
)
# CSV column → ItemPage field, where the names differ or the column maps to a field at all.
FIELD_OF_COLUMN = {
    "title": "title",
    "description": "description",
    "object_type": "object_type",
    "creator": "creator",
    "date": "date_display",
    "date_start": "date_start",
    "date_end": "date_end",
    "place": "place_name",
    "latitude": "latitude",
    "longitude": "longitude",
    "materials": "materials",
    "dimensions": "dimensions",
    "rights": "rights",
    "credit_line": "credit_line",
    "source_url": "source_url",
}
COLUMN_OF_FIELD = {field: column for column, field in FIELD_OF_COLUMN.items()}
COLUMN_OF_FIELD["full_title"] = "title"  # a long title's whole text (models.page_title)
# Set only by a file that has the column (an empty cell clears them): a file made before
# care labels existed must not take away those set in the editor.
CARE_COLUMN = "care_labels"
COLUMN_OF_FIELD["care_labels"] = CARE_COLUMN
# An item's links to authority records, by their URIs (``authority_uris``): set only by a
# file that has the column, like care labels.
LINK_COLUMN_OF_FIELD = {"agent_links": "creator_uri", "place_links": "place_uri"}
COLUMN_OF_FIELD.update(LINK_COLUMN_OF_FIELD)
# What separates the values of a cell of several: tags, URIs.
LIST_SEPARATOR = ";"


def content_languages():
    return [code for code, _name in settings.LANGUAGES]


def translation_languages(source_language):
    """The languages a catalogue in ``source_language`` may carry translations into."""
    return [code for code in content_languages() if code != source_language]


def translation_column(name, language):
    return f"{name}_{language}"


def header(source_language):
    """Every column, in the order the export writes them."""
    languages = translation_languages(source_language)
    return [
        "identifier",
        "title",
        *[translation_column("title", code) for code in languages],
        "description",
        *[translation_column("description", code) for code in languages],
        *FACTS,
    ]


def check_header(names, source_language):
    """Errors of the header row (row 1); an empty list when it is usable."""
    known = set(header(source_language))
    errors = []
    seen = {}
    for index, name in enumerate(names):
        letter = column_letter(index)
        if name in seen:
            errors.append(
                RowError(
                    1,
                    name,
                    _("The column appears twice (also column %(letter)s).")
                    % {"letter": seen[name]},
                    letter,
                )
            )
            continue
        seen[name] = letter
        if name in known or name in FEEDBACK_COLUMNS or name.startswith(IGNORED_PREFIX):
            continue
        errors.append(
            RowError(1, name or "—", _unknown_column_message(name, source_language), letter)
        )
    for name in REQUIRED:
        if name not in seen:
            errors.append(RowError(1, name, _("This required column is missing.")))
    return errors


def unknown_columns(names, source_language):
    """The names of ``names`` that are no Item CSV column (nor a column not imported)."""
    known = set(header(source_language))
    return [name for name in names if name not in known and not name.startswith(IGNORED_PREFIX)]


def _unknown_column_message(name, source_language):
    for field in TRANSLATED:
        if name == translation_column(field, source_language):
            return _(
                "The collection is in %(language)s: its %(language)s text goes in the column "
                "“%(column)s”, not in a translation column."
            ) % {"language": language_name(source_language), "column": field}
    if len(name) > 1 and (";" in name or "\t" in name):
        return _(
            "Unknown column. The file seems to separate its columns with “%(separator)s”: "
            "save it as CSV with commas."
        ) % {"separator": ";" if ";" in name else "tab"}
    if not name:
        return _("The column has no name.")
    return _("Unknown column. The columns of an item file are: %(columns)s.") % {
        "columns": ", ".join(header(source_language))
    }


def language_name(code):
    """The language's name in the reader's language ("inglese" for an Italian reader)."""
    return get_language_info(code)["name_translated"]
