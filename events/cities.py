"""The cities of What's on's filter: one choice per city, whatever its spelling or language.

Editors type an event's city in each of its translations, and the occurrences copy it from
one of them (events.occurrences), so the programme holds "Torino", "torino " and "Turin"
for one city. The filter takes as one city

- the spellings that fold to the same text (case, accents and spaces: "Genève" is
  "geneve"), and
- the names one page gives the city in its translations (an event's venue city, a
  partner's city: "Torino" in Italian is "Turin" in English),

named as the visitor's language names it (the name most pages in that language give it,
else the spelling most events use). Any of its names selects it (``?city=Turin`` and
``?city=torino`` are ``?city=Torino`` on the Italian site), and the listing asks for the
occurrences whose ``city`` is one of the spellings the programme holds: the indexed column,
no schema change. Computed once per language and generation (heritagehub.cache).
"""

from collections import Counter, defaultdict
from dataclasses import dataclass

from django.db.models import Count

from partners.directory import fold
from partners.models import PartnerPage

from .models.event import EventOccurrence, EventPage


def city_key(name):
    """What two spellings of one city have in common: "  Genève " and "geneve"."""
    return fold(" ".join((name or "").split()))


@dataclass(frozen=True)
class Cities:
    """The cities of the programme in one language."""

    names: dict  # city_key of any known name → the city's label
    spellings: dict  # label → the ``EventOccurrence.city`` values of that city

    def find(self, value):
        """The label of the city ``value`` names, or None."""
        return self.names.get(city_key(value))

    def labels(self):
        return sorted(self.spellings, key=str.lower)

    def label_of(self, spelling):
        """How the visitor's language names the city an occurrence spells ``spelling``."""
        return self.names.get(city_key(spelling), spelling)


class _Groups:
    """Union–find of city keys: the names known to be one city."""

    def __init__(self):
        self.parent = {}

    def find(self, key):
        self.parent.setdefault(key, key)
        root = key
        while self.parent[root] != root:
            root = self.parent[root]
        while self.parent[key] != root:  # path compression
            self.parent[key], key = root, self.parent[key]
        return root

    def union(self, keys):
        keys = list(keys)
        for key in keys[1:]:
            self.parent[self.find(key)] = self.find(keys[0])


def programme_cities(language_code):
    """The Cities of the programme for a visitor of ``language_code``: three queries."""
    events_per_spelling = dict(
        EventOccurrence.objects.exclude(city="")
        .values("city")
        .annotate(events=Count("translation_key", distinct=True))
        .values_list("city", "events")
    )
    translations = list(
        EventPage.objects.live()
        .filter(translation_key__in=EventOccurrence.objects.values("translation_key"))
        .exclude(venue_city="")
        .values_list("translation_key", "venue_city", "locale__language_code")
    ) + list(
        PartnerPage.objects.live()
        .exclude(city="")
        .values_list("translation_key", "city", "locale__language_code")
    )
    groups = _Groups()
    events_per_spelling = {
        spelling: count for spelling, count in events_per_spelling.items() if city_key(spelling)
    }
    translations = [row for row in translations if city_key(row[1])]
    for spelling in events_per_spelling:
        groups.find(city_key(spelling))
    names_of_page = defaultdict(set)
    for translation_key, name, _code in translations:
        names_of_page[translation_key].add(city_key(name))
    for keys in names_of_page.values():
        groups.union(keys)

    # What the visitor's language calls each city, counted by page; else by event.
    local_names = defaultdict(Counter)
    for _key, name, code in translations:
        if code == language_code:
            local_names[groups.find(city_key(name))][" ".join(name.split())] += 1
    spellings = defaultdict(list)
    events = defaultdict(Counter)
    for spelling, count in events_per_spelling.items():
        root = groups.find(city_key(spelling))
        spellings[root].append(spelling)
        events[root][" ".join(spelling.split())] += count

    def most_used(counter):
        return min(counter.items(), key=lambda pair: (-pair[1], pair[0].lower(), pair[0]))[0]

    labels = {root: most_used(local_names[root] or events[root]) for root in spellings}
    names = {key: labels[groups.find(key)] for key in groups.parent if groups.find(key) in labels}
    return Cities(
        names=names,
        spellings={labels[root]: tuple(sorted(values)) for root, values in spellings.items()},
    )
