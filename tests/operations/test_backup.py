"""`manage.py backup` and `manage.py restore` (operations.backups) on the test's database system.

A hub with pages, an image with its file and a rendition is committed to the test database,
backed up, and restored by `manage.py restore` in a subprocess — as an admin runs it, with
DATABASE_URL and MEDIA_ROOT naming a fresh database (SQLite: a temporary file; PostgreSQL: a
database created and dropped here) — and the restored copy is compared with the original.

The content has to be committed (pg_dump and SQLite's backup API read other connections), so
the module writes outside pytest-django's per-test transaction and puts the test database
back as the migrations left it afterwards (flush, then Django's serialized snapshot).
"""

import contextlib
import json
import os
import shutil
import sqlite3
import subprocess
import sys
import uuid
from io import StringIO
from pathlib import Path

import psycopg
import pytest
from django.apps import apps
from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.contenttypes.models import ContentType
from django.core.management import call_command
from django.db import connection
from django.db.migrations.recorder import MigrationRecorder
from django.test import override_settings
from wagtail.models import Locale, Page, Revision

from heritage_collections.models import ItemImage, ItemPage
from heritagehub.models import HeritageImage
from operations.backups import prune_backups
from operations.backups.manifest import sha256
from stories.models import StoryPage
from tests.factories import (
    CollectionIndexPageFactory,
    CollectionPageFactory,
    ItemPageFactory,
    PartnerIndexPageFactory,
    PartnerPageFactory,
    StoryIndexPageFactory,
    StoryPageFactory,
    UserFactory,
    add_item_image,
    item_card_body,
)

# Every test may read the test database (pytest-django sets it up only for such tests).
pytestmark = pytest.mark.django_db

KEY_MODELS = [
    Page,
    Revision,
    Locale,
    ItemPage,
    ItemImage,
    StoryPage,
    HeritageImage,
    get_user_model(),
]
STORY_SQL = (
    "SELECT p.title, p.url_path, p.live, s.body FROM wagtailcore_page p "
    f"JOIN {StoryPage._meta.db_table} s ON s.page_ptr_id = p.id WHERE p.id = %s"
)


@contextlib.contextmanager
def fresh_database(tmp_path):
    """The URL of an empty database of the test's system, dropped afterwards."""
    if connection.vendor == "sqlite":
        tmp_path.mkdir(parents=True, exist_ok=True)
        yield f"sqlite:///{tmp_path / 'restored.sqlite3'}"
        return
    params = connection.settings_dict
    name = f"hh_deploy_restore_{uuid.uuid4().hex[:8]}"
    server = dict(
        host=params["HOST"] or None,
        port=params["PORT"] or None,
        user=params["USER"] or None,
        password=params["PASSWORD"] or None,
        dbname="postgres",
        autocommit=True,
    )
    with psycopg.connect(**server) as admin:
        admin.execute(f'CREATE DATABASE "{name}"')
    try:
        credentials = params["USER"] + (f":{params['PASSWORD']}" if params["PASSWORD"] else "")
        yield f"postgres://{credentials}@{params['HOST']}:{params['PORT'] or 5432}/{name}"
    finally:
        with psycopg.connect(**server) as admin:
            admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def query(database_url, sql, params=()):
    """Rows of ``sql`` in the database of ``database_url`` (not Django's connection)."""
    if database_url.startswith("sqlite:///"):
        path = database_url.removeprefix("sqlite:///")
        with contextlib.closing(sqlite3.connect(path)) as db, db:  # the inner `db` commits
            return db.execute(sql.replace("%s", "?"), params).fetchall()
    with psycopg.connect(database_url) as db:
        cursor = db.execute(sql, params)
        return cursor.fetchall() if cursor.description else []


def story_content(row):
    """(title, url_path, live, body) alike from both systems (PostgreSQL parses the JSON)."""
    title, url_path, live, body = row
    return title, url_path, bool(live), json.loads(body) if isinstance(body, str) else body


def index_names(database_url):
    if database_url.startswith("sqlite:///"):
        sql = "SELECT name FROM sqlite_master WHERE type = 'index'"
    else:
        sql = "SELECT indexname FROM pg_indexes"
    return {row[0] for row in query(database_url, sql)}


def table_names(database_url):
    if database_url.startswith("sqlite:///"):
        return {row[0] for row in query(database_url, "SELECT name FROM sqlite_master")}
    sql = "SELECT tablename FROM pg_tables WHERE schemaname = 'public'"
    return {row[0] for row in query(database_url, sql)}


def manage(*args, database_url, media_root):
    """`python manage.py …` as an admin runs it, against the given database and media."""
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "heritagehub.settings.test",
        "DATABASE_URL": database_url,
        "MEDIA_ROOT": str(media_root),
    }
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=settings.BASE_DIR,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )


