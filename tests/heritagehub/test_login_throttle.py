"""Admin log-in throttling (django-axes, heritagehub.login_throttle): docs/security.md."""

from datetime import timedelta

import pytest
from axes.models import AccessAttempt, AccessLog
from django.core.management import call_command
from django.test import override_settings

from tests.factories import TEST_PASSWORD, UserFactory

LOGIN = "/admin/login/"
DJANGO_ADMIN_LOGIN = "/django-admin/login/"
LIMIT = 5


@pytest.fixture
def editor(db):
    return UserFactory(username="editor", is_superuser=True)


def sign_in(client, username, password, address="198.51.100.7", **headers):
    return client.post(
        LOGIN,
        {"username": username, "password": password},
        REMOTE_ADDR=address,
        HTTP_ACCEPT_LANGUAGE="en",
        **headers,
    )


def fail(client, username="editor", times=LIMIT, **kwargs):
    for _ in range(times):
        response = sign_in(client, username, "wrong-password", **kwargs)
    return response


def test_the_default_limit_is_five_failures_for_fifteen_minutes(settings):
    assert settings.AXES_FAILURE_LIMIT == LIMIT
    assert timedelta(minutes=15) == settings.AXES_COOLOFF_TIME
    assert settings.AUTHENTICATION_BACKENDS[0] == "axes.backends.AxesStandaloneBackend"


def test_failures_below_the_limit_leave_the_login_open(client, editor):
    fail(client, times=LIMIT - 1)
    response = sign_in(client, "editor", TEST_PASSWORD)
    assert response.status_code == 302
    assert response["Location"] == "/admin/"


def test_the_limit_locks_the_account_out_even_with_the_right_password(client, editor):
    fail(client)
    response = sign_in(client, "editor", TEST_PASSWORD)
    assert response.status_code == 429
    assert "_auth_user_id" not in client.session


def test_the_lockout_page_is_wagtails_sign_in_page_with_the_reason(client, editor):
    response = fail(client)
    assert response.status_code == 429
    html = response.content.decode()
    assert 'class="login-form"' in html
    assert "Too many failed sign-in attempts for “editor” from your connection." in html
    assert "try again in 15 minutes" in html
    assert response["Cache-Control"].startswith("max-age=0")


def test_another_user_from_the_same_address_can_still_sign_in(client, editor):
    UserFactory(username="moderator", is_superuser=True)
    fail(client)
    assert sign_in(client, "moderator", TEST_PASSWORD).status_code == 302


def test_the_same_user_from_another_address_can_still_sign_in(client, editor):
    fail(client)
    assert sign_in(client, "editor", TEST_PASSWORD, address="203.0.113.9").status_code == 302


def test_a_success_resets_the_count(client, editor):
    fail(client, times=LIMIT - 1)
    assert sign_in(client, "editor", TEST_PASSWORD).status_code == 302
    client.logout()
    fail(client, times=LIMIT - 1)
    assert sign_in(client, "editor", TEST_PASSWORD).status_code == 302


def test_the_lockout_ends_after_the_cool_off(client, editor):
    fail(client)
    AccessAttempt.objects.update(
        attempt_time=AccessAttempt.objects.get().attempt_time - timedelta(minutes=16)
    )
    assert sign_in(client, "editor", TEST_PASSWORD).status_code == 302


def test_the_lockout_lasts_through_the_cool_off(client, editor):
    fail(client)
    AccessAttempt.objects.update(
        attempt_time=AccessAttempt.objects.get().attempt_time - timedelta(minutes=14)
    )
    assert sign_in(client, "editor", TEST_PASSWORD).status_code == 429


@override_settings(TRUSTED_PROXY_COUNT=1)
def test_behind_a_proxy_the_forwarded_address_is_locked_out(client, editor):
    proxy = "10.0.0.2"
    fail(client, address=proxy, HTTP_X_FORWARDED_FOR="198.51.100.7")
    locked = sign_in(
        client, "editor", TEST_PASSWORD, address=proxy, HTTP_X_FORWARDED_FOR="198.51.100.7"
    )
    other = sign_in(
        client, "editor", TEST_PASSWORD, address=proxy, HTTP_X_FORWARDED_FOR="203.0.113.9"
    )
    assert (locked.status_code, other.status_code) == (429, 302)


def test_the_django_admin_login_is_throttled_too(client, editor):
    fail(client)
    response = client.post(
        DJANGO_ADMIN_LOGIN,
        {"username": "editor", "password": TEST_PASSWORD},
        REMOTE_ADDR="198.51.100.7",
    )
    assert response.status_code == 429


def test_axes_reset_unlocks_everyone(client, editor):
    fail(client)
    call_command("axes_reset", verbosity=0)
    assert sign_in(client, "editor", TEST_PASSWORD).status_code == 302


def test_a_request_without_an_address_is_logged_with_none(client, editor):
    """``force_login`` builds a request with no REMOTE_ADDR: axes stores NULL (PostgreSQL's
    inet column refuses anything else)."""
    client.force_login(editor)
    assert AccessLog.objects.get().ip_address is None
