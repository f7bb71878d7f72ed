"""The language-independent extraction engine.

It reads a spaCy ``Doc`` of normalized text with the rules of one ``Lang`` and fills a
``Report``. Each step finds mentions with the language's patterns, gives them a role
from their left and right context (a launch time or an impact time, a flight distance or
an impact-point distance), and then decides each field from the mentions of the launch.
Nothing here names a word of any language.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from functools import cache

from launchfeed.contracts import Claim, Evidence, Missile, Report, SourceInfo

from .lang import Lang
from .normalize import Normalized, parse_number
from .pipeline import GAZ_KEY, doc_text, places_by_id, sentence_spans, weapons
from .prefilter import fast
from .timeutil import (
    SITE_ZONE,
    convert_time,
    fixed_offset,
    near_site,
    parse_published,
    site_offset,
    time_of_day,
    zone,
    zone_offset,
)

MAX_SENT = 1000  # characters of a sentence the patterns look at
SKIP = "skip"  # the role of a quantity that is not about the flight (an impact point's distance)
CTX = 120  # characters of left / right context a role rule sees
FAMILY = ("icbm", "hypersonic", "slbm")  # kinds of ballistic missile that refine "ballistic"
WEAK = ("generic", "artillery")
DEFAULT_TEXT_ZONE = "Asia/Seoul"  # a text of unknown source: news of a launch writes Korea (or Japan) time
COUNT_QUAL = {
    "approx": "approx",
    "at_least": "at_least",
    "over": "at_least",
    "at_most": "approx",
    "total": "total",
    "": "exact",
}


@dataclass
class Sent:
    i: int
    start: int
    end: int
    text: str
    launch: bool = False
    event: bool = False
    background: bool = False
    item: int | None = None
    marks: list[tuple[int, int]] = field(default_factory=list)  # (position, index) of items named in it
    munitions: list[Mun] = field(default_factory=list)
    authorities: set[str] = field(default_factory=set)


@dataclass
class Mun:
    start: int
    end: int
    kind: str
    text: str
    linked: bool = False
    compound: bool = False  # "missile launching drill": the munition word names a launch


@dataclass
class Qty:
    kind: str  # distance / duration
    start: int
    end: int
    values: list[float]
    qual: str
    sent: int
    role: str | None = None
    unit_factor: float = 1.0


@dataclass
class TimeGroup:
    start: int
    end: int
    sent: int
    times: list[tuple[int, int | None, str]]  # (hour, minute or None for an hour band, raw)
    zone: str | None = None
    role: str | None = None
    spans: list[tuple[int, int]] = field(default_factory=list)


@dataclass
class DateMention:
    start: int
    end: int
    sent: int
    day: date


@dataclass
class CountMention:
    start: int
    end: int
    sent: int
    n: int | None
    qual: str
    also: bool = False
    totalizing: bool = False
    impact: bool = False
    kind: str = "missile"
    weak: bool = False  # a number of missiles not tied to a launch word in its sentence


class Compiled:
    """A language's patterns, compiled once."""

    def __init__(self, lang: Lang) -> None:
        def rx(pattern: str, flags: int = 0):
            # every rule sits behind its literal prefilter (see prefilter.py): same answers, fewer scans
            return fast(lang.rx(pattern, flags))

        self.lang = lang
        b = r"(?![A-Za-z])" if lang.code == "en" else ""
        numw = rf"\b(?:{lang.fill('{NUMW}')})\b" if lang.number_words and lang.code == "en" else "(?!)"
        qpre = rf"(?:(?:{lang.fill('{QPRE}')})\s*)"
        qin = "|".join(re.escape(k) for k in lang.qual_infix) or "(?!)"
        unit = lang.fill("{UNIT}")
        # A quantity is [qualifiers] number [unit] [to number] unit [qualifiers]. Tried at every
        # position, the leading qualifiers make this the costliest rule, so it is found from its
        # number instead: the core is matched where a number starts and the qualifiers are read
        # leftwards from there (QuantityFinder), with the same result.
        self.qty_core = re.compile(
            rf"(?P<n1>{lang.fill('{NUM}')}|{numw})\s*-?\s*(?:(?P<u1>{unit}){b}\s*)?"
            rf"(?:(?:{lang.interval_sep})\s*{qpre}{{0,2}}(?P<n2>{lang.fill('{NUM}')})\s*-?\s*)?"
            rf"(?P<qin>{qin})?\s*-?\s*(?P<unit>{unit}){b}(?P<qpost>(?:\s*(?:{lang.fill('{QPOST}')})){{0,3}})",
            lang.flags,
        )
        self.qty_qualifiers = fast(re.compile(rf"{qpre}{{1,3}}\Z", lang.flags))
        # number words as literals over lower-cased text: re scans for their first letters in C
        words = sorted({w.lower() for w in lang.number_words}, key=len, reverse=True) if numw != "(?!)" else []
        alts = "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in words)
        self.number_word_starts = re.compile(alts) if words else None
        self.qpre_words = re.compile(lang.fill("{QPRE}"), lang.flags)
        self.qpost_words = re.compile(lang.fill("{QPOST}"), lang.flags)
        self.units = {k.lower(): v for k, v in lang.units.items()}
        self.distance_roles = [(r, rx(lft), rx(rgt)) for r, lft, rgt in lang.distance_roles]
        self.duration_roles = [(r, rx(lft), rx(rgt)) for r, lft, rgt in lang.duration_roles]
        self.list_joiner = rx(lang.list_joiner)
        self.speed = rx(lang.speed)
        self.speed_block = rx(lang.speed_block)
        self.times = [rx(p) for p in lang.times]
        self.time_min_only = rx(lang.time_minutes_only)
        self.time_joiner = rx(lang.time_joiner)
        self.time_cues = [(rx(p), role) for p, role in lang.time_cues]
        self.time_adjacent_other = rx(lang.time_adjacent_other)
        self.clause_break = rx(lang.clause_break)
        self.time_skip_sentence = rx(lang.time_skip_sentence)
        self.time_skip_carry = rx(lang.time_skip_carry)
        self.dates = [rx(p) for p in lang.dates]
        self.dateline = rx(lang.dateline)
        self.date_background = rx(lang.date_background)
        self.report_day_left = rx(lang.report_day_left)
        self.report_day_right = rx(lang.report_day_right)
        self.time_equivalent = rx(lang.time_equivalent)
        self.item_flight_cue = rx(lang.item_flight_cue)
        self.munitions = [(rx(p), kind) for p, kind in lang.munitions]
        self.mun_modifier_of = rx(lang.munition_modifier_of)
        self.mun_compound = rx(lang.munition_launch_compound)
        self.mun_excluded = rx(lang.munition_excluded)
        self.launch_cue = rx(lang.launch_cue)
        self.launch_block = rx(lang.launch_block)
        self.launch_block_right = rx(lang.launch_block_right)
        self.link_block = rx(lang.link_block)
        self.event_sentence = rx(lang.event_sentence)
        self.background = rx(lang.background_sentence)
        self.other_launch = rx(lang.other_launch_sentence)
        self.past_launch = rx(lang.past_launch_sentence)
        self.count_each = rx(lang.count_each)
        self.this_launch = rx(lang.this_launch_marker)
        self.flash = rx(lang.flash_cues)
        self.stage_words = [(rx(p), v) for p, v in lang.stage_words]
        self.counts = [rx(p) for p in lang.counts]
        self.count_left = rx(lang.count_left)
        self.count_subset_left = rx(lang.count_subset_left)
        self.count_impact_right = rx(lang.count_impact_right)
        self.count_also_left = rx(lang.count_also_left)
        self.count_also_right = rx(lang.count_also_right)
        self.count_mods_reject = rx(lang.count_mods_reject)
        self.count_plural = rx(lang.count_multiple_plural)
        self.classes = [(rx(p), c) for p, c in lang.classes]
        self.class_hedge = rx(lang.class_hedge_right)
        self.class_coord = rx(lang.class_coordination)
        self.class_coord_block = rx(lang.class_coordination_block)
        self.satellite_cue = rx(lang.satellite_cue)
        self.name_block = rx(lang.name_block_left)
        self.desc_names = [rx(p) for p in lang.description_names]
        self.desc_stop = rx(lang.description_stopwords)
        self.areas = [rx(p) for p in lang.areas]
        self.area_must = rx(lang.area_must)
        self.area_reject = rx(lang.area_reject)
        self.area_strip = rx(lang.area_strip)
        self.area_gaz_left = rx(lang.area_gazetteer_left)
        self.area_gaz_block = rx(lang.area_gazetteer_block)
        self.area_gaz_right = rx(lang.area_gazetteer_right)
        self.area_gaz_widen = rx(lang.area_gazetteer_widen)
        self.vessel_anaphor = rx(lang.vessel_anaphor)
        self.vessel_names = rx(lang.vessel_names)
        self.vessel_subject = rx(lang.vessel_subject)
        self.direction = rx(lang.direction)
        self.landing_clause = rx(lang.landing_clause)
        self.landings = [(rx(p), v) for p, v in lang.landings]
        self.over_japan = rx(lang.over_japan)
        self.eez = [(rx(p), v) for p, v in lang.eez]
        self.item_marker = rx(lang.item_marker)
        self.speakers = [rx(p) for p in lang.speaker]
        self.speaker_coord = rx(lang.speaker_coordination)
        self.hedge = rx(lang.hedge)
        self.other_source = rx(lang.other_source)
        self.auth_names = {n.lower(): a for a, ns in lang.authorities.items() for n in ns}
        self.any_authority = fast(re.compile(lang.fill("{AUTH}"), lang.flags))
        weapon_rx, self.weapon_class = _weapon_patterns(lang)
        self.weapon_rx = fast(weapon_rx)


