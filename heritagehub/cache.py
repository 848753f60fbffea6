"""What the public site keeps in the cache: whole anonymous pages, the costly parts of pages
for every other visitor (heritagehub.page_parts), and the "chrome" every page shows (the
Wagtail Site, menus, footer, vocabulary names, view restrictions).

Every key includes one **generation** number, itself stored in the cache. Publishing,
unpublishing, moving or deleting a page, and changing an image, a vocabulary term, a
Site or a view restriction bumps it (``heritagehub.invalidation``), so one write makes every
cached page and chrome entry stale at once; they then age out of the cache. Nothing
finer is worth its cost: any publish can change listings, counts, featured cards,
menus and language fallbacks on many other pages, in every language, and working out
which would cost more than rendering them again.

The site keeps serving when the cache backend fails: every read and write is wrapped,
logs a warning and falls back to computing (or not caching) the value.
"""

import hashlib
import logging
import re
import time
from urllib.parse import urlencode

from django.conf import settings
from django.core.cache import cache
from django.db import connection, transaction
from django.db.models import Q
from django.http import HttpResponse
from django.http.request import split_domain_port
from django.utils import timezone, translation
from django.utils.cache import get_max_age
from wagtail.models import Page, PageViewRestriction, Site

from heritagehub.tree import below

logger = logging.getLogger(__name__)

GENERATION_KEY = "heritagehub:generation"
# Chrome entries outlive a page: the generation, not the timeout, makes them stale.
CHROME_SECONDS = 24 * 60 * 60
_MISSING = object()


def _get(key, default=None):
    try:
        return cache.get(key, default)
    except Exception as error:  # noqa: BLE001 - any backend failure must not break a page
        logger.warning("Cache read of %s failed: %s", key, error)
        return default


def _set(key, value, timeout):
    try:
        cache.set(key, value, timeout)
    except Exception as error:  # noqa: BLE001
        logger.warning("Cache write of %s failed: %s", key, error)


# Generation ----------------------------------------------------------------------------------


_last_generation = 0


def _new_generation():
    # Time-based rather than counted: a generation lost to eviction (or to a cleared cache)
    # is never reused, so entries of an older one, and the memos processes keep by
    # generation, cannot come back to life. Past the current one and the last this process
    # made even when the clock stands still (a test's frozen clock) or steps back.
    global _last_generation
    current = _get(GENERATION_KEY) or 0
    _last_generation = max(time.time_ns(), current + 1, _last_generation + 1)
    return _last_generation


def generation(request=None):
    """The current generation (memoized on ``request``), or None when the cache is down."""
    if request is not None and hasattr(request, "_heritagehub_generation"):
        return request._heritagehub_generation
    try:
        value = cache.get(GENERATION_KEY)
        if value is None:
            cache.add(GENERATION_KEY, _new_generation(), None)
            value = cache.get(GENERATION_KEY)  # another process may have won the race
    except Exception as error:  # noqa: BLE001 - any backend failure must not break a page
        logger.warning("Cache unavailable, pages are not cached: %s", error)
        value = None
    if request is not None:
        request._heritagehub_generation = value
    return value


def bump_generation(**kwargs):
    """Make every cached page and chrome entry stale (a signal receiver).

    Signals are sent inside the publishing transaction: a request served meanwhile by
    another process still reads the old rows and may cache them under the new generation,
    so the generation moves again once the transaction commits.
    """
    _set(GENERATION_KEY, _new_generation(), None)
    if connection.in_atomic_block and not any(
        callback is _bump_after_commit for _sids, callback, *_rest in connection.run_on_commit
    ):
        transaction.on_commit(_bump_after_commit)


def _bump_after_commit():
    _set(GENERATION_KEY, _new_generation(), None)


# Chrome --------------------------------------------------------------------------------------


def cached(name, compute, request=None):
    """``compute()``, kept in the cache under ``name`` for the current generation.

    With the cache down it is computed every time.
    """
    current = generation(request)
    if current is None:
        return compute()
    key = f"heritagehub:{current}:{name}"
    value = _get(key, _MISSING)
    if value is _MISSING:
        value = compute()
        _set(key, value, CHROME_SECONDS)
    return value


