"""How pages appear in languages they are not translated into.

Only real translations are stored: an untranslated page is not copied into the other
locale trees (that would multiply 100,000 items by five). Instead every page is reachable
under every language prefix; where no translation exists, the visitor gets the page in its
best available language, with the interface in their own language, a notice and the right
`lang` attribute. The fallback order is the order of ``settings.LANGUAGES`` (Italian, the
hub's language, first). See docs/architecture.md.
"""

from dataclasses import dataclass
from functools import lru_cache
from urllib.parse import quote

from django.conf import settings
from django.db.models import Case, Exists, IntegerField, OuterRef, Q, Value, When
from django.urls import get_script_prefix, get_urlconf, reverse
from django.utils import translation
from django.utils.safestring import mark_safe
from wagtail.models import Locale, Page

from heritagehub.cache import without_private
from heritagehub.tree import below, children


def active_language():
    return translation.get_language() or settings.LANGUAGE_CODE


def lang_attribute(code, around):
    """` lang="xx"` for text in ``code`` inside an element in ``around``; nothing when they agree.

    The one rule behind every ``lang`` attribute below ``<html>``: a screen reader switches
    voice only where the language changes, so an element states its language only when it
    differs from the language of the element around it.
    """
    if not code or code == around:
        return ""
    return mark_safe(f' lang="{code}"')  # noqa: S308 - a language code


def language_order(language_code=None):
    """Language codes in the order a visitor of ``language_code`` is served them."""
    language_code = language_code or active_language()
    codes = [code for code, _name in settings.LANGUAGES]
    return [language_code] + [code for code in codes if code != language_code]


@lru_cache(maxsize=1)
def _locale_ids():
    """Locale ids by language code. Locales change only by migration or in the admin, and
    every change clears this cache (heritagehub.apps)."""
    return dict(Locale.objects.values_list("language_code", "pk"))


def clear_locale_cache(**kwargs):
    _locale_ids.cache_clear()


def language_code_of(locale_id):
    """The language code of a locale id, without a query (``""`` for an unknown id)."""
    for code, pk in _locale_ids().items():
        if pk == locale_id:
            return code
    return ""


def _locale_ids_in_order(language_code):
    ids = _locale_ids()
    return [ids[code] for code in language_order(language_code) if code in ids]


def _rank(locale_ids):
    return Case(
        *[When(locale_id=pk, then=Value(rank)) for rank, pk in enumerate(locale_ids)],
        default=Value(len(locale_ids)),
        output_field=IntegerField(),
    )


def in_language(queryset, language_code=None):
    """One page per translation: the visitor's language where it exists, else the best fallback.

    ``queryset`` is a live queryset of pages (any specific model); the result keeps its model
    and is one SQL query with a correlated EXISTS, so it stays constant in query count.
    """
    locale_ids = _locale_ids_in_order(language_code or active_language())
    better = (
        Page.objects.live()
        .filter(translation_key=OuterRef("translation_key"))
        .annotate(language_rank=_rank(locale_ids))
        .filter(language_rank__lt=OuterRef("language_rank"))
    )
    return queryset.annotate(language_rank=_rank(locale_ids)).filter(~Exists(better))


def descendants_of_translations(page, queryset, children_only=False):
    """``queryset`` narrowed to the pages below ``page`` or any of its translations (the
    pages one level below with ``children_only``: an index range however large the
    subtree, where all descendants of a partner with 100,000 items are 100,000 rows)."""
    if not hasattr(page, "_translation_paths"):  # asked once per page object
        page._translation_paths = list(
            page.get_translations(inclusive=True).values_list("path", flat=True)
        )
    lookup = children if children_only else below
    subtree = Q()
    for path in page._translation_paths:
        subtree |= lookup(path)
    return queryset.filter(subtree)


def descendants_in_language(page, model, language_code=None, children_only=False):
    """Live public pages of ``model`` below ``page`` or any of its translations, once each."""
    pages = without_private(model.objects.live())
    return in_language(descendants_of_translations(page, pages, children_only), language_code)


def path_in_locale_tree(page):
    """The page's path below its locale's home page, e.g. ``partners/tate/``.

    Slugs are kept the same in every locale, so this path is valid in every language.
    """
    parts = page.url_path.strip("/").split("/")[1:]
    return "/".join(parts) + "/" if parts else ""


# Characters reverse() leaves unquoted in a URL's path (django.urls.resolvers).
_PATH_SAFE = "!$&'()*+,;=/~:@"
_serve_prefixes = {}


def _serve_prefix(language_code):
    """``/<lang>/`` as reverse() writes it (script prefix, URL configuration), once each."""
    key = (language_code, get_script_prefix(), get_urlconf())
    prefix = _serve_prefixes.get(key)
    if prefix is None:
        with translation.override(language_code):
            prefix = _serve_prefixes[key] = reverse("wagtail_serve", args=[""])
    return prefix


def url_in_language(page, language_code=None):
    """The page's URL under a language prefix, whether or not it is translated into it.

    reverse("wagtail_serve", …) once per language, then the page's path quoted as reverse()
    would: a listing builds dozens of these, and reverse() in a translation.override is
    most of a card's cost.
    """
    prefix = _serve_prefix(language_code or active_language())
    return prefix + quote(path_in_locale_tree(page), safe=_PATH_SAFE)


@dataclass(frozen=True)
class LanguageLink:
    code: str
    name: str
    url: str
    translated: bool
    current: bool


def language_links(page, current_language=None):
    """The language switcher's links: the same page in every language (one query)."""
    return links_for_translations(
        page, page.get_translations(inclusive=True).live(), current_language
    )


def links_for_translations(page, live_translations, current_language=None):
    """The language switcher's links from the page's live translations (no query)."""
    current_language = current_language or active_language()
    translations = {language_code_of(p.locale_id): p for p in live_translations}
    return [
        LanguageLink(
            code=code,
            name=name,
            url=url_in_language(translations.get(code, page), code),
            translated=code in translations,
            current=code == current_language,
        )
        for code, name in settings.LANGUAGES
    ]


def localize_pages(pages, language_code=None):
    """Chosen pages (in any language), each in the visitor's language, in the given order.

    Two queries whatever the number of pages (translations, then their specific models), one
    when they are all of one specific type.
    """
    keys = [page.translation_key for page in pages]
    models = {type(page) for page in pages}
    if len(models) == 1 and Page not in models:  # one page type (featured lists): one query
        queryset = models.pop().objects.live()
    else:
        queryset = Page.objects.live().specific()
    localized = {
        page.translation_key: page
        for page in in_language(
            queryset.filter(translation_key__in=keys), language_code
        ).select_related("locale")
    }
    return [localized[key] for key in keys if key in localized]
