"""The base map: Natural Earth's land and country borders, from the ``world-atlas``
TopoJSON files that ``make vendor`` copies into static/vendor/world-atlas/.

A file is decoded once per process (``_layers``: about 10 ms for 1:110m, 80 ms for 1:50m)
into land rings and border lines already projected to the unit Web Mercator square, each
with its bounding box. Drawing a map then only culls what is out of view, scales, clips and
writes path data: the cost the ≤ 50 ms budget of a map is about (docs/maps.md).
"""

import json
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured

from .geometry import mercator

# Natural Earth's scales: 1:110m for world and continent views, 1:50m closer in.
RESOLUTIONS = ("110m", "50m")
# From this zoom level on (the world 2,048 px wide) the 1:50m file is used.
DETAILED_FROM_ZOOM = 3


def data_path(resolution):
    return (
        Path(settings.BASE_DIR)
        / "static"
        / "vendor"
        / "world-atlas"
        / f"countries-{resolution}.json"
    )


@dataclass(frozen=True)
class Shape:
    """A land ring (closed) or a border line, in unit Mercator coordinates."""

    xs: tuple
    ys: tuple
    box: tuple  # (x0, y0, x1, y1)


@dataclass(frozen=True)
class Layers:
    land: tuple  # of Shape, closed rings
    borders: tuple  # of Shape, open lines between two countries


def _decode_arcs(topology):
    """TopoJSON's delta-encoded, quantized arcs as lists of (longitude, latitude)."""
    (scale_x, scale_y), (shift_x, shift_y) = (
        topology["transform"]["scale"],
        topology["transform"]["translate"],
    )
    arcs = []
    for arc in topology["arcs"]:
        x = y = 0
        points = []
        for dx, dy in arc:
            x += dx
            y += dy
            points.append((x * scale_x + shift_x, y * scale_y + shift_y))
        arcs.append(points)
    return arcs


def _ring(arcs, indexes):
    """A ring from arc indexes (~i is arc i reversed); consecutive arcs share an end point."""
    points = []
    for index in indexes:
        arc = arcs[index] if index >= 0 else arcs[~index][::-1]
        points.extend(arc if not points else arc[1:])
    return points


def _polygons(geometry):
    if geometry["type"] == "Polygon":
        return [geometry["arcs"]]
    if geometry["type"] == "MultiPolygon":
        return geometry["arcs"]
    return []


def _shape(points):
    projected = [mercator(lat, lon) for lon, lat in points]
    xs = tuple(x for x, _y in projected)
    ys = tuple(y for _x, y in projected)
    return Shape(xs, ys, (min(xs), min(ys), max(xs), max(ys)))


@cache
def _layers(resolution):
    path = data_path(resolution)
    try:
        topology = json.loads(path.read_text())
    except FileNotFoundError:
        raise ImproperlyConfigured(
            f"{path} is missing: run `make vendor` (it installs frontend/package-lock.json "
            "with npm and copies the map data into static/vendor/)."
        ) from None
    arcs = _decode_arcs(topology)
    land = [
        _shape(_ring(arcs, ring))
        for geometry in topology["objects"]["land"]["geometries"]
        for polygon in _polygons(geometry)
        for ring in polygon
    ]
    # An arc used by two countries is a border between them; one used once is coast.
    uses = {}
    for geometry in topology["objects"]["countries"]["geometries"]:
        for polygon in _polygons(geometry):
            for ring in polygon:
                for index in ring:
                    arc = index if index >= 0 else ~index
                    uses[arc] = uses.get(arc, 0) + 1
    borders = [_shape(arcs[arc]) for arc, count in sorted(uses.items()) if count > 1]
    return Layers(tuple(land), tuple(borders))


def layers(resolution):
    """The decoded layers of ``countries-<resolution>.json``, cached for the process."""
    return _layers(resolution)


def resolution_for_zoom(zoom):
    return RESOLUTIONS[1] if zoom >= DETAILED_FROM_ZOOM else RESOLUTIONS[0]


def preload():
    """Decode every resolution now (at start-up) rather than on the first map's request."""
    for resolution in RESOLUTIONS:
        layers(resolution)
