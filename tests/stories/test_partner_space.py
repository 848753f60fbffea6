"""What stories contribute to a partner's page (partners.space): its latest stories."""

import pytest
from django.utils import translation

from partners import space
from partners.models import PartnerPage
from stories.partner_space import stories_of
from tests.factories import StoryPageFactory

pytestmark = pytest.mark.django_db


def test_partner_lists_only_its_own_stories(tree):
    partner = PartnerPage.objects.get(pk=tree.partner.pk)
    with translation.override("it"):
        assert [s.pk for s in stories_of(partner)] == [tree.partner_story.pk]


def test_partner_shows_its_twelve_latest_stories(tree):
    for _ in range(14):
        StoryPageFactory(parent=tree.partner)
    partner = PartnerPage.objects.get(pk=tree.partner.pk)
    with translation.override("it"):
        stories = list(stories_of(partner))
    assert len(stories) == 12
    assert [s.date for s in stories] == sorted((s.date for s in stories), reverse=True)


def test_the_partner_page_lists_the_stories_it_is_given(tree):
    partner = PartnerPage.objects.get(pk=tree.partner.pk)
    with translation.override("it"):
        assert [s.pk for s in space.listings(partner)["stories"]] == [tree.partner_story.pk]
