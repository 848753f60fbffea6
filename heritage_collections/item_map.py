"""Items on a map: the browse results as GeoJSON and as a server-drawn map.

Both come from ``located_items``: the catalogue entries of a browse (every filter and the
text query applied), counted in one query (results, located, in the view, their extent),
then either the items themselves (at most ``MAX_FEATURES`` in the view) or, beyond that,
the grid of ``maps.geojson`` counted in SQL, so a response never holds more
than 2,000 features whatever the size of the collection. docs/maps.md.
"""

from dataclasses import dataclass, field
from urllib.parse import urlencode

from django.db.models import Count, F, Max, Min
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from maps import WORLD, BoundingBox, Marker, draw_map
from maps.geojson import (
    MAX_FEATURES,
    cluster_bbox,
    feature_collection,
    grid_clusters,
    in_view,
    point,
    within,
)
from maps.geometry import Viewport

# The frame of the browse map (pixels); the drawn map scales with the page.
MAP_WIDTH, MAP_HEIGHT = 800, 450


@dataclass
class Located:
    """Where a browse's results are: ``points`` are items or grid clusters, as dicts."""

    total: int  # results
    located: int  # results with coordinates
    in_view: int  # …inside the box asked for
    extent: BoundingBox | None  # of every located result
    clustered: bool
    points: list = field(default_factory=list)

    @property
    def unplaced(self):
        return self.total - self.located


def located_items(entries, bbox=None, zoom=None):
    """The results of ``entries`` (CatalogueEntry rows of one language) inside ``bbox``,
    as items when there are at most MAX_FEATURES of them, else as the grid of ``zoom``:
    2 queries (counts, then points; 3 when a few cells hold one item)."""
    # COUNT(*) and the coordinates only: the (language, latitude, longitude, page, place)
    # index answers it alone (an index-only scan on PostgreSQL; COUNT(id) read the table).
    counts = entries.order_by().aggregate(
        total=Count("*"),
        located=Count("latitude"),
        in_view=Count("latitude", filter=in_view(bbox)),
        south=Min("latitude"),
        north=Max("latitude"),
        west=Min("longitude"),
        east=Max("longitude"),
    )
    extent = (
        BoundingBox(counts["west"], counts["south"], counts["east"], counts["north"])
        if counts["located"]
        else None
    )
    located = Located(
        counts["total"], counts["located"], counts["in_view"], extent, clustered=False
    )
    if not located.in_view:
        return located
    if located.in_view <= MAX_FEATURES:
        rows = within(entries, bbox).order_by("sort_title", "page_id")
        located.points = [
            {"count": 1, "town": town_of(row["place"]), **row}
            for row in rows.values(
                "translation_key", "latitude", "longitude", "place", title=_title_field()
            )
        ]
        return located
    located.clustered = True
    cells = grid_clusters(
        entries,
        zoom,
        bbox,
        first=Min("page_id"),
        first_place=Min("place"),
        last_place=Max("place"),
    )
    singles = {cell["first"] for cell in cells if cell["count"] == 1}
    items = {}
    if singles:
        items = {
            row["page_id"]: row
            for row in entries.filter(page_id__in=singles).values(
                "page_id", "translation_key", title=_title_field()
            )
        }
    for cell in cells:
        item = items.get(cell["first"]) if cell["count"] == 1 else None
        place = cell["first_place"] if cell["first_place"] == cell["last_place"] else ""
        town = town_of(cell["first_place"])
        located.points.append(
            {
                "count": cell["count"],
                "latitude": cell["mean_latitude"],
                "longitude": cell["mean_longitude"],
                "place": place,
                # Places sorted between two of the same town are of that town too.
                "town": town if town == town_of(cell["last_place"]) else "",
                "bbox": cluster_bbox(cell),
                "translation_key": item["translation_key"] if item else None,
                "title": item["title"] if item else "",
            }
        )
    return located


def town_of(place):
    """The town of a place name, the part before its first comma ("Venice, Grand Canal" →
    "Venice"): what a drawn cluster lists ("40 items in this area: Venice, Rome …")."""
    return (place or "").split(",")[0].strip()


