"""Translation columns: title_<lang> and description_<lang> make or update real translations,
in the collection's translation into that language; facts are the same in every language."""

from io import StringIO

import pytest
from django.core.management import call_command
from django.utils import translation

from heritage_collections.models import ItemPage
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
