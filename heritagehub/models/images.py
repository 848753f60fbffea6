"""The hub's image model: every image carries its alt text, credit and rights."""

from pathlib import Path

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.images.models import AbstractImage, AbstractRendition, Image

from heritagehub.rights import Reuse, RightsStatement, rights_field


class HeritageImage(AbstractImage):
    """An image with what a heritage publisher must say about it.

    Alt text is required unless the editor marks the image as decorative: screen readers
    then skip it (empty `alt`).
    """

    alt_text = models.CharField(
        _("alt text"),
        max_length=400,
        blank=True,
        help_text=_("Describe what the image shows for people who cannot see it."),
    )
    is_decorative = models.BooleanField(
        _("decorative"),
        default=False,
        help_text=_("Decorative images add nothing to the text and get an empty alt."),
    )
    credit = models.CharField(
        _("credit"),
        max_length=400,
        blank=True,
        help_text=_("Who made or holds the image, as it must be credited."),
    )
    rights = rights_field(blank=True, default=RightsStatement.NOT_EVALUATED)
    source_url = models.URLField(_("source URL"), max_length=500, blank=True)
    # A reproduction that is not a faithful copy (reduced colours, a detail, retouched) is
    # labelled as such above the image, so nobody takes it for the original's colours.
    reproduction_note = models.CharField(
        _("reproduction note"),
        max_length=200,
        blank=True,
        help_text=_(
            "How this file differs from the original, if it does (e.g. reduced colours). "
            "Shown above the image."
        ),
    )

    # Wagtail's own `description` doubles as alt text; ours is explicit and can be waived
    # for decorative images, so the editor sees one field, not two.
    admin_form_fields = tuple(f for f in Image.admin_form_fields if f != "description") + (
        "alt_text",
        "is_decorative",
        "credit",
        "rights",
        "source_url",
        "reproduction_note",
    )

    class Meta(AbstractImage.Meta):
        verbose_name = _("image")
        verbose_name_plural = _("images")

    def clean(self):
        super().clean()
        if not self.is_decorative and not self.alt_text.strip():
            raise ValidationError(
                {"alt_text": _("Give the image an alt text, or mark it as decorative.")}
            )

    @property
    def alt(self):
        """What goes into the `alt` attribute (empty for decorative images)."""
        return "" if self.is_decorative else self.alt_text

    @property
    def default_alt_text(self):
        return self.alt

    @property
    def rights_label(self):
        return RightsStatement(self.rights).label if self.rights else ""

    @property
    def rights_url(self):
        return RightsStatement.https_url(self.rights)

    @property
    def allows_download(self):
        """Whether the rights let visitors reuse the file (openly or within the statement's
        limits): the item page then offers the original for download."""
        return Reuse.of(self.rights) in (Reuse.OPEN, Reuse.LIMITED)

    @property
    def file_format(self):
        """The file's format as visitors know it ("JPEG", "PNG"), for the download link."""
        suffix = Path(self.file.name).suffix.lstrip(".").upper()
        return "JPEG" if suffix == "JPG" else suffix


class HeritageRendition(AbstractRendition):
    image = models.ForeignKey(HeritageImage, on_delete=models.CASCADE, related_name="renditions")

    class Meta:
        unique_together = (("image", "filter_spec", "focal_point_key"),)


def optional_image(verbose_name):
    """A page's optional image (hero, cover, logo): kept when the image is deleted, as empty."""
    return models.ForeignKey(
        "heritagehub.HeritageImage",
        verbose_name=verbose_name,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
