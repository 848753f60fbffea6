"""/sitemap.xml, its sections and /robots.txt (issue 5): every live public page in every
locale tree where it exists, with the hreflang alternates the pages themselves announce.

The tree of tests/conftest.py is Italian; the ``hub`` fixture translates the home and story
index pages into English and French, and gives Tate's partner page an English-only
collection, as content written first in English.
"""

import xml.etree.ElementTree as ET
from datetime import UTC, datetime, timedelta
from urllib.parse import urlsplit

import pytest
from django.core.cache import cache
from django.db import connection
from django.test import override_settings
from django.test.utils import CaptureQueriesContext
from wagtail.models import Locale, Page, PageViewRestriction

from heritagehub.i18n import url_in_language
from tests.conftest import elements, hreflang_alternates
from tests.factories import CollectionPageFactory, HomePageFactory, ItemPageFactory

pytestmark = pytest.mark.django_db

NS = {"sm": "http://www.sitemaps.org/schemas/sitemap/0.9", "xhtml": "http://www.w3.org/1999/xhtml"}
SERVER = "http://testserver"


@pytest.fixture
def hub(tree, translate):
    tree.en_home = translate(tree.home, "en", title="Heritage Hub")
    tree.en_stories = translate(tree.story_index, "en", title="Stories")
    tree.fr_stories = translate(tree.story_index, "fr", title="Histoires")
    tree.en_partner = translate(tree.partner, "en", title="National Archive")
    tree.english_only = CollectionPageFactory(
        parent=tree.en_partner, title="Prints", slug="prints", locale=tree.en_partner.locale
    )
    # A slug that reverse() percent-encodes: the sitemap must give the same URL.
    tree.unicode_item = ItemPageFactory(parent=tree.collection, title="Città", slug="città-ideale")
    return tree


def absolute(page):
    """The page's canonical URL: its path under its own language's prefix."""
    return SERVER + url_in_language(page, page.locale.language_code)


def parse(response):
    assert response.status_code == 200, response.status_code
    assert response["Content-Type"] == "application/xml; charset=utf-8"
    return ET.fromstring(response.content)


def urlset(client, url="/sitemap.xml"):
    """{loc: {hreflang: href}} of a sitemap file."""
    root = parse(client.get(url))
    assert root.tag == f"{{{NS['sm']}}}urlset"
    return {
        entry.findtext("sm:loc", namespaces=NS): {
            link.get("hreflang"): link.get("href")
            for link in entry.findall("xhtml:link", NS)
            if link.get("rel") == "alternate"
        }
        for entry in root.findall("sm:url", NS)
    }


def section_urls(client):
    root = parse(client.get("/sitemap.xml"))
    assert root.tag == f"{{{NS['sm']}}}sitemapindex"
    return [entry.findtext("sm:loc", namespaces=NS) for entry in root.findall("sm:sitemap", NS)]


def live_pages_of_the_site():
    home_paths = Page.objects.filter(depth=2).values_list("path", flat=True)
    return [
        page
        for page in Page.objects.live().filter(depth__gt=1).select_related("locale")
        if any(page.path.startswith(path) for path in home_paths)
    ]


# What is listed ------------------------------------------------------------------------------


def test_every_live_page_of_every_locale_tree_is_listed_once_at_its_canonical_url(hub, client):
    listed = urlset(client)
    assert sorted(listed) == sorted(absolute(page) for page in live_pages_of_the_site())
    assert SERVER + "/fr/stories/" in listed
    assert SERVER + "/en/partners/archivio/prints/" in listed


def test_urls_are_those_the_site_links_to(hub, client):
    listed = urlset(client)
    assert SERVER + url_in_language(hub.unicode_item, "it") in listed
    assert SERVER + "/it/partners/archivio/fotografie/citt%C3%A0-ideale/" in listed


def test_pages_served_by_fallback_in_other_languages_are_not_listed(hub, client):
    listed = urlset(client)
    assert SERVER + "/it/partners/archivio/fotografie/" in listed
    assert SERVER + "/fr/partners/archivio/fotografie/" not in listed
    assert SERVER + "/it/partners/archivio/prints/" not in listed


