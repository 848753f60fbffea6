"""Items on maps: catalogue coordinates, the GeoJSON of browse, the browse map view, the
item page's place."""

import json
import xml.etree.ElementTree as ET
from decimal import Decimal

import pytest
from django.db.models import Min

from heritage_collections import item_map
from heritage_collections.catalogue import located
from heritage_collections.models import CatalogueEntry, ObjectType
from maps import BoundingBox
from maps.geojson import grid_clusters
from tests.factories import CollectionPageFactory, ItemPageFactory, PartnerPageFactory

pytestmark = pytest.mark.django_db

GEOJSON = "/it/items.geojson"
PLACES = {
    "Genova": (44.4056, 8.9463),
    "Torino": (45.0703, 7.6869),
    "Venezia": (45.4408, 12.3155),
}


@pytest.fixture
def placed(tree):
    """Beside the tree's three photographs (no coordinates): a museum's paintings and
    prints in Genoa, Turin and Venice."""
    museum = PartnerPageFactory(parent=tree.partner_index, title="Museo Civico", slug="museo")
    paintings = CollectionPageFactory(parent=museum, title="Dipinti", slug="dipinti")
    specs = [
        ("Porto di Genova", "painting", "Genova"),
        ("Lanterna", "print", "Genova"),
        ("Mole", "painting", "Torino"),
        ("Canal Grande", "painting", "Venezia"),
    ]
    tree.placed = {}
    for title, type_slug, place in specs:
        latitude, longitude = PLACES[place]
        tree.placed[title] = ItemPageFactory(
            parent=paintings,
            title=title,
            object_type=ObjectType.objects.get(slug=type_slug, locale__language_code="it"),
            place_name=place,
            latitude=Decimal(str(latitude)),
            longitude=Decimal(str(longitude)),
        )
    tree.paintings = paintings
    return tree


def geojson(client, query=""):
    response = client.get(GEOJSON + query)
    assert response.status_code == 200, response.content
    assert response["Content-Type"] == "application/geo+json; charset=utf-8"
    return json.loads(response.content)


# Catalogue entries ------------------------------------------------------------------------


def test_entries_carry_the_item_coordinates(placed):
    entry = CatalogueEntry.objects.get(page=placed.placed["Mole"], language_code="en")
    assert (entry.latitude, entry.longitude) == pytest.approx(PLACES["Torino"])


def test_an_item_without_coordinates_has_none(tree):
    entry = CatalogueEntry.objects.get(page=tree.items[0], language_code="it")
    assert entry.latitude is None and entry.longitude is None


@pytest.mark.parametrize(
    ("latitude", "longitude", "expected"),
    [(45, 7, (45.0, 7.0)), (None, 7, (None, None)), (95, 7, (None, None)), (45, 190, (None, None))],
)
def test_only_coordinates_on_the_globe_are_kept(latitude, longitude, expected):
    assert located(latitude, longitude) == expected


# GeoJSON ----------------------------------------------------------------------------------


def test_the_geojson_is_a_feature_collection_in_longitude_latitude_order(client, placed):
    data = geojson(client)
    assert data["type"] == "FeatureCollection"
    by_title = {f["properties"]["title"]: f for f in data["features"]}
    assert set(by_title) == {"Porto di Genova", "Lanterna", "Mole", "Canal Grande"}
    mole = by_title["Mole"]
    assert mole["type"] == "Feature"
    assert mole["geometry"] == {"type": "Point", "coordinates": [7.6869, 45.0703]}
    assert mole["id"] == str(placed.placed["Mole"].translation_key)
    assert mole["properties"]["url"] == f"/it/items/{placed.placed['Mole'].translation_key}/"
    assert mole["properties"]["place"] == "Torino"


def test_the_geojson_counts_the_results_without_a_place(client, placed):
    data = geojson(client)
    assert (data["total"], data["located"], data["unplaced"]) == (7, 4, 3)
    assert data["clustered"] is False


