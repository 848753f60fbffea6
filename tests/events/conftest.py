"""The programme's fixtures: a What's on page below the home page, and a small programme
around Wednesday 10 March 2027 (10:00 in Rome), the day the tests travel to."""

from dataclasses import dataclass
from datetime import UTC, date, datetime, time

import pytest

from tests.events.factories import EventPageFactory, WhatsOnPageFactory, kind

# Wednesday 10 March 2027, 10:00 in Rome.
NOW = datetime(2027, 3, 10, 9, 0, tzinfo=UTC)


@pytest.fixture
def whats_on(tree):
    return WhatsOnPageFactory(parent=tree.home)


@dataclass
class Programme:
    past: object
    today: object
    saturday: object
    sunday: object
    exhibition: object
    april: object

    def all(self):
        return [self.past, self.today, self.saturday, self.sunday, self.exhibition, self.april]


@pytest.fixture
def programme(tree, whats_on, time_machine):
    """Six events of the partner "Archivio Nazionale" (Torino) and of the hub."""
    time_machine.move_to(NOW, tick=False)
    partner = tree.partner
    return Programme(
        past=EventPageFactory(
            parent=partner,
            title="Incontro di febbraio",
            slug="febbraio",
            start_date=date(2027, 2, 1),
        ),
        today=EventPageFactory(
            parent=partner,
            title="Laboratorio di oggi",
            slug="oggi",
            kind=kind("workshop"),
            start_date=date(2027, 3, 10),
            start_time=time(18),
            end_time=time(20),
            is_free=True,
            languages="it, en",
        ),
        saturday=EventPageFactory(
            parent=whats_on,
            title="Spettacolo del sabato",
            slug="sabato",
            kind=kind("performance"),
            start_date=date(2027, 3, 13),
            start_time=time(21),
            end_time=time(23),
            venue_name="Teatro",
            venue_city="Milano",
            price=12,
        ),
        sunday=EventPageFactory(
            parent=whats_on,
            title="Proiezione online",
            slug="domenica",
            kind=kind("screening"),
            start_date=date(2027, 3, 14),
            start_time=time(16),
            end_time=time(18),
            attendance_mode="online",
            online_url="https://stream.example.org/live",
            venue_name="",
            venue_city="",
            languages="en",
        ),
        exhibition=EventPageFactory(
            parent=partner,
            title="Mostra di primavera",
            slug="mostra",
            kind=kind("exhibition"),
            start_date=date(2027, 2, 15),
            end_date=date(2027, 4, 30),
            start_time=None,
            end_time=None,
        ),
        april=EventPageFactory(
            parent=partner,
            title="Visita di aprile",
            slug="aprile",
            kind=kind("guided-tour"),
            start_date=date(2027, 4, 10),
            start_time=time(11),
            end_time=time(12),
        ),
    )
