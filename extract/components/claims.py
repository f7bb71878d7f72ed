"""Claims: which authority the text credits with which count, ranges, apogees and launch times.

A voice is an authority named as the one stating something: by a ``speaker`` pattern
("合同参謀本部によると", "합참은", "Japan's Defense Ministry said"), with the authorities joined to
it ("Seoul and Tokyo said"), or by an anaphor for one named before ("同省によると"). Each
number of a sentence is credited to the voice nearest before it in its sentence, else to the
first after it ("... fired two missiles, the JCS said"), so "日本の防衛省は3発、韓国軍は複数発" gives
each authority its own. A sentence naming no voice goes on with the last voice named, until a
hedge ("reportedly"), another source (experts, "according to Yonhap") or a background sentence
breaks the attribution; a sentence that is only an attribution ("韓国軍合同参謀本部が明らかにした。")
speaks for the sentence before it. Claims hold only values the report took.

When the authorities disagree on the count, the count is the largest an observer states (not the
launching state's media): an observer that saw three missiles saw at least three.

Decides ``claims`` (and ``count`` where authorities disagree); spans ``launchfeed.speakers``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from spacy.language import Language
from spacy.tokens import Doc

from launchfeed.contracts import Claim

from ..reading import CountMention, Reading, Sentence, put_spans
from ..rules import decision
from ..values import clock, close

CONTINUES = decision("any.claims.continues", "a sentence naming no speaker goes on with the last one named")
BROKEN = decision("any.claims.broken", "a hedge, another source or a background sentence ends the attribution")
NEAREST = decision("any.claims.nearest_voice", "a number goes to the speaker nearest before it, else the first after")
SAID_AFTER = decision("any.claims.said_after", "a sentence that is only an attribution speaks for the one before")
ANAPHOR = decision("any.claims.anaphor", "a word standing for an authority: the last one named of that kind")
ADDS = decision("any.claims.adds", "an authority's count adds the missiles it says were launched apart")
OWN_ONLY = decision("any.claims.own_only", "a publisher crediting only its own authority has no claims")
OBSERVERS_LARGEST = decision(
    "any.count.observers_largest", "authorities disagree on the count: the largest an observer states"
)
NOBODY = "_none"  # an authority name that credits nobody (a coast guard's notices)
STATE_MEDIA = "kcna"  # the voice of the launching state announcing its own launch


@dataclass(frozen=True)
class Voice:
    at: int  # where it is named in the text
    auths: frozenset[str]
    name: str  # the words naming it (an anaphor's antecedent is found by them)


@Language.factory("launchfeed_claims")
def make_claims(nlp: Language, name: str):
    return read_claims


def read_claims(doc: Doc) -> Doc:
    r: Reading = doc._.reading
    if not r.report.is_launch_report or not r.rules.speaker:
        return doc
    voices, inherited, marks = _attribution(r)
    _decide(r, voices, inherited)
    put_spans(doc, "launchfeed.speakers", marks)
    return doc


def _auth(r: Reading, name: str) -> str | None:
    return r.rules.auth_names.get(re.sub(r"\s+", " ", name.lower().strip()))


def _attribution(r: Reading) -> tuple[list[list[Voice]], list[Voice | None], list[tuple[int, int, str, str]]]:
    """Each sentence's voices, the voice each goes on with (for numbers when it names none), and the spans."""
    c = r.rules
    named: list[Voice] = []  # every voice so far, for anaphors
    voices: list[list[Voice]] = []
    inherited: list[Voice | None] = []
    marks: list[tuple[int, int, str, str]] = []
    current: Voice | None = None
    for s in r.sents:
        found = _voices(r, s, named, marks)
        voices.append(found)
        if found:
            alone = c.speaker_alone and c.speaker_alone.search(s.text) and not _states_numbers(r, s)
            prev = s.i - 1
            if alone and prev >= 0 and not voices[prev] and not inherited[prev] and not r.sents[prev].background:
                inherited[prev] = found[-1]
                r.fire(SAID_AFTER)
            current = found[-1]
            named.extend(found)
        elif s.background or _breaks(r, s.text):
            if current:
                r.fire(BROKEN)
            current = None
        elif current:
            r.fire(CONTINUES)
        inherited.append(None if found else current)
    return voices, inherited, marks


def _states_numbers(r: Reading, s: Sentence) -> bool:
    return bool(r.counts.get(s.i)) or any(q.sent == s.i for q in r.quantities) or any(g.sent == s.i for g in r.groups)


