"""Every error code of OAI-PMH 2.0 (section 3.6), and what the request element echoes."""

import pytest
from django.core import signing

from heritage_collections.oai import tokens

from .conftest import NS, error_codes, token

UNKNOWN = "oai:heritagehub.local:item:00000000-0000-0000-0000-000000000000"


@pytest.mark.parametrize(
    "params",
    [{}, {"verb": "Harvest"}, {"verb": ["Identify", "ListSets"]}],
    ids=["missing", "illegal", "repeated"],
)
def test_bad_verb(oai, db, params):
    root = oai(**params)
    assert error_codes(root) == ["badVerb"]
    assert dict(root.find("oai:request", NS).attrib) == {}


@pytest.mark.parametrize(
    "params",
    [
        {"verb": "Identify", "set": "archivio"},
        {"verb": "ListRecords"},
        {"verb": "GetRecord", "metadataPrefix": "oai_dc"},
        {"verb": "ListRecords", "metadataPrefix": ["oai_dc", "edm"]},
        {"verb": "ListRecords", "metadataPrefix": "oai_dc", "from": "yesterday"},
        {"verb": "ListRecords", "metadataPrefix": "oai_dc", "from": "2024-01-01T10:00:00"},
        {"verb": "ListRecords", "metadataPrefix": "oai_dc", "until": "2024-01-01T10:00:00.5Z"},
        {
            "verb": "ListRecords",
            "metadataPrefix": "oai_dc",
            "from": "2024-01-01",
            "until": "2024-02-01T00:00:00Z",
        },
        {
            "verb": "ListRecords",
            "metadataPrefix": "oai_dc",
            "from": "2024-02-01",
            "until": "2024-01-01",
        },
        {"verb": "ListIdentifiers", "metadataPrefix": "oai_dc", "resumptionToken": "x"},
    ],
    ids=[
        "illegal argument",
        "missing metadataPrefix",
        "missing identifier",
        "repeated argument",
        "from not a date",
        "from without Z",
        "until finer than seconds",
        "granularities differ",
        "from after until",
        "token not exclusive",
    ],
)
def test_bad_argument(oai, tree, params):
    root = oai(**params)
    assert error_codes(root) == ["badArgument"]
    assert dict(root.find("oai:request", NS).attrib) == {}


def test_bad_argument_names_the_argument(oai, db):
    root = oai(verb="ListRecords", metadataPrefix="oai_dc", until="tomorrow")
    assert "until" in root.findtext("oai:error", namespaces=NS)


@pytest.mark.parametrize("verb", ["ListRecords", "ListIdentifiers"])
def test_cannot_disseminate_format_in_lists(oai, tree, verb):
    root = oai(verb=verb, metadataPrefix="marc21")
    assert error_codes(root) == ["cannotDisseminateFormat"]
    # Not a badArgument: the valid arguments are echoed.
    assert root.find("oai:request", NS).get("metadataPrefix") == "marc21"


def test_cannot_disseminate_format_of_a_record(oai, tree):
    identifier = f"oai:heritagehub.local:item:{tree.item.translation_key}"
    root = oai(verb="GetRecord", identifier=identifier, metadataPrefix="mods")
    assert error_codes(root) == ["cannotDisseminateFormat"]


@pytest.mark.parametrize("identifier", [UNKNOWN, "oai:elsewhere.org:item:1", "not-an-identifier"])
def test_id_does_not_exist(oai, tree, identifier):
    root = oai(verb="GetRecord", identifier=identifier, metadataPrefix="oai_dc")
    assert error_codes(root) == ["idDoesNotExist"]


@pytest.mark.parametrize(
    "params",
    [
        {"set": "nobody"},
        {"set": "archivio:nothing"},
        {"from": "2999-01-01"},
        {"until": "2000-01-01"},
    ],
)
def test_no_records_match(oai, tree, params):
    root = oai(verb="ListIdentifiers", metadataPrefix="oai_dc", **params)
    assert error_codes(root) == ["noRecordsMatch"]


def test_no_records_match_in_an_empty_repository(oai, db):
    assert error_codes(oai(verb="ListRecords", metadataPrefix="edm")) == ["noRecordsMatch"]


def _first_token(oai, page_size, verb="ListIdentifiers"):
    page_size(1)
    return token(oai(verb=verb, metadataPrefix="oai_dc")).text


def test_bad_resumption_token_when_tampered(oai, tree, page_size):
    value = _first_token(oai, page_size)
    root = oai(verb="ListIdentifiers", resumptionToken=value[:-2] + "xx")
    assert error_codes(root) == ["badResumptionToken"]


def test_bad_resumption_token_of_another_verb(oai, tree, page_size):
    value = _first_token(oai, page_size)
    assert error_codes(oai(verb="ListRecords", resumptionToken=value)) == ["badResumptionToken"]


def test_bad_resumption_token_when_expired(oai, tree, page_size, monkeypatch):
    value = _first_token(oai, page_size)
    monkeypatch.setattr(tokens, "MAX_AGE", -1)
    root = oai(verb="ListIdentifiers", resumptionToken=value)
    assert error_codes(root) == ["badResumptionToken"]
    assert "expired" in root.findtext("oai:error", namespaces=NS)


def test_bad_resumption_token_for_list_sets(oai, tree):
    assert error_codes(oai(verb="ListSets", resumptionToken="abc")) == ["badResumptionToken"]


def test_bad_resumption_token_signed_with_another_salt(oai, tree):
    forged = signing.dumps(["ListIdentifiers", {"metadataPrefix": "oai_dc"}, None, 0, 1])
    assert error_codes(oai(verb="ListIdentifiers", resumptionToken=forged)) == [
        "badResumptionToken"
    ]


def test_other_methods_are_not_allowed(client, db):
    assert client.put("/oai/?verb=Identify").status_code == 405
