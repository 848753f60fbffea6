"""The shared map core (maps): projection, parameters, the server-drawn map."""

import json
import re
import xml.etree.ElementTree as ET

import pytest
from django.template.loader import render_to_string
from django.utils import translation

from maps import (
    WORLD,
    BoundingBox,
    MapParameterError,
    Marker,
    basemap,
    draw_map,
    parse_bbox,
    parse_zoom,
)
from maps.geometry import Viewport, inverse_mercator, mercator

SVG = "{http://www.w3.org/2000/svg}"
GENOA = (44.4056, 8.9463)
TURIN = (45.0703, 7.6869)
LISBON = (38.7223, -9.1393)


def test_mercator_round_trips():
    for latitude, longitude in [GENOA, LISBON, (-33.9, 151.2), (0, 0)]:
        back = inverse_mercator(*mercator(latitude, longitude))
        assert back == pytest.approx((latitude, longitude), abs=1e-9)


def test_viewport_keeps_the_box_in_the_frame():
    box = BoundingBox(6.0, 36.0, 19.0, 47.5)
    viewport = Viewport.fit(box, 800, 450)
    for latitude, longitude in [(36.0, 6.0), (47.5, 19.0), GENOA]:
        x, y = viewport.pixel(latitude, longitude)
        assert -0.01 <= x <= 800.01 and -0.01 <= y <= 450.01
    shown = viewport.bbox()
    assert shown.west <= 6.0 and shown.east >= 19.0 and shown.south <= 36.0


@pytest.mark.parametrize(
    ("value", "words"),
    [
        ("1,2,3", "four numbers"),
        ("0,200,10,210", "latitudes"),
        ("0,10,190,20", "longitudes"),
        ("170,10,-170,20", "antimeridian"),
        ("0,20,10,10", "south"),
        ("nan,1,2,3", "finite"),
    ],
)
def test_a_bad_bbox_is_named_and_explained(value, words):
    with translation.override("en"), pytest.raises(MapParameterError) as error:
        parse_bbox(value)
    assert error.value.parameter == "bbox"
    assert words in error.value.message


@pytest.mark.parametrize("value", ["-5", "21", "1.5", "x", ""])
def test_a_bad_zoom_is_refused(value):
    with pytest.raises(MapParameterError) as error:
        parse_zoom(value)
    assert error.value.parameter == "zoom"


def test_a_good_bbox_round_trips_through_its_parameter():
    box = parse_bbox("6.5,36,19.25,47.5")
    assert parse_bbox(box.as_param()) == box


def test_the_base_map_has_land_and_borders_from_natural_earth():
    layers = basemap.layers("110m")
    assert len(layers.land) > 100
    assert len(layers.borders) > 100
    for shape in layers.land + layers.borders:
        assert min(shape.xs) >= 0 and max(shape.xs) <= 1


def _svg(drawing):
    return ET.fromstring(str(drawing.svg))


def test_markers_are_links_with_names():
    drawing = draw_map(
        [Marker(*GENOA, "Palazzo Ducale", "/en/p/"), Marker(*LISBON, "Torre", "/en/t/")],
        title="Partners",
    )
    links = _svg(drawing).findall(f".//{SVG}a")
    assert {(a.get("href"), a.get("aria-label")) for a in links} == {
        ("/en/p/", "Palazzo Ducale"),
        ("/en/t/", "Torre"),
    }
    assert _svg(drawing).find(f"{SVG}title").text == "Partners"


def test_markers_that_overlap_become_a_numbered_cluster():
    drawing = draw_map(
        [Marker(*GENOA, "A", "/a/"), Marker(*TURIN, "B", "/b/", count=4)],
        title="Items",
        bbox=WORLD,
        cluster_url=lambda box: f"?bbox={box.as_param()}",
    )
    (cluster,) = drawing.markers
    assert cluster.count == 5 and cluster.is_cluster
    box = parse_bbox(cluster.url.removeprefix("?bbox="))
    assert box.contains(*GENOA) and box.contains(*TURIN)
    texts = [t.text for t in _svg(drawing).iter(f"{SVG}text")]
    assert texts == ["5"]


def test_a_cluster_without_a_zoom_url_leads_to_the_list():
    drawing = draw_map(
        [Marker(*GENOA, "A", "/a/"), Marker(*TURIN, "B", "/b/")], title="Items", bbox=WORLD
    )
    assert drawing.markers[0].url == f"#{drawing.id}-list"


def test_a_map_fits_its_markers_and_clips_the_base_map_to_them():
    near = draw_map([Marker(*GENOA, "A", "/a/"), Marker(*TURIN, "B", "/b/")], title="T")
    world = draw_map([], title="T")
    assert near.bbox.contains(*GENOA) and near.bbox.contains(*TURIN)
    assert not near.bbox.contains(*LISBON)
    assert near.zoom > world.zoom + 3
    # Clipped: every coordinate of the land path stays near the frame.
    numbers = [
        float(n) for n in re.findall(r"-?\d+(?:\.\d+)?", _svg(near).find(f".//{SVG}path").get("d"))
    ]
    assert numbers and min(numbers) >= -10 and max(numbers) <= 810


def test_labels_are_escaped():
    drawing = draw_map([Marker(*GENOA, '<b>"x"</b>', "/a/?x=1&y=2")], title="<T>")
    assert "<b>" not in str(drawing.svg)
    assert _svg(drawing).find(f".//{SVG}a").get("aria-label") == '<b>"x"</b>'


def test_the_include_renders_the_map_and_its_list_alternative():
    drawing = draw_map([Marker(*GENOA, "Palazzo Ducale", "/en/p/", lang="it")], title="T")
    html = render_to_string("includes/map.html", {"map": drawing})
    assert f'id="{drawing.id}-list"' in html
    assert '<a href="/en/p/" lang="it" data-latitude="44.405600"' in html
    assert "Natural Earth" in html


def test_the_vendored_files_and_their_licences_are_there():
    from django.conf import settings

    vendor = settings.BASE_DIR / "static" / "vendor"
    for path in [
        "leaflet/leaflet.js",
        "leaflet/LICENSE",
        "leaflet.markercluster/leaflet.markercluster.js",
        "leaflet.markercluster/MIT-LICENCE.txt",
        "topojson-client/topojson-client.min.js",
        "topojson-client/LICENSE",
        "world-atlas/LICENSE",
    ]:
        assert (vendor / path).stat().st_size > 0, path
    assert (
        json.loads((vendor / "world-atlas/countries-110m.json").read_text())["type"] == "Topology"
    )


def test_a_cluster_is_named_by_its_biggest_places():
    drawing = draw_map(
        [
            Marker(*GENOA, "A", "/a/", name="Genova"),
            Marker(*GENOA, "B", "/b/", count=3, name="Nervi"),
            Marker(*TURIN, "C", "/c/", name="Torino"),
        ],
        title="Items",
        bbox=WORLD,
        cluster_label=lambda count: f"{count} items",
    )
    assert drawing.markers[0].label == "5 items: Nervi, Genova, Torino"
