"""What's on on maps: the GeoJSON of a selection, the map view, and one city whatever its
spelling (events.event_map, events.cities).

Time is frozen on Wednesday 10 March 2027 at 10:00 in Rome (conftest.NOW).
"""

import json
from datetime import date, time

import pytest

from heritagehub.i18n import url_in_language
from partners.models import PartnerPage
from tests.events.conftest import NOW
from tests.events.factories import EventPageFactory, kind

pytestmark = pytest.mark.django_db
LANGUAGES = ["it", "en", "fr", "de", "es"]
TORINO = ("45.0703", "7.6869")
MILANO = ("45.4669", "9.1899")


def lon_lat(place):
    return [float(place[1]), float(place[0])]


@pytest.fixture
def placed(tree, whats_on, time_machine):
    """The partner (Torino, with coordinates) and five upcoming events: two at the partner's
    address, one at a theatre in Milano, one online, one at a venue without coordinates;
    and a past one."""
    time_machine.move_to(NOW, tick=False)
    PartnerPage.objects.filter(pk=tree.partner.pk).update(latitude=TORINO[0], longitude=TORINO[1])
    partner = PartnerPage.objects.get(pk=tree.partner.pk)
    at_the_partner = {"venue_name": "", "venue_city": ""}
    return {
        "workshop": EventPageFactory(
            parent=partner,
            title="Laboratorio del mercoledì",
            slug="laboratorio",
            kind=kind("workshop"),
            start_date=date(2027, 3, 10),
            start_time=time(18),
            end_time=time(20),
            recurrence="FREQ=WEEKLY;COUNT=4",
            is_free=True,
            languages="it, en",
            **at_the_partner,
        ),
        "exhibition": EventPageFactory(
            parent=partner,
            title="Mostra di primavera",
            slug="mostra",
            kind=kind("exhibition"),
            start_date=date(2027, 2, 15),
            end_date=date(2027, 4, 30),
            start_time=None,
            end_time=None,
            **at_the_partner,
        ),
        "performance": EventPageFactory(
            parent=whats_on,
            title="Spettacolo del sabato",
            slug="sabato",
            kind=kind("performance"),
            start_date=date(2027, 3, 13),
            start_time=time(21),
            end_time=time(23),
            venue_name="Teatro",
            venue_city="Milano",
            latitude=MILANO[0],
            longitude=MILANO[1],
            price=12,
        ),
        "screening": EventPageFactory(
            parent=whats_on,
            title="Proiezione online",
            slug="proiezione",
            kind=kind("screening"),
            start_date=date(2027, 3, 14),
            attendance_mode="online",
            online_url="https://stream.example.org/live",
            venue_name="",
            venue_city="",
            languages="en",
        ),
        "talk": EventPageFactory(
            parent=whats_on,
            title="Conferenza in sala",
            slug="conferenza",
            start_date=date(2027, 3, 20),
            venue_name="Sala grande",
            venue_city="Torino",
        ),
        "past": EventPageFactory(
            parent=partner,
            title="Incontro di febbraio",
            slug="febbraio",
            start_date=date(2027, 2, 1),
            **at_the_partner,
        ),
    }


def geojson_of(client, whats_on, query="", language="it", status=200):
    response = client.get(url_in_language(whats_on, language) + "geojson/" + query)
    assert response.status_code == status, response.content[:300]
    return response, json.loads(response.content)


def features_by_title(data):
    return {feature["properties"]["title"]: feature for feature in data["features"]}


def page_of(client, whats_on, query="", language="it"):
    response = client.get(url_in_language(whats_on, language) + query)
    assert response.status_code == 200
    return response.content.decode()


# GeoJSON ------------------------------------------------------------------------------------


def test_the_geojson_is_a_feature_collection_of_points(client, whats_on, placed):
    response, data = geojson_of(client, whats_on)
    assert response["Content-Type"] == "application/geo+json; charset=utf-8"
    assert data["type"] == "FeatureCollection"
    assert {feature["geometry"]["type"] for feature in data["features"]} == {"Point"}


