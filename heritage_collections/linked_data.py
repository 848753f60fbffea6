"""schema.org descriptions of items and collections (see heritagehub.linked_data).

Built from what the page's view loaded: the item's images, its collection and partner as
routing found them (heritage_collections.item_context), the collection's browse results.
The item's tags are prefetched here, once, for the description and the page's tag list.
"""

from django.db.models import prefetch_related_objects

from authorities.linked_data import record_reference
from authorities.roles import AgentRole, PlaceRole
from heritagehub.linked_data import (
    content_language,
    document,
    image_object,
    iso_year,
    page_reference,
    page_url,
    place,
    plain_text,
    thing,
)
from partners.linked_data import partner_of, partner_reference

# The schema.org type of an item by its object type's slug (heritage_collections
# migration 0003); any other type, or none, is a CreativeWork.
ITEM_TYPES = {
    "painting": "VisualArtwork",
    "drawing": "VisualArtwork",
    "print": "VisualArtwork",
    "poster": "VisualArtwork",
    "installation": "VisualArtwork",
    "textile": "VisualArtwork",
    "ceramic": "VisualArtwork",
    "photograph": "Photograph",
    "sculpture": "Sculpture",
    "manuscript": "Manuscript",
    "book": "Book",
    "document": "ArchiveComponent",
    "map": "Map",
    "sound-recording": "AudioObject",
    "video": "VideoObject",
}
DEFAULT_ITEM_TYPE = "CreativeWork"


def item_type(object_type):
    return ITEM_TYPES.get(object_type.slug, DEFAULT_ITEM_TYPE) if object_type else DEFAULT_ITEM_TYPE


def item_dates(item):
    """dateCreated for a single year; temporalCoverage for a span (an ISO 8601 interval)
    or, without years, the date as the catalogue writes it."""
    start, end = item.date_start, item.date_end
    if start is not None and (end is None or end == start):
        return {"dateCreated": iso_year(start)}
    if start is not None:
        return {"temporalCoverage": f"{iso_year(start)}/{iso_year(end)}"}
    if end is not None:
        return {"dateCreated": iso_year(end)}
    return {"temporalCoverage": item.date_display}


def item_reference(item, request):
    """An item as another page mentions it: type, name and URL (object type selected)."""
    return page_reference(item, request, item_type(item.object_type))


def _linked(links, name, roles, request):
    return [record_reference(getattr(link, name), request) for link in links if link.role in roles]


def creators(item, context, request):
    """The item's creators: their records (with their identifiers elsewhere as ``sameAs``)
    when the item is linked to them, else the catalogue's text as a Person."""
    linked = _linked(
        context.get("agent_links") or [],
        "agent",
        (AgentRole.CREATOR, AgentRole.ATTRIBUTED_TO),
        request,
    )
    if linked:
        return linked
    return [thing("Person", name=item.creator)] if item.creator else None


def item_data(item, request, context):
    """The item as a VisualArtwork, Photograph, Book … (by its object type)."""
    prefetch_related_objects([item], "tags")  # shared with the page's tag list
    schema_type = item_type(item.object_type)
    partner = partner_reference(context.get("partner"), request)
    agents = context.get("agent_links") or []
    places = context.get("place_links") or []
    made_in = _linked(places, "place", (PlaceRole.MADE,), request)
    properties = {
        "name": item.title,
        "url": page_url(item, request),
        # The object type's concept in Getty AAT or Wikidata, when the type names one.
        "additionalType": item.object_type.uri if item.object_type else None,
        "identifier": item.identifier,
        "description": plain_text(item.description),
        "creator": creators(item, context, request),
        "publisher": _linked(agents, "agent", (AgentRole.PUBLISHER,), request),
        "about": _linked(agents, "agent", (AgentRole.DEPICTED,), request),
        **item_dates(item),
        "locationCreated": made_in[0]
        if made_in
        else place(item.place_name, item.latitude, item.longitude),
        "contentLocation": _linked(places, "place", (PlaceRole.DEPICTED,), request),
        "material": item.materials,
        "size": item.dimensions,
        "image": [
            image_object(item_image.image, request, item_image.caption)
            for item_image in context.get("item_images") or []
        ],
        "license": item.rights,
        "creditText": item.credit_line,
        "isPartOf": page_reference(context.get("collection"), request, "Collection"),
        "provider": partner,
        "inLanguage": content_language(item),
        "keywords": [tag.name for tag in item.tags.all()],
        "sameAs": item.source_url,
        # Content that needs care (care.py): schema.org's rating of a work's content, the
        # kind's code as identifier, the note as the rating's explanation.
        "contentRating": [
            thing(
                "Rating",
                identifier=label.kind,
                name=str(label.name),
                ratingExplanation=label.note,
            )
            for label in item.care_notice
        ],
    }
    if schema_type == "VisualArtwork":
        properties["artform"] = item.object_type.name
    if schema_type == "ArchiveComponent":
        properties["holdingArchive"] = partner
    return document(thing(schema_type, **properties))


def collection_data(collection, request, context):
    """The collection as a Collection, with its size when the listing is not filtered."""
    browse = context.get("browse")
    items = context.get("items")
    # Filters narrow the results to part of the collection; a sort order does not.
    unfiltered = browse is not None and all(name == "sort" for name, _ in browse.state.params())
    return document(
        thing(
            "Collection",
            name=collection.title,
            url=page_url(collection, request),
            abstract=collection.introduction,
            description=plain_text(collection.description) or collection.introduction,
            image=image_object(collection.cover_image, request),
            provider=partner_reference(partner_of(collection, request), request),
            collectionSize=getattr(items, "total", None) if unfiltered else None,
            inLanguage=content_language(collection),
        )
    )
