"""An item page's tags: written in one language, they show on the page in that language and
not on its translations, where wagtail-localize copies them untranslated."""

import pytest

pytestmark = pytest.mark.django_db


@pytest.fixture
def tagged(tree, translate):
    """The tree's first item, tagged in Italian, and its English translation."""
    item = tree.item
    item.tags.add("Fotografia di paesaggio")
    item.save_revision().publish()
    for page, title in [
        (tree.home, "Heritage Hub"),
        (tree.partner_index, "Partners"),
        (tree.partner, "National Archive"),
        (tree.collection, "Photographs"),
    ]:
        translate(page, "en", title=title)
    return translate(item, "en", title="Photograph 1")


def tags_section(client, url):
    html = client.get(url).content.decode()
    start = html.find('aria-labelledby="tags-heading"')
    return html[start : html.find("</section>", start)] if start != -1 else None


def test_the_source_page_shows_its_tags(client, tree, tagged):
    section = tags_section(client, tree.item.url)
    assert section is not None and "Fotografia di paesaggio" in section


def test_a_translation_shows_no_tags_in_another_language(client, tagged):
    assert tagged.tags.filter(name="Fotografia di paesaggio").exists()  # copied as they were
    assert tags_section(client, tagged.url) is None


def test_an_item_never_translated_shows_its_tags(client, tree):
    tree.items[1].tags.add("Torino")
    tree.items[1].save_revision().publish()
    section = tags_section(client, tree.items[1].url)
    assert section is not None and "Torino" in section
