"""Harvesting a partner's OAI-PMH endpoint (a ``HarvestSource``) into its collection.

Each harvest asks for the records changed since the newest datestamp it has seen
(``harvested_until``; the whole repository the first time or with ``full``), turns each
record into a row of the Item CSV and imports the rows as a file is imported — the same
checks, the partner's crosswalks and column mapping, the plan (create, update with a new
revision, unchanged), the review workflow — with the rows in error skipped and reported. A
deleted record unpublishes the item it became (``HarvestedRecord`` remembers which).

Dublin Core elements (oai_dc, and the dc: elements of EDM's provided object) map to the
columns: the first identifier that is not a web address is the item's identifier (the
record's OAI identifier otherwise), a web address is its source URL; the first title,
description, date, type and coverage; every creator, format (materials) and subject (tags);
a rights URI is the rights statement, the other rights texts the credit line.
"""

import csv
import datetime
import tempfile
from dataclasses import dataclass
from pathlib import Path

from django.db import transaction
from sickle import Sickle
from sickle.oaiexceptions import NoRecordsMatch

from heritage_collections.models import HarvestedRecord, ItemPage
from heritagehub.i18n import descendants_of_translations

from .columns import header
from .service import ItemImport
from .target import for_collection

EDM_RIGHTS = "{http://www.europeana.eu/schemas/edm/}rights"
RDF_RESOURCE = "{http://www.w3.org/1999/02/22-rdf-syntax-ns#}resource"


@dataclass
class HarvestReport:
    records: int = 0
    deleted: int = 0
    unpublished: int = 0
    report: object = None  # the import's ImportReport


def _web(value):
    return value.startswith(("http://", "https://"))


def _first(values, default=""):
    return next((value.strip() for value in values if value and value.strip()), default)


def record_row(record):
    """The Item CSV row (a dict) of a harvested record."""
    metadata = record.metadata or {}

    def values(name):
        return [value for value in metadata.get(name, []) if value]

    identifiers = values("identifier")
    rights = values("rights")
    for element in record.xml.iter(EDM_RIGHTS):
        if element.get(RDF_RESOURCE):
            rights.insert(0, element.get(RDF_RESOURCE))
    return {
        "identifier": _first([v for v in identifiers if not _web(v)], record.header.identifier),
        "title": _first(values("title")),
        "description": _first(values("description")),
        "object_type": _first(values("type")),
        "creator": "; ".join(dict.fromkeys(v.strip() for v in values("creator"))),
        "date": _first(values("date")),
        "place": _first(values("coverage")),
        "materials": "; ".join(dict.fromkeys(v.strip() for v in values("format"))),
        "rights": _first([v for v in rights if _web(v)]),
        "credit_line": "; ".join(v.strip() for v in rights if not _web(v)),
        "tags": "; ".join(v.strip().replace(";", ",") for v in values("subject")),
        "source_url": _first([v for v in identifiers if _web(v)]),
    }


def _datestamp(text):
    if len(text) == 10:
        return datetime.datetime.fromisoformat(text).replace(tzinfo=datetime.UTC)
    return datetime.datetime.fromisoformat(text.replace("Z", "+00:00"))


def _from_argument(client, since):
    granularity = client.Identify().granularity
    if granularity == "YYYY-MM-DD":
        return since.date().isoformat()
    return since.astimezone(datetime.UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def harvest(source, *, full=False, dry_run=False, user=None, progress=None):
    """Harvest ``source``; the HarvestReport of what it did (or would do)."""
    client = Sickle(source.endpoint, max_retries=2, timeout=60)
    arguments = {"metadataPrefix": source.metadata_prefix, "ignore_deleted": False}
    if source.set_spec:
        arguments["set"] = source.set_spec
    if source.harvested_until and not full:
        arguments["from"] = _from_argument(client, source.harvested_until)
    result = HarvestReport()
    target = for_collection(source.collection.specific)
    columns = header(target.language)
    rows, identifiers, deleted, newest = [], {}, [], source.harvested_until
    try:
        records = list(client.ListRecords(**arguments))
    except NoRecordsMatch:
        records = []
    for record in records:
        result.records += 1
        stamp = _datestamp(record.header.datestamp)
        newest = max(newest, stamp) if newest else stamp
        if record.header.deleted:
            deleted.append(record.header.identifier)
            continue
        row = record_row(record)
        rows.append(row)
        identifiers[record.header.identifier] = row["identifier"]
    result.deleted = len(deleted)
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "harvest.csv"
        names = [c for c in columns if any(c in row for row in rows)] or ["identifier", "title"]
        with path.open("w", encoding="utf-8", newline="") as handle:
            writer = csv.DictWriter(handle, fieldnames=names, extrasaction="ignore")
            writer.writeheader()
            writer.writerows(rows)
        item_import = ItemImport(
            path,
            target,
            publish=source.publish,
            skip_invalid=True,
            user=user,
            progress=progress,
        )
        result.report = item_import.run(dry_run=dry_run or not rows)
    if dry_run:
        return result
    with transaction.atomic():
        for oai_identifier, identifier in identifiers.items():
            HarvestedRecord.objects.update_or_create(
                source=source, oai_identifier=oai_identifier, defaults={"identifier": identifier}
            )
        result.unpublished = _unpublish(source, target, deleted, user)
        source.harvested_until = newest
        source.save(update_fields=["harvested_until"])
    return result


def _unpublish(source, target, oai_identifiers, user):
    """Unpublish the items the deleted records became (their revisions stay)."""
    identifiers = list(
        HarvestedRecord.objects.filter(
            source=source, oai_identifier__in=oai_identifiers
        ).values_list("identifier", flat=True)
    )
    if not identifiers:
        return 0
    pages = descendants_of_translations(
        target.partner, ItemPage.objects.filter(identifier__in=identifiers).live()
    )
    count = 0
    for page in pages:
        page.unpublish(user=user, log_action="wagtail.unpublish")
        count += 1
    return count
