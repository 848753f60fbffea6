"""The partner directory: facets and their counts, search, sort, views, bad parameters."""

import re

import pytest

from tests.partners.directory_fixtures import directory_hub, make_partner

pytestmark = pytest.mark.django_db


@pytest.fixture
def hub(home):
    return directory_hub(home)


def facet_counts(html, param):
    """{value: count} of one facet group, read from the links' hrefs and counts."""
    counts = {}
    pattern = (
        rf'href="\?[^"]*{param}=([^"&#]+)[^"]*#partners"[^>]*>\s*'
        r'<span class="facet-label"[^>]*>[^<]*</span>\s*<span class="facet-count">(\d+)</span>'
    )
    for value, count in re.findall(pattern, html):
        counts.setdefault(value, int(count))
    return counts


def titles(html):
    return re.findall(r'<h3 class="card-title"><a href="[^"]+">([^<]+)</a>', html)


def test_directory_lists_every_partner_by_name(hub, client):
    html = client.get("/it/partners/").content.decode()
    assert titles(html) == [
        "Archivio di Stato", "Museo Civico", "Officina Digitale", "Rete Europea", "Tabakalera"
    ]  # fmt: skip


def test_facet_counts_apply_the_other_facets_filters(hub, client):
    html = client.get("/en/partners/?country=IT&type=creative-hub").content.decode()
    assert titles(html) == ["Officina Digitale"]
    # The type facet counts Italian partners of every type; the country facet counts creative
    # hubs of every country.
    assert facet_counts(html, "type") == {"creative-hub": 1, "museum": 1, "archive": 1}
    assert facet_counts(html, "country") == {"IT": 1, "ES": 1}


def test_values_of_one_facet_combine_with_or(hub, client):
    html = client.get("/en/partners/?service=fab-lab&service=residency-studio").content.decode()
    assert titles(html) == ["Officina Digitale", "Tabakalera"]


def test_facets_combine_with_and(hub, client):
    html = client.get("/en/partners/?service=reading-room&city=Torino").content.decode()
    assert titles(html) == ["Archivio di Stato"]


def test_labels_are_in_the_visitor_language(hub, client):
    html = client.get("/de/partners/?service=reading-room").content.decode()
    assert re.search(r'class="facet-label">\s*Lesesaal\s*<', html)
    assert re.search(r'class="facet-label">\s*Italien\s*<', html)
    assert re.search(r'class="facet-label">\s*Italienisch\s*<', html)


def test_languages_facet_counts_partners_working_in_each_language(hub, client):
    html = client.get("/en/partners/").content.decode()
    assert facet_counts(html, "language") == {"it": 3, "en": 2, "es": 1, "eu": 1}


def test_text_search_ignores_case_and_accents(hub, client):
    html = client.get("/en/partners/?q=sebastian").content.decode()
    assert titles(html) == ["Tabakalera"]


def test_text_search_finds_the_services_offered(hub, client):
    html = client.get("/en/partners/?q=fab+lab").content.decode()
    assert titles(html) == ["Officina Digitale"]


def test_sort_by_city_puts_partners_without_a_city_last(hub, client):
    html = client.get("/en/partners/?sort=city").content.decode()
    assert titles(html) == [
        "Museo Civico", "Tabakalera", "Archivio di Stato", "Officina Digitale", "Rete Europea"
    ]  # fmt: skip


def test_sort_newest_first(hub, client):
    html = client.get("/en/partners/?sort=newest").content.decode()
    assert titles(html)[0] == "Rete Europea"


def test_bogus_facet_values_are_reported_and_ignored(hub, client):
    response = client.get("/en/partners/?type=spaceship&country=XX&sort=shoe&view=globe")
    html = response.content.decode()
    assert response.status_code == 200
    assert "spaceship" in html and "XX" in html and "shoe" in html and "globe" in html
    assert 'role="alert"' in html
    assert len(titles(html)) == 5


def test_filtered_states_are_not_indexed(hub, client):
    assert b'content="noindex' not in client.get("/en/partners/").content
    assert b'content="noindex, follow"' in client.get("/en/partners/?country=ES").content


def test_chips_remove_their_filter(hub, client):
    html = client.get("/en/partners/?country=ES&role=affiliate").content.decode()
    chips = re.findall(r'<a class="chip" href="([^"]+)"', html)
    assert sorted(chips) == ["?country=ES#partners", "?role=affiliate#partners"]


def test_directory_links_its_exports_of_the_current_selection(hub, client):
    html = client.get("/en/partners/?country=ES&view=map").content.decode()
    assert re.search(
        r'<link rel="alternate" type="text/csv"[^>]+href="http://[^"]+/en/partners/export/csv/\?country=ES"',
        html,
    )
    assert re.search(
        r'<link rel="alternate" type="application/geo\+json"[^>]+href="http://[^"]+/en/partners/export/geojson/\?country=ES"',
        html,
    )


