"""Named rules: a language's patterns compiled with their stable ids, and the decision rules.

``compiled(code)`` turns a language's ``Lang`` (language/schema.py) into ``Rules``: one
attribute per key, each a ``RuleSet`` (the key's patterns tried as one alternation, the id of
the one that matched read back from its group), a tuple of ``Rule`` (tried in turn, each with
its value or role), or the key's plain data. A pattern's id is ``<language>.<family>.<name>``.

A decision rule is a choice the components make the same way in every language ("the date
beside the first launch time", "a count stated beside its parts is the total"); it is
declared once with ``decision(id, meaning)`` in the component that applies it, and named
``any.<family>.<name>``. ``--explain`` and the evidence cite both kinds by id.
"""

from __future__ import annotations

import re
from contextvars import ContextVar
from dataclasses import dataclass, fields
from functools import cache

from .language import LANGUAGES, Lang, language
from .language.schema import rule_families
from .prefilter import fast

DECISIONS: dict[str, str] = {}  # decision rule id -> what it decides


def decision(rule_id: str, meaning: str) -> str:
    """Declare a decision rule (once, at import of the component that applies it); returns its id."""
    if not rule_id.startswith("any."):
        raise ValueError(f"a decision rule's id starts with 'any.': {rule_id}")
    DECISIONS[rule_id] = meaning
    return rule_id


# Explaining a text notes every rule that matched in it: the rules of an explained text are compiled recording
# (``compiled(code, recording=True)``) into the set this holds while the text is read. Plain runs pay nothing.
MATCHED: ContextVar[set[str] | None] = ContextVar("launchfeed_matched_rules", default=None)


class RuleSet:
    """The rules of one key as one compiled alternation; ``rule_of(match)`` names the rule that matched."""

    def __init__(self, ids: list[str], patterns: list[str], flags: int, recording: bool = False) -> None:
        self.ids = ids
        if len(patterns) == 1:
            self._names: dict[str, str] = {}
            rx = fast(re.compile(patterns[0], flags))
        else:
            self._names = {f"_r{k}": rule_id for k, rule_id in enumerate(ids)}
            joined = "|".join(f"(?P<_r{k}>{p})" for k, p in enumerate(patterns))
            rx = fast(re.compile(joined, flags))
        self.rx = _Recording(rx, self.rule_of) if recording else rx
        self.search = self.rx.search
        self.match = self.rx.match
        self.fullmatch = self.rx.fullmatch
        self.finditer = self.rx.finditer
        self.sub = self.rx.sub

    def rule_of(self, m: re.Match[str]) -> str:
        return self._names.get(m.lastgroup or "", self.ids[0]) if self._names else self.ids[0]


class _Recording:
    """A compiled pattern that notes the rule of each match it finds in ``MATCHED``."""

    def __init__(self, rx, rule_of) -> None:
        self.rx = rx
        self.rule_of = rule_of

    def _note(self, m):
        if m is not None and (matched := MATCHED.get()) is not None:
            matched.add(self.rule_of(m))
        return m

    def search(self, *args):
        return self._note(self.rx.search(*args))

    def match(self, *args):
        return self._note(self.rx.match(*args))

    def fullmatch(self, *args):
        return self._note(self.rx.fullmatch(*args))

    def finditer(self, *args):
        for m in self.rx.finditer(*args):
            yield self._note(m)

    def sub(self, repl, text, count=0):
        return self.rx.sub(lambda m: (self._note(m), repl if isinstance(repl, str) else repl(m))[1], text, count)


@dataclass(frozen=True)
class Rule:
    """One rule tried on its own: a pattern with its value, or a role with its left and right contexts."""

    id: str
    rx: object  # a compiled pattern (or its prefiltered form); None for a role rule
    value: str | None = None
    left: object = None
    right: object = None


