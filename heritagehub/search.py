"""Site search: items, collections, stories, partners and plain pages, in the visitor's language."""

from wagtail.models import Page

from heritagehub.i18n import in_language


def search_pages(query):
    """Live pages matching ``query``, one per translation, ranked by relevance."""
    candidates = in_language(Page.objects.live().public().exclude(depth__lte=1))
    return (
        Page.objects.live()
        .public()
        .filter(pk__in=candidates.values("pk"))
        .specific()
        .search(query, order_by_relevance=True)
    )
