"""What an import found and did: counts, errors with their row and column, a sample of changes.

The report stays small however large the file: errors and changes beyond ``KEEP`` are
counted, not kept (the command line prints every one as it is found, through ``on_error``).
"""

from dataclasses import dataclass, field

from django.utils.translation import gettext as _

KEEP = 500


def column_letter(index):
    """The spreadsheet letter of a 0-based column index: 0 → A, 26 → AA."""
    letters = ""
    index += 1
    while index:
        index, remainder = divmod(index - 1, 26)
        letters = chr(ord("A") + remainder) + letters
    return letters


@dataclass(frozen=True)
class RowError:
    """One problem of the file: the spreadsheet row (the header is row 1), the column's name
    (and letter, when the column exists in the header), and what is wrong."""

    row: int
    column: str
    message: str
    letter: str = ""

    def where(self):
        column = f"{self.column} ({self.letter})" if self.letter else self.column
        return _("row %(row)s, column %(column)s") % {"row": self.row, "column": column}

    def __str__(self):
        return f"{self.where()}: {self.message}"


@dataclass(frozen=True)
class Change:
    """A row that creates or updates an item; ``columns`` are the changed columns."""

    row: int
    identifier: str
    action: str  # "create" or "update"
    columns: tuple = ()


@dataclass
class ImportReport:
    rows: int = 0
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    invalid_rows: int = 0
    error_count: int = 0
    errors: list = field(default_factory=list)
    changes: list = field(default_factory=list)
    change_count: int = 0
    dry_run: bool = True
    applied: bool = False
    published: bool = False
    submitted: int = 0
    images_created: int = 0
    # Vocabulary values the hub does not know (crosswalk.UnknownValues), from the check.
    unknown_values: object = None
    unknown_columns: list = field(default_factory=list)  # the header's names we do not know
    ignored_columns: dict = field(default_factory=dict)  # index → name, mapped to "-"
    rejected_rows: int = 0  # rows written to the rejected rows' file

    @property
    def ok(self):
        return self.error_count == 0

    @property
    def errors_not_shown(self):
        return self.error_count - len(self.errors)

    @property
    def changes_not_shown(self):
        return self.change_count - len(self.changes)

    @property
    def valid_rows(self):
        return self.created + self.updated + self.unchanged

    def add_error(self, error):
        self.error_count += 1
        if len(self.errors) < KEEP:
            self.errors.append(error)

    def add_change(self, change):
        self.change_count += 1
        if len(self.changes) < KEEP:
            self.changes.append(change)

    def count(self, action):
        setattr(self, action, getattr(self, action) + 1)

    def summary(self):
        """One sentence: what the import did, or would do in a dry run."""
        numbers = {
            "created": self.created,
            "updated": self.updated,
            "unchanged": self.unchanged,
            "invalid": self.invalid_rows,
        }
        if self.applied:
            text = _("%(created)s created, %(updated)s updated, %(unchanged)s unchanged.") % numbers
        else:
            text = (
                _("Would create %(created)s, update %(updated)s, leave %(unchanged)s unchanged.")
                % numbers
            )
        if self.invalid_rows:
            text += " " + _("Rows with errors: %(invalid)s.") % numbers
        return text
