"""The public "share your story" form."""

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from PIL import Image as PILImage
from wagtail.images.fields import WagtailImageField

from heritagehub.rights import RightsStatement
from heritagehub.spam import honeypot_field, honeypot_filled
from heritagehub.uploads import name_refused_file

MAX_IMAGES = 3
MAX_TEXT_LENGTH = 20_000
MIN_TEXT_LENGTH = 20

LICENCE_CHOICES = [
    (
        RightsStatement.CC_BY.value,
        _("CC BY 4.0: anyone may reuse my story and images, naming me as the author"),
    ),
    (
        RightsStatement.CC_BY_SA.value,
        _("CC BY-SA 4.0: as CC BY, and adaptations must be shared under the same licence"),
    ),
    (
        RightsStatement.CC0.value,
        _("CC0: I give up my rights; anyone may reuse my story and images freely"),
    ),
    (
        RightsStatement.IN_COPYRIGHT.value,
        _("All rights reserved: the hub may publish my story, nobody else may reuse it"),
    ),
]


class CommunityImageField(WagtailImageField):
    """Wagtail's image upload validation (extension, real format, file size, pixels), then Pillow.

    Willow reads only an image's header; Pillow checks the file (``verify``) and decodes it
    (``load``), so a truncated or corrupt upload is refused here rather than failing later on
    a rendition. Images above ``FULL_DECODE_MAX_PIXELS`` are only verified: decoding them on
    an anonymous form would let anyone make the server allocate hundreds of megabytes.
    """

    FULL_DECODE_MAX_PIXELS = 40_000_000

    def to_python(self, data):
        try:
            f = super().to_python(data)
        except ValidationError:
            raise
        except Exception as exc:
            # Wagtail 8 lets Pillow's errors through on some broken files (a truncated PNG
            # raises OSError while it counts the pixels): a bad upload, not a server error.
            raise ValidationError(
                self.error_messages["invalid_image"], code="invalid_image"
            ) from exc
        if f is None:
            return None
        try:
            f.seek(0)
            with PILImage.open(f) as image:
                image.verify()
            f.seek(0)
            with PILImage.open(f) as image:
                width, height = image.size
                if width * height <= self.FULL_DECODE_MAX_PIXELS:
                    image.load()
        except Exception as exc:
            raise ValidationError(
                self.error_messages["invalid_image"], code="invalid_image"
            ) from exc
        finally:
            f.seek(0)
        return f


class ShareStoryForm(forms.Form):
    """A visitor's story: text, up to three images with alt text, name, licence, e-mail."""

    # Rendered on its own, out of sight (templates/stories/share_story.html): people never
    # fill it in, form-filling bots do. Not in the error summary: it never has errors.
    HONEYPOT = "website"

    title = forms.CharField(label=_("Title of your story"), max_length=200)
    text = forms.CharField(
        label=_("Your story"),
        min_length=MIN_TEXT_LENGTH,
        max_length=MAX_TEXT_LENGTH,
        widget=forms.Textarea(attrs={"rows": 14}),
        help_text=_("Leave an empty line between paragraphs."),
    )
    name = forms.CharField(
        label=_("Your name"),
        max_length=200,
        required=False,
        help_text=_("Published with your story, unless you choose to publish it anonymously."),
    )
    anonymous = forms.BooleanField(label=_("Publish my story anonymously"), required=False)
    email = forms.EmailField(
        label=_("Your e-mail address"),
        help_text=_(
            "We write to you only about this story: to confirm we received it and when it is "
            "published. It is never shown on the site."
        ),
    )
    licence = forms.ChoiceField(
        label=_("Licence"),
        choices=LICENCE_CHOICES,
        widget=forms.RadioSelect,
        help_text=_("How others may reuse your text and images once they are published."),
    )
    consent = forms.BooleanField(
        label=_(
            "I wrote this story and hold the rights to its images, and I agree that the hub "
            "publishes it under the licence I chose after a moderator has reviewed it."
        ),
    )
    website = honeypot_field()

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # One file and one alt text per image, numbered from 1, inserted after the text.
        fields = list(self.fields.items())
        position = [name for name, _field in fields].index("text") + 1
        image_fields = []
        for number in self.image_numbers():
            image_fields.append(
                (
                    f"image_{number}",
                    CommunityImageField(
                        label=gettext("Image %(number)s") % {"number": number}, required=False
                    ),
                )
            )
            image_fields.append(
                (
                    f"alt_{number}",
                    forms.CharField(
                        label=gettext("Description of image %(number)s") % {"number": number},
                        max_length=400,
                        required=False,
                        help_text=_(
                            "Required with an image: what it shows, for people who cannot see it."
                        ),
                    ),
                )
            )
        self.fields = dict(fields[:position] + image_fields + fields[position:])

    @staticmethod
    def image_numbers():
        return range(1, MAX_IMAGES + 1)

    def image_groups(self):
        """(number, file field, alt text field) of each image, for the template."""
        return [
            (number, self[f"image_{number}"], self[f"alt_{number}"])
            for number in self.image_numbers()
        ]

    def full_clean(self):
        super().full_clean()
        for number in self.image_numbers():
            name_refused_file(self, f"image_{number}")

    def is_spam(self):
        """True when the honeypot was filled in: the submission is silently discarded."""
        return honeypot_filled(self.data, self.HONEYPOT)

    def clean_title(self):
        title = self.cleaned_data["title"].strip()
        if not title:
            raise ValidationError(_("Give your story a title."), code="required")
        return title

    def clean_text(self):
        return self.cleaned_data["text"].replace("\r\n", "\n").replace("\r", "\n").strip()

    def clean(self):
        cleaned = super().clean()
        for number in self.image_numbers():
            image = cleaned.get(f"image_{number}")
            alt = (cleaned.get(f"alt_{number}") or "").strip()
            cleaned[f"alt_{number}"] = alt
            if image and not alt:
                self.add_error(
                    f"alt_{number}",
                    ValidationError(
                        _("Describe image %(number)s for people who cannot see it."),
                        code="required",
                        params={"number": number},
                    ),
                )
        if not cleaned.get("anonymous") and not (cleaned.get("name") or "").strip():
            self.add_error(
                "name",
                ValidationError(
                    _("Give your name, or choose to publish your story anonymously."),
                    code="required",
                ),
            )
        return cleaned

    def images(self):
        """The valid uploads with their alt texts, in the order given."""
        return [
            (self.cleaned_data[f"image_{number}"], self.cleaned_data[f"alt_{number}"])
            for number in self.image_numbers()
            if self.cleaned_data.get(f"image_{number}")
        ]
