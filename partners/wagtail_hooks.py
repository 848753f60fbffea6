"""Admin integration of partner spaces: onboarding, the partner dashboard, isolation.

- the "Partners" menu: /admin/partners/ views for hub editors (onboarding), and the
  review of applications to join for moderators and hub editors (partners.joining.admin);
- the "Your partner space" dashboard panel for partner editors and leads;
- isolation beyond Wagtail's own page permissions: the explorer and the page chooser show
  a user only the pages they may explore (their partner's space and its ancestors, for a
  partner editor), never another partner's pages or drafts;
- wagtail-localize: translations go to review (a "submit for review" action in the
  translation editor), "Sync translated pages" publishes only for those who may publish,
  and the translations report is only for those who translate.
"""

from django.core.exceptions import PermissionDenied
from django.urls import include, path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import Menu, MenuItem, SubmenuMenuItem

from partners import views
from partners.dashboard import PartnerSpacePanel
from partners.joining.admin import WaitingApplicationsSummaryItem, join_application_viewset
from partners.permissions import (
    explorable_pages,
    may_see_reports,
    may_translate,
    partner_spaces_of,
    sees_whole_tree,
)


@hooks.register("register_admin_urls", order=-10)
def register_admin_urls():
    partner_urls = [
        path("", views.PartnerSpaceIndexView.as_view(), name="index"),
        path("onboard/", views.OnboardPartnerView.as_view(), name="onboard"),
        path(
            "translations/<int:page_id>/submit/",
            views.submit_translation_for_review,
            name="submit_translation",
        ),
    ]
    return [
        path("partners/", include((partner_urls, "partners_admin"), namespace="partners_admin")),
        # These replace wagtail-localize's own views at the same addresses (the first
        # matching URL wins, and these hooks run first: order=-10).
        path(
            "localize/update/<int:translation_source_id>/",
            views.ReviewedUpdateTranslationsView.as_view(),
        ),
        path("localize/reports/translations/", views.TranslatorsTranslationsReportView.as_view()),
        path(
            "localize/reports/translations/results/",
            views.TranslatorsTranslationsReportView.as_view(results_only=True),
        ),
    ]


class PartnersMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.has_perm(views.ONBOARD_PERMISSION)


@hooks.register("register_admin_menu_item")
def register_partners_menu():
    # Shown when one of its items is: partner spaces (hub editors), applications to join
    # (moderators and hub editors, partners.joining.admin).
    return SubmenuMenuItem(
        _("Partners"),
        Menu(register_hook_name="register_partners_menu_item"),
        name="partners",
        icon_name="group",
        order=250,
    )


@hooks.register("register_partners_menu_item")
def register_partners_menu_item():
    return PartnersMenuItem(
        _("Partner spaces"),
        reverse("partners_admin:index"),
        name="partner-spaces",
        icon_name="group",
        order=10,
    )


@hooks.register("register_admin_viewset")
def register_join_applications():
    return join_application_viewset


@hooks.register("construct_homepage_summary_items")
def add_waiting_applications(request, summary_items):
    summary_items.append(WaitingApplicationsSummaryItem(request))


@hooks.register("construct_reports_menu")
def hide_reports(request, menu_items):
    """Partner editors keep only the reports made for them (a menu item whose
    ``for_partner_editors`` is true, e.g. Europeana readiness), whatever the app order."""
    if not may_see_reports(request.user):
        # Reports are the hub staff's (partners.middleware): partners use their dashboard.
        menu_items[:] = [item for item in menu_items if getattr(item, "for_partner_editors", False)]
    elif not may_translate(request.user):
        report_url = reverse("wagtail_localize:translations_report")
        menu_items[:] = [item for item in menu_items if item.url != report_url]


@hooks.register("construct_homepage_panels")
def add_partner_space_panel(request, panels):
    spaces = list(partner_spaces_of(request.user))
    if spaces:
        panels.append(PartnerSpacePanel(spaces))


# --- isolation -----------------------------------------------------------------------------


@hooks.register("construct_explorer_page_queryset")
def restrict_explorer_to_explorable_pages(parent_page, pages, request):
    """Wagtail lists only explorable children, but still shows the parent page itself (its
    title, status, drafts' titles in the header): another partner's page is not for you."""
    if sees_whole_tree(request.user):
        return pages
    if not explorable_pages(request.user).filter(pk=parent_page.pk).exists():
        raise PermissionDenied
    return pages


@hooks.register("before_move_page")
def refuse_moves_the_user_may_not_make(request, page, destination):
    """Wagtail asks for confirmation of any move and refuses it only when confirmed: refuse
    at once a move out of the user's space (or of a published page by a partner)."""
    if not page.permissions_for_user(request.user).can_move_to(destination):
        raise PermissionDenied


@hooks.register("construct_page_chooser_queryset")
def restrict_page_chooser_to_explorable_pages(pages, request):
    """Wagtail's page chooser lists every page, drafts included: show a partner editor only
    their own space (and the way down to it)."""
    user = request.user
    if sees_whole_tree(user):
        return pages
    explorable = explorable_pages(user)
    match = getattr(request, "resolver_match", None)
    parent_page_id = match.kwargs.get("parent_page_id") if match else None
    if parent_page_id and not explorable.filter(pk=parent_page_id).exists():
        raise PermissionDenied
    return pages.filter(pk__in=explorable.values("pk"))
