"""What stories contribute to a partner's space (partners.space): its latest stories."""

from heritagehub.i18n import descendants_in_language

from .models.story import StoryPage

LATEST = 12


def stories_of(partner_page):
    """The partner's latest stories in the visitor's language, the newest first."""
    return (
        descendants_in_language(partner_page, StoryPage, children_only=True)
        .select_related("hero_image")
        .prefetch_related("hero_image__renditions")
        .order_by("-date", "title")[:LATEST]
    )
