"""The servers of a load test: its own redis-server and gunicorn on free loopback ports, and
the PostgreSQL cluster that serves the bench database.

redis-server and gunicorn run in process groups of their own, so that stopping one stops
its children too (gunicorn's workers); ``stop`` is safe to call twice and from ``finally``.
The PostgreSQL cluster is not ours: the fault only stops and starts it, with the Debian
cluster tools, and ``PostgresCluster.ensure_running`` starts it again whatever happened.
"""

import os
import signal
import socket
import subprocess
import time
import urllib.error
import urllib.request
from pathlib import Path
from urllib.parse import urlsplit

HOST = "127.0.0.1"


def free_port():
    """A TCP port on the loopback interface that nothing listens on (now)."""
    with socket.socket() as sock:
        sock.bind((HOST, 0))
        return sock.getsockname()[1]


def get(url, timeout=2.0):
    """(status, headers) of a GET to ``url``; status 0 when nothing answered."""
    try:
        with urllib.request.urlopen(url, timeout=timeout) as response:
            response.read()
            return response.status, response.headers
    except urllib.error.HTTPError as error:
        return error.code, error.headers
    except (OSError, urllib.error.URLError):
        return 0, {}


def wait_for(condition, timeout, interval=0.1):
    """Seconds until ``condition()`` held (polled every ``interval``), or None."""
    started = time.monotonic()
    while time.monotonic() - started < timeout:
        if condition():
            return time.monotonic() - started
        time.sleep(interval)
    return None


class Process:
    """A child process in a session (and process group) of its own, its output in a log."""

    def __init__(self, name, command, log_path, env=None):
        self.name, self.command, self.log_path, self.env = name, command, Path(log_path), env
        self.popen = None

    def start(self):
        self.log_path.parent.mkdir(parents=True, exist_ok=True)
        with self.log_path.open("ab") as log:
            self.popen = subprocess.Popen(
                self.command,
                env=self.env,
                stdin=subprocess.DEVNULL,
                stdout=log,
                stderr=subprocess.STDOUT,
                start_new_session=True,
            )

    @property
    def running(self):
        return self.popen is not None and self.popen.poll() is None

    def stop(self, timeout=15):
        """SIGTERM to the group, SIGKILL after ``timeout`` seconds."""
        if not self.running:
            return
        for sig in (signal.SIGTERM, signal.SIGKILL):
            try:
                os.killpg(self.popen.pid, sig)
                self.popen.wait(timeout)
                return
            except ProcessLookupError:
                return
            except subprocess.TimeoutExpired:
                continue

    def log_tail(self, lines=30):
        try:
            return "\n".join(self.log_path.read_text(errors="replace").splitlines()[-lines:])
        except OSError:
            return ""


class RedisServer(Process):
    """A throw-away redis-server (no persistence) that the Redis fault may stop."""

    def __init__(self, port, log_path):
        command = ["redis-server", "--bind", HOST, "--port", str(port)]
        command += ["--save", "", "--appendonly", "no"]
        super().__init__("redis-server", command, log_path)
        self.port = port
        self.url = f"redis://{HOST}:{port}/0"

    def start(self, timeout=10):
        super().start()
        if wait_for(self.answers, timeout) is None:
            self.stop()
            raise RuntimeError(
                f"redis-server did not start on port {self.port}:\n{self.log_tail()}"
            )

    def answers(self):
        try:
            with socket.create_connection((HOST, self.port), timeout=0.5) as sock:
                sock.sendall(b"PING\r\n")
                return sock.recv(16).startswith(b"+PONG")
        except OSError:
            return False

    def version(self):
        output = subprocess.run(["redis-server", "--version"], capture_output=True, text=True)
        return output.stdout.split(" v=")[-1].split()[0] if " v=" in output.stdout else "?"


class Gunicorn(Process):
    """gunicorn with the repository's gunicorn.conf.py (when there is one), bound to
    ``port`` on the loopback interface; ``extra_args`` override the configuration."""

    def __init__(self, port, log_path, env, repo, extra_args=()):
        command = [str(repo / ".venv" / "bin" / "gunicorn")]
        if (repo / "gunicorn.conf.py").exists():
            command += ["-c", str(repo / "gunicorn.conf.py")]
        command += ["--bind", f"{HOST}:{port}", *extra_args, "heritagehub.wsgi"]
        super().__init__("gunicorn", command, log_path, {**env, "PYTHONPATH": str(repo)})
        self.base_url = f"http://{HOST}:{port}"

    def start(self, health_path, timeout=90):
        super().start()
        ready = wait_for(
            lambda: not self.running or get(self.base_url + health_path)[0] == 200, timeout, 0.25
        )
        if ready is None or not self.running:
            self.stop()
            raise RuntimeError(
                f"gunicorn did not answer {health_path} with 200:\n{self.log_tail()}"
            )

    def workers(self):
        """(worker class as gunicorn's log states it, number of worker processes now)."""
        text = self.log_path.read_text(errors="replace")
        kind = text.rsplit("Using worker: ", 1)[-1].split()[0] if "Using worker" in text else "?"
        children = Path(f"/proc/{self.popen.pid}/task/{self.popen.pid}/children")
        return kind, len(children.read_text().split()) if children.exists() else 0


class PostgresCluster:
    """The Debian PostgreSQL cluster listening on the port of ``database_url``."""

    def __init__(self, database_url):
        self.database_url = database_url
        self.port = urlsplit(database_url).port or 5432
        self.version, self.name = self._find()
        self.stopped = False

    def _find(self):
        output = subprocess.run(
            ["pg_lsclusters", "--no-header"], capture_output=True, text=True, check=True
        ).stdout
        for line in output.splitlines():
            version, name, port, *_rest = line.split()
            if int(port) == self.port:
                return version, name
        raise RuntimeError(f"No PostgreSQL cluster of pg_lsclusters listens on port {self.port}.")

    def __str__(self):
        return f"PostgreSQL cluster {self.version}/{self.name} (port {self.port})"

    def _ctl(self, action, *options):
        command = ["pg_ctlcluster", "--skip-systemctl-redirect", self.version, self.name, action]
        subprocess.run([*command, *options], check=True, capture_output=True)

    def stop(self):
        """Stop the server, terminating every client connection (``-m fast``)."""
        self.stopped = True
        self._ctl("stop", "-m", "fast")

    def start(self):
        self._ctl("start")
        self.stopped = False

    def ensure_running(self):
        if self.stopped:
            self.start()

    def accepts_connections(self):
        import psycopg

        try:
            with psycopg.connect(self.database_url, connect_timeout=1) as connection:
                connection.execute("SELECT 1")
            return True
        except psycopg.Error:
            return False
