from django.apps import AppConfig


class MapsConfig(AppConfig):
    """Maps drawn on the server (SVG, no tiles): used by the apps that place things on a map."""

    name = "maps"
    verbose_name = "Maps"
