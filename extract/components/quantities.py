"""Quantities: distances, durations and speeds, each with the role its context gives it.

A quantity is a number (or an interval) with a unit and qualifiers ("約350km", "about 1,000
kilometers", "400여km"). Its role comes from the words around it (``distance_roles``,
``duration_roles``): a range (flown distance), an apogee, a flight time, or nothing (an impact
point's distance, a capability, a value later corrected). A quantity listed after another takes
its role ("350 km and 400 km"); a verb after the last of a list gives the role to all of it.

Decides ``range_km``, ``apogee_km`` (with qualifier and raw words), ``flight_minutes`` and
``speed_mach``. Writes ``reading.quantities``; spans ``launchfeed.quantities``.
"""

from __future__ import annotations

import re

from spacy.language import Language
from spacy.tokens import Doc

from ..normalize import parse_number
from ..reading import Quantity, Reading, Sentence, put_spans
from ..rules import Rules, decision
from ..values import close, lookup, stronger

CTX = 120  # characters of left / right context a role rule sees
QUALIFIER_REACH = 80  # characters left of a number where its qualifiers ("at least about") may start
SKIP = "skip"

LISTED = decision("any.quantity.listed", "a quantity listed after another is what the first is (350 km and 400 km)")
LIST_VERB_AFTER = decision("any.quantity.list_verb_after", "the verb after the last of a list tells what all are")
EQUIVALENT = decision("any.quantity.equivalent", "a quantity and the same in other units in brackets are one")
COMPOUND_DURATION = decision("any.quantity.compound_duration", "hours and minutes of one duration are their sum")
STATED_ONCE = decision(
    "any.quantity.stated_once", "a value restated (within 1% from another unit) is one value (an itemized one is not)"
)
NO_ROLE = decision("any.quantity.no_role", "a quantity no role rule names is no range, apogee or flight time")
LONGEST_FLIGHT = decision("any.flight.longest", "the flight time is the longest one stated")
SPEED_OWN_SENTENCE = decision(
    "any.speed.own_sentence", "a speed in the launch's sentences first, else one in a sentence of its own"
)


@Language.factory("launchfeed_quantities")
def make_quantities(nlp: Language, name: str):
    return read_quantities


def read_quantities(doc: Doc) -> Doc:
    r: Reading = doc._.reading
    if not r.report.is_launch_report:
        return doc
    for s in r.sents:
        if not s.background:
            r.quantities.extend(_sentence_quantities(r, s))
    _decide_distances(r)
    _decide_flight(r)
    _decide_speed(r)
    put_spans(doc, "launchfeed.quantities", [(q.start, q.end, q.role or "none", q.role_rule or q.rule)
                                             for q in r.quantities])  # fmt: skip
    return doc


def quantity_matches(c: Rules, text: str) -> list[tuple[re.Match[str], int]]:
    """The quantities of a text, left to right and not overlapping, as (core match, start of the qualifiers
    before it): what ``[qualifiers]{0,3} core`` finds scanning every position. A match must start its core at a
    digit or a number word, so only those positions are tried; the qualifiers are then the longest run of them
    that ends at the number."""
    starts = [m.start() for m in _DIGIT.finditer(text)]
    if c.number_word_starts is not None:
        low = text.lower()
        if len(low) == len(text):
            starts.extend(m.start() for m in c.number_word_starts.finditer(low))
            starts.sort()
    out: list[tuple[re.Match[str], int]] = []
    last = 0
    for q in starts:
        if q < last:
            continue
        m = c.qty_core.match(text, q)
        if m is None:
            continue
        start = q
        lo = max(last, q - QUALIFIER_REACH)
        if q > lo and not text[q - 1].isdigit():
            lead = c.qty_qualifiers.search(text, lo, q)
            if lead is not None:
                start = lead.start()
        out.append((m, start))
        last = m.end()
    return out


_DIGIT = re.compile(r"\d")


