"""Settings shared by every environment. Environment variables configure what differs."""

import os
import tempfile
from datetime import timedelta
from pathlib import Path

import dj_database_url
from wagtail.embeds import oembed_providers

from heritagehub.csp import media_sources as _media_sources

PROJECT_DIR = Path(__file__).resolve().parent.parent
BASE_DIR = PROJECT_DIR.parent


def env_bool(name, default=False):
    return os.environ.get(name, str(default)).strip().lower() in {"1", "true", "yes", "on"}


def env_list(name, default=""):
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


SECRET_KEY = os.environ.get("SECRET_KEY", "")
DEBUG = env_bool("DEBUG")
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "localhost,127.0.0.1,[::1]")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")

INSTALLED_APPS = [
    "heritagehub",
    "search",
    "maps",
    "operations",
    "home",
    "heritage_collections",
    "stories",
    "partners",
    "authorities",
    "events",
    "calls",
    "wagtail_localize",
    "wagtail_localize.locales",
    "wagtail.contrib.forms",
    "wagtail.contrib.routable_page",
    "wagtail.contrib.redirects",
    "wagtail.contrib.settings",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "django_countries",
    "django_filters",
    "wagtail.api.v2",
    "rest_framework",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    # Wagtail's background work; production queues it in the database (settings/production.py).
    "django_tasks",
    "django_tasks_db",
    "csp",
    "axes",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    # Above the page cache: cached pages get the header too (heritagehub.csp).
    "heritagehub.csp.ContentSecurityPolicyMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "heritagehub.middleware.LocaleMiddleware",  # Django's, keeping non-page 404s
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    # Below session, language, CSRF, login and messages (it needs to know them) and above
    # what a cached page may skip: docs/architecture.md, "Caching".
    "heritagehub.middleware.PageCacheMiddleware",
    "heritagehub.middleware.PublicSiteMiddleware",
    # A form sent without its management fields: 400, not 500 (below anything answering
    # from the cache, so it sees every view's exceptions).
    "heritagehub.middleware.IncompleteFormMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    # Admin URLs naming another partner's page answer as any admin denial (partners app).
    "partners.middleware.PartnerIsolationMiddleware",
    # Last, as django-axes asks: turns a locked-out log-in into heritagehub.login_throttle's page.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "heritagehub.urls"
# A form sent without its CSRF token: a translated page leading back to the form.
CSRF_FAILURE_VIEW = "heritagehub.views.csrf_failure"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
            ],
        },
    },
]

WSGI_APPLICATION = "heritagehub.wsgi.application"

# SQLite next to the code unless DATABASE_URL says otherwise (PostgreSQL in production).
DATABASES = {
    "default": dj_database_url.config(
        default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}", conn_max_age=0
    )
}


def with_prepared_statements(database):
    """PostgreSQL with the parameters sent apart from the SQL (server-side binding), so that
    psycopg prepares a statement run five times on a connection and PostgreSQL plans it once:
    planning is most of the time of a page's small queries (docs/benchmarks.md, "PostgreSQL
    against SQLite"). DB_SERVER_SIDE_BINDING=false turns it off, for a pooler in transaction
    mode (PgBouncer before 1.21), which cannot keep prepared statements."""
    if database["ENGINE"] == "django.db.backends.postgresql":
        prepared = env_bool("DB_SERVER_SIDE_BINDING", True)
        options = database.setdefault("OPTIONS", {})
        options["server_side_binding"] = prepared
        # Django turns psycopg's preparing off (None) unless told; 5 is psycopg's own default.
        options["prepare_threshold"] = 5 if prepared else None
    return database


with_prepared_statements(DATABASES["default"])
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# django-axes first: a locked-out username and address is refused before the password is checked.
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# Languages. Italian is the default: the first migrate creates the default Locale from it.
LANGUAGE_CODE = "it"
LANGUAGES = WAGTAIL_CONTENT_LANGUAGES = WAGTAILADMIN_PERMITTED_LANGUAGES = [
    ("it", "Italiano"),
    ("en", "English"),
    ("fr", "Français"),
    ("de", "Deutsch"),
    ("es", "Español"),
]
WAGTAIL_I18N_ENABLED = True
# The JSON API (/api/v2/, heritagehub.api): at most this many pages or images a request.
WAGTAILAPI_LIMIT_MAX = 100
USE_I18N = True
USE_TZ = True
TIME_ZONE = os.environ.get("TIME_ZONE", "Europe/Rome")
LOCALE_PATHS = [BASE_DIR / "locale"]
# Each language's way of writing dates, over Django's (heritagehub/formats/__init__.py).
FORMAT_MODULE_PATH = ["heritagehub.formats"]

