"""Coordinates, bounding boxes and the Web Mercator projection every map shares.

Web Mercator because the enhanced map (Leaflet) and any tile server a deployment adds use
it: the server-drawn map and the map that replaces it then show the same shapes at the
same places, and a zoom level means the same on both (``zoom_for_scale``).
"""

import math
from dataclasses import dataclass

from django.utils.translation import gettext as _

# Web Mercator's square world ends here; beyond it the projection runs to infinity.
MAX_LATITUDE = 85.05112878
# The grid of Leaflet and of tile servers: the world is 256 px wide at zoom 0.
TILE_SIZE = 256
MAX_ZOOM = 20


class MapParameterError(ValueError):
    """A map parameter (bbox, zoom, latitude …) a visitor or client sent that cannot be used;
    ``parameter`` names it, the message says why in the visitor's language."""

    def __init__(self, parameter, message):
        super().__init__(str(message))
        self.parameter = parameter
        self.message = str(message)


def valid_latitude(value):
    return value is not None and -90 <= value <= 90


def valid_longitude(value):
    return value is not None and -180 <= value <= 180


@dataclass(frozen=True)
class BoundingBox:
    """West, south, east, north in degrees (GeoJSON's and Leaflet's order of a bbox).
    West is never east of east: a box across the antimeridian is two boxes."""

    west: float
    south: float
    east: float
    north: float

    @classmethod
    def around(cls, points, padding=0.1, minimum_span=1.0):
        """The smallest box holding ``points`` ((latitude, longitude) pairs), widened by
        ``padding`` (a fraction of its size) and to at least ``minimum_span`` degrees."""
        latitudes = [lat for lat, _lon in points]
        longitudes = [lon for _lat, lon in points]
        west, east = min(longitudes), max(longitudes)
        south, north = min(latitudes), max(latitudes)
        pad_x = max((east - west) * padding, (minimum_span - (east - west)) / 2, 0)
        pad_y = max((north - south) * padding, (minimum_span - (north - south)) / 2, 0)
        return cls(
            max(west - pad_x, -180.0),
            max(south - pad_y, -MAX_LATITUDE),
            min(east + pad_x, 180.0),
            min(north + pad_y, MAX_LATITUDE),
        )

    def contains(self, latitude, longitude):
        return self.south <= latitude <= self.north and self.west <= longitude <= self.east

    def as_list(self):
        return [self.west, self.south, self.east, self.north]

    def as_param(self):
        """The ``bbox`` query-string value: four numbers, comma-separated, 5 decimals (1 m)."""
        return ",".join(f"{value:.5f}".rstrip("0").rstrip(".") for value in self.as_list())


# The whole inhabited world: Antarctica alone would take a third of a Mercator map.
WORLD = BoundingBox(-180.0, -58.0, 180.0, 80.0)


def parse_bbox(value, parameter="bbox"):
    """A ``bbox`` query-string value ("west,south,east,north") as a BoundingBox; a
    MapParameterError naming ``parameter`` when it is not one."""
    parts = value.split(",")
    try:
        west, south, east, north = (float(part) for part in parts)
    except ValueError:
        raise MapParameterError(
            parameter,
            _("%(parameter)s must be four numbers: west,south,east,north (degrees).")
            % {"parameter": parameter},
        ) from None
    if not all(math.isfinite(v) for v in (west, south, east, north)):
        raise MapParameterError(
            parameter, _("%(parameter)s must be finite numbers.") % {"parameter": parameter}
        )
    if not (valid_latitude(south) and valid_latitude(north)):
        raise MapParameterError(
            parameter,
            _("%(parameter)s: latitudes must be between -90 and 90.") % {"parameter": parameter},
        )
    if not (valid_longitude(west) and valid_longitude(east)):
        raise MapParameterError(
            parameter,
            _("%(parameter)s: longitudes must be between -180 and 180.") % {"parameter": parameter},
        )
    if west > east:
        raise MapParameterError(
            parameter,
            _(
                "%(parameter)s crosses the antimeridian (west is east of east): "
                "ask for the two sides as two boxes."
            )
            % {"parameter": parameter},
        )
    if south > north:
        raise MapParameterError(
            parameter,
            _("%(parameter)s: south is north of north.") % {"parameter": parameter},
        )
    return BoundingBox(west, south, east, north)


def parse_zoom(value, parameter="zoom"):
    """A ``zoom`` query-string value: a whole number from 0 to MAX_ZOOM."""
    try:
        zoom = int(value)
    except (TypeError, ValueError):
        zoom = None
    if zoom is None or not 0 <= zoom <= MAX_ZOOM:
        raise MapParameterError(
            parameter,
            _("%(parameter)s must be a whole number from 0 to %(max)s.")
            % {"parameter": parameter, "max": MAX_ZOOM},
        )
    return zoom


def mercator(latitude, longitude):
    """(x, y) of a point on the unit Web Mercator square: x from 0 (180° W) to 1 (180° E),
    y from 0 (the north edge) to 1 (the south edge)."""
    latitude = max(-MAX_LATITUDE, min(MAX_LATITUDE, latitude))
    sine = math.sin(math.radians(latitude))
    return (
        (longitude + 180.0) / 360.0,
        0.5 - math.log((1 + sine) / (1 - sine)) / (4 * math.pi),
    )


def inverse_mercator(x, y):
    """(latitude, longitude) of a point of the unit Web Mercator square."""
    longitude = x * 360.0 - 180.0
    latitude = math.degrees(math.atan(math.sinh(math.pi * (1 - 2 * y))))
    return latitude, longitude


def zoom_for_scale(scale):
    """The Leaflet zoom level at which the world is ``scale`` pixels wide (fractional)."""
    return math.log2(scale / TILE_SIZE)


@dataclass(frozen=True)
class Viewport:
    """A BoundingBox fitted into a width × height pixel frame: the transform from the unit
    Mercator square to pixels (same scale on both axes, the box centred)."""

    width: int
    height: int
    scale: float  # pixels per unit Mercator square: the world's width in pixels
    left: float  # unit x at pixel 0
    top: float  # unit y at pixel 0

    @classmethod
    def fit(cls, bbox, width, height):
        x0, y1 = mercator(bbox.south, bbox.west)
        x1, y0 = mercator(bbox.north, bbox.east)
        span_x, span_y = max(x1 - x0, 1e-9), max(y1 - y0, 1e-9)
        scale = min(width / span_x, height / span_y)
        centre_x, centre_y = (x0 + x1) / 2, (y0 + y1) / 2
        return cls(
            width, height, scale, centre_x - width / 2 / scale, centre_y - height / 2 / scale
        )

    @property
    def zoom(self):
        return zoom_for_scale(self.scale)

    def pixel(self, latitude, longitude):
        x, y = mercator(latitude, longitude)
        return (x - self.left) * self.scale, (y - self.top) * self.scale

    def bbox(self):
        """What the frame shows, as a BoundingBox (clamped to the world)."""
        north, west = inverse_mercator(self.left, max(self.top, 0.0))
        south, east = inverse_mercator(
            self.left + self.width / self.scale, min(self.top + self.height / self.scale, 1.0)
        )
        return BoundingBox(max(west, -180.0), south, min(east, 180.0), north)

    def pixel_box(self, bbox):
        """(x0, y0, x1, y1) pixels of a BoundingBox in this frame."""
        x0, y0 = self.pixel(bbox.north, bbox.west)
        x1, y1 = self.pixel(bbox.south, bbox.east)
        return x0, y0, x1, y1
