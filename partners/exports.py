"""The directory's current selection as CSV and as GeoJSON (RFC 7946).

Both take the directory's own query string (``?type=museum&country=IT``), so "export" means
"what I am looking at", labels in the visitor's language next to the stable codes. A bad
parameter is a 400 naming it, never a partial file.
"""

import csv
import io

from django.http import HttpResponse

from heritagehub.i18n import active_language

from .directory import Directory

CSV_COLUMNS = [
    "name",
    "url",
    "institution_type",
    "institution_type_label",
    "sectors",
    "hub_role",
    "city",
    "country_code",
    "country",
    "latitude",
    "longitude",
    "services",
    "languages",
    "website",
    "email",
]
# Spreadsheets run a cell that starts with one of these as a formula (CSV injection).
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def _cell(value):
    text = "" if value is None else str(value)
    if text.startswith(FORMULA_STARTS) and not _is_number(text):
        return "'" + text
    return text


def _is_number(text):
    try:
        float(text)
    except ValueError:
        return False
    return True


def bad_request(problems, content_type="text/plain; charset=utf-8"):
    return HttpResponse(
        "\n".join(str(p) for p in problems) + "\n", status=400, content_type=content_type
    )


def absolute(request, fact):
    return request.build_absolute_uri(f"/{active_language()}/{fact['path']}")


def csv_response(request):
    directory = Directory(request)
    if directory.state.problems:
        return bad_request(directory.state.problems)
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(CSV_COLUMNS)
    for row in directory.rows():
        writer.writerow(
            _cell(value)
            for value in [
                row["title"],
                absolute(request, row),
                row["type"],
                row["type_label"],
                "; ".join(row["sector_labels"]),
                row["role_label"],
                row["city"],
                row["country"],
                row["country_label"],
                "" if row["latitude"] is None else f"{row['latitude']:.6f}",
                "" if row["longitude"] is None else f"{row['longitude']:.6f}",
                "; ".join(row["service_labels"]),
                "; ".join(row["language_labels"]),
                row["website"],
                row["email"],
            ]
        )
    response = HttpResponse(buffer.getvalue(), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="partners.csv"'
    return response
