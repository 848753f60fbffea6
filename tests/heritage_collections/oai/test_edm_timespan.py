"""The EDM record's edm:TimeSpan for the item's years, linked from the ProvidedCHO's
dcterms:created, and what a harvester sees of it."""

import pytest
from sickle import Sickle

from heritagehub.linked_data import iso_year

from .conftest import NS, XML_LANG, edm_record

NS = {**NS, "skos": "http://www.w3.org/2004/02/skos/core#"}
RDF_RESOURCE = f"{{{NS['rdf']}}}resource"
RDF_ABOUT = f"{{{NS['rdf']}}}about"
NINETEENTH = "http://data.europeana.eu/timespan/19"
ITEM_URL = "http://testserver/it/partners/archivio/fotografie/fotografia-1/"


def _dated(item, start, end):
    item.date_start, item.date_end = start, end
    item.save_revision().publish()
    return item


def _span(oai, item):
    """(the TimeSpan element, what dcterms:created links to) of the item's record."""
    edm = edm_record(oai, item)
    created = edm.find("edm:ProvidedCHO/dcterms:created", NS)
    return edm.find("edm:TimeSpan", NS), created.get(RDF_RESOURCE) if created is not None else None


def _facts(span):
    return {
        "about": span.get(RDF_ABOUT),
        "labels": {(node.get(XML_LANG), node.text) for node in span.iterfind("skos:prefLabel", NS)},
        "part_of": [node.get(RDF_RESOURCE) for node in span.iterfind("dcterms:isPartOf", NS)],
        "begin": span.findtext("edm:begin", namespaces=NS),
        "end": span.findtext("edm:end", namespaces=NS),
    }


def test_a_single_year_is_a_span_of_that_year_within_its_century(oai, tree):
    span, created = _span(oai, _dated(tree.item, 1885, None))
    assert _facts(span) == {
        "about": f"{ITEM_URL}#timespan",
        "labels": {("it", "1885")},
        "part_of": [NINETEENTH],
        "begin": "1885",
        "end": "1885",
    }
    assert created == span.get(RDF_ABOUT)


def test_a_range_within_a_century_is_labelled_in_each_language_of_the_record(oai, tree, translate):
    for page in (tree.home, tree.partner_index, tree.partner, tree.collection, tree.item):
        translate(page, "en")
    span, created = _span(oai, tree.item)  # the factory's 1885–1895
    facts = _facts(span)
    assert facts["labels"] == {("it", "1885–1895"), ("en", "1885–1895")}
    assert (facts["begin"], facts["end"], facts["part_of"]) == ("1885", "1895", [NINETEENTH])
    assert created == f"{ITEM_URL}#timespan"


def test_the_literal_years_stay_beside_the_link(oai, tree):
    cho = edm_record(oai, tree.item).find("edm:ProvidedCHO", NS)
    assert cho.findtext("dcterms:temporal", namespaces=NS) == "1885/1895"


def test_a_whole_century_is_europeanas_entity_for_it(oai, tree):
    span, created = _span(oai, _dated(tree.item, 1801, 1900))
    assert _facts(span) == {
        "about": NINETEENTH,
        "labels": {("it", "XIX secolo")},
        "part_of": [],
        "begin": "1801",
        "end": "1900",
    }
    assert created == NINETEENTH


def test_a_range_across_centuries_is_part_of_neither(oai, tree):
    span, created = _span(oai, _dated(tree.item, 1795, 1805))
    facts = _facts(span)
    assert (facts["about"], facts["part_of"]) == (f"{ITEM_URL}#timespan", [])
    assert (facts["begin"], facts["end"]) == ("1795", "1805")
    assert created == facts["about"]


def test_years_bce_are_iso_years_counting_a_year_zero(oai, tree):
    span, _created = _span(oai, _dated(tree.item, -500, -1))
    facts = _facts(span)
    assert (facts["begin"], facts["end"]) == ("-0499", "0000")
    assert facts["labels"] == {("it", "500 a.C.–1 a.C.")}
    assert facts["part_of"] == []  # Europeana has no entity for a century BCE


@pytest.mark.parametrize(
    ("year", "iso"), [(1, "0001"), (-1, "0000"), (-2, "-0001"), (1885, "1885")]
)
def test_iso_years(year, iso):
    assert iso_year(year) == iso


def test_an_item_without_years_has_no_time_span(oai, tree):
    edm = edm_record(oai, _dated(tree.item, None, None))
    assert edm.find("edm:TimeSpan", NS) is None
    assert edm.find("edm:ProvidedCHO/dcterms:created", NS) is None


def test_the_time_span_keeps_the_order_ofedm_record(oai, tree):
    edm = edm_record(oai, tree.item)
    tags = [node.tag.split("}")[1] for node in edm]
    assert tags.index("ProvidedCHO") < tags.index("TimeSpan") < tags.index("Aggregation")
    span = [node.tag.split("}")[1] for node in edm.find("edm:TimeSpan", NS)]
    assert span == ["prefLabel", "isPartOf", "begin", "end"]


def test_a_harvester_reads_the_time_spans(oai_server, tree, page_size):
    page_size(2)
    _dated(tree.items[1], 1801, 1900)
    _dated(tree.items[2], None, None)
    records = list(Sickle(oai_server, max_retries=0).ListRecords(metadataPrefix="edm"))
    spans = {
        record.header.identifier: [
            node.get(RDF_ABOUT) for node in record.xml.iterfind(".//edm:TimeSpan", NS)
        ]
        for record in records
    }
    first = oai_server.replace("/oai/", "/it/partners/archivio/fotografie/fotografia-1/")
    assert sorted(spans.values()) == sorted([[f"{first}#timespan"], [NINETEENTH], []])
