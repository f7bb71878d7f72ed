"""Dates and times: every time and date the text gives, what each is of, and the launch's.

Times written together (a window "7時30分から39分頃", a list "2110, 2125 and 2140 GMT") form a
group; its role is the launch's or another moment's (an impact, an alert, a press conference),
read from the nearest cue word (``time_cues``) and the sentence it stands in. Dates are calendar
dates, weekdays and relative days ("本日", "전날", "yesterday") resolved against the publication
day, or against the day a source reported the launch ("KCNA said on Thursday") for the days that
count from it. The launch date is taken, in this order, from the sentence of the first launch
time, a launch sentence, a sentence about a drill or test, the report day, the publication day.

Decides ``launch_times_local``, ``launch_date_local``, ``tz``, ``launch_utc`` and
``time_precision``; writes ``reading.groups`` (with their times on the site's clock),
``reading.dates``, ``reading.report_days`` and ``reading.day``; spans ``launchfeed.times``,
``launchfeed.dates``.
"""

from __future__ import annotations

import re
from datetime import UTC, date, datetime, timedelta

from spacy.language import Language
from spacy.tokens import Doc

from ..reading import DateMention, Reading, Sentence, TimeGroup, put_spans
from ..rules import decision
from ..timeutil import (
    SITE_ZONE,
    convert_time,
    fixed_offset,
    near_site,
    site_offset,
    time_of_day,
    zone,
    zone_offset,
)
from ..values import clock

# 7時30分から39分頃, "between 2301 and 2323 GMT"
WINDOW = decision("any.time.window", "times joined by a window or list word are one group")
DATELINE = decision("any.time.dateline", "the date and time of a dateline or a page's stamp are the publication's")
TOLD_AFTER_LAUNCH = decision(
    "any.time.right_after_launch_word", "a time right after its clause's launch word is the launch's"
)
FIXED_EQUIVALENT = decision(
    "any.time.fixed_equivalent", "a time given also in UTC is read from the UTC one, which no clock change makes vague"
)
AFTER_PUBLICATION = decision(
    "any.date.after_publication", "a date after the day the text was published is no launch's date"
)
BRACKET_CLOSES = decision("any.time.bracket_closes", "a window goes on after a time in brackets, outside them")
SAME_MOMENT = decision("any.time.same_moment", "a time in another zone right after a time is the same moment")
NEAREST_CUE = decision("any.time.nearest_cue", "a time is what the nearest cue word says it is")
LAUNCH_SENTENCE_TIME = decision("any.time.launch_sentence", "a time with no cue in a launch sentence is the launch's")
ITEMS_FIRST = decision("any.time.items_first", "itemized launch times stand for the window stated before them")
STATED_ONCE = decision(
    "any.time.stated_once", "a launch time restated elsewhere is one time; an hour alone its minutes tell is that time"
)
GUN_TIMES = decision("any.time.gun_barrage", "the times of a gun barrage give way to those of missiles in the text")
FOREIGN_ZONE = decision("any.time.foreign_zone", "the source's policy leaves out times given only in a far zone")
MERIDIEM = decision("any.time.meridiem", "an a.m./p.m. of a window holds for its unlabelled times")
REPORT_DAY = decision("any.date.report_day", "the day a source reported on (it may differ from the launch's)")
BESIDE_TIME = decision("any.date.beside_launch_time", "the date nearest the first launch time, in its sentence")
LAUNCH_SENTENCE_DATE = decision("any.date.launch_sentence", "the first date of a sentence stating the launch")
EVENT_SENTENCE_DATE = decision("any.date.event_sentence", "the first date of a sentence telling of the test or drill")
REPORT_DAY_DATE = decision("any.date.report_day_fallback", "no other date: the day the source reported on")
PUBLICATION = decision("any.date.publication", "no date in the text: the publication day (if the source allows)")
ZONE_OF_TIME_BEFORE = decision(
    "any.date.zone_of_time_before", "a date right after a time of another zone is that zone's date"
)
FAR_ZONE_DAY = decision("any.date.far_zone_day", "a date with no time from a text in a far zone is that zone's date")


