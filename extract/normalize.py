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
from functools import cache, lru_cache

from .language import Lang

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


def normalize(text: str, lang: Lang | None = None) -> Normalized:
    """NFKC-normalize ``text`` with the rewrites above, keeping an offset map; then tidy
    its layout (see ``_layout``)."""
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
    return _layout(Normalized("".join(out), starts, ends, text), lang)


# --- layout ------------------------------------------------------------------------------
#
# Text pulled from PDFs breaks lines inside sentences and even inside words ("向け\nて発射",
# "約350\nkm"); HTML leaves tabs and runs of spaces (NFKC has already made non-breaking and
# ideographic spaces plain ones, and CR a space). The rules read one space between words and a
# line break only where a sentence, a heading or a list item ends. So: a run of spaces and tabs
# is one space; two or more line breaks are a paragraph break; a single line break, or a page number
# on a line of its own ("- 2 -", "Page 2 of 3": a page ended, mid-sentence as often as not), is a soft wrap
# (joined: nothing between two Japanese characters, else a space) unless the line before ends a
# sentence, the next line starts a list item, or the line before is an English headline.

_PAGE_NUMBER = r"-[ \t]?\d{1,3}[ \t]?-|\d{1,3}[ \t]?/[ \t]?\d{1,3}"  # "- 2 -", "2/3"


@cache
def _ws_run(page_number_line: str) -> re.Pattern[str]:
    page = _PAGE_NUMBER + ("|" + page_number_line if page_number_line else "")
    return re.compile(rf"[ \t]*\n[ \t\n]*(?P<page>(?:{page})[ \t]*\n[ \t\n]*)?|[ \t]{{2,}}|\t")


_ENDS_LINE = re.compile(r"[.!?。:;：；][\"')\]」』]*$")
_BULLET = re.compile(r"[□○■●◆◇▲△▶▷・•*※#-]|\(\d{1,2}\)")
_OWN_LINE = re.compile(r"\s*[▲△]")  # a caption (▲ ...) is a line of its own, never wrapped into the next
_NUMBERED = re.compile(r"\d{1,2}[.)][ \t]*(?=[^\W\d_]|[(\"])")  # "1. ": an item only after a line that ended a sentence
_HEADLINE_WORD = re.compile(r"[^\W\d_][\w'.-]*")


def _cjk(ch: str) -> bool:
    """A Japanese or Chinese character (no spaces between words), not Hangul or Latin."""
    return ch > "\u2e7f" and not ("\uac00" <= ch <= "\ud7a3" or "\u3130" <= ch <= "\u318f")


def _first_line(text: str, line_start: int) -> bool:
    """The line starting at ``line_start`` opens the text or a paragraph."""
    return line_start == 0 or text[max(0, line_start - 2) : line_start] == "\n\n"


def _headline(text: str, line_start: int, line: str, nxt: str, small: frozenset[str]) -> bool:
    """An English headline: the first line of a paragraph, every word but the small ones
    capitalized ("Kim Jong Un Test-fires Large-caliber MRLS"), and a capital after it."""
    if not _first_line(text, line_start):
        return False
    if line.rstrip()[-1:] in ",-&/" or " -" in line or line.count("(") != line.count(")"):
        return False  # a dateline ("Pyongyang, May 14 (KCNA) -- Two", "(Korean") or a phrase runs on
    words = _HEADLINE_WORD.findall(line)
    big = [w for w in words if w.lower() not in small]
    return len(big) >= 3 and all(w[0].isupper() for w in big) and nxt.isupper()


