"""The calls index: every open call of the hub, its archive, its calendar and its feed.

Its routes answer with the listing's views, which read the calls (``calls.models.call``):
so the index is a module of its own, and nothing the views import imports it.
"""

from django.utils.translation import gettext_lazy as _
from wagtail.contrib.routable_page.models import RoutablePageMixin, path

from heritagehub.i18n import url_in_language
from heritagehub.models import IndexPage

from ..feeds import CallFeed
from ..listing import CallListing
from ..views import calendar_response, listing_response


class CallIndexPage(RoutablePageMixin, IndexPage):
    """Every open call of the hub (/calls/), its archive, and its feeds.

    A query over the whole tree, like the story index: partners' calls sit below their own
    pages. Its routes: ``archive/`` (closed calls), ``calendar/`` (the deadlines as
    iCalendar) and ``feed/`` (Atom), each taking the listing's filters.
    """

    parent_page_types = ["home.HomePage"]
    subpage_types = ["calls.CallPage"]

    class Meta:
        verbose_name = _("calls index")

    def listing(self, request, archive=False):
        return CallListing(request, index=self, archive=archive)

    def route_url(self, route, language_code=None):
        return url_in_language(self, language_code) + self.reverse_subpage(route)

    @path("", name="open")
    def open_calls(self, request):
        return listing_response(self, request, archive=False)

    @path("archive/", name="archive")
    def archive(self, request):
        return listing_response(self, request, archive=True)

    @path("calendar/", name="calendar")
    def calendar(self, request):
        return calendar_response(self, request)

    @path("feed/", name="feed")
    def feed(self, request):
        return CallFeed()(request, index=self)
