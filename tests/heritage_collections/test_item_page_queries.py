"""An item page costs the same queries whatever it shows: 3 or 30 related items, stories
and items in its collection (DESIGN §8), and its own sections at most six."""

import pytest
from django.core.cache import cache
from django.db import connection
from django.test import RequestFactory
from django.test.utils import CaptureQueriesContext
from django.utils import translation

from heritage_collections.item_context import item_page_context
from heritage_collections.models import ItemPage
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
# their images and the item's, stories, renditions of every image shown, neighbours.
ITEM_SECTIONS_QUERIES = 6


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
            hero_image=HeritageImageFactory(),
            body=item_card_body(subject) if n % 2 else [],
        )
        if not n % 2:
            StoryRelatedItem.objects.create(page=story, item=subject, sort_order=0)
            story.save_revision().publish()


def count_queries(client, url):
    """Queries of a second request: the first fills the cache and makes the renditions."""
    assert client.get(url).status_code == 200
    with CaptureQueriesContext(connection) as queries:
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


def test_the_item_sections_cost_at_most_six_queries(tree):
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
