"""Maps in a real browser: the drawn map and its list without JavaScript, the Leaflet map
from this site's own files (no request leaves the test server), keyboard, motion; the
items' browse and What's on."""

import datetime
import re
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import expect

from tests.events.factories import EventPageFactory, WhatsOnPageFactory

pytestmark = pytest.mark.e2e

MAP_VIEW = "/it/collections/?view=map#items"
PLACES = [("Torino", "45.070300", "7.686900"), ("Genova", "44.405600", "8.946300")]


@pytest.fixture
def placed(tree):
    for item, (place, latitude, longitude) in zip(tree.items, PLACES, strict=False):
        item = item.specific.get_latest_revision_as_object()
        item.place_name, item.latitude, item.longitude = place, latitude, longitude
        item.save_revision().publish()
    return tree


def requests_of(page):
    seen = []
    page.on("request", lambda request: seen.append(request.url))
    return seen


def test_the_leaflet_map_loads_from_this_site_alone(page, placed, server_url):
    seen = requests_of(page)
    page.goto(MAP_VIEW)
    markers = page.locator(".map-canvas.is-enhanced .leaflet-marker-icon")
    expect(markers.first).to_be_visible()
    expect(page.locator(".map-canvas.is-enhanced path.map-country").first).to_be_attached()
    hosts = {urlsplit(url).hostname for url in seen if not url.startswith("data:")}
    assert hosts <= {"127.0.0.1", "localhost", urlsplit(server_url).hostname}, hosts
    paths = {urlsplit(url).path for url in seen}
    assert {
        "/static/vendor/leaflet/leaflet.js",
        "/static/vendor/leaflet.markercluster/leaflet.markercluster.js",
        "/static/vendor/world-atlas/countries-110m.json",
        "/it/items.geojson",
    } <= paths


def test_the_enhanced_markers_are_links_with_names(page, placed):
    page.goto(MAP_VIEW)
    canvas = page.locator(".map-canvas.is-enhanced")
    expect(canvas.get_by_role("link", name="Fotografia 1")).to_be_visible()
    expect(canvas.get_by_role("link", name="Fotografia 1")).to_have_attribute(
        "href", re.compile(r"^/it/items/[0-9a-f-]+/$")
    )


def test_without_javascript_the_drawn_map_and_its_list_are_there(new_page, placed):
    page = new_page(java_script_enabled=False)
    page.goto(MAP_VIEW)
    expect(page.locator("svg.map-svg")).to_be_visible()
    places = page.locator(".map-list")
    expect(places.get_by_role("link", name="Fotografia 1")).to_be_visible()
    expect(places.get_by_role("link", name="Fotografia 2")).to_be_visible()
    expect(page.get_by_text("1 dei risultati non ha un luogo")).to_be_visible()


def test_the_drawn_markers_are_reached_with_the_keyboard(new_page, placed):
    page = new_page(java_script_enabled=False)
    page.goto(MAP_VIEW)
    marker = page.locator("svg.map-svg a.map-marker").first
    for _ in range(200):
        page.keyboard.press("Tab")
        if marker.evaluate("(element) => element === document.activeElement"):
            break
    else:
        pytest.fail("no marker of the drawn map took the focus")
    assert marker.get_attribute("aria-label") in {"Fotografia 1", "Fotografia 2"}


# Leaflet marks its map pane "leaflet-zoom-anim" while a zoom animates.
WATCH_ZOOM_ANIMATION = """() => {
  const map = document.querySelector(".leaflet-map-pane");
  window.__animated = false;
  new MutationObserver(() => {
    if (map.classList.contains("leaflet-zoom-anim")) window.__animated = true;
  }).observe(map, { attributes: true, attributeFilter: ["class"] });
}"""


def zoom_animates(page):
    page.goto(MAP_VIEW)
    expect(page.locator(".leaflet-marker-icon").first).to_be_visible()
    page.evaluate(WATCH_ZOOM_ANIMATION)
    page.locator(".leaflet-control-zoom-in").click()
    page.wait_for_timeout(800)
    return page.evaluate("window.__animated")


