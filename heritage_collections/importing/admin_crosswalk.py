"""The admin's vocabulary crosswalks (docs/import.md, "Crosswalks").

- ``MapValuesView``: from an import's report, map each value the hub does not know to a hub
  term — or, for hub editors, make it a new object type — then see the report again.
- ``CrosswalkView``: the saved mappings of the partners the user may import for, each
  changed or removed there. A partner's editors see and change only their own partner's;
  hub editors every partner's.
"""

from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.decorators import method_decorator
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST
from django.views.generic import TemplateView, View
from wagtail.admin import messages
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from heritage_collections.models import ColumnMapping, VocabularyCrosswalk
from partners.models import PartnerSpace

from .admin_views import ImportAccessMixin, UploadMixin, importable_collections
from .columns import header
from .crosswalk import (
    NEW_TERM,
    CrosswalkError,
    may_create_terms,
    not_onboarded,
    save_column_mapping,
    save_mapping,
    term_choices,
)

MAX_VALUES = 5000  # values mapped in one form


def crosswalk_spaces(user):
    """The partner spaces whose crosswalk ``user`` may read and change: those of the
    partners whose collections they may import into; every partner's for hub editors."""
    if may_create_terms(user):
        return PartnerSpace.objects.all()
    keys = {partner.translation_key for _c, partner in importable_collections(user).values()}
    return PartnerSpace.objects.filter(translation_key__in=keys)


@method_decorator(require_POST, name="dispatch")
class MapValuesView(UploadMixin, View):
    def post(self, request, token):
        self.setup_import(token)
        space = self.target.space
        if space is None:
            messages.error(request, not_onboarded())
            return redirect("import_items:report", token=token)
        saved, problems = 0, []
        count = request.POST.get("count", "")
        for index in range(min(int(count), MAX_VALUES) if count.isdigit() else 0):
            column = request.POST.get(f"column-{index}", "")
            value = request.POST.get(f"value-{index}", "")
            term = request.POST.get(f"term-{index}", "")
            if not term:
                continue
            create = term == NEW_TERM
            if create and not may_create_terms(request.user):
                raise PermissionDenied
            try:
                save_mapping(space, column, value, value if create else term, create=create)
            except CrosswalkError as error:
                problems.append(f"“{value}”: {error}")
                continue
            saved += 1
        if saved:
            messages.success(
                request,
                _("Crosswalk of %(partner)s: %(count)s values mapped.")
                % {"partner": self.target.partner.title, "count": saved},
            )
        for problem in problems:
            messages.error(request, problem)
        return redirect("import_items:report", token=token)


@method_decorator(require_POST, name="dispatch")
class MapColumnsView(UploadMixin, View):
    def post(self, request, token):
        self.setup_import(token)
        space = self.target.space
        if space is None:
            messages.error(request, not_onboarded())
            return redirect("import_items:report", token=token)
        known = set(header(self.target.language))
        saved = 0
        count = request.POST.get("count", "")
        for index in range(min(int(count), MAX_VALUES) if count.isdigit() else 0):
            name = request.POST.get(f"name-{index}", "")
            column = request.POST.get(f"column-{index}", "")
            if not column:
                continue
            try:
                save_column_mapping(space, name, column, known)
            except CrosswalkError as error:
                messages.error(request, f"“{name}”: {error}")
                continue
            saved += 1
        if saved:
            messages.success(
                request,
                _("Columns of %(partner)s: %(count)s names mapped.")
                % {"partner": self.target.partner.title, "count": saved},
            )
        return redirect("import_items:report", token=token)


class CrosswalkView(ImportAccessMixin, WagtailAdminTemplateMixin, TemplateView):
    template_name = "heritage_collections/admin/crosswalk.html"
    page_title = gettext_lazy("Vocabulary crosswalks")
    header_icon = "arrow-right-full"

    def get_breadcrumbs_items(self):
        return self.breadcrumbs_items + [
            {"url": reverse("import_items:upload"), "label": _("Import items")},
            {"url": "", "label": self.get_page_title()},
        ]

    def entries(self):
        return VocabularyCrosswalk.objects.filter(
            space__in=crosswalk_spaces(self.request.user)
        ).select_related("space")

    def column_mappings(self):
        return ColumnMapping.objects.filter(
            space__in=crosswalk_spaces(self.request.user)
        ).select_related("space")

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(
            {
                "entries": self.entries(),
                "term_choices": term_choices(),
                "column_mappings": self.column_mappings(),
            }
        )
        return context

    def post(self, request):
        if "column_mapping" in request.POST:
            return self._remove_column_mapping(request)
        try:
            entry = self.entries().get(pk=int(request.POST.get("entry", "")))
        except (ValueError, VocabularyCrosswalk.DoesNotExist):
            raise Http404 from None  # not one of the user's partners'
        if "delete" in request.POST:
            entry.delete()
            messages.success(
                request,
                _("The mapping of “%(value)s” is removed.") % {"value": entry.partner_value},
            )
        else:
            try:
                save_mapping(entry.space, entry.column, entry.partner_value, request.POST["term"])
            except (CrosswalkError, KeyError) as error:
                messages.error(request, str(error))
        return redirect("import_items:crosswalk")

    def _remove_column_mapping(self, request):
        try:
            mapping = self.column_mappings().get(pk=int(request.POST["column_mapping"]))
        except (ValueError, ColumnMapping.DoesNotExist):
            raise Http404 from None  # not one of the user's partners'
        mapping.delete()
        messages.success(
            request,
            _("The mapping of “%(value)s” is removed.") % {"value": mapping.partner_column},
        )
        return redirect("import_items:crosswalk")
