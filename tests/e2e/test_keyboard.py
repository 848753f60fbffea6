"""The public site with the keyboard alone (WCAG 2.1.1, 2.4.1, 2.4.3, 2.4.7, 3.3.1, 1.4.10).

Each test drives the page with ``page.keyboard`` only: Tab to a control, Enter or Space to
use it, as someone who cannot use a mouse. Every Tab stop on the way must show a focus
indicator (an outline or a box shadow while it matches ``:focus-visible``, or the outline of
the card it makes clickable). The content is the small Italian hub of tests/conftest.py.
"""

import datetime
import re

import pytest
from playwright.sync_api import expect

from calls.models import CallKind
from heritage_collections.models import ITEMS_PER_PAGE
from tests.factories import (
    CallIndexPageFactory,
    CallPageFactory,
    EventPageFactory,
    ItemPageFactory,
    WhatsOnPageFactory,
    event_kind,
)

pytestmark = pytest.mark.e2e

# Stops before giving up: a page of 24 item cards and its facets stays well below.
MAX_TAB_STOPS = 150

# What the focused element shows, or why it shows nothing (null when it shows an indicator).
MISSING_FOCUS_INDICATOR = """() => {
  const element = document.activeElement;
  const shows = (e) => {
    const style = getComputedStyle(e);
    const outline = style.outlineStyle !== "none" && parseFloat(style.outlineWidth) > 0;
    return outline || style.boxShadow !== "none";
  };
  // A date field's focus is in its day, month or year part: only :focus-within matches.
  const dateField = element.matches('input[type="date"]:focus-within');
  if (!element.matches(":focus-visible") && !dateField) {
    return "not :focus-visible: " + element.outerHTML;
  }
  if (shows(element)) return null;
  const card = element.closest(".card");
  if (card && shows(card)) return null;
  return "no outline or box-shadow: " + element.outerHTML;
}"""


def focused(page):
    return page.evaluate("document.activeElement.outerHTML")


def tab_to(page, target):
    """Press Tab until ``target`` has the focus, checking each stop's focus indicator."""
    for _ in range(MAX_TAB_STOPS):
        page.keyboard.press("Tab")
        missing = page.evaluate(MISSING_FOCUS_INDICATOR)
        assert missing is None, missing[:300]
        if target.evaluate("element => element === document.activeElement"):
            return
    pytest.fail(f"{target} not reached in {MAX_TAB_STOPS} Tab stops; focus on {focused(page)}")


def skip_to_main(page):
    """The skip link, as a keyboard user starts on every page."""
    page.keyboard.press("Tab")
    expect(page.locator("a.skip-link")).to_be_focused()
    page.keyboard.press("Enter")
    expect(page.locator("main#main")).to_be_focused()


# --- Skip link, menu, languages ----------------------------------------------------------


def test_the_skip_link_is_the_first_tab_stop_shows_its_focus_and_leads_into_main(page, tree):
    page.goto("/it/about/")

    page.keyboard.press("Tab")

    skip_link = page.locator("a.skip-link")
    expect(skip_link).to_be_focused()
    expect(skip_link).to_be_in_viewport()
    assert page.evaluate(MISSING_FOCUS_INDICATOR) is None

    page.keyboard.press("Enter")
    page.keyboard.press("Tab")

    # The next stop is the first link of the content (the breadcrumbs), not the header's.
    assert page.evaluate("document.querySelector('main').contains(document.activeElement)")
    expect(page.locator(".breadcrumbs a").first).to_be_focused()


def test_the_main_menu_is_reached_by_tab_and_followed_by_enter(page, tree):
    page.goto("/it/")
    menu_link = page.locator(".main-nav a", has_text="Collezioni")

    tab_to(page, menu_link)
    page.keyboard.press("Enter")

    expect(page).to_have_url(re.compile(r"/it/collections/$"))
    expect(page.locator(".main-nav a", has_text="Collezioni")).to_have_attribute(
        "aria-current", "page"
    )


