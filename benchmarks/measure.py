"""Measure the public pages of the bench database in-process, as a server would serve them.

``pick_urls`` chooses, for each URL class, up to ``per_class`` URLs (different items,
partners, facets and queries, in every language); ``measure`` requests each one with
django.test.Client as a first-time anonymous visitor (no cookies): one warm-up request, one
request whose SQL queries are counted (CaptureQueriesContext), then ``repeat`` requests timed
with time.perf_counter() and nothing else recording. Times are server times: routing,
middleware, queries and rendering, without network or WSGI server.
"""

import logging
import math
import random
import statistics
import threading
import time
from contextlib import contextmanager
from dataclasses import asdict, dataclass, field
from itertools import product
from urllib.parse import urlencode

from django.conf import settings
from django.core.cache import cache
from django.db import DatabaseError, connection
from django.db.models import Count
from django.test import Client
from django.test.utils import CaptureQueriesContext, override_settings
from wagtail.models import Page

from authorities.models import AgentPage, AuthorityIndexPage, PlacePage
from heritage_collections.models import (
    CollectionIndexPage,
    ItemAgent,
    ItemImage,
    ItemPage,
    ItemPlace,
)
from heritagehub.i18n import url_in_language
from heritagehub.rights import Reuse
from partners.models import PartnerPage
from stories.models import StoryPage

# (key, label, target for the median in ms; the query target is in benchmarks.report).
URL_CLASSES = [
    ("home", "home", 15),
    ("browse", "collection index, no filter", 60),
    ("browse_facets", "collection index, two facets", 60),
    ("browse_years", "collection index, a period of the timeline", 60),
    ("browse_query", "collection index, text query", 80),
    ("item", "item", 15),
    ("story", "story", 15),
    ("partner", "partner", 15),
    ("authority", "person, organisation or place", 15),
    ("search", "site search", 80),
]
PAGE_CACHE_SECONDS = 600
REQUEST_LIMIT_SECONDS = 30
CLASS_BUDGET_SECONDS = 90  # no further URLs of a page class once its requests took this long
# Words visitors look for in a hub of European art and archives (English, Italian, French).
QUERY_WORDS = [
    "Turner", "Venice", "landscape", "portrait", "Torino", "river", "London", "sketch",
    "Genova", "mill", "harbour", "Rome", "church", "bridge", "mountain", "sea", "paysage",
    "ritratto", "Bologna", "woman",
]  # fmt: skip
BROWSE_VARIANTS = ["", "?page=2", "?sort=date", "?page=10", "?sort=title&page=100"]
# Periods a visitor reaches through the timeline: centuries, then decades within them.
TIMELINE_PERIODS = [(1601, 1700), (1701, 1800), (1801, 1900), (1901, 2000), (1750, 1799)]
TIMELINE_PERIODS += [(first, first + 9) for first in range(1780, 1900, 10)]
SAMPLE_ITEMS = 400  # items whose facts give the facet combinations


@dataclass
class ClassResult:
    key: str
    label: str
    target_ms: int
    urls: int = 0
    times_ms: list = field(default_factory=list)
    # CPU time of the serving thread per request: on a busy machine, what the request costs
    # a free core (with SQLite in-process; PostgreSQL's own work is not in it).
    cpu_ms: list = field(default_factory=list)
    queries: list = field(default_factory=list)  # one count per URL
    x_cache: dict = field(default_factory=dict)  # header value → timed requests
    timed_out: str = ""  # the URL whose request took longer than REQUEST_LIMIT_SECONDS
    url_medians: dict = field(default_factory=dict)  # URL → its median ms

    @property
    def median_ms(self):
        return statistics.median(self.times_ms) if self.times_ms else None

    @property
    def cpu_median_ms(self):
        return statistics.median(self.cpu_ms) if self.cpu_ms else None

    @property
    def p95_ms(self):
        return percentile(self.times_ms, 95)

    @property
    def measured_urls(self):
        return len(self.url_medians)

    @property
    def slowest(self):
        """(URL, median ms) of the slowest URL, or None."""
        measured = [(ms, url) for url, ms in self.url_medians.items() if ms is not None]
        return max(measured)[::-1] if measured else None

    def as_dict(self):
        data = asdict(self)
        data.update(
            median_ms=self.median_ms,
            cpu_median_ms=self.cpu_median_ms,
            p95_ms=self.p95_ms,
            slowest=self.slowest,
            measured_urls=self.measured_urls,
            limit_s=REQUEST_LIMIT_SECONDS,
        )
        return data


def percentile(values, pct):
    """The nearest-rank percentile: the smallest value with ``pct`` % of values at or below."""
    if not values:
        return None
    ordered = sorted(values)
    return ordered[max(0, math.ceil(pct / 100 * len(ordered)) - 1)]


