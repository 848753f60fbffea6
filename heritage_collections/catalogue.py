"""Keeping the catalogue entries (``CatalogueEntry``) in step with the live item pages.

An entry is derived data: for each item and each site language, the page a visitor of that
language is served (the translation, else the best fallback, as ``heritagehub.i18n``
chooses) and the facts browse filters on. ``refresh_catalogue`` recomputes the entries of
the given items from the live pages in a constant number of queries per batch; the signal
handlers call it when an item, or a page above items, changes.
"""

import functools
import re
import unicodedata
from collections import defaultdict
from contextlib import contextmanager

from django.conf import settings
from django.db import transaction
from wagtail.models import Locale, Page

from heritagehub.bulk import indexes_built_after, update_statistics
from heritagehub.cache import is_private
from heritagehub.i18n import language_order
from heritagehub.rights import Reuse
from partners.models import PartnerPage

from . import search_index
from .models import (
    CatalogueEntry,
    CollectionPage,
    ItemImage,
    ItemPage,
    OaiRecord,
    ObjectType,
)
from .oai.index import add_oai_records, refresh_oai_records

BATCH_SIZE = 500
# Refreshing this many items at once is a bulk load: table statistics are updated after it.
ANALYZE_AFTER = 1000
# A bulk load adding at least this share of the entries stored builds the browse indexes
# after it rather than row by row (``loading``).
INDEXES_AFTER_SHARE = 0.2


# Catalogues mark uncertain or supplied titles with punctuation ("[title not known]",
# "?River Po", "(untitled)", "#15 Point"): people look such a title up by its first word.
LEADING_MARKS = re.compile(r"^[\W_]+")


@functools.lru_cache(maxsize=4096)  # an item's five entries (languages) sort its title alike
def sort_key(title):
    """A title as it sorts for people: case, accents and leading punctuation ignored
    ("Émile" next to "emile", "[Untitled]" among the u's)."""
    folded = title.casefold()
    if not folded.isascii():  # ASCII has no accents to take off
        decomposed = unicodedata.normalize("NFKD", folded)
        folded = "".join(c for c in decomposed if not unicodedata.combining(c))
    plain = folded.strip()
    return (LEADING_MARKS.sub("", plain) or plain)[:255]


def century_of(year):
    """19 for 1801–1900, -1 for 100 BCE–1 BCE; None without a year."""
    if year is None:
        return None
    century = (abs(year) - 1) // 100 + 1
    return century if year > 0 else -century


def located(latitude, longitude):
    """(latitude, longitude) as floats for the maps, or (None, None) unless both are given
    and on the globe (an imported row may hold anything the column takes)."""
    if latitude is None or longitude is None:
        return None, None
    latitude, longitude = float(latitude), float(longitude)
    if not (-90 <= latitude <= 90 and -180 <= longitude <= 180):
        return None, None
    return latitude, longitude


def _ancestry(url_path):
    """(partner slug, "partner/collection" path) from an item's url_path: items sit at
    home/partners/<partner>/<collection>/<item>/, and slugs are the same in every locale."""
    parts = url_path.strip("/").split("/")
    return parts[-3], f"{parts[-3]}/{parts[-2]}"


ENTRY_FIELDS = (
    "language_code",
    "page",
    "translation_key",
    "sort_title",
    "partner",
    "collection",
    "object_type",
    "date_start",
    "date_end",
    "century",
    "place",
    "latitude",
    "longitude",
    "has_image",
    "reuse",
)


def _entries_for(pages, images, language_of, type_slug_of):
    """The entry rows (tuples of ENTRY_FIELDS) of one item, one per site language;
    ``pages`` are its live translations, ``language_of(page)`` and ``type_slug_of(page)``
    their language code and object type's slug ("" without one)."""
    by_language = {language_of(page): page for page in pages}
    rows = []
    for code, _name in settings.LANGUAGES:
        page = next(by_language[c] for c in language_order(code) if c in by_language)
        partner, collection = _ancestry(page.url_path)
        rows.append(
            (
                code,
                page.pk,
                page.translation_key,
                sort_key(page.title),
                partner,
                collection,
                type_slug_of(page),
                page.date_start,
                # An item dated by one year ends in it: range filters then need no COALESCE.
                page.date_start if page.date_end is None else page.date_end,
                century_of(page.date_start),
                page.place_name[:200],
                *located(page.latitude, page.longitude),
                page.pk in images,
                Reuse.of(page.rights).value,
            )
        )
    return rows


def _refresh_batch(keys):
    pages = (
        ItemPage.objects.live()
        .public()
        .filter(translation_key__in=keys)
        .select_related("locale", "object_type")
        .only(
            "title",
            "url_path",
            "translation_key",
            "locale__language_code",
            "object_type__slug",
            "date_start",
            "date_end",
            "place_name",
            "latitude",
            "longitude",
            "rights",
            # The searchable text (search_index)
            "full_title",
            "identifier",
            "creator",
            "description",
            "materials",
        )
    )
    translations = defaultdict(list)
    for page in pages:
        translations[page.translation_key].append(page)
    images = set(
        ItemImage.objects.filter(page__in=[p.pk for ps in translations.values() for p in ps])
        .values_list("page_id", flat=True)
        .distinct()
    )
    CatalogueEntry.objects.filter(translation_key__in=keys).delete()
    # Five rows per item: plain INSERTs (heritagehub.bulk) cost a fifth of bulk_create's.
    rows = [
        row
        for pages in translations.values()
        for row in _entries_for(
            pages, images, search_index.loaded_language, search_index.loaded_type_slug
        )
    ]
    # The full-text index of the new entries: the texts of the pages they serve.
    served = {row[1] for row in rows}
    texts = search_index.page_texts(
        [p for ps in translations.values() for p in ps if p.pk in served]
    )
    search_index.insert_entries(ENTRY_FIELDS, rows, texts)


