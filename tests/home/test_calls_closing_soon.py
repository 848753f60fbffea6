"""The home page's open calls closing soon: the three nearest deadlines, with their badges
and a link to every open call, in a bounded number of queries."""

import datetime
import zoneinfo

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils.cache import get_max_age

from calls.models import CallPage
from tests.conftest import elements
from tests.factories import CallIndexPageFactory, CallPageFactory

pytestmark = pytest.mark.django_db

ROME = zoneinfo.ZoneInfo("Europe/Rome")
NOW = datetime.datetime(2031, 5, 10, 10, 20, tzinfo=ROME)


@pytest.fixture
def now(time_machine):
    time_machine.move_to(NOW, tick=False)
    return NOW


@pytest.fixture
def index(tree):
    return CallIndexPageFactory(parent=tree.home)


def call(parent, title, closes_in_days, opened_days_ago=7):
    return CallPageFactory(
        parent=parent,
        title=title,
        slug=title.lower().replace(" ", "-"),
        opens_at=NOW - datetime.timedelta(days=opened_days_ago),
        deadline=NOW + datetime.timedelta(days=closes_in_days, hours=2),
    )


@pytest.fixture
def calls(tree, index, now):
    """Five open calls, one closed and one yet to open, below the index and the partner."""
    return {
        "in 5 days": call(index, "Bando cinque", 5),
        "in 2 days": call(tree.partner, "Bando due", 2),
        "in 12 days": call(index, "Bando dodici", 12),
        "tomorrow": call(index, "Bando domani", 1),
        "in 30 days": call(tree.partner, "Bando trenta", 30),
        "closed": call(index, "Bando chiuso", -1, opened_days_ago=20),
        "upcoming": CallPageFactory(
            parent=index,
            title="Bando futuro",
            slug="bando-futuro",
            opens_at=NOW + datetime.timedelta(days=1),
            deadline=NOW + datetime.timedelta(days=3),
        ),
    }


def section(html):
    start = html.index('class="container section calls-closing-soon"')
    return html[start : html.index("</section>", start)]


def shown(html):
    """The titles of the cards, in order."""
    part = section(html)
    return [e.text for e in elements(part) if e.tag == "a" and e.text.startswith("Bando")]


def test_the_home_page_shows_the_three_open_calls_nearest_their_deadline(client, calls):
    html = client.get("/it/").content.decode()
    assert shown(html) == ["Bando domani", "Bando due", "Bando cinque"]
    part = section(html)
    assert "Bandi aperti in scadenza" in part
    assert "Chiude domani" in part and "Chiude tra 2 giorni" in part
    assert "Chiude tra 5 giorni" in part
    partner_card = part[part.index(">Bando due<") : part.index(">Bando cinque<")]
    assert "Archivio Nazionale" in partner_card  # the partner of the partner's call


def test_the_section_links_to_every_open_call(client, calls):
    part = section(client.get("/it/").content.decode())
    links = {e.text: e.attrs["href"] for e in elements(part) if e.tag == "a"}
    assert links["Tutti i bandi aperti"] == "/it/calls/"


def test_the_section_speaks_the_visitor_s_language(client, calls):
    part = section(client.get("/en/").content.decode())
    assert "Open calls closing soon" in part
    assert "All open calls" in part
    assert "Closes tomorrow" in part


def test_without_an_open_call_there_is_no_section(client, index, now):
    call(index, "Bando chiuso", -1, opened_days_ago=20)
    assert "calls-closing-soon" not in client.get("/it/").content.decode()


def test_at_a_deadline_the_next_call_takes_the_place_of_the_closed_one(client, calls, time_machine):
    client.get("/it/")  # the section is in the cache now
    time_machine.move_to(calls["tomorrow"].deadline, tick=False)
    html = client.get("/it/").content.decode()
    # "Bando futuro" opened meanwhile and closes before "Bando cinque".
    assert shown(html) == ["Bando due", "Bando futuro", "Bando cinque"]


def test_the_home_page_is_kept_no_longer_than_until_the_next_change(client, calls, settings):
    settings.HERITAGEHUB_PAGE_CACHE_SECONDS = 600
    response = client.get("/it/")
    # 10:20 in Rome: the badges may turn over at the next full hour, in 40 minutes.
    assert get_max_age(response) == 40 * 60


def test_a_caching_proxy_may_keep_the_home_page_no_longer_either(client, calls, settings):
    settings.WAGTAILFRONTENDCACHE = {
        "proxy": {
            "BACKEND": "wagtail.contrib.frontend_cache.backends.HTTPBackend",
            "LOCATION": "http://varnish.internal",
        }
    }
    settings.FRONTEND_CACHE_MAX_AGE = 3600
    response = client.get("/it/")
    assert "public" in response["Cache-Control"]
    assert get_max_age(response) == 40 * 60


def test_a_call_closing_before_the_hour_ends_shortens_the_home_page_s_life(
    client, index, now, settings
):
    settings.HERITAGEHUB_PAGE_CACHE_SECONDS = 600
    CallPageFactory(
        parent=index,
        title="Bando breve",
        slug="bando-breve",
        opens_at=NOW - datetime.timedelta(days=1),
        deadline=NOW + datetime.timedelta(minutes=5),
    )
    assert get_max_age(client.get("/it/")) == 300


def test_a_call_about_to_open_shortens_the_home_page_s_life_before_it_shows(
    client, index, now, settings
):
    settings.HERITAGEHUB_PAGE_CACHE_SECONDS = 600
    CallPageFactory(
        parent=index,
        title="Bando in arrivo",
        slug="bando-in-arrivo",
        opens_at=NOW + datetime.timedelta(minutes=3),
        deadline=NOW + datetime.timedelta(days=30),
    )
    response = client.get("/it/")
    assert "calls-closing-soon" not in response.content.decode()
    assert get_max_age(response) == 180


def test_without_calls_the_home_page_says_nothing_of_its_life(client, tree, settings):
    settings.HERITAGEHUB_PAGE_CACHE_SECONDS = 600
    assert get_max_age(client.get("/it/")) is None


def home_queries(client, cold=False):
    """Queries of a request to the home page, after a first one filled the cache (cold: with
    the cache emptied again, as after a restart)."""
    cache.clear()
    assert client.get("/it/").status_code == 200
    if cold:
        cache.clear()
    with CaptureQueriesContext(connection) as captured:
        assert client.get("/it/").status_code == 200
    return len(captured.captured_queries)


@pytest.mark.parametrize("cold", [False, True], ids=["warm", "cold"])
def test_the_calls_cost_the_home_page_the_same_queries_whatever_their_number(
    client, tree, index, now, cold
):
    call(index, "Bando primo", 3)
    one = home_queries(client, cold)
    for number in range(30):
        call(tree.partner if number % 2 else index, f"Bando {number}", 4 + number % 9)
    many = home_queries(client, cold)
    assert CallPage.objects.count() == 31
    assert one == many
    if not cold:
        assert many <= 15  # the home page's ceiling (tests/heritagehub/test_query_ceilings.py)
