"""A progress line on the terminal: share done, rows, rate, time left. Only when the stream
is a terminal (a redirected or captured stderr gets nothing), at most ten redraws a second.
"""

import time


def _duration(seconds):
    minutes, seconds = divmod(int(seconds), 60)
    hours, minutes = divmod(minutes, 60)
    return f"{hours}:{minutes:02d}:{seconds:02d}" if hours else f"{minutes}:{seconds:02d}"


class Progress:
    WIDTH = 28

    def __init__(self, stream, label, total=None):
        self.stream = stream
        self.enabled = bool(stream is not None and getattr(stream, "isatty", lambda: False)())
        self.label = label
        self.total = total  # of ``done``: rows, or bytes of the file
        self.done = 0
        self.rows = 0
        self.started = time.monotonic()
        self._drawn = 0.0

    def update(self, done, rows=None):
        self.done = done
        self.rows = done if rows is None else rows
        now = time.monotonic()
        if self.enabled and now - self._drawn >= 0.1:
            self._drawn = now
            self._draw(now)

    def clear(self):
        """Blank the line, e.g. before printing a message under the bar."""
        if self.enabled:
            self.stream.write("\r\x1b[K")

    def _draw(self, now):
        elapsed = max(now - self.started, 1e-6)
        rate = self.rows / elapsed
        counts = f"{self.rows:,} {rate:,.0f}/s {_duration(elapsed)}"
        text = f"{self.label} {counts}"
        if self.total:
            share = min(self.done / self.total, 1.0)
            filled = int(share * self.WIDTH)
            bar = "█" * filled + "░" * (self.WIDTH - filled)
            left = elapsed * (1 - share) / share if share else 0
            text = f"{self.label} {bar} {share:4.0%} {counts} (-{_duration(left)})"
        self.stream.write("\r" + text + "\x1b[K")
        self.stream.flush()

    def close(self):
        if self.enabled:
            self._draw(time.monotonic())
            self.stream.write("\n")
            self.stream.flush()
