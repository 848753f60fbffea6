"""heritagehub.settings.production: what each environment variable turns into.

The module is loaded with a patched environment and discarded afterwards, so nothing leaks
into the test settings; ``check --deploy`` and ``collectstatic`` run in subprocesses, as on a
server.
"""

import importlib
import os
import secrets
import subprocess
import sys
from pathlib import Path
from unittest import mock

import pytest
from django.core.exceptions import ImproperlyConfigured

from heritagehub.redis_connections import FailFastSSLConnection

BASE_DIR = Path(__file__).resolve().parents[2]
REALISTIC_ENV = {
    "SECRET_KEY": secrets.token_urlsafe(50),
    "ALLOWED_HOSTS": "hub.example.org",
    "DATABASE_URL": "postgres://hub:secret@db.example.org:5432/hub",
}


def production(**env):
    """The production settings module as it loads with ``REALISTIC_ENV`` updated by ``env``
    (a value of None removes the variable). Base and production are loaded afresh and the
    modules the test settings were built from are put back."""
    environ = {**REALISTIC_ENV, **env}
    environ = {name: value for name, value in environ.items() if value is not None}
    names = ["heritagehub.settings.base", "heritagehub.settings.production"]
    loaded = {name: sys.modules.pop(name, None) for name in names}
    try:
        with mock.patch.dict(os.environ, environ, clear=True):
            return importlib.import_module("heritagehub.settings.production")
    finally:
        package = sys.modules["heritagehub.settings"]
        for name, module in loaded.items():
            sys.modules.pop(name, None)
            if module is not None:
                sys.modules[name] = module
                setattr(package, name.rpartition(".")[2], module)


def run_manage(*args, **env):
    environ = {
        "PATH": os.environ.get("PATH", ""),
        "DJANGO_SETTINGS_MODULE": "heritagehub.settings.production",
        **REALISTIC_ENV,
        **env,
    }
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=BASE_DIR,
        env=environ,
        capture_output=True,
        text=True,
        timeout=300,
    )


# Required ------------------------------------------------------------------------------------


@pytest.mark.parametrize("variable", ["SECRET_KEY", "DATABASE_URL", "ALLOWED_HOSTS"])
def test_refuses_to_start_without(variable):
    with pytest.raises(ImproperlyConfigured, match=variable):
        production(**{variable: None})


def test_answers_only_the_hosts_it_is_given():
    settings = production(ALLOWED_HOSTS="hub.example.org, www.hub.example.org")
    assert settings.ALLOWED_HOSTS == ["hub.example.org", "www.hub.example.org"]


def test_csrf_trusted_origins_from_the_environment():
    settings = production(CSRF_TRUSTED_ORIGINS="https://hub.example.org")
    assert settings.CSRF_TRUSTED_ORIGINS == ["https://hub.example.org"]


# Database ------------------------------------------------------------------------------------


def test_database_connections_are_kept_a_minute_and_health_checked():
    database = production().DATABASES["default"]
    assert database["ENGINE"] == "django.db.backends.postgresql"
    assert (database["HOST"], database["NAME"]) == ("db.example.org", "hub")
    assert database["CONN_MAX_AGE"] == 60
    assert database["CONN_HEALTH_CHECKS"] is True


def test_connection_age_from_the_environment():
    assert production(DB_CONN_MAX_AGE="0").DATABASES["default"]["CONN_MAX_AGE"] == 0


def test_queries_are_bound_on_the_server_and_repeated_ones_prepared():
    options = production().DATABASES["default"]["OPTIONS"]
    assert (options["server_side_binding"], options["prepare_threshold"]) == (True, 5)


def test_server_side_binding_off_for_a_pooler_in_transaction_mode():
    options = production(DB_SERVER_SIDE_BINDING="false").DATABASES["default"]["OPTIONS"]
    assert (options["server_side_binding"], options["prepare_threshold"]) == (False, None)


# Cache and sessions --------------------------------------------------------------------------


def test_redis_cache_ignores_its_errors_with_short_timeouts():
    settings = production(REDIS_URL="redis://cache.example.org:6379/1")
    cache = settings.CACHES["default"]
    assert cache["BACKEND"] == "django_redis.cache.RedisCache"
    assert cache["LOCATION"] == "redis://cache.example.org:6379/1"
    assert cache["OPTIONS"]["IGNORE_EXCEPTIONS"] is True
    assert cache["OPTIONS"]["SOCKET_CONNECT_TIMEOUT"] == 0.25
    assert cache["OPTIONS"]["SOCKET_TIMEOUT"] == 0.5
    assert settings.DJANGO_REDIS_LOG_IGNORED_EXCEPTIONS is False


