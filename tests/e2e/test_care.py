"""An item that needs care in a real browser (docs/care.md): the notice first, the images
covered; "Show the images" by keyboard uncovers them in place, the viewer then works, and the
choice holds for the visit; without JavaScript the form does the same with a round trip."""

import re

import pytest
from playwright.sync_api import expect

from heritage_collections.care import raw_care_labels

pytestmark = pytest.mark.e2e

URL = "/en/partners/archivio/fotografie/fotografia-1/"


@pytest.fixture
def item(tree):
    item = tree.item.specific
    item.care_labels = raw_care_labels([("human-remains", "The remains of an ancestor.")])
    item.save_revision().publish()
    return item


def test_the_images_are_shown_by_keyboard_in_place_and_stay_shown(page, item):
    page.goto(URL)
    expect(page.get_by_role("region", name="Content that needs care")).to_contain_text(
        "The remains of an ancestor."
    )
    figure = page.locator(".item-figure").first
    expect(figure).to_be_hidden()

    page.get_by_role("button", name="Show the images").focus()
    with page.expect_response(lambda response: "/show-images/" in response.url) as remembered:
        page.keyboard.press("Enter")
    assert remembered.value.status == 204

    expect(figure).to_be_visible()
    opener = page.locator("button.viewer-open").first
    expect(opener).to_be_focused()
    page.keyboard.press("Enter")
    expect(page.locator("dialog.viewer")).to_be_visible()

    page.reload()
    expect(page.locator(".item-figure").first).to_be_visible()
    expect(page.get_by_role("button", name="Show the images")).to_have_count(0)


def test_without_javascript_the_form_shows_the_images(new_page, item):
    page = new_page(java_script_enabled=False)
    page.goto(URL)
    expect(page.locator(".item-figure").first).to_be_hidden()
    page.get_by_role("button", name="Show the images").click()
    expect(page).to_have_url(re.compile(r"/fotografia-1/#item-images$"))
    expect(page.locator(".item-figure").first).to_be_visible()
