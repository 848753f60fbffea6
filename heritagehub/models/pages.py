"""What every Heritage Hub page shares: routing in every language and one slug in all of them."""

import logging
from dataclasses import dataclass, field

from django.db import models
from django.http import Http404
from django.urls import Resolver404
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.api import APIField
from wagtail.contrib.routable_page.models import RoutablePageMixin
from wagtail.models import Page, PageViewRestriction, Site
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField

from heritagehub import cache
from heritagehub.i18n import (
    active_language,
    lang_attribute,
    language_code_of,
    language_links,
    language_order,
    links_for_translations,
)

logger = logging.getLogger(__name__)

# What routing, breadcrumbs and the language switcher read of the pages on a path.
ROUTING_FIELDS = (
    "id",
    "path",
    "depth",
    "url_path",
    "slug",
    "title",
    "live",
    "locale_id",
    "translation_key",
    "content_type_id",
    "alias_of_id",
)


@dataclass
class PathRouting:
    """The live pages on a requested path, at every level and in every locale tree.

    Slugs are the same in every language, so a page's ``url_path`` below its locale's home
    page is the same in all of them: the pages of ``/fr/partners/tate/works-on-paper/`` are
    the live pages whose url_path is a home's url_path followed by "", "partners/",
    "partners/tate/" or "partners/tate/works-on-paper/". One query finds them all;
    ``levels[k]`` holds those ``k`` components below a home, the visitor's language first
    (then the order of ``settings.LANGUAGES``).
    """

    homes: tuple
    components: tuple
    levels: list = field(default_factory=list)

    @classmethod
    def lookup(cls, homes, components):
        components = tuple(components)
        url_paths = [
            home + "".join(f"{part}/" for part in components[:depth])
            for home in homes
            for depth in range(len(components) + 1)
        ]
        # slug is indexed, url_path is not: the slugs narrow the rows to a handful.
        slugs = set(components) | {home.strip("/").rsplit("/", 1)[-1] for home in homes}
        pages = Page.objects.live().filter(slug__in=slugs, url_path__in=url_paths)
        ranks = {code: rank for rank, code in enumerate(language_order())}

        def rank(page):
            return (ranks.get(language_code_of(page.locale_id), len(ranks)), page.path)

        levels = [[] for _depth in range(len(components) + 1)]
        for page in sorted(pages.only(*ROUTING_FIELDS), key=rank):
            home = next(home for home in homes if page.url_path.startswith(home))
            levels[page.url_path[len(home) :].count("/")].append(page)
        return cls(homes=tuple(homes), components=components, levels=levels)

    def covers(self, homes, components):
        return self.homes == tuple(homes) and self.components == tuple(components)

    def route(self, request, level):
        """Route from the page at ``level`` down to the last component.

        At each level the best live page is taken (a draft translation does not hide its
        live source); a level with no live page in any locale is a 404. A page that routes
        paths itself (``RoutablePageMixin``, e.g. the story index's ``share/``) gets the rest
        of the path when one of its routes matches, as Wagtail's own routing would do.
        """
        if level == len(self.components):  # a site's home page: the best live one
            if not self.levels[level]:
                raise Http404
            return self.levels[level][0].specific.route(request, [])
        for depth in range(level + 1, len(self.components) + 1):
            if not self.levels[depth]:
                raise Http404
            page = self.levels[depth][0]
            remaining = list(self.components[depth:])
            if not remaining or _routes_subpath(page.specific_class, remaining):
                return page.specific.route(request, remaining)
        raise Http404

    def level_of(self, page):
        for depth, pages in enumerate(self.levels):
            if any(candidate.pk == page.pk for candidate in pages):
                return depth
        return None

    def translations(self, page):
        """The live translations of a routed page, itself included (no query)."""
        depth = self.level_of(page)
        if depth is None:
            return None
        return [p for p in self.levels[depth] if p.translation_key == page.translation_key]

    def ancestors(self, page):
        """The routed page's ancestors below the home page, each in the best language."""
        depth = self.level_of(page)
        if depth is None:
            return None
        ancestors = []
        for pages in self.levels[1:depth]:
            if not pages:
                return None
            # The page's own ancestor where live, else the first of its translations.
            own = next((p for p in pages if page.path.startswith(p.path)), None)
            key = own.translation_key if own is not None else None
            ancestors.append(next((p for p in pages if p.translation_key == key), pages[0]))
        return ancestors


