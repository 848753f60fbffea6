"""ListIdentifiers and ListRecords: selective harvesting and resumption tokens."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from heritage_collections.models import OaiRecord
from tests.factories import CollectionPageFactory, ItemPageFactory, add_item_image

from .conftest import NS, error_codes, identifiers, token


def _harvest(oai, verb, **params):
    """Every response of a list, following its resumption tokens."""
    responses = [oai(verb=verb, **params)]
    while (node := token(responses[-1])) is not None and node.text:
        responses.append(oai(verb=verb, resumptionToken=node.text))
    return responses


def _all_identifiers(tree):
    return {f"oai:heritagehub.local:item:{item.translation_key}" for item in tree.items}


@pytest.mark.parametrize("verb", ["ListIdentifiers", "ListRecords"])
def test_a_short_list_comes_in_one_response_without_token(oai, tree, verb):
    root = oai(verb=verb, metadataPrefix="oai_dc")
    assert set(identifiers(root)) == _all_identifiers(tree)
    assert token(root) is None


@pytest.mark.parametrize("verb", ["ListIdentifiers", "ListRecords"])
def test_resumption_through_the_whole_list(oai, tree, page_size, verb):
    page_size(2)
    responses = _harvest(oai, verb, metadataPrefix="edm")
    assert len(responses) == 2
    harvested = [identifier for root in responses for identifier in identifiers(root)]
    assert sorted(harvested) == sorted(_all_identifiers(tree))


def test_tokens_carry_cursor_and_complete_list_size(oai, tree, page_size):
    page_size(1)
    responses = _harvest(oai, "ListIdentifiers", metadataPrefix="oai_dc")
    tokens = [token(root) for root in responses]
    assert [(t.get("cursor"), t.get("completeListSize")) for t in tokens] == [
        ("0", "3"),
        ("1", "3"),
        ("2", "3"),
    ]
    assert all(t.get("expirationDate") for t in tokens[:-1])
    # The last response closes the list with an empty token.
    assert not tokens[-1].text


def test_resumed_request_echoes_only_the_token(oai, tree, page_size):
    page_size(1)
    first = oai(verb="ListRecords", metadataPrefix="oai_dc")
    value = token(first).text
    request = oai(verb="ListRecords", resumptionToken=value).find("oai:request", NS)
    assert dict(request.attrib) == {"verb": "ListRecords", "resumptionToken": value}


def test_records_are_listed_by_datestamp(oai, tree):
    OaiRecord.objects.filter(translation_key=tree.items[2].translation_key).update(
        datestamp=datetime.datetime(2001, 1, 1, tzinfo=datetime.UTC)
    )
    root = oai(verb="ListIdentifiers", metadataPrefix="oai_dc")
    assert identifiers(root)[0].endswith(str(tree.items[2].translation_key))


def _date_tree(tree):
    """The three items dated 2020-01-01 10:00:00, 2020-01-02 and 2020-01-03 (UTC)."""
    for day, item in enumerate(tree.items, start=1):
        OaiRecord.objects.filter(translation_key=item.translation_key).update(
            datestamp=datetime.datetime(2020, 1, day, 10, tzinfo=datetime.UTC)
        )


@pytest.mark.parametrize(
    "params, expected",
    [
        ({"from": "2020-01-02"}, [1, 2]),
        ({"until": "2020-01-02"}, [0, 1]),
        ({"from": "2020-01-02", "until": "2020-01-02"}, [1]),
        ({"from": "2020-01-01T10:00:00Z", "until": "2020-01-01T10:00:00Z"}, [0]),
        ({"from": "2020-01-01T10:00:01Z"}, [1, 2]),
    ],
)
def test_from_and_until_select_by_datestamp(oai, tree, params, expected):
    _date_tree(tree)
    root = oai(verb="ListIdentifiers", metadataPrefix="oai_dc", **params)
    keys = [f"oai:heritagehub.local:item:{tree.items[n].translation_key}" for n in expected]
    assert identifiers(root) == keys


def test_header_has_datestamp_and_sets(oai, tree):
    _date_tree(tree)
    root = oai(verb="ListIdentifiers", metadataPrefix="oai_dc", until="2020-01-01")
    header = root.find(".//oai:header", NS)
    assert header.findtext("oai:datestamp", namespaces=NS) == "2020-01-01T10:00:00Z"
    specs = [node.text for node in header.findall("oai:setSpec", NS)]
    assert specs == ["archivio", "archivio:fotografie"]


def test_a_partner_set_holds_all_its_collections(oai, tree):
    drawings = CollectionPageFactory(parent=tree.partner, title="Disegni", slug="disegni")
    drawing = ItemPageFactory(parent=drawings)
    partner = oai(verb="ListIdentifiers", metadataPrefix="oai_dc", set="archivio")
    collection = oai(verb="ListIdentifiers", metadataPrefix="oai_dc", set="archivio:disegni")
    assert len(identifiers(partner)) == 4
    assert identifiers(collection) == [f"oai:heritagehub.local:item:{drawing.translation_key}"]


def test_arguments_survive_resumption(oai, tree, page_size):
    drawings = CollectionPageFactory(parent=tree.partner, title="Disegni", slug="disegni")
    ItemPageFactory(parent=drawings)
    ItemPageFactory(parent=drawings)
    page_size(1)
    responses = _harvest(oai, "ListIdentifiers", metadataPrefix="oai_dc", set="archivio:disegni")
    assert len(responses) == 2
    assert token(responses[0]).get("completeListSize") == "2"


def test_a_record_changed_during_a_harvest_is_not_lost(oai, tree, page_size):
    page_size(1)
    first = oai(verb="ListIdentifiers", metadataPrefix="oai_dc")
    # Republishing moves an item to the end of the list.
    tree.items[2].save_revision().publish()
    rest = _harvest(oai, "ListIdentifiers", resumptionToken=token(first).text)
    harvested = identifiers(first) + [i for root in rest for i in identifiers(root)]
    assert set(harvested) == _all_identifiers(tree)


def test_list_records_queries_do_not_grow_with_the_page(oai, tree, page_size):
    page_size(100)
    with CaptureQueriesContext(connection) as few:
        oai(verb="ListRecords", metadataPrefix="edm")
    for _ in range(6):
        add_item_image(ItemPageFactory(parent=tree.collection))
    with CaptureQueriesContext(connection) as many:
        root = oai(verb="ListRecords", metadataPrefix="edm")
    assert len(identifiers(root)) == 9
    assert len(many) == len(few)


def test_a_list_without_records_matching_is_an_error(oai, tree):
    root = oai(verb="ListRecords", metadataPrefix="oai_dc", set="archivio:none")
    assert error_codes(root) == ["noRecordsMatch"]


def test_a_resumed_page_starts_by_a_row_comparison_on_the_index(oai, tree, page_size):
    page_size(1)
    value = token(oai(verb="ListIdentifiers", metadataPrefix="oai_dc")).text
    with CaptureQueriesContext(connection) as queries:
        oai(verb="ListIdentifiers", resumptionToken=value)
    # Not ORs, which SQLite answers by scanning the index from its start.
    assert any(
        '"datestamp", ' in q["sql"] and '"translation_key") > (' in q["sql"] for q in queries
    )
