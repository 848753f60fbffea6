"""The story index and its routes: the list of stories, "share your story", the feed.

Its routes answer with the community views, which create stories (``stories.models.story``):
so the index is a module of its own, and nothing the views import imports it.
"""

from django.utils.translation import gettext_lazy as _
from wagtail.contrib.routable_page.models import RoutablePageMixin, path

from heritagehub.cache import without_private
from heritagehub.covers import choose_covers
from heritagehub.i18n import in_language, url_in_language
from heritagehub.models import IndexPage
from heritagehub.pagination import paginate

from ..feeds import StoryFeed
from ..views import share_story, share_story_thanks
from .story import STORIES_PER_PAGE, StoryPage


class StoryIndexPage(RoutablePageMixin, IndexPage):
    """Every story of the hub (/stories/), whoever wrote it and wherever it sits in the tree.

    It also hosts the public "share your story" form (``share/``): a visitor's story becomes
    a draft child of the story index the visitor reached, waiting for moderation
    (stories.community).
    """

    parent_page_types = ["home.HomePage"]
    subpage_types = ["stories.StoryPage"]

    class Meta:
        verbose_name = _("story index")

    def stories(self):
        return (
            in_language(without_private(StoryPage.objects.live()))
            .select_related("hero_image", "locale")
            .prefetch_related("hero_image__renditions")
            .order_by("-date", "title")
        )

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["stories"] = stories = paginate(request, self.stories(), per_page=STORIES_PER_PAGE)
        stories.object_list = choose_covers(stories.object_list)
        return context

    def share_url(self, language_code=None, route="share"):
        """The URL of the "share your story" form (or its thank-you page) in a language."""
        return url_in_language(self, language_code) + self.reverse_subpage(route)

    @path("share/", name="share")
    def share(self, request):
        return share_story(request, self)

    @path("share/thanks/", name="share_thanks")
    def share_thanks(self, request):
        return share_story_thanks(request, self)

    def feed_url(self, language_code=None):
        """The URL of the Atom feed of stories in a language (no query)."""
        return url_in_language(self, language_code) + self.reverse_subpage("feed")

    @path("feed/", name="feed")
    def feed(self, request):
        return StoryFeed()(request, index=self)
