"""Importing a partner's catalogue from an Item CSV (its columns: docs/import.md): ``manage.py
import_items`` and the admin's "Import items"; and exporting it as one (``manage.py
export_items``).

- ``reader``: the file, streamed: a CSV (UTF-8 decoded line by line, rows with bad bytes
  are errors; UTF-16, Windows-1252) or an .xlsx sheet;
- ``crosswalk``: a partner's own column names and vocabulary, mapped once to the hub's;
- ``columns``, ``values``: the header and each cell, checked;
- ``authority_uris``: the ``creator_uri``/``place_uri`` columns, the item's links to
  authority records by their URIs;
- ``target``: the partner and collection imported into; ``plan``: what each row does to the
  stored items (create, update, nothing), from their latest revisions (``state``);
- ``apply``, ``bulk``, ``media``: writing it — new pages in bulk, changed pages through
  Wagtail, images from a folder or ZIP;
- ``service.ItemImport``: the two passes (check, then apply in one transaction);
- ``rejected``: the rows in error, given back as a CSV to fix and import again;
- ``harvest``: a partner's OAI-PMH endpoint imported as a file is;
- ``admin_views``, ``admin_crosswalk``: the admin's "Import items" (upload, report, confirm)
  and its crosswalk pages;
- ``export``: the Item CSV of a partner's items, which an import reads back unchanged.

How to use it, the columns and the measured speed: docs/import.md.
"""

from .report import ImportReport, RowError
from .service import ItemImport
from .target import Target, TargetError, collection_choices, for_collection, resolve

__all__ = [
    "ImportReport",
    "ItemImport",
    "RowError",
    "Target",
    "TargetError",
    "collection_choices",
    "for_collection",
    "resolve",
]
