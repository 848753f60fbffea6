from .images import HeritageImage, HeritageRendition
from .pages import HeritagePage, HeritagePageMixin, LocaleFallbackRoutingMixin
from .vocabulary import VocabularyTerm

__all__ = [
    "HeritageImage",
    "HeritageRendition",
    "HeritagePage",
    "HeritagePageMixin",
    "LocaleFallbackRoutingMixin",
    "VocabularyTerm",
]
