"""When the page cache's generation moves on (``heritagehub.cache``): whenever something the
public pages show changes — a page published, unpublished, moved or deleted, a live page
saved, an image, a vocabulary term, a locale, a Site or a view restriction."""

from django.db.models.signals import post_delete, post_migrate, post_save
from wagtail.images import get_image_model
from wagtail.models import Page
from wagtail.signals import page_published, page_unpublished, post_page_move

from heritagehub.cache import bump_generation
from heritagehub.models import VocabularyTerm

# Page fields that only the admin shows: saving a draft of a live page changes only these,
# which must not empty the page cache (heritagehub.cache).
ADMIN_ONLY_PAGE_FIELDS = {
    "draft_title",
    "wagtail_admin_comments",
    "has_unpublished_changes",
    "latest_revision",
    "latest_revision_created_at",
    "locked",
    "locked_at",
    "locked_by",
}


def connect(*models):
    """Bump the generation on the signals of pages and terms, and on saving or deleting any
    of ``models`` or an image."""
    for signal in (page_published, page_unpublished, post_page_move):
        signal.connect(bump_generation, dispatch_uid=f"heritagehub_cache_{signal}")
    for model in (*models, get_image_model()):
        post_save.connect(bump_generation, sender=model)
        post_delete.connect(bump_generation, sender=model)
    post_save.connect(_bump_on_live_or_term_save, dispatch_uid="heritagehub_cache_save")
    post_delete.connect(_bump_on_page_or_term_delete, dispatch_uid="heritagehub_cache_delete")
    post_migrate.connect(bump_generation)


def _shown_on_pages(instance):
    return isinstance(instance, (Page, VocabularyTerm))


def _bump_on_live_or_term_save(sender, instance, update_fields=None, **kwargs):
    """A vocabulary term, or a live page saved without publishing (code, imports, tests);
    drafts of live pages change only admin fields."""
    if not _shown_on_pages(instance):
        return
    if isinstance(instance, Page):
        if not instance.live:
            return
        if update_fields is not None and set(update_fields) <= ADMIN_ONLY_PAGE_FIELDS:
            return
    bump_generation()


def _bump_on_page_or_term_delete(sender, instance, **kwargs):
    if _shown_on_pages(instance):
        bump_generation()
