"""Images of an import: files from --media-dir, with their alt text, in the partner's media."""

import uuid
from io import StringIO

import pytest
from django.core.management import call_command
from django.utils import translation
from PIL import Image
from wagtail.images import get_image_model
from wagtail.models import Revision

from heritage_collections.models import ItemPage
from heritagehub.rights import RightsStatement
from tests.factories import item_row, write_item_csv

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _english():
    translation.activate("en")


@pytest.fixture
def media(tmp_path):
    folder = tmp_path / "media"
    (folder / "scans").mkdir(parents=True)
    return folder


def picture(folder, color="teal"):
    """A new PNG under ``folder``/scans with a name no other test uses; its CSV name."""
    name = f"scans/{uuid.uuid4().hex[:8]}.png"
    Image.new("RGB", (30, 20), color).save(folder / name)
    return name


def run_import(path, *args):
    out = StringIO()
    call_command(
        "import_items",
        str(path),
        "--partner",
        "archivio",
        "--collection",
        "fotografie",
        *args,
        stdout=out,
        stderr=StringIO(),
    )
    return out.getvalue()


def item():
    return ItemPage.objects.get(identifier="CSV-001")


def test_an_image_comes_from_the_media_folder_with_its_alt_text(space, media, tmp_path):
    name = picture(media)
    row = item_row(1, image=name, image_alt="Il fiume al tramonto")
    run_import(write_item_csv(tmp_path / "items.csv", [row]), "--media-dir", str(media))
    image = item().images.get().image
    assert image.alt_text == "Il fiume al tramonto"
    assert (image.width, image.height) == (30, 20)
    assert image.collection == space.collection
    assert (image.credit, image.rights) == (
        "Archivio Nazionale",
        RightsStatement.PUBLIC_DOMAIN_MARK,
    )


def test_importing_the_image_again_adds_no_copy(space, media, tmp_path):
    row = item_row(1, image=picture(media), image_alt="Il fiume")
    path = write_item_csv(tmp_path / "items.csv", [row])
    run_import(path, "--media-dir", str(media))
    images, revisions = get_image_model().objects.count(), Revision.objects.count()

    out = run_import(path, "--media-dir", str(media))

    assert "0 created, 0 updated, 1 unchanged." in out
    assert (get_image_model().objects.count(), Revision.objects.count()) == (images, revisions)


def test_a_new_file_replaces_the_items_image_with_a_new_revision(space, media, tmp_path):
    path = write_item_csv(
        tmp_path / "items.csv", [item_row(1, image=picture(media), image_alt="A")]
    )
    run_import(path, "--media-dir", str(media), "--publish")
    revisions = item().revisions.count()
    other = picture(media, color="orange")
    write_item_csv(path, [item_row(1, image=other, image_alt="A")])

    run_import(path, "--media-dir", str(media), "--publish")

    assert item().images.get().image.title == "Veduta del Po 1"
    assert item().images.get().image.file.name.endswith(other.split("/")[1])
    assert item().revisions.count() == revisions + 1


def test_a_changed_alt_text_changes_the_image_not_the_page(space, media, tmp_path):
    name = picture(media)
    path = write_item_csv(tmp_path / "items.csv", [item_row(1, image=name, image_alt="Il fiume")])
    run_import(path, "--media-dir", str(media), "--publish")
    revisions = item().revisions.count()
    write_item_csv(path, [item_row(1, image=name, image_alt="Il Po visto dal ponte")])

    out = run_import(path, "--media-dir", str(media), "--publish")

    assert "0 created, 1 updated, 0 unchanged." in out
    assert item().images.get().image.alt_text == "Il Po visto dal ponte"
    assert item().revisions.count() == revisions


def test_an_exported_image_name_needs_no_media_folder(space, media, tmp_path):
    run_import(
        write_item_csv(tmp_path / "items.csv", [item_row(1, image=picture(media), image_alt="A")]),
        "--media-dir",
        str(media),
    )
    stored = item().images.get().image.file.name.rsplit("/", 1)[1]
    path = write_item_csv(tmp_path / "again.csv", [item_row(1, image=stored, image_alt="A")])
    assert "1 unchanged" in run_import(path)


def test_image_files_of_a_failed_import_are_deleted(space, media, tmp_path, monkeypatch):
    from heritage_collections.importing import bulk

    def fail(pages):
        raise RuntimeError("the search index is down")

    monkeypatch.setattr(bulk, "index_for_search", fail)
    name = picture(media)
    path = write_item_csv(tmp_path / "items.csv", [item_row(1, image=name, image_alt="A")])
    storage = get_image_model()._meta.get_field("file").storage
    before = (
        set(storage.listdir("original_images")[1]) if storage.exists("original_images") else set()
    )

    with pytest.raises(RuntimeError):
        run_import(path, "--media-dir", str(media))

    assert set(storage.listdir("original_images")[1]) == before
    assert not get_image_model().objects.filter(title="Veduta del Po 1").exists()
