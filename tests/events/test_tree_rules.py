"""Events live in a partner's space or below What's on; What's on is one per home page."""

import pytest

from events.models import EventPage, WhatsOnPage

pytestmark = pytest.mark.django_db


def test_events_are_created_below_a_partner_or_whats_on_only(tree, whats_on):
    assert EventPage.can_create_at(tree.partner)
    assert EventPage.can_create_at(whats_on)
    for parent in (tree.home, tree.story_index, tree.collection, tree.partner_index):
        assert not EventPage.can_create_at(parent), parent


def test_only_one_whats_on_per_home(tree, whats_on):
    assert not WhatsOnPage.can_create_at(tree.home)
    assert not WhatsOnPage.can_exist_under(tree.partner)
