"""The EDM record of an item linked to authority records: their edm:Agent and edm:Place,
and the ProvidedCHO's links to them."""

from decimal import Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from sickle import Sickle
from wagtail.models import Locale, PageViewRestriction

from heritage_collections.models import ItemAgent, ItemPlace
from tests.factories import AgentPageFactory, AuthorityIndexPageFactory, PlacePageFactory

from .conftest import NS, XML_LANG, edm_record

NS = {**NS, "owl": "http://www.w3.org/2002/07/owl#", "rdaGr2": "http://rdvocab.info/ElementsGr2/",
      "skos": "http://www.w3.org/2004/02/skos/core#"}  # fmt: skip
RDF_RESOURCE = f"{{{NS['rdf']}}}resource"
RDF_ABOUT = f"{{{NS['rdf']}}}about"
WIKIDATA = "http://www.wikidata.org/entity/Q159758"
ULAN = "http://vocab.getty.edu/ulan/500026846"


@pytest.fixture
def index(tree):
    return AuthorityIndexPageFactory(parent=tree.home)


@pytest.fixture
def turner(tree, index, translate):
    """A creator record with two identifiers (Wikidata's second), in Italian and English."""
    agent = AgentPageFactory(parent=index, title="Turner (it)", slug="turner", start_year=1775,
                             end_year=1851, identifiers=[ULAN, WIKIDATA])  # fmt: skip
    translate(tree.home, "en", title="Heritage Hub")
    translate(index, "en", title="People and places")
    translate(agent, "en", title="Turner (en)", occupation="painter")
    return agent


def _labels(node):
    return {(label.get(XML_LANG), label.text) for label in node.iterfind("skos:prefLabel", NS)}


def test_a_creator_record_is_an_agent_named_by_its_wikidata_uri(oai, tree, turner):
    ItemAgent.objects.create(page=tree.item, agent=turner, role="creator")
    agent = edm_record(oai, tree.item).find("edm:Agent", NS)
    assert agent.get(RDF_ABOUT) == WIKIDATA
    assert _labels(agent) == {("it", "Turner (it)"), ("en", "Turner (en)")}
    assert agent.findtext("rdaGr2:dateOfBirth", namespaces=NS) == "1775"
    assert agent.findtext("rdaGr2:dateOfDeath", namespaces=NS) == "1851"
    same_as = [node.get(RDF_RESOURCE) for node in agent.iterfind("owl:sameAs", NS)]
    assert same_as == [ULAN, WIKIDATA]


def test_the_creator_links_to_the_agent_beside_the_catalogued_text(oai, tree, turner):
    ItemAgent.objects.create(page=tree.item, agent=turner, role="attributed_to")
    creators = edm_record(oai, tree.item).findall("edm:ProvidedCHO/dc:creator", NS)
    assert [(node.text, node.get(RDF_RESOURCE)) for node in creators] == [
        ("Anonimo", None),
        (None, WIKIDATA),
    ]


def test_publishers_and_depicted_people_link_to_their_agents(oai, tree, turner, index):
    press = AgentPageFactory(parent=index, title="Stamperia", slug="stamperia",
                             kind="organisation", start_year=1897, end_year=None)  # fmt: skip
    ItemAgent.objects.create(page=tree.item, agent=press, role="publisher")
    ItemAgent.objects.create(page=tree.item, agent=turner, role="depicted")
    edm = edm_record(oai, tree.item)
    press_uri = "http://testserver/it/authorities/stamperia/"
    assert edm.find("edm:ProvidedCHO/dc:publisher", NS).get(RDF_RESOURCE) == press_uri
    subjects = [node.get(RDF_RESOURCE) for node in edm.iterfind("edm:ProvidedCHO/dc:subject", NS)]
    assert WIKIDATA in subjects
    organisation = edm.find(f"edm:Agent[@rdf:about='{press_uri}']", NS)
    assert organisation.findtext("rdaGr2:dateOfEstablishment", namespaces=NS) == "1897"
    assert organisation.find("rdaGr2:dateOfBirth", NS) is None


def test_a_record_without_identifiers_is_named_by_its_page_on_the_hub(oai, tree, index):
    agent = AgentPageFactory(parent=index, title="Anonimo torinese", slug="anonimo")
    ItemAgent.objects.create(page=tree.item, agent=agent, role="creator")
    edm = edm_record(oai, tree.item)
    uri = "http://testserver/it/authorities/anonimo/"
    assert edm.find("edm:Agent", NS).get(RDF_ABOUT) == uri
    assert edm.find("edm:Agent/owl:sameAs", NS) is None
    assert [n.get(RDF_RESOURCE) for n in edm.iterfind("edm:ProvidedCHO/dc:creator", NS)][-1] == uri


