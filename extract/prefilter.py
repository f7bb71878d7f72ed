"""Faster forms of compiled rules, with the same answers.

Python's ``re`` tries a pattern at every position of a text unless the pattern starts
with a case-sensitive literal or character set, and under IGNORECASE every literal of an
alternation is compared the slow way. Most English rules start with ``\\b`` and match
case-insensitively, so each cost tens of nanoseconds per character of every sentence it
was asked about, and the extractor asks several dozen rules about each sentence.

``fast(rx)`` wraps a compiled rule with two shortcuts:

- a literal prefilter: ``required`` reads the pattern's parse tree for a set of strings
  one of which every match contains ("missile", "rocket", ... for a munition rule); a text
  (in lower case) with none of them is answered at once by substring tests in C;
- a folded scan: an IGNORECASE pattern is rewritten, on its parse tree, into a
  case-sensitive one over lower-cased text (``folded``), which ``re`` scans three to five
  times faster. Each place it finds is matched again by the rule itself on the original
  text, so groups and spans are the rule's own.

A case-sensitive part of a rule is folded too, so the folded scan may find a place the
rule rejects: then the whole text goes to the rule. A rule the rewrite cannot take (a
character whose lower case is longer) and a text whose lower case changes its length
use the rule as it is.
"""

from __future__ import annotations

import re
import sys
from collections.abc import Iterator

try:  # Python 3.11+
    from re import _compiler as sre_compile
    from re import _constants as sre_c
    from re import _parser as sre_parse
except ImportError:  # pragma: no cover - older Pythons
    import sre_compile  # type: ignore[no-redef]
    import sre_constants as sre_c  # type: ignore[no-redef]
    import sre_parse  # type: ignore[no-redef]

MIN_LEN = 2  # a one-letter literal is in nearly every text: no use as a filter
MAX_WORDS = 64  # each word is one substring test: beyond this they cost what the scan costs
SHORT = 60  # a text this short is scanned at once: the test would cost more than it saves
_REPEATS = {sre_c.MAX_REPEAT, sre_c.MIN_REPEAT} | (
    {sre_c.POSSESSIVE_REPEAT} if hasattr(sre_c, "POSSESSIVE_REPEAT") else set()
)
_ATOMIC = getattr(sre_c, "ATOMIC_GROUP", None)
# characters that IGNORECASE matches to an ASCII letter but str.lower() leaves alone
_FOLD = str.maketrans({"\u0131": "i", "\u017f": "s"})


def required(pattern: str, flags: int = 0) -> tuple[str, ...] | None:
    """Lower-case strings one of which every match of ``pattern`` contains, or None."""
    try:
        tree = sre_parse.parse(pattern, flags)
    except (re.error, TypeError, ValueError):
        return None
    words = _seq(list(tree))
    if not words or min(map(len, words)) < MIN_LEN or len(words) > MAX_WORDS:
        return None
    return tuple(sorted(words))


def _seq(items: list) -> frozenset[str] | None:
    """The best literal set of a sequence: a run of literals, or the set of one element."""
    candidates: list[frozenset[str]] = []
    run = ""
    for op, av in items:
        if op is sre_c.LITERAL:
            run += chr(av).lower()
            continue
        if run:
            candidates.append(frozenset([run]))
            run = ""
        got = _elem(op, av)
        if got:
            candidates.append(got)
    if run:
        candidates.append(frozenset([run]))
    if not candidates:
        return None
    return max(candidates, key=lambda s: (min(map(len, s)), -len(s)))


def _elem(op, av) -> frozenset[str] | None:
    if op is sre_c.SUBPATTERN:
        return _seq(list(av[3]))
    if _ATOMIC is not None and op is _ATOMIC:
        return _seq(list(av))
    if op is sre_c.BRANCH:
        out: set[str] = set()
        for alt in av[1]:
            got = _seq(list(alt))
            if not got:
                return None  # an alternative that needs no literal: the branch needs none
            out |= got
        return frozenset(out)
    if op in _REPEATS:
        lo, _hi, item = av
        return _seq(list(item)) if lo >= 1 else None
    return None


class Fast:
    """A compiled rule with its prefilter and folded form (the methods the engine uses)."""

    __slots__ = ("rx", "words", "low", "pattern", "flags", "groupindex")

    def __init__(self, rx: re.Pattern[str], words: tuple[str, ...] | None, low: re.Pattern[str] | None) -> None:
        self.rx = rx
        self.words = words
        self.low = low
        self.pattern = rx.pattern
        self.flags = rx.flags
        self.groupindex = rx.groupindex

    def _may(self, text: str) -> bool:
        if self.words is None or len(text) < SHORT:
            return True
        low = _lower(text)
        return low is None or any(w in low for w in self.words)

    def search(self, text: str, pos: int = 0, endpos: int = sys.maxsize) -> re.Match[str] | None:
        if not self._may(text):
            return None
        low = _lower(text) if self.low is not None else None
        if low is None:
            return self.rx.search(text, pos, endpos)
        m = self.low.search(low, pos, endpos)
        if m is None:
            return None
        return self._same(m, text, endpos) or self.rx.search(text, pos, endpos)

    def match(self, text: str, pos: int = 0, endpos: int = sys.maxsize) -> re.Match[str] | None:
        return self.rx.match(text, pos, endpos)  # anchored: as fast as it gets

    def fullmatch(self, text: str, pos: int = 0, endpos: int = sys.maxsize) -> re.Match[str] | None:
        return self.rx.fullmatch(text, pos, endpos)

    def finditer(self, text: str, pos: int = 0, endpos: int = sys.maxsize) -> Iterator[re.Match[str]]:
        if not self._may(text):
            return iter(())
        low = _lower(text) if self.low is not None else None
        if low is None:
            return self.rx.finditer(text, pos, endpos)
        out: list[re.Match[str]] = []
        for m in self.low.finditer(low, pos, endpos):
            same = self._same(m, text, endpos)
            if same is None:
                return self.rx.finditer(text, pos, endpos)
            out.append(same)
        return iter(out)

    def sub(self, repl, text: str, count: int = 0) -> str:
        return self.rx.sub(repl, text, count) if self._may(text) else text

    def _same(self, m: re.Match[str], text: str, endpos: int) -> re.Match[str] | None:
        """The rule's own match where the folded scan found one (None if they disagree)."""
        own = self.rx.match(text, m.start(), endpos)
        return own if own is not None and own.end() == m.end() else None


