"""Defence in depth for partner isolation in the Wagtail admin.

Wagtail checks page permissions in each admin view, but some views still name the page
they refuse ("The page 'X' is not currently awaiting moderation."), and the explorer
shows the page it lists the children of. For users whose rights do not cover the whole
tree (partner editors and leads), every admin URL that addresses a page by id — the
page's editor, history, revisions, previews, workflow actions, translation views … —
answers as the admin answers any denial when the page is not one they may explore (their
partner's space, and the pages on the way down to it).

Bulk actions (``/admin/bulk/<app>/<model>/<action>/?id=…``) list the objects they were
given, including those the user may not act on, by title: for these users the ids are
narrowed to the objects they have a right on (their space's pages, their collection's
media), and a request left with none is refused as any other.

The admin's reports are the hub staff's: their filters list every user who edited or
submitted anything (other partners' editors included). Partner editors follow their own
pages on the dashboard ("Your partner space").
"""

from django.apps import apps
from django.core.exceptions import PermissionDenied
from wagtail.admin.auth import permission_denied
from wagtail.admin.views.bulk_action.registry import bulk_action_registry
from wagtail.models import Page
from wagtail.permissions import page_permission_policy, policy_registry

from partners.permissions import explorable_pages, sees_whole_tree

PAGE_ID_KWARGS = ("page_id", "parent_page_id", "page_to_move_id", "destination_id")
# Wagtail's page views that name the page "pk" (revisions compare)
PAGE_NAMESPACE = "wagtailadmin_pages"
REPORTS_NAMESPACE = "wagtailadmin_reports"
BULK_ACTION_URL_NAME = "wagtail_bulk_action"
# Answers the titles of the pages whose ids it is given, whoever asks (and a 500 for the
# root page, which has no parent).
CHOSEN_PAGES_URL_NAME = "wagtailadmin_choose_page_chosen_multiple"
PAGE_ACTIONS = ("add", "change", "publish", "bulk_delete", "lock", "unlock")
MEDIA_ACTIONS = ("add", "change", "delete", "choose")


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
        is_bulk = match.url_name == BULK_ACTION_URL_NAME
        if match.url_name == CHOSEN_PAGES_URL_NAME and request.user.is_authenticated:
            return self.narrow_chosen_pages(request)
        if not (page_ids or is_report or is_bulk) or not request.user.is_authenticated:
            return None

        if sees_whole_tree(request.user):
            return None
        if is_report:
            return self.deny(request)
        if is_bulk:
            return self.narrow_bulk_action(request, view_kwargs)
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

    def narrow_chosen_pages(self, request):
        """Keep the ids of the pages the user may explore, never the root (no parent)."""
        pages = (
            Page.objects.all()
            if sees_whole_tree(request.user)
            else (explorable_pages(request.user))
        )
        wanted = {int(pk) for pk in request.GET.getlist("id") if pk.isdigit() and int(pk) < 2**31}
        kept = pages.filter(pk__in=wanted, depth__gt=1).values_list("pk", flat=True)
        query = request.GET.copy()
        query.setlist("id", [str(pk) for pk in sorted(kept)])
        request.GET = query
        return None

    def narrow_bulk_action(self, request, view_kwargs):
        """Keep only the ``id``s the user has a right on; refuse when none is left, or when
        "all" (the children of ``childOf``) is asked outside their pages."""
        try:
            model = apps.get_model(view_kwargs["app_label"], view_kwargs["model_name"])
        except (LookupError, ValueError):
            return None  # the view answers 404
        ids = request.GET.getlist("id")
        if issubclass(model, Page):
            allowed = page_permission_policy.instances_user_has_any_permission_for(
                request.user, PAGE_ACTIONS
            )
            if "all" in ids:
                child_of = request.GET.get("childOf", "")
                if not (child_of.isdigit() and allowed.filter(pk=int(child_of)).exists()):
                    return self.deny(request)
                return None  # every child of a page of theirs is theirs
        else:
            action_class = bulk_action_registry.get_bulk_action_class(
                view_kwargs["app_label"], view_kwargs["model_name"], view_kwargs["action"]
            )
            # Images and documents: the action's collection-aware policy.
            policy = getattr(action_class(request, model), "permission_policy", None) or (
                policy_registry.get_by_type(model)
            )
            allowed = policy.instances_user_has_any_permission_for(request.user, MEDIA_ACTIONS)
            if "all" in ids:
                return None  # Wagtail lists only what the user may change
        wanted = {int(pk) for pk in ids if pk.isdigit() and int(pk) < 2**31}
        kept = set(allowed.filter(pk__in=wanted).values_list("pk", flat=True))
        if not kept:
            return self.deny(request)
        query = request.GET.copy()
        query.setlist("id", [str(pk) for pk in sorted(kept)])
        request.GET = query
        request.META["QUERY_STRING"] = query.urlencode()  # the form posts back to it
        return None

    @staticmethod
    def deny(request):
        if request.headers.get("x-requested-with") == "XMLHttpRequest":
            raise PermissionDenied
        return permission_denied(request)
