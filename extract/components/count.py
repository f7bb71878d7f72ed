"""Count: how many missiles were launched, and how the text qualifies the number.

A count is a number with a counter ("2発", "두 발") or a number word before a munition noun
("two ballistic missiles", "a single missile launch"), or words for several ("複数発", "여러
발", a bare plural "missiles"). Counts of the missiles that fell, of a part ("うち1発"), or of
something else are not the launch's. The first count tied to a launch word is the count; a
total stated beside its parts wins; counts of missiles launched apart ("午後3時12分頃にも…1発",
"1발을 추가로 발사") add up; N per launch times the launch times ("1発ずつ"); one per list item.

Decides ``count`` and ``count_qualifier``; writes ``reading.counts`` (every sentence's counts,
which the claims component reads); spans ``launchfeed.counts``.
"""

from __future__ import annotations

import re

from spacy.language import Language
from spacy.tokens import Doc

from ..normalize import parse_number
from ..reading import CountMention, Munition, Reading, Sentence, put_spans
from ..rules import decision
from ..values import lookup

# a qualifier of a number as a count qualifier
COUNT_QUAL = {"approx": "approx", "at_least": "at_least", "over": "at_least", "at_most": "approx",
              "total": "total", "": "exact"}  # fmt: skip

FIRST_STATED = decision("any.count.first_stated", "the first count tied to a launch word is the count")
TOTAL_BESIDE_PARTS = decision("any.count.total_beside_parts", "a total stated beside its parts is the count")
LAUNCHED_APART = decision("any.count.launched_apart", "counts of missiles launched apart, at another time, add up")
SEVERAL = decision("any.count.several", "words for several, with no number: count unknown, several")
ONE_FLIGHT_EACH = decision("any.count.one_flight_each", "several missiles given one flight time each: as many")
# 1発ずつ, 1발씩: one per launch
PER_LAUNCH_TIME = decision("any.count.per_launch_time", "N per launch times the launch times stated")
ONE_PER_ITEM = decision("any.count.one_per_item", "no count outside a list: the counts of its items added")
FELL = decision("any.count.fell", "a count of the missiles that fell is not of those launched, unless of them all")
UNTIED = decision("any.count.untied", "a number of munitions with no launch word counts when no tied one does")
ARTICLE_OF_TYPE = decision("any.count.article_of_type", "an article before a type or a plural is no count of one")


@Language.factory("launchfeed_count")
def make_count(nlp: Language, name: str):
    return read_count


def read_count(doc: Doc) -> Doc:
    r: Reading = doc._.reading
    if not r.report.is_launch_report:
        return doc
    for s in r.sents:
        if s.background:
            continue
        r.counts[s.i] = _sentence_counts(r, s, unlinked=True)
        if s.item is not None and s.launch:
            r.item_counts[s.i] = _sentence_counts(r, s, unlinked=False)
    _decide(r)
    put_spans(doc, "launchfeed.counts", [(m.start, m.end, m.qual, m.rule) for ms in r.counts.values() for m in ms])
    return doc


def _sentence_counts(r: Reading, s: Sentence, unlinked: bool) -> list[CountMention]:
    c = r.rules
    out: list[CountMention] = []
    for rule in c.counts:
        for m in rule.rx.finditer(s.text):
            cm = _count_from(r, m, s, m.start(), m.end(), rule.id)
            if cm:
                out.append(cm)
    if c.count_left:
        for mu in s.munitions:
            if (mu.compound and not c.count_of_launch) or mu.kind == "system":
                continue
            if not mu.linked and not unlinked:
                continue
            got = _count_left_of(r, s, mu)
            if not mu.linked:
                got = [x for x in got if x.n is not None]
                for x in got:
                    x.weak = True
            out.extend(got)
    out.sort(key=lambda x: x.start)
    return out