def _sentence_quantities(r: Reading, s: Sentence) -> list[Quantity]:
    c = r.rules
    found = [q for m, at in quantity_matches(c, s.text) if (q := _quantity(r, m, s, at)) is not None]
    merged = _merge_durations(r, _merge_equivalents(r, s, found))
    prev: Quantity | None = None
    for q in merged:
        rules = c.distance_roles if q.kind == "distance" else c.duration_roles
        left = r.text[max(s.start, q.start - CTX) : q.start]
        right = r.text[q.end : min(s.end, q.end + CTX)]
        q.role, q.role_rule = _role(rules, left, right)
        if q.role is None and prev is not None and _listed(r, prev, q):
            q.role, q.role_rule = prev.role, LISTED  # "flew 350 km and 400 km": the second is what the first is
        prev = q
    # "약 350km, 400여km를 비행" / "約350km及び約400km飛翔": the verb after the last value tells what the values
    # before it listed with it are
    for q, nxt in reversed(list(zip(merged, merged[1:], strict=False))):
        if q.role is None and nxt.role not in (None, SKIP) and _listed(r, q, nxt):
            q.role, q.role_rule = nxt.role, LIST_VERB_AFTER
    for q in merged:
        if q.role == SKIP:
            r.lost(_field_of(q), q.start, q.end, q.rule, "not the flight's", q.role_rule)
            q.role = None
        elif q.role is None:
            r.lost(_field_of(q), q.start, q.end, q.rule, "no role", NO_ROLE)
    return merged


def _field_of(q: Quantity) -> str:
    return "range_km" if q.kind == "distance" else "flight_minutes"


def _role(rules, left: str, right: str) -> tuple[str | None, str | None]:
    for rule in rules:
        if rule.left is not None and not rule.left.search(left):
            continue
        if rule.right is not None and not rule.right.search(right):
            continue
        if rule.left is None and rule.right is None:
            continue
        return rule.value, rule.id
    return None, None


def _listed(r: Reading, a: Quantity, b: Quantity) -> bool:
    """True when two quantities of one kind stand in one list ("350 km and 400 km")."""
    c = r.rules
    return a.kind == b.kind and bool(c.list_joiner and c.list_joiner.search(r.text[a.end : b.start]))


def _quantity(r: Reading, m: re.Match[str], s: Sentence, qpre_start: int) -> Quantity | None:
    c = r.rules
    lang = c.lang
    unit = m.group("unit")
    kind, factor = c.unit_table.get(re.sub(r"\s+", " ", unit.lower()), (None, 1.0))
    if kind is None:
        return None
    v1 = parse_number(m.group("n1"), lang.number_words, lang.number_scales)
    if v1 is None:
        return None
    vals = [v1]
    if m.group("n2"):
        v2 = parse_number(m.group("n2"), lang.number_words, lang.number_scales)
        if v2 is not None:
            vals.append(v2)
            r.fire(c.interval_sep.ids[0])  # an interval: 300~400km, 300-400 km
    vals = [_scale(v, factor) for v in vals]
    qual = ""
    qpre = s.text[qpre_start : m.start()]
    for part, table, rx in (
        (qpre, lang.qual_pre, c.qpre_words),
        (m.group("qin"), lang.qual_infix, None),
        (m.group("qpost"), lang.qual_post, c.qpost_words),
    ):
        if not part:
            continue
        for w in [w.group(0) for w in rx.finditer(part)] if rx else [part]:
            qual = stronger(qual, lookup(table, w))
    return Quantity(kind, s.start + qpre_start, s.start + m.end(), vals, qual, s.i, c.quantity_id, unit_factor=factor)


def _merge_equivalents(r: Reading, s: Sentence, found: list[Quantity]) -> list[Quantity]:
    """ "350 km (217 miles)": one quantity, in the units of the metric one."""
    out: list[Quantity] = []
    text = r.text
    i = 0
    while i < len(found):
        q = found[i]
        if i + 1 < len(found):
            q2 = found[i + 1]
            between = text[q.end : q2.start]
            after = text[q2.end : q2.end + 3]
            if q2.kind == q.kind and re.fullmatch(r"\s*\(\s*", between) and after.lstrip().startswith(")"):
                keep = q if q.unit_factor == 1.0 or q2.unit_factor != 1.0 else q2
                close = text.index(")", q2.end)
                out.append(Quantity(q.kind, q.start, close + 1, keep.values, keep.qual or q.qual, s.i, q.rule,
                                    unit_factor=keep.unit_factor))  # fmt: skip
                r.fire(EQUIVALENT)
                i += 2
                continue
        out.append(q)
        i += 1
    return out


