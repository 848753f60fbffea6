"""The Item CSV of a partner's items: the columns ``import_items`` reads, so that exporting
and importing the file again changes nothing.

Each row is an item as it stands in its latest revision (drafts included: what the
partner's editors work on), with its page in the collection's language in ``title`` and
``description`` and its translations in ``title_<lang>``/``description_<lang>`` — a
translation's description only where it differs from the source's (an empty cell keeps it
on import); its links to authority records as each record's first identifier in
``creator_uri`` and ``place_uri`` (``authority_uris``). Items are read 500 at a time: memory
stays flat for any catalogue.
"""

import csv
from decimal import Decimal

from django.utils.translation import gettext as _
from wagtail.models import Locale

from heritage_collections.care import care_key
from heritage_collections.models import CollectionPage, ItemPage, ObjectType
from heritagehub.i18n import descendants_of_translations
from partners.models import PartnerPage

from .authority_uris import LINK_COLUMNS, first_identifiers
from .columns import LIST_SEPARATOR, header, translation_column
from .rich_text import without_block_keys
from .state import object_type_keys, page_states
from .target import TargetError, resolve, source_page

BATCH_SIZE = 500


def _number(value):
    if value is None:
        return ""
    if isinstance(value, Decimal):
        return format(value.normalize(), "f")
    return str(value)


def source_collections(partner_slug, collection_slug=None):
    """The partner's collections (or the one named), each in its source language."""
    if collection_slug:
        return [resolve(partner_slug, collection_slug).collection]
    partners = list(PartnerPage.objects.filter(slug=partner_slug))
    if not partners:
        raise TargetError(
            _("There is no partner with the slug “%(slug)s”.") % {"slug": partner_slug}
        )
    groups = {}
    for page in descendants_of_translations(
        source_page(partners), CollectionPage.objects.select_related("locale").order_by("path")
    ):
        groups.setdefault(page.translation_key, []).append(page)
    return [source_page(group) for group in groups.values()]


def export_language(collections):
    """The one language the collections' file is written in (their source language)."""
    languages = {collection.locale.language_code for collection in collections}
    if len(languages) > 1:
        raise TargetError(
            _(
                "The partner's collections are in different languages (%(languages)s): "
                "export one collection at a time (--collection)."
            )
            % {"languages": ", ".join(sorted(languages))}
        )
    return languages.pop() if languages else Locale.get_default().language_code


class Exporter:
    def __init__(self, language):
        self.language = language
        self.columns = header(language)
        self.locales = dict(Locale.objects.values_list("pk", "language_code"))
        self.type_keys = object_type_keys()
        self.type_slugs = dict(ObjectType.objects.values_list("translation_key", "slug"))

    def rows(self, collection):
        """A dict per item of ``collection``, in the order of the collection's tree."""
        items = ItemPage.objects.child_of(collection).order_by("path").only("pk", "path")
        last_path = ""
        while True:
            batch = list(items.filter(path__gt=last_path)[:BATCH_SIZE])
            if not batch:
                return
            last_path = batch[-1].path
            yield from self._batch(batch)

    def _batch(self, sources):
        links = tuple(link.field for link in LINK_COLUMNS)
        states = page_states(sources, self.type_keys, links=links)
        self.records = {
            link.field: link.model.identifiers_of(
                {record for state in states.values() for record, _r in state.fields[link.field]}
            )
            for link in LINK_COLUMNS
        }
        keys = {state.translation_key for state in states.values()}
        translations = {}
        others = ItemPage.objects.filter(translation_key__in=keys).exclude(
            pk__in=[page.pk for page in sources]
        )
        for state in page_states(list(others.only("pk")), self.type_keys).values():
            language = self.locales[state.locale_id]
            translations.setdefault(state.translation_key, {})[language] = state
        for page in sources:
            state = states[page.pk]
            yield self.row(state, translations.get(state.translation_key, {}))

    def row(self, state, translations):
        fields = state.fields
        wording = fields["partner_wording"] or {}
        image = state.image
        row = {
            "identifier": fields["identifier"],
            "title": fields["full_title"] or fields["title"],
            "description": fields["description"],
            # The partner's own word where an import mapped it: the crosswalk maps it again.
            "object_type": wording.get("object_type")
            or self.type_slugs.get(fields["object_type"], ""),
            "creator": fields["creator"],
            "date": fields["date_display"],
            "date_start": _number(fields["date_start"]),
            "date_end": _number(fields["date_end"]),
            "place": fields["place_name"],
            "latitude": _number(fields["latitude"]),
            "longitude": _number(fields["longitude"]),
            "materials": fields["materials"],
            "dimensions": fields["dimensions"],
            "rights": wording.get("rights") or fields["rights"],
            "credit_line": fields["credit_line"],
            "care_labels": " | ".join(
                f"{kind}: {note}" if note else kind
                for kind, note in care_key(fields["care_labels"])
            ),
            "tags": "; ".join(state.tags),
            "image": image.name if image else "",
            "image_alt": image.alt_text if image else "",
            "source_url": fields["source_url"],
        }
        for link in LINK_COLUMNS:
            uris = first_identifiers(fields[link.field], self.records[link.field], link.role)
            row[link.column] = f"{LIST_SEPARATOR} ".join(uris)
        source_description = without_block_keys(fields["description"])
        for language, translation in translations.items():
            if translation_column("title", language) not in self.columns:
                continue
            row[translation_column("title", language)] = (
                translation.fields["full_title"] or translation.fields["title"]
            )
            description = translation.fields["description"]
            if without_block_keys(description) != source_description:
                row[translation_column("description", language)] = description
        return row


def export_items(stream, partner_slug, collection_slug=None):
    """Write the Item CSV of a partner (or one of its collections) to a text stream;
    returns the number of items written. Raises ``TargetError`` for an unknown partner or
    collection."""
    collections = source_collections(partner_slug, collection_slug)
    exporter = Exporter(export_language(collections))
    writer = csv.DictWriter(stream, fieldnames=exporter.columns, restval="", lineterminator="\n")
    writer.writeheader()
    count = 0
    for collection in collections:
        for row in exporter.rows(collection):
            writer.writerow(row)
            count += 1
    return count
