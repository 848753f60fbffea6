"""Indexes built after a bulk load (heritagehub.bulk.indexes_built_after)."""

import pytest
from django.db import DEFAULT_DB_ALIAS, connection, connections, transaction

from heritage_collections.models import CatalogueEntry
from heritagehub.bulk import indexes_built_after

pytestmark = pytest.mark.django_db
sqlite_only = pytest.mark.skipif(
    connection.vendor != "sqlite", reason="PostgreSQL keeps its indexes (dropping one locks)"
)


def index_sql():
    """{name: SQL} of the catalogue entries' indexes."""
    if connection.vendor == "postgresql":
        query = "SELECT indexname, indexdef FROM pg_indexes WHERE tablename = %s"
    else:
        query = "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name = %s"
    with connection.cursor() as cursor:
        cursor.execute(query, [CatalogueEntry._meta.db_table])
        return dict(cursor.fetchall())


@sqlite_only
def test_the_secondary_indexes_are_gone_meanwhile_and_back_after():
    before = index_sql()
    with transaction.atomic(), indexes_built_after(CatalogueEntry):
        meanwhile = index_sql()
    assert "catalogue_title" in before and "catalogue_title" not in meanwhile
    assert index_sql() == before


@sqlite_only
def test_unique_and_foreign_key_indexes_stay():
    with transaction.atomic(), indexes_built_after(CatalogueEntry):
        meanwhile = index_sql()
    assert any(sql is None for sql in meanwhile.values())  # the unique constraint's own
    assert any(sql and '("page_id")' in sql for sql in meanwhile.values())
    assert not any(sql and '"sort_title"' in sql for sql in meanwhile.values())


@sqlite_only
def test_a_failure_rolls_the_drops_back():
    before = index_sql()
    with (
        pytest.raises(ZeroDivisionError),
        transaction.atomic(),
        indexes_built_after(CatalogueEntry),
    ):
        1 / 0  # noqa: B018
    assert index_sql() == before


@sqlite_only
def test_outside_a_transaction_it_refuses_rather_than_drop_for_good(monkeypatch):
    before = index_sql()
    # As in autocommit (the proxy ``connection`` would not give the attribute back).
    monkeypatch.setattr(connections[DEFAULT_DB_ALIAS], "in_atomic_block", False)
    with pytest.raises(RuntimeError, match="transaction"), indexes_built_after(CatalogueEntry):
        pass
    assert index_sql() == before


@pytest.mark.skipif(connection.vendor != "postgresql", reason="SQLite drops them (above)")
def test_postgresql_keeps_every_index_meanwhile():
    before = index_sql()
    with transaction.atomic(), indexes_built_after(CatalogueEntry):
        assert index_sql() == before
