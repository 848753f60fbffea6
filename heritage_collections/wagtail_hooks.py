"""Admin integration of the collections app: "Import items" (``importing.admin_views``), the
"Europeana readiness" report (``europeana.report``), and the image operation of the IIIF
image services (``iiif.image_api``)."""

from django.urls import include, path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from heritage_collections.dashboard import ItemAttentionPanel
from heritage_collections.europeana.report import EuropeanaReadinessView
from heritage_collections.iiif.image_api import RegionOperation
from heritage_collections.importing import admin_crosswalk, admin_views
from heritage_collections.models import AuthorityProposal
from heritage_collections.permissions import may_see_report, user_may_import
from heritage_collections.reconciliation import accept
from partners.permissions import partner_spaces_of


@hooks.register("register_admin_urls")
def register_admin_urls():
    urls = [
        path("", admin_views.ImportItemsView.as_view(), name="upload"),
        path("crosswalk/", admin_crosswalk.CrosswalkView.as_view(), name="crosswalk"),
        path("<str:token>/map/", admin_crosswalk.MapValuesView.as_view(), name="map"),
        path("<str:token>/columns/", admin_crosswalk.MapColumnsView.as_view(), name="columns"),
        path("<str:token>/", admin_views.ImportReportView.as_view(), name="report"),
        path("<str:token>/confirm/", admin_views.ConfirmImportView.as_view(), name="confirm"),
        path("<str:token>/rejected.csv", admin_views.RejectedRowsView.as_view(), name="rejected"),
        path("<str:token>/cancel/", admin_views.CancelImportView.as_view(), name="cancel"),
    ]
    return [path("import-items/", include((urls, "import_items"), namespace="import_items"))]


class ImportItemsMenuItem(MenuItem):
    def is_shown(self, request):
        return user_may_import(request.user)


@hooks.register("register_admin_menu_item")
def register_import_menu_item():
    return ImportItemsMenuItem(
        _("Import items"),
        reverse("import_items:upload"),
        name="import-items",
        icon_name="upload",
        order=260,
    )


# --- Europeana readiness (``europeana.report``) ----------------------------------------------


@hooks.register("register_admin_urls")
def register_europeana_readiness_urls():
    urls = [path("", EuropeanaReadinessView.as_view(), name="index")]
    return [
        path(
            "reports/europeana-readiness/",
            include((urls, "europeana_readiness"), namespace="europeana_readiness"),
        )
    ]


class EuropeanaReadinessMenuItem(MenuItem):
    # About a partner editor's own items: kept in their Reports menu (partners.wagtail_hooks).
    for_partner_editors = True

    def is_shown(self, request):
        return may_see_report(request.user)


@hooks.register("register_reports_menu_item")
def register_europeana_readiness_menu_item():
    return EuropeanaReadinessMenuItem(
        _("Europeana readiness"),
        reverse("europeana_readiness:index"),
        name="europeana-readiness",
        icon_name="globe",
        order=1300,
    )


@hooks.register("register_image_operations")
def register_image_operations():
    return [("iiif", RegionOperation)]


# --- The partner editor's dashboard: items to complete (``dashboard``) -------------------------


@hooks.register("construct_homepage_panels")
def add_item_attention_panel(request, panels):
    spaces = list(partner_spaces_of(request.user))
    if spaces:
        panels.append(ItemAttentionPanel(spaces))


class AuthorityProposalViewSet(SnippetViewSet):
    """The links ``reconcile_authorities`` proposes, for editors to accept or reject: the
    edit form is the status; accepting links the item (``reconciliation.accept``)."""

    model = AuthorityProposal
    icon = "link"
    menu_label = _("Proposed links to records")
    add_to_admin_menu = False
    list_display = ["item", "record", "role", "text", "score", "status"]
    list_filter = ["status", "role"]
    ordering = ["status", "-score", "pk"]


register_snippet(AuthorityProposalViewSet)


@hooks.register("after_edit_snippet")
def link_accepted_proposal(request, instance):
    accepted = AuthorityProposal.Status.ACCEPTED
    if isinstance(instance, AuthorityProposal) and instance.status == accepted:
        accept([instance])
