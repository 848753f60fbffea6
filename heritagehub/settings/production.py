"""Production: every secret, host and service comes from the environment.

Run with ``gunicorn -c gunicorn.conf.py heritagehub.wsgi`` (web) and ``manage.py db_worker``
(background tasks); docs/deployment.md tells the whole story. Environment variables:

Required
  SECRET_KEY                 50+ random characters.
  DATABASE_URL               postgres://user:password@host:5432/name
  ALLOWED_HOSTS              comma-separated host names the site answers to.

Hosts and HTTPS
  CSRF_TRUSTED_ORIGINS       comma-separated origins (https://hub.example.org) for form posts
                             arriving through another origin; none by default.
  SECURE_SSL_REDIRECT        redirect http to https (default true; /health/ is exempt).
  SECURE_HSTS_SECONDS        Strict-Transport-Security max-age (default 31536000, one year).
  SECURE_HSTS_PRELOAD        ask browsers to preload HSTS (default false).
  TRUSTED_PROXY_COUNT        proxies appending to X-Forwarded-For (base.py; default 0).

Database
  DB_CONN_MAX_AGE            seconds a connection is reused (default 60; 0 = one a request).
  DB_SERVER_SIDE_BINDING     false for a pooler that cannot keep prepared statements
                             (default true: repeated queries are planned once a connection).
                             Connections are health-checked before reuse, so a restarted
                             PostgreSQL is reconnected to without restarting the app.

Cache and sessions
  REDIS_URL                  redis://host:6379/0. Without it each process caches in memory
                             and learns of no other's publishing: run one gunicorn process
                             (gunicorn.conf.py's default then), threads for concurrency.
  REDIS_CONNECT_TIMEOUT      seconds to connect to Redis (default 0.25).
  REDIS_TIMEOUT              seconds to wait for an answer (default 0.5).
  REDIS_RETRY_AFTER_SECONDS  after a Redis error or timeout, seconds the process leaves Redis
                             alone before asking again (default 5).
  Errors of Redis are logged and ignored (the page is rendered uncached); sessions are kept
  in the database behind the cache, so logins survive a Redis outage.

Media (uploaded images and documents)
  MEDIA_ROOT, MEDIA_URL      local storage (default: media/ and /media/, served by the proxy).
  AWS_STORAGE_BUCKET_NAME    S3-compatible object storage instead of MEDIA_ROOT, with
  AWS_S3_ENDPOINT_URL        the provider's endpoint (empty for AWS),
  AWS_S3_REGION_NAME         its region,
  AWS_S3_CUSTOM_DOMAIN       a CDN or public host name for media URLs (optional),
  AWS_ACCESS_KEY_ID          credentials (or the instance's role when unset),
  AWS_SECRET_ACCESS_KEY
  AWS_QUERYSTRING_AUTH       signed, expiring media URLs (default false: public image URLs
                             that pages and proxies can cache).
  Documents are always served through Wagtail's document view (WAGTAILDOCS_SERVE_METHOD
  "serve_view"): their collection's privacy is checked on every download and the storage's
  address is never given out, so the bucket's documents/ prefix may (and should) stay
  private; only images/ and original_images/ need to be publicly readable.

Static files
  STATIC_ROOT                where collectstatic writes (default static_collected/); served
                             by WhiteNoise with hashed, compressed names.

Background tasks (reference index, search index, cache purges, image focal points)
  TASKS_BACKEND              "database" (default: queued, run by ``manage.py db_worker``) or
                             "immediate" (run inside the request, no worker needed).
  Search results and "usage" counts follow edits once the worker has run; delete finished
  tasks now and then with ``manage.py prune_db_task_results``.

Frontend cache (a caching proxy or CDN in front of the site; off when none is set)
  FRONTEND_CACHE_PURGE_URL   base URL receiving HTTP PURGE requests (Varnish, nginx).
  CLOUDFLARE_BEARER_TOKEN    Cloudflare API token (Zone.Cache Purge) and
  CLOUDFLARE_ZONEID          the zone's id.
  CLOUDFRONT_DISTRIBUTION_ID AWS CloudFront distribution (AWS credentials as above).
  FRONTEND_CACHE_MAX_AGE     seconds a proxy may keep an anonymous page (default 0: pages
                             stay ``private``). Only used when a purge backend is set.

E-mail
  EMAIL_HOST, EMAIL_PORT (587), EMAIL_HOST_USER, EMAIL_HOST_PASSWORD, EMAIL_USE_TLS (true);
  DEFAULT_FROM_EMAIL, HUB_CONTACT_EMAIL (base.py). Without EMAIL_HOST mail goes to the log.

Also from base.py: WAGTAILADMIN_BASE_URL, TIME_ZONE, LOG_LEVEL, HERITAGEHUB_PAGE_CACHE_SECONDS,
HERITAGEHUB_CACHE_PAGE_PARTS, DEEPL_API_KEY / LIBRETRANSLATE_URL,
COMMUNITY_STORIES_RATE_LIMIT / _WINDOW.
"""

