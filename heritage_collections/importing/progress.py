"""An import's progress: share done, rows, rate, time left. On a terminal a bar redrawn in
place (at most ten times a second); to a file or pipe (a log, cron, CI) a plain line every
``LINE_SECONDS``, the first after that long, so a long import shows it is alive in its log
and a short one writes nothing.
"""

import time


def _duration(seconds):
    minutes, seconds = divmod(int(seconds), 60)
    hours, minutes = divmod(minutes, 60)
    return f"{hours}:{minutes:02d}:{seconds:02d}" if hours else f"{minutes}:{seconds:02d}"


class Progress:
    WIDTH = 28
    LINE_SECONDS = 10.0

    def __init__(self, stream, label, total=None, clock=time.monotonic):
        self.stream = stream
        self.enabled = bool(stream is not None and getattr(stream, "isatty", lambda: False)())
        self.lines = stream is not None and not self.enabled
        self.label = label
        self.total = total  # of ``done``: rows, or bytes of the file
        self.done = 0
        self.rows = 0
        self.clock = clock
        self.started = clock()
        self._drawn = 0.0
        self._line = self.started

    def update(self, done, rows=None):
        self.done = done
        self.rows = done if rows is None else rows
        now = self.clock()
        if self.enabled and now - self._drawn >= 0.1:
            self._drawn = now
            self._draw(now)
        elif self.lines and now - self._line >= self.LINE_SECONDS:
            self._line = now
            self.stream.write(self._text(now, bar=False) + "\n")
            self.stream.flush()

    def clear(self):
        """Blank the line, e.g. before printing a message under the bar."""
        if self.enabled:
            self.stream.write("\r\x1b[K")

    def _text(self, now, bar=True):
        elapsed = max(now - self.started, 1e-6)
        rate = self.rows / elapsed
        counts = f"{self.rows:,} {rate:,.0f}/s {_duration(elapsed)}"
        if not self.total:
            return f"{self.label} {counts}"
        share = min(self.done / self.total, 1.0)
        filled = int(share * self.WIDTH)
        left = elapsed * (1 - share) / share if share else 0
        if not bar:
            return f"{self.label} {share:.0%} {counts} (-{_duration(left)})"
        drawn = "█" * filled + "░" * (self.WIDTH - filled)
        return f"{self.label} {drawn} {share:4.0%} {counts} (-{_duration(left)})"

    def _draw(self, now):
        self.stream.write("\r" + self._text(now) + "\x1b[K")
        self.stream.flush()

    def close(self):
        if self.enabled:
            self._draw(self.clock())
            self.stream.write("\n")
            self.stream.flush()
