"""Pages made by the import's bulk path are the pages Wagtail makes one by one.

Each test builds one item both ways — ``add_child`` + ``save_revision`` + ``publish`` (or the
workflow's ``start``) and ``importing.bulk.create_items`` — and compares what Wagtail
stores, or uses the bulk page the way editors and moderators use pages in the admin.
"""

import uuid
from io import StringIO

import pytest
from django.contrib.auth.models import Group
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from taggit.models import Tag
from wagtail.models import Page, PageLogEntry, ReferenceIndex, WorkflowState
from wagtail.search.models import IndexEntry

from heritage_collections.importing import bulk
from heritage_collections.models import ItemImage, ItemPage, ObjectType
from heritagehub.rights import RightsStatement
from partners.onboarding import onboard_partner
from partners.roles import MODERATORS
from tests.factories import CollectionPageFactory, HeritageImageFactory, UserFactory
from tests.partners.admin_client import approve, edit_form_data, login

pytestmark = pytest.mark.django_db

TAGS = ["fiume", "città"]


@pytest.fixture
def image(db):
    return HeritageImageFactory()


def item(slug, collection):
    return ItemPage(
        title="Veduta del Po",
        slug=slug,
        identifier="INV-1925",  # the same for both pages: they are compared
        object_type=ObjectType.objects.get(slug="photograph", locale=collection.locale),
        creator="Mario Gabinio",
        date_display="c. 1925",
        date_start=1920,
        date_end=1930,
        description='<p>Una <a href="https://example.org">veduta</a>.</p>',
        rights=RightsStatement.CC0,
        credit_line="Archivio",
    )


def made_by_wagtail(collection, image, publish=True, user=None):
    page = item("normal", collection)
    page.tags.add(*TAGS)
    page.images = [ItemImage(image=image, caption="", locale=collection.locale)]
    page.live = False
    collection.add_child(instance=page)
    revision = page.save_revision(user=user)
    if publish:
        revision.publish(user=user)
    else:
        page.get_workflow().start(page, user)
    return ItemPage.objects.get(pk=page.pk)


def made_in_bulk(collection, image, publish=True, user=None, slug="bulk"):
    tags = [Tag.objects.get_or_create(name=name)[0] for name in TAGS]
    new = bulk.NewItem(item(slug, collection), tags, [(image.pk, "", uuid.uuid4())])
    pages, revisions = bulk.create_items(collection, [new], user=user, publish=publish)
    if not publish:
        bulk.submit(pages, revisions, collection.get_workflow(), user)
    return ItemPage.objects.get(pk=pages[0].pk)


# What differs between two pages by nature: ids, positions, names, keys, times.
OWN = {
    "id",
    "page_ptr_id",
    "path",
    "url_path",
    "slug",
    "identifier",
    "translation_key",
    "latest_revision_id",
    "live_revision_id",
    "first_published_at",
    "last_published_at",
    "latest_revision_created_at",
}


def stored(page):
    values = Page.objects.filter(pk=page.pk).values()[0]
    values.update(ItemPage.objects.filter(pk=page.pk).values()[0])
    return {name: value for name, value in values.items() if name not in OWN}


def revision_content(page):
    """The latest revision's content without what differs by nature (and without the page's
    publication state at the moment of saving, which Wagtail takes from the page, not from
    the revision, when it publishes or shows a revision)."""
    content = dict(page.get_latest_revision().content)
    state = {"live", "has_unpublished_changes", "latest_revision", "live_revision", "pk"}
    shape = {k: v for k, v in content.items() if k not in OWN | state and k[:-3] not in OWN}
    shape["tagged_items"] = sorted(t["tag"] for t in content["tagged_items"])
    shape["images"] = [(i["image"], i["caption"], i["locale"]) for i in content["images"]]
    return shape


def references(page):
    return sorted(
        (r.to_content_type_id, r.to_object_id, r.model_path, r.content_path.split(".")[0])
        for r in ReferenceIndex.objects.filter(
            object_id=str(page.pk), base_content_type__model="page"
        )
    )


def search_entry(page):
    entry = IndexEntry.objects.get(object_id=str(page.pk), content_type__model="itempage")
    texts = (getattr(entry, "title_text", None), getattr(entry, "body_text", None))
    return entry.title, entry.autocomplete, entry.body, texts


@pytest.fixture
def pair(tree, image):
    return made_by_wagtail(tree.collection, image), made_in_bulk(tree.collection, image)


def test_the_page_rows_are_the_same(pair):
    normal, made = pair
    assert stored(made) == stored(normal)


def test_the_revision_holds_the_same_content(pair):
    normal, made = pair
    assert revision_content(made) == revision_content(normal)
    assert made.live_revision_id == made.latest_revision_id


def test_the_revision_restores_the_same_page(pair):
    normal, made = pair
    restored = made.get_latest_revision().as_object()
    assert restored.pk == made.pk
    assert [tag.name for tag in restored.tags.all()] == TAGS
    assert [i.image_id for i in restored.images.all()] == [i.image_id for i in normal.images.all()]


def test_the_history_logs_the_same_actions(pair):
    normal, made = pair

    def actions(page):
        return list(
            PageLogEntry.objects.filter(page=page).order_by("pk").values_list("action", "label")
        )

    assert (
        actions(made)
        == actions(normal)
        == [
            ("wagtail.create", "Veduta del Po"),
            ("wagtail.publish", "Veduta del Po"),
        ]
    )