@Language.factory("launchfeed_times")
def make_times(nlp: Language, name: str):
    return read_times


def read_times(doc: Doc) -> Doc:
    r: Reading = doc._.reading
    if not r.report.is_launch_report:
        return doc
    _time_groups(r)
    _date_mentions(r)
    _decide(r)
    for g in r.groups:
        g.local = local_times(r, g)
    put_spans(doc, "launchfeed.times", [(g.start, g.end, g.role or "none", g.role_rule or g.rule) for g in r.groups])
    put_spans(doc, "launchfeed.dates", [(d.start, d.end, "DATE", d.rule) for d in r.dates + r.report_days])
    return doc


# --- times --------------------------------------------------------------------------------------


def _time_groups(r: Reading) -> None:
    c = r.rules
    skipping = False
    for s in r.sents:
        skip_m = c.time_skip_sentence.search(s.text) if c.time_skip_sentence else None
        skip_rule = c.time_skip_sentence.rule_of(skip_m) if skip_m else None
        carried = False
        if skip_m is None and skipping and c.time_skip_carry and c.time_skip_carry.search(s.text):
            skip_rule, carried = c.time_skip_carry.rule_of(c.time_skip_carry.search(s.text)), True
        skipping = skip_rule is not None
        if s.background:
            continue
        found: list[tuple[int, int, int, int | None, str | None, str | None, str]] = []
        for rule in c.times:
            for m in rule.rx.finditer(s.text):
                if any(m.start() < y and x < m.end() for x, y, *_ in found):
                    continue
                t = _time(c, m)
                if t is not None:
                    found.append((m.start(), m.end(), *t, rule.id))
        found.sort()
        if c.time_minutes_only:
            extra = []
            for _a, b, h, mi, ap, zone_id, rule_id in found:
                mm = c.time_minutes_only.match(s.text, b)
                if mm and mi is not None:
                    extra.append((mm.start("m"), mm.end(), h, int(mm.group("m")), ap, zone_id, rule_id))
            found = sorted(found + extra)
        groups: list[TimeGroup] = []
        for a, b, h, mi, ap, zone_id, rule_id in found:
            g = groups[-1] if groups else None
            # "4:30 p.m. (7:30 a.m. GMT) and 4:50 p.m.": the window goes on outside the brackets
            inside = s.text[g.start - s.start : a] if g else ""
            closed = bool(g and len(groups) > 1 and ")" in inside and "(" in s.text[groups[-2].end - s.start : g.start])
            if g and closed and c.time_joiner and c.time_joiner.search(inside[inside.rindex(")") + 1 :]):
                g = groups[-2]
                r.fire(BRACKET_CLOSES)
                g.times.append((h, mi, ap or ""))
                g.end = s.start + b
                g.spans.append((s.start + a, s.start + b))
                r.fire(WINDOW)
            elif g and c.time_joiner and c.time_joiner.search(s.text[g.end - s.start : a]):
                g.times.append((h, mi, ap or ""))
                g.end = s.start + b
                g.spans.append((s.start + a, s.start + b))
                g.zone = g.zone or zone_id
                r.fire(WINDOW)
            else:
                groups.append(TimeGroup(s.start + a, s.start + b, s.i, [(h, mi, ap or "")], rule_id, zone_id,
                                        spans=[(s.start + a, s.start + b)]))  # fmt: skip
        prev: TimeGroup | None = None
        for g in groups:
            g.times = _fix_meridiem(r, g.times)
            if any(a <= g.start < b for a, b in r.datelines):
                g.role, g.role_rule = "other", DATELINE
            elif skip_rule and (carried or not _launch_told_before(r, s, g)):
                g.role, g.role_rule = "other", skip_rule
            else:
                g.role, g.role_rule = _time_role(r, s, g)
            same = _same_moment(r, prev, g) if prev is not None else None
            if prev is not None and same is not None:
                g.role, g.role_rule = "same", SAME_MOMENT  # "7:44 a.m. (2244 GMT)": one time in two zones
                for k, (h, mi, _) in zip(same, g.times, strict=False):
                    if g.zone:
                        prev.same[k] = (h, mi, g.zone)
            r.groups.append(g)
            prev = g


