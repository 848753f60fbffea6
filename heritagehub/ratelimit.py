"""A small per-client rate limit on the Django cache, for public forms.

A fixed window per client address: the first counted request opens a window of ``window``
seconds; at ``limit`` requests in it the client is refused until it closes. The cache being
down must not take the public site down with it (docs/architecture.md, "When the cache is
down"), so a failing cache lets the request through and logs it.
"""

import hashlib
import ipaddress
import logging

from django.conf import settings
from django.core.cache import cache

logger = logging.getLogger(__name__)


def client_ip(request):
    """The client's address: REMOTE_ADDR, or the entry that the trusted proxies added.

    With ``TRUSTED_PROXY_COUNT = n`` the n-th address from the right of X-Forwarded-For is
    the client's as seen by the outermost trusted proxy; anything left of it is what the
    client claims and may be forged.
    """
    proxies = getattr(settings, "TRUSTED_PROXY_COUNT", 0)
    address = request.META.get("REMOTE_ADDR", "")
    if proxies:
        forwarded = [
            part.strip() for part in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")
        ]
        forwarded = [part for part in forwarded if part]
        if len(forwarded) >= proxies:
            address = forwarded[-proxies]
    try:
        return str(ipaddress.ip_address(address))
    except ValueError:
        return "unknown"


class RateLimit:
    def __init__(self, name, limit, window):
        self.name = name
        self.limit = limit
        self.window = window

    def _key(self, request):
        # Addresses are personal data: the cache keeps a hash of them, never the address.
        digest = hashlib.sha256(f"{settings.SECRET_KEY}:{client_ip(request)}".encode())
        return f"ratelimit:{self.name}:{digest.hexdigest()[:32]}"

    def exceeded(self, request):
        """True when the client has used up its requests in the current window."""
        try:
            return (cache.get(self._key(request)) or 0) >= self.limit
        except Exception:
            logger.exception("Rate limit %s: the cache is unavailable; not limiting", self.name)
            return False

    def hit(self, request):
        """Count one request of the client."""
        key = self._key(request)
        try:
            if not cache.add(key, 1, timeout=self.window):
                try:
                    cache.incr(key)
                except ValueError:  # expired between add and incr: a new window
                    cache.set(key, 1, timeout=self.window)
        except Exception:
            logger.exception("Rate limit %s: the cache is unavailable; not counting", self.name)