def cached_each(name, rows, key, compute, request=None):
    """``compute(rows)`` (one value a row, in order), kept in the cache row by row under
    ``name`` and ``key(row)`` for the current generation: one read for all of ``rows`` (a
    listing's twenty cards are one round trip to Redis), then ``compute`` of the rows not
    there (one query for their pages, not one a row) and one write of those.

    A listing renders only what changed since the last publish.
    """
    rows = list(rows)
    current = generation(request)
    if current is None or not rows:
        return compute(rows)
    keys = [f"heritagehub:{current}:{name}:{key(row)}" for row in rows]
    try:
        found = cache.get_many(keys)
    except Exception as error:  # noqa: BLE001 - any backend failure must not break a page
        logger.warning("Cache read of %s failed: %s", name, error)
        found = {}
    missing = [index for index, cache_key in enumerate(keys) if cache_key not in found]
    if missing:
        values = compute([rows[index] for index in missing])
        computed = {keys[index]: value for index, value in zip(missing, values, strict=True)}
        try:
            cache.set_many(computed, CHROME_SECONDS)
        except Exception as error:  # noqa: BLE001
            logger.warning("Cache write of %s failed: %s", name, error)
        found = {**found, **computed}
    return [found[cache_key] for cache_key in keys]


def cached_until(name, compute, now, request=None):
    """Like ``cached``, for a value that the clock also makes stale: ``compute()`` returns
    ``(value, valid_until)`` (a moment, or None for "until the generation changes"), and the
    value is recomputed from ``valid_until`` on (calls open and close by the clock)."""
    current = generation(request)
    if current is None:
        return compute()[0]
    key = f"heritagehub:{current}:{name}"
    stored = _get(key, _MISSING)
    if stored is not _MISSING and (stored[1] is None or now < stored[1]):
        return stored[0]
    value, valid_until = compute()
    seconds = CHROME_SECONDS
    if valid_until is not None:
        seconds = max(1, min(seconds, int((valid_until - now).total_seconds()) + 1))
    _set(key, (value, valid_until), seconds)
    return value


def site_for_request(request):
    """The Wagtail Site of the request (``Site.find_for_request``), from the cache by host
    and port: Wagtail would ask the database on every request."""
    if request is None or hasattr(request, "_wagtail_site"):
        return getattr(request, "_wagtail_site", None)
    hostname = split_domain_port(request._get_raw_host())[0]
    return cached(
        f"site:{hostname}:{request.get_port()}", lambda: Site.find_for_request(request), request
    )


def restricted_paths():
    """Tree paths of the pages with a view restriction (login, password, groups) and of
    their aliases: every page below one of them is private."""

    def query():
        restricted = PageViewRestriction.objects.values_list("page_id", flat=True)
        pages = Page.objects.filter(Q(id__in=restricted) | Q(alias_of_id__in=restricted))
        return tuple(pages.values_list("path", flat=True))

    return cached("restricted_paths", query)


def is_private(page):
    return any(page.path.startswith(path) for path in restricted_paths())


def without_private(queryset, field="path"):
    """``queryset.public()`` with the restricted subtrees from the cache: Wagtail's
    ``public()`` asks the database for them every time it is called. ``field`` names the
    path of a related page, to leave out rows that point to private pages ("agent__path")."""
    private = Q()
    for path in restricted_paths():
        private |= below(path, inclusive=True, field=field)
    return queryset.exclude(private) if private else queryset


# Anonymous pages -----------------------------------------------------------------------------


def page_cache_seconds():
    return getattr(settings, "HERITAGEHUB_PAGE_CACHE_SECONDS", 0)


# Query parameters a cached page may vary by, each with the values it may take. Apps
# register the parameters of their pages (register_query_parameters); a query string with
# any other parameter, a value that does not match, or too many values is rendered but
# never cached, so random query strings cannot push out the pages everyone reads.
QUERY_PARAMETERS = {
    "q": re.compile(r"[^\x00-\x1f\x7f]{1,200}"),  # site search (search.views)
    "page": re.compile(r"[1-9][0-9]{0,3}"),
}
MAX_VALUES_PER_PARAMETER = 20
# Distinct query strings cached per page and generation; the page without one always is.
MAX_QUERY_VARIANTS = 200


def register_query_parameters(**patterns):
    """``register_query_parameters(sort="title|date", …)``: parameters (full-match regular
    expressions of their values) by which a page's cached copies may vary. A name several
    apps use (``kind``, ``from``) takes the values any of them allows."""
    for name, pattern in patterns.items():
        known = QUERY_PARAMETERS.get(name)
        if known is not None and known.pattern != pattern:
            pattern = f"(?:{known.pattern})|(?:{pattern})"
        QUERY_PARAMETERS[name] = re.compile(pattern)


def normalised_query(request):
    """The request's query string with its parameters in a fixed order, or None when it
    cannot be cached (an unknown parameter, a value out of its pattern, too many values)."""
    pairs = []
    for name in sorted(request.GET):
        pattern = QUERY_PARAMETERS.get(name)
        values = request.GET.getlist(name)
        if pattern is None or len(values) > MAX_VALUES_PER_PARAMETER:
            return None
        if not all(pattern.fullmatch(value) for value in values):
            return None
        pairs += [(name, value) for value in values]
    return urlencode(pairs)


