"""Bulk INSERTs without the ORM's per-object cost, for imports and derived tables.

``bulk_create`` builds and validates a model instance per row and cannot insert the child
table of multi-table inheritance (an ItemPage row beside its Page row). ``insert_rows``
takes plain tuples, converts only the values whose field needs it (dates, UUIDs, JSON …),
and sends many rows a statement.
"""

from functools import cache

from django.db import connection

PLAIN_TYPES = {
    "AutoField",
    "BigAutoField",
    "BigIntegerField",
    "BooleanField",
    "CharField",
    "ForeignKey",
    "IntegerField",
    "PositiveIntegerField",
    "PositiveSmallIntegerField",
    "SlugField",
    "SmallIntegerField",
    "TextField",
    "URLField",
}


def _converter(model_field):
    plain = model_field.get_internal_type() in PLAIN_TYPES and (
        not model_field.is_relation or model_field.target_field.get_internal_type() in PLAIN_TYPES
    )
    return None if plain else (lambda value: model_field.get_db_prep_save(value, connection))


@cache
def columns(model, names):
    """The fields ``names`` of ``model`` and, for each, the function preparing its values
    for the database (None when the value goes as it is)."""
    fields = [model._meta.get_field(name) for name in names]
    return fields, [_converter(f) for f in fields]


def insert_rows(model, names, rows, returning=False):
    """INSERT rows (tuples of values for the fields ``names``) into ``model``'s own table,
    many a statement — bulk_create's SQL without its per-object cost, and possible for the
    child table of multi-table inheritance. Returns the new primary keys, in order, when
    ``returning``."""
    if not rows:
        return []
    fields, converters = columns(model, tuple(names))
    quote = connection.ops.quote_name
    column_list = ", ".join(quote(f.column) for f in fields)
    row_sql = "(" + ", ".join(["%s"] * len(fields)) + ")"
    limit = min(connection.features.max_query_params or 30000, 30000)
    keys = []
    with connection.cursor() as cursor:
        for start in range(0, len(rows), max(1, limit // len(fields))):
            chunk = rows[start : start + max(1, limit // len(fields))]
            params = [
                convert(value) if convert and value is not None else value
                for row in chunk
                for convert, value in zip(converters, row, strict=True)
            ]
            sql = f"INSERT INTO {quote(model._meta.db_table)} ({column_list}) VALUES "
            sql += ", ".join([row_sql] * len(chunk))
            if returning:
                sql += f" RETURNING {quote(model._meta.pk.column)}"
            cursor.execute(sql, params)
            if returning:
                keys += [row[0] for row in cursor.fetchall()]
    return keys


def update_statistics(models):
    """Fresh planner statistics for the tables of ``models``, after a bulk load.

    Without them the planners misjudge the new rows: SQLite counted facets through a
    two-valued index (ten times slower), and PostgreSQL, whose autovacuum may be off or
    not yet round, read 250,000 tag rows for an item's related items (439 ms instead of
    a few)."""
    tables = [connection.ops.quote_name(model._meta.db_table) for model in models]
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute(f"ANALYZE {', '.join(tables)}")
        else:  # SQLite analyzes one table a statement
            for table in tables:
                cursor.execute(f"ANALYZE {table}")
