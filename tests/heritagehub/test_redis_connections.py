"""heritagehub.redis_connections: production's cache leaves a failing Redis alone for a while,
so that a Redis that stopped answering costs one timeout, not one per cache operation."""

import socket

import pytest
from django.test import override_settings
from django_redis.cache import RedisCache

from heritagehub.ratelimit import RateLimit
from heritagehub.redis_connections import (
    FailFastConnection,
    FailFastMixin,
    FailFastSSLConnection,
    FailFastUnixDomainSocketConnection,
    connection_class_for,
)
from tests.outages import unreachable_redis_cache


@pytest.fixture
def silent_redis():
    """A server that accepts connections and never answers (a frozen Redis host)."""
    with socket.create_server(("127.0.0.1", 0)) as server:
        server.setblocking(False)
        yield server


@pytest.fixture(autouse=True)
def not_paused():
    FailFastMixin.paused_until = 0.0
    yield
    FailFastMixin.paused_until = 0.0


def production_cache(server):
    """The cache as heritagehub.settings.production configures it, with a short timeout."""
    port = server.getsockname()[1]
    return RedisCache(
        f"redis://127.0.0.1:{port}/0",
        {
            "OPTIONS": {
                "IGNORE_EXCEPTIONS": True,
                "SOCKET_CONNECT_TIMEOUT": 0.2,
                "SOCKET_TIMEOUT": 0.2,
                "CONNECTION_POOL_KWARGS": {"connection_class": FailFastConnection},
            }
        },
    )


def connections_made(server):
    count = 0
    while True:
        try:
            connection, _address = server.accept()
        except BlockingIOError:
            return count
        connection.close()
        count += 1


def test_a_silent_redis_is_asked_once(silent_redis):
    cache = production_cache(silent_redis)
    answers = [cache.get("key", "default") for _ in range(10)]
    assert answers == ["default"] * 10
    assert connections_made(silent_redis) == 1


def test_writes_are_skipped_too(silent_redis):
    cache = production_cache(silent_redis)
    cache.get("key")
    cache.set("key", "value")
    cache.add("other", "value")
    assert connections_made(silent_redis) == 1


def test_a_failure_is_logged_once_a_pause(silent_redis, caplog):
    cache = production_cache(silent_redis)
    for _ in range(10):
        cache.get("key")
    warnings = [r for r in caplog.records if r.name == "heritagehub.redis_connections"]
    assert len(warnings) == 1
    assert "served without the cache" in warnings[0].getMessage()


def test_redis_is_asked_again_after_the_pause(silent_redis):
    cache = production_cache(silent_redis)
    cache.get("key")
    FailFastMixin.paused_until = 0.0  # the pause is over
    cache.get("key")
    assert connections_made(silent_redis) == 2


@pytest.mark.parametrize(
    ("url", "connection_class"),
    [
        ("redis://cache:6379/0", FailFastConnection),
        ("rediss://cache:6380/0", FailFastSSLConnection),
        ("unix:///run/redis.sock?db=0", FailFastUnixDomainSocketConnection),
    ],
)
def test_the_connection_class_keeps_the_urls_transport(url, connection_class):
    assert connection_class_for(url) is connection_class


@override_settings(CACHES=unreachable_redis_cache())
def test_the_rate_limit_lets_requests_through_while_redis_is_down(rf):
    limit = RateLimit("test", limit=1, window=60)
    request = rf.post("/it/share/")
    for _ in range(3):
        limit.hit(request)
    assert not limit.exceeded(request)
