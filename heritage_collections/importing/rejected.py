"""The rows an import rejects, given back as a CSV to fix and import again.

The file has the import file's own header (the partner's column names, so its column
mapping applies again) and each rejected row's cells as they were, followed by three
columns saying why: ``rejected_row`` (the row in the original file), ``rejected_column`` and
``rejected_reason`` (one line per error). An import ignores these three columns, so the
file, once fixed, goes in as it is — only the rows that were rejected.
"""

import csv

from .columns import FEEDBACK_COLUMNS


class RejectedRows:
    """Writes rejected rows to ``path`` (UTF-8 with a BOM, for spreadsheet programs)."""

    def __init__(self, path):
        self.path = path
        self.count = 0
        self._handle = None
        self._writer = None
        self._names = []

    @property
    def started(self):
        return self._writer is not None

    def start(self, partner_header, header):
        """``partner_header``: the names as the file has them; ``header``: the same columns
        as the import reads them (after the column mapping), the keys of a row's cells."""
        self._handle = open(self.path, "w", encoding="utf-8-sig", newline="")  # noqa: SIM115
        self._writer = csv.writer(self._handle, lineterminator="\r\n")
        self._names = [name for name in header if name not in FEEDBACK_COLUMNS]
        partner_names = [
            partner for partner, name in zip(partner_header, header, strict=False)
            if name not in FEEDBACK_COLUMNS
        ]  # fmt: skip
        self._writer.writerow([*partner_names, *FEEDBACK_COLUMNS])

    def add(self, number, cells, errors):
        self.count += 1
        self._writer.writerow(
            [
                *(cells.get(name, "") for name in self._names),
                number,
                "\n".join(error.column for error in errors),
                "\n".join(
                    f"{error.column}: {error.message}" if len(errors) > 1 else error.message
                    for error in errors
                ),
            ]
        )

    def close(self):
        if self._handle is not None:
            self._handle.close()
            self._handle = None
