"""The directory's current selection as CSV and as GeoJSON (RFC 7946).

Both take the directory's own query string (``?type=museum&country=IT``), so "export" means
"what I am looking at", labels in the visitor's language next to the stable codes. A bad
parameter is a 400 naming it, never a partial file.
"""

import csv
import io

from django.http import HttpResponse

from heritagehub.i18n import active_language
from maps import MapParameterError
from maps.geojson import (
    GeoJSONResponse,
    error_response,
    feature_collection,
    map_parameters,
    point,
)

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


def geojson_response(request):
    """The selection as a FeatureCollection of Points ([longitude, latitude]); ``bbox``
    narrows it to a box and ``zoom`` is checked (every partner is a feature: a hub's
    partners are far fewer than ``MAX_FEATURES``). Partners without coordinates are counted
    in the foreign member ``without_coordinates``."""
    try:
        bbox, _zoom = map_parameters(request.GET)
    except MapParameterError as error:
        return error_response(error)
    directory = Directory(request)
    if directory.state.problems:
        first = directory.state.problems[0]
        return error_response(MapParameterError(_problem_parameter(request, directory), first))
    _located, missing = directory.located()
    features = []
    for row in directory.rows():
        if row["latitude"] is None or row["longitude"] is None:
            continue
        if bbox is not None and not bbox.contains(row["latitude"], row["longitude"]):
            continue
        properties = {
            "label": row["title"],
            "url": absolute(request, row),
            "lang": row["lang"],
            "institution_type": row["type"],
            "institution_type_label": row["type_label"],
            "hub_role": row["role"],
            "city": row["city"],
            "country_code": row["country"],
            "country": row["country_label"],
            "sectors": row["sector_labels"],
            "services": list(row["services"]),
            "service_labels": row["service_labels"],
            "languages": list(row["languages"]),
        }
        features.append(point(row["longitude"], row["latitude"], properties, row["id"]))
    return GeoJSONResponse(
        feature_collection(
            features, bbox, without_coordinates=missing, total=len(directory.selected)
        )
    )


def _problem_parameter(request, directory):
    """The first parameter whose value the directory could not use."""
    known = directory.known_values()
    for param, values in request.GET.lists():
        if param in known and any(v.strip() and v.strip() not in known[param] for v in values):
            return param
    return next((p for p in ("sort", "view") if p in request.GET), "")
