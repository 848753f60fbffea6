"""The home page describes the hub's WebSite and its search in schema.org JSON-LD."""

import pytest

from tests.json_ld import SCHEMA, expand, json_ld, value

pytestmark = pytest.mark.django_db


def test_the_home_page_is_the_hubs_website_with_its_search(client, tree):
    node = expand(json_ld(client.get("/it/")))[0]

    assert node["@type"] == [SCHEMA + "WebSite"]
    assert value(node, "url") == "http://testserver/it/"
    assert value(value(node, "publisher"), "name") == value(node, "name")
    search = value(node, "potentialAction")
    assert search["@type"] == [SCHEMA + "SearchAction"]
    assert value(value(search, "target"), "urlTemplate") == (
        "http://testserver/it/search/?q={search_term_string}"
    )


def test_the_search_of_a_language_is_its_own(client, english_home):
    node = expand(json_ld(client.get("/en/")))[0]

    search = value(node, "potentialAction")
    assert value(value(search, "target"), "urlTemplate").startswith("http://testserver/en/search/")
    assert value(node, "inLanguage") == "en"


def test_a_page_without_a_description_has_no_json_ld(client, tree):
    response = client.get("/it/about/")

    assert b"application/ld+json" not in response.content
