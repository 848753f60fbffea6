"""The calls listing (/calls/): open calls by nearest deadline, upcoming ones, the archive,
filters that work without JavaScript, and a message (never an error) for bad parameters."""

import datetime
import re
import zoneinfo

import pytest
import time_machine
from django.utils import timezone

from calls.models import CallKind
from partners.models import Sector
from tests.conftest import LANGUAGES, elements
from tests.factories import CallPageFactory, PartnerPageFactory

pytestmark = pytest.mark.django_db

ROME = zoneinfo.ZoneInfo("Europe/Rome")


def call_titles(html):
    """Titles of the call cards in page order."""
    marker = '<h3 class="card-title"><a href="'
    found = []
    for chunk in html.split(marker)[1:]:
        found.append(chunk.split('">', 1)[1].split("</a>", 1)[0])
    return found


def section(html, heading_id):
    start = html.index(f'id="{heading_id}"')
    end = html.find("</section>", start)
    return html[start:end]


def listing(client, query="", language="it", path=""):
    response = client.get(f"/{language}/calls/{path}{query}")
    assert response.status_code == 200
    return response.content.decode()


def test_open_calls_come_by_nearest_deadline(client, calls, tree):
    now = timezone.now()
    calls.partner_call.deadline = now + datetime.timedelta(days=9)
    calls.partner_call.save()
    calls.hub_call.deadline = now + datetime.timedelta(days=3)
    calls.hub_call.save()
    CallPageFactory(
        parent=calls.index, title="Scade presto", deadline=now + datetime.timedelta(days=2)
    )
    CallPageFactory(
        parent=tree.partner, title="Scade tardi", deadline=now + datetime.timedelta(days=40)
    )
    html = section(listing(client), "calls-heading")
    assert call_titles(html) == [
        "Scade presto",
        "Tirocinio in redazione",
        "Residenza d&#x27;artista",
        "Scade tardi",
    ]


def test_upcoming_calls_are_shown_apart_and_closed_ones_only_in_the_archive(client, calls):
    now = timezone.now()
    CallPageFactory(
        parent=calls.index,
        title="In arrivo",
        opens_at=now + datetime.timedelta(days=3),
        deadline=now + datetime.timedelta(days=30),
    )
    CallPageFactory(
        parent=calls.index,
        title="Scaduto",
        opens_at=now - datetime.timedelta(days=30),
        deadline=now - datetime.timedelta(days=1),
    )
    html = listing(client)
    assert "In arrivo" in section(html, "upcoming-heading")
    assert "In arrivo" not in section(html, "calls-heading")
    assert "Scaduto" not in html
    archive = listing(client, path="archive/")
    assert call_titles(archive) == ["Scaduto"]
    assert "Chiuso" in archive


def test_a_call_moves_to_the_archive_at_its_deadline(client, calls):
    deadline = calls.hub_call.deadline
    with time_machine.travel(deadline - datetime.timedelta(seconds=1), tick=False):
        assert "Tirocinio in redazione" in section(listing(client), "calls-heading")
        assert "Tirocinio in redazione" not in listing(client, path="archive/")
    with time_machine.travel(deadline, tick=False):
        assert "Tirocinio in redazione" not in listing(client)
        assert "Tirocinio in redazione" in listing(client, path="archive/")


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("?kind=job-internship", ["Tirocinio in redazione"]),
        ("?sector=contemporary-art", ["Residenza d&#x27;artista"]),
        ("?partner=archivio", ["Residenza d&#x27;artista"]),
        ("?region=piemonte", ["Residenza d&#x27;artista"]),
        ("?kind=job-internship&partner=archivio", []),
    ],
)
def test_filters(client, calls, tree, query, expected):
    tree.partner.region = "Piemonte"
    tree.partner.save_revision().publish()
    assert call_titles(section(listing(client, query), "calls-heading")) == expected


def test_the_partner_filter_finds_calls_below_every_translation_of_the_partner(
    client, calls, tree, translate
):
    english_partner = translate(tree.partner, "en", title="National Archive")
    CallPageFactory(parent=english_partner, title="English-only call")
    html = section(listing(client, "?partner=archivio", language="en"), "calls-heading")
    assert "English-only call" in html
    assert "Residenza d&#x27;artista" in html


