"""No public request ends in a server error, whatever it carries (issue 13).

Every public URL pattern (discovered: tests/heritagehub/fuzz.py), every page type in every
language, every parameter a URL is seen with, and every public form are requested with
hostile values: huge, negative and non-numeric numbers, bogus choices, repeated
parameters, Unicode and NUL bytes, 10,000-character strings, malformed dates and tokens,
markup. Each answer must be a page, a redirect or a clear 4xx (a 400 with a message),
never a 5xx or a traceback, and never the markup sent back unescaped.

The run sends at least MIN_REQUESTS requests (HERITAGEHUB_FUZZ_REQUESTS raises it) in an
order drawn from HERITAGEHUB_FUZZ_SEED (fixed by default, so CI is reproducible; any
other seed tries other combinations). docs/security.md has the table of what is tried.
"""

import logging
import os
import random

import pytest
from django.apps import apps
from django.conf import settings
from django.core.signals import got_request_exception
from django.test import Client
from wagtail.models import Page, get_page_models

from heritage_collections.oai.protocol import VERBS
from heritagehub.api import api_router
from tests import factories
from tests.heritagehub import fuzz

pytestmark = pytest.mark.django_db

MIN_REQUESTS = 5_000
TARGET_REQUESTS = int(os.environ.get("HERITAGEHUB_FUZZ_REQUESTS", "5300"))
SEED = int(os.environ.get("HERITAGEHUB_FUZZ_SEED", "13"))
CRAWL_LIMIT = 400
POSTS_PER_FORM = 12
ALLOWED_STATUS = {200, 204, 301, 302, 303, 304, 400, 403, 404, 405, 410, 429}

ROOTS = [f"/{code}/" for code in fuzz.LANGUAGES] + [
    "/sitemap.xml",
    "/robots.txt",
    "/health/",
    "/api/v2/pages/",
    "/api/v2/images/",
    "/oai/?verb=Identify",
    "/oai/?verb=ListRecords&metadataPrefix=oai_dc",
    "/oai/?verb=ListIdentifiers&metadataPrefix=oai_dc",
    "/iiif/collections.json",
]


def project_page_models():
    """The hub's own page types (not Wagtail's base Page)."""
    base = str(settings.BASE_DIR)
    return [
        model
        for model in get_page_models()
        if model is not Page
        and apps.get_app_config(model._meta.app_label).path.startswith(base)
        and ".venv" not in apps.get_app_config(model._meta.app_label).path
    ]


def add_missing_page_types(home):
    """A live page of every page type the tree lacks, from ``tests.factories.<Type>Factory``
    under the first page that may hold it: new page types are fuzzed without editing this
    test (their factory is enough)."""
    missing = []
    for model in project_page_models():
        if model.objects.live().exists():
            continue
        factory = getattr(factories, f"{model.__name__}Factory", None)
        parent = next(
            (p for p in Page.objects.live().specific() if model.can_create_at(p)),
            None,
        )
        if factory is None or parent is None:
            missing.append(model.__name__)
            continue
        factory(parent=parent)
    return missing


def extra_parameters(route):
    """Parameters the endpoint documents itself: the API's and OAI-PMH's."""
    if route.startswith("api/"):
        names = set()
        for endpoint in api_router._endpoints.values():
            names |= set(endpoint.known_query_parameters)
        return names | {"id", "title", "slug"}
    if route.startswith("oai/"):
        return {"verb"} | {name for req, opt in VERBS.values() for name in req | opt}
    return set()


@pytest.fixture
def fuzz_site(tree, translate):
    translate(tree.home, "en", title="Heritage Hub")
    translate(tree.item, "en")
    missing = add_missing_page_types(tree.home)
    return missing


@pytest.fixture
def quiet_request_log():
    """4xx answers are logged as warnings by Django: thousands of them, on purpose."""
    logger = logging.getLogger("django.request")
    level = logger.level
    logger.setLevel(logging.CRITICAL)
    yield
    logger.setLevel(level)


class Fuzzer:
    def __init__(self):
        self.client = Client(raise_request_exception=False)
        self.sent = 0
        self.failures = []
        self.routes = set()
        self._exception = None
        got_request_exception.connect(self._record, weak=False)

    def _record(self, sender, request=None, **kwargs):
        import sys

        self._exception = repr(sys.exc_info()[1])[:300]

    def close(self):
        got_request_exception.disconnect(self._record)

    def check(self, method, url, **kwargs):
        self._exception = None
        self.client.cookies.clear()
        try:
            response = getattr(self.client, method)(url, **kwargs)
        except Exception as error:  # noqa: BLE001 - the client itself failing is a failure too
            self.failures.append((method, url[:200], "raised", repr(error)[:300]))
            return None
        self.sent += 1
        route = fuzz.route_of(url)
        if route:
            self.routes.add(route)
        problem = None
        # Read to the end: the test client closes a file response then.
        body = b"".join(response.streaming_content) if response.streaming else response.content
        if response.status_code not in ALLOWED_STATUS:
            problem = f"status {response.status_code}"
        elif b"Traceback (most recent call last)" in body:
            problem = "traceback in the body"
        elif response.status_code == 400 and method != "head" and not body.strip():  # HEAD: no body
            problem = "400 without a message"
        elif "html" in response.get("Content-Type", "") and fuzz.REFLECTED.encode() in body:
            problem = "markup reflected unescaped"
        if problem:
            self.failures.append((method, url[:200], problem, self._exception))
        return response


def test_no_public_request_ends_in_a_server_error(fuzz_site, quiet_request_log):
    assert not fuzz_site, f"page types with no live page and no factory: {fuzz_site}"
    rng = random.Random(SEED)
    fuzzer = Fuzzer()
    try:
        seeds = fuzz.crawl(fuzzer.client, ROOTS, CRAWL_LIMIT)
        patterns = fuzz.public_patterns()
        reached = {seed.route for seed in seeds.values()}
        for route, pattern in patterns.items():
            if route in reached:
                continue
            for sample in pattern.samples():
                if fuzz.route_of(sample) == route:
                    group = (route, "", "")
                    seeds[group] = fuzz.Seed(sample, route, group)
                    break
        unreachable = sorted(set(patterns) - {seed.route for seed in seeds.values()})
        assert not unreachable, f"public URL patterns no request can reach: {unreachable}"

        page_types = {seed.group[1] for seed in seeds.values()}
        unfuzzed = [m.__name__ for m in project_page_models() if m.__name__ not in page_types]
        assert not unfuzzed, f"page types the crawl did not reach: {unfuzzed}"

        for seed in seeds.values():
            seed.parameters |= extra_parameters(seed.route)
        post_forms = [(seed, form) for seed in seeds.values() for form in seed.post_forms]
        budget = (TARGET_REQUESTS - POSTS_PER_FORM * len(post_forms)) // len(seeds) + 1
        for seed in seeds.values():
            for url in fuzz.hostile_requests(seed, rng, budget):
                fuzzer.check("get", url)
            fuzzer.check("post", seed.url, data={"q": fuzz.HUGE})
            fuzzer.check("head", seed.url)
        for _seed, form in post_forms:
            for data in fuzz.hostile_posts(form, rng, POSTS_PER_FORM):
                fuzzer.check("post", form["action"], data=data)
    finally:
        fuzzer.close()

    print(f"\n{fuzzer.sent} hostile requests, {len(seeds)} kinds of URL, {len(patterns)} patterns")
    assert not fuzzer.failures, "\n".join(map(str, fuzzer.failures[:40]))
    assert set(patterns) <= fuzzer.routes
    assert fuzzer.sent >= MIN_REQUESTS
