"""Sentences and background: where sentences end, which tell of other events, which state this launch.

Two components. ``launchfeed_sentencizer`` sets the sentence boundaries (the language's
``sentence_end``, minding abbreviations and "a.m." before a zone or a day). ``launchfeed_sentences``
reads each sentence: the list item it is about, whether it tells of other events (background:
related-article lines, earlier launches, the year's tally, past facts), the munitions it names and
whether a launch word is tied to one of them. A text in which no sentence ties a launch word to a
munition is no launch report, and the later components read nothing of it.

Writes: ``reading.sents`` (with munitions and launch flags), ``reading.gazetteer``,
``reading.datelines``, ``report.is_launch_report``; spans ``launchfeed.munitions`` and
``launchfeed.background``.
"""

from __future__ import annotations

import calendar
import re
from datetime import date, timedelta
from functools import cache

import numpy
from spacy.language import Language
from spacy.tokens import Doc

from ..gazetteer import FOREIGN_WEAPON, WEAPON_ALIAS, WEAPON_DESIGNATION, weapons
from ..reading import GAZETTEER_KEY, MAX_SENT, Munition, Reading, Sentence, put_spans
from ..rules import Rules, compiled, decision
from ..tokenizers import doc_text

CTX = 120  # characters of left / right context a munition rule sees
SENT_KEY = "launchfeed_sentence_tokens"  # doc.user_data: index of each sentence's first token

DATES_THIS_LAUNCH = decision(
    "any.background.dates_this_launch",
    "a sentence set against other launches that also dates this one (today, on Thursday) is not background",
)
OTHER_PERIOD = decision(
    "any.background.other_period",
    "a sentence dated only to a year or month that ended over a month before the publication tells of another launch",
)
PERIOD_GAP = timedelta(days=31)
PERIOD_REACH = 60  # characters after a launch word where a period still dates it
_CLAUSE_END = re.compile(r"[,;:、。]")  # punctuation, not words: a clause ends there in every language
SET_AGAINST_ONLY = decision(
    "any.launch.set_against_only",
    "when no other sentence states a launch, the one set against earlier launches states this one",
)
COMPOUND = decision("any.launch.compound", 'a munition word naming a launch ("missile launch") states one')
LINKED = decision("any.launch.linked", "a launch word within the link window of a munition, nothing blocking between")
ITEM_FLIGHT = decision("any.launch.item_flight", "a list item with a launch or flight word is about a launched missile")
NO_LAUNCH = decision("any.launch.none", "no sentence ties a launch word to a munition: no launch report")
OTHER_ACTOR = decision(
    "any.launch.other_actor", "a launch whose subject is another state (or its weapon another state's) is not this one"
)
ACTOR_GOES_ON = decision("any.actor.goes_on", "a launch sentence naming no state has the one named last")
LIST_ITEM = decision("any.items.list_item", "a list item starts the sentence: it and those after it are about it")


# --- boundaries --------------------------------------------------------------------------


@cache
def _abbreviations(code: str) -> tuple[tuple[str, ...], tuple[str, ...]]:
    lang = compiled(code).lang
    return tuple(a.lower() for a in lang.abbreviations), tuple(a.lower() for a in lang.clock_abbreviations)


def sentence_starts(text: str, rules: Rules) -> list[int]:
    """Character offsets where a new sentence starts (after the first)."""
    abbrevs, clocks = _abbreviations(rules.code)
    starts: list[int] = []
    for m in rules.sentence_end.finditer(text):
        end = m.end()
        if abbrevs and m.group(0).startswith("."):
            k = m.start()
            j = k
            while j > 0 and not text[j - 1].isspace() and text[j - 1] not in "(\"'":
                j -= 1
            word = text[j : k + 1].lower()
            if word in abbrevs and not (word in clocks and _clock_ends_sentence(text, end, rules)):
                continue
        while end < len(text) and text[end].isspace():
            end += 1
        if 0 < end < len(text):
            starts.append(end)
    return starts


def _clock_ends_sentence(text: str, end: int, rules: Rules) -> bool:
    """a.m. / p.m. end a sentence when a capitalized word follows, unless it names the time's zone or day."""
    if rules.clock_continues is not None and rules.clock_continues.match(text, end):
        return False
    rest = text[end : end + 3].lstrip()
    return bool(rest) and rest[0].isupper()