def test_a_chip_removes_its_filter_and_keeps_the_others(client, calls):
    html = listing(client, "?kind=residency&sector=contemporary-art")
    chips = [e for e in elements(html) if e.tag == "a" and "chip" in e.attrs.get("class", "")]
    hrefs = sorted(chip.attrs["href"] for chip in chips)
    assert hrefs == ["?kind=residency#calls", "?sector=contemporary-art#calls"]


def test_the_filter_form_is_a_get_form_with_the_current_choices_selected(client, calls):
    html = listing(client, "?kind=residency")
    forms = [
        e for e in elements(html) if e.tag == "form" and "call-filters" in e.attrs.get("class", "")
    ]
    assert forms and forms[0].attrs["method"] == "get"
    assert '<option value="residency" selected>Residenza</option>' in html


@pytest.mark.parametrize(
    "query",
    [
        "?kind=nope",
        "?sector=%00%FF",
        "?partner=" + "x" * 5000,
        "?region=",
        "?page=abc",
        "?page=999",
    ],
)
def test_bad_parameters_get_a_message_never_an_error(client, calls, query):
    response = client.get(f"/it/calls/{query}")
    assert response.status_code == 200


def test_an_unknown_filter_value_is_named_in_the_message_and_left_out(client, calls):
    html = listing(client, "?kind=nope&sector=publishing")
    assert "Non esiste «nope» come tipo di bando" in html
    assert call_titles(section(html, "calls-heading")) == ["Tirocinio in redazione"]


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_listing_speaks_the_visitors_language(client, calls, language):
    html = listing(client, language=language)
    expected = {
        "it": "Chiude tra",
        "en": "Closes in",
        "fr": "Clôture dans",
        "de": "Endet in",
        "es": "Cierra en",
    }[language]
    assert expected in html


def test_listing_pages(client, calls):
    now = timezone.now()
    for number in range(25):
        CallPageFactory(
            parent=calls.index,
            title=f"Bando numerato {number:02d}",
            deadline=now + datetime.timedelta(days=20, hours=number),
        )
    first = listing(client)
    second = listing(client, "?page=2")
    assert len(call_titles(section(first, "calls-heading"))) == 20
    assert len(call_titles(section(second, "calls-heading"))) == 7
    assert "Pagina 2 di 2" in second


def test_the_listing_announces_its_calendar_and_feed_with_its_filters(client, calls):
    html = listing(client, "?kind=residency")
    links = {
        e.attrs["type"]: e.attrs["href"]
        for e in elements(html)
        if e.tag == "link" and e.attrs.get("rel") == "alternate" and "type" in e.attrs
    }
    assert links["text/calendar"] == "http://testserver/it/calls/calendar/?kind=residency"
    assert links["application/atom+xml"].startswith("http://testserver/it/")


def test_the_listing_is_cached_no_longer_than_until_the_next_deadline(client, calls):
    # At half past the hour, so the hourly refresh (days left change at midnight in whole-hour
    # zones) is 30 minutes away whatever the clock says when the suite runs; and half a day
    # from the fixture's other moments (2 and 3 days from now), or a call opening 3 days from
    # now at 10:29:48 would change the listing first when the suite runs at 10:28:30.
    deadline = calls.hub_call.deadline - datetime.timedelta(hours=12)
    deadline = deadline.replace(minute=30, second=0, microsecond=0)
    calls.hub_call.deadline = deadline
    calls.hub_call.save()
    with time_machine.travel(deadline - datetime.timedelta(seconds=90), tick=False):
        response = client.get("/it/calls/")
    assert response["Cache-Control"] == "max-age=90"


def test_the_listing_query_count_does_not_grow_with_the_calls(
    client, calls, tree, django_assert_max_num_queries
):
    sectors = list(Sector.objects.filter(locale__language_code="it")[:3])
    kinds = list(CallKind.objects.filter(locale__language_code="it"))
    partners = [PartnerPageFactory(parent=tree.partner_index, region="Piemonte") for _ in range(3)]
    for number in range(30):
        call = CallPageFactory(
            parent=partners[number % 3] if number % 2 else calls.index,
            kind=kinds[number % len(kinds)],
            title=f"Bando {number}",
        )
        call.sectors.set(sectors)
        call.save()
    client.get("/it/calls/")  # warm the site and locale caches, as any served page does
    with django_assert_max_num_queries(15):
        response = client.get("/it/calls/?sector=" + sectors[0].slug)
    assert response.status_code == 200


