"""``manage.py backup``: the database, the media and a manifest in one timestamped directory."""

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from operations.backups import BackupError, create_backup, prune_backups


class Command(BaseCommand):
    help = (
        "Back up the database (pg_dump or SQLite's online backup) and MEDIA_ROOT into "
        "BACKUP_ROOT/heritagehub-<UTC time>/ with a manifest of checksums. Safe while the "
        "site runs. Prints the backup's path."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--output-dir",
            default=settings.BACKUP_ROOT,
            help="Where backups are written (default: BACKUP_ROOT, now %(default)s).",
        )
        parser.add_argument(
            "--keep",
            type=int,
            metavar="N",
            help="Afterwards delete all but the newest N backups in the output directory.",
        )
        parser.add_argument(
            "--no-media",
            action="store_true",
            help="Leave MEDIA_ROOT out (when the media are backed up some other way).",
        )

    def handle(self, *args, output_dir, keep, no_media, **options):
        if keep is not None and keep < 1:
            raise CommandError("--keep must be at least 1: the backup just made is kept.")
        try:
            path = create_backup(output_dir, include_media=not no_media)
        except BackupError as error:
            raise CommandError(str(error)) from None
        if keep is not None:
            for removed in prune_backups(output_dir, keep):
                self.stderr.write(f"Removed the old backup {removed}")
        self.stdout.write(str(path))
