"""What visitors of each language find: a table of queries and the items each must find.

Items catalogued in English (an English partner's collection, served to every language by
fallback) and in Italian; queries in the five site languages, in singular and plural, with
and without accents, naming an object type in another language than the item's, phrases,
and misspellings with the suggestion they get. The suite runs on SQLite and PostgreSQL.
"""

import pytest

from heritage_collections import search_index
from heritage_collections.models import ObjectType
from tests.factories import CollectionPageFactory, ItemPageFactory, PartnerPageFactory

pytestmark = pytest.mark.django_db


def object_type(slug):
    return ObjectType.objects.get(slug=slug, locale__language_code="it")


@pytest.fixture
def library(tree, translate):
    """English items in an English partner's collection, Italian items beside them."""
    translate(tree.home, "en", title="Heritage Hub")
    translate(tree.partner_index, "en", title="Partners")
    gallery = PartnerPageFactory(parent=tree.partner_index, title="Galleria", slug="gallery")
    english = translate(gallery, "en", title="Gallery")
    works = CollectionPageFactory(parent=english, title="Works", slug="works")
    museum = PartnerPageFactory(parent=tree.partner_index, title="Museo Civico", slug="museo")
    dipinti = CollectionPageFactory(parent=museum, title="Dipinti", slug="dipinti")
    specs = [
        # (parent, title, identifier, type, creator, place, description)
        (works, "Sunset over the Lagoon", "N01234", "painting", "J. M. W. Turner", "Venice",
         "<p>Oil painting of the lagoon at dusk, with boats.</p>"),
        (works, "Studies of Trees", "T05678", "drawing", "John Constable", "Suffolk",
         "<p>Pencil drawings of oak trees beside a river.</p>"),
        (dipinti, "Veduta della città di Genova", "MC-0001", "print", "Giovanni Rossi",
         "Genova", "<p>Incisione all'acquaforte con il porto e le navi.</p>"),
        (dipinti, "Ritratto di donna", "MC-0002", "painting", "Anonimo lombardo", "Milano",
         "<p>Dipinto a olio su tela, restaurato nel 1990.</p>"),
        (dipinti, "Paesaggio con mulino", "MC-0003", "photograph", "Studio Brogi", "Firenze",
         "<p>Stampa all'albumina; un mulino sul fiume.</p>"),
    ]  # fmt: skip
    items = {}
    for parent, title, identifier, type_slug, creator, place, description in specs:
        items[title] = ItemPageFactory(
            parent=parent,
            title=title,
            identifier=identifier,
            object_type=object_type(type_slug),
            creator=creator,
            place_name=place,
            description=description,
        )
    return items


SUNSET, TREES, GENOVA, RITRATTO, MULINO = (
    "Sunset over the Lagoon",
    "Studies of Trees",
    "Veduta della città di Genova",
    "Ritratto di donna",
    "Paesaggio con mulino",
)

# (visitor's language, query, the items it must find)
QUERIES = [
    # Singular and plural, by the stemmer of the text's language
    ("en", "painting", {SUNSET, RITRATTO}),
    ("en", "paintings", {SUNSET, RITRATTO}),
    ("en", "drawing", {TREES}),
    ("en", "drawings", {TREES}),
    ("en", "tree", {TREES}),
    ("it", "dipinto", {SUNSET, RITRATTO}),
    ("it", "dipinti", {SUNSET, RITRATTO}),
    ("it", "disegni", {TREES}),
    ("it", "navi", {GENOVA}),
    ("it", "nave", {GENOVA}),
    # An object type named in the visitor's language finds the items of every language
    ("fr", "peintures", {SUNSET, RITRATTO}),
    ("fr", "dessin", {TREES}),
    ("de", "Gemälde", {SUNSET, RITRATTO}),
    ("de", "Zeichnungen", {TREES}),
    ("es", "pinturas", {SUNSET, RITRATTO}),
    ("es", "dibujos", {TREES}),
    ("es", "grabados", {GENOVA}),
    ("de", "Druckgrafik", {GENOVA}),
    # Accents and case do not matter
    ("it", "citta", {GENOVA}),
    ("it", "CITTÀ", {GENOVA}),
    ("de", "gemalde", {SUNSET, RITRATTO}),
    # Every word must match; phrases in quotes keep their words in order
    ("en", "turner lagoon", {SUNSET}),
    ("en", "turner trees", set()),
    ("en", '"oak trees"', {TREES}),
    ("en", '"trees oak"', set()),
    # Creator, place and identifier are searched
    ("it", "Constable", {TREES}),
    ("it", "venice", {SUNSET}),
    ("en", "mc 0003", {MULINO}),
]


@pytest.mark.parametrize(("language", "query", "expected"), QUERIES)
def test_a_query_finds_the_items_it_names(client, library, language, query, expected):
    response = client.get(f"/{language}/collections/", {"q": query})
    assert response.status_code == 200
    titles = {item.title for item in response.context["items"]}
    assert titles == expected


@pytest.mark.parametrize(
    ("language", "query", "suggestion"),
    [
        ("en", "lagon", "lagoon"),
        ("it", "turnr", "turner"),
        ("fr", "constabel", "constable"),
        ("en", "turner lagon", "turner lagoon"),
    ],
)
def test_a_misspelt_query_finds_nothing_and_suggests_the_word(
    client, library, language, query, suggestion
):
    response = client.get(f"/{language}/collections/", {"q": query})
    assert list(response.context["items"]) == []
    assert response.context["browse"].suggestion == suggestion


