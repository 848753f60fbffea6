"""IIIF Presentation 3 documents: a manifest per item, a collection per collection page.

https://iiif.io/api/presentation/3.0/. A document is language-neutral: one URL per item
(its translation key), with every language of its live translations in language maps
(``{"it": [...], "en": [...]}``; ``"none"`` for values that are the same in every language,
such as an identifier). The functions here build the JSON from pages and images already
fetched (``views``) and make no query; ``absolute`` turns a path into
the absolute URL of the request's scheme and host.

Images are served through Wagtail renditions made on their first request (the dynamic serve
view, with signed URLs): a manifest only names the sizes, computed from the image's own
size as the ``max-`` filter computes them, so building a manifest of 50 images renders none.
"""

import html
import os
from dataclasses import dataclass, field

from django.conf import settings
from django.urls import reverse
from django.utils import translation
from django.utils.html import strip_tags
from django.utils.text import Truncator
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from wagtail.images.models import Filter
from wagtail.images.views.serve import generate_image_url

from heritagehub.i18n import language_code_of, language_order, url_in_language

from ..care import NOTICE_HEADING, CareLabel
from .image_api import ImageService

CONTEXT = "http://iiif.io/api/presentation/3/context.json"
CONTENT_TYPE = f'application/ld+json;profile="{CONTEXT}"'

# The longest side of the image a canvas shows, of a thumbnail and of a partner's logo.
FULL_SIZE = 3000
THUMBNAIL_SIZE = 400
LOGO_SIZE = 200
SUMMARY_WORDS = 60
# A collection lists this many manifests; a larger one is split into parts, each a
# collection of its own (Presentation 3 pages collections by nesting them).
ITEMS_PER_PART = 1000

# Every browser, and so every IIIF viewer, shows JPEG, PNG and WebP: other formats are
# converted (a GIF's first frame to PNG, AVIF to JPEG).
OUTPUT_FORMATS = {"jpg": "jpeg", "jpeg": "jpeg", "png": "png", "webp": "webp", "gif": "png"}
MIME_TYPES = {"jpeg": "image/jpeg", "png": "image/png", "webp": "image/webp"}


def sorted_by_language(objects):
    """Translations (pages, images, terms) in the hub's language order, Italian first."""
    order = {code: rank for rank, code in enumerate(language_order(settings.LANGUAGE_CODE))}
    return sorted(objects, key=lambda obj: order.get(language_code_of(obj.locale_id), len(order)))


def language_map(objects, value):
    """``{language: [value(obj)]}`` over translations, leaving out the blank values."""
    result = {}
    for obj in sorted_by_language(objects):
        text = value(obj)
        code = language_code_of(obj.locale_id)
        if text and code and code not in result:
            result[code] = [text]
    return result


def interface_map(message):
    """A label of the interface (a lazy translation) in every language of the hub."""
    result = {}
    for code, _name in settings.LANGUAGES:
        with translation.override(code):
            result[code] = [str(message)]
    return result


def neutral_map(text):
    """A value that is the same in every language."""
    return {"none": [text]} if text else {}


def plain_summary(rich_text):
    """Rich text as a short plain text: Presentation 3 allows only a few HTML tags."""
    text = html.unescape(strip_tags(rich_text or "")).strip()
    return Truncator(" ".join(text.split())).words(SUMMARY_WORDS)


# Images ------------------------------------------------------------------------------------


def image_resource(image, size, absolute):
    """An Image resource of at most ``size`` pixels a side, served by the dynamic view."""
    name = os.path.splitext(image.file.name)[1].lower().lstrip(".")
    output_format = OUTPUT_FORMATS.get(name, "jpeg")
    spec = f"max-{size}x{size}|format-{output_format}"
    width, height = Filter(spec=spec).get_transform(image).size
    return {
        "id": absolute(generate_image_url(image, spec, viewname="iiif:image")),
        "type": "Image",
        "format": MIME_TYPES[output_format],
        "width": width,
        "height": height,
    }


# Manifests ---------------------------------------------------------------------------------


@dataclass
class ItemRecord:
    """What an item's manifest is built from: the live public translations of the item,
    of its object type, collection and partner, and the images of every translation."""

    translations: list
    images: list = field(default_factory=list)
    object_types: list = field(default_factory=list)
    collections: list = field(default_factory=list)
    partners: list = field(default_factory=list)

    def __post_init__(self):
        self.translations = sorted_by_language(self.translations)
        self.partners = sorted_by_language(self.partners)
        self.collections = sorted_by_language(self.collections)

    @property
    def item(self):
        """The translation whose facts (rights, images) the manifest gives: the first in
        the hub's language order."""
        return self.translations[0]

    def canvas_images(self):
        """The item's images in order, each with the captions of all its translations."""
        captions = {}
        for item_image in self.images:
            captions.setdefault(item_image.translation_key, []).append(item_image)
        own = [image for image in self.images if image.page_id == self.item.pk]
        return [(image, captions[image.translation_key]) for image in own]


