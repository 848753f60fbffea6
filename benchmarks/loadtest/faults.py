"""The faults of a load test, each under load in three wrk windows: *before* (the site as
usual), *during* (the fault starts with the window) and *after*.

- Redis outage: the load test's own redis-server is stopped for the *during* window and
  started again (empty: it keeps nothing on disk). Recovery: the time until a page is
  served from the cache again.
- PostgreSQL restart: the cluster is stopped (``-m fast``: every connection is cut), kept
  down, and started while wrk runs. Recovery: the time from PostgreSQL accepting
  connections again until /health/ and a freshly rendered page both answer 200, polled
  every 100 ms.
"""

import time
from dataclasses import dataclass, field
from urllib.parse import urlencode

from .load import HEALTH_PATH
from .servers import get, wait_for

POLL_SECONDS = 0.1
RECOVERY_LIMIT_SECONDS = 30
# How long the PostgreSQL *during* window runs after the cluster was started again.
POSTGRES_RECOVERY_WINDOW_SECONDS = 10


@dataclass
class FaultResult:
    name: str
    windows: list = field(default_factory=list)
    recovery_seconds: float | None = None

    def as_dict(self):
        return {
            "name": self.name,
            "windows": [window.as_dict() for window in self.windows],
            "recovery_seconds": self.recovery_seconds,
        }


def redis_outage(redis, site, mix, window_seconds, outage_seconds, log=print):
    """Stop ``redis`` for ``outage_seconds`` while ``site`` (a load.Site) gets ``mix``."""
    result = FaultResult("redis")
    result.windows.append(site.run("redis before", window_seconds, mix))
    log(f"Stopping redis-server (port {redis.port}) for {outage_seconds} s")
    redis.stop()
    try:
        result.windows.append(site.run("redis during", outage_seconds, mix))
    finally:
        redis.start()
    log("redis-server started again (empty)")
    running = site.start("redis after", window_seconds, mix)
    try:
        page = site.base_url + site.page
        result.recovery_seconds = wait_for(
            lambda: cache_hit(page), RECOVERY_LIMIT_SECONDS, POLL_SECONDS
        )
        result.windows.append(running.result())
    finally:
        running.stop()
    return result


def cache_hit(url):
    status, headers = get(url)
    return status == 200 and headers.get("X-Cache") == "hit"


def postgres_restart(cluster, site, mix, window_seconds, outage_seconds, log=print):
    """Stop ``cluster`` for ``outage_seconds`` while ``site`` gets ``mix``, start it again,
    and measure how long the site takes to answer 200 once PostgreSQL accepts connections."""
    result = FaultResult("postgres")
    result.windows.append(site.run("postgres before", window_seconds, mix))
    running = site.start("postgres during", outage_seconds + POSTGRES_RECOVERY_WINDOW_SECONDS, mix)
    try:
        log(f"Stopping {cluster} for {outage_seconds} s")
        stopped = time.monotonic()
        cluster.stop()
        time.sleep(max(0.0, outage_seconds - (time.monotonic() - stopped)))
        cluster.start()
        if wait_for(cluster.accepts_connections, RECOVERY_LIMIT_SECONDS, POLL_SECONDS) is None:
            raise RuntimeError(f"{cluster} does not accept connections after starting.")
        log(f"{cluster} accepts connections again")
        probes = probe_urls(site.base_url, site.page)
        result.recovery_seconds = wait_for(
            lambda: serves(next(probes)), RECOVERY_LIMIT_SECONDS, POLL_SECONDS
        )
        result.windows.append(running.result())
    finally:
        running.stop()
        cluster.ensure_running()
    result.windows.append(site.run("postgres after", window_seconds, mix))
    return result


def probe_urls(base_url, page_path):
    """(health URL, page URL) pairs; each page URL has a query string of its own, so the
    page is rendered from the database, never served from the page cache."""
    number = 0
    while True:
        number += 1
        query = urlencode({"recovery-probe": f"{time.time_ns()}-{number}"})
        yield base_url + HEALTH_PATH, f"{base_url}{page_path}?{query}"


def serves(urls):
    return all(get(url)[0] == 200 for url in urls)
