"""Site search in the visitor's language, and the localized error pages."""

import pytest

from tests.conftest import html_lang

pytestmark = pytest.mark.django_db


@pytest.fixture
def item_en(tree, translate):
    for page in (tree.home, tree.partner_index, tree.partner, tree.collection):
        translate(page, "en")
    return translate(tree.item, "en", title="Photograph one")


def result_pks(response):
    return [page.pk for page in response.context["results"]]


def test_search_answers_in_every_language(tree, client):
    for language in ("it", "en", "fr", "de", "es"):
        response = client.get(f"/{language}/search/", {"q": "Fotografia"})
        assert response.status_code == 200
        assert html_lang(response) == language


def test_search_finds_pages_of_the_current_locale(tree, item_en, client):
    response = client.get("/en/search/", {"q": "Photograph"})
    assert result_pks(response) == [item_en.pk]


def test_search_returns_the_source_of_untranslated_pages(tree, item_en, client):
    response = client.get("/en/search/", {"q": "Fotografia"})
    assert set(result_pks(response)) == {tree.items[1].pk, tree.items[2].pk}


def test_search_returns_one_result_per_translation(tree, item_en, client):
    response = client.get("/it/search/", {"q": "Fotografia"})
    assert sorted(result_pks(response)) == sorted(item.pk for item in tree.items)
    assert client.get("/it/search/", {"q": "Photograph"}).context["results"].paginator.count == 0


def test_search_skips_unpublished_pages(tree, client):
    tree.items[2].unpublish()
    response = client.get("/it/search/", {"q": "Fotografia"})
    assert tree.items[2].pk not in result_pks(response)


def test_search_finds_items_stories_and_partners_with_their_type(tree, client):
    from tests.factories import StoryPageFactory

    StoryPageFactory(parent=tree.story_index, title="Archivio di famiglia", slug="famiglia")
    response = client.get("/it/search/", {"q": "Archivio"})
    types = {type(page).__name__ for page in response.context["results"]}
    assert {"PartnerPage", "StoryPage"} <= types
    html = response.content.decode()
    assert '<article class="card card--partner"' in html
    assert '<article class="card card--story' in html


def test_search_ranks_a_title_match_above_a_description_match(tree, client):
    from tests.factories import ItemPageFactory

    described = ItemPageFactory(
        parent=tree.collection,
        title="Veduta",
        description="<p>Una veduta con un mulino sullo sfondo.</p>",
    )
    titled = ItemPageFactory(parent=tree.collection, title="Il mulino")
    response = client.get("/it/search/", {"q": "mulino"})
    assert result_pks(response) == [titled.pk, described.pk]


def test_search_results_take_a_fixed_number_of_queries(tree, client, django_assert_max_num_queries):
    """Ranked and fetched together, whatever the number of results (docs/browse-and-search.md,
    "Text search and relevance")."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from tests.factories import ItemPageFactory

    def queries():
        client.get("/it/search/", {"q": "Fotografia"})  # warm the chrome cache
        with CaptureQueriesContext(connection) as captured:
            client.get("/it/search/", {"q": "Fotografia"})
        return len(captured)

    few = queries()
    for n in range(25):
        ItemPageFactory(parent=tree.collection, title=f"Fotografia extra {n}")
    assert queries() == few


def test_empty_search_shows_the_form_without_results(tree, client):
    response = client.get("/it/search/")
    assert response.status_code == 200
    assert response.context["results"] is None
    assert 'name="q"' in response.content.decode()


def test_search_links_keep_the_visitor_language(tree, client):
    response = client.get("/fr/search/", {"q": "Fotografia"})
    assert "/fr/partners/archivio/fotografie/fotografia-1/" in response.content.decode()


def test_an_out_of_range_search_page_gives_the_last_page(tree, client):
    response = client.get("/it/search/", {"q": "Fotografia", "page": "999"})
    assert response.status_code == 200


@pytest.mark.parametrize("language", ["it", "en", "fr", "de", "es"])
def test_the_404_page_is_localized(tree, client, language):
    response = client.get(f"/{language}/nowhere/at-all/")
    assert response.status_code == 404
    assert html_lang(response) == language
    assert "Traceback" not in response.content.decode()


def test_the_404_page_is_translated(tree, client):
    """Its text differs between languages (the interface strings are translated)."""
    titles = set()
    for language in ("it", "en", "de"):
        html = client.get(f"/{language}/nowhere/").content.decode()
        titles.add(html[html.index("<title>") : html.index("</title>")])
    assert len(titles) == 3


def test_the_500_page_needs_no_database(rf, django_assert_num_queries):
    from heritagehub.views import server_error

    with django_assert_num_queries(0):
        response = server_error(rf.get("/it/"))
    assert response.status_code == 500
    assert b"Traceback" not in response.content
