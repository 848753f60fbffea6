"""Deleted records (persistent): an item unpublished or deleted stays in the lists,
flagged deleted, until it is published again."""

import pytest
from django.core.management import call_command

from heritage_collections.models import OaiRecord

from .conftest import NS


def _headers(oai, **params):
    root = oai(verb="ListRecords", metadataPrefix="oai_dc", **params)
    return {
        header.findtext("oai:identifier", namespaces=NS): header
        for header in root.iterfind(".//oai:header", NS)
    }, root


def _identifier(item):
    return f"oai:heritagehub.local:item:{item.translation_key}"


def test_an_unpublished_item_is_a_deleted_record(oai, tree):
    tree.items[1].unpublish()
    headers, root = _headers(oai)
    assert headers[_identifier(tree.items[1])].get("status") == "deleted"
    assert headers[_identifier(tree.items[0])].get("status") is None
    # A deleted record has a header and no metadata.
    records = root.findall(".//oai:record", NS)
    assert sum(record.find("oai:metadata", NS) is None for record in records) == 1


def test_a_deleted_item_is_a_deleted_record(oai, tree):
    key = tree.items[2].translation_key
    tree.items[2].delete()
    root = oai(
        verb="GetRecord", identifier=f"oai:heritagehub.local:item:{key}", metadataPrefix="edm"
    )
    header = root.find(".//oai:header", NS)
    assert header.get("status") == "deleted"
    assert root.find(".//oai:metadata", NS) is None


def test_a_deleted_record_keeps_its_sets(oai, tree):
    tree.items[1].unpublish()
    headers, _root = _headers(oai, set="archivio:fotografie")
    assert headers[_identifier(tree.items[1])].get("status") == "deleted"


def test_the_withdrawal_is_a_new_datestamp(oai, tree):
    before = OaiRecord.objects.get(translation_key=tree.items[1].translation_key).datestamp
    OaiRecord.objects.update(datestamp=before.replace(year=2001))
    tree.items[1].unpublish()
    record = OaiRecord.objects.get(translation_key=tree.items[1].translation_key)
    assert record.deleted
    assert record.datestamp.year > 2001
    headers, _root = _headers(oai, **{"from": f"{before.year}-01-01"})
    assert list(headers) == [_identifier(tree.items[1])]


def test_a_republished_item_is_live_again(oai, tree):
    item = tree.items[1]
    item.unpublish()
    item.save_revision().publish()
    headers, _root = _headers(oai)
    assert headers[_identifier(item)].get("status") is None


def test_an_item_stays_live_while_one_translation_is(tree, translate):
    for page in (tree.home, tree.partner_index, tree.partner, tree.collection):
        translate(page, "en")
    english = translate(tree.item, "en", title="Photograph 1")
    tree.item.unpublish()
    assert not OaiRecord.objects.get(translation_key=english.translation_key).deleted


def test_a_never_published_item_has_no_record(tree):
    from tests.factories import ItemPageFactory

    draft = ItemPageFactory(parent=tree.collection, live=False)
    assert not OaiRecord.objects.filter(translation_key=draft.translation_key).exists()


@pytest.mark.django_db
def test_rebuild_keeps_deleted_records(tree):
    tree.items[1].unpublish()
    OaiRecord.objects.filter(deleted=False).delete()
    call_command("rebuild_oai_records", stdout=open("/dev/null", "w"))  # noqa: SIM115
    assert OaiRecord.objects.filter(deleted=False).count() == 2
    assert OaiRecord.objects.get(translation_key=tree.items[1].translation_key).deleted
