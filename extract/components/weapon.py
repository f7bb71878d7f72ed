"""Class and name: what kind of missile was launched, and what the text calls it.

The class comes from class words (``classes``: 弾道ミサイル, 순항미사일, "hypersonic") and from
weapon designations (Hwasong-17, KN-23: their class in weapons.json). A stated class wins over a
bare "missile" or a gun; a kind of ballistic missile (ICBM, SLBM, hypersonic) refines
"ballistic"; a presumed class ("…の可能性", "추정") counts only as ballistic, and only when
nothing is stated; a satellite launch is one; two types fired together ("X and Y") are
``other``. The name is the first designation in a launch sentence; for a source that names its
weapons by description (KCNA), the longest description ending in a weapon word.

Decides ``missile_class`` and ``missile_name``; spans ``launchfeed.classes``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from spacy.language import Language
from spacy.tokens import Doc

from ..gazetteer import clean_name, weapons
from ..reading import Reading, put_spans
from ..rules import decision

FAMILY = ("icbm", "hypersonic", "slbm")  # kinds of ballistic missile that refine "ballistic"
WEAK = ("generic", "artillery")
CTX = 120

STATED_OVER_WEAK = decision("any.class.stated_over_weak", "a stated class wins over a bare missile word or a gun")
FAMILY_REFINES = decision("any.class.family_refines", "an ICBM, SLBM or hypersonic missile refines 'ballistic'")
PRESUMED = decision("any.class.presumed", "a presumed class counts only as ballistic, when nothing is stated")
SATELLITE = decision("any.class.satellite", "a satellite launched, or a launch vehicle: a satellite launch")
SEVERAL_TYPES = decision("any.class.several_types", "two types launched together (X and Y): other")
WEAK_IS_OTHER = decision("any.class.weak_is_other", "only a bare missile word or a gun: other")
FIRST_DESIGNATION = decision("any.name.first_designation", "the first weapon designation in a launch sentence")
DESCRIPTION = decision(
    "any.name.description", "a source that describes its weapons: the longest description ending in a weapon word"
)


@dataclass
class ClassMention:
    start: int
    end: int
    cls: str
    hedged: bool
    sent: int
    rule: str


@Language.factory("launchfeed_weapon")
def make_weapon(nlp: Language, name: str):
    return read_weapon


def read_weapon(doc: Doc) -> Doc:
    r: Reading = doc._.reading
    if not r.report.is_launch_report:
        return doc
    ments = _mentions(r)
    _decide_class(r, ments)
    _decide_name(r)
    put_spans(doc, "launchfeed.classes", [(m.start, m.end, m.cls, m.rule) for m in ments])
    return doc


def _mentions(r: Reading) -> list[ClassMention]:
    c = r.rules
    ments: list[ClassMention] = []
    sents = [s for s in r.sents if not s.background and (s.launch or s.event or s.munitions or s.i == 0)]
    for s in sents:
        taken: list[tuple[int, int]] = []
        for rule in c.classes:
            for m in rule.rx.finditer(s.text):
                a, b = m.start(), m.end()
                if any(a < y and x < b for x, y in taken):
                    continue
                taken.append((a, b))
                right = s.text[b : b + 40]
                if rule.value == "generic" and c.munition_modifier_of and c.munition_modifier_of.search(right):
                    if not (c.munition_launch_compound and c.munition_launch_compound.search(right)):
                        continue
                hedged = bool(c.class_hedge_right and c.class_hedge_right.search(right))
                ments.append(ClassMention(s.start + a, s.start + b, rule.value, hedged, s.i, rule.id))
        for mu in s.munitions:
            if any(mu.start < x.end and x.start < mu.end for x in ments):
                continue
            left = s.text[max(0, mu.start - s.start - 40) : mu.start - s.start]
            if c.name_block_left and c.name_block_left.search(left):
                continue  # "an engine intended for the Hwasong-20" names no launched weapon: neither its class
            cls = weapons().class_of(mu.text) or _gazetteer_class(r, mu.start)
            if cls:
                ments.append(ClassMention(mu.start, mu.end, cls, False, s.i, mu.rule))
    ments.sort(key=lambda m: (m.start, m.end))
    return ments


def _gazetteer_class(r: Reading, start: int) -> str | None:
    for sp in r.gazetteer:
        if sp.label_ == "WEAPON" and sp.start_char == start:
            return weapons().class_of(sp.id_)
    return None


def _decide_class(r: Reading, ments: list[ClassMention]) -> None:
    chosen: ClassMention | None = None
    for m in ments:
        if m.cls == "satellite_launch":
            continue
        if m.hedged:
            if m.cls == "ballistic" and (chosen is None or chosen.cls in WEAK):
                chosen = m
                r.fire(PRESUMED)
            else:
                r.lost("missile_class", m.start, m.end, m.rule, "presumed only", r.rules.class_hedge_right.ids[0])
            continue
        if chosen is None or (chosen.cls in WEAK and m.cls not in WEAK):
            if chosen is not None:
                r.fire(STATED_OVER_WEAK)
            chosen = m
        elif chosen.cls == "ballistic" and m.cls in FAMILY:
            chosen = m
            r.fire(FAMILY_REFINES)
    final = chosen.cls if chosen else None
    if _satellite(r):
        final = "satellite_launch"
        r.fire(SATELLITE)
    elif _several_types(r, ments):
        final = "other"
        r.fire(SEVERAL_TYPES)
    if final in WEAK:
        final = "other"
        r.fire(WEAK_IS_OTHER)
    r.report.missile_class = final
    if chosen is not None and final == chosen.cls:
        r.evidence("missile_class", chosen.start, chosen.end, chosen.rule)
    for m in ments:
        if m is not chosen and not m.hedged:
            r.lost("missile_class", m.start, m.end, m.rule, f"the class taken is {final}", None)


def _satellite(r: Reading) -> bool:
    c = r.rules
    for s in r.launch_sentences():
        if any(m.kind == "satellite" and m.linked for m in s.munitions):
            return True
        if c.satellite_cue and c.satellite_cue.search(s.text):
            return True
    return False


def _several_types(r: Reading, ments: list[ClassMention]) -> bool:
    c = r.rules
    if c.class_coordination is None:
        return False
    for x, y in zip(ments, ments[1:], strict=False):
        if x.sent != y.sent or not r.sents[x.sent].launch:
            continue
        a, b = x.cls, y.cls
        if a == b or a in WEAK or b in WEAK or {a, b} <= {"ballistic", *FAMILY} or "satellite_launch" in (a, b):
            continue
        if not c.class_coordination.fullmatch(r.text, x.end, y.start):
            continue
        left = r.text[max(0, x.start - 40) : x.start]
        if c.class_coordination_block and c.class_coordination_block.search(left):
            continue
        return True
    return False


def _decide_name(r: Reading) -> None:
    c = r.rules
    for s in r.sents:
        if s.background or not (s.launch or s.munitions):
            continue
        for mu in s.munitions:
            designation = weapons().designation.fullmatch(mu.text)
            alias = next((sp for sp in r.gazetteer if sp.label_ == "WEAPON" and sp.start_char == mu.start), None)
            if not (designation or alias) or not weapons().launches(mu.text):
                continue
            left = r.text[max(s.start, mu.start - 60) : mu.start]
            if c.name_block_left and c.name_block_left.search(left):
                r.lost("missile_name", mu.start, mu.end, mu.rule, "not the launched one", c.name_block_left.ids[0])
                continue
            r.report.missile_name = alias.id_ if alias is not None else clean_name(designation.group("name"))
            r.evidence("missile_name", mu.start, mu.end, mu.rule)
            r.fire(FIRST_DESIGNATION)
            return
    if r.policy.describes_own_weapons and c.description_names:
        _description(r)


def _description(r: Reading) -> None:
    c = r.rules
    best: tuple[int, int, int, str] | None = None
    for s in r.sents:
        if s.background or not (s.launch or s.event or s.i == 0):
            continue
        for rule in c.description_names:
            for m in rule.rx.finditer(s.text):
                right = s.text[m.end() : m.end() + CTX]
                if (
                    c.munition_modifier_of
                    and c.munition_modifier_of.search(right)
                    and not (c.munition_launch_compound and c.munition_launch_compound.search(right))
                ):
                    continue
                base = max(0, m.start() - 120)
                start = m.start()
                words = 0
                for w in reversed(list(_WORD.finditer(s.text[base : m.start()]))):
                    if words >= 6 or (c.description_stopwords and c.description_stopwords.fullmatch(w.group(0))):
                        break
                    if s.text[base + w.end() : start].strip():
                        break  # punctuation between the words
                    start = base + w.start()
                    words += 1
                if words and (best is None or words > best[0]):
                    best = (words, s.start + start, s.start + m.end(), rule.id)
    if best is not None:
        r.report.missile_name = r.original(best[1], best[2])
        r.evidence("missile_name", best[1], best[2], best[3])
        r.fire(DESCRIPTION)


_WORD = re.compile(r"[^\s,;:.()\"]+")
