"""Keeping the harvest index (``OaiRecord``) in step with the live items.

``refresh_oai_records`` is called wherever the catalogue is refreshed (publish, unpublish,
move and delete signals, the import, ``rebuild_catalogue``), so both indexes see the same
changes. A record is live while any translation of its item is live and public; when none
is, the record stays, flagged deleted, with the moment it was withdrawn as its datestamp.
"""

from collections import defaultdict

from django.db import transaction
from django.utils import timezone

from heritagehub.bulk import insert_rows

from ..models import ItemPage, OaiRecord

BATCH_SIZE = 500


def set_specs(url_path):
    """(partner setSpec, collection setSpec) of an item from its url_path: items sit at
    home/partners/<partner>/<collection>/<item>/, with the same slugs in every locale."""
    parts = url_path.strip("/").split("/")
    return parts[-3], f"{parts[-3]}:{parts[-2]}"


def _seconds(moment):
    return moment.replace(microsecond=0)


def _refresh_batch(keys, now):
    translations = defaultdict(list)
    for page in (
        ItemPage.objects.live()
        .public()
        .filter(translation_key__in=keys)
        .values("translation_key", "url_path", "last_published_at", "first_published_at")
    ):
        translations[page["translation_key"]].append(page)
    records = OaiRecord.objects.in_bulk(keys, field_name="translation_key")
    created, changed = [], []
    for key in keys:
        record = records.get(key)
        pages = translations.get(key)
        if not pages:
            if record and not record.deleted:
                record.deleted, record.datestamp = True, now
                changed.append(record)
            continue
        partner, collection = set_specs(pages[0]["url_path"])
        published = [
            p["last_published_at"] or p["first_published_at"]
            for p in pages
            if p["last_published_at"] or p["first_published_at"]
        ]
        datestamp = _seconds(max(published)) if published else None
        if record is None:
            created.append(
                OaiRecord(
                    translation_key=key,
                    datestamp=datestamp or now,
                    partner=partner,
                    collection=collection,
                )
            )
            continue
        moved = (record.partner, record.collection) != (partner, collection)
        if moved or record.deleted:
            # A harvester must see the new sets or the item's return: a new datestamp.
            datestamp = max(datestamp or now, now if moved else record.datestamp)
        if record.deleted or moved or (datestamp and datestamp != record.datestamp):
            record.deleted = False
            record.partner, record.collection = partner, collection
            record.datestamp = datestamp or record.datestamp
            changed.append(record)
    OaiRecord.objects.bulk_create(created, batch_size=BATCH_SIZE)
    OaiRecord.objects.bulk_update(
        changed, ["datestamp", "partner", "collection", "deleted"], batch_size=BATCH_SIZE
    )


def refresh_oai_records(translation_keys):
    """Bring the records of the items with these translation keys up to date."""
    keys = list(dict.fromkeys(translation_keys))
    now = _seconds(timezone.now())
    with transaction.atomic():
        for start in range(0, len(keys), BATCH_SIZE):
            _refresh_batch(keys[start : start + BATCH_SIZE], now)


def add_oai_records(translations):
    """The records of new items, from their pages in memory ({translation key: its live,
    public translations, just created}): what ``refresh_oai_records`` of the keys makes,
    without looking for the records that new keys cannot have."""
    now = _seconds(timezone.now())
    rows = []
    for key, pages in translations.items():
        partner, collection = set_specs(pages[0].url_path)
        published = [
            p.last_published_at or p.first_published_at
            for p in pages
            if p.last_published_at or p.first_published_at
        ]
        datestamp = _seconds(max(published)) if published else now
        rows.append((key, datestamp, partner, collection, False))
    insert_rows(
        OaiRecord, ("translation_key", "datestamp", "partner", "collection", "deleted"), rows
    )


def rebuild_oai_records():
    """Every record checked against the live items (e.g. after changes made outside
    Wagtail's signals); records of items that are gone are kept, flagged deleted."""
    keys = set(ItemPage.objects.live().values_list("translation_key", flat=True).distinct())
    keys.update(OaiRecord.objects.values_list("translation_key", flat=True))
    refresh_oai_records(sorted(keys))
    return OaiRecord.objects.filter(deleted=False).count()


def build_if_missing(**kwargs):
    """After migrate: a database that had items before the harvest index existed gets it."""
    if not OaiRecord.objects.exists() and ItemPage.objects.live().exists():
        rebuild_oai_records()
