"""Template tags of the public site: links in the visitor's language, navigation, vocabularies.

Links between public pages never use ``{% pageurl %}``: every page is reachable under every
language prefix (heritagehub.i18n), so a link keeps the visitor in their language.

Lookups that would otherwise run once per card (a page's language, a vocabulary term's
name) use one query per request, memoized on the request object. What every page shows
(the site's name, menu and footer, vocabulary names) is kept in the cache for the current
page-cache generation (heritagehub.cache), and breadcrumbs come from the pages routing
found (heritagehub.models.pages): a warm request runs no query for them.
"""

from dataclasses import dataclass
from html import unescape
from urllib.parse import urlsplit

from django import template
from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.urls import reverse, translate_url
from django.urls.exceptions import NoReverseMatch
from django.utils.html import strip_tags
from django.utils.text import Truncator
from django.utils.translation import get_language_info, override
from django.utils.translation import gettext_lazy as _
from wagtail.models import Page

from heritagehub import cache, tree
from heritagehub.i18n import (
    LanguageLink,
    active_language,
    in_language,
    lang_attribute,
    language_code_of,
    localize_pages,
    url_in_language,
)
from heritagehub.models.pages import routing_for

register = template.Library()


def _request(context):
    return context.get("request")


def _memo(context, name, compute):
    """``compute()`` once per request (or once per render when there is no request)."""
    holder = _request(context)
    if holder is None:
        holder = context.render_context
        if name not in holder:
            holder[name] = compute()
        return holder[name]
    attr = f"_heritagehub_{name}"
    if not hasattr(holder, attr):
        setattr(holder, attr, compute())
    return getattr(holder, attr)


# Links ---------------------------------------------------------------------------------------


@register.simple_tag
def localized_url(page, language_code=None):
    """The page's URL in the visitor's (or the given) language; no query."""
    if page is None:
        return ""
    return url_in_language(page, language_code)


@register.simple_tag
def home_url(language_code=None):
    with override(language_code or active_language()):
        return reverse("wagtail_serve", args=[""])


@register.simple_tag
def search_url(language_code=None):
    with override(language_code or active_language()):
        return reverse("search")


@register.simple_tag(takes_context=True)
def site_name(context):
    site = cache.site_for_request(_request(context))
    return (site.site_name if site else "") or settings.WAGTAIL_SITE_NAME


@register.simple_tag(takes_context=True)
def top_level_page(context, model_label):
    """The top-level page of a type (e.g. the collection index) in the visitor's language."""
    app_label, model_name = model_label.lower().split(".")
    content_type = ContentType.objects.get_by_natural_key(app_label, model_name)  # cached
    pages, _length = _top_level(context)
    return next((page for page in pages if page.content_type_id == content_type.pk), None)


@register.simple_tag(takes_context=True)
def absolute_url(context, url):
    request = _request(context)
    return request.build_absolute_uri(url) if request is not None else url


# Languages -----------------------------------------------------------------------------------


@register.simple_tag(takes_context=True)
def page_lang(context, page):
    """The language code of a page's content, without a query per page."""
    if page is None:
        return ""
    if "locale" in page._state.fields_cache:
        return page.locale.language_code
    return language_code_of(page.locale_id)


@register.simple_tag(takes_context=True)
def lang_attr(context, code, around=None):
    """` lang="xx"` when ``code`` differs from the language around it (heritagehub.i18n).

    ``around`` defaults to the language of the page's content region, where terms, linked
    pages and cards in another language sit; interface text there uses ``{{ ui_lang }}``.
    """
    if around is None:
        page = context.get("page")
        around = getattr(page, "content_language", None) or active_language()
    return lang_attribute(code, around)


@register.simple_tag(takes_context=True)
def get_language_links(context):
    """The language switcher's links: the page's (set by HeritagePageMixin), else this view's."""
    links = context.get("language_links")
    if links:
        return links
    request = _request(context)
    path = request.get_full_path() if request is not None else "/"
    current = active_language()
    result = []
    for code, name in settings.LANGUAGES:
        try:
            url = translate_url(path, code)
        except NoReverseMatch:  # pragma: no cover - translate_url returns the path instead
            url = path
        if url == path and code != current:
            url = home_url(code)
        result.append(
            LanguageLink(code=code, name=name, url=url, translated=True, current=code == current)
        )
    return result