def _soft_wrap(norm: Normalized, a: int, b: int, lang: Lang | None) -> str:
    """What a single line break between text[:a] and text[b:] becomes: "\n" (kept), " " or ""."""
    text = norm.text
    line_start = text.rfind("\n", 0, a) + 1
    line = text[line_start:a]
    if not line or b >= len(text) or _BULLET.match(text, b) or _OWN_LINE.match(line):
        return "\n"
    end = _ENDS_LINE.search(line)
    if end:
        if _NUMBERED.match(text, b):
            return "\n"
        # the English and Korean sentencizers tell "a.m. North" from "p.m. KST" after a space too
        return " " if lang is not None and lang.stop_then_space and end.group(0)[0] in ".!?" else "\n"
    prev, nxt = text[a - 1], text[b]
    small = lang.headline_small_words if lang is not None else frozenset()
    if small and _headline(text, line_start, line, nxt, small):
        return "\n"
    if lang is not None and lang.headline_line and _first_line(text, line_start):
        if re.fullmatch(lang.headline_line, line.strip()):
            return "\n"
    if (lang is not None and lang.breaks_anywhere) or _cjk(prev) or _cjk(nxt):
        # a Japanese line breaks anywhere, full-width letters too ("ＩＣ\nＢＭ"); ASCII words keep a space
        orig = norm.original
        ascii_words = orig[norm.ends[a - 1] - 1].isascii() and orig[norm.starts[b]].isascii()
        return " " if ascii_words and prev.isalpha() and nxt.isalpha() else ""
    return " "


# "，" (or ",") typed for "、": the rules read "、" (a comma between digits groups thousands)
_IDEOGRAPHIC_COMMA = re.compile(r"(?<!\d),|,(?!\d{3})")


def _layout(norm: Normalized, lang: Lang | None) -> Normalized:
    norm = _unwrap(norm, lang)
    if lang is not None and lang.ideographic_comma and "," in norm.text:
        norm = Normalized(_IDEOGRAPHIC_COMMA.sub("、", norm.text), norm.starts, norm.ends, norm.original)
    return norm


def _unwrap(norm: Normalized, lang: Lang | None) -> Normalized:
    text = norm.text
    ws_run = _ws_run(lang.page_number_line if lang is not None else "")
    pieces: list[str] = []
    starts: list[int] = []
    ends: list[int] = []
    pos = 0
    for m in ws_run.finditer(text):
        a, b = m.span()
        breaks = 1 if m.group("page") else m.group(0).count("\n")
        if breaks == 0:
            rep = " "
        elif breaks == 1:
            rep = _soft_wrap(norm, a, b, lang)
        else:
            rep = "\n\n"
        if rep == m.group(0):
            continue
        pieces.append(text[pos:a])
        starts.extend(norm.starts[pos:a])
        ends.extend(norm.ends[pos:a])
        pieces.append(rep)
        # a replacement stands for the whole run it replaces
        starts.extend([norm.starts[a]] * len(rep))
        ends.extend([norm.ends[b - 1]] * len(rep))
        pos = b
    if not pieces:
        return norm
    pieces.append(text[pos:])
    starts.extend(norm.starts[pos:])
    ends.extend(norm.ends[pos:])
    return Normalized("".join(pieces), starts, ends, norm.original)


# --- numbers ---------------------------------------------------------------------------

_GROUPED = re.compile(r"\d{1,3}(?:[, ]\d{3})+(?:\.\d+)?")
_PLAIN = re.compile(r"\d+(?:\.\d+)?")
_DIGIT_RUNS = re.compile(r"(\d+)")


def _scaled_number(t: str, scales: dict[str, int]) -> float | None:
    """6천1백 = 6100, 1만5천 = 15000, 4천500 = 4500: digit runs each followed by a smaller scale word, the last
    run maybe bare; None for any other shape."""
    parts = _DIGIT_RUNS.split(t)  # "", digits, word, digits, word, ...
    if len(parts) < 3 or parts[0] or len(parts) > 9:
        return None
    total, last_scale = 0, None
    for k in range(1, len(parts), 2):
        digits, word = parts[k], parts[k + 1]
        scale = scales.get(word) if word else 1
        if scale is None or (word == "" and k + 2 < len(parts)) or (last_scale is not None and scale >= last_scale):
            return None
        total, last_scale = total + int(digits) * scale, scale
    return float(total) if last_scale != 1 or len(parts) > 3 else None


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
        scaled = _scaled_number(t, scales)
        if scaled is not None:
            return scaled
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
