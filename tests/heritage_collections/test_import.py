"""`manage.py import_items` (docs/import.md, issue 4): what a file creates, updates and leaves
alone."""

from decimal import Decimal

import pytest
from django.core.management.base import CommandError
from django.utils import translation
from wagtail.models import Page, ReferenceIndex, Revision, WorkflowState
from wagtail.search.models import IndexEntry

from heritage_collections.catalogue import CatalogueEntry
from heritage_collections.models import ItemPage, OaiRecord, SearchWord
from heritagehub.rights import RightsStatement
from partners.roles import HUB_EDITORS
from tests.factories import UserFactory, item_row, write_item_csv

from .conftest import run_import

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _english():
    translation.activate("en")


def imported():
    return ItemPage.objects.filter(identifier__startswith="CSV-").order_by("identifier")


def test_a_row_becomes_an_item_with_every_field(tree, space, tmp_path):
    run_import(write_item_csv(tmp_path / "items.csv", [item_row(1)]))
    item = imported().get()
    assert (item.title, item.identifier, item.creator) == (
        "Veduta del Po 1",
        "CSV-001",
        "Mario Gabinio",
    )
    assert (item.date_display, item.date_start, item.date_end) == ("c. 1925", 1920, 1930)
    assert (item.place_name, item.latitude, item.longitude) == (
        "Torino",
        Decimal("45.070300"),
        Decimal("7.686900"),
    )
    assert item.object_type.slug == "photograph"
    assert item.object_type.locale_id == tree.collection.locale_id
    assert item.rights == RightsStatement.PUBLIC_DOMAIN_MARK
    assert item.description == "<p>Una veduta del fiume.</p>"
    assert sorted(tag.name for tag in item.tags.all()) == ["città", "fiume"]
    assert item.get_parent().pk == tree.collection.pk
    assert item.url_path == f"{tree.collection.url_path}{item.slug}/"


@pytest.mark.parametrize("object_type", ["photograph", "Fotografia", "PHOTOGRAPH", "Photographie"])
def test_the_object_type_is_found_by_slug_or_by_name_in_any_language(space, tmp_path, object_type):
    run_import(write_item_csv(tmp_path / "items.csv", [item_row(1, object_type=object_type)]))
    assert imported().get().object_type.slug == "photograph"


@pytest.mark.parametrize(
    "rights",
    [
        "https://creativecommons.org/publicdomain/zero/1.0/",
        "http://creativecommons.org/publicdomain/zero/1.0",
        "creativecommons.org/publicdomain/zero/1.0/",
    ],
)
def test_rights_are_accepted_in_their_https_form_and_stored_as_the_uri(space, tmp_path, rights):
    run_import(write_item_csv(tmp_path / "items.csv", [item_row(1, rights=rights)]))
    assert imported().get().rights == RightsStatement.CC0


def test_a_dry_run_counts_what_it_would_do_and_writes_nothing(tree, space, tmp_path):
    path = write_item_csv(tmp_path / "items.csv", [item_row(1), item_row(2)])
    run_import(path)
    rows = [item_row(1), item_row(2, title="Nuovo titolo"), item_row(3), item_row(4)]
    write_item_csv(path, rows)
    pages, revisions = Page.objects.count(), Revision.objects.count()

    out, _err = run_import(path, "--dry-run")

    assert "Would create 2, update 1, leave 1 unchanged." in out
    assert (Page.objects.count(), Revision.objects.count()) == (pages, revisions)


def test_importing_the_same_file_again_changes_nothing(space, tmp_path):
    path = write_item_csv(tmp_path / "items.csv", [item_row(n) for n in range(1, 4)])
    run_import(path)
    revisions = Revision.objects.count()

    out, _err = run_import(path)

    assert "0 created, 0 updated, 3 unchanged." in out
    assert Revision.objects.count() == revisions


