"""Reading an item file as a stream, one row at a time, whatever the file's size.

``open_rows`` tells the kind of file from its first bytes (not its name): an .xlsx
spreadsheet (its first sheet, read with openpyxl in read-only mode), or a CSV in UTF-8
(with or without a BOM), UTF-16 (with its BOM) or Windows-1252 (``sniff_encoding``).
Anything else is refused with the reason (``FileProblem``).

UTF-8 is decoded line by line, so a file with a few bad bytes is reported at the rows (and
columns) holding them instead of failing as a whole; the undecodable bytes become U+FFFD
so that the rest of the row can still be checked. Rows are numbered as a spreadsheet shows
them: the header is row 1, a cell spanning lines is one row.
"""

import codecs
import csv
import datetime
import io
import zipfile
from dataclasses import dataclass

import openpyxl
from django.utils.translation import gettext as _

from .report import RowError, column_letter

REPLACEMENT = "\ufffd"


@dataclass
class Row:
    number: int
    cells: dict  # column name → text
    errors: list  # RowErrors found while reading (encoding, shape)


SAMPLE_SIZE = 1024 * 1024  # bytes read to tell the encoding
XLSX_MAGIC = b"PK\x03\x04"


class FileProblem(Exception):
    """The file cannot be read as an item file at all (the message says why)."""


def sniff_encoding(sample):
    """The encoding of a CSV from its first bytes, or FileProblem.

    UTF-8 when the sample decodes as UTF-8 — or holds valid multi-byte UTF-8 besides a few
    bad bytes (those rows are reported); Windows-1252 when it has bad UTF-8 and no valid
    multi-byte sequence (a spreadsheet's "CSV" on Windows); UTF-16 only with its BOM.
    """
    if sample.startswith(codecs.BOM_UTF8):
        return "utf-8"
    if sample.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return "utf-16"
    if b"\x00" in sample:
        raise FileProblem(
            _(
                "The file is not text the hub can read (it holds NUL bytes: UTF-16 without "
                "its byte order mark, or not a CSV at all): save it as “CSV UTF-8”."
            )
        )
    try:
        sample.decode("utf-8")
        return "utf-8"
    except UnicodeDecodeError as error:
        if error.start >= len(sample) - 3 and len(sample) == SAMPLE_SIZE:
            return "utf-8"  # a character cut by the sample's end
    text = sample.decode("utf-8", errors="replace")
    if any(ord(character) > 0x7F and character != REPLACEMENT for character in text):
        return "utf-8"  # mostly UTF-8: the bad bytes are reported at their rows
    try:
        sample.decode("cp1252")
    except UnicodeDecodeError as error:
        raise FileProblem(
            _(
                "The text is neither UTF-8 nor Windows-1252 (byte 0x%(byte)s): save the file "
                "as “CSV UTF-8” and import it again."
            )
            % {"byte": sample[error.start : error.start + 1].hex().upper()}
        ) from error
    return "cp1252"


def open_rows(stream):
    """A reader of ``Row``s (``CsvFile`` or ``XlsxFile``) for a seekable binary stream, or
    FileProblem."""
    sample = stream.read(SAMPLE_SIZE)
    stream.seek(0)
    if sample.startswith(XLSX_MAGIC):
        return XlsxFile(stream)
    return CsvFile(stream, encoding=sniff_encoding(sample))


def file_problem(stream):
    """Why the file cannot be read at all ("" when it can): for the admin's form."""
    try:
        rows = open_rows(stream)
        rows.read_header()
    except FileProblem as problem:
        return str(problem)
    finally:
        stream.seek(0)
    errors = [error for error in rows.header_errors if error.column == "—"]
    if errors:
        return errors[0].message
    if isinstance(rows, CsvFile) and rows.encoding == "utf-8" and _has_open_quote(stream):
        stream.seek(0)
        return _('a quote (") is opened and never closed: every line after it would be one cell.')
    stream.seek(0)
    return ""


class CsvFile:
    """Iterate ``Row``s of a binary stream; ``header`` and ``header_errors`` after the first
    row is read (``read_header``)."""

    def __init__(self, stream, encoding="utf-8"):
        self.stream = stream
        self.encoding = encoding
        self.bytes_read = 0
        self._bad_lines = []
        lines = self._lines() if encoding == "utf-8" else self._text_lines()
        self._reader = csv.reader(lines)
        self.header = None
        self.header_errors = []

    def _text_lines(self):
        """Lines of a file in another encoding than UTF-8 (decoded by Python's codec)."""
        text = io.TextIOWrapper(self.stream, encoding=self.encoding, newline="")
        try:
            for number, line in enumerate(text, start=1):
                if number % 1000 == 0:
                    self.bytes_read = self.stream.tell()
                yield line.removeprefix("\ufeff") if number == 1 else line
        except UnicodeDecodeError as error:
            raise FileProblem(
                _("The text is not %(encoding)s throughout: save the file as “CSV UTF-8”.")
                % {"encoding": self.encoding}
            ) from error
        finally:
            text.detach()

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


class XlsxFile:
    """Iterate ``Row``s of the first sheet of an .xlsx workbook, as ``CsvFile`` does.

    Numbers are written as a person reads them (1925, not 1925.0), dates as ISO dates; the
    row numbers are the sheet's own.
    """

    def __init__(self, stream):
        self.stream = stream
        self.bytes_read = 0
        self.header = None
        self.header_errors = []
        self._rows = None
        self._workbook = None

    def read_header(self):
        try:
            self._workbook = openpyxl.load_workbook(self.stream, read_only=True, data_only=True)
            sheet = self._workbook.worksheets[0]
            self._rows = sheet.iter_rows()
            first = next(self._rows, None)
        except (zipfile.BadZipFile, KeyError, OSError, ValueError, IndexError) as error:
            raise FileProblem(
                _("The spreadsheet cannot be read (%(error)s): save it again as .xlsx or CSV.")
                % {"error": error}
            ) from error
        if first is None:
            self.header = []
            self.header_errors = [RowError(1, "—", _("The file is empty."))]
            return self.header
        self._header_row = first[0].row if first and hasattr(first[0], "row") else 1
        self.header = _trimmed([_cell_text(cell.value).strip() for cell in first])
        return self.header

    def __iter__(self):
        if self.header is None:
            self.read_header()
        if self._rows is None:
            return
        width = len(self.header)
        number = getattr(self, "_header_row", 1)
        try:
            for cells in self._rows:
                number = cells[0].row if cells and getattr(cells[0], "row", None) else number + 1
                texts = _trimmed([_cell_text(cell.value) for cell in cells])
                if not any(text.strip() for text in texts):
                    continue
                errors = []
                if len(texts) > width:
                    errors.append(_shape_error(number, len(texts), width))
                yield Row(number, dict(zip(self.header, texts, strict=False)), errors)
        finally:
            self._workbook.close()


def _trimmed(texts):
    """The cells without the empty ones at the end of the row (a sheet's row is as wide as
    its widest row)."""
    while texts and not texts[-1]:
        texts.pop()
    return texts


def _cell_text(value):
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, datetime.datetime):
        return value.date().isoformat() if value.time() == datetime.time() else value.isoformat()
    if isinstance(value, datetime.date):
        return value.isoformat()
    return str(value)