# --- choosing the URLs ---------------------------------------------------------------------


def languages():
    return [code for code, _name in settings.LANGUAGES]


def pick_urls(per_class=20, seed=0):
    """{class key: [URL, …]}: the URLs to measure, the same for the same database and seed."""
    rng = random.Random(seed)
    langs = languages()
    index = CollectionIndexPage.objects.live().filter(locale__language_code=langs[0]).first()
    items = _sample_items(rng)

    def browse(query_strings):
        combos = list(product(langs, query_strings))
        return [url_in_language(index, code) + qs for code, qs in _take(rng, combos, per_class)]

    words = _take(rng, QUERY_WORDS, per_class)
    return {
        "home": [f"/{code}/" for code in langs],
        "browse": browse(BROWSE_VARIANTS) if index else [],
        "browse_facets": browse(_facet_query_strings(items, rng, per_class)) if index else [],
        "browse_years": browse([f"?from={a}&to={b}" for a, b in TIMELINE_PERIODS]) if index else [],
        "browse_query": browse([f"?q={word}" for word in words]) if index else [],
        "item": _page_urls(items[:per_class], rng),
        "story": _page_urls(_take(rng, list(_source_pages(StoryPage)), per_class), rng),
        "partner": _page_urls(_take(rng, list(_source_pages(PartnerPage)), per_class), rng),
        "authority": _authority_urls(rng, per_class),
        "search": [f"/{rng.choice(langs)}/search/?q={word}" for word in words],
    }


def _take(rng, population, count):
    return rng.sample(population, min(count, len(population)))


def _source_pages(model):
    """One live page per translation key (the lowest id), so each page is picked once."""
    pages = {}
    for page in model.objects.live().order_by("pk"):
        pages.setdefault(page.translation_key, page)
    return pages.values()


def _most_linked(link_model, field):
    """The record with the most item links (a person's works, a town's items): the longest
    lists a record page shows."""
    top = (
        link_model.objects.values(f"{field}__translation_key")
        .annotate(links=Count("pk"))
        .order_by("-links")
        .values_list(f"{field}__translation_key", flat=True)[:1]
    )
    model = link_model._meta.get_field(field).related_model
    return model.objects.live().filter(translation_key__in=list(top)).order_by("pk").first()


def _authority_urls(rng, per_class):
    """Record pages: the person and the place with the most linked items in every language
    (and a later page of their lists), the records' index, then random records in random
    languages up to ``per_class`` URLs."""
    langs = languages()
    urls = []
    largest = [_most_linked(ItemAgent, "agent"), _most_linked(ItemPlace, "place")]
    largest = [record for record in largest if record is not None]
    for record in largest:
        urls += [url_in_language(record, code) for code in langs]
        urls.append(url_in_language(record, rng.choice(langs)) + "?page=2")
    index = AuthorityIndexPage.objects.live().filter(locale__language_code=langs[0]).first()
    if index is not None:
        urls.append(url_in_language(index, rng.choice(langs)))
    taken = {record.translation_key for record in largest}
    records = [
        page
        for model in (AgentPage, PlacePage)
        for page in _source_pages(model)
        if page.translation_key not in taken
    ]
    return urls + _page_urls(_take(rng, records, max(0, per_class - len(urls))), rng)


def _sample_items(rng):
    """Live items: random ones, plus items with images and translated items if any."""
    ids = list(ItemPage.objects.live().values_list("pk", flat=True))
    chosen = _take(rng, ids, SAMPLE_ITEMS)
    with_images = list(ItemImage.objects.values_list("page_id", flat=True).distinct()[:50])
    chosen[1:1] = _take(rng, with_images, 3)
    items = ItemPage.objects.filter(pk__in=chosen).select_related("object_type")
    by_pk = {item.pk: item for item in items.prefetch_related("tags", "images")}
    return [by_pk[pk] for pk in dict.fromkeys(chosen) if pk in by_pk]


def _page_urls(pages, rng):
    langs = languages()
    return [url_in_language(page, rng.choice(langs)) for page in pages]


def facet_values(item):
    """{browse parameter: value} of the facets ``item`` has a value for, as browse URLs
    spell them (heritage_collections.browse)."""
    parts = item.url_path.strip("/").split("/")  # home/partners/<partner>/<collection>/<item>
    values = {"partner": parts[-3], "collection": f"{parts[-3]}/{parts[-2]}"}
    if item.object_type_id:
        values["type"] = item.object_type.slug
    if item.date_start is not None:
        values["century"] = str(century_of(item.date_start))
    if item.place_name:
        values["place"] = item.place_name
    tags = list(item.tags.all())
    if tags:
        values["tag"] = tags[0].slug
    if list(item.images.all()):
        values["image"] = "1"
    values["rights"] = Reuse.of(item.rights).value
    return values


