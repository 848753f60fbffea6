"""PartnerPage: the profile and the directory (its collections and stories: tests of
heritage_collections and stories, test_partner_space.py)."""

from decimal import Decimal

import pytest
from django.utils import translation

from partners.models import PartnerIndexPage, PartnerPage, Sector
from tests.factories import PartnerPageFactory

pytestmark = pytest.mark.django_db


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
