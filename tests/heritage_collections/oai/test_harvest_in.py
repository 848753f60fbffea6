"""Issue 15: a partner's OAI-PMH endpoint harvested into a collection — here the hub's own
/oai/ provider on pytest-django's live server, never the internet: a first harvest
imports, a later one updates what changed, a deleted record unpublishes its item."""

import datetime
from io import StringIO

import pytest
from django.core.management import call_command
from django.utils import translation

from heritage_collections.models import HarvestSource, ItemPage, OaiRecord
from tests.factories import CollectionPageFactory, PartnerPageFactory


@pytest.fixture(autouse=True)
def _english():
    translation.activate("en")


@pytest.fixture
def source(oai_server, tree, page_size):
    page_size(2)  # through resumption tokens
    partner = PartnerPageFactory(parent=tree.partner.get_parent(), title="Museo", slug="museo")
    collection = CollectionPageFactory(parent=partner, title="Raccolta", slug="raccolta")
    return HarvestSource.objects.create(
        name="Archivio via OAI",
        endpoint=oai_server,
        set_spec="archivio",  # the hub's /oai/ lists the harvested copies too
        collection=collection,
        publish=True,
    )


def harvested(source):
    return {
        page.identifier: page
        for page in ItemPage.objects.child_of(source.collection).order_by("identifier")
    }


def run(prefix="oai_dc", *args):
    out = StringIO()
    call_command("harvest_items", *args, stdout=out, stderr=StringIO())
    return out.getvalue()


@pytest.mark.parametrize("prefix", ["oai_dc", "edm"])
def test_a_first_harvest_imports_every_record(source, tree, prefix):
    source.metadata_prefix = prefix
    source.save()
    run()
    items = harvested(source)
    assert sorted(items) == sorted(item.identifier for item in tree.items)
    first = items[tree.items[0].identifier]
    original = tree.items[0]
    assert (first.title, first.creator, first.live) == (original.title, original.creator, True)
    assert first.object_type.slug == original.object_type.slug
    assert first.rights == original.rights
    source.refresh_from_db()
    assert source.harvested_until is not None


def test_a_later_harvest_updates_what_changed_and_is_incremental(source, tree):
    run()
    # The first harvest as if it had been a year ago: the records it saw are older.
    long_ago = datetime.datetime(2025, 1, 1, tzinfo=datetime.UTC)
    ItemPage.objects.update(first_published_at=long_ago, last_published_at=long_ago)
    OaiRecord.objects.update(datestamp=long_ago)
    seen = long_ago + datetime.timedelta(days=1)  # "from" is inclusive
    HarvestSource.objects.filter(pk=source.pk).update(harvested_until=seen)
    changed = ItemPage.objects.get(pk=tree.items[1].pk)
    changed.title = "Fotografia 2, restaurata"
    changed.save_revision().publish()
    out = run()
    assert "1 records" in out and "1 updated, 0 unchanged" in out  # only what changed since
    assert harvested(source)[changed.identifier].title == "Fotografia 2, restaurata"


def test_a_deleted_record_unpublishes_its_item(source, tree):
    run()
    ItemPage.objects.get(pk=tree.items[2].pk).unpublish()
    out = run()
    assert "Unpublished: 1." in out
    assert not harvested(source)[tree.items[2].identifier].live
    assert harvested(source)[tree.items[0].identifier].live
