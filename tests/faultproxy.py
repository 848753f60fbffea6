"""A TCP proxy that a test can cut and restore: a database or cache server "going away"
without touching the real server, which other tests share.

    with FaultProxy("127.0.0.1", 5432) as proxy:
        url = f"postgres://postgres@127.0.0.1:{proxy.port}/mydb"   # give this to the app
        proxy.cut()        # open connections are reset, new ones closed at once
        proxy.hang()       # or: nothing passes, connections stay open (timeouts)
        proxy.restore()    # traffic flows again; connections cut before stay dead

Each client connection is served by one thread shuttling bytes both ways; the proxy keeps
working until ``close()`` (or the end of the ``with`` block).
"""

import contextlib
import select
import socket
import struct
import threading

FLOWING, CUT, HUNG = "flowing", "cut", "hung"
POLL_SECONDS = 0.05


class FaultProxy:
    def __init__(self, target_host, target_port, host="127.0.0.1", port=0):
        self.target = (target_host, target_port)
        self.state = FLOWING
        self._listener = socket.create_server((host, port))
        self._listener.settimeout(POLL_SECONDS)
        self.host, self.port = self._listener.getsockname()[:2]
        self._pairs = set()
        self._lock = threading.Lock()
        self._closed = threading.Event()
        self._accepting = threading.Thread(target=self._accept, daemon=True)
        self._accepting.start()

    def __enter__(self):
        return self

    def __exit__(self, *exc_info):
        self.close()

    # What the test does ----------------------------------------------------------------------

    def cut(self):
        """As a server that died: open connections reset, new ones dropped on arrival."""
        self.state = CUT
        with self._lock:
            pairs, self._pairs = self._pairs, set()
        for pair in pairs:
            _reset(*pair)

    def hang(self):
        """As a server that stopped answering: bytes are held, connections stay open."""
        self.state = HUNG

    def restore(self):
        self.state = FLOWING

    def close(self):
        self._closed.set()
        self._accepting.join()
        self._listener.close()
        self.cut()

    # The proxy -------------------------------------------------------------------------------

    def _accept(self):
        while not self._closed.is_set():
            try:
                client, _address = self._listener.accept()
            except TimeoutError:
                continue
            if self.state == CUT:
                _reset(client)
                continue
            threading.Thread(target=self._serve, args=(client,), daemon=True).start()

    def _serve(self, client):
        try:
            upstream = socket.create_connection(self.target, timeout=5)
        except OSError:
            _reset(client)
            return
        pair = (client, upstream)
        with self._lock:
            self._pairs.add(pair)
        peer = {client: upstream, upstream: client}
        try:
            while not self._closed.is_set():
                if self.state == HUNG:
                    self._closed.wait(POLL_SECONDS)
                    continue
                readable, _, _ = select.select(list(peer), [], [], POLL_SECONDS)
                for sock in readable:
                    data = sock.recv(65536)
                    if not data:
                        return
                    peer[sock].sendall(data)
        except (OSError, ValueError):
            return  # cut: the sockets were reset under us
        finally:
            with self._lock:
                self._pairs.discard(pair)
            _reset(client, upstream)


def _reset(*sockets):
    """Close with a TCP reset, as a crashed server's kernel answers."""
    for sock in sockets:
        with contextlib.suppress(OSError):
            sock.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
        sock.close()