@cache
def compiled(code: str) -> Compiled:
    from .lang import get_lang

    return Compiled(get_lang(code))


def _weapon_patterns(lang: Lang) -> tuple[re.Pattern[str], dict[str, str]]:
    w = weapons()
    fams = sorted(w["families"], key=len, reverse=True)
    fam = "|".join(re.escape(f) for f in fams)
    rx = re.compile(rf"\b(?P<name>(?:{fam})(?:-\s?|\s)?\d+[A-Za-z]?(?:-\d+)*(?:\s(?:Ra|Na|Ka|Da|Ma)-\d+)?)(?![\w-])")
    classes = {n["name"].lower(): n["class"] for n in w["names"]}
    for f, c in w["families"].items():
        classes.setdefault("family:" + f.lower(), c)
    return rx, classes


_DIGIT = re.compile(r"\d")
_COMPOUND_JOIN = re.compile(r"\s*(?:and\s+|,\s*)?")  # between the hours and the minutes of one duration
QUALIFIER_REACH = 80  # characters left of a number where its qualifiers ("at least about") may start


def quantity_matches(c: Compiled, text: str) -> list[tuple[re.Match[str], int]]:
    """The quantities of a text, left to right and not overlapping, as (core match, start of
    the qualifiers before it): what ``[qualifiers]{0,3} core`` finds scanning every position.

    A match must start its core at a digit or a number word, so only those positions are
    tried; the qualifiers are then the longest run of them that ends at the number."""
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


def weapon_class(c: Compiled, name: str) -> str | None:
    key = name.lower()
    if key in c.weapon_class:
        return c.weapon_class[key]
    # KCNA's "Hwasongpho-18" (pho: gun) is the Hwasong-18
    alias = re.sub(r"^hwasongpho", "hwasong", key)
    if alias in c.weapon_class:
        return c.weapon_class[alias]
    m = re.match(r"[A-Za-z]+", name)
    return c.weapon_class.get("family:" + m.group(0).lower()) if m else None


def clean_name(name: str) -> str:
    return re.sub(r"-\s+", "-", name).strip()


# --- the run ---------------------------------------------------------------------------