def _title_field():
    return F("page__title")


def _item_url(translation_key):
    return reverse("heritage_collections:item_permalink", args=[translation_key])


def point_label(point):
    """The accessible name of a point: the item's title, or what a cluster holds."""
    if point["count"] == 1 and point.get("title"):
        return point["title"]
    place = point["place"] or point.get("town")  # one place, else one town's places
    if place:
        return ngettext(
            "%(count)s item in %(place)s", "%(count)s items in %(place)s", point["count"]
        ) % {"count": point["count"], "place": place}
    return ngettext(
        "%(count)s item in this area", "%(count)s items in this area", point["count"]
    ) % {"count": point["count"]}


def geojson(located, bbox=None):
    """The FeatureCollection (RFC 7946) of ``located``, with its counts as foreign members:
    ``total``, ``located``, ``unplaced`` ("N of the results have no place"), ``clustered``."""
    features = []
    for point_data in located.points:
        properties = {"label": point_label(point_data), "count": point_data["count"]}
        if point_data["place"]:
            properties["place"] = point_data["place"]
        if point_data.get("translation_key"):
            properties["url"] = _item_url(point_data["translation_key"])
            properties["title"] = point_data["title"]
        if point_data.get("bbox"):
            properties["bbox"] = point_data["bbox"].as_list()
        features.append(
            point(
                point_data["longitude"],
                point_data["latitude"],
                properties,
                str(point_data["translation_key"]) if point_data.get("translation_key") else None,
            )
        )
    return feature_collection(
        features,
        bbox,
        total=located.total,
        located=located.located,
        unplaced=located.unplaced,
        clustered=located.clustered,
    )


def geojson_url(browse):
    """The GeoJSON of a browse's results: its filters and scope, without view and area."""
    pairs = list(browse.scope.items()) + [
        pair for pair in browse.state.params() if pair[0] not in ("view", "bbox", "sort")
    ]
    url = reverse("heritage_collections:items_geojson")
    return f"{url}?{urlencode(pairs)}" if pairs else url


def browse_map(browse):
    """The server-drawn map of a browse (``heritage_collections.browse.Browse``) in its map
    view: fitted to the ``bbox`` of the state, else to every located result."""
    state = browse.state
    if state.bbox is not None:
        box = state.bbox
        provisional = BoundingBox.around(
            [(box.south, box.west), (box.north, box.east)], padding=0.05, minimum_span=0.05
        )
    else:
        extent = browse.entries.order_by().aggregate(
            south=Min("latitude"),
            north=Max("latitude"),
            west=Min("longitude"),
            east=Max("longitude"),
        )
        provisional = (
            BoundingBox.around(
                [(extent["south"], extent["west"]), (extent["north"], extent["east"])],
                padding=0.1,
                minimum_span=2.0,
            )
            if extent["south"] is not None
            else WORLD
        )
    zoom = max(0, int(Viewport.fit(provisional, MAP_WIDTH, MAP_HEIGHT).zoom))
    located = located_items(browse.entries, state.bbox, zoom)

    def url_of(point_data):
        if point_data.get("translation_key"):
            return _item_url(point_data["translation_key"])
        if point_data["place"]:
            return state.url(remove="bbox", add=("place", point_data["place"])) + "#items"
        return ""

    markers = [
        Marker(
            p["latitude"],
            p["longitude"],
            point_label(p),
            url_of(p),
            count=p["count"],
            bbox=p.get("bbox"),
            name=p["town"],
        )
        for p in located.points
    ]
    drawing = draw_map(
        markers,
        title=_("Map of the items found"),
        bbox=provisional,
        width=MAP_WIDTH,
        height=MAP_HEIGHT,
        cluster_label=lambda count: (
            ngettext("%(count)s item in this area", "%(count)s items in this area", count)
            % {"count": count}
        ),
        cluster_url=lambda box: state.url(remove="bbox", add=("bbox", box.as_param())) + "#items",
        geojson_url=geojson_url(browse),
    )
    drawing.located = located
    return drawing
