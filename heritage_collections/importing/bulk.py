"""Creating many item pages at once: the rows Wagtail writes for each page, written in bulk.

``parent.add_child(instance=page)``, ``page.save_revision()`` and ``revision.publish()``
cost about 130 queries a page — far too slow for a catalogue of 100,000 items. Here each
step is a few statements for a whole batch of new children of one parent:

1. tree positions: the treebeard paths after the parent's last child, depth, ``url_path``
   (the parent's plus the slug), and the parent's ``numchild``;
2. the ``wagtailcore_page`` rows, then the ``ItemPage`` rows with their parent pointer
   (Django's ``bulk_create`` refuses multi-table inheritance: rows are inserted here, many
   a statement), their tags and images;
3. one revision each, with the content ``save_revision`` stores, set as the page's latest
   (and, published, live) revision;
4. the log entries the admin's history shows ("Created", "Published" or "Workflow
   started"), the reference index (image and snippet usage), the search index;
5. unless published, a review: the workflow state and its first task's state, as
   ``Workflow.start`` writes them — without an e-mail per page (``submit``).

Publishing sends no ``page_published`` signal per page; what listens to it for items — the
catalogue entries — is refreshed per batch by the caller. ``tests/heritage_collections/
test_import_bulk.py`` holds a bulk-created page to one made the normal way.
"""

import datetime
from dataclasses import dataclass, field
from decimal import Decimal
from functools import cache

from django.conf import settings
from django.contrib.contenttypes.fields import GenericForeignKey, GenericRel
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import FieldDoesNotExist
from django.db import connection, transaction
from django.db.models import F, ForeignObjectRel, OneToOneRel
from django.db.models.fields.related import RelatedField
from django.utils import timezone
from modelcluster.fields import ParentalKey
from modelcluster.models import (
    ClusterableModel,
    get_all_child_m2m_relations,
    get_all_child_relations,
    get_field_value,
)
from modelsearch.backends.database.postgres.postgres import PostgresSearchBackend
from taggit.managers import TaggableManager
from wagtail.models import (
    Page,
    PageLogEntry,
    ReferenceIndex,
    Revision,
    Task,
    TaskState,
    WorkflowState,
)
from wagtail.search import index
from wagtail.search.backends import get_search_backends

from heritage_collections.models import ItemAgent, ItemImage, ItemPage, ItemPlace, ItemTag
from heritagehub.bulk import columns, insert_rows

from . import search_pg, search_sqlite


@dataclass
class NewItem:
    """An item page to create: ``page`` unsaved with its fields, slug and translation key set;
    ``tags`` saved Tag objects; ``images`` (image id, caption, translation key); ``links``
    {"agent_links" or "place_links": ((record id, role), …)}."""

    page: ItemPage
    tags: list = field(default_factory=list)
    images: list = field(default_factory=list)
    links: dict = field(default_factory=dict)


# --- rows --------------------------------------------------------------------------------

# Values of these field types go to the database driver as they are; the others (dates,
# UUIDs, JSON, decimals) are converted as Django converts them.


def insert_objects(model, objects, names, returning=False):
    fields, _converters = columns(model, tuple(names))
    rows = [tuple(getattr(obj, f.attname) for f in fields) for obj in objects]
    return insert_rows(model, names, rows, returning)


def _own_fields(model):
    """Names of the model's own columns but an automatic primary key."""
    return tuple(
        f.name for f in model._meta.local_concrete_fields if not (f.primary_key and f.auto_created)
    )


def _update_rows(model, columns, rows):
    """UPDATE model SET columns… WHERE pk = …, for rows of (values…, pk)."""
    quote = connection.ops.quote_name
    sets = ", ".join(f"{quote(column)} = %s" for column in columns)
    table, pk = quote(model._meta.db_table), quote(model._meta.pk.column)
    with connection.cursor() as cursor:
        cursor.executemany(f"UPDATE {table} SET {sets} WHERE {pk} = %s", rows)


@cache
def _content_type_id(model):
    return ContentType.objects.get_for_model(model).pk


# --- revision content --------------------------------------------------------------------


