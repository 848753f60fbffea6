"""Factories of the programme's pages (see tests/factories.py for the others)."""

import datetime

import factory

from events.models import EventKind, EventPage, WhatsOnPage
from events.occurrences import refresh
from tests.factories import HeritagePageFactory


def kind(slug, language_code="it"):
    return EventKind.objects.get(slug=slug, locale__language_code=language_code)


class WhatsOnPageFactory(HeritagePageFactory):
    class Meta:
        model = WhatsOnPage

    title = "In programma"
    slug = "whats-on"
    introduction = "Mostre, laboratori e incontri del polo."


class EventPageFactory(HeritagePageFactory):
    """A live event; its occurrences are built as publishing would build them."""

    class Meta:
        model = EventPage
        skip_postgeneration_save = True

    title = factory.Sequence(lambda n: f"Evento {n}")
    kind = factory.LazyFunction(lambda: kind("talk"))
    summary = "Un incontro del polo."
    start_date = datetime.date(2027, 3, 10)
    start_time = datetime.time(18, 0)
    end_time = datetime.time(20, 0)
    time_zone = "Europe/Rome"
    venue_name = "Sala grande"
    venue_city = "Torino"
    languages = "it"

    @factory.post_generation
    def occurrences(obj, create, extracted, **kwargs):
        if create:
            refresh(obj.translation_key)
