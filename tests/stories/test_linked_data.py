"""Stories describe themselves as schema.org Articles that a processor reads."""

import pytest

from heritagehub.i18n import url_in_language
from stories.models import StoryRelatedItem
from tests.factories import HeritageImageFactory
from tests.json_ld import SCHEMA, expand, json_ld, value, values

pytestmark = pytest.mark.django_db


def described(client, page, language_code="it"):
    response = client.get(url_in_language(page, language_code))
    assert response.status_code == 200
    return expand(json_ld(response))[0]


@pytest.fixture
def story(tree):
    story = tree.story.specific
    story.hero_image = HeritageImageFactory()
    story.place_name = "Torino"
    story.tags.add("memoria")
    StoryRelatedItem.objects.create(page=story, item=tree.items[2])
    story.save_revision().publish()
    return story


def test_a_story_is_an_article(client, story):
    node = described(client, story)

    assert node["@type"] == [SCHEMA + "Article"]
    assert value(node, "headline") == story.title
    assert value(node, "abstract") == story.summary
    assert value(node, "datePublished") == story.date.isoformat()
    assert value(value(node, "author"), "name") == "Redazione"
    assert value(value(node, "contentLocation"), "name") == "Torino"
    assert values(node, "keywords") == ["memoria"]
    assert value(node, "inLanguage") == "it"


def test_a_story_shows_its_hero_image(client, story):
    node = described(client, story)

    image = value(node, "image")
    assert image["@type"] == [SCHEMA + "ImageObject"]
    assert value(image, "contentUrl") == "http://testserver" + story.hero_image.file.url


def test_a_story_is_about_its_related_items_and_mentions_its_cards(client, tree, story):
    node = described(client, story)

    assert [value(item, "name") for item in values(node, "about")] == [tree.items[2].title]
    assert [value(item, "name") for item in values(node, "mentions")] == [tree.items[0].title]
    assert values(node, "mentions")[0]["@type"] == [SCHEMA + "Photograph"]


def test_the_hub_publishes_its_own_stories(client, story):
    node = described(client, story)

    publisher = value(node, "publisher")
    assert publisher["@type"] == [SCHEMA + "Organization"]
    assert value(publisher, "url") == "http://testserver/it/"


def test_a_partner_publishes_its_stories(client, tree):
    node = described(client, tree.partner_story)

    assert value(value(node, "publisher"), "name") == tree.partner.title


def test_a_translated_story_is_described_in_its_language(client, story, translate):
    english = translate(story, "en", title="A story")

    node = described(client, english, "en")

    assert value(node, "headline") == "A story"
    assert value(node, "inLanguage") == "en"
