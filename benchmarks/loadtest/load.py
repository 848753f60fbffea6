"""One wrk run: its URLs (``mix.lua``), its numbers (``Window``).

wrk runs with one thread (``-t1``): on a 2-core machine every core it takes is a core the
server does not get, and one thread drives hundreds of connections. Its latency
percentiles are of the completed requests; a request that got no answer within
``--timeout`` is counted as a timeout error instead.
"""

import json
import shutil
import subprocess
import time
from concurrent.futures import ThreadPoolExecutor
from dataclasses import asdict, dataclass, field
from pathlib import Path

from .servers import get, wait_for

SCRIPT = Path(__file__).with_name("mix.lua")
HEALTH_PATH = "/health/"
OK_STATUSES = range(200, 400)


@dataclass
class Mix:
    """What wrk requests: ``hot`` paths in turn, and every ``cold_every``-th request the
    next of the ``cold`` paths, each requested once (a cache miss): a run continues with the
    cold paths the earlier runs of the mix have not requested (``offset``)."""

    hot: list
    cold: list = field(default_factory=list)
    cold_every: int = 0
    offset: int = 0

    def cold_paths(self):
        """The cold paths, those not requested yet first."""
        offset = self.offset % len(self.cold) if self.cold else 0
        return self.cold[offset:] + self.cold[:offset]

    def requested(self, requests):
        if self.cold and self.cold_every:
            self.offset += requests // self.cold_every


@dataclass
class Window:
    """The numbers of one wrk run."""

    name: str
    seconds: float = 0.0
    requests: int = 0
    p50_ms: float | None = None
    p95_ms: float | None = None
    p99_ms: float | None = None
    errors: dict = field(default_factory=dict)  # connect, read, write, timeout
    statuses: dict = field(default_factory=dict)  # "200": count
    x_cache: dict = field(default_factory=dict)  # "hit": count

    @property
    def throughput(self):
        return self.requests / self.seconds if self.seconds else 0.0

    @property
    def failed_statuses(self):
        """{status: count} of the answers that were not 2xx or 3xx."""
        return {s: n for s, n in self.statuses.items() if int(s) not in OK_STATUSES}

    def count(self, status):
        return self.statuses.get(str(status), 0)

    @property
    def socket_errors(self):
        return sum(self.errors.values())

    @property
    def error_count(self):
        """Requests that failed: no answer, or an answer that was not 2xx/3xx."""
        return self.socket_errors + sum(self.failed_statuses.values())

    def as_dict(self):
        return {**asdict(self), "throughput": self.throughput, "error_count": self.error_count}


def wrk_path():
    path = shutil.which("wrk")
    if path is None:
        raise RuntimeError("wrk is not installed: `make loadtest` installs Debian's package.")
    return path


def version():
    output = subprocess.run([wrk_path(), "--version"], capture_output=True, text=True)
    return (output.stdout or output.stderr).split("[")[0].strip()


class Run:
    """wrk running in the background: ``Run(...)`` starts it, ``result()`` waits for it."""

    def __init__(self, name, base_url, mix, seconds, work_dir, connections, timeout):
        self.name, self.mix = name, mix
        work_dir = Path(work_dir)
        work_dir.mkdir(parents=True, exist_ok=True)
        hot, cold = work_dir / f"{name}-hot.txt", work_dir / f"{name}-cold.txt"
        hot.write_text("\n".join(mix.hot) + "\n")
        cold.write_text("\n".join(mix.cold_paths()) + "\n")
        command = [
            wrk_path(), "-t1", f"-c{connections}", f"-d{seconds}s", f"--timeout={timeout}s",
            "-s", str(SCRIPT), base_url,
            "--", str(hot), str(cold), str(mix.cold_every if mix.cold else 0),
        ]  # fmt: skip
        self.process = subprocess.Popen(
            command, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True
        )

    def result(self):
        output, _ = self.process.communicate()
        for line in output.splitlines():
            if line.startswith("LOADTEST "):
                result = window(self.name, json.loads(line.removeprefix("LOADTEST ")))
                self.mix.requested(result.requests)
                return result
        raise RuntimeError(f"wrk gave no result ({self.process.returncode}):\n{output}")

    def stop(self):
        if self.process.poll() is None:
            self.process.kill()
            self.process.wait()


class Site:
    """The site under load and how wrk loads it (``connections`` unless a run says
    otherwise); ``page`` is the path of a page (without query string) that the recovery
    probes request."""

    def __init__(self, base_url, page, work_dir, connections, timeout):
        self.base_url, self.page, self.work_dir = base_url, page, work_dir
        self.connections, self.timeout = connections, timeout

    def start(self, name, seconds, mix, connections=None):
        """wrk started in the background: its ``result()`` waits for it."""
        connections = connections or self.connections
        return Run(name, self.base_url, mix, seconds, self.work_dir, connections, self.timeout)

    def run(self, name, seconds, mix, connections=None):
        """The Window of ``seconds`` of ``mix``."""
        running = self.start(name, seconds, mix, connections)
        try:
            return running.result()
        finally:
            running.stop()

    def settle(self, timeout=60):
        """Wait until the requests wrk left queued are answered: a sync worker still
        answers a request whose client has gone, and the next window would wait for it."""
        wait_for(lambda: get(self.base_url + HEALTH_PATH)[0] == 200, timeout, interval=0.5)


def visit(name, base_url, paths, workers, timeout):
    """Request each of ``paths`` once, ``workers`` at a time: the Window of a warm-up that
    renders every page into the cache, however long that takes (wrk would stop after a
    fixed time, slow pages unrendered)."""
    result = Window(name=name, errors={"connect": 0, "read": 0, "write": 0, "timeout": 0})

    def one(path):
        started = time.perf_counter()
        status, headers = get(base_url + path, timeout=timeout)
        return status, headers.get("X-Cache", "none"), (time.perf_counter() - started) * 1000

    started = time.perf_counter()
    with ThreadPoolExecutor(workers) as pool:
        answers = list(pool.map(one, paths))
    result.seconds = time.perf_counter() - started
    times = sorted(ms for status, _state, ms in answers if status)
    for status, state, _ms in answers:
        if not status:
            result.errors["read"] += 1
            continue
        result.requests += 1
        result.statuses[str(status)] = result.statuses.get(str(status), 0) + 1
        result.x_cache[state] = result.x_cache.get(state, 0) + 1
    if times:
        rank = lambda pct: times[max(0, -(-pct * len(times) // 100) - 1)]  # noqa: E731
        result.p50_ms, result.p95_ms, result.p99_ms = rank(50), rank(95), rank(99)
    return result


def window(name, data):
    """The Window of the JSON line mix.lua's done() prints (times in microseconds)."""
    latency = data["latency_us"]
    empty = not data["requests"]
    return Window(
        name=name,
        seconds=data["duration_us"] / 1e6,
        requests=data["requests"],
        p50_ms=None if empty else latency["p50"] / 1000,
        p95_ms=None if empty else latency["p95"] / 1000,
        p99_ms=None if empty else latency["p99"] / 1000,
        errors={key: int(value) for key, value in data["errors"].items()},
        statuses={str(key): int(value) for key, value in data["statuses"].items()},
        x_cache={str(key): int(value) for key, value in data["x_cache"].items()},
    )
