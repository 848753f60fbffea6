"""What an item says of the people, organisations and places it is linked to.

The roles belong with the records (a record's page groups its items by them); the links
themselves are the items' (``heritage_collections.models.ItemAgent`` and ``ItemPlace``).
"""

from django.db import models
from django.utils.translation import pgettext_lazy


class AgentRole(models.TextChoices):
    CREATOR = "creator", pgettext_lazy("agent role", "Creator")
    ATTRIBUTED_TO = "attributed_to", pgettext_lazy("agent role", "Attributed to")
    PUBLISHER = "publisher", pgettext_lazy("agent role", "Publisher")
    DEPICTED = "depicted", pgettext_lazy("agent role", "Depicted")


class PlaceRole(models.TextChoices):
    MADE = "made", pgettext_lazy("place role", "Made in")
    FOUND = "found", pgettext_lazy("place role", "Found in")
    DEPICTED = "depicted", pgettext_lazy("place role", "Depicted")


# A person's works: what their page lists first, and who the item's JSON-LD names as creator.
WORK_ROLES = (AgentRole.CREATOR, AgentRole.ATTRIBUTED_TO)
# Where an item comes from: what a place's page lists first.
ORIGIN_ROLES = (PlaceRole.MADE, PlaceRole.FOUND)
ABOUT_ROLE = "depicted"
