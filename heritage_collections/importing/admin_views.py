"""The admin's "Import items": upload an Item CSV, read what it would do, confirm.

1. The form (``ImportItemsView``): one of the collections the user may add pages to, the
   CSV, optionally a ZIP of the images its ``image`` column names, and — for those who may
   publish there — "Publish at once". Partner editors see only their partner's collections
   and always send their items to review.
2. The report (``ImportReportView``): the dry run — created, updated, unchanged, every error
   with its row and column — re-run each time the page is shown, so it is never stale.
3. Confirm (``ConfirmImportView``): the import itself, as ``manage.py import_items`` does
   it; with errors, "Import the valid rows" skips the rows with errors.

Between the steps the files wait on disk, in ``ITEM_IMPORT_DIR/<user id>/<random token>/``
(not in the session): a token names an upload only for the user who made it, a user has
one upload waiting at a time, and uploads older than a day are removed.
"""

import contextlib
import json
import re
import secrets
import shutil
import time
import zipfile
from pathlib import Path

from django import forms
from django.conf import settings
from django.http import FileResponse, Http404
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.decorators import method_decorator
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext, pgettext_lazy
from django.views.decorators.http import require_POST
from django.views.generic import FormView, TemplateView, View
from wagtail.admin import messages
from wagtail.admin.auth import permission_denied
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from heritagehub.rights import RightsStatement

from ..permissions import user_may_import
from .columns import FACTS
from .crosswalk import mapping_context
from .media import MediaZip
from .reader import file_problem
from .service import ItemImport
from .target import TargetError, collection_choices, for_collection

COLUMNS_HELP = ["identifier", "title", "title_<lang>", "description", "description_<lang>", *FACTS]
MAX_ROWS = getattr(settings, "ITEM_IMPORT_ADMIN_MAX_ROWS", 10_000)
MAX_CSV_SIZE = getattr(settings, "ITEM_IMPORT_MAX_CSV_SIZE", 50 * 1024 * 1024)
MAX_ZIP_SIZE = getattr(settings, "ITEM_IMPORT_MAX_ZIP_SIZE", 1024 * 1024 * 1024)
UPLOAD_LIFETIME = 24 * 3600
TOKEN = re.compile(r"[A-Za-z0-9_-]{20,64}")


def upload_root():
    return Path(settings.ITEM_IMPORT_DIR)


class Upload:
    """A user's uploaded files waiting for confirmation, with what the form said."""

    CSV, ZIP, META, REJECTED = "items.csv", "images.zip", "upload.json", "rejected.csv"

    def __init__(self, user, token):
        self.token = token
        self.path = upload_root() / str(user.pk) / token
        self.meta = json.loads((self.path / self.META).read_text())

    @classmethod
    def create(cls, user, items, images, meta):
        folder = upload_root() / str(user.pk)
        if folder.exists():
            shutil.rmtree(folder)  # one upload waiting per user
        token = secrets.token_urlsafe(24)
        path = folder / token
        path.mkdir(parents=True, mode=0o700)
        for name, upload in ((cls.CSV, items), (cls.ZIP, images)):
            if upload is not None:
                with (path / name).open("wb") as handle:
                    for chunk in upload.chunks():
                        handle.write(chunk)
        (path / cls.META).write_text(json.dumps(meta))
        cls.remove_stale()
        return cls(user, token)

    @classmethod
    def get(cls, user, token):
        if not TOKEN.fullmatch(token or ""):
            raise Http404
        try:
            return cls(user, token)
        except (FileNotFoundError, ValueError):
            raise Http404 from None

    @classmethod
    def rejected_of(cls, user, token):
        """The rejected rows' file of the user's upload ``token``; 404 when there is none."""
        upload = cls.get(user, token)
        if not upload.rejected_path.exists():
            raise Http404
        return upload.rejected_path

    @classmethod
    def name_of(cls, user, token):
        return cls.get(user, token).meta.get("name", "")

    @staticmethod
    def remove_stale():
        limit = time.time() - UPLOAD_LIFETIME
        for path in upload_root().glob("*/*"):
            if path.is_dir() and path.stat().st_mtime < limit:
                shutil.rmtree(path, ignore_errors=True)

    @property
    def csv_path(self):
        return self.path / self.CSV

    @property
    def media(self):
        path = self.path / self.ZIP
        return MediaZip(path) if path.exists() else None

    @property
    def rejected_path(self):
        return self.path / self.REJECTED

    def delete(self, keep_rejected=False):
        """Remove the upload; with ``keep_rejected`` only its files, not the rejected rows
        (downloadable until the user's next upload, or a day)."""
        if not keep_rejected:
            shutil.rmtree(self.path, ignore_errors=True)
            return
        for name in (self.CSV, self.ZIP):
            (self.path / name).unlink(missing_ok=True)


