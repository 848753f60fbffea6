"""A progress line on the terminal: rows done, rate, time left. Only when the stream is a TTY
(a redirected or captured stderr gets nothing), at most ten redraws a second."""

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
        self.total = total
        self.done = 0
        self.started = time.monotonic()
        self._drawn = 0.0

    def update(self, done):
        self.done = done
        now = time.monotonic()
        if self.enabled and now - self._drawn >= 0.1:
            self._drawn = now
            self._draw(now)

    def _draw(self, now):
        elapsed = max(now - self.started, 1e-6)
        rate = self.done / elapsed
        if self.total:
            share = min(self.done / self.total, 1.0)
            filled = int(share * self.WIDTH)
            bar = "█" * filled + "░" * (self.WIDTH - filled)
            left = (self.total - self.done) / rate if rate else 0
            text = (
                f"{self.label} {bar} {share:4.0%} {self.done:,}/{self.total:,} "
                f"{rate:,.0f}/s {_duration(elapsed)} (-{_duration(left)})"
            )
        else:
            text = f"{self.label} {self.done:,} {rate:,.0f}/s {_duration(elapsed)}"
        self.stream.write("\r" + text + "\x1b[K")
        self.stream.flush()

    def close(self):
        if self.enabled:
            self._draw(time.monotonic())
            self.stream.write("\n")
            self.stream.flush()