@cache
def _serialisers(model):
    """How modelcluster's ``get_serializable_data_for_fields`` reads each field, worked out
    once per model: (field, whether its ``pre_save`` may change the value)."""
    return [
        (
            model_field,
            model_field.remote_field is None
            and (
                getattr(model_field, "auto_now", False)
                or getattr(model_field, "auto_now_add", False)
                or model_field.get_internal_type() in ("FileField", "ImageField")
            ),
        )
        for model_field in model._meta.fields
        if model_field.serialize
    ]


PROTECTED = (type(None), int, float, Decimal, datetime.datetime, datetime.date, datetime.time)


def _fields_data(obj):
    """What ``modelcluster.models.get_serializable_data_for_fields(obj)`` returns."""
    data = {"pk": obj.pk}
    for model_field, special in _serialisers(type(obj)):
        if special:
            data[model_field.name] = get_field_value(model_field, obj)
            continue
        value = getattr(obj, model_field.attname)
        if model_field.remote_field is None:
            if isinstance(value, datetime.datetime) and settings.USE_TZ:
                value = timezone.localtime(value, datetime.UTC)
            if not isinstance(value, PROTECTED):
                value = value if type(value) is str else model_field.value_to_string(obj)
        data[model_field.name] = value
    return data


def serializable_data(page):
    """What ``page.serializable_data()`` returns, for a page whose child relations are in
    memory (as this module leaves them)."""
    data = _fields_data(page)
    for relation in get_all_child_relations(page):
        name = relation.get_accessor_name()
        data[name] = [_fields_data(child) for child in getattr(page, name).all()]
    for m2m in get_all_child_m2m_relations(page):
        if m2m.serialize:
            data[m2m.name] = [child.pk for child in getattr(page, m2m.name).all()]
    return data


# --- steps ---------------------------------------------------------------------------------


def _place(parent, items, now, user, publish):
    """Tree position and Wagtail's core fields of each new page below ``parent``."""
    last = (  # a range, not a prefix: SQLite's LIKE cannot use the path index
        Page.objects.filter(
            path__range=Page._get_children_path_interval(parent.path), depth=parent.depth + 1
        )
        .order_by("-path")
        .values_list("path", flat=True)
        .first()
    )
    step = Page._str2int(last[-Page.steplen :]) if last else 0
    for item in items:
        step += 1
        page = item.page
        page.path = Page._get_path(parent.path, parent.depth + 1, step)
        page.depth = parent.depth + 1
        page.numchild = 0
        page.locale_id = parent.locale_id
        page.url_path = f"{parent.url_path}{page.slug}/"
        page.draft_title = page.title
        page.owner = user
        page.latest_revision_created_at = now
        page.live = publish
        page.has_unpublished_changes = not publish
        page.first_published_at = page.last_published_at = now if publish else None


def _child_rows(items):
    """The tags, images and links to authority records of each page, stored (a statement a
    kind for the whole batch), and in memory on the page."""
    tags = [ItemTag(content_object_id=i.page.pk, tag=tag) for i in items for tag in i.tags]
    images = [
        ItemImage(
            page_id=item.page.pk,
            image_id=image_id,
            caption=caption,
            locale_id=item.page.locale_id,
            translation_key=key,
            sort_order=order,
        )
        for item in items
        for order, (image_id, caption, key) in enumerate(item.images)
    ]
    agents = [
        ItemAgent(page_id=item.page.pk, agent_id=record, role=role, sort_order=order)
        for item in items
        for order, (record, role) in enumerate(item.links.get("agent_links", ()))
    ]
    places = [
        ItemPlace(page_id=item.page.pk, place_id=record, role=role, sort_order=order)
        for item in items
        for order, (record, role) in enumerate(item.links.get("place_links", ()))
    ]
    for model, objects in (
        (ItemTag, tags),
        (ItemImage, images),
        (ItemAgent, agents),
        (ItemPlace, places),
    ):
        keys = insert_objects(model, objects, _own_fields(model), returning=True)
        for obj, key in zip(objects, keys, strict=True):
            obj.pk = key
            obj._state.adding = False
    by_page = {item.page.pk: ([], [], [], []) for item in items}
    for tag in tags:
        by_page[tag.content_object_id][0].append(tag)
    for image in images:
        by_page[image.page_id][1].append(image)
    for link in agents:
        by_page[link.page_id][2].append(link)
    for link in places:
        by_page[link.page_id][3].append(link)
    relations = [r.get_accessor_name() for r in get_all_child_relations(ItemPage)]
    for item in items:
        # In memory, so that serialising, indexing and finding references query nothing.
        for name in relations:
            setattr(item.page, name, [])
        (
            item.page.tagged_items,
            item.page.images,
            item.page.agent_links,
            item.page.place_links,
        ) = by_page[item.page.pk]