class Run:
    def __init__(self, doc, c: Compiled, norm: Normalized, published: str | None, info: SourceInfo) -> None:
        self.doc = doc
        self.c = c
        self.lang = c.lang
        self.norm = norm
        self.text = doc_text(doc)
        self.info = info
        self.policy = info.extraction
        self.text_zone = info.text_zone or DEFAULT_TEXT_ZONE
        self.pub_date = parse_published(published, info.timezone)
        self.report = Report()
        self.day: date | None = None  # the launch date decided from the text (decide_times_and_date)
        self._datelines: list[tuple[int, int]] | None = None
        self._counts: dict[tuple[int, bool], list[CountMention]] = {}
        self.sents = [
            Sent(i, a, b, self.text[a : min(b, a + MAX_SENT)]) for i, (a, b) in enumerate(sentence_spans(doc))
        ]
        self.gaz = list(doc.spans[GAZ_KEY]) if GAZ_KEY in doc.spans else []
        # gazetteer spans by sentence: a sentence looks only at its own (not at every span of the text)
        self.gaz_in: list[list] = [[] for _ in self.sents]
        for span in self.gaz:
            self.gaz_in[self.sent_of(span.start_char).i].append(span)

    # evidence ----------------------------------------------------------------------------

    def sent_of(self, pos: int) -> Sent:
        lo, hi = 0, len(self.sents) - 1
        while lo < hi:
            mid = (lo + hi + 1) // 2
            if self.sents[mid].start <= pos:
                lo = mid
            else:
                hi = mid - 1
        return self.sents[lo]

    def original(self, start: int, end: int) -> str:
        """The original words of a normalized span, as one line: a line break, a page number or
        an invisible character the normalizer dropped or made a space is not part of the words."""
        n = self.norm
        end = min(end, len(n.text))
        out: list[str] = []
        last = -1
        for i in range(max(start, 0), end):
            if n.text[i].isspace():
                out.append(" ")
            elif n.starts[i] >= last:  # a segment that became several characters is written once
                out.append(n.original[n.starts[i] : n.ends[i]])
                last = n.ends[i]
        return " ".join("".join(out).split())

    def evidence(self, fld: str, start: int, end: int) -> None:
        while start < end and self.text[start].isspace():
            start += 1  # a pattern's leading "\s*" is not part of what the text says
        while end > start and self.text[end - 1].isspace():
            end -= 1
        if end <= start or not self.text:
            return
        a, b = self.norm.span(start, end)
        s = self.sent_of(start)
        sa, sb = self.norm.span(s.start, s.end)
        orig = self.norm.original
        self.report.evidence.append(Evidence(fld, a, b, orig[a:b], orig[sa:sb].strip()))

    # driver --------------------------------------------------------------------------------

    def run(self) -> Report:
        if not self.sents:
            return self.report
        self.mark_sentences()
        if not any(s.launch for s in self.sents):
            return self.report
        r = self.report
        r.is_launch_report = True
        self.quantities()
        self.time_groups()
        self.date_mentions()
        self.decide_times_and_date()
        self.decide_count()
        self.decide_quantities()
        self.decide_class_and_name()
        self.decide_area()
        self.decide_direction()
        self.decide_landing_eez()
        self.decide_stage_speed()
        self.decide_items()
        self.decide_claims()
        return r

    # sentences and launch mentions --------------------------------------------------------------

    def mark_sentences(self) -> None:
        c = self.c
        item = None
        set_against: list[Sent] = []  # sentences about other launches that do not date this one
        for s in self.sents:
            if c.item_marker:
                first = c.item_marker.match(s.text.lstrip())
                k = self._item_index(next((g for g in first.groups() if g), "")) if first else None
                if k is not None:
                    # a list item starts the sentence: it and the sentences after it are about that
                    # item (the last one named in it) until the next item starts
                    s.marks = self._marks(s)
                    s.item = k
                    item = s.marks[-1][1] if s.marks else k
                else:
                    s.item = item
            if c.background and c.background.search(s.text):
                s.background = True
            elif c.past_launch and c.past_launch.search(s.text):
                s.background = not (c.this_launch and c.this_launch.search(s.text))
            elif c.other_launch and c.other_launch.search(s.text):
                s.background = not (c.this_launch and c.this_launch.search(s.text))
                if s.background:
                    set_against.append(s)
            s.munitions = self.find_munitions(s)
            if s.background:
                continue
            s.launch = self.link_launch(s)
        if not any(s.launch for s in self.sents):
            # no other sentence states a launch: the one set against earlier launches states this one
            # ("北朝鮮は今年に入って3回目となる弾道ミサイルを発射", "its third launch so far this year")
            for s in set_against:
                s.background = False
                s.launch = self.link_launch(s)
        if not any(s.launch for s in self.sents):
            return  # not a launch report: nothing more is read
        for s in self.sents:
            if (
                s.item is not None
                and not s.background
                and any(rx and rx.search(s.text) for rx in (c.launch_cue, c.item_flight_cue))
            ):
                s.launch = True
            if c.event_sentence and c.event_sentence.search(s.text):
                s.event = True
            if c.item_marker and s.launch and not s.marks:
                s.marks = self._marks(s)  # items named inside ("..., and the second flew ...")

    def _marks(self, s: Sent) -> list[tuple[int, int]]:
        """(position, index) of each list item a sentence names."""
        out = []
        for m in self.c.item_marker.finditer(s.text):
            k = self._item_index(next((g for g in m.groups() if g), ""))
            if k is not None:
                out.append((s.start + m.start(), k))
        return out

    def _item_index(self, token: str) -> int | None:
        if token.isdigit():
            return int(token)
        return self.lang.ordinals.get(token.lower())

    def item_of(self, s: Sent, pos: int) -> int | None:
        """The list item a position of a sentence is about: the last item named before it in
        the sentence ("the first flew 650 km, and the second 600 km"), else the sentence's."""
        k = s.item
        for at, index in s.marks:
            if at > pos:
                break
            k = index
        return k

    def find_munitions(self, s: Sent) -> list[Mun]:
        c = self.c
        found: list[Mun] = []
        taken: list[tuple[int, int]] = []
        for rx, kind in c.munitions:
            for m in rx.finditer(s.text):
                a, b = m.start(), m.end()
                if any(a < y and x < b for x, y in taken):
                    continue
                right = s.text[b : b + CTX]
                left = s.text[max(0, a - CTX) : a]
                if c.mun_modifier_of and c.mun_modifier_of.search(right):
                    continue
                compound = bool(c.mun_compound and c.mun_compound.search(right))
                if c.mun_excluded and c.mun_excluded.search(left):
                    continue
                taken.append((a, b))
                found.append(Mun(s.start + a, s.start + b, kind, m.group(0), compound=compound))
        for m in c.weapon_rx.finditer(s.text):
            a, b = m.start(), m.end()
            if any(a < y and x < b for x, y in taken):
                continue
            cls = weapon_class(c, clean_name(m.group("name")))
            if cls:
                kind = "satellite" if cls == "satellite_launch" else "missile"
                found.append(Mun(s.start + a, s.start + b, kind, m.group(0)))
                taken.append((a, b))
        for span in self.gaz_in[s.i]:
            if span.label_ == "WEAPON":
                found.append(Mun(span.start_char, span.end_char, "missile", span.text))
        found.sort(key=lambda x: x.start)
        return found

    def link_launch(self, s: Sent) -> bool:
        c = self.c
        if not s.munitions or not c.launch_cue:
            return False
        ok = False
        for mu in s.munitions:
            if mu.compound:
                left = self.text[max(s.start, mu.start - 40) : mu.start]
                if c.launch_block and c.launch_block.search(left):
                    continue  # "no missile launch", "ready for a missile launch"
                mu.linked = True
                ok = True
        for m in c.launch_cue.finditer(s.text):
            a, b = s.start + m.start(), s.start + m.end()
            if any(mu.start <= a < mu.end for mu in s.munitions):
                continue  # "launch" inside "launch vehicle"
            left = s.text[max(0, m.start() - 40) : m.start()]
            if c.launch_block and c.launch_block.search(left):
                continue
            if c.launch_block_right and c.launch_block_right.match(s.text, m.end(), m.end() + 20):
                continue
            for mu in s.munitions:
                gap = self.text[b : mu.start] if mu.start >= b else self.text[mu.end : a]
                if len(gap) > self.lang.link_window:
                    continue
                if c.link_block and c.link_block.search(gap):
                    continue
                mu.linked = True
                ok = True
        return ok

    def launch_sents(self, include_items: bool = True) -> list[Sent]:
        return [s for s in self.sents if s.launch and (include_items or s.item is None)]

    # quantities ---------------------------------------------------------------------------------

    def quantities(self) -> None:
        c = self.c
        self.qtys: list[Qty] = []
        for s in self.sents:
            if s.background:
                continue
            found: list[tuple[re.Match[str], Qty]] = []
            for m, qpre_start in quantity_matches(c, s.text):
                q = self._qty(m, s, qpre_start)
                if q is not None:
                    found.append((m, q))
            merged = self._merge_compound_durations(self._merge_parens(s, found))
            prev: Qty | None = None
            for q in merged:
                rules = c.distance_roles if q.kind == "distance" else c.duration_roles
                left = self.text[max(s.start, q.start - CTX) : q.start]
                right = self.text[q.end : min(s.end, q.end + CTX)]
                q.role = _role(rules, left, right)
                if q.role is None and prev is not None and self._listed(prev, q):
                    q.role = prev.role  # "flew 350 km and 400 km": the second is what the first is
                prev = q
            # "약 350km, 400여km를 비행" / "約350km及び約400km飛翔": the verb after the last value
            # tells what the values before it listed with it are
            for q, nxt in reversed(list(zip(merged, merged[1:], strict=False))):
                if q.role is None and nxt.role not in (None, SKIP) and self._listed(q, nxt):
                    q.role = nxt.role
            for q in merged:
                if q.role == SKIP:
                    q.role = None
                self.qtys.append(q)

    def _listed(self, a: Qty, b: Qty) -> bool:
        """True when two quantities of one kind stand in one list ("350 km and 400 km")."""
        c = self.c
        return a.kind == b.kind and bool(c.list_joiner and c.list_joiner.search(self.text[a.end : b.start]))

    def _qty(self, m: re.Match[str], s: Sent, qpre_start: int) -> Qty | None:
        c = self.c
        unit = m.group("unit")
        kind, factor = c.units.get(re.sub(r"\s+", " ", unit.lower()), (None, 1.0))
        if kind is None:
            return None
        words, scales = self.lang.number_words, self.lang.number_scales
        v1 = parse_number(m.group("n1"), words, scales)
        if v1 is None:
            return None
        vals = [v1]
        if m.group("n2"):
            v2 = parse_number(m.group("n2"), words, scales)
            if v2 is not None:
                vals.append(v2)
        vals = [_scale(v, factor) for v in vals]
        qual = ""
        qpre = s.text[qpre_start : m.start()]
        for part, table, rx in (
            (qpre, self.lang.qual_pre, c.qpre_words),
            (m.group("qin"), self.lang.qual_infix, None),
            (m.group("qpost"), self.lang.qual_post, c.qpost_words),
        ):
            if not part:
                continue
            words_found = [w.group(0) for w in rx.finditer(part)] if rx else [part]
            for w in words_found:
                qual = _stronger(qual, _lookup(table, w))
        return Qty(kind, s.start + qpre_start, s.start + m.end(), vals, qual, s.i, unit_factor=factor)

    def _merge_parens(self, s: Sent, found: list[tuple[re.Match[str], Qty]]) -> list[Qty]:
        out: list[Qty] = []
        i = 0
        while i < len(found):
            q = found[i][1]
            if i + 1 < len(found):
                q2 = found[i + 1][1]
                between = self.text[q.end : q2.start]
                after = self.text[q2.end : q2.end + 3]
                if q2.kind == q.kind and re.fullmatch(r"\s*\(\s*", between) and after.lstrip().startswith(")"):
                    keep = q if q.unit_factor == 1.0 or q2.unit_factor != 1.0 else q2
                    close = self.text.index(")", q2.end)
                    out.append(
                        Qty(
                            q.kind,
                            q.start,
                            close + 1,
                            keep.values,
                            keep.qual or q.qual,
                            s.i,
                            unit_factor=keep.unit_factor,
                        )
                    )
                    i += 2
                    continue
            out.append(q)
            i += 1
        return out

    def _merge_compound_durations(self, qtys: list[Qty]) -> list[Qty]:
        """ "2 hours and 8 minutes", "74 minutes 30 seconds", "2時間8分": one duration, the sum."""
        out: list[Qty] = []
        for q in qtys:
            prev = out[-1] if out else None
            if (
                prev is not None
                and prev.kind == q.kind == "duration"
                and len(prev.values) == len(q.values) == 1
                and prev.unit_factor > q.unit_factor
                and not q.qual
                and _COMPOUND_JOIN.fullmatch(self.text[prev.end : q.start])
            ):
                out[-1] = Qty(
                    q.kind,
                    prev.start,
                    q.end,
                    [prev.values[0] + q.values[0]],
                    prev.qual,
                    q.sent,
                    unit_factor=q.unit_factor,
                )
                continue
            out.append(q)
        return out

    def decide_quantities(self) -> None:
        r = self.report
        for role, fld in (("range", "range_km"), ("apogee", "apogee_km")):
            vals: list[float] = []
            first: Qty | None = None
            for q in self.qtys:
                if q.role != role or not not self.sents[q.sent].background:
                    continue
                item = self.item_of(self.sents[q.sent], q.start)
                new = [v for v in q.values if item is not None or not any(_close(v, x) for x in vals)]
                if not new:
                    continue
                vals.extend(new)
                first = first or q
                self.evidence(fld, q.start, q.end)
            setattr(r, fld, vals)
            if first is not None:
                setattr(r, fld.replace("_km", "_qualifier"), first.qual or None)
                a, b = self.norm.span(first.start, first.end)
                setattr(r, fld.replace("_km", "_raw"), self.norm.original[a:b].strip())
        flights = [q for q in self.qtys if q.role == "flight" and not self.sents[q.sent].background]
        if flights:
            best = max(flights, key=lambda q: max(q.values))
            r.flight_minutes = round(max(best.values), 1)
            self.evidence("flight_minutes", best.start, best.end)

    # times and dates -------------------------------------------------------------------------

    def time_groups(self) -> None:
        c = self.c
        self.groups: list[TimeGroup] = []
        datelines = self.datelines()
        skipping = False
        for s in self.sents:
            skip = bool(c.time_skip_sentence and c.time_skip_sentence.search(s.text))
            carried = False
            if not skip and skipping and c.time_skip_carry and c.time_skip_carry.search(s.text):
                skip = carried = True
            skipping = skip
            if s.background:
                continue
            found: list[tuple[int, int, int, int | None, str | None, str | None, str]] = []
            for rx in c.times:
                for m in rx.finditer(s.text):
                    if any(m.start() < y and x < m.end() for x, y, *_ in found):
                        continue
                    t = self._time(m)
                    if t is not None:
                        found.append((m.start(), m.end(), *t))
            found.sort()
            if c.time_min_only:
                extra = []
                for _a, b, h, mi, ap, zone, _raw in found:
                    mm = c.time_min_only.match(s.text, b)
                    if mm and mi is not None:
                        extra.append((mm.start("m"), mm.end(), h, int(mm.group("m")), ap, zone, mm.group(0)))
                found = sorted(found + extra)
            groups: list[TimeGroup] = []
            for a, b, h, mi, ap, zone, _raw in found:
                g = groups[-1] if groups else None
                if g and c.time_joiner and c.time_joiner.search(s.text[g.end - s.start : a]):
                    g.times.append((h, mi, ap or ""))
                    g.end = s.start + b
                    g.spans.append((s.start + a, s.start + b))
                    g.zone = g.zone or zone
                else:
                    groups.append(
                        TimeGroup(
                            s.start + a, s.start + b, s.i, [(h, mi, ap or "")], zone, spans=[(s.start + a, s.start + b)]
                        )
                    )
            prev: TimeGroup | None = None
            for g in groups:
                g.times = _fix_meridiem(g.times)
                dated = any(a <= g.start < b for a, b in datelines)
                told = skip and (carried or not self._launch_told_before(s, g))
                g.role = "other" if told or dated else self._time_role(s, g)
                if prev is not None and self._same_moment(prev, g):
                    g.role = "same"  # "7:44 a.m. (2244 GMT)": one launch time written in two zones
                self.groups.append(g)
                prev = g

    def _same_moment(self, prev: TimeGroup, g: TimeGroup) -> bool:
        """A group of another zone right after a group (only brackets, commas or "or" between) that
        has as many times is those times written in that zone."""
        rx = self.c.time_equivalent
        if rx is None or len(prev.times) != len(g.times) or g.zone == prev.zone:
            return False
        return bool(rx.fullmatch(self.text, prev.end, g.start))

    def datelines(self) -> list[tuple[int, int]]:
        """Spans of the dateline a text starts with: its date and time are the publication's."""
        c = self.c
        if self._datelines is None:
            self._datelines = [(m.start(), m.end()) for m in c.dateline.finditer(self.text[:400])] if c.dateline else []
        return self._datelines

    def _time(self, m: re.Match[str]) -> tuple[int, int | None, str | None, str | None, str] | None:
        gd = m.groupdict()
        hour = self.lang.hour_words.get(gd["hw"].lower()) if gd.get("hw") else None
        h = int(gd["h"]) if hour is None else hour
        mi: int | None
        if gd.get("band"):
            mi = None
        elif gd.get("half"):
            mi = 30
        elif gd.get("m") is not None:
            mi = int(gd["m"])
        else:
            mi = 0
        ap = self.lang.ampm.get((gd.get("ap") or "").lower().replace(" ", "")) if gd.get("ap") else None
        if h > 24 or (mi is not None and mi > 59):
            return None
        zone = None
        if gd.get("zone"):
            zone = self.lang.zones.get(re.sub(r"\s+", " ", gd["zone"].lower()))
        return h, mi, ap, zone, m.group(0)

    def _time_role(self, s: Sent, g: TimeGroup) -> str | None:
        c = self.c
        left = self.text[s.start : g.start]
        if c.time_adjacent_other and c.time_adjacent_other.search(left):
            return "other"
        if c.clause_break:
            cut = None
            for m in c.clause_break.finditer(left):
                cut = m.end()
            if cut is not None:
                left = left[cut:]
        right = self.text[g.end : s.end]
        for direction in self.lang.time_search:
            best: tuple[int, str] | None = None
            for rx, role in c.time_cues:
                for m in rx.finditer(right if direction == "right" else left):
                    d = m.start() if direction == "right" else len(left) - m.end()
                    if best is None or d < best[0]:
                        best = (d, role)
                    if direction == "right":
                        break
            if best is not None:
                return best[1]
        return "launch" if s.launch else None

    def date_mentions(self) -> None:
        c = self.c
        self.dates: list[DateMention] = []
        self.report_days: list[DateMention] = []
        self.anchor: date | None = None  # the report day, once found (relative days count from it)
        masked = self.datelines()
        found: list[tuple[re.Match[str], Sent, bool]] = []
        for s in self.sents:
            if s.background:
                continue
            taken: list[tuple[int, int]] = []
            for rx in c.dates:
                for m in rx.finditer(s.text):
                    a, b = s.start + m.start(), s.start + m.end()
                    if any(x <= a < y for x, y in masked) or any(a < y and x < b for x, y in taken):
                        continue
                    left = s.text[max(0, m.start() - 40) : m.start()]
                    if c.date_background and c.date_background.search(left):
                        continue
                    taken.append((a, b))
                    found.append((m, s, self._is_report_day(s, m)))
        # report days first: they are dated against the publication, the other days may count from them
        for m, s, report in found:
            if report:
                d = self._date(m)
                if d is not None:
                    self.report_days.append(DateMention(s.start + m.start(), s.start + m.end(), s.i, d))
        self.anchor = self.report_days[0].day if self.report_days else None
        for m, s, report in found:
            if not report:
                d = self._date(m)
                if d is not None:
                    self.dates.append(DateMention(s.start + m.start(), s.start + m.end(), s.i, d))
        self.dates.sort(key=lambda d: d.start)

    def _launch_told_before(self, s: Sent, g: TimeGroup) -> bool:
        """A time right after the launch verb of its clause ("At a press conference, the minister said it launched
        a missile at 7:03 a.m.") is the launch's, though the sentence also tells of a meeting or a call; not when the
        meeting or the coast guard stands close by ("the coast guard said it detected the launch at 11:46 a.m.")."""
        c = self.c
        left = s.text[max(0, g.start - s.start - 60) : g.start - s.start]
        cues = list(c.launch_cue.finditer(left)) if c.launch_cue else []
        if not cues:
            return False
        return not (
            (c.time_skip_sentence and c.time_skip_sentence.search(left))
            or (c.clause_break and c.clause_break.search(left[cues[-1].end() :]))
        )

    def _is_report_day(self, s: Sent, m: re.Match[str]) -> bool:
        c = self.c
        if m.groupdict().get("rel") and self._rel_key(m) in self.lang.anchored_days:
            return False  # 前日 counts from the report day: it is not one
        left = s.text[max(0, m.start() - 40) : m.start()]
        right = s.text[m.end() : m.end() + 30]
        return bool(
            (c.report_day_left and c.report_day_left.search(left))
            or (c.report_day_right and c.report_day_right.match(right))
        )

    def _rel_key(self, m: re.Match[str]) -> str:
        return re.sub(r"\s+", " ", (m.groupdict().get("rel") or "").lower())

    def _date(self, m: re.Match[str]) -> date | None:
        gd = m.groupdict()
        pub = self.pub_date
        try:
            if gd.get("rel"):
                if pub is None:
                    return None
                key = self._rel_key(m)
                off = self.lang.relative_days.get(key)
                base = self.anchor if key in self.lang.anchored_days and self.anchor else pub
                return None if off is None else base + timedelta(days=off)
            if gd.get("d"):
                day = int(gd["d"])
                mo = gd.get("mo")
                month = (self.lang.months.get(mo.lower().rstrip(".")) if not mo.isdigit() else int(mo)) if mo else None
                year = None
                if gd.get("y"):
                    year = int(gd["y"])
                elif gd.get("era"):
                    n = 1 if gd["eray"] == "元" else int(gd["eray"])
                    year = {"令和": 2018, "平成": 1988}.get(gd["era"], 0) + n
                if month is None:
                    if pub is None:
                        return None
                    month, year = pub.month, pub.year
                    if day > pub.day:
                        month, year = (12, year - 1) if month == 1 else (month - 1, year)
                if year is None:
                    if pub is None:
                        return None
                    year = pub.year
                    if date(year, month, day) > pub + timedelta(days=7):
                        year -= 1
                return date(year, month, day)
            if gd.get("wd"):
                if pub is None:
                    return None
                wd = self.lang.weekdays.get(gd["wd"].lower().rstrip("."))
                if wd is None:
                    return None
                for off in (0, -1, 1, -2, -3, -4, -5):
                    d = pub + timedelta(days=off)
                    if d.weekday() == wd:
                        return d
        except (ValueError, TypeError):
            return None
        return None

    def decide_times_and_date(self) -> None:
        r = self.report
        launch = [g for g in self.groups if g.role == "launch" and not self.sents[g.sent].background]
        launch = self._drop_artillery_times(launch)
        items = [g for g in launch if self.sents[g.sent].item is not None]
        main = [g for g in launch if self.sents[g.sent].item is None]
        chosen = items if items else main
        if self.policy.drop_foreign_zone_times:
            chosen = [g for g in chosen if near_site(g.zone)]
        day = self._launch_day(chosen)
        self.day = day
        times: list[str] = []
        precision = None
        first_dt = None
        for g in chosen:
            for (hh, mm, d2), (a, b) in zip(self.local_times(g), g.spans, strict=False):
                times.append(f"{hh:02d}" if mm is None else f"{hh:02d}:{mm:02d}")
                self.evidence("launch_times_local", a, b)
                if first_dt is None:
                    precision = "hour" if mm is None else "minute"
                    first_dt = (hh, mm, d2)
        r.launch_times_local = times
        if first_dt is not None and first_dt[2] is not None:
            day = first_dt[2]
        if day is not None:
            off = site_offset(day)
            if first_dt is None and not near_site(self.text_zone):
                # a date without a time, from a text in Hawaii or US Eastern time: that zone's date
                # (it may be the day before the launch date in Korea), and the zone says so
                off = zone_offset(self.text_zone, day)
            r.launch_date_local = day.isoformat()
            r.tz = off
            if first_dt is not None:
                hh, mm, _ = first_dt
                local = datetime(day.year, day.month, day.day, hh, mm or 0, tzinfo=zone(SITE_ZONE))
                r.launch_utc = local.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:00Z")
                r.time_precision = precision
            else:
                r.time_precision = "day"

    def local_times(self, g: TimeGroup) -> list[tuple[int, int | None, date | None]]:
        """The times of a group in the launch site's local time, with their dates when known."""
        zone = g.zone or self.text_zone
        day = self.day
        if day is None and not fixed_offset(zone):
            return []  # without a date, daylight saving time is unknown: no time rather than a wrong one
        out = []
        for h, mi, _ap in g.times:
            if day is not None:
                out.append(convert_time(day, h, mi, zone))
            elif zone == SITE_ZONE:
                out.append((h % 24, mi, None))
            else:  # a fixed offset converts a time of day on any date (the date itself stays unknown)
                out.append((*time_of_day(h, mi, zone), None))
        return out

    def _drop_artillery_times(self, groups: list[TimeGroup]) -> list[TimeGroup]:
        def kinds(g: TimeGroup) -> set[str]:
            s = self.sents[g.sent]
            return {m.kind for m in s.munitions if m.linked}

        if not any(kinds(g) - {"artillery"} for g in groups):
            return groups
        return [g for g in groups if kinds(g) != {"artillery"}]

    def _launch_day(self, groups: list[TimeGroup]) -> date | None:
        if groups:
            g = groups[0]
            same = [d for d in self.dates if d.sent == g.sent]
            if same:
                best = min(same, key=lambda d: min(abs(d.start - g.end), abs(d.end - g.start)))
                self.evidence("launch_date_local", best.start, best.end)
                return self._date_in_zone_of(best, g)
        for want in ("launch", "event"):
            for d in self.dates:
                s = self.sents[d.sent]
                if (s.launch if want == "launch" else s.event) and not s.background:
                    self.evidence("launch_date_local", d.start, d.end)
                    return d.day
        if not self.policy.date_from_published:
            return None
        if self.report_days:  # "합참은 20일 ... 발사했다고 밝혔다": the day it reported is the one it tells of
            d = self.report_days[0]
            self.evidence("launch_date_local", d.start, d.end)
            return d.day
        return self.pub_date

    def _date_in_zone_of(self, d: DateMention, launch: TimeGroup) -> date:
        """A date written right after another zone's time ("7:44 a.m. (2244 GMT Sunday)") is that
        zone's date: as the launch group's Korea-time date, it is the day of that moment there."""
        here = launch.zone or self.text_zone
        if not near_site(here):
            return d.day
        for g in self.groups:
            if g.sent == d.sent and g is not launch and g.zone not in (None, here) and g.end <= d.start:
                if re.fullmatch(r"[\s,]*(?:on\s+)?", self.text[g.end : d.start]):
                    h, mi, _ = g.times[-1]
                    return convert_time(d.day, h, mi, g.zone)[2]
        # wire copy's "(2244 GMT Sunday)": a four-digit time the time patterns leave alone
        m = _UTC_HHMM.search(self.text, max(0, d.start - 20), d.start)
        if m and int(m.group(1)) < 24 and int(m.group(2)) < 60:
            return convert_time(d.day, int(m.group(1)), int(m.group(2)), "UTC")[2]
        return d.day

    # counts ------------------------------------------------------------------------------------

    def count_mentions(self, sents: list[Sent], unlinked: bool = False) -> list[CountMention]:
        out: list[CountMention] = []
        for s in sents:
            key = (s.i, unlinked)
            if key not in self._counts:  # the count and the claims both ask about a sentence
                self._counts[key] = self._sentence_counts(s, unlinked)
            out.extend(self._counts[key])
        out.sort(key=lambda x: x.start)
        return out

    def _sentence_counts(self, s: Sent, unlinked: bool) -> list[CountMention]:
        c = self.c
        out: list[CountMention] = []
        for rx in c.counts:
            for m in rx.finditer(s.text):
                cm = self._count_from(m, s, m.start(), m.end())
                if cm:
                    out.append(cm)
        if c.count_left:
            for mu in s.munitions:
                if (mu.compound and not self.lang.count_of_launch) or mu.kind == "system":
                    continue
                if not mu.linked and not unlinked:
                    continue
                got = self._count_left_of(s, mu)
                if not mu.linked:
                    got = [x for x in got if x.n is not None]
                    for x in got:
                        x.weak = True
                out.extend(got)
        return out

    def _count_from(self, m: re.Match[str], s: Sent, a: int, b: int, kind: str = "missile") -> CountMention | None:
        c = self.c
        gd = m.groupdict()
        left = s.text[max(0, a - 40) : a]
        if c.count_subset_left and c.count_subset_left.search(left):
            return None
        # a time's にも / 에도 counts a second launch only when the launch is told there too ("午後3時12分頃にも…1発を
        # 発射"), not when a later briefing restates the same missile ("午前8時にも…この1発は…落下したと述べ")
        also_m = c.count_also_left.search(left) if c.count_also_left else None
        also = bool(
            also_m
            and (not c.launch_cue or c.launch_cue.search(left[also_m.start() :]) or c.launch_cue.search(s.text[b:]))
        )
        right = s.text[b : b + 60]
        also = also or bool(c.count_also_right and c.count_also_right.search(right))
        if gd.get("another"):  # "... at 6:51 a.m. and another from Kusong at 4:32 p.m."
            return CountMention(s.start + a, s.start + b, s.i, 1, "exact", True, kind=kind)
        if gd.get("multi"):
            return CountMention(s.start + a, s.start + b, s.i, None, "multiple", also, kind=kind)
        n = parse_number(gd.get("n") or "", {**self.lang.number_words, **self.lang.count_numbers})
        if n is None or n != int(n) or n <= 0 or n > 10000:
            return None
        q = _lookup(self.lang.count_words, gd.get("q") or "") if gd.get("q") else ""
        if not q and gd.get("qin"):
            q = self.lang.qual_infix.get(gd["qin"], "")  # 10여 발: about ten
        totalizing = bool(
            self.lang.count_totalizing and gd.get("n") and re.fullmatch(self.lang.count_totalizing, gd["n"], re.I)
        )
        impact = bool(c.count_impact_right and c.count_impact_right.search(right))
        return CountMention(
            s.start + a, s.start + b, s.i, int(n), COUNT_QUAL.get(q, "exact"), also, totalizing, impact, kind
        )

    def _count_left_of(self, s: Sent, mu: Mun) -> list[CountMention]:
        c = self.c
        rel = mu.start - s.start
        left = s.text[max(0, rel - 120) : rel]
        off = rel - len(left)
        pos = 0
        while pos <= len(left):
            m = c.count_left.search(left, pos)
            if m is None:
                break
            pos = m.start() + 1
            mods = m.group("mods") or ""
            n = (m.group("n") or "").lower()
            reject = c.count_mods_reject and c.count_mods_reject.search(" " + mods)
            if not reject and n in ("a", "an") and self.lang.count_not_article_of:
                # the munition may be a description that starts with the type's words ("new tactical guided weapon")
                reject = re.search(self.lang.count_not_article_of, mods + mu.text.rsplit(" ", 1)[0] + " ", re.I)
            if reject:
                continue
            if mu.compound and n not in self.lang.count_of_launch:
                return []  # "two missile launches" may each have fired several
            cm = self._count_from(m, s, off + m.start(), rel + (mu.end - mu.start), mu.kind)
            if cm is not None:
                if n in ("a", "an") and mu.text.lower().endswith("s") and not mu.text.isupper():
                    return []
                return [cm]
            return []
        if (
            c.count_plural
            and c.count_plural.fullmatch(mu.text)
            and mu.kind in ("missile", "rocket")
            and not mu.compound
        ):
            return [CountMention(mu.start, mu.end, s.i, None, "multiple", kind=mu.kind)]
        return []

    def decide_count(self) -> None:
        r = self.report
        main = [s for s in self.sents if s.item is None and not s.background]
        ments = self.count_mentions(main, unlinked=True)
        ments = [m for m in ments if not m.impact or m.totalizing]
        numeric = [m for m in ments if m.n is not None and not m.weak] or [m for m in ments if m.n is not None]
        if numeric:
            first = numeric[0]
            # "それぞれ1発、計2発": the total stated beside the parts is the count
            total = next((m for m in numeric if m.qual == "total" and m.sent == first.sent), None)
            first = total or first
            total = first.n
            for m in numeric[1:]:
                # in one sentence, only when a launch time stands between ("1발을 발사했으며, 오후 4시 32분경 1발을
                # 추가로 발사"); a restated count has none
                apart = m.sent != first.sent or self._launch_time_between(first.end, m.start)
                if m.also and apart and (m.kind == first.kind or first.kind != "artillery"):
                    if m.kind == "artillery" and first.kind != "artillery":
                        continue
                    total += m.n
                    self.evidence("count", m.start, m.end)
            r.count = total
            r.count_qualifier = first.qual
            self.evidence("count", first.start, first.end)
        elif any(m.qual == "multiple" for m in ments):
            m = next(m for m in ments if m.qual == "multiple")
            listed = self._listed_count()
            if listed:
                r.count, r.count_qualifier = listed, "exact"
            else:
                r.count_qualifier = "multiple"
            self.evidence("count", m.start, m.end)
        elif not self._count_per_launch(main):
            self._itemized_count()

    def _launch_time_between(self, a: int, b: int) -> bool:
        return any(g.role == "launch" and a <= g.start < b for g in self.groups)

    def _count_per_launch(self, main: list[Sent]) -> bool:
        """N per launch time ("7時5分ごろと同22分ごろ、…1発ずつ発射"): N times the number of launch times."""
        times = self.report.launch_times_local
        if not self.c.count_each or len(times) < 2:
            return False
        for s in main:
            m = self.c.count_each.search(s.text) if s.launch else None
            n = parse_number(m.group("n"), self.lang.number_words) if m else None
            if n is not None and n == int(n) and 0 < n <= 100:
                self.report.count, self.report.count_qualifier = int(n) * len(times), "exact"
                self.evidence("count", s.start + m.start(), s.start + m.end())
                return True
        return False

    def _itemized_count(self) -> None:
        """No count outside the list: "(1) ... 1発 ... (2) ... 1発" launched one per item, the sum."""
        per_item: dict[int, CountMention] = {}
        for s in self.sents:
            if s.item is None or s.background or not s.launch:
                continue
            ments = [m for m in self.count_mentions([s]) if m.n is not None and not m.impact]
            if ments and s.item not in per_item:
                per_item[s.item] = ments[0]
        if len(per_item) >= 2 and all(m.qual == "exact" for m in per_item.values()):
            self.report.count = sum(m.n or 0 for m in per_item.values())
            self.report.count_qualifier = "exact"
            for m in per_item.values():
                self.evidence("count", m.start, m.end)

    def _listed_count(self) -> int | None:
        """Plural missiles given one flight time or distance each ("for 10 199s and 10 203s")."""
        by_sent: dict[int, list[Qty]] = {}
        for q in self.qtys:
            if q.role in ("flight",) and len(q.values) == 1:
                by_sent.setdefault(q.sent, []).append(q)
        for qs in by_sent.values():
            if len(qs) >= 2 and all(
                re.fullmatch(r"\s*(?:,|and|,\s*and)\s*", self.text[a.end : b.start], re.I)
                for a, b in zip(qs, qs[1:], strict=False)
            ):
                return len(qs)
        return None

    # class and name ---------------------------------------------------------------------------

    def decide_class_and_name(self) -> None:
        c = self.c
        r = self.report
        ments: list[tuple[int, int, str, bool, int]] = []
        sents = [s for s in self.sents if not s.background and (s.launch or s.event or s.munitions or s.i == 0)]
        for s in sents:
            taken: list[tuple[int, int]] = []
            for rx, cls in c.classes:
                for m in rx.finditer(s.text):
                    a, b = m.start(), m.end()
                    if any(a < y and x < b for x, y in taken):
                        continue
                    taken.append((a, b))
                    right = s.text[b : b + 40]
                    if cls == "generic" and c.mun_modifier_of and c.mun_modifier_of.search(right):
                        if not (c.mun_compound and c.mun_compound.search(right)):
                            continue
                    hedged = bool(c.class_hedge and c.class_hedge.search(right))
                    ments.append((s.start + a, s.start + b, cls, hedged, s.i))
            for mu in s.munitions:
                if any(mu.start < y and x < mu.end for x, y, *_ in ments):
                    continue
                name = clean_name(mu.text)
                cls = weapon_class(c, name) or _gaz_weapon_class(c, self.gaz, mu)
                if cls:
                    ments.append((mu.start, mu.end, cls, False, s.i))
        ments.sort()
        chosen: tuple[int, int, str, bool, int] | None = None
        for m in ments:
            cls, hedged = m[2], m[3]
            if cls == "satellite_launch":
                continue
            if hedged:
                if cls == "ballistic" and (chosen is None or chosen[2] in WEAK):
                    chosen = m
                continue
            if chosen is None or (chosen[2] in WEAK and cls not in WEAK):
                chosen = m
            elif chosen[2] == "ballistic" and cls in FAMILY:
                chosen = m
        final = chosen[2] if chosen else None
        if self._satellite():
            final = "satellite_launch"
        elif self._coordinated(ments):
            final = "other"
        if final in WEAK:
            final = "other"
        r.missile_class = final
        if chosen is not None and final == chosen[2]:
            self.evidence("missile_class", chosen[0], chosen[1])
        self.decide_name()

    def _satellite(self) -> bool:
        c = self.c
        for s in self.launch_sents():
            if any(m.kind == "satellite" and m.linked for m in s.munitions):
                return True
            if c.satellite_cue and c.satellite_cue.search(s.text):
                return True
        return False

    def _coordinated(self, ments: list[tuple[int, int, str, bool, int]]) -> bool:
        c = self.c
        if not c.class_coord:
            return False
        for x, y in zip(ments, ments[1:], strict=False):
            if x[4] != y[4] or not self.sents[x[4]].launch:
                continue
            a, b = x[2], y[2]
            if a == b or a in WEAK or b in WEAK or {a, b} <= {"ballistic", *FAMILY} or "satellite_launch" in (a, b):
                continue
            if not c.class_coord.fullmatch(self.text[x[1] : y[0]]):
                continue
            left = self.text[max(0, x[0] - 40) : x[0]]
            if c.class_coord_block and c.class_coord_block.search(left):
                continue
            return True
        return False

    def decide_name(self) -> None:
        c = self.c
        r = self.report
        for s in self.sents:
            if s.background or not (s.launch or s.munitions):
                continue
            for mu in s.munitions:
                name = clean_name(mu.text)
                if not (
                    c.weapon_rx.fullmatch(mu.text)
                    or any(sp.label_ == "WEAPON" and sp.start_char == mu.start for sp in self.gaz)
                ):
                    continue
                if any(name.lower().startswith(x.lower()) for x in weapons()["not_launchers"]):
                    continue
                left = self.text[max(s.start, mu.start - 60) : mu.start]
                if c.name_block and c.name_block.search(left):
                    continue
                canon = next((sp.id_ for sp in self.gaz if sp.label_ == "WEAPON" and sp.start_char == mu.start), None)
                r.missile_name = canon or name
                self.evidence("missile_name", mu.start, mu.end)
                return
        if self.policy.describes_own_weapons and c.desc_names:
            best: tuple[int, int, int] | None = None
            for s in self.sents:
                if s.background or not (s.launch or s.event or s.i == 0):
                    continue
                for rx in c.desc_names:
                    for m in rx.finditer(s.text):
                        right = s.text[m.end() : m.end() + CTX]
                        if (
                            c.mun_modifier_of
                            and c.mun_modifier_of.search(right)
                            and not (c.mun_compound and c.mun_compound.search(right))
                        ):
                            continue
                        base = max(0, m.start() - 120)
                        start = m.start()
                        words = 0
                        for w in reversed(list(re.finditer(r"[^\s,;:.()\"]+", s.text[base : m.start()]))):
                            if words >= 6 or (c.desc_stop and c.desc_stop.fullmatch(w.group(0))):
                                break
                            if s.text[base + w.end() : start].strip():
                                break  # punctuation between the words
                            start = base + w.start()
                            words += 1
                        if words and (best is None or words > best[0]):
                            best = (words, s.start + start, s.start + m.end())
            if best is not None:
                r.missile_name = self.original(best[1], best[2])
                self.evidence("missile_name", best[1], best[2])

    # place, direction, landing ---------------------------------------------------------------

    def decide_area(self) -> None:
        c = self.c
        r = self.report
        cands: list[tuple[int, int, str, int | None]] = []
        self.area_text: dict[tuple[int, int], str] = {}
        for s in self.sents:
            if s.background:
                continue
            if c.vessel_subject:
                for m in c.vessel_subject.finditer(s.text):
                    cands.append((s.start + m.start("area"), s.start + m.end("area"), m.group("area"), s.item))
            if not (s.launch or (c.launch_cue and c.launch_cue.search(s.text))):
                continue
            for rx in c.areas:
                pos = 0
                while pos < len(s.text):
                    m = rx.search(s.text, pos)
                    if m is None:
                        break
                    pos = m.start() + 1
                    area = m.group("area")
                    a = m.start("area")
                    if c.area_strip:
                        stripped = c.area_strip.sub("", area)
                        a += area.find(stripped) if stripped and stripped in area else 0
                        area = stripped
                    if not area or (c.area_reject and c.area_reject.search(area)):
                        continue
                    if c.area_must and not c.area_must.search(area):
                        continue
                    cands.append((s.start + a, s.start + a + len(area), area, s.item))
                    pos = m.end()
            if c.vessel_anaphor:
                for m in c.vessel_anaphor.finditer(s.text):
                    v = self._last_vessel(s.start + m.start())
                    if v:
                        self.area_text[(s.start + m.start(), s.start + m.end())] = v
                        cands.append((s.start + m.start(), s.start + m.end(), v, s.item))
        cands.sort()
        main = [x for x in cands if x[3] is None]
        if main:
            a, b, area, _ = main[0]
            r.launch_area = self.area_text.get((a, b)) or self.original(a, b)
            self.evidence("launch_area", a, b)
            spans = [(a, b)]
        elif cands:
            distinct: list[str] = []
            spans = []
            for a, b, area, _ in cands:
                area = self.original(a, b)
                if area not in distinct:
                    distinct.append(area)
                    spans.append((a, b))
                    self.evidence("launch_area", a, b)
            r.launch_area = self.lang.list_sep.join(distinct)
        else:
            spans = []
            g = self._gazetteer_area()
            if g is not None:
                r.launch_area = self.original(*g)
                spans = [g]
                self.evidence("launch_area", *g)
        self._site(spans)

    def _last_vessel(self, pos: int) -> str | None:
        c = self.c
        if not c.vessel_names:
            return None
        last = None
        for m in c.vessel_names.finditer(self.text[:pos]):
            last = m.group("area")
        return last

    def _gazetteer_area(self) -> tuple[int, int] | None:
        """A gazetteer place in a launch sentence with the words around it that make it the
        launch area ("near Pyongyang", "평양에서"), widened by the words before it that name
        its province ("평안남도 숙천에서")."""
        c = self.c
        if not (c.area_gaz_left or c.area_gaz_right):
            return None
        for span in self.gaz:
            if span.label_ != "PLACE":
                continue
            s = self.sent_of(span.start_char)
            if not (s.launch or s.munitions) or s.background:
                continue
            left = self.text[max(s.start, span.start_char - 60) : span.start_char]
            right = self.text[span.end_char : min(s.end, span.end_char + 40)]
            after = c.area_gaz_right.match(right) if c.area_gaz_right else None
            if not ((c.area_gaz_left and c.area_gaz_left.search(left)) or after):
                continue
            clause = self.text[s.start : span.start_char]
            if c.clause_break:
                for m in c.clause_break.finditer(clause):
                    clause = clause[m.end() :]
            if c.area_gaz_block and c.area_gaz_block.search(clause):
                continue
            start, end = span.start_char, span.end_char
            wider = c.area_gaz_widen.search(left) if c.area_gaz_widen else None
            if wider is not None:
                start -= len(left) - wider.start()
            if after is not None and "with" in after.groupdict() and after.group("with"):
                end += after.end("with")  # 순안 인근에서: the area is 순안 인근
            return start, end
        return None

    def _site(self, spans: list[tuple[int, int]]) -> None:
        r = self.report
        best = None
        for span in self.gaz:
            if span.label_ != "PLACE":
                continue
            if not any(a <= span.start_char and span.end_char <= b for a, b in spans):
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
        r.launch_site, r.launch_lat, r.launch_lon = place["id"], place["lat"], place["lon"]
        self.evidence("launch_site", span.start_char, span.end_char)
        if r.missile_class is None and place["kind"] == "satellite":
            r.missile_class = "satellite_launch"

    def decide_direction(self) -> None:
        c = self.c
        r = self.report
        if not c.direction:
            return
        for pass_items in (False, True):
            for s in self.launch_sents():
                if (s.item is not None) != pass_items:
                    continue
                m = c.direction.search(s.text)
                if m:
                    g = next(k for k in ("dir", "dir2", "dir3") if m.groupdict().get(k))
                    raw = m.group(g)
                    r.direction = self.original(s.start + m.start(g), s.start + m.end(g))
                    first = re.split(self.lang.direction_split, raw)[0] if self.lang.direction_split else raw
                    b = self.lang.bearings.get(first.lower().strip())
                    r.bearing_deg = float(b) if b is not None else None
                    self.evidence("direction", s.start + m.start(g), s.start + m.end(g))
                    return

    def decide_landing_eez(self) -> None:
        c = self.c
        r = self.report
        order = [v for _, v in self.lang.landings]
        best: tuple[int, int, int] | None = None
        over = None
        for s in self.sents:
            if s.background:
                continue
            if c.over_japan:
                m = c.over_japan.search(s.text)
                if m and over is None:
                    over = (s.start + m.start(), s.start + m.end())
            if not (c.landing_clause and c.landing_clause.search(s.text)):
                continue
            region_start = 0
            lc = c.landing_clause.search(s.text)
            if c.launch_cue:
                for m in c.launch_cue.finditer(s.text[: lc.start()]):
                    region_start = m.end()
            region = s.text[region_start:]
            for rx, val in c.landings:
                m = rx.search(region)
                if m:
                    rank = order.index(val)
                    if best is None or rank < best[0]:
                        best = (rank, s.start + region_start + m.start(), s.start + region_start + m.end())
        if best is not None:
            r.landing = order[best[0]]
            self.evidence("landing", best[1], best[2])
        elif over is not None:
            r.landing = "over_japan"
            self.evidence("landing", *over)
        found: dict[str, tuple[int, int]] = {}
        denied: list[tuple[int, int]] = []
        for s in self.sents:
            if s.background:
                continue
            for rx, val in c.eez:
                for m in rx.finditer(s.text):
                    span = (s.start + m.start(), s.start + m.end())
                    if val == "none_seen":
                        denied.append(span)
                    found.setdefault(val, span)
        # "EEZ内への飛来は確認されていません", "not confirmed to have fallen within Japan's EEZ": the
        # words for inside stand in a sentence that denies it
        inside = found.get("inside")
        if inside and any(a <= inside[0] < b or inside[0] <= a < inside[1] for a, b in denied):
            del found["inside"]
        for val in ("inside", "outside", "none_seen"):
            if val in found:
                r.eez = val
                self.evidence("eez", *found[val])
                break

    def decide_stage_speed(self) -> None:
        c = self.c
        r = self.report
        stage = None
        for rx, val in c.stage_words:
            m = self._outside_background(rx.finditer(self.text[:300]))
            if m:
                stage = val
                self.evidence("stage", m.start(), m.end())
                break
        if stage is None and c.flash:
            m = self._outside_background(c.flash.finditer(self.text))
            if m:
                stage = "flash"
                self.evidence("stage", m.start(), m.end())
        r.stage = stage or "followup"
        if c.speed:
            # the launch's own sentences first; then a sentence of its own ("최고속도는 마하 6.1로
            # 탐지되었으며"), unless it tells what a weapon can do rather than what it did
            others = [s for s in self.sents if not s.launch and not s.background]
            for group in (self.launch_sents(), others):
                best = None
                for s in group:
                    for m in c.speed.finditer(s.text):
                        # a capability word beside the speed ("マッハ10に達する能力", "could reach Mach 20"), not one
                        # in another clause of the sentence ("マッハ5で飛翔し、迎撃が困難となる可能性")
                        near = s.text[max(0, m.start() - 25) : m.end() + 15]
                        if group is others and c.speed_block and c.speed_block.search(near):
                            continue
                        for g in ("n", "n2", "n3"):  # n3: "ten times the speed of sound"
                            v = parse_number(m.groupdict().get(g) or "", self.lang.number_words)
                            if v is not None and (best is None or v > best[0]):
                                best = (v, s.start + m.start(), s.start + m.end())
                if best:
                    r.speed_mach = best[0]
                    self.evidence("speed_mach", best[1], best[2])
                    break

    # items and claims --------------------------------------------------------------------------

    def _outside_background(self, matches: Iterable[re.Match[str]]) -> re.Match[str] | None:
        """The first match not in a background sentence ("관련 기사: [속보] ..." is another launch's flash)."""
        return next((m for m in matches if not self.sent_of(m.start()).background), None)

    def decide_items(self) -> None:
        items: dict[int, Missile] = {}
        for s in self.sents:
            if not s.launch or (s.item is None and not s.marks):
                continue
            for g in self.groups:
                k = self.item_of(s, g.start) if g.sent == s.i and g.role == "launch" else None
                if k is None:
                    continue
                it = items.setdefault(k, Missile(index=k))
                local = self.local_times(g)
                if it.launch_time_local is None and local:
                    h, mi, _ = local[0]
                    it.launch_time_local = f"{h:02d}" if mi is None else f"{h:02d}:{mi:02d}"
            for q in self.qtys:
                k = self.item_of(s, q.start) if q.sent == s.i else None
                if k is None:
                    continue
                it = items.setdefault(k, Missile(index=k))
                if q.role == "range" and it.range_km is None:
                    it.range_km = q.values[0]
                elif q.role == "apogee" and it.apogee_km is None:
                    it.apogee_km = q.values[0]
                elif q.role == "flight" and it.flight_minutes is None:
                    it.flight_minutes = round(q.values[0], 1)
        self.report.missiles = [items[k] for k in sorted(items)]

    def decide_claims(self) -> None:
        c = self.c
        if not c.speakers:
            return
        attribution: list[set[str]] = []
        current: set[str] = set()
        for s in self.sents:
            spk: set[str] = set()
            # every speaker rule names an authority: a sentence naming none needs no rule
            for rx in c.speakers if c.any_authority.search(s.text) else ():
                for m in rx.finditer(s.text):
                    a = self._auth(m.group("a"))
                    if a:
                        spk.add(a)
                        if c.speaker_coord:
                            lm = c.speaker_coord.search(s.text[: m.start("a")])
                            if lm and self._auth(lm.group("a")):
                                spk.add(self._auth(lm.group("a")))
            if spk:
                current = spk
            elif (c.hedge and c.hedge.search(s.text)) or (c.other_source and c.other_source.search(s.text)):
                current = set()
            elif s.background:
                current = set()
            attribution.append(set(current))
        own = self.info.authority
        claims: dict[str, Claim] = {}
        qtys_in: dict[int, list[Qty]] = {}
        for q in self.qtys:
            qtys_in.setdefault(q.sent, []).append(q)
        groups_in: dict[int, list[TimeGroup]] = {}
        for g in self.groups:
            groups_in.setdefault(g.sent, []).append(g)
        for s, auths in zip(self.sents, attribution, strict=True):
            auths = {a for a in auths if a != "_none"}
            if not auths or s.background:
                continue
            counts = [
                m for m in self.count_mentions([s], unlinked=True) if m.n is not None and (not m.impact or m.totalizing)
            ]
            ranges = [q for q in qtys_in.get(s.i, ()) if q.role == "range"]
            apogees = [q for q in qtys_in.get(s.i, ()) if q.role == "apogee"]
            times = [g for g in groups_in.get(s.i, ()) if g.role == "launch"]
            for a in sorted(auths):
                cl = claims.get(a) or Claim(authority=a)
                if counts and cl.count is None:
                    cl.count, cl.count_qualifier = counts[0].n, counts[0].qual
                for q in ranges:
                    cl.range_km.extend(v for v in q.values if not any(_close(v, x) for x in cl.range_km))
                for q in apogees:
                    cl.apogee_km.extend(v for v in q.values if not any(_close(v, x) for x in cl.apogee_km))
                for g in times:
                    for h, mi, _ in self.local_times(g):
                        cl.launch_times_local.append(f"{h:02d}" if mi is None else f"{h:02d}:{mi:02d}")
                if cl.count is not None or cl.range_km or cl.apogee_km:
                    claims[a] = cl
        if set(claims) - {own}:
            self.report.claims = list(claims.values())

    def _auth(self, name: str) -> str | None:
        return self.c.auth_names.get(re.sub(r"\s+", " ", name.lower().strip()))


