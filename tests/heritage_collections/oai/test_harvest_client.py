"""A standard OAI-PMH harvester (Sickle) harvests the hub over HTTP, through resumption
tokens, in both formats."""

import pytest
from sickle import Sickle

ALL_FORMATS = ["oai_dc", "edm"]


def _harvest(url, prefix):
    client = Sickle(url, max_retries=0)
    return list(client.ListRecords(metadataPrefix=prefix, ignore_deleted=False))


@pytest.mark.parametrize("prefix", ALL_FORMATS)
def test_a_harvester_gets_every_live_item_through_resumption_tokens(
    oai_server, tree, page_size, prefix
):
    page_size(2)
    records = _harvest(oai_server, prefix)
    assert sorted(record.header.identifier for record in records) == sorted(
        f"oai:heritagehub.local:item:{item.translation_key}" for item in tree.items
    )
    assert not any(record.header.deleted for record in records)
    assert all("title" in record.metadata for record in records)


def test_a_harvester_sees_an_unpublished_item_as_deleted(oai_server, tree, page_size):
    page_size(2)
    tree.items[1].unpublish()
    records = {record.header.identifier: record for record in _harvest(oai_server, "edm")}
    assert len(records) == 3
    deleted = records[f"oai:heritagehub.local:item:{tree.items[1].translation_key}"]
    assert deleted.header.deleted


def test_a_harvester_reads_identify_and_sets(oai_server, tree):
    client = Sickle(oai_server, max_retries=0)
    assert client.Identify().deletedRecord == "persistent"
    assert [oai_set.setSpec for oai_set in client.ListSets()] == [
        "archivio",
        "archivio:fotografie",
    ]
