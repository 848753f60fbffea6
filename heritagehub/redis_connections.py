"""Redis connections that fail fast while Redis is failing (production's cache).

django-redis ignores Redis errors in production (``IGNORE_EXCEPTIONS``): the page is
rendered as without a cache. A Redis server that stops answering (a network partition, a
frozen host) still costs every cache operation its socket timeout, and a page makes several:
measured, an item page waited 4 s. So after a connection error or timeout every connection
of the process fails at once, without touching the network, for
``REDIS_RETRY_AFTER_SECONDS`` (5 by default); then Redis is asked again. A Redis outage costs
each process at most one timeout in that time, and the log one warning per process and
pause (django-redis's own logging of ignored errors, a traceback per cache operation, is
off: hundreds a second during an outage would bury everything else).

The classes are given to redis-py's pool (``CONNECTION_POOL_KWARGS["connection_class"]``);
``connection_class_for`` picks the one for the URL's scheme.
"""

import logging
import time

from django.conf import settings
from redis.connection import Connection, SSLConnection, UnixDomainSocketConnection
from redis.exceptions import ConnectionError as RedisConnectionError
from redis.exceptions import TimeoutError as RedisTimeoutError

logger = logging.getLogger(__name__)

DEFAULT_RETRY_AFTER_SECONDS = 5.0


class FailFastMixin:
    # Shared by every connection of the process: one failure pauses them all.
    paused_until = 0.0

    def connect_check_health(self, *args, **kwargs):
        self._refuse_while_paused()
        return self._pausing_on_failure(super().connect_check_health, *args, **kwargs)

    def send_packed_command(self, *args, **kwargs):
        self._refuse_while_paused()
        return self._pausing_on_failure(super().send_packed_command, *args, **kwargs)

    def read_response(self, *args, **kwargs):
        return self._pausing_on_failure(super().read_response, *args, **kwargs)

    @staticmethod
    def _refuse_while_paused():
        if time.monotonic() < FailFastMixin.paused_until:
            raise RedisConnectionError("Redis failed moments ago; not asked again yet.")

    @staticmethod
    def _pausing_on_failure(method, *args, **kwargs):
        try:
            return method(*args, **kwargs)
        except (RedisConnectionError, RedisTimeoutError) as error:
            pause = getattr(settings, "REDIS_RETRY_AFTER_SECONDS", DEFAULT_RETRY_AFTER_SECONDS)
            now = time.monotonic()
            already_paused = now < FailFastMixin.paused_until
            FailFastMixin.paused_until = now + pause
            if already_paused:  # one failure can surface twice (reading, then disconnecting)
                raise
            logger.warning(
                "Redis failed (%s): pages are served without the cache; asking again in %g s.",
                error,
                pause,
            )
            raise


class FailFastConnection(FailFastMixin, Connection):
    """redis://"""


class FailFastSSLConnection(FailFastMixin, SSLConnection):
    """rediss://"""


class FailFastUnixDomainSocketConnection(FailFastMixin, UnixDomainSocketConnection):
    """unix://"""


def connection_class_for(url):
    """The fail-fast connection class for a Redis URL (redis-py chooses by scheme too)."""
    scheme = url.partition("://")[0].lower()
    return {
        "rediss": FailFastSSLConnection,
        "unix": FailFastUnixDomainSocketConnection,
    }.get(scheme, FailFastConnection)
