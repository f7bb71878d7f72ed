"""``launchfeed extract --explain``: why the extractor said what it said.

First whether the text reports a launch, and the sentences it reads nothing from (they tell of
other events, by the rule named). For every field: the value, then each candidate the
components found for it (its words, its span in the text, the rule that found it), which one
was taken and why each other one lost, with the rule that made it lose. Last, the decision
rules that decided something in this text.
"""

from __future__ import annotations

import json
from dataclasses import fields

from launchfeed.contracts import Statement

from .reading import Candidate, Reading
from .rules import DECISIONS

SHOWN = [f.name for f in fields(Statement) if f.name not in ("document_id", "missiles", "evidence")]


def render(reading: Reading) -> str:
    report = reading.report
    by_field: dict[str, list[Candidate]] = {}
    for c in reading.candidates:
        by_field.setdefault(c.field, []).append(c)
    lines = [f"is_launch_report: {json.dumps(report.is_launch_report)}" + _why_launch(reading)]
    if not report.is_launch_report:
        lines += [f"  {_line(c)}" for c in by_field.get("is_launch_report", [])]
    for s in reading.sents:
        if s.background:  # sentences about other events: nothing is read from them
            words = json.dumps(reading.original(s.start, s.end), ensure_ascii=False)
            lines.append(f"not read: {words} ({s.background_rule})")
    for name in SHOWN:
        if name == "is_launch_report":
            continue
        value = getattr(report, name)
        found = sorted(by_field.get(name, []), key=lambda c: (not c.taken, c.start))
        if value in (None, [], "") and not found:
            continue
        lines.append(f"{name}: {_value(value)}")
        lines += [f"  {_line(c)}" for c in found]
    decided = sorted(rule for rule in reading.fired if rule in DECISIONS)
    if decided:
        lines.append("decided by:")
        lines += [f"  {rule}: {DECISIONS[rule]}" for rule in decided]
    return "\n".join(lines)


def _why_launch(reading: Reading) -> str:
    rule = reading.launch_rule
    return f"  ({rule}: {DECISIONS.get(rule, '')})" if rule else ""


def _value(value: object) -> str:
    if isinstance(value, list) and value and not isinstance(value[0], int | float | str):
        return json.dumps([v.__dict__ for v in value], ensure_ascii=False)
    return json.dumps(value, ensure_ascii=False)


def _line(c: Candidate) -> str:
    status = "taken" if c.taken else f"lost: {c.why}"
    return f"{json.dumps(c.text, ensure_ascii=False)} [{c.start}:{c.end}] {c.rule} - {status}"
