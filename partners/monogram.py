"""A partner without a logo gets a monogram: its initials on a colour of its own.

The colour comes from the name (the same partner always looks the same, neighbours look
different) and is darkened until white initials on it meet WCAG's 4.5:1 contrast, so a
directory of partners without logos still reads as designed, not as grey placeholders.
"""

import colorsys
import hashlib
import re
from dataclasses import dataclass
from functools import lru_cache

# Little words of the five languages that never give an initial.
SMALL_WORDS = {
    "a", "an", "and", "at", "the", "of", "for", "in", "on",
    "di", "del", "della", "dei", "degli", "delle", "e", "il", "la", "lo", "le", "gli", "per",
    "de", "du", "des", "et", "l", "d",
    "der", "die", "das", "und", "für", "von", "zu",
    "el", "los", "las", "y",
}  # fmt: skip
WHITE = (1.0, 1.0, 1.0)
MIN_CONTRAST = 4.5


@dataclass(frozen=True)
class Monogram:
    initials: str
    background: str  # "#rrggbb"
    foreground: str
    contrast: float


def initials(name):
    """Up to two initials: "Museo Civico di Genova" → "MC", "Tate" → "T"."""
    words = re.findall(r"[^\W_]+", name or "")
    significant = [word for word in words if word.casefold() not in SMALL_WORDS] or words
    return "".join(word[0] for word in significant[:2]).upper() or "?"


def _channel(value):
    return value / 12.92 if value <= 0.03928 else ((value + 0.055) / 1.055) ** 2.4


def luminance(rgb):
    red, green, blue = (_channel(value) for value in rgb)
    return 0.2126 * red + 0.7152 * green + 0.0722 * blue


def contrast(first, second):
    lighter, darker = sorted((luminance(first), luminance(second)), reverse=True)
    return (lighter + 0.05) / (darker + 0.05)


def _hex(rgb):
    return "#" + "".join(f"{round(value * 255):02x}" for value in rgb)


def _rgb(hue, lightness, saturation):
    """The colour as the 8-bit channels it is written with (contrast is checked on those)."""
    return tuple(round(v * 255) / 255 for v in colorsys.hls_to_rgb(hue, lightness, saturation))


@lru_cache(maxsize=4096)  # a directory page draws two dozen; names change rarely
def monogram(name):
    """The monogram of ``name``: initials, a background derived from it, white text."""
    digest = hashlib.sha256((name or "").encode()).digest()
    hue = digest[0] / 255
    saturation = 0.45 + digest[1] / 255 * 0.25
    lightness = 0.42
    rgb = _rgb(hue, lightness, saturation)
    while contrast(rgb, WHITE) < MIN_CONTRAST:
        lightness -= 0.02
        rgb = _rgb(hue, lightness, saturation)
    return Monogram(initials(name), _hex(rgb), _hex(WHITE), round(contrast(rgb, WHITE), 2))
