"""Defence in depth for partner isolation in the Wagtail admin.

Wagtail checks page permissions in each admin view, but some views still name the page
they refuse ("The page 'X' is not currently awaiting moderation."), and the explorer
shows the page it lists the children of. For users whose rights do not cover the whole
tree (partner editors and leads), every admin URL that addresses a page by id — the
page's editor, history, revisions, previews, workflow actions, translation views … —
answers as the admin answers any denial when the page is not one they may explore (their
partner's space, and the pages on the way down to it).

The admin's reports are the hub staff's: their filters list every user who edited or
submitted anything (other partners' editors included). Partner editors follow their own
pages on the dashboard ("Your partner space").
"""

from django.core.exceptions import PermissionDenied
from wagtail.admin.auth import permission_denied

PAGE_ID_KWARGS = ("page_id", "parent_page_id", "page_to_move_id", "destination_id")
# Wagtail's page views that name the page "pk" (revisions compare)
PAGE_NAMESPACE = "wagtailadmin_pages"
REPORTS_NAMESPACE = "wagtailadmin_reports"


class PartnerIsolationMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        match = request.resolver_match
        if match is None or not match.route.startswith("admin/"):
            return None
        page_ids = [view_kwargs[name] for name in PAGE_ID_KWARGS if name in view_kwargs]
        if PAGE_NAMESPACE in match.namespaces and "pk" in view_kwargs:
            page_ids.append(view_kwargs["pk"])
        is_report = REPORTS_NAMESPACE in match.namespaces
        if not (page_ids or is_report) or not request.user.is_authenticated:
            return None

        from partners.wagtail_hooks import explorable_pages, sees_whole_tree

        if sees_whole_tree(request.user):
            return None
        if is_report:
            return self.deny(request)
        try:
            page_ids = {int(page_id) for page_id in page_ids}
        except (TypeError, ValueError):
            return None
        allowed = set(
            explorable_pages(request.user).filter(pk__in=page_ids).values_list("pk", flat=True)
        )
        if page_ids <= allowed:
            return None
        return self.deny(request)

    @staticmethod
    def deny(request):
        if request.headers.get("x-requested-with") == "XMLHttpRequest":
            raise PermissionDenied
        return permission_denied(request)
