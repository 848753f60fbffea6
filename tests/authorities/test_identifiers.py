"""Identifiers are URIs of the known authority files; anything else is refused, line by line."""

import pytest
from django.core.exceptions import ValidationError
from django.utils import translation

from authorities.identifiers import IdentifiersFormField, identifier_links, validate_identifiers


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
