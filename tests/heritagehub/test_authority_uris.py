"""Vocabulary terms' URIs (heritagehub.authority_uris): one canonical spelling per concept
of Getty AAT or Wikidata, anything else refused with a message naming what is accepted."""

import pytest
from django.core.exceptions import ValidationError
from django.utils import translation

from heritage_collections.models import ObjectType
from heritagehub.authority_uris import canonical_uri

PAINTINGS = "http://vocab.getty.edu/aat/300033618"
MUSEUM = "http://www.wikidata.org/entity/Q33506"


@pytest.mark.parametrize("uri", [PAINTINGS, MUSEUM])
def test_a_canonical_uri_is_kept(uri):
    assert canonical_uri(uri) == uri


@pytest.mark.parametrize(
    ("given", "canonical"),
    [
        ("https://vocab.getty.edu/aat/300033618", PAINTINGS),
        ("http://vocab.getty.edu/page/aat/300033618", PAINTINGS),
        (" https://vocab.getty.edu/aat/300033618/ ", PAINTINGS),
        ("https://www.wikidata.org/wiki/Q33506", MUSEUM),
        ("https://wikidata.org/entity/Q33506", MUSEUM),
    ],
)
def test_an_authority_uri_is_normalised(given, canonical):
    assert canonical_uri(given) == canonical


def test_no_uri_is_allowed():
    assert canonical_uri("  ") == ""


@pytest.mark.parametrize(
    "uri",
    [
        "http://vocab.getty.edu/aat/painting",
        "http://www.wikidata.org/entity/P31",
        "https://example.org/aat/300033618",
        "painting",
    ],
)
def test_another_uri_is_refused_naming_the_authorities(uri):
    with pytest.raises(ValidationError) as error:
        canonical_uri(uri)
    with translation.override("en"):
        message = error.value.messages[0]
    assert "is not a URI of a known vocabulary" in message
    assert "Getty AAT" in message and "Wikidata" in message
    assert uri in message


@pytest.mark.django_db
def test_a_term_is_saved_with_the_canonical_uri():
    term = ObjectType.objects.get(slug="object", locale__language_code="it")
    term.uri = "https://www.wikidata.org/wiki/Q488383"
    term.full_clean()
    assert term.uri == "http://www.wikidata.org/entity/Q488383"


@pytest.mark.django_db
def test_a_term_with_a_bad_uri_names_the_field():
    term = ObjectType.objects.get(slug="object", locale__language_code="it")
    term.uri = "https://example.org/object"
    with pytest.raises(ValidationError) as error:
        term.full_clean()
    assert list(error.value.message_dict) == ["uri"]


@pytest.mark.django_db
def test_the_demo_object_types_have_canonical_uris_the_same_in_every_language():
    for slug, uris in _uris_by_slug().items():
        assert len(uris) == 1, slug
        uri = uris.pop()
        assert uri == "" or canonical_uri(uri) == uri


def _uris_by_slug():
    uris = {}
    for slug, uri in ObjectType.objects.values_list("slug", "uri"):
        uris.setdefault(slug, set()).add(uri)
    return uris


def _edit(client, term, uri):
    return client.post(
        f"/admin/snippets/heritage_collections/objecttype/edit/{term.pk}/",
        {"name": term.name, "slug": term.slug, "uri": uri, "sort_order": term.sort_order},
    )


@pytest.mark.django_db
def test_an_editor_pasting_a_web_page_address_saves_the_concept_uri(admin_client):
    term = ObjectType.objects.get(slug="object", locale__language_code="it")
    response = _edit(admin_client, term, "https://www.wikidata.org/wiki/Q488383")
    assert response.status_code == 302
    term.refresh_from_db()
    assert term.uri == "http://www.wikidata.org/entity/Q488383"


@pytest.mark.django_db
def test_an_editor_giving_another_address_is_told_what_is_accepted(admin_client):
    term = ObjectType.objects.get(slug="object", locale__language_code="it")
    response = _edit(admin_client, term, "https://example.org/object")
    assert response.status_code == 200
    # The admin speaks the hub's language: the message in Italian.
    assert "di un vocabolario conosciuto" in response.content.decode()
    term.refresh_from_db()
    assert term.uri == ""
