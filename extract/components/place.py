"""Place and site: where the launch came from, in the text's words and as a gazetteer site; its direction.

The launch area is what the language's ``areas`` patterns read around a launch sentence's
"from" ("平壌近郊から", "평양 순안 일대에서", "from the vicinity of Sunan"), else a gazetteer place
with the words that make it the launch place ("near Pyongyang", "평양에서"). The site is the most
specific gazetteer place inside the area, with its coordinates. The direction is the first
direction phrase of a launch sentence, with its compass bearing.

Decides ``launch_area``, ``launch_site``, ``launch_lat``, ``launch_lon``, ``direction`` and
``bearing_deg`` (and ``missile_class`` for a launch from a satellite launch site that no class
word names); spans ``launchfeed.places``.
"""

from __future__ import annotations

import re

from spacy.language import Language
from spacy.tokens import Doc

from ..gazetteer import places_by_id
from ..reading import Reading, put_spans
from ..rules import decision

FIRST_AREA = decision("any.area.first_stated", "the first launch area stated outside a list of items")
NAMED_PLACE = decision("any.area.named_place", "an area naming a known place wins over one naming none")
ITEMS_JOINED = decision("any.area.items_joined", "launch areas stated only per item are joined")
GAZETTEER_AREA = decision("any.area.gazetteer_place", "no area phrase: a gazetteer place the launch came from")
LAST_VESSEL = decision("any.area.last_vessel", "'on the warship': the vessel named last before")
MOST_SPECIFIC_SITE = decision("any.site.most_specific", "the site is the most specific gazetteer place in the area")
SATELLITE_SITE = decision(
    "any.class.satellite_site", "a launch from a satellite launch site that no class word names: a satellite launch"
)
FIRST_DIRECTION = decision("any.direction.first", "the first direction of a launch sentence (list items last)")


@Language.factory("launchfeed_place")
def make_place(nlp: Language, name: str):
    return read_place


def read_place(doc: Doc) -> Doc:
    r: Reading = doc._.reading
    if not r.report.is_launch_report:
        return doc
    areas = _decide_area(r)
    _decide_site(r)
    _decide_direction(r)
    put_spans(doc, "launchfeed.places", [(a, b, "AREA", rule) for a, b, _, _, rule in areas])
    return doc


def _decide_area(r: Reading) -> list[tuple[int, int, str, int | None, str]]:
    c = r.rules
    report = r.report
    cands: list[tuple[int, int, str, int | None, str]] = []  # start, end, words, item, rule
    vessel_text: dict[tuple[int, int], str] = {}
    for s in r.sents:
        if s.background:
            continue
        if c.vessel_subject:
            for m in c.vessel_subject.finditer(s.text):
                cands.append((s.start + m.start("area"), s.start + m.end("area"), m.group("area"), s.item,
                              c.vessel_subject.ids[0]))  # fmt: skip
        if not (s.launch or (c.launch_cue and c.launch_cue.search(s.text))):
            continue
        for rule in c.areas:
            pos = 0
            while pos < len(s.text):
                m = rule.rx.search(s.text, pos)
                if m is None:
                    break
                pos = m.start() + 1
                area = m.group("area")
                a = m.start("area")
                if c.area_strip:
                    stripped = c.area_strip.sub("", area)
                    a += area.find(stripped) if stripped and stripped in area else 0
                    area = stripped
                if not area:
                    continue
                if c.area_reject and (bad := c.area_reject.search(area)):
                    r.lost("launch_area", s.start + a, s.start + a + len(area), rule.id, "not a place",
                           c.area_reject.rule_of(bad))  # fmt: skip
                    continue
                if c.area_must and not c.area_must.search(area):
                    continue
                cands.append((s.start + a, s.start + a + len(area), area, s.item, rule.id))
                pos = m.end()
        if c.vessel_anaphor:
            for m in c.vessel_anaphor.finditer(s.text):
                v = _last_vessel(r, s.start + m.start())
                if v:
                    vessel_text[(s.start + m.start(), s.start + m.end())] = v
                    cands.append((s.start + m.start(), s.start + m.end(), v, s.item, LAST_VESSEL))
    cands.sort(key=lambda x: (x[0], x[1], x[2]))
    main = [x for x in cands if x[3] is None]
    named = [x for x in main if _names_place(r, x[0], x[1])]
    if named and named[0] is not main[0]:
        # "from an area near its capital" then "from an area near Pukchang": the area a known place names
        r.lost("launch_area", main[0][0], main[0][1], main[0][4], "names no known place", NAMED_PLACE)
        main = [x for x in main if x is not main[0]]
        main.sort(key=lambda x: x is not named[0])
    if main:
        a, b, _, _, rule = main[0]
        report.launch_area = vessel_text.get((a, b)) or r.original(a, b)
        r.evidence("launch_area", a, b, rule)
        r.fire(FIRST_AREA)
        r.area_spans = [(a, b)]
        for x in main[1:]:
            r.lost("launch_area", x[0], x[1], x[4], "not the first stated", FIRST_AREA)
    elif cands:
        distinct: list[str] = []
        for a, b, _, _, rule in cands:
            area = r.original(a, b)
            if area not in distinct:
                distinct.append(area)
                r.area_spans.append((a, b))
                r.evidence("launch_area", a, b, rule)
        report.launch_area = c.list_sep.join(distinct)
        r.fire(ITEMS_JOINED)
    else:
        g = _gazetteer_area(r)
        if g is not None:
            report.launch_area = r.original(*g)
            r.area_spans = [g]
            r.evidence("launch_area", *g, GAZETTEER_AREA)
    return cands


