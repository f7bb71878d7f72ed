"""The extractor's test cases, kept as data: ``tests/cases/*.jsonl``, one case per line.

    {"id": ..., "lang": "ja", "published": "2025-02-03", "source": "mod_jp" | null,
     "text": ..., "expected": {the whole report}}

``expected`` is the whole report the extractor gives (``report_view``): every field, the
itemized missiles, the claims, and the evidence of each value with its span and the rule
that produced it. A test compares the whole of it, so a rule that moves a field the case's
author never thought of fails, and the diff is read before it is accepted:

    python tests/cases.py                 # what would change, case by case and field by field
    python tests/cases.py --accept        # write the new expectations (a deliberate act)
    python tests/cases.py --file press    # one file only

A new case may be written without ``expected``: ``--accept`` fills it in, and the diff shows
it whole for review. What each file holds is said in ``tests/cases/README.md``.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

CASES_DIR = Path(__file__).resolve().parent / "cases"


@dataclass
class Case:
    file: str
    id: str
    lang: str | None
    published: str | None
    source: str | None
    text: str
    expected: dict[str, Any] | None

    def item(self) -> dict[str, Any]:
        return {"text": self.text, "lang": self.lang, "published": self.published, "source": self.source}

    def row(self, expected: dict[str, Any] | None) -> dict[str, Any]:
        return {"id": self.id, "lang": self.lang, "published": self.published, "source": self.source,
                "text": self.text, "expected": expected}  # fmt: skip


def load(files: Iterable[str] | None = None) -> list[Case]:
    """The cases of the named files (stems: "press", "wire", ...), or of every file."""
    paths = sorted(CASES_DIR.glob("*.jsonl")) if files is None else [CASES_DIR / f"{f}.jsonl" for f in files]
    cases: list[Case] = []
    for path in paths:
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
            if not line.strip():
                continue
            try:
                row = json.loads(line)
            except json.JSONDecodeError as exc:
                raise ValueError(f"{path.name}:{number}: not JSON ({exc})") from exc
            cases.append(Case(path.stem, row["id"], row.get("lang"), row.get("published"), row.get("source"),
                              row["text"], row.get("expected")))  # fmt: skip
    ids = [c.id for c in cases]
    duplicates = sorted({i for i in ids if ids.count(i) > 1})
    if duplicates:
        raise ValueError(f"case ids used twice: {', '.join(duplicates)}")
    return cases


def report_view(report) -> dict[str, Any]:
    """The whole report as a case expects it: every field; evidence as [field, start, end, text, rule]
    (the sentence is left out: it follows from the span)."""
    view = report.to_dict()
    view.pop("document_id", None)
    view["evidence"] = [[e["field"], e["start"], e["end"], e["text"], e["rule"]] for e in view["evidence"]]
    return view


def differences(want: dict[str, Any] | None, got: dict[str, Any]) -> list[str]:
    """Field by field, what differs ("field: want -> got"); everything when nothing was expected."""
    if want is None:
        return [f"(new) {k}: {json.dumps(v, ensure_ascii=False)}" for k, v in got.items() if v not in (None, [], False)]
    out = []
    for key in dict.fromkeys([*want, *got]):
        a, b = want.get(key), got.get(key)
        if a != b:
            out.append(f"{key}: {json.dumps(a, ensure_ascii=False)} -> {json.dumps(b, ensure_ascii=False)}")
    return out


def run(cases: list[Case]) -> list[dict[str, Any]]:
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    from extraction import extract_batch

    return [report_view(r) for r in extract_batch([c.item() for c in cases])]


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description="Compare the extractor with the expected reports of the cases.")
    ap.add_argument("--accept", action="store_true", help="write what the extractor says now as the expectations")
    ap.add_argument("--file", action="append", help="only this case file (stem, e.g. press); repeatable")
    args = ap.parse_args(argv)
    files = args.file or sorted(p.stem for p in CASES_DIR.glob("*.jsonl"))
    changed = 0
    for stem in files:
        cases = load([stem])
        views = run(cases)
        for case, view in zip(cases, views, strict=True):
            diff = differences(case.expected, view)
            if diff:
                changed += 1
                print(f"{stem}/{case.id}:")
                for line in diff:
                    print(f"    {line}")
        if args.accept:
            lines = [json.dumps(c.row(v), ensure_ascii=False) for c, v in zip(cases, views, strict=True)]
            (CASES_DIR / f"{stem}.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    verb = "accepted" if args.accept else "differ"
    print(f"{changed} case{'s' if changed != 1 else ''} {verb}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
