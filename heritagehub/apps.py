from django.apps import AppConfig
from django.db.models.signals import post_delete, post_migrate, post_save


class HeritageHubConfig(AppConfig):
    name = "heritagehub"
    verbose_name = "Heritage Hub"

    def ready(self):
        from wagtail.models import Locale, PageViewRestriction, Site

        from heritagehub import invalidation
        from heritagehub.i18n import clear_locale_cache

        post_save.connect(clear_locale_cache, sender=Locale)
        post_delete.connect(clear_locale_cache, sender=Locale)
        post_migrate.connect(clear_locale_cache)
        invalidation.connect(Locale, PageViewRestriction, Site)
