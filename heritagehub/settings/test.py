"""Test settings: fast hashing, in-memory e-mail, SQLite unless DATABASE_URL is set."""

import os

from .base import *  # noqa: F403
from .base import INSTALLED_APPS

# The demo content and `load_demo` (demo/): never installed in production.
INSTALLED_APPS = [*INSTALLED_APPS, "demo"]

DEBUG = False
SECRET_KEY = "test-only-key"
ALLOWED_HOSTS = ["*"]
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
WAGTAILADMIN_BASE_URL = "http://testserver"
# Tests see freshly rendered pages; tests of the page cache turn it on (override_settings).
HERITAGEHUB_PAGE_CACHE_SECONDS = 0
# The end-to-end tests' browser loads uploaded images (and downloads them) from the live server.
HERITAGEHUB_SERVE_MEDIA = True
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":  # noqa: F405
    # A file kept with --reuse-db; TEST_DB_NAME lets two suites run side by side.
    DATABASES["default"]["TEST"] = {  # noqa: F405
        "NAME": os.environ.get("TEST_DB_NAME", str(BASE_DIR / ".test-db.sqlite3"))  # noqa: F405
    }
