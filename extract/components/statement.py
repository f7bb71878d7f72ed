"""The statement: what is left to decide once every field family has been read, and the report made whole.

The stage (a flash while the missile still flies or at a first notice; a follow-up; a final
report) from the stage words at the top of the text or the cues of a missile in flight; the
itemized missiles (①②, "the first ... the second ...") with the times and figures of each; the
evidence put in the report's field order.

Decides ``stage`` and ``missiles``.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import fields

from spacy.language import Language
from spacy.tokens import Doc

from launchfeed.contracts import Missile, Statement

from ..reading import Reading
from ..rules import decision
from ..values import clock

STAGE_AT_TOP = 300  # characters at the top of a text where a stage word ("(最終報)", "[1보]") names its stage

STAGE_WORD = decision("any.stage.word_at_top", "a stage word near the top of the text, outside background lines")
IN_FLIGHT = decision("any.stage.in_flight", "a missile still in flight, or more details to follow: a flash")
FOLLOWUP = decision("any.stage.followup", "no stage word and nothing in flight: a follow-up")
PER_ITEM = decision("any.items.per_item", "each list item's launch time, range, apogee and flight time")
FIELD_ORDER = {f.name: k for k, f in enumerate(fields(Statement))}


@Language.factory("launchfeed_statement")
def make_statement(nlp: Language, name: str):
    return read_statement


def read_statement(doc: Doc) -> Doc:
    r: Reading = doc._.reading
    if not r.report.is_launch_report:
        return doc
    _decide_stage(r)
    _decide_items(r)
    r.report.evidence.sort(key=lambda e: FIELD_ORDER.get(e.field, len(FIELD_ORDER)))
    return doc


def _outside_background(r: Reading, matches: Iterable[re.Match[str]]) -> re.Match[str] | None:
    """The first match not in a background sentence ("관련 기사: [속보] ..." is another launch's flash)."""
    return next((m for m in matches if not r.sent_of(m.start()).background), None)


def _decide_stage(r: Reading) -> None:
    c = r.rules
    stage = None
    for rule in c.stage_words:
        m = _outside_background(r, rule.rx.finditer(r.text[:STAGE_AT_TOP]))
        if m:
            stage = rule.value
            r.evidence("stage", m.start(), m.end(), rule.id)
            r.fire(STAGE_WORD)
            break
    if stage is None and c.flash_cues:
        m = _outside_background(r, c.flash_cues.finditer(r.text))
        if m:
            stage = "flash"
            r.evidence("stage", m.start(), m.end(), c.flash_cues.ids[0])
            r.fire(IN_FLIGHT)
    if stage is None:
        r.fire(FOLLOWUP)
    r.report.stage = stage or "followup"


def _decide_items(r: Reading) -> None:
    items: dict[int, Missile] = {}
    for s in r.sents:
        if not s.launch or (s.item is None and not s.marks):
            continue
        for g in r.groups:
            k = s.item_at(g.start) if g.sent == s.i and g.role == "launch" else None
            if k is None:
                continue
            it = items.setdefault(k, Missile(index=k))
            if it.launch_time_local is None and g.local:
                h, mi, _ = g.local[0]
                it.launch_time_local = clock(h, mi)
        for q in r.quantities:
            k = s.item_at(q.start) if q.sent == s.i else None
            if k is None:
                continue
            it = items.setdefault(k, Missile(index=k))
            if q.role == "range" and it.range_km is None:
                it.range_km = q.values[0]
            elif q.role == "apogee" and it.apogee_km is None:
                it.apogee_km = q.values[0]
            elif q.role == "flight" and it.flight_minutes is None:
                it.flight_minutes = round(q.values[0], 1)
    r.report.missiles = [items[k] for k in sorted(items)]
    if items:
        r.fire(PER_ITEM)
