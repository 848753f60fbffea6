"""Wagtail's search index and reference index, brought up to date once, when the load ends.

Wagtail updates both after every save of an object, one task each time. The demo saves most
pages several times (created, revised, published, translated, featured): two thousand index
updates for about eight hundred objects, a third of the load. Within ``indexed_once()`` the
saves are noted instead, and each object saved is indexed once at the end, as it is then.
"""

from collections import defaultdict
from contextlib import contextmanager

from django.db.models.signals import post_save
from modelcluster.fields import ParentalKey
from modelsearch import index as search_index
from modelsearch.signal_handlers import post_save_signal_handler
from wagtail.models import ReferenceIndex
from wagtail.signal_handlers import disable_reference_index_auto_update


@contextmanager
def indexed_once():
    saved = defaultdict(set)

    def note(sender, instance, raw=False, **kwargs):
        if not raw:
            saved[sender].add(instance.pk)

    searched = [
        model
        for model in search_index.get_indexed_models()
        if getattr(model, "search_auto_update", True)
    ]
    for model in searched:
        post_save.disconnect(post_save_signal_handler, sender=model)
    post_save.connect(note, weak=False)
    try:
        with disable_reference_index_auto_update():
            yield
    finally:
        post_save.disconnect(note)
        for model in searched:
            post_save.connect(post_save_signal_handler, sender=model)
    referring = {}
    for model, pks in saved.items():
        in_search, in_references = model in searched, model in ReferenceIndex.tracked_models
        if not (in_search or in_references):
            continue
        for instance in model._default_manager.filter(pk__in=pks).order_by("pk"):
            if in_search:
                search_index.insert_or_update_object(instance)
            owner = _owner(instance) if in_references else None
            if owner is not None and ReferenceIndex.is_indexed(type(owner)):
                referring[type(owner), owner.pk] = owner
    for owner in referring.values():
        ReferenceIndex.create_or_update_for_object(owner)


def _owner(instance):
    """The object whose references a saved object counts among: itself, or for an inline
    child (an item's image, a form's field) the page or snippet it belongs to, as Wagtail's
    own reference index task finds it."""
    while True:
        keys = [f for f in instance._meta.get_fields() if isinstance(f, ParentalKey)]
        if not keys:
            return instance
        instance = getattr(instance, keys[0].name)
        if instance is None:
            return None
