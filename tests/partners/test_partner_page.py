"""PartnerPage: the profile lists the partner's own collections and stories."""

from decimal import Decimal

import pytest
from django.utils import translation

from partners.models import PartnerIndexPage, PartnerPage, Sector
from tests.factories import CollectionPageFactory, PartnerPageFactory, StoryPageFactory

pytestmark = pytest.mark.django_db


def test_partner_lists_only_its_own_collections(tree):
    other = PartnerPageFactory(parent=tree.partner_index)
    CollectionPageFactory(parent=other)
    partner = PartnerPage.objects.get(pk=tree.partner.pk)
    with translation.override("it"):
        assert [c.pk for c in partner.collections_in_language()] == [tree.collection.pk]


def test_partner_lists_only_its_own_stories(tree):
    partner = PartnerPage.objects.get(pk=tree.partner.pk)
    with translation.override("it"):
        assert [s.pk for s in partner.stories_in_language()] == [tree.partner_story.pk]


def test_partner_shows_its_twelve_latest_stories(tree):
    for _ in range(14):
        StoryPageFactory(parent=tree.partner)
    partner = PartnerPage.objects.get(pk=tree.partner.pk)
    with translation.override("it"):
        stories = list(partner.stories_in_language())
    assert len(stories) == 12
    assert [s.date for s in stories] == sorted((s.date for s in stories), reverse=True)


def test_directory_lists_live_partners_once(tree, translate):
    translate(tree.home, "en")
    translate(tree.partner_index, "en")
    translate(tree.partner, "en", title="National Archive")
    PartnerPageFactory(parent=tree.partner_index, title="Museo Civico", live=False)
    index = PartnerIndexPage.objects.get(pk=tree.partner_index.pk)
    with translation.override("en"):
        assert [p.title for p in index.partners()] == ["National Archive"]


def test_sector_names_are_in_the_visitor_language(tree):
    partner = PartnerPage.objects.get(pk=tree.partner.pk)
    heritage = Sector.objects.get(slug="cultural-heritage", locale__language_code="it")
    partner.sectors.set([heritage])
    partner.save()
    partner = PartnerPage.objects.get(pk=tree.partner.pk)
    with translation.override("de"):
        assert partner.sector_names == ["Kulturerbe"]


def test_the_sidebar_map_puts_its_list_below_the_map(client, tree):
    partner = PartnerPage.objects.get(pk=tree.partner.pk)
    partner.latitude, partner.longitude = Decimal("41.9"), Decimal("12.5")
    partner.save_revision().publish()
    html = client.get("/it/partners/archivio/").content.decode()
    assert 'class="map-block map-block--stacked"' in html