def _merge_durations(r: Reading, qtys: list[Quantity]) -> list[Quantity]:
    """ "2 hours and 8 minutes", "74 minutes 30 seconds", "2時間8分": one duration, the sum."""
    joiner = r.rules.duration_joiner
    out: list[Quantity] = []
    for q in qtys:
        prev = out[-1] if out else None
        if (
            prev is not None
            and joiner is not None
            and prev.kind == q.kind == "duration"
            and len(prev.values) == len(q.values) == 1
            and prev.unit_factor > q.unit_factor
            and not q.qual
            and joiner.fullmatch(r.text, prev.end, q.start)
        ):
            out[-1] = Quantity(q.kind, prev.start, q.end, [prev.values[0] + q.values[0]], prev.qual, q.sent, q.rule,
                               unit_factor=q.unit_factor)  # fmt: skip
            r.fire(COMPOUND_DURATION)
            continue
        out.append(q)
    return out


def _decide_distances(r: Reading) -> None:
    report = r.report
    for role, fld in (("range", "range_km"), ("apogee", "apogee_km")):
        vals: list[float] = []
        converted: list[bool] = []  # whether each value was written in another unit (miles)
        first: Quantity | None = None
        for q in r.quantities:
            if q.role != role:
                continue
            item = r.sents[q.sent].item_at(q.start)
            conv = q.unit_factor != 1.0
            new = [v for v in q.values if item is not None or not any(
                _restated(v, x, conv or c) for x, c in zip(vals, converted, strict=True))]  # fmt: skip
            if not new:
                r.lost(fld, q.start, q.end, q.role_rule or q.rule, "the same value again", STATED_ONCE)
                continue
            vals.extend(new)
            converted.extend(conv for _ in new)
            first = first or q
            r.evidence(fld, q.start, q.end, q.role_rule or q.rule)
        setattr(report, fld, vals)
        if first is not None:
            setattr(report, fld.replace("_km", "_qualifier"), first.qual or None)
            a, b = r.norm.span(first.start, first.end)
            setattr(report, fld.replace("_km", "_raw"), r.norm.original[a:b].strip())


def _restated(a: float, b: float, converted: bool) -> bool:
    """One value written twice: the same number, or within 1% when one was converted from another unit (370 miles
    beside 600 km); 4,475 km beside 4,500 km are two authorities' figures."""
    return close(a, b) if converted else abs(a - b) < 0.05


def _decide_flight(r: Reading) -> None:
    flights = [q for q in r.quantities if q.role == "flight"]
    if flights:
        best = max(flights, key=lambda q: max(q.values))
        r.report.flight_minutes = round(max(best.values), 1)
        r.evidence("flight_minutes", best.start, best.end, best.role_rule or best.rule)
        r.fire(LONGEST_FLIGHT)


def _decide_speed(r: Reading) -> None:
    c = r.rules
    if c.speed is None:
        return
    # the launch's own sentences first; then a sentence of its own ("최고속도는 마하 6.1로 탐지되었으며"), unless
    # it tells what a weapon can do rather than what it did
    others = [s for s in r.sents if not s.launch and not s.background]
    for group in (r.launch_sentences(), others):
        best = None
        for s in group:
            for m in c.speed.finditer(s.text):
                # a capability word beside the speed ("マッハ10に達する能力", "could reach Mach 20"), not one in
                # another clause of the sentence ("マッハ5で飛翔し、迎撃が困難となる可能性")
                near = s.text[max(0, m.start() - 25) : m.end() + 15]
                if group is others and c.speed_block and c.speed_block.search(near):
                    r.lost("speed_mach", s.start + m.start(), s.start + m.end(), c.speed.rule_of(m),
                           "what a weapon can do", c.speed_block.rule_of(c.speed_block.search(near)))  # fmt: skip
                    continue
                for g in ("n", "n2", "n3"):  # n3: "ten times the speed of sound"
                    v = parse_number(m.groupdict().get(g) or "", c.lang.number_words)
                    if v is not None and (best is None or v > best[0]):
                        best = (v, s.start + m.start(), s.start + m.end(), c.speed.rule_of(m))
        if best:
            r.report.speed_mach = best[0]
            r.evidence("speed_mach", best[1], best[2], best[3])
            if group is others:
                r.fire(SPEED_OWN_SENTENCE)
            break


def _scale(v: float, factor: float) -> float:
    return v if factor == 1.0 else round(v * factor, 1)
