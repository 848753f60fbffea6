"""Admin views of the partners app: onboarding, and translations going to review.

Registered under /admin/partners/ by ``partners.wagtail_hooks``.
"""

from django.core.exceptions import ObjectDoesNotExist, PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Count
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse, reverse_lazy
from django.utils.decorators import method_decorator
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST
from django.views.generic import FormView, TemplateView
from wagtail.admin import messages
from wagtail.admin.auth import permission_required
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.models import Page, WorkflowState
from wagtail_localize.models import Translation
from wagtail_localize.views.report import TranslationsReportView
from wagtail_localize.views.update_translations import UpdateTranslationsView

from partners.forms import OnboardPartnerForm
from partners.models import PartnerPage, PartnerSpace
from partners.permissions import may_translate

ONBOARD_PERMISSION = "partners.onboard_partner"


@method_decorator(permission_required(ONBOARD_PERMISSION), name="dispatch")
class PartnerSpaceIndexView(WagtailAdminTemplateMixin, TemplateView):
    """Every onboarded partner: its page, groups, media collection and workflow."""

    template_name = "partners/admin/index.html"
    page_title = gettext_lazy("Partners")
    header_icon = "group"

    def get_breadcrumbs_items(self):
        return self.breadcrumbs_items + [{"url": "", "label": self.get_page_title()}]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        spaces = list(
            PartnerSpace.objects.select_related("editors", "leads", "collection", "workflow")
            .annotate(editor_count=Count("editors__user", distinct=True))
            .order_by("name")
        )
        pages = {}
        for page in PartnerPage.objects.filter(
            translation_key__in=[space.translation_key for space in spaces]
        ).select_related("locale"):
            pages.setdefault(page.translation_key, []).append(page)
        for space in spaces:
            space.page_list = sorted(
                pages.get(space.translation_key, []), key=lambda page: page.locale.language_code
            )
        context["spaces"] = spaces
        context["onboard_url"] = reverse("partners_admin:onboard")
        return context


@method_decorator(permission_required(ONBOARD_PERMISSION), name="dispatch")
class OnboardPartnerView(WagtailAdminTemplateMixin, FormView):
    """The same onboarding as ``manage.py onboard_partner``, as a form for hub editors."""

    template_name = "partners/admin/onboard.html"
    form_class = OnboardPartnerForm
    page_title = gettext_lazy("Onboard a partner")
    header_icon = "group"
    success_url = reverse_lazy("partners_admin:index")

    def get_breadcrumbs_items(self):
        return self.breadcrumbs_items + [
            {"url": reverse("partners_admin:index"), "label": _("Partners")},
            {"url": "", "label": self.get_page_title()},
        ]

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "user": self.request.user}

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["action_url"] = reverse("partners_admin:onboard")
        context["submit_button_label"] = _("Onboard")
        context["submit_button_active_label"] = _("Onboarding…")
        return context

    def form_valid(self, form):
        if not form.onboard():
            return self.form_invalid(form)
        result = form.result
        if not result.changed:
            messages.info(
                self.request,
                _("%(partner)s was already onboarded: nothing changed.")
                % {"partner": result.space.name},
            )
        else:
            message = _(
                "%(partner)s is onboarded: its page waits as a draft for review, its editors "
                "may add and change pages in its space and upload to its media collection."
            ) % {"partner": result.space.name}
            if result.invitation_sent:
                message += " " + _("An invitation was e-mailed to %(email)s.") % {
                    "email": result.editor.email
                }
            messages.success(
                self.request,
                message,
                buttons=[
                    messages.button(
                        reverse("wagtailadmin_pages:edit", args=[result.page.pk]),
                        _("Edit the partner page"),
                    )
                ],
            )
        return super().form_valid(form)


@require_POST
def submit_translation_for_review(request, page_id):
    """A translator sends their translation of a page to the page's review workflow.

    wagtail-localize keeps a translator's strings apart from the page until someone
    publishes; translators may not publish. This saves the translated strings as a new
    draft revision of the page (``Translation.save_target(publish=False)``) and submits that
    revision to the page's workflow (or resubmits it after a request for changes), so a
    moderator's approval is what makes the translation live.
    """
    page = get_object_or_404(Page, id=page_id).specific
    edit_url = reverse("wagtailadmin_pages:edit", args=[page.pk])
    permissions = page.permissions_for_user(request.user)
    if not (may_translate(request.user) and permissions.can_edit()):
        raise PermissionDenied
    translation = Translation.objects.filter(
        source__object_id=page.translation_key, target_locale_id=page.locale_id, enabled=True
    ).first()
    if translation is None:
        raise Http404
    workflow = page.get_workflow()
    if workflow is None:
        messages.error(request, _("This page has no review workflow: publish it instead."))
        return redirect(edit_url)
    if permissions.page_locked():
        messages.error(request, _("The page is locked: it cannot be submitted now."))
        return redirect(edit_url)
    state = page.current_workflow_state
    if state is not None and state.status == WorkflowState.STATUS_IN_PROGRESS:
        messages.warning(request, _("This translation is already waiting for review."))
        return redirect(edit_url)

    try:
        with transaction.atomic():
            translation.save_target(user=request.user, publish=False)
            page = Page.objects.get(pk=page.pk).specific
            if state is not None and state.status == WorkflowState.STATUS_NEEDS_CHANGES:
                state.resume(request.user)
            else:
                workflow.start(page, request.user)
    except ValidationError as error:
        messages.error(
            request,
            _("The translation cannot be submitted yet: %(errors)s")
            % {"errors": "; ".join(error.messages)},
        )
        return redirect(edit_url)

    messages.success(
        request,
        _("The %(language)s translation of “%(title)s” has been submitted for review.")
        % {
            "language": page.locale.get_display_name(),
            "title": page.get_admin_display_title(),
        },
    )
    return redirect(edit_url)


class ReviewedUpdateTranslationsView(UpdateTranslationsView):
    """wagtail-localize's "Sync translated pages", without publishing for those who may not.

    Upstream, "Publish immediately" only asks for the ``submit_translation`` permission: a
    translator could publish every translation of a page without review. Here the option
    is offered (and honoured) only when the user may publish every translated page.
    """

    def user_may_publish_translations(self):
        for translation in self.object.translations.filter(enabled=True):
            try:
                target = translation.get_target_instance()
            except ObjectDoesNotExist:
                continue
            if (
                isinstance(target, Page)
                and not target.permissions_for_user(self.request.user).can_publish()
            ):
                return False
        return True

    def get_form(self):
        form = super().get_form()
        if not self.user_may_publish_translations():
            form.fields.pop("publish_translations", None)
        return form

    def form_valid(self, form):
        form.cleaned_data.setdefault("publish_translations", False)
        return super().form_valid(form)


class TranslatorsTranslationsReportView(TranslationsReportView):
    """wagtail-localize's translations report lists every translation of every page and
    snippet — drafts of every partner included: only for those who translate."""

    def dispatch(self, request, *args, **kwargs):
        if not may_translate(request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)
