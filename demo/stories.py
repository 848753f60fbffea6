"""Stories about the hubs of the seed documents, written in Italian; most translated into English.

One record a story in ``content/stories/``; its body a list of entries, each named by its
first key (``BODY_BLOCKS``).

Hub stories sit under the story index, partner stories under their partner's page. Bodies use
headings, paragraphs, pull quotes, images, galleries and item cards that point to real items
loaded from Tate's and the museums' open data. Quotes are pull quotes from the story itself,
attributed to its author: no words are put into real people's mouths.
"""

from dataclasses import dataclass, field
from datetime import date

from stories.models import StoryPage, StoryRelatedItem

from .base import Bi, DemoDataError, Strings, block, list_item
from .collections import item_by_identifier
from .records import add_pages, records


@dataclass
class StoryText:
    slug: str
    parent: str  # "hub" for the story index, else a partner slug
    title: Bi | str
    summary: Bi | str
    date: date
    author: Bi | str
    role: str
    place: Bi | str
    tags: list
    body: list
    hero: str | None = None
    related: list = field(default_factory=list)

    @property
    def translated(self):
        return isinstance(self.title, Bi) and self.title.translation is not None


STORIES = records("stories", StoryText)

FEATURED_STORIES = [
    "tabakalera-patrimonio-industriale",
    "polo-del-900-novecento",
    "dati-aperti-collezioni-museali",
]


def _gallery(entry, strings, images):
    return {
        "title": strings(entry["gallery"]),
        "images": [
            list_item({"image": images[each["image"]].pk, "caption": strings(each["caption"])})
            for each in entry["images"]
        ],
    }


# A body entry's kind (its first key) → the StreamField block type and its value.
BODY_BLOCKS = {
    "paragraph": lambda entry, strings, images: ("paragraph", strings.rich(entry["paragraph"])),
    "list": lambda entry, strings, images: ("paragraph", strings.rich(("ul", entry["list"]))),
    "heading": lambda entry, strings, images: (
        "heading",
        {"text": strings(entry["heading"]), "level": "h2"},
    ),
    "quote": lambda entry, strings, images: (
        "quote",
        {"text": strings(entry["quote"]), "attribution": strings(entry["attribution"])},
    ),
    "image": lambda entry, strings, images: (
        "image",
        {"image": images[entry["image"]].pk, "caption": strings(entry["caption"])},
    ),
    "gallery": lambda entry, strings, images: ("gallery", _gallery(entry, strings, images)),
    "item_card": lambda entry, strings, images: (
        "item_card",
        {"item": item_by_identifier(entry["item_card"]).pk, "note": strings(entry["note"])},
    ),
}


def story_body(text, strings, images):
    """The story's StreamField in raw form; translated texts are remembered in ``strings``."""
    body = []
    for entry in text.body:
        kind = next(iter(entry))
        if kind not in BODY_BLOCKS:
            raise DemoDataError(f"Story {text.slug!r}: unknown body entry {kind!r}")
        body.append(block(*BODY_BLOCKS[kind](entry, strings, images)))
    return body


def story_page(text, images):
    strings = Strings()
    page = StoryPage(
        title=strings(text.title),
        slug=text.slug,
        summary=strings(text.summary),
        date=text.date,
        author_name=strings(text.author),
        author_role=text.role,
        place_name=strings(text.place),
        hero_image=images[text.hero] if text.hero else None,
        body=story_body(text, strings, images),
    )
    page.tags.add(*text.tags)
    page.related_items = [
        StoryRelatedItem(item=item_by_identifier(identifier), sort_order=order)
        for order, identifier in enumerate(text.related)
    ]
    return page, strings


def load_stories(pages, partner_pages, images, stats):
    """Every story under its parent; translated stories get their English version. By slug."""
    return add_pages(
        STORIES,
        parent_of=lambda text: (
            pages["it"]["stories"] if text.parent == "hub" else partner_pages[text.parent]
        ),
        build=lambda text: story_page(text, images),
        languages_of=lambda text, parent, page: ["en"] if text.translated else [],
        stats=stats,
        kind="stories",
    )
