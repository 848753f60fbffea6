"""The demo's places: one spelling a city, and every partner with a place on the map."""

from math import asin, cos, radians, sin, sqrt

from demo.events import EVENTS
from demo.partners import ALL_PARTNERS, Bi
from demo.stories import STORIES

WITHOUT_A_PLACE = {"european-heritage-hub", "wikimedia-commons"}  # EU-wide; online


def km(first, second):
    (lat1, lon1), (lat2, lon2) = [[radians(float(v)) for v in point] for point in (first, second)]
    h = sin((lat2 - lat1) / 2) ** 2 + cos(lat1) * cos(lat2) * sin((lon2 - lon1) / 2) ** 2
    return 2 * 6371 * asin(sqrt(h))


def spellings(value):
    return {value.source, value.translation} if isinstance(value, Bi) else {value}


def test_a_partners_city_is_spelled_the_same_in_both_its_languages():
    for partner in ALL_PARTNERS:
        if partner.city is not None:
            assert len(spellings(partner.city)) == 1, partner.slug


def test_partners_events_and_stories_spell_turin_as_it_does():
    cities = set()
    for partner in ALL_PARTNERS:
        cities |= spellings(partner.city) if partner.city else set()
    cities |= {event.venue_city for event in EVENTS}
    places = set().union(*(spellings(story.place) for story in STORIES))
    assert "Torino" in cities and "Torino" in places
    assert not {"Turin", "Genoa", "Brussels", "Londra"} & (cities | places)


def test_every_partner_with_a_city_has_coordinates():
    placed = {partner.slug for partner in ALL_PARTNERS if partner.coordinates[0] is not None}
    assert {partner.slug for partner in ALL_PARTNERS} - placed == WITHOUT_A_PLACE
    assert all(partner.city is None for partner in ALL_PARTNERS if partner.slug not in placed)


def test_partners_of_one_city_are_placed_within_it():
    by_city = {}
    for partner in ALL_PARTNERS:
        if partner.city is not None:
            by_city.setdefault(partner.city.source, []).append(partner.coordinates)
    assert len(by_city["Washington"]) == 4
    for city, points in by_city.items():
        assert all(km(points[0], point) < 15 for point in points), city
