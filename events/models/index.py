"""What's on: the programme's index page and its routes (listing, archive, calendar, feed,
GeoJSON).

Its routes answer with the programme's views, which read the events (``events.models.event``):
so the index is a module of its own, and nothing the views import imports it.
"""

from django.utils.translation import gettext_lazy as _
from wagtail.contrib.routable_page.models import RoutablePageMixin, path

from heritagehub.i18n import url_in_language
from heritagehub.models import IndexPage

from ..feeds import EventFeed
from ..linked_data import whats_on_data
from ..views import whats_on, whats_on_calendar, whats_on_geojson


class WhatsOnPage(RoutablePageMixin, IndexPage):
    """What's on (/whats-on/): every upcoming event of the hub and its partners, filtered by
    date, kind, partner, city, price, place and language, as a list or on a map; the past
    ones in its archive; and the same selections as iCalendar, Atom and GeoJSON
    (events.views)."""

    parent_page_types = ["home.HomePage"]
    subpage_types = ["events.EventPage"]

    class Meta:
        verbose_name = _("what's on page")

    def route_url(self, name, language_code=None):
        return url_in_language(self, language_code) + self.reverse_subpage(name)

    @path("", name="listing")
    def listing(self, request):
        return whats_on(request, self)

    @path("archive/", name="archive")
    def archive(self, request):
        return whats_on(request, self, archive=True)

    @path("calendar/", name="calendar")
    def calendar(self, request):
        return whats_on_calendar(request, self)

    @path("feed/", name="feed")
    def feed(self, request):
        return EventFeed()(request, index=self)

    @path("geojson/", name="geojson")
    def geojson(self, request):
        return whats_on_geojson(request, self)

    def structured_data(self, request, context):
        return whats_on_data(self, request, context)