def backup(output_dir):
    stdout = StringIO()
    call_command("backup", output_dir=str(output_dir), stdout=stdout)
    return Path(stdout.getvalue().strip())


@pytest.fixture(scope="module")
def committed_hub(django_db_setup, django_db_blocker, tmp_path_factory):
    """A small hub committed to the test database, its files in a MEDIA_ROOT of its own
    (not the session's, which holds other tests' uploads); afterwards the database is put
    back."""
    media_root = tmp_path_factory.mktemp("media")
    with django_db_blocker.unblock(), override_settings(MEDIA_ROOT=media_root):
        snapshot = connection.creation.serialize_db_to_string()
        try:
            home = Page.objects.get(depth=2, locale__language_code="it").specific
            partner = PartnerPageFactory(parent=PartnerIndexPageFactory(parent=home))
            CollectionIndexPageFactory(parent=home)
            collection = CollectionPageFactory(parent=partner)
            item = ItemPageFactory(parent=collection, title="Veduta del porto")
            image = add_item_image(item).image
            image.get_rendition("width-20")
            story = StoryPageFactory(
                parent=StoryIndexPageFactory(parent=home),
                title="Il porto e la città",
                body=item_card_body(item, note="Guardate le barche"),
            )
            UserFactory()
            with connection.cursor() as cursor:
                cursor.execute(STORY_SQL, [story.pk])
                story_row = cursor.fetchone()
            yield {
                "story_content": story_content(story_row),
                "counts": {model: model.objects.count() for model in KEY_MODELS},
                "story": story,
                "image": image,
                "media_root": media_root,
                "migrations": {
                    (app, name) for app, name in MigrationRecorder(connection).applied_migrations()
                },
            }
        finally:
            # Deserializing saves rows whose signal handlers look content types up: from the
            # cache, not from the emptied table (which would get new, conflicting rows).
            ContentType.objects.get_for_models(*apps.get_models(), for_concrete_models=False)
            # As TransactionTestCase does: sequences keep counting (deserialized rows keep ids).
            call_command(
                "flush",
                interactive=False,
                verbosity=0,
                inhibit_post_migrate=True,
                reset_sequences=False,
            )
            connection.creation.deserialize_db_from_string(snapshot)


@pytest.fixture(scope="module")
def backup_dir(committed_hub, django_db_blocker, tmp_path_factory):
    with django_db_blocker.unblock():
        return backup(tmp_path_factory.mktemp("backups"))


@pytest.fixture(scope="module")
def restored(backup_dir, tmp_path_factory):
    """The backup restored into a fresh database and MEDIA_ROOT: (database URL, media root)."""
    tmp_path = tmp_path_factory.mktemp("restored")
    media_root = tmp_path / "media"
    with fresh_database(tmp_path) as database_url:
        result = manage(
            "restore", str(backup_dir), database_url=database_url, media_root=media_root
        )
        assert result.returncode == 0, result.stderr
        yield database_url, media_root


@pytest.fixture
def target(tmp_path):
    """A fresh database and an empty MEDIA_ROOT for one test: (database URL, media root)."""
    with fresh_database(tmp_path) as database_url:
        yield database_url, tmp_path / "media"


def test_restore_brings_back_the_rows_of_every_key_table(committed_hub, restored):
    database_url, _ = restored
    for model, count in committed_hub["counts"].items():
        rows = query(database_url, f"SELECT COUNT(*) FROM {model._meta.db_table}")
        assert rows == [(count,)], model._meta.db_table


def test_restore_brings_back_a_page_content(committed_hub, restored):
    database_url, _ = restored
    story = committed_hub["story"]
    [row] = query(database_url, STORY_SQL, (story.pk,))
    assert story_content(row) == committed_hub["story_content"]
    assert story_content(row)[3][1]["value"]["note"] == "Guardate le barche"


def test_restore_brings_back_the_image_files_byte_for_byte(committed_hub, restored):
    _, media_root = restored
    image = committed_hub["image"]
    rendition = image.renditions.get()
    for name in (image.file.name, rendition.file.name):
        original = committed_hub["media_root"] / name
        assert (media_root / name).read_bytes() == original.read_bytes()


def test_manifest_records_the_migrations_and_the_checksums(committed_hub, backup_dir):
    manifest = json.loads((backup_dir / "manifest.json").read_text())
    latest = {
        app: max(name for label, name in committed_hub["migrations"] if label == app)
        for app, _ in committed_hub["migrations"]
    }
    assert manifest["migrations"] == latest
    assert manifest["media"]["files"] == 2  # the original image and its rendition
    for name, info in manifest["files"].items():
        assert info["sha256"] == sha256(backup_dir / name)


