"""An import, in two passes over the file, so that memory stays flat however large it is.

1. **Check**: every row is read, checked and matched against the stored items, batch by
   batch; the report counts what would be created, updated and left unchanged and holds
   every error (row, column, reason). Only the identifiers seen are kept (for duplicates).
2. **Apply** (unless a dry run, or errors without ``skip_invalid``): the file is read again
   and each batch is planned anew and applied, all in one transaction — a row that has
   become invalid since the check undoes the whole import (with ``skip_invalid`` it is
   skipped), and image files stored by a failed import are deleted.
"""

from pathlib import Path

from django.db import transaction
from django.utils.translation import gettext as _
from taggit.models import Tag
from wagtail.models import Page, ReferenceIndex
from wagtail.search.models import IndexEntry

from heritage_collections import catalogue
from heritage_collections.catalogue import ANALYZE_AFTER
from heritage_collections.models import (
    CatalogueEntry,
    ItemImage,
    ItemPage,
    ItemTag,
    OaiRecord,
    SearchWord,
)
from heritagehub.bulk import load_cache, update_statistics

from .apply import Applier
from .columns import check_header, unknown_columns
from .crosswalk import ColumnMap, Crosswalk, UnknownValues
from .media import file_hash
from .notify import notify_reviewers
from .plan import Planner
from .progress import Progress
from .reader import FileProblem, open_rows
from .rejected import RejectedRows
from .report import Change, ImportReport, RowError, column_letter
from .values import RowParser

BATCH_SIZE = 500


class _Aborted(Exception):
    def __init__(self, report):
        self.report = report


