"""Events (``event``) and the programme's index page with its routes (``index``)."""

from .event import (
    EVENTS_PER_PAGE,
    LANGUAGE_NAMES,
    EventKind,
    EventOccurrence,
    EventPage,
    EventRelatedItem,
    EventRelatedPage,
    Venue,
    validate_language_codes,  # named by migrations
)
from .index import WhatsOnPage

__all__ = [
    "EVENTS_PER_PAGE",
    "LANGUAGE_NAMES",
    "EventKind",
    "EventOccurrence",
    "EventPage",
    "EventRelatedItem",
    "EventRelatedPage",
    "Venue",
    "WhatsOnPage",
    "validate_language_codes",
]
