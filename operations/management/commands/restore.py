"""``manage.py restore DIR``: a backup back into the configured database and MEDIA_ROOT."""

from django.core.management.base import BaseCommand, CommandError

from operations.backups import BackupError, restore_backup, verify_backup


class Command(BaseCommand):
    help = (
        "Restore a backup made by `manage.py backup` into the database of DATABASE_URL and "
        "MEDIA_ROOT, then apply newer migrations. Checks every checksum first and changes "
        "nothing when one is wrong; refuses a non-empty database or MEDIA_ROOT without --force."
    )

    def add_arguments(self, parser):
        parser.add_argument("backup", help="The backup directory (heritagehub-<UTC time>).")
        parser.add_argument(
            "--force",
            action="store_true",
            help="Replace the content of a non-empty database and MEDIA_ROOT.",
        )
        parser.add_argument(
            "--no-media",
            action="store_true",
            help="Restore the database only, leaving MEDIA_ROOT as it is.",
        )
        parser.add_argument(
            "--verify-only",
            action="store_true",
            help="Only check the backup's manifest and checksums; change nothing.",
        )

    def handle(self, *args, backup, force, no_media, verify_only, **options):
        try:
            if verify_only:
                manifest = verify_backup(backup)
                self.stdout.write(
                    f"{backup}: intact ({len(manifest['files'])} files checked, made "
                    f"{manifest['created']})."
                )
                return
            restore_backup(
                backup, force=force, include_media=not no_media, report=self.stdout.write
            )
        except BackupError as error:
            raise CommandError(str(error)) from None
        self.stdout.write(f"Restored {backup}.")
