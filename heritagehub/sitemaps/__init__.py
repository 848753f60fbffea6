"""The multilingual sitemap (``/sitemap.xml``) and ``/robots.txt`` that announces it.

Wagtail's own sitemap lists only the default locale's pages and no hreflang alternates, so
the hub builds its own: ``entries`` decides which pages are listed and with which
alternates, ``views`` writes them as sitemaps.org XML. See docs/open-data.md ("Sitemap").
"""