def sentence_spans(doc: Doc) -> list[tuple[int, int]]:
    """(start_char, end_char) of each sentence, from the first tokens the sentencizer noted (``doc.sents``
    makes a Token object for every token)."""
    n = len(doc)
    if not n:
        return []
    firsts = list(doc.user_data.get(SENT_KEY) or [])
    if not firsts:
        firsts = numpy.flatnonzero(doc.to_array("SENT_START").astype("int64") == 1).tolist()
    if not firsts or firsts[0] != 0:
        firsts.insert(0, 0)
    spans = []
    for a, b in zip(firsts, [*firsts[1:], n], strict=True):
        last = doc[b - 1]
        spans.append((doc[a].idx, last.idx + len(last)))
    return spans


@Language.factory("launchfeed_sentencizer")
def make_sentencizer(nlp: Language, name: str, lang: str):
    plain = compiled(lang)

    def sentencizer(doc: Doc) -> Doc:
        if not len(doc):
            return doc
        rules = doc._.reading.rules if doc._.reading is not None else plain
        starts = numpy.array(sentence_starts(doc_text(doc), rules), dtype="int64")
        idx = doc.to_array("IDX").astype("int64")
        arr = numpy.full(len(idx), -1, dtype="int64")
        if len(starts):
            # a boundary inside a token is dropped: the token indexes whose start is a boundary
            at = numpy.searchsorted(idx, starts).clip(0, len(idx) - 1)
            arr[at[idx[at] == starts]] = 1
        arr[0] = 1
        doc.from_array(["SENT_START"], arr.reshape(-1, 1).view("uint64"))
        doc.user_data[SENT_KEY] = numpy.flatnonzero(arr == 1).tolist()  # read back without another copy
        return doc

    return sentencizer


# --- reading the sentences ----------------------------------------------------------------


@Language.factory("launchfeed_sentences")
def make_sentences(nlp: Language, name: str):
    return read_sentences


def read_sentences(doc: Doc) -> Doc:
    r: Reading = doc._.reading
    text = r.text
    r.sents = [Sentence(i, a, b, text[a : min(b, a + MAX_SENT)]) for i, (a, b) in enumerate(sentence_spans(doc))]
    if not r.sents:
        return doc
    r.gazetteer = list(doc.spans[GAZETTEER_KEY]) if GAZETTEER_KEY in doc.spans else []
    r.gazetteer_in = [[] for _ in r.sents]
    for span in r.gazetteer:
        r.gazetteer_in[r.sent_of(span.start_char).i].append(span)
    c = r.rules
    r.datelines = [(m.start(), m.end()) for m in c.dateline.finditer(text[:400])] if c.dateline else []
    if c.stamps is not None:  # a publication stamp may stand anywhere in a page
        r.datelines += [(m.start(), m.end()) for m in c.stamps.finditer(text)]
    _mark(r)
    put_spans(doc, "launchfeed.munitions", [(m.start, m.end, m.kind, m.rule) for s in r.sents for m in s.munitions])
    put_spans(doc, "launchfeed.background", [(s.start, s.end, "BACKGROUND", s.background_rule or "")
                                             for s in r.sents if s.background])  # fmt: skip
    return doc


def _mark(r: Reading) -> None:
    c = r.rules
    item = None
    set_against: list[Sentence] = []  # sentences about other launches that do not date this one
    previous: Sentence | None = None
    for s in r.sents:
        if c.item_marker:
            first = c.item_marker.match(s.text.lstrip())
            k = _item_index(c, next((g for g in first.groups() if g), "")) if first else None
            if k is not None:
                # a list item starts the sentence: it and the sentences after it are about that item (the last one
                # named in it) until the next item starts
                s.marks = _marks(c, s)
                s.item = k
                item = s.marks[-1][1] if s.marks else k
                r.fire(LIST_ITEM)
            else:
                s.item = item
        _background(r, s, set_against)
        if not s.background and previous is not None and previous.background and c.background_carry is not None:
            if carried := c.background_carry.search(s.text):
                s.background, s.background_rule = True, r.fire(c.background_carry.rule_of(carried))
        previous = s
        s.munitions = _munitions(r, s)
        if not s.background:
            s.launch = _link_launch(r, s)
            if s.launch and (period := _dated_elsewhere(r, s)):
                s.launch, s.background, s.background_rule = False, True, r.fire(period)
                r.fire(OTHER_PERIOD)
    if not any(s.launch for s in r.sents):
        # no other sentence states a launch: the one set against earlier launches states this one
        for s in set_against:
            s.background = False
            s.background_rule = None
            s.launch = _link_launch(r, s)
            if s.launch:
                r.fire(SET_AGAINST_ONLY)
    _actors(r)
    if not any(s.launch for s in r.sents):
        r.launch_rule = r.fire(OTHER_ACTOR if any(s.actor == "other_state" for s in r.sents) else NO_LAUNCH)
        for s in r.sents:
            for m in s.munitions:
                r.lost("is_launch_report", m.start, m.end, m.rule, "no launch word tied to it", NO_LAUNCH)
        return  # not a launch report: nothing more is read
    r.report.is_launch_report = True
    for s in r.sents:
        if (
            s.item is not None
            and not s.background
            and not s.launch
            and any(rx is not None and rx.search(s.text) for rx in (c.launch_cue, c.item_flight_cue))
        ):
            s.launch = True
            r.fire(ITEM_FLIGHT)
        if c.event_sentence and c.event_sentence.search(s.text):
            s.event = True
        if c.item_marker and s.launch and not s.marks:
            s.marks = _marks(c, s)  # items named inside ("..., and the second flew ...")