def century_of(year):
    """19 for 1801–1900, -1 for 100 BCE–1 BCE: the browse URLs' century numbers."""
    return (year - 1) // 100 + 1 if year > 0 else -((-year) // 100 + 1)


def _facet_query_strings(items, rng, count):
    """Two facets of one real item each (so that most combinations find something)."""
    strings = []
    for item in items[:count]:
        values = facet_values(item)
        pair = rng.sample(sorted(values), 2)
        strings.append("?" + urlencode([(param, values[param]) for param in pair]))
    return strings


# --- measuring -------------------------------------------------------------------------------


class PageError(AssertionError):
    pass


class RequestTimeout(Exception):
    pass


def measure(urls, repeat=5, page_cache=False, log=None):
    """{class key: ClassResult} for ``urls`` (from ``pick_urls``), with the anonymous page
    cache off or on (warm: each URL's first request fills it). A request slower than
    REQUEST_LIMIT_SECONDS ends its class's measurement: the class is reported as timed out;
    after CLASS_BUDGET_SECONDS a class's remaining URLs are left out (``measured_urls``)."""
    seconds = PAGE_CACHE_SECONDS if page_cache else 0
    results = {}
    # A cancelled request would log its traceback as a server error; a failing page raises.
    request_logger = logging.getLogger("django.request")
    with (
        override_settings(HERITAGEHUB_PAGE_CACHE_SECONDS=seconds),
        _disabled(request_logger),
    ):
        if page_cache:
            cache.clear()
        client = Client()
        for key, label, target in URL_CLASSES:
            result = results[key] = ClassResult(key, label, target, urls=len(urls.get(key, [])))
            started = time.perf_counter()
            for url in urls.get(key, []):
                try:
                    _measure_url(client, url, repeat, result)
                except RequestTimeout:
                    result.timed_out = url
                    break  # the class's other URLs would keep the benchmark as long
                if time.perf_counter() - started > CLASS_BUDGET_SECONDS:
                    break  # slow pages: the URLs measured so far tell enough
            if log:
                median = f"{result.median_ms:.1f} ms" if result.times_ms else "–"
                log(f"{'cache on' if page_cache else 'cache off'}, {label}: median {median}")
    return results


def _measure_url(client, url, repeat, result):
    _get(client, url)  # warm-up: Wagtail's caches, the page cache
    with CaptureQueriesContext(connection) as queries:
        _get(client, url)
    result.queries.append(len(queries.captured_queries))
    times = []
    for _ in range(repeat):
        started, cpu_started = time.perf_counter(), time.thread_time()
        response = _get(client, url)
        times.append((time.perf_counter() - started) * 1000)
        result.cpu_ms.append((time.thread_time() - cpu_started) * 1000)
        state = response.headers.get("X-Cache", "none")
        result.x_cache[state] = result.x_cache.get(state, 0) + 1
    result.times_ms += times
    result.url_medians[url] = statistics.median(times) if times else None


def _get(client, url):
    client.cookies.clear()  # a first-time anonymous visitor
    with time_limit(REQUEST_LIMIT_SECONDS):
        response = client.get(url)
    if response.status_code != 200:
        raise PageError(f"{url} answered {response.status_code}, not 200.")
    return response


@contextmanager
def _disabled(logger):
    logger.disabled = True
    try:
        yield
    finally:
        logger.disabled = False


@contextmanager
def time_limit(seconds):
    """Raise RequestTimeout when the block takes more than ``seconds``, cancelling the
    database query then running (from a timer thread: SQLite's interrupt(), psycopg's
    cancel()) so that one pathological page cannot hold the benchmark for minutes."""
    connection.ensure_connection()
    raw = connection.connection  # the timer thread has a database connection of its own
    fired = threading.Event()

    def cancel():
        fired.set()
        if connection.vendor == "sqlite":
            raw.interrupt()
        else:
            raw.cancel()

    timer = threading.Timer(seconds, cancel)
    timer.start()
    try:
        yield
    except DatabaseError as error:
        if fired.is_set():
            raise RequestTimeout() from error
        raise
    finally:
        timer.cancel()
    if fired.is_set():
        raise RequestTimeout()


def item_count():
    return ItemPage.objects.values("translation_key").distinct().count()


def database_version():
    with connection.cursor() as cursor:
        if connection.vendor == "sqlite":
            cursor.execute("select sqlite_version()")
            return f"SQLite {cursor.fetchone()[0]}"
        cursor.execute("show server_version")
        return f"PostgreSQL {cursor.fetchone()[0]}"


def page_count():
    return Page.objects.count()
