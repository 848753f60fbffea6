"""The Atom feed of stories, one per language (/<lang>/stories/feed/), and the <link> that
announces it on every page (issue 5).

The tree of tests/conftest.py is Italian: a hub story and a partner story. The ``hub``
fixture translates the story index and the hub story into English.
"""

import datetime

import feedparser
import pytest
from django.core.cache import cache
from django.db import connection
from django.test import override_settings
from django.test.utils import CaptureQueriesContext
from wagtail.models import PageViewRestriction

from heritagehub.i18n import url_in_language
from tests.conftest import LANGUAGES, elements
from tests.factories import HeritageImageFactory, StoryPageFactory

pytestmark = pytest.mark.django_db

SERVER = "http://testserver"


@pytest.fixture
def hub(tree, translate):
    tree.en_story_index = translate(tree.story_index, "en", title="Stories")
    tree.en_story = translate(tree.story, "en", title="A story", author_name="Editorial team")
    return tree


def feed(client, language="en"):
    response = client.get(f"/{language}/stories/feed/")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/atom+xml; charset=utf-8"
    parsed = feedparser.parse(response.content)
    assert not parsed.bozo, parsed.bozo_exception
    assert parsed.version == "atom10"
    return parsed


def entry_titled(parsed, title):
    return next(entry for entry in parsed.entries if entry.title == title)


# One feed per language -----------------------------------------------------------------------


@pytest.mark.parametrize("language", LANGUAGES)
def test_each_language_has_its_feed_in_that_language(hub, client, language):
    parsed = feed(client, language)
    assert parsed.feed.language == language
    assert parsed.feed.link == f"{SERVER}/{language}/stories/"
    assert "Heritage Hub" in parsed.feed.title
    assert parsed.feed.author == "Heritage Hub"
    assert parsed.feed.subtitle


def test_a_story_appears_in_the_feed_s_language_where_translated(hub, client):
    entry = entry_titled(feed(client, "en"), "A story")
    assert entry.link == SERVER + url_in_language(hub.story, "en")
    assert entry.author == "Editorial team"
    assert entry.title_detail.language == "en"
    assert "Una storia" not in [e.title for e in feed(client, "en").entries]


def test_an_untranslated_story_appears_in_its_own_language(hub, client):
    entry = entry_titled(feed(client, "en"), "Storia del partner")
    assert entry.title_detail.language == "it"
    assert entry.link == SERVER + url_in_language(hub.partner_story, "en")


def test_the_italian_feed_has_the_italian_stories(hub, client):
    titles = {entry.title: entry.title_detail.language for entry in feed(client, "it").entries}
    assert titles == {"Una storia": "it", "Storia del partner": "it"}


def test_drafts_and_draft_translations_are_not_in_the_feed(hub, client, translate):
    translate(hub.partner_story, "fr", publish=False, title="Histoire du partenaire")
    draft = StoryPageFactory(parent=hub.story_index, title="Bozza", live=False)
    titles = [entry.title for entry in feed(client, "fr").entries]
    assert "Bozza" not in titles
    assert "Histoire du partenaire" not in titles
    assert "Storia del partner" in titles
    assert not draft.live


def test_private_stories_are_not_in_the_feed(hub, client):
    PageViewRestriction.objects.create(page=hub.partner, restriction_type=PageViewRestriction.LOGIN)
    assert "Storia del partner" not in [entry.title for entry in feed(client, "it").entries]


def stories_dated_in_the_past():
    """The tree's stories, made live in code, have no publication date: the feed places
    them by their date, which the factory's sequence may have pushed past today."""
    from stories.models import StoryPage

    StoryPage.objects.update(date=datetime.date(2020, 1, 1))


def test_entries_come_newest_publication_first(hub, client):
    stories_dated_in_the_past()
    newest = StoryPageFactory(parent=hub.story_index, title="Appena pubblicata")
    newest.save_revision().publish()
    entries = feed(client, "it").entries
    assert entries[0].title == "Appena pubblicata"
    published = [entry.published_parsed for entry in entries]
    assert published == sorted(published, reverse=True), [(e.title, e.published) for e in entries]


