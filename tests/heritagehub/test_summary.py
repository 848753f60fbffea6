"""A page's plain-text summary (meta description, search results) is escaped once."""

from tests.conftest import elements
from tests.factories import ItemPageFactory


def _meta_description(response):
    return next(
        e.attrs["content"]
        for e in elements(response)
        if e.tag == "meta" and e.attrs.get("name") == "description"
    )


def test_an_apostrophe_in_rich_text_reads_as_an_apostrophe_in_the_meta_description(client, tree):
    item = ItemPageFactory(
        parent=tree.collection, title="Veduta", description="<p>Val d'Aosta &amp; Piemonte</p>"
    )

    response = client.get(item.url)

    assert _meta_description(response) == "Val d'Aosta & Piemonte"


def test_markup_in_a_summary_stays_text(client, tree):
    item = ItemPageFactory(
        parent=tree.collection, title="Veduta", description="<p>&lt;b&gt;not bold&lt;/b&gt;</p>"
    )

    response = client.get(item.url)

    assert _meta_description(response) == "<b>not bold</b>"
    assert "<b>not bold</b>" not in response.content.decode()
