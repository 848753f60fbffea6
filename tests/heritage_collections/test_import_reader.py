"""Reading an Item CSV: rows numbered as a spreadsheet shows them; the terminal's progress bar."""

import io

from django.utils import translation

from heritage_collections.importing.progress import Progress
from heritage_collections.importing.reader import CsvFile


def rows_of(data):
    csv_file = CsvFile(io.BytesIO(data))
    header = csv_file.read_header()
    return header, [(row.number, row.cells, [str(e) for e in row.errors]) for row in csv_file]


def test_the_byte_order_mark_of_spreadsheet_programs_is_not_part_of_the_first_column():
    header, rows = rows_of("\ufeffidentifier,title\nA-1,Veduta\n".encode())
    assert header == ["identifier", "title"]
    assert rows == [(2, {"identifier": "A-1", "title": "Veduta"}, [])]


def test_a_cell_spanning_lines_is_one_row_and_blank_lines_count_as_rows():
    data = b'identifier,title\nA-1,"Veduta\ndel Po"\n\nA-2,Mole\n'
    _header, rows = rows_of(data)
    assert [(number, cells["identifier"]) for number, cells, _errors in rows] == [
        (2, "A-1"),
        (4, "A-2"),
    ]


def test_a_row_with_more_cells_than_the_header_is_an_error():
    with translation.override("en"):
        _header, [(number, _cells, errors)] = rows_of(b"identifier,title\nA-1,Veduta,extra\n")
    assert number == 2
    assert errors == [
        "row 2, column beyond the header (C): The row has 3 cells but the header has 2 columns."
    ]


class Terminal(io.StringIO):
    def isatty(self):
        return True


def test_the_progress_bar_is_drawn_on_a_terminal():
    stream = Terminal()
    progress = Progress(stream, "Importing", total=200)
    progress.update(100)
    progress.close()
    assert "Importing" in stream.getvalue()
    assert " 50% 100 " in stream.getvalue()


def test_no_progress_bar_is_written_to_a_file():
    stream = io.StringIO()
    progress = Progress(stream, "Importing", total=200)
    progress.update(100)
    progress.close()
    assert stream.getvalue() == ""


class Clock:
    def __init__(self):
        self.now = 1000.0

    def __call__(self):
        return self.now


def test_a_file_gets_a_plain_progress_line_every_ten_seconds():
    stream, clock = io.StringIO(), Clock()
    progress = Progress(stream, "Importing", total=200, clock=clock)
    progress.update(20)
    clock.now += 10
    progress.update(100)
    clock.now += 5
    progress.update(150)
    progress.close()
    assert stream.getvalue() == "Importing 50% 100 10/s 0:10 (-0:10)\n"
