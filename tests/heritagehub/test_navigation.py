"""The main menu and the footer come from the page tree: the home page's children marked
"show in menus" are the menu, the others the footer; no slug decides (docs/architecture.md,
"Menu and footer come from the tree")."""

import re

import pytest

from tests.conftest import elements
from tests.factories import StandardPageFactory

pytestmark = pytest.mark.django_db


def titles_in(response, region):
    html = response.content.decode()
    match = re.search(rf'<(nav|footer) class="{region}".*?</\1>', html, re.S)
    return [e.text.strip() for e in elements(match.group(0)) if e.tag == "a"]


def test_section_pages_are_in_the_main_menu_and_not_in_the_footer(tree, client):
    response = client.get("/it/")
    assert tree.collection_index.title in titles_in(response, "main-nav")
    assert tree.collection_index.title not in titles_in(response, "site-footer")


def test_a_plain_page_is_in_the_footer_whatever_its_slug(tree, client):
    StandardPageFactory(parent=tree.home, title="Crediti", slug="crediti")
    response = client.get("/it/")
    assert "Crediti" in titles_in(response, "site-footer")
    assert "Crediti" not in titles_in(response, "main-nav")


def test_a_plain_page_an_editor_shows_in_menus_is_in_the_main_menu(tree, client):
    StandardPageFactory(parent=tree.home, title="Mostre", slug="mostre", show_in_menus=True)
    response = client.get("/it/")
    assert "Mostre" in titles_in(response, "main-nav")
    assert "Mostre" not in titles_in(response, "site-footer")
