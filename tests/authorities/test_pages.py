"""The public page of a record: its facts, identifiers, map and the items linked to it."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from authorities.models import ITEMS_PER_PAGE, AgentPage, AuthorityIndexPage, PlacePage
from authorities.roles import WORK_ROLES
from heritage_collections import authority_links
from heritage_collections.catalogue import refresh_catalogue
from heritage_collections.models import ItemPage
from tests.authorities.conftest import link_agent, link_place
from tests.factories import ItemPageFactory
from tests.json_ld import json_ld


def test_agent_page_shows_dates_and_identifier_links(client, tree, turner):
    response = client.get("/it/authorities/turner/")
    html = response.content.decode()
    assert response.status_code == 200
    assert "1775–1851" in html
    assert 'href="http://www.wikidata.org/entity/Q159758"' in html
    assert 'href="http://vocab.getty.edu/ulan/500026846"' in html


def test_agent_page_lists_works_by_in_italian(client, tree, turner):
    link_agent(tree.items[0], turner)
    response = client.get("/it/authorities/turner/")
    html = response.content.decode()
    assert "Opere di Joseph Mallord William Turner" in html
    assert tree.items[0].title in html
    assert tree.items[1].title not in html


def test_agent_page_lists_works_by_in_english(client, tree, turner, translate):
    translate(tree.home, "en", title="Heritage Hub")
    link_agent(tree.items[0], turner)
    response = client.get("/en/authorities/turner/")
    html = response.content.decode()
    assert "Works by Joseph Mallord William Turner" in html
    assert tree.items[0].title in html


def test_items_about_are_listed_apart_from_works(client, tree, turner):
    link_agent(tree.items[0], turner)
    link_agent(tree.items[1], turner, role="depicted")
    html = client.get("/it/authorities/turner/").content.decode()
    works, about = html.split('id="about"')
    assert tree.items[0].title in works and tree.items[1].title not in works
    assert tree.items[1].title in about


def test_works_are_paginated(client, tree, turner):
    for number in range(ITEMS_PER_PAGE + 1):
        item = ItemPageFactory(parent=tree.collection, title=f"Opera {number:03d}")
        link_agent(item, turner)
    first = client.get("/it/authorities/turner/").content.decode()
    second = client.get("/it/authorities/turner/?page=2").content.decode()
    assert "Opera 000" in first and f"Opera {ITEMS_PER_PAGE:03d}" not in first
    assert f"Opera {ITEMS_PER_PAGE:03d}" in second


def test_a_draft_item_is_not_listed(client, tree, turner):
    link_agent(tree.items[0], turner)
    tree.items[0].unpublish()
    html = client.get("/it/authorities/turner/").content.decode()
    assert tree.items[0].title not in html


def test_place_page_shows_a_map_and_items_made_there(client, tree, venice):
    link_place(tree.items[0], venice)
    html = client.get("/it/authorities/venezia/").content.decode()
    assert "map" in html
    assert tree.items[0].title in html


def test_index_lists_records(client, tree, turner, venice):
    html = client.get("/it/authorities/").content.decode()
    assert "/it/authorities/turner/" in html
    assert "/it/authorities/venezia/" in html


def test_agent_json_ld_is_a_person_with_same_as(client, tree, turner):
    data = json_ld(client.get("/it/authorities/turner/"))
    assert data["@type"] == "Person"
    assert data["birthDate"] == "1775"
    assert data["sameAs"] == turner.identifiers


def test_organisation_json_ld(client, tree, turner):
    turner.kind = "organisation"
    turner.save()
    data = json_ld(client.get("/it/authorities/turner/"))
    assert data["@type"] == "Organization"
    assert data["foundingDate"] == "1775"


def test_place_json_ld_has_coordinates_and_same_as(client, tree, venice):
    data = json_ld(client.get("/it/authorities/venezia/"))
    assert data["@type"] == "Place"
    assert data["geo"]["latitude"] == 45.4408
    assert data["sameAs"] == ["https://sws.geonames.org/3164603/"]


def test_records_are_in_the_sitemap(client, tree, turner, venice):
    xml = client.get("/sitemap.xml").content.decode()
    if "<sitemapindex" in xml:
        xml = "".join(
            client.get(url.split("testserver")[-1]).content.decode()
            for url in __import__("re").findall(r"<loc>([^<]+)</loc>", xml)
        )
    assert "/it/authorities/turner/" in xml
    assert "/it/authorities/venezia/" in xml


def test_records_are_in_the_json_api(client, tree, turner):
    response = client.get("/api/v2/pages/?type=authorities.AgentPage&fields=identifiers,dates")
    (record,) = response.json()["items"]
    assert record["identifiers"] == turner.identifiers
    assert record["dates"] == "1775–1851"


def test_the_site_search_finds_records_in_a_tab_of_their_own(client, tree, turner):
    html = client.get("/it/search/?q=Turner").content.decode()
    assert "Persone e organizzazioni" in html
    assert "/it/authorities/turner/" in html


HOSTILE_PAGES = ["-1", "0", "99999999999999999999999", "abc", "1\x00", "%00", "2.5", ""]


def test_a_record_s_pages_of_items_take_any_page_number(client, tree, turner):
    link_agent(tree.items[0], turner)
    link_agent(tree.items[1], turner, role="depicted")
    for param in ("page", "about"):
        for value in HOSTILE_PAGES:
            response = client.get("/it/authorities/turner/", {param: value})
            assert response.status_code == 200, (param, value)
            assert tree.items[0].title in response.content.decode(), (param, value)


def test_the_index_s_pages_take_any_page_number(client, tree, turner):
    for param in ("page", "places"):
        for value in HOSTILE_PAGES:
            response = client.get("/it/authorities/", {param: value})
            assert response.status_code == 200, (param, value)
            assert "Joseph Mallord William Turner" in response.content.decode(), (param, value)


def test_a_record_with_many_items_takes_as_many_queries_and_counts_them_once(
    client, tree, turner, django_assert_num_queries
):
    """Counted once per cache generation, a page of them fetched by its ids: a record's
    page runs the same queries for 30 works as for 90, and no count on a second visit."""

    def add(count):
        for number in range(count):
            # Some without a start year: they come after the dated ones.
            item = ItemPageFactory(parent=tree.collection, date_start=None if number % 5 else 1800)
            link_agent(item, turner)
        client.get("/it/authorities/turner/")  # counts them, for this generation

    def queries():
        client.get("/it/authorities/turner/?page=2")
        with CaptureQueriesContext(connection) as captured:
            assert client.get("/it/authorities/turner/?page=2").status_code == 200
        return [query["sql"] for query in captured.captured_queries]

    add(30)
    few = queries()
    add(60)
    many = queries()
    assert len(few) == len(many)
    assert not [sql for sql in many if "COUNT(" in sql.upper()]
    # The cards of a page seen before come from the cache: no item, image or rendition.
    assert not [sql for sql in many if "itemimage" in sql or "rendition" in sql]


def test_a_published_change_shows_on_the_record_s_cached_cards(client, tree, turner):
    link_agent(tree.items[0], turner)
    assert tree.items[0].title in client.get("/it/authorities/turner/").content.decode()
    tree.items[0].title = "Un titolo nuovo"
    tree.items[0].save_revision().publish()
    assert "Un titolo nuovo" in client.get("/it/authorities/turner/").content.decode()


def test_both_plans_of_a_record_s_items_give_the_same_pages(tree, turner, monkeypatch):
    """Along the catalogue's date index or from the links (chosen by the record's share of
    the catalogue): the same items in the same order, dated ones first, on every page."""
    for number in range(40):
        date = None if number % 3 == 0 else 1700 + number % 7  # ties on the year
        item = ItemPageFactory(parent=tree.collection, title=f"Opera {39 - number:03d}")
        item.date_start = date
        item.save()
        refresh_catalogue([item.translation_key])
        link_agent(item, turner)
    link_agent(tree.items[0], turner, role="depicted")  # not a work
    pages = {}
    for plan, size in (("index", 1), ("links", 10**9)):
        monkeypatch.setattr(authority_links, "catalogue_size", lambda _code, size=size: size)
        works = authority_links.LinkedItems(turner, WORK_ROLES, "it")
        assert works.count() == 40
        pages[plan] = [works.ids(start, start + 12) for start in (0, 12, 24, 36)]
    assert pages["index"] == pages["links"]
    listed = ItemPage.objects.in_bulk([pk for page in pages["index"] for pk in page])
    items = [listed[pk] for page in pages["index"] for pk in page]
    assert len(items) == 40
    expected = sorted(
        items, key=lambda item: (item.date_start is None, item.date_start or 0, item.title)
    )
    assert items == expected


@pytest.mark.skipif(connection.vendor != "sqlite", reason="SQLite's query plan")
def test_the_index_lists_records_from_their_own_rows(tree, turner, venice):
    """Not by scanning every page of the hub (100,000 items) for the few hundred records."""
    for model in (AgentPage, PlacePage):
        sql, params = AuthorityIndexPage.records(model).query.sql_with_params()
        with connection.cursor() as cursor:
            cursor.execute(f"EXPLAIN QUERY PLAN {sql}", params)
            plan = [row[-1] for row in cursor.fetchall()]
        assert not [step for step in plan if step.startswith("SCAN wagtailcore_page")], plan