class Rules:
    """A language's keys, compiled. Keys that hold no pattern are the language's data as they are."""

    def __init__(self, lang: Lang, recording: bool = False) -> None:
        self.lang = lang
        self.recording = recording
        self.code = lang.code
        self.flags = re.IGNORECASE if lang.ignore_case else 0
        families = rule_families()
        self.ids: list[str] = []
        for f in fields(Lang):
            value = getattr(lang, f.name)
            if f.name not in families:
                setattr(self, f.name, value)
                continue
            family = families[f.name]
            if f.type == "str":  # one pattern: one rule named after the key
                setattr(self, f.name, self._set(family, {f.name: value}) if value else None)
            elif f.type == "Roles":
                setattr(self, f.name, tuple(
                    Rule(rid, None, role, self._rx(left, rid), self._rx(right, rid))
                    for n, (role, left, right) in value.items() if (rid := self._id(family, n))
                ))  # fmt: skip
            elif f.type == "Valued":
                valued = ((self._id(family, n), p, v) for n, (p, v) in value.items())
                setattr(self, f.name, tuple(Rule(rid, self._rx(p, rid), v) for rid, p, v in valued))
            elif f.metadata.get("each"):
                setattr(self, f.name, tuple(Rule(rid, self._rx(p, rid))
                                            for n, p in value.items() if (rid := self._id(family, n))))  # fmt: skip
            else:
                setattr(self, f.name, self._set(family, value))
        self.auth_names = {n.lower(): a for a, ns in lang.authorities.items() for n in ns}
        self.any_voice = fast(re.compile(self.fill("{VOICE}"), self.flags))
        self.speaker_anaphors = {w.lower(): re.compile(p, self.flags) for w, p in lang.speaker_anaphors.items()}
        self._quantities()

    def _id(self, family: str, name: str) -> str:
        rule_id = f"{self.code}.{family}.{name}"
        if rule_id in self.ids:
            raise ValueError(f"two rules of {self.code} are named {rule_id}")
        self.ids.append(rule_id)
        return rule_id

    def _rx(self, pattern: str | None, rule_id: str = ""):
        if not pattern:
            return None
        rx = fast(re.compile(self.fill(pattern), self.flags))
        return _Recording(rx, lambda m: rule_id) if self.recording else rx

    def _set(self, family: str, named: dict[str, str]) -> RuleSet | None:
        named = {n: p for n, p in named.items() if p}
        if not named:
            return None
        ids = [self._id(family, n) for n in named]
        return RuleSet(ids, [self.fill(p) for p in named.values()], self.flags, self.recording)

    # --- placeholders -----------------------------------------------------------------------

    def fill(self, pattern: str) -> str:
        """Expand the placeholders of a pattern with this language's word lists."""
        alts = self._alts
        return _PLACEHOLDER.sub(lambda m: alts.get(m.group(1), m.group(0)), pattern) if pattern else pattern

    @property
    def _alts(self) -> dict[str, str]:
        if not hasattr(self, "_alts_cache"):
            lang = self.lang
            names = [n for ns in lang.authorities.values() for n in ns]
            self._alts_cache = {
                "NUM": _scaled(lang.number_scales) + r"\d{1,3}(?:[, ]\d{3})+(?:\.\d+)?(?![\d])|\d+(?:\.\d+)?",
                "NUMW": _alt(lang.number_words),
                "UNIT": _alt(lang.units),
                "QPRE": _alt(lang.qual_pre),
                "QPOST": _alt(lang.qual_post),
                "MUN": "|".join(f"(?:{p})" for p, _ in lang.munitions.values()) or "(?!)",
                "MONTH": _alt(lang.months),
                "WD": _alt(lang.weekdays),
                "AUTH": _alt(names),
                "VOICE": _alt([*names, *lang.speaker_anaphors]),
            }
        return self._alts_cache

    # --- the quantity rule --------------------------------------------------------------------

    def _quantities(self) -> None:
        """A quantity is [qualifiers] number [unit] [to number] unit [qualifiers]. Tried at every position,
        the leading qualifiers make this the costliest rule, so it is found from its number instead: the core
        is matched where a number starts and the qualifiers are read leftwards from there."""
        lang = self.lang
        numw = rf"\b(?:{self.fill('{NUMW}')})\b" if lang.number_words and lang.quantity_number_words else "(?!)"
        qpre = rf"(?:(?:{self.fill('{QPRE}')})\s*)"
        qin = "|".join(re.escape(k) for k in lang.qual_infix) or "(?!)"
        unit = self.fill("{UNIT}")
        end = lang.unit_end
        num = self.fill("{NUM}")
        self.quantity_id = self._id("quantity", "number_unit")
        self.qty_core = re.compile(
            rf"(?P<n1>{num}|{numw})\s*-?\s*(?:(?P<u1>{unit}){end}\s*)?"
            rf"(?:(?:{lang.interval_sep})\s*{qpre}{{0,2}}(?P<n2>{num})\s*-?\s*)?"
            rf"(?P<qin>{qin})?\s*-?\s*(?P<unit>{unit}){end}(?P<qpost>(?:\s*(?:{self.fill('{QPOST}')})){{0,3}})",
            self.flags,
        )
        self.qty_qualifiers = fast(re.compile(rf"{qpre}{{1,3}}\Z", self.flags))
        # number words as literals over lower-cased text: re scans for their first letters in C
        words = sorted({w.lower() for w in lang.number_words}, key=len, reverse=True) if numw != "(?!)" else []
        alts = "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in words)
        self.number_word_starts = re.compile(alts) if words else None
        self.qpre_words = re.compile(self.fill("{QPRE}"), self.flags)
        self.qpost_words = re.compile(self.fill("{QPOST}"), self.flags)
        self.unit_table = {k.lower(): v for k, v in lang.units.items()}


_PLACEHOLDER = re.compile(r"\{([A-Z]+)\}")


def _scaled(scales: dict[str, int]) -> str:
    """The alternative for a number written with scale words (4천500, 1千, 6천1백, 1만5천), tried first."""
    if not scales:
        return ""
    step = rf"\d{{1,4}}(?:{_alt(scales)})"
    return rf"{step}(?:{step}){{0,2}}\d{{0,4}}(?!\d)|"


def _alt(words) -> str:
    """An alternation of literal words, longest first (so "km" loses to "kms")."""
    ws = sorted({w for w in words if w}, key=len, reverse=True)
    return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in ws) or "(?!)"


@cache
def compiled(code: str, recording: bool = False) -> Rules:
    """A language's rules, compiled once per process (``recording``: noting every match in ``MATCHED``)."""
    return Rules(language(code), recording)


def language_rule_ids() -> set[str]:
    """The id of every pattern of every language."""
    return {rule_id for code in LANGUAGES for rule_id in compiled(code).ids}
