"""The stories that feature an item, on the item's page.

The item page belongs to heritage_collections, which does not know stories: this app
registers ``featuring_stories`` with it (heritage_collections.item_context, in stories.apps).
"""

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db import connection
from django.db.models.expressions import RawSQL
from wagtail.models import Page, ReferenceIndex

from heritage_collections.item_context import one_per_translation
from heritagehub.cache import without_private

from .models.story import StoryPage, StoryRelatedItem

FEATURING_STORIES = 6

# The stories whose related items or body (Wagtail's reference index, which keys objects
# by text) show the item or one of its translations. ``+x.content_type_id`` keeps SQLite
# on the index of referenced objects, not the one of every story's references.
STORY_KEYS_SQL = """SELECT s.translation_key FROM {page} s
WHERE s.id IN (
        SELECT r.page_id FROM {related} r
        WHERE r.item_id IN (SELECT id FROM {page} WHERE translation_key = %s))
    OR s.id IN (
        SELECT CAST(x.object_id AS INTEGER) FROM {reference} x
        WHERE x.to_content_type_id = %s AND +x.content_type_id = %s
        AND x.to_object_id IN (SELECT CAST(id AS TEXT) FROM {page} WHERE translation_key = %s))"""


def featuring_stories(item, limit=FEATURING_STORIES, language_code=None):
    """Live public stories that show the item or one of its translations, as a related
    item or an item card in their body, newest first, each in the visitor's language where
    translated (one query)."""
    key = Page._meta.get_field("translation_key").get_db_prep_value(
        item.translation_key, connection
    )
    sql = STORY_KEYS_SQL.format(
        page=Page._meta.db_table,
        related=StoryRelatedItem._meta.db_table,
        reference=ReferenceIndex._meta.db_table,
    )
    page_type = ContentType.objects.get_for_model(Page).pk
    story_type = ContentType.objects.get_for_model(StoryPage).pk
    story_keys = RawSQL(sql, [key, page_type, story_type, key])
    # Every live translation of the newest stories (at most one per language each), then
    # one per story in Python: cheaper than in_language's ranking for a handful of rows.
    translations = (
        without_private(StoryPage.objects.live().filter(translation_key__in=story_keys))
        .select_related("hero_image")
        .defer("body")
        .order_by("-date", "title", "pk")[: limit * len(settings.LANGUAGES)]
    )
    return one_per_translation(translations, language_code)[:limit]
