"""StreamField blocks every app's rich content may use."""

import copy

from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.embeds.blocks import EmbedBlock
from wagtail.images.blocks import ImageChooserBlock


class RenditionsImageChooserBlock(ImageChooserBlock):
    """An image chooser whose images arrive with their renditions.

    A stream's images are fetched in one query (Wagtail's bulk_to_python); prefetching their
    renditions too keeps a page with ten images at the same query count as one with two.
    """

    def bulk_to_python(self, values):
        images = self.model_class.objects.prefetch_renditions().in_bulk(values)
        seen = set()
        result = []
        for pk in values:
            image = images.get(pk)
            # A repeated image gets its own instance, as in Wagtail's ChooserBlock.
            result.append(copy.copy(image) if image is not None and pk in seen else image)
            seen.add(pk)
        return result


class HeadingBlock(blocks.StructBlock):
    text = blocks.CharBlock(label=_("heading"), max_length=200)
    level = blocks.ChoiceBlock(
        choices=[("h2", _("Level 2")), ("h3", _("Level 3")), ("h4", _("Level 4"))],
        default="h2",
        label=_("level"),
    )

    class Meta:
        icon = "title"
        label = _("Heading")
        template = "blocks/heading_block.html"


class CaptionedImageBlock(blocks.StructBlock):
    image = RenditionsImageChooserBlock(label=_("image"))
    caption = blocks.CharBlock(label=_("caption"), required=False, max_length=400)

    class Meta:
        icon = "image"
        label = _("Image")
        template = "blocks/image_block.html"


class QuoteBlock(blocks.StructBlock):
    text = blocks.TextBlock(label=_("quotation"))
    attribution = blocks.CharBlock(label=_("attribution"), required=False, max_length=200)

    class Meta:
        icon = "openquote"
        label = _("Quote")
        template = "blocks/quote_block.html"


class GalleryBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("title"), required=False, max_length=200)
    images = blocks.ListBlock(CaptionedImageBlock(), label=_("images"), min_num=1)

    class Meta:
        icon = "image"
        label = _("Gallery")
        template = "blocks/gallery_block.html"


class MediaEmbedBlock(blocks.StructBlock):
    embed = EmbedBlock(label=_("media URL"), help_text=_("A YouTube, Vimeo or SoundCloud URL."))
    caption = blocks.CharBlock(label=_("caption"), required=False, max_length=400)

    class Meta:
        icon = "media"
        label = _("Media")
        template = "blocks/embed_block.html"


class BaseContentBlock(blocks.StreamBlock):
    """Blocks for any body text: paragraphs, headings, images, quotes, galleries, media."""

    heading = HeadingBlock()
    paragraph = blocks.RichTextBlock(
        label=_("Paragraph"),
        icon="pilcrow",
        features=["bold", "italic", "link", "document-link", "ol", "ul"],
        template="blocks/paragraph_block.html",
    )
    image = CaptionedImageBlock()
    quote = QuoteBlock()
    gallery = GalleryBlock()
    embed = MediaEmbedBlock()