def test_a_place_record_with_coordinates_is_a_place(oai, tree, index):
    venice = PlacePageFactory(parent=index, title="Venezia", slug="venezia",
                              latitude=Decimal("45.4408"), longitude=Decimal("12.3155"),
                              identifiers=["https://sws.geonames.org/3164603/"])  # fmt: skip
    ItemPlace.objects.create(page=tree.item, place=venice, role="made")
    edm = edm_record(oai, tree.item)
    place = edm.find("edm:Place", NS)
    assert place.get(RDF_ABOUT) == "https://sws.geonames.org/3164603/"
    assert place.findtext("wgs84_pos:lat", namespaces=NS) == "45.440800"
    assert place.findtext("wgs84_pos:long", namespaces=NS) == "12.315500"
    assert _labels(place) == {("it", "Venezia")}
    spatial = edm.find("edm:ProvidedCHO/dcterms:spatial", NS)
    assert spatial.get(RDF_RESOURCE) == place.get(RDF_ABOUT)


def test_a_place_record_replaces_the_items_own_place(oai, tree, index):
    item = tree.item
    item.place_name, item.latitude, item.longitude = "Torino", "45.070300", "7.686900"
    item.save_revision().publish()
    turin = PlacePageFactory(parent=index, title="Torino", slug="torino")
    ItemPlace.objects.create(page=item, place=turin, role="depicted")
    edm = edm_record(oai, item)
    assert [place.get(RDF_ABOUT) for place in edm.iterfind("edm:Place", NS)] == [
        "http://testserver/it/authorities/torino/"
    ]
    assert len(edm.findall("edm:ProvidedCHO/dcterms:spatial", NS)) == 1


def test_contextual_classes_come_between_the_cho_and_the_aggregation(oai, tree, turner, index):
    ItemAgent.objects.create(page=tree.item, agent=turner, role="creator")
    ItemPlace.objects.create(page=tree.item, place=PlacePageFactory(parent=index), role="made")
    tags = [node.tag.split("}")[1] for node in edm_record(oai, tree.item)]
    assert tags[0] == "ProvidedCHO" and tags[-1] == "Aggregation"
    assert tags.index("Agent") < tags.index("Place") < tags.index("Aggregation")


def test_a_harvester_reads_the_agents(oai_server, tree, turner, page_size):
    page_size(2)
    for item in tree.items:
        ItemAgent.objects.create(page=item, agent=turner, role="creator")
    records = list(Sickle(oai_server, max_retries=0).ListRecords(metadataPrefix="edm"))
    assert len(records) == len(tree.items)
    assert all(f'rdf:about="{WIKIDATA}"' in record.raw for record in records)


def test_the_records_queries_do_not_grow_with_the_links(oai, tree, index, page_size):
    page_size(100)
    ItemAgent.objects.create(page=tree.items[0], agent=AgentPageFactory(parent=index))
    ItemPlace.objects.create(page=tree.items[0], place=PlacePageFactory(parent=index))
    with CaptureQueriesContext(connection) as few:
        oai(verb="ListRecords", metadataPrefix="edm")
    for item in tree.items:
        ItemAgent.objects.create(page=item, agent=AgentPageFactory(parent=index), role="depicted")
        ItemPlace.objects.create(page=item, place=PlacePageFactory(parent=index))
    with CaptureQueriesContext(connection) as many:
        root = oai(verb="ListRecords", metadataPrefix="edm")
    assert len(root.findall(".//edm:Agent", NS)) == 4
    assert len(many) == len(few)


def _linked_uris(edm):
    return {
        node.get(RDF_RESOURCE)
        for node in edm.find("edm:ProvidedCHO", NS)
        if node.get(RDF_RESOURCE) is not None
    }


def _restricted(page):
    PageViewRestriction.objects.create(page=page, restriction_type=PageViewRestriction.LOGIN)
    return page


def test_a_draft_record_is_neither_described_nor_linked(oai, tree, index):
    draft = AgentPageFactory(parent=index, title="Bozza", slug="bozza", live=False)
    ItemAgent.objects.create(page=tree.item, agent=draft, role="creator")
    ItemPlace.objects.create(page=tree.item, place=PlacePageFactory(parent=index, live=False))
    edm = edm_record(oai, tree.item)
    assert edm.find("edm:Agent", NS) is None and edm.find("edm:Place", NS) is None
    assert not any("/authorities/" in uri for uri in _linked_uris(edm))


def test_a_private_record_is_neither_described_nor_linked(oai, tree, index):
    secret = _restricted(AgentPageFactory(parent=index, title="Riservato", slug="riservato",
                                          identifiers=[WIKIDATA]))  # fmt: skip
    hidden = _restricted(PlacePageFactory(parent=index, title="Nascosto", slug="nascosto"))
    ItemAgent.objects.create(page=tree.item, agent=secret, role="creator")
    ItemPlace.objects.create(page=tree.item, place=hidden, role="made")
    edm = edm_record(oai, tree.item)
    assert edm.find("edm:Agent", NS) is None and edm.find("edm:Place", NS) is None
    assert WIKIDATA not in _linked_uris(edm)
    assert not any("/authorities/" in uri for uri in _linked_uris(edm))


def test_a_private_translation_of_a_record_lends_it_no_label(oai, tree, turner, translate):
    english = turner.get_translation(Locale.objects.get(language_code="en"))
    _restricted(english)
    ItemAgent.objects.create(page=tree.item, agent=turner, role="creator")
    assert _labels(edm_record(oai, tree.item).find("edm:Agent", NS)) == {("it", "Turner (it)")}
