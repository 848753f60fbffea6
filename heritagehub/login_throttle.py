"""The page a locked-out log-in gets (django-axes' ``AXES_LOCKOUT_CALLABLE``).

django-axes counts failed log-ins per username and client address and, past
``AXES_FAILURE_LIMIT``, refuses that pair for ``AXES_COOLOFF_TIME`` even with the right
password. Its own answer is a bare text; editors get Wagtail's sign-in page instead, saying
what happened and for how long, with status 429 (Too Many Requests).
"""

import math

from axes.helpers import get_client_username, get_cool_off
from django.shortcuts import render
from django.utils.cache import add_never_cache_headers
from django.utils.translation import gettext, ngettext
from wagtail.admin.forms.auth import LoginForm
from wagtail.admin.views.account import password_reset_enabled

from heritagehub.ratelimit import client_ip

TEMPLATE = "heritagehub/admin/login_locked_out.html"


def client_address(request):
    """The client's address for django-axes (``AXES_CLIENT_IP_CALLABLE``): the public forms'
    ``client_ip``, honouring ``TRUSTED_PROXY_COUNT``; None when there is none (a request
    built in code, e.g. ``Client.force_login``), which axes stores as NULL."""
    address = client_ip(request)
    return None if address == "unknown" else address


def lockout_message(username, cool_off):
    minutes = max(1, math.ceil(cool_off.total_seconds() / 60)) if cool_off else None
    if minutes is None:
        return gettext(
            "Too many failed sign-in attempts for “%(username)s” from your connection. "
            "Signing in to this account is blocked: ask an administrator to unblock it."
        ) % {"username": username}
    return ngettext(
        "Too many failed sign-in attempts for “%(username)s” from your connection. "
        "For your security, signing in to this account is paused: try again in %(minutes)d "
        "minute.",
        "Too many failed sign-in attempts for “%(username)s” from your connection. "
        "For your security, signing in to this account is paused: try again in %(minutes)d "
        "minutes.",
        minutes,
    ) % {"username": username, "minutes": minutes}


def lockout_response(request, original_response=None, credentials=None):
    """Wagtail's sign-in page with the lock-out explained, status 429."""
    username = get_client_username(request, credentials) or ""
    context = {
        "form": LoginForm(request, initial={"username": username}),
        "lockout_message": lockout_message(username, get_cool_off(request)),
        "show_password_reset": password_reset_enabled(),
    }
    response = render(request, TEMPLATE, context, status=429)
    add_never_cache_headers(response)
    return response
