"""The Atom feed of stories, one per language: ``/<lang>/stories/feed/``.

A route of the story index (``StoryIndexPage.feed``), so it is served under every language
prefix like the index itself, and cached with the pages. It lists what the index lists, one
entry per story: the story in the feed's language where it is translated, else in its best
available language (heritagehub.i18n.in_language), marked with that language's ``xml:lang``
as the site marks untranslated content with ``lang``. Leaving untranslated stories out would
leave most feeds but the Italian one nearly empty, as most stories are written in one
language. The newest publications come first: a feed tells what is new on the site
(``published``, ``updated``), while the story's own date is the one the page shows.
"""

import mimetypes
from datetime import datetime, time

from django.conf import settings
from django.contrib.syndication.views import Feed
from django.db.models import DateTimeField
from django.db.models.functions import Cast, Coalesce
from django.utils.feedgenerator import Atom1Feed, Enclosure
from django.utils.html import escape
from django.utils.timezone import make_aware
from django.utils.translation import gettext as _

from heritagehub import cache
from heritagehub.i18n import url_in_language

FEED_ENTRIES = 20
# The hero's rendition on the story page and the large story card: no new image files.
ENCLOSURE_RENDITION = "fill-960x540"


class MultilingualAtomFeed(Atom1Feed):
    """Atom with the language of each entry (``xml:lang``), which may differ from the feed's."""

    def item_attributes(self, item):
        return {"xml:lang": item["language"]}


class StoryFeed(Feed):
    """The stories of the hub in the active language, for ``StoryIndexPage.feed``."""

    feed_type = MultilingualAtomFeed

    def __call__(self, request, *args, **kwargs):
        self.request = request
        return super().__call__(request, *args, **kwargs)

    def get_object(self, request, index):
        return index

    def _absolute(self, url):
        return self.request.build_absolute_uri(url)

    def _hub_name(self):
        site = cache.site_for_request(self.request)
        return (site.site_name if site else "") or settings.WAGTAIL_SITE_NAME

    # The feed

    def title(self, index):
        return _("Stories · %(hub)s") % {"hub": self._hub_name()}

    def subtitle(self, index):
        return _("Stories told by the hub, its partner institutions and their communities.")

    def link(self, index):
        return self._absolute(url_in_language(index))

    def feed_url(self, index):
        return self._absolute(index.feed_url())

    def author_name(self, index):
        return self._hub_name()

    def items(self, index):
        # Newest by the entry's publication date (item_pubdate): pages made live in code
        # have none, and are placed by their date.
        published = Coalesce("first_published_at", Cast("date", DateTimeField()))
        newest = published.desc()
        return (
            index.stories().prefetch_related("tags").order_by(newest, "-date", "-pk")[:FEED_ENTRIES]
        )

    # Its entries

    def item_title(self, story):
        return story.title  # Atom titles are text: Django's default would escape it twice

    def item_description(self, story):
        return escape(story.summary)  # an HTML summary, from plain text

    def item_link(self, story):
        return self._absolute(url_in_language(story))

    def item_pubdate(self, story):
        # Pages made live in code (imports, the demo) have no publication dates: their date.
        return story.first_published_at or _midnight(story.date)

    def item_updateddate(self, story):
        return story.last_published_at or self.item_pubdate(story)

    def item_author_name(self, story):
        return story.author_name or None  # else the feed's author, the hub

    def item_categories(self, story):
        return [tag.name for tag in story.tags.all()]

    def item_enclosures(self, story):
        if story.hero_image is None:
            return []
        rendition = story.hero_image.get_rendition(ENCLOSURE_RENDITION)
        try:
            length = rendition.file.size
        except OSError:  # a missing file: no enclosure rather than a broken feed
            return []
        mime_type = mimetypes.guess_type(rendition.file.name)[0] or "application/octet-stream"
        return [Enclosure(self._absolute(rendition.url), str(length), mime_type)]

    def item_extra_kwargs(self, story):
        return {"language": story.content_language}


def _midnight(day):
    return make_aware(datetime.combine(day, time.min))
