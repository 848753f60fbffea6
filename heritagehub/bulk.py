"""Bulk INSERTs without the ORM's per-object cost, for imports and derived tables.

``bulk_create`` builds and validates a model instance per row and cannot insert the child
table of multi-table inheritance (an ItemPage row beside its Page row). ``insert_rows``
takes plain tuples, converts only the values whose field needs it (dates, UUIDs, JSON …),
and sends many rows a statement.
"""

import functools
import re
import uuid
from contextlib import contextmanager
from functools import cache

import psycopg
from django.db import DEFAULT_DB_ALIAS, connection, connections

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
    """A function (value, database connection) → the value the driver is sent, or None
    when the value goes as it is."""
    plain = model_field.get_internal_type() in PLAIN_TYPES and (
        not model_field.is_relation or model_field.target_field.get_internal_type() in PLAIN_TYPES
    )
    if plain:
        return None
    internal = model_field.get_internal_type()
    if internal == "FloatField":
        return _float
    if internal == "UUIDField":
        return functools.partial(_uuid, model_field)
    return functools.partial(_prepared, model_field)


def _prepared(model_field, value, connection):
    return model_field.get_db_prep_save(value, connection)


def _float(value, connection):
    # FloatField.get_prep_value: float(value), a float as it is
    return value if type(value) is float else float(value)


def _uuid(model_field, value, connection):
    # UUIDField.get_db_prep_value: the UUID itself where the database has the type, else
    # its hex digits
    if type(value) is not uuid.UUID:
        return model_field.get_db_prep_save(value, connection)
    return value if connection.features.has_native_uuid_field else value.hex


class _Memo:
    """A converter that converts a value once when rows repeat it (the same object: a
    batch's one ``now`` in every row's dates)."""

    def __init__(self, convert, connection):
        self.convert, self.connection = convert, connection
        self.value = self.converted = _Memo

    def __call__(self, value):
        if value is not self.value:
            self.value, self.converted = value, self.convert(value, self.connection)
        return self.converted


@cache
def columns(model, names):
    """The fields ``names`` of ``model`` and, for each, the function preparing its values
    for the database ((value, connection) → value; None when the value goes as it is)."""
    fields = [model._meta.get_field(name) for name in names]
    return fields, [_converter(f) for f in fields]


def prepared_columns(model, names):
    """The fields ``names`` of ``model`` and, for each, the function (value → value sent)
    or None, for the rows of one statement or more (``driver_values``)."""
    fields, converters = columns(model, tuple(names))
    # The connection itself, not django.db.connection's per-thread proxy (a lookup each
    # time a converter reads it: hundreds of thousands of times in an import).
    database = connections[DEFAULT_DB_ALIAS]
    return fields, [_Memo(convert, database) if convert else None for convert in converters]


def driver_values(converters, rows):
    """The values of ``rows`` as the driver is sent them, in one list."""
    return [
        convert(value) if convert and value is not None else value
        for row in rows
        for convert, value in zip(converters, row, strict=True)
    ]


# Django's placeholders: %s a value, %% a literal %.
_PLACEHOLDER = re.compile(r"(%s|%%)")


@functools.lru_cache(maxsize=32)
def _numbered(sql):
    """``sql`` with PostgreSQL's own placeholders ($1, $2 …) for Django's."""
    parts = _PLACEHOLDER.split(sql)
    number = 0
    for index in range(1, len(parts), 2):
        if parts[index] == "%s":
            number += 1
            parts[index] = f"${number}"
        else:
            parts[index] = "%"
    return "".join(parts)


def execute_values(sql, params, fetch=False):
    """Execute one statement of many values (Django's placeholders); its rows if ``fetch``.

    psycopg's own cursors read a statement's text for its placeholders, in Python, at each
    execution: about 100 ms for an INSERT of 2,000 rows of 15 values, and more than half of
    a PostgreSQL import's client time (10,000 rows: 31.4 s of CPU before, 12.8 s after).
    Its ``RawCursor`` takes PostgreSQL's numbered placeholders as they are; the numbering
    here is done once per statement text. Where Django logs queries (DEBUG, a
    test counting them) its own cursor runs the statement, as it can show it."""
    if connection.vendor != "postgresql" or connection.queries_logged:
        with connection.cursor() as cursor:
            cursor.execute(sql, params)
            return cursor.fetchall() if fetch else None
    connection.ensure_connection()
    with connection.make_cursor(psycopg.RawCursor(connection.connection)) as cursor:
        cursor.execute(_numbered(sql), params)
        return cursor.fetchall() if fetch else None