def _count_from(
    r: Reading, m: re.Match[str], s: Sentence, a: int, b: int, rule: str, kind: str = "missile"
) -> CountMention | None:
    c = r.rules
    lang = c.lang
    gd = m.groupdict()
    left = s.text[max(0, a - 40) : a]
    if c.count_subset_left and c.count_subset_left.search(left):
        r.lost("count", s.start + a, s.start + b, rule, "a part of them", c.count_subset_left.ids[0])
        return None
    if c.count_of_day and r.day is not None:
        # the date nearest before the count in its clause: another day's, the count is that day's launch's
        before = [d for d in r.dates if d.sent == s.i and d.end <= s.start + a]
        d = before[-1] if before else None
        if d is not None and d.day != r.day and c.count_of_day.fullmatch(r.text, d.end, s.start + a):
            r.lost("count", s.start + a, s.start + b, rule, "another day's launch", c.count_of_day.ids[0])
            return None
    # a time's にも / 에도 counts a second launch only when the launch is told there too ("午後3時12分頃にも…1発を
    # 発射"), not when a later briefing restates the same missile ("午前8時にも…この1発は…落下したと述べ")
    also_m = c.count_also_left.search(left) if c.count_also_left else None
    also = bool(
        also_m
        and (c.launch_cue is None or c.launch_cue.search(left[also_m.start() :]) or c.launch_cue.search(s.text[b:]))
    )
    right = s.text[b : b + 60]
    also = also or bool(c.count_also_right and c.count_also_right.search(right))
    if gd.get("another"):  # "... at 6:51 a.m. and another from Kusong at 4:32 p.m."
        return CountMention(s.start + a, s.start + b, s.i, 1, "exact", rule, True, kind=kind)
    if gd.get("multi"):
        return CountMention(s.start + a, s.start + b, s.i, None, "multiple", rule, also, kind=kind)
    n = parse_number(gd.get("n") or "", {**lang.number_words, **lang.count_numbers})
    if n is None or n != int(n) or n <= 0 or n > 10000:
        return None
    q = lookup(lang.count_words, gd.get("q") or "") if gd.get("q") else ""
    if not q and gd.get("qin"):
        q = lang.qual_infix.get(gd["qin"], "")  # 10여 발: about ten
    totalizing = bool(c.count_totalizing and gd.get("n") and c.count_totalizing.fullmatch(gd["n"]))
    impact = bool(c.count_impact_right and c.count_impact_right.search(right))
    return CountMention(s.start + a, s.start + b, s.i, int(n), COUNT_QUAL.get(q, "exact"), rule, also, totalizing,
                        impact, kind)  # fmt: skip


def _count_left_of(r: Reading, s: Sentence, mu: Munition) -> list[CountMention]:
    c = r.rules
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
        if not reject and n in c.count_articles and c.count_not_article_of:
            # the munition may be a description that starts with the type's words ("new tactical guided weapon")
            reject = c.count_not_article_of.search(mods + mu.text.rsplit(" ", 1)[0] + " ")
            if reject:
                r.fire(ARTICLE_OF_TYPE)
        if reject:
            continue
        if mu.compound and n not in c.count_of_launch:
            return []  # "two missile launches" may each have fired several
        cm = _count_from(r, m, s, off + m.start(), rel + (mu.end - mu.start), c.count_left.ids[0], mu.kind)
        if cm is not None:
            if n in c.count_articles and c.plural_noun and c.plural_noun.fullmatch(mu.text):
                r.fire(ARTICLE_OF_TYPE)  # "a few missiles": no count of one, but the plural says several
                break
            return [cm]
        return []
    if c.count_multiple_plural and c.count_multiple_plural.fullmatch(mu.text) and mu.kind in ("missile", "rocket"):
        if not mu.compound:
            return [CountMention(mu.start, mu.end, s.i, None, "multiple", c.count_multiple_plural.ids[0],
                                 kind=mu.kind)]  # fmt: skip
    return []


