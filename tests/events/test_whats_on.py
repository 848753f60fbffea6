"""What's on: upcoming by default, filters by date and facts, the archive, bad parameters.

Time is frozen on Wednesday 10 March 2027 at 10:00 in Rome (conftest.NOW) unless a test
travels elsewhere.
"""

import re
from datetime import UTC, date, datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from heritagehub.i18n import url_in_language
from tests.conftest import elements
from tests.events.factories import EventPageFactory

pytestmark = pytest.mark.django_db
LANGUAGES = ["it", "en", "fr", "de", "es"]


def listed(client, whats_on, query="", route=""):
    response = client.get(url_in_language(whats_on) + route + query)
    assert response.status_code == 200
    return response.content.decode()


def titles(content, programme):
    return {event.title for event in programme.all() if f">{event.title}</a>" in content}


def test_upcoming_by_default_with_the_ongoing_exhibition_and_without_the_past(
    client, whats_on, programme
):
    shown = titles(listed(client, whats_on), programme)
    assert shown == {
        "Laboratorio di oggi",
        "Spettacolo del sabato",
        "Proiezione online",
        "Mostra di primavera",
        "Visita di aprile",
    }


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("?when=today", {"Laboratorio di oggi", "Mostra di primavera"}),
        (
            "?when=weekend",
            {"Spettacolo del sabato", "Proiezione online", "Mostra di primavera"},
        ),
        (
            "?when=month",
            {
                "Laboratorio di oggi",
                "Spettacolo del sabato",
                "Proiezione online",
                "Mostra di primavera",
            },
        ),
        ("?from=2027-04-01&to=2027-04-30", {"Mostra di primavera", "Visita di aprile"}),
        ("?from=2027-04-05", {"Visita di aprile", "Mostra di primavera"}),
        ("?kind=workshop", {"Laboratorio di oggi"}),
        ("?partner=archivio&when=weekend", {"Mostra di primavera"}),
        ("?city=Milano", {"Spettacolo del sabato"}),
        ("?free=1", {"Laboratorio di oggi"}),
        ("?online=1", {"Proiezione online"}),
        ("?language=en", {"Laboratorio di oggi", "Proiezione online"}),
        ("?kind=workshop&city=Milano", set()),
    ],
)
def test_filters(client, whats_on, programme, query, expected):
    assert titles(listed(client, whats_on, query), programme) == expected


def test_the_weekend_seen_on_sunday_is_the_rest_of_sunday(
    client, whats_on, programme, time_machine
):
    time_machine.move_to(datetime(2027, 3, 14, 11, 0, tzinfo=UTC), tick=False)
    shown = titles(listed(client, whats_on, "?when=weekend"), programme)
    assert shown == {"Proiezione online", "Mostra di primavera"}


def test_today_is_the_hubs_day_even_just_after_midnight_in_rome(
    client, whats_on, programme, time_machine
):
    # 23:30 UTC on the 10th is 00:30 on the 11th in Rome: today's workshop is over.
    time_machine.move_to(datetime(2027, 3, 10, 23, 30, tzinfo=UTC), tick=False)
    assert titles(listed(client, whats_on, "?when=today"), programme) == {"Mostra di primavera"}


def test_an_event_disappears_from_upcoming_once_it_has_ended(
    client, whats_on, programme, time_machine
):
    time_machine.move_to(datetime(2027, 3, 10, 19, 30, tzinfo=UTC), tick=False)  # 20:30 Rome
    assert "Laboratorio di oggi" not in titles(listed(client, whats_on), programme)


def test_the_archive_lists_the_events_that_are_over(client, whats_on, programme):
    assert titles(listed(client, whats_on, route="archive/"), programme) == {"Incontro di febbraio"}


def test_a_recurring_event_is_archived_after_its_last_date_only(
    client, whats_on, tree, time_machine
):

    time_machine.move_to(datetime(2027, 3, 10, 9, 0, tzinfo=UTC), tick=False)
    EventPageFactory(
        parent=whats_on,
        title="Ciclo",
        slug="ciclo",
        start_date=date(2027, 3, 1),
        recurrence="FREQ=WEEKLY;COUNT=3",
    )
    assert ">Ciclo</a>" not in listed(client, whats_on, route="archive/")
    time_machine.move_to(datetime(2027, 3, 20, 9, 0, tzinfo=UTC), tick=False)
    assert listed(client, whats_on, route="archive/").count(">Ciclo</a>") == 1


def test_a_chip_removes_its_filter_and_keeps_the_others(client, whats_on, programme):
    content = listed(client, whats_on, "?kind=workshop&free=1")
    assert 'href="?free=1#events"' in content
    assert 'href="?kind=workshop#events"' in content


