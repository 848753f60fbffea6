"""Wagtail's background work through django-tasks' database queue, as production runs it
(TASKS_BACKEND=database, heritagehub.settings.production): saved in the request, run by
``manage.py db_worker``. Tests and development run it inline."""

import pytest
from django.core.management import call_command
from django_tasks_db.models import DBTaskResult
from wagtail.models import ReferenceIndex

from tests.factories import StoryPageFactory, item_card_body

pytestmark = pytest.mark.django_db

REFERENCE_INDEX_TASK = "wagtail.tasks.update_reference_index_task"


@pytest.fixture
def database_queue(settings):
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}


@pytest.fixture
def run_worker(monkeypatch):
    """``db_worker --batch``: every queued task, then exit. Inside the test's transaction the
    worker must keep its connection: between tasks it closes any not in autocommit mode."""
    monkeypatch.setattr(
        "django_tasks_db.management.commands.db_worker.close_old_connections", lambda: None
    )
    return lambda: call_command(
        "db_worker", "--batch", "--no-startup-delay", "--no-reload", "--interval", "0"
    )


def story_about(tree):
    return StoryPageFactory(parent=tree.story_index, body=item_card_body(tree.items[0]))


def test_saving_a_page_queues_its_reference_index_update(tree, database_queue):
    story = story_about(tree)
    queued = DBTaskResult.objects.filter(task_path=REFERENCE_INDEX_TASK, status="READY")
    assert [str(story.pk)] in [result.args_kwargs["args"][2:] for result in queued]
    assert not ReferenceIndex.get_references_to(tree.items[0]).filter(object_id=str(story.pk))


def test_the_worker_runs_what_was_queued(tree, database_queue, run_worker):
    story = story_about(tree)
    run_worker()
    assert not DBTaskResult.objects.exclude(status="SUCCESSFUL").exists()
    assert ReferenceIndex.get_references_to(tree.items[0]).filter(object_id=str(story.pk))


def test_without_the_database_queue_work_runs_at_once(tree):
    story = story_about(tree)
    assert not DBTaskResult.objects.exists()
    assert ReferenceIndex.get_references_to(tree.items[0]).filter(object_id=str(story.pk))
