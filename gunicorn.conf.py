"""gunicorn's configuration: ``gunicorn -c gunicorn.conf.py heritagehub.wsgi``.

Every value comes from the environment (docs/deployment.md):

  GUNICORN_BIND              address to listen on (default 127.0.0.1:8000; a reverse proxy
                             in front terminates HTTPS).
  WEB_CONCURRENCY            worker processes (default CPUs + 1; 1 without REDIS_URL,
                             whose processes would not share their caches).
  GUNICORN_THREADS           threads per worker (default 4; 2 × CPUs + 1 without REDIS_URL);
                             more than one selects the gthread worker. Threads overlap the
                             waits for PostgreSQL and Redis: on 2 CPUs, 3 workers × 4 threads
                             served cached pages 5× faster than 5 sync workers
                             (docs/reliability.md).
  GUNICORN_TIMEOUT           seconds before a silent worker is killed and restarted (30).
  GUNICORN_GRACEFUL_TIMEOUT  seconds workers get to finish their requests on restart (30).
  GUNICORN_KEEPALIVE         seconds a keep-alive connection waits for the next request (5).
  GUNICORN_MAX_REQUESTS      requests before a worker is replaced, bounding slow leaks
                             (default 20000; 0 = never; at 1000 a worker restarted every
                             few seconds under load, costing two thirds of the throughput),
                             plus a random
  GUNICORN_MAX_REQUESTS_JITTER  0..this (default 2000), so workers do not restart together.
  FORWARDED_ALLOW_IPS        proxies whose X-Forwarded-* headers are trusted (127.0.0.1,::1).

The settings module defaults to heritagehub.settings.production (heritagehub/wsgi.py).
"""

import multiprocessing
import os

bind = os.environ.get("GUNICORN_BIND", "127.0.0.1:8000")
# The page and chrome caches are invalidated by a generation kept in the cache
# (heritagehub.cache): processes must share a cache (Redis) to learn of one another's
# publishing, else one process serves with threads.
_cpus = multiprocessing.cpu_count()
_shared_cache = bool(os.environ.get("REDIS_URL"))
workers = int(os.environ.get("WEB_CONCURRENCY", _cpus + 1 if _shared_cache else 1))
threads = int(os.environ.get("GUNICORN_THREADS", 4 if _shared_cache else _cpus * 2 + 1))
worker_class = "gthread" if threads > 1 else "sync"
timeout = int(os.environ.get("GUNICORN_TIMEOUT", 30))
graceful_timeout = int(os.environ.get("GUNICORN_GRACEFUL_TIMEOUT", 30))
keepalive = int(os.environ.get("GUNICORN_KEEPALIVE", 5))
max_requests = int(os.environ.get("GUNICORN_MAX_REQUESTS", 20000))
max_requests_jitter = int(os.environ.get("GUNICORN_MAX_REQUESTS_JITTER", 2000))
forwarded_allow_ips = os.environ.get("FORWARDED_ALLOW_IPS", "127.0.0.1,::1")

# Both logs to the container's or service's standard streams.
accesslog = "-"
errorlog = "-"
loglevel = os.environ.get("GUNICORN_LOG_LEVEL", "info")