def insert_rows(model, names, rows, returning=False):
    """INSERT rows (tuples of values for the fields ``names``) into ``model``'s own table,
    many a statement — bulk_create's SQL without its per-object cost, and possible for the
    child table of multi-table inheritance. Returns the new primary keys, in order, when
    ``returning``."""
    if not rows:
        return []
    fields, converters = prepared_columns(model, names)
    quote = connection.ops.quote_name
    column_list = ", ".join(quote(f.column) for f in fields)
    row_sql = "(" + ", ".join(["%s"] * len(fields)) + ")"
    limit = min(connection.features.max_query_params or 30000, 30000)
    keys = []
    for start in range(0, len(rows), max(1, limit // len(fields))):
        chunk = rows[start : start + max(1, limit // len(fields))]
        sql = f"INSERT INTO {quote(model._meta.db_table)} ({column_list}) VALUES "
        sql += ", ".join([row_sql] * len(chunk))
        if returning:
            sql += f" RETURNING {quote(model._meta.pk.column)}"
        found = execute_values(sql, driver_values(converters, chunk), fetch=returning)
        if returning:
            keys += [row[0] for row in found]
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


# SQLite's page cache while a bulk load writes (2 MB by default): every row of the catalogue
# goes into fifteen indexes, and a cache that holds more of their pages reads and spills
# fewer of them (a third less CPU for 25,000 catalogue entries in a 5,000-item database).
LOAD_CACHE_KIB = 64 * 1024


@contextmanager
def load_cache():
    """A larger SQLite page cache for the connection meanwhile (nothing on PostgreSQL,
    whose buffers are the server's)."""
    if connection.vendor != "sqlite":
        yield
        return
    with connection.cursor() as cursor:
        cursor.execute("PRAGMA cache_size")
        (before,) = cursor.fetchone()
        cursor.execute(f"PRAGMA cache_size = -{LOAD_CACHE_KIB}")
    try:
        yield
    finally:
        with connection.cursor() as cursor:
            cursor.execute(f"PRAGMA cache_size = {int(before)}")


@contextmanager
def indexes_built_after(model):
    """On SQLite, the model's secondary indexes are dropped meanwhile and built again at the
    end, from the same SQL: a large load into a table with many indexes on unordered keys
    (a title, a place) costs a random page of each index per row, where building an index
    afterwards is one sort. Unique indexes stay (they are constraints), and so do the
    indexes of foreign keys (deleting a row elsewhere cascades through them). Inside the
    caller's transaction only: other connections go on reading the committed table with its
    indexes, and a failure rolls the drops back with the rest. Nothing on PostgreSQL, where
    dropping an index would lock the table against every reader until the commit."""
    if connection.vendor != "sqlite":
        yield
        return
    if not connection.in_atomic_block:
        raise RuntimeError("indexes_built_after needs a transaction")
    quote = connection.ops.quote_name
    foreign_keys = {(f.column,) for f in model._meta.concrete_fields if f.is_relation}
    dropped = []
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name = %s "
            "AND sql IS NOT NULL AND sql NOT LIKE 'CREATE UNIQUE%%'",
            [model._meta.db_table],
        )
        for name, sql in cursor.fetchall():
            cursor.execute(f"PRAGMA index_info({quote(name)})")
            if tuple(column for _rank, _cid, column in cursor.fetchall()) not in foreign_keys:
                dropped.append(sql)
                cursor.execute(f"DROP INDEX {quote(name)}")
    yield
    with connection.cursor() as cursor:
        for sql in dropped:
            cursor.execute(sql)
