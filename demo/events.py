"""The demo programme: What's on, and events of the seed hubs, dated from the day it loads.

One record an event in ``content/events/``, What's on in ``content/pages/whats-on.yaml``.
Written in Italian with the English, French, German and Spanish texts next to each string,
and translated into all four with wagtail-localize (``translate_page``), so the programme
reads in every language of the hub. Dates are counted from the day ``load_demo`` runs (a
talk in three days, an exhibition that opened three weeks ago, a workshop every Saturday
from the next one), so the demo never shows a stale programme; one event is already over,
for the archive. The facts are those of the partners' profiles (content/partners):
Polo del '900's exhibitions and school programmes in Turin, Tabakalera's residencies in San
Sebastián, the Brussels district's concert hall and workshops, Farm Cultural Park's
exhibitions in Favara, the Emilia-Romagna hub's calls.
"""

from dataclasses import dataclass
from datetime import date, timedelta

from events.models import EventKind, EventPage

from .base import Bi, Strings, locale
from .pages import add_site_page
from .records import add_pages, clock, records


@dataclass
class EventText:
    slug: str
    parent: str  # "hub" for What's on, else a partner slug
    kind: str
    title: Bi
    summary: Bi
    start: int | None = None  # days from the day the demo loads
    weekday: int | None = None  # else the next such weekday after it (0 = Monday)
    start_time: str | None = None  # "HH:MM"
    end_time: str | None = None
    days: int = 0  # how many days after the start it ends
    recurrence: str = ""
    skip: tuple = ()  # occurrences left out, as indexes of the recurrence
    venue_name: str = ""
    venue_city: str = ""
    time_zone: str = "Europe/Rome"
    attendance_mode: str = "in_person"
    online_url: str = ""
    languages: str = "it"
    accessibility: Bi | None = None
    is_free: bool = False
    price: int | None = None
    price_details: Bi | None = None
    booking_url: str = ""


def next_weekday(today, weekday):
    """The next ``weekday`` (0 = Monday) after today."""
    return today + timedelta(days=(weekday - today.weekday() - 1) % 7 + 1)


EVENTS = records("events", EventText)


def _start_date(text, today):
    if text.weekday is not None:
        return next_weekday(today, text.weekday)
    return today + timedelta(days=text.start)


def event_page(text, kinds, today):
    """The Italian EventPage of ``text`` and the Italian strings it extracts."""
    start = _start_date(text, today)
    recurrence, exceptions = text.recurrence, ""
    if text.skip:
        occurrences = [start + timedelta(weeks=index) for index in text.skip]
        exceptions = "\n".join(day.isoformat() for day in occurrences)
    strings = Strings()
    page = EventPage(
        title=strings(text.title),
        slug=text.slug,
        kind=kinds[text.kind],
        summary=strings(text.summary),
        start_date=start,
        start_time=clock(text.start_time),
        end_date=start + timedelta(days=text.days) if text.days else None,
        end_time=clock(text.end_time),
        time_zone=text.time_zone,
        recurrence=recurrence,
        exceptions=exceptions,
        attendance_mode=text.attendance_mode,
        venue_name=text.venue_name,
        venue_city=text.venue_city,
        online_url=text.online_url,
        languages=text.languages,
        accessibility=strings(text.accessibility),
        is_free=text.is_free,
        price=text.price,
        price_details=strings(text.price_details),
        booking_url=text.booking_url,
    )
    strings.keep(text.venue_name, text.venue_city)
    return page, strings


def _languages_of(parent):
    """The languages the parent page is really written in (no alias copies): translating an
    event elsewhere would make wagtail-localize copy its partner's page there, untranslated
    text served as a translation. The visitor of another language gets the event in its own
    language, with the notice."""
    return set(
        parent.get_translations(inclusive=True)
        .filter(alias_of__isnull=True)
        .values_list("locale__language_code", flat=True)
    )


def load_events(pages, partner_pages, stats, today=None):
    """What's on below the Italian home page, and the programme; all in five languages."""
    today = today or date.today()
    home = pages["it"]["home"]
    whats_on = add_site_page(pages, home, "whats-on", stats, kind="index pages")
    kinds = {kind.slug: kind for kind in EventKind.objects.filter(locale=locale("it"))}
    return add_pages(
        EVENTS,
        parent_of=lambda text: whats_on if text.parent == "hub" else partner_pages[text.parent],
        build=lambda text: event_page(text, kinds, today),
        languages_of=lambda text, parent, page: [
            language for language in _languages_of(parent) if language != page.locale.language_code
        ],
        stats=stats,
        kind="events",
    )