def _time(c, m: re.Match[str]) -> tuple[int, int | None, str | None, str | None] | None:
    gd = m.groupdict()
    hour = c.hour_words.get(gd["hw"].lower()) if gd.get("hw") else None
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
    ap = c.ampm.get((gd.get("ap") or "").lower().replace(" ", "")) if gd.get("ap") else None
    if h > 24 or (mi is not None and mi > 59):
        return None
    zone_id = c.zones.get(re.sub(r"\s+", " ", gd["zone"].lower())) if gd.get("zone") else None
    return h, mi, ap, zone_id


def _fix_meridiem(r: Reading, times: list[tuple[int, int | None, str]]) -> list[tuple[int, int | None, str]]:
    """Apply a.m./p.m. to 12-hour clock times; an unlabelled time takes its window's label."""
    out: list[tuple[int, int | None, str]] = []
    labels = [ap for _, _, ap in times]
    for i, (h, mi, ap) in enumerate(times):
        lab = ap or next((x for x in labels[i + 1 :] if x), "") or next((x for x in reversed(labels[:i]) if x), "")
        if lab and not ap:
            r.fire(MERIDIEM)
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


def _same_moment(r: Reading, prev: TimeGroup, g: TimeGroup) -> list[int] | None:
    """A group of another zone right after a group (only brackets, commas or "or" between) that has as many
    times is those times written in that zone; one time in brackets right after a time of a window is that time.
    The indexes of the times of ``prev`` it writes again, or None."""
    rx = r.rules.time_equivalent
    if rx is None or g.zone == prev.zone:
        return None
    if len(prev.times) == len(g.times) and rx.fullmatch(r.text, prev.end, g.start):
        return list(range(len(g.times)))
    if len(g.times) == 1:
        return next(([k] for k, (_, end) in enumerate(prev.spans[:-1]) if rx.fullmatch(r.text, end, g.start)), None)
    return None


def _time_role(r: Reading, s: Sentence, g: TimeGroup) -> tuple[str | None, str | None]:
    c = r.rules
    left = r.text[s.start : g.start]
    if c.time_adjacent_other and (m := c.time_adjacent_other.search(left)):
        return "other", c.time_adjacent_other.rule_of(m)
    if c.clause_break:
        cut = None
        for m in c.clause_break.finditer(left):
            cut = m.end()
        if cut is not None:
            left = left[cut:]
    right = r.text[g.end : s.end]
    for direction in c.time_search:
        best: tuple[int, str, str] | None = None
        for rule in c.time_cues:
            for m in rule.rx.finditer(right if direction == "right" else left):
                d = m.start() if direction == "right" else len(left) - m.end()
                if best is None or d < best[0]:
                    best = (d, rule.value, rule.id)
                if direction == "right":
                    break
        if best is not None:
            r.fire(NEAREST_CUE)
            return best[1], best[2]
    return ("launch", LAUNCH_SENTENCE_TIME) if s.launch else (None, None)


def _launch_told_before(r: Reading, s: Sentence, g: TimeGroup) -> bool:
    """A time right after the launch word of its clause ("At a press conference, the minister said it launched a
    missile at 7:03 a.m.") is the launch's, though the sentence also tells of a meeting or a call; not when the
    meeting or the coast guard stands close by ("the coast guard said it detected the launch at 11:46 a.m.")."""
    c = r.rules
    left = s.text[max(0, g.start - s.start - 60) : g.start - s.start]
    cues = list(c.launch_cue.finditer(left)) if c.launch_cue else []
    if not cues:
        return False
    right = s.text[g.end - s.start : g.end - s.start + 20]  # "between 7 a.m. and noon daily"
    told = not (
        (c.time_skip_sentence and (c.time_skip_sentence.search(left) or c.time_skip_sentence.search(right)))
        or (c.clause_break and c.clause_break.search(left[cues[-1].end() :]))
    )
    if told:
        r.fire(TOLD_AFTER_LAUNCH)
    return told


