"""What passes between the components: the reading of one text, kept on its Doc.

``doc._.reading`` is a ``Reading``: the inputs (normalized text, its language's rules, the
source's declaration, the publication day), then what each component found, in pipeline
order (pipeline.py lists who writes and who reads each part). A component writes only its
own part and reads only the parts of the components before it.

Every finding keeps the id of the rule that found it. What a component decides it writes to
the report (``Reading.report``) with evidence naming the rule that read the value; what it
found and did not take it records as a ``Candidate`` with the reason it lost, which
``launchfeed extract --explain`` prints. Each component also puts its findings in
``doc.spans`` (label: what it is; ``span.id_``: the rule) so spaCy's own tools can show them.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from spacy.tokens import Doc

from launchfeed.contracts import Evidence, SourceInfo, Statement

from .normalize import Normalized
from .rules import Rules

MAX_SENT = 1000  # characters of a sentence the patterns look at
GAZETTEER_KEY = "launchfeed.gazetteer"  # doc.spans: the gazetteer's places, authorities and weapon names
DEFAULT_TEXT_ZONE = "Asia/Seoul"  # a text whose source names no zone: news of a launch writes Korea (or Japan) time

if not Doc.has_extension("reading"):
    Doc.set_extension("reading", default=None)


@dataclass
class Munition:
    start: int
    end: int
    kind: str  # missile / rocket / artillery / satellite / system
    text: str
    rule: str
    linked: bool = False  # a launch word stands beside it
    compound: bool = False  # "missile launching drill": the munition word names a launch


@dataclass
class Sentence:
    i: int
    start: int
    end: int
    text: str
    launch: bool = False  # states a launch (of this text's launch, unless background)
    event: bool = False  # tells of a drill or a test
    background: bool = False  # tells of other events: nothing is read from it
    background_rule: str | None = None
    actor: str | None = None  # the state its launch words have for subject (north_korea / other_state), if named
    actor_rule: str | None = None
    launch_at: list[int] = field(default_factory=list)  # where its launch words tied to a munition stand
    item: int | None = None  # the list item it is about
    marks: list[tuple[int, int]] = field(default_factory=list)  # (position, index) of items named in it
    munitions: list[Munition] = field(default_factory=list)

    def item_at(self, pos: int) -> int | None:
        """The list item a position is about: the last item named before it in the sentence ("the first flew
        650 km, and the second 600 km"), else the sentence's."""
        k = self.item
        for at, index in self.marks:
            if at > pos:
                break
            k = index
        return k


@dataclass
class Quantity:
    kind: str  # distance / duration
    start: int
    end: int
    values: list[float]
    qual: str
    sent: int
    rule: str
    role: str | None = None  # range / apogee / flight
    role_rule: str | None = None
    unit_factor: float = 1.0


@dataclass
class TimeGroup:
    """Times written together (a window, a list), with the role their context gives them."""

    start: int
    end: int
    sent: int
    times: list[tuple[int, int | None, str]]  # (hour, minute or None for an hour band, am/pm)
    rule: str
    zone: str | None = None
    role: str | None = None  # launch / other / same (the moment of the group before, in another zone)
    role_rule: str | None = None
    spans: list[tuple[int, int]] = field(default_factory=list)
    local: list[tuple[int, int | None, date | None]] = field(default_factory=list)  # on the site's clock
    same: dict[int, tuple[int, int | None, str]] = field(default_factory=dict)  # a time written again in a zone


@dataclass
class DateMention:
    start: int
    end: int
    sent: int
    day: date
    rule: str


@dataclass
class CountMention:
    start: int
    end: int
    sent: int
    n: int | None
    qual: str
    rule: str
    also: bool = False  # launched apart from those counted before
    totalizing: bool = False  # "both", "all"
    impact: bool = False  # the missiles that fell
    kind: str = "missile"
    weak: bool = False  # a number of missiles not tied to a launch word in its sentence
    adds: bool = False  # launched apart from those counted before: the count adds it


@dataclass
class Candidate:
    """A value a component found for a field, and whether it was taken (and why not)."""

    field: str
    start: int
    end: int
    text: str
    rule: str
    taken: bool
    why: str = ""  # why it lost, with the rule that made it lose


class Reading:
    """One text as the components read it (see the module docstring)."""

    def __init__(self, text: str, norm: Normalized, rules: Rules, info: SourceInfo, published: date | None) -> None:
        self.text = text
        self.norm = norm
        self.rules = rules
        self.info = info
        self.policy = info.extraction
        self.text_zone = info.text_zone or DEFAULT_TEXT_ZONE  # the zone of times the text writes without a label
        self.published = published
        self.report = Statement()
        self.candidates: list[Candidate] = []
        self.fired: set[str] = set()  # every rule that decided something here
        # sentences component
        self.sents: list[Sentence] = []
        self.gazetteer: list = []  # the gazetteer's spans (places, authorities, weapons)
        self.gazetteer_in: list[list] = []  # ... by sentence
        self.datelines: list[tuple[int, int]] = []
        self.launch_rule: str | None = None  # why this text reports a launch (or why not)
        # quantities component
        self.quantities: list[Quantity] = []
        # times component
        self.groups: list[TimeGroup] = []
        self.dates: list[DateMention] = []
        self.report_days: list[DateMention] = []
        self.day: date | None = None  # the launch date decided from the text
        # count component
        self.counts: dict[int, list[CountMention]] = {}  # by sentence: every count, launch word or not
        self.item_counts: dict[int, list[CountMention]] = {}  # by list-item sentence: counts tied to a launch word
        # place component
        self.area_spans: list[tuple[int, int]] = []

    # --- positions and words ----------------------------------------------------------------

    def sent_of(self, pos: int) -> Sentence:
        lo, hi = 0, len(self.sents) - 1
        while lo < hi:
            mid = (lo + hi + 1) // 2
            if self.sents[mid].start <= pos:
                lo = mid
            else:
                hi = mid - 1
        return self.sents[lo]

    def original(self, start: int, end: int) -> str:
        """The original words of a normalized span, as one line: a line break, a page number or an invisible
        character the normalizer dropped or made a space is not part of the words."""
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

    def launch_sentences(self, include_items: bool = True) -> list[Sentence]:
        return [s for s in self.sents if s.launch and (include_items or s.item is None)]

    # --- what is decided, and what was not ------------------------------------------------------

    def fire(self, rule: str | None) -> str | None:
        """Note that a rule decided something; returns it."""
        if rule:
            self.fired.add(rule)
        return rule

    def evidence(self, fld: str, start: int, end: int, rule: str) -> None:
        """The span a field's value was read from (normalized offsets), and the rule that read it."""
        while start < end and self.text[start].isspace():
            start += 1  # a pattern's leading "\s*" is not part of what the text says
        while end > start and self.text[end - 1].isspace():
            end -= 1
        if end <= start or not self.text:
            return
        self.fire(rule)
        a, b = self.norm.span(start, end)
        s = self.sent_of(start)
        sa, sb = self.norm.span(s.start, s.end)
        orig = self.norm.original
        self.report.evidence.append(Evidence(fld, a, b, orig[a:b], orig[sa:sb].strip(), rule))
        # a value a later rule takes after an earlier one passed it over is listed once, as taken
        self.candidates = [c for c in self.candidates if c.taken or (c.field, c.start, c.end) != (fld, a, b)]
        self.candidates.append(Candidate(fld, a, b, orig[a:b], rule, True))

    def retract(self, fld: str, why: str, because: str) -> None:
        """A later rule overrules what was taken for a field: its evidence goes, its candidates lose."""
        self.report.evidence = [e for e in self.report.evidence if e.field != fld]
        for i, c in enumerate(self.candidates):
            if c.field == fld and c.taken:
                self.candidates[i] = Candidate(fld, c.start, c.end, c.text, c.rule, False, f"{why} ({because})")

    def lost(self, fld: str, start: int, end: int, rule: str, why: str, because: str | None = None) -> None:
        """A value found for a field and not taken: ``why`` in words, ``because`` the rule that made it lose."""
        if end <= start or not self.text:
            return
        self.fire(rule)
        self.fire(because)
        a, b = self.norm.span(start, end)
        reason = f"{why} ({because})" if because else why
        self.candidates.append(Candidate(fld, a, b, self.norm.original[a:b].strip(), rule, False, reason))


def put_spans(doc: Doc, key: str, marks: list[tuple[int, int, str, str]]) -> None:
    """A component's findings as ``doc.spans[key]``: (start, end, label, rule id) in normalized offsets, each
    widened to whole tokens."""
    spans = []
    for start, end, label, rule in marks:
        span = doc.char_span(start, end, label=label, alignment_mode="expand", span_id=rule)
        if span is not None:
            spans.append(span)
    doc.spans[key] = spans