REVISION_FIELDS = (
    "content_type",
    "base_content_type",
    "object_id",
    "created_at",
    "user",
    "content",
    "object_str",
    "approved_go_live_at",
)


def _revisions(pages, now, user):
    """One revision per page, with the content ``save_revision`` would store; returns their
    ids."""
    item_type, page_type = _content_type_id(ItemPage), _content_type_id(Page)
    user_id = user.pk if user else None
    rows = []
    for page in pages:
        live, published = page.live, page.first_published_at
        # As the page stood when save_revision serialised it: before it was published.
        page.live, page.has_unpublished_changes = False, True
        page.first_published_at = page.last_published_at = page.latest_revision_created_at = None
        content = serializable_data(page)
        page.live, page.has_unpublished_changes = live, not live
        page.first_published_at = page.last_published_at = published
        page.latest_revision_created_at = now
        row = (item_type, page_type, str(page.pk), now, user_id, content, page.title, None)
        rows.append(row)
    revisions = insert_rows(Revision, REVISION_FIELDS, rows, returning=True)
    for page, revision in zip(pages, revisions, strict=True):
        page.latest_revision_id = revision
        page.live_revision_id = revision if page.live else None
    _update_rows(
        Page,
        ["latest_revision_id", "live_revision_id"],
        [(p.latest_revision_id, p.live_revision_id, p.pk) for p in pages],
    )
    return revisions


LOG_FIELDS = (
    "content_type",
    "label",
    "action",
    "data",
    "timestamp",
    "uuid",
    "user",
    "revision",
    "content_changed",
    "deleted",
    "page",
)


def log_entries(pages, revisions, now, user, actions, data=None):
    """PageLogEntry rows: each action for each page, with the page's revision (but for
    "wagtail.create", logged before the page had one)."""
    item_type = _content_type_id(ItemPage)
    user_id = user.pk if user else None
    rows = [
        (
            item_type,
            page.draft_title or page.title,
            action,
            data[index] if data else {},
            now,
            None,
            user_id,
            None if action == "wagtail.create" else revision,
            action != "wagtail.workflow.start",
            False,
            page.pk,
        )
        for index, (page, revision) in enumerate(zip(pages, revisions, strict=True))
        for action in actions
    ]
    insert_rows(PageLogEntry, LOG_FIELDS, rows)


@cache
def _reference_plan(model):
    """What ``ReferenceIndex._extract_references_from_object`` looks at on ``model``, worked
    out once: the foreign keys it follows, the fields that find references in their own
    content (rich text), and the child relations it descends into."""
    keys, extractors, children = [], [], []
    for model_field in model._meta.get_fields():
        if model_field.is_relation and model_field.many_to_one:
            if (
                getattr(model_field, "wagtail_reference_index_ignore", False)
                or getattr(model_field.related_model, "wagtail_reference_index_ignore", False)
                or isinstance(model_field, ParentalKey | GenericRel | GenericForeignKey)
            ):
                continue
            content_type = ReferenceIndex._get_base_content_type(model_field.related_model).pk
            keys.append((model_field, content_type))
        if hasattr(model_field, "extract_references"):
            extractors.append(model_field)
    if issubclass(model, ClusterableModel):
        children = [relation.get_accessor_name() for relation in get_all_child_relations(model)]
    return keys, extractors, children


