"""Translation columns: title_<lang> and description_<lang> make or update real translations,
in the collection's translation into that language; facts are the same in every language."""

from io import StringIO

import pytest
from django.core.management import call_command
from django.db import connection
from django.db.models import Avg
from django.db.models.functions import Length
from django.utils import translation
from wagtail.models import PageViewRestriction
from wagtail.search.models import IndexEntry

from heritage_collections import search_index
from heritage_collections.catalogue import rebuild_catalogue
from heritage_collections.models import CatalogueEntry, ItemPage, OaiRecord
from heritage_collections.oai.index import rebuild_oai_records
from partners.onboarding import onboard_partner
from tests.factories import item_row, write_item_csv

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _english():
    translation.activate("en")


@pytest.fixture
def english_collection(tree, translate):
    onboard_partner("Archivio Nazionale", "archivio", "archive")
    translate(tree.partner, "en", title="National Archive")
    return translate(tree.collection, "en", title="Photographs")


def run_import(rows, tmp_path, *args):
    out = StringIO()
    call_command(
        "import_items",
        str(write_item_csv(tmp_path / "items.csv", rows)),
        "--partner",
        "archivio",
        "--collection",
        "fotografie",
        *args,
        stdout=out,
        stderr=StringIO(),
    )
    return out.getvalue()


def pages(language):
    return ItemPage.objects.filter(identifier="CSV-001", locale__language_code=language)


def test_a_title_in_another_language_makes_a_translation(tree, english_collection, tmp_path):
    row = item_row(1, title_en="View of the Po", description_en="A view of the river.")
    run_import([row], tmp_path, "--publish")
    italian, english = pages("it").get(), pages("en").get()
    assert (english.title, english.description) == ("View of the Po", "<p>A view of the river.</p>")
    assert english.get_parent().pk == english_collection.pk
    assert english.translation_key == italian.translation_key
    assert english.slug == italian.slug
    assert english.live


def test_a_translation_has_the_items_facts_and_its_own_vocabulary_term(
    english_collection, tmp_path
):
    run_import([item_row(1, title_en="View of the Po")], tmp_path, "--publish")
    italian, english = pages("it").get(), pages("en").get()
    facts = ("identifier", "creator", "date_start", "date_end", "rights", "latitude")
    assert [getattr(english, f) for f in facts] == [getattr(italian, f) for f in facts]
    assert english.object_type.locale.language_code == "en"
    assert english.object_type.translation_key == italian.object_type.translation_key
    assert sorted(t.name for t in english.tags.all()) == ["città", "fiume"]


def test_a_new_translation_without_its_own_description_shows_the_source_one(
    english_collection, tmp_path
):
    run_import([item_row(1, title_en="View of the Po")], tmp_path)
    assert pages("en").get().description == pages("it").get().description


def test_without_publish_each_translation_goes_to_review(english_collection, tmp_path):
    run_import([item_row(1, title_en="View of the Po")], tmp_path)
    english = pages("en").get()
    assert not english.live
    assert english.current_workflow_state.status == "in_progress"


def test_importing_the_translations_again_changes_nothing(english_collection, tmp_path):
    rows = [item_row(1, title_en="View of the Po", description_en="A view.")]
    run_import(rows, tmp_path, "--publish")
    assert "0 created, 0 updated, 1 unchanged." in run_import(rows, tmp_path, "--publish")


def test_a_changed_translation_gets_a_new_revision_and_its_source_does_not(
    english_collection, tmp_path
):
    run_import([item_row(1, title_en="View of the Po")], tmp_path, "--publish")
    italian_revisions = pages("it").get().revisions.count()
    english_revisions = pages("en").get().revisions.count()

    run_import([item_row(1, title_en="The Po at Turin")], tmp_path, "--publish")

    assert pages("en").get().title == "The Po at Turin"
    assert pages("en").get().revisions.count() == english_revisions + 1
    assert pages("it").get().revisions.count() == italian_revisions


def test_a_changed_fact_changes_every_translation(english_collection, tmp_path):
    run_import([item_row(1, title_en="View of the Po")], tmp_path, "--publish")
    run_import([item_row(1, creator="Anonimo")], tmp_path, "--publish")
    assert [page.creator for page in ItemPage.objects.filter(identifier="CSV-001")] == [
        "Anonimo",
        "Anonimo",
    ]


