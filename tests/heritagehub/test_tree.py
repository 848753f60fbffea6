"""Path ranges select the same pages as treebeard's prefix lookups."""

import pytest
from django.db import connection
from wagtail.models import Page

from heritagehub.tree import below, children
from tests.factories import CollectionPageFactory, PartnerPageFactory

pytestmark = pytest.mark.django_db


def pks(queryset):
    return set(queryset.values_list("pk", flat=True))


def test_below_is_the_subtree(tree):
    PartnerPageFactory(parent=tree.partner_index)  # a sibling with a longer path after it
    assert pks(Page.objects.filter(below(tree.partner.path))) == pks(tree.partner.get_descendants())


def test_below_inclusive_holds_the_page(tree):
    found = pks(Page.objects.filter(below(tree.partner.path, inclusive=True)))
    assert found == pks(tree.partner.get_descendants(inclusive=True))


def test_children_are_one_level_below(tree):
    CollectionPageFactory(parent=tree.partner)
    assert pks(Page.objects.filter(children(tree.partner.path))) == pks(tree.partner.get_children())
    assert tree.item.pk not in pks(Page.objects.filter(children(tree.partner.path)))


def test_the_depth_path_index_exists():
    with connection.cursor() as cursor:
        if connection.vendor == "sqlite":
            cursor.execute("SELECT name FROM sqlite_master WHERE type = 'index'")
        else:
            cursor.execute("SELECT indexname FROM pg_indexes")
        names = {row[0] for row in cursor.fetchall()}
    assert "heritagehub_page_depth_path" in names
