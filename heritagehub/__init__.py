"""What every app of the hub shares, and only that: the project's settings and urls, the page
bases and the image model, languages and fallback routing, caching, search, rights
statements, vocabularies, shared blocks and template tags, sitemaps, health and outages.

A concern of some apps only has an app of its own (``maps``, ``operations``), and apps
depend on this package, never the other way round (docs/architecture.md).
"""
