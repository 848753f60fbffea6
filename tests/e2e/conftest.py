"""Real-browser tests: Playwright drives Debian's Chromium against pytest-django's live server.

**The browser** is Debian's ``chromium`` (``make browser`` installs it; Playwright's own
browser builds cannot be downloaded here), launched once per test process for the tests of
this package. Each test gets fresh browser contexts (no shared cookies), 1280×900.

**The database.** The live server answers from its own threads and connections, so these
tests commit (``transactional_db``), and Django flushes every table after each test. What the
migrations put in the test database (locales, the home page and site, vocabularies, groups,
the default workflow) would be lost with it, so the tests ask for
``django_db_serialized_rollback``: the database is serialized once when it is set up, Django
loads that snapshot before each test, and ``pytest_runtest_teardown`` below loads it again
after the flush — the tests that follow in the same process, and the next ``--reuse-db``
run, find the database as the migrations left it. Loading it takes ~0.15 s.

**Failures** leave a screenshot and the HTML of every page the test opened in
``test-results/e2e/<test name>.png`` / ``.html`` (``-2``, ``-3`` … for a second page).

**Playwright's sync API and Django.** While the browser is open, Playwright keeps an asyncio
loop running in the main thread. Under a running loop Django (1) refuses ORM calls
(SynchronousOnlyOperation) unless ``DJANGO_ALLOW_ASYNC_UNSAFE`` is set, and (2) hands out
*other* connection objects (``connections`` is thread-critical: context-local under a loop,
thread-local otherwise), which lack the snapshot pytest-django stored on the first. So the
browser lives only while this package's tests run (scope "package", not "session": later
tests of the same xdist worker never run under the loop), ``DJANGO_ALLOW_ASYNC_UNSAFE`` is
set for exactly that time (the tests build content with the ORM between browser calls, never
concurrently with them), and the snapshot is copied onto the connection seen under the loop.
"""

import os
import re
from pathlib import Path

import pytest
from django.db import DEFAULT_DB_ALIAS, connections
from playwright.sync_api import expect, sync_playwright

from tests.factories import TEST_PASSWORD

CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
# Without the background-networking flags Chromium keeps trying to reach Google's hosts,
# which this machine's closed network refuses.
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
VIEWPORT = {"width": 1280, "height": 900}
# Every action and assertion waits at most this long: a broken page fails in seconds.
TIMEOUT_MS = 10_000
RESULTS_DIR = Path("test-results") / "e2e"

_PAGES = pytest.StashKey[list]()
_RESTORE = pytest.StashKey[tuple]()

expect.set_options(timeout=TIMEOUT_MS)


@pytest.fixture(scope="package")
def migration_snapshot(django_db_setup, django_db_blocker):
    """What the migrations put in the test database, as pytest-django serialized it."""
    snapshot = getattr(connections[DEFAULT_DB_ALIAS], "_test_serialized_contents", "")
    if '"wagtailcore.locale"' not in snapshot:
        pytest.fail(
            "The test database holds no locales: an interrupted end-to-end run left it "
            "flushed. Run pytest once with --create-db."
        )
    return snapshot


@pytest.fixture(scope="package")
def browser(migration_snapshot):
    """Debian's Chromium, headless, for every test of tests/e2e in this process."""
    if not os.access(CHROMIUM, os.X_OK):
        pytest.fail(
            f"The end-to-end tests need Chromium at {CHROMIUM}: `make browser` installs "
            "Debian's package (apt-get install -y chromium)."
        )
    previous = os.environ.get("DJANGO_ALLOW_ASYNC_UNSAFE")
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    playwright = sync_playwright().start()
    try:
        # Under Playwright's loop: the connection the ORM uses from now on.
        connections[DEFAULT_DB_ALIAS]._test_serialized_contents = migration_snapshot
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser
        browser.close()
    finally:
        playwright.stop()
        if previous is None:
            del os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"]
        else:
            os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = previous


@pytest.fixture
def server_url(
    browser,
    live_server,
    django_db_serialized_rollback,
    django_db_blocker,
    migration_snapshot,
    request,
):
    """The live server's base URL, e.g. ``http://localhost:41234``; every write commits."""
    request.node.stash[_RESTORE] = (django_db_blocker, migration_snapshot)
    return live_server.url


@pytest.fixture
def new_page(browser, server_url, request):
    """``new_page(**context_options)``: a page in a fresh browser context (its own cookies),
    e.g. ``new_page(java_script_enabled=False)``. Relative URLs go to the live server."""
    contexts = []
    pages = request.node.stash.setdefault(_PAGES, [])

    def _new_page(**options):
        options = {"base_url": server_url, "viewport": VIEWPORT, **options}
        context = browser.new_context(**options)
        context.set_default_timeout(TIMEOUT_MS)
        contexts.append(context)
        page = context.new_page()
        pages.append(page)
        return page

    yield _new_page
    for context in contexts:
        context.close()


def sign_in(page, user):
    """Sign ``user`` in to the Wagtail admin with its login form, in ``page``."""
    page.goto("/admin/login/")
    page.get_by_label("Username").fill(user.username)
    page.get_by_label("Password").fill(TEST_PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    expect(page).to_have_url(re.compile(r"/admin/$"))
    return page


@pytest.fixture
def page(new_page):
    """A page in a fresh browser context, with JavaScript."""
    return new_page()


@pytest.hookimpl(wrapper=True)
def pytest_runtest_makereport(item, call):
    report = yield
    if report.failed and report.when in ("setup", "call"):
        saved = _save_pages(item)
        if saved:
            report.sections.append(("e2e pages", "\n".join(saved)))
    return report


@pytest.hookimpl(wrapper=True)
def pytest_runtest_teardown(item, nextitem):
    try:
        return (yield)
    finally:
        # After the fixtures' teardown, hence after Django's flush.
        if _RESTORE in item.stash:
            blocker, snapshot = item.stash[_RESTORE]
            with blocker.unblock():
                connections[DEFAULT_DB_ALIAS].creation.deserialize_db_from_string(snapshot)


def _save_pages(item):
    """A screenshot and the HTML of each page the test opened; what was saved, line by line."""
    pages = [page for page in item.stash.get(_PAGES, []) if not page.is_closed()]
    if not pages:
        return []
    directory = item.config.rootpath / RESULTS_DIR
    directory.mkdir(parents=True, exist_ok=True)
    name = re.sub(r"[^\w.-]+", "_", item.name).strip("_")
    saved = []
    for number, page in enumerate(pages, start=1):
        stem = name if number == 1 else f"{name}-{number}"
        try:
            page.screenshot(path=str(directory / f"{stem}.png"), full_page=True)
            (directory / f"{stem}.html").write_text(page.content(), encoding="utf-8")
        except Exception as error:  # a failed screenshot must not hide the test's own error
            saved.append(f"no screenshot of {stem}: {error}")
        else:
            saved.append(f"saved {directory / stem}.png and {stem}.html")
    return saved
