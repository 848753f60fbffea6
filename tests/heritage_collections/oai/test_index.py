"""The harvest index: one row per item, its datestamp the last publication."""

from io import StringIO

from django.core.management import call_command

from heritage_collections.models import OaiRecord
from heritage_collections.oai.index import build_if_missing


def test_one_record_per_item_across_translations(tree, translate):
    for page in (tree.home, tree.partner_index, tree.partner, tree.collection):
        translate(page, "en")
    translate(tree.item, "en", title="Photograph 1")
    assert OaiRecord.objects.count() == 3


def test_the_datestamp_is_the_last_publication_in_seconds(tree):
    revision = tree.item.save_revision()
    revision.publish()
    tree.item.refresh_from_db()
    record = OaiRecord.objects.get(translation_key=tree.item.translation_key)
    assert record.datestamp == tree.item.last_published_at.replace(microsecond=0)


def test_the_record_holds_partner_and_collection_sets(tree):
    record = OaiRecord.objects.get(translation_key=tree.item.translation_key)
    assert (record.partner, record.collection) == ("archivio", "archivio:fotografie")


def test_a_renamed_collection_moves_its_records_to_the_new_set(tree):
    tree.collection.slug = "foto"
    tree.collection.save_revision().publish()
    record = OaiRecord.objects.get(translation_key=tree.item.translation_key)
    assert record.collection == "archivio:foto"


def test_rebuild_command_reports_the_live_records(tree):
    OaiRecord.objects.all().delete()
    out = StringIO()
    call_command("rebuild_oai_records", stdout=out)
    assert out.getvalue().startswith("3 live OAI records")
    assert OaiRecord.objects.count() == 3


def test_built_after_migrate_when_missing(tree):
    OaiRecord.objects.all().delete()
    build_if_missing()
    assert OaiRecord.objects.count() == 3
