"""A page of records with everything the metadata formats need, in a bounded number of
queries whatever the page size: the records, their live translations (with object types),
the translations' images and the source's tags, the partners' names, and the people,
organisations and places the items link to (the links, then the records' translations)."""

import html
from collections import defaultdict
from dataclasses import dataclass, field

from django.db.models import Prefetch
from django.urls import reverse
from django.utils.html import strip_tags

from authorities.identifiers import AUTHORITY_FILES
from authorities.models import AgentPage, PlacePage
from heritagehub.cache import without_private
from heritagehub.i18n import language_code_of, url_in_language

from ..care import CareLabel
from ..iiif.image_api import service_path
from ..models import ItemAgent, ItemImage, ItemPage, ItemPlace, ItemTag, ObjectType
from .repository import oai_identifier, partner_names
from .timespans import TimeSpan, time_span


@dataclass
class Translation:
    """An item's text in one language."""

    language: str
    title: str
    description: str
    object_type: str
    url: str
    materials: str = ""
    credit_line: str = ""
    care: list = field(default_factory=list)  # its care labels, each as one sentence


@dataclass
class Concept:
    """A vocabulary term linked to the web of data: its URI (heritagehub.authority_uris)
    and its name in each language it is translated into."""

    uri: str
    labels: dict = field(default_factory=dict)  # language: name


@dataclass
class Entity:
    """An authority record an item links to (``authorities``), as an EDM contextual class:
    ``uri`` is its first identifier (Wikidata's if it has one), else its page on the hub."""

    uri: str
    same_as: list  # every identifier URI
    is_person: bool = True
    start_year: int | None = None
    end_year: int | None = None
    latitude: object = None
    longitude: object = None
    labels: dict = field(default_factory=dict)  # language: name
    occupations: dict = field(default_factory=dict)  # language: roles or occupation


@dataclass
class Image:
    url: str
    service: str  # its IIIF image service (heritage_collections.iiif.image_api)
    width: int
    height: int
    rights: str
    credit: str
    captions: dict = field(default_factory=dict)  # language: caption


@dataclass
class Record:
    """One OAI record: the header's facts and, unless deleted, the item's metadata."""

    identifier: str
    datestamp: object
    set_specs: list
    deleted: bool
    item: ItemPage | None = None  # the source: the translation written first
    translations: list = field(default_factory=list)  # source first
    images: list = field(default_factory=list)
    subjects: list = field(default_factory=list)
    type_concept: Concept | None = None  # the object type, when it has a URI
    partner_name: str = ""
    manifest: str = ""  # its IIIF manifest, when it has an image
    agents: list = field(default_factory=list)  # (role, Entity), in the item's order
    places: list = field(default_factory=list)  # (role, Entity), in the item's order
    time_span: TimeSpan | None = None  # its years, when it has a start year

    @property
    def url(self):
        return self.translations[0].url

    @property
    def concepts(self):
        """The skos:Concepts the record links to (contextual classes in EDM)."""
        return [self.type_concept] if self.type_concept else []


def plain_text(rich_text):
    """Rich text as harvesters take it: text without markup or entities."""
    return " ".join(html.unescape(strip_tags(rich_text or "")).split())


def _absolute(request, url):
    return request.build_absolute_uri(url)


def _translation(page, source, type_names, request):
    """The item's text in ``page``'s language. Fields a translator left as they were (still
    the source's text) are left out rather than passed off as translated."""
    language = language_code_of(page.locale_id)

    def translated(value, source_value):
        return value if page is source or value != source_value else ""

    # Every label in every language (its kind's name is the hub's); a note only as translated.
    source_labels = source.care_notice
    care = []
    for position, label in enumerate(page.care_notice):
        source_note = source_labels[position].note if position < len(source_labels) else ""
        note = translated(label.note, source_note)
        care.append(CareLabel(label.kind, note).notice_in(language))

    return Translation(
        language=language,
        title=translated(page.title, source.title),
        description=translated(plain_text(page.description), plain_text(source.description)),
        object_type=type_names.get((page.object_type.slug, page.locale_id), "")
        if page.object_type
        else "",
        url=_absolute(request, url_in_language(page, language)),
        materials=translated(page.materials, source.materials),
        credit_line=translated(page.credit_line, source.credit_line),
        care=care,
    )


def _images(pages, request):
    """The source's images, with their captions in each translation's language (the same
    position in each translation's ordered images)."""
    source = pages[0]
    images = [
        Image(
            url=_absolute(request, item_image.image.file.url),
            service=_absolute(request, service_path(item_image.image_id)),
            width=item_image.image.width,
            height=item_image.image.height,
            rights=item_image.image.rights,
            credit=item_image.image.credit,
        )
        for item_image in source.images.all()
    ]
    for page in pages:
        language = language_code_of(page.locale_id)
        for image, item_image, source_image in zip(
            images, page.images.all(), source.images.all(), strict=False
        ):
            if item_image.caption and (
                page is source or item_image.caption != source_image.caption
            ):
                image.captions.setdefault(language, item_image.caption)
    return images


