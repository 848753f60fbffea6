"""The public requests that used to end in a 500 (issue 13): each gets a clear 4xx. The
fuzzing of every public URL is tests/heritagehub/test_fuzz_public.py."""

import pytest

pytestmark = pytest.mark.django_db

HUGE = "99999999999999999999"


@pytest.mark.parametrize("endpoint", ["pages", "images"])
def test_a_huge_api_offset_is_a_bad_request(client, tree, endpoint):
    response = client.get(f"/api/v2/{endpoint}/?offset={HUGE}")
    assert response.status_code == 400
    assert "offset" in response.json()["message"]


def test_an_offset_the_database_can_take_still_answers(client, tree):
    response = client.get("/api/v2/pages/?offset=2147483647")
    assert response.status_code == 200
    assert response.json()["items"] == []


def test_an_unknown_search_operator_is_a_bad_request(client, tree):
    response = client.get("/api/v2/pages/?search=a&search_operator=bogus")
    assert response.status_code == 400
    assert "search_operator" in response.json()["message"]
    assert client.get("/api/v2/pages/?search=a&search_operator=or").status_code == 200


def test_a_sitemap_section_beyond_any_page_id_is_not_found(client, tree):
    assert client.get(f"/sitemap-{HUGE}.xml").status_code == 404


def test_a_nul_byte_in_an_api_parameter_is_a_bad_request(client, tree):
    response = client.get("/api/v2/pages/?search=%00")
    assert response.status_code == 400
    assert "null characters" in response.json()["message"]


@pytest.mark.parametrize("value", ["", "*", "abc"])
def test_finding_an_api_object_by_an_id_that_is_not_a_number_is_a_bad_request(client, tree, value):
    response = client.get(f"/api/v2/images/find/?id={value}")
    assert response.status_code == 400
    assert "id" in response.json()["message"]


@pytest.mark.parametrize("endpoint", ["pages", "images"])
def test_an_empty_api_search_is_a_bad_request(client, tree, endpoint):
    response = client.get(f"/api/v2/{endpoint}/?search=+")
    assert response.status_code == 400
    assert "search" in response.json()["message"]


def test_a_century_beyond_any_year_is_reported_not_a_server_error(client, tree):
    response = client.get("/it/collections/?century=-99999999999999999999")
    assert response.status_code == 200
    assert "«-9999999999999999999» non è un valore valido" in response.content.decode()


@pytest.mark.parametrize("param", ["partner", "collection", "rights", "type", "place", "tag"])
def test_a_nul_byte_in_a_browse_filter_is_ignored(client, tree, param):
    response = client.get(f"/it/collections/?{param}=a%00b")
    assert response.status_code == 200
