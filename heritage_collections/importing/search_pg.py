"""PostgreSQL search index entries of new pages, in one statement per batch.

modelsearch's PostgreSQL backend builds a Django ``SearchVector`` expression for every text
of every page and compiles it: 3.4 ms a page, more than the rest of a bulk import. The
texts are the backend's own (its ``ObjectIndexer.prepare_field``); only the SQL is written
here, as the expressions compile — ``setweight(to_tsvector([config::regconfig,]
COALESCE(text, '')), weight)`` joined by ``||`` (tsvector concatenation shifts positions,
so the grouping of ``||`` does not change the result) — followed by the backend's own
upsert and title-norm refresh (or its result, as ``search_sqlite`` sets it: the average
from ``TitleLengths``). ``test_import_bulk.py`` compares the entries with those of
a page saved the normal way.
"""

from django.contrib.contenttypes.models import ContentType
from django.db import connection
from modelsearch.backends.database.postgres.postgres import ObjectIndexer
from modelsearch.index import AutocompleteField, SearchField
from wagtail.search.models import IndexEntry

from heritagehub.bulk import execute_values


def _vector(texts, config):
    """SQL and parameters of the tsvector of (text, weight) pairs, as ``as_vector``."""
    texts = [(text.strip(), weight) for text, weight in texts]
    texts = [(text, weight) for text, weight in texts if text]
    if not texts:
        return "to_tsvector(COALESCE(%s, %s))", ["", ""]
    parts, params = [], []
    for text, weight in texts:
        if config:
            parts.append("setweight(to_tsvector(%s::regconfig, COALESCE(%s, %s)), %s)")
            params += [config, text, "", weight]
        else:
            parts.append("setweight(to_tsvector(COALESCE(%s, %s)), %s)")
            params += [text, "", weight]
    return "(" + " || ".join(parts) + ")", params


def add_entries(backend, model, pages, title_lengths=None):
    """Insert or update the index entries of ``pages`` (objects of ``model``); with
    ``title_lengths`` (``search_sqlite.TitleLengths``), their title norms without reading
    the whole index."""
    if not pages:
        return
    rows, params = [], []
    content_type = ContentType.objects.get_for_model(model).pk
    for page in pages:
        indexer = ObjectIndexer(page, backend)
        found = [
            item for field in indexer.search_fields for item in indexer.prepare_field(page, field)
        ]
        title = [
            (v, w) for f, w, v in found if isinstance(f, SearchField) and f.field_name == "title"
        ]
        body = [
            (v, w) for f, w, v in found if isinstance(f, SearchField) and f.field_name != "title"
        ]
        autocomplete = [(v, w) for f, w, v in found if isinstance(f, AutocompleteField)]
        vectors = [
            _vector(title, backend.config),
            _vector(autocomplete, backend.autocomplete_config),
            _vector(body, backend.config),
        ]
        rows.append(f"(%s, %s, {vectors[0][0]}, {vectors[1][0]}, {vectors[2][0]}, 1.0, %s, %s)")
        params += [content_type, str(page.pk)]
        for _sql, vector_params in vectors:
            params += vector_params
        params += [
            " ".join(text for text, _w in ((v.strip(), w) for v, w in title) if text),
            " ".join(text for text, _w in ((v.strip(), w) for v, w in body) if text),
        ]
    if title_lengths is not None:
        title_lengths.read()
    written = execute_values(
        f"""
            INSERT INTO {IndexEntry._meta.db_table}
                (content_type_id, object_id, title, autocomplete, body, title_norm, title_text,
                 body_text)
            (VALUES {", ".join(rows)})
            ON CONFLICT (content_type_id, object_id)
            DO UPDATE SET title = EXCLUDED.title,
                          title_norm = 1.0,
                          autocomplete = EXCLUDED.autocomplete,
                          body = EXCLUDED.body,
                          title_text = EXCLUDED.title_text,
                          body_text = EXCLUDED.body_text
            RETURNING id, length(title)
            """,
        params,
        fetch=True,
    )
    if title_lengths is None:
        backend.get_index_for_model(model)._refresh_title_norms()
        return
    # The norms _refresh_title_norms would set, on these entries alone (search_sqlite).
    average = title_lengths.add(length for _id, length in written)
    with connection.cursor() as cursor:
        cursor.execute(
            f"UPDATE {IndexEntry._meta.db_table} SET title_norm = %s / length(title) "
            "WHERE id = ANY(%s) AND length(title) > 0",
            [average, [entry for entry, length in written if length > 0]],
        )
