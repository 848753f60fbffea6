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

# Little words of the five languages that never give an initial (articles, prepositions and
# their elided forms: "dell'Arte", "l'Atelier").
SMALL_WORDS = {
    "a", "an", "and", "at", "by", "for", "from", "in", "of", "on", "the", "to", "with",
    "al", "alla", "alle", "allo", "ai", "agli", "all", "con", "d", "da", "dal", "dalla", "dall",
    "dei", "degli", "del", "della", "delle", "dello", "dell", "di", "e", "ed", "fra", "gli", "i",
    "il", "l", "la", "le", "lo", "nel", "nella", "nell", "per", "su", "sul", "sulla", "sull",
    "tra", "un", "una", "uno",
    "au", "aux", "de", "des", "du", "en", "et", "les", "sur", "une",
    "am", "beim", "dem", "den", "der", "die", "das", "ein", "eine", "einer", "für", "im", "und",
    "vom", "von", "zu", "zum", "zur",
    "el", "las", "los", "por", "y",
}  # fmt: skip
# A capital alone, with or without a full stop: "F O R", "E. S. K." spell one word (small
# letters alone are words: "e", "a", "y").
_LETTER = re.compile(r"[^\W\d_]\.?")
# Letters with full stops: "E.S.K.", "J.M.W." are one word too.
_DOTTED = re.compile(r"(?:[^\W\d_]\.){2,}[^\W\d_]?")
WHITE = (1.0, 1.0, 1.0)
MIN_CONTRAST = 4.5


@dataclass(frozen=True)
class Monogram:
    initials: str
    background: str  # "#rrggbb"
    foreground: str
    contrast: float


def _words(name):
    """The words of ``name`` as (word, is_spelled_out) pairs. Capitals spaced out ("F O R")
    or written with full stops ("E.S.K.") are one word, never a little word; other tokens
    split at hyphens, apostrophes and slashes ("Beaux-Arts", "l'Atelier", "On/Off")."""
    words = []
    letters = []

    def end_of_letters():
        if len(letters) > 1:
            words.append(("".join(letters), True))
        else:
            words.extend((letter, False) for letter in letters)
        letters.clear()

    for token in (name or "").split():
        if _LETTER.fullmatch(token) and token[0].isupper():
            letters.append(token[0])
            continue
        end_of_letters()
        if _DOTTED.fullmatch(token):
            words.append((token.replace(".", ""), True))
        else:
            words.extend((word, False) for word in re.findall(r"[^\W_]+", token))
    end_of_letters()
    return words


def initials(name):
    """At most two initials, from the first two significant words: "Museo Civico di Genova"
    → "MC", "Tate" → "T", "F O R" → "F", "Polo del '900" → "P". Little words and numbers
    give none, unless the name has nothing else."""
    words = _words(name)
    significant = [
        word
        for word, spelled_out in words
        if not word[0].isdigit() and (spelled_out or word.casefold() not in SMALL_WORDS)
    ]
    significant = significant or [word for word, _spelled_out in words]
    # One character a word even where capitalising makes two ("ß" → "SS").
    return "".join(word[0].upper()[0] for word in significant[:2]) or "?"


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
