"""What every Heritage Hub page shares: routing in every language and one slug in all of them."""

from django.db import models
from django.http import Http404
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.api import APIField
from wagtail.models import Page
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField

from heritagehub.i18n import active_language, in_language, language_links


class LocaleFallbackRoutingMixin:
    """Route into another locale's tree when a child is not translated into this one.

    ``/fr/partners/tate/works-on-paper/`` finds the French Tate page (or, untranslated, the
    source one) and, since the collection exists only in English, continues in the English
    tree. The page is then served with the French interface and its content marked
    ``lang="en"``.
    """

    def route(self, request, path_components):
        if not path_components:
            return super().route(request, path_components)
        slug, remaining = path_components[0], path_components[1:]
        child = self.get_children().live().filter(slug=slug).first()
        if child is None:
            child = self._child_in_other_locales(slug)
        if child is None:
            raise Http404
        return child.specific.route(request, remaining)

    def _child_in_other_locales(self, slug):
        parents = self.get_translations(inclusive=False)
        children = Page.objects.none()
        for parent in parents:
            children = children | Page.objects.child_of(parent).filter(slug=slug)
        return in_language(children.live()).order_by("language_rank").first()


class HeritagePageMixin(LocaleFallbackRoutingMixin):
    """What every public page type shares, whatever Wagtail base class it extends."""

    # One slug in every language keeps a page's path the same under /it/, /en/, /fr/ …,
    # which is what lets untranslated pages be reached in every locale (heritagehub.i18n).
    override_translatable_fields = [SynchronizedField("slug")]

    @cached_property
    def content_language(self):
        return self.locale.language_code

    def is_shown_untranslated(self):
        """True when the visitor's language differs from the language of this content."""
        return self.content_language != active_language()

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["language_links"] = language_links(self)
        return context


class HeritagePage(HeritagePageMixin, Page):
    """Base of the public page types that extend Wagtail's plain Page."""

    class Meta:
        abstract = True


class IndexPage(HeritagePage):
    """A listing of pages from the whole tree (collections, stories, partners): a query,
    not a container, so one per home page."""

    introduction = models.TextField(_("introduction"), blank=True)

    content_panels = HeritagePage.content_panels + [FieldPanel("introduction")]
    search_fields = HeritagePage.search_fields + [index.SearchField("introduction")]
    api_fields = [APIField("introduction")]
    max_count_per_parent = 1

    class Meta:
        abstract = True