def test_the_language_switcher_leads_to_the_translated_page_by_keyboard(page, tree, translate):
    translate(tree.home, "en", title="Heritage Hub", hero_heading="Heritage of many")
    translate(tree.story_index, "en", title="Stories")
    translate(tree.story, "en", title="A story")
    page.goto("/it/stories/una-storia/")

    tab_to(page, page.locator('.language-switcher a[hreflang="en"]'))
    page.keyboard.press("Enter")

    expect(page).to_have_url(re.compile(r"/en/stories/una-storia/$"))
    expect(page.locator("html")).to_have_attribute("lang", "en")
    expect(page.locator("h1")).to_have_text("A story")
    expect(page.locator('.language-switcher a[hreflang="en"]')).to_have_attribute(
        "aria-current", "true"
    )


def test_on_a_small_screen_nothing_scrolls_sideways_and_the_menu_works_by_keyboard(new_page, tree):
    page = new_page(viewport={"width": 375, "height": 740})
    page.goto("/it/")
    # WCAG 1.4.10 (reflow): no horizontal scrolling at 375 CSS pixels.
    assert page.evaluate("document.documentElement.scrollWidth") <= 375
    menu_link = page.locator(".main-nav a", has_text="Storie")

    tab_to(page, menu_link)

    expect(menu_link).to_be_in_viewport()
    page.keyboard.press("Enter")
    expect(page).to_have_url(re.compile(r"/it/stories/$"))
    assert page.evaluate("document.documentElement.scrollWidth") <= 375


# --- Browsing the collections -------------------------------------------------------------


def test_a_facet_is_applied_and_its_chip_removed_by_keyboard(page, tree):
    page.goto("/it/collections/")
    skip_to_main(page)

    tab_to(page, page.locator('.facet a[href*="type="]').first)
    page.keyboard.press("Enter")

    expect(page).to_have_url(re.compile(r"[?&]type=[^&#]+.*#items$"))
    chip = page.locator(".active-filters a.chip")
    expect(chip).to_have_count(1)

    tab_to(page, chip)
    page.keyboard.press("Enter")

    expect(page).not_to_have_url(re.compile(r"type="))
    expect(page.locator(".active-filters a.chip")).to_have_count(0)


def test_a_closed_facet_opens_with_enter(page, tree):
    page.goto("/it/collections/")
    label = page.locator("details.facet:not([open]) summary").first.inner_text()
    closed = page.locator("details.facet", has=page.get_by_text(label, exact=True))
    expect(closed).not_to_have_attribute("open", "")

    tab_to(page, closed.locator("summary"))
    page.keyboard.press("Enter")

    expect(closed).to_have_attribute("open", "")
    page.keyboard.press("Tab")
    expect(closed.locator("a").first).to_be_focused()


def test_the_browse_form_is_filled_and_applied_by_keyboard(page, tree):
    ItemPageFactory(parent=tree.collection, title="Veduta del Po")
    page.goto("/it/collections/")
    skip_to_main(page)

    tab_to(page, page.get_by_label("Cerca tra gli oggetti"))
    page.keyboard.type("Veduta")
    tab_to(page, page.locator(".browse-form button[type=submit]"))
    page.keyboard.press("Enter")

    expect(page).to_have_url(re.compile(r"[?&]q=Veduta"))
    expect(page.locator("#items .result-count")).to_contain_text("1 oggetto")


def test_the_pages_of_items_are_reached_by_keyboard(page, tree):
    for number in range(4, ITEMS_PER_PAGE + 2):
        ItemPageFactory(parent=tree.collection, title=f"Fotografia {number:02d}")
    page.goto("/it/collections/")
    skip_to_main(page)

    tab_to(page, page.locator("#items a[rel=next]"))
    page.keyboard.press("Enter")

    expect(page).to_have_url(re.compile(r"[?&]page=2"))
    expect(page.locator("#items .pagination-status")).to_have_text("Pagina 2 di 2")


# --- Forms ----------------------------------------------------------------------------------