STATICFILES_FINDERS = [
    "django.contrib.staticfiles.finders.FileSystemFinder",
    "django.contrib.staticfiles.finders.AppDirectoriesFinder",
]
STATICFILES_DIRS = [BASE_DIR / "static"]
STATIC_ROOT = Path(os.environ.get("STATIC_ROOT", BASE_DIR / "static_collected"))
STATIC_URL = "/static/"
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT", BASE_DIR / "media"))
MEDIA_URL = os.environ.get("MEDIA_URL", "/media/")
# Where `manage.py backup` writes (docs/deployment.md, "Backups"): not under MEDIA_ROOT.
BACKUP_ROOT = Path(os.environ.get("BACKUP_ROOT", BASE_DIR / "backups"))
# The admin's "Import items" keeps the uploaded CSV and ZIP here between the upload, the
# report and the confirmation: with several app servers, a folder they all mount.
ITEM_IMPORT_DIR = Path(
    os.environ.get("ITEM_IMPORT_DIR", Path(tempfile.gettempdir()) / "heritagehub-imports")
)
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000

CACHES = {
    "default": {
        "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
        "LOCATION": "heritagehub",
        # Listings keep a card per entry (heritagehub.cache.cached_each): the default 300
        # entries would be culled by one calendar of a thousand events.
        "OPTIONS": {"MAX_ENTRIES": int(os.environ.get("HERITAGEHUB_CACHE_ENTRIES", 20_000))},
    }
}

# Whole pages for anonymous visitors are cached this many seconds (0 = off); any publish,
# unpublish, move or deletion empties the cache at once (heritagehub.cache).
HERITAGEHUB_PAGE_CACHE_SECONDS = int(os.environ.get("HERITAGEHUB_PAGE_CACHE_SECONDS", 600))
# The costly parts of pages (an item's content) are cached for every visitor until the next
# publish (heritagehub.page_parts); "0" renders them on every request.
HERITAGEHUB_CACHE_PAGE_PARTS = os.environ.get("HERITAGEHUB_CACHE_PAGE_PARTS", "1") != "0"

EMAIL_BACKEND = os.environ.get("EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend")
DEFAULT_FROM_EMAIL = os.environ.get(
    "DEFAULT_FROM_EMAIL", "Heritage Hub <noreply@heritagehub.local>"
)
SERVER_EMAIL = DEFAULT_FROM_EMAIL
# Where partnership enquiries are sent when a form page names no address of its own.
HUB_CONTACT_EMAIL = os.environ.get("HUB_CONTACT_EMAIL", "hub@heritagehub.local")

# Wagtail
WAGTAIL_SITE_NAME = "Heritage Hub"
WAGTAILADMIN_BASE_URL = os.environ.get("WAGTAILADMIN_BASE_URL", "http://127.0.0.1:8000")
WAGTAILIMAGES_IMAGE_MODEL = "heritagehub.HeritageImage"
WAGTAILIMAGES_EXTENSIONS = ["avif", "gif", "jpg", "jpeg", "png", "webp"]
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "search.backend"}}
WAGTAILDOCS_EXTENSIONS = ["csv", "docx", "odt", "pdf", "pptx", "rtf", "txt", "xlsx", "zip"]
WAGTAIL_ALLOW_UNICODE_SLUGS = False
# Translations of live pages must not skip review: see docs/architecture.md.
WAGTAILLOCALIZE_SYNC_LIVE_STATUS_ON_TRANSLATE = False