def test_with_reduced_motion_the_map_zooms_without_animation(new_page, placed):
    assert zoom_animates(new_page(reduced_motion="reduce")) is False


def test_without_a_motion_preference_the_map_animates_its_zoom(new_page, placed):
    assert zoom_animates(new_page(reduced_motion="no-preference")) is True


def test_the_map_breaks_no_content_security_policy(page, placed):
    page.add_init_script(
        "window.__violations = [];"
        "document.addEventListener('securitypolicyviolation',"
        " (event) => window.__violations.push(event.violatedDirective + ' ' + event.blockedURI));"
    )
    page.goto(MAP_VIEW)
    expect(page.locator(".leaflet-marker-icon").first).to_be_visible()
    page.locator(".leaflet-control-zoom-in").click()
    page.wait_for_timeout(500)
    assert page.evaluate("window.__violations") == []


def test_the_item_page_shows_its_place_and_links_to_the_map_of_items_there(page, placed):
    page.goto(placed.items[0].url)
    link = page.locator("table.metadata").get_by_role("link", name="Torino")
    expect(link).to_have_attribute("href", "/it/collections/?place=Torino&view=map#items")
    expect(page.locator(".item-place .leaflet-marker-icon")).to_have_count(1)
    link.click()
    expect(page.locator(".map-list").get_by_role("link", name="Fotografia 1")).to_be_visible()


# What's on on a map -------------------------------------------------------------------------

WHATS_ON_MAP = "/it/whats-on/?view=map#events"


@pytest.fixture
def programme(tree):
    """Two upcoming events with a place (one in Torino, one in Genova) and one online."""
    whats_on = WhatsOnPageFactory(parent=tree.home)
    start = datetime.date.today() + datetime.timedelta(days=3)
    for slug, title, (_place, latitude, longitude) in (
        ("laboratorio", "Laboratorio", PLACES[0]),
        ("visita", "Visita guidata", PLACES[1]),
    ):
        EventPageFactory(
            parent=whats_on,
            title=title,
            slug=slug,
            start_date=start,
            latitude=latitude,
            longitude=longitude,
        )
    EventPageFactory(
        parent=whats_on,
        title="Proiezione",
        slug="proiezione",
        start_date=start,
        attendance_mode="online",
        online_url="https://stream.example.org/live",
        venue_name="",
        venue_city="",
    )
    return whats_on


def test_whats_on_as_a_map_shows_the_events_on_the_enhanced_map(page, programme):
    seen = requests_of(page)
    page.goto(WHATS_ON_MAP)
    canvas = page.locator(".map-canvas.is-enhanced")
    marker = canvas.get_by_role("link", name=re.compile(r"^Laboratorio, "))
    expect(marker).to_be_visible()
    expect(marker).to_have_attribute("href", re.compile(r"/it/whats-on/laboratorio/$"))
    expect(canvas.get_by_role("link", name=re.compile(r"^Visita guidata, "))).to_be_visible()
    assert "/it/whats-on/geojson/" in {urlsplit(url).path for url in seen}


def test_whats_on_as_a_map_keeps_its_list_of_events(page, programme):
    page.goto(WHATS_ON_MAP)
    expect(page.locator(".map-canvas.is-enhanced")).to_be_visible()
    places = page.locator(".map-list")
    expect(places.get_by_role("link", name=re.compile(r"^Laboratorio, "))).to_be_visible()
    expect(places.get_by_role("link", name=re.compile(r"^Visita guidata, "))).to_be_visible()
    expect(
        page.get_by_text("1 di questi eventi non ha un luogo (online o non indicato).")
    ).to_be_visible()


def test_whats_on_as_a_map_without_javascript(new_page, programme):
    page = new_page(java_script_enabled=False)
    page.goto(WHATS_ON_MAP)
    expect(page.locator("svg.map-svg a.map-marker")).to_have_count(2)
    expect(
        page.locator(".map-list").get_by_role("link", name=re.compile(r"^Laboratorio, "))
    ).to_be_visible()
