"""Issue 18, item 2: the Item CSV's ``creator_uri`` and ``place_uri`` columns link items to
the hub's authority records by their URIs in authority files (docs/import.md)."""

import csv
from io import StringIO

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import translation
from wagtail.models import Revision

from heritage_collections.importing import ItemImport, resolve
from heritage_collections.importing.export import export_items
from heritage_collections.models import ItemAgent, ItemPage, ItemPlace
from tests.factories import (
    AgentPageFactory,
    AuthorityIndexPageFactory,
    PlacePageFactory,
    UserFactory,
    item_row,
    write_item_csv,
)
from tests.partners.admin_client import login

from .conftest import run_import

pytestmark = pytest.mark.django_db

TURNER = "http://www.wikidata.org/entity/Q159758"
TURNER_ULAN = "http://vocab.getty.edu/ulan/500026846"
GABINIO = "http://viaf.org/viaf/12345678"
VENICE = "https://sws.geonames.org/3164603/"
TURIN = "http://vocab.getty.edu/tgn/7003222"


@pytest.fixture(autouse=True)
def _english():
    translation.activate("en")


@pytest.fixture
def records(tree):
    index = AuthorityIndexPageFactory(parent=tree.home)
    return {
        "turner": AgentPageFactory(parent=index, title="Turner", identifiers=[TURNER, TURNER_ULAN]),
        "gabinio": AgentPageFactory(parent=index, title="Gabinio", identifiers=[GABINIO]),
        "anonymous": AgentPageFactory(parent=index, title="Anonimo", identifiers=[]),
        "venice": PlacePageFactory(parent=index, title="Venezia", identifiers=[VENICE]),
        "turin": PlacePageFactory(parent=index, title="Torino", identifiers=[TURIN]),
    }


def item(number=1):
    return ItemPage.objects.get(identifier=f"CSV-{number:03d}")


def agents(page):
    return [(link.agent.title, link.role) for link in page.agent_links.order_by("sort_order")]


def places(page):
    return [(link.place.title, link.role) for link in page.place_links.order_by("sort_order")]


def errors_of(path):
    report = ItemImport(path, resolve("archivio", "fotografie")).run()
    assert not report.applied
    return [(e.row, e.column, e.letter, e.message) for e in report.errors]


def test_the_uris_link_the_item_to_the_records_in_their_roles(space, records, tmp_path):
    # Another form of the stored URI: https, wiki/ for entity/; GeoNames without sws. or /.
    row = item_row(
        1,
        creator_uri="https://www.wikidata.org/wiki/Q159758",
        place_uri="http://www.geonames.org/3164603",
    )
    run_import(write_item_csv(tmp_path / "items.csv", [row]), "--publish")
    assert agents(item()) == [("Turner", "creator")]
    assert places(item()) == [("Venezia", "made")]


def test_a_cell_holds_several_uris_separated_as_tags_are(space, records, tmp_path):
    row = item_row(1, creator_uri=f"{GABINIO}; {TURNER_ULAN}", place_uri=f"{TURIN};{VENICE}")
    run_import(write_item_csv(tmp_path / "items.csv", [row]), "--publish")
    assert agents(item()) == [("Gabinio", "creator"), ("Turner", "creator")]
    assert places(item()) == [("Torino", "made"), ("Venezia", "made")]


def test_two_uris_of_one_record_make_one_link(space, records, tmp_path):
    row = item_row(1, creator_uri=f"{TURNER}; {TURNER_ULAN}")
    run_import(write_item_csv(tmp_path / "items.csv", [row]), "--publish")
    assert agents(item()) == [("Turner", "creator")]


def test_the_link_goes_to_the_records_source_language_page(space, records, tmp_path, translate):
    english = translate(records["turner"], "en", title="Turner (en)")
    assert english.identifiers == records["turner"].identifiers
    run_import(write_item_csv(tmp_path / "items.csv", [item_row(1, creator_uri=TURNER)]))
    assert [link.agent_id for link in ItemAgent.objects.all()] == [records["turner"].pk]


