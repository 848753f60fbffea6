"""The media files (MEDIA_ROOT) of a backup: one tar archive, unpacked safely on restore."""

import shutil
import tarfile
from pathlib import Path

from django.core.files.storage import FileSystemStorage, storages

from .errors import BackupError

ARCHIVE_NAME = "media.tar"
# Restores unpack into a hidden folder of MEDIA_ROOT first; backups never include one.
STAGING_PREFIX = ".restore-"


def describe_storage():
    """Whether media belong in the backup: files on this machine do, object storage not."""
    storage = storages["default"]
    if isinstance(storage, FileSystemStorage):
        return {"included": True, "storage": "filesystem", "root": Path(storage.location)}
    backend = f"{type(storage).__module__}.{type(storage).__qualname__}"
    return {
        "included": False,
        "storage": backend,
        "reason": f"media are on {backend}: use the bucket's versioning and replication",
    }


def archive(media_root, backup_dir):
    """Pack every file under ``media_root`` into ``media.tar``; return it and its counts.

    Images are already compressed: the archive is not, which keeps it fast to write and read.
    """
    media_root = Path(media_root)
    path = Path(backup_dir) / ARCHIVE_NAME
    files = size = 0
    with tarfile.open(path, "w", format=tarfile.PAX_FORMAT) as tar:
        for file in sorted(_files(media_root)):
            tar.add(file, arcname=str(file.relative_to(media_root)), recursive=False)
            files += 1
            size += file.stat().st_size
    return path, {"file": ARCHIVE_NAME, "files": files, "file_bytes": size}


def check_empty(media_root, force):
    media_root = Path(media_root)
    if not force and media_root.is_dir() and any(_files(media_root)):
        raise BackupError(
            f"MEDIA_ROOT {media_root} is not empty: restore into an empty folder, or use "
            "--force to replace its files."
        )


def unpack(archive_path, staging):
    """Unpack into ``staging``; members escaping it, links and devices are refused."""
    try:
        with tarfile.open(archive_path) as tar:
            tar.extractall(staging, filter="data")
    except (tarfile.TarError, OSError) as error:
        raise BackupError(f"{archive_path} could not be unpacked: {error}") from None


def replace(media_root, staging):
    """Put the unpacked files in place of MEDIA_ROOT's, one rename per top-level entry."""
    for entry in Path(media_root).iterdir():
        if entry != staging:
            if entry.is_dir() and not entry.is_symlink():
                shutil.rmtree(entry)
            else:
                entry.unlink()
    for entry in Path(staging).iterdir():
        entry.rename(Path(media_root) / entry.name)


def _files(media_root):
    for path in Path(media_root).rglob("*"):
        relative = path.relative_to(media_root)
        if relative.parts[0].startswith(STAGING_PREFIX):
            continue
        if path.is_file():
            yield path
