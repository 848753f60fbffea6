"""What every part of the demo loader shares: texts, counters, idempotent page creation.

A text is written once, in its source language, next to its translations (``demo.records``
reads them from the content files). A ``Bi`` holds one; the builders take the source text
for the page and remember the others, so the translation step (``demo.translate``) knows the
translated text of every string wagtail-localize extracts from the page.
"""

import uuid
from collections import Counter
from dataclasses import dataclass, field
from functools import cache
from html import escape as _escape

from wagtail.models import Locale, Page


def escape(text):
    """Escape for HTML text content (quotes stay as they are)."""
    return _escape(text, quote=False)


class DemoDataError(Exception):
    """Raised when the demo data cannot be loaded; the command turns it into a CommandError."""


LANGUAGES = ("it", "en", "fr", "de", "es")
# The languages a text's ``more`` holds: the hub's own pages and the programme are written in
# all five; everything else in Italian and English only.
MORE_LANGUAGES = ("fr", "de", "es")


@dataclass(frozen=True)
class Bi:
    """A text in its source language and its translation (``None`` when not translated);
    ``more``: its French, German and Spanish texts, for pages translated into all five."""

    source: str
    translation: str | None = None
    more: dict = field(default_factory=dict, compare=False)


@dataclass
class Strings:
    """The source → translation pairs of one page, collected while its fields are built."""

    pairs: dict = field(default_factory=dict)
    # Strings that stay the same in the translation (names, addresses, identifiers).
    same: set = field(default_factory=set)
    # {language: {source: text}}: the French, German and Spanish texts of the same strings.
    more: dict = field(default_factory=dict)

    def __call__(self, value):
        """The source text of ``value`` (``Bi`` or plain string); remembers its translation."""
        if value is None:
            return ""
        if isinstance(value, Bi):
            if value.translation is not None:
                self.pairs[value.source] = value.translation
            for language, written in value.more.items():
                self.more.setdefault(language, {})[value.source] = written
            return value.source
        return value

    def into(self, language, page):
        """The strings that translate ``page`` into ``language``: ``pairs`` for the
        translation language, else the ``more`` texts, which must cover every pair."""
        if language not in MORE_LANGUAGES:
            return self
        written = self.more.get(language, {})
        missing = [repr(source[:70]) for source in self.pairs if source not in written]
        if missing:
            raise DemoDataError(
                f"No {language} text written in demo/content for these strings of "
                f"{page.title!r}:\n  " + "\n  ".join(missing)
            )
        return Strings(pairs={source: written[source] for source in self.pairs}, same=self.same)

    def keep(self, *texts):
        """Mark texts (names, e-mail addresses …) that the translation copies unchanged."""
        self.same.update(text for text in texts if text)

    def rich(self, *blocks):
        """Rich text HTML from paragraphs (``Bi``/str), ``("h3", text)`` and ``("ul", [texts])``."""
        html = []
        for block in blocks:
            if isinstance(block, tuple) and block[0] in {"h2", "h3", "h4"}:
                html.append(f"<{block[0]}>{escape(self(block[1]))}</{block[0]}>")
            elif isinstance(block, tuple) and block[0] in {"ul", "ol"}:
                items = "".join(f"<li>{escape(self(item))}</li>" for item in block[1])
                html.append(f"<{block[0]}>{items}</{block[0]}>")
            else:
                html.append(f"<p>{escape(self(block))}</p>")
        return "".join(html)

    @property
    def translated(self):
        return bool(self.pairs)


def block(block_type, value):
    """One StreamField block in Wagtail's raw JSON form, with the id wagtail-localize needs."""
    return {"type": block_type, "value": value, "id": str(uuid.uuid4())}


def list_item(value):
    return {"type": "item", "value": value, "id": str(uuid.uuid4())}


class Stats(Counter):
    """What a run created, by kind; printed as the command's summary."""

    def created(self, kind, count=1):
        self[kind] += count


@cache
def locale(code):
    return Locale.objects.get(language_code=code)


def child_by_slug(parent, slug):
    """The child of ``parent`` with ``slug`` (specific), or None."""
    page = parent.get_children().filter(slug=slug).first()
    return page.specific if page else None


def publish_new_child(parent, page):
    """Add ``page`` under ``parent`` as a proper tree node, with a published revision."""
    page.locale = parent.locale
    parent.add_child(instance=page)
    page.save_revision().publish()
    return page


def ensure_child(parent, page, stats, kind):
    """Create ``page`` under ``parent`` unless a child with its slug exists; return the page.

    Existing pages are left as they are: a second run changes nothing.
    """
    existing = child_by_slug(parent, page.slug)
    if existing is not None:
        return existing, False
    publish_new_child(parent, page)
    stats.created(kind)
    return page, True


def refresh(page):
    """The page as stored now (specific), e.g. after a translation was published on commit."""
    return Page.objects.get(pk=page.pk).specific
