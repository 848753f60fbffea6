"""The metadata formats the repository disseminates, by metadataPrefix.

Each format writes a record's metadata below the ``<metadata>`` element with ElementTree;
``namespaces`` are the prefixes its elements are written with.
"""

import xml.etree.ElementTree as ET
from collections.abc import Callable
from dataclasses import dataclass

from . import edm, oai_dc

XSI = "http://www.w3.org/2001/XMLSchema-instance"


@dataclass(frozen=True)
class MetadataFormat:
    prefix: str
    schema: str
    namespace: str
    write: Callable


FORMATS = {
    "oai_dc": MetadataFormat(
        "oai_dc",
        "http://www.openarchives.org/OAI/2.0/oai_dc.xsd",
        oai_dc.NAMESPACE,
        oai_dc.write,
    ),
    "edm": MetadataFormat(
        "edm",
        "http://www.europeana.eu/schemas/edm/EDM.xsd",
        edm.NAMESPACES["edm"],
        edm.write,
    ),
}

for prefix, uri in {"xsi": XSI, **oai_dc.NAMESPACES, **edm.NAMESPACES}.items():
    ET.register_namespace(prefix, uri)
