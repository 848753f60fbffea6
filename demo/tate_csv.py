"""Tate's open collection records as Item CSV rows (docs/import.md), with their real fields.

The mapping is the demo loader's (``collections.tate_fields``, ``tate_tags``,
``tate_rights``); only the form differs: a row of the file ``import_items`` reads. Records
are read one at a time, so the 69,202 records of the full file never sit in memory.
"""

import csv
import gzip
import json
from contextlib import nullcontext

from heritage_collections.importing.columns import header

from .collections import TATE_DEMO_FILE, read_tate_artists, tate_fields, tate_tags

TATE_FULL_FILE = "tate/tate_artworks_69k.jsonl.gz"
# Tate's catalogue is in English: the file's title and description are English.
TATE_LANGUAGE = "en"
COLUMNS = {
    "identifier": "identifier",
    "title": "title",
    "description": "description",
    "object_type": "object_type",
    "creator": "creator",
    "date": "date_display",
    "date_start": "date_start",
    "date_end": "date_end",
    "place": "place_name",
    "materials": "materials",
    "dimensions": "dimensions",
    "rights": "rights",
    "credit_line": "credit_line",
    "source_url": "source_url",
}


def read_records(path):
    """Tate records from a .jsonl or .jsonl.gz file, one at a time."""
    opener = gzip.open if str(path).endswith(".gz") else open
    with opener(path, "rt", encoding="utf-8") as handle:
        for line in handle:
            if line.strip():
                yield json.loads(line)


def _year(value):
    """A year of Tate's ``dateRange``: a number (sometimes as text), or "no date"."""
    return int(value) if str(value).lstrip("-").isdigit() else None


def tate_csv_rows(records, deaths):
    """An Item CSV row (a dict by column) for each Tate record."""
    for record in records:
        fields = tate_fields(record, deaths)
        row = {column: fields[name] for column, name in COLUMNS.items()}
        row["object_type"] = row["object_type"] or ""
        row["date_start"], row["date_end"] = _year(row["date_start"]), _year(row["date_end"])
        row["tags"] = "; ".join(tate_tags(record))
        yield {column: "" if value is None else value for column, value in row.items()}


def write_tate_csv(path_or_stream, records, deaths):
    """Write the rows of ``records`` as an Item CSV (UTF-8, the export's columns); returns
    the number of rows."""
    columns = header(TATE_LANGUAGE)
    if hasattr(path_or_stream, "write"):
        context = nullcontext(path_or_stream)
    else:
        context = open(path_or_stream, "w", encoding="utf-8", newline="")  # noqa: SIM115
    count = 0
    with context as stream:
        writer = csv.DictWriter(stream, fieldnames=columns, restval="", lineterminator="\n")
        writer.writeheader()
        for row in tate_csv_rows(records, deaths):
            writer.writerow(row)
            count += 1
    return count


def tate_source(data_dir, full=False):
    """(records, deaths) of the demo sample (2,000 records) or of the full file (69,202)."""
    path = data_dir / (TATE_FULL_FILE if full else TATE_DEMO_FILE)
    return read_records(path), read_tate_artists(data_dir)
