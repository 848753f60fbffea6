from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminPageForm


class ItemPageForm(WagtailAdminPageForm):
    """The item editor: an identifier must be unique within the item's partner."""

    def clean(self):
        cleaned_data = super().clean()
        identifier = cleaned_data.get("identifier")
        parent = self.parent_page
        partner = getattr(parent.specific, "partner", None) if parent else None
        if identifier and partner is not None:
            item_model = type(self.instance)
            if item_model.identifier_taken(identifier, partner, self.instance.translation_key):
                self.add_error(
                    "identifier", _("Another item of this partner already has this identifier.")
                )
        return cleaned_data
