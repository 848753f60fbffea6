"""The item editor's "Europeana readiness" panel: read-only, in the Rights tab."""

from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import Panel

from .rules import assess

# Where each field an editor may have to fill in is, by tab.
FIELD_TABS = {
    "title": _("Content"),
    "images": _("Content"),
    "object_type": _("Metadata"),
    "rights": _("Rights"),
}


def field_label(model, name):
    if name == "images":
        return _("Images")
    return model._meta.get_field(name).verbose_name


class EuropeanaReadinessPanel(Panel):
    """The content and metadata tiers of the item being edited, the EDM mandatory
    properties it misses, and what would raise each tier — as of the last save."""

    class BoundPanel(Panel.BoundPanel):
        template_name = "heritage_collections/admin/europeana_panel.html"

        def is_shown(self):
            # A new item has no partner yet: the panel appears once it is saved.
            return bool(self.instance and self.instance.pk) and super().is_shown()

        def get_context_data(self, parent_context=None):
            from ..permissions import may_see_partner
            from .facts import item_facts

            context = super().get_context_data(parent_context)
            item = self.instance
            readiness = assess(item_facts(item))
            partner = item.partner
            report_url = ""
            if partner and may_see_partner(self.request.user, partner):
                report_url = reverse("europeana_readiness:index") + f"?partner={partner.slug}"
            context.update(
                {
                    "readiness": readiness,
                    "missing": [
                        {
                            "missing": missing,
                            "field": field_label(type(item), missing.field)
                            if missing.field
                            else "",
                            "tab": FIELD_TABS.get(missing.field, ""),
                        }
                        for missing in readiness.missing
                    ],
                    "report_url": report_url,
                }
            )
            return context