def _voices(r: Reading, s: Sentence, named: list[Voice], marks: list[tuple[int, int, str, str]]) -> list[Voice]:
    c = r.rules
    found: list[Voice] = []

    def add(m: re.Match[str], auth: str, rule: str) -> None:
        auths = {auth}
        lm = c.speaker_coordination.search(s.text[: m.start("a")]) if c.speaker_coordination else None
        if lm:
            # "South Korean and Japanese authorities": a qualifier joined to the speaker's qualifier shares its noun
            joined = lm.group("a") or f"{lm.groupdict().get('qualifier')} {m.group('a').split()[-1]}"
            if _auth(r, joined):
                auths.add(_auth(r, joined))
        found.append(Voice(s.start + m.start("a"), frozenset(auths), m.group("a")))
        marks.append((s.start + m.start("a"), s.start + m.end("a"), auth, rule))
        r.fire(rule)

    # every speaker rule names an authority or an anaphor: a sentence naming none needs no rule
    for rule in c.speaker if c.any_voice.search(s.text) else ():
        for m in rule.rx.finditer(s.text):
            auth = _auth(r, m.group("a")) or _antecedent(r, m.group("a"), named + found)
            if auth:
                add(m, auth, rule.id)
    for m in c.speaker_state.finditer(s.text) if c.speaker_state else ():
        add(m, STATE_MEDIA, c.speaker_state.ids[0])
    found.sort(key=lambda v: v.at)
    return found


def _antecedent(r: Reading, anaphor: str, named: list[Voice]) -> str | None:
    """ "同省": the authority last named by words the anaphor can stand for."""
    kind = r.rules.speaker_anaphors.get(anaphor.lower())
    for v in reversed(named) if kind else ():
        if kind.search(v.name) and len(v.auths) == 1:
            r.fire(ANAPHOR)
            return next(iter(v.auths))
    return None


def _breaks(r: Reading, text: str) -> bool:
    c = r.rules
    return bool((c.hedge and c.hedge.search(text)) or (c.other_source and c.other_source.search(text)))


def _credited(r: Reading, pos: int, voices: list[Voice], inherited: Voice | None) -> frozenset[str]:
    """The authorities a number at ``pos`` is credited to."""
    if not voices:
        return inherited.auths if inherited else frozenset()
    before = [v for v in voices if v.at <= pos]
    if len(voices) > 1:
        r.fire(NEAREST)
    return (before[-1] if before else voices[0]).auths


def _decide(r: Reading, voices: list[list[Voice]], inherited: list[Voice | None]) -> None:
    report = r.report
    claims: dict[str, Claim] = {}
    counted: dict[str, CountMention] = {}  # the count each authority is credited with, where it is read

    first_at: dict[str, int] = {}  # claims are listed in the order the text first credits them

    def claim(pos: int) -> list[Claim]:
        s = r.sent_of(pos)
        auths = _credited(r, pos, voices[s.i], inherited[s.i]) - {NOBODY}
        for a in auths:
            first_at[a] = min(first_at.get(a, pos), pos)
        return [claims.setdefault(a, Claim(authority=a)) for a in sorted(auths)]

    background = {s.i for s in r.sents if s.background}
    for ms in r.counts.values():
        for m in ms:
            if m.n is not None and (not m.impact or m.totalizing) and m.sent not in background:
                for cl in claim(m.start):
                    if cl.count is None:
                        cl.count, cl.count_qualifier = m.n, m.qual
                        counted[cl.authority] = m
                    elif m.adds:  # "1발을 추가로 발사": the authority's count adds the missiles launched apart
                        cl.count += m.n
                        r.fire(ADDS)
    for q in r.quantities:
        stated = report.range_km if q.role == "range" else report.apogee_km if q.role == "apogee" else []
        values = [v for v in q.values if any(close(v, x) for x in stated)]
        if not values or q.sent in background:
            continue
        for cl in claim(q.start):
            held = cl.range_km if q.role == "range" else cl.apogee_km
            held.extend(v for v in values if not any(close(v, x) for x in held))
    for g in r.groups:
        times = [t for t in (clock(h, mi) for h, mi, _ in g.local) if t in report.launch_times_local]
        if g.role == "launch" and g.sent not in background and times:
            for cl in claim(g.start):
                cl.launch_times_local.extend(times)
    kept = {a: claims[a] for a in sorted(claims, key=first_at.__getitem__)}
    kept = {a: cl for a, cl in kept.items() if cl.count is not None or cl.range_km or cl.apogee_km}
    if r.info.channel is None and not set(kept) - {r.info.authority}:
        if kept:
            r.fire(OWN_ONLY)
        return
    report.claims = list(kept.values())
    _observers_largest(r, kept, counted)


def _observers_largest(r: Reading, claims: dict[str, Claim], counted: dict[str, CountMention]) -> None:
    if len({cl.count for cl in claims.values() if cl.count is not None}) < 2:
        return
    observed = [cl for a, cl in claims.items() if a != STATE_MEDIA and cl.count is not None]
    if not observed:
        return
    top = max(observed, key=lambda cl: cl.count or 0)
    if top.count != r.report.count:
        r.retract("count", "another authority states more", OBSERVERS_LARGEST)
        r.report.count, r.report.count_qualifier = top.count, top.count_qualifier
        m = counted[top.authority]
        r.evidence("count", m.start, m.end, m.rule)
        r.fire(OBSERVERS_LARGEST)