@register.simple_tag
def default_language_link(links):
    """The `x-default` alternate: the first translated link in `settings.LANGUAGES` order (the
    default language's where translated), never a URL served by fallback, whose canonical is
    elsewhere. The sitemap gives the same (heritagehub.sitemaps.entries)."""
    return next((link for link in links if link.translated), links[0] if links else None)


# Languages whose grammar capitalizes a language's name inside a sentence.
CAPITALIZED_LANGUAGE_NAMES = {"en", "de"}


@register.filter
def language_name_in_sentence(language_code):
    """A language's name in the visitor's language, as written mid-sentence ("in italiano")."""
    name = str(get_language_info(language_code)["name_translated"])
    if active_language() in CAPITALIZED_LANGUAGE_NAMES:
        return name
    return name[:1].lower() + name[1:]


# Vocabularies --------------------------------------------------------------------------------


@dataclass(frozen=True)
class Term:
    name: str
    lang: str

    def __str__(self):
        return self.name


@register.simple_tag(takes_context=True)
def term(context, value):
    """A vocabulary term (object type, institution type, sector) in the visitor's language.

    One query per vocabulary and request, whatever the number of cards that show a term.
    """
    if value is None:
        return None
    model = type(value)
    language = active_language()

    def names():
        return dict(
            model.objects.filter(locale__language_code=language).values_list(
                "translation_key", "name"
            )
        )

    name = f"terms:{model._meta.label_lower}:{language}"
    localized = _memo(context, name, lambda: cache.cached(name, names, _request(context)))
    if value.translation_key in localized:
        return Term(localized[value.translation_key], language)
    return Term(value.name, language_code_of(value.locale_id))


# Navigation ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class NavLink:
    page: Page
    title: str
    url: str
    lang: str
    current: bool
    section: bool


def _top_level_pages(context):
    """Live public children of the site's home page, one per translation, visitor's language first.

    Returns ``(pages, home_path_length)``; three queries, whatever the number of languages,
    and none while the cache holds them.
    """
    site = cache.site_for_request(_request(context))
    root_id = site.root_page_id if site else None
    if root_id is None:
        return [], 0
    return cache.cached(
        f"top_level:{root_id}:{active_language()}",
        lambda: _query_top_level_pages(root_id),
        _request(context),
    )


def _query_top_level_pages(root_id):
    homes = list(
        Page.objects.filter(
            translation_key__in=Page.objects.filter(pk=root_id).values("translation_key")
        ).values_list("path", flat=True)
    )
    if not homes:
        return [], 0
    children = Page.objects.none()
    for path in homes:
        children = children | Page.objects.filter(tree.children(path))
    pages = list(in_language(children.live().public()).select_related("locale"))
    # Siblings keep the order editors gave them in the tree.
    pages.sort(key=lambda p: p.path[-Page.steplen :])
    return pages, len(homes[0])


def _top_level(context):
    return _memo(context, "top_level", lambda: _top_level_pages(context))


def _nav_links(context, pages):
    current = context.get("page")
    current_key = getattr(current, "translation_key", None)
    links = []
    for page in pages:
        is_current = current_key is not None and page.translation_key == current_key
        section = False
        if current is not None and not is_current:
            section = page.translation_key in _current_ancestor_keys(context)
        links.append(
            NavLink(
                page=page,
                title=page.title,
                url=url_in_language(page),
                lang=page.locale.language_code,
                current=is_current,
                section=section,
            )
        )
    return links


def _current_ancestor_keys(context):
    """Translation keys of the current page's top-level ancestor (no query: matched by path)."""
    current = context.get("page")
    pages, home_length = _top_level(context)

    def keys():
        path = getattr(current, "path", "")
        top_length = home_length + Page.steplen
        top_path = path[:top_length] if home_length and len(path) > top_length else ""
        if not top_path:
            return set()
        for page in pages:
            if page.path == top_path:
                return {page.translation_key}
        routing = routing_for(_request(context))
        for page in routing.levels[1] if routing is not None and len(routing.levels) > 1 else []:
            if page.path == top_path:
                return {page.translation_key}
        # The current page sits in another locale's tree: one query for its top-level page.
        key = Page.objects.filter(path=top_path).values_list("translation_key", flat=True).first()
        return {key} if key else set()

    return _memo(context, "current_ancestor_keys", keys)


@register.simple_tag(takes_context=True)
def main_menu(context):
    """Main navigation: the home page's top-level pages marked "show in menus", in tree order.

    Section pages (the index pages, the contact and join forms) are marked when created
    (``show_in_menus_default``); editors change it on the page's Promote tab.
    """
    pages, _length = _top_level(context)
    return _nav_links(context, [page for page in pages if page.show_in_menus])