def test_the_contact_form_is_filled_and_sent_by_keyboard(page, tree):
    page.goto("/it/contact/")
    skip_to_main(page)

    tab_to(page, page.get_by_label("Nome"))
    page.keyboard.type("Ada Lovelace")
    page.keyboard.press("Tab")
    page.keyboard.type("ada@example.org")
    page.keyboard.press("Tab")
    page.keyboard.type("Vorremmo diventare partner.")
    tab_to(page, page.get_by_role("button", name="Invia"))
    page.keyboard.press("Enter")

    expect(page.get_by_role("status")).to_contain_text("Grazie, ti risponderemo presto.")


def test_the_contact_form_errors_take_the_focus_and_lead_to_their_field(page, tree):
    page.goto("/it/contact/")
    skip_to_main(page)
    tab_to(page, page.get_by_label("Nome"))
    page.keyboard.type("Ada Lovelace")
    page.keyboard.press("Tab")
    # The browser accepts an address without a dot in its domain; the server does not.
    page.keyboard.type("ada@example")
    page.keyboard.press("Enter")

    summary = page.get_by_role("alert")
    expect(summary).to_be_focused()
    email = page.get_by_label("Email")
    expect(email).to_have_attribute("aria-invalid", "true")
    error_id = email.get_attribute("aria-describedby").split()[-1]
    expect(page.locator(f"#{error_id}")).to_contain_text("email valido")

    page.keyboard.press("Tab")
    expect(summary.get_by_role("link", name=re.compile("Email"))).to_be_focused()
    page.keyboard.press("Enter")

    expect(email).to_be_focused()
    expect(email).to_have_value("ada@example")


def test_the_share_story_form_errors_take_the_focus_by_keyboard(page, tree):
    page.goto("/it/stories/share/")
    skip_to_main(page)

    tab_to(page, page.get_by_label("Titolo della storia"))
    page.keyboard.type("Il ponte sul Po")
    page.keyboard.press("Tab")
    page.keyboard.type("Mio nonno attraversava il ponte ogni mattina per andare al lavoro.")
    tab_to(page, page.get_by_role("textbox", name=re.compile(r"^Nome")))
    page.keyboard.type("Ada Lovelace")
    tab_to(page, page.get_by_label("Indirizzo e-mail"))
    page.keyboard.type("ada@example")
    tab_to(page, page.get_by_role("radio").first)
    page.keyboard.press("Space")
    tab_to(page, page.get_by_role("checkbox", name=re.compile("Ho scritto questa storia")))
    page.keyboard.press("Space")
    tab_to(page, page.locator(".share-story-form button[type=submit]"))
    page.keyboard.press("Enter")

    summary = page.get_by_role("alert")
    expect(summary).to_be_focused()
    expect(summary.get_by_role("link")).to_have_count(1)
    expect(page.get_by_label("Indirizzo e-mail")).to_have_attribute("aria-invalid", "true")
    # What was typed is kept.
    expect(page.get_by_label("Titolo della storia")).to_have_value("Il ponte sul Po")


def test_the_site_search_is_used_by_keyboard(page, tree):
    page.goto("/it/about/")
    search = page.get_by_role("search").get_by_role("searchbox")

    tab_to(page, search)
    page.keyboard.type("Fotografia")
    page.keyboard.press("Enter")

    expect(page).to_have_url(re.compile(r"/it/search/\?q=Fotografia$"))
    skip_to_main(page)
    tab_to(page, page.locator(".search-results .card-title a").first)
    page.keyboard.press("Enter")
    expect(page.locator("h1")).to_have_text(re.compile(r"^Fotografia \d$"))


# --- Open calls ---------------------------------------------------------------------------


@pytest.fixture
def calls(tree):
    index = CallIndexPageFactory(parent=tree.home)
    job = CallKind.objects.get(slug="job-internship", locale=tree.home.locale)
    CallPageFactory(parent=index, title="Tirocinio in redazione", slug="tirocinio", kind=job)
    CallPageFactory(parent=tree.partner, title="Residenza d'artista", slug="residenza")
    return index