def test_a_changed_row_updates_its_item_with_a_new_revision(space, tmp_path):
    path = write_item_csv(tmp_path / "items.csv", [item_row(1), item_row(2)])
    run_import(path, "--publish")
    item = imported().first()
    revisions = item.revisions.count()
    write_item_csv(path, [item_row(1, title="Il Po in piena", tags="fiume"), item_row(2)])

    out, _err = run_import(path, "--publish", "--verbosity", "2")

    item.refresh_from_db()
    assert item.title == "Il Po in piena"
    assert [tag.name for tag in item.tags.all()] == ["fiume"]
    assert item.revisions.count() == revisions + 1
    assert "row 2, CSV-001: update (title, tags)" in out
    assert "0 created, 1 updated, 1 unchanged." in out


def test_skip_invalid_imports_the_valid_rows(space, tmp_path):
    rows = [item_row(1), item_row(2, date_start="circa"), item_row(3)]
    out, err = run_import(write_item_csv(tmp_path / "items.csv", rows), "--skip-invalid")
    assert [item.identifier for item in imported()] == ["CSV-001", "CSV-003"]
    assert "row 3, column date_start (G)" in err
    assert "Rows with errors skipped: 1." in err


def test_without_publish_new_items_are_drafts_in_the_partners_review(space, tmp_path):
    run_import(write_item_csv(tmp_path / "items.csv", [item_row(1)]))
    item = imported().get()
    state = item.current_workflow_state
    assert not item.live
    assert state.status == WorkflowState.STATUS_IN_PROGRESS
    assert state.workflow == space.workflow
    assert state.current_task_state.task.name == "Hub moderator approval"
    assert state.current_task_state.revision_id == item.latest_revision_id


def test_without_publish_a_changed_live_item_keeps_its_live_version_until_approved(space, tmp_path):
    path = write_item_csv(tmp_path / "items.csv", [item_row(1)])
    run_import(path, "--publish")
    write_item_csv(path, [item_row(1, title="Titolo corretto")])

    run_import(path)

    item = imported().get()
    assert (item.live, item.title, item.has_unpublished_changes) == (True, "Veduta del Po 1", True)
    assert item.get_latest_revision_as_object().title == "Titolo corretto"
    assert item.current_workflow_state.status == WorkflowState.STATUS_IN_PROGRESS


def test_with_publish_new_items_are_live_and_in_the_catalogue(space, tmp_path):
    run_import(write_item_csv(tmp_path / "items.csv", [item_row(1)]), "--publish")
    item = imported().get()
    assert item.live and item.live_revision_id == item.latest_revision_id
    assert item.current_workflow_state is None
    assert CatalogueEntry.objects.filter(translation_key=item.translation_key).count() == 5


def test_a_hub_editor_may_publish_as_themselves(space, tmp_path, roles_hub_editor):
    path = write_item_csv(tmp_path / "items.csv", [item_row(1)])
    run_import(path, "--publish", "--user", roles_hub_editor.username)
    item = imported().get()
    assert item.live
    assert item.get_latest_revision().user == roles_hub_editor


def test_a_partner_editor_may_not_publish(space, tmp_path):
    editor = UserFactory(username="archivio-editor", groups=[space.editors])
    path = write_item_csv(tmp_path / "items.csv", [item_row(1)])
    with pytest.raises(CommandError, match="may not publish"):
        run_import(path, "--publish", "--user", editor.username)
    assert not imported().exists()


def test_a_partner_editor_imports_drafts_for_review(space, tmp_path):
    editor = UserFactory(username="archivio-editor", groups=[space.editors])
    run_import(write_item_csv(tmp_path / "items.csv", [item_row(1)]), "--user", editor.username)
    item = imported().get()
    assert item.current_workflow_state.requested_by == editor
    assert item.owner == editor


def test_an_item_of_the_partner_in_another_collection_is_updated_where_it_is(tree, space, tmp_path):
    stored = tree.items[1]
    row = item_row(1, identifier=stored.identifier, title="Titolo nuovo")
    run_import(write_item_csv(tmp_path / "items.csv", [row]), "--publish")
    stored.refresh_from_db()
    assert stored.title == "Titolo nuovo"
    assert ItemPage.objects.filter(identifier=stored.identifier).count() == 1