def machine_translator_setting(environ=os.environ):
    """wagtail-localize's machine translator from the environment, or None (off).

    DEEPL_API_KEY selects DeepL (a key ending in ":fx" uses DeepL's free API); otherwise
    LIBRETRANSLATE_URL (with LIBRETRANSLATE_API_KEY when the server wants one) selects a
    LibreTranslate server, e.g. a self-hosted one. Translators may then pre-fill a
    translation with machine translation; it is never required.
    """
    if environ.get("DEEPL_API_KEY", "").strip():
        return {
            "CLASS": "wagtail_localize.machine_translators.deepl.DeepLTranslator",
            "OPTIONS": {"AUTH_KEY": environ["DEEPL_API_KEY"].strip()},
        }
    if environ.get("LIBRETRANSLATE_URL", "").strip():
        return {
            "CLASS": "wagtail_localize.machine_translators.libretranslate.LibreTranslator",
            "OPTIONS": {
                "LIBRETRANSLATE_URL": environ["LIBRETRANSLATE_URL"].strip().rstrip("/"),
                "API_KEY": environ.get("LIBRETRANSLATE_API_KEY", "").strip(),
            },
        }
    return None


if machine_translator_setting():
    WAGTAILLOCALIZE_MACHINE_TRANSLATOR = machine_translator_setting()

# Workflow e-mails (submitted, approved, changes requested) go to each recipient in their
# own admin language (Wagtail's UserProfile.preferred_language) with links built on
# WAGTAILADMIN_BASE_URL. Moderators are told by their approval step; superusers get copies
# of every submission only when asked for.
WAGTAILADMIN_NOTIFICATION_FROM_EMAIL = DEFAULT_FROM_EMAIL
WAGTAILADMIN_NOTIFICATION_USE_HTML = True
WAGTAILADMIN_NOTIFICATION_INCLUDE_SUPERUSERS = env_bool(
    "WAGTAILADMIN_NOTIFICATION_INCLUDE_SUPERUSERS", False
)

TAGGIT_CASE_INSENSITIVE = True

# Stories shared by the public (stories.community): at most this many per client IP and
# window (seconds). Proxies in front of the app that append the client's address to
# X-Forwarded-For: 0 when clients connect directly, else how many (REMOTE_ADDR is then the
# last proxy's address, and X-Forwarded-For entries left of the trusted ones are spoofable).
COMMUNITY_STORIES_RATE_LIMIT = int(os.environ.get("COMMUNITY_STORIES_RATE_LIMIT", 3))
COMMUNITY_STORIES_RATE_WINDOW = int(os.environ.get("COMMUNITY_STORIES_RATE_WINDOW", 3600))
TRUSTED_PROXY_COUNT = int(os.environ.get("TRUSTED_PROXY_COUNT", 0))
# Contact and enquiry forms (home.FormPage): at most this many submissions per client IP and
# window (seconds): sent ones and those caught in the honeypot.
ENQUIRY_RATE_LIMIT = int(os.environ.get("ENQUIRY_RATE_LIMIT", 5))
ENQUIRY_RATE_WINDOW = int(os.environ.get("ENQUIRY_RATE_WINDOW", 3600))
# Applications to join the hub (partners.joining): stored ones and honeypot catches.
JOIN_APPLICATIONS_RATE_LIMIT = int(os.environ.get("JOIN_APPLICATIONS_RATE_LIMIT", 3))
JOIN_APPLICATIONS_RATE_WINDOW = int(os.environ.get("JOIN_APPLICATIONS_RATE_WINDOW", 3600))