class ItemImport:
    """One import of one file into one ``Target`` (see ``target.resolve``).

    ``source`` is a path or a callable returning a new binary stream of the file.
    ``on_error(RowError)`` and ``on_change(Change)`` hear of each error and change of the
    check as it is found; ``progress`` is a stream for the progress bar (if a terminal).
    """

    def __init__(
        self,
        source,
        target,
        *,
        media=None,
        publish=False,
        skip_invalid=False,
        user=None,
        on_error=None,
        on_change=None,
        progress=None,
        max_rows=None,
        rejected=None,
    ):
        self.source = source
        self.target = target
        self.media = media
        self.publish = publish
        self.skip_invalid = skip_invalid
        self.user = user
        self.on_error = on_error
        self.on_change = on_change
        self.progress = progress
        self.max_rows = max_rows
        self.rejected = rejected  # a path: the check pass writes the rejected rows there
        self.header_ok = False
        self.column_map = ColumnMap(target.space)

    def _open(self):
        """A new binary stream of the file (a context manager)."""
        return self.source() if callable(self.source) else Path(self.source).open("rb")

    def _size(self):
        return None if callable(self.source) else Path(self.source).stat().st_size

    # --- the two passes ------------------------------------------------------------------

    def check(self):
        """The first pass: what the import would do, and every error of the file."""
        return self._pass(applier=None)

    def run(self, dry_run=False):
        """Check, then (unless ``dry_run`` or errors stop it) apply; the report of the run."""
        report = self.check()
        if dry_run or not self.header_ok or (report.error_count and not self.skip_invalid):
            return report
        if not (report.created or report.updated):
            report.dry_run, report.applied = False, True  # nothing to change
            return report
        applier = Applier(self.target, user=self.user, publish=self.publish, media=self.media)
        try:
            new_items = report.created if self.publish else 0
            with load_cache(), transaction.atomic(), catalogue.loading(new_items):
                applied = self._pass(applier=applier, total=report.rows)
                notify_reviewers(applier.submitted_to, self.target, self.user)
        except _Aborted as aborted:
            if applier.images:
                applier.images.discard()
            return aborted.report
        except BaseException:
            if applier.images:
                applier.images.discard()
            raise
        if applied.created + applied.updated >= ANALYZE_AFTER:
            # The catalogue refreshes a batch at a time, too few rows each to ask for it.
            update_statistics(
                [
                    *(Page, ItemPage, ItemTag, Tag, ItemImage, ReferenceIndex),
                    *(CatalogueEntry, SearchWord, OaiRecord, IndexEntry),
                ]
            )
        applied.unknown_values = report.unknown_values
        applied.rejected_rows = report.rejected_rows
        applied.dry_run = False
        applied.applied = True
        applied.published = self.publish
        applied.submitted = applier.submitted
        applied.images_created = applier.images.created if applier.images else 0
        return applied

    def _pass(self, applier, total=None):
        checking = applier is None
        rejected = RejectedRows(self.rejected) if checking and self.rejected else None
        try:
            report = self._read(applier, total, rejected)
        finally:
            if rejected is not None:
                rejected.close()
        if rejected is not None:
            report.rejected_rows = rejected.count
        return report

    def _read(self, applier, total, rejected):
        report = ImportReport(dry_run=applier is None)
        checking = applier is None
        self._rejected = rejected
        progress = self.bar = Progress(
            self.progress,
            _("Checking") if checking else _("Importing"),
            self._size() if checking else total,
        )
        with self._open() as stream:
            try:
                csv_file = open_rows(stream)
                partner_header = csv_file.read_header()
            except FileProblem as problem:
                self.header_ok = False
                self._error(report, RowError(1, "—", str(problem)), checking)
                progress.close()
                return report
            header, report.ignored_columns = self.column_map.rename(partner_header)
            csv_file.header = header
            report.unknown_columns = unknown_columns(header, self.target.language)
            header_errors = csv_file.header_errors + (
                check_header(header, self.target.language) if header else []
            )
            for error in header_errors:
                self._error(report, error, checking)
            self.header_ok = not header_errors
            if rejected is not None and self.header_ok:
                rejected.start(partner_header, header)
            if checking:
                report.unknown_values = UnknownValues()
            parser = RowParser(
                header,
                self.target.language,
                crosswalk=Crosswalk(self.target.space),
                unknown=report.unknown_values,
            )
            letters = {name: column_letter(index) for index, name in enumerate(header)}
            planner = Planner(
                self.target, letters, self.media, lambda name: file_hash(self.media, name)
            )
            seen = {}
            batch = []
            self._cells = {}  # row number → cells, of the batch's rows (for the rejected file)
            for row in self._rows(csv_file, report, checking):
                report.rows += 1
                if self.max_rows and report.rows > self.max_rows:
                    self._too_many_rows(report, row.number, checking)
                    break
                values, errors = parser.parse(row)
                errors = row.errors + errors
                first = seen.setdefault(values.identifier, row.number) if values.identifier else 0
                if first != row.number:
                    errors.append(
                        RowError(
                            row.number,
                            "identifier",
                            _("The identifier “%(id)s” is also in row %(row)s.")
                            % {"id": values.identifier, "row": first},
                            letters.get("identifier", ""),
                        )
                    )
                if errors:
                    self._invalid(report, errors, checking, row.number, row.cells)
                elif self.header_ok:
                    batch.append(values)
                    if rejected is not None:
                        self._cells[row.number] = row.cells
                if len(batch) >= BATCH_SIZE:
                    self._batch(report, planner, batch, applier)
                    batch = []
                    self._cells = {}
                progress.update(csv_file.bytes_read if checking else report.rows, report.rows)
            if batch:
                self._batch(report, planner, batch, applier)
        progress.close()
        return report

    def _rows(self, rows, report, checking):
        """The file's rows; a file that turns out unreadable half way stops the import."""
        try:
            yield from rows
        except FileProblem as problem:
            self.header_ok = False
            self._error(report, RowError(report.rows + 1, "—", str(problem)), checking)
            if not checking:
                raise _Aborted(report) from problem

    def _batch(self, report, planner, batch, applier):
        checking = applier is None
        plans = []
        for plan, errors in planner.plan(batch):
            if errors:
                number = errors[0].row
                self._invalid(report, errors, checking, number, self._cells.get(number, {}))
                continue
            report.count(
                {"create": "created", "update": "updated", "unchanged": "unchanged"}[plan.action]
            )
            if plan.action == "unchanged":
                continue
            plans.append(plan)
            change = Change(plan.values.row, plan.values.identifier, plan.action, plan.columns)
            report.add_change(change)
            if checking and self.on_change:
                self.bar.clear()
                self.on_change(change)
        if applier is not None and plans:
            applier.apply(plans)

    def _too_many_rows(self, report, number, checking):
        self.header_ok = False  # the file as a whole cannot be imported here
        message = _(
            "The file has more than %(count)s rows: ask a hub editor to import it with "
            "manage.py import_items."
        ) % {"count": self.max_rows}
        self._error(report, RowError(number, "—", message), checking)

    def _invalid(self, report, errors, checking, number=None, cells=None):
        report.invalid_rows += 1
        if checking and self._rejected is not None and self._rejected.started and cells:
            self._rejected.add(number, cells, errors)
        for error in errors:
            self._error(report, error, checking)
        if not checking and not self.skip_invalid:
            raise _Aborted(report)  # the file changed since it was checked: undo it all

    def _error(self, report, error, checking):
        report.add_error(error)
        if checking and self.on_error:
            self.bar.clear()  # the message goes under the progress line, not into it
            self.on_error(error)