def canonical_uri(identifiers, page_url):
    """The URI a record is known by: its Wikidata item, else its first identifier, else its
    page on the hub."""
    wikidata = AUTHORITY_FILES[0].pattern
    return next(
        (uri for uri in identifiers if wikidata.fullmatch(uri)),
        identifiers[0] if identifiers else page_url,
    )


def _entities(links, field_name, model, request):
    """{item id: [(role, Entity)]} for ``links`` (ItemAgent or ItemPlace rows, their record
    selected), with each record's names in every live translation: one query more."""
    entities, linked = {}, defaultdict(list)
    for link in links:
        record = getattr(link, field_name)
        if record.translation_key not in entities:
            language = language_code_of(record.locale_id)
            entity = Entity(
                uri=canonical_uri(
                    list(record.identifiers), _absolute(request, url_in_language(record, language))
                ),
                same_as=list(record.identifiers),
            )
            if model is AgentPage:
                entity.is_person = record.is_person
                entity.start_year, entity.end_year = record.start_year, record.end_year
            else:
                entity.latitude, entity.longitude = record.latitude, record.longitude
            entities[record.translation_key] = entity
        linked[link.page_id].append((link.role, entities[record.translation_key]))
    fields = ("translation_key", "locale_id", "title")
    if model is AgentPage:
        fields += ("occupation",)
    for key, locale_id, title, *occupation in (
        without_private(model.objects.live())
        .filter(translation_key__in=entities)
        .order_by("pk")
        .values_list(*fields)
    ):
        language = language_code_of(locale_id)
        entities[key].labels.setdefault(language, title)
        if occupation and occupation[0]:
            entities[key].occupations.setdefault(language, occupation[0])
    return linked


def load(oai_records, request, with_metadata=True):
    """``Record``s for these ``OaiRecord`` rows, in their order."""
    records = [
        Record(
            identifier=oai_identifier(row.translation_key),
            datestamp=row.datestamp,
            set_specs=[row.partner, row.collection],
            deleted=row.deleted,
        )
        for row in oai_records
    ]
    if not with_metadata:
        return records
    live = [row.translation_key for row in oai_records if not row.deleted]
    pages = defaultdict(list)
    for page in (
        ItemPage.objects.live()
        .public()
        .filter(translation_key__in=live)
        .select_related("object_type")
        .prefetch_related(
            Prefetch(
                "images",
                queryset=ItemImage.objects.select_related("image").order_by("sort_order"),
            )
        )
        .order_by("pk")
    ):
        pages[page.translation_key].append(page)
    # Tags straight from the through table: taggit's prefetch builds a queryset per item.
    subjects = defaultdict(list)
    for page_id, name in ItemTag.objects.filter(
        content_object_id__in=[translations[0].pk for translations in pages.values()]
    ).values_list("content_object_id", "tag__name"):
        subjects[page_id].append(name)
    names = partner_names(row.partner for row in oai_records if not row.deleted)
    sources = [translations[0].pk for translations in pages.values()]
    # Only records a visitor may see: a draft's or a private record's name, dates and page
    # address are not the public's.
    agents = _entities(
        without_private(
            ItemAgent.objects.filter(page_id__in=sources, agent__live=True), "agent__path"
        )
        .select_related("agent")
        .order_by("page_id", "sort_order", "pk"),
        "agent",
        AgentPage,
        request,
    )
    places = _entities(
        without_private(
            ItemPlace.objects.filter(page_id__in=sources, place__live=True), "place__path"
        )
        .select_related("place")
        .order_by("page_id", "sort_order", "pk"),
        "place",
        PlacePage,
        request,
    )
    # Object types are translatable snippets: their names in every language, at once.
    type_names, type_concepts = {}, {}
    for slug, locale_id, name, uri in ObjectType.objects.filter(
        slug__in={p.object_type.slug for ps in pages.values() for p in ps if p.object_type}
    ).values_list("slug", "locale_id", "name", "uri"):
        type_names[slug, locale_id] = name
        if uri:
            concept = type_concepts.setdefault(slug, Concept(uri))
            concept.labels[language_code_of(locale_id)] = name
    for record, row in zip(records, oai_records, strict=True):
        translations = pages.get(row.translation_key)
        if record.deleted:
            continue
        if not translations:
            # Withdrawn since the index was last refreshed: reported as deleted.
            record.deleted = True
            continue
        record.item = translations[0]
        record.translations = [
            _translation(page, record.item, type_names, request) for page in translations
        ]
        record.images = _images(translations, request)
        if record.images:
            record.manifest = _absolute(
                request, reverse("iiif:manifest", args=[row.translation_key])
            )
        record.subjects = sorted(subjects[record.item.pk])
        if record.item.object_type:
            record.type_concept = type_concepts.get(record.item.object_type.slug)
        record.partner_name = names.get(row.partner, row.partner)
        record.agents = agents.get(record.item.pk, [])
        record.places = places.get(record.item.pk, [])
        record.time_span = time_span(
            record.item.date_start,
            record.item.date_end,
            [translation.language for translation in record.translations],
            f"{record.url}#timespan",
        )
    return records