def test_the_calls_filters_are_chosen_applied_and_removed_by_keyboard(page, calls):
    page.goto("/it/calls/")
    skip_to_main(page)
    expect(page.locator("#calls .result-count")).to_contain_text("2 bandi aperti")

    kind = page.get_by_label("Tipo di bando")
    tab_to(page, kind)
    # A closed select changes its choice with the arrow keys, as keyboard users choose.
    while kind.evaluate("select => select.value") != "job-internship":
        page.keyboard.press("ArrowDown")
    tab_to(page, page.locator(".call-filters button[type=submit]"))
    page.keyboard.press("Enter")

    expect(page).to_have_url(re.compile(r"[?&]kind=job-internship(&|#|$)"))
    expect(page.locator("#calls .result-count")).to_contain_text("1 bando aperto")
    expect(page.locator("#calls .card-title a")).to_have_text(["Tirocinio in redazione"])
    chip = page.locator(".active-filters a.chip")
    expect(chip).to_have_count(1)

    tab_to(page, chip)
    page.keyboard.press("Enter")

    expect(page).not_to_have_url(re.compile(r"kind="))
    expect(page.locator("#calls .result-count")).to_contain_text("2 bandi aperti")


def test_the_apply_button_of_a_call_is_reached_by_keyboard(page, calls):
    page.goto("/it/partners/archivio/residenza/")
    skip_to_main(page)

    tab_to(page, page.locator(".call-apply a", has_text="Come partecipare"))
    page.keyboard.press("Enter")

    expect(page).to_have_url(re.compile(r"#how-to-apply$"))
    expect(page.locator("#how-to-apply")).to_be_in_viewport()


# --- What's on ----------------------------------------------------------------------------


@pytest.fixture
def programme(tree):
    today = datetime.date.today()
    whats_on = WhatsOnPageFactory(parent=tree.home)
    EventPageFactory(
        parent=whats_on,
        title="Laboratorio",
        slug="laboratorio",
        kind=event_kind("workshop"),
        start_date=today + datetime.timedelta(days=3),
        is_free=True,
    )
    EventPageFactory(
        parent=whats_on,
        title="Concerto",
        slug="concerto",
        kind=event_kind("performance"),
        start_date=today + datetime.timedelta(days=5),
        price=10,
    )
    return whats_on


def test_whats_ons_filters_are_chosen_applied_and_removed_by_keyboard(page, programme):
    page.goto("/en/whats-on/")
    skip_to_main(page)
    expect(page.locator("#events .result-count")).to_contain_text("2 dates")

    kind = page.get_by_label("Kind", exact=True)
    tab_to(page, kind)
    while kind.evaluate("select => select.value") != "workshop":
        page.keyboard.press("ArrowDown")
    tab_to(page, page.locator(".whats-on-form button[type=submit]"))
    page.keyboard.press("Enter")

    expect(page).to_have_url(re.compile(r"[?&]kind=workshop(&|#|$)"))
    expect(page.locator("#events .result-count")).to_contain_text("1 date")
    expect(page.locator("#events .card-title a")).to_have_text(["Laboratorio"])
    chip = page.locator(".active-filters a.chip")
    expect(chip).to_have_count(1)

    tab_to(page, chip)
    page.keyboard.press("Enter")

    expect(page).not_to_have_url(re.compile(r"kind="))
    expect(page.locator("#events .result-count")).to_contain_text("2 dates")


def test_whats_ons_free_filter_is_ticked_with_space(page, programme):
    page.goto("/en/whats-on/")
    skip_to_main(page)

    free = page.get_by_label("Free", exact=True)
    tab_to(page, free)
    page.keyboard.press("Space")
    expect(free).to_be_checked()
    tab_to(page, page.locator(".whats-on-form button[type=submit]"))
    page.keyboard.press("Enter")

    expect(page).to_have_url(re.compile(r"[?&]free=1(&|#|$)"))
    expect(page.locator("#events .card-title a")).to_have_text(["Laboratorio"])