def test_coordinates_are_longitude_then_latitude(client, whats_on, placed):
    _response, data = geojson_of(client, whats_on)
    feature = features_by_title(data)["Spettacolo del sabato"]
    assert feature["geometry"]["coordinates"] == lon_lat(MILANO)


def test_an_event_at_its_partners_address_is_at_the_partners_place(client, whats_on, placed):
    _response, data = geojson_of(client, whats_on)
    feature = features_by_title(data)["Mostra di primavera"]
    assert feature["geometry"]["coordinates"] == lon_lat(TORINO)


def test_one_feature_per_event_at_its_next_start_not_one_per_occurrence(client, whats_on, placed):
    _response, data = geojson_of(client, whats_on)
    titles = [feature["properties"]["title"] for feature in data["features"]]
    assert titles.count("Laboratorio del mercoledì") == 1
    workshop = features_by_title(data)["Laboratorio del mercoledì"]
    assert workshop["properties"]["next_start"] == "2027-03-10T18:00:00+01:00"
    assert workshop["id"] == str(placed["workshop"].translation_key)


def test_features_are_the_upcoming_events_with_a_place_soonest_first(client, whats_on, placed):
    _response, data = geojson_of(client, whats_on)
    assert [feature["properties"]["title"] for feature in data["features"]] == [
        "Mostra di primavera",  # on show since February
        "Laboratorio del mercoledì",
        "Spettacolo del sabato",
    ]


def test_the_properties_of_a_feature(client, whats_on, placed):
    _response, data = geojson_of(client, whats_on)
    properties = features_by_title(data)["Spettacolo del sabato"]["properties"]
    assert properties == {
        "label": "Spettacolo del sabato, 13 marzo 2027",
        "title": "Spettacolo del sabato",
        "lang": "it",
        "url": "http://testserver/it/whats-on/sabato/",
        "kind": "performance",
        "kind_label": properties["kind_label"],
        "next_start": "2027-03-13T21:00:00+01:00",
        "city": "Milano",
    }
    assert properties["kind_label"]


def test_urls_and_labels_are_in_the_visitors_language(client, whats_on, placed):
    _response, data = geojson_of(client, whats_on, language="en")
    properties = features_by_title(data)["Mostra di primavera"]["properties"]
    assert properties["url"] == "http://testserver/en/partners/archivio/mostra/"
    assert properties["label"] == "Mostra di primavera, until 30 April 2027"


@pytest.mark.parametrize(
    ("language", "label"),
    [
        ("it", "Mostra di primavera, fino al 30 aprile 2027"),
        ("en", "Mostra di primavera, until 30 April 2027"),
        ("fr", "Mostra di primavera, jusqu’au 30 avril 2027"),
        ("de", "Mostra di primavera, bis 30. April 2027"),
        ("es", "Mostra di primavera, hasta el 30 de abril de 2027"),
    ],
)
def test_the_label_of_an_ongoing_exhibition_in_five_languages(
    client, whats_on, placed, language, label
):
    _response, data = geojson_of(client, whats_on, language=language)
    assert features_by_title(data)["Mostra di primavera"]["properties"]["label"] == label


def test_the_counts_are_foreign_members(client, whats_on, placed):
    _response, data = geojson_of(client, whats_on)
    assert (data["total"], data["located"], data["unplaced"]) == (5, 3, 2)


@pytest.mark.parametrize(
    ("query", "titles", "unplaced"),
    [
        ("?kind=performance", {"Spettacolo del sabato"}, 0),
        ("?free=1", {"Laboratorio del mercoledì"}, 0),
        ("?when=weekend", {"Spettacolo del sabato", "Mostra di primavera"}, 1),
        ("?when=today", {"Laboratorio del mercoledì", "Mostra di primavera"}, 0),
        ("?from=2027-03-17&to=2027-03-21", {"Laboratorio del mercoledì", "Mostra di primavera"}, 1),
        ("?partner=archivio", {"Laboratorio del mercoledì", "Mostra di primavera"}, 0),
        ("?city=Milano", {"Spettacolo del sabato"}, 0),
        ("?online=1", set(), 1),
        ("?language=en", {"Laboratorio del mercoledì"}, 1),
    ],
)
def test_whats_ons_filters_are_honoured(client, whats_on, placed, query, titles, unplaced):
    _response, data = geojson_of(client, whats_on, query)
    assert set(features_by_title(data)) == titles
    assert data["unplaced"] == unplaced


