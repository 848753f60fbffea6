"""The public site's request pipeline: whole anonymous pages from the cache, and the Wagtail
Site and page route found without the per-level queries Wagtail would run.

Both sit below the session, locale, CSRF, authentication, message and clickjacking
middleware (heritagehub/settings/base.py): they need to know the visitor's language,
session and login, and a page served from the cache still passes back through those on
its way out (Content-Language, security headers). A cache hit skips everything below it:
URL resolution, Wagtail's redirects and the view.
"""

from django.conf import settings
from django.contrib.messages.storage.cookie import CookieStorage
from django.core.exceptions import BadRequest
from django.http import Http404
from django.middleware.locale import LocaleMiddleware as DjangoLocaleMiddleware
from django.urls import Resolver404, resolve
from django.utils import translation
from django.utils.cache import get_max_age, patch_cache_control, patch_vary_headers
from django.utils.datastructures import MultiValueDictKeyError
from wagtail import views as wagtail_views
from wagtail.models import Site

from heritagehub import cache
from heritagehub.models.pages import LocaleFallbackRoutingMixin, route_request

# Views whose responses may be cached: Wagtail pages (and their sub-routes) and search.
CACHEABLE_VIEWS = {"wagtail_serve", "search"}
CACHE_HEADER = "X-Cache"


