from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from wagtail import blocks

from heritagehub.blocks import BaseContentBlock


class ItemCardBlock(blocks.StructBlock):
    """A heritage item shown inside a story, in the visitor's language where translated."""

    item = blocks.PageChooserBlock(
        page_type="heritage_collections.ItemPage", label=pgettext_lazy("heritage", "item")
    )
    note = blocks.CharBlock(
        label=_("note"), required=False, max_length=300, help_text=_("Why this item matters here.")
    )

    class Meta:
        icon = "doc-full"
        label = _("Item card")
        template = "blocks/item_card_block.html"


class StoryBodyBlock(BaseContentBlock):
    item_card = ItemCardBlock()