def _references(obj):
    """The references of ``obj``, exactly as ``_extract_references_from_object`` finds them."""
    keys, extractors, children = _reference_plan(type(obj))
    for model_field, content_type in keys:
        value = getattr(obj, model_field.attname)
        if value is not None:
            yield content_type, str(value), model_field.name, model_field.name
    for model_field in extractors:
        value = model_field.value_from_object(obj)
        if value is not None:
            for to_model, to_id, model_path, content_path in model_field.extract_references(value):
                yield (
                    ReferenceIndex._get_base_content_type(to_model).pk,
                    to_id,
                    f"{model_field.name}.{model_path}",
                    f"{model_field.name}.{content_path}",
                )
    for name in children:
        for child in getattr(obj, name).all():
            for to_type, to_id, model_path, content_path in _references(child):
                yield (
                    to_type,
                    to_id,
                    f"{name}.item.{model_path}",
                    f"{name}.{child.pk}.{content_path}",
                )


REFERENCE_FIELDS = (
    "content_type",
    "base_content_type",
    "object_id",
    "to_content_type",
    "to_object_id",
    "model_path",
    "content_path",
    "content_path_hash",
)


def index_references(pages):
    """Reference index rows of new pages (their images, object type and tags are 'used')."""
    item_type, page_type = _content_type_id(ItemPage), _content_type_id(Page)
    rows = [
        (
            item_type,
            page_type,
            str(page.pk),
            to_type,
            to_id,
            model_path,
            content_path,
            ReferenceIndex._get_content_path_hash(content_path),
        )
        for page in pages
        for to_type, to_id, model_path, content_path in set(_references(page))
    ]
    insert_rows(ReferenceIndex, REFERENCE_FIELDS, rows)


# --- search index ----------------------------------------------------------------------------


def _resolved_get_value(search_field):
    """modelsearch's ``BaseField.get_value``, with the model field looked up once per model
    instead of on every call (with a registry lookup for taggit each time): the same
    values, a fraction of the cost for tens of thousands of pages. The indexer asks for each
    value three times in a row (title, body, autocomplete): the last one is remembered."""
    resolved = {}
    last = [None, None]

    def get_value(obj):
        if last[0] is obj:
            return last[1]
        last[0], last[1] = obj, _value(obj)
        return last[1]

    def _value(obj):
        cls = obj.__class__
        if cls not in resolved:
            try:
                resolved[cls] = search_field.get_field(cls)
            except FieldDoesNotExist:
                resolved[cls] = None
        model_field = resolved[cls]
        if model_field is None:
            value = getattr(obj, search_field.field_name, None)
            return value() if callable(value) else value
        value = model_field.value_from_object(obj)
        if isinstance(model_field, TaggableManager):
            return value
        if hasattr(model_field, "get_searchable_content"):
            return model_field.get_searchable_content(value)
        if isinstance(model_field, RelatedField):
            remote = model_field
            while isinstance(remote, RelatedField):
                remote = remote.target_field
            if hasattr(remote, "get_searchable_content"):
                return remote.get_searchable_content(value)
        return value

    return get_value


def _resolved(search_field):
    resolved = object.__new__(type(search_field))
    resolved.__dict__.update(search_field.__dict__)
    if isinstance(search_field, index.RelatedFields):
        resolved.fields = [_resolved(sub_field) for sub_field in search_field.fields]
        related = {}

        def get_value(obj):
            # RelatedFields' own get_value, its model field looked up once per model
            cls = obj.__class__
            if cls not in related:
                related[cls] = search_field.get_field(cls)
            if isinstance(related[cls], OneToOneRel):
                try:
                    return getattr(obj, search_field.field_name)
                except related[cls].related_model.DoesNotExist:
                    return None
            if isinstance(related[cls], RelatedField | ForeignObjectRel):
                return getattr(obj, search_field.field_name)
            return search_field.get_value(obj)

        resolved.get_value = get_value
    else:
        resolved.get_value = _resolved_get_value(search_field)
    return resolved


@cache
def _search_fields(model):
    """The model's search fields that give the index text (filter fields give none to the
    database backends' entries), each resolved once."""
    return [
        _resolved(search_field)
        for search_field in model.get_search_fields()
        if isinstance(
            search_field, index.SearchField | index.AutocompleteField | index.RelatedFields
        )
    ]