class PageCacheMiddleware:
    """Serve anonymous GET/HEAD requests for public pages from the cache.

    Only 200 responses are stored, and never when the visitor has a session or messages,
    is logged in, or when the response sets a cookie, used the CSRF token (forms), queued a
    message, asked not to be cached, or is a preview. ``X-Cache`` says ``hit``, ``miss``
    (rendered and stored) or ``bypass`` (rendered, not storable) while the cache is on
    (``HERITAGEHUB_PAGE_CACHE_SECONDS`` > 0). With a caching proxy in front
    (``WAGTAILFRONTENDCACHE``) the same pages are offered to it, and nothing else.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        page_cache_on = cache.page_cache_seconds() > 0
        proxy_max_age = frontend_cache_max_age()
        if not page_cache_on and proxy_max_age is None:
            return self.get_response(request)
        cacheable = _cacheable(request)
        key = None
        if page_cache_on and cacheable:
            key = cache.page_key(request, translation.get_language())
        if key is not None:
            response = cache.get_page(key)
            if response is not None:
                response[CACHE_HEADER] = "hit"
                return _for_proxy(response, proxy_max_age, shared=True)
        response = self.get_response(request)
        _keep_no_longer_than_its_next_change(request, response)
        shared = cacheable and _storable(request, response)
        if key is not None and request.method == "GET" and shared and cache.admit_variant(request):
            cache.set_page(key, response)
            response[CACHE_HEADER] = "miss"
        elif page_cache_on:
            response[CACHE_HEADER] = "bypass"
        return _for_proxy(response, proxy_max_age, shared)


def _keep_no_longer_than_its_next_change(request, response):
    """``max-age`` until the first moment a part of the page changes by the clock
    (``cache.changes_at``); ``patch_cache_control`` keeps a shorter one the page set."""
    seconds = cache.seconds_until_change(request)
    if seconds is not None:
        patch_cache_control(response, max_age=seconds)


def frontend_cache_max_age():
    """Seconds a caching proxy or CDN may keep an anonymous page, or None when the site has
    none (``WAGTAILFRONTENDCACHE`` unset: production settings, FRONTEND_CACHE_MAX_AGE)."""
    if not getattr(settings, "WAGTAILFRONTENDCACHE", None):
        return None
    return getattr(settings, "FRONTEND_CACHE_MAX_AGE", 0)


def _for_proxy(response, max_age, shared):
    """Tell a caching proxy what it may keep: the pages this cache could store, for
    ``max_age`` seconds (Wagtail purges a page when it is published); nothing else."""
    if max_age is None:
        return response
    if shared and max_age > 0:
        patch_cache_control(response, public=True, max_age=max_age)
    elif not response.has_header("Cache-Control") or shared:
        patch_cache_control(response, private=True)
    return response


def _cacheable(request):
    if request.method not in ("GET", "HEAD"):
        return False
    if {settings.SESSION_COOKIE_NAME, CookieStorage.cookie_name} & request.COOKIES.keys():
        return False
    try:
        match = resolve(request.path_info)
    except Resolver404:
        return False
    if match.url_name not in CACHEABLE_VIEWS:
        return False  # before the login check: other views (/health/) load no session
    return not (getattr(request, "user", None) is not None and request.user.is_authenticated)


def _storable(request, response):
    if response.status_code != 200 or response.streaming or response.cookies:
        return False
    if response.has_header("Vary") or _forbids_caching(response):
        return False
    if request.META.get("CSRF_COOKIE_NEEDS_UPDATE") or getattr(request, "is_preview", False):
        return False
    session = getattr(request, "session", None)
    if session is not None and session.modified:
        return False
    messages = getattr(request, "_messages", None)
    if messages is not None and (messages.used or messages._queued_messages):
        return False
    return not (getattr(request, "user", None) is not None and request.user.is_authenticated)


def _forbids_caching(response):
    control = response.get("Cache-Control", "").lower()
    return any(word in control for word in ("private", "no-cache", "no-store")) or (
        get_max_age(response) == 0
    )


class PublicSiteMiddleware:
    """The Wagtail Site from the cache, and a page's route found in one query.

    Wagtail looks the Site up in the database on every request, then routes from the
    site's root page in the visitor's language (its locale, its translation, its specific
    page, then one query per level). Wagtail keeps what it finds on the request
    (``request._wagtail_site``, ``request._wagtail_route_for_request``); this middleware
    fills both first: the Site from the cache (keyed by host and port, invalidated with
    the page-cache generation), the route with ``route_request``'s single lookup.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if translation.get_language_from_path(request.path_info) is not None:
            request._wagtail_site = cache.site_for_request(request)
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        if view_func is not wagtail_views.serve or hasattr(request, "_wagtail_route_for_request"):
            return None
        site = Site.find_for_request(request)
        root = site.root_page if site is not None else None
        if root is None or not issubclass(root.specific_class, LocaleFallbackRoutingMixin):
            return None  # Wagtail's own routing
        path = view_args[0] if view_args else view_kwargs.get("path", "")
        components = [part for part in path.split("/") if part]
        try:
            request._wagtail_route_for_request = route_request(request, root, components)
        except Http404:
            request._wagtail_route_for_request = None
        return None


class LocaleMiddleware(DjangoLocaleMiddleware):
    """Django's LocaleMiddleware, except that a 404 answered by a view outside the language
    prefixes (the JSON API, OAI-PMH, IIIF …) stays a 404.

    Django redirects any unprefixed 404 to the same path under the visitor's language when
    that path is valid, and Wagtail's catch-all makes every prefixed path valid: a missing
    API object would answer 302 to ``/it/api/…``. A request that resolved to a view has
    been answered by it; only paths that resolved to nothing get the language prefix.
    """

    def process_response(self, request, response):
        if response.status_code == 404 and getattr(request, "resolver_match", None):
            patch_vary_headers(response, ("Accept-Language",))
            response.headers.setdefault("Content-Language", translation.get_language())
            return response
        return super().process_response(request, response)


class IncompleteFormMiddleware:
    """A form sent without a field the browser always sends is a bad request (400), not a
    server error: Wagtail's StreamField and inline panels read their management fields
    (``body-count``, ``…-TOTAL_FORMS``) with ``request.POST[…]`` and would raise a 500.
    The view failed before saving anything."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_exception(self, request, exception):
        if isinstance(exception, MultiValueDictKeyError):
            raise BadRequest(f"The form sent is incomplete: {exception} is missing.") from exception
        return None