def local_times(r: Reading, g: TimeGroup) -> list[tuple[int, int | None, date | None]]:
    """The times of a group on the launch site's clock, with their dates when known."""
    zone_id = g.zone or r.text_zone
    day = r.day
    if day is None and not fixed_offset(zone_id):
        return []  # without a date, daylight saving time is unknown: no time rather than a wrong one
    out: list[tuple[int, int | None, date | None]] = []
    for k, (h, mi, _ap) in enumerate(g.times):
        utc = _from_fixed_equivalent(r, g, k, day)
        if utc is not None:
            out.append(utc)
        elif day is not None:
            out.append(convert_time(day, h, mi, zone_id))
        elif zone_id == SITE_ZONE:
            out.append((h % 24, mi, None))
        else:  # a fixed offset converts a time of day on any date (the date itself stays unknown)
            out.append((*time_of_day(h, mi, zone_id), None))
    return out


def _from_fixed_equivalent(r: Reading, g: TimeGroup, k: int, day: date | None) -> tuple[int, int | None, date] | None:
    """ "9:40 a.m. local time (0040 GMT)": the time written in a zone of fixed offset decides, as "local" or
    "Seoul time" may name either Korea's clock where they differed (UTC+8:30 in Pyongyang, 2015-2018)."""
    eq = g.same.get(k)
    if eq is None or day is None or not fixed_offset(eq[2]):
        return None
    for d in (day, day - timedelta(days=1)):  # the UTC date may be the day before the site's
        h, mi, on = convert_time(d, eq[0], eq[1], eq[2])
        if on == day:
            r.fire(FIXED_EQUIVALENT)
            return h, mi, on
    return None


# --- dates ------------------------------------------------------------------------------------


def _date_mentions(r: Reading) -> None:
    c = r.rules
    found: list[tuple[re.Match[str], Sentence, bool, str]] = []
    for s in r.sents:
        if s.background:
            continue
        taken: list[tuple[int, int]] = []
        for rule in c.dates:
            for m in rule.rx.finditer(s.text):
                a, b = s.start + m.start(), s.start + m.end()
                if any(x <= a < y for x, y in r.datelines):
                    r.lost("launch_date_local", a, b, rule.id, "the publication's", DATELINE)
                    continue
                if any(a < y and x < b for x, y in taken):
                    continue
                left = s.text[max(0, m.start() - 40) : m.start()]
                if c.date_background and c.date_background.search(left):
                    r.lost("launch_date_local", a, b, rule.id, "another event's", c.date_background.ids[0])
                    continue
                taken.append((a, b))
                found.append((m, s, _is_report_day(r, s, m), rule.id))
    # report days first: they are dated against the publication, the other days may count from them
    for m, s, report, rule_id in found:
        if report:
            d = _date(r, m, None)
            if d is not None:
                r.report_days.append(DateMention(s.start + m.start(), s.start + m.end(), s.i, d, rule_id))
                r.fire(REPORT_DAY)
    anchor = r.report_days[0].day if r.report_days else None
    for m, s, report, rule_id in found:
        if not report:
            d = _date(r, m, anchor)
            if d is not None and r.published is not None and d > r.published + timedelta(days=1):
                # a page's own "Monday, February 26" stamp, a plan: no launch is reported before it happens (a day's
                # grace for a text dated in a zone behind Korea's)
                r.lost("launch_date_local", s.start + m.start(), s.start + m.end(), rule_id, "after the text's",
                       AFTER_PUBLICATION)  # fmt: skip
            elif d is not None:
                r.dates.append(DateMention(s.start + m.start(), s.start + m.end(), s.i, d, rule_id))
    r.dates.sort(key=lambda d: d.start)


