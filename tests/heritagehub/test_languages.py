"""Every public page in every language (docs/architecture.md, "Languages"), as a visitor's
browser sees it.

The tree of tests/conftest.py is written in Italian. Here the home page and the three index
pages are translated into English (as the demo does); the partner, its collection, items
and stories are not, except where a test translates them.
"""

from urllib.parse import urlsplit

import pytest

from heritagehub.i18n import url_in_language
from tests.conftest import (
    LANGUAGES,
    content_langs,
    elements,
    hreflang_alternates,
    html_lang,
    switcher_links,
)
from tests.factories import CollectionPageFactory, ItemPageFactory

pytestmark = pytest.mark.django_db

PAGE_TYPES = [
    "home",
    "collection_index",
    "collection",
    "item",
    "story_index",
    "story",
    "partner_index",
    "partner",
    "standard",
    "form",
]


@pytest.fixture
def hub(tree, translate):
    """The tree with its home and index pages in English, as a hub starts out."""
    tree.en = {
        "home": translate(tree.home, "en", title="Heritage Hub"),
        "collection_index": translate(tree.collection_index, "en", title="Collections"),
        "story_index": translate(tree.story_index, "en", title="Stories"),
        "partner_index": translate(tree.partner_index, "en", title="Partners"),
    }
    return tree


def has_notice(response):
    return any("notice--language" in e.attrs.get("class", "").split() for e in elements(response))


def content_lang(response):
    """The `lang` of the page's content region (None when it is the interface language)."""
    for e in elements(response):
        if "page-content" in e.attrs.get("class", "").split():
            return e.attrs.get("lang")
    raise AssertionError("no .page-content element")


def path(url):
    return urlsplit(url).path


# Every page type in every language -----------------------------------------------------------


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("page_type", PAGE_TYPES)
def test_every_page_type_answers_in_every_language(hub, client, page_type, language):
    page = hub.pages_by_type()[page_type]
    response = client.get(url_in_language(page, language))
    assert response.status_code == 200
    assert html_lang(response) == language


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_language_prefix_serves_the_home_page(hub, client, language):
    response = client.get(f"/{language}/")
    assert response.status_code == 200
    assert "Heritage Hub" in response.content.decode()


# Translated and untranslated pages ------------------------------------------------------------


def test_a_translated_page_is_served_in_its_translation(hub, client):
    response = client.get("/en/collections/")
    assert response.status_code == 200
    assert response.context["page"].pk == hub.en["collection_index"].pk
    assert not has_notice(response)
    assert content_lang(response) is None


def test_a_page_in_its_own_language_has_no_notice(hub, client):
    response = client.get("/it/partners/archivio/")
    assert response.context["page"].pk == hub.partner.pk
    assert not has_notice(response)
    assert content_lang(response) is None


@pytest.mark.parametrize("language", ["en", "fr", "de", "es"])
def test_an_untranslated_page_is_served_in_its_source_language_with_a_notice(hub, client, language):
    response = client.get(f"/{language}/partners/archivio/")
    assert response.status_code == 200
    assert response.context["page"].pk == hub.partner.pk
    assert html_lang(response) == language
    assert has_notice(response)
    assert content_lang(response) == "it"


def test_the_untranslated_notice_is_in_the_visitor_language(hub, client):
    """The notice is interface text: its wording differs from one language to another."""
    notices = {}
    for language in ("en", "de"):
        response = client.get(f"/{language}/partners/archivio/")
        html = response.content.decode()
        start = html.index("notice--language")
        notices[language] = html[start : html.index("</p>", start)]
    assert notices["en"] != notices["de"]


def test_a_page_written_in_english_is_marked_english_under_the_italian_prefix(
    hub, client, translate
):
    partner_en = translate(hub.partner, "en", title="National Archive")
    collection = CollectionPageFactory(parent=partner_en, title="Works on paper")
    ItemPageFactory(parent=collection, title="Study of a tree", slug="study")
    response = client.get("/it/partners/archivio/works-on-paper/study/")
    assert response.status_code == 200
    assert html_lang(response) == "it"
    assert has_notice(response)
    assert content_lang(response) == "en"
    assert "Study of a tree" in response.content.decode()


def test_a_draft_translation_is_not_served(hub, client, translate):
    translate(hub.partner, "en", title="National Archive", publish=False)
    response = client.get("/en/partners/archivio/")
    assert response.status_code == 200
    assert response.context["page"].pk == hub.partner.pk
    assert "National Archive" not in response.content.decode()


