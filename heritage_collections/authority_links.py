"""Items and the authority records they link to (``ItemAgent``, ``ItemPlace``): the items a
record's page lists (registered with ``authorities.linked_items``), and the records an
item's page names.

A link belongs to one translation of an item and points at one translation of a record;
both sides are matched by ``translation_key``, so a record's page in any language finds the
items linked to any of its translations, each shown in the visitor's language.
"""

from django.db import connection
from django.template.loader import get_template
from django.utils.safestring import mark_safe
from wagtail.models import Page

from authorities.models import PlacePage
from authorities.roles import WORK_ROLES
from heritagehub.cache import cached, cached_each, without_private
from heritagehub.i18n import active_language

from .models import CatalogueEntry, ItemAgent, ItemPage, ItemPlace, item_listing

# The items of a record are the catalogue entries (heritage_collections.catalogue: one a
# live, public item and language, the page a visitor of that language is served, its
# start year) of the items whose translations link to any translation of the record.
# The record's translations are named by their ids, written into the statement: a
# subquery, or a parameter of a prepared statement, leaves PostgreSQL to guess a record's
# links from the average (335 rows, where Turner has 57,000), and its index probes took
# 1.5 s a page; with the ids it reads the column's statistics and takes 5 ms.
_LINKED_KEYS = """SELECT lp.translation_key FROM {link} l JOIN {page} lp ON lp.id = l.page_id
    WHERE l.{field}_id IN ({record_ids}) AND l.role IN ({roles})"""
# ``{no_index}e.language_code`` (and ``e.date_start``): not an index to walk, the language's
# whole catalogue, but the linked keys looked up in the (translation key, language) index.
# SQLite's planner is steered by a unary ``+``, which takes a column out of index choice;
# PostgreSQL has no unary ``+`` for text and plans by its statistics, so it gets none.
_COUNT = """SELECT COUNT(*), COUNT(e.date_start) FROM {entry} e
    WHERE {no_index}e.language_code = %s AND e.translation_key IN ({keys})"""
# A page of the list, oldest first (then by title): two plans for the same rows. From the
# links, sorting them all: cheap for a record with a few hundred items. Along the
# catalogue's (language, start year, page) index, testing each entry for a link until the
# page is full: cheap for a record with thousands (Turner's 37,000 works at 100,000 items,
# where the first plan sorts them all for every page). A correlated EXISTS cannot drive the
# second from the links.
_FROM_LINKS = """SELECT e.page_id FROM {entry} e JOIN {page} p ON p.id = e.page_id
    WHERE {no_index}e.language_code = %s AND {dated} AND e.translation_key IN ({keys})
    ORDER BY {no_index}e.date_start, p.title, p.id LIMIT %s OFFSET %s"""
_ALONG_INDEX = """SELECT e.page_id FROM {entry} e JOIN {page} p ON p.id = e.page_id
    WHERE e.language_code = %s AND e.date_start IS NOT NULL AND EXISTS (
        SELECT 1 FROM {page} lp JOIN {link} l ON l.page_id = lp.id
        WHERE lp.translation_key = e.translation_key
        AND l.{field}_id IN ({record_ids}) AND l.role IN ({roles}))
    ORDER BY e.date_start, p.title, p.id LIMIT %s OFFSET %s"""


