"""A map drawn on the server as inline SVG: base map, markers, numbered clusters.

``draw_map`` is what templates get (through ``templates/includes/map.html``): it works with
no JavaScript and no network, and ``static/js/map.js`` turns it into a Leaflet map where
scripts run. Markers are SVG links with accessible names; markers that would overlap at
the drawn scale are merged into one numbered cluster.
"""

import itertools
from dataclasses import dataclass, field
from functools import lru_cache

from django.conf import settings
from django.utils.html import escape
from django.utils.safestring import mark_safe
from django.utils.translation import ngettext

from . import basemap
from .geometry import WORLD, BoundingBox, Viewport

# Markers closer than this (pixels) are drawn as one cluster.
CLUSTER_RADIUS = 22
# Shapes are clipped to the frame widened by this many pixels, so strokes do not show ends.
CLIP_MARGIN = 8
_ids = itertools.count(1)


@dataclass(frozen=True)
class Marker:
    """A point on a map. ``count`` > 1 is a cluster the caller has already made (e.g. a
    grid cell counted in SQL); ``label`` is its accessible name, ``lang`` the language of
    the label when not the page's."""

    latitude: float
    longitude: float
    label: str
    url: str = ""
    count: int = 1
    lang: str = ""
    # The extent of a caller's cluster: a click on it zooms there (``zoom_url``).
    bbox: BoundingBox | None = None
    # A short name (a place, a partner) listed in the label of a cluster it is drawn in.
    name: str = ""


@dataclass
class DrawnMarker:
    label: str
    url: str
    count: int
    x: float
    y: float
    latitude: float
    longitude: float
    lang: str = ""
    sources: list = field(default_factory=list)  # the Markers drawn here

    @property
    def is_cluster(self):
        return self.count > 1


@dataclass
class MapDrawing:
    """What ``templates/includes/map.html`` renders: the SVG and its list alternative."""

    id: str
    title: str
    svg: str
    markers: list  # of DrawnMarker, in reading order (north to south, west to east)
    bbox: BoundingBox
    zoom: float
    geojson_url: str = ""
    tile_url: str = ""
    tile_attribution: str = ""


def _cross_x(p, q, x):
    return x, p[1] + (q[1] - p[1]) * (x - p[0]) / (q[0] - p[0])


def _cross_y(p, q, y):
    return p[0] + (q[0] - p[0]) * (y - p[1]) / (q[1] - p[1]), y


def _clip(points, x0, y0, x1, y1):
    """Sutherland–Hodgman: a closed ring clipped to a rectangle, one edge at a time (the
    window is convex, so any ring clips correctly; edges along the window are outside the
    frame)."""
    edges = (
        (lambda p: p[0] >= x0, lambda p, q: _cross_x(p, q, x0)),
        (lambda p: p[0] <= x1, lambda p, q: _cross_x(p, q, x1)),
        (lambda p: p[1] >= y0, lambda p, q: _cross_y(p, q, y0)),
        (lambda p: p[1] <= y1, lambda p, q: _cross_y(p, q, y1)),
    )
    for inside, cross in edges:
        if not points:
            return points
        clipped = []
        previous = points[-1]
        previous_in = inside(previous)
        for point in points:
            point_in = inside(point)
            if point_in:
                if not previous_in:
                    clipped.append(cross(previous, point))
                clipped.append(point)
            elif previous_in:
                clipped.append(cross(previous, point))
            previous, previous_in = point, point_in
        points = clipped
    return points


def _path(commands):
    """Path data from runs of pixel points: rounded to half pixels, repeats dropped."""
    parts = []
    for points, closed in commands:
        last = None
        run = []
        for x, y in points:
            point = (round(x * 2) / 2, round(y * 2) / 2)
            if point != last:
                run.append(f"{point[0]:g} {point[1]:g}")
                last = point
        if len(run) >= (3 if closed else 2):
            parts.append("M" + "L".join(run) + ("Z" if closed else ""))
    return "".join(parts)


