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


class RuleSet:
    """The rules of one key as one compiled alternation; ``rule_of(match)`` names the rule that matched."""

    def __init__(self, ids: list[str], patterns: list[str], flags: int) -> None:
        self.ids = ids
        if len(patterns) == 1:
            self._names: dict[str, str] = {}
            self.rx = fast(re.compile(patterns[0], flags))
        else:
            self._names = {f"_r{k}": rule_id for k, rule_id in enumerate(ids)}
            joined = "|".join(f"(?P<_r{k}>{p})" for k, p in enumerate(patterns))
            self.rx = fast(re.compile(joined, flags))
        self.search = self.rx.search
        self.match = self.rx.match
        self.fullmatch = self.rx.fullmatch
        self.finditer = self.rx.finditer
        self.sub = self.rx.sub

    def rule_of(self, m: re.Match[str]) -> str:
        return self._names.get(m.lastgroup or "", self.ids[0]) if self._names else self.ids[0]


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

    def __init__(self, lang: Lang) -> None:
        self.lang = lang
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
                    Rule(self._id(family, n), None, role, self._rx(left), self._rx(right))
                    for n, (role, left, right) in value.items()
                ))  # fmt: skip
            elif f.type == "Valued":
                setattr(self, f.name, tuple(Rule(self._id(family, n), self._rx(p), v) for n, (p, v) in value.items()))
            elif f.metadata.get("each"):
                setattr(self, f.name, tuple(Rule(self._id(family, n), self._rx(p)) for n, p in value.items()))
            else:
                setattr(self, f.name, self._set(family, value))
        self.auth_names = {n.lower(): a for a, ns in lang.authorities.items() for n in ns}
        self.any_authority = fast(re.compile(self.fill("{AUTH}"), self.flags))
        self._quantities()

    def _id(self, family: str, name: str) -> str:
        rule_id = f"{self.code}.{family}.{name}"
        if rule_id in self.ids:
            raise ValueError(f"two rules of {self.code} are named {rule_id}")
        self.ids.append(rule_id)
        return rule_id

    def _rx(self, pattern: str | None):
        return fast(re.compile(self.fill(pattern), self.flags)) if pattern else None

    def _set(self, family: str, named: dict[str, str]) -> RuleSet | None:
        named = {n: p for n, p in named.items() if p}
        if not named:
            return None
        ids = [self._id(family, n) for n in named]
        return RuleSet(ids, [self.fill(p) for p in named.values()], self.flags)

    # --- placeholders -----------------------------------------------------------------------

    def fill(self, pattern: str) -> str:
        """Expand the placeholders of a pattern with this language's word lists."""
        return _PLACEHOLDER.sub(lambda m: self._alts[m.group(1)], pattern) if pattern else pattern

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


_PLACEHOLDER = re.compile(r"\{(NUM|NUMW|UNIT|QPRE|QPOST|MUN|MONTH|WD|AUTH)\}")


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
def compiled(code: str) -> Rules:
    """A language's rules, compiled once per process."""
    return Rules(language(code))


def language_rule_ids() -> set[str]:
    """The id of every pattern of every language."""
    return {rule_id for code in LANGUAGES for rule_id in compiled(code).ids}
