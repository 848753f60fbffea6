"""The manifest of a backup: what it holds, which code made it, and checksums to trust it."""

import hashlib
import json
import subprocess
from importlib import metadata
from pathlib import Path

from django.conf import settings
from django.db.migrations.loader import MigrationLoader
from django.db.migrations.recorder import MigrationRecorder

from .errors import BackupError

MANIFEST_NAME = "manifest.json"
CHECKSUMS_NAME = "SHA256SUMS"
_CHUNK = 1024 * 1024


def sha256(path):
    digest = hashlib.sha256()
    with open(path, "rb") as file:
        while chunk := file.read(_CHUNK):
            digest.update(chunk)
    return digest.hexdigest()


def describe_file(path):
    return {"bytes": Path(path).stat().st_size, "sha256": sha256(path)}


def app_version():
    """The code that made the backup: package version, git commit when there is a checkout."""
    try:
        commit = subprocess.run(
            ["git", "rev-parse", "HEAD"],
            cwd=settings.BASE_DIR,
            capture_output=True,
            text=True,
            timeout=10,
        ).stdout.strip()
    except OSError:  # no git on the server
        commit = ""
    return {
        "version": metadata.version("heritagehub"),
        "git_commit": commit or None,
        "django": metadata.version("django"),
        "wagtail": metadata.version("wagtail"),
    }


def migration_state(connection):
    """The latest applied migration of each app (names sort in the order they were made)."""
    latest = {}
    for app_label, name in MigrationRecorder(connection).applied_migrations():
        latest[app_label] = max(name, latest.get(app_label, name))
    return dict(sorted(latest.items()))


def unknown_migrations(latest_by_app):
    """``app.migration`` names of a backup's state that this code's migrations do not have."""
    graph = MigrationLoader(None, ignore_no_migrations=True).graph
    return [
        f"{app_label}.{name}"
        for app_label, name in latest_by_app.items()
        if (app_label, name) not in graph.nodes
    ]


def write_manifest(backup_dir, manifest):
    backup_dir = Path(backup_dir)
    (backup_dir / MANIFEST_NAME).write_text(json.dumps(manifest, indent=2) + "\n")
    # The same checksums for `sha256sum -c SHA256SUMS`, without Django.
    (backup_dir / CHECKSUMS_NAME).write_text(
        "".join(f"{info['sha256']}  {name}\n" for name, info in manifest["files"].items())
    )


def read_manifest(backup_dir):
    path = Path(backup_dir) / MANIFEST_NAME
    try:
        manifest = json.loads(path.read_text())
    except FileNotFoundError:
        raise BackupError(f"{path} is missing: not a complete backup.") from None
    except (OSError, ValueError) as error:
        raise BackupError(f"{path} cannot be read: {error}") from None
    required = {"format", "app", "database", "migrations", "media", "files"}
    if not isinstance(manifest, dict) or not required <= manifest.keys():
        raise BackupError(f"{path} is not a Heritage Hub backup manifest.")
    return manifest


def check_checksums(backup_dir, manifest):
    """Raise unless every file the manifest lists is there with its size and checksum."""
    for name, expected in manifest["files"].items():
        path = Path(backup_dir) / name
        if not path.is_file():
            raise BackupError(f"{path} is missing from the backup.")
        if path.stat().st_size != expected["bytes"]:
            raise BackupError(
                f"{path} has {path.stat().st_size} bytes, the manifest says "
                f"{expected['bytes']}: the backup is truncated or damaged."
            )
        if sha256(path) != expected["sha256"]:
            raise BackupError(f"{path} does not match its checksum: the backup is damaged.")