def manifest_url(translation_key, absolute):
    return absolute(reverse("iiif:manifest", args=[translation_key]))


def collection_url(translation_key, absolute, part=None):
    if part is None:
        return absolute(reverse("iiif:collection", args=[translation_key]))
    return absolute(reverse("iiif:collection_part", args=[translation_key, part]))


def homepages(pages, absolute):
    """A page on the hub in each language it is translated into."""
    return [
        {
            "id": absolute(url_in_language(page, language_code_of(page.locale_id))),
            "type": "Text",
            "label": {language_code_of(page.locale_id): [page.title]},
            "format": "text/html",
            "language": [language_code_of(page.locale_id)],
        }
        for page in sorted_by_language(pages)
    ]


def provider(partners, absolute):
    """The partner holding the item, as a IIIF Agent."""
    partner = partners[0]
    agent = {
        "id": absolute(url_in_language(partner, language_code_of(partner.locale_id))),
        "type": "Agent",
        "label": language_map(partners, lambda page: page.title),
        "homepage": homepages(partners, absolute),
    }
    if partner.website:
        agent["homepage"].append(
            {
                "id": partner.website,
                "type": "Text",
                "label": language_map(partners, lambda page: page.title),
                "format": "text/html",
            }
        )
    if partner.logo is not None:
        agent["logo"] = [image_resource(partner.logo, LOGO_SIZE, absolute)]
    return agent


def care_entries(record):
    """An item's care labels (heritage_collections.care) as the first metadata entries:
    Presentation 3 has no warning property, and viewers show metadata in order. Each is
    labelled "Content that needs care", its value the kind's name and the note, in each
    language the item is translated into (the note as translated)."""
    entries = []
    for position, label in enumerate(record.item.care_notice):

        def text(page, position=position, source=label):
            labels = page.care_notice
            same = position < len(labels) and labels[position].kind == source.kind
            note = labels[position].note if same else source.note
            return CareLabel(source.kind, note).text_in(language_code_of(page.locale_id))

        entries.append((NOTICE_HEADING, language_map(record.translations, text)))
    return entries


def metadata(record):
    """The item's catalogue facts as label/value pairs, labelled in every language; its care
    labels first."""
    translations = record.translations
    item = record.item
    entries = [
        *care_entries(record),
        (_("Identifier"), neutral_map(item.identifier)),
        (_("Object type"), language_map(record.object_types, lambda term: term.name)),
        (_("Creator"), neutral_map(item.creator)),
        (_("Date"), language_map(translations, lambda page: page.date_display)),
        (_("Place"), language_map(translations, lambda page: page.place_name)),
        (_("Materials and technique"), language_map(translations, lambda page: page.materials)),
        (_("Dimensions"), neutral_map(item.dimensions)),
        (
            pgettext_lazy("heritage", "Collection"),
            language_map(record.collections, lambda page: page.title),
        ),
        (_("Held by"), language_map(record.partners, lambda page: page.title)),
    ]
    return [{"label": interface_map(label), "value": value} for label, value in entries if value]


def required_statement(record):
    """The credit line the item must be shown with, else the partner holding it."""
    credit = language_map(record.translations, lambda page: page.credit_line)
    if credit:
        return {"label": interface_map(_("Credit line")), "value": credit}
    holder = language_map(record.partners, lambda page: page.title)
    if holder:
        return {"label": interface_map(_("Held by")), "value": holder}
    return None


def canvas(manifest_id, item_image, captions, position, absolute):
    """A canvas of the image's real size, painted with the image."""
    image = item_image.image
    canvas_id = f"{manifest_id.rsplit('/', 1)[0]}/canvas/{item_image.translation_key}"
    label = language_map(captions, lambda each: each.caption) or {"none": [str(position)]}
    return {
        "id": canvas_id,
        "type": "Canvas",
        "label": label,
        "width": image.width,
        "height": image.height,
        "thumbnail": [image_resource(image, THUMBNAIL_SIZE, absolute)],
        "items": [
            {
                "id": f"{canvas_id}/page",
                "type": "AnnotationPage",
                "items": [
                    {
                        "id": f"{canvas_id}/page/image",
                        "type": "Annotation",
                        "motivation": "painting",
                        "body": {
                            **image_resource(image, FULL_SIZE, absolute),
                            "service": [ImageService.of(image).reference(absolute)],
                        },
                        "target": canvas_id,
                    }
                ],
            }
        ],
    }