def test_a_failing_redis_is_left_alone_for_a_while():
    settings = production(REDIS_URL="rediss://cache.example.org:6380/0")
    pool = settings.CACHES["default"]["OPTIONS"]["CONNECTION_POOL_KWARGS"]
    assert pool["connection_class"] is FailFastSSLConnection
    assert settings.REDIS_RETRY_AFTER_SECONDS == 5


def test_redis_timeouts_from_the_environment():
    settings = production(
        REDIS_URL="redis://cache:6379/0", REDIS_CONNECT_TIMEOUT="1", REDIS_TIMEOUT="2.5"
    )
    options = settings.CACHES["default"]["OPTIONS"]
    assert (options["SOCKET_CONNECT_TIMEOUT"], options["SOCKET_TIMEOUT"]) == (1.0, 2.5)


def test_without_redis_each_process_caches_in_memory():
    backend = production().CACHES["default"]["BACKEND"]
    assert backend == "django.core.cache.backends.locmem.LocMemCache"


def test_sessions_survive_redis():
    settings = production(REDIS_URL="redis://cache:6379/0")
    assert settings.SESSION_ENGINE == "django.contrib.sessions.backends.cached_db"


def test_without_redis_sessions_are_not_cached_per_process():
    assert production().SESSION_ENGINE == "django.contrib.sessions.backends.db"


# Media ---------------------------------------------------------------------------------------


def test_media_on_the_file_system_by_default():
    settings = production(MEDIA_ROOT="/srv/hub/media")
    assert settings.STORAGES["default"]["BACKEND"] == (
        "django.core.files.storage.FileSystemStorage"
    )


def test_admin_import_uploads_in_a_folder_the_servers_share():
    settings = production(ITEM_IMPORT_DIR="/mnt/shared/imports")
    assert str(settings.ITEM_IMPORT_DIR) == "/mnt/shared/imports"


def test_media_in_an_s3_bucket_when_one_is_named():
    settings = production(
        AWS_STORAGE_BUCKET_NAME="hub-media",
        AWS_S3_ENDPOINT_URL="https://s3.fr-par.scw.cloud",
        AWS_S3_REGION_NAME="fr-par",
        AWS_S3_CUSTOM_DOMAIN="media.hub.example.org",
    )
    storage = settings.STORAGES["default"]
    assert storage["BACKEND"] == "storages.backends.s3.S3Storage"
    assert storage["OPTIONS"] == {
        "bucket_name": "hub-media",
        "endpoint_url": "https://s3.fr-par.scw.cloud",
        "region_name": "fr-par",
        "custom_domain": "media.hub.example.org",
        "querystring_auth": False,
        "file_overwrite": False,
        "default_acl": None,
    }


def test_documents_are_served_through_wagtails_view_which_checks_privacy():
    assert production(AWS_STORAGE_BUCKET_NAME="hub-media").WAGTAILDOCS_SERVE_METHOD == (
        "serve_view"
    )


# Static files --------------------------------------------------------------------------------


def test_whitenoise_serves_static_files_right_below_the_security_middleware():
    middleware = production().MIDDLEWARE
    security = middleware.index("django.middleware.security.SecurityMiddleware")
    assert middleware[security + 1] == "whitenoise.middleware.WhiteNoiseMiddleware"


def test_static_files_get_hashed_compressed_names():
    assert production().STORAGES["staticfiles"]["BACKEND"] == (
        "whitenoise.storage.CompressedManifestStaticFilesStorage"
    )


def test_collectstatic_writes_hashed_and_compressed_files(tmp_path):
    result = run_manage("collectstatic", "--noinput", STATIC_ROOT=str(tmp_path))
    assert result.returncode == 0, result.stderr
    css = {path.name for path in (tmp_path / "css").iterdir()}
    hashed = [name for name in css if name.startswith("site.") and name.endswith(".css")]
    assert [name for name in hashed if name != "site.css"], css
    assert all(f"{name}.gz" in css for name in hashed)
    assert (tmp_path / "staticfiles.json").exists()


# Background tasks ----------------------------------------------------------------------------


def test_tasks_are_queued_in_the_database_by_default():
    backend = production().TASKS["default"]["BACKEND"]
    assert backend == "django_tasks_db.DatabaseBackend"