def test_a_damaged_backup_is_refused_before_anything_changes(backup_dir, target, tmp_path):
    database_url, media_root = target
    damaged = tmp_path / "damaged"
    shutil.copytree(backup_dir, damaged)
    manifest = json.loads((damaged / "manifest.json").read_text())
    dump = damaged / manifest["database"]["file"]
    data = bytearray(dump.read_bytes())
    data[len(data) // 2] ^= 0xFF
    dump.write_bytes(data)

    result = manage("restore", str(damaged), database_url=database_url, media_root=media_root)

    assert result.returncode == 1
    assert f"{dump} does not match its checksum" in result.stderr
    assert "Traceback" not in result.stderr
    assert not table_names(database_url) - {"sqlite_sequence"}
    assert not media_root.exists()


def test_a_non_empty_database_is_refused_without_force(backup_dir, target):
    database_url, media_root = target
    query(database_url, "CREATE TABLE notes (text VARCHAR(20))")
    query(database_url, "INSERT INTO notes VALUES ('keep me')")

    result = manage("restore", str(backup_dir), database_url=database_url, media_root=media_root)

    assert result.returncode == 1
    assert "is not empty (1 table: notes)" in result.stderr
    assert "--force" in result.stderr
    assert query(database_url, "SELECT text FROM notes") == [("keep me",)]
    assert "wagtailcore_page" not in table_names(database_url)


def test_force_replaces_a_non_empty_database(committed_hub, backup_dir, target):
    database_url, media_root = target
    query(database_url, "CREATE TABLE notes (text VARCHAR(20))")

    result = manage(
        "restore", str(backup_dir), "--force", database_url=database_url, media_root=media_root
    )

    assert result.returncode == 0, result.stderr
    assert "notes" not in table_names(database_url)
    story = committed_hub["story"]
    sql = "SELECT title FROM wagtailcore_page WHERE id = %s"
    assert query(database_url, sql, (story.pk,)) == [(story.title,)]


def test_a_backup_of_newer_code_is_refused(backup_dir, target, tmp_path):
    database_url, media_root = target
    newer = tmp_path / "newer"
    shutil.copytree(backup_dir, newer)
    manifest = json.loads((newer / "manifest.json").read_text())
    manifest["migrations"]["heritagehub"] = "9999_from_the_future"
    (newer / "manifest.json").write_text(json.dumps(manifest))

    result = manage("restore", str(newer), database_url=database_url, media_root=media_root)

    assert result.returncode == 1
    assert "newer code" in result.stderr
    assert "heritagehub.9999_from_the_future" in result.stderr
    assert not table_names(database_url) - {"sqlite_sequence"}


def test_restore_applies_the_migrations_the_backup_lacks(backup_dir, tmp_path):
    # A backup of older code: the hub restored elsewhere, without heritagehub's last two
    # migrations (the page index, 0003; the images' reproduction note, 0004), and backed up
    # again.
    older_media = tmp_path / "older-media"
    with fresh_database(tmp_path / "older") as older:
        manage("restore", str(backup_dir), database_url=older, media_root=older_media)
        query(
            older,
            "DELETE FROM django_migrations WHERE app = 'heritagehub' AND name IN "
            "('0003_page_depth_path_index', '0004_image_reproduction_note')",
        )
        query(older, "DROP INDEX heritagehub_page_depth_path")
        query(older, "ALTER TABLE heritagehub_heritageimage DROP COLUMN reproduction_note")
        made = manage(
            "backup", f"--output-dir={tmp_path}", database_url=older, media_root=older_media
        )
        assert made.returncode == 0, made.stderr
        older_backup = made.stdout.strip()

    with fresh_database(tmp_path / "new") as database_url:
        result = manage(
            "restore", older_backup, database_url=database_url, media_root=tmp_path / "media"
        )

        assert result.returncode == 0, result.stderr
        assert "This code is newer than the backup: applying 2 migration(s)." in result.stdout
        applied = "SELECT name FROM django_migrations WHERE app = 'heritagehub'"
        assert ("0003_page_depth_path_index",) in query(database_url, applied)
        assert "heritagehub_page_depth_path" in index_names(database_url)


def test_keep_leaves_the_newest_complete_backups(tmp_path):
    names = [f"heritagehub-2026120{day}T020000Z" for day in range(1, 5)]
    for name in names:
        (tmp_path / name).mkdir()
        (tmp_path / name / "manifest.json").write_text("{}")
    (tmp_path / "heritagehub-20261206T020000Z.partial").mkdir()  # a backup being written
    (tmp_path / "notes").mkdir()

    removed = prune_backups(tmp_path, keep=2)

    assert [path.name for path in removed] == names[:2]
    assert sorted(path.name for path in tmp_path.iterdir()) == [
        *names[2:],
        "heritagehub-20261206T020000Z.partial",
        "notes",
    ]


def test_a_missing_backup_directory_is_named(tmp_path):
    with pytest.raises(Exception, match=f"{tmp_path / 'nope'}: no such backup directory"):
        call_command("restore", str(tmp_path / "nope"), verify_only=True)
