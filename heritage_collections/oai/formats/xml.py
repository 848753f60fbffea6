"""Small helpers for writing qualified elements with ElementTree."""

import xml.etree.ElementTree as ET

XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"


def qname(namespaces, name):
    """ "dc:title" → "{http://purl.org/dc/elements/1.1/}title"."""
    prefix, local = name.split(":")
    return f"{{{namespaces[prefix]}}}{local}"


def element(parent, namespaces, name, text=None, language=None, **attributes):
    """A child element with text (skipped when the text is empty) and attributes given as
    ``rdf__resource="…"`` for rdf:resource."""
    if text is not None and not str(text).strip():
        return None
    node = ET.SubElement(
        parent,
        qname(namespaces, name),
        {qname(namespaces, key.replace("__", ":")): value for key, value in attributes.items()},
    )
    if text is not None:
        node.text = str(text)
    if language:
        node.set(XML_LANG, language)
    return node