def _actors(r: Reading) -> None:
    """Who launches: a launch sentence's state is the one named nearest before its launch words (not one that only
    speaks or watches), or another state's weapon; a sentence naming none goes on with the last one named (North
    Korea when none is). A launch by another state is not this text's launch."""
    current = "north_korea"
    for s in r.sents:
        if not s.launch:
            continue
        s.actor, s.actor_rule = _actor_of(r, s)
        if s.actor is None:
            s.actor = current
            r.fire(ACTOR_GOES_ON) if current != "north_korea" else None
        current = s.actor
        if s.actor == "other_state":
            s.launch = False
            why = s.actor_rule or OTHER_ACTOR
            for m in s.munitions:
                if m.linked:
                    r.lost("is_launch_report", m.start, m.end, m.rule, "another state's launch", why)
            r.fire(OTHER_ACTOR)


def _actor_of(r: Reading, s: Sentence) -> tuple[str | None, str | None]:
    c = r.rules
    foreign = weapons().foreign.get(c.code)
    if foreign is not None and foreign.search(s.text):
        return "other_state", FOREIGN_WEAPON
    if not c.actors:
        return None, None
    mentions: list[tuple[int, str, str]] = []  # (end, state, rule) of the states named as doers
    for rule in c.actors:
        for m in rule.rx.finditer(s.text):
            if any(m.start() < x[0] and x[0] <= m.end() for x in mentions):
                continue
            if c.actor_speaks and c.actor_speaks.match(s.text, m.end()):
                continue
            mentions.append((m.end(), rule.value, rule.id))
    if not mentions:
        return None, None
    mentions.sort()
    found: tuple[str, str] | None = None
    for cue in s.launch_at:
        if c.actor_agent is not None:  # "the launch by the DPRK": a state named after the launch word, as its doer
            for rule in c.actors:
                m = rule.rx.search(s.text, cue - s.start)
                if m and c.actor_agent.search(s.text[cue - s.start : m.start()]):
                    return rule.value, rule.id
        before = [x for x in mentions if x[0] <= cue - s.start]
        if before:
            state, rule = before[-1][1], before[-1][2]
            if state == "north_korea":
                return state, rule
            found = found or (state, rule)
    return found if found else (None, None)


def _background(r: Reading, s: Sentence, set_against: list[Sentence]) -> None:
    c = r.rules
    for rules, against in ((c.background_sentence, False), (c.past_launch_sentence, False),
                           (c.general_launch_sentence, False), (c.other_launch_sentence, True)):  # fmt: skip
        m = rules.search(s.text) if rules is not None else None
        if m is None:
            continue
        if rules is not c.background_sentence and c.this_launch_marker and c.this_launch_marker.search(s.text):
            r.fire(DATES_THIS_LAUNCH)
            return
        s.background = True
        s.background_rule = r.fire(rules.rule_of(m))
        if against:
            set_against.append(s)
        return


def _dated_elsewhere(r: Reading, s: Sentence) -> str | None:
    """The rule of a period that dates a launch sentence's launch words to a year or month that ended over a month
    before the publication ("in 2017, when ... launched", "지난 8월 시험발사한", "launched its first ICBM in 2017"):
    for each launch word, the period or this-launch word ("today", "이날") nearest before it decides, else one
    right after it in its clause."""
    c = r.rules
    pub = r.published
    if pub is None or not c.periods:
        return None
    marks: list[tuple[int, int, bool, str]] = []  # (start, end, dates another launch, rule)
    for rule in c.periods:
        for m in rule.rx.finditer(s.text):
            ended = _period_end(c, m, pub)
            if ended is not None:
                marks.append((s.start + m.start(), s.start + m.end(), ended < pub - PERIOD_GAP, rule.id))
    if not marks:
        return None
    if c.this_launch_marker:
        marks += [(s.start + m.start(), s.start + m.end(), False, c.this_launch_marker.ids[0])
                  for m in c.this_launch_marker.finditer(s.text)]  # fmt: skip
    marks.sort()
    decided: list[tuple[bool, str]] = []
    for cue in s.launch_at:
        before = [x for x in marks if x[1] <= cue]
        after = [x for x in marks if x[0] >= cue and x[0] - cue <= PERIOD_REACH and not _CLAUSE_END.search(
            r.text, cue, x[0])]  # fmt: skip
        mark = before[-1] if before else (after[0] if after else None)
        if mark is None:
            return None
        decided.append((mark[2], mark[3]))
    return decided[0][1] if decided and all(other for other, _ in decided) else None