def test_the_reference_index_has_the_same_usage(pair):
    normal, made = pair
    assert references(made) == references(normal)
    assert len(references(made)) == 4  # its object type, two tags and its image


def test_the_search_index_has_the_same_entry(pair):
    normal, made = pair
    assert search_entry(made) == search_entry(normal)


def test_the_tree_stays_sound(tree, pair):
    assert Page.find_problems() == ([], [], [], [], [])
    collection = Page.objects.get(pk=tree.collection.pk)
    assert collection.numchild == collection.get_children().count() == 5
    out = StringIO()
    call_command("fixtree", stdout=out)
    assert "No problems found" in out.getvalue()


def test_the_explorer_lists_the_bulk_page(client, tree, image, superuser):
    page = made_in_bulk(tree.collection, image)
    login(client, superuser)
    response = client.get(f"/admin/pages/{tree.collection.pk}/")
    assert f"/admin/pages/{page.pk}/edit/" in response.content.decode()


def test_the_serialised_content_is_the_one_wagtail_makes(tree, image):
    made = made_in_bulk(tree.collection, image)
    assert bulk.serializable_data(made.get_latest_revision().as_object()) == (
        made.get_latest_revision().as_object().serializable_data()
    )


def test_the_query_count_does_not_grow_with_the_batch(tree, image):
    tags = [Tag.objects.get_or_create(name=name)[0] for name in TAGS]

    def queries(count, start):
        items = [
            bulk.NewItem(
                item(f"Q{start + n}", tree.collection), tags, [(image.pk, "", uuid.uuid4())]
            )
            for n in range(count)
        ]
        with CaptureQueriesContext(connection) as context:
            bulk.create_items(tree.collection, items, publish=True)
        return len(context.captured_queries)

    assert queries(3, 0) == queries(30, 100)


@pytest.fixture
def superuser(django_user_model):
    return django_user_model.objects.create_superuser("admin", "admin@example.org", "pw")


def test_the_editor_opens_and_publishes_a_bulk_page(client, tree, image, superuser):
    page = made_in_bulk(tree.collection, image, publish=False)
    login(client, superuser)
    data = edit_form_data(client, page, title="Veduta del Po, 1925")
    data["action-publish"] = "1"
    response = client.post(f"/admin/pages/{page.pk}/edit/", data)
    assert response.status_code == 302
    page.refresh_from_db()
    assert (page.live, page.title) == (True, "Veduta del Po, 1925")


def test_revisions_of_a_bulk_page_compare_in_the_admin(client, tree, image, superuser):
    page = made_in_bulk(tree.collection, image)
    first = page.latest_revision_id
    page.title = "Veduta del Po, 1925"
    second = page.save_revision().pk
    login(client, superuser)
    response = client.get(f"/admin/pages/{page.pk}/revisions/compare/{first}...{second}/")
    assert response.status_code == 200
    assert "Veduta del Po, 1925" in response.content.decode()


def test_the_history_view_shows_the_bulk_pages_creation(client, tree, image, superuser):
    page = made_in_bulk(tree.collection, image)
    login(client, superuser)
    response = client.get(f"/admin/pages/{page.pk}/history/")
    assert response.status_code == 200
    assert "Created" in response.content.decode()


def test_a_bulk_page_moves_to_another_collection(tree, image):
    page = made_in_bulk(tree.collection, image)
    other = CollectionPageFactory(parent=tree.partner, title="Manifesti")
    page.move(other, pos="last-child")
    page.refresh_from_db()
    assert page.url_path == f"{other.url_path}{page.slug}/"
    assert Page.find_problems() == ([], [], [], [], [])


def test_a_moderator_approves_a_bulk_page_in_review(client, tree, image):
    onboard_partner("Archivio Nazionale", "archivio", "archive")
    moderator = UserFactory(username="moderator", groups=[Group.objects.get(name=MODERATORS)])
    page = made_in_bulk(tree.collection, image, publish=False)
    login(client, moderator)
    dashboard = client.get("/admin/").content.decode()
    assert "Veduta del Po" in dashboard

    response = approve(client, page)

    assert response.status_code == 302
    page.refresh_from_db()
    assert page.live
    assert page.current_workflow_state is None
    assert WorkflowState.objects.get(object_id=str(page.pk)).status == "approved"


def test_a_review_in_bulk_is_the_one_the_workflow_starts(tree, image):
    onboard_partner("Archivio Nazionale", "archivio", "archive")
    normal = made_by_wagtail(tree.collection, image, publish=False)
    made = made_in_bulk(tree.collection, image, publish=False)

    def review(page):
        state = page.current_workflow_state
        task_state = state.current_task_state
        log = PageLogEntry.objects.get(page=page, action="wagtail.workflow.start")
        return (
            state.workflow_id,
            state.status,
            task_state.task_id,
            task_state.status,
            task_state.revision_id == page.latest_revision_id,
            type(task_state.specific),
            {**log.data["workflow"], "task_state_id": None},
            log.revision_id == page.latest_revision_id,
        )

    assert review(made) == review(normal)
