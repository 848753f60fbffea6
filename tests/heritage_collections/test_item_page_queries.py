"""An item page costs the same queries whatever it shows: 3 or 30 related items, stories
and items in its collection (docs/architecture.md, "Query ceilings"), and its own sections at
most thirteen."""

import re

import psycopg
import pytest
from django.core.cache import cache
from django.db import connection
from django.test import RequestFactory
from django.test.utils import CaptureQueriesContext, override_settings
from django.utils import translation

from heritage_collections.item_context import NEIGHBOURS_SQL, collection_path, item_page_context
from heritage_collections.models import CatalogueEntry, ItemPage
from stories.models import StoryRelatedItem
from tests.factories import (
    HeritageImageFactory,
    ItemPageFactory,
    StoryPageFactory,
    add_item_image,
    item_card_body,
)

pytestmark = pytest.mark.django_db

URL = "/{language}/partners/archivio/fotografie/fotografia-1/"
# What the item page adds to Wagtail's page: collection and partner, related items,
# the candidates for related items (a query of their own: see related_items), their images
# and the item's, stories, renditions of every image shown, neighbours, the tags; and, when
# a story shown has no picture of its own, its items' pictures (heritagehub.covers: the
# stories' bodies, their related items, those items' images); the people and organisations
# and the places it is linked to, with their records (heritage_collections.authority_links).
ITEM_SECTIONS_QUERIES = 13


def grow(tree, total):
    """Bring the hub to ``total`` items related to the first one (same creator, its tag,
    its collection, each with an image) and ``total`` stories featuring it."""
    subject = ItemPage.objects.get(pk=tree.item.pk)
    subject.tags.add("fiume")
    subject.save()
    existing = tree.collection.get_children().count()
    for n in range(existing, total):
        item = ItemPageFactory(parent=tree.collection, title=f"Voce {n:03d}", creator="Anonimo")
        item.tags.add("fiume")
        item.save()
        add_item_image(item)
    stories = tree.story_index.get_children().count()
    for n in range(stories, total):
        story = StoryPageFactory(
            parent=tree.story_index,
            title=f"Racconto {n:03d}",
            # Some without a picture of their own borrow an item's, as the tree's do.
            hero_image=HeritageImageFactory() if n % 3 else None,
            body=item_card_body(subject) if n % 2 else [],
        )
        if not n % 2:
            StoryRelatedItem.objects.create(page=story, item=subject, sort_order=0)
            story.save_revision().publish()


def count_queries(client, url):
    """Queries of a second request: the first fills the cache and makes the renditions. The
    page's parts are rendered again, not taken from the cache (heritagehub.page_parts)."""
    assert client.get(url).status_code == 200
    with (
        override_settings(HERITAGEHUB_CACHE_PAGE_PARTS=False),
        CaptureQueriesContext(connection) as queries,
    ):
        response = client.get(url)
    assert response.status_code == 200
    return len(queries), response


@pytest.mark.parametrize("language", ["it", "en"])
def test_the_item_page_costs_the_same_with_3_or_30_of_everything(tree, client, language):
    counts = []
    for total in (3, 30):
        grow(tree, total)
        cache.clear()
        count, response = count_queries(client, URL.format(language=language))
        counts.append(count)
        assert len(response.context["related_items"]) == min(total - 1, 6)
        assert len(response.context["featuring_stories"]) == min(total, 6)
    assert counts[0] == counts[1], counts


def test_the_item_sections_cost_at_most_thirteen_queries(tree):
    grow(tree, 10)
    item = ItemPage.objects.get(pk=tree.item.pk)
    request = RequestFactory().get(URL.format(language="it"))
    request.is_preview = False
    item_page_context(item, request)  # renditions made, content types cached
    item = ItemPage.objects.get(pk=tree.item.pk)
    with translation.override("it"), CaptureQueriesContext(connection) as queries:
        context = item_page_context(item, request)
    assert context["related_items"] and context["featuring_stories"] and context["neighbours"]
    assert len(queries) <= ITEM_SECTIONS_QUERIES


