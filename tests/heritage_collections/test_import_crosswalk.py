"""Issue 15: a partner's own vocabulary mapped once to the hub's terms (the crosswalk),
applied to every later import; the partner's words kept on the record."""

import csv
from io import StringIO

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.utils import translation

from heritage_collections.importing.export import export_items
from heritage_collections.models import ItemPage, ObjectType, VocabularyCrosswalk
from heritagehub.rights import RightsStatement
from partners.onboarding import onboard_partner
from tests.factories import UserFactory, item_row, write_item_csv

from .conftest import run_import

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _english():
    translation.activate("en")


def map_file(path, rows):
    with open(path, "w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(["column", "value", "term"])
        writer.writerows(rows)
    return path


def partner_rows():
    return [
        item_row(1, object_type="Illustrated Book"),
        item_row(2, object_type="illustrated book "),
        item_row(3, object_type="Work on Paper", rights="public domain"),
    ]


def test_the_dry_run_lists_each_unknown_value_with_its_count(space, tmp_path):
    path = write_item_csv(tmp_path / "items.csv", partner_rows())
    err = StringIO()
    with pytest.raises(CommandError):
        call_command(
            "import_items", str(path), partner="archivio", collection="fotografie",
            dry_run=True, stdout=StringIO(), stderr=err,
        )  # fmt: skip
    listed = err.getvalue().split("Values the hub does not know")[1]
    assert "object_type,Illustrated Book,2" in listed
    assert "object_type,Work on Paper,1" in listed
    assert "rights,public domain,1" in listed


def test_a_map_file_maps_the_partners_values_and_keeps_their_words(space, tmp_path):
    mapping = map_file(
        tmp_path / "map.csv",
        [
            ["object_type", "Illustrated Book", "book"],
            ["object_type", "Work on Paper", "Drawing"],
            ["rights", "public domain", "http://creativecommons.org/publicdomain/mark/1.0/"],
        ],
    )
    out, _err = run_import(write_item_csv(tmp_path / "items.csv", partner_rows()), "--map", mapping)
    assert "3 values mapped" in out
    items = {
        item.identifier: item for item in ItemPage.objects.filter(identifier__startswith="CSV")
    }
    assert items["CSV-001"].object_type.slug == "book"
    assert items["CSV-001"].partner_wording == {"object_type": "Illustrated Book"}
    assert items["CSV-002"].partner_wording == {"object_type": "illustrated book"}
    assert items["CSV-003"].object_type.slug == "drawing"
    assert items["CSV-003"].rights == RightsStatement.PUBLIC_DOMAIN_MARK
    assert items["CSV-003"].partner_wording == {
        "object_type": "Work on Paper",
        "rights": "public domain",
    }


def test_the_saved_crosswalk_applies_to_every_later_import(space, tmp_path):
    mapping = map_file(tmp_path / "map.csv", [["object_type", "Illustrated Book", "book"]])
    path = write_item_csv(tmp_path / "items.csv", [item_row(1, object_type="Illustrated Book")])
    run_import(path, "--map", mapping)
    later = write_item_csv(tmp_path / "later.csv", [item_row(7, object_type="ILLUSTRATED BOOK")])
    run_import(later)
    assert ItemPage.objects.get(identifier="CSV-007").object_type.slug == "book"


def test_a_crosswalk_is_the_partners_own(space, tree, tmp_path):
    other = onboard_partner("Museo Civico", "museo-civico", "museum").space
    VocabularyCrosswalk.objects.create(
        space=other, column="object_type", partner_value="Illustrated Book", term="book"
    )
    path = write_item_csv(tmp_path / "items.csv", [item_row(1, object_type="Illustrated Book")])
    with pytest.raises(CommandError, match="Nothing was imported"):
        run_import(path)


def test_importing_the_export_of_mapped_items_changes_nothing(space, tmp_path):
    mapping = map_file(tmp_path / "map.csv", [["object_type", "Illustrated Book", "book"]])
    path = write_item_csv(tmp_path / "items.csv", [item_row(1, object_type="Illustrated Book")])
    run_import(path, "--map", mapping)
    stream = StringIO()
    export_items(stream, "archivio", "fotografie")
    exported = tmp_path / "export.csv"
    exported.write_text(stream.getvalue(), encoding="utf-8")
    out, _err = run_import(exported)
    assert "0 created, 0 updated" in out


def test_a_term_the_hub_lacks_is_refused_by_its_row_without_create_terms(space, tmp_path):
    mapping = map_file(
        tmp_path / "map.csv",
        [["object_type", "Illustrated Book", "book"], ["object_type", "Film", "Film"]],
    )
    path = write_item_csv(tmp_path / "items.csv", [item_row(1, object_type="Film")])
    with pytest.raises(CommandError, match=r"row 3, column term: “Film” is not one of"):
        run_import(path, "--map", mapping)
    assert not VocabularyCrosswalk.objects.exists()  # all or none


def test_create_terms_creates_a_translatable_object_type(space, tmp_path):
    mapping = map_file(tmp_path / "map.csv", [["object_type", "Film", "Film"]])
    path = write_item_csv(tmp_path / "items.csv", [item_row(1, object_type="Film")])
    run_import(path, "--map", mapping, "--create-terms")
    term = ObjectType.objects.get(slug="film")
    assert term.locale.language_code == "it"  # the hub's default language, to be translated
    assert ItemPage.objects.get(identifier="CSV-001").object_type.slug == "film"


def test_a_partner_editor_may_not_create_terms(space, tmp_path):
    UserFactory(username="editor", groups=[space.editors])
    mapping = map_file(tmp_path / "map.csv", [["object_type", "Film", "Film"]])
    path = write_item_csv(tmp_path / "items.csv", [item_row(1, object_type="Film")])
    with pytest.raises(CommandError, match="only hub editors"):
        run_import(path, "--map", mapping, "--create-terms", "--user", "editor")
    assert not ObjectType.objects.filter(slug="film").exists()


def test_the_item_page_shows_the_partners_words(space, tmp_path, client):
    mapping = map_file(tmp_path / "map.csv", [["object_type", "Illustrated Book", "book"]])
    path = write_item_csv(tmp_path / "items.csv", [item_row(1, object_type="Illustrated Book")])
    run_import(path, "--map", mapping, "--publish")
    html = client.get(ItemPage.objects.get(identifier="CSV-001").url).content.decode()
    assert "Come descritto dal partner" in html  # the Italian catalogue's page
    assert "“Illustrated Book”" in html