def test_an_entry_has_summary_dates_tags_and_hero_image(hub, client):
    story = hub.partner_story.specific
    story.summary = "Fotografie & lettere"
    story.hero_image = HeritageImageFactory()
    story.tags.add("archivi", "fotografia")
    story.save_revision().publish()
    entry = entry_titled(feed(client, "it"), "Storia del partner")
    story.refresh_from_db()
    assert entry.summary == "Fotografie &amp; lettere"  # HTML of the plain-text summary
    assert entry.published.startswith(story.first_published_at.strftime("%Y-%m-%d"))
    assert entry.updated.startswith(story.last_published_at.strftime("%Y-%m-%d"))
    assert sorted(tag.term for tag in entry.tags) == ["archivi", "fotografia"]
    [enclosure] = [link for link in entry.links if link.rel == "enclosure"]
    assert enclosure.href.startswith(SERVER + "/media/images/")
    assert enclosure.type.startswith("image/")
    assert int(enclosure.length) > 0


def test_the_feed_runs_the_same_queries_whatever_the_number_of_stories(hub, client):
    counts = []
    for total in (3, 30):
        for n in range(len(hub.story_index.get_children()), total):
            story = StoryPageFactory(
                parent=hub.story_index, title=f"Racconto {n}", hero_image=HeritageImageFactory()
            )
            story.tags.add(f"tema-{n}")
            story.save_revision().publish()
        client.get("/en/stories/feed/")  # renditions made, the cache filled
        with CaptureQueriesContext(connection) as queries:
            assert client.get("/en/stories/feed/").status_code == 200
        counts.append(len(queries.captured_queries))
        cache.clear()
    assert counts[0] == counts[1], counts


# The <link> on every page --------------------------------------------------------------------


def feed_links(response):
    return [
        (e.attrs.get("href"), e.attrs.get("title"))
        for e in elements(response)
        if e.tag == "link"
        and e.attrs.get("rel") == "alternate"
        and e.attrs.get("type") == "application/atom+xml"
    ]


@pytest.mark.parametrize("language", ["it", "en", "de"])
def test_every_page_announces_the_feed_of_its_language(hub, client, language):
    urls = [f"/{language}/", url_in_language(hub.partner, language), f"/{language}/search/?q=x"]
    for url in urls:
        [(href, title)] = feed_links(client.get(url))
        assert href == f"{SERVER}/{language}/stories/feed/"
        assert "Heritage Hub" in title


def test_the_announced_feed_exists(hub, client):
    [(href, _title)] = feed_links(client.get("/fr/"))
    assert client.get(href.removeprefix(SERVER)).status_code == 200


def test_no_feed_is_announced_without_a_story_index(client, home):
    assert feed_links(client.get("/it/")) == []


@override_settings(HERITAGEHUB_PAGE_CACHE_SECONDS=600)
def test_the_feed_is_cached_with_the_pages_and_follows_publication(hub, client):
    assert client.get("/it/stories/feed/")["X-Cache"] == "miss"
    assert client.get("/it/stories/feed/")["X-Cache"] == "hit"
    StoryPageFactory(parent=hub.story_index, title="Nuova").save_revision().publish()
    assert "Nuova" in [entry.title for entry in feed(client, "it").entries]


def test_a_story_without_a_publication_date_is_placed_by_its_date(hub, client):
    from wagtail.models import Page

    stories_dated_in_the_past()
    StoryPageFactory(parent=hub.story_index, title="Dal futuro", date=datetime.date(2099, 1, 1))
    Page.objects.filter(title="Dal futuro").update(first_published_at=None)
    newest = StoryPageFactory(parent=hub.story_index, title="Appena pubblicata")
    newest.save_revision().publish()
    titles = [entry.title for entry in feed(client, "it").entries]
    assert titles[:2] == ["Dal futuro", "Appena pubblicata"]
