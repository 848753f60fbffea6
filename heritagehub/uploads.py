"""Checks on uploaded files beyond their names: what Wagtail leaves to the project.

Wagtail's image field already reads an image's real format (Willow), refuses one whose
extension says otherwise, and enforces ``WAGTAILIMAGES_MAX_UPLOAD_SIZE`` and
``WAGTAILIMAGES_MAX_IMAGE_PIXELS`` (a decompression bomb trips Pillow before its pixels are
decoded); SVG is not among ``WAGTAILIMAGES_EXTENSIONS``, so no scriptable image is stored.
Documents get only an extension check from Wagtail: here their first bytes must match the
extension too, so an HTML, SVG or script file renamed ``.pdf`` is refused. Every refusal names
the file (the multiple uploaders show one message per file), and a refused upload is never
saved: the forms fail before the model is (``heritagehub.upload_forms``, the bases of
Wagtail's image and document forms; a module of their own because Wagtail's admin forms
can be imported only once the models are, and public forms use these checks too).
"""

import re
import zipfile
from pathlib import PurePath

import filetype
from django.forms.utils import ErrorList
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

HEAD_BYTES = 8192

ZIP = (b"PK\x03\x04", b"PK\x05\x06")
# What a document's first bytes must be, by extension; text types are checked separately.
DOCUMENT_SIGNATURES = {
    "pdf": (b"%PDF-",),
    "rtf": (b"{\\rtf",),
    "zip": ZIP,
    "docx": ZIP,
    "xlsx": ZIP,
    "pptx": ZIP,
    "odt": ZIP,
}
TEXT_EXTENSIONS = {"csv", "txt"}
# Markup a browser would run if it ever rendered the file: not in a plain-text document.
ACTIVE_MARKUP = re.compile(
    rb"<\s*(?:!doctype\s+html|html|head|body|script|svg|iframe|object|embed|\?xml)\b", re.I
)


def extension(name):
    return PurePath(name or "").suffix.lower().lstrip(".")


def _head(upload):
    upload.seek(0)
    head = upload.read(HEAD_BYTES)
    upload.seek(0)
    return head


def document_content_problem(upload):
    """Why the document's content does not match its extension, or None."""
    ext = extension(upload.name)
    head = _head(upload)
    if ext in TEXT_EXTENSIONS:
        if b"\x00" in head or filetype.guess(head) is not None or ACTIVE_MARKUP.search(head):
            return _("its content is not plain text")
        return None
    signatures = DOCUMENT_SIGNATURES.get(ext)
    if signatures is None:
        return None  # an extension the model refuses anyway (WAGTAILDOCS_EXTENSIONS)
    if not head.startswith(signatures):
        return _("its content is not a .%(extension)s file") % {"extension": ext}
    if signatures is ZIP and not zipfile.is_zipfile(upload):
        upload.seek(0)
        return _("its content is not a .%(extension)s file") % {"extension": ext}
    upload.seek(0)
    return None


def refuse_file_for_collection(form, field_name="file"):
    """A new upload into a collection the user may not add to is a refused file.

    With one collection of their own, Wagtail's form drops its collection field and ignores
    the one posted; its multiple uploader then keeps the file as a pending ``UploadedFile``
    (to ask for its details) and refuses it only when they are sent. A ``file`` error makes
    it answer at once and keep nothing."""
    upload = form.files.get(form.add_prefix(field_name))
    if upload is None or field_name in form.errors:
        return
    posted = form.data.get(form.add_prefix("collection"))
    allowed = getattr(form, "collections", None)
    if (
        posted not in (None, "")
        and allowed is not None
        and not (str(posted).isdigit() and allowed.filter(pk=int(posted)).exists())
    ):
        form.errors[field_name] = ErrorList(
            [gettext("you may not add files to the collection chosen.")]
        )


def name_refused_file(form, field_name="file"):
    """Prefix the errors of a file field with the uploaded file's name."""
    errors = form.errors.get(field_name)
    upload = form.files.get(form.add_prefix(field_name))
    if not errors or upload is None:
        return
    form.errors[field_name] = ErrorList(
        [
            gettext("The file “%(name)s” was refused: %(reason)s")
            % {"name": upload.name, "reason": message}
            for message in errors
        ]
    )
