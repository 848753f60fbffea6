"""Helpers for the OAI-PMH tests: requests answered as parsed, schema-valid XML."""

from pathlib import Path

import pytest
from lxml import etree

from heritage_collections.oai import views

NS = {
    "oai": "http://www.openarchives.org/OAI/2.0/",
    "oai_dc": "http://www.openarchives.org/OAI/2.0/oai_dc/",
    "dc": "http://purl.org/dc/elements/1.1/",
    "dcterms": "http://purl.org/dc/terms/",
    "edm": "http://www.europeana.eu/schemas/edm/",
    "ore": "http://www.openarchives.org/ore/terms/",
    "rdf": "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
    "wgs84_pos": "http://www.w3.org/2003/01/geo/wgs84_pos#",
    "svcs": "http://rdfs.org/sioc/services#",
    "doap": "http://usefulinc.com/ns/doap#",
    "id": "http://www.openarchives.org/OAI/2.0/oai-identifier",
}
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
# OAI-PMH.xsd as pyoai (BSD) ships it: the official schema with metadata not validated.
SCHEMA = etree.XMLSchema(etree.parse(str(Path(__file__).parent / "data" / "OAI-PMH.xsd")))


@pytest.fixture
def oai(client):
    """``oai(verb="Identify", …)`` → the response's root element, checked to be a text/xml
    answer valid against OAI-PMH.xsd. ``method="post"`` sends the arguments as a form."""

    def _request(method="get", **params):
        response = getattr(client, method)("/oai/", params)
        assert response.status_code == 200
        assert response["Content-Type"] == "text/xml; charset=utf-8"
        root = etree.fromstring(response.content)
        SCHEMA.assertValid(root)
        return root

    return _request


@pytest.fixture
def page_size(monkeypatch):
    """``page_size(2)``: lists answer two records or identifiers per response."""

    def _set(size):
        monkeypatch.setitem(views.PAGE_SIZES, "ListRecords", size)
        monkeypatch.setitem(views.PAGE_SIZES, "ListIdentifiers", size)

    return _set


def edm_record(oai, item):
    """The rdf:RDF of ``item``'s EDM record, as GetRecord serves it."""
    root = oai(
        verb="GetRecord",
        identifier=f"oai:heritagehub.local:item:{item.translation_key}",
        metadataPrefix="edm",
    )
    return root.find("oai:GetRecord/oai:record/oai:metadata/rdf:RDF", NS)


def error_codes(root):
    return [error.get("code") for error in root.findall("oai:error", NS)]


def identifiers(root):
    return [node.text for node in root.iterfind(".//oai:header/oai:identifier", NS)]


def token(root):
    return root.find(".//oai:resumptionToken", NS)


@pytest.fixture
def oai_server(live_site):
    """The endpoint's URL on the live server (tests/heritage_collections/conftest.py)."""
    return f"{live_site}/oai/"
