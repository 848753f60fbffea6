from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from partners.onboarding import institution_type_choices, onboard_partner


class OnboardPartnerForm(forms.Form):
    """The admin's "Onboard a partner" form: the arguments of ``onboard_partner``."""

    name = forms.CharField(
        label=_("Name"),
        max_length=120,
        help_text=_("The institution's name, as it appears on its page."),
    )
    slug = forms.CharField(
        label=_("Slug"),
        max_length=100,
        help_text=_(
            "The last part of the partner's web address, e.g. “museo-civico”: lowercase "
            "letters, digits and hyphens. The same in every language."
        ),
    )
    institution_type = forms.ChoiceField(label=_("Institution type"))
    lead_approval = forms.BooleanField(
        label=_("Lead approval"),
        required=False,
        help_text=_(
            "The partner's own leads approve its submissions before the hub moderators do."
        ),
    )
    editor_email = forms.EmailField(
        label=_("First editor's e-mail"),
        required=False,
        help_text=_("Optional: an invitation to choose a password is e-mailed to this address."),
    )
    editor_username = forms.CharField(
        label=_("First editor's username"),
        required=False,
        max_length=150,
        help_text=_("Optional: by default, the slug followed by “-editor”."),
    )
    language = forms.ChoiceField(
        label=_("Editor's language"),
        choices=settings.LANGUAGES,
        help_text=_("The language of the invitation e-mail and of the editor's admin."),
    )

    def __init__(self, *args, user=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.user = user
        self.result = None
        self.fields["institution_type"].choices = [("", "---------")] + institution_type_choices()
        language = (get_language() or settings.LANGUAGE_CODE).split("-")[0]
        if language in dict(settings.LANGUAGES):
            self.fields["language"].initial = language

    def onboard(self):
        """Run the onboarding; False (and the errors on their fields) when it refuses."""
        data = self.cleaned_data
        try:
            self.result = onboard_partner(
                data["name"],
                data["slug"],
                data["institution_type"],
                editor_email=data["editor_email"],
                editor_username=data["editor_username"],
                lead_approval=data["lead_approval"],
                language=data["language"],
                user=self.user,
            )
        except ValidationError as error:
            for field, messages in error.message_dict.items():
                for message in messages:
                    self.add_error(field if field in self.fields else None, message)
            return False
        return True
