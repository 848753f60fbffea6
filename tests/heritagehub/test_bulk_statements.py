"""Statements of many values (heritagehub.bulk.execute_values, insert_rows)."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from taggit.models import Tag

from heritagehub.bulk import _numbered, execute_values, insert_rows

pytestmark = pytest.mark.django_db

SUM = "SELECT CAST(%s AS integer) + CAST(%s AS integer), '100%%'"


def test_placeholders_are_numbered_and_a_literal_percent_kept():
    assert _numbered("VALUES (%s, %s), (%s, '%%s')") == "VALUES ($1, $2), ($3, '%s')"


def test_a_statement_runs_with_its_values():
    assert execute_values(SUM, [1, 2], fetch=True) == [(3, "100%")]


def test_where_queries_are_logged_the_statement_is_logged_with_its_values():
    with CaptureQueriesContext(connection) as context:
        assert execute_values(SUM, [40, 2], fetch=True) == [(42, "100%")]
    assert "40" in context.captured_queries[-1]["sql"]


def test_inserted_rows_give_their_keys_in_order():
    keys = insert_rows(Tag, ("name", "slug"), [("uno", "uno"), ("due", "due")], returning=True)
    assert [Tag.objects.get(pk=key).name for key in keys] == ["uno", "due"]
