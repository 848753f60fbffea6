"""The Europeana Data Model (EDM) as Europeana harvests it: an ``rdf:RDF`` holding the
item as ``edm:ProvidedCHO``, each image as ``edm:WebResource``, the people and
organisations it links to (``authorities``) as ``edm:Agent``, the places it links to as
``edm:Place`` (or, without a linked place, its own place when its coordinates are known),
the item's years as ``edm:TimeSpan`` (``oai.timespans``: linked from dcterms:created),
the object type as ``skos:Concept`` when it has a URI of a
Linked Open Data vocabulary (Getty AAT, Wikidata) labelled in every language the hub names
it in, and the ``ore:Aggregation`` tying them to the partner (edm:dataProvider), the hub
(edm:provider) and the rights statement (edm:rights).

Field mapping: title and description → dc:title / dc:description per translation
(xml:lang), then each care label as a dc:description of its own ("Content that needs care —
…", heritage_collections.care); object type → dc:type per language, a dc:type linking to
its skos:Concept, and edm:type; creator → dc:creator (the text as catalogued), and each
linked creator or attributed-to record → dc:creator linking to its edm:Agent; publisher
records → dc:publisher, depicted people → dc:subject, each linking to its edm:Agent; date →
dc:date (as displayed) and dcterms:temporal (years), the years also → dcterms:created
linking to their edm:TimeSpan; place → dcterms:spatial, or, when the
item links to place records (made, found or depicted in), dcterms:spatial linking to each
record's edm:Place instead; materials → dcterms:medium per translation (xml:lang);
dimensions → dcterms:extent; tags → dc:subject; inventory number → dc:identifier; credit
line → dc:rights per translation (xml:lang); source URL → dc:source; rights → edm:rights
(the exact http:// URI); the item page → edm:isShownAt; the first image → edm:isShownBy,
the others → edm:hasView. Each image names its IIIF image service (svcs:has_service,
described as an svcs:Service) and the item's IIIF manifest (dcterms:isReferencedBy), as
Europeana's IIIF guidelines ask.

A record's contextual class is named by its canonical URI (``records.canonical_uri``: its
Wikidata item, another identifier, or its page on the hub), with a skos:prefLabel in each
language it is translated into and owl:sameAs for each identifier; an agent has its years
(rdaGr2 dates of birth and death, or of establishment and termination) and occupation, a
place its coordinates.
"""

import xml.etree.ElementTree as ET

from django.conf import settings

from heritage_collections.europeana.rules import edm_type_of

from .oai_dc import XSI_SCHEMA_LOCATION, years
from .xml import element, qname

NAMESPACES = {
    "rdf": "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
    "edm": "http://www.europeana.eu/schemas/edm/",
    "ore": "http://www.openarchives.org/ore/terms/",
    "dc": "http://purl.org/dc/elements/1.1/",
    "dcterms": "http://purl.org/dc/terms/",
    "skos": "http://www.w3.org/2004/02/skos/core#",
    "wgs84_pos": "http://www.w3.org/2003/01/geo/wgs84_pos#",
    "svcs": "http://rdfs.org/sioc/services#",
    "doap": "http://usefulinc.com/ns/doap#",
    "rdaGr2": "http://rdvocab.info/ElementsGr2/",
    "owl": "http://www.w3.org/2002/07/owl#",
}
# The item's links to agents, by role: the ProvidedCHO property that names the record.
AGENT_PROPERTIES = {
    "creator": "dc:creator",
    "attributed_to": "dc:creator",
    "publisher": "dc:publisher",
    "depicted": "dc:subject",
}
# How Europeana recognises a IIIF image service and the level it implements.
IIIF_IMAGE_PROTOCOL = "http://iiif.io/api/image"
IIIF_LEVEL = "http://iiif.io/api/image/3/level0.json"
SCHEMA_LOCATION = f"{NAMESPACES['rdf']} http://www.europeana.eu/schemas/edm/EDM.xsd"


# edm:type of the object types that are not images (every other type is IMAGE).
def edm_type(item):
    return edm_type_of(item.object_type.slug if item.object_type else "")


def distinct(entities):
    """The entities once each, in their first order (one record may be linked twice)."""
    return list({entity.uri: entity for entity in entities}.values())


def agent_links(record, edm_property):
    return distinct(
        entity for role, entity in record.agents if AGENT_PROPERTIES.get(role) == edm_property
    )


