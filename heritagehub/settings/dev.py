"""Local development and the demo site (`make run`)."""

from .base import *  # noqa: F403
from .base import INSTALLED_APPS, env_bool

# The demo content and `load_demo` (demo/): never installed in production.
INSTALLED_APPS = [*INSTALLED_APPS, "demo"]

DEBUG = env_bool("DEBUG", True)
SECRET_KEY = SECRET_KEY or "dev-only-insecure-key-do-not-use-in-production"  # noqa: F405
ALLOWED_HOSTS = ["*"]
