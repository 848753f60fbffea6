"""Card images for pages that may have none of their own: collections and stories.

Most collections and stories have no cover set, but their items often have pictures. A
content app registers, for its page type, the field of the page's own image and a function
giving candidate images from its items; ``choose_covers`` then sets ``card_image`` on every
page of a listing in a constant number of queries (one per page type, one for renditions),
and never gives two cards of one page the same picture.
"""

from django.db.models import prefetch_related_objects

# model → (name of the page's own image field, candidates(pages) → {page pk: [images]})
_sources = {}


def register_cover_source(model, own_field, candidates):
    _sources[model] = (own_field, candidates)


def choose_covers(pages, used=None, prefetch=True):
    """Set ``page.card_image`` on each page: its own image, else (or when an earlier card
    shows that one) the first image of its items not yet shown on this page, else None.
    ``used``: ids of the images the page shows already, updated. ``prefetch=False`` leaves the
    chosen images' renditions to the caller, who fetches them with the page's others in one
    query. Returns ``pages``, a list."""
    pages = list(pages)
    used = set() if used is None else used
    wanting = {}
    for page in pages:
        own_field, _candidates = _sources.get(type(page), (None, None))
        own = getattr(page, own_field, None) if own_field else None
        # Its own picture, unless a card before it shows the same one already.
        page.card_image = own if own is not None and own.pk not in used else None
        if page.card_image is not None:
            used.add(own.pk)
        elif own_field:
            wanting.setdefault(type(page), []).append(page)
    chosen = []
    for model, group in wanting.items():
        candidates = _sources[model][1](group)
        for page in group:
            image = next((i for i in candidates.get(page.pk, []) if i.pk not in used), None)
            if image is not None:
                used.add(image.pk)
                page.card_image = image
                chosen.append(image)
    if prefetch:
        prefetch_related_objects(chosen, "renditions")
    return pages
