"""The Atom feed of open calls: ``/<lang>/calls/feed/``, with the listing's filters.

Newest calls first by opening date: a feed reader wants to know what has just opened. Only
calls that are open now are entries (an upcoming call appears when it opens, a closed one
leaves), each in the feed's language where translated, else its best language (``xml:lang``
marks it, as stories.feeds does).
"""

from django.contrib.syndication.views import Feed
from django.utils.html import escape
from django.utils.translation import gettext as _

from heritagehub.i18n import url_in_language
from heritagehub.linked_data import hub_name
from stories.feeds import MultilingualAtomFeed

from .listing import CallFilters
from .models.call import CallPage

FEED_ENTRIES = 30


class CallFeed(Feed):
    feed_type = MultilingualAtomFeed

    def __call__(self, request, *args, **kwargs):
        self.request = request
        self.filters = CallFilters(request)
        return super().__call__(request, *args, **kwargs)

    def get_object(self, request, index):
        return index

    def _absolute(self, url):
        return self.request.build_absolute_uri(url)

    def title(self, index):
        return _("Open calls · %(hub)s") % {"hub": hub_name(self.request)}

    def subtitle(self, index):
        return _("Residencies, grants, training, jobs and calls of the hub and its partners.")

    def link(self, index):
        return self._absolute(url_in_language(index))

    def feed_url(self, index):
        query = self.filters.query()
        url = index.route_url("feed")
        return self._absolute(f"{url}?{query}" if query else url)

    def author_name(self, index):
        return hub_name(self.request)

    def items(self, index):
        calls = self.filters.apply(CallPage.listed()).filter(CallPage.open_filter())
        return calls.prefetch_related("sectors").order_by("-opens_at", "title")[:FEED_ENTRIES]

    def item_title(self, call):
        return call.title

    def item_description(self, call):
        deadline = call.local_deadline
        return escape(
            _("%(summary)s Deadline: %(date)s (%(zone)s).")
            % {
                "summary": call.summary,
                "date": deadline.strftime("%Y-%m-%d %H:%M"),
                "zone": call.time_zone,
            }
        )

    def item_link(self, call):
        return self._absolute(url_in_language(call))

    def item_pubdate(self, call):
        return call.opens_at

    def item_updateddate(self, call):
        return call.last_published_at or call.opens_at

    def item_categories(self, call):
        return [call.kind.name, *(sector.name for sector in call.sectors.all())]

    def item_extra_kwargs(self, call):
        return {"language": call.content_language}