def test_the_past_is_never_on_the_map(client, whats_on, placed):
    _response, data = geojson_of(client, whats_on, "?from=2027-01-01")
    assert "Incontro di febbraio" not in features_by_title(data)


def test_bbox_keeps_the_events_inside_it(client, whats_on, placed):
    _response, data = geojson_of(client, whats_on, "?bbox=8.5,45.2,9.5,45.8&zoom=9")
    assert set(features_by_title(data)) == {"Spettacolo del sabato"}
    assert data["bbox"] == [8.5, 45.2, 9.5, 45.8]
    assert (data["total"], data["located"], data["in_view"]) == (5, 3, 1)


@pytest.mark.parametrize(
    ("query", "parameter"),
    [
        ("?bbox=1,2,3", "bbox"),
        ("?bbox=0,0,10,200", "bbox"),
        ("?zoom=-5", "zoom"),
        ("?zoom=x", "zoom"),
        ("?kind=nope", "kind"),
        ("?from=abc", "from"),
        ("?from=2027-04-01&to=2027-03-01", "to"),
        ("?when=yesterday", "when"),
        ("?city=Atlantide", "city"),
        ("?free=yes", "free"),
    ],
)
def test_a_bad_parameter_is_a_400_naming_it(client, whats_on, placed, query, parameter):
    response, data = geojson_of(client, whats_on, query, status=400)
    assert response["Content-Type"] == "application/json"
    assert data["error"]["parameter"] == parameter
    assert data["error"]["message"]


@pytest.fixture
def many_events(tree, whats_on, time_machine):
    """30 placed events of three dates each this month."""
    time_machine.move_to(NOW, tick=False)
    for number in range(30):
        EventPageFactory(
            parent=tree.partner if number % 2 else whats_on,
            title=f"Evento {number}",
            slug=f"evento-{number}",
            start_date=date(2027, 3, 11 + number % 20),
            recurrence="FREQ=DAILY;COUNT=3",
            latitude=f"{45 + number / 100:.2f}",
            longitude=f"{7 + number / 100:.2f}",
        )


# Serving the page takes two (the site's root and the page); the map, three (the counts,
# the located events, their pages) whatever the number of events.
QUERIES = 5


def test_the_geojson_has_a_ceiling_of_queries(
    client, whats_on, many_events, django_assert_max_num_queries
):
    url = url_in_language(whats_on) + "geojson/?when=month"
    client.get(url)  # the cache holds what a running site keeps there
    with django_assert_max_num_queries(QUERIES):
        response = client.get(url)
    assert len(json.loads(response.content)["features"]) == 30


# The listing and its map view ----------------------------------------------------------------


def test_the_listing_links_its_selection_as_geojson(client, whats_on, placed):
    content = page_of(client, whats_on, "?kind=workshop&view=map")
    assert (
        '<link rel="alternate" type="application/geo+json" title="Questi eventi in GeoJSON" '
        'href="http://testserver/it/whats-on/geojson/?kind=workshop">'
    ) in content


def test_the_archive_links_no_geojson(client, whats_on, placed):
    assert "application/geo+json" not in page_of(client, whats_on, "archive/")


def test_the_map_view_draws_the_located_events(client, whats_on, placed):
    content = page_of(client, whats_on, "?view=map")
    assert 'class="map-svg"' in content
    assert 'aria-label="Spettacolo del sabato, 13 marzo 2027"' in content
    assert 'data-map-geojson="/it/whats-on/geojson/"' in content
    assert "Proiezione online" not in content  # online only: no marker
    assert "card--event" not in content  # the map replaces the list


