"""Services and spaces: on the partner page, and in "find a service or space"."""

import re
from urllib.parse import parse_qsl

import pytest
from django.core.exceptions import ValidationError

from partners.models import ServiceKind
from tests.partners.directory_fixtures import directory_hub, make_partner

pytestmark = pytest.mark.django_db


@pytest.fixture
def hub(home):
    return directory_hub(home)


def test_service_kinds_are_named_in_five_languages(db):
    names = dict(
        ServiceKind.objects.filter(slug="reading-room").values_list("locale__language_code", "name")
    )
    assert names == {
        "it": "Sala di lettura", "en": "Reading room", "fr": "Salle de lecture",
        "de": "Lesesaal", "es": "Sala de lectura",
    }  # fmt: skip


def test_partner_page_lists_its_offers_with_how_to_book(hub, client):
    html = client.get("/en/partners/museo-civico/").content.decode()
    offers = html[html.index('id="offers-heading"') :]
    assert re.search(
        r'<h3 class="offer-kind"[^>]*>Exhibition space</h3>\s*'
        r'<p class="offer-note">Sale al piano terra</p>',
        offers,
    )
    assert "120 people" in offers
    assert 'href="mailto:book@example.org"' in offers


def test_find_a_service_filters_by_kind_and_city(hub, client):
    html = client.get("/en/partners/services/?service=reading-room&city=Torino").content.decode()
    found = re.findall(
        r'<h3 class="offer-kind">([^<]+)</h3>\s*<p class="offer-partner"><a [^>]+>([^<]+)</a>', html
    )
    assert found == [("Reading room", "Archivio di Stato")]


def test_find_a_service_lists_every_offer_of_a_country_by_kind(hub, client):
    html = client.get("/it/partners/services/?country=IT").content.decode()
    kinds = re.findall(r'<h3 class="offer-kind">([^<]+)</h3>', html)
    assert kinds == sorted(kinds, key=str.casefold) and len(kinds) == 6
    assert "Residenze d&#x27;artista" not in html  # Tabakalera is in Spain


FACET_LINK = (
    r'<a href="(\?[^"]*)#offers"([^>]*)>\s*<span class="facet-label"[^>]*>([^<]*)</span>\s*'
    r'<span class="facet-count">(\d+)</span>'
)


def offer_facets(html):
    """(url, label, count, chosen) of every facet value of "find a service or space"."""
    return [
        (url.replace("&amp;", "&"), label.strip(), int(count), "aria-current" in attributes)
        for url, attributes, label, count in re.findall(FACET_LINK, html)
    ]


def listed_offers(html):
    return len(re.findall(r'<li class="offer">', html))


@pytest.fixture
def two_reading_rooms(hub):
    """A library in Torino with two reading rooms: one partner, two offers of one kind."""
    rooms = [("reading-room", "Sala A", 10), ("reading-room", "Sala B", 8)]
    return make_partner(
        hub[0], "Biblioteca Civica", type="library", city="Torino", country="IT", offers=rooms
    )


def test_find_a_service_counts_offers_not_partners(two_reading_rooms, client):
    html = client.get("/en/partners/services/").content.decode()
    counts = {label: count for _url, label, count, _chosen in offer_facets(html)}
    # Three partners have reading rooms, four reading rooms are listed.
    assert counts["Reading room"] == 4
    # Italy's four partners offer eight services and spaces; Torino's three, six.
    assert counts["Italy"] == 8 and counts["Torino"] == 6 and counts["Spain"] == 1


def test_find_a_service_counts_offers_of_the_chosen_kinds_by_place(two_reading_rooms, client):
    html = client.get("/en/partners/services/?service=reading-room").content.decode()
    counts = {label: count for _url, label, count, _chosen in offer_facets(html)}
    assert counts["Torino"] == 3 and counts["Genova"] == 1 and counts["Italy"] == 4
    assert "Spain" not in counts  # Tabakalera has no reading room


@pytest.mark.parametrize("query", ["", "?service=reading-room", "?city=Torino", "?q=sala"])
def test_every_facet_count_is_the_number_of_offers_its_link_adds(two_reading_rooms, client, query):
    html = client.get("/en/partners/services/" + query).content.decode()
    shown = listed_offers(html)
    chosen_params = {param for param, _value in parse_qsl(query.lstrip("?"))}
    facets = offer_facets(html)
    assert facets
    for url, label, count, chosen in facets:
        if chosen:
            continue  # its link removes it
        added = set(parse_qsl(url.lstrip("?"))) - set(parse_qsl(query.lstrip("?")))
        (param, _value) = added.pop()
        linked = client.get("/en/partners/services/" + url).content.decode()
        # Values of one facet combine with OR: another city adds its offers to those shown.
        expected = shown + count if param in chosen_params else count
        assert listed_offers(linked) == expected, (query, label)


def test_find_a_service_reports_an_unknown_kind(hub, client):
    response = client.get("/en/partners/services/?service=teleporter")
    assert response.status_code == 200
    assert "teleporter" in response.content.decode()


def test_find_a_service_is_linked_from_the_directory(hub, client):
    assert 'href="/en/partners/services/"' in client.get("/en/partners/").content.decode()


@pytest.mark.parametrize(
    ("field", "value"), [("latitude", 200), ("latitude", -90.5), ("longitude", 180.01)]
)
def test_coordinates_out_of_range_are_refused_naming_the_field(hub, field, value):
    partner = hub[1]["museo"]
    setattr(partner, field, value)
    with pytest.raises(ValidationError) as error:
        partner.full_clean()
    assert set(error.value.message_dict) == {field}


def test_unknown_language_codes_are_refused(hub):
    partner = hub[1]["museo"]
    partner.languages = ["it", "klingon"]
    with pytest.raises(ValidationError) as error:
        partner.full_clean()
    assert "languages" in error.value.message_dict