@register.simple_tag(takes_context=True)
def footer_links(context):
    """The footer: the other top-level pages (about, accessibility statement, privacy …)."""
    pages, _length = _top_level(context)
    return _nav_links(context, [page for page in pages if not page.show_in_menus])


@dataclass(frozen=True)
class Crumb:
    title: str
    url: str
    lang: str


@register.inclusion_tag("includes/breadcrumbs.html", takes_context=True)
def breadcrumbs(context, page, current_title="", current_url=""):
    """Home › ancestors › this page, each in the visitor's language where translated; with
    ``current_title``, a view of the page (an archive) is the last, current crumb."""
    crumbs = [Crumb(title=_("Home"), url=home_url(), lang="")]
    if page is not None and page.depth > 3:  # below the home page's own children
        for ancestor in _ancestors_in_language(context, page):
            crumbs.append(
                Crumb(
                    title=ancestor.title,
                    url=url_in_language(ancestor),
                    lang=language_code_of(ancestor.locale_id),
                )
            )
    return {
        "crumbs": crumbs,
        "page": page,
        "page_url": url_in_language(page) if page is not None else "",
        "page_lang": language_code_of(page.locale_id) if page is not None else "",
        "LANGUAGE_CODE": active_language(),
        "current_title": current_title,
        "current_url": current_url,
    }


def _ancestors_in_language(context, page):
    """The page's ancestors below the home page, each in the visitor's language where live:
    the pages routing found on the way (no query), else one query."""
    routing = routing_for(_request(context))
    ancestors = routing.ancestors(page) if routing is not None else None
    if ancestors is not None:
        return ancestors
    ancestor_keys = Page.objects.ancestor_of(page).filter(depth__gt=2).values("translation_key")
    return in_language(Page.objects.live().filter(translation_key__in=ancestor_keys)).order_by(
        "depth"
    )


# Pages of any type ---------------------------------------------------------------------------


@register.simple_tag(takes_context=True)
def localized(context, page):
    """A chosen page (e.g. an item's partner) in the visitor's language, if live.

    One query when routing passed by it (an ancestor of the page shown), else two.
    """
    if page is None:
        return None
    routing = routing_for(_request(context))
    for candidates in routing.levels if routing is not None else []:
        same = [p for p in candidates if p.translation_key == page.translation_key]
        if same:
            return same[0].specific
    pages = localize_pages([page])
    return pages[0] if pages else None


@register.filter
def localized_canonical(page):
    """The URL of the page under its own language: the canonical URL of an untranslated page."""
    return url_in_language(page, language_code_of(page.locale_id)) if page is not None else ""


@register.filter
def model_name(page):
    return page._meta.model_name if page is not None else ""


@register.filter
def verbose_name(page):
    """The page type's name in the visitor's language ("Item", "Story" …)."""
    return page._meta.verbose_name if page is not None else ""


SUMMARY_FIELDS = ("search_description", "summary", "introduction", "description", "hero_text")


@register.filter
def summary(page, words=30):
    """A plain-text summary of a page of any type: its first non-empty descriptive field.

    Plain text, entities decoded: rich text stores "d'Aosta" as "d&#x27;Aosta", and the
    template escapes the summary again where it is shown."""
    for name in SUMMARY_FIELDS:
        value = getattr(page, name, "")
        if value and isinstance(value, str):
            return Truncator(unescape(strip_tags(value))).words(int(words))
    return ""


@register.filter
def item_images(item):
    """An item's images in order, with their image and renditions in two queries in all."""
    return item.images.select_related("image").prefetch_related("image__renditions")


@register.filter
def get_item(mapping, key):
    """``mapping[key]`` or None: ``{{ item_cards|get_item:value.item.pk }}``."""
    try:
        return mapping.get(key)
    except AttributeError:
        return None


# Pagination ----------------------------------------------------------------------------------


@register.simple_tag
def page_range(page_obj):
    """Page numbers around the current one, with `…` (Paginator.ELLIPSIS) for the gaps."""
    return list(
        page_obj.paginator.get_elided_page_range(page_obj.number, on_each_side=2, on_ends=1)
    )


@register.filter
def web_url(value):
    """The address if it is an http(s) URL, else "": a link from a URL field never runs script
    (``javascript:``, ``data:``), even when a value bypassed the form's validation."""
    value = str(value or "").strip()
    return value if urlsplit(value).scheme.lower() in ("http", "https") else ""
