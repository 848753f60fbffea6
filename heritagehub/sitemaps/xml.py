"""Sitemaps.org XML, with Google's ``xhtml:link`` hreflang alternates.

Written directly rather than through a template: the template engine took seconds to
render a section of 10,000 URLs, this takes a tenth of that.
"""

from xml.sax.saxutils import escape, quoteattr

HEADER = '<?xml version="1.0" encoding="UTF-8"?>\n'
SITEMAP_NS = "http://www.sitemaps.org/schemas/sitemap/0.9"
XHTML_NS = "http://www.w3.org/1999/xhtml"


def urlset(entries):
    """A ``<urlset>`` of ``entries`` (heritagehub.sitemaps.entries.Entry)."""
    parts = [HEADER, f'<urlset xmlns="{SITEMAP_NS}" xmlns:xhtml="{XHTML_NS}">\n']
    for entry in entries:
        parts.append(f"<url><loc>{escape(entry.url)}</loc>{_lastmod(entry.lastmod)}")
        parts.extend(
            f'<xhtml:link rel="alternate" hreflang={quoteattr(alternate.language)}'
            f" href={quoteattr(alternate.url)}/>"
            for alternate in entry.alternates
        )
        parts.append("</url>\n")
    parts.append("</urlset>\n")
    return "".join(parts)


def sitemap_index(sections):
    """A ``<sitemapindex>`` of ``(url, lastmod)`` pairs."""
    parts = [HEADER, f'<sitemapindex xmlns="{SITEMAP_NS}">\n']
    parts.extend(
        f"<sitemap><loc>{escape(url)}</loc>{_lastmod(lastmod)}</sitemap>\n"
        for url, lastmod in sections
    )
    parts.append("</sitemapindex>\n")
    return "".join(parts)


def _lastmod(moment):
    return f"<lastmod>{moment.isoformat()}</lastmod>" if moment is not None else ""
