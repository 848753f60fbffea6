"""The partner directory in a real browser: its map view, enhanced by Leaflet, and the list
alternative that works without it; find a service or space."""

import re

import pytest
from playwright.sync_api import expect

from tests.partners.directory_fixtures import directory_hub

pytestmark = pytest.mark.e2e


@pytest.fixture
def hub(home):
    return directory_hub(home)


def test_the_map_view_shows_the_partners_as_named_links_on_a_leaflet_map(page, hub):
    page.goto("/en/partners/")
    page.get_by_role("link", name="Map", exact=True).click()
    expect(page).to_have_url(re.compile(r"/en/partners/\?view=map#partners$"))
    canvas = page.locator(".map-canvas")
    expect(canvas).to_have_class(re.compile("is-enhanced"))
    # Leaflet draws the partners loaded from the directory's GeoJSON: every marker or
    # cluster is a link with a name, reachable from the keyboard.
    markers = page.locator(".leaflet-marker-icon")
    expect(markers.first).to_be_visible()
    names = [markers.nth(i).get_attribute("aria-label") for i in range(markers.count())]
    assert all(names), names
    # The list alternative beside the map names the same partners.
    expect(page.locator(".map-list").get_by_role("link", name="Tabakalera")).to_be_visible()
    expect(page.locator(".map-missing p")).to_have_text(
        "1 of these partners has no place on the map. Online or without an address:"
    )
    expect(page.locator(".map-missing").get_by_role("link")).to_have_text(["Rete Europea"])


def test_without_javascript_the_map_is_drawn_and_its_list_leads_to_the_partners(new_page, hub):
    page = new_page(java_script_enabled=False)
    page.goto("/en/partners/?view=map&country=ES")
    expect(page.locator(".map-canvas svg")).to_be_visible()
    expect(page.locator(".map-canvas svg a[aria-label='Tabakalera']")).to_have_count(1)
    page.locator(".map-list").get_by_role("link", name="Tabakalera").click()
    expect(page).to_have_url(re.compile(r"/en/partners/tabakalera/$"))
    expect(page.locator("h1")).to_have_text("Tabakalera")


def test_the_list_view_filters_by_facet_without_javascript(new_page, hub):
    page = new_page(java_script_enabled=False)
    page.goto("/en/partners/")
    page.locator(".facets summary", has_text="Services and spaces").click()  # a closed group
    page.locator(".facets").get_by_role("link", name=re.compile(r"^Fab lab\s+1")).click()
    expect(page.locator(".card-title")).to_have_text(["Officina Digitale"])
    expect(page.locator(".chip")).to_contain_text(["Services and spaces: Fab lab"])


def test_find_a_service_lists_offers_with_their_partner(page, hub):
    page.goto("/en/partners/")
    page.get_by_role("link", name="Find a service or space").click()
    page.locator(".facets").get_by_role("link", name=re.compile(r"^Reading room\s+2")).click()
    expect(page.locator(".offer-partner a")).to_have_text(["Archivio di Stato", "Museo Civico"])


def test_on_a_phone_the_results_come_before_the_filters_opened_by_keyboard(new_page, hub):
    page = new_page(java_script_enabled=False, viewport={"width": 390, "height": 844})
    page.goto("/en/partners/")
    toggle = page.locator("summary.facet-filters-toggle")
    fab_lab = page.locator(".facets").get_by_role("link", name=re.compile(r"^Fab lab\s+1"))
    count = page.locator(".result-count")
    expect(toggle).to_be_visible()
    expect(page.locator(".facets")).to_be_hidden()
    # The toggle is one line: the results start right below it.
    assert 0 < count.bounding_box()["y"] - toggle.bounding_box()["y"] < 100
    toggle.focus()
    page.keyboard.press("Enter")
    expect(page.locator(".facets")).to_be_visible()
    page.locator(".facets summary", has_text="Services and spaces").click()
    fab_lab.focus()
    page.keyboard.press("Enter")
    expect(page.locator(".card-title")).to_have_text(["Officina Digitale"])


def test_on_a_wide_screen_the_filters_are_an_open_sidebar(new_page, hub):
    page = new_page(java_script_enabled=False)
    page.goto("/en/partners/")
    expect(page.locator("summary.facet-filters-toggle")).to_be_hidden()
    facets = page.locator(".facets")
    expect(facets).to_be_visible()
    results = page.locator(".browse-results")
    assert facets.bounding_box()["x"] < results.bounding_box()["x"]
    # From the search form, Tab goes to the first facet (the hidden toggle is skipped), then
    # to its first value.
    page.get_by_role("button", name="Apply").focus()
    page.keyboard.press("Tab")
    expect(facets.locator(".facet summary").first).to_be_focused()
    page.keyboard.press("Tab")
    expect(facets.get_by_role("link").first).to_be_focused()
