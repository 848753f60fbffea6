"""The site while the database is unreachable (heritagehub.resilience): a localized 503 with
Retry-After for every request, public or admin, and service again as soon as it is back.

The outage is simulated in the process (tests.outages); test_fault_smoke.py cuts a real
PostgreSQL connection instead.
"""

import logging
import sqlite3
from unittest import mock

import psycopg
import pytest
from django.db.utils import DataError, InterfaceError, OperationalError, ProgrammingError
from psycopg import errors as pg_errors

from heritagehub.resilience import is_database_unavailable
from tests.conftest import LANGUAGES, html_lang
from tests.outages import database_unreachable

pytestmark = pytest.mark.django_db

TITLE_503 = {
    "it": "Temporaneamente non disponibile",
    "en": "Temporarily unavailable",
    "fr": "Temporairement indisponible",
    "de": "Vorübergehend nicht verfügbar",
    "es": "Temporalmente no disponible",
}
TITLE_500 = {
    "it": "Si è verificato un errore",
    "en": "Something went wrong",
    "fr": "Une erreur s'est produite",
    "de": "Ein Fehler ist aufgetreten",
    "es": "Se ha producido un error",
}


@pytest.fixture
def visitor(client):
    client.raise_request_exception = False
    return client


@pytest.mark.parametrize("language", LANGUAGES)
def test_a_page_answers_a_503_in_the_language_of_its_address(tree, visitor, language):
    with database_unreachable():
        response = visitor.get(f"/{language}/")
    assert response.status_code == 503
    assert TITLE_503[language] in response.content.decode()
    assert html_lang(response) == language
    assert response["Content-Language"] == language


def test_the_503_asks_to_come_back_and_is_never_cached(tree, visitor):
    with database_unreachable():
        response = visitor.get("/it/")
    assert response["Retry-After"] == "30"
    assert "no-store" in response["Cache-Control"]


def test_the_503_shows_no_error_details(tree, visitor):
    with database_unreachable():
        content = visitor.get("/en/").content.decode()
    assert "Traceback" not in content
    assert "Connection refused" not in content
    assert "unable to open" not in content


def test_the_error_is_logged_once(tree, visitor, caplog):
    with caplog.at_level(logging.ERROR), database_unreachable():
        visitor.get("/it/")
    errors = [record for record in caplog.records if record.levelno >= logging.ERROR]
    assert [record.name for record in errors] == ["django.request"]
    assert errors[0].exc_info[0] is OperationalError


def test_an_address_without_language_answers_in_the_visitors_language(tree, visitor):
    with database_unreachable():
        response = visitor.get("/sitemap.xml", HTTP_ACCEPT_LANGUAGE="de-DE,de;q=0.9")
    assert response.status_code == 503
    assert TITLE_503["de"] in response.content.decode()


def test_the_admin_gets_the_same_503(tree, admin_client):
    admin_client.raise_request_exception = False
    with database_unreachable():
        response = admin_client.get("/admin/", HTTP_ACCEPT_LANGUAGE="fr")
    assert response.status_code == 503
    assert TITLE_503["fr"] in response.content.decode()


def test_the_site_serves_again_once_the_database_is_back(tree, visitor):
    with database_unreachable():
        assert visitor.get("/it/").status_code == 503
    assert visitor.get("/it/").status_code == 200


@pytest.mark.parametrize("language", LANGUAGES)
def test_other_errors_get_the_500_page_in_the_language_of_the_address(tree, visitor, language):
    with mock.patch("search.views.render", side_effect=RuntimeError("boom")):
        response = visitor.get(f"/{language}/search/?q=carta")
    assert response.status_code == 500
    content = response.content.decode()
    assert TITLE_500[language] in content
    assert html_lang(response) == language
    assert "boom" not in content


# Which errors mean "unavailable" -------------------------------------------------------------


def django_error(django_class, driver_error):
    """``driver_error`` as Django raises it: wrapped, the driver's error as its cause."""
    try:
        raise django_class(*driver_error.args) from driver_error
    except django_class as error:
        return error


@pytest.mark.parametrize(
    "driver_error",
    [
        psycopg.OperationalError("connection refused"),  # no answer: no SQLSTATE
        pg_errors.AdminShutdown("terminating connection due to administrator command"),
        pg_errors.CannotConnectNow("the database system is starting up"),
        pg_errors.TooManyConnections("too many clients already"),
        pg_errors.QueryCanceled("canceling statement due to statement timeout"),
        sqlite3.OperationalError("database is locked"),
    ],
    ids=lambda error: type(error).__name__ + ": " + str(error),
)
def test_connection_failures_mean_unavailable(driver_error):
    assert is_database_unavailable(django_error(OperationalError, driver_error))


@pytest.mark.parametrize(
    "error",
    [
        django_error(OperationalError, sqlite3.OperationalError("no such table: home_homepage")),
        django_error(OperationalError, pg_errors.DeadlockDetected("deadlock detected")),
        django_error(ProgrammingError, pg_errors.UndefinedTable('relation "x" does not exist')),
        django_error(DataError, pg_errors.NumericValueOutOfRange("integer out of range")),
        RuntimeError("boom"),
        None,
    ],
    ids=str,
)
def test_bugs_are_not_outages(error):
    assert not is_database_unavailable(error)


def test_a_closed_connection_means_unavailable():
    assert is_database_unavailable(InterfaceError("connection already closed"))


def test_an_outage_behind_another_error_means_unavailable():
    outage = django_error(OperationalError, psycopg.OperationalError("server closed"))
    try:
        raise RuntimeError("while rendering") from outage
    except RuntimeError as error:
        assert is_database_unavailable(error)


def test_the_error_pages_inline_style_is_allowed(tree, visitor):
    """They carry their style inline, to need nothing else from a failing site."""
    with database_unreachable():
        response = visitor.get("/it/")
    policy = dict(
        directive.strip().partition(" ")[::2]
        for directive in response["Content-Security-Policy"].split(";")
    )
    assert "'unsafe-inline'" in policy["style-src"]
    assert "'unsafe-inline'" not in policy["script-src"]