def test_a_file_that_fails_half_way_leaves_nothing_behind(space, tmp_path, monkeypatch):
    from heritage_collections.importing import bulk, service

    monkeypatch.setattr(service, "BATCH_SIZE", 2)
    calls = []
    index_for_search = bulk.index_for_search

    def fail_on_the_second_batch(pages):
        calls.append(pages)
        if len(calls) == 2:
            raise RuntimeError("the disk is full")
        index_for_search(pages)

    monkeypatch.setattr(bulk, "index_for_search", fail_on_the_second_batch)
    pages, revisions = Page.objects.count(), Revision.objects.count()
    with pytest.raises(RuntimeError):
        run_import(write_item_csv(tmp_path / "items.csv", [item_row(n) for n in range(1, 5)]))
    assert (Page.objects.count(), Revision.objects.count()) == (pages, revisions)
    assert Page.find_problems() == ([], [], [], [], [])


@pytest.fixture
def roles_hub_editor(db):
    from django.contrib.auth.models import Group

    return UserFactory(username="hub-editor", groups=[Group.objects.get(name=HUB_EDITORS)])


@pytest.fixture
def moderator(db):
    from django.contrib.auth.models import Group

    from partners.roles import MODERATORS

    return UserFactory(username="moderator", groups=[Group.objects.get(name=MODERATORS)])


def test_the_moderators_get_one_email_for_a_whole_import(
    space, moderator, tmp_path, mailoutbox, django_capture_on_commit_callbacks
):
    path = write_item_csv(tmp_path / "items.csv", [item_row(n) for n in range(1, 4)])
    with django_capture_on_commit_callbacks(execute=True):
        run_import(path)
    [message] = mailoutbox
    assert message.to == [moderator.email]
    assert "Archivio Nazionale: 3 imported pages wait for your review" in message.subject


def test_a_published_import_sends_no_review_email(
    space, moderator, tmp_path, mailoutbox, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        run_import(write_item_csv(tmp_path / "items.csv", [item_row(1)]), "--publish")
    assert mailoutbox == []


def test_a_large_import_updates_the_planner_statistics(tree, space, tmp_path, monkeypatch):
    from heritage_collections.importing import service

    analyzed = []
    monkeypatch.setattr(service, "ANALYZE_AFTER", 2)
    monkeypatch.setattr(service, "update_statistics", analyzed.append)
    run_import(write_item_csv(tmp_path / "one.csv", [item_row(1)]))
    assert analyzed == []
    run_import(write_item_csv(tmp_path / "two.csv", [item_row(2), item_row(3)]))
    # The search index too: unanalyzed on PostgreSQL, a search took 201 s instead of 0.8 s;
    # the words of "did you mean", read whole without statistics (94 ms a search); the
    # references that find an item's stories.
    assert {ItemPage, CatalogueEntry, IndexEntry, SearchWord, ReferenceIndex} <= set(analyzed[0])


def test_a_large_published_import_builds_the_catalogue_indexes_after_it(
    tree, space, tmp_path, monkeypatch
):
    from heritage_collections import catalogue

    built_after = []
    real = catalogue.indexes_built_after

    def spy(model):
        built_after.append(model)
        return real(model)

    monkeypatch.setattr(catalogue, "ANALYZE_AFTER", 2)
    monkeypatch.setattr(catalogue, "indexes_built_after", spy)
    run_import(write_item_csv(tmp_path / "draft.csv", [item_row(1), item_row(2)]))
    assert built_after == []  # no entries without publishing
    run_import(write_item_csv(tmp_path / "items.csv", [item_row(3), item_row(4)]), "--publish")
    assert built_after == [CatalogueEntry, OaiRecord]
    entries = CatalogueEntry.objects.filter(page__identifier__startswith="CSV-")
    assert entries.count() == 2 * len(catalogue.settings.WAGTAIL_CONTENT_LANGUAGES)
