"""StoryPage: item cards and related items in the visitor's language."""

import pytest
from django.utils import translation

from stories.models import StoryIndexPage, StoryPage, StoryRelatedItem

pytestmark = pytest.mark.django_db


@pytest.fixture
def item_en(tree, translate):
    for page in (tree.home, tree.partner_index, tree.partner, tree.collection):
        translate(page, "en")
    return translate(tree.item, "en", title="Photograph 1")


def test_item_cards_map_the_chosen_item_to_its_translation(tree, item_en):
    story = StoryPage.objects.get(pk=tree.story.pk)
    with translation.override("en"):
        cards = story.featured_items().cards
    assert cards[tree.item.pk].pk == item_en.pk


def test_item_cards_fall_back_to_the_source_item(tree, item_en):
    story = StoryPage.objects.get(pk=tree.story.pk)
    with translation.override("fr"):
        cards = story.featured_items().cards
    assert cards[tree.item.pk].pk == tree.item.pk


def test_item_cards_skip_unpublished_items(tree):
    tree.item.unpublish()
    story = StoryPage.objects.get(pk=tree.story.pk)
    with translation.override("it"):
        assert story.featured_items().cards == {}


def test_related_items_in_the_visitor_language(tree, item_en):
    StoryRelatedItem.objects.create(page=tree.story, item=tree.item, sort_order=0)
    StoryRelatedItem.objects.create(page=tree.story, item=tree.items[2], sort_order=1)
    story = StoryPage.objects.get(pk=tree.story.pk)
    with translation.override("en"):
        related = {item.pk for item in story.featured_items().related}
    assert related == {item_en.pk, tree.items[2].pk}


def test_story_index_lists_hub_and_partner_stories_newest_first(tree):
    index = StoryIndexPage.objects.get(pk=tree.story_index.pk)
    stories = list(index.stories())
    assert {s.pk for s in stories} == {tree.story.pk, tree.partner_story.pk}
    assert stories[0].date >= stories[1].date


def test_a_partner_story_belongs_to_its_partner(tree):
    assert StoryPage.objects.get(pk=tree.partner_story.pk).partner.pk == tree.partner.pk
    assert StoryPage.objects.get(pk=tree.story.pk).partner is None


def _byline(response):
    html = response.content.decode()
    start = html.index("<dd>", html.index("Autore" if "Autore" in html else "Author"))
    return html[start : html.index("</dd>", start)]


def test_a_staff_byline_names_the_author_without_an_internal_role(client, tree):
    tree.story.author_name = "Giulia Rossi"
    tree.story.author_role = StoryPage.AuthorRole.STAFF
    tree.story.save_revision().publish()

    byline = _byline(client.get(tree.story.url))

    assert "Giulia Rossi" in byline
    assert "author-role" not in byline


def test_a_community_byline_says_the_author_is_a_community_member(client, tree):
    tree.story.author_name = "Marco Bianchi"
    tree.story.author_role = StoryPage.AuthorRole.COMMUNITY
    tree.story.save_revision().publish()

    byline = _byline(client.get(tree.story.url))

    assert "Marco Bianchi" in byline
    assert 'class="author-role"' in byline