def _decide(r: Reading) -> None:
    report = r.report
    main = [s for s in r.sents if s.item is None and not s.background]
    ments = sorted((m for s in main for m in r.counts.get(s.i, [])), key=lambda m: m.start)
    for m in ments:
        if m.impact and not m.totalizing:
            r.lost("count", m.start, m.end, m.rule, "the missiles that fell", FELL)
    ments = [m for m in ments if not m.impact or m.totalizing]
    tied = [m for m in ments if m.n is not None and not m.weak]
    numeric = tied or [m for m in ments if m.n is not None]
    if numeric:
        if not tied:
            r.fire(UNTIED)
        first = numeric[0]
        # "それぞれ1発、計2発": the total stated beside the parts is the count
        total_m = next((m for m in numeric if m.qual == "total" and m.sent == first.sent), None)
        if total_m is not None and total_m is not first:
            r.fire(TOTAL_BESIDE_PARTS)
        first = total_m or first
        total = first.n or 0
        for m in numeric[1:]:
            # in one sentence, only when a launch time stands between ("1발을 발사했으며, 오후 4시 32분경 1발을 추가로
            # 발사"); a restated count has none
            apart = m.sent != first.sent or _launch_time_between(r, first.end, m.start)
            if m.also and apart and (m.kind == first.kind or first.kind != "artillery"):
                if m.kind == "artillery" and first.kind != "artillery":
                    continue
                total += m.n or 0
                m.adds = True
                r.evidence("count", m.start, m.end, m.rule)
                r.fire(LAUNCHED_APART)
            elif m is not first:
                r.lost("count", m.start, m.end, m.rule, "not the first count tied to a launch", FIRST_STATED)
        report.count = total
        report.count_qualifier = first.qual
        r.evidence("count", first.start, first.end, first.rule)
        r.fire(FIRST_STATED)
    elif any(m.qual == "multiple" for m in ments):
        m = next(m for m in ments if m.qual == "multiple")
        listed = _one_flight_each(r)
        if listed:
            report.count, report.count_qualifier = listed, "exact"
            r.fire(ONE_FLIGHT_EACH)
        else:
            report.count_qualifier = "multiple"
            r.fire(SEVERAL)
        r.evidence("count", m.start, m.end, m.rule)
    elif not _per_launch_time(r, main):
        _one_per_item(r)


def _launch_time_between(r: Reading, a: int, b: int) -> bool:
    return any(g.role == "launch" and a <= g.start < b for g in r.groups)


def _per_launch_time(r: Reading, main: list[Sentence]) -> bool:
    """N per launch time ("7時5分ごろと同22分ごろ、…1発ずつ発射"): N times the number of launch times."""
    c = r.rules
    times = r.report.launch_times_local
    if c.count_each is None or len(times) < 2:
        return False
    for s in main:
        m = c.count_each.search(s.text) if s.launch else None
        n = parse_number(m.group("n"), c.lang.number_words) if m else None
        if m is not None and n is not None and n == int(n) and 0 < n <= 100:
            r.report.count, r.report.count_qualifier = int(n) * len(times), "exact"
            r.evidence("count", s.start + m.start(), s.start + m.end(), c.count_each.ids[0])
            r.fire(PER_LAUNCH_TIME)
            return True
    return False


def _one_per_item(r: Reading) -> None:
    """No count outside the list: "(1) ... 1発 ... (2) ... 1発" launched one per item, the sum."""
    per_item: dict[int, CountMention] = {}
    for s in r.sents:
        if s.item is None or s.background or not s.launch:
            continue
        ments = [m for m in r.item_counts.get(s.i, []) if m.n is not None and not m.impact]
        if ments and s.item not in per_item:
            per_item[s.item] = ments[0]
    if len(per_item) >= 2 and all(m.qual == "exact" for m in per_item.values()):
        r.report.count = sum(m.n or 0 for m in per_item.values())
        r.report.count_qualifier = "exact"
        for m in per_item.values():
            r.evidence("count", m.start, m.end, m.rule)
        r.fire(ONE_PER_ITEM)


def _one_flight_each(r: Reading) -> int | None:
    """Plural missiles given one flight time each ("for 10 199s and 10 203s")."""
    joiner = r.rules.count_list_joiner
    if joiner is None:
        return None
    by_sent: dict[int, list] = {}
    for q in r.quantities:
        if q.role == "flight" and len(q.values) == 1:
            by_sent.setdefault(q.sent, []).append(q)
    for qs in by_sent.values():
        if len(qs) >= 2 and all(joiner.fullmatch(r.text, a.end, b.start) for a, b in zip(qs, qs[1:], strict=False)):
            return len(qs)
    return None
