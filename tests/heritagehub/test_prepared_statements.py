"""On PostgreSQL a query a connection runs again and again is prepared, so PostgreSQL plans
it once (heritagehub.settings.base.with_prepared_statements)."""

import pytest
from django.db import connection
from wagtail.models import Page

pytestmark = pytest.mark.django_db


def run_the_same_query(times):
    for _ in range(times):
        list(Page.objects.filter(depth=1).values_list("pk", flat=True))


def prepared_statements():
    with connection.cursor() as cursor:
        cursor.execute("SELECT statement FROM pg_prepared_statements")
        return [row[0] for row in cursor.fetchall()]


def test_a_query_run_five_times_is_prepared_once():
    if connection.vendor != "postgresql":
        # SQLite runs in the process: there is no server to plan on, and nothing to set.
        assert "server_side_binding" not in connection.settings_dict.get("OPTIONS", {})
        return
    run_the_same_query(6)
    assert any('"wagtailcore_page"."depth" = $1' in sql for sql in prepared_statements())
