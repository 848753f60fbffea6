"""Faceted browse on the collection index, and scoped on collection and partner pages."""

import re

import pytest
from django.utils import translation

from heritage_collections.models import ObjectType
from heritagehub.rights import RightsStatement
from tests.conftest import elements, switcher_links
from tests.factories import (
    CollectionPageFactory,
    ItemPageFactory,
    PartnerPageFactory,
    add_item_image,
)

pytestmark = pytest.mark.django_db


def object_type(slug):
    return ObjectType.objects.get(slug=slug, locale__language_code="it")


@pytest.fixture
def catalogue(tree):
    """Beside the tree's three photographs (1885–1895, Archivio Nazionale, "Fotografie"): a
    second partner with paintings and prints of several periods, places and rights."""
    museum = PartnerPageFactory(parent=tree.partner_index, title="Museo Civico", slug="museo")
    paintings = CollectionPageFactory(parent=museum, title="Dipinti", slug="dipinti")
    specs = [
        ("Veduta di Venezia", "painting", 1750, "Venezia", RightsStatement.PUBLIC_DOMAIN_MARK),
        ("Ritratto di dama", "painting", 1620, "Firenze", RightsStatement.CC0),
        ("Paesaggio alpino", "painting", 1860, "Torino", RightsStatement.IN_COPYRIGHT),
        ("Mappa di Torino", "print", 1790, "Torino", RightsStatement.CC_BY_NC),
        ("Manifesto del cinema", "print", 1950, "", RightsStatement.NOT_EVALUATED),
    ]
    items = {}
    for title, type_slug, year, place, rights in specs:
        items[title] = ItemPageFactory(
            parent=paintings,
            title=title,
            object_type=object_type(type_slug),
            date_start=year,
            date_end=year + 5,
            place_name=place,
            rights=rights,
        )
    items["Paesaggio alpino"].tags.add("montagna")
    items["Paesaggio alpino"].save_revision().publish()
    add_item_image(items["Veduta di Venezia"])
    tree.museum, tree.paintings, tree.museum_items = museum, paintings, items
    return tree


def browse(client, url):
    response = client.get(url)
    assert response.status_code == 200
    return response


def result_titles(response):
    return [item.title for item in response.context["items"]]


def facet(response, param):
    groups = {group.param: group for group in response.context["browse"].facets}
    return {value.value: value for value in groups[param].values} if param in groups else {}


def counts(response, param):
    return {value: v.count for value, v in facet(response, param).items()}


# The collection index -----------------------------------------------------------------------


def test_the_index_lists_every_item_of_every_partner_images_first_then_by_title(client, catalogue):
    response = browse(client, "/it/collections/")
    titles = result_titles(response)
    assert titles[:2] == ["Fotografia 1", "Veduta di Venezia"]
    assert titles[2:] == sorted(titles[2:], key=str.casefold)
    assert response.context["items"].total == 8


def test_sorting_by_title_ignores_images(client, catalogue):
    titles = result_titles(browse(client, "/it/collections/?sort=title"))
    assert titles == sorted(titles, key=str.casefold)


def test_title_sorting_ignores_leading_punctuation(client, catalogue):
    for title in ("[title not known]", "?River Po", "#15 Point", "(Zattera)"):
        ItemPageFactory(parent=catalogue.paintings, title=title)
    titles = result_titles(browse(client, "/it/collections/?sort=title&partner=museo"))
    assert titles == [
        "#15 Point",
        "Manifesto del cinema",
        "Mappa di Torino",
        "Paesaggio alpino",
        "Ritratto di dama",
        "?River Po",
        "[title not known]",
        "Veduta di Venezia",
        "(Zattera)",
    ]


def test_facets_count_the_items_of_each_value(client, catalogue):
    response = browse(client, "/it/collections/")
    assert counts(response, "partner") == {"archivio": 3, "museo": 5}
    assert counts(response, "type") == {"photograph": 3, "painting": 3, "print": 2}
    assert counts(response, "century") == {"17": 1, "18": 2, "19": 4, "20": 1}
    assert counts(response, "place") == {"Torino": 2, "Venezia": 1, "Firenze": 1}
    assert counts(response, "tag") == {"montagna": 1}
    assert counts(response, "image") == {"1": 2}
    assert counts(response, "rights") == {"open": 5, "copyright": 1, "limited": 1, "unknown": 1}


def test_a_facet_value_filters_the_results_and_narrows_the_other_facets(client, catalogue):
    response = browse(client, "/it/collections/?type=painting")
    assert sorted(result_titles(response)) == [
        "Paesaggio alpino",
        "Ritratto di dama",
        "Veduta di Venezia",
    ]
    assert counts(response, "partner") == {"museo": 3}
    assert counts(response, "place") == {"Torino": 1, "Venezia": 1, "Firenze": 1}


