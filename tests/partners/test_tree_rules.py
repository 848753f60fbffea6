"""Partner pages live in the directory and hold the partner's collections, stories and calls."""

import pytest

from calls.models import CallPage
from heritage_collections.models import CollectionPage
from partners.models import PartnerIndexPage, PartnerPage
from stories.models import StoryPage

pytestmark = pytest.mark.django_db


def test_partner_page_is_created_under_the_partner_index_only(tree):
    assert PartnerPage.can_create_at(tree.partner_index)
    for parent in (tree.home, tree.partner, tree.story_index, tree.collection_index):
        assert not PartnerPage.can_create_at(parent), parent


def test_partner_page_holds_collections_stories_events_and_calls(tree):
    allowed = {model._meta.label for model in PartnerPage.allowed_subpage_models()}
    assert allowed == {
        CollectionPage._meta.label,
        StoryPage._meta.label,
        CallPage._meta.label,
        "events.EventPage",
    }


def test_only_one_partner_index_per_home(tree):
    assert not PartnerIndexPage.can_create_at(tree.home)
    assert not PartnerIndexPage.can_exist_under(tree.partner)


def test_partner_index_accepts_only_partners(tree):
    assert PartnerIndexPage.allowed_subpage_models() == [PartnerPage]