def is_readable_zip(upload):
    """A ZIP whose table of contents can be read, every entry within the file: a file that
    only ends like a ZIP is not one."""
    try:
        with zipfile.ZipFile(upload) as archive:
            size = upload.size
            ok = all(info.header_offset < size for info in archive.infolist())
    except (zipfile.BadZipFile, OSError, ValueError, EOFError):
        ok = False
    upload.seek(0)
    return ok


def importable_collections(user):
    """{collection id: (collection, partner)} of the collections ``user`` may import into."""
    if not user.is_authenticated:
        return {}
    return {
        collection.pk: (collection, partner) for collection, partner in collection_choices(user)
    }


def may_publish(user, collection):
    return collection.permissions_for_user(user).can_publish_subpage()


def _within(upload, limit):
    if upload is not None and upload.size > limit:
        raise forms.ValidationError(
            _("The file is larger than %(size)s MB.") % {"size": limit // (1024 * 1024)}
        )
    return upload


class ImportForm(forms.Form):
    collection = forms.TypedChoiceField(
        label=pgettext_lazy("heritage", "Collection"),
        coerce=int,
        help_text=gettext_lazy(
            "New items are created in this collection, in its language; items already in "
            "another collection of the partner are updated where they are."
        ),
    )
    items = forms.FileField(
        label=gettext_lazy("Item file"),
        help_text=gettext_lazy(
            "CSV (UTF-8, UTF-16 or Windows-1252, comma-separated) or an .xlsx spreadsheet "
            "(its first sheet), with the column names in the first row."
        ),
    )
    images = forms.FileField(
        label=gettext_lazy("Images (ZIP)"),
        required=False,
        help_text=gettext_lazy(
            "Optional: a ZIP archive of the image files the “image” column names."
        ),
    )
    publish = forms.BooleanField(
        label=gettext_lazy("Publish at once"),
        required=False,
        help_text=gettext_lazy(
            "Otherwise new and changed items are drafts, submitted to the partner's review."
        ),
    )

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.user = user
        self.collections = importable_collections(user)
        self.fields["collection"].choices = [
            (pk, f"{partner.title} › {collection.title} ({collection.locale.get_display_name()})")
            for pk, (collection, partner) in self.collections.items()
        ]
        if not any(may_publish(user, c) for c, _partner in self.collections.values()):
            del self.fields["publish"]  # partner editors: always to review

    def clean_items(self):
        items = _within(self.cleaned_data["items"], MAX_CSV_SIZE)
        problem = file_problem(items)
        if problem:
            raise forms.ValidationError(
                _("The file “%(name)s” cannot be imported: %(reason)s")
                % {"name": items.name, "reason": problem}
            )
        return items

    def clean_images(self):
        images = self.cleaned_data.get("images")
        if images is not None and not is_readable_zip(images):
            raise forms.ValidationError(
                _("The file “%(name)s” is not a ZIP archive (or a damaged one).")
                % {"name": images.name}
            )
        return _within(images, MAX_ZIP_SIZE)

    def clean(self):
        cleaned = super().clean()
        pk = cleaned.get("collection")
        publish = cleaned.get("publish") and pk in self.collections
        if publish and not may_publish(self.user, self.collections[pk][0]):
            self.add_error(
                "publish", _("You may not publish in this collection: its items go to review.")
            )
        return cleaned


class ImportAccessMixin:
    """Only users with a collection to import into (hub staff, a partner's editors); others
    get the admin's usual denial."""

    def dispatch(self, request, *args, **kwargs):
        if not user_may_import(request.user):
            return permission_denied(request)
        return super().dispatch(request, *args, **kwargs)


class ImportItemsView(ImportAccessMixin, WagtailAdminTemplateMixin, FormView):
    template_name = "heritage_collections/admin/import_form.html"
    form_class = ImportForm
    page_title = gettext_lazy("Import items")
    header_icon = "upload"

    def get_breadcrumbs_items(self):
        return self.breadcrumbs_items + [{"url": "", "label": self.get_page_title()}]

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "user": self.request.user}

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(
            {
                "action_url": reverse("import_items:upload"),
                "submit_button_label": _("Check the file"),
                "submit_button_active_label": _("Checking…"),
                "columns": COLUMNS_HELP,
                "rights": RightsStatement.choices,
                "max_rows": MAX_ROWS,
            }
        )
        return context

    def form_valid(self, form):
        data = form.cleaned_data
        upload = Upload.create(
            self.request.user,
            data["items"],
            data.get("images"),
            {
                "collection": data["collection"],
                "publish": bool(data.get("publish")),
                "name": data["items"].name,
            },
        )
        return redirect("import_items:report", token=upload.token)


