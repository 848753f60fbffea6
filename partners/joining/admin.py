"""The moderators' review of applications to join: *Partners → Applications to join*.

Moderators and hub editors (``view`` and ``change`` rights on ``JoinApplication``, granted
by the partners migration ``0009_join_application_roles``) list the applications, read
one and accept or decline it. Nobody adds one in the admin: they come from the public
form. Partner editors and translators have no right on them: the menu item is hidden and
every URL answers as the admin answers a denial.
"""

from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect
from django.urls import path, reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import TemplateView
from wagtail.admin import messages
from wagtail.admin.auth import permission_denied
from wagtail.admin.site_summary import SummaryItem
from wagtail.admin.ui.tables import Column, DateColumn
from wagtail.admin.views.generic import IndexView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.permissions import register_permission_policy

from .applications import accept_application, decline_application
from .forms import AcceptForm, DeclineForm
from .models import JoinApplication


class JoinApplicationPermissionPolicy(ModelPermissionPolicy):
    """Model permissions, except that nobody adds an application in the admin."""

    def user_has_permission(self, user, action):
        return action != "add" and super().user_has_permission(user, action)

    def user_has_any_permission(self, user, actions):
        return any(self.user_has_permission(user, action) for action in actions)


permission_policy = JoinApplicationPermissionPolicy(JoinApplication)
register_permission_policy(JoinApplication, permission_policy)


class ReviewApplicationView(WagtailAdminTemplateMixin, TemplateView):
    """One application in full, with the accept and decline forms while it waits."""

    template_name = "partners/joining/admin/review.html"
    header_icon = "group"

    def dispatch(self, request, pk):
        if not permission_policy.user_has_any_permission(request.user, ["view", "change"]):
            return permission_denied(request)
        self.application = get_object_or_404(
            JoinApplication.objects.select_related(
                "institution_type", "decided_by", "partner_space"
            ),
            pk=pk,
        )
        self.may_decide = permission_policy.user_has_permission(request.user, "change")
        return super().dispatch(request, pk)

    def get_page_title(self):
        return self.application.organisation

    def get_breadcrumbs_items(self):
        return self.breadcrumbs_items + [
            {"url": reverse("join_applications:index"), "label": _("Applications to join")},
            {"url": "", "label": self.get_page_title()},
        ]

    def get_context_data(self, accept_form=None, decline_form=None, **kwargs):
        context = super().get_context_data(**kwargs)
        application = self.application
        context.update(
            application=application,
            sectors=list(application.sectors.all()),
            service_kinds=list(application.service_kinds.all()),
            may_decide=self.may_decide and application.is_pending,
            accept_form=accept_form or AcceptForm(application=application),
            decline_form=decline_form or DeclineForm(),
            action_url=reverse("join_applications:edit", args=[application.pk]),
        )
        space = application.partner_space
        if space is not None:
            context["partner_pages"] = list(space.pages().select_related("locale"))
        return context

    def post(self, request, pk):
        if not self.may_decide:
            return permission_denied(request)
        action = request.POST.get("action")
        if action == "accept":
            return self.accept(request)
        if action == "decline":
            return self.decline(request)
        return redirect("join_applications:edit", pk)

    def _refused(self, form, error, **forms):
        for field, field_messages in error.message_dict.items():
            for message in field_messages:
                form.add_error(field if field in form.fields else None, message)
        messages.error(self.request, _("The application could not be decided: see below."))
        return self.render_to_response(self.get_context_data(**forms))

    def accept(self, request):
        form = AcceptForm(request.POST, application=self.application)
        if not form.is_valid():
            return self.render_to_response(self.get_context_data(accept_form=form))
        data = form.cleaned_data
        try:
            decision = accept_application(
                self.application.pk,
                request.user,
                slug=data["slug"],
                institution_type=data["institution_type"],
                editor_username=data["editor_username"],
                lead_approval=data["lead_approval"],
            )
        except ValidationError as error:
            return self._refused(form, error, accept_form=form)
        organisation = self.application.organisation
        if not decision.changed:
            messages.info(request, _("%(name)s was already accepted.") % {"name": organisation})
            return redirect("join_applications:edit", self.application.pk)
        result = decision.onboarding
        messages.success(
            request,
            _(
                "%(name)s is accepted and onboarded: its page waits as a draft for review, and "
                "an invitation was e-mailed to %(email)s."
            )
            % {"name": organisation, "email": self.application.email},
            buttons=[
                messages.button(
                    reverse("wagtailadmin_pages:edit", args=[result.page.pk]),
                    _("Edit the partner page"),
                )
            ],
        )
        return redirect("join_applications:index")

    def decline(self, request):
        form = DeclineForm(request.POST)
        if not form.is_valid():
            return self.render_to_response(self.get_context_data(decline_form=form))
        try:
            decision = decline_application(
                self.application.pk, request.user, form.cleaned_data["message"]
            )
        except ValidationError as error:
            return self._refused(form, error, decline_form=form)
        organisation = self.application.organisation
        if not decision.changed:
            messages.info(request, _("%(name)s was already declined.") % {"name": organisation})
        else:
            messages.success(
                request,
                _("%(name)s is declined: your message was e-mailed to %(email)s.")
                % {"name": organisation, "email": self.application.email},
            )
        return redirect("join_applications:index")


class WaitingApplicationsSummaryItem(SummaryItem):
    """On the dashboard of those who decide: how many applications wait, linked to them."""

    order = 250
    template_name = "partners/joining/admin/summary_item.html"

    def is_shown(self):
        return permission_policy.user_has_permission(self.request.user, "change")

    def get_context_data(self, parent_context):
        status = JoinApplication.Status.RECEIVED
        return {
            "count": JoinApplication.objects.filter(status=status).count(),
            "url": reverse("join_applications:index") + f"?status={status}",
        }


class LanguageColumn(Column):
    def get_value(self, instance):
        return instance.get_language_display()


class JoinApplicationIndexView(IndexView):
    def get_base_queryset(self):
        # The type's name is a column: one query for the page, not one per application.
        return super().get_base_queryset().select_related("institution_type")


class JoinApplicationViewSet(ModelViewSet):
    model = JoinApplication
    index_view_class = JoinApplicationIndexView
    icon = "mail"
    menu_label = gettext_lazy("Applications to join")
    menu_order = 100
    # Under the *Partners* menu (partners.wagtail_hooks).
    add_to_admin_menu = True
    menu_hook = "register_partners_menu_item"
    list_display = [
        "organisation",
        "institution_type",
        "city",
        "country",
        LanguageColumn("language", label=gettext_lazy("Language")),
        "status",
        DateColumn("submitted_at", label=gettext_lazy("Submitted at")),
    ]
    list_filter = ["status", "language"]
    ordering = ["-submitted_at"]
    copy_view_enabled = False
    inspect_view_enabled = False

    def get_urlpatterns(self):
        # The generic edit form gives way to the review (what the listing links to).
        patterns = [pattern for pattern in super().get_urlpatterns() if pattern.name != "edit"]
        return patterns + [
            path(
                f"edit/<{self.pk_path_converter}:pk>/", ReviewApplicationView.as_view(), name="edit"
            )
        ]


join_application_viewset = JoinApplicationViewSet(
    "join_applications", url_prefix="partners/applications"
)
