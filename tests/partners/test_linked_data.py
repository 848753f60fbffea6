"""Partners describe themselves as schema.org organizations that a processor reads."""

from decimal import Decimal

import pytest

from heritagehub.i18n import url_in_language
from partners.models import InstitutionType
from tests.factories import HeritageImageFactory
from tests.json_ld import SCHEMA, expand, json_ld, value

pytestmark = pytest.mark.django_db


def described(client, page, language_code="it"):
    response = client.get(url_in_language(page, language_code))
    assert response.status_code == 200
    return expand(json_ld(response))[0]


def with_type(partner, slug):
    partner.institution_type = InstitutionType.objects.get(slug=slug, locale=partner.locale)
    partner.save_revision().publish()
    return partner


@pytest.fixture
def partner(tree):
    partner = tree.partner.specific
    partner.address = "Via Po 1"
    partner.region = "Piemonte"
    partner.latitude = Decimal("45.07")
    partner.longitude = Decimal("7.69")
    partner.website = "https://archivio.example.org/"
    partner.email = "info@archivio.example.org"
    partner.phone = "+39 011 000000"
    partner.logo = HeritageImageFactory()
    return with_type(partner, "archive")


def test_a_partner_is_described_with_its_contacts(client, partner):
    node = described(client, partner)

    assert node["@type"] == [SCHEMA + "ArchiveOrganization"]
    assert value(node, "name") == "Archivio Nazionale"
    assert value(node, "email") == "info@archivio.example.org"
    assert value(node, "telephone") == "+39 011 000000"
    assert value(node, "sameAs") == "https://archivio.example.org/"
    assert value(value(node, "logo"), "contentUrl").endswith(partner.logo.file.url)
    assert value(value(node, "memberOf"), "url") == "http://testserver/it/"


def test_a_partner_has_a_postal_address_and_coordinates(client, partner):
    node = described(client, partner)

    address = value(node, "address")
    assert address["@type"] == [SCHEMA + "PostalAddress"]
    assert value(address, "streetAddress") == "Via Po 1"
    assert value(address, "addressLocality") == "Torino"
    assert value(address, "addressRegion") == "Piemonte"
    assert value(address, "addressCountry") == "Italia"
    assert value(value(node, "geo"), "latitude") == pytest.approx(45.07)
    assert value(value(value(node, "location"), "geo"), "longitude") == pytest.approx(7.69)


@pytest.mark.parametrize(
    ("slug", "schema_types"),
    [
        ("museum", ["Museum", "Organization"]),
        ("library", ["Library"]),
        ("research-centre", ["ResearchOrganization"]),
        ("creative-hub", ["Organization"]),
    ],
)
def test_a_partner_type_follows_its_institution_type(client, tree, slug, schema_types):
    node = described(client, with_type(tree.partner.specific, slug))

    assert node["@type"] == [SCHEMA + name for name in schema_types]
