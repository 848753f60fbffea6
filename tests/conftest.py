"""Shared fixtures: the hub's page tree, translations and HTML helpers.

The test database is built with migrations, so it already holds what a fresh site has:
the five Locales, the Italian HomePage at slug "home", the default Site pointing at it,
and the vocabulary terms (object types, institution types, sectors).
"""

import re
import shutil
import tempfile
from dataclasses import dataclass, field
from html.parser import HTMLParser

import pytest
from django.test import override_settings
from wagtail.models import Locale, Page
from wagtail_localize.operations import translate_object

from home.models import HomePage
from tests.factories import (
    CollectionIndexPageFactory,
    CollectionPageFactory,
    FormPageFactory,
    ItemPageFactory,
    PartnerIndexPageFactory,
    PartnerPageFactory,
    StandardPageFactory,
    StoryIndexPageFactory,
    StoryPageFactory,
    add_form_fields,
    add_item_image,
    item_card_body,
)

LANGUAGES = ["it", "en", "fr", "de", "es"]


@pytest.fixture(scope="session", autouse=True)
def _media_root():
    """Uploaded files of the tests go to a temporary directory, never to ./media."""
    media_root = tempfile.mkdtemp(prefix="heritagehub-test-media-")
    with override_settings(MEDIA_ROOT=media_root):
        yield media_root
    shutil.rmtree(media_root, ignore_errors=True)


@pytest.fixture(autouse=True)
def _reset_language():
    """Each test starts in the default language whatever the previous one activated."""
    from django.utils import translation

    yield
    translation.activate("it")


@pytest.fixture(autouse=True)
def _empty_cache():
    """Each test starts with an empty cache: cached pages, menus and facet labels of an
    earlier test's pages must not leak into the next one."""
    from django.core.cache import cache

    cache.clear()


@pytest.fixture
def locales(db):
    return {locale.language_code: locale for locale in Locale.objects.all()}


@pytest.fixture
def home(db):
    """The Italian home page the migrations create (the default Site's root)."""
    return HomePage.objects.get(depth=2, locale__language_code="it")


@pytest.fixture
def translate(django_capture_on_commit_callbacks):
    """Translate a page with wagtail-localize, as the admin does, and publish the translation.

    ``translate(page, "en", title="…")`` returns the live translation, its fields changed as
    given. One page per call, each in its own on_commit capture (upstream #773: translating
    a parent and its children in one go leaves the parent's numchild at 0).
    """

    def _translate(page, language_code, publish=True, **changes):
        locale = Locale.objects.get(language_code=language_code)
        with django_capture_on_commit_callbacks(execute=True):
            translate_object(page.specific, [locale])
        translated = page.specific.get_translation(locale)
        for name, value in changes.items():
            setattr(translated, name, value)
        revision = translated.save_revision()
        if publish:
            with django_capture_on_commit_callbacks(execute=True):
                revision.publish()
        translated.refresh_from_db()
        return translated

    return _translate


@dataclass
class Tree:
    """The small hub of docs/architecture.md ("The page tree and ownership") that most tests
    browse."""

    home: HomePage
    collection_index: Page
    story_index: Page
    partner_index: Page
    partner: Page
    collection: Page
    items: list = field(default_factory=list)
    story: Page = None
    partner_story: Page = None
    standard: Page = None
    form: Page = None

    @property
    def item(self):
        return self.items[0]

    def pages_by_type(self):
        """One page of each public page type, by a short name."""
        return {
            "home": self.home,
            "collection_index": self.collection_index,
            "collection": self.collection,
            "item": self.item,
            "story_index": self.story_index,
            "story": self.story,
            "partner_index": self.partner_index,
            "partner": self.partner,
            "standard": self.standard,
            "form": self.form,
        }


@pytest.fixture
def tree(home):
    """Home → collections, stories, partners index pages; a partner with a collection of
    three items (the first with an image); a hub story and a partner story with item cards;
    an about page and a contact form. Everything Italian (the source language) and live."""
    collection_index = CollectionIndexPageFactory(parent=home)
    story_index = StoryIndexPageFactory(parent=home)
    partner_index = PartnerIndexPageFactory(parent=home)
    partner = PartnerPageFactory(parent=partner_index, title="Archivio Nazionale", slug="archivio")
    collection = CollectionPageFactory(parent=partner, title="Fotografie", slug="fotografie")
    items = [
        ItemPageFactory(parent=collection, title=f"Fotografia {n}", slug=f"fotografia-{n}")
        for n in range(1, 4)
    ]
    add_item_image(items[0])
    story = StoryPageFactory(
        parent=story_index, title="Una storia", slug="una-storia", body=item_card_body(items[0])
    )
    partner_story = StoryPageFactory(
        parent=partner,
        title="Storia del partner",
        slug="storia-partner",
        body=item_card_body(items[1]),
    )
    standard = StandardPageFactory(parent=home, slug="about")
    form = add_form_fields(FormPageFactory(parent=home))
    return Tree(
        home=home,
        collection_index=collection_index,
        story_index=story_index,
        partner_index=partner_index,
        partner=partner,
        collection=collection,
        items=items,
        story=story,
        partner_story=partner_story,
        standard=standard,
        form=form,
    )


@pytest.fixture
def english_home(tree, translate):
    return translate(tree.home, "en", title="Heritage Hub", hero_heading="Heritage of many")


# --- HTML helpers --------------------------------------------------------------------------


@dataclass
class Element:
    tag: str
    attrs: dict
    text: str = ""


class _Collector(HTMLParser):
    """Every start tag with its attributes, and the text directly inside <a> elements."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.elements = []
        self._open_links = []

    def handle_starttag(self, tag, attrs):
        element = Element(tag, {name: value or "" for name, value in attrs})
        self.elements.append(element)
        if tag == "a":
            self._open_links.append(element)

    def handle_endtag(self, tag):
        if tag == "a" and self._open_links:
            self._open_links.pop()

    def handle_data(self, data):
        for link in self._open_links:
            link.text += data


def elements(response_or_html):
    html = response_or_html
    if not isinstance(html, str):
        html = response_or_html.content.decode()
    collector = _Collector()
    collector.feed(html)
    return collector.elements


def html_lang(response):
    """The `lang` of the <html> element."""
    match = re.search(r"<html[^>]*\slang=\"([^\"]+)\"", response.content.decode())
    return match.group(1) if match else None


def hreflang_alternates(response):
    """{hreflang: href} of the <link rel="alternate" hreflang> elements."""
    return {
        e.attrs["hreflang"]: e.attrs.get("href", "")
        for e in elements(response)
        if e.tag == "link"
        and "alternate" in e.attrs.get("rel", "").split()
        and "hreflang" in e.attrs
    }


def switcher_links(response):
    """{language: href} of the language switcher: the <a hreflang> links of the page."""
    return {
        e.attrs["hreflang"]: e.attrs.get("href", "")
        for e in elements(response)
        if e.tag == "a" and e.attrs.get("hreflang")
    }


def content_langs(response):
    """Every `lang` attribute below <html>, in document order."""
    return [e.attrs["lang"] for e in elements(response) if e.tag != "html" and "lang" in e.attrs]
