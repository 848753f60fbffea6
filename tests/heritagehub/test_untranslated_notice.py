"""The notice above a page shown in another language than the visitor's: it names the
language shown and links every language the page exists in (the browser reorders them by
its accepted languages: tests/e2e/test_visitor_pages.py)."""

import pytest

from tests.conftest import elements

pytestmark = pytest.mark.django_db


def version_links(response):
    html = response.content.decode()
    start = html.index("data-language-versions")
    end = html.index("</ul>", start)
    return {
        e.attrs["hreflang"]: e.attrs["href"]
        for e in elements(html[start - 100 : end])
        if e.tag == "a" and e.attrs.get("hreflang")
    }


def test_a_page_only_in_italian_links_its_italian_version(tree, client):
    response = client.get("/de/stories/una-storia/")
    assert "Diese Seite ist noch nicht auf Deutsch verfügbar" in response.content.decode()
    assert version_links(response) == {"it": "/it/stories/una-storia/"}


def test_the_notice_links_every_language_the_page_exists_in(tree, translate, client):
    translate(tree.home, "en")
    translate(tree.story_index, "en")
    translate(tree.story, "en", title="A story")
    response = client.get("/fr/stories/una-storia/")
    assert version_links(response) == {
        "it": "/it/stories/una-storia/",
        "en": "/en/stories/una-storia/",
    }


def test_a_page_in_the_visitors_language_has_no_notice(tree, client):
    assert "data-language-notice" not in client.get("/it/stories/una-storia/").content.decode()