# --- helpers ----------------------------------------------------------------------------

_UTC_HHMM = re.compile(r"\b([0-2]\d)([0-5]\d)\s*(?:GMT|UTC)\s*,?\s*$")


def _role(rules, left: str, right: str) -> str | None:
    for role, lrx, rrx in rules:
        if lrx is not None and not lrx.search(left):
            continue
        if rrx is not None and not rrx.search(right):
            continue
        if lrx is None and rrx is None:
            continue
        return SKIP if role == "skip" else role
    return None


_STRENGTH = {"": 0, "approx": 1, "total": 1, "at_least": 2, "over": 2, "at_most": 2}


def _stronger(a: str, b: str) -> str:
    return b if _STRENGTH.get(b, 0) > _STRENGTH.get(a, 0) else a


def _lookup(table: dict[str, str], word: str) -> str:
    key = re.sub(r"\s+", " ", word.strip())
    for k, v in table.items():
        if k.lower() == key.lower():
            return v
    return ""


def _scale(v: float, factor: float) -> float:
    if factor == 1.0:
        return v
    return round(v * factor, 1)


def _close(a: float, b: float) -> bool:
    return abs(a - b) <= 0.01 * max(abs(a), abs(b), 1e-9)


def _fix_meridiem(times: list[tuple[int, int | None, str]]) -> list[tuple[int, int | None, str]]:
    """Apply a.m./p.m. to 12-hour clock times; an unlabelled time takes its window's label."""
    out: list[tuple[int, int | None, str]] = []
    labels = [ap for _, _, ap in times]
    for i, (h, mi, ap) in enumerate(times):
        lab = ap or next((x for x in labels[i + 1 :] if x), "") or next((x for x in reversed(labels[:i]) if x), "")
        hh = h
        if lab and h <= 12:
            if lab == "pm" and h < 12:
                hh = h + 12
            elif lab == "am" and h == 12:
                hh = 0
            if not ap and out and hh < out[-1][0]:
                hh = h
        out.append((hh % 24, mi, lab))
    if len(out) >= 2 and not times[0][2]:
        h0, m0, _ = out[0]
        h1 = out[1][0]
        if h0 > h1 and h0 - 12 >= 0 and h0 >= 12 and times[0][0] < 12:
            out[0] = (h0 - 12, m0, "am")
    return out


def _gaz_weapon_class(c: Compiled, gaz, mu: Mun) -> str | None:
    for sp in gaz:
        if sp.label_ == "WEAPON" and sp.start_char == mu.start:
            return weapon_class(c, sp.id_)
    return None