def refresh_catalogue(translation_keys):
    """Recompute the entries of the items with these translation keys (any number of them;
    an item no longer live loses its entries)."""
    keys = list(dict.fromkeys(translation_keys))
    with transaction.atomic():
        for start in range(0, len(keys), BATCH_SIZE):
            _refresh_batch(keys[start : start + BATCH_SIZE])
        # The OAI-PMH harvest index follows the same changes.
        refresh_oai_records(keys)
    if len(keys) >= ANALYZE_AFTER:
        update_statistics([CatalogueEntry, OaiRecord])


def add_new_items(pages, tags, images):
    """The entries, their full-text index and the harvest records of new items, from the
    pages in memory: what ``refresh_catalogue`` of their keys stores, without reading back
    what was just written, nor looking for entries and records new keys cannot have.

    ``pages``: every translation of each item, just created (``locale_id``,
    ``object_type_id``, ``url_path`` and the publication dates set); ``tags``: {page pk:
    its tag names, in order}; ``images``: the pks of those with an image. Only live pages
    outside private sections get entries, as ``refresh_catalogue`` reads them."""
    pages = [page for page in pages if page.live and not is_private(page)]
    if not pages:
        return
    languages = dict(Locale.objects.values_list("pk", "language_code"))
    slugs = dict(ObjectType.objects.values_list("pk", "slug"))

    def language_of(page):
        return languages[page.locale_id]

    def type_slug_of(page):
        return slugs[page.object_type_id] if page.object_type_id else ""

    translations = defaultdict(list)
    for page in pages:
        translations[page.translation_key].append(page)
    keys = list(translations)
    with transaction.atomic():
        for start in range(0, len(keys), BATCH_SIZE):
            batch = [translations[key] for key in keys[start : start + BATCH_SIZE]]
            rows = [
                row
                for group in batch
                for row in _entries_for(group, images, language_of, type_slug_of)
            ]
            served = {row[1] for row in rows}
            texts = search_index.page_texts(
                [page for group in batch for page in group if page.pk in served],
                language_of=language_of,
                type_slug_of=type_slug_of,
                tags=tags,
            )
            search_index.insert_entries(ENTRY_FIELDS, rows, texts)
        add_oai_records(translations)
    if len(keys) >= ANALYZE_AFTER:
        update_statistics([CatalogueEntry, OaiRecord])


@contextmanager
def loading(new_items):
    """Meanwhile ``new_items`` items are about to get their entries (an import, inside its
    transaction): when they are many and a fair share of what is stored, the browse indexes
    of the entries and of the harvest records are built once at the end
    (``indexes_built_after``): a 100,000-row import into 100,000 items spent more than a
    third of its time in them."""
    entries = new_items * len(settings.WAGTAIL_CONTENT_LANGUAGES)
    many = new_items >= ANALYZE_AFTER
    if many and entries >= INDEXES_AFTER_SHARE * CatalogueEntry.objects.count():
        with indexes_built_after(CatalogueEntry), indexes_built_after(OaiRecord):
            yield
    else:
        yield


def item_keys_below(page):
    """Translation keys of the items below ``page`` in its locale tree."""
    return ItemPage.objects.descendant_of(page).values_list("translation_key", flat=True)


def rebuild_catalogue():
    """Every entry anew, e.g. after a bulk change made outside Wagtail's signals."""
    with transaction.atomic():
        CatalogueEntry.objects.all().delete()
        keys = ItemPage.objects.live().values_list("translation_key", flat=True).distinct()
        refresh_catalogue(keys.iterator())
    return CatalogueEntry.objects.count()


# Signal handlers (connected in apps.py) --------------------------------------------------


def build_if_missing(**kwargs):
    """After migrate: a database that had items before the catalogue (or its full-text
    index) existed gets its entries, indexed."""
    missing = not CatalogueEntry.objects.exists() or search_index.is_missing()
    if missing and ItemPage.objects.live().exists():
        rebuild_catalogue()


def _entries_out_of_date_below(page):
    """Whether the items below a partner or collection page carry an old slug of it (it was
    renamed or moved): checked first, since publishing a 70,000-item collection's new
    introduction must not rewrite 350,000 entries."""
    below = CatalogueEntry.objects.filter(page__path__startswith=page.path)
    slugs = page.url_path.strip("/").split("/")
    if isinstance(page, PartnerPage):
        return below.exclude(partner=slugs[-1]).exists()
    return below.exclude(collection="/".join(slugs[-2:])).exists()


def page_changed(sender, instance, **kwargs):
    """page_published / page_unpublished / post_page_move of any page."""
    page = instance.specific_deferred if type(instance) is Page else instance
    if isinstance(page, ItemPage):
        refresh_catalogue([page.translation_key])
    elif isinstance(page, PartnerPage | CollectionPage) and _entries_out_of_date_below(page):
        refresh_catalogue(list(item_keys_below(page)))


def object_type_saved(sender, instance, created, **kwargs):
    """The items of an object type are found by its names in every language: a renamed
    type's items are indexed again (a rare editorial change; a new type has no items)."""
    if not created:
        items = ItemPage.objects.filter(object_type__slug=instance.slug)
        refresh_catalogue(list(items.values_list("translation_key", flat=True).distinct()))


def item_deleted(sender, instance, **kwargs):
    """An item's other translations may now be served where the deleted one was."""
    refresh_catalogue([instance.translation_key])