def test_map_view_lists_located_partners_and_counts_the_others(hub, client):
    html = client.get("/en/partners/?view=map").content.decode()
    names = re.findall(r'<li><a href="/en/partners/[^"]+"[^>]+data-count="1">([^<]+)</a>', html)
    assert sorted(names) == ["Museo Civico", "Tabakalera"]
    # The two Turin partners are a few streets apart: one numbered group at this scale.
    assert re.search(
        r'<li class="map-list-cluster"><a [^>]+data-count="2">2 partners in this area: Torino</a>',
        html,
    )
    assert "1 of these partners has no place on the map." in html


def test_a_drawn_group_names_its_places_the_most_partners_first(hub, client):
    make_partner(hub[0], "Castello", city="Moncalieri", country="IT", latitude=45.0, longitude=7.68)
    html = client.get("/en/partners/?view=map").content.decode()
    assert re.search(
        r'<li class="map-list-cluster"><a [^>]+data-count="3">'
        r"3 partners in this area: Torino, Moncalieri</a>",
        html,
    )
    # The drawn marker has the same name.
    assert 'aria-label="3 partners in this area: Torino, Moncalieri"' in html


def test_the_map_view_names_the_partners_without_a_place(hub, client):
    html = client.get("/it/partners/?view=map").content.decode()
    missing = html[html.index('class="map-missing"') :]
    missing = missing[: missing.index("</div>")]
    assert "Online o senza indirizzo:" in missing
    links = re.findall(r'<li><a href="([^"]+)" lang="it">([^<]+)</a></li>', missing)
    assert links == [("/it/partners/rete-europea/", "Rete Europea")]


def test_facets_are_a_filters_disclosure_before_the_results(hub, client):
    html = client.get("/en/partners/?country=IT&type=museum").content.decode()
    disclosure = html.index('<details class="facet-filters" data-facet-filters>')
    assert disclosure < html.index('<nav class="facets"') < html.index('class="browse-results"')
    # Closed by default (narrow screens show the results first; css/site.css opens it on
    # wide screens), its summary says how many filters are chosen.
    summary = re.search(r'<summary class="facet-filters-toggle">(.*?)</summary>', html, re.S)
    assert re.sub(r"<[^>]+>|\s+", " ", summary.group(1)).split() == ["Filters", "(2", "active)"]


def test_directory_query_count_does_not_grow_with_partners(
    home, client, django_assert_max_num_queries
):
    index, _partners = directory_hub(home)
    for number in range(60):
        make_partner(index, f"Partner {number:02}", type="museum", city="Bologna", country="IT",
                     offers=[("training", "Corsi", 10)], sectors=["design"])  # fmt: skip
    client.get("/en/partners/")  # warms the cache of facts and labels
    with django_assert_max_num_queries(15):
        assert client.get("/en/partners/?country=IT&page=2").status_code == 200
    from django.core.cache import cache

    cache.clear()
    with django_assert_max_num_queries(15):
        assert client.get("/en/partners/?country=IT&view=map").status_code == 200


def test_a_cluster_links_to_the_map_of_its_area_listing_each_partner(hub, client):
    html = client.get("/en/partners/?view=map").content.decode()
    cluster = re.search(r'<li class="map-list-cluster"><a href="([^"]+)"', html).group(1)
    assert "bbox=" in cluster and "view=map" in cluster
    zoomed = client.get("/en/partners/" + cluster.replace("&amp;", "&")).content.decode()
    names = re.findall(r'<li><a href="/en/partners/[^"]+"[^>]+data-count="1">([^<]+)</a>', zoomed)
    assert sorted(names) == ["Archivio di Stato", "Officina Digitale"]
    assert 'content="noindex, follow"' in zoomed


@pytest.mark.parametrize("bbox", ["170,10,-170,20", "0,200,10,210", "a,b"])
def test_a_bad_map_area_is_reported_not_an_error(hub, client, bbox):
    response = client.get(f"/en/partners/?view=map&bbox={bbox}")
    assert response.status_code == 200
    assert 'role="alert"' in response.content.decode()


def test_partners_behind_a_view_restriction_are_not_listed(hub, client):
    from wagtail.models import PageViewRestriction

    PageViewRestriction.objects.create(
        page=hub[1]["museo"], restriction_type=PageViewRestriction.LOGIN
    )
    html = client.get("/en/partners/").content.decode()
    assert "Museo Civico" not in titles(html)
    assert len(titles(html)) == 4
