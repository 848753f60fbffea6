from django.apps import AppConfig
from django.db.models.signals import post_delete, post_migrate, post_save

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


class HeritageHubConfig(AppConfig):
    name = "heritagehub"
    verbose_name = "Heritage Hub"

    def ready(self):
        from wagtail.models import Locale, PageViewRestriction, Site

        from heritagehub.i18n import clear_locale_cache

        post_save.connect(clear_locale_cache, sender=Locale)
        post_delete.connect(clear_locale_cache, sender=Locale)
        post_migrate.connect(clear_locale_cache)
        self.connect_cache_invalidation(Locale, PageViewRestriction, Site)

    def connect_cache_invalidation(self, *models):
        """Bump the page-cache generation whenever something pages show changes."""
        from wagtail.images import get_image_model
        from wagtail.signals import page_published, page_unpublished, post_page_move

        from heritagehub.cache import bump_generation

        for signal in (page_published, page_unpublished, post_page_move):
            signal.connect(bump_generation, dispatch_uid=f"heritagehub_cache_{signal}")
        for model in (*models, get_image_model()):
            post_save.connect(bump_generation, sender=model)
            post_delete.connect(bump_generation, sender=model)
        post_save.connect(_bump_on_live_or_term_save, dispatch_uid="heritagehub_cache_save")
        post_delete.connect(_bump_on_page_or_term_delete, dispatch_uid="heritagehub_cache_delete")
        post_migrate.connect(bump_generation)


def _shown_on_pages(instance):
    from wagtail.models import Page

    from heritagehub.models import VocabularyTerm

    return isinstance(instance, (Page, VocabularyTerm))


def _bump_on_live_or_term_save(sender, instance, update_fields=None, **kwargs):
    """A vocabulary term, or a live page saved without publishing (code, imports, tests);
    drafts of live pages change only admin fields."""
    from wagtail.models import Page

    from heritagehub.cache import bump_generation

    if not _shown_on_pages(instance):
        return
    if isinstance(instance, Page):
        if not instance.live:
            return
        if update_fields is not None and set(update_fields) <= ADMIN_ONLY_PAGE_FIELDS:
            return
    bump_generation()


def _bump_on_page_or_term_delete(sender, instance, **kwargs):
    from heritagehub.cache import bump_generation

    if _shown_on_pages(instance):
        bump_generation()
