"""The oai_dc and EDM records of an item: one record across its translations."""

import pytest

from heritage_collections.models import ObjectType
from heritagehub.rights import RightsStatement
from tests.factories import add_item_image

from .conftest import NS, XML_LANG, error_codes

RDF_RESOURCE = f"{{{NS['rdf']}}}resource"
RDF_ABOUT = f"{{{NS['rdf']}}}about"
DC_ELEMENTS = {
    "title", "creator", "subject", "description", "publisher", "contributor", "date", "type",
    "format", "identifier", "source", "language", "relation", "coverage", "rights",
}  # fmt: skip


@pytest.fixture
def english_item(tree, translate):
    """The first item, with an image, translated into English, with a place."""
    for page, title in [
        (tree.home, "Heritage Hub"),
        (tree.partner_index, "Partners"),
        (tree.partner, "National Archive"),
        (tree.collection, "Photographs"),
    ]:
        translate(page, "en", title=title)
    item = tree.item
    item.place_name, item.latitude, item.longitude = "Torino", "45.070300", "7.686900"
    item.save_revision().publish()
    return translate(item, "en", title="Photograph 1", description="<p>An <b>old</b> print.</p>")


def _record(oai, item, prefix):
    root = oai(
        verb="GetRecord",
        identifier=f"oai:heritagehub.local:item:{item.translation_key}",
        metadataPrefix=prefix,
    )
    return root.find("oai:GetRecord/oai:record", NS)


def _texts(node, path):
    return {(element.get(XML_LANG), element.text) for element in node.iterfind(path, NS)}


def test_oai_dc_has_titles_and_descriptions_in_every_language(oai, english_item):
    dc = _record(oai, english_item, "oai_dc").find("oai:metadata/oai_dc:dc", NS)
    assert _texts(dc, "dc:title") == {("it", "Fotografia 1"), ("en", "Photograph 1")}
    assert _texts(dc, "dc:description") == {
        ("it", "Un oggetto della collezione."),
        ("en", "An old print."),
    }
    assert ("it", "Fotografia") in _texts(dc, "dc:type")


def test_oai_dc_uses_only_dublin_core_elements(oai, english_item):
    dc = _record(oai, english_item, "oai_dc").find("oai:metadata/oai_dc:dc", NS)
    names = {element.tag.split("}")[1] for element in dc}
    assert names <= DC_ELEMENTS
    assert {element.tag.split("}")[0][1:] for element in dc} == {NS["dc"]}


def test_oai_dc_has_the_item_facts(oai, tree):
    dc = _record(oai, tree.item, "oai_dc").find("oai:metadata/oai_dc:dc", NS)
    assert dc.findtext("dc:creator", namespaces=NS) == "Anonimo"
    assert dc.findtext("dc:date", namespaces=NS) == "c. 1890"
    assert dc.findtext("dc:publisher", namespaces=NS) == "Archivio Nazionale"
    identifiers = [node.text for node in dc.iterfind("dc:identifier", NS)]
    assert identifiers == [
        tree.item.identifier,
        "http://testserver/it/partners/archivio/fotografie/fotografia-1/",
    ]
    assert RightsStatement.PUBLIC_DOMAIN_MARK.value in [
        n.text for n in dc.iterfind("dc:rights", NS)
    ]


@pytest.fixture
def edm(oai, english_item):
    return _record(oai, english_item, "edm").find("oai:metadata/rdf:RDF", NS)


def test_edm_aggregation_names_provider_data_provider_and_rights(edm, english_item):
    aggregation = edm.find("ore:Aggregation", NS)
    cho = edm.find("edm:ProvidedCHO", NS)
    assert aggregation.find("edm:aggregatedCHO", NS).get(RDF_RESOURCE) == cho.get(RDF_ABOUT)
    assert aggregation.findtext("edm:dataProvider", namespaces=NS) == "Archivio Nazionale"
    assert aggregation.findtext("edm:provider", namespaces=NS) == "Heritage Hub"
    assert aggregation.find("edm:rights", NS).get(RDF_RESOURCE) == (
        "http://creativecommons.org/publicdomain/mark/1.0/"
    )
    assert aggregation.find("edm:isShownAt", NS).get(RDF_RESOURCE) == (
        "http://testserver/it/partners/archivio/fotografie/fotografia-1/"
    )


