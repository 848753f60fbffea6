"""The partner directory's page and its routes: the list or map, its exports, and "find a
service or space".

Its routes answer with the directory (``partners.directory``), which reads the partners
(``partners.models.partner``): so the index is a module of its own, and nothing the
directory imports imports it.
"""

from dataclasses import replace

from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from wagtail.contrib.routable_page.models import RoutablePageMixin, path

from heritagehub.i18n import in_language, language_links, url_in_language
from heritagehub.models import IndexPage
from maps import Marker, draw_map

from ..directory import Directory, OfferFinder
from ..exports import csv_response, geojson_response
from .partner import PartnerPage


class PartnerIndexPage(RoutablePageMixin, IndexPage):
    """The partner directory (/partners/): faceted, searchable, as a list or a map, exported
    as CSV and GeoJSON, and "find a service or space" (``services/``); docs/directory.md.
    The query logic is ``partners.directory``."""

    parent_page_types = ["home.HomePage"]
    subpage_types = ["partners.PartnerPage"]

    class Meta:
        verbose_name = _("partner directory")

    def partners(self):
        return (
            in_language(PartnerPage.objects.live().public())
            .select_related("institution_type", "logo")
            .prefetch_related("logo__renditions")
            .order_by("title")
        )

    def export_urls(self, directory):
        """The CSV and GeoJSON of the directory's current selection."""
        base = url_in_language(self)
        query = directory.state.query_string()
        return {
            "csv": base + self.reverse_subpage("export_csv") + query,
            "geojson": base + self.reverse_subpage("export_geojson") + query,
        }

    @path("", name="directory")
    def directory(self, request):
        directory = Directory(request)
        exports = self.export_urls(directory)
        is_map = directory.state.view == "map"
        return self.render(
            request,
            context_overrides={
                "directory": directory,
                "partners": None if is_map else directory.results(),
                "map": directory_map(directory, exports["geojson"]) if is_map else None,
                "exports": exports,
                "services_url": url_in_language(self) + self.reverse_subpage("find_services"),
            },
        )

    @path("export/csv/", name="export_csv")
    def export_csv(self, request):
        return csv_response(request)

    @path("export/geojson/", name="export_geojson")
    def export_geojson(self, request):
        return geojson_response(request)

    @path("services/", name="find_services")
    def find_services(self, request):
        """Find a service or space: every offer, filtered by kind and place."""
        finder = OfferFinder(request)
        suffix = self.reverse_subpage("find_services")
        links = [replace(link, url=link.url + suffix) for link in language_links(self)]
        return self.render(
            request,
            template="partners/find_services.html",
            context_overrides={
                "finder": finder,
                "offers": finder.offers(),
                "directory_url": url_in_language(self),
                "language_links": links,
                "canonical_url": url_in_language(self) + suffix,
            },
        )


def directory_map(directory, geojson_url):
    """The map of the directory's selection (its list alternative is the include's)."""
    located, _missing = directory.located()
    markers = [
        Marker(
            fact["latitude"],
            fact["longitude"],
            fact["title"],
            f"/{directory.language}/{fact['path']}",
            lang=fact["lang"],
            # What a drawn group lists: "3 partners in this area: Torino, Bologna …".
            name=fact["city"] or fact["title"],
        )
        for fact in located
    ]
    state = directory.state
    return draw_map(
        markers,
        title=_("Map of the partners"),
        bbox=state.bbox,
        geojson_url=geojson_url,
        cluster_url=lambda box: state.url(bbox=box.as_param(), view="map", page=None),
        cluster_label=lambda count: (
            ngettext("%(count)s partner in this area", "%(count)s partners in this area", count)
            % {"count": count}
        ),
    )
