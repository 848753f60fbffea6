"""schema.org description of stories as Articles (see heritagehub.linked_data).

The items a story is about are the ones its view loaded: its related items and the item
cards of its body, in the visitor's language. Its tags are prefetched here, once, for the
description and the page's tag list.
"""

from django.db.models import prefetch_related_objects

from heritage_collections.linked_data import item_reference
from heritagehub.linked_data import (
    content_language,
    document,
    hub_organization,
    image_object,
    page_url,
    place,
    thing,
)
from partners.linked_data import partner_of, partner_reference


def story_data(story, request, context):
    """The story as an Article, published by its partner or, for the hub's own, the hub."""
    prefetch_related_objects([story], "tags")  # shared with the page's tag list
    partner = partner_of(story, request)
    related = list(context.get("related_items") or [])
    cards = [item for item in (context.get("item_cards") or {}).values() if item not in related]
    author = story.author_name and thing("Person", name=story.author_name)
    return document(
        thing(
            "Article",
            headline=story.title,
            name=story.title,
            url=page_url(story, request),
            abstract=story.summary,
            datePublished=story.date,
            dateModified=story.last_published_at,
            author=author,
            image=image_object(story.hero_image, request),
            publisher=partner_reference(partner, request) or hub_organization(request),
            contentLocation=place(story.place_name),
            about=[item_reference(item, request) for item in related],
            mentions=[item_reference(item, request) for item in cards],
            keywords=[tag.name for tag in story.tags.all()],
            inLanguage=content_language(story),
        )
    )