def _is_report_day(r: Reading, s: Sentence, m: re.Match[str]) -> bool:
    c = r.rules
    if m.groupdict().get("rel") and _rel_key(m) in c.anchored_days:
        return False  # 前日 counts from the report day: it is not one
    left = s.text[max(0, m.start() - 40) : m.start()]
    right = s.text[m.end() : m.end() + 30]
    return bool(
        (c.report_day_left and c.report_day_left.search(left))
        or (c.report_day_right and c.report_day_right.match(right))
    )


def _rel_key(m: re.Match[str]) -> str:
    return re.sub(r"\s+", " ", (m.groupdict().get("rel") or "").lower())


def _date(r: Reading, m: re.Match[str], anchor: date | None) -> date | None:
    c = r.rules
    gd = m.groupdict()
    pub = r.published
    try:
        if gd.get("rel"):
            if pub is None:
                return None
            key = _rel_key(m)
            off = c.relative_days.get(key)
            base = anchor if key in c.anchored_days and anchor else pub
            return None if off is None else base + timedelta(days=off)
        if gd.get("d"):
            day = int(gd["d"])
            mo = gd.get("mo")
            month = (c.months.get(mo.lower().rstrip(".")) if not mo.isdigit() else int(mo)) if mo else None
            year = None
            if gd.get("y"):
                year = int(gd["y"])
            elif gd.get("era"):
                n = 1 if gd["eray"] == c.first_year_word else int(gd["eray"])
                year = c.eras.get(gd["era"], 0) + n
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
            wd = c.weekdays.get(gd["wd"].lower().rstrip("."))
            if wd is None:
                return None
            for off in (0, -1, 1, -2, -3, -4, -5):
                d = pub + timedelta(days=off)
                if d.weekday() == wd:
                    return d
    except (ValueError, TypeError):
        return None
    return None


# --- the launch's times and date -----------------------------------------------------------------


def _decide(r: Reading) -> None:
    report = r.report
    launch = [g for g in r.groups if g.role == "launch"]
    for g in r.groups:
        if g.role == "same":
            r.lost("launch_times_local", g.start, g.end, g.rule, "the time before it, in another zone", SAME_MOMENT)
        elif g.role != "launch":
            r.lost("launch_times_local", g.start, g.end, g.rule, "another moment's", g.role_rule or NEAREST_CUE)
    launch = _drop_gun_times(r, launch)
    items = [g for g in launch if r.sents[g.sent].item is not None]
    main = [g for g in launch if r.sents[g.sent].item is None]
    chosen = items if items else main
    if items and main:
        r.fire(ITEMS_FIRST)
    if r.policy.drop_foreign_zone_times:
        kept = [g for g in chosen if near_site(g.zone)]
        for g in chosen:
            if g not in kept:
                r.lost("launch_times_local", g.start, g.end, g.rule, "a far zone's", FOREIGN_ZONE)
        chosen = kept
    day = _launch_day(r, chosen)
    r.day = day
    told = [(time, g, span) for g in chosen for time, span in zip(local_times(r, g), g.spans, strict=False)]
    if not items:
        told = _stated_once(r, told)
    times: list[str] = []
    precision = None
    first_dt = None
    for (hh, mm, d2), g, (a, b) in told:
        times.append(clock(hh, mm))
        r.evidence("launch_times_local", a, b, g.rule)
        r.fire(g.role_rule)
        if first_dt is None:
            precision = "hour" if mm is None else "minute"
            first_dt = (hh, mm, d2)
    report.launch_times_local = times
    if first_dt is not None and first_dt[2] is not None:
        day = first_dt[2]
    if day is not None:
        off = site_offset(day)
        if first_dt is None and not near_site(r.text_zone):
            # a date without a time, from a text in Hawaii or US Eastern time: that zone's date (it may be the day
            # before the launch date in Korea), and the zone says so
            off = zone_offset(r.text_zone, day)
            r.fire(FAR_ZONE_DAY)
        report.launch_date_local = day.isoformat()
        report.tz = off
        if first_dt is not None:
            hh, mm, _ = first_dt
            local = datetime(day.year, day.month, day.day, hh, mm or 0, tzinfo=zone(SITE_ZONE))
            report.launch_utc = local.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:00Z")
            report.time_precision = precision
        else:
            report.time_precision = "day"


