"""Services and spaces: on the partner page, and in "find a service or space"."""

import re

import pytest
from django.core.exceptions import ValidationError

from partners.models import ServiceKind
from tests.partners.directory_fixtures import directory_hub

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
