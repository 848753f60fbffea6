"""Fixtures of the collections app's tests: the tree's partner onboarded (imports, care
labels), and the site over HTTP, as a harvester or a IIIF client reaches it."""

from io import StringIO

import pytest
from django.core.management import call_command
from django.db import DEFAULT_DB_ALIAS, connections

from partners.onboarding import onboard_partner

_RESTORE = pytest.StashKey[object]()


def run_import(path, *args):
    """``import_items`` of ``path`` into the tree's collection: (its output, its errors)."""
    out, err = StringIO(), StringIO()
    call_command(
        "import_items", str(path), "--partner", "archivio", "--collection", "fotografie",
        *args, stdout=out, stderr=err,
    )  # fmt: skip
    return out.getvalue(), err.getvalue()


@pytest.fixture
def space(tree):
    """The tree's partner, onboarded: its review workflow, editors' group, media."""
    return onboard_partner("Archivio Nazionale", "archivio", "archive").space


@pytest.fixture
def live_site(live_server, django_db_serialized_rollback, django_db_blocker, request):
    """The site's URL on pytest-django's live server; every write commits. Django flushes
    the database after the test: the hook below puts back what the migrations made
    (locales, home page, vocabularies), as tests/e2e does."""
    request.node.stash[_RESTORE] = django_db_blocker
    return live_server.url


@pytest.hookimpl(wrapper=True)
def pytest_runtest_teardown(item, nextitem):
    try:
        return (yield)
    finally:
        # After the fixtures' teardown, hence after Django's flush.
        if _RESTORE in item.stash:
            connection = connections[DEFAULT_DB_ALIAS]
            with item.stash[_RESTORE].unblock():
                connection.creation.deserialize_db_from_string(connection._test_serialized_contents)
