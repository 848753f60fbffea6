"""Cards of collections and stories without a picture of their own borrow one of their items'."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from heritage_collections.models import CollectionPage
from heritagehub.covers import choose_covers
from stories.models import StoryPage
from tests.factories import (
    CollectionPageFactory,
    HeritageImageFactory,
    ItemPageFactory,
    add_item_image,
    item_card_body,
)

pytestmark = pytest.mark.django_db


def test_a_collection_without_a_cover_shows_its_first_item_s_picture(tree):
    (collection,) = choose_covers([CollectionPage.objects.get(pk=tree.collection.pk)])
    assert collection.card_image == tree.item.first_image


def test_a_collection_s_own_cover_comes_first(tree):
    cover = HeritageImageFactory()
    tree.collection.cover_image = cover
    tree.collection.save()
    (collection,) = choose_covers([CollectionPage.objects.get(pk=tree.collection.pk)])
    assert collection.card_image == cover


def test_a_story_without_a_hero_image_shows_its_item_card_s_picture(tree):
    (story,) = choose_covers([StoryPage.objects.get(pk=tree.story.pk)])
    assert story.card_image == tree.item.first_image


def test_without_pictures_there_is_no_card_image(tree):
    (story,) = choose_covers([StoryPage.objects.get(pk=tree.partner_story.pk)])
    assert story.card_image is None


def test_the_same_picture_is_never_shown_twice_on_a_page(tree):
    # The story's item card is the collection's first item: the story gets nothing else.
    collection = CollectionPage.objects.get(pk=tree.collection.pk)
    story = StoryPage.objects.get(pk=tree.story.pk)
    choose_covers([collection, story])
    assert collection.card_image == tree.item.first_image
    assert story.card_image is None


def test_a_second_card_takes_the_next_item_s_picture(tree):
    add_item_image(tree.items[1])
    collection = CollectionPage.objects.get(pk=tree.collection.pk)
    story = StoryPage.objects.get(pk=tree.story.pk)
    story.body = item_card_body(tree.items[0]) + item_card_body(tree.items[1])
    choose_covers([collection, story])
    assert story.card_image == tree.items[1].first_image


def test_covers_take_a_constant_number_of_queries(tree):
    def queries(count):
        for number in range(count):
            other = CollectionPageFactory(parent=tree.partner, slug=f"c{count}-{number}")
            add_item_image(ItemPageFactory(parent=other, slug=f"i{count}-{number}"))
        pages = list(CollectionPage.objects.all()) + list(StoryPage.objects.all())
        with CaptureQueriesContext(connection) as captured:
            choose_covers(pages)
        return len(captured)

    assert queries(1) == queries(5) <= 4
