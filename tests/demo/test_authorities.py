"""The demo's people and places: Tate's artist records as authority records, and the items
linked to them."""

import pytest

from authorities.models import AgentPage, PlacePage
from demo.authorities import agent_page, coordinates, link_items, load_authorities, place_page
from demo.base import Stats
from demo.records import record
from heritage_collections.models import ItemAgent, ItemPage
from tests.factories import AuthorityIndexPageFactory


@pytest.fixture(scope="module")
def data():
    return record("authorities")


def test_every_place_of_birth_or_death_is_a_record(data):
    named = {entry[key] for entry in data["agents"] for key in ("born", "died") if key in entry}
    assert named <= {place["name"] for place in data["places"]}


def test_a_place_the_demo_knows_gets_its_coordinates():
    assert coordinates("London") == ("51.5074", "-0.1278")
    assert coordinates("Nowhere at all") == (None, None)


def test_a_place_keeps_its_full_name_as_another_name():
    page = place_page({"name": "London, United Kingdom", "short_name": "London",
                       "type": "inhabited_place"})  # fmt: skip
    assert (page.title, page.alternative_names, page.place_kind) == (
        "London",
        "London, United Kingdom",
        "settlement",
    )


def test_an_artist_has_dates_years_and_a_slug_of_its_own(data):
    turner = next(e for e in data["agents"] if e["name"] == "Joseph Mallord William Turner")
    page = agent_page(turner, {})
    assert page.sort_name == "Turner, Joseph Mallord William"
    assert (page.dates, page.start_year, page.end_year) == ("1775–1851", 1775, 1851)
    assert page.slug == f"joseph-mallord-william-turner-{turner['tate_id']}"


@pytest.mark.django_db
def test_loading_twice_creates_the_records_once_and_links_items(tree, data):
    index = AuthorityIndexPageFactory(parent=tree.home)
    ItemPage.objects.filter(pk=tree.item.pk).update(creator="Joseph Mallord William Turner")
    load_authorities(index, Stats())
    load_authorities(index, Stats())
    assert AgentPage.objects.count() == len(data["agents"])
    assert PlacePage.objects.count() == len(data["places"])
    turner = AgentPage.objects.get(title="Joseph Mallord William Turner")
    assert turner.start_place.title == "London" and turner.live
    link_items(Stats())
    assert ItemAgent.objects.filter(page=tree.item, agent=turner, role="creator").exists()
