"""Build the bench database: the demo site, bench partners, and Item CSV files imported with
``manage.py import_items --publish``, each import timed (the import throughput).

``build(target_items, work_dir)`` brings the database to at least ``target_items`` items
(one item = one translation key, however many languages it has): every Tate record not yet
in the database, imported into Tate's collections, then generated variants spread over the
bench partners (``benchmarks.content``). It does nothing when the database already holds
enough items. With ``demo`` it must run outside a transaction, as load_demo must.
"""

import io
import math
import time
from dataclasses import asdict, dataclass, field
from itertools import islice
from pathlib import Path

from django.core.management import CommandError, call_command
from django.test.utils import override_settings

from demo.base import Strings, child_by_slug, publish_new_child
from demo.loader import data_dir
from demo.tate_csv import tate_csv_rows, tate_source
from demo.translate import translate_page
from heritage_collections.importing.target import source_page
from heritage_collections.models import CollectionPage, ItemPage
from heritage_collections.reconciliation import reconcile
from heritagehub.i18n import descendants_of_translations
from partners.onboarding import onboard_partner

from . import content

CHUNK_ROWS = 5_000  # rows per CSV file: one import, one transaction
# A small build (tests, the 1,000-item database) reads the first Tate records only, and makes
# this share of its new items from them, the rest variants.
SMALL_BUILD = 10_000
TATE_SHARE_WHEN_SMALL = 0.7
TATE = content.BenchPartner("Tate", "tate", "museum", 0, languages=())


@dataclass
class ImportRun:
    file: str
    partner: str
    collection: str
    rows: int
    seconds: float

    @property
    def items_per_second(self):
        return self.rows / self.seconds if self.seconds else 0.0


@dataclass
class BuildResult:
    target_items: int
    items_before: int
    items_after: int = 0
    skipped: bool = False
    demo_seconds: float | None = None
    imports: list = field(default_factory=list)

    def as_dict(self):
        return asdict(self)


def item_count():
    """Items, not pages: an item translated into three languages counts once."""
    return ItemPage.objects.values("translation_key").distinct().count()


def build(target_items, work_dir, *, demo=True, partners=content.BENCH_PARTNERS, seed=0, log=print):
    """Bring the database to ``target_items`` items (see the module docstring); without
    ``demo``, the site's home and index pages must exist already (tests)."""
    result = BuildResult(target_items=target_items, items_before=item_count())
    if result.items_before >= target_items:
        result.skipped, result.items_after = True, result.items_before
        log(f"The bench database holds {result.items_before} items already: nothing to build.")
        return result
    if demo:
        started = time.perf_counter()
        load_demo()
        result.demo_seconds = time.perf_counter() - started
        log(f"Demo site loaded in {result.demo_seconds:.0f} s.")

    tate = partner_page(TATE)
    for partner in partners:
        partner_page(partner)
    missing = target_items - item_count()
    small = missing < SMALL_BUILD
    rows = tate_rows(limit=missing if small else None)
    taken = tate_identifiers(tate)
    new = [row for row in rows if row["identifier"] not in taken]
    new = new[: math.ceil(missing * TATE_SHARE_WHEN_SMALL) if small else missing]
    work_dir = Path(work_dir)
    work_dir.mkdir(parents=True, exist_ok=True)
    files = tate_files(tate, new, work_dir)
    files += variant_files(partners, rows, missing - len(new), work_dir, seed)
    for path, partner, collection, count in files:
        run = import_file(path, partner, collection, count)
        result.imports.append(run)
        log(
            f"{path.name}: {run.rows} rows in {run.seconds:.1f} s "
            f"({run.items_per_second:.0f} items/s)"
        )
    result.items_after = item_count()
    return result


def link_records(log=print):
    """Link the items to the demo's people and places as an editor accepting every exact
    match would (``reconcile_authorities --accept-exact``), so that record pages list their
    works at scale: Tate's Turner alone has tens of thousands. Proposals are never made
    twice, so on a database linked before this only reads."""
    started = time.perf_counter()
    result = reconcile(accept_exact=True)
    log(
        f"Records: {result.proposed} links proposed, {result.accepted} accepted "
        f"({result.linked} item pages linked) in {time.perf_counter() - started:.0f} s."
    )
    return result


