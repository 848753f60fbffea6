"""The results page of the site search: tabs by kind with counts, cards, the items tab's facets."""

import pytest

from tests.conftest import elements
from tests.factories import StoryPageFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def archive_story(tree):
    return StoryPageFactory(parent=tree.story_index, title="Archivio di famiglia", slug="famiglia")


def tab_counts(response):
    return {tab.kind: tab.count for tab in response.context["tabs"]}


def test_tabs_count_the_results_of_each_kind(tree, archive_story, client):
    response = client.get("/it/search/", {"q": "Archivio"})
    counts = tab_counts(response)
    assert counts[""] == response.context["total"] == len(response.context["results"])
    assert counts["stories"] == 1
    assert counts["partners"] == 1
    assert "items" not in counts  # no item matches: no empty tab


def test_a_tab_shows_the_results_of_its_kind_only(tree, archive_story, client):
    response = client.get("/it/search/", {"q": "Archivio", "kind": "stories"})
    assert [page.pk for page in response.context["results"]] == [archive_story.pk]
    current = [tab for tab in response.context["tabs"] if tab.current]
    assert [tab.kind for tab in current] == ["stories"]


def test_an_unknown_kind_shows_every_result(tree, archive_story, client):
    response = client.get("/it/search/", {"q": "Archivio", "kind": "nonsense"})
    assert response.status_code == 200
    assert response.context["results"].paginator.count == response.context["total"]


def test_the_tabs_are_links_that_keep_the_query(tree, archive_story, client):
    response = client.get("/it/search/", {"q": "Archivio"})
    links = [link.attrs["href"] for link in elements(response) if link.tag == "a"]
    assert "?q=Archivio&kind=stories" in links
    assert "?q=Archivio&kind=partners" in links


def test_the_items_tab_has_the_catalogue_facets(tree, client):
    response = client.get("/it/search/", {"q": "Fotografia", "kind": "items"})
    assert {group.param for group in response.context["browse"].facets} >= {"partner", "type"}
    assert response.context["items"].total == 3
    # The facets' links stay on the items tab.
    partner = next(g for g in response.context["browse"].facets if g.param == "partner")
    assert "kind=items" in partner.values[0].url


def test_results_are_cards_with_the_item_s_partner(tree, client):
    response = client.get("/it/search/", {"q": "Fotografia"})
    html = response.content.decode()
    assert html.count('class="card card--item') == 3
    assert '<p class="card-partner">Archivio Nazionale</p>' in html


def test_the_results_page_queries_are_bounded(tree, client, django_assert_max_num_queries):
    client.get("/it/search/", {"q": "Fotografia Archivio"})
    with django_assert_max_num_queries(20):
        client.get("/it/search/", {"q": "Fotografia Archivio"})
