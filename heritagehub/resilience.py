"""Serving through a database outage: a friendly, localized 503 instead of an error page.

When PostgreSQL is unreachable (restarting, failing over, out of connections) every request
fails with the same few errors, wherever they are raised: in a view, a template, a
middleware (sessions, login), or Wagtail's own code. Django turns any exception a request
raises, including those from middleware, into the response of ``handler500``; so that is
where this is decided (``heritagehub.views.server_error``), not in a middleware, which would
only see the exceptions of the views below it.

The 503 page is rendered without the database (no context processors, no Site, no menus),
in the visitor's language, with ``Retry-After``. Django logs the error once
(``django.request``). Recovery needs nothing: a connection that failed is checked and
closed when the request finishes (``close_old_connections``), and with
``CONN_HEALTH_CHECKS`` a persistent connection is checked before its first use in the next
request, which then reconnects.
"""

import sqlite3

from django.db.utils import InterfaceError, OperationalError
from django.http import HttpResponse
from django.template import loader
from django.utils import translation
from django.utils.cache import add_never_cache_headers

RETRY_AFTER_SECONDS = 30

# PostgreSQL's SQLSTATE classes for an unavailable server, not a bad query: 08 connection
# exception, 53 insufficient resources (too many connections, disk full), 57 operator
# intervention (shutting down, starting up, statement timeout under load).
UNAVAILABLE_SQLSTATE_CLASSES = {"08", "53", "57"}
# SQLite's equivalents; "no such table" and other OperationalErrors are bugs (500).
UNAVAILABLE_SQLITE_MESSAGES = ("database is locked", "unable to open database file")


def is_database_unavailable(error):
    """True when ``error`` (or what caused it) means the database cannot be reached now.

    Every InterfaceError does (the connection is closed or broken). An OperationalError does
    when the server gave no answer at all (refused, lost, timed out) or answered with one of
    the SQLSTATE classes above; a query PostgreSQL rejects for what it says stays a 500.
    """
    seen = set()
    while error is not None and id(error) not in seen:
        seen.add(id(error))
        if isinstance(error, InterfaceError):
            return True
        if isinstance(error, OperationalError):
            return _is_outage(error.__cause__)
        error = error.__cause__ or error.__context__
    return False


def _is_outage(driver_error):
    """Whether the database driver's error behind Django's OperationalError is an outage."""
    if isinstance(driver_error, sqlite3.Error):
        return str(driver_error).startswith(UNAVAILABLE_SQLITE_MESSAGES)
    # psycopg 3 names the server's SQLSTATE ``sqlstate``, psycopg 2 ``pgcode``; neither is
    # set when the server never answered.
    sqlstate = getattr(driver_error, "sqlstate", None) or getattr(driver_error, "pgcode", None)
    if sqlstate:
        return sqlstate[:2] in UNAVAILABLE_SQLSTATE_CLASSES
    return True


def visitor_language(request):
    """The language of the URL's prefix, else the visitor's choice (cookie, Accept-Language),
    else the site's default: found without the database."""
    return translation.get_language_from_path(
        request.path_info
    ) or translation.get_language_from_request(request)


def render_standalone(request, template_name, status):
    """A page that needs neither the database nor context processors, in the visitor's
    language: the error pages, whose cause may be either."""
    language = visitor_language(request)
    with translation.override(language):
        content = loader.render_to_string(template_name)
    response = HttpResponse(content, status=status)
    response["Content-Language"] = language
    # Their style is inline, to need no other request; nothing on them comes from visitors.
    response._csp_update = {"style-src": ["'unsafe-inline'"]}
    return response


def database_unavailable(request):
    """The 503 answered to any request while the database is unreachable."""
    response = render_standalone(request, "503.html", status=503)
    response["Retry-After"] = str(RETRY_AFTER_SECONDS)
    add_never_cache_headers(response)
    return response