@pytest.mark.parametrize(
    ("query", "titles"),
    [
        ("?type=print", {"Lanterna"}),
        ("?place=Genova", {"Porto di Genova", "Lanterna"}),
        ("?q=Mole", {"Mole"}),
        ("?collection=museo/dipinti&type=painting", {"Porto di Genova", "Mole", "Canal Grande"}),
        ("?bbox=7,44,10,45.2", {"Porto di Genova", "Lanterna", "Mole"}),
    ],
)
def test_the_geojson_honours_the_browse_filters_and_the_box(client, placed, query, titles):
    assert {f["properties"]["title"] for f in geojson(client, query)["features"]} == titles


def test_the_box_does_not_change_the_counts_of_results(client, placed):
    data = geojson(client, "?bbox=7,44,10,45.2")
    assert (data["total"], data["located"], data["unplaced"]) == (7, 4, 3)
    assert data["bbox"] == [7, 44, 10, 45.2]


@pytest.mark.parametrize(
    ("query", "parameter"),
    [
        ("?bbox=0,200,10,210", "bbox"),
        ("?bbox=170,10,-170,20", "bbox"),
        ("?bbox=1,2,3", "bbox"),
        ("?zoom=-5", "zoom"),
        ("?zoom=banana", "zoom"),
    ],
)
def test_a_bad_map_parameter_is_a_400_naming_it(client, placed, query, parameter):
    response = client.get(GEOJSON + query)
    assert response.status_code == 400
    error = json.loads(response.content)["error"]
    assert error["parameter"] == parameter
    assert parameter in error["message"]


@pytest.mark.parametrize(
    ("query", "parameter"),
    [("?from=abc", "from"), ("?to=99999", "to"), ("?century=x", "century")],
)
def test_a_bad_browse_filter_is_a_400_naming_it(client, placed, query, parameter):
    response = client.get(GEOJSON + query)
    assert response.status_code == 400
    error = json.loads(response.content)["error"]
    assert error["parameter"] == parameter
    assert query.split("=")[1] in error["message"]


def test_beyond_the_feature_limit_the_points_are_clustered_on_a_grid(client, placed, monkeypatch):
    monkeypatch.setattr(item_map, "MAX_FEATURES", 2)
    data = geojson(client, "?zoom=5")
    assert data["clustered"] is True
    assert sum(f["properties"]["count"] for f in data["features"]) == 4
    genova = next(f for f in data["features"] if f["properties"].get("place") == "Genova")
    assert genova["properties"]["count"] == 2
    assert genova["properties"]["label"] == "2 oggetti a Genova"
    west, south, east, north = genova["properties"]["bbox"]
    assert west <= PLACES["Genova"][1] <= east and south <= PLACES["Genova"][0] <= north


def test_a_cluster_of_one_is_the_item(client, placed, monkeypatch):
    monkeypatch.setattr(item_map, "MAX_FEATURES", 2)
    data = geojson(client, "?zoom=5")
    venezia = next(f for f in data["features"] if f["properties"].get("place") == "Venezia")
    assert venezia["properties"]["title"] == "Canal Grande"
    assert venezia["properties"]["url"].startswith("/it/items/")


def test_the_grid_groups_rows_in_sql(placed):
    entries = CatalogueEntry.objects.filter(language_code="it")
    # The world at zoom 0: 45° cells, the 45th parallel between Genoa and Turin.
    world = grid_clusters(entries, zoom=0)
    assert sorted(row["count"] for row in world) == [2, 2]
    italy = BoundingBox(6, 43, 14, 47)
    close = grid_clusters(entries, zoom=8, bbox=italy, first=Min("page_id"))
    assert sorted(row["count"] for row in close) == [1, 1, 2]
    genova = next(row for row in close if row["count"] == 2)
    assert (genova["mean_latitude"], genova["mean_longitude"]) == pytest.approx(PLACES["Genova"])
    box = BoundingBox(8, 44, 10, 45)
    assert [row["count"] for row in grid_clusters(entries, zoom=8, bbox=box)] == [2]


def test_the_geojson_takes_a_constant_number_of_queries(
    client, placed, django_assert_max_num_queries
):
    with django_assert_max_num_queries(4):
        geojson(client, "?type=painting")
    with django_assert_max_num_queries(5):
        client.get(GEOJSON + "?zoom=3")


