"""Simple Dublin Core (oai_dc), the format every OAI-PMH repository must offer.

Titles, descriptions and types come once per language the item is translated into
(xml:lang); identifiers are the inventory number and the item's page. Care labels
(heritage_collections.care) are descriptions of their own, one a label and language, each
beginning "Content that needs care — " in its language (docs/oai-pmh.md).
"""

import xml.etree.ElementTree as ET

from .xml import element, qname

NAMESPACE = "http://www.openarchives.org/OAI/2.0/oai_dc/"
NAMESPACES = {
    "oai_dc": NAMESPACE,
    "dc": "http://purl.org/dc/elements/1.1/",
}
SCHEMA_LOCATION = f"{NAMESPACE} http://www.openarchives.org/OAI/2.0/oai_dc.xsd"
XSI_SCHEMA_LOCATION = "{http://www.w3.org/2001/XMLSchema-instance}schemaLocation"


def years(item):
    """The item's years as an ISO 8601 interval ("1885/1895"), or one year."""
    if item.date_start is None:
        return ""
    if item.date_end is None or item.date_end == item.date_start:
        return str(item.date_start)
    return f"{item.date_start}/{item.date_end}"


def write(parent, record):
    dc = ET.SubElement(
        parent, qname(NAMESPACES, "oai_dc:dc"), {XSI_SCHEMA_LOCATION: SCHEMA_LOCATION}
    )
    item = record.item

    def add(name, text, language=None):
        element(dc, NAMESPACES, name, text, language)

    for translation in record.translations:
        add("dc:title", translation.title, translation.language)
    add("dc:creator", item.creator)
    for subject in record.subjects:
        add("dc:subject", subject)
    for translation in record.translations:
        add("dc:description", translation.description, translation.language)
    # Content that needs care: a description of its own, first words saying what it is.
    for translation in record.translations:
        for notice in translation.care:
            add("dc:description", notice, translation.language)
    add("dc:publisher", record.partner_name)
    add("dc:date", item.date_display or years(item))
    for translation in record.translations:
        add("dc:type", translation.object_type, translation.language)
    add("dc:format", item.materials)
    add("dc:format", item.dimensions)
    add("dc:identifier", item.identifier)
    add("dc:identifier", record.url)
    add("dc:source", item.source_url)
    add("dc:coverage", item.place_name)
    add("dc:rights", item.rights)
    add("dc:rights", item.credit_line)
