"""GeoJSON (RFC 7946) responses and the SQL grid that keeps them small.

Coordinates are [longitude, latitude] (RFC 7946 §3.1.1), in WGS 84, and the media type is
``application/geo+json``. A listing with more than MAX_FEATURES located results is answered
with clusters: the points are grouped in SQL on a grid whose cells are about 32 pixels of
the requested zoom level (``cell_size``), one feature per non-empty cell, so the response
stays small and the database does the counting whatever the number of rows.
"""

import json
import math

from django.db.models import Avg, Count, F, FloatField, Func, Max, Min, Q, Value
from django.http import HttpResponse, JsonResponse

from .geometry import BoundingBox, MapParameterError, parse_bbox, parse_zoom

MEDIA_TYPE = "application/geo+json"
MAX_FEATURES = 2000
# A grid cell is CELL_PIXELS wide at the zoom asked for (Leaflet's world: 256 × 2^zoom px).
CELL_PIXELS = 32
# …and never finer than the box asked for divided into this many cells a side, so a
# response holds at most GRID_CELLS² ≤ MAX_FEATURES clusters.
GRID_CELLS = 40


class GeoJSONResponse(HttpResponse):
    def __init__(self, data, **kwargs):
        kwargs.setdefault("content_type", f"{MEDIA_TYPE}; charset=utf-8")
        super().__init__(json.dumps(data, ensure_ascii=False, separators=(",", ":")), **kwargs)


def error_response(error):
    """A 400 naming the parameter: {"error": {"parameter": "bbox", "message": "…"}}."""
    return JsonResponse(
        {"error": {"parameter": error.parameter, "message": error.message}}, status=400
    )


def map_parameters(query):
    """(bbox or None, zoom or None) from a request's GET; MapParameterError when bad."""
    bbox = parse_bbox(query["bbox"]) if query.get("bbox", "") != "" else None
    zoom = parse_zoom(query["zoom"]) if query.get("zoom", "") != "" else None
    return bbox, zoom


def point(longitude, latitude, properties, feature_id=None):
    """A Point Feature; coordinates rounded to 6 decimals (about 10 cm)."""
    feature = {
        "type": "Feature",
        "geometry": {"type": "Point", "coordinates": [round(longitude, 6), round(latitude, 6)]},
        "properties": properties,
    }
    if feature_id is not None:
        feature["id"] = feature_id
    return feature


def feature_collection(features, bbox=None, **members):
    """A FeatureCollection; ``members`` are foreign members (RFC 7946 §6.1), e.g. counts."""
    collection = {"type": "FeatureCollection", **members, "features": features}
    if bbox is not None:
        collection["bbox"] = bbox.as_list()
    return collection


def in_view(bbox, latitude="latitude", longitude="longitude"):
    """The condition (a Q) of a row located inside ``bbox``, or located at all when None:
    for a count of the rows in view beside the others (``Count(…, filter=in_view(box))``)."""
    if bbox is None:
        return Q(**{f"{latitude}__isnull": False})
    return Q(
        **{
            f"{latitude}__gte": bbox.south,
            f"{latitude}__lte": bbox.north,
            f"{longitude}__gte": bbox.west,
            f"{longitude}__lte": bbox.east,
        }
    )


def within(queryset, bbox, latitude="latitude", longitude="longitude"):
    """Rows located inside ``bbox`` (rows without coordinates are never inside)."""
    return queryset.filter(in_view(bbox, latitude, longitude))


def cell_size(zoom, bbox=None):
    """Degrees a side of a grid cell at ``zoom`` (0 when None: the world in one view)."""
    size = 360.0 / 2 ** ((zoom or 0) + math.log2(256 / CELL_PIXELS))
    if bbox is not None:
        span = max(bbox.east - bbox.west, bbox.north - bbox.south)
        size = max(size, span / GRID_CELLS)
    else:
        size = max(size, 360.0 / GRID_CELLS)
    return size


class _GridIndex(Func):
    """floor(expression) as an integer: the row or column of a grid cell. The expression is
    never negative (coordinates are shifted by 90° or 180°), so SQLite's CAST AS INTEGER,
    which truncates, floors too; PostgreSQL's cast would round, so it floors first."""

    output_field = FloatField()

    def as_sql(self, compiler, connection, **extra):
        return super().as_sql(compiler, connection, template="FLOOR(%(expressions)s)", **extra)

    def as_sqlite(self, compiler, connection, **extra):
        return super().as_sql(
            compiler, connection, template="CAST(%(expressions)s AS INTEGER)", **extra
        )


def grid_clusters(
    queryset, zoom, bbox=None, latitude="latitude", longitude="longitude", **aggregates
):
    """The located rows of ``queryset`` (inside ``bbox``) grouped on the grid of ``zoom``,
    in one GROUP BY query: dicts with count, mean_latitude/mean_longitude (where the
    cluster is drawn), south/west/north/east (its extent) and ``aggregates`` (e.g.
    ``first=Min("page_id")``), the biggest first."""
    size = cell_size(zoom, bbox)
    lat, lon = F(latitude), F(longitude)
    return list(
        within(queryset, bbox, latitude, longitude)
        .order_by()
        .annotate(
            cell_row=_GridIndex((lat + Value(90.0)) / Value(size)),
            cell_column=_GridIndex((lon + Value(180.0)) / Value(size)),
        )
        .values("cell_row", "cell_column")
        .annotate(
            count=Count("*"),  # not COUNT(id): a covering index answers it alone
            mean_latitude=Avg(latitude),
            mean_longitude=Avg(longitude),
            south=Min(latitude),
            north=Max(latitude),
            west=Min(longitude),
            east=Max(longitude),
            **aggregates,
        )
        .order_by("-count")[:MAX_FEATURES]
    )


def cluster_bbox(row):
    return BoundingBox(row["west"], row["south"], row["east"], row["north"])


__all__ = [
    "MAX_FEATURES",
    "MEDIA_TYPE",
    "GeoJSONResponse",
    "MapParameterError",
    "cell_size",
    "cluster_bbox",
    "error_response",
    "feature_collection",
    "grid_clusters",
    "map_parameters",
    "point",
    "within",
]
