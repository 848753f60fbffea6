"""Planner statistics after a bulk load (heritagehub.bulk.update_statistics)."""

import pytest
from django.db import connection
from wagtail.models import Page

from heritagehub.bulk import update_statistics

pytestmark = pytest.mark.django_db


def test_statistics_are_updated_for_the_tables_given(tree):
    update_statistics([Page])
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute("SELECT reltuples FROM pg_class WHERE relname = 'wagtailcore_page'")
        else:
            cursor.execute("SELECT stat FROM sqlite_stat1 WHERE tbl = 'wagtailcore_page'")
        row = cursor.fetchone()
    assert row is not None and float(str(row[0]).split()[0]) >= Page.objects.count() > 1