def index_for_search(pages):
    """Add the search index entries of new item pages (their tags in memory), in one go per
    backend. The pages carry search fields resolved once (``_resolved``). Within
    ``search_sqlite.keeping(title_lengths)`` (an import, over many batches) the entries get
    their title norms without a read of the whole index."""
    title_lengths = search_sqlite.kept()
    fields = _search_fields(ItemPage)
    for page in pages:
        page.get_search_fields = lambda fields=fields: fields
    for backend in get_search_backends(with_auto_update=True):
        if isinstance(backend, PostgresSearchBackend):
            # the backend's own expressions cost more than all the rest: search_pg
            search_pg.add_entries(backend, ItemPage, pages, title_lengths)
        elif title_lengths is not None and search_sqlite.is_sqlite_backend(backend):
            search_sqlite.add_entries(ItemPage, pages, title_lengths)
        else:
            backend.add_bulk(ItemPage, pages)
    for page in pages:
        del page.get_search_fields


# --- review -------------------------------------------------------------------------------


def first_task(workflow):
    return (
        Task.objects.filter(workflow_tasks__workflow=workflow, active=True)
        .order_by("workflow_tasks__sort_order")
        .first()
    )


def submit(pages, revisions, workflow, user, now=None):
    """Start ``workflow`` on each page at its first task, as ``Workflow.start`` does, and log
    it; ``revisions`` are the pages' latest revision ids. Returns how many were submitted."""
    task = first_task(workflow)
    if task is None or not pages:
        return 0
    if task.specific.get_task_state_class() is not TaskState:
        for page in pages:  # a task with its own state model: Wagtail's own path
            workflow.start(page, user)
        return len(pages)
    now = now or timezone.now()
    user_id = user.pk if user else None
    item_type, page_type = _content_type_id(ItemPage), _content_type_id(Page)
    states = insert_rows(
        WorkflowState,
        (
            "content_type",
            "base_content_type",
            "object_id",
            "workflow",
            "status",
            "created_at",
            "requested_by",
        ),
        [
            (
                item_type,
                page_type,
                str(page.pk),
                workflow.pk,
                WorkflowState.STATUS_IN_PROGRESS,
                now,
                user_id,
            )
            for page in pages
        ],
        returning=True,
    )
    task_states = insert_rows(
        TaskState,
        ("workflow_state", "revision", "task", "status", "started_at", "comment", "content_type"),
        [
            (
                state,
                revision,
                task.pk,
                TaskState.STATUS_IN_PROGRESS,
                now,
                "",
                _content_type_id(TaskState),
            )
            for state, revision in zip(states, revisions, strict=True)
        ],
        returning=True,
    )
    _update_rows(
        WorkflowState,
        ["current_task_state_id"],
        list(zip(task_states, states, strict=True)),
    )
    data = [
        {
            "workflow": {
                "id": workflow.pk,
                "title": workflow.name,
                "status": WorkflowState.STATUS_IN_PROGRESS,
                "next": {"id": task.pk, "title": task.name},
                "task_state_id": task_state,
            }
        }
        for task_state in task_states
    ]
    log_entries(pages, revisions, now, user, ["wagtail.workflow.start"], data)
    return len(pages)


# --- the whole -----------------------------------------------------------------------------


@transaction.atomic
def create_items(parent, items, *, user=None, publish=False):
    """Create ``items`` (NewItems) as the last children of ``parent``, each with one revision,
    published or not; returns (pages, revision ids). Search and reference index included;
    review (``submit``) and the catalogue are the caller's."""
    if not items:
        return [], []
    parent = Page.objects.select_for_update().get(pk=parent.pk)  # one importer at a time
    now = timezone.now()
    _place(parent, items, now, user, publish)
    pages = [item.page for item in items]
    for page, key in zip(
        pages, insert_objects(Page, pages, _own_fields(Page), returning=True), strict=True
    ):
        page.id = page.page_ptr_id = key
        page._state.adding = False
    insert_objects(ItemPage, pages, tuple(f.name for f in ItemPage._meta.local_concrete_fields))
    Page.objects.filter(pk=parent.pk).update(numchild=F("numchild") + len(items))
    _child_rows(items)
    revisions = _revisions(pages, now, user)
    actions = ["wagtail.create", "wagtail.publish"] if publish else ["wagtail.create"]
    log_entries(pages, revisions, now, user, actions)
    index_references(pages)
    index_for_search(pages)
    return pages, revisions
