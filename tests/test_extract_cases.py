"""The extractor against its cases (tests/cases/*.jsonl, see tests/cases.py and tests/cases/README.md).

Each case's whole report must be what is expected: every field, the itemized missiles, the claims and
the evidence with its rule. A change that moves any of it fails here; ``python tests/cases.py`` shows
the diff and ``--accept`` takes it, once read.
"""

from __future__ import annotations

import pytest
from cases import differences, load, report_view
from extraction import extract_batch

CASES = load()


@pytest.fixture(scope="module")
def reports() -> dict[str, object]:
    return {case.id: report for case, report in zip(CASES, extract_batch([c.item() for c in CASES]), strict=True)}


@pytest.mark.parametrize("case", CASES, ids=[f"{c.file}/{c.id}" for c in CASES])
def test_whole_report_is_the_expected_one(case, reports):
    assert case.expected is not None, "a case without expectations: run python tests/cases.py --accept and read it"
    assert differences(case.expected, report_view(reports[case.id])) == []


@pytest.mark.parametrize("case", CASES, ids=[f"{c.file}/{c.id}" for c in CASES])
def test_evidence_is_the_text_at_its_offsets(case, reports):
    for ev in reports[case.id].evidence:
        assert case.text[ev.start : ev.end] == ev.text and ev.text == ev.text.strip() and ev.text in ev.sentence
        assert ev.rule, f"evidence of {ev.field} names no rule"


# Lines of the full-length documents that tell of something else (earlier launches, meetings, experts,
# contacts, related articles): no field may be read from them.
DISTRACTOR_CUES = (
    *("本年に入り", "前回", "昨年", "以来", "過去最多", "記者会見", "Ｊアラート", "国家安全保障会議", "関連記事"),
    *("専門家", "総理", "問い合わせ", "電話会談", "協議しました", "弾頭の重量"),
    *("올해 들어 총", "이는 올해", "지난", "브리핑", "전문가", "관련 기사", "이전글", "국가안전보장회의"),
    *("화상통화", "문의처", "기자단", "J-Alert", "일각에서는"),
    *("Related", "In March", "Last October", "Experts", "Analysts", "press conference", "recalled", "noted"),
    *("could", "a total of", "earlier this year", "phone call", "spoke with", "came about", "released at"),
    *("For more information", "National Security", "In October", "briefed"),
)


def distractor_lines(text: str) -> list[tuple[int, int]]:
    spans, at = [], 0
    for line in text.splitlines(keepends=True):
        if any(cue in line for cue in DISTRACTOR_CUES):
            spans.append((at, at + len(line)))
        at += len(line)
    return spans


DOCUMENTS = [c for c in CASES if c.file == "documents"]


@pytest.mark.parametrize("case", DOCUMENTS, ids=[c.id for c in DOCUMENTS])
def test_no_field_of_a_document_is_read_from_its_distractor_lines(case, reports):
    lines = distractor_lines(case.text)
    assert lines, "a full-length document carries lines that tell of something else"
    assert [(ev.field, ev.text) for ev in reports[case.id].evidence if any(a <= ev.start < b for a, b in lines)] == []