def page_key(request, language_code):
    """The key of a page for this request, or None when the cache is down or the query
    string is not one a page is cached for."""
    query = normalised_query(request)
    if query is None:
        return None
    current = generation(request)
    if current is None:
        return None
    address = f"{request.get_host()}{request.path}?{query}"
    digest = hashlib.sha256(address.encode()).hexdigest()
    return f"heritagehub:{current}:page:{language_code}:{digest}"


def admit_variant(request, kind="pages", seconds=None):
    """Whether one more query string of this page may be cached (MAX_QUERY_VARIANTS): of the
    whole page (``kind`` "pages", for ``page_cache_seconds``), or of its parts ("parts")."""
    if not request.GET:
        return True
    address = hashlib.sha256(f"{request.get_host()}{request.path}".encode()).hexdigest()
    key = f"heritagehub:{generation(request)}:variants:{kind}:{address}"
    try:
        cache.add(key, 0, page_cache_seconds() if seconds is None else seconds)
        return cache.incr(key) <= MAX_QUERY_VARIANTS
    except Exception as error:  # noqa: BLE001
        logger.warning("Cache count of %s failed: %s", key, error)
        return False


def get_page(key):
    """The cached response stored under ``key``, or None."""
    stored = _get(key)
    if stored is None:
        return None
    status, headers, content = stored
    response = HttpResponse(content, status=status)
    for name, value in headers:
        response[name] = value
    return response


def changes_at(request, moment):
    """The page being rendered for ``request`` changes at ``moment`` (a section of it, by the
    clock: a call closing, a "closes in N days" badge turning over with the day).

    The earliest moment a page's parts name is kept on the request; ``PageCacheMiddleware``
    then sends ``max-age`` no longer than until it, so neither this cache (``set_page``) nor
    a browser keeps the page past it. A page type that knows its own moment sets
    ``max-age`` itself (a call page); this is for parts drawn by template tags.
    """
    if request is None or moment is None:
        return
    current = getattr(request, "_heritagehub_changes_at", None)
    if current is None or moment < current:
        request._heritagehub_changes_at = moment


def noted_change(request):
    """The earliest moment ``changes_at`` noted for ``request``, or None."""
    return getattr(request, "_heritagehub_changes_at", None)


def seconds_until_change(request, now=None):
    """Seconds until the earliest moment ``changes_at`` noted for ``request`` (at least 1),
    or None when nothing on the page changes by the clock."""
    moment = noted_change(request)
    if moment is None:
        return None
    now = now or timezone.now()
    return max(1, int((moment - now).total_seconds()))


def set_page(key, response):
    headers = [(name, value) for name, value in response.items() if name.lower() != "set-cookie"]
    # A page that says it changes sooner (a call closing at its deadline: its max-age) is
    # kept no longer than that.
    seconds = page_cache_seconds()
    max_age = get_max_age(response)
    if max_age is not None:
        seconds = min(seconds, max_age)
    _set(key, (response.status_code, headers, response.content), seconds)


# Parts of pages ------------------------------------------------------------------------------


def parts_enabled():
    return getattr(settings, "HERITAGEHUB_CACHE_PAGE_PARTS", False)


def parts_key(request, name, variant=()):
    """The key of a page's parts (heritagehub.page_parts) as rendered for this request: its
    address (scheme, host, path, query string), the active language and ``variant`` (what
    else the page's parts depend on). None when they are not cached: the cache off or
    down, a preview, a query string no page is cached for (``normalised_query``)."""
    if not parts_enabled() or getattr(request, "is_preview", False):
        return None
    query = normalised_query(request)
    current = generation(request)
    if query is None or current is None:
        return None
    address = "|".join(
        [
            f"{request.scheme}://{request.get_host()}{request.path}?{query}",
            translation.get_language() or "",
            *(str(value) for value in variant),
        ]
    )
    digest = hashlib.sha256(address.encode()).hexdigest()
    return f"heritagehub:{current}:parts:{name}:{digest}"


def get_parts(key):
    """``(parts, moment)`` stored under ``key`` by ``set_parts``, or None."""
    return _get(key)


def set_parts(key, parts, moment, now=None):
    """Keep ``parts`` for the generation, and no later than ``moment`` (``changes_at``) when
    the clock changes them."""
    seconds = CHROME_SECONDS
    if moment is not None:
        now = now or timezone.now()
        seconds = max(1, min(seconds, int((moment - now).total_seconds())))
    _set(key, (parts, moment), seconds)