def test_the_listing_links_its_selection_as_a_calendar(client, whats_on, programme):
    content = listed(client, whats_on, "?kind=workshop&free=1")
    assert (
        '<link rel="alternate" type="text/calendar" title="Calendario (iCalendar)" '
        'href="http://testserver/it/whats-on/calendar/?kind=workshop&amp;free=1">'
    ) in content


@pytest.mark.parametrize(
    ("query", "message"),
    [
        ("?when=tomorrow", "is not a period"),
        ("?from=2027-02-30", "is not a date"),
        ("?from=yesterday&to=2027", "is not a date"),
        ("?from=2027-04-01&to=2027-03-01", "ends before it starts"),
        ("?from=0001-01-01", "out of range"),
        ("?kind=nope", "nope"),
        ("?partner=%3Cscript%3E", "&lt;script&gt;"),
        ("?city=Atlantide", "Atlantide"),
        ("?language=zz", "zz"),
        ("?free=yes", "free"),
        ("?when=today&from=2027-03-01", "not both"),
    ],
)
def test_bad_parameters_get_a_message_never_an_error(client, whats_on, programme, query, message):
    response = client.get(url_in_language(whats_on, "en") + query)
    assert response.status_code == 200
    content = response.content.decode()
    assert 'role="alert"' in content
    assert message in content


@pytest.mark.parametrize("query", ["?page=abc", "?page=9999", "?page=-1", "?when=" + "x" * 5000])
def test_bad_page_numbers_and_long_values_get_a_page(client, whats_on, programme, query):
    listed(client, whats_on, query)


def test_pagination_splits_the_listing(client, whats_on, tree, time_machine):

    time_machine.move_to(datetime(2027, 3, 1, 9, 0, tzinfo=UTC), tick=False)
    EventPageFactory(
        parent=whats_on,
        title="Ogni giorno",
        slug="ogni-giorno",
        start_date=date(2027, 3, 2),
        recurrence="FREQ=DAILY;COUNT=25",
    )
    first, second = listed(client, whats_on), listed(client, whats_on, "?page=2")
    assert first.count(">Ogni giorno</a>") == 20
    assert second.count(">Ogni giorno</a>") == 5
    assert 'rel="next"' in first


@pytest.mark.parametrize(
    ("language", "label", "saturday"),
    [
        ("it", "Quando", "sab 13 mar."),
        ("en", "When", "Sat 13 Mar"),
        ("fr", "Quand", "sam. 13 mars"),
        ("de", "Wann", "Sa., 13. März"),
        ("es", "Cuándo", "sáb. 13 mar."),
    ],
)
def test_whats_on_in_five_languages(client, whats_on, programme, language, label, saturday):
    response = client.get(url_in_language(whats_on, language) + "?when=weekend")
    content = response.content.decode()
    assert response.status_code == 200
    assert f'<html lang="{language}"' in content
    assert f'<label for="whats-on-when">{label}</label>' in content
    assert f"<span>{saturday}, " in content  # Saturday's performance, in the page's language


def test_whats_on_has_a_ceiling_of_queries(
    client, whats_on, tree, time_machine, django_assert_max_num_queries
):

    time_machine.move_to(datetime(2027, 3, 1, 9, 0, tzinfo=UTC), tick=False)
    for number in range(30):
        EventPageFactory(
            parent=tree.partner if number % 2 else whats_on,
            title=f"Evento {number}",
            slug=f"evento-{number}",
            start_date=date(2027, 3, 2 + number % 20),
        )
    url = url_in_language(whats_on) + "?kind=talk&city=Torino"
    client.get(url)  # the cache holds what a running site keeps there
    with django_assert_max_num_queries(15):
        assert client.get(url).status_code == 200


def card_of(content, title):
    """The HTML of the event card whose title is ``title``."""
    end = content.index(f">{title}</a>")
    return content[content.rindex("<article", 0, end) : content.index("</article>", end)]


def test_an_ongoing_exhibition_shows_until_when_it_runs(client, whats_on, programme):
    card = card_of(listed(client, whats_on), "Mostra di primavera")
    assert 'class="event-date-until">Fino al</span>' in card
    assert '<time datetime="2027-04-30">' in card
    assert 'datetime="2027-02-15"' not in card


def test_an_event_yet_to_begin_shows_its_start(client, whats_on, programme, time_machine):
    time_machine.move_to(datetime(2027, 2, 10, 9, 0, tzinfo=UTC), tick=False)
    card = card_of(listed(client, whats_on), "Mostra di primavera")
    assert "event-date-until" not in card
    assert '<time datetime="2027-02-15">' in card


def crumbs(html):
    """(text, is current) of the breadcrumb links, in order."""
    start = html.index('class="breadcrumbs"')
    nav = html[start : html.index("</nav>", start)]
    return [(e.text, "aria-current" in e.attrs) for e in elements(nav) if e.tag == "a"]