def test_the_map_lists_every_event_on_it_even_those_drawn_as_one(client, whats_on, placed):
    content = page_of(client, whats_on, "?view=map")
    listing = content[content.index('class="map-list"') :]
    # The workshop and the exhibition are at the partner's address: one cluster.
    assert "2 eventi in quest&#x27;area" in listing
    for path, title in (
        ("/it/partners/archivio/laboratorio/", "Laboratorio del mercoledì"),
        ("/it/partners/archivio/mostra/", "Mostra di primavera"),
        ("/it/whats-on/sabato/", "Spettacolo del sabato"),
    ):
        assert f'<a href="{path}"' in listing
        assert f"<span>{title}</span>" in listing


def test_the_map_view_counts_the_events_without_a_place(client, whats_on, placed):
    content = page_of(client, whats_on, "?view=map")
    assert "5 eventi" in content
    assert "2 di questi eventi non hanno un luogo (online o non indicato)." in content


def test_the_map_view_says_so_in_five_languages(client, whats_on, placed):
    notes = {
        "it": "1 di questi eventi non ha un luogo (online o non indicato).",
        "en": "1 of these events has no place (online or not given).",
        "fr": "1 de ces événements n’a pas de lieu (en ligne ou non indiqué).",
        "de": "1 dieser Veranstaltungen hat keinen Ort (online oder nicht angegeben).",
        "es": "1 de estos eventos no tiene lugar (en línea o sin indicar).",
    }
    for language, note in notes.items():
        content = page_of(client, whats_on, "?view=map&when=weekend", language)
        assert note in content, language


def test_every_filter_keeps_the_map_view(client, whats_on, placed):
    content = page_of(client, whats_on, "?view=map&kind=workshop&free=1")
    assert '<input type="hidden" name="view" value="map">' in content
    assert 'href="?free=1&amp;view=map#events"' in content  # the chip that removes the kind
    assert 'href="?view=map#events">Togli tutti i filtri' in content
    assert 'href="?kind=workshop&amp;free=1#events" aria-current' not in content
    assert 'href="?kind=workshop&amp;free=1#events"' in content  # back to the list


def test_the_list_view_is_the_default_and_links_the_map(client, whats_on, placed):
    content = page_of(client, whats_on, "?kind=workshop")
    assert 'href="?kind=workshop&amp;view=map#events" rel="nofollow">' in content
    assert "card--event" in content
    assert 'class="map-svg"' not in content


def test_the_map_view_has_a_ceiling_of_queries(
    client, whats_on, many_events, django_assert_max_num_queries
):
    url = url_in_language(whats_on) + "?view=map"
    client.get(url)
    with django_assert_max_num_queries(QUERIES):
        response = client.get(url)
    assert response.content.decode().count('data-count="1"') == 30


# One city whatever its spelling ---------------------------------------------------------------


@pytest.fixture
def spellings(tree, whats_on, time_machine, translate):
    """Three events in Turin, typed three ways; one in Milan; the partner in Turin named
    "Turin" in English."""
    time_machine.move_to(NOW, tick=False)
    translate(tree.partner, "en", city="Turin")
    for slug, city in (
        ("uno", "Torino"),
        ("due", "torino "),
        ("tre", "Turin"),
        ("quattro", "Milano"),
    ):
        EventPageFactory(parent=whats_on, title=f"Evento {slug}", slug=slug, venue_city=city)


def city_options(content):
    start = content.index('id="whats-on-city"')
    return content[start : content.index("</select>", start)]


def test_one_city_choice_whatever_its_spelling(client, whats_on, spellings):
    options = city_options(page_of(client, whats_on))
    assert '<option value="Torino">Torino</option>' in options
    assert ">Turin<" not in options
    assert ">torino" not in options
    assert '<option value="Milano">Milano</option>' in options


def test_the_city_is_named_in_the_visitors_language(client, whats_on, spellings):
    options = city_options(page_of(client, whats_on, language="en"))
    assert '<option value="Turin">Turin</option>' in options
    assert ">Torino<" not in options


@pytest.mark.parametrize("value", ["Torino", "torino", "TURIN", "Turin"])
def test_any_name_of_a_city_selects_its_events(client, whats_on, spellings, value):
    content = page_of(client, whats_on, f"?city={value}")
    shown = {slug for slug in ("uno", "due", "tre", "quattro") if f">Evento {slug}</a>" in content}
    assert shown == {"uno", "due", "tre"}
