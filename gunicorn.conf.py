"""gunicorn's configuration: ``gunicorn -c gunicorn.conf.py heritagehub.wsgi``.

Every value comes from the environment (docs/deployment.md):

  GUNICORN_BIND              address to listen on (default 127.0.0.1:8000; a reverse proxy
                             in front terminates HTTPS).
  WEB_CONCURRENCY            worker processes (default 2 × CPUs + 1; 1 without REDIS_URL,
                             whose processes would not share their caches).
  GUNICORN_THREADS           threads per worker (default 1; 2 × CPUs + 1 without REDIS_URL);
                             more than one selects the gthread worker.
  GUNICORN_TIMEOUT           seconds before a silent worker is killed and restarted (30).
  GUNICORN_GRACEFUL_TIMEOUT  seconds workers get to finish their requests on restart (30).
  GUNICORN_KEEPALIVE         seconds a keep-alive connection waits for the next request (5).
  GUNICORN_MAX_REQUESTS      requests before a worker is replaced, bounding slow leaks
                             (default 1000; 0 = never), plus a random
  GUNICORN_MAX_REQUESTS_JITTER  0..this (default 100), so workers do not restart together.
  FORWARDED_ALLOW_IPS        proxies whose X-Forwarded-* headers are trusted (127.0.0.1,::1).

The settings module defaults to heritagehub.settings.production (heritagehub/wsgi.py).
"""

import multiprocessing
import os

bind = os.environ.get("GUNICORN_BIND", "127.0.0.1:8000")
# The page and chrome caches are invalidated by a generation kept in the cache
# (heritagehub.cache): processes must share a cache (Redis) to learn of one another's
# publishing, else one process serves with threads.
_concurrency = multiprocessing.cpu_count() * 2 + 1
_shared_cache = bool(os.environ.get("REDIS_URL"))
workers = int(os.environ.get("WEB_CONCURRENCY", _concurrency if _shared_cache else 1))
threads = int(os.environ.get("GUNICORN_THREADS", 1 if _shared_cache else _concurrency))
worker_class = "gthread" if threads > 1 else "sync"
timeout = int(os.environ.get("GUNICORN_TIMEOUT", 30))
graceful_timeout = int(os.environ.get("GUNICORN_GRACEFUL_TIMEOUT", 30))
keepalive = int(os.environ.get("GUNICORN_KEEPALIVE", 5))
max_requests = int(os.environ.get("GUNICORN_MAX_REQUESTS", 1000))
max_requests_jitter = int(os.environ.get("GUNICORN_MAX_REQUESTS_JITTER", 100))
forwarded_allow_ips = os.environ.get("FORWARDED_ALLOW_IPS", "127.0.0.1,::1")

# Both logs to the container's or service's standard streams.
accesslog = "-"
errorlog = "-"
loglevel = os.environ.get("GUNICORN_LOG_LEVEL", "info")
