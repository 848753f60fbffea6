"""The stories that feature an item, on its page: as a related item or an item card."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import translation
from wagtail.models import PageViewRestriction, ReferenceIndex

from heritage_collections.models import ItemPage
from stories.featuring import FEATURING_STORIES, featuring_stories
from stories.models import StoryRelatedItem
from tests.factories import StoryPageFactory, item_card_body

pytestmark = pytest.mark.django_db


def featuring(page, language="it"):
    with translation.override(language):
        return [story.title for story in featuring_stories(ItemPage.objects.get(pk=page.pk))]


def story_with_related_item(parent, title, item):
    story = StoryPageFactory(parent=parent, title=title)
    StoryRelatedItem.objects.create(page=story, item=item, sort_order=0)
    story.save_revision().publish()
    return story


def test_a_story_with_the_item_card_in_its_body_features_it(tree):
    assert featuring(tree.items[0]) == ["Una storia"]
    assert featuring(tree.items[1]) == ["Storia del partner"]


def test_a_story_with_the_item_among_its_related_items_features_it(tree):
    story_with_related_item(tree.story_index, "Il fiume", tree.items[2])
    assert featuring(tree.items[2]) == ["Il fiume"]


def test_related_items_count_even_before_the_reference_index_has_them(tree):
    story = story_with_related_item(tree.story_index, "Il fiume", tree.items[2])
    ReferenceIndex.objects.filter(object_id=str(story.pk)).delete()
    assert featuring(tree.items[2]) == ["Il fiume"]


def test_a_story_showing_a_translation_of_the_item_features_it(tree, translate):
    for page in (tree.home, tree.partner_index, tree.partner, tree.collection):
        translate(page, "en")
    english = translate(tree.items[2], "en", title="Photograph 3")
    StoryPageFactory(parent=tree.story_index, title="In inglese", body=item_card_body(english))
    assert featuring(tree.items[2]) == ["In inglese"]


def test_only_live_stories_feature_an_item(tree):
    tree.story.unpublish()
    assert featuring(tree.items[0]) == []


def test_private_stories_are_left_out(tree):
    PageViewRestriction.objects.create(page=tree.story, restriction_type=PageViewRestriction.LOGIN)
    assert featuring(tree.items[0]) == []


def test_stories_are_in_the_visitor_language(tree, translate):
    translate(tree.story_index, "en")
    translate(tree.story, "en", title="A story")
    assert featuring(tree.items[0], "en") == ["A story"]
    assert featuring(tree.items[0], "it") == ["Una storia"]
    assert featuring(tree.items[0], "de") == ["Una storia"]


def test_at_most_six_stories_newest_first(tree):
    for n in range(FEATURING_STORIES + 2):
        StoryPageFactory(
            parent=tree.story_index, title=f"Racconto {n}", body=item_card_body(tree.items[2])
        )
    titles = featuring(tree.items[2])
    assert titles == [f"Racconto {n}" for n in range(FEATURING_STORIES + 1, 1, -1)]


def test_featuring_stories_are_one_query(tree):
    page = ItemPage.objects.get(pk=tree.items[0].pk)
    featuring_stories(page)  # content types are cached after their first use
    with CaptureQueriesContext(connection) as queries:
        featuring_stories(page)
    assert len(queries) == 1


def test_the_item_page_shows_the_stories_as_cards(tree, client):
    html = client.get("/it/partners/archivio/fotografie/fotografia-1/").content.decode()
    section = html[html.index('id="featuring-heading"') :]
    assert 'href="/it/stories/una-storia/"' in section
    assert "Storia del partner" not in section