# Security: docs/security.md. ------------------------------------------------------------------
# Content-Security-Policy (django-csp 4, heritagehub.csp): the public site runs no inline script
# or style and loads from this origin only; embeds come from the providers WAGTAILEMBEDS_FINDERS
# allows; uploaded media may come from the S3/CDN domain.
EMBED_FRAME_SOURCES = [
    "https://www.youtube.com",
    "https://www.youtube-nocookie.com",
    "https://player.vimeo.com",
    "https://w.soundcloud.com",
]
MEDIA_SOURCES = _media_sources(
    MEDIA_URL,
    custom_domain=os.environ.get("AWS_S3_CUSTOM_DOMAIN", ""),
    bucket=os.environ.get("AWS_STORAGE_BUCKET_NAME", ""),
    endpoint_url=os.environ.get("AWS_S3_ENDPOINT_URL", ""),
    region=os.environ.get("AWS_S3_REGION_NAME", ""),
)
WAGTAILEMBEDS_FINDERS = [
    {
        "class": "wagtail.embeds.finders.oembed",
        "providers": [
            oembed_providers.youtube,
            oembed_providers.vimeo,
            oembed_providers.soundcloud,
        ],
    }
]
_LOCKED_DOWN = {
    "frame-ancestors": ["'self'"],
    "base-uri": ["'self'"],
    "form-action": ["'self'"],
    "object-src": ["'none'"],
}
# Maps (docs/maps.md): no third-party tiles by default. A deployment with its own tile
# server sets its URL template (https://tiles.example.org/{z}/{x}/{y}.png) and the
# attribution its data requires; the enhanced maps then draw those tiles under the markers.
MAP_TILE_URL = os.environ.get("MAP_TILE_URL", "")
MAP_TILE_ATTRIBUTION = os.environ.get("MAP_TILE_ATTRIBUTION", "")
# The tile server's origin, allowed as an image source by the public site's policy.
MAP_TILE_SOURCES = _media_sources(MAP_TILE_URL)
# An empty inline <style>, and only that: the item viewer adds one (static/js/viewer.js) so that
# OpenSeadragon does not add its own, with content, which the policy would refuse.
EMPTY_STYLE = "'sha256-47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU='"
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'", EMPTY_STYLE],
        "img-src": ["'self'", "data:", *MEDIA_SOURCES, *MAP_TILE_SOURCES],
        "media-src": ["'self'", *MEDIA_SOURCES],
        "frame-src": EMBED_FRAME_SOURCES,
        **_LOCKED_DOWN,
    }
}
# Wagtail's and Django's admins: inline scripts and styles, blob: previews of uploads, page
# previews in a same-origin iframe, embed thumbnails in the rich-text editor.
ADMIN_CSP_PATH_PREFIXES = ["/admin/", "/django-admin/"]
ADMIN_CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'", "'unsafe-inline'"],
        "style-src": ["'self'", "'unsafe-inline'"],
        "img-src": [
            "'self'",
            "data:",
            "blob:",
            *MEDIA_SOURCES,
            "https://i.ytimg.com",
            "https://i.vimeocdn.com",
            "https://i1.sndcdn.com",
        ],
        "media-src": ["'self'", "blob:", *MEDIA_SOURCES],
        "font-src": ["'self'", "data:"],
        "worker-src": ["'self'", "blob:"],
        "frame-src": ["'self'", *EMBED_FRAME_SOURCES],
        **_LOCKED_DOWN,
    }
}
X_FRAME_OPTIONS = "SAMEORIGIN"  # as frame-ancestors 'self': the admin previews pages in a frame
# No avatars from gravatar.com and no update check against wagtail.org from editors' browsers.
WAGTAIL_GRAVATAR_PROVIDER_URL = None
WAGTAIL_ENABLE_UPDATE_CHECK = False

# Admin log-in throttling (django-axes): AXES_FAILURE_LIMIT failed log-ins for one username
# from one client address lock that pair out for AXES_COOLOFF_MINUTES; a success resets.
AXES_ENABLED = env_bool("AXES_ENABLED", True)
AXES_FAILURE_LIMIT = int(os.environ.get("AXES_FAILURE_LIMIT", 5))
AXES_COOLOFF_TIME = timedelta(minutes=float(os.environ.get("AXES_COOLOFF_MINUTES", 15)))
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_CLIENT_IP_CALLABLE = "heritagehub.login_throttle.client_address"  # TRUSTED_PROXY_COUNT
AXES_LOCKOUT_CALLABLE = "heritagehub.login_throttle.lockout_response"

# Uploads (heritagehub.uploads): size and pixel ceilings, checked on every upload path.
WAGTAILIMAGES_MAX_UPLOAD_SIZE = int(os.environ.get("WAGTAILIMAGES_MAX_UPLOAD_SIZE", 25 * 1024**2))
WAGTAILIMAGES_MAX_IMAGE_PIXELS = int(os.environ.get("WAGTAILIMAGES_MAX_IMAGE_PIXELS", 100_000_000))
WAGTAILDOCS_MAX_UPLOAD_SIZE = int(os.environ.get("WAGTAILDOCS_MAX_UPLOAD_SIZE", 50 * 1024**2))
WAGTAILIMAGES_IMAGE_FORM_BASE = "heritagehub.upload_forms.CheckedImageForm"
WAGTAILDOCS_DOCUMENT_FORM_BASE = "heritagehub.upload_forms.CheckedDocumentForm"
# Documents whose type a browser may show inline; every other one is served as an attachment.
WAGTAILDOCS_INLINE_CONTENT_TYPES = ["application/pdf"]

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "WARNING")},
}