def _period_end(c: Rules, m: re.Match[str], pub: date) -> date | None:
    """The last day of the period a match names (a month with no year is the latest one by the publication)."""
    gd = m.groupdict()
    mo_word = gd.get("mo")
    month = None
    if mo_word:
        month = int(mo_word) if mo_word.isdigit() else c.months.get(mo_word.lower().rstrip("."))
        if month is None or not 1 <= month <= 12:
            return None
    year = int(gd["y"]) if gd.get("y") else (pub.year if month is not None and month <= pub.month else pub.year - 1)
    if month is None:
        return date(year, 12, 31)
    return date(year, month, calendar.monthrange(year, month)[1])


def _marks(c: Rules, s: Sentence) -> list[tuple[int, int]]:
    """(position, index) of each list item a sentence names."""
    out = []
    for m in c.item_marker.finditer(s.text):
        k = _item_index(c, next((g for g in m.groups() if g), ""))
        if k is not None:
            out.append((s.start + m.start(), k))
    return out


def _item_index(c: Rules, token: str) -> int | None:
    if token.isdigit():
        return int(token)
    return c.ordinals.get(token.lower())


def _munitions(r: Reading, s: Sentence) -> list[Munition]:
    c = r.rules
    found: list[Munition] = []
    taken: list[tuple[int, int]] = []
    for rule in c.munitions:
        for m in rule.rx.finditer(s.text):
            a, b = m.start(), m.end()
            if any(a < y and x < b for x, y in taken):
                continue
            right = s.text[b : b + CTX]
            left = s.text[max(0, a - CTX) : a]
            if c.munition_modifier_of and c.munition_modifier_of.search(right):
                continue
            compound = bool(c.munition_launch_compound and c.munition_launch_compound.search(right))
            if c.munition_excluded and c.munition_excluded.search(left):
                continue
            taken.append((a, b))
            found.append(Munition(s.start + a, s.start + b, rule.value, m.group(0), rule.id, compound=compound))
    for m in weapons().designation.finditer(s.text):
        a, b = m.start(), m.end()
        if any(a < y and x < b for x, y in taken):
            continue
        cls = weapons().class_of(m.group("name"))
        if cls:
            kind = "satellite" if cls == "satellite_launch" else "missile"
            found.append(Munition(s.start + a, s.start + b, kind, m.group(0), WEAPON_DESIGNATION))
            taken.append((a, b))
    for span in r.gazetteer_in[s.i]:
        if span.label_ == "WEAPON":
            found.append(Munition(span.start_char, span.end_char, "missile", span.text, WEAPON_ALIAS))
    found.sort(key=lambda x: x.start)
    return found


def _link_launch(r: Reading, s: Sentence) -> bool:
    c = r.rules
    if not s.munitions or c.launch_cue is None:
        return False
    ok = False
    text = r.text
    for mu in s.munitions:
        if mu.compound:
            left = text[max(s.start, mu.start - 40) : mu.start]
            if c.launch_block and c.launch_block.search(left):
                continue  # "no missile launch", "ready for a missile launch"
            mu.linked = True
            ok = True
            s.launch_at.append(mu.start)
            r.fire(COMPOUND)
    for m in c.launch_cue.finditer(s.text):
        a, b = s.start + m.start(), s.start + m.end()
        if any(mu.start <= a < mu.end for mu in s.munitions):
            continue  # "launch" inside "launch vehicle"
        left = s.text[max(0, m.start() - 40) : m.start()]
        if c.launch_block and (blocked := c.launch_block.search(left)):
            r.fire(c.launch_block.rule_of(blocked))
            continue
        if c.launch_block_right and (blocked := c.launch_block_right.match(s.text, m.end(), m.end() + 20)):
            r.fire(c.launch_block_right.rule_of(blocked))
            continue
        for mu in s.munitions:
            gap = text[b : mu.start] if mu.start >= b else text[mu.end : a]
            if len(gap) > c.link_window:
                continue
            if c.link_block and c.link_block.search(gap) and not (c.link_hedge and c.link_hedge.match(gap)):
                continue
            mu.linked = True
            ok = True
            s.launch_at.append(a)
            r.fire(c.launch_cue.rule_of(m))
            r.fire(LINKED)
    return ok
