"""The partner editor's dashboard panel: their partner's space and where each page stands.

Three queries whatever the number of pages: the user's partner spaces, their partner pages
(one per language tree), and the space's pages — most recently edited first, those in
review or sent back for changes before the others — each annotated with the state of its
latest workflow (status, current step, reviewer's comment) by correlated subqueries.
"""

from django.conf import settings
from django.db.models import (
    Case,
    CharField,
    Count,
    IntegerField,
    OuterRef,
    Q,
    Subquery,
    Value,
    When,
)
from django.db.models.functions import Cast
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
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


class PartnerSpacesPanel(Component):
    """A dashboard panel about the partner spaces (``partners.permissions``) an editor works in."""

    def __init__(self, spaces):
        self.spaces = spaces

    def partner_pages(self):
        """The partner pages of those spaces, in every language."""
        return PartnerPage.objects.filter(
            translation_key__in=[space.translation_key for space in self.spaces]
        )


class PartnerSpacePanel(PartnerSpacesPanel):
    """'Your partner space': shown first on the dashboard of partner editors and leads."""

    name = "partner_space"
    template_name = "partners/admin/dashboard_panel.html"
    order = 50

    def get_context_data(self, parent_context):
        context = super().get_context_data(parent_context)
        partner_pages = list(
            self.partner_pages().select_related("locale").order_by("title", "locale__language_code")
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


# --- "Start here": the partner editor's main actions and what needs attention -------------

# Page types a partner adds below its partner page, by label: partners must not import the
# apps that import it (stories, events), and Wagtail's "add" URL takes the label anyway.
STORY_PAGE = ("stories", "storypage")
EVENT_PAGE = ("events", "eventpage")
# Item pages are many and rarely translated: "not yet translated" counts the others.
ITEM_PAGE = ("heritage_collections", "itempage")


def source_partner_page(partner_pages):
    """The partner page new content goes under: the one in the default language, else the
    first (partner pages come ordered by title and language)."""
    default = [page for page in partner_pages if page.locale.language_code == "it"]
    return (default or partner_pages or [None])[0]


def attention_counts(partner_pages):
    """How many of the partner's pages wait as drafts, are in review or sent back, and how
    many of its non-item pages are not yet in every language. Two queries."""
    subtree = Q()
    for page in partner_pages:
        subtree |= below(page.path, inclusive=True)
    if not subtree:
        return {"drafts": 0, "in_review": 0, "needs_changes": 0, "untranslated": 0}
    states = pages_with_review_state(partner_pages).order_by()
    counts = states.aggregate(
        drafts=Count(
            "pk",
            # Never in a workflow (NULL), or its last one finished: not with the moderators.
            filter=(Q(live=False) | Q(has_unpublished_changes=True))
            & (
                Q(review_status__isnull=True)
                | ~Q(
                    review_status__in=[
                        WorkflowState.STATUS_IN_PROGRESS,
                        WorkflowState.STATUS_NEEDS_CHANGES,
                    ]
                )
            ),
        ),
        in_review=Count("pk", filter=Q(review_status=WorkflowState.STATUS_IN_PROGRESS)),
        needs_changes=Count("pk", filter=Q(review_status=WorkflowState.STATUS_NEEDS_CHANGES)),
    )
    languages = len(settings.WAGTAIL_CONTENT_LANGUAGES)
    counts["untranslated"] = (
        Page.objects.filter(subtree)
        .exclude(
            content_type__app_label=ITEM_PAGE[0],
            content_type__model=ITEM_PAGE[1],
        )
        .values("translation_key")
        .annotate(languages=Count("pk"))
        .filter(languages__lt=languages)
        .count()
    )
    return counts


class PartnerStartPanel(PartnerSpacesPanel):
    """'Start here': what a partner editor usually comes to do, and what waits for them.

    Shown above 'Your partner space'; its counts cover the editor's partner only, in a
    fixed number of queries whatever the number of pages (tests/partners/test_dashboard.py).
    """

    name = "partner_start"
    template_name = "partners/admin/start_panel.html"
    order = 40

    def get_context_data(self, parent_context):
        context = super().get_context_data(parent_context)
        partner_pages = list(
            self.partner_pages().select_related("locale").order_by("title", "locale__language_code")
        )
        home = source_partner_page(partner_pages)
        actions = []
        if home is not None:
            actions = [
                (
                    _("Write a story"),
                    reverse("wagtailadmin_pages:add", args=(*STORY_PAGE, home.pk)),
                    "doc-full-inverse",
                ),
                (_("Import items"), reverse("import_items:upload"), "upload"),
                (_("Add images"), reverse("wagtailimages:add_multiple"), "image"),
                (
                    _("Add an event"),
                    reverse("wagtailadmin_pages:add", args=(*EVENT_PAGE, home.pk)),
                    "date",
                ),
            ]
        counts = attention_counts(partner_pages)
        explore_url = reverse("wagtailadmin_explore", args=[home.pk]) if home else ""
        attention = [
            (count, label, explore_url)
            for count, label in (
                (
                    counts["needs_changes"],
                    ngettext(
                        "%(count)s page sent back with changes requested",
                        "%(count)s pages sent back with changes requested",
                        counts["needs_changes"],
                    ),
                ),
                (
                    counts["drafts"],
                    ngettext(
                        "%(count)s draft not yet submitted for review",
                        "%(count)s drafts not yet submitted for review",
                        counts["drafts"],
                    ),
                ),
                (
                    counts["in_review"],
                    ngettext(
                        "%(count)s page waiting for the moderators",
                        "%(count)s pages waiting for the moderators",
                        counts["in_review"],
                    ),
                ),
                (
                    counts["untranslated"],
                    ngettext(
                        "%(count)s page not yet in every language",
                        "%(count)s pages not yet in every language",
                        counts["untranslated"],
                    ),
                ),
            )
            if count
        ]
        context.update(
            {
                "actions": actions,
                "attention": [
                    {"text": label % {"count": count}, "url": url}
                    for count, label, url in attention
                ],
            }
        )
        return context
