"""Identifiers are URIs of the known authority files; anything else is refused, line by line."""

import pytest
from django.core.exceptions import ValidationError
from django.utils import translation

from authorities.identifiers import (
    IdentifiersFormField,
    identifier_key,
    identifier_links,
    validate_identifiers,
)
from authorities.models import AgentPage
from tests.factories import AgentPageFactory


@pytest.fixture(autouse=True)
def _english():
    with translation.override("en"):
        yield


GOOD = [
    "http://www.wikidata.org/entity/Q159758",
    "https://www.wikidata.org/wiki/Q159758",
    "http://vocab.getty.edu/ulan/500026846",
    "http://vocab.getty.edu/page/ulan/500026846",
    "http://viaf.org/viaf/64013650",
    "https://d-nb.info/gnd/118624180",
    "https://sws.geonames.org/3164603/",
    "https://www.geonames.org/3164603",
    "http://vocab.getty.edu/tgn/7018159",
]


@pytest.mark.parametrize("uri", GOOD)
def test_uris_of_the_known_files_are_accepted(uri):
    validate_identifiers([uri])


@pytest.mark.parametrize(
    "uri",
    [
        "https://example.org/person/1",
        "Q159758",
        "http://www.wikidata.org/entity/P31",
        "http://vocab.getty.edu/ulan/12",
        "https://d-nb.info/gnd/abc",
        "http://www.wikidata.org/entity/Q159758 ",
    ],
)
def test_other_uris_are_refused_naming_the_line(uri):
    with pytest.raises(ValidationError) as error:
        validate_identifiers(["http://viaf.org/viaf/64013650", uri])
    (message,) = error.value.messages
    assert message.startswith("Line 2:")
    assert "Wikidata, ULAN, VIAF, GND, GeoNames or TGN" in message


def test_a_uri_listed_twice_is_refused():
    with pytest.raises(ValidationError, match="listed twice"):
        validate_identifiers([GOOD[0], GOOD[0]])


def test_not_a_list_is_refused():
    with pytest.raises(ValidationError, match="list of URIs"):
        validate_identifiers("http://www.wikidata.org/entity/Q159758")


def test_the_form_field_reads_one_uri_a_line():
    field = IdentifiersFormField(required=False)
    assert field.clean(f" {GOOD[0]}\n\n{GOOD[2]}\n") == [GOOD[0], GOOD[2]]
    assert field.prepare_value([GOOD[0], GOOD[2]]) == f"{GOOD[0]}\n{GOOD[2]}"


def test_links_name_their_authority_file():
    assert identifier_links([GOOD[0], GOOD[6]]) == [("Wikidata", GOOD[0]), ("GeoNames", GOOD[6])]


def test_a_record_with_a_bad_identifier_fails_validation(turner):
    turner.identifiers = ["https://example.org/turner"]
    with pytest.raises(ValidationError) as error:
        turner.full_clean()
    assert "identifiers" in error.value.message_dict


def test_the_forms_of_one_uri_have_one_key():
    assert {identifier_key(uri) for uri in GOOD[:2]} == {"wikidata:Q159758"}
    assert {identifier_key(uri) for uri in GOOD[2:4]} == {"ulan:500026846"}
    assert {identifier_key(uri) for uri in GOOD[6:8]} == {"geonames:3164603"}
    assert identifier_key("http://viaf.org/viaf/64013650/") == identifier_key(GOOD[4])
    assert identifier_key("https://example.org/turner") is None


def test_records_are_found_by_any_form_of_their_identifiers_in_one_query(
    turner, authority_index, django_assert_num_queries
):
    # A VIAF id that is also a part of Turner's ULAN id must not find him.
    other = AgentPageFactory(
        parent=authority_index, title="Q", identifiers=["http://viaf.org/viaf/500026846"]
    )
    with django_assert_num_queries(1):
        found = AgentPage.holding(
            [
                "https://www.wikidata.org/wiki/Q159758",
                "http://vocab.getty.edu/page/ulan/500026846",
                "http://www.wikidata.org/entity/Q15975",
                "http://viaf.org/viaf/500026846/",
            ]
        )
    assert found == {
        "wikidata:Q159758": [(turner.translation_key, turner.pk, turner.title)],
        "ulan:500026846": [(turner.translation_key, turner.pk, turner.title)],
        "viaf:500026846": [(other.translation_key, other.pk, "Q")],
    }
