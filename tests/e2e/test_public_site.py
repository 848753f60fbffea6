"""What visitors click, in a real browser: languages, keyboard, search, contact, pagination.

The content is the small hub of tests/conftest.py (``tree``): home, the collection, story
and partner indexes, a partner with a collection of three photographs, a story with an item
card, an about page and the contact form, all Italian and live.
"""

import re

import pytest
from django.core import mail
from playwright.sync_api import expect

from heritage_collections.models import ITEMS_PER_PAGE
from home.models import FormPage
from tests.factories import ItemPageFactory, StoryPageFactory

pytestmark = pytest.mark.e2e


def switcher(page, language):
    return page.locator(f'.language-switcher a[hreflang="{language}"]')


@pytest.fixture
def story_en(tree, translate):
    """The story in English; its parents are translated first, as an editor would."""
    translate(tree.home, "en", title="Heritage Hub", hero_heading="Heritage of many")
    translate(tree.story_index, "en", title="Stories")
    return translate(tree.story, "en", title="A story", summary="A story of the hub.")


def test_the_language_switcher_leads_to_the_same_page_in_english(page, tree, story_en):
    page.goto("/it/stories/una-storia/")
    expect(page.locator("html")).to_have_attribute("lang", "it")
    expect(page.locator("h1")).to_have_text("Una storia")
    expect(switcher(page, "it")).to_have_attribute("aria-current", "true")

    switcher(page, "en").click()

    expect(page).to_have_url(re.compile(r"/en/stories/una-storia/$"))
    expect(page.locator("html")).to_have_attribute("lang", "en")
    expect(page.locator("h1")).to_have_text("A story")
    expect(page.locator(".notice--language")).to_have_count(0)
    expect(switcher(page, "en")).to_have_attribute("aria-current", "true")
    # The item card embedded in the story is there in every language.
    expect(page.get_by_role("link", name=re.compile("Fotografia 1"))).to_be_visible()


def test_the_language_switcher_leads_to_the_french_fallback_with_a_notice(page, tree, story_en):
    page.goto("/it/stories/una-storia/")

    switcher(page, "fr").click()

    expect(page).to_have_url(re.compile(r"/fr/stories/una-storia/$"))
    # The interface is French; the untranslated content is Italian, and says so.
    expect(page.locator("html")).to_have_attribute("lang", "fr")
    notice = page.locator(".notice--language")
    expect(notice).to_be_visible()
    expect(notice).to_contain_text("pas encore disponible en français")
    expect(page.locator(".page-content")).to_have_attribute("lang", "it")
    expect(page.locator("h1")).to_have_text("Una storia")
    # From the fallback, the switcher still reaches the English translation.
    switcher(page, "en").click()
    expect(page).to_have_url(re.compile(r"/en/stories/una-storia/$"))
    expect(page.locator("h1")).to_have_text("A story")


def test_tab_focuses_the_skip_link_first_and_enter_moves_focus_to_main(page, tree):
    page.goto("/it/")
    skip_link = page.locator("a.skip-link")

    page.keyboard.press("Tab")

    expect(skip_link).to_be_focused()
    expect(skip_link).to_have_text("Vai al contenuto principale")
    expect(skip_link).to_be_in_viewport()

    page.keyboard.press("Enter")

    expect(page.locator("main#main")).to_be_focused()
    expect(page).to_have_url(re.compile(r"/it/#main$"))
    expect(skip_link).not_to_be_in_viewport()


def test_site_search_submits_and_shows_results(page, tree):
    page.goto("/it/")

    search = page.get_by_role("search").get_by_role("searchbox")
    search.fill("Fotografia")
    search.press("Enter")

    expect(page).to_have_url(re.compile(r"/it/search/\?q=Fotografia$"))
    expect(page.locator("#results-heading")).to_contain_text("3 risultati")
    results = page.locator(".search-results .card-title a")
    expect(results).to_have_count(3)
    assert sorted(results.all_inner_texts()) == ["Fotografia 1", "Fotografia 2", "Fotografia 3"]

    results.filter(has_text="Fotografia 2").click()

    expect(page).to_have_url(re.compile(r"/it/partners/archivio/fotografie/fotografia-2/$"))
    expect(page.locator("h1")).to_have_text("Fotografia 2")