def test_alternates_are_the_live_translations_and_x_default_the_italian_page(hub, client):
    alternates = urlset(client)[SERVER + "/fr/stories/"]
    assert alternates == {
        "it": SERVER + "/it/stories/",
        "en": SERVER + "/en/stories/",
        "fr": SERVER + "/fr/stories/",
        "x-default": SERVER + "/it/stories/",
    }
    assert urlset(client)[SERVER + "/it/stories/"] == alternates


def test_an_untranslated_page_has_itself_as_only_alternate(hub, client):
    url = SERVER + url_in_language(hub.item, "it")
    assert urlset(client)[url] == {"it": url, "x-default": url}


def test_x_default_is_the_source_when_there_is_no_italian_page(hub, client):
    url = SERVER + "/en/partners/archivio/prints/"
    assert urlset(client)[url] == {"en": url, "x-default": url}


def test_each_listed_page_announces_the_same_canonical_and_alternates(hub, client):
    """The sitemap and the pages' own <link>s agree, page by page."""
    for url, alternates in urlset(client).items():
        response = client.get(urlsplit(url).path)
        assert response.status_code == 200, url
        canonical = [
            e.attrs["href"]
            for e in elements(response)
            if e.tag == "link" and e.attrs.get("rel") == "canonical"
        ]
        assert canonical == [url]
        assert hreflang_alternates(response) == alternates, url


def test_lastmod_is_the_last_publication(hub, client):
    root = parse(client.get("/sitemap.xml"))
    url = absolute(hub.en_stories)
    entry = next(
        e for e in root.findall("sm:url", NS) if e.findtext("sm:loc", namespaces=NS) == url
    )
    lastmod = entry.findtext("sm:lastmod", namespaces=NS)
    hub.en_stories.refresh_from_db()
    assert lastmod.startswith(hub.en_stories.last_published_at.date().isoformat())
    assert lastmod[10] == "T"


# What is not listed --------------------------------------------------------------------------


def test_drafts_are_not_listed(hub, client, translate):
    hub.items[2].unpublish()
    draft = translate(hub.collection_index, "de", publish=False)
    listed = urlset(client)
    assert SERVER + url_in_language(hub.items[2], "it") not in listed
    assert SERVER + "/de/collections/" not in listed
    assert "de" not in listed[SERVER + "/it/collections/"]
    assert not draft.live


def test_private_pages_and_their_subtree_are_not_listed(hub, client):
    PageViewRestriction.objects.create(
        page=hub.collection, restriction_type=PageViewRestriction.LOGIN
    )
    listed = urlset(client)
    assert SERVER + url_in_language(hub.collection, "it") not in listed
    assert not any(SERVER + url_in_language(item, "it") in listed for item in hub.items)
    assert SERVER + url_in_language(hub.partner, "it") in listed


def test_live_pages_below_a_page_live_in_no_language_are_not_listed(hub, client):
    hub.collection.unpublish()  # its items stay live, but answer 404
    listed = urlset(client)
    item_url = url_in_language(hub.item, "it")
    assert SERVER + item_url not in listed
    assert client.get(item_url).status_code == 404


def test_live_pages_below_a_draft_with_a_live_translation_are_listed(hub, client):
    hub.partner.unpublish()  # the English partner page is still live: routing finds it
    listed = urlset(client)
    assert SERVER + url_in_language(hub.partner, "it") not in listed
    assert SERVER + url_in_language(hub.collection, "it") in listed
    assert client.get(url_in_language(hub.collection, "it")).status_code == 200


def test_pages_outside_every_site_are_not_listed(hub, client):
    other_home = HomePageFactory(
        parent=Page.get_first_root_node(), slug="elsewhere", locale=Locale.get_default()
    )
    other_item_parent = CollectionPageFactory(parent=other_home, slug="altrove")
    listed = urlset(client)
    assert not any("altrove" in url or "elsewhere" in url for url in listed)
    assert other_item_parent.live


def test_a_new_publication_appears_at_once(hub, client):
    before = urlset(client)
    item = ItemPageFactory(parent=hub.collection, title="Nuova voce", slug="nuova-voce")
    after = urlset(client)
    url = SERVER + url_in_language(item, "it")
    assert url not in before
    assert url in after


