"""The directory's CSV and GeoJSON exports: the current selection, parsed as real clients do."""

import csv
import io
import json

import pytest

from tests.partners.directory_fixtures import directory_hub

pytestmark = pytest.mark.django_db


@pytest.fixture
def hub(home):
    return directory_hub(home)


def test_csv_export_holds_the_selection(hub, client):
    response = client.get("/fr/partners/export/csv/?country=IT&sort=city")
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert 'filename="partners.csv"' in response["Content-Disposition"]
    rows = list(csv.DictReader(io.StringIO(response.content.decode())))
    assert [row["name"] for row in rows] == [
        "Museo Civico",
        "Archivio di Stato",
        "Officina Digitale",
    ]
    museum = rows[0]
    assert museum["country_code"] == "IT" and museum["country"] == "Italie"
    assert museum["institution_type_label"] == "Musée"
    assert museum["services"] == "Espace d'exposition; Salle de lecture"
    assert museum["latitude"] == "44.400000" and museum["longitude"] == "8.930000"
    assert museum["url"] == "http://testserver/fr/partners/museo-civico/"


def test_csv_cells_cannot_run_as_spreadsheet_formulas(home, client):
    index, _ = directory_hub(home)
    from tests.partners.directory_fixtures import make_partner

    make_partner(index, "=HYPERLINK(1)", slug="formula", city="-1+2", longitude=-3.5, latitude=1)
    rows = list(
        csv.DictReader(io.StringIO(client.get("/en/partners/export/csv/").content.decode()))
    )
    row = next(row for row in rows if "HYPERLINK" in row["name"])
    assert row["name"] == "'=HYPERLINK(1)" and row["city"] == "'-1+2"
    assert row["longitude"] == "-3.500000"  # numbers stay numbers


def test_geojson_export_is_rfc7946_with_longitude_first(hub, client):
    response = client.get("/en/partners/export/geojson/?type=creative-hub")
    assert response["Content-Type"].startswith("application/geo+json")
    data = json.loads(response.content)
    assert data["type"] == "FeatureCollection"
    by_name = {f["properties"]["label"]: f for f in data["features"]}
    assert set(by_name) == {"Officina Digitale", "Tabakalera"}
    tabakalera = by_name["Tabakalera"]
    assert tabakalera["geometry"] == {"type": "Point", "coordinates": [-1.9768, 43.3171]}
    assert tabakalera["properties"]["services"] == ["residency-studio"]
    assert tabakalera["properties"]["url"] == "http://testserver/en/partners/tabakalera/"
    assert data["without_coordinates"] == 0 and data["total"] == 2


def test_geojson_counts_partners_without_coordinates(hub, client):
    data = json.loads(client.get("/en/partners/export/geojson/?role=affiliate").content)
    assert [f["properties"]["label"] for f in data["features"]] == ["Tabakalera"]
    assert data["without_coordinates"] == 1


def test_geojson_bbox_narrows_the_features(hub, client):
    data = json.loads(client.get("/en/partners/export/geojson/?bbox=7,44,9,46&zoom=6").content)
    names = sorted(f["properties"]["label"] for f in data["features"])
    assert names == ["Archivio di Stato", "Museo Civico", "Officina Digitale"]
    assert data["bbox"] == [7, 44, 9, 46]


@pytest.mark.parametrize(
    ("query", "parameter"),
    [
        ("bbox=170,10,-170,20", "bbox"),  # wraps across the antimeridian
        ("bbox=0,200,10,210", "bbox"),  # a latitude of 200
        ("bbox=nonsense", "bbox"),
        ("zoom=-5", "zoom"),
        ("zoom=abc", "zoom"),
        ("type=spaceship", "type"),
        ("service=teleporter", "service"),
    ],
)
def test_geojson_bad_parameters_are_a_400_naming_them(hub, client, query, parameter):
    response = client.get(f"/en/partners/export/geojson/?{query}")
    assert response.status_code == 400
    assert json.loads(response.content)["error"]["parameter"] == parameter


def test_csv_bad_facet_value_is_a_400_naming_it(hub, client):
    response = client.get("/en/partners/export/csv/?country=Atlantis")
    assert response.status_code == 400
    assert "Atlantis" in response.content.decode()