@pytest.mark.parametrize("language", LANGUAGES)
def test_a_draft_page_is_not_found_in_any_language(hub, client, language):
    ItemPageFactory(parent=hub.collection, title="Bozza", slug="bozza", live=False)
    response = client.get(f"/{language}/partners/archivio/fotografie/bozza/")
    assert response.status_code == 404


# Language switcher and hreflang ---------------------------------------------------------------


def test_the_switcher_offers_every_language(hub, client):
    links = switcher_links(client.get("/it/partners/archivio/"))
    assert list(links) == LANGUAGES


def test_the_switcher_leads_to_the_translation_of_a_translated_page(hub, client):
    links = switcher_links(client.get("/it/collections/"))
    response = client.get(links["en"])
    assert response.status_code == 200
    assert response.context["page"].pk == hub.en["collection_index"].pk


def test_the_switcher_leads_back_from_the_translation_to_the_source(hub, client):
    links = switcher_links(client.get("/en/collections/"))
    response = client.get(links["it"])
    assert response.context["page"].pk == hub.collection_index.pk
    assert path(links["it"]) == "/it/collections/"


def test_the_switcher_of_an_untranslated_page_keeps_its_path(hub, client):
    links = switcher_links(client.get("/it/partners/archivio/fotografie/fotografia-2/"))
    for language in LANGUAGES:
        assert path(links[language]) == f"/{language}/partners/archivio/fotografie/fotografia-2/"
        response = client.get(links[language])
        assert response.status_code == 200
        assert response.context["page"].pk == hub.items[1].pk
        assert html_lang(response) == language


def test_the_switcher_of_the_home_page_leads_to_each_home(hub, client):
    links = switcher_links(client.get("/fr/"))
    assert {language: path(url) for language, url in links.items()} == {
        language: f"/{language}/" for language in LANGUAGES
    }
    assert client.get(links["en"]).context["page"].pk == hub.en["home"].pk


def test_the_switcher_marks_the_current_language(hub, client):
    current = [
        e.attrs["hreflang"]
        for e in elements(client.get("/de/collections/"))
        if e.tag == "a" and e.attrs.get("hreflang") and e.attrs.get("aria-current")
    ]
    assert current == ["de"]


def test_hreflang_alternates_list_only_real_translations(hub, client):
    alternates = hreflang_alternates(client.get("/fr/collections/"))
    alternates.pop("x-default", None)
    assert sorted(alternates) == ["en", "it"]
    assert path(alternates["it"]) == "/it/collections/"
    assert path(alternates["en"]) == "/en/collections/"


def test_hreflang_alternates_are_absolute_urls(hub, client):
    alternates = hreflang_alternates(client.get("/it/collections/"))
    assert all(url.startswith("http://testserver/") for url in alternates.values())


def test_an_untranslated_page_has_only_its_source_as_alternate(hub, client):
    alternates = hreflang_alternates(client.get("/en/partners/archivio/fotografie/"))
    alternates.pop("x-default", None)
    assert {lang: path(url) for lang, url in alternates.items()} == {
        "it": "/it/partners/archivio/fotografie/"
    }


def test_the_alternates_follow_a_new_translation(hub, client, translate):
    translate(hub.collection, "en", title="Photographs")
    alternates = hreflang_alternates(client.get("/it/partners/archivio/fotografie/"))
    alternates.pop("x-default", None)
    assert sorted(alternates) == ["en", "it"]
    response = client.get(alternates["en"])
    assert "Photographs" in response.content.decode()


# The root and unprefixed paths -----------------------------------------------------------------


@pytest.mark.parametrize(
    ("accept_language", "expected"),
    [
        ("de", "/de/"),
        ("en-GB,en;q=0.9", "/en/"),
        ("es-ES,es;q=0.8,en;q=0.5", "/es/"),
        ("fr-CH, fr;q=0.9", "/fr/"),
        ("ja,zh;q=0.8", "/it/"),
        ("", "/it/"),
    ],
)
def test_the_root_redirects_by_accept_language(hub, client, accept_language, expected):
    headers = {"HTTP_ACCEPT_LANGUAGE": accept_language} if accept_language else {}
    response = client.get("/", **headers)
    assert response.status_code in (301, 302)
    assert path(response["Location"]) == expected


def test_an_unprefixed_path_redirects_to_the_visitor_language(hub, client):
    response = client.get("/partners/archivio/", HTTP_ACCEPT_LANGUAGE="en")
    assert response.status_code in (301, 302)
    assert path(response["Location"]) == "/en/partners/archivio/"


def test_lang_attributes_are_valid_language_codes(hub, client):
    response = client.get("/en/partners/archivio/fotografie/fotografia-1/")
    assert set(content_langs(response)) <= set(LANGUAGES)
