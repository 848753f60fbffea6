"""The item page in a real browser: the zoomable image viewer and "copy the citation".

The item is the first photograph of the small hub of tests/conftest.py (``tree``), given
two large images here so that there is something to zoom and to switch between. The
pages are the English ones: the interface strings are the template's own there.

The viewer deep-zooms through the images' IIIF service (OpenSeadragon drawing its tiles);
where the service does not answer, it zooms the large rendition: ``rendition_only`` makes
the service fail, for the tests of that viewer.
"""

import re

import factory
import pytest
from playwright.sync_api import expect

from tests.factories import HeritageImageFactory, add_item_image

pytestmark = pytest.mark.e2e

URL = "/en/partners/archivio/fotografie/fotografia-1/"


@pytest.fixture
def item(tree):
    item = tree.item.specific
    item.images.all().delete()
    for number, caption in enumerate(["Front", "Back"]):
        image = HeritageImageFactory(
            file=factory.django.ImageField(width=3200, height=2400, color="teal"),
            alt_text=f"A photograph of the river, {caption.lower()}",
        )
        item_image = add_item_image(item, image=image, caption=caption)
        item_image.sort_order = number
        item_image.save()
    return item


def zoom(viewer):
    return int(viewer.get_attribute("data-zoom"))


@pytest.fixture
def rendition_only(page):
    page.route(re.compile(r"/iiif/image/\d+/info\.json$"), lambda route: route.fulfill(status=404))
    return page


TILE = re.compile(r"/iiif/image/\d+/\d+,\d+,(\d+),\d+/(\d+),\d+/0/default\.jpg$")


def test_the_viewer_deep_zooms_into_the_tiles_of_the_image_service(page, item):
    # A tile of the full resolution: its region as wide as its size.
    full_detail = []
    page.on(
        "request",
        lambda request: (
            full_detail.append(request.url)
            if (tile := TILE.search(request.url)) and tile[1] == tile[2]
            else None
        ),
    )
    page.goto(URL)
    page.locator("button.viewer-open").first.focus()
    page.keyboard.press("Enter")
    viewer = page.locator("dialog.viewer")
    expect(viewer).to_have_attribute("data-viewer-mode", "tiles")
    expect(viewer.locator("[data-viewer-deep]")).to_be_visible()
    expect(viewer.locator("[data-viewer-image]")).to_be_hidden()
    expect(viewer).to_have_attribute("data-zoom", "100")

    page.keyboard.press("+")
    expect(viewer).to_have_attribute("data-zoom", "150")
    expect(page.locator("[data-viewer-status]")).to_have_text("Zoom 150%")
    page.keyboard.press("+")
    expect(viewer).to_have_attribute("data-zoom", "225")
    # Zoomed in, the part on screen comes as tiles of the full image (3200 × 2400 here).
    for _wait in range(50):
        if full_detail:
            break
        page.wait_for_timeout(100)
    assert full_detail
    page.keyboard.press("0")
    expect(viewer).to_have_attribute("data-zoom", "100")
    page.keyboard.press("Escape")
    expect(viewer).to_be_hidden()


def test_the_viewer_opens_by_keyboard_zooms_and_closes_with_escape(rendition_only, item):
    page = rendition_only
    page.goto(URL)
    opener = page.locator("button.viewer-open").first
    expect(opener).to_have_attribute("aria-haspopup", "dialog")
    viewer = page.locator("dialog.viewer")
    expect(viewer).to_be_hidden()

    opener.focus()
    page.keyboard.press("Enter")

    expect(viewer).to_be_visible()
    expect(page.locator("[data-viewer-stage]")).to_be_focused()
    # The image service does not answer: the viewer zooms the large rendition.
    expect(viewer).to_have_attribute("data-viewer-mode", "image")
    image = viewer.locator("[data-viewer-image]")
    expect(image).to_have_attribute("alt", "A photograph of the river, front")
    # The large rendition is loaded now, not with the page.
    expect(image).to_have_attribute("src", re.compile(r"\.max-2400x2400\."))

    page.keyboard.press("+")
    expect(viewer).to_have_attribute("data-zoom", "150")
    expect(page.locator("[data-viewer-status]")).to_have_text("Zoom 150%")
    page.keyboard.press("ArrowLeft")
    assert "translate(" in image.get_attribute("style")
    page.keyboard.press("0")
    expect(viewer).to_have_attribute("data-zoom", "100")

    page.keyboard.press("Escape")

    expect(viewer).to_be_hidden()
    expect(opener).to_be_focused()