import os

import dj_database_url
from django.core.exceptions import ImproperlyConfigured

from heritagehub.redis_connections import connection_class_for

from .base import *  # noqa: F403
from .base import MIDDLEWARE, SECRET_KEY, STORAGES, env_bool, env_list

DEBUG = False
if not SECRET_KEY:
    raise ImproperlyConfigured("SECRET_KEY must be set in the environment for production.")
if not os.environ.get("DATABASE_URL"):
    raise ImproperlyConfigured("DATABASE_URL must be set in the environment for production.")
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS")
if not ALLOWED_HOSTS:
    raise ImproperlyConfigured("ALLOWED_HOSTS must name the site's host names for production.")

DATABASES = {
    "default": with_prepared_statements(  # noqa: F405
        dj_database_url.parse(
            os.environ["DATABASE_URL"],
            conn_max_age=int(os.environ.get("DB_CONN_MAX_AGE", 60)),
            conn_health_checks=True,
        )
    )
}

# Cache and sessions ----------------------------------------------------------------------------

if os.environ.get("REDIS_URL"):
    CACHES = {
        "default": {
            "BACKEND": "django_redis.cache.RedisCache",
            "LOCATION": os.environ["REDIS_URL"],
            "OPTIONS": {
                # Redis down or slow costs a page at most these timeouts, never the page:
                # Wagtail reads renditions and site root paths from the cache unguarded.
                "IGNORE_EXCEPTIONS": True,
                "SOCKET_CONNECT_TIMEOUT": float(os.environ.get("REDIS_CONNECT_TIMEOUT", 0.25)),
                "SOCKET_TIMEOUT": float(os.environ.get("REDIS_TIMEOUT", 0.5)),
                # After a failure Redis is left alone for a while (heritagehub.redis_connections).
                "CONNECTION_POOL_KWARGS": {
                    "connection_class": connection_class_for(os.environ["REDIS_URL"])
                },
            },
        }
    }
    # Failures are logged once a pause by heritagehub.redis_connections, not once a call.
    DJANGO_REDIS_LOG_IGNORED_EXCEPTIONS = False
    REDIS_RETRY_AFTER_SECONDS = float(os.environ.get("REDIS_RETRY_AFTER_SECONDS", 5))
    # Sessions read from the cache, kept in the database: logins survive a Redis outage.
    SESSION_ENGINE = "django.contrib.sessions.backends.cached_db"
else:
    # Each process caches for itself (base.py): a session cached by one would outlive its
    # logout in another.
    SESSION_ENGINE = "django.contrib.sessions.backends.db"

# Media -----------------------------------------------------------------------------------------

STORAGES = {**STORAGES}
if os.environ.get("AWS_STORAGE_BUCKET_NAME"):
    STORAGES["default"] = {
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {
            "bucket_name": os.environ["AWS_STORAGE_BUCKET_NAME"],
            "endpoint_url": os.environ.get("AWS_S3_ENDPOINT_URL") or None,
            "region_name": os.environ.get("AWS_S3_REGION_NAME") or None,
            "custom_domain": os.environ.get("AWS_S3_CUSTOM_DOMAIN") or None,
            "querystring_auth": env_bool("AWS_QUERYSTRING_AUTH", False),
            # Uploads never overwrite one another (Wagtail names them, storage de-duplicates).
            "file_overwrite": False,
            # Access is the bucket policy's business (public images/, private documents/).
            "default_acl": None,
        },
    }
