"""A literal prefilter for compiled patterns: skip a scan that cannot match.

Python's ``re`` tries a pattern at every position of a text unless the pattern starts
with a case-sensitive literal or character set. Most rules here start with ``\\b`` or
match case-insensitively, so each rule costs tens of nanoseconds per character of every
sentence it is asked about, and the extractor asks several dozen rules about each one.

Many rules cannot match without one of a few words in the text (a munition rule needs
"missile", "rocket", ...; a speaker rule needs an authority's name). ``required`` reads a
pattern's parse tree and returns such a set of literal strings, in lower case: every
match contains at least one of them. ``gated`` wraps a compiled pattern so that a text
without any of them is answered at once (a substring test in C) and any other text goes
to the pattern itself. The answer is the same either way; only the time differs.
"""

from __future__ import annotations

import re
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
MAX_WORDS = 64
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


class Gated:
    """A compiled pattern behind its literal prefilter (the methods the engine uses)."""

    __slots__ = ("rx", "words", "pattern", "flags", "groupindex")

    def __init__(self, rx: re.Pattern[str], words: tuple[str, ...]) -> None:
        self.rx = rx
        self.words = words
        self.pattern = rx.pattern
        self.flags = rx.flags
        self.groupindex = rx.groupindex

    def _may(self, text: str) -> bool:
        low = _lower(text)
        if low is None:
            return True
        return any(w in low for w in self.words)

    def search(self, text: str, *args) -> re.Match[str] | None:
        return self.rx.search(text, *args) if self._may(text) else None

    def match(self, text: str, *args) -> re.Match[str] | None:
        return self.rx.match(text, *args) if self._may(text) else None

    def fullmatch(self, text: str, *args) -> re.Match[str] | None:
        return self.rx.fullmatch(text, *args) if self._may(text) else None

    def finditer(self, text: str, *args) -> Iterator[re.Match[str]]:
        return self.rx.finditer(text, *args) if self._may(text) else iter(())

    def sub(self, repl, text: str, count: int = 0) -> str:
        return self.rx.sub(repl, text, count) if self._may(text) else text


_last: list = [None, None]  # the last text lowered and its lower case: rules ask about one sentence in a row


def _lower(text: str) -> str | None:
    """``text`` in lower case, or None when lowering changes its length (then no filtering)."""
    if text is _last[0]:
        return _last[1]
    low = text.lower().translate(_FOLD)
    if len(low) != len(text):
        low = None
    _last[0], _last[1] = text, low
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


def gated(rx: re.Pattern[str] | None) -> re.Pattern[str] | Gated | None:
    """``rx`` behind a prefilter when it has required literals and ``re`` has no fast start."""
    if rx is None:
        return None
    words = required(rx.pattern, rx.flags)
    if not words or scans_fast(rx.pattern, rx.flags):
        return rx
    return Gated(rx, words)