def test_the_viewer_opens_by_mouse_zooms_with_buttons_and_wheel_and_pans(rendition_only, item):
    page = rendition_only
    page.goto(URL)
    page.get_by_role("button", name=re.compile("A photograph of the river, front")).click()
    viewer = page.get_by_role("dialog")
    expect(viewer).to_be_visible()

    viewer.get_by_role("button", name="Zoom in").click()
    expect(viewer).to_have_attribute("data-zoom", "150")
    viewer.get_by_role("button", name="Zoom out").click()
    expect(viewer).to_have_attribute("data-zoom", "100")

    stage = page.locator("[data-viewer-stage]")
    box = stage.bounding_box()
    centre_x, centre_y = box["x"] + box["width"] / 2, box["y"] + box["height"] / 2
    page.mouse.move(centre_x, centre_y)
    page.mouse.wheel(0, -400)
    expect(viewer).not_to_have_attribute("data-zoom", "100")
    zoomed = zoom(viewer)
    assert zoomed > 100

    image = viewer.locator("[data-viewer-image]")
    before = image.get_attribute("style")
    page.mouse.down()
    page.mouse.move(centre_x + 80, centre_y + 40, steps=4)
    page.mouse.up()
    assert image.get_attribute("style") != before
    assert zoom(viewer) == zoomed

    viewer.get_by_role("button", name="Close the viewer").click()
    expect(viewer).to_be_hidden()


def test_thumbnails_and_arrow_keys_switch_between_images(rendition_only, item):
    page = rendition_only
    page.goto(URL)
    page.locator("button.viewer-open").first.click()
    viewer = page.get_by_role("dialog")
    image = viewer.locator("[data-viewer-image]")
    caption = viewer.locator("[data-viewer-caption]")
    expect(caption).to_have_text("Front")

    viewer.get_by_role("button", name="Image 2 of 2").click()

    expect(caption).to_have_text("Back")
    expect(image).to_have_attribute("alt", "A photograph of the river, back")
    expect(viewer.get_by_role("button", name="Image 2 of 2")).to_have_attribute(
        "aria-current", "true"
    )

    page.locator("[data-viewer-stage]").focus()
    page.keyboard.press("ArrowRight")
    expect(caption).to_have_text("Front")


def test_without_javascript_the_image_links_to_the_large_image(new_page, item):
    page = new_page(java_script_enabled=False)
    page.goto(URL)
    link = page.locator("a.viewer-open").first
    expect(link).to_have_attribute("href", re.compile(r"\.max-2400x2400\."))
    expect(page.locator("dialog.viewer")).to_be_hidden()
    expect(page.locator(".cite-copy")).to_be_hidden()
    expect(page.locator("#citation-text")).to_contain_text("Fotografia 1")


def test_the_citation_is_copied_to_the_clipboard(new_page, item):
    page = new_page(permissions=["clipboard-read", "clipboard-write"])
    page.goto(URL)
    citation = page.locator("#citation-text").inner_text()
    assert citation.startswith("Anonimo. Fotografia 1. c. 1890. Archivio Nazionale,")

    page.get_by_role("button", name="Copy the citation").click()

    expect(page.get_by_role("status").filter(has_text="copied")).to_have_text(
        "The citation is copied."
    )
    assert page.evaluate("navigator.clipboard.readText()") == citation