def test_tasks_may_run_immediately():
    settings = production(TASKS_BACKEND="immediate")
    assert settings.TASKS["default"]["BACKEND"] == (
        "django_tasks.backends.immediate.ImmediateBackend"
    )


def test_an_unknown_tasks_backend_is_named():
    with pytest.raises(ImproperlyConfigured, match="'celery'"):
        production(TASKS_BACKEND="celery")


def test_production_does_not_install_the_demo():
    """The demo's accounts have a published password: its app is for development only."""
    assert "demo" not in production().INSTALLED_APPS


# Frontend cache ------------------------------------------------------------------------------


def test_no_frontend_cache_unless_configured():
    settings = production()
    assert settings.WAGTAILFRONTENDCACHE == {}
    assert "wagtail.contrib.frontend_cache" not in settings.INSTALLED_APPS


def test_a_purging_proxy():
    settings = production(
        FRONTEND_CACHE_PURGE_URL="http://varnish:6081", FRONTEND_CACHE_MAX_AGE="120"
    )
    assert settings.WAGTAILFRONTENDCACHE == {
        "proxy": {
            "BACKEND": "wagtail.contrib.frontend_cache.backends.HTTPBackend",
            "LOCATION": "http://varnish:6081",
        }
    }
    assert "wagtail.contrib.frontend_cache" in settings.INSTALLED_APPS
    assert settings.FRONTEND_CACHE_MAX_AGE == 120


def test_cloudflare_and_cloudfront():
    settings = production(
        CLOUDFLARE_BEARER_TOKEN="token",
        CLOUDFLARE_ZONEID="zone",
        CLOUDFRONT_DISTRIBUTION_ID="E123",
    )
    cache = settings.WAGTAILFRONTENDCACHE
    assert cache["cloudflare"]["BEARER_TOKEN"] == "token"
    assert cache["cloudflare"]["ZONEID"] == "zone"
    assert cache["cloudfront"]["DISTRIBUTION_ID"] == "E123"
    assert settings.FRONTEND_CACHE_MAX_AGE == 0


# gunicorn ------------------------------------------------------------------------------------


def gunicorn_config(**env):
    """gunicorn's effective configuration from gunicorn.conf.py with ``env``, once it has
    loaded the application with the production settings (or failed the test)."""
    result = subprocess.run(
        [sys.executable, "-m", "gunicorn", "-c", "gunicorn.conf.py", "--print-config"]
        + ["heritagehub.wsgi"],
        cwd=BASE_DIR,
        env={"PATH": os.environ.get("PATH", ""), **REALISTIC_ENV, **env},
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
    )
    lines = (line.partition("=") for line in result.stdout.splitlines())
    return {name.strip(): value.strip() for name, _sign, value in lines}


def test_gunicorn_defaults():
    config = gunicorn_config(REDIS_URL="redis://cache:6379/0")
    assert config["bind"] == "['127.0.0.1:8000']"
    assert config["workers"] == str(os.cpu_count() + 1)
    assert (config["threads"], config["worker_class"]) == ("4", "gthread")
    assert (config["max_requests"], config["max_requests_jitter"]) == ("20000", "2000")
    assert config["accesslog"] == "-"


def test_gunicorn_without_redis_serves_from_one_process():
    """Processes that share no cache would not learn of one another's publishing."""
    config = gunicorn_config()
    assert config["workers"] == "1"
    assert (config["threads"], config["worker_class"]) == (str(2 * os.cpu_count() + 1), "gthread")


def test_gunicorn_from_the_environment():
    config = gunicorn_config(
        GUNICORN_BIND="0.0.0.0:9000",
        WEB_CONCURRENCY="3",
        GUNICORN_THREADS="1",
        GUNICORN_TIMEOUT="60",
        FORWARDED_ALLOW_IPS="10.0.0.1",
    )
    assert config["bind"] == "['0.0.0.0:9000']"
    assert config["workers"] == "3"
    assert (config["threads"], config["worker_class"]) == ("1", "sync")
    assert config["timeout"] == "60"
    assert config["forwarded_allow_ips"] == "['10.0.0.1']"


# Deployment checks ---------------------------------------------------------------------------


def test_check_deploy_reports_nothing():
    result = run_manage("check", "--deploy")
    output = result.stdout + result.stderr
    assert result.returncode == 0, output
    assert "WARNINGS" not in output
    assert "?: (security" not in output
    assert "System check identified no issues" in output