def test_a_query_that_finds_items_suggests_nothing(client, library):
    response = client.get("/en/collections/", {"q": "lagoon"})
    assert response.context["browse"].suggestion == ""


def test_a_title_match_ranks_above_a_description_match(client, library):
    # "mulino" is in one title and in no other item's text but the photograph's description.
    ItemPageFactory(
        parent=library[RITRATTO].get_parent(),
        title="Veduta del fiume",
        description="<p>Sullo sfondo, un mulino e un mulino ad acqua e un altro mulino.</p>",
    )
    response = client.get("/it/collections/", {"q": "mulino"})
    titles = [item.title for item in response.context["items"]]
    assert titles == [MULINO, "Veduta del fiume"]


def test_the_site_search_finds_items_across_languages(client, library):
    response = client.get("/it/search/", {"q": "dipinti"})
    titles = {page.title for page in response.context["results"]}
    assert {SUNSET, RITRATTO} <= titles
    assert TREES not in titles


def test_an_exact_identifier_goes_to_the_item(client, library):
    response = client.get("/it/collections/", {"q": "MC-0002"})
    assert response.status_code == 302
    assert response["Location"] == library[RITRATTO].url


def test_the_site_search_goes_to_the_item_of_an_exact_identifier(client, library):
    response = client.get("/en/search/", {"q": " T05678 "})
    assert response.status_code == 302
    assert response["Location"].endswith("/works/studies-of-trees/")


def test_a_result_shows_why_it_matched(client, library):
    response = client.get("/en/collections/", {"q": "boats"})
    (item,) = response.context["items"]
    assert item.search_snippet == "Oil painting of the lagoon at dusk, with <mark>boats</mark>."
    assert "<mark>boats</mark>" in response.content.decode()


@pytest.mark.parametrize(
    "query",
    ["x" * 5000, "!!! ??? ...", '"unbalanced quote', 'dipinti"', "a\x00b", "))) OR (((", "*"],
)
def test_hostile_queries_answer_without_error(client, library, query):
    assert client.get("/it/collections/", {"q": query}).status_code == 200
    assert client.get("/it/search/", {"q": query}).status_code == 200


def test_an_unpublished_item_is_no_longer_found(client, library):
    library[TREES].unpublish()
    response = client.get("/en/collections/", {"q": "drawings"})
    assert list(response.context["items"]) == []


def test_an_edited_item_is_found_by_its_new_words(client, library):
    item = library[MULINO]
    item.description = "<p>Una segheria ad acqua.</p>"
    item.save_revision().publish()
    assert {
        i.title for i in client.get("/it/collections/", {"q": "segheria"}).context["items"]
    } == {MULINO}
    assert client.get("/it/collections/", {"q": "albumina"}).context["items"].total == 0


def test_a_deleted_item_is_no_longer_found(client, library):
    library[GENOVA].delete()
    assert client.get("/it/collections/", {"q": "navi"}).context["items"].total == 0


def test_a_translated_item_is_found_in_its_translation(client, library, translate):
    translate(library[RITRATTO].get_parent().get_parent(), "en", title="Civic Museum")
    translate(library[RITRATTO].get_parent(), "en", title="Paintings")
    translate(library[RITRATTO], "en", title="Portrait of a lady", description="<p>Oil.</p>")
    english = client.get("/en/collections/", {"q": "lady"}).context["items"]
    assert [item.title for item in english] == ["Portrait of a lady"]
    assert client.get("/it/collections/", {"q": "lady"}).context["items"].total == 0


def test_a_renamed_object_type_finds_its_items_by_the_new_name(client, library):
    english = ObjectType.objects.get(slug="drawing", locale__language_code="en")
    english.name = "Sketch"
    english.save()
    response = client.get("/en/collections/", {"q": "sketches"})
    assert {item.title for item in response.context["items"]} == {TREES}


def test_a_broad_query_is_counted_in_a_sample_and_says_so(client, library, monkeypatch):
    # As if "dipinto" matched most of a large catalogue: its matches are sampled (all of
    # them here), counted as an estimate and shown by title, not ranked.
    # (PostgreSQL's planner estimates a table it has no statistics of: at least one row.)
    monkeypatch.setattr(search_index, "BROAD_MATCHES", 0)
    monkeypatch.setattr(search_index, "SAMPLE_ABOVE", {"postgresql": 0, "sqlite": 0})
    monkeypatch.setattr(search_index, "SAMPLE_MATCHES", 10)
    response = client.get("/it/collections/", {"q": "dipinto", "type": "painting"})
    items, browse = response.context["items"], response.context["browse"]
    assert [item.title for item in items] == [RITRATTO, SUNSET]
    assert items.unranked and items.estimated
    (types,) = [group for group in browse.facets if group.param == "type"]
    assert {value.value: value.count for value in types.values} == {"painting": 2}
    content = response.content.decode()
    assert "Circa 2 oggetti" in content
    assert "i numeri accanto ai filtri sono stime" in content
    # Without a filter every facet is counted in one pass (PostgreSQL: GROUPING SETS).
    browse = client.get("/it/collections/", {"q": "dipinto"}).context["browse"]
    counts = {(g.param, v.value): v.count for g in browse.facets for v in g.values}
    assert counts[("type", "painting")] == 2
    assert sum(n for (param, _value), n in counts.items() if param == "partner") == 2
