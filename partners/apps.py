from django.apps import AppConfig
from django.db.models.signals import post_save
from django.utils.translation import gettext_lazy as _


class PartnersConfig(AppConfig):
    name = "partners"
    verbose_name = _("Partners")

    def ready(self):
        from heritagehub.cache import register_query_parameters

        # admin_api registers a hook when imported.
        from partners import admin_api, admin_filters, directory  # noqa: F401
        from partners.models import PartnerPage
        from partners.onboarding import sync_new_partner_page
        from search.kinds import register_result_kind

        # The directory is cached by its filters (and only those: heritagehub.cache).
        register_query_parameters(**directory.cache_query_parameters())
        register_result_kind(
            "partners", PartnerPage, 4, card_lookups=["institution_type", "logo__renditions"]
        )

        # The admin's user filters list a partner editor's colleagues only.
        admin_filters.install()

        # A new translation of an onboarded partner's page joins the partner's space.
        post_save.connect(
            sync_new_partner_page, sender=PartnerPage, dispatch_uid="partners_sync_new_page"
        )
