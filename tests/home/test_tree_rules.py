"""Where home, standard and form pages may be created (docs/architecture.md, "The page tree and
ownership")."""

import pytest
from wagtail.models import Page

from home.models import FormPage, HomePage, StandardPage

pytestmark = pytest.mark.django_db


def test_home_page_is_created_under_the_root_only(tree):
    assert HomePage.can_exist_under(Page.get_first_root_node())
    assert not HomePage.can_exist_under(tree.home)
    assert not HomePage.can_exist_under(tree.partner_index)


def test_standard_page_is_created_under_home_or_another_standard_page(tree):
    assert StandardPage.can_create_at(tree.home)
    assert StandardPage.can_create_at(tree.standard)
    assert not StandardPage.can_create_at(tree.partner)
    assert not StandardPage.can_create_at(tree.collection)


def test_form_page_is_created_under_home_only(tree):
    assert FormPage.can_create_at(tree.home)
    assert not FormPage.can_create_at(tree.standard)
    assert not FormPage.can_create_at(tree.partner)


def test_form_page_has_no_children(tree):
    assert FormPage.allowed_subpage_models() == []
