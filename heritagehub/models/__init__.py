from .images import HeritageImage, HeritageRendition
from .pages import HeritagePage, HeritagePageMixin, IndexPage, LocaleFallbackRoutingMixin
from .vocabulary import VocabularyTerm

__all__ = [
    "HeritageImage",
    "HeritageRendition",
    "HeritagePage",
    "HeritagePageMixin",
    "IndexPage",
    "LocaleFallbackRoutingMixin",
    "VocabularyTerm",
]