def _names_place(r: Reading, a: int, b: int) -> bool:
    return any(sp.label_ == "PLACE" and a <= sp.start_char and sp.end_char <= b for sp in r.gazetteer)


def _last_vessel(r: Reading, pos: int) -> str | None:
    c = r.rules
    if not c.vessel_names:
        return None
    last = None
    for m in c.vessel_names.finditer(r.text[:pos]):
        last = m.group("area")
    return last


def _gazetteer_area(r: Reading) -> tuple[int, int] | None:
    """A gazetteer place in a launch sentence with the words around it that make it the launch area ("near
    Pyongyang", "평양에서"), widened by the words before it that name its province ("평안남도 숙천에서")."""
    c = r.rules
    if not (c.area_gazetteer_left or c.area_gazetteer_right):
        return None
    for span in r.gazetteer:
        if span.label_ != "PLACE":
            continue
        s = r.sent_of(span.start_char)
        if not (s.launch or s.munitions) or s.background:
            continue
        left = r.text[max(s.start, span.start_char - 60) : span.start_char]
        right = r.text[span.end_char : min(s.end, span.end_char + 40)]
        after = c.area_gazetteer_right.match(right) if c.area_gazetteer_right else None
        if not ((c.area_gazetteer_left and c.area_gazetteer_left.search(left)) or after):
            continue
        clause = r.text[s.start : span.start_char]
        if c.clause_break:
            for m in c.clause_break.finditer(clause):
                clause = clause[m.end() :]
        if c.area_gazetteer_block and c.area_gazetteer_block.search(clause):
            continue
        start, end = span.start_char, span.end_char
        wider = c.area_gazetteer_widen.search(left) if c.area_gazetteer_widen else None
        if wider is not None:
            start -= len(left) - wider.start()
        if after is not None and after.group("wide"):
            end += after.end("wide")  # 순안 인근에서: the area is 순안 인근
        return start, end
    return None


def _decide_site(r: Reading) -> None:
    report = r.report
    best = None
    for span in r.gazetteer:
        if span.label_ != "PLACE":
            continue
        if not any(a <= span.start_char and span.end_char <= b for a, b in r.area_spans):
            continue
        place = places_by_id().get(span.id_)
        if place is None:
            continue
        rank = 0 if place["kind"] == "city" else 1
        if best is None or rank > best[0]:
            best = (rank, place, span)
    if best is None:
        return
    place, span = best[1], best[2]
    report.launch_site, report.launch_lat, report.launch_lon = place["id"], place["lat"], place["lon"]
    r.evidence("launch_site", span.start_char, span.end_char, MOST_SPECIFIC_SITE)
    if report.missile_class is None and place["kind"] == "satellite":
        report.missile_class = "satellite_launch"
        r.fire(SATELLITE_SITE)


def _decide_direction(r: Reading) -> None:
    c = r.rules
    report = r.report
    if c.direction is None:
        return
    for pass_items in (False, True):
        for s in r.launch_sentences():
            if (s.item is not None) != pass_items:
                continue
            m = c.direction.search(s.text)
            if m:
                g = next(k for k in ("dir", "dir2", "dir3") if m.groupdict().get(k))
                raw = m.group(g)
                report.direction = r.original(s.start + m.start(g), s.start + m.end(g))
                first = re.split(c.direction_split, raw)[0] if c.direction_split else raw
                b = c.bearings.get(first.lower().strip())
                report.bearing_deg = float(b) if b is not None else None
                r.evidence("direction", s.start + m.start(g), s.start + m.end(g), c.direction.rule_of(m))
                r.fire(FIRST_DIRECTION)
                return
