"""Reading the pages' schema.org JSON-LD as a JSON-LD processor does (PyLD), offline.

The schema.org context is served from ``tests/heritagehub/data/schemaorg-context.jsonld``,
never fetched. That file is the part of schema.org's published context
(https://schema.org/docs/jsonldcontext.jsonld) that the hub uses, without its ``@vocab``:
a term that is not one of schema.org's, or is misspelt, does not expand and is dropped, so
``expand`` compares what the processor kept with what the page wrote and fails on any loss.
"""

import json
import re
from pathlib import Path

from pyld import jsonld

SCHEMA = "http://schema.org/"
CONTEXT_FILE = Path(__file__).parent / "heritagehub" / "data" / "schemaorg-context.jsonld"
SCHEMA_CONTEXT_URLS = {"https://schema.org", "http://schema.org"}

_SCRIPT = re.compile(r'<script type="application/ld\+json">(.*?)</script>', re.DOTALL)


def json_ld_scripts(response):
    """The text of every ``<script type="application/ld+json">`` of a response."""
    return _SCRIPT.findall(response.content.decode())


def json_ld(response):
    """The page's one JSON-LD document, parsed as JSON."""
    (script,) = json_ld_scripts(response)
    return json.loads(script)


def _offline_loader(url, options=None):
    if url.rstrip("/") not in SCHEMA_CONTEXT_URLS:
        raise AssertionError(f"JSON-LD asked for {url}: only schema.org's context is served")
    return {
        "contentType": "application/ld+json",
        "contextUrl": None,
        "documentUrl": url,
        "document": json.loads(CONTEXT_FILE.read_text()),
    }


def _property_names(node):
    """Every property name of a document (compact or expanded), at any depth."""
    if isinstance(node, list):
        return set().union(*(_property_names(value) for value in node))
    if not isinstance(node, dict):
        return set()
    names = {key for key in node if not key.startswith("@")}
    return names.union(*(_property_names(value) for value in node.values()))


def expand(document):
    """The document expanded by PyLD; fails if a property or type is not schema.org's."""
    expanded = jsonld.expand(document, {"documentLoader": _offline_loader})
    kept = {iri.removeprefix(SCHEMA) for iri in _property_names(expanded)}
    lost = _property_names(document) - kept
    assert not lost, f"not schema.org terms, dropped by the processor: {sorted(lost)}"
    for node_type in types_in(expanded):
        assert node_type.startswith(SCHEMA), f"not a schema.org type: {node_type}"
    return expanded


def types_in(expanded):
    """Every @type in an expanded document, at any depth."""
    if isinstance(expanded, list):
        return [t for value in expanded for t in types_in(value)]
    if not isinstance(expanded, dict):
        return []
    found = list(expanded.get("@type", []))
    for key, value in expanded.items():
        if key != "@type":
            found += types_in(value)
    return found


def value(expanded_node, name):
    """The first value of a schema.org property of an expanded node (its @value or @id),
    or the node itself when it is one."""
    values = expanded_node.get(SCHEMA + name, [])
    if not values:
        return None
    first = values[0]
    if "@value" in first:
        return first["@value"]
    if set(first) == {"@id"}:
        return first["@id"]
    return first


def values(expanded_node, name):
    return [
        item.get("@value", item.get("@id", item)) for item in expanded_node.get(SCHEMA + name, [])
    ]
