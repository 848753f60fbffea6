"""IIIF Presentation 3 at /iiif/: a manifest per item, a collection per collection page, and
the images they show (docs/iiif.md).

documents  the JSON of manifests and collections, from pages already fetched (no query)
views      the endpoints: queries, caching, CORS and content types
urls       the URLs, language-neutral (outside the language prefixes)
"""