@lru_cache(maxsize=256)
def base_paths(viewport):
    """(land path data, border path data) of the base map in this frame. Cached: a browse
    map of the whole world, or of one country, is drawn the same for every visitor."""
    resolution = basemap.resolution_for_zoom(viewport.zoom)
    layers = basemap.layers(resolution)
    scale, left, top = viewport.scale, viewport.left, viewport.top
    margin = CLIP_MARGIN / scale
    ux0, uy0 = left - margin, top - margin
    ux1, uy1 = left + viewport.width / scale + margin, top + viewport.height / scale + margin
    px0, py0 = -CLIP_MARGIN, -CLIP_MARGIN
    px1, py1 = viewport.width + CLIP_MARGIN, viewport.height + CLIP_MARGIN

    def visible(shapes, closed):
        for shape in shapes:
            bx0, by0, bx1, by1 = shape.box
            if bx1 < ux0 or bx0 > ux1 or by1 < uy0 or by0 > uy1:
                continue
            points = [
                ((x - left) * scale, (y - top) * scale)
                for x, y in zip(shape.xs, shape.ys, strict=True)
            ]
            if bx0 >= ux0 and bx1 <= ux1 and by0 >= uy0 and by1 <= uy1:
                yield points, closed
            elif closed:
                yield _clip(points, px0, py0, px1, py1), True
            else:
                # A border line partly in view: kept whole; the SVG frame hides the rest.
                yield points, False

    return _path(visible(layers.land, True)), _path(visible(layers.borders, False))


