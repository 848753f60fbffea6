"""Outages simulated in the test process: the database or the cache server gone.

tests/faultproxy.py cuts a real connection instead, between processes.
"""

import socket
import sqlite3
from contextlib import contextmanager
from unittest import mock

import psycopg
from django.db import connection


def closed_port():
    """A local TCP port nothing listens on: connecting to it is refused at once."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def unreachable_redis_cache():
    """CACHES as production configures them (django-redis ignoring its errors), pointing
    at a Redis server that is down."""
    return {
        "default": {
            "BACKEND": "django_redis.cache.RedisCache",
            "LOCATION": f"redis://127.0.0.1:{closed_port()}/0",
            "OPTIONS": {"IGNORE_EXCEPTIONS": True, "SOCKET_CONNECT_TIMEOUT": 0.25},
        }
    }


@contextmanager
def database_unreachable():
    """Every new cursor fails as the database driver fails when the server is gone."""

    def refuse(*args, **kwargs):
        with connection.wrap_database_errors:
            if connection.vendor == "sqlite":
                raise sqlite3.OperationalError("unable to open database file")
            raise psycopg.OperationalError(
                'connection to server at "127.0.0.1", port 5432 failed: Connection refused'
            )

    with mock.patch.object(connection, "_cursor", refuse):
        yield