# The browse map view ----------------------------------------------------------------------


def test_the_list_is_the_default_view(client, placed):
    response = client.get("/it/collections/")
    assert "items_map" not in response.context
    assert b'class="map-svg"' not in response.content
    assert b'type="application/geo+json"' in response.content


def test_the_map_view_draws_the_results_with_a_list_alternative(client, placed):
    response = client.get("/it/collections/?view=map")
    drawing = response.context["items_map"]
    labels = {marker.label for marker in drawing.markers}
    assert labels == {"Porto di Genova", "Lanterna", "Mole", "Canal Grande"} or any(
        marker.is_cluster for marker in drawing.markers
    )
    html = response.content.decode()
    assert f'id="{drawing.id}-list"' in html
    assert "3 dei risultati non hanno un luogo" in html
    assert 'aria-current="true">Mappa</a>' in html
    svg = ET.fromstring(str(drawing.svg))
    assert svg.findall(".//{http://www.w3.org/2000/svg}a")


def add_item(tree, title, place, latitude, longitude):
    return ItemPageFactory(
        parent=tree.paintings,
        title=title,
        place_name=place,
        latitude=Decimal(str(latitude)),
        longitude=Decimal(str(longitude)),
    )


def test_a_drawn_group_names_the_towns_of_its_items(client, placed):
    add_item(placed, "Piazza", "Venezia, San Marco", 45.4341, 12.3388)
    add_item(placed, "Rialto", "Venezia, Rialto", 45.4380, 12.3359)
    add_item(placed, "Burano", "Burano", 45.4853, 12.4167)
    html = client.get("/it/collections/?view=map").content.decode()
    # The places of Venice are one town: "Venezia" listed once, first (three items).
    assert "4 oggetti in quest&#x27;area: Venezia, Burano</a>" in html


def test_a_grid_cell_of_one_town_is_named_by_it(client, placed, monkeypatch):
    monkeypatch.setattr(item_map, "MAX_FEATURES", 1)
    add_item(placed, "Piazza", "Venezia, San Marco", 45.4341, 12.3388)
    response = client.get("/it/collections/?view=map&bbox=12,45,13,46")
    assert response.context["items_map"].located.clustered
    (venezia,) = response.context["items_map"].markers
    assert venezia.label == "2 oggetti a Venezia"


def test_the_map_view_keeps_the_filters(client, placed):
    response = client.get("/it/collections/?view=map&type=print")
    (marker,) = response.context["items_map"].markers
    assert marker.label == "Lanterna"
    facet_links = [v.url for g in response.context["browse"].facets for v in g.values]
    assert all("view=map" in url for url in facet_links)


def test_a_bad_box_in_the_map_view_is_reported_not_an_error(client, placed):
    response = client.get("/it/collections/?view=map&bbox=0,200,1,201")
    assert response.status_code == 200
    assert response.context["browse"].state.problems


def test_the_map_view_of_a_collection_is_scoped(client, placed):
    response = client.get(placed.paintings.url + "?view=map")
    assert len(response.context["items_map"].markers) >= 1
    assert "collection=museo%2Fdipinti" in response.context["items_map"].geojson_url


def test_the_map_view_takes_few_queries(client, placed, django_assert_max_num_queries):
    client.get("/it/collections/?view=map")  # warm caches of the site chrome
    with django_assert_max_num_queries(15):
        client.get("/it/collections/?view=map&type=painting")


# The item page ----------------------------------------------------------------------------


def test_an_item_page_shows_its_place_on_a_map(client, placed):
    item = placed.placed["Mole"]
    response = client.get(item.url)
    html = response.content.decode()
    assert 'class="map-svg"' in html
    place_url = "/it/collections/?place=Torino&amp;view=map#items"
    assert f'<a href="{place_url}">Torino</a>' in html
    assert f'<a class="map-marker" href="{place_url}" aria-label="Torino">' in html


def test_an_item_page_without_coordinates_has_no_map(client, tree):
    assert b'class="map-svg"' not in client.get(tree.items[0].url).content