class LinkedItems:
    """The cards of the live items linked to a record in one of some roles, in the
    visitor's language, oldest first (those without a date last, then by title), for a
    Paginator: counted once per cache generation (heritagehub.cache), a page fetched by one
    query of its ids, an indexed lookup with a LIMIT whatever the number of items, and its
    cards rendered only where the cache has none (item_cards)."""

    def __init__(self, record, roles, language_code=None):
        self.record = record
        self.roles = sorted(roles)
        self.language_code = language_code or active_language()
        link = ItemPlace if isinstance(record, PlacePage) else ItemAgent
        self.tables = {
            "entry": CatalogueEntry._meta.db_table,
            "page": Page._meta.db_table,
            "link": link._meta.db_table,
            "field": "place" if link is ItemPlace else "agent",
            "roles": ", ".join(["%s"] * len(self.roles)),
            "no_index": "+" if connection.vendor == "sqlite" else "",
            "record_ids": ", ".join(str(int(pk)) for pk in record_ids(record)),
        }
        self.tables["keys"] = _LINKED_KEYS.format(**self.tables)

    def _rows(self, sql, params, **parts):
        with connection.cursor() as cursor:
            cursor.execute(sql.format(**self.tables, **parts), params)
            return cursor.fetchall()

    def _link_params(self):
        return self.roles

    def counts(self):
        """(items, items with a start year), once per generation and language."""

        def count():
            [row] = self._rows(_COUNT, [self.language_code, *self._link_params()])
            return tuple(row)

        name = f"linked-items:{self.tables['field']}:{self.record.translation_key}"
        return cached(f"{name}:{','.join(self.roles)}:{self.language_code}", count)

    def count(self):
        return self.counts()[0]

    def __len__(self):
        return self.count()

    def __getitem__(self, index):
        if not isinstance(index, slice) or index.step is not None:
            raise TypeError("LinkedItems takes a slice, as a Paginator asks for a page.")
        return item_cards(self.ids(index.start or 0, index.stop), self.language_code)

    def ids(self, start, stop):
        """The served pages' ids of the items ``start`` to ``stop`` (one query, two where
        the dated items end within them)."""
        total, dated = self.counts()
        start, stop = slice(start, stop).indices(total)[:2]
        ids = []
        if start < min(stop, dated):
            ids += self._dated_ids(start, min(stop, dated), dated)
        if stop > dated:
            first = max(start, dated) - dated
            ids += self._page_ids(_FROM_LINKS, first, stop - dated, dated=False)
        return ids

    def _dated_ids(self, start, stop, dated):
        # Along the index, some (stop * entries / dated) entries are tested; from the
        # links, ``dated`` are sorted: the cheaper, by the catalogue's size in the language.
        entries = catalogue_size(self.language_code)
        if stop * entries < dated * dated:
            return self._page_ids(_ALONG_INDEX, start, stop - start)
        return self._page_ids(_FROM_LINKS, start, stop - start, dated=True)

    def _page_ids(self, sql, offset, limit, dated=None):
        parts = {}
        if dated is not None:
            column = f"{self.tables['no_index']}e.date_start"
            parts["dated"] = f"{column} IS NOT NULL" if dated else f"{column} IS NULL"
        params = [self.language_code, *self._link_params(), limit, offset]
        return [row[0] for row in self._rows(sql, params, **parts)]


def record_ids(record):
    """The ids of every translation of ``record``, per generation (a translation is
    published, so it moves the generation on)."""
    return cached(
        f"record-ids:{record.translation_key}",
        lambda: list(
            Page.objects.filter(translation_key=record.translation_key).values_list("pk", flat=True)
        ),
    )


def catalogue_size(language_code):
    """The catalogue entries of a language (every live public item once), per generation."""
    return cached(
        f"catalogue-size:{language_code}",
        lambda: CatalogueEntry.objects.filter(language_code=language_code).count(),
    )


def item_cards(ids, language_code):
    """The item cards (includes/item_card.html) of the pages ``ids``, in order, kept in the
    cache for the current generation (``cached_each``, as the calls' cards): a card shows
    the item, its type, partner and first image in the visitor's language, all of which
    change only by a publish or an image's save, which move the generation on. Only the
    cards not there are rendered, their items fetched in one go (three queries)."""
    template = get_template("includes/item_card.html")

    def compute(missing):
        items = item_listing(ItemPage.objects.filter(pk__in=missing))
        by_id = {item.pk: item for item in items}
        context = {"LANGUAGE_CODE": language_code}
        return [
            template.render({**context, "item": by_id[pk]}) if pk in by_id else "" for pk in missing
        ]

    cards = cached_each(f"item-card:{language_code}", ids, str, compute)
    return [mark_safe(card) for card in cards if card]  # noqa: S308 - rendered templates


def linked_items(record, roles):
    """The cards of the live items linked to ``record`` in one of ``roles``, in the
    visitor's language, oldest first (LinkedItems)."""
    return LinkedItems(record, roles)


def item_links(item, preview=False):
    """(agent links, place links) of an item, with their records: two queries (none in a
    preview, whose links are the revision's, in memory)."""
    if preview:
        return list(item.agent_links.all()), list(item.place_links.all())
    # A draft or private record is not the public's: no name, no link to a page that
    # would refuse the visitor (EDM leaves them out the same way: oai.records).
    agents = without_private(item.agent_links.filter(agent__live=True), "agent__path")
    places = without_private(item.place_links.filter(place__live=True), "place__path")
    return (
        list(agents.select_related("agent").order_by("sort_order")),
        list(places.select_related("place").order_by("sort_order")),
    )


def creator_records(agent_links):
    """The records of the people and organisations who made the item."""
    return [link.agent for link in agent_links if link.role in WORK_ROLES]


def places_in_role(place_links, role):
    return [link.place for link in place_links if link.role == role]