def test_edm_is_shown_by_the_first_image_described_as_a_web_resource(edm, english_item):
    shown_by = edm.find("ore:Aggregation/edm:isShownBy", NS).get(RDF_RESOURCE)
    web_resources = edm.findall("edm:WebResource", NS)
    assert [node.get(RDF_ABOUT) for node in web_resources] == [shown_by]
    assert shown_by.startswith("http://testserver/") and shown_by.endswith(".jpg")
    assert _texts(web_resources[0], "dc:description") == {("it", "Fronte")}


def test_edm_web_resource_names_its_iiif_image_service_and_manifest(edm, english_item):
    resource = edm.find("edm:WebResource", NS)
    service = resource.find("svcs:has_service", NS).get(RDF_RESOURCE)
    image = english_item.images.get().image
    assert service == f"http://testserver/iiif/image/{image.pk}"
    assert resource.find("dcterms:isReferencedBy", NS).get(RDF_RESOURCE) == (
        f"http://testserver/iiif/items/{english_item.translation_key}/manifest.json"
    )
    described = edm.find("svcs:Service", NS)
    assert described.get(RDF_ABOUT) == service
    assert described.find("dcterms:conformsTo", NS).get(RDF_RESOURCE) == "http://iiif.io/api/image"
    assert described.find("doap:implements", NS).get(RDF_RESOURCE) == (
        "http://iiif.io/api/image/3/level0.json"
    )


def test_edm_without_image_has_no_is_shown_by(oai, tree):
    edm = _record(oai, tree.items[1], "edm").find("oai:metadata/rdf:RDF", NS)
    assert edm.find("ore:Aggregation/edm:isShownBy", NS) is None
    assert edm.find("edm:WebResource", NS) is None
    assert edm.find("svcs:Service", NS) is None


def test_edm_web_resource_for_each_image(oai, tree):
    add_item_image(tree.items[1], caption="Retro")
    add_item_image(tree.items[1], caption="Dettaglio")
    edm = _record(oai, tree.items[1], "edm").find("oai:metadata/rdf:RDF", NS)
    assert len(edm.findall("edm:WebResource", NS)) == 2
    assert len(edm.findall("ore:Aggregation/edm:hasView", NS)) == 1


def test_edm_provided_cho_in_every_language(edm):
    cho = edm.find("edm:ProvidedCHO", NS)
    assert _texts(cho, "dc:title") == {("it", "Fotografia 1"), ("en", "Photograph 1")}
    assert ("en", "An old print.") in _texts(cho, "dc:description")
    assert ("it", "Fotografia") in _texts(cho, "dc:type")
    assert cho.findtext("dc:creator", namespaces=NS) == "Anonimo"
    assert cho.findtext("dc:date", namespaces=NS) == "c. 1890"
    assert cho.findtext("dcterms:temporal", namespaces=NS) == "1885/1895"
    assert cho.findtext("dc:identifier", namespaces=NS).startswith("INV-")
    assert cho.findtext("edm:type", namespaces=NS) == "IMAGE"


def test_edm_place_with_coordinates(edm):
    place = edm.find("edm:Place", NS)
    assert edm.find("edm:ProvidedCHO/dcterms:spatial", NS).get(RDF_RESOURCE) == place.get(RDF_ABOUT)
    assert place.findtext("wgs84_pos:lat", namespaces=NS) == "45.070300"
    assert place.findtext("wgs84_pos:long", namespaces=NS) == "7.686900"