def load_demo():
    """The demo site (home, index pages, partners, stories in five languages). load_demo
    refuses DEBUG off to keep its public passwords out of production; this is a local,
    throw-away database."""
    with override_settings(DEBUG=True):
        call_command("load_demo", verbosity=0)


def partner_page(partner):
    """The partner's live page (onboarded, and published when onboarding left a draft),
    with the partner's collections below it, translated into ``partner.languages`` so that
    items may have titles in these languages."""
    page = onboard_partner(partner.name, partner.slug, partner.institution_type).page.specific
    if not page.live:
        page.save_revision().publish()
    pages = [page]
    for slug in partner.collections:
        pages.append(ensure_collection(page, slug, slug.capitalize()))
    for translated in pages:  # parents first: a translation needs its parent's
        for language in partner.languages:
            # Bench pages keep their names in every language.
            translate_page(translated, language, Strings(same={translated.title}))
    return page


def ensure_collection(partner, slug, title):
    """The partner's collection ``slug`` in whichever language tree it exists, else a new
    live one in the partner's source language (Tate's is English)."""
    pages = list(partner.get_translations(inclusive=True))
    for page in pages:
        existing = child_by_slug(page, slug)
        if existing is not None:
            return existing
    return publish_new_child(source_page(pages), CollectionPage(title=title, slug=slug))


def tate_rows(limit=None):
    """Item CSV rows of Tate's records, as the demo's converter writes them, in file order;
    the first ``limit`` only if given."""
    records, deaths = tate_source(data_dir(), full=True)
    return [content.repair(row) for row in islice(tate_csv_rows(records, deaths), limit)]


def tate_identifiers(tate):
    """Identifiers of the Tate items already stored (the demo's): they are not imported
    again, so that every Tate record is in the database once."""
    items = descendants_of_translations(tate, ItemPage.objects.all())
    return set(items.values_list("identifier", flat=True))


def tate_files(tate, new, work_dir):
    """CSV files of the new Tate rows, by collection, at most CHUNK_ROWS rows each."""
    by_collection = {}
    for row in new:
        by_collection.setdefault(content.tate_collection_of(row), []).append(row)
    files = []
    for (slug, title), rows in by_collection.items():
        ensure_collection(tate, slug, title)
        files += _chunked_files(work_dir, tate.slug, slug, rows)
    return files


def variant_files(partners, bases, count, work_dir, seed):
    """CSV files of ``count`` generated variants, spread over ``partners`` by weight,
    numbered after the variants a previous build imported."""
    number = 1 + variant_count()
    files = []
    for partner, share in zip(
        partners, content.split_counts(count, [p.weight for p in partners]), strict=True
    ):
        collections = partner.collections
        # The first collection of a partner is its largest.
        per_collection = content.split_counts(share, list(range(len(collections), 0, -1)))
        for slug, size in zip(collections, per_collection, strict=True):
            rows = content.variant_rows(
                bases, size, first=number, seed=seed + number, languages=partner.languages
            )
            number += size
            files += _chunked_files(work_dir, partner.slug, slug, rows)
    return files


def variant_count():
    variants = ItemPage.objects.filter(identifier__regex=rf"^{content.VARIANT_PREFIX}[0-9]{{6}}$")
    return variants.values("translation_key").distinct().count()


def _chunked_files(work_dir, partner, collection, rows):
    files = []
    for n in range(0, len(rows), CHUNK_ROWS):
        chunk = rows[n : n + CHUNK_ROWS]
        path = work_dir / f"{partner}--{collection}--{n // CHUNK_ROWS + 1:02d}.csv"
        files.append((content.write_csv(path, chunk), partner, collection, len(chunk)))
    return files


def import_file(path, partner, collection, rows):
    """Import one CSV file with ``import_items --publish``; its rows and seconds."""
    errors = io.StringIO()
    started = time.perf_counter()
    try:
        call_command(
            "import_items",
            str(path),
            partner=partner,
            collection=collection,
            publish=True,
            verbosity=0,
            stdout=io.StringIO(),
            stderr=errors,
        )
    except CommandError as error:
        raise CommandError(f"{path}: {error}\n{errors.getvalue()[:5000]}") from error
    return ImportRun(path.name, partner, collection, rows, time.perf_counter() - started)
