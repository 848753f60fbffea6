from django.apps import AppConfig


class OperationsConfig(AppConfig):
    """Operations of a running hub (backups); its management commands, no models."""

    name = "operations"
    verbose_name = "Operations"