def _routes_subpath(model, components):
    """Whether pages of ``model`` serve ``components`` themselves rather than a child page."""
    if model is None:
        return False
    if issubclass(model, RoutablePageMixin):
        try:
            model.get_resolver().resolve("/" + "/".join(components) + "/")
        except (Http404, Resolver404):
            return False
        return True
    return model.route is not LocaleFallbackRoutingMixin.route


def _locale_homes(page):
    """``(home url_paths of every locale, page's path below its home)``.

    Site root paths come from Wagtail's cache; a page outside every site (or the cache
    down) costs a query.
    """
    try:
        roots = Site.get_site_root_paths()
    except Exception as error:  # noqa: BLE001 - Wagtail reads them from the cache
        logger.warning("Site root paths unavailable (cache down?): %s", error)
        roots = []
    match = next((root for root in roots if page.url_path.startswith(root.root_path)), None)
    if match is None:
        homes = tuple(page.get_translations(inclusive=True).values_list("url_path", flat=True))
        return homes, ""
    homes = tuple(sorted({root.root_path for root in roots if root.site_id == match.site_id}))
    return homes, page.url_path[len(match.root_path) :]


def route_request(request, root, path_components):
    """Route ``path_components`` below ``root`` (a site's home), keeping the lookup on the
    request for breadcrumbs and the language switcher (``routing_for``)."""
    homes, below = _locale_homes(root)
    above = [part for part in below.split("/") if part]
    components = above + list(path_components)
    routing = getattr(request, "_heritagehub_routing", None)
    if routing is None or not routing.covers(homes, components):
        routing = PathRouting.lookup(homes, components)
        if request is not None:
            request._heritagehub_routing = routing
    return routing.route(request, len(above))


def routing_for(request):
    return getattr(request, "_heritagehub_routing", None)


class LocaleFallbackRoutingMixin:
    """Route into another locale's tree when a page is not translated into this one.

    ``/fr/partners/tate/works-on-paper/`` finds the French Tate page (or, untranslated, the
    source one) and, since the collection exists only in English, the English collection.
    The page is then served with the French interface and its content marked ``lang="en"``.
    The whole path is resolved in one query (``PathRouting``), not one per level.
    """

    def route(self, request, path_components):
        if not path_components:
            return super().route(request, path_components)
        return route_request(request, self, path_components)


class HeritagePageMixin(LocaleFallbackRoutingMixin):
    """What every public page type shares, whatever Wagtail base class it extends."""

    # One slug in every language keeps a page's path the same under /it/, /en/, /fr/ …,
    # which is what lets untranslated pages be reached in every locale (heritagehub.i18n).
    override_translatable_fields = [SynchronizedField("slug")]

    @cached_property
    def content_language(self):
        return language_code_of(self.locale_id)

    def is_shown_untranslated(self):
        """True when the visitor's language differs from the language of this content."""
        return self.content_language != active_language()

    def get_view_restrictions(self):
        # Wagtail asks the database on every view; almost no page is restricted, so the
        # restricted subtrees are cached (heritagehub.cache, invalidated on any change).
        if self.alias_of_id is None and not cache.is_private(self):
            return PageViewRestriction.objects.none()
        return super().get_view_restrictions()

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        # Interface text inside the content region of a page shown in another language carries
        # the visitor's language back: computed once here, written as ``{{ ui_lang }}``.
        context["ui_lang"] = lang_attribute(active_language(), self.content_language)
        routing = routing_for(request)
        translations = routing.translations(self) if routing is not None else None
        if translations is None:
            context["language_links"] = language_links(self)
        else:
            context["language_links"] = links_for_translations(self, translations)
        return context


class HeritagePage(HeritagePageMixin, Page):
    """Base of the public page types that extend Wagtail's plain Page."""

    class Meta:
        abstract = True


class IndexPage(HeritagePage):
    """A listing of pages from the whole tree (collections, stories, partners): a query,
    not a container, so one per home page."""

    # A section of the site: in the main menu from the start (heritagehub_tags.main_menu).
    show_in_menus_default = True

    introduction = models.TextField(_("introduction"), blank=True)

    content_panels = HeritagePage.content_panels + [FieldPanel("introduction")]
    search_fields = HeritagePage.search_fields + [index.SearchField("introduction")]
    api_fields = [APIField("introduction")]
    max_count_per_parent = 1

    class Meta:
        abstract = True
