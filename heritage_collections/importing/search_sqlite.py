"""SQLite search index entries of new pages, each inserted with its title norm.

modelsearch's SQLite backend (``SQLiteIndex.add_items``) inserts the entries of a batch,
then gives every entry whose ``title_norm`` is still 1.0 the average title length of the
whole index over its own title's length: a read of every entry for each batch (an import of
100,000 rows into 100,000 items makes hundreds), and an UPDATE whose trigger writes each
new entry's FTS5 row a second time. Here the index's title lengths are summed once
(``TitleLengths``) and kept up to date as batches go in, and each entry is inserted with
the norm the backend would have set: the same average (a sum of integers over a count, as
SQLite's ``avg``), over the same length (SQLite's ``length`` counts characters, as ``len``).
The texts are those of the backend's ``ObjectIndexer`` (title, autocomplete and body).
``test_import_bulk.py`` compares the entries with those of a page saved the normal way.
"""

from contextlib import contextmanager
from contextvars import ContextVar

from django.contrib.contenttypes.models import ContentType
from django.db import connection
from django.db.models import Count, Manager, Q, Sum
from django.db.models.functions import Length
from django.utils.encoding import force_str
from modelsearch.index import AutocompleteField, RelatedFields, SearchField
from wagtail.search.models import IndexEntry

from heritagehub.bulk import insert_rows

FIELDS = ("content_type", "object_id", "title", "autocomplete", "body", "title_norm")
# The TitleLengths that bulk.index_for_search keeps up to date (an import's, meanwhile).
_KEPT = ContextVar("title_lengths", default=None)


class TitleLengths:
    """The sum and number of the non-empty titles of the search index: read from the
    table when first needed, then counted along the entries added. ``forget()`` when
    anything else may have written entries (Wagtail indexing a saved page or image)."""

    def __init__(self):
        self.forget()

    def forget(self):
        self.total = self.count = None

    def read(self):
        """Sum the titles stored, unless done: before new entries are written."""
        if self.total is None:
            found = IndexEntry.objects.annotate(length=Length("title")).aggregate(
                total=Sum("length", filter=Q(length__gt=0)),
                count=Count("pk", filter=Q(length__gt=0)),
            )
            self.total, self.count = found["total"] or 0, found["count"]

    def add(self, lengths):
        """Count the titles of new entries in (``read()`` before they were written);
        returns the average title length."""
        self.read()
        for length in lengths:
            if length > 0:
                self.total += length
                self.count += 1
        if not self.count:
            return None
        if connection.vendor == "postgresql":
            # avg() of integers is a numeric (sum over count), which Django makes a float
            with connection.cursor() as cursor:
                cursor.execute("SELECT %s::numeric / %s::numeric", [self.total, self.count])
                return float(cursor.fetchone()[0])
        return self.total / self.count  # SQLite's avg(): the integer sum over the count


@contextmanager
def keeping(title_lengths):
    """New entries written meanwhile (``bulk.index_for_search``) count their titles in
    ``title_lengths``, and get their norms from it."""
    token = _KEPT.set(title_lengths)
    try:
        yield
    finally:
        _KEPT.reset(token)


def kept():
    """The TitleLengths of ``keeping``, or None."""
    return _KEPT.get()


def _prepared(obj, field):
    """(field, text) of a search field of ``obj``, as ``ObjectIndexer.prepare_field`` of
    modelsearch's SQLite backend yields them (its module cannot be imported elsewhere)."""
    if isinstance(field, SearchField | AutocompleteField):
        yield field, _prepared_value(field.get_value(obj))
    elif isinstance(field, RelatedFields):
        sub_obj = field.get_value(obj)
        if sub_obj is None:
            return
        if isinstance(sub_obj, Manager):
            sub_objs = sub_obj.all()
        else:
            sub_objs = [sub_obj() if callable(sub_obj) else sub_obj]
        for sub_obj in sub_objs:
            for sub_field in field.fields:
                yield from _prepared(sub_obj, sub_field)


def _prepared_value(value):
    if isinstance(value, str):
        return value
    if isinstance(value, list):
        return ", ".join(_prepared_value(item) for item in value)
    if isinstance(value, dict):
        return ", ".join(_prepared_value(item) for item in value.values())
    return force_str(value)


def _texts(page):
    """The entry's (title, autocomplete, body), as the backend's ``ObjectIndexer`` joins them."""
    title, body, autocomplete = [], [], []
    for field in page.get_search_fields():
        for found, value in _prepared(page, field):
            if isinstance(found, SearchField):
                (title if found.field_name == "title" else body).append(value)
            elif isinstance(found, AutocompleteField):
                autocomplete.append(value)
    return " ".join(title), " ".join(autocomplete), " ".join(body)


def add_entries(model, pages, title_lengths):
    """Insert the index entries of new ``pages`` (objects of ``model``, not indexed yet)."""
    if not pages:
        return
    content_type = ContentType.objects.get_for_model(model).pk
    texts = [_texts(page) for page in pages]
    average = title_lengths.add(len(title) for title, _a, _b in texts)
    rows = [
        (
            content_type,
            str(page.pk),
            title,
            autocomplete,
            body,
            average / len(title) if title else 1.0,
        )
        for page, (title, autocomplete, body) in zip(pages, texts, strict=True)
    ]
    insert_rows(IndexEntry, FIELDS, rows)


SQLITE_BACKEND = "modelsearch.backends.database.sqlite.sqlite.SQLiteSearchBackend"


def is_sqlite_backend(backend):
    """Whether ``backend`` is modelsearch's SQLite FTS5 backend (its module can be imported
    only where SQLite with FTS5 is the database: the class is compared by name)."""
    cls = type(backend)
    return f"{cls.__module__}.{cls.__qualname__}" == SQLITE_BACKEND
