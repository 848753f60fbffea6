"""Reading an Item CSV as a stream, one row at a time, whatever the file's size.

The bytes are decoded line by line, so a file that is not UTF-8 is reported at the rows
(and columns) holding the bad bytes instead of failing as a whole; the undecodable bytes
become U+FFFD so that the rest of the row can still be checked. Rows are numbered as a
spreadsheet shows them: the header is row 1, a cell spanning lines is one row.
"""

import csv
from dataclasses import dataclass

from django.utils.translation import gettext as _

from .report import RowError, column_letter

REPLACEMENT = "\ufffd"


@dataclass
class Row:
    number: int
    cells: dict  # column name → text
    errors: list  # RowErrors found while reading (encoding, shape)


class CsvFile:
    """Iterate ``Row``s of a binary stream; ``header`` and ``header_errors`` after the first
    row is read (``read_header``)."""

    def __init__(self, stream):
        self.stream = stream
        self.bytes_read = 0
        self._bad_lines = []
        self._reader = csv.reader(self._lines())
        self.header = None
        self.header_errors = []

    def _lines(self):
        for number, raw in enumerate(self.stream, start=1):
            self.bytes_read += len(raw)
            if number == 1 and raw.startswith(b"\xef\xbb\xbf"):
                raw = raw[3:]  # the BOM spreadsheet programs write
            try:
                yield raw.decode("utf-8")
            except UnicodeDecodeError as error:
                self._bad_lines.append((number, raw[error.start : error.start + 1]))
                yield raw.decode("utf-8", errors="replace")

    def read_header(self):
        try:
            names = next(self._reader)
        except StopIteration:
            self.header = []
            self.header_errors = [RowError(1, "—", _("The file is empty."))]
            return self.header
        except csv.Error as error:
            names = []
            self.header_errors = [RowError(1, "—", _("Not a readable CSV file: %s") % error)]
        if self._bad_lines:
            self.header_errors.append(RowError(1, "—", _encoding_message(self._bad_lines[0][1])))
            self._bad_lines.clear()
        self.header = [name.strip() for name in names]
        return self.header

    def __iter__(self):
        if self.header is None:
            self.read_header()
        width = len(self.header)
        number = 1
        while True:
            try:
                cells = next(self._reader)
            except StopIteration:
                return
            except csv.Error as error:
                number += 1
                yield Row(number, {}, [RowError(number, "—", _("Not readable as CSV: %s") % error)])
                continue
            number += 1
            errors = self._encoding_errors(number, cells)
            if not cells or not any(cell.strip() for cell in cells):
                if errors:
                    yield Row(number, {}, errors)
                continue  # a blank line
            if len(cells) != width:
                errors.append(_shape_error(number, len(cells), width))
            yield Row(number, dict(zip(self.header, cells, strict=False)), errors)

    def _encoding_errors(self, number, cells):
        if not self._bad_lines:
            return []
        byte = self._bad_lines[0][1]
        self._bad_lines.clear()
        errors = [
            RowError(number, self.header[index], _encoding_message(byte), column_letter(index))
            for index, cell in enumerate(cells[: len(self.header)])
            if REPLACEMENT in cell
        ]
        return errors or [RowError(number, "—", _encoding_message(byte))]


UTF16_BOMS = (b"\xff\xfe", b"\xfe\xff")


def file_problem(stream):
    """Why the file as a whole is not an Item CSV (empty, UTF-16 or binary, a header that
    cannot be read, a quote never closed), or None. Problems of single rows are the
    report's: they are listed with their row and column."""
    head = stream.read(4096)
    stream.seek(0)
    if head.startswith(UTF16_BOMS):
        return _("it is UTF-16 text: save it as “CSV UTF-8” and upload it again.")
    if b"\x00" in head:
        return _("it is not a text file.")
    csv_file = CsvFile(stream)
    csv_file.read_header()
    problem = csv_file.header_errors[0].message if csv_file.header_errors else None
    stream.seek(0)
    if problem is None and _has_open_quote(stream):
        problem = _(
            'a quote (") is opened and never closed: every line after it would be one cell.'
        )
    stream.seek(0)
    return problem


def _has_open_quote(stream):
    lines = (raw.decode("utf-8", errors="replace") for raw in stream)
    try:
        for _row in csv.reader(lines, strict=True):
            pass
    except csv.Error as error:
        # Only the end of the file inside a quoted cell: the other strict-mode complaints
        # (text after a closing quote) are read leniently and reported by row.
        return "unexpected end of data" in str(error)
    return False


def _encoding_message(byte):
    return _(
        "The text is not UTF-8 (byte 0x%(byte)s): save the file as “CSV UTF-8” and import it again."
    ) % {"byte": byte.hex().upper()}


def _shape_error(number, count, width):
    if count > width:
        return RowError(
            number,
            _("beyond the header"),
            _("The row has %(count)s cells but the header has %(width)s columns.")
            % {"count": count, "width": width},
            column_letter(width),
        )
    return RowError(
        number,
        _("after the last cell"),
        _("The row has %(count)s cells but the header has %(width)s columns.")
        % {"count": count, "width": width},
        column_letter(count),
    )
