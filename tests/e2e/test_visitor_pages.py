"""What a first-time visitor sees, in Chromium at 1280 and 390 px, in Italian and German.

Every public page type is photographed at both widths in both languages. The pictures are
kept as artefacts, never compared pixel by pixel: in the directory named by
HERITAGEHUB_SCREENSHOTS, else under pytest's temporary directory (its path is printed).
What the tests assert is what a person would notice: a page wider than a phone, the first
result far down the page, a filters drawer that does not open or close, a download that
does not come, a language notice that does not offer the visitor's other languages.
"""

import os
from pathlib import Path

import factory
import pytest
from playwright.sync_api import expect

from tests.e2e.test_accessibility import add_calls, add_programme
from tests.factories import HeritageImageFactory, add_item_image

pytestmark = pytest.mark.e2e

PHONE = {"width": 390, "height": 844}
DESKTOP = {"width": 1280, "height": 900}
GERMAN_TITLES = {
    "collection_index": "Sammlungen",
    "story_index": "Geschichten",
    "partner_index": "Partner",
    "partner": "Nationalarchiv",
    "collection": "Fotografien",
    "item": "Fotografie 1",
    "story": "Eine Geschichte",
}
PAGE_TYPES = {
    "home": "/{lang}/",
    "browse": "/{lang}/collections/",
    "collection": "/{lang}/partners/archivio/fotografie/",
    "item": "/{lang}/partners/archivio/fotografie/fotografia-1/",
    "item-without-image": "/{lang}/partners/archivio/fotografie/fotografia-3/",
    "story": "/{lang}/stories/una-storia/",
    "story-index": "/{lang}/stories/",
    "partners": "/{lang}/partners/",
    "partner": "/{lang}/partners/archivio/",
    "whats-on": "/{lang}/whats-on/",
    "calls": "/{lang}/calls/",
    "search": "/{lang}/search/?q=fotografia",
    "about": "/{lang}/about/",
    "not-found": "/{lang}/no-such-page/",
}
# On a phone the first result of browse must be on the first or second screen, not after
# the filters (it was 2,700 px down before they folded into a drawer).
FIRST_RESULT_MAX_Y = 2 * PHONE["height"]


@pytest.fixture(scope="module")
def screenshot_dir(tmp_path_factory):
    configured = os.environ.get("HERITAGEHUB_SCREENSHOTS")
    directory = Path(configured) if configured else tmp_path_factory.mktemp("screenshots")
    directory.mkdir(parents=True, exist_ok=True)
    print(f"Screenshots in {directory}")
    return directory


@pytest.fixture
def visited_hub(tree, translate):
    """The small hub with images, a programme and calls; its main pages also in German
    (the third photograph stays Italian: its German page shows the language notice)."""
    images = [
        HeritageImageFactory(file=factory.django.ImageField(width=800, height=600, color=colour))
        for colour in ("teal", "olive")
    ]
    add_item_image(tree.items[0], image=images[0])
    home = tree.home.specific
    home.hero_image = images[1]
    home.save_revision().publish()
    add_programme(tree)
    add_calls(tree)
    translate(tree.home, "de", title="Heritage Hub", hero_heading="Gemeinsames Erbe")
    for name in GERMAN_TITLES:
        page = tree.item if name == "item" else getattr(tree, name)
        translate(page, "de", title=GERMAN_TITLES[name])
    return tree


def test_no_page_type_is_wider_than_the_screen(visited_hub, new_page, screenshot_dir):
    too_wide = []
    for lang in ("it", "de"):
        for viewport in (DESKTOP, PHONE):
            page = new_page(viewport=viewport, locale=lang)
            for name, path in PAGE_TYPES.items():
                page.goto(path.format(lang=lang))
                page.screenshot(
                    path=str(screenshot_dir / f"{name}-{lang}-{viewport['width']}.png"),
                    full_page=True,
                )
                width = page.evaluate("document.documentElement.scrollWidth")
                if width > viewport["width"]:
                    too_wide.append(f"{name} ({lang}, {viewport['width']} px): {width} px")
    assert too_wide == []


def test_the_german_header_keeps_the_search_box_on_the_first_row(visited_hub, new_page):
    page = new_page(viewport=DESKTOP, locale="de")
    page.goto("/de/")
    name = page.locator(".site-name").bounding_box()
    search = page.locator(".site-header input[type=search]").bounding_box()
    assert search["y"] < name["y"] + name["height"]


def test_on_a_phone_the_first_result_comes_before_the_filters(visited_hub, new_page):
    page = new_page(viewport=PHONE)
    page.goto("/it/collections/")
    first = page.locator(".browse-results .card").first.bounding_box()
    assert first["y"] < FIRST_RESULT_MAX_Y
    expect(page.locator(".facets")).to_be_hidden()


