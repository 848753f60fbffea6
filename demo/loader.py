"""Load the whole demo site from ``content/`` and the shared open data (images, Tate's
records), in the order the page tree needs it.

1. images, each in its partner's media collection;
2. the Italian home page and its children, translated into English, French, German and
   Spanish;
3. partner pages (Italian hubs under the Italian directory, open-data institutions under the
   English one), each translated into the other language;
4. Tate's and the museums' collections and items (English), collection pages translated
   into Italian; the people and places of Tate's items (English), and the items linked to
   them;
5. stories, some translated into English;
   then the calls index (five languages) and the partners' open calls (Italian, English);
   then What's on and the programme, in five languages (dated from today);
6. the home page's featured lists;
7. demo accounts;
8. applications to join the hub, waiting for review.

Every step finds what an earlier run created and leaves it alone.
"""

import os
from pathlib import Path

from django.conf import settings

from .accounts import load_accounts
from .applications import load_applications
from .authorities import link_items, load_authorities
from .base import DemoDataError, Stats
from .calls import load_calls
from .collections import load_collections
from .events import load_events
from .images import image_collection, load_images
from .pages import feature_on_home, load_site_pages
from .partners import ALL_PARTNERS, load_partners
from .stories import FEATURED_STORIES, load_stories
from .translate import translate_page

DATA_ENV = "HERITAGEHUB_DEMO_DATA"
REQUIRED_FILES = ["images/MANIFEST.csv", "tate/tate_demo_2000.jsonl"]

FEATURED_COLLECTIONS = [
    ("tate", "turner-in-italy"),
    ("metropolitan-museum-of-art", "ancient-worlds"),
    ("art-institute-of-chicago", "four-continents"),
]
FEATURED_PARTNERS = ["polo-del-900", "farm-cultural-park", "tabakalera", "tate"]


def data_dir():
    """The shared open-data folder: $HERITAGEHUB_DEMO_DATA, else ../shared/data."""
    configured = os.environ.get(DATA_ENV)
    path = Path(configured) if configured else Path(settings.BASE_DIR).parent / "shared" / "data"
    missing = [name for name in REQUIRED_FILES if not (path / name).is_file()]
    if missing:
        raise DemoDataError(
            f"Demo data not found in {path} (missing {', '.join(missing)}). "
            f"Set {DATA_ENV} to the folder holding images/ and tate/."
        )
    return path


def load(path, stats=None):
    stats = stats if stats is not None else Stats()

    image_collections = {}
    for text in ALL_PARTNERS:
        collection, created = image_collection(text.name)
        image_collections[text.slug] = collection
        if created:
            stats.created("media collections")
    images = load_images(path, image_collections, stats)

    pages, home_strings = load_site_pages(images, stats)

    indexes = {language: pages[language]["partners"] for language in ("it", "en")}
    partner_pages = load_partners(indexes, images, stats)

    collections = load_collections(path, partner_pages, images, stats)
    for collection, strings in collections:
        translate_page(collection, "it", strings, stats)
    load_authorities(pages["en"]["authorities"], stats)
    link_items(stats)
    collection_by_key = {
        (collection.get_parent().slug, collection.slug): collection for collection, _ in collections
    }

    stories = load_stories(pages, partner_pages, images, stats)
    load_calls(pages, partner_pages, stats)
    load_events(pages, partner_pages, stats)

    feature_on_home(
        pages["it"]["home"],
        home_strings,
        [collection_by_key[key] for key in FEATURED_COLLECTIONS],
        [stories[slug] for slug in FEATURED_STORIES],
        [partner_pages[slug] for slug in FEATURED_PARTNERS],
        stats,
    )

    load_accounts(ALL_PARTNERS, partner_pages, image_collections, stats)
    load_applications(stats)
    return stats
