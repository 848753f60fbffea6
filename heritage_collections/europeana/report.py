"""The admin report "Europeana readiness" (Reports menu): a partner's items with their
content and metadata tiers and the EDM properties they miss, and a summary over all of them.

Hub staff (rights on the whole tree) choose any partner; a partner's editors and leads see
their own partner only, and any other partner's report is refused as the admin refuses
anything. The summary is one aggregate query (``summary``); the rows of a page
read their facts in two more (``facts``): the report's query count depends on
neither the page size nor the partner's number of items.
"""

from django import forms
from django.shortcuts import redirect
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from wagtail.admin import messages
from wagtail.admin.auth import permission_denied
from wagtail.admin.ui.tables import Column, TitleColumn
from wagtail.admin.views.reports import ReportView

from partners.models import PartnerPage
from partners.permissions import partner_spaces_of, sees_whole_tree

from ..models import ItemPage
from ..permissions import may_see_report
from .facts import facts_by_item, partner_is_live, partner_items, partner_pages_of
from .rules import assess
from .summary import summarise


def visible_partners(user):
    """{translation key: PartnerPage} of the partners whose report ``user`` may see, by
    title; one page per partner (the first language tree it is in)."""
    if not may_see_report(user):
        return {}
    pages = PartnerPage.objects.order_by("path")
    if not sees_whole_tree(user):
        pages = pages.filter(translation_key__in=partner_spaces_of(user).values("translation_key"))
    partners = {}
    for page in pages:
        partners.setdefault(page.translation_key, page)
    return dict(sorted(partners.items(), key=lambda pair: (pair[1].title.lower(), pair[1].pk)))


class PartnerForm(forms.Form):
    partner = forms.ChoiceField(label=_("Partner"))

    def __init__(self, *args, partners, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["partner"].choices = [(page.slug, page.title) for page in partners.values()]


class EuropeanaReadinessView(ReportView):
    page_title = _("Europeana readiness")
    header_icon = "globe"
    template_name = "heritage_collections/admin/europeana_report.html"
    results_template_name = "heritage_collections/admin/europeana_report_results.html"
    index_url_name = "europeana_readiness:index"
    paginate_by = 50
    columns = [
        TitleColumn("title", label=_("Item"), url_name="wagtailadmin_pages:edit"),
        Column("identifier", label=_("Identifier")),
        Column("language", label=_("Language")),
        Column("content_tier", label=_("Content tier")),
        Column("metadata_tier", label=_("Metadata tier")),
        Column("missing_properties", label=_("Missing for Europeana")),
    ]
    list_export = [
        "identifier",
        "title",
        "language",
        "content_tier",
        "metadata_tier",
        "missing_properties",
    ]
    export_headings = {
        "identifier": _("Identifier"),
        "title": _("Title"),
        "language": _("Language"),
        "content_tier": _("Content tier"),
        "metadata_tier": _("Metadata tier"),
        "missing_properties": _("Missing for Europeana"),
    }

    def dispatch(self, request, *args, **kwargs):
        self.partners = visible_partners(request.user)
        if not self.partners:
            return permission_denied(request)
        slug = request.GET.get("partner")
        if slug:
            chosen = [page for page in self.partners.values() if page.slug == slug]
            if not chosen:
                if PartnerPage.objects.filter(slug=slug).exists():
                    return permission_denied(request)  # another partner's report
                messages.error(request, _("There is no partner “%(slug)s”.") % {"slug": slug})
                return redirect("europeana_readiness:index")
            self.partner = chosen[0]
        else:
            self.partner = next(iter(self.partners.values()))
        self.partner_pages = partner_pages_of(self.partner.translation_key)
        return super().dispatch(request, *args, **kwargs)

    def get_export_filename(self):
        return f"europeana-readiness-{self.partner.slug}"

    def get_queryset(self):
        return partner_items(self.partner_pages).select_related("locale").order_by("title", "pk")

    @cached_property
    def partner_is_live(self):
        return partner_is_live(self.partner_pages)

    def decorate_paginated_queryset(self, object_list):
        # In place: the table already holds this page's queryset (and its cached rows).
        items = list(object_list)
        facts = facts_by_item(
            ItemPage.objects.filter(pk__in=[item.pk for item in items]), self.partner_is_live
        )
        for item in items:
            readiness = assess(facts[item.pk])
            item.content_tier = readiness.content_tier
            item.metadata_tier = readiness.metadata_tier
            item.missing_properties = ", ".join(entry.property for entry in readiness.missing)
            item.language = item.locale.get_display_name()
        return object_list

    def get_context_data(self, *args, **kwargs):
        context = super().get_context_data(*args, **kwargs)
        context.update(
            {
                "partner": self.partner,
                "partner_form": PartnerForm(
                    initial={"partner": self.partner.slug}, partners=self.partners
                ),
                "summary": summarise(partner_items(self.partner_pages), self.partner_is_live),
            }
        )
        return context
