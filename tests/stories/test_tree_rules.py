"""Stories are written by the hub (under the story index) or by a partner (under it)."""

import pytest

from stories.models import StoryIndexPage, StoryPage

pytestmark = pytest.mark.django_db


def test_story_page_is_created_under_the_story_index(tree):
    assert StoryPage.can_create_at(tree.story_index)


def test_story_page_is_created_under_a_partner(tree):
    assert StoryPage.can_create_at(tree.partner)


def test_story_page_is_not_created_elsewhere(tree):
    for parent in (tree.home, tree.collection, tree.item, tree.partner_index, tree.standard):
        assert not StoryPage.can_create_at(parent), parent


def test_only_one_story_index_per_home(tree):
    assert not StoryIndexPage.can_create_at(tree.home)
    assert not StoryIndexPage.can_exist_under(tree.partner)


def test_story_index_accepts_only_stories(tree):
    assert StoryIndexPage.allowed_subpage_models() == [StoryPage]