def test_a_partner_page_shows_its_open_calls(client, calls, tree):
    html = client.get("/it/partners/archivio/").content.decode()
    own = section(html, "calls-heading")
    assert "Residenza d&#x27;artista" in own
    assert "Tirocinio in redazione" not in own  # the hub's call, not the partner's
    assert "/it/calls/?partner=archivio" in own


def test_a_partner_page_without_open_calls_has_no_calls_section(client, calls, tree):
    with time_machine.travel(calls.partner_call.deadline + datetime.timedelta(days=1)):
        html = client.get("/it/partners/archivio/").content.decode()
    assert 'id="calls-heading"' not in html


def test_open_calls_add_at_most_two_queries_to_a_partner_page(
    client, calls, tree, django_assert_max_num_queries
):
    for number in range(8):
        CallPageFactory(parent=tree.partner, title=f"Bando del partner {number}")
    client.get("/it/partners/archivio/")  # warm caches, as any served page does
    with django_assert_max_num_queries(13):  # the partner page's ceiling (test_query_ceilings)
        response = client.get("/it/partners/archivio/")
    assert response.content.decode().count("card--call") == 6


def crumbs(html):
    """(text, is current) of the breadcrumb links, in order."""
    nav = html[
        html.index('class="breadcrumbs"') : html.index("</nav>", html.index('class="breadcrumbs"'))
    ]
    return [(e.text, "aria-current" in e.attrs) for e in elements(nav) if e.tag == "a"]


def headings(html):
    """(level, text) of the h1–h6 of the page, in order."""
    return [
        (int(m[1]), re.sub(r"<[^>]+>", "", m[2]).strip())
        for m in re.finditer(r"<h([1-6])[^>]*>(.*?)</h\1>", html, re.S)
    ]


def test_the_archive_is_the_current_crumb_after_the_calls_page(client, calls):
    assert crumbs(listing(client, path="archive/")) == [
        ("Home", False),
        (calls.index.title, False),
        ("Bandi chiusi", True),
    ]


def test_the_archive_has_one_heading_for_its_title(client, calls):
    found = headings(listing(client, path="archive/"))
    assert found[0] == (1, "Bandi chiusi")
    assert (2, "Bandi chiusi") not in found


# Cards kept in the cache (calls.listing.CallListing._cards) ----------------------------------


def card_of(html, title):
    start = html.rindex("<article", 0, html.index(f">{title}</a>"))
    return html[start : html.index("</article>", start)]


def test_a_cached_card_counts_down_with_the_clock(client, calls):
    deadline = datetime.datetime(2027, 5, 20, 12, 0, tzinfo=ROME)
    calls.hub_call.opens_at = deadline - datetime.timedelta(days=30)
    calls.hub_call.deadline = deadline
    calls.hub_call.save()
    with time_machine.travel(deadline - datetime.timedelta(days=5), tick=False):
        assert "Chiude tra 5 giorni" in card_of(listing(client), "Tirocinio in redazione")
    with time_machine.travel(deadline - datetime.timedelta(days=4), tick=False):
        assert "Chiude tra 4 giorni" in card_of(listing(client), "Tirocinio in redazione")


def test_a_published_change_shows_on_the_next_listing(client, calls):
    assert "Tirocinio in redazione" in listing(client)
    calls.hub_call.summary = "Sei mesi in redazione, con rimborso spese."
    calls.hub_call.save_revision().publish()
    assert "Sei mesi in redazione" in card_of(listing(client), "Tirocinio in redazione")


def test_the_archive_keeps_its_order_from_the_cache(client, calls):
    now = timezone.now()
    for number in range(3):
        CallPageFactory(
            parent=calls.index,
            title=f"Bando chiuso {number}",
            opens_at=now - datetime.timedelta(days=60),
            deadline=now - datetime.timedelta(days=10 - number),
        )
    expected = ["Bando chiuso 2", "Bando chiuso 1", "Bando chiuso 0"]
    assert call_titles(listing(client, path="archive/")) == expected
    assert call_titles(listing(client, path="archive/")) == expected