def test_edm_place_without_coordinates_is_a_literal(oai, tree):
    item = tree.items[1]
    item.place_name = "Favara"
    item.save_revision().publish()
    edm = _record(oai, item, "edm").find("oai:metadata/rdf:RDF", NS)
    assert edm.findtext("edm:ProvidedCHO/dcterms:spatial", namespaces=NS) == "Favara"
    assert edm.find("edm:Place", NS) is None


def test_types_are_named_in_each_language_of_the_item(oai, english_item):
    ObjectType.objects.filter(slug="photograph", locale=english_item.locale).update(
        name="Photograph"
    )
    dc = _record(oai, english_item, "oai_dc").find("oai:metadata/oai_dc:dc", NS)
    assert _texts(dc, "dc:type") == {("it", "Fotografia"), ("en", "Photograph")}


def test_untranslated_text_is_not_passed_off_as_translated(oai, tree, translate):
    for page in (tree.home, tree.partner_index, tree.partner, tree.collection):
        translate(page, "en")
    english = translate(tree.item, "en", title="Photograph 1")
    dc = _record(oai, english, "oai_dc").find("oai:metadata/oai_dc:dc", NS)
    # The description was left in Italian: it is not given as English.
    assert _texts(dc, "dc:description") == {("it", "Un oggetto della collezione.")}
    assert ("en", "Photograph 1") in _texts(dc, "dc:title")


def test_edm_type_of_a_text(oai, tree):
    item = tree.items[1]
    item.object_type = ObjectType.objects.get(slug="manuscript", locale=item.locale)
    item.save_revision().publish()
    edm = _record(oai, item, "edm").find("oai:metadata/rdf:RDF", NS)
    assert edm.findtext("edm:ProvidedCHO/edm:type", namespaces=NS) == "TEXT"


def test_one_record_per_item_across_translations(oai, english_item):
    root = oai(verb="ListIdentifiers", metadataPrefix="edm")
    assert len(root.findall(".//oai:header", NS)) == 3
    assert error_codes(root) == []


SKOS = "{http://www.w3.org/2004/02/skos/core#}"
PHOTOGRAPHS = "http://vocab.getty.edu/aat/300046300"


def test_edm_object_type_with_uri_is_a_concept_labelled_in_every_language(oai, english_item):
    ObjectType.objects.filter(slug="photograph", locale=english_item.locale).update(
        name="Photograph"
    )
    edm = _record(oai, english_item, "edm").find("oai:metadata/rdf:RDF", NS)
    concept = edm.find(f"{SKOS}Concept")
    assert concept.get(RDF_ABOUT) == PHOTOGRAPHS
    labels = {(label.get(XML_LANG), label.text) for label in concept.iter(f"{SKOS}prefLabel")}
    names = ObjectType.objects.filter(slug="photograph").select_related("locale")
    assert labels == {(term.locale.language_code, term.name) for term in names}
    assert {("it", "Fotografia"), ("en", "Photograph")} <= labels


def test_edm_type_links_to_the_concept(edm):
    links = [node.get(RDF_RESOURCE) for node in edm.iterfind("edm:ProvidedCHO/dc:type", NS)]
    assert PHOTOGRAPHS in links


def test_edm_object_type_without_uri_has_no_concept(oai, tree):
    item = tree.items[1]
    item.object_type = ObjectType.objects.get(slug="object", locale=item.locale)
    item.save_revision().publish()
    edm = _record(oai, item, "edm").find("oai:metadata/rdf:RDF", NS)
    assert edm.find(f"{SKOS}Concept") is None
    assert all(node.get(RDF_RESOURCE) is None for node in edm.iterfind(".//dc:type", NS))


def test_edm_materials_and_credit_line_are_tagged_with_the_items_language(oai, tree):
    item = tree.items[1]
    item.materials = "Carta"
    item.save_revision().publish()
    edm = _record(oai, item, "edm").find("oai:metadata/rdf:RDF", NS)
    assert _texts(edm, "edm:ProvidedCHO/dcterms:medium") == {("it", "Carta")}
    assert _texts(edm, "edm:ProvidedCHO/dc:rights") == {("it", "Dono di un collezionista")}
