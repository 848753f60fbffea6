from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SearchConfig(AppConfig):
    """The site search (/<lang>/search/): every kind of page, as tabs of results."""

    name = "search"
    verbose_name = _("Site search")