def test_every_translation_of_the_item_takes_the_links(tree, space, records, tmp_path, translate):
    translate(tree.partner, "en", title="National Archive")
    translate(tree.collection, "en", title="Photographs")
    row = item_row(1, title_en="View of the Po", creator_uri=TURNER, place_uri=VENICE)
    path = write_item_csv(tmp_path / "items.csv", [row])
    run_import(path, "--publish")
    pages = ItemPage.objects.filter(identifier="CSV-001")
    assert pages.count() == 2
    for page in pages:
        assert agents(page) == [("Turner", "creator")]
        assert places(page) == [("Venezia", "made")]
    out, _err = run_import(path, "--publish")
    assert "1 unchanged" in out


@pytest.mark.parametrize(
    "column, reason",
    [
        ("creator_uri", "No person or organisation of the hub has the identifier"),
        ("place_uri", "No place of the hub has the identifier"),
    ],
)
def test_a_uri_no_record_holds_is_an_error_of_its_row_and_column(
    space, records, tmp_path, column, reason
):
    unknown = "http://www.wikidata.org/entity/Q42"
    rows = [
        item_row(1),
        item_row(2, **{column: f"{TURNER if column == 'creator_uri' else VENICE}; {unknown}"}),
    ]
    path = write_item_csv(
        tmp_path / "items.csv", rows, columns=[*rows[0], "creator_uri", "place_uri"]
    )
    ((row, name, letter, message),) = errors_of(path)
    assert (row, name) == (3, column)
    assert letter == ("R" if column == "creator_uri" else "S")
    assert reason in message and f"“{unknown}”" in message
    assert "create the record under People and places" in message
    assert "or leave the cell empty" in message
    assert not ItemPage.objects.filter(identifier__startswith="CSV-").exists()


def test_a_malformed_uri_is_an_error_of_its_cell(space, records, tmp_path):
    path = write_item_csv(
        tmp_path / "items.csv", [item_row(1, creator_uri="wikidata Q159758", place_uri=VENICE)]
    )
    ((row, name, _letter, message),) = errors_of(path)
    assert (row, name) == (2, "creator_uri")
    assert (
        "“wikidata Q159758” is not a URI of Wikidata, ULAN, VIAF, GND, GeoNames or TGN" in message
    )
    assert "leave the cell empty" in message


def test_the_dry_run_prints_the_error_with_row_column_and_value(space, records, tmp_path):
    path = write_item_csv(
        tmp_path / "items.csv", [item_row(1, creator_uri="http://viaf.org/viaf/9")]
    )
    err = StringIO()
    with pytest.raises(CommandError):
        call_command(
            "import_items", str(path), "--partner", "archivio", "--collection", "fotografie",
            "--dry-run", stdout=StringIO(), stderr=err,
        )  # fmt: skip
    assert "row 2, column creator_uri (R): No person or organisation" in err.getvalue()
    assert "“http://viaf.org/viaf/9”" in err.getvalue()


def test_skip_invalid_rejects_only_the_row_with_the_bad_uri(space, records, tmp_path):
    rows = [
        item_row(1, creator_uri=TURNER),
        item_row(2, creator_uri="http://viaf.org/viaf/9"),
        item_row(3, place_uri=TURIN),
    ]
    run_import(write_item_csv(tmp_path / "items.csv", rows), "--skip-invalid", "--publish")
    assert sorted(
        ItemPage.objects.filter(identifier__startswith="CSV-").values_list("identifier", flat=True)
    ) == ["CSV-001", "CSV-003"]
    assert agents(item(1)) == [("Turner", "creator")]
    assert places(item(3)) == [("Torino", "made")]
    with open(tmp_path / "items.rejected.csv", encoding="utf-8-sig", newline="") as handle:
        rejected = list(csv.DictReader(handle))
    assert [(r["identifier"], r["rejected_column"]) for r in rejected] == [
        ("CSV-002", "creator_uri")
    ]
    assert "http://viaf.org/viaf/9" in rejected[0]["rejected_reason"]


def test_the_file_makes_the_links_of_its_roles_exactly_its_uris(tree, space, records, tmp_path):
    run_import(write_item_csv(tmp_path / "a.csv", [item_row(1, creator_uri=TURNER)]), "--publish")
    page = item()
    # An editor's links: someone depicted, and a creator whose record has no identifier.
    ItemAgent.objects.create(page=page, agent=records["gabinio"], role="depicted", sort_order=1)
    ItemAgent.objects.create(page=page, agent=records["anonymous"], role="creator", sort_order=2)
    page.save_revision().publish()

    run_import(write_item_csv(tmp_path / "b.csv", [item_row(1, creator_uri=GABINIO)]), "--publish")

    assert agents(item()) == [
        ("Gabinio", "creator"),
        ("Gabinio", "depicted"),
        ("Anonimo", "creator"),
    ]
    run_import(write_item_csv(tmp_path / "c.csv", [item_row(1, creator_uri="")]), "--publish")
    assert agents(item()) == [("Gabinio", "depicted"), ("Anonimo", "creator")]