def _cluster(drawn, cluster_label):
    """Markers closer than CLUSTER_RADIUS merged, the biggest first (a grid of cells the
    size of the radius keeps this linear)."""
    cells = {}
    clusters = []
    members = {}
    for marker in sorted(drawn, key=lambda m: -m.count):
        key = (int(marker.x // CLUSTER_RADIUS), int(marker.y // CLUSTER_RADIUS))
        near = None
        for dx in (-1, 0, 1):
            for dy in (-1, 0, 1):
                for other in cells.get((key[0] + dx, key[1] + dy), ()):
                    if (other.x - marker.x) ** 2 + (other.y - marker.y) ** 2 < CLUSTER_RADIUS**2:
                        near = other
                        break
        if near is None:
            members[id(marker)] = [marker]
            clusters.append(marker)
            cells.setdefault(key, []).append(marker)
        else:
            members[id(near)].append(marker)
    merged = []
    for cluster in clusters:
        group = members[id(cluster)]
        if len(group) == 1:
            merged.append(cluster)
            continue
        count = sum(m.count for m in group)
        x = sum(m.x * m.count for m in group) / count
        y = sum(m.y * m.count for m in group) / count
        latitude = sum(m.latitude * m.count for m in group)
        longitude = sum(m.longitude * m.count for m in group)
        merged.append(
            DrawnMarker(
                _with_names(cluster_label(count), group),
                "",
                count,
                x,
                y,
                latitude / count,
                longitude / count,
                sources=[source for m in group for source in m.sources],
            )
        )
    return merged


NAMES_IN_LABEL = 3


def _with_names(label, group):
    """ "12 items in this area: Venice, Verona, Padua …": the biggest named members first."""
    weights = {}
    for drawn in group:
        for source in drawn.sources:
            if source.name:
                weights[source.name] = weights.get(source.name, 0) + source.count
    if not weights:
        return label
    names = sorted(weights, key=lambda name: (-weights[name], name))
    listed = ", ".join(names[:NAMES_IN_LABEL]) + (" …" if len(names) > NAMES_IN_LABEL else "")
    return f"{label}: {listed}"


def _default_cluster_label(count):
    return ngettext("%(count)s place", "%(count)s places", count) % {"count": count}


def draw_map(
    markers,
    *,
    title,
    bbox=None,
    width=800,
    height=450,
    cluster_label=_default_cluster_label,
    cluster_url=None,
    geojson_url="",
    padding=0.15,
    minimum_span=2.0,
):
    """The map of ``markers`` (Marker) as a MapDrawing, fitted to ``bbox`` or, without
    one, to the markers (the inhabited world when there are none).

    ``title`` names the map for screen readers. Markers drawn closer than CLUSTER_RADIUS
    become one numbered cluster named by ``cluster_label(count)``; it links to
    ``cluster_url(BoundingBox)`` (e.g. the same page zoomed there) when given, else to the
    list alternative. ``geojson_url`` is what ``static/js/map.js`` loads to enhance it.
    """
    markers = [m for m in markers if m.latitude is not None and m.longitude is not None]
    if bbox is None:
        bbox = (
            BoundingBox.around([(m.latitude, m.longitude) for m in markers], padding, minimum_span)
            if markers
            else WORLD
        )
    viewport = Viewport.fit(bbox, width, height)
    map_id = f"map-{next(_ids)}"
    drawn = []
    for marker in markers:
        x, y = viewport.pixel(marker.latitude, marker.longitude)
        if -1 <= x <= width + 1 and -1 <= y <= height + 1:
            drawn.append(
                DrawnMarker(
                    marker.label,
                    marker.url,
                    marker.count,
                    x,
                    y,
                    marker.latitude,
                    marker.longitude,
                    marker.lang,
                    [marker],
                )
            )
    drawn = _cluster(drawn, cluster_label)
    for point in drawn:
        if point.is_cluster and not point.url:
            sources = point.sources
            if cluster_url is not None:
                lats = [m.latitude for m in sources] + [
                    v for m in sources if m.bbox for v in (m.bbox.south, m.bbox.north)
                ]
                lons = [m.longitude for m in sources] + [
                    v for m in sources if m.bbox for v in (m.bbox.west, m.bbox.east)
                ]
                point.url = cluster_url(BoundingBox(min(lons), min(lats), max(lons), max(lats)))
            else:
                point.url = f"#{map_id}-list"
    drawn.sort(key=lambda m: (round(m.y / CLUSTER_RADIUS), m.x))
    land, borders = base_paths(viewport)
    return MapDrawing(
        id=map_id,
        title=title,
        svg=_svg(map_id, title, viewport, land, borders, drawn),
        markers=drawn,
        bbox=viewport.bbox(),
        zoom=viewport.zoom,
        geojson_url=geojson_url,
        tile_url=settings.MAP_TILE_URL,
        tile_attribution=settings.MAP_TILE_ATTRIBUTION,
    )


def _svg(map_id, title, viewport, land, borders, drawn):
    out = [
        f'<svg class="map-svg" viewBox="0 0 {viewport.width} {viewport.height}" '
        f'xmlns="http://www.w3.org/2000/svg" role="group" aria-labelledby="{map_id}-title">',
        f'<title id="{map_id}-title">{escape(title)}</title>',
        '<g aria-hidden="true">',
        f'<rect class="map-sea" width="{viewport.width}" height="{viewport.height}"/>',
        f'<path class="map-land" d="{land}"/>',
        f'<path class="map-borders" d="{borders}"/>',
        "</g>",
        '<g class="map-markers">',
    ]
    for point in drawn:
        lang = f' lang="{escape(point.lang)}"' if point.lang else ""
        x, y = f"{point.x:.1f}", f"{point.y:.1f}"
        link = f'href="{escape(point.url)}" aria-label="{escape(point.label)}"{lang}'
        if point.is_cluster:
            radius = 11 + min(len(str(point.count)), 5) * 2
            out.append(
                f'<a class="map-cluster" {link}>'
                f'<circle cx="{x}" cy="{y}" r="{radius}"/>'
                f'<text x="{x}" y="{y}" dy="0.35em" aria-hidden="true">{point.count}</text></a>'
            )
        elif point.url:
            out.append(f'<a class="map-marker" {link}><circle cx="{x}" cy="{y}" r="7"/></a>')
        else:
            out.append(
                f'<g class="map-marker" role="img" aria-label="{escape(point.label)}"{lang}>'
                f'<circle cx="{x}" cy="{y}" r="7"/></g>'
            )
    out.append("</g></svg>")
    return mark_safe("".join(out))  # noqa: S308 - every value above is escaped or a number
