from .images import HeritageImage, HeritageRendition, optional_image
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
    "optional_image",
]