# Query plans ----------------------------------------------------------------------------------

# Tables that grow with the hub: a query of the item page may look rows up in them through
# an index, never read them whole.
GROWING_TABLES = (
    "wagtailcore_page",
    "wagtailcore_referenceindex",
    "heritage_collections_itempage",
    "heritage_collections_itemtag",
    "heritage_collections_itemimage",
    "heritage_collections_catalogueentry",
    "heritagehub_heritagerendition",
    "stories_storypage",
    "stories_storyrelateditem",
)


def full_scans(sql):
    """The steps of the query's plan that read a whole table (on SQLite any table, since
    its plans name aliases; on PostgreSQL a growing one, with the planner told to avoid
    sequential scans so that only those no index could replace remain)."""
    with connection.cursor() as cursor:
        if connection.vendor == "sqlite":
            cursor.execute("EXPLAIN QUERY PLAN " + sql)
            steps = [row[3] for row in cursor.fetchall()]
            # A co-routine's own rows (a LIMITed subquery's result) are not a table.
            results = {step.split()[1] for step in steps if step.startswith("CO-ROUTINE ")}
            return [s for s in steps if s.startswith("SCAN ") and s.split()[1] not in results]
        cursor.execute("SET LOCAL enable_seqscan = off")
        cursor.execute("EXPLAIN " + sql)
        steps = [row[0] for row in cursor.fetchall()]
        return [s for s in steps if "Seq Scan on" in s and any(t in s for t in GROWING_TABLES)]


def test_the_item_sections_read_no_table_whole(tree):
    grow(tree, 5)
    request = RequestFactory().get(URL.format(language="it"))
    request.is_preview = False
    item_page_context(ItemPage.objects.get(pk=tree.item.pk), request)  # the site, cached
    item = ItemPage.objects.get(pk=tree.item.pk)
    with translation.override("it"), CaptureQueriesContext(connection) as queries:
        item_page_context(item, request)
    plans = [(query["sql"], full_scans(query["sql"])) for query in queries]
    assert len(plans) == ITEM_SECTIONS_QUERIES
    assert [(sql, scans) for sql, scans in plans if scans] == []


@pytest.mark.parametrize("has_image", [True, False])
def test_the_neighbours_seek_each_group_in_the_index_in_a_generic_plan(tree, has_image):
    """A kept PostgreSQL connection plans a statement it prepared once for every parameter (a
    generic plan): no side of the neighbours may then test a collection's entries one by one
    for their group (165 ms an item page at 100,000 items)."""
    if connection.vendor != "postgresql":
        pytest.skip("SQLite plans every statement for its parameters")
    item = ItemPage.objects.get(pk=tree.item.pk)
    numbered = iter(range(1, 100))
    sql = re.sub(
        "%s",
        lambda _match: f"${next(numbered)}",
        NEIGHBOURS_SQL[has_image].format(
            entry=CatalogueEntry._meta.db_table, page="wagtailcore_page"
        ),
    )
    where = ["it", collection_path(item)]
    keyset = [has_image, "fotografia", "fotografia", item.pk]
    params = [*where, *keyset, *where, *keyset, *where, not has_image]
    connection.ensure_connection()
    # Bound in the client: ``$1`` … are then the PREPARE's own, not the driver's.
    with psycopg.ClientCursor(connection.connection) as cursor:
        cursor.execute("SET LOCAL enable_seqscan = off")
        cursor.execute("SET LOCAL plan_cache_mode = force_generic_plan")
        side = "text, text, boolean, text, text, integer"
        cursor.execute(f"PREPARE neighbours ({side}, {side}, text, text, boolean) AS {sql}")
        cursor.execute(f"EXPLAIN EXECUTE neighbours({', '.join(['%s'] * len(params))})", params)
        steps = [row[0] for row in cursor.fetchall()]
        cursor.execute("DEALLOCATE neighbours")
    assert [step for step in steps if "Filter: (has_image" in step] == []
