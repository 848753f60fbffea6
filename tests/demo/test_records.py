"""The demo's content files (demo/content/): every record says where it comes from and under
which licence, and texts become the source text and its translations."""

import pytest

from demo.base import Bi, DemoDataError, Strings
from demo.records import CONTENT, read_record, records, text

KINDS = ["partners", "collections", "images", "stories", "calls", "events", "applications"]


def test_every_content_file_names_its_source_and_licence():
    paths = sorted(CONTENT.rglob("*.yaml"))
    assert len(paths) > 100
    for path in paths:
        read_record(path)  # raises DemoDataError without a source or a licence


def test_a_record_without_a_licence_is_refused_naming_the_file(tmp_path):
    path = tmp_path / "partner.yaml"
    path.write_text("source: the seed documents\nslug: somewhere\n", encoding="utf-8")

    with pytest.raises(DemoDataError, match=r"partner\.yaml: no licence"):
        read_record(path)


@pytest.mark.parametrize("kind", KINDS)
def test_each_kind_has_records_with_unique_slugs_or_names(kind):
    """Unique among their siblings: a collection's slug under its partner."""
    loaded = records(kind)
    keys = [
        (entry.get("partner"), entry.get("slug") or entry.get("file") or entry.get("organisation"))
        for entry in loaded
    ]
    assert loaded and len(set(keys)) == len(keys)


def test_a_text_is_its_first_language_then_its_translations():
    value = text({"it": "Collezioni", "en": "Collections", "fr": "Collections", "de": "Sammlungen"})

    assert value == Bi("Collezioni", "Collections")
    assert value.more == {"fr": "Collections", "de": "Sammlungen"}


def test_rich_text_headings_and_lists_become_what_strings_rich_takes():
    value = text([{"h3": {"it": "Servizi", "en": "Services"}}, {"ul": ["Archivio"]}])

    assert value == [("h3", Bi("Servizi", "Services")), ("ul", ["Archivio"])]


def test_a_page_with_no_french_text_for_a_string_is_not_translated_into_french():
    strings = Strings()
    strings(Bi("Storie", "Stories", {"de": "Geschichten"}))

    class Page:
        title = "Storie"

    assert strings.into("de", Page).pairs == {"Storie": "Geschichten"}
    assert strings.into("en", Page).pairs == {"Storie": "Stories"}
    with pytest.raises(DemoDataError, match="No fr text"):
        strings.into("fr", Page)