def write(parent, record):
    rdf = ET.SubElement(
        parent, qname(NAMESPACES, "rdf:RDF"), {XSI_SCHEMA_LOCATION: SCHEMA_LOCATION}
    )
    item = record.item
    cho_uri = f"{record.url}#cho"
    place_uri = f"{record.url}#place"

    def add(node, name, text=None, language=None, **attributes):
        return element(node, NAMESPACES, name, text, language, **attributes)

    cho = add(rdf, "edm:ProvidedCHO", rdf__about=cho_uri)
    for translation in record.translations:
        add(cho, "dc:title", translation.title, translation.language)
    for translation in record.translations:
        add(cho, "dc:description", translation.description, translation.language)
    for translation in record.translations:
        for notice in translation.care:
            add(cho, "dc:description", notice, translation.language)
    add(cho, "dc:creator", item.creator)
    for entity in agent_links(record, "dc:creator"):
        add(cho, "dc:creator", rdf__resource=entity.uri)
    for entity in agent_links(record, "dc:publisher"):
        add(cho, "dc:publisher", rdf__resource=entity.uri)
    for translation in record.translations:
        add(cho, "dc:type", translation.object_type, translation.language)
    if record.type_concept:
        add(cho, "dc:type", rdf__resource=record.type_concept.uri)
    for subject in record.subjects:
        add(cho, "dc:subject", subject)
    for entity in agent_links(record, "dc:subject"):
        add(cho, "dc:subject", rdf__resource=entity.uri)
    add(cho, "dc:date", item.date_display)
    add(cho, "dc:identifier", item.identifier)
    for translation in record.translations:
        add(cho, "dc:rights", translation.credit_line, translation.language)
    add(cho, "dc:source", item.source_url)
    # The years are when the object was made: EDM's dcterms:created, which may name a time
    # span. The literal years stay where harvesters have read them (dcterms:temporal).
    if record.time_span:
        add(cho, "dcterms:created", rdf__resource=record.time_span.uri)
    add(cho, "dcterms:temporal", years(item))
    # A linked place record stands for the item's place text and coordinates: the record
    # is the place, described once, rather than a second edm:Place of the same town.
    linked_places = distinct(entity for _role, entity in record.places)
    has_place = not linked_places and item.latitude is not None and item.longitude is not None
    if linked_places:
        for entity in linked_places:
            add(cho, "dcterms:spatial", rdf__resource=entity.uri)
    elif has_place:
        add(cho, "dcterms:spatial", rdf__resource=place_uri)
    else:
        add(cho, "dcterms:spatial", item.place_name)
    # Materials and the credit line are words of the item's language, translated like its
    # title: Europeana counts them as language-tagged.
    for translation in record.translations:
        add(cho, "dcterms:medium", translation.materials, translation.language)
    add(cho, "dcterms:extent", item.dimensions)
    add(cho, "edm:type", edm_type(item))

    for image in record.images:
        resource = add(rdf, "edm:WebResource", rdf__about=image.url)
        for language, caption in image.captions.items():
            add(resource, "dc:description", caption, language)
        add(resource, "dc:rights", image.credit)
        if image.rights:
            add(resource, "edm:rights", rdf__resource=image.rights)
        add(resource, "svcs:has_service", rdf__resource=image.service)
        add(resource, "dcterms:isReferencedBy", rdf__resource=record.manifest)
    for image in record.images:
        service = add(rdf, "svcs:Service", rdf__about=image.service)
        add(service, "dcterms:conformsTo", rdf__resource=IIIF_IMAGE_PROTOCOL)
        add(service, "doap:implements", rdf__resource=IIIF_LEVEL)

    for entity in distinct(entity for _role, entity in record.agents):
        write_agent(add(rdf, "edm:Agent", rdf__about=entity.uri), entity, add)
    for entity in linked_places:
        node = add(rdf, "edm:Place", rdf__about=entity.uri)
        if entity.latitude is not None and entity.longitude is not None:
            add(node, "wgs84_pos:lat", f"{entity.latitude:f}")
            add(node, "wgs84_pos:long", f"{entity.longitude:f}")
        write_labels(node, entity, add)
        for uri in entity.same_as:
            add(node, "owl:sameAs", rdf__resource=uri)
    if has_place:
        place = add(rdf, "edm:Place", rdf__about=place_uri)
        add(place, "wgs84_pos:lat", f"{item.latitude:f}")
        add(place, "wgs84_pos:long", f"{item.longitude:f}")
        add(place, "skos:prefLabel", item.place_name)

    if record.time_span:
        write_time_span(add(rdf, "edm:TimeSpan", rdf__about=record.time_span.uri), record, add)

    for concept in record.concepts:
        node = add(rdf, "skos:Concept", rdf__about=concept.uri)
        for language, label in sorted(concept.labels.items()):
            add(node, "skos:prefLabel", label, language)

    aggregation = add(rdf, "ore:Aggregation", rdf__about=f"{record.url}#aggregation")
    add(aggregation, "edm:aggregatedCHO", rdf__resource=cho_uri)
    add(aggregation, "edm:dataProvider", record.partner_name)
    # The order of EDM's schema: hasView, isShownAt, isShownBy, provider, rights.
    for image in record.images[1:]:
        add(aggregation, "edm:hasView", rdf__resource=image.url)
    add(aggregation, "edm:isShownAt", rdf__resource=record.url)
    if record.images:
        add(aggregation, "edm:isShownBy", rdf__resource=record.images[0].url)
    add(aggregation, "edm:provider", settings.WAGTAIL_SITE_NAME)
    add(aggregation, "edm:rights", rdf__resource=item.rights)


def write_labels(node, entity, add):
    for language, label in sorted(entity.labels.items()):
        add(node, "skos:prefLabel", label, language)


def write_agent(node, entity, add):
    """An edm:Agent's elements, in the order of EDM's schema."""
    write_labels(node, entity, add)
    start, end = (
        ("rdaGr2:dateOfBirth", "rdaGr2:dateOfDeath")
        if entity.is_person
        else ("rdaGr2:dateOfEstablishment", "rdaGr2:dateOfTermination")
    )
    if entity.start_year is not None:
        add(node, start, entity.start_year)
    if entity.end_year is not None:
        add(node, end, entity.end_year)
    for language, occupation in sorted(entity.occupations.items()):
        add(node, "rdaGr2:professionOrOccupation", occupation, language)
    for uri in entity.same_as:
        add(node, "owl:sameAs", rdf__resource=uri)


def write_time_span(node, record, add):
    """An edm:TimeSpan's elements, in the order of EDM's definition of the class."""
    span = record.time_span
    write_labels(node, span, add)
    if span.part_of:
        add(node, "dcterms:isPartOf", rdf__resource=span.part_of)
    add(node, "edm:begin", span.begin)
    add(node, "edm:end", span.end)
