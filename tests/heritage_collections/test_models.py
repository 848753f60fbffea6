"""ItemPage and CollectionPage: the catalogue facts and where an item belongs."""

import pytest
from django.core.exceptions import ValidationError

from heritage_collections.models import ITEMS_PER_PAGE, ItemPage
from heritagehub.rights import RightsStatement
from tests.factories import (
    HeritageImageFactory,
    ItemPageFactory,
    add_item_image,
)

pytestmark = pytest.mark.django_db


def test_an_end_year_before_the_start_year_is_refused(tree):
    item = ItemPage.objects.get(pk=tree.item.pk)
    item.date_start, item.date_end = 1900, 1850
    with pytest.raises(ValidationError) as error:
        item.full_clean()
    assert "date_end" in error.value.message_dict


def test_bce_years_are_negative(tree):
    item = ItemPage.objects.get(pk=tree.item.pk)
    item.date_start, item.date_end = -480, -470
    item.full_clean()


def test_a_rights_statement_outside_the_list_is_refused(tree):
    item = ItemPage.objects.get(pk=tree.item.pk)
    item.rights = "http://example.org/my-licence"
    with pytest.raises(ValidationError) as error:
        item.full_clean()
    assert "rights" in error.value.message_dict


def test_an_item_knows_its_partner_and_collection_through_the_tree(tree):
    item = ItemPage.objects.get(pk=tree.item.pk)
    assert item.partner.pk == tree.partner.pk
    assert item.collection.pk == tree.collection.pk
    assert tree.collection.partner.pk == tree.partner.pk


def test_open_rights(tree):
    item = ItemPage.objects.get(pk=tree.item.pk)
    assert item.has_open_rights  # public domain mark
    item.rights = RightsStatement.IN_COPYRIGHT
    assert not item.has_open_rights
    assert item.rights_url == "https://rightsstatements.org/vocab/InC/1.0/"


def test_first_image_follows_the_editor_order(tree):
    item = ItemPageFactory(parent=tree.collection)
    second = add_item_image(item, HeritageImageFactory(title="retro"), caption="Retro")
    first = add_item_image(item, HeritageImageFactory(title="fronte"), caption="Fronte")
    second.sort_order, first.sort_order = 1, 0
    second.save()
    first.save()
    assert ItemPage.objects.get(pk=item.pk).first_image.pk == first.image.pk


def test_an_item_without_images_has_no_first_image(tree):
    assert ItemPage.objects.get(pk=tree.items[1].pk).first_image is None


def test_collection_lists_its_live_items_by_title(tree):
    tree.items[2].unpublish()
    titles = [item.title for item in tree.collection.items()]
    assert titles == ["Fotografia 1", "Fotografia 2"]


def test_items_are_paginated_by_a_page_size_smaller_than_the_query_ceiling_tests():
    """tests/heritagehub/test_query_ceilings.py creates more items than one page shows."""
    assert ITEMS_PER_PAGE < 30
