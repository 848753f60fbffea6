"""Identify, ListMetadataFormats and ListSets."""

from tests.factories import CollectionPageFactory, PartnerPageFactory

from .conftest import NS, error_codes


def test_identify_describes_the_repository(oai, tree):
    root = oai(verb="Identify")
    identify = root.find("oai:Identify", NS)
    assert identify.findtext("oai:repositoryName", namespaces=NS) == "Heritage Hub"
    assert identify.findtext("oai:baseURL", namespaces=NS) == "http://testserver/oai/"
    assert identify.findtext("oai:protocolVersion", namespaces=NS) == "2.0"
    assert identify.findtext("oai:adminEmail", namespaces=NS) == "hub@heritagehub.local"
    assert identify.findtext("oai:deletedRecord", namespaces=NS) == "persistent"
    assert identify.findtext("oai:granularity", namespaces=NS) == "YYYY-MM-DDThh:mm:ssZ"


def test_identify_gives_the_earliest_datestamp_of_the_records(oai, tree):
    from heritage_collections.models import OaiRecord

    earliest = OaiRecord.objects.order_by("datestamp").first().datestamp
    root = oai(verb="Identify")
    assert root.findtext(".//oai:earliestDatestamp", namespaces=NS) == earliest.strftime(
        "%Y-%m-%dT%H:%M:%SZ"
    )


def test_identify_describes_the_oai_identifier_scheme(oai, tree):
    scheme = oai(verb="Identify").find(".//id:oai-identifier", NS)
    assert scheme.findtext("id:scheme", namespaces=NS) == "oai"
    assert scheme.findtext("id:repositoryIdentifier", namespaces=NS) == "heritagehub.local"
    assert scheme.findtext("id:sampleIdentifier", namespaces=NS).startswith(
        "oai:heritagehub.local:item:"
    )


def test_identify_echoes_the_request(oai, db):
    request = oai(verb="Identify").find("oai:request", NS)
    assert request.text == "http://testserver/oai/"
    assert dict(request.attrib) == {"verb": "Identify"}


def test_post_is_answered_like_get(oai, tree):
    root = oai(method="post", verb="Identify")
    assert root.find("oai:Identify", NS) is not None


def test_list_metadata_formats_offers_oai_dc_and_edm(oai, db):
    root = oai(verb="ListMetadataFormats")
    formats = {
        node.findtext("oai:metadataPrefix", namespaces=NS): node.findtext(
            "oai:metadataNamespace", namespaces=NS
        )
        for node in root.iterfind(".//oai:metadataFormat", NS)
    }
    assert formats == {
        "oai_dc": "http://www.openarchives.org/OAI/2.0/oai_dc/",
        "edm": "http://www.europeana.eu/schemas/edm/",
    }


def test_list_metadata_formats_of_an_item(oai, tree):
    identifier = f"oai:heritagehub.local:item:{tree.item.translation_key}"
    root = oai(verb="ListMetadataFormats", identifier=identifier)
    assert len(root.findall(".//oai:metadataFormat", NS)) == 2


def test_list_metadata_formats_of_an_unknown_item(oai, tree):
    root = oai(
        verb="ListMetadataFormats",
        identifier="oai:heritagehub.local:item:00000000-0000-0000-0000-000000000000",
    )
    assert error_codes(root) == ["idDoesNotExist"]


def test_list_sets_has_partners_and_their_collections(oai, tree):
    second = PartnerPageFactory(parent=tree.partner_index, title="Museo", slug="museo")
    CollectionPageFactory(parent=second, title="Disegni", slug="disegni")
    root = oai(verb="ListSets")
    sets = {
        node.findtext("oai:setSpec", namespaces=NS): node.findtext("oai:setName", namespaces=NS)
        for node in root.iterfind(".//oai:set", NS)
    }
    assert sets == {
        "archivio": "Archivio Nazionale",
        "archivio:fotografie": "Fotografie",
        "museo": "Museo",
        "museo:disegni": "Disegni",
    }


def test_list_sets_names_a_set_once_whatever_its_translations(oai, tree, translate):
    translate(tree.partner_index, "en", title="Partners")
    translate(tree.partner, "en", title="National Archive")
    root = oai(verb="ListSets")
    names = [
        node.findtext("oai:setName", namespaces=NS) for node in root.iterfind(".//oai:set", NS)
    ]
    assert names == ["Archivio Nazionale", "Fotografie"]


def test_list_sets_without_any_set(oai, db):
    assert error_codes(oai(verb="ListSets")) == ["noSetHierarchy"]


def test_the_protocol_namespace_is_the_default_one(client, db):
    body = client.get("/oai/", {"verb": "Identify"}).content.decode()
    assert body.startswith("<?xml version='1.0' encoding='utf-8'?>\n<OAI-PMH xmlns=")
