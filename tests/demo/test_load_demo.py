"""`manage.py load_demo`: the demo site's content, idempotent, never on a DEBUG-off site.

load_demo must run outside any transaction (wagtail-localize publishes translations on
commit, and translating inside an outer transaction breaks the tree: upstream #773), so it
cannot run inside a test's transaction. As `make run` does, these tests migrate a database of
their own (a temporary SQLite file, or a temporary PostgreSQL database when the suite runs on
PostgreSQL), run `manage.py load_demo` twice in a separate process, and read what it left
through tests/demo/demo_census.py — once for the whole module (it takes a minute).

The crawl of the demo site follows the first HERITAGEHUB_CRAWL_LIMIT URLs breadth-first
from the five home pages (1,500 by default; 0 follows every link, ~7,000 URLs, minutes).
"""

import json
import os
import subprocess
import sys
import uuid
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

import pytest
from django.conf import settings
from django.core.management import CommandError, call_command
from django.db import connection

from tests.demo.demo_census import counts

REPO = Path(settings.BASE_DIR)
CRAWL_LIMIT = int(os.environ.get("HERITAGEHUB_CRAWL_LIMIT", "1500"))


def manage(env, *args):
    result = subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=REPO,
        env=env,
        capture_output=True,
        text=True,
        stdin=subprocess.DEVNULL,
        timeout=900,
    )
    if result.returncode != 0:
        pytest.fail(f"manage.py {' '.join(args)} failed:\n{result.stdout}\n{result.stderr}")
    return result.stdout


def census(env, crawl_limit=None):
    code = f"from tests.demo.demo_census import main; main(crawl_limit={crawl_limit})"
    return json.loads(manage(env, "shell", "-c", code).strip().splitlines()[-1])


def postgres_url(database_url, name):
    return urlunsplit(urlsplit(database_url)._replace(path=f"/{name}"))


@pytest.fixture(scope="module")
def demo_env(tmp_path_factory):
    """Environment of a fresh, migrated database of the suite's kind, removed afterwards."""
    tmp = tmp_path_factory.mktemp("demo")
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "heritagehub.settings.dev",
        "DEBUG": "true",
        "MEDIA_ROOT": str(tmp / "media"),
        "PYTHONDONTWRITEBYTECODE": "1",
    }
    database_url = os.environ.get("DATABASE_URL", "")
    drop = None
    if database_url.startswith(("postgres://", "postgresql://")):
        import psycopg

        name = f"heritagehub_demo_{uuid.uuid4().hex[:8]}"
        admin_url = postgres_url(database_url, "postgres")
        with psycopg.connect(admin_url, autocommit=True) as pg:
            pg.execute(f'CREATE DATABASE "{name}"')
        env["DATABASE_URL"] = postgres_url(database_url, name)

        def drop():
            with psycopg.connect(admin_url, autocommit=True) as pg:
                pg.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')

    else:
        env["DATABASE_URL"] = f"sqlite:///{tmp / 'demo.sqlite3'}"
    manage(env, "migrate", "--noinput")
    yield env
    if drop:
        drop()


@pytest.fixture(scope="module")
def demo(demo_env):
    """Run load_demo twice; the census after each run, and a crawl of the site after both."""
    manage(demo_env, "load_demo")
    first = census(demo_env)
    manage(demo_env, "load_demo")
    second = census(demo_env, crawl_limit=CRAWL_LIMIT)
    return first, second


@pytest.fixture
def facts(demo):
    return demo[1]["facts"]


@pytest.mark.django_db
def test_load_demo_refuses_to_run_with_debug_off(settings):
    settings.DEBUG = False
    before = counts()
    with pytest.raises(CommandError, match="DEBUG"):
        call_command("load_demo", verbosity=0)
    assert counts() == before


def test_load_demo_is_idempotent(demo):
    first, second = (run["counts"] for run in demo)
    changed = {
        key: (first.get(key), second.get(key))
        for key in first.keys() | second.keys()
        if first.get(key) != second.get(key)
    }
    assert changed == {}


def test_demo_has_at_least_300_items_in_6_collections(facts):
    assert facts["items"] >= 300
    assert facts["collections"] >= 6


def test_demo_has_at_least_10_stories_half_of_them_translated(facts):
    assert facts["stories"] >= 10
    assert facts["translated_stories"] * 2 >= facts["stories"]


def test_demo_home_is_in_italian_and_english(facts):
    assert {"it", "en"} <= set(facts["home_languages"])


def test_demo_partner_profiles_are_in_italian_and_english(facts):
    assert facts["partners"] >= 5
    assert facts["partners_without_it_and_en"] == []


def test_demo_has_about_accessibility_and_contact_pages(facts):
    assert facts["standard_pages"] >= 2
    assert facts["form_fields"] >= 2


def test_demo_images_carry_alt_text_credit_and_rights(facts):
    assert facts["images"] >= 34
    assert facts["images_without_alt"] == []
    assert facts["images_without_credit_or_rights"] == []


def test_demo_items_that_need_care_carry_their_labels(facts):
    assert facts["care_labels"] == [
        ["187528", "culturally-restricted"],
        ["File:Bedouinwomanb.jpg", "deceased-people"],
        ["File:Bedouinwomanb.jpg", "harmful-language"],
    ]


def test_demo_pages_are_in_the_search_index(facts):
    assert facts["pages_not_in_the_search_index"] == []


def test_demo_images_know_where_they_are_used(facts):
    assert facts["images_without_their_usage"] == []


def test_demo_reduced_images_are_labelled_as_not_faithful(facts):
    assert (facts["reduced_without_note"], facts["faithful_with_note"]) == ([], [])


def test_demo_tree_is_consistent(facts):
    """No translated parent left with numchild 0 (upstream wagtail-localize#773)."""
    assert facts["tree_problems"] == [0, 0, 0, 0, 0]


def test_demo_pages_keep_the_tree_rules(facts):
    assert facts["items_not_under_a_collection"] == 0
    assert facts["collections_not_under_a_partner"] == 0


def test_demo_accounts_exist_with_the_demo_password(facts):
    names = set(facts["usernames"])
    assert {"admin", "moderator", "translator"} <= names
    editors = {name.removesuffix("-editor") for name in names if name.endswith("-editor")}
    assert editors == set(facts["partner_slugs"])
    assert facts["password_ok"] == {"admin": True, "moderator": True, "translator": True}
    assert facts["superusers"] == ["admin"]


def test_every_link_of_the_demo_site_works(demo):
    """Following internal links from each locale's home finds no 404 and no 500."""
    crawl = demo[1]["crawl"]
    assert crawl["complete"] or crawl["pages"] == CRAWL_LIMIT
    assert crawl["pages"] >= min(CRAWL_LIMIT or 1500, 1500)
    assert crawl["errors"] == {}


def test_the_suite_database_is_untouched_by_the_demo(db):
    """The demo ran on a database of its own: the suite's still has only the migrations' home."""
    from home.models import HomePage

    assert connection.settings_dict["NAME"] != ""
    assert HomePage.objects.count() == 1
