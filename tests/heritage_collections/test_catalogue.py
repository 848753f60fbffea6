"""Catalogue entries: one per item and language, kept in step with the live pages."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from heritage_collections.catalogue import century_of, rebuild_catalogue, sort_key
from heritage_collections.models import CatalogueEntry, ItemPage
from heritagehub.rights import RightsStatement
from tests.factories import CollectionPageFactory, ItemPageFactory

pytestmark = pytest.mark.django_db

LANGUAGES = ["it", "en", "fr", "de", "es"]


def entries_of(item):
    return {
        entry.language_code: entry
        for entry in CatalogueEntry.objects.filter(translation_key=item.translation_key)
    }


@pytest.fixture
def english_item(tree, translate):
    translate(tree.home, "en", title="Heritage Hub")
    translate(tree.partner_index, "en", title="Partners")
    translate(tree.partner, "en", title="National Archive")
    translate(tree.collection, "en", title="Photographs")
    return translate(tree.item, "en", title="Photograph 1")


@pytest.mark.parametrize(
    ("year", "century"),
    [(1801, 19), (1900, 19), (1901, 20), (2024, 21), (1, 1), (-1, -1), (-100, -1), (-101, -2)],
)
def test_century_of_a_year(year, century):
    assert century_of(year) == century


def test_century_of_no_year_is_none():
    assert century_of(None) is None


@pytest.mark.parametrize(
    ("title", "key"),
    [
        ("[title not known]", "title not known]"),
        ("?River Po", "river po"),
        ("#15", "15"),
        ("(untitled)", "untitled)"),
        ("...", "..."),
    ],
)
def test_sort_key_ignores_leading_punctuation(title, key):
    assert sort_key(title) == key


def test_sort_key_ignores_case_and_accents():
    assert sort_key("Émile Zola") == sort_key("emile zola")
    assert sorted(["Zeta", "élan", "Alpha"], key=sort_key) == ["Alpha", "élan", "Zeta"]


def test_an_untranslated_item_has_one_entry_per_language_all_serving_the_source(tree):
    entries = entries_of(tree.item)
    assert sorted(entries) == sorted(LANGUAGES)
    assert {entry.page_id for entry in entries.values()} == {tree.item.pk}


def test_the_entries_hold_the_facts_browse_filters_on(tree):
    entry = entries_of(tree.item)["it"]
    assert entry.partner == "archivio"
    assert entry.collection == "archivio/fotografie"
    assert entry.object_type == "photograph"
    assert (entry.date_start, entry.date_end, entry.century) == (1885, 1895, 19)
    assert entry.has_image is True
    assert entry.reuse == "open"
    assert entries_of(tree.items[1])["it"].has_image is False


def test_an_item_without_an_end_year_ends_in_its_start_year(tree):
    item = ItemPageFactory(parent=tree.collection, date_start=1900, date_end=None)
    assert entries_of(item)["it"].date_end == 1900


def test_a_translation_is_served_in_its_language_and_the_source_elsewhere(tree, english_item):
    entries = entries_of(tree.item)
    assert entries["en"].page_id == english_item.pk
    assert entries["en"].sort_title == "photograph 1"
    for code in ("it", "fr", "de", "es"):
        assert entries[code].page_id == tree.item.pk


def test_unpublishing_a_translation_serves_the_source_again(tree, english_item):
    english_item.unpublish()
    assert entries_of(tree.item)["en"].page_id == tree.item.pk


def test_unpublishing_an_item_removes_its_entries(tree):
    tree.items[2].unpublish()
    assert entries_of(tree.items[2]) == {}


def test_deleting_an_item_removes_its_entries(tree):
    key = tree.items[2].translation_key
    tree.items[2].delete()
    assert not CatalogueEntry.objects.filter(translation_key=key).exists()


def test_publishing_a_new_revision_updates_the_entries(tree):
    item = ItemPage.objects.get(pk=tree.item.pk)
    item.rights = RightsStatement.IN_COPYRIGHT
    item.date_start, item.date_end = 1950, 1960
    item.save_revision().publish()
    entry = entries_of(item)["fr"]
    assert (entry.reuse, entry.century) == ("copyright", 20)


def test_renaming_a_collection_updates_its_items(tree):
    collection = tree.collection.specific
    collection.slug = "foto-storiche"
    collection.save_revision().publish()
    assert {e.collection for e in CatalogueEntry.objects.all()} == {"archivio/foto-storiche"}


def test_moving_an_item_to_another_collection_updates_it(tree):
    other = CollectionPageFactory(parent=tree.partner, slug="stampe")
    tree.items[1].move(other, pos="last-child")
    assert entries_of(tree.items[1])["de"].collection == "archivio/stampe"


def test_rebuild_recreates_every_entry(tree):
    CatalogueEntry.objects.all().delete()
    assert rebuild_catalogue() == 3 * len(LANGUAGES)
    assert entries_of(tree.items[1])["es"].page_id == tree.items[1].pk


def test_each_entry_is_written_once_with_its_full_text_document(tree):
    with CaptureQueriesContext(connection) as context:
        rebuild_catalogue()
    table = CatalogueEntry._meta.db_table
    assert not [q["sql"] for q in context.captured_queries if f"UPDATE {table}" in q["sql"]]
    if connection.vendor == "postgresql":  # SQLite keeps its full text in FTS5 tables
        assert not CatalogueEntry.objects.filter(search_document=None).exists()
