"""Which pages the sitemap lists, in which sections, and with which hreflang alternates.

A page is listed once in each locale tree where it really exists (a translation, or an
alias page), at its canonical URL: its path under its own language's prefix. The same page
served by fallback routing under another prefix (``/fr/…`` showing the Italian page with a
notice) is not a document of its own: its ``<link rel="canonical">`` points at the source
(templates/base.html), so the sitemap leaves it out rather than list URLs that search
engines are told not to index. Each entry carries the alternates the page itself announces:
its live translations, and ``x-default``, the first of them in ``settings.LANGUAGES`` order
(the Italian page where there is one, else the page Italian visitors are served).

Only what a visitor can reach is listed: live pages below one of the site's home pages, not
in a subtree with a view restriction, nor below a page that is live in no language (fallback
routing answers 404 there).

At 100,000 items in several locales the sitemap outgrows one file (the protocol allows
50,000 URLs): it is then split into numbered sections by ranges of page ids. Section ``n``
holds the pages whose id is in ``((n - 1) * size, n * size]``: never more than ``size``
URLs, and a section keeps its URL as pages are added. A section is one query whatever its
size (its pages and all their translations, matched by ``translation_key``), the index one
aggregate query.
"""

from collections import defaultdict
from datetime import datetime
from typing import NamedTuple
from urllib.parse import quote

from django.conf import settings
from django.db.models import Count, Exists, ExpressionWrapper, F, IntegerField, Max, OuterRef, Q
from django.urls import reverse
from django.utils import translation
from django.utils.http import RFC3986_SUBDELIMS
from wagtail.models import Page, Site

from heritagehub import cache
from heritagehub.i18n import language_code_of, path_in_locale_tree

# Far below the protocol's 50,000 URLs and 50 MB: a section stays quick to build and to cache.
URLS_PER_SECTION = 10_000
X_DEFAULT = "x-default"
# What reverse() leaves unquoted in a path (django.urls.resolvers).
PATH_SAFE = RFC3986_SUBDELIMS + "/~:@"

# What an entry needs of a page: no specific model, no content.
ENTRY_FIELDS = ("id", "url_path", "locale_id", "translation_key", "last_published_at")


def urls_per_section():
    return getattr(settings, "HERITAGEHUB_SITEMAP_URLS_PER_SECTION", URLS_PER_SECTION)


class Alternate(NamedTuple):
    language: str  # a language code, or "x-default"
    url: str


class Entry(NamedTuple):
    url: str
    lastmod: datetime | None
    alternates: tuple


class Section(NamedTuple):
    number: int
    lastmod: datetime | None
    urls: int


def section_id_range(number):
    """The page ids (inclusive bounds) of section ``number``."""
    size = urls_per_section()
    return (number - 1) * size + 1, number * size


def unreachable_paths():
    """Tree paths of the pages that are live in no language and have children: fallback
    routing answers 404 for everything below them (heritagehub.models.pages)."""

    def query():
        live_translation = Page.objects.live().filter(translation_key=OuterRef("translation_key"))
        pages = Page.objects.filter(live=False, numchild__gt=0).exclude(Exists(live_translation))
        return tuple(pages.values_list("path", flat=True))

    return cache.cached("sitemap:unreachable_paths", query)


def listed_pages(site):
    """The pages the sitemap of ``site`` lists, in every locale tree (a queryset of Page)."""
    homes = {root.root_path for root in Site.get_site_root_paths() if root.site_id == site.pk}
    if not homes:
        return Page.objects.none()
    in_site = Q()
    for home in sorted(homes):
        in_site |= Q(url_path__startswith=home)
    hidden = Q()
    for path in unreachable_paths():
        hidden |= Q(path__startswith=path)
    pages = cache.without_private(Page.objects.live().filter(in_site))
    return pages.exclude(hidden) if hidden else pages


def sections(site):
    """The non-empty sections of the sitemap of ``site``, with their URL counts and the
    latest publication in each (one query)."""
    size = urls_per_section()
    number = ExpressionWrapper((F("pk") - 1) / size + 1, output_field=IntegerField())
    rows = (
        listed_pages(site)
        .annotate(section=number)
        .values("section")
        .annotate(lastmod=Max("last_published_at"), urls=Count("pk"))
        .order_by("section")
    )
    return [Section(row["section"], row["lastmod"], row["urls"]) for row in rows]


def entries(site, absolute_url, id_range=None):
    """The entries of the pages of ``site`` (those with an id in ``id_range``, else all), in id
    order, with absolute URLs made by ``absolute_url(path)``. One query."""
    pages = listed_pages(site)
    if id_range is not None:
        chosen = pages.filter(pk__range=id_range)
        pages = pages.filter(translation_key__in=chosen.values("translation_key"))
    # Rows, not Page objects: building 10,000 pages took longer than the query.
    rows = list(pages.order_by("pk").values_list(*ENTRY_FIELDS, named=True))
    return _entries(rows, absolute_url, id_range)


def _entries(rows, absolute_url, id_range):
    language = {locale_id: language_code_of(locale_id) for locale_id in {p.locale_id for p in rows}}
    rank = {code: position for position, (code, _name) in enumerate(settings.LANGUAGES)}
    urls = _canonical_urls(rows, language, absolute_url)
    translations = defaultdict(list)
    for page in rows:
        translations[page.translation_key].append(page)
    alternates = {}
    for key, group in translations.items():
        group.sort(key=lambda page: rank.get(language[page.locale_id], len(rank)))
        alternates[key] = (
            *(Alternate(language[page.locale_id], urls[page.id]) for page in group),
            Alternate(X_DEFAULT, urls[group[0].id]),
        )
    return [
        Entry(urls[page.id], page.last_published_at, alternates[page.translation_key])
        for page in rows
        # A translation in another section is only an alternate here.
        if id_range is None or id_range[0] <= page.id <= id_range[1]
    ]


def _canonical_urls(rows, language, absolute_url):
    """{page id: absolute URL under its own language}: ``url_in_language``'s URLs, with one
    reverse() per language instead of one per page (10,000 reverses take seconds). The path
    below the home page is quoted as reverse() quotes it."""
    homes = {}
    for code in set(language.values()):
        with translation.override(code):
            homes[code] = absolute_url(reverse("wagtail_serve", args=[""]))
    return {
        page.id: homes[language[page.locale_id]] + quote(path_in_locale_tree(page), safe=PATH_SAFE)
        for page in rows
    }
