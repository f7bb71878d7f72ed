"""Claims: which authority the text credits with which count, ranges, apogees and launch times.

A sentence's speaker is the authority its ``speaker`` patterns name ("合同参謀本部によると",
"합참은", "Japan's Defense Ministry said"); a sentence naming none goes on with the last
speaker, until a hedge ("reportedly"), another source (experts, photos) or a background
sentence breaks the attribution. Each authority is credited with the counts, ranges, apogees
and launch times of its sentences. A text that credits only its own source's authority has no
claims (its numbers are its statement).

Decides ``claims``; spans ``launchfeed.speakers``.
"""

from __future__ import annotations

import re

from spacy.language import Language
from spacy.tokens import Doc

from launchfeed.contracts import Claim

from ..reading import Quantity, Reading, TimeGroup, put_spans
from ..rules import decision
from ..values import clock, close

CONTINUES = decision("any.claims.continues", "a sentence naming no speaker goes on with the last one's")
BROKEN = decision("any.claims.broken", "a hedge, another source or a background sentence ends the attribution")
OWN_ONLY = decision("any.claims.own_only", "a text crediting only its own source's authority has no claims")
NOBODY = "_none"  # an authority name that credits nobody (a coast guard's notices)


@Language.factory("launchfeed_claims")
def make_claims(nlp: Language, name: str):
    return read_claims


def read_claims(doc: Doc) -> Doc:
    r: Reading = doc._.reading
    if not r.report.is_launch_report or not r.rules.speaker:
        return doc
    speakers, marks = _attribution(r)
    _decide(r, speakers)
    put_spans(doc, "launchfeed.speakers", marks)
    return doc


def _auth(r: Reading, name: str) -> str | None:
    return r.rules.auth_names.get(re.sub(r"\s+", " ", name.lower().strip()))


def _attribution(r: Reading) -> tuple[list[set[str]], list[tuple[int, int, str, str]]]:
    """The authorities each sentence speaks for, and the speakers found (for the spans)."""
    c = r.rules
    attribution: list[set[str]] = []
    current: set[str] = set()
    marks: list[tuple[int, int, str, str]] = []
    for s in r.sents:
        spk: set[str] = set()
        # every speaker rule names an authority: a sentence naming none needs no rule
        for rule in c.speaker if c.any_authority.search(s.text) else ():
            for m in rule.rx.finditer(s.text):
                a = _auth(r, m.group("a"))
                if a:
                    spk.add(a)
                    marks.append((s.start + m.start("a"), s.start + m.end("a"), a, rule.id))
                    r.fire(rule.id)
                    if c.speaker_coordination:
                        lm = c.speaker_coordination.search(s.text[: m.start("a")])
                        if lm and _auth(r, lm.group("a")):
                            spk.add(_auth(r, lm.group("a")))
        if spk:
            current = spk
        elif s.background or _breaks(r, s.text):
            if current:
                r.fire(BROKEN)
            current = set()
        elif current:
            r.fire(CONTINUES)
        attribution.append(set(current))
    return attribution, marks


def _breaks(r: Reading, text: str) -> bool:
    c = r.rules
    return bool((c.hedge and c.hedge.search(text)) or (c.other_source and c.other_source.search(text)))


def _decide(r: Reading, attribution: list[set[str]]) -> None:
    own = r.info.authority
    claims: dict[str, Claim] = {}
    qtys_in: dict[int, list[Quantity]] = {}
    for q in r.quantities:
        qtys_in.setdefault(q.sent, []).append(q)
    groups_in: dict[int, list[TimeGroup]] = {}
    for g in r.groups:
        groups_in.setdefault(g.sent, []).append(g)
    for s, auths in zip(r.sents, attribution, strict=True):
        auths = {a for a in auths if a != NOBODY}
        if not auths or s.background:
            continue
        counts = [m for m in r.counts.get(s.i, []) if m.n is not None and (not m.impact or m.totalizing)]
        ranges = [q for q in qtys_in.get(s.i, ()) if q.role == "range"]
        apogees = [q for q in qtys_in.get(s.i, ()) if q.role == "apogee"]
        times = [g for g in groups_in.get(s.i, ()) if g.role == "launch"]
        for a in sorted(auths):
            cl = claims.get(a) or Claim(authority=a)
            if counts and cl.count is None:
                cl.count, cl.count_qualifier = counts[0].n, counts[0].qual
            for q in ranges:
                cl.range_km.extend(v for v in q.values if not any(close(v, x) for x in cl.range_km))
            for q in apogees:
                cl.apogee_km.extend(v for v in q.values if not any(close(v, x) for x in cl.apogee_km))
            for g in times:
                cl.launch_times_local.extend(clock(h, mi) for h, mi, _ in g.local)
            if cl.count is not None or cl.range_km or cl.apogee_km:
                claims[a] = cl
    if set(claims) - {own}:
        r.report.claims = list(claims.values())
    elif claims:
        r.fire(OWN_ONLY)
