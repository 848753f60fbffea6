"""Collections live in a partner's space, items in a collection; the index is a query."""

import pytest

from heritage_collections.models import CollectionIndexPage, CollectionPage, ItemPage

pytestmark = pytest.mark.django_db


def test_item_page_is_created_under_a_collection_only(tree):
    assert ItemPage.can_create_at(tree.collection)
    for parent in (tree.home, tree.partner, tree.collection_index, tree.item, tree.story_index):
        assert not ItemPage.can_create_at(parent), parent


def test_collection_page_is_created_under_a_partner_only(tree):
    assert CollectionPage.can_create_at(tree.partner)
    for parent in (tree.home, tree.collection_index, tree.partner_index, tree.collection):
        assert not CollectionPage.can_create_at(parent), parent


def test_collection_index_is_created_under_home_only(tree):
    assert not CollectionIndexPage.can_exist_under(tree.partner)
    assert not CollectionIndexPage.can_exist_under(tree.standard)
    assert CollectionIndexPage.can_exist_under(tree.home)


def test_only_one_collection_index_per_home(tree):
    # The tree fixture already created one under the home page.
    assert not CollectionIndexPage.can_create_at(tree.home)


def test_a_collection_index_may_be_created_under_a_home_without_one(home):
    assert CollectionIndexPage.can_create_at(home)


def test_collection_index_has_no_children(tree):
    """The index lists items from the whole tree; it contains nothing itself."""
    assert CollectionIndexPage.allowed_subpage_models() == []
    assert ItemPage.allowed_subpage_models() == []
