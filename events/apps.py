from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class EventsConfig(AppConfig):
    name = "events"
    verbose_name = _("Events")

    def ready(self):
        from django.db.models.signals import post_delete
        from wagtail.signals import page_published, page_unpublished, post_page_move

        from heritagehub.cache import register_query_parameters
        from search.kinds import register_result_kind

        from . import whats_on
        from .models import EventPage
        from .occurrences import on_event_changed, on_event_deleted

        # What's on is cached by its filters (and only those: heritagehub.cache).
        register_query_parameters(**whats_on.cache_query_parameters())
        register_result_kind("events", EventPage, 5)

        for signal in (page_published, page_unpublished, post_page_move):
            signal.connect(on_event_changed, sender=EventPage, dispatch_uid=f"events_{signal}")
        post_delete.connect(on_event_deleted, sender=EventPage, dispatch_uid="events_deleted")
