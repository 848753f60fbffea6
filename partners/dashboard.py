"""The partner editor's dashboard panel: their partner's space and where each page stands.

Three queries whatever the number of pages: the user's partner spaces, their partner pages
(one per language tree), and the space's pages — most recently edited first, those in
review or sent back for changes before the others — each annotated with the state of its
latest workflow (status, current step, reviewer's comment) by correlated subqueries.
"""

from django.db.models import Case, CharField, IntegerField, OuterRef, Q, Subquery, Value, When
from django.db.models.functions import Cast
from django.urls import reverse
from django.utils.translation import gettext as _
from wagtail.admin.ui.components import Component
from wagtail.models import Page, WorkflowState, get_default_page_content_type

from heritagehub.tree import below
from partners.models import PartnerPage

PAGES_SHOWN = 20


def pages_with_review_state(partner_pages):
    """The pages below (and including) ``partner_pages``, with their latest workflow state."""
    subtree = Q()
    for page in partner_pages:
        subtree |= below(page.path, inclusive=True)
    if not subtree:
        return Page.objects.none()
    latest_state = WorkflowState.objects.filter(
        base_content_type_id=get_default_page_content_type().pk,
        object_id=Cast(OuterRef("pk"), output_field=CharField(max_length=255)),
    ).order_by("-created_at", "-pk")
    return (
        Page.objects.filter(subtree)
        .select_related("locale")
        .annotate(
            review_status=Subquery(latest_state.values("status")[:1]),
            review_task=Subquery(latest_state.values("current_task_state__task__name")[:1]),
            review_comment=Subquery(latest_state.values("current_task_state__comment")[:1]),
        )
        .annotate(
            review_rank=Case(
                When(review_status=WorkflowState.STATUS_NEEDS_CHANGES, then=Value(0)),
                When(review_status=WorkflowState.STATUS_IN_PROGRESS, then=Value(1)),
                default=Value(2),
                output_field=IntegerField(),
            )
        )
        .order_by("review_rank", "-latest_revision_created_at", "path")
    )


def review_label(page):
    status = page.review_status
    if status == WorkflowState.STATUS_IN_PROGRESS:
        return _("In review: %(step)s") % {"step": page.review_task}
    if status == WorkflowState.STATUS_NEEDS_CHANGES:
        return _("Changes requested")
    if status == WorkflowState.STATUS_APPROVED:
        return _("Approved")
    return ""


def publication_label(page):
    if page.live and page.has_unpublished_changes:
        return _("Live, with a draft")
    if page.live:
        return _("Live")
    return _("Draft")


class PartnerSpacePanel(Component):
    """'Your partner space': shown first on the dashboard of partner editors and leads."""

    name = "partner_space"
    template_name = "partners/admin/dashboard_panel.html"
    order = 50

    def __init__(self, spaces):
        self.spaces = spaces

    def get_context_data(self, parent_context):
        context = super().get_context_data(parent_context)
        partner_pages = list(
            PartnerPage.objects.filter(
                translation_key__in=[space.translation_key for space in self.spaces]
            )
            .select_related("locale")
            .order_by("title", "locale__language_code")
        )
        rows = []
        for page in pages_with_review_state(partner_pages)[:PAGES_SHOWN]:
            rows.append(
                {
                    "page": page,
                    "edit_url": reverse("wagtailadmin_pages:edit", args=[page.pk]),
                    "language": page.locale.get_display_name(),
                    "type": page.page_type_display_name,
                    "publication": publication_label(page),
                    "review": review_label(page),
                    "needs_changes": page.review_status == WorkflowState.STATUS_NEEDS_CHANGES,
                    "comment": page.review_comment
                    if page.review_status == WorkflowState.STATUS_NEEDS_CHANGES
                    else "",
                }
            )
        context.update(
            {
                "spaces": self.spaces,
                "partner_pages": [
                    {
                        "page": page,
                        "language": page.locale.get_display_name(),
                        "explore_url": reverse("wagtailadmin_explore", args=[page.pk]),
                        "edit_url": reverse("wagtailadmin_pages:edit", args=[page.pk]),
                        "publication": publication_label(page),
                    }
                    for page in partner_pages
                ],
                "rows": rows,
                "pages_shown": PAGES_SHOWN,
            }
        )
        return context
