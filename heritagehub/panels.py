from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import ObjectList, TabbedInterface
from wagtail.models import Page


def editor_tabs(content_panels, metadata_panels, rights_panels=None):
    """The editor's tabs of every catalogue page: content, metadata, rights, promote, settings."""
    tabs = [
        ObjectList(content_panels, heading=_("Content")),
        ObjectList(metadata_panels, heading=_("Metadata")),
    ]
    if rights_panels:
        tabs.append(ObjectList(rights_panels, heading=_("Rights")))
    tabs += [
        ObjectList(Page.promote_panels, heading=_("Promote")),
        ObjectList(Page.settings_panels, heading=_("Settings")),
    ]
    return TabbedInterface(tabs)
