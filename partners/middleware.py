"""Defence in depth for partner isolation in the Wagtail admin.

Wagtail checks page permissions in each admin view, but some views still name the page
they refuse ("The page 'X' is not currently awaiting moderation."), and the explorer
shows the page it lists the children of. For users whose rights do not cover the whole
tree (partner editors and leads), every admin URL that addresses a page by id — the
page's editor, history, revisions, previews, workflow actions, translation views … —
answers as the admin answers any denial when the page is not one they may explore (their
partner's space, and the pages on the way down to it).
"""

from django.core.exceptions import PermissionDenied
from wagtail.admin.auth import permission_denied

PAGE_ID_KWARGS = ("page_id", "parent_page_id")


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
        if not page_ids or not request.user.is_authenticated:
            return None

        from partners.wagtail_hooks import explorable_pages, sees_whole_tree

        if sees_whole_tree(request.user):
            return None
        try:
            page_ids = {int(page_id) for page_id in page_ids}
        except (TypeError, ValueError):
            return None
        allowed = set(
            explorable_pages(request.user).filter(pk__in=page_ids).values_list("pk", flat=True)
        )
        if page_ids <= allowed:
            return None
        if request.headers.get("x-requested-with") == "XMLHttpRequest":
            raise PermissionDenied
        return permission_denied(request)
