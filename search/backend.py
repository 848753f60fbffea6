"""Wagtail's database search backend, with a title match ranked above a body match on SQLite.

Upstream's SQLite ranking (modelsearch 1.3) multiplies one BM25 score of the whole index row
by the title's length norm, so an item with a short title that does not contain the word can
outrank one whose title does. FTS5's ``bm25()`` takes a weight per column instead: here a
match in the title counts ten times one in the body, as the weighted ``ts_rank`` of the
PostgreSQL backend does. PostgreSQL and the fallback are upstream's, unchanged.
"""

from django.db import connection
from django.db.models import FloatField, Func
from wagtail.search import models as search_models
from wagtail.search.backends.database import SearchBackend as DatabaseSearchBackend

TITLE_WEIGHT = 10.0


class ColumnWeightedBM25(Func):
    output_field = FloatField()

    def as_sql(self, compiler, connection, **extra_context):
        # The FTS table's columns are (autocomplete, body, title); autocomplete is not
        # searched by a full-text query. The model exists only on SQLite with FTS5.
        table = search_models.SQLiteFTSIndexEntry._meta.db_table
        return f"bm25({table}, 0.0, 1.0, {TITLE_WEIGHT})", []


def SearchBackend(params):  # noqa: N802 - the name Wagtail looks up in a backend module
    backend = DatabaseSearchBackend(params)
    if connection.vendor != "sqlite":
        return backend
    # Upstream's SQLite module can be imported only where SQLite with FTS5 is the database.
    from wagtail.search.backends.database.sqlite.sqlite import (
        SQLiteSearchBackend,
        SQLiteSearchQueryCompiler,
    )

    if not isinstance(backend, SQLiteSearchBackend):  # SQLite without FTS5
        return backend

    class TitleWeightedQueryCompiler(SQLiteSearchQueryCompiler):
        def _build_rank_expression(self, vectors, config):
            return ColumnWeightedBM25()

    backend.query_compiler_class = TitleWeightedQueryCompiler
    return backend