# Documents go through Wagtail's view, which checks the collection's privacy (see above).
WAGTAILDOCS_SERVE_METHOD = "serve_view"

# Static files: hashed and compressed by collectstatic, served by WhiteNoise ---------------------

MIDDLEWARE = list(MIDDLEWARE)
MIDDLEWARE.insert(
    MIDDLEWARE.index("django.middleware.security.SecurityMiddleware") + 1,
    "whitenoise.middleware.WhiteNoiseMiddleware",
)
STORAGES["staticfiles"] = {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"}

# Background tasks ------------------------------------------------------------------------------

TASKS_BACKENDS = {
    "database": "django_tasks_db.DatabaseBackend",
    "immediate": "django_tasks.backends.immediate.ImmediateBackend",
}
_tasks_backend = os.environ.get("TASKS_BACKEND", "database")
if _tasks_backend not in TASKS_BACKENDS:
    raise ImproperlyConfigured(
        f"TASKS_BACKEND must be one of {', '.join(TASKS_BACKENDS)}, not {_tasks_backend!r}."
    )
TASKS = {"default": {"BACKEND": TASKS_BACKENDS[_tasks_backend]}}

# Frontend cache --------------------------------------------------------------------------------

WAGTAILFRONTENDCACHE = {}
if os.environ.get("FRONTEND_CACHE_PURGE_URL"):
    WAGTAILFRONTENDCACHE["proxy"] = {
        "BACKEND": "wagtail.contrib.frontend_cache.backends.HTTPBackend",
        "LOCATION": os.environ["FRONTEND_CACHE_PURGE_URL"],
    }
if os.environ.get("CLOUDFLARE_BEARER_TOKEN"):
    WAGTAILFRONTENDCACHE["cloudflare"] = {
        "BACKEND": "wagtail.contrib.frontend_cache.backends.CloudflareBackend",
        "BEARER_TOKEN": os.environ["CLOUDFLARE_BEARER_TOKEN"],
        "ZONEID": os.environ.get("CLOUDFLARE_ZONEID", ""),
    }
if os.environ.get("CLOUDFRONT_DISTRIBUTION_ID"):
    WAGTAILFRONTENDCACHE["cloudfront"] = {
        "BACKEND": "wagtail.contrib.frontend_cache.backends.CloudfrontBackend",
        "DISTRIBUTION_ID": os.environ["CLOUDFRONT_DISTRIBUTION_ID"],
    }
if WAGTAILFRONTENDCACHE:
    INSTALLED_APPS = [*INSTALLED_APPS, "wagtail.contrib.frontend_cache"]  # noqa: F405
    # Anonymous pages the page cache may store are also offered to the proxy this long.
    FRONTEND_CACHE_MAX_AGE = int(os.environ.get("FRONTEND_CACHE_MAX_AGE", 0))

# HTTPS and security headers --------------------------------------------------------------------

SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", True)
# Load balancers probe the health check over plain HTTP.
SECURE_REDIRECT_EXEMPT = [r"^health/$"]
SESSION_COOKIE_SECURE = CSRF_COOKIE_SECURE = True
SECURE_HSTS_SECONDS = int(os.environ.get("SECURE_HSTS_SECONDS", 31536000))
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
SECURE_HSTS_PRELOAD = env_bool("SECURE_HSTS_PRELOAD")
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"
# check --deploy answers nothing: X-Frame-Options is SAMEORIGIN on purpose (Wagtail previews
# pages in a same-origin frame, base.py), and HSTS preloading is the domain owner's choice.
SILENCED_SYSTEM_CHECKS = ["security.W019"]
if not SECURE_HSTS_PRELOAD:
    SILENCED_SYSTEM_CHECKS.append("security.W021")

# E-mail ----------------------------------------------------------------------------------------

if os.environ.get("EMAIL_HOST"):
    EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    EMAIL_HOST = os.environ["EMAIL_HOST"]
    EMAIL_PORT = int(os.environ.get("EMAIL_PORT", 587))
    EMAIL_HOST_USER = os.environ.get("EMAIL_HOST_USER", "")
    EMAIL_HOST_PASSWORD = os.environ.get("EMAIL_HOST_PASSWORD", "")
    EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", True)
