from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class StoriesConfig(AppConfig):
    name = "stories"
    verbose_name = _("Stories")

    def ready(self):
        from django.db.models.signals import pre_delete
        from wagtail.signals import page_published

        from heritage_collections.item_context import register_featuring_stories
        from partners import space
        from search.kinds import register_result_kind

        from . import partner_space
        from .community import on_story_published, on_submission_deleted
        from .featuring import featuring_stories
        from .models import CommunitySubmission, StoryPage

        register_result_kind("stories", StoryPage, 2, card_lookups=["hero_image__renditions"])

        space.register_listing("stories", partner_space.stories_of)
        register_featuring_stories(featuring_stories)
        page_published.connect(
            on_story_published, sender=StoryPage, dispatch_uid="stories_community_published"
        )
        pre_delete.connect(
            on_submission_deleted,
            sender=CommunitySubmission,
            dispatch_uid="stories_community_deleted",
        )