# Sections ------------------------------------------------------------------------------------


@override_settings(HERITAGEHUB_SITEMAP_URLS_PER_SECTION=4)
def test_a_large_sitemap_becomes_an_index_of_sections_that_list_every_page_once(hub, client):
    with override_settings(HERITAGEHUB_SITEMAP_URLS_PER_SECTION=10_000):
        whole = urlset(client)
    cache.clear()
    sections = section_urls(client)
    assert len(sections) > 1
    assert all(url.startswith(SERVER + "/sitemap-") for url in sections)
    listed = {}
    for url in sections:
        part = urlset(client, urlsplit(url).path)
        assert 0 < len(part) <= 4
        assert not set(part) & set(listed)
        listed.update(part)
    assert listed == whole  # alternates included, when a translation is in another section


@override_settings(HERITAGEHUB_SITEMAP_URLS_PER_SECTION=4)
def test_the_index_gives_a_section_its_last_publication(hub, client):
    # Sections are ranges of page ids: every page gets a publication time of its own, in id
    # order, so the newest section's is its highest page's, wherever the ids fall.
    first = datetime(2026, 1, 1, tzinfo=UTC)
    for minutes, pk in enumerate(Page.objects.order_by("pk").values_list("pk", flat=True)):
        Page.objects.filter(pk=pk).update(last_published_at=first + timedelta(minutes=minutes))
    root = parse(client.get("/sitemap.xml"))
    last = root.findall("sm:sitemap", NS)[-1]
    lastmod = datetime.fromisoformat(last.findtext("sm:lastmod", namespaces=NS))
    newest = Page.objects.live().exclude(depth=1).order_by("pk").last()
    assert lastmod == newest.last_published_at


@pytest.mark.parametrize("url", ["/sitemap-0.xml", "/sitemap-999.xml"])
def test_a_section_without_pages_is_not_found(hub, client, url):
    assert client.get(url).status_code == 404


def grow(collection, total):
    for n in range(collection.get_children().count(), total):
        ItemPageFactory(parent=collection, title=f"Voce {n:04d}", slug=f"voce-{n:04d}")


def count_queries(client, url):
    cache.clear()  # the files are cached: measure their rendering
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries.captured_queries)


def test_the_sitemap_runs_the_same_queries_whatever_the_number_of_pages(hub, client):
    counts = []
    for total in (5, 40):
        grow(hub.collection, total)
        counts.append(count_queries(client, "/sitemap.xml"))
    assert counts[0] == counts[1] <= 8, counts


@override_settings(HERITAGEHUB_SITEMAP_URLS_PER_SECTION=20)
def test_index_and_sections_run_the_same_queries_whatever_the_number_of_pages(hub, client):
    counts = []
    for total in (25, 60):
        grow(hub.collection, total)
        first_section = urlsplit(section_urls(client)[0]).path
        counts.append((count_queries(client, "/sitemap.xml"), count_queries(client, first_section)))
    assert counts[0] == counts[1], counts
    assert max(counts[0]) <= 8, counts


def test_a_cached_sitemap_runs_no_query(hub, client):
    client.get("/sitemap.xml")
    with CaptureQueriesContext(connection) as queries:
        assert client.get("/sitemap.xml").status_code == 200
    assert len(queries.captured_queries) == 0


# robots.txt ---------------------------------------------------------------------------------


def test_robots_txt_announces_the_sitemap(client, home):
    response = client.get("/robots.txt")
    assert response.status_code == 200
    assert response["Content-Type"] == "text/plain; charset=utf-8"
    lines = response.content.decode().splitlines()
    assert "Sitemap: http://testserver/sitemap.xml" in lines


def test_robots_txt_keeps_crawlers_out_of_admin_search_and_filtered_listings(client, home):
    lines = client.get("/robots.txt").content.decode().splitlines()
    for rule in ("/admin/", "/django-admin/", "/*/search/", "/*?"):
        assert f"Disallow: {rule}" in lines
    assert "Allow: /*?page=" in lines