def test_an_empty_translation_cell_keeps_the_translation(english_collection, tmp_path):
    run_import([item_row(1, title_en="View of the Po")], tmp_path, "--publish")
    run_import([item_row(1, title_en="")], tmp_path, "--publish")
    assert pages("en").get().title == "View of the Po"


def test_a_new_translation_needs_its_title(english_collection, tmp_path):
    with pytest.raises(Exception, match="Nothing was imported"):
        run_import([item_row(1, description_en="Only a description.")], tmp_path)
    assert not ItemPage.objects.filter(identifier="CSV-001").exists()


def catalogue_state(keys):
    """The catalogue entries (with their full-text rows) and harvest records of the items
    with these translation keys, without ids."""
    entries = {
        (entry.pop("page_id"), entry.pop("language_code")): entry
        for entry in CatalogueEntry.objects.filter(translation_key__in=keys).values()
        if entry.pop("id")
    }
    if connection.vendor == "sqlite":
        with connection.cursor() as cursor:
            for code in search_index.site_languages():
                cursor.execute(
                    f"SELECT e.page_id, e.language_code, f.title, f.body "
                    f"FROM {search_index.fts_table(code)} f "
                    f"JOIN {CatalogueEntry._meta.db_table} e ON e.id = f.rowid"
                )
                for page_id, language, title, body in cursor.fetchall():
                    if (page_id, language) in entries:
                        entries[(page_id, language)]["text"] = (title, body)
    records = sorted(
        OaiRecord.objects.filter(translation_key__in=keys).values_list(
            "translation_key", "datestamp", "partner", "collection", "deleted"
        )
    )
    return entries, records


def test_new_items_enter_the_catalogue_as_it_computes_them_from_the_stored_pages(
    english_collection, tmp_path
):
    """The import makes the entries, their text index and harvest records of new items
    from the pages in memory: the same as recomputing them from what was stored."""
    rows = [
        item_row(1, title_en="View of the Po", tags="fiume;città"),
        item_row(2, latitude="", longitude="", tags=""),
        item_row(3, title_en="The bridge", description_en="A bridge over the river."),
    ]
    run_import(rows, tmp_path, "--publish")
    keys = set(
        ItemPage.objects.filter(identifier__startswith="CSV-").values_list(
            "translation_key", flat=True
        )
    )
    imported = catalogue_state(keys)
    assert len(keys) == 3 and len(imported[0]) == 3 * 5 and len(imported[1]) == 3
    assert all("text" in entry for entry in imported[0].values()) or connection.vendor != "sqlite"

    OaiRecord.objects.all().delete()
    rebuild_catalogue()
    rebuild_oai_records()

    assert catalogue_state(keys) == imported


def test_new_items_in_a_private_section_enter_neither_catalogue_nor_harvest(
    tree, english_collection, tmp_path
):
    for partner in tree.partner.get_translations(inclusive=True):
        PageViewRestriction.objects.create(page=partner, restriction_type="login")
    run_import([item_row(1, title_en="View of the Po")], tmp_path, "--publish")
    keys = ItemPage.objects.filter(identifier="CSV-001").values_list("translation_key")
    assert ItemPage.objects.filter(identifier="CSV-001", live=True).exists()
    assert not CatalogueEntry.objects.filter(translation_key__in=keys).exists()
    assert not OaiRecord.objects.filter(translation_key__in=keys).exists()


def test_new_items_search_entries_have_the_title_norms_wagtail_gives_them(
    english_collection, tmp_path
):
    # One batch of new pages below one collection: their norms are those Wagtail's
    # refresh gives after adding them, by the average title length of the whole index.
    run_import(
        [item_row(1), item_row(2, title="Un titolo più lungo degli altri")], tmp_path, "--publish"
    )
    entries = IndexEntry.objects.annotate(length=Length("title")).filter(length__gt=0)
    average = entries.aggregate(average=Avg("length"))["average"]
    imported = ItemPage.objects.filter(identifier__startswith="CSV-")
    new = entries.filter(object_id__in=[str(page.pk) for page in imported])
    assert len(new) == 2
    for entry in new:
        assert entry.title_norm == average / entry.length