def test_a_file_without_the_columns_leaves_the_links_alone(space, records, tmp_path):
    row = item_row(1, creator_uri=TURNER, place_uri=VENICE)
    run_import(write_item_csv(tmp_path / "a.csv", [row]), "--publish")

    out, _err = run_import(
        write_item_csv(tmp_path / "b.csv", [item_row(1, title="Nuovo titolo")]), "--publish"
    )

    assert "1 updated" in out
    assert item().title == "Nuovo titolo"
    assert agents(item()) == [("Turner", "creator")]
    assert places(item()) == [("Venezia", "made")]


def test_importing_the_same_file_again_changes_nothing(space, records, tmp_path):
    rows = [
        item_row(1, creator_uri=f"{TURNER}; {GABINIO}", place_uri=VENICE),
        item_row(2, creator_uri="", place_uri=TURIN),
    ]
    path = write_item_csv(tmp_path / "items.csv", rows)
    run_import(path)  # drafts: compared with their latest revision
    revisions = Revision.objects.count()

    out, _err = run_import(path)

    assert "0 created, 0 updated, 2 unchanged." in out
    assert Revision.objects.count() == revisions


def test_a_changed_uri_updates_the_item_as_that_column(space, records, tmp_path):
    run_import(write_item_csv(tmp_path / "a.csv", [item_row(1, creator_uri=TURNER)]))
    path = write_item_csv(tmp_path / "b.csv", [item_row(1, creator_uri=GABINIO)])
    report = ItemImport(path, resolve("archivio", "fotografie")).check()
    assert (report.created, report.updated, report.unchanged) == (0, 1, 0)
    assert [change.columns for change in report.changes] == [("creator_uri",)]


def test_a_draft_takes_the_links_in_its_revision_until_published(space, records, tmp_path):
    run_import(write_item_csv(tmp_path / "a.csv", [item_row(1)]), "--publish")
    run_import(write_item_csv(tmp_path / "b.csv", [item_row(1, creator_uri=TURNER)]))
    page = item()
    assert agents(page) == []  # the live page waits for review
    draft = page.get_latest_revision_as_object()
    assert [(link.agent_id, link.role) for link in draft.agent_links.all()] == [
        (records["turner"].pk, "creator")
    ]
    page.get_latest_revision().publish()
    assert agents(item()) == [("Turner", "creator")]


def export(tmp_path):
    stream = StringIO()
    export_items(stream, "archivio", "fotografie")
    path = tmp_path / "export.csv"
    path.write_text(stream.getvalue(), encoding="utf-8")
    return path, list(csv.DictReader(StringIO(stream.getvalue())))


def test_export_writes_each_records_first_identifier_and_imports_back(space, records, tmp_path):
    row = item_row(1, creator_uri=f"{TURNER_ULAN}; {GABINIO}", place_uri=VENICE)
    run_import(write_item_csv(tmp_path / "items.csv", [row]), "--publish")
    page = item()
    ItemAgent.objects.create(page=page, agent=records["anonymous"], role="creator", sort_order=5)
    ItemPlace.objects.create(page=page, place=records["turin"], role="depicted", sort_order=5)
    page.save_revision().publish()

    path, rows = export(tmp_path)

    (exported,) = [r for r in rows if r["identifier"] == "CSV-001"]
    # Turner's first identifier is Wikidata's; the record without one cannot be written.
    assert exported["creator_uri"] == f"{TURNER}; {GABINIO}"
    assert exported["place_uri"] == VENICE
    revisions = Revision.objects.count()
    out, _err = run_import(path, "--publish")
    assert "0 updated" in out and Revision.objects.count() == revisions

    ItemAgent.objects.filter(page=page, role="creator").exclude(agent=records["anonymous"]).delete()
    ItemPlace.objects.filter(page=page).delete()
    item().save_revision().publish()
    run_import(path, "--publish")
    assert agents(item()) == [("Turner", "creator"), ("Gabinio", "creator"), ("Anonimo", "creator")]
    assert places(item()) == [("Venezia", "made")]


