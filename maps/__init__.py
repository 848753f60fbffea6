"""Maps the apps that place things draw with: a base map drawn on the server, markers, clusters,
GeoJSON (partners, collections and events use it; its own app, below them, since not every
app does).

The API (docs/maps.md): ``draw_map`` and ``Marker`` for a map in a page (rendered by
``templates/includes/map.html`` with its list alternative), ``BoundingBox``,
``parse_bbox``/``parse_zoom`` and ``MapParameterError`` for map parameters,
``maps.geojson`` for GeoJSON responses and SQL grid clusters.
"""

from .drawing import MapDrawing, Marker, draw_map
from .geometry import WORLD, BoundingBox, MapParameterError, parse_bbox, parse_zoom

__all__ = [
    "WORLD",
    "BoundingBox",
    "MapDrawing",
    "MapParameterError",
    "Marker",
    "draw_map",
    "parse_bbox",
    "parse_zoom",
]
