from django.apps import AppConfig


class HeritageHubConfig(AppConfig):
    name = "heritagehub"
    verbose_name = "Heritage Hub"
