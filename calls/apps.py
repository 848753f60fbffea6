from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CallsConfig(AppConfig):
    name = "calls"
    verbose_name = _("Open calls")

    def ready(self):
        from heritagehub.cache import register_query_parameters
        from search.kinds import register_result_kind

        from . import listing
        from .models import CallPage

        register_result_kind("calls", CallPage, 6)

        # The listing is cached by its filters (and only those: heritagehub.cache).
        register_query_parameters(**listing.cache_query_parameters())
