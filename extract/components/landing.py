"""Landing and EEZ: where the missiles came down, and whether inside Japan's exclusive economic zone.

The landing is the sea a landing clause names ("日本海に落下", "동해상으로", "into the East Sea"),
the language's ``landings`` ranked in their order (the nearest coast before the open sea); a
flight over Japan when nothing else is said. The EEZ is inside, outside or none seen ("EEZ内への
飛来は確認されていません"); the words for inside in a sentence that denies them are no "inside".

Decides ``landing`` and ``eez``; spans ``launchfeed.landing``.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from ..reading import Reading, put_spans
from ..rules import decision

RANKED = decision("any.landing.ranked", "of the seas a landing clause names, the one the language ranks first")
AFTER_LAUNCH_WORD = decision("any.landing.after_launch_word", "a sea named after the launch word (not where from)")
OVER_JAPAN = decision("any.landing.over_japan", "a flight over Japan, when no sea is named")
DENIED_INSIDE = decision("any.eez.denied_inside", "the words for inside, in a sentence denying it, are no 'inside'")
EEZ_ORDER = decision("any.eez.order", "inside before outside before none seen")


@Language.factory("launchfeed_landing")
def make_landing(nlp: Language, name: str):
    return read_landing


def read_landing(doc: Doc) -> Doc:
    r: Reading = doc._.reading
    if not r.report.is_launch_report:
        return doc
    marks = _decide_landing(r) + _decide_eez(r)
    put_spans(doc, "launchfeed.landing", marks)
    return doc


def _decide_landing(r: Reading) -> list[tuple[int, int, str, str]]:
    c = r.rules
    order = [rule.value for rule in c.landings]
    best: tuple[int, int, int, str] | None = None
    over = None
    marks: list[tuple[int, int, str, str]] = []
    for s in r.sents:
        if s.background:
            continue
        if c.over_japan:
            m = c.over_japan.search(s.text)
            if m and over is None:
                over = (s.start + m.start(), s.start + m.end())
        lc = c.landing_clause.search(s.text) if c.landing_clause else None
        if lc is None:
            continue
        region_start = 0
        if c.launch_cue:
            for m in c.launch_cue.finditer(s.text[: lc.start()]):
                region_start = m.end()
                r.fire(AFTER_LAUNCH_WORD)
        region = s.text[region_start:]
        for rank, rule in enumerate(c.landings):
            m = rule.rx.search(region)
            if m:
                a, b = s.start + region_start + m.start(), s.start + region_start + m.end()
                marks.append((a, b, rule.value, rule.id))
                if best is None or rank < best[0]:
                    best = (rank, a, b, rule.id)
    if best is not None:
        r.report.landing = order[best[0]]
        r.evidence("landing", best[1], best[2], best[3])
        r.fire(RANKED)
    elif over is not None:
        r.report.landing = "over_japan"
        r.evidence("landing", *over, c.over_japan.ids[0])
        r.fire(OVER_JAPAN)
    return marks


def _decide_eez(r: Reading) -> list[tuple[int, int, str, str]]:
    c = r.rules
    found: dict[str, tuple[int, int, str]] = {}
    denied: list[tuple[int, int]] = []
    marks: list[tuple[int, int, str, str]] = []
    for s in r.sents:
        if s.background:
            continue
        for rule in c.eez:
            for m in rule.rx.finditer(s.text):
                span = (s.start + m.start(), s.start + m.end())
                marks.append((*span, rule.value, rule.id))
                if rule.value == "none_seen":
                    denied.append(span)
                found.setdefault(rule.value, (*span, rule.id))
    # "EEZ内への飛来は確認されていません", "not confirmed to have fallen within Japan's EEZ": the words for inside
    # stand in a sentence that denies it
    inside = found.get("inside")
    if inside and any(a <= inside[0] < b or inside[0] <= a < inside[1] for a, b in denied):
        del found["inside"]
        r.lost("eez", inside[0], inside[1], inside[2], "denied", DENIED_INSIDE)
    for val in ("inside", "outside", "none_seen"):
        if val in found:
            a, b, rule_id = found[val]
            r.report.eez = val
            r.evidence("eez", a, b, rule_id)
            r.fire(EEZ_ORDER)
            break
    return marks