def item_manifest(record, absolute):
    """The Presentation 3 manifest of an item."""
    item = record.item
    manifest_id = manifest_url(item.translation_key, absolute)
    canvases = [
        canvas(manifest_id, item_image, captions, position, absolute)
        for position, (item_image, captions) in enumerate(record.canvas_images(), start=1)
    ]
    manifest = {
        "@context": CONTEXT,
        "id": manifest_id,
        "type": "Manifest",
        "label": language_map(record.translations, lambda page: page.title),
    }
    summary = language_map(record.translations, lambda page: plain_summary(page.description))
    if summary:
        manifest["summary"] = summary
    manifest["metadata"] = metadata(record)
    statement = required_statement(record)
    if statement:
        manifest["requiredStatement"] = statement
    if item.rights:
        manifest["rights"] = item.rights
    if record.partners:
        manifest["provider"] = [provider(record.partners, absolute)]
    manifest["homepage"] = homepages(record.translations, absolute)
    if canvases:
        manifest["thumbnail"] = canvases[0]["thumbnail"]
    if record.collections:
        manifest["partOf"] = [
            {
                "id": collection_url(record.collections[0].translation_key, absolute),
                "type": "Collection",
                "label": language_map(record.collections, lambda page: page.title),
            }
        ]
    manifest["items"] = canvases
    return manifest


# Collections -------------------------------------------------------------------------------


@dataclass
class CollectionRecord:
    """What a collection's IIIF document is built from: the live public translations of
    the collection page, of its partner, and the items listed (one part of them when the
    collection is split), each as its translations."""

    translations: list
    partners: list = field(default_factory=list)
    items: list = field(default_factory=list)  # [[translations of one item], …]
    total: int = 0  # the number of items in the whole collection

    def __post_init__(self):
        self.translations = sorted_by_language(self.translations)
        self.partners = sorted_by_language(self.partners)

    @property
    def collection(self):
        return self.translations[0]

    @property
    def parts(self):
        return max(1, -(-self.total // ITEMS_PER_PART))


def manifest_reference(item_translations, absolute):
    return {
        "id": manifest_url(item_translations[0].translation_key, absolute),
        "type": "Manifest",
        "label": language_map(item_translations, lambda page: page.title),
    }


def part_label(part):
    first = (part - 1) * ITEMS_PER_PART + 1
    last = part * ITEMS_PER_PART
    return interface_map(_("Items %(first)s–%(last)s") % {"first": first, "last": last})


def collection_document(record, absolute, part=None):
    """The IIIF Collection of a collection page: its items' manifests, or its parts when
    it holds more than ``ITEMS_PER_PART`` items; ``part`` is one of those parts."""
    collection = record.collection
    key = collection.translation_key
    title = language_map(record.translations, lambda page: page.title)
    document = {
        "@context": CONTEXT,
        "id": collection_url(key, absolute, part),
        "type": "Collection",
        "label": title if part is None else part_label(part),
    }
    if part is not None:
        document["partOf"] = [
            {"id": collection_url(key, absolute), "type": "Collection", "label": title}
        ]
    summary = language_map(record.translations, lambda page: page.introduction)
    if summary and part is None:
        document["summary"] = summary
    if record.partners:
        document["provider"] = [provider(record.partners, absolute)]
    document["homepage"] = homepages(record.translations, absolute)
    if collection.cover_image is not None:
        document["thumbnail"] = [image_resource(collection.cover_image, THUMBNAIL_SIZE, absolute)]
    if part is None and record.parts > 1:
        document["items"] = [
            {"id": collection_url(key, absolute, n), "type": "Collection", "label": part_label(n)}
            for n in range(1, record.parts + 1)
        ]
    else:
        document["items"] = [manifest_reference(item, absolute) for item in record.items]
    return document


def collections_document(collections, absolute):
    """The hub's top collection: every collection page, each in its languages."""
    return {
        "@context": CONTEXT,
        "id": absolute(reverse("iiif:collections")),
        "type": "Collection",
        "label": interface_map(_("Collections of the hub")),
        "items": [
            {
                "id": collection_url(translations[0].translation_key, absolute),
                "type": "Collection",
                "label": language_map(translations, lambda page: page.title),
            }
            for translations in collections
        ],
    }