def test_the_filters_drawer_covers_the_phone_and_shows_the_results(visited_hub, new_page):
    page = new_page(viewport=PHONE)
    page.goto("/it/collections/")
    page.locator("summary.facet-filters-toggle").click()

    drawer = page.locator("details.facet-filters")
    box = drawer.bounding_box()
    assert (box["y"], box["height"]) == (0, PHONE["height"])
    show = page.get_by_role("link", name="Mostra 3 risultati")
    expect(show).to_be_in_viewport()
    assert page.locator(".facet ul li").first.evaluate("e => e.closest('ul').scrollHeight") == (
        page.locator(".facet ul li").first.evaluate("e => e.closest('ul').clientHeight")
    )  # no box that scrolls inside the drawer

    show.click()
    expect(drawer).not_to_have_attribute("open", "")
    expect(page.locator(".browse-results .card").first).to_be_in_viewport()


def test_the_drawer_opens_again_after_a_filter_is_chosen(visited_hub, new_page):
    page = new_page(viewport=PHONE)
    page.goto("/it/collections/")
    page.locator("summary.facet-filters-toggle").click()
    page.locator(".facet a", has_text="Archivio Nazionale").first.click()

    page.wait_for_url("**partner=**")
    expect(page.locator("details.facet-filters")).to_have_attribute("open", "")
    expect(page.get_by_role("link", name="Mostra 3 risultati")).to_be_in_viewport()
    page.keyboard.press("Escape")
    expect(page.locator("details.facet-filters")).not_to_have_attribute("open", "")


def test_without_javascript_the_filters_open_in_place(visited_hub, new_page):
    page = new_page(viewport=PHONE, java_script_enabled=False)
    page.goto("/it/collections/")
    page.locator("summary.facet-filters-toggle").click()
    expect(page.locator(".facets")).to_be_visible()
    position = page.locator("details.facet-filters").evaluate("e => getComputedStyle(e).position")
    assert position == "static"


def test_an_open_image_downloads_in_full(visited_hub, page):
    image = visited_hub.item.specific.images.order_by("pk").last().image  # 800 × 600
    page.goto("/it/partners/archivio/fotografie/fotografia-1/")
    offer = page.locator(".image-download", has_text="800 × 600 pixel")
    expect(offer).to_contain_text("Se la riutilizzi, cita: Test Museum")
    with page.expect_download() as download_info:
        offer.get_by_role("link", name="Scarica l'immagine").click()
    download = download_info.value
    assert download.failure() is None
    assert Path(download.path()).read_bytes() == Path(image.file.path).read_bytes()


def test_the_link_is_copied_by_keyboard(visited_hub, new_page):
    page = new_page(permissions=["clipboard-read", "clipboard-write"])
    page.goto("/it/partners/archivio/fotografie/fotografia-1/")
    button = page.get_by_role("button", name="Copia il link")
    button.focus()
    page.keyboard.press("Enter")
    expect(page.locator(".share-status")).to_have_text("Il link è stato copiato.")
    copied = page.evaluate("navigator.clipboard.readText()")
    assert copied.endswith(f"/it/items/{visited_hub.item.translation_key}/")


def test_the_notice_offers_first_a_language_the_browser_accepts(visited_hub, translate, new_page):
    story = visited_hub.story
    translate(story, "en", title="A story")  # Italian, English and German exist; not French
    page = new_page(locale="fr-FR")
    # A browser set to French, then German (Playwright's locale gives navigator one language).
    page.add_init_script(
        "Object.defineProperty(navigator, 'languages', {get: () => ['fr-FR', 'fr', 'de']})"
    )
    page.goto("/fr/stories/una-storia/")

    versions = page.locator("[data-language-versions] li")
    expect(versions.first).to_have_attribute("data-lang", "de")
    expect(versions.first.locator(".language-accepted")).to_be_visible()
    codes = versions.evaluate_all("items => items.map(item => item.dataset.lang)")
    assert sorted(codes) == ["de", "en", "it"]
    versions.first.get_by_role("link").click()
    page.wait_for_url("**/de/stories/una-storia/")
    expect(page.locator("h1")).to_have_text("Eine Geschichte")


def test_the_site_answers_a_missing_page_with_its_own_page(visited_hub, page):
    response = page.goto("/de/no-such-page/")
    assert response.status == 404
    expect(page.locator(".site-header")).to_be_visible()  # the site's page, not a bare one
    expect(page.locator("html")).to_have_attribute("lang", "de")