def test_linking_adds_no_query_per_row(space, records, tmp_path):
    def queries(count, start, links):
        uris = {"creator_uri": f"{TURNER}; {GABINIO}", "place_uri": VENICE} if links else {}
        rows = [item_row(start + n, **uris) for n in range(count)]
        path = write_item_csv(tmp_path / f"items-{start}.csv", rows)
        with CaptureQueriesContext(connection) as context:
            report = ItemImport(path, resolve("archivio", "fotografie"), publish=True).run()
        assert report.applied and report.created == count
        return len(context.captured_queries)

    queries(1, 10, True)  # content types and other caches filled once a process
    # New items are written in bulk: every statement of the import counts.
    few = queries(2, 100, True) - queries(2, 200, False)
    many = queries(12, 300, True) - queries(12, 400, False)
    assert few == many <= 8
    assert ItemAgent.objects.filter(page__identifier="CSV-311").count() == 2


LINK_TABLES = ("heritage_collections_itemagent", "heritage_collections_itemplace", "authorities_")


@pytest.mark.parametrize(
    "creators, place", [(f"{TURNER}; {GABINIO}", VENICE), (f"{GABINIO}; {TURNER}", TURIN)]
)
def test_updating_linked_items_adds_no_query_per_row(space, records, tmp_path, creators, place):
    """Updated items are revised and published by Wagtail a page at a time, their child rows
    (tags, images, links) with them, whether the file has the columns or not; the columns
    add the batch's look-ups and no statement on links or records per row, whether the links
    stay or change. (The other statements of publishing are timing-dependent: the OAI-PMH
    datestamps, the search index's title norms.)"""
    links = {"creator_uri": f"{TURNER}; {GABINIO}", "place_uri": VENICE}

    def queries(rows, name):
        path = write_item_csv(tmp_path / name, rows)
        with CaptureQueriesContext(connection) as context:
            report = ItemImport(path, resolve("archivio", "fotografie"), publish=True).run()
        assert report.created + report.updated == len(rows)
        return sum(
            1
            for query in context.captured_queries
            if any(table in query["sql"] for table in LINK_TABLES)
        )

    def added(count, start):
        rows = [item_row(start + n, **links) for n in range(count)]
        queries(rows, f"{start}.csv")  # created, with links
        without = queries([item_row(start + n, title="A") for n in range(count)], f"{start}-a.csv")
        rows = [
            item_row(start + n, title="B", creator_uri=creators, place_uri=place)
            for n in range(count)
        ]
        return queries(rows, f"{start}-b.csv") - without

    added(1, 10)  # content types and other caches filled once a process
    assert added(2, 100) == added(8, 200) <= 12


def test_the_admin_maps_a_partners_column_to_creator_uri(
    client, tree, space, records, tmp_path, settings
):
    settings.ITEM_IMPORT_DIR = tmp_path / "uploads"
    login(client, UserFactory(username="archivio-editor", groups=[space.editors]))
    assert "creator_uri" in client.get("/admin/import-items/").content.decode()  # the help
    row = item_row(1)
    row["Artist ULAN"] = f"{TURNER_ULAN}; https://vocab.getty.edu/ulan/500099999"
    path = write_item_csv(tmp_path / "items.csv", [row])
    items = SimpleUploadedFile("items.csv", path.read_bytes(), content_type="text/csv")
    report_url = client.post(
        "/admin/import-items/", {"collection": tree.collection.pk, "items": items}
    ).url
    html = client.get(report_url).content.decode()
    assert '<option value="creator_uri">creator_uri</option>' in html
    assert '<option value="place_uri">place_uri</option>' in html
    client.post(
        report_url + "columns/",
        {"count": "1", "name-0": "Artist ULAN", "column-0": "creator_uri"},
    )
    html = client.get(report_url).content.decode()
    table = html[html.index('id="import-errors"') :]
    assert "<code>creator_uri</code>" in table
    assert "https://vocab.getty.edu/ulan/500099999" in table
    assert "No person or organisation of the hub has the identifier" in table
