"""Backups of the hub — database, media and a manifest — and restoring them.

A backup is one directory, ``<BACKUP_ROOT>/heritagehub-<UTC timestamp>/``, holding:

- ``database.pgdump`` (PostgreSQL: ``pg_dump --format=custom``) or ``database.sqlite3``
  (SQLite: the online backup API, consistent while the site writes);
- ``media.tar``: every file under MEDIA_ROOT, when media live on the local file system
  (object storage keeps its own versions and is left out, as the manifest says);
- ``manifest.json``: when, which code (version, git commit), the migration state, counts,
  sizes and SHA-256 checksums; ``SHA256SUMS`` has the same checksums for ``sha256sum -c``.

The directory is written as ``….partial`` and renamed when complete, so a directory without
that suffix is a whole backup. The database is dumped before the media: a file uploaded in
between is an orphan in the archive, never a row whose file is missing.

Restoring checks every checksum before it touches anything, refuses a non-empty database
or media folder unless forced, restores the database in one transaction, then the media,
then applies the migrations the backup's code did not have and empties the cache (which
describes the database replaced). See docs/deployment.md.
"""

import shutil
import tempfile
from datetime import UTC, datetime
from pathlib import Path

from django.core.cache import cache
from django.core.management import call_command
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

from . import database, media
from .errors import BackupError
from .manifest import (
    MANIFEST_NAME,
    app_version,
    check_checksums,
    describe_file,
    migration_state,
    read_manifest,
    unknown_migrations,
    write_manifest,
)

__all__ = ["BackupError", "create_backup", "prune_backups", "restore_backup", "verify_backup"]

NAME_PREFIX = "heritagehub-"
_CACHE_PROBE_KEY = "heritagehub:restore-probe"


def create_backup(backup_root, include_media=True, now=None):
    """Write a complete backup into a new directory of ``backup_root`` and return its path."""
    now = now or datetime.now(UTC)
    backup_root = Path(backup_root)
    backup_root.mkdir(parents=True, exist_ok=True)
    target = backup_root / f"{NAME_PREFIX}{now:%Y%m%dT%H%M%SZ}"
    if target.exists():
        raise BackupError(f"{target} already exists: wait a second and run the backup again.")
    partial = target.with_name(target.name + ".partial")
    # Backups hold password hashes and unpublished drafts: readable by their owner only.
    partial.mkdir(mode=0o700)
    try:
        database_file, database_info = database.dump(connection, partial)
        files = [database_file]
        media_info = media.describe_storage()
        if include_media and media_info["included"]:
            media_file, counts = media.archive(media_info["root"], partial)
            files.append(media_file)
            media_info.update(counts)
        elif media_info["included"]:
            media_info = {"included": False, "reason": "left out on request (--no-media)"}
        media_info.pop("root", None)
        write_manifest(
            partial,
            {
                "format": 1,
                "created": now.isoformat(timespec="seconds").replace("+00:00", "Z"),
                "app": app_version(),
                "database": database_info,
                "migrations": migration_state(connection),
                "media": media_info,
                "files": {path.name: describe_file(path) for path in files},
            },
        )
        partial.rename(target)
    except BaseException:
        shutil.rmtree(partial, ignore_errors=True)
        raise
    return target


def prune_backups(backup_root, keep):
    """Delete all but the newest ``keep`` complete backups of ``backup_root``; return them."""
    complete = sorted(
        path
        for path in Path(backup_root).glob(f"{NAME_PREFIX}*")
        if path.is_dir() and not path.name.endswith(".partial") and (path / MANIFEST_NAME).exists()
    )
    removed = complete[:-keep] if keep > 0 else complete
    for path in removed:
        shutil.rmtree(path)
    return removed


def verify_backup(backup_dir):
    """The manifest of ``backup_dir`` once every file's size and checksum are right."""
    backup_dir = Path(backup_dir)
    if not backup_dir.is_dir():
        raise BackupError(f"{backup_dir}: no such backup directory.")
    manifest = read_manifest(backup_dir)
    check_checksums(backup_dir, manifest)
    return manifest


def restore_backup(backup_dir, force=False, include_media=True, report=print):
    """Restore ``backup_dir`` into the configured database and MEDIA_ROOT, then migrate.

    Nothing is changed unless the archive is intact, made by code this code knows, and the
    targets are empty (or ``force``). Returns the migrations applied after the restore.
    """
    backup_dir = Path(backup_dir)
    manifest = verify_backup(backup_dir)
    report(f"Checksums verified: {', '.join(sorted(manifest['files']))}.")
    database.check_compatible(connection, manifest["database"])
    newer = unknown_migrations(manifest["migrations"])
    if newer:
        raise BackupError(
            f"{backup_dir}: the backup was made by newer code (migrations this code lacks: "
            f"{', '.join(newer)}). Deploy that code (git commit "
            f"{manifest['app'].get('git_commit') or 'unknown'}) and restore again."
        )
    database.check_empty(connection, force)
    media_info = manifest["media"]
    if not include_media and media_info["included"]:
        media_info = {"included": False, "reason": "left out on request (--no-media)"}
    media_root = media.describe_storage().get("root") if media_info["included"] else None
    if media_info["included"]:
        if media_root is None:
            raise BackupError(
                f"{backup_dir}: the backup holds media files but media are on object storage "
                "here: copy them into the bucket yourself and restore with --no-media "
                "(docs/deployment.md)."
            )
        media.check_empty(media_root, force)

    # Unpack first (nothing is replaced yet): a failure here leaves everything as it was.
    with tempfile.TemporaryDirectory(
        prefix=media.STAGING_PREFIX, dir=_staging(media_root)
    ) as staging:
        if media_root is not None:
            media.unpack(backup_dir / media_info["file"], Path(staging))
        database.load(connection, backup_dir / manifest["database"]["file"], force)
        report(f"Database restored from {manifest['database']['file']}.")
        if media_root is not None:
            media.replace(media_root, Path(staging))
            count = media_info["files"]
            report(f"Media restored into {media_root} ({count} file{'' if count == 1 else 's'}).")
        else:
            report(f"Media not restored: {media_info['reason']}.")

    connection.close()  # the schema changed under the connection
    applied = _migrate(report)
    _empty_cache(report)
    return applied


def _staging(media_root):
    """Unpack inside MEDIA_ROOT (same file system: the final renames are atomic)."""
    if media_root is None:
        return None
    Path(media_root).mkdir(parents=True, exist_ok=True)
    return media_root


def _migrate(report):
    executor = MigrationExecutor(connection)
    plan = executor.migration_plan(executor.loader.graph.leaf_nodes())
    if not plan:
        report("The database is at this code's migrations: nothing to migrate.")
        return []
    names = [f"{migration.app_label}.{migration.name}" for migration, _ in plan]
    report(f"This code is newer than the backup: applying {len(names)} migration(s).")
    call_command("migrate", interactive=False, verbosity=0)
    return names


def _empty_cache(report):
    """Cached pages, menus, renditions and site roots describe the database just replaced.

    Production's Redis cache ignores its errors, so a probe tells whether it answered.
    """
    try:
        cache.clear()
        cache.set(_CACHE_PROBE_KEY, True, 10)
        answered = cache.get(_CACHE_PROBE_KEY)
    except Exception:  # noqa: BLE001 - whatever the backend raises, say so and go on
        answered = False
    if answered:
        report("Cache emptied.")
    else:
        report(
            "WARNING: the cache did not answer. Empty it before the site serves "
            "(e.g. redis-cli -n <db> FLUSHDB), or it may show pages of the replaced database."
        )
