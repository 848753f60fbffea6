"""``/health/``: whether this process can serve, for load balancers and monitoring
(docs/architecture.md, "Health and outages").

200 when the database answers, 503 when it does not. The cache is reported but does not
decide: the site serves without it, only slower. Cheap enough to be probed every few
seconds: one query (two with a persistent connection's health check), two cache
operations, no session, never cached anywhere.
"""

import logging

from django.core.cache import cache
from django.db import DatabaseError, connection
from django.http import JsonResponse
from django.utils.cache import add_never_cache_headers

logger = logging.getLogger(__name__)

CACHE_PROBE_KEY = "heritagehub:health"


def database_status():
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except DatabaseError as error:
        logger.warning("Health check: the database is unavailable: %s", error)
        return "unavailable"
    return "ok"


def cache_status():
    # Every probe writes the same value, so concurrent probes cannot disagree; a backend
    # that ignores its errors (django-redis in production) answers None to the read.
    try:
        cache.set(CACHE_PROBE_KEY, "ok", 60)
        answered = cache.get(CACHE_PROBE_KEY)
    except Exception as error:  # noqa: BLE001 - any backend failure means "unavailable"
        logger.warning("Health check: the cache is unavailable: %s", error)
        return "unavailable"
    return "ok" if answered == "ok" else "unavailable"


def health(request):
    database = database_status()
    status = "ok" if database == "ok" else "unavailable"
    response = JsonResponse(
        {"status": status, "database": database, "cache": cache_status()},
        status=200 if status == "ok" else 503,
    )
    add_never_cache_headers(response)
    return response
