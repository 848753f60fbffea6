"""The bases of Wagtail's image and document forms (``WAGTAILIMAGES_IMAGE_FORM_BASE``,
``WAGTAILDOCS_DOCUMENT_FORM_BASE``), with the checks of ``heritagehub.uploads``."""

from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from wagtail.documents.forms import BaseDocumentForm
from wagtail.images.forms import BaseImageForm

from heritagehub.uploads import (
    document_content_problem,
    name_refused_file,
    refuse_file_for_collection,
)


class CheckedDocumentForm(BaseDocumentForm):
    """Wagtail's document form, checking the content against the extension
    (``WAGTAILDOCS_DOCUMENT_FORM_BASE``)."""

    def clean_file(self):
        upload = self.cleaned_data.get("file")
        if isinstance(upload, UploadedFile):  # not the stored file of an edited document
            problem = document_content_problem(upload)
            if problem:
                raise ValidationError(problem, code="content_mismatch")
        return upload

    def full_clean(self):
        super().full_clean()
        refuse_file_for_collection(self)
        name_refused_file(self)


class CheckedImageForm(BaseImageForm):
    """Wagtail's image form, its refusals naming the file (``WAGTAILIMAGES_IMAGE_FORM_BASE``)."""

    def full_clean(self):
        super().full_clean()
        refuse_file_for_collection(self)
        name_refused_file(self)