def _stated_once(r: Reading, told: list) -> list:
    """A launch time restated in another sentence (a headline, a second authority, a repeated paragraph) is one
    time; an hour alone ("6時すぎ", "shortly after 6 a.m.") that a time with its minutes falls in is that time."""
    minutes = {(hh, mm) for (hh, mm, _), _, _ in told if mm is not None}
    kept: list = []
    seen: set[tuple[int, int | None]] = set()
    for (hh, mm, d2), g, span in told:
        again = (hh, mm) in seen and not any(g is k[1] for k in kept if (k[0][0], k[0][1]) == (hh, mm))
        covered = mm is None and any(h == hh for h, _ in minutes)
        if again or covered:
            r.lost("launch_times_local", *span, g.rule, "the same time again" if again else "told with its minutes",
                   STATED_ONCE)  # fmt: skip
            continue
        seen.add((hh, mm))
        kept.append(((hh, mm, d2), g, span))
    return kept


def _drop_gun_times(r: Reading, groups: list[TimeGroup]) -> list[TimeGroup]:
    def kinds(g: TimeGroup) -> set[str]:
        return {m.kind for m in r.sents[g.sent].munitions if m.linked}

    if not any(kinds(g) - {"artillery"} for g in groups):
        return groups
    kept = [g for g in groups if kinds(g) != {"artillery"}]
    for g in groups:
        if g not in kept:
            r.lost("launch_times_local", g.start, g.end, g.rule, "a gun barrage's", GUN_TIMES)
    return kept


def _launch_day(r: Reading, groups: list[TimeGroup]) -> date | None:
    if groups:
        g = groups[0]
        # the date nearest the first launch time in its sentence, a day a source reported on included
        # ("합참은 6일 정오께 … 발사된 탄도미사일을 포착했다": the 6th is the launch's, beside its time)
        same = [d for d in r.dates + r.report_days if d.sent == g.sent]
        if same:
            best = min(same, key=lambda d: min(abs(d.start - g.end), abs(d.end - g.start)))
            return _take_date(r, best, BESIDE_TIME, _date_in_zone_of(r, best, g))
    for want, rule in (("launch", LAUNCH_SENTENCE_DATE), ("event", EVENT_SENTENCE_DATE)):
        for d in r.dates:
            s = r.sents[d.sent]
            if s.launch if want == "launch" else s.event:
                return _take_date(r, d, rule, d.day)
    if not r.policy.date_from_published:
        return None
    if r.report_days:  # "합참은 20일 ... 발사했다고 밝혔다": the day it reported is the one it tells of
        return _take_date(r, r.report_days[0], REPORT_DAY_DATE, r.report_days[0].day)
    if r.published is not None:
        r.fire(PUBLICATION)
    return r.published


def _take_date(r: Reading, taken: DateMention, rule: str, day: date) -> date:
    r.evidence("launch_date_local", taken.start, taken.end, taken.rule)
    r.fire(rule)
    for d in r.dates + r.report_days:
        if d is not taken:
            r.lost("launch_date_local", d.start, d.end, d.rule, f"not chosen: the date {rule} is taken first", rule)
    return day


def _date_in_zone_of(r: Reading, d: DateMention, launch: TimeGroup) -> date:
    """A date written right after another zone's time ("7:44 a.m. (2244 GMT Sunday)") is that zone's date: as the
    launch group's Korea-time date, it is the day of that moment there."""
    here = launch.zone or r.text_zone
    if not near_site(here):
        return d.day
    joiner = r.rules.zone_date_joiner
    for g in r.groups:
        if g.sent == d.sent and g is not launch and g.zone not in (None, here) and g.start < d.start:
            inside = d.end <= g.end  # "(2110 Saturday GMT)"
            if inside or (joiner is not None and g.end <= d.start and joiner.fullmatch(r.text, g.end, d.start)):
                h, mi, _ = g.times[-1]
                r.fire(ZONE_OF_TIME_BEFORE)
                return convert_time(d.day, h, mi, g.zone)[2]
    return d.day