# the last text lowered and its lower case (rules ask about one sentence in a row); one tuple,
# replaced whole, so that threads reading at once never see one text with another's lower case
_last: tuple[str | None, str | None] = (None, None)


def _lower(text: str) -> str | None:
    """``text`` in lower case, or None when lowering changes its length (then no shortcut)."""
    global _last
    last = _last
    if text is last[0]:
        return last[1]
    low: str | None = text.lower()
    if "\u0131" in low or "\u017f" in low:
        low = low.translate(_FOLD)
    if len(low) != len(text):
        low = None
    _last = (text, low)
    return low


def scans_fast(pattern: str, flags: int = 0) -> bool:
    """True when ``re`` itself skips ahead to a literal or character set this pattern starts
    with (as it does for most Japanese and Korean rules): a prefilter would only add work."""
    try:
        tree = sre_parse.parse(pattern, flags)
        prefix, _, _ = sre_compile._get_literal_prefix(tree, tree.state.flags)
        return bool(prefix) or bool(sre_compile._get_charset_prefix(tree, tree.state.flags))
    except Exception:  # noqa: BLE001 - private helpers of re; without them, filter everything
        return False


# --- the folded form ------------------------------------------------------------------


class _CannotFold(Exception):
    pass


def folded(rx: re.Pattern[str]) -> re.Pattern[str] | None:
    """A case-sensitive pattern that matches the lower-cased text where the IGNORECASE ``rx``
    matches the text, or None when ``rx`` is case-sensitive or cannot be rewritten."""
    if not rx.flags & re.IGNORECASE:
        return None
    try:
        tree = sre_parse.parse(rx.pattern, rx.flags)
        _fold_seq(tree, True)
        tree.state.flags &= ~re.IGNORECASE
        return sre_compile.compile(tree, tree.state.flags)
    except (_CannotFold, re.error, AttributeError, TypeError, ValueError, RecursionError):
        return None


def _low(code: int) -> int:
    low = chr(code).lower()
    if len(low) != 1:
        raise _CannotFold
    return ord(low)


def _fold_set(items: list) -> list:
    out: list = []
    for op, av in items:
        if op is sre_c.LITERAL:
            out.append((op, _low(av)))
        elif op is sre_c.RANGE:
            lo, hi = av
            if hi - lo > 0x3000:
                raise _CannotFold
            if any(chr(x).lower() != chr(x) for x in range(lo, hi + 1)):
                out.extend((sre_c.LITERAL, x) for x in sorted({_low(x) for x in range(lo, hi + 1)}))
            else:
                out.append((op, av))
        elif op in (sre_c.NEGATE, sre_c.CATEGORY):
            out.append((op, av))
        else:
            raise _CannotFold
    return out


def _fold_seq(sub, ic: bool):
    sub.data = [_fold_item(op, av, ic) for op, av in sub.data]
    return sub


def _fold_item(op, av, ic: bool):
    if op in (sre_c.LITERAL, sre_c.NOT_LITERAL):
        return (op, _low(av))
    if op is sre_c.IN:
        return (op, _fold_set(av))
    if op is sre_c.SUBPATTERN:
        # a case-sensitive part ((?-i:[A-Z]...)) is folded too: the folded scan then finds a
        # little more, and where the rule itself disagrees the whole text goes to the rule
        group, add, dele, p = av
        return (op, (group, add & ~re.IGNORECASE, dele & ~re.IGNORECASE, _fold_seq(p, ic)))
    if op is sre_c.BRANCH:
        return (op, (av[0], [_fold_seq(p, ic) for p in av[1]]))
    if op in _REPEATS:
        lo, hi, p = av
        return (op, (lo, hi, _fold_seq(p, ic)))
    if op in (sre_c.ASSERT, sre_c.ASSERT_NOT):
        direction, p = av
        return (op, (direction, _fold_seq(p, ic)))
    if _ATOMIC is not None and op is _ATOMIC:
        return (op, _fold_seq(av, ic))
    if op in (sre_c.AT, sre_c.ANY, sre_c.GROUPREF):
        return (op, av)
    raise _CannotFold


def fast(rx: re.Pattern[str] | None) -> re.Pattern[str] | Fast | None:
    """``rx`` with whichever shortcuts pay: the prefilter unless ``re`` already skips ahead
    on its own, the folded scan for a case-insensitive rule."""
    if rx is None:
        return None
    words = None if scans_fast(rx.pattern, rx.flags) else required(rx.pattern, rx.flags)
    low = folded(rx)
    if words is None and low is None:
        return rx
    return Fast(rx, words, low)
