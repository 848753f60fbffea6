"""``/sitemap.xml``, its numbered sections ``/sitemap-<n>.xml``, and ``/robots.txt``.

Every file is rendered once per page-cache generation and host, then served from the cache
(heritagehub.cache): any publish, unpublish or move makes them stale at once.
"""

from django.http import Http404, HttpResponse
from django.shortcuts import render
from django.urls import reverse

from heritagehub import cache
from heritagehub.sitemaps import entries as sitemap
from heritagehub.sitemaps import xml

XML = "application/xml; charset=utf-8"
# Page ids are 32-bit integers in PostgreSQL: a section starting beyond holds nothing.
MAX_PAGE_ID = 2**31 - 1


def sitemap_index(request):
    """The whole sitemap when it fits in one file, else the index of its sections."""
    site = _site(request)

    def render_index():
        sections = sitemap.sections(site)
        if sum(section.urls for section in sections) <= sitemap.urls_per_section():
            return xml.urlset(sitemap.entries(site, request.build_absolute_uri))
        return xml.sitemap_index(
            (request.build_absolute_uri(reverse("sitemap_section", args=[s.number])), s.lastmod)
            for s in sections
        )

    return HttpResponse(cache.cached(_key(request, "index"), render_index, request), XML)


def sitemap_section(request, number):
    """Section ``number`` of the sitemap (404 when it holds no page)."""
    site = _site(request)
    if sitemap.section_id_range(number)[0] > MAX_PAGE_ID:
        raise Http404("No such sitemap section.")  # ids the database cannot hold

    def render_section():
        id_range = sitemap.section_id_range(number) if number > 0 else (0, -1)
        found = sitemap.entries(site, request.build_absolute_uri, id_range)
        return xml.urlset(found) if found else ""

    content = cache.cached(_key(request, f"section:{number}"), render_section, request)
    if not content:
        raise Http404("No such sitemap section.")
    return HttpResponse(content, XML)


def robots_txt(request):
    return render(
        request,
        "heritagehub/robots.txt",
        {"sitemap_url": request.build_absolute_uri(reverse("sitemap"))},
        content_type="text/plain; charset=utf-8",
    )


def _site(request):
    site = cache.site_for_request(request)
    if site is None:
        raise Http404("No site is configured for this host.")
    return site


def _key(request, part):
    # URLs in the files are absolute: one copy per scheme and host.
    return f"sitemap:{request.scheme}:{request.get_host()}:{part}"
