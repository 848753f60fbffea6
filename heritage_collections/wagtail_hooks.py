"""Admin integration of the collections app: "Import items" (``admin_views``)."""

from django.urls import include, path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from heritage_collections import admin_views


@hooks.register("register_admin_urls")
def register_admin_urls():
    urls = [
        path("", admin_views.ImportItemsView.as_view(), name="upload"),
        path("<str:token>/", admin_views.ImportReportView.as_view(), name="report"),
        path("<str:token>/confirm/", admin_views.ConfirmImportView.as_view(), name="confirm"),
        path("<str:token>/cancel/", admin_views.CancelImportView.as_view(), name="cancel"),
    ]
    return [path("import-items/", include((urls, "import_items"), namespace="import_items"))]


class ImportItemsMenuItem(MenuItem):
    def is_shown(self, request):
        return admin_views.user_may_import(request.user)


@hooks.register("register_admin_menu_item")
def register_import_menu_item():
    return ImportItemsMenuItem(
        _("Import items"),
        reverse("import_items:upload"),
        name="import-items",
        icon_name="upload",
        order=260,
    )
