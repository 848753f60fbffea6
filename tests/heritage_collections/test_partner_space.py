"""What collections contribute to a partner's page (partners.space): its own collections."""

import pytest
from django.utils import translation

from heritage_collections.partner_space import collections_of
from partners import space
from partners.models import PartnerPage
from tests.factories import CollectionPageFactory, PartnerPageFactory

pytestmark = pytest.mark.django_db


def test_partner_lists_only_its_own_collections(tree):
    other = PartnerPageFactory(parent=tree.partner_index)
    CollectionPageFactory(parent=other)
    partner = PartnerPage.objects.get(pk=tree.partner.pk)
    with translation.override("it"):
        assert [c.pk for c in collections_of(partner)] == [tree.collection.pk]


def test_the_partner_page_lists_the_collections_it_is_given(tree):
    partner = PartnerPage.objects.get(pk=tree.partner.pk)
    with translation.override("it"):
        assert [c.pk for c in space.listings(partner)["collections"]] == [tree.collection.pk]
