"""What story pages and the story index show a visitor."""

import pytest

from stories.models import STORIES_PER_PAGE
from tests.factories import StoryPageFactory

pytestmark = pytest.mark.django_db


def test_story_shows_its_item_card_linking_to_the_item(tree, client):
    html = client.get("/it/stories/una-storia/").content.decode()
    assert "Fotografia 1" in html
    assert 'href="/it/partners/archivio/fotografie/fotografia-1/"' in html
    assert "Da vedere" in html  # the card's note


def test_story_item_card_shows_the_item_translation(tree, client, translate):
    for page in (tree.home, tree.partner_index, tree.partner, tree.collection):
        translate(page, "en")
    translate(tree.item, "en", title="Photograph one")
    html = client.get("/en/stories/una-storia/").content.decode()
    assert "Photograph one" in html


def test_story_with_an_unpublished_item_still_renders(tree, client):
    tree.item.unpublish()
    response = client.get("/it/stories/una-storia/")
    assert response.status_code == 200
    assert 'href="/it/partners/archivio/fotografie/fotografia-1/"' not in response.content.decode()


def test_partner_story_is_served_below_its_partner(tree, client):
    response = client.get("/it/partners/archivio/storia-partner/")
    assert response.status_code == 200
    assert "Fotografia 2" in response.content.decode()


def test_story_index_lists_hub_and_partner_stories(tree, client):
    html = client.get("/it/stories/").content.decode()
    assert "Una storia" in html
    assert "Storia del partner" in html


def test_story_index_paginates(tree, client):
    for _ in range(STORIES_PER_PAGE + 1):
        StoryPageFactory(parent=tree.story_index)
    response = client.get("/it/stories/")
    assert len(response.context["stories"]) == STORIES_PER_PAGE
    assert response.context["stories"].paginator.num_pages == 2