def test_a_facet_keeps_the_counts_of_its_other_values_to_choose_from(client, catalogue):
    response = browse(client, "/it/collections/?type=painting")
    assert counts(response, "type") == {"photograph": 3, "painting": 3, "print": 2}
    assert facet(response, "type")["painting"].selected


def test_values_of_one_facet_combine_with_or(client, catalogue):
    response = browse(client, "/it/collections/?type=painting&type=print")
    assert response.context["items"].total == 5


def test_facets_combine_with_and(client, catalogue):
    response = browse(client, "/it/collections/?type=painting&place=Torino&rights=copyright")
    assert result_titles(response) == ["Paesaggio alpino"]


def test_tag_and_image_facets_filter(client, catalogue):
    assert result_titles(browse(client, "/it/collections/?tag=montagna")) == ["Paesaggio alpino"]
    with_images = result_titles(browse(client, "/it/collections/?image=1"))
    assert sorted(with_images) == ["Fotografia 1", "Veduta di Venezia"]


def test_century_facet_and_year_range(client, catalogue):
    assert result_titles(browse(client, "/it/collections/?century=17")) == ["Ritratto di dama"]
    # 1790–1795 and 1860–1865 overlap 1793–1861; 1885–1895 does not.
    response = browse(client, "/it/collections/?from=1793&to=1861&sort=date")
    assert result_titles(response) == ["Mappa di Torino", "Paesaggio alpino"]


def test_sort_by_date_newest_first(client, catalogue):
    titles = result_titles(browse(client, "/it/collections/?sort=-date&partner=museo"))
    assert titles == [
        "Manifesto del cinema",
        "Paesaggio alpino",
        "Mappa di Torino",
        "Veduta di Venezia",
        "Ritratto di dama",
    ]


def test_a_text_query_finds_items_and_sorts_by_relevance(client, catalogue):
    response = browse(client, "/it/collections/?q=Torino")
    assert sorted(result_titles(response)) == ["Mappa di Torino", "Paesaggio alpino"]
    assert response.context["browse"].state.sort == "relevance"
    assert counts(response, "type") == {"painting": 1, "print": 1}


def test_a_text_query_combines_with_facets(client, catalogue):
    response = browse(client, "/it/collections/?q=Torino&type=print")
    assert result_titles(response) == ["Mappa di Torino"]


def test_results_are_paginated_keeping_the_filters(client, tree):
    for n in range(30):
        ItemPageFactory(parent=tree.collection, title=f"Lastra {n:02d}")
    response = browse(client, "/it/collections/?type=photograph")
    assert response.context["items"].total == 33
    assert len(result_titles(response)) == 24
    html = response.content.decode()
    assert 'href="?type=photograph&amp;page=2"' in html
    second = browse(client, "/it/collections/?type=photograph&page=2")
    assert len(result_titles(second)) == 9


def test_active_filters_are_listed_with_links_that_remove_them(client, catalogue):
    response = browse(client, "/it/collections/?type=painting&century=18&q=veduta")
    filters = {f.value: f.remove_url for f in response.context["browse"].active_filters()}
    assert filters["Dipinto"] == "?q=veduta&century=18"
    assert filters["XVIII secolo"] == "?q=veduta&type=painting"
    assert filters["veduta"] == "?type=painting&century=18"


def test_facet_links_are_plain_links_to_the_next_state(client, catalogue):
    """No JavaScript needed: each facet value is a link, each state a shareable URL."""
    response = browse(client, "/it/collections/?type=painting")
    hrefs = {e.attrs["href"] for e in elements(response) if e.tag == "a" and "href" in e.attrs}
    assert "?type=painting&partner=museo#items" in hrefs
    assert "?#items" in hrefs  # the painting filter removed: its link clears it
    assert "?type=painting&type=print#items" in hrefs


def test_facets_are_a_filters_disclosure_before_the_results(client, catalogue):
    """As in the partner directory: on a phone the results come first, the facets behind a
    "Filtri" toggle (templates/includes/facet_nav.html)."""
    html = browse(client, "/it/collections/?type=painting").content.decode()
    disclosure = html.index('<details class="facet-filters">')
    assert disclosure < html.index('<nav class="facets"') < html.index('class="browse-results"')
    summary = re.search(r'<summary class="facet-filters-toggle">(.*?)</summary>', html, re.S)
    assert re.sub(r"<[^>]+>|\s+", " ", summary.group(1)).split() == ["Filtri", "(1", "attivo)"]