def headings(html):
    """(level, text) of the h1–h6 of the page, in order."""
    return [
        (int(m[1]), re.sub(r"<[^>]+>", "", m[2]).strip())
        for m in re.finditer(r"<h([1-6])[^>]*>(.*?)</h\1>", html, re.S)
    ]


def test_the_archive_is_the_current_crumb_after_whats_on(client, whats_on, programme):
    assert crumbs(listed(client, whats_on, route="archive/")) == [
        ("Home", False),
        (whats_on.title, False),
        ("Eventi passati", True),
    ]


def test_the_archive_has_one_heading_for_its_title(client, whats_on, programme):
    found = headings(listed(client, whats_on, route="archive/"))
    assert found[0] == (1, "Eventi passati")
    assert (2, "Eventi passati") not in found


# Cards kept in the cache (events.whats_on.WhatsOn.listed) -----------------------------------


def test_a_published_change_shows_on_the_next_listing(client, whats_on, programme):
    assert "Visita di aprile" in listed(client, whats_on)
    programme.april.title = "Visita guidata di aprile"
    programme.april.save_revision().publish()
    assert ">Visita guidata di aprile</a>" in listed(client, whats_on)


def test_a_listing_whose_cards_are_cached_reads_no_event(client, whats_on, programme):
    listed(client, whats_on)
    with CaptureQueriesContext(connection) as queries:
        assert "Visita di aprile" in listed(client, whats_on)
    assert not [query for query in queries if "events_eventpage" in query["sql"]]


def test_a_cached_card_says_until_once_the_exhibition_has_begun(
    client, whats_on, programme, time_machine
):
    exhibition = EventPageFactory(
        parent=whats_on,
        title="Mostra di marzo",
        slug="mostra-marzo",
        start_date=date(2027, 3, 12),
        end_date=date(2027, 3, 28),
        start_time=None,
        end_time=None,
    )
    url = url_in_language(whats_on, "en")

    def card():
        content = client.get(url).content.decode()
        return content[content.rindex("<article", 0, content.index(f">{exhibition.title}</a>")) :]

    assert "Until" not in card().split("</article>")[0]
    time_machine.move_to(datetime(2027, 3, 13, 9, 0, tzinfo=UTC), tick=False)
    assert "Until" in card().split("</article>")[0]


def test_pages_list_the_events_on_show_first_then_the_coming_ones_in_order(
    client, whats_on, programme
):
    # On show at NOW: the spring exhibition (from 15 February) and one added later, on
    # since 1 February: it comes first.
    EventPageFactory(
        parent=whats_on,
        title="Mostra d'inverno",
        slug="inverno",
        start_date=date(2027, 2, 1),
        end_date=date(2027, 3, 31),
        start_time=None,
        end_time=None,
    )
    for day in range(1, 21):
        EventPageFactory(
            parent=whats_on, title=f"Incontro {day:02d}", slug=f"incontro-{day}",
            start_date=date(2027, 5, day),
        )  # fmt: skip
    titles_in_order = []
    for page in ("", "?page=2"):
        content = listed(client, whats_on, page)
        titles_in_order += re.findall(r'class="card-title"><a href="[^"]*">([^<]*)</a>', content)
    assert titles_in_order[:2] == ["Mostra d&#x27;inverno", "Mostra di primavera"]
    assert titles_in_order[2:6] == [
        "Laboratorio di oggi",
        "Spettacolo del sabato",
        "Proiezione online",
        "Visita di aprile",
    ]
    assert titles_in_order[6:] == [f"Incontro {day:02d}" for day in range(1, 21)]


def result_count(content):
    return re.search(r'class="result-count" role="status">\s*([^<]*?)\s*</p>', content).group(1)


def test_the_count_kept_in_the_cache_drops_when_an_event_ends(
    client, whats_on, programme, time_machine
):
    english = url_in_language(whats_on, "en")
    before = result_count(client.get(english + "?free=1").content.decode())
    time_machine.move_to(datetime(2027, 3, 10, 19, 30, tzinfo=UTC), tick=False)  # 20:30 Rome
    after = result_count(client.get(english + "?free=1").content.decode())
    assert (before, after) == ("1 date", "0 dates")


def test_the_archives_count_grows_when_an_event_ends(client, whats_on, programme, time_machine):
    english = url_in_language(whats_on, "en") + "archive/"
    before = result_count(client.get(english).content.decode())
    time_machine.move_to(datetime(2027, 3, 10, 19, 30, tzinfo=UTC), tick=False)
    after = result_count(client.get(english).content.decode())
    assert (before, after) == ("1 past event", "2 past events")
