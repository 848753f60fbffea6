from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AuthoritiesConfig(AppConfig):
    name = "authorities"
    verbose_name = _("People, organisations and places")

    def ready(self):
        from heritagehub.cache import register_query_parameters
        from search.kinds import register_result_kind

        from .models import AgentPage, PlacePage

        # The second lists of the index and record pages have pages of their own.
        register_query_parameters(
            page=r"[1-9]\d{0,5}", places=r"[1-9]\d{0,5}", about=r"[1-9]\d{0,5}"
        )
        # The site search's tabs, after the calls.
        register_result_kind("people", AgentPage, 7)
        register_result_kind("places", PlacePage, 8)
