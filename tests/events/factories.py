"""Factories of the programme's pages live in tests/factories.py with the others (the fuzzing
test finds every page type's factory there); this module keeps the events tests' names."""

from tests.factories import EventPageFactory, WhatsOnPageFactory
from tests.factories import event_kind as kind

__all__ = ["EventPageFactory", "WhatsOnPageFactory", "kind"]