class UploadMixin(ImportAccessMixin):
    """The upload named by the URL's token (the user's own) and its import."""

    def setup_import(self, token):
        self.upload = Upload.get(self.request.user, token)
        allowed = importable_collections(self.request.user)
        pair = allowed.get(self.upload.meta["collection"])
        if pair is None:
            raise Http404  # the collection is no longer theirs
        self.collection = pair[0]
        self.publish = self.upload.meta["publish"] and may_publish(self.request.user, pair[0])
        try:
            self.target = for_collection(self.collection)
        except TargetError as error:
            raise Http404 from error

    def item_import(self, skip_invalid=False):
        return ItemImport(
            self.upload.csv_path,
            self.target,
            media=self.upload.media,
            publish=self.publish,
            skip_invalid=skip_invalid,
            user=self.request.user,
            max_rows=MAX_ROWS,
            rejected=self.upload.rejected_path if skip_invalid else None,
        )


class ImportReportView(UploadMixin, WagtailAdminTemplateMixin, TemplateView):
    template_name = "heritage_collections/admin/import_report.html"
    page_title = gettext_lazy("Import items")
    header_icon = "upload"

    def get_breadcrumbs_items(self):
        return self.breadcrumbs_items + [
            {"url": reverse("import_items:upload"), "label": _("Import items")},
            {"url": "", "label": _("Report")},
        ]

    def get(self, request, token):
        self.setup_import(token)
        checked = self.item_import()
        self.report = checked.check()
        self.header_ok = checked.header_ok
        return super().get(request)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        report = getattr(self, "report", None)
        context.update(
            {
                "report": report,
                "upload": self.upload,
                "collection": self.collection,
                "partner": self.target.partner,
                "publish": self.publish,
                "confirm_url": reverse("import_items:confirm", args=[self.upload.token]),
                "cancel_url": reverse("import_items:cancel", args=[self.upload.token]),
                "has_changes": bool(report and (report.created or report.updated)),
                "file_ok": getattr(self, "header_ok", True),
                "map_url": reverse("import_items:map", args=[self.upload.token]),
                "columns_url": reverse("import_items:columns", args=[self.upload.token]),
                **mapping_context(self.request.user, report, self.target.language),
            }
        )
        return context


@method_decorator(require_POST, name="dispatch")
class ConfirmImportView(ImportReportView):
    def post(self, request, token):
        self.setup_import(token)
        item_import = self.item_import(skip_invalid="skip_invalid" in request.POST)
        report = item_import.run()
        if not report.applied:
            self.report, self.header_ok = report, item_import.header_ok  # show why
            return self.render_to_response(self.get_context_data())
        self.upload.delete(keep_rejected=bool(report.rejected_rows))
        if report.rejected_rows:
            messages.warning(
                request,
                ngettext(
                    "%(count)s row with errors was not imported: fix it in the file of "
                    "rejected rows and import it.",
                    "%(count)s rows with errors were not imported: fix them in the file of "
                    "rejected rows and import it.",
                    report.rejected_rows,
                )
                % {"count": report.rejected_rows},
                buttons=[
                    messages.button(
                        reverse("import_items:rejected", args=[self.upload.token]),
                        _("Download the rejected rows"),
                    )
                ],
            )
        messages.success(
            request,
            _("Import into “%(collection)s”: %(summary)s")
            % {
                "collection": self.collection.title,
                "summary": report.summary(),
            }
            + " "
            + (
                _("The items are published.")
                if report.published
                else _("New and changed items wait for review.")
            ),
        )
        return redirect("wagtailadmin_explore", self.collection.pk)


class RejectedRowsView(ImportAccessMixin, View):
    """The rejected rows of the user's last import with "skip the rows with errors"."""

    def get(self, request, token):
        path = Upload.rejected_of(request.user, token)
        name = Path(Upload.name_of(request.user, token)).stem or "items"
        return FileResponse(
            path.open("rb"), as_attachment=True, filename=f"{name}.rejected.csv",
            content_type="text/csv; charset=utf-8",
        )  # fmt: skip


@method_decorator(require_POST, name="dispatch")
class CancelImportView(UploadMixin, View):
    def post(self, request, token):
        with contextlib.suppress(Http404):
            Upload.get(request.user, token).delete()
        return redirect("import_items:upload")
