"""Items and the authority records they link to (``ItemAgent``, ``ItemPlace``): the items a
record's page lists (registered with ``authorities.linked_items``), and the records an
item's page names.

A link belongs to one translation of an item and points at one translation of a record;
both sides are matched by ``translation_key``, so a record's page in any language finds the
items linked to any of its translations, each shown in the visitor's language.
"""

from django.db.models import F

from authorities.models import PlacePage
from authorities.roles import WORK_ROLES
from heritagehub.cache import without_private
from heritagehub.i18n import in_language

from .models import ItemAgent, ItemPage, ItemPlace, item_listing


def linked_items(record, roles):
    """The live items linked to ``record`` in one of ``roles``, in the visitor's language,
    ready for item cards, oldest first."""
    if isinstance(record, PlacePage):
        links = ItemPlace.objects.filter(place__translation_key=record.translation_key)
    else:
        links = ItemAgent.objects.filter(agent__translation_key=record.translation_key)
    keys = links.filter(role__in=list(roles)).values("page__translation_key")
    items = ItemPage.objects.live().filter(translation_key__in=keys)
    return item_listing(in_language(without_private(items))).order_by(
        F("date_start").asc(nulls_last=True), "title", "pk"
    )


def item_links(item, preview=False):
    """(agent links, place links) of an item, with their records: two queries (none in a
    preview, whose links are the revision's, in memory)."""
    if preview:
        return list(item.agent_links.all()), list(item.place_links.all())
    # A draft or private record is not the public's: no name, no link to a page that
    # would refuse the visitor (EDM leaves them out the same way: oai.records).
    agents = without_private(item.agent_links.filter(agent__live=True), "agent__path")
    places = without_private(item.place_links.filter(place__live=True), "place__path")
    return (
        list(agents.select_related("agent").order_by("sort_order")),
        list(places.select_related("place").order_by("sort_order")),
    )


def creator_records(agent_links):
    """The records of the people and organisations who made the item."""
    return [link.agent for link in agent_links if link.role in WORK_ROLES]


def places_in_role(place_links, role):
    return [link.place for link in place_links if link.role == role]