def test_bad_parameters_are_explained_not_an_error(client, catalogue):
    response = browse(client, "/it/collections/?from=abc&to=99999&century=x&sort=nonsense&page=9")
    problems = response.context["browse"].state.problems
    assert len(problems) == 3
    assert "abc" in problems[1] or "abc" in problems[0]
    assert response.context["items"].total == 8  # the bad filters are ignored
    assert 'role="alert"' in response.content.decode()


def test_filtered_states_are_not_indexed_by_search_engines(client, catalogue):
    assert "noindex" not in browse(client, "/it/collections/").content.decode()
    assert "noindex" in browse(client, "/it/collections/?type=painting").content.decode()


# Languages ----------------------------------------------------------------------------------


def test_labels_are_in_the_visitor_language(client, catalogue):
    english = browse(client, "/en/collections/?century=18")
    assert facet(english, "type")["painting"].label == "Painting"
    assert facet(english, "century")["18"].label == "18th century"
    assert facet(english, "rights")["open"].label == "Open licence or public domain"
    labels = {
        "it": "XVIII secolo",
        "fr": "XVIIIe siècle",
        "de": "18. Jahrhundert",
        "es": "siglo XVIII",
    }
    for code, label in labels.items():
        response = browse(client, f"/{code}/collections/")
        assert facet(response, "century")["18"].label == label
    with translation.override("it"):
        assert facet(browse(client, "/it/collections/"), "type")["print"].label == "Stampa"


def test_partner_labels_are_marked_with_the_language_they_are_in(client, catalogue, translate):
    translate(catalogue.home, "en", title="Heritage Hub")
    translate(catalogue.partner_index, "en", title="Partners")
    translate(catalogue.partner, "en", title="National Archive")
    response = browse(client, "/en/collections/")
    partners = facet(response, "partner")
    assert (partners["archivio"].label, partners["archivio"].lang) == ("National Archive", "")
    assert (partners["museo"].label, partners["museo"].lang) == ("Museo Civico", "it")


def test_results_are_in_the_current_locale_with_fallback(client, tree, translate):
    translate(tree.home, "en", title="Heritage Hub")
    translate(tree.partner_index, "en", title="Partners")
    translate(tree.partner, "en", title="National Archive")
    translate(tree.collection, "en", title="Photographs")
    translate(tree.item, "en", title="Photograph one")
    english = result_titles(browse(client, "/en/collections/?sort=title"))
    assert english == ["Fotografia 2", "Fotografia 3", "Photograph one"]
    french = result_titles(browse(client, "/fr/collections/?sort=title"))
    assert french == ["Fotografia 1", "Fotografia 2", "Fotografia 3"]


def test_a_text_query_searches_the_text_of_the_visitor_language(client, tree, translate):
    translate(tree.home, "en", title="Heritage Hub")
    translate(tree.partner_index, "en", title="Partners")
    translate(tree.partner, "en", title="National Archive")
    translate(tree.collection, "en", title="Photographs")
    translate(tree.item, "en", title="Photograph one")
    assert result_titles(browse(client, "/en/collections/?q=photograph")) == ["Photograph one"]
    assert result_titles(browse(client, "/it/collections/?q=photograph")) == []


# Scoped browse -----------------------------------------------------------------------------


def test_a_collection_page_browses_its_own_items(client, catalogue):
    response = browse(client, "/it/partners/museo/dipinti/?type=print")
    assert sorted(result_titles(response)) == ["Manifesto del cinema", "Mappa di Torino"]
    groups = {group.param for group in response.context["browse"].facets}
    assert "collection" not in groups
    assert counts(response, "type") == {"painting": 3, "print": 2}


def test_a_partner_offers_the_browse_of_its_items(client, catalogue):
    page = browse(client, "/it/partners/museo/")
    assert 'action="/it/partners/museo/items/"' in page.content.decode()
    response = browse(client, "/it/partners/museo/items/?century=19")
    assert result_titles(response) == ["Paesaggio alpino"]
    assert "partner" not in {group.param for group in response.context["browse"].facets}


def test_the_partner_items_page_links_its_own_url_in_every_language(client, catalogue):
    response = browse(client, "/it/partners/museo/items/")
    links = switcher_links(response)
    assert links["en"] == "/en/partners/museo/items/"
    assert links["de"] == "/de/partners/museo/items/"
    canonical = r'rel="canonical" href="[^"]*/it/partners/museo/items/"'
    assert re.search(canonical, response.content.decode())


def test_an_unknown_partner_subpath_is_not_found(client, catalogue):
    assert client.get("/it/partners/museo/nothing-here/").status_code == 404
