"""`manage.py import_items FILE.csv --partner SLUG --collection SLUG [--media-dir DIR]
[--dry-run] [--publish] [--skip-invalid] [--user USERNAME] [--map FILE [--create-terms]]
[--columns FILE]`

Imports an Item CSV into a partner's collection; the columns are in docs/import.md. Every error
is printed with its row and column; nothing is written when the file has errors, unless
--skip-invalid. Without --publish the items are drafts in the partner's review workflow.
The command line is a hub operator's: --publish needs no user, but with --user the import
is made as that user (revisions, review requests) and only with that user's rights.
--map saves a crosswalk (CSV: column,value,term) for the partner before importing; the
values of vocabulary columns the hub does not know are listed with their counts.
--columns saves the partner's column names (CSV: partner_column,column; "-" for a column
not to import), applied to this and every later import.
"""

import csv
from io import StringIO
from pathlib import Path

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from heritage_collections.importing import ItemImport, TargetError, resolve
from heritage_collections.importing.columns import header
from heritage_collections.importing.crosswalk import (
    CrosswalkError,
    load_column_file,
    load_map_file,
)
from heritage_collections.importing.media import media_source


class Command(BaseCommand):
    help = (
        "Import items from an Item CSV into a partner's collection: created, updated with a "
        "new revision, or left unchanged. All or nothing unless --skip-invalid."
    )

    def add_arguments(self, parser):
        parser.add_argument("file", help="The Item CSV (UTF-8, comma-separated, with a header).")
        parser.add_argument("--partner", required=True, help="The partner's slug, e.g. tate.")
        parser.add_argument(
            "--collection", required=True, help="The slug of the partner's collection."
        )
        parser.add_argument("--media-dir", help="The folder the 'image' column's files are in.")
        parser.add_argument(
            "--dry-run", action="store_true", help="Report what would change; change nothing."
        )
        parser.add_argument(
            "--publish",
            action="store_true",
            help="Publish the items at once (hub editors) instead of sending them to review.",
        )
        parser.add_argument(
            "--skip-invalid",
            action="store_true",
            help="Import the valid rows and skip the rows with errors.",
        )
        parser.add_argument(
            "--rejected",
            metavar="FILE",
            help="Write the rows with errors to FILE, with their row, column and reason, to fix "
            "and import again (with --skip-invalid: FILE.rejected.csv next to the file unless "
            "given).",
        )
        parser.add_argument(
            "--user", help="Import as this user: their name on the revisions, their rights."
        )
        parser.add_argument(
            "--map",
            metavar="FILE",
            help="A crosswalk CSV (column,value,term) saved for the partner and applied to "
            "this and every later import.",
        )
        parser.add_argument(
            "--columns",
            metavar="FILE",
            help="The partner's column names (CSV: partner_column,column; '-' for a column not "
            "to import), saved for the partner and applied to this and every later import.",
        )
        parser.add_argument(
            "--create-terms",
            action="store_true",
            help="With --map: create the object types the hub does not have yet (hub editors).",
        )

    def handle(self, *args, **options):
        try:
            target = resolve(options["partner"], options["collection"])
        except TargetError as error:
            raise CommandError(str(error)) from error
        user = self._user(options["user"], target, options["publish"])
        try:
            media = media_source(options["media_dir"])
        except FileNotFoundError as error:
            raise CommandError(
                _("The media folder %(path)s does not exist.") % {"path": options["media_dir"]}
            ) from error
        if options["columns"]:
            self._load_columns(options, target)
        if options["map"]:
            self._load_map(options, target, user)
        elif options["create_terms"]:
            raise CommandError(_("--create-terms creates the terms of a --map file: give one."))
        verbosity = options["verbosity"]
        rejected = options["rejected"] or (
            rejected_path(options["file"]) if options["skip_invalid"] else None
        )
        item_import = ItemImport(
            options["file"],
            target,
            media=media,
            publish=options["publish"],
            skip_invalid=options["skip_invalid"],
            user=user,
            on_error=lambda error: self.stderr.write(str(error)),
            on_change=self._change_printer() if verbosity >= 2 else None,
            progress=self.stderr._out if verbosity >= 1 else None,
            rejected=rejected,
        )
        try:
            report = item_import.run(dry_run=options["dry_run"])
        except FileNotFoundError as error:
            raise CommandError(
                _("The file %(path)s does not exist.") % {"path": options["file"]}
            ) from error
        self._rejected(report, rejected)
        self._summary(report, target, options)

    def _rejected(self, report, path):
        if not path:
            return
        if not report.rejected_rows:
            Path(path).unlink(missing_ok=True)
            return
        self.stderr.write(
            _("Rows with errors written to %(path)s (%(count)s): fix them and import that file.")
            % {"path": path, "count": report.rejected_rows}
        )

    def _load_columns(self, options, target):
        try:
            count = load_column_file(options["columns"], target.space, set(header(target.language)))
        except CrosswalkError as error:
            raise CommandError(f"{options['columns']}: {error}") from error
        self.stdout.write(
            _("Columns of %(partner)s: %(count)s names mapped.")
            % {"partner": target.partner.title, "count": count}
        )

    def _load_map(self, options, target, user):
        if (
            options["create_terms"]
            and user
            and not user.has_perm("heritage_collections.add_objecttype")
        ):
            raise CommandError(
                _("%(user)s may not create object types: only hub editors may.")
                % {"user": options["user"]}
            )
        try:
            count = load_map_file(options["map"], target.space, create=options["create_terms"])
        except CrosswalkError as error:
            raise CommandError(f"{options['map']}: {error}") from error
        self.stdout.write(
            _("Crosswalk of %(partner)s: %(count)s values mapped.")
            % {"partner": target.partner.title, "count": count}
        )

    def _user(self, username, target, publish):
        if not username:
            return None
        user = (
            get_user_model().objects.filter(**{get_user_model().USERNAME_FIELD: username}).first()
        )
        if user is None:
            raise CommandError(_("There is no user “%(name)s”.") % {"name": username})
        permissions = target.collection.permissions_for_user(user)
        if not permissions.can_add_subpage():
            raise CommandError(
                _("%(user)s may not add items to “%(collection)s”.")
                % {"user": username, "collection": target.collection.title}
            )
        if publish and not permissions.can_publish_subpage():
            raise CommandError(
                _(
                    "%(user)s may not publish in “%(collection)s”: import without --publish, "
                    "and the items go to review."
                )
                % {"user": username, "collection": target.collection.title}
            )
        return user

    def _change_printer(self):
        def show(change):
            columns = f" ({', '.join(change.columns)})" if change.columns else ""
            action = _("create") if change.action == "create" else _("update")
            self.stdout.write(
                _("row %(row)s, %(id)s: %(action)s%(columns)s")
                % {"row": change.row, "id": change.identifier, "action": action, "columns": columns}
            )

        return show

    def _unknown(self, report):
        if report.ignored_columns:
            self.stdout.write(
                _("Columns not imported, as the partner's column mapping says: %(names)s.")
                % {"names": ", ".join(report.ignored_columns.values())}
            )
        if not report.unknown_values:
            return
        self.stderr.write(_("Values the hub does not know (map them with --map FILE):"))
        line = StringIO()
        for column, value, count in report.unknown_values.rows():
            line.seek(0)
            line.truncate()
            csv.writer(line, lineterminator="").writerow([column, value, count])
            self.stderr.write("  " + line.getvalue())

    def _summary(self, report, target, options):
        self._unknown(report)
        if report.errors_not_shown:
            self.stderr.write(
                _("Errors not shown: %(count)s.") % {"count": report.errors_not_shown}
            )
        self.stdout.write(f"{target}: {report.summary()}")
        if report.applied:
            if report.published:
                self.stdout.write(_("The new and changed items are published."))
            elif report.submitted:
                self.stdout.write(
                    _("Pages submitted for review: %(count)s.") % {"count": report.submitted}
                )
            if report.images_created:
                self.stdout.write(
                    _("Images added to the media library: %(count)s.")
                    % {"count": report.images_created}
                )
            if report.error_count:
                self.stderr.write(
                    _("Rows with errors skipped: %(count)s.") % {"count": report.invalid_rows}
                )
            return
        if report.error_count:
            raise CommandError(
                _("Nothing was imported: correct the errors above (rows with errors: %(rows)s).")
                % {"rows": report.invalid_rows or 1}
            )
        if options["dry_run"]:
            self.stdout.write(_("Dry run: nothing was changed."))


def rejected_path(path):
    """items.csv → items.rejected.csv, next to it."""
    path = Path(path)
    return str(path.with_name(f"{path.stem}.rejected.csv"))
