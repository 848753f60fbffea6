"""What collections contribute to a partner's space (partners.space): the partner's collections
on its page, and the browse of its items at ``items/``."""

from dataclasses import replace

from heritagehub.i18n import descendants_in_language, language_links, url_in_language

from .browse import Browse
from .models import CollectionPage


def collections_of(partner_page):
    """The partner's collections in the visitor's language, by title."""
    return (
        descendants_in_language(partner_page, CollectionPage, children_only=True)
        .select_related("cover_image")
        .prefetch_related("cover_image__renditions")
        .order_by("title")
    )


def items(partner_page, request):
    """The partner's items, with the same faceted browse as the collection index."""
    browse = Browse(request, scope={"partner": partner_page.slug})
    suffix = partner_page.reverse_subpage("items")
    links = [replace(link, url=link.url + suffix) for link in language_links(partner_page)]
    return partner_page.render(
        request,
        template="partners/partner_items.html",
        context_overrides={
            "browse": browse,
            "items": browse.results(),
            "language_links": links,
            "canonical_url": url_in_language(partner_page) + suffix,
        },
    )
