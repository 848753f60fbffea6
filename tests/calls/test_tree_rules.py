"""Calls live below a partner's page or the calls index; one calls index per home page."""

import pytest

from calls.models import CallIndexPage, CallPage

pytestmark = pytest.mark.django_db


def test_calls_are_created_below_a_partner_or_the_calls_index(calls, tree):
    assert CallPage.can_create_at(tree.partner)
    assert CallPage.can_create_at(calls.index)
    for parent in (tree.home, tree.story_index, tree.collection, calls.partner_call):
        assert not CallPage.can_create_at(parent), parent


def test_one_calls_index_per_home_page(calls, tree):
    assert not CallIndexPage.can_create_at(tree.home)
    assert not CallIndexPage.can_create_at(tree.partner)
