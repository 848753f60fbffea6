"""Stories (``story``) and the story index with its routes (``index``)."""

from .index import StoryIndexPage
from .story import (
    STORIES_PER_PAGE,
    CommunitySubmission,
    FeaturedItems,
    StoryPage,
    StoryRelatedItem,
    StoryTag,
)

__all__ = [
    "STORIES_PER_PAGE",
    "CommunitySubmission",
    "FeaturedItems",
    "StoryIndexPage",
    "StoryPage",
    "StoryRelatedItem",
    "StoryTag",
]