def test_a_search_tab_shows_the_results_of_its_kind(page, tree):
    StoryPageFactory(parent=tree.story_index, title="Archivio di famiglia", slug="famiglia")
    page.goto("/it/search/?q=Archivio")
    tabs = page.get_by_role("navigation", name="Tipi di risultato")

    tabs.get_by_role("link", name=re.compile(r"^Storie")).click()

    expect(page).to_have_url(re.compile(r"/it/search/\?q=Archivio&kind=stories$"))
    expect(page.locator(".search-results .card-title a")).to_have_text(["Archivio di famiglia"])
    expect(tabs.locator("[aria-current=page]")).to_contain_text("Storie")


def test_the_items_tab_filters_by_a_facet(page, tree):
    page.goto("/it/search/?q=Fotografia&kind=items")

    page.get_by_role("link", name=re.compile(r"^Fotografie")).first.click()

    expect(page).to_have_url(re.compile(r"kind=items"))
    expect(page.locator(".result-tabs [aria-current=page]")).to_contain_text("Oggetti")


def test_the_contact_form_submits_and_thanks_the_visitor(page, tree):
    page.goto("/it/contact/")

    page.get_by_label("Nome").fill("Ada Lovelace")
    page.get_by_label("Email").fill("ada@example.org")
    page.get_by_label("Messaggio").fill("Vorremmo diventare partner.")
    page.get_by_role("button", name="Invia").click()

    expect(page.get_by_role("status")).to_contain_text("Grazie, ti risponderemo presto.")
    assert FormPage.objects.get(pk=tree.form.pk).get_submission_class().objects.count() == 1
    assert len(mail.outbox) == 1
    assert "Ada Lovelace" in mail.outbox[0].body


def test_the_contact_form_shows_the_errors_of_an_incomplete_message(page, tree):
    page.goto("/it/contact/")

    page.get_by_label("Nome").fill("Ada Lovelace")
    # The browser's own validation would stop an empty required field: skip it, as a
    # browser without it would, so the server's error summary is what the visitor sees.
    page.locator("form.form").evaluate("form => form.noValidate = true")
    page.get_by_role("button", name="Invia").click()

    summary = page.get_by_role("alert")
    expect(summary).to_be_visible()
    expect(summary.get_by_role("link", name=re.compile("Email"))).to_be_visible()
    expect(page.get_by_label("Nome")).to_have_value("Ada Lovelace")
    assert mail.outbox == []


def test_collection_index_pagination_works_without_javascript(new_page, tree):
    # Three items in the tree: one page and one item more than a page holds.
    for number in range(4, ITEMS_PER_PAGE + 2):
        ItemPageFactory(parent=tree.collection, title=f"Fotografia {number:02d}")
    page = new_page(java_script_enabled=False)
    page.goto("/it/collections/")
    items = page.locator("#items .card-grid--items > li")
    status = page.locator("#items .pagination-status")

    expect(status).to_have_text("Pagina 1 di 2")
    expect(items).to_have_count(ITEMS_PER_PAGE)

    page.locator("#items a[rel=next]").click()

    expect(page).to_have_url(re.compile(r"/it/collections/\?page=2$"))
    expect(status).to_have_text("Pagina 2 di 2")
    expect(items).to_have_count(1)
    expect(page.locator("#items a[rel=next]")).to_have_count(0)

    page.locator("#items .pagination a", has_text="1").first.click()

    expect(page).to_have_url(re.compile(r"/it/collections/\?page=1$"))
    expect(items).to_have_count(ITEMS_PER_PAGE)
