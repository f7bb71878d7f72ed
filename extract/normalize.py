"""Text normalization with an offset map back to the original, and number parsing.

The extractor reads NFKC-normalized text (full-width digits and letters become ASCII,
``㎞`` becomes ``km``) but reports evidence as offsets into the text it was given. So
normalization works segment by segment (a base character plus the marks that compose
with it) and records, for every output character, the original segment it came from.

Before NFKC a few characters are rewritten because NFKC would lose what they mean:
circled numbers (①, which NFKC turns into a bare ``1`` glued to the next time) become
``(1)``; dashes, minus signs and wave dashes become ``-`` and ``~``; curly quotes become
straight ones; zero-width and soft-hyphen characters disappear.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

_REWRITE: dict[str, str] = {}
for _i in range(20):  # ① .. ⑳
    _REWRITE[chr(0x2460 + _i)] = f"({_i + 1})"
for _i in range(15):  # ㉑ .. ㉟
    _REWRITE[chr(0x3251 + _i)] = f"({_i + 21})"
for _i in range(15):  # ㊱ .. ㊿
    _REWRITE[chr(0x32B1 + _i)] = f"({_i + 36})"
for _base in (0x2776, 0x2780, 0x278A):  # ❶ .. ❿, ➀ .. ➉, ➊ .. ➓
    for _i in range(10):
        _REWRITE[chr(_base + _i)] = f"({_i + 1})"
for _c in "\u2010\u2011\u2012\u2013\u2014\u2015\u2212\ufe58\ufe63\uff0d":
    _REWRITE[_c] = "-"
for _c in "\u301c\uff5e\u223c":
    _REWRITE[_c] = "~"
for _c in "\u2018\u2019\u201a\u201b\u2032":
    _REWRITE[_c] = "'"
for _c in "\u201c\u201d\u201e\u201f\u2033\u300c\u300d":
    _REWRITE[_c] = '"'
for _c in "\u200b\u200c\u2060\ufeff\u00ad":
    _REWRITE[_c] = ""


def _joins_previous(ch: str) -> bool:
    """True when NFKC may compose ``ch`` with the character before it."""
    o = ord(ch)
    return (
        unicodedata.combining(ch) != 0
        or 0x1160 <= o <= 0x11FF  # Hangul medial vowels and final consonants
        or 0xD7B0 <= o <= 0xD7FF
        or o in (0xFF9E, 0xFF9F)  # half-width katakana voiced marks
    )


def _norm_segment(seg: str) -> str:
    if len(seg) == 1:
        rep = _REWRITE.get(seg)
        if rep is not None:
            return rep
        o = ord(seg)
        if o < 0x20 and seg not in "\n\t":
            return " "
    return unicodedata.normalize("NFKC", seg)


@lru_cache(maxsize=65536)
def _joins_cached(ch: str) -> bool:
    return _joins_previous(ch)


@lru_cache(maxsize=65536)
def _piece_cached(ch: str) -> str:
    return _norm_segment(ch)


@dataclass(frozen=True)
class Normalized:
    """Normalized text and, per normalized character, its original [start, end)."""

    text: str
    starts: list[int]
    ends: list[int]
    original: str

    def span(self, start: int, end: int) -> tuple[int, int]:
        """Original [start, end) of the normalized [start, end)."""
        n = len(self.text)
        if n == 0:
            return 0, 0
        start = min(max(start, 0), n - 1)
        end = min(max(end, start + 1), n)
        return self.starts[start], self.ends[end - 1]


_NON_ASCII = re.compile(r"[^\x00-\x7f]+")
_CTRL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")


def normalize(text: str) -> Normalized:
    """NFKC-normalize ``text`` with the rewrites above, keeping an offset map."""
    out: list[str] = []
    starts: list[int] = []
    ends: list[int] = []
    pos = 0

    def ascii_run(a: int, b: int) -> None:
        chunk = _CTRL.sub(" ", text[a:b])
        out.append(chunk)
        starts.extend(range(a, b))
        ends.extend(range(a + 1, b + 1))

    for m in _NON_ASCII.finditer(text):
        a, b = m.start(), m.end()
        # a combining mark after an ASCII letter composes with it: start one earlier
        if a > pos and _joins_previous(text[a]):
            a -= 1
        if a > pos:
            ascii_run(pos, a)
        run = text[a:b]
        if not any(map(_joins_cached, run[1:])):
            # the usual case: every character is a segment of its own (cached, one dict hit each)
            pieces = list(map(_piece_cached, run))
            if all(len(p) == 1 for p in pieces):
                out.append("".join(pieces))
                starts.extend(range(a, b))
                ends.extend(range(a + 1, b + 1))
            else:
                for k, piece in enumerate(pieces, start=a):
                    out.append(piece)
                    starts.extend([k] * len(piece))
                    ends.extend([k + 1] * len(piece))
            pos = b
            continue
        i = a
        while i < b:
            j = i + 1
            while j < len(text) and _joins_previous(text[j]):
                j += 1
            piece = _norm_segment(text[i:j])
            out.append(piece)
            starts.extend([i] * len(piece))
            ends.extend([j] * len(piece))
            i = j
        pos = i
    if pos < len(text):
        ascii_run(pos, len(text))
    return Normalized("".join(out), starts, ends, text)


# --- numbers ---------------------------------------------------------------------------

_GROUPED = re.compile(r"\d{1,3}(?:[, ]\d{3})+(?:\.\d+)?")
_PLAIN = re.compile(r"\d+(?:\.\d+)?")
_SCALED = re.compile(r"(\d{1,4})(\D+?)(\d{0,4})")


def parse_number(s: str, words: dict[str, int] | None = None, scales: dict[str, int] | None = None) -> float | None:
    """A number written with digits (``1,000``, ``7 800``, ``101.1``), as a word, or with a
    scale word between digits (``4천500`` = 4500, ``1千`` = 1000, with ``scales`` {"천": 1000}).

    Returns None for anything else; never raises.
    """
    if not isinstance(s, str):
        return None
    t = s.strip()
    if not t:
        return None
    if words:
        w = words.get(t.lower())
        if w is not None:
            return float(w)
    if scales:
        m = _SCALED.fullmatch(t)
        if m and m.group(2) in scales:
            return float(int(m.group(1)) * scales[m.group(2)] + int(m.group(3) or 0))
    if _GROUPED.fullmatch(t):
        t = t.replace(",", "").replace(" ", "")
    elif not _PLAIN.fullmatch(t):
        return None
    try:
        v = float(t)
    except ValueError:  # pragma: no cover - the patterns above only let digits through
        return None
    if v != v or v in (float("inf"), float("-inf")):
        return None
    return v
