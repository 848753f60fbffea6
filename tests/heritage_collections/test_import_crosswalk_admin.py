"""Issue 15 in the admin: the report lists the values the hub does not know, the editor maps
them once, the import goes through; the saved crosswalk is the partner's own."""

import re

import pytest
from django.contrib.auth.models import Group
from django.core.files.uploadedfile import SimpleUploadedFile

from heritage_collections.models import ItemPage, ObjectType, VocabularyCrosswalk
from partners.onboarding import onboard_partner
from partners.roles import HUB_EDITORS
from tests.factories import UserFactory, item_row, write_item_csv
from tests.partners.admin_client import login

pytestmark = pytest.mark.django_db
UPLOAD = "/admin/import-items/"
CROSSWALK = "/admin/import-items/crosswalk/"


@pytest.fixture(autouse=True)
def _upload_dir(settings, tmp_path):
    settings.ITEM_IMPORT_DIR = tmp_path / "uploads"


@pytest.fixture
def archivio(tree):
    space = onboard_partner("Archivio Nazionale", "archivio", "archive").space
    space.editor = UserFactory(username="archivio-editor", groups=[space.editors])
    return space


@pytest.fixture
def museo(tree):
    space = onboard_partner("Museo Civico", "museo-civico", "museum").space
    space.editor = UserFactory(username="museo-editor", groups=[space.editors])
    return space


def upload(client, tmp_path, collection, rows):
    path = write_item_csv(tmp_path / "items.csv", rows)
    items = SimpleUploadedFile("items.csv", path.read_bytes(), content_type="text/csv")
    return client.post(UPLOAD, {"collection": collection.pk, "items": items})


def unknown_rows(html):
    table = html[html.index('id="import-unknown-values"') :]
    table = table[: table.index("</table>")]
    return re.findall(
        r'<code>(\w+)</code><input type="hidden" name="column-(\d+)"'
        r".*?<td>([^<]*)<input.*?<td>(\d+)</td>",
        table,
        re.S,
    )


ROWS = [
    item_row(1, object_type="Illustrated Book"),
    item_row(2, object_type="Illustrated Book"),
    item_row(3, object_type="Film"),
]


def test_the_report_lists_each_unknown_value_with_its_count(client, tree, archivio, tmp_path):
    login(client, archivio.editor)
    html = client.get(upload(client, tmp_path, tree.collection, ROWS).url).content.decode()
    assert [(c, v, n) for c, _i, v, n in unknown_rows(html)] == [
        ("object_type", "Illustrated Book", "2"),
        ("object_type", "Film", "1"),
    ]
    assert "New object type" not in html  # partner editors map to the hub's terms


def test_one_mapping_step_lets_every_row_in(client, tree, archivio, tmp_path):
    login(client, archivio.editor)
    report_url = upload(client, tmp_path, tree.collection, ROWS).url
    mapped = {
        "count": "2",
        "column-0": "object_type",
        "value-0": "Illustrated Book",
        "term-0": "book",
        "column-1": "object_type",
        "value-1": "Film",
        "term-1": "video",
    }
    assert client.post(report_url + "map/", mapped).url == report_url
    html = client.get(report_url).content.decode()
    assert re.search(r"Items to create</th><td>3<", html)
    assert 'id="import-unknown-values"' not in html
    client.post(report_url + "confirm/")
    items = ItemPage.objects.filter(identifier__startswith="CSV-").order_by("identifier")
    assert [(i.object_type.slug, i.partner_wording["object_type"]) for i in items] == [
        ("book", "Illustrated Book"),
        ("book", "Illustrated Book"),
        ("video", "Film"),
    ]
    assert VocabularyCrosswalk.objects.filter(space=archivio).count() == 2


def test_a_partner_editor_may_not_create_a_term(client, tree, archivio, tmp_path):
    login(client, archivio.editor)
    report_url = upload(client, tmp_path, tree.collection, ROWS).url
    response = client.post(
        report_url + "map/",
        {"count": "1", "column-0": "object_type", "value-0": "Film", "term-0": "__new__"},
    )
    assert response.status_code in (302, 403)
    assert not ObjectType.objects.filter(slug="film").exists()


def test_a_hub_editor_may_make_a_value_a_new_term(client, tree, archivio, tmp_path):
    editor = UserFactory(username="hub", groups=[Group.objects.get(name=HUB_EDITORS)])
    login(client, editor)
    report_url = upload(client, tmp_path, tree.collection, ROWS).url
    assert "New object type “Film”" in client.get(report_url).content.decode()
    client.post(
        report_url + "map/",
        {"count": "1", "column-0": "object_type", "value-0": "Film", "term-0": "__new__"},
    )
    assert ObjectType.objects.get(slug="film").name == "Film"
    assert VocabularyCrosswalk.objects.get(space=archivio).term == "film"


def test_partner_editors_see_and_change_only_their_own_crosswalk(client, tree, archivio, museo):
    own = VocabularyCrosswalk.objects.create(
        space=archivio, column="object_type", partner_value="Lastra", term="photograph"
    )
    other = VocabularyCrosswalk.objects.create(
        space=museo, column="object_type", partner_value="Tela", term="painting"
    )
    login(client, archivio.editor)
    html = client.get(CROSSWALK).content.decode()
    assert "Lastra" in html and "Tela" not in html
    assert client.post(CROSSWALK, {"entry": other.pk, "delete": "1"}).status_code == 404
    assert VocabularyCrosswalk.objects.filter(pk=other.pk).exists()
    client.post(CROSSWALK, {"entry": own.pk, "term": "document"})
    own.refresh_from_db()
    assert own.term == "document"
    client.post(CROSSWALK, {"entry": own.pk, "delete": "1"})
    assert not VocabularyCrosswalk.objects.filter(pk=own.pk).exists()


def test_hub_editors_see_every_partners_crosswalk(client, tree, archivio, museo):
    VocabularyCrosswalk.objects.create(
        space=museo, column="object_type", partner_value="Tela", term="painting"
    )
    login(client, UserFactory(username="hub", groups=[Group.objects.get(name=HUB_EDITORS)]))
    assert "Tela" in client.get(CROSSWALK).content.decode()
