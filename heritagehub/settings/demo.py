"""The demo site as a visitor sees it (`make run`): DEBUG off, on the dev database.

`make dev` serves the same database with the debug server (heritagehub.settings.dev), and
loads the demo with those settings: `load_demo` refuses DEBUG off, since it creates
accounts with a published password. Here the site answers as in production — its own 404
and 500 pages, no tracebacks — but needs none of production's services: SQLite (or
DATABASE_URL), the memory cache, tasks run in the request, e-mail printed to the terminal.
Static files are served by WhiteNoise straight from the finders (no collectstatic), media
files by Django's static view (a real deployment leaves them to the proxy or object store).
Never deploy with these settings: the secret key is public.
"""

from .base import *  # noqa: F403
from .base import MIDDLEWARE, env_list

DEBUG = False
SECRET_KEY = SECRET_KEY or "demo-only-insecure-key-do-not-use-in-production"  # noqa: F405
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "localhost,127.0.0.1,[::1]")

MIDDLEWARE = list(MIDDLEWARE)
MIDDLEWARE.insert(
    MIDDLEWARE.index("django.middleware.security.SecurityMiddleware") + 1,
    "whitenoise.middleware.WhiteNoiseMiddleware",
)
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = False
# Read by heritagehub/urls.py: uploaded images are served by the app itself.
HERITAGEHUB_SERVE_MEDIA = True
