"""Invariance: the same statement, arriving in the shapes real text has, reads the same.

Real texts reach the extractor pulled out of PDFs (line breaks inside a sentence or a word,
CRLF, numbered paragraphs, page headers), out of HTML (non-breaking, zero-width and ideographic
spaces, tabs, runs of spaces, soft hyphens), and typed with full-width or half-width digits,
letters and punctuation, other commas, quotes and dashes, and other spellings of units. Each
transformation below keeps the meaning; the base cases are the statements of six of the case
files (tests/cases/). What the statement says (the fields below) must not change,
and every evidence span must still be the text it was given at its offsets.
"""

from __future__ import annotations

import re
from collections.abc import Callable

import pytest
from cases import load
from extraction import extract, extract_batch
from launchfeed.extract.normalize import normalize

FIELDS = (
    "is_launch_report",
    "launch_date_local",
    "launch_times_local",
    "count",
    "count_qualifier",
    "range_km",
    "range_qualifier",
    "apogee_km",
    "apogee_qualifier",
    "flight_minutes",
    "missile_class",
    "landing",
    "eez",
    "launch_site",
    "bearing_deg",
    "launch_area",
    "direction",
    "missile_name",
)
WORD_FIELDS = ("launch_area", "direction", "missile_name")  # the source's own words: compared as they read

# (case id, lang, published, source, text) of the statements of these case files
BASE = [
    (c.id, c.lang, c.published, c.source, c.text)
    for c in load(["heldout", "wire", "authorities", "claims", "fields", "kcna"])
]

_FULL = {chr(c): chr(c + 0xFEE0) for c in range(0x21, 0x7F)}
_HALF = {v: k for k, v in _FULL.items()}


def _translate(text: str, table: dict[str, str], keep: str = "") -> str:
    return "".join(table.get(ch, ch) if ch not in keep else ch for ch in text)


# --- line breaks as PDFs leave them ------------------------------------------------------------


def _wrap(text: str, lang: str, width: int = 23) -> str:
    """Hard line breaks every ``width`` characters: in Japanese anywhere between two characters
    that are not both digits or both Latin letters (a PDF line ends inside a word, "向け\\nて");
    elsewhere a space becomes the break."""
    out: list[str] = []
    line = 0
    for i, ch in enumerate(text):
        nxt = text[i + 1] if i + 1 < len(text) else ""
        if ch == "\n":
            line = 0
        if lang == "ja":
            out.append(ch)
            line += 1
            glued = (ch.isdigit() and nxt.isdigit()) or (ch + nxt).isascii() and (ch + nxt).isalpha()
            if line >= width and nxt and not glued and not nxt.isspace() and ch not in "\n ":
                out.append("\n")
                line = 0
        else:
            if ch == " " and line >= width:
                out.append("\n")
                line = 0
            else:
                out.append(ch)
                line += 1
    return "".join(out)


def pdf_wrap(text: str, lang: str) -> str:
    return _wrap(text, lang)


def pdf_wrap_narrow(text: str, lang: str) -> str:
    """A narrow column (a table cell, a two-column page): a break every few words."""
    return _wrap(text, lang, 9)


def pdf_wrap_crlf(text: str, lang: str) -> str:
    return _wrap(text, lang, 31).replace("\n", "\r\n")


def pdf_numbered_paragraph(text: str, lang: str) -> str:
    return ("１．" if lang == "ja" else "1. ") + text


def pdf_page_header(text: str, lang: str) -> str:
    """A page footer and the next page's header between two sentences."""
    ends = [m.end() for m in re.finditer(r"。|다\. |\. (?=[A-Z])", text)]
    if len(ends) < 2:
        return text + "\n\n- 1 -\n"
    cut = ends[len(ends) // 2 - 1]
    return text[:cut].rstrip() + "\n\n- 1 -\n\n" + text[cut:].lstrip()


# --- HTML whitespace -----------------------------------------------------------------------------


def nbsp(text: str, lang: str) -> str:
    return text.replace(" ", "\u00a0")


def space_runs(text: str, lang: str) -> str:
    return re.sub(" ", lambda m: "  " if m.start() % 3 else " \t ", text)


def zero_width(text: str, lang: str) -> str:
    """Zero-width spaces between words and soft hyphens inside long Latin words."""
    text = re.sub(r"(?<=[A-Za-z]{3})(?=[a-z]{3})", "\u00ad", text)
    return re.sub(r"(?<=\S) (?=\S)", " \u200b", text)


def ideographic_space(text: str, lang: str) -> str:
    if lang == "ja":
        return text.replace("。", "。\u3000")
    return text.replace(" ", "\u3000")


# --- widths, punctuation, units --------------------------------------------------------------------


def full_width(text: str, lang: str) -> str:
    """Digits, Latin letters and ASCII punctuation typed full width (Japanese: all of them;
    elsewhere the digits and the punctuation between them)."""
    if lang == "ja":
        return _translate(text, _FULL)
    return re.sub(r"\d[\d,.:]*", lambda m: _translate(m.group(0), _FULL), text)


def half_width(text: str, lang: str) -> str:
    return _translate(text, _HALF).replace("（", "(").replace("）", ")")


def other_commas(text: str, lang: str) -> str:
    if lang == "ja":
        return text.replace("、", "，")
    return re.sub(r"(?<=\d),(?=\d{3})", "，", text)


def curly_quotes(text: str, lang: str) -> str:
    text = re.sub(r"\"([^\"]*)\"", "\u201c\\1\u201d", text)
    text = text.replace("'", "\u2019")
    return text.replace("「", "\u201c").replace("」", "\u201d")


def dashes(text: str, lang: str) -> str:
    text = text.replace(" -- ", " \u2014 ").replace("--", "\u2014")
    return re.sub(r"(?<=\d)-(?=\d)", "\u2013", text)


def unit_spelling(text: str, lang: str) -> str:
    if lang == "en":
        return re.sub(r"(?<=\d) ?km\b", " kilometers", text)
    if lang == "ko":
        return re.sub(r"(?<=\d) ?km", " km", text)
    return text.replace("km", "ｋｍ")


def unit_sign(text: str, lang: str) -> str:
    if lang == "en":
        return re.sub(r"(?<=\d) ?km\b", " kilometres", text)
    return re.sub(r"(?<=\d) ?(?:km|ｋｍ)", "㎞", text)


Transform = Callable[[str, str], str]

SINGLE: list[Transform] = [
    pdf_wrap,
    pdf_wrap_narrow,
    pdf_wrap_crlf,
    pdf_numbered_paragraph,
    pdf_page_header,
    nbsp,
    space_runs,
    zero_width,
    ideographic_space,
    full_width,
    half_width,
    other_commas,
    curly_quotes,
    dashes,
    unit_spelling,
    unit_sign,
]


def _combine(*steps: Transform) -> Transform:
    def combined(text: str, lang: str) -> str:
        for step in steps:
            text = step(text, lang)
        return text

    combined.__name__ = "+".join(s.__name__ for s in steps)
    return combined


COMBINED: list[Transform] = [
    _combine(full_width, pdf_wrap_crlf, pdf_page_header),
    _combine(curly_quotes, nbsp, zero_width, unit_sign),
    _combine(pdf_numbered_paragraph, space_runs, other_commas, dashes, pdf_wrap),
]


def _fields(report) -> dict:
    got = {name: getattr(report, name) for name in FIELDS}
    for name in WORD_FIELDS:
        if got[name] is not None:
            got[name] = " ".join(normalize(got[name]).text.split())
    return got


@pytest.fixture(scope="module")
def base_reports() -> list[dict]:
    items = [{"text": c[4], "lang": c[1], "published": c[2], "source": c[3]} for c in BASE]
    return [_fields(r) for r in extract_batch(items)]


def _failures(transform: Transform, base_reports: list[dict]) -> tuple[int, list[str]]:
    """How many base texts the transformation changes, and what reads differently in them."""
    changed = [(c, t, want) for c, want in zip(BASE, base_reports, strict=True) if (t := transform(c[4], c[1])) != c[4]]
    items = [{"text": t, "lang": c[1], "published": c[2], "source": c[3]} for c, t, _ in changed]
    wrong: list[str] = []
    for (case, text, want), report in zip(changed, extract_batch(items), strict=True):
        got = _fields(report)
        diff = {k: (want[k], got[k]) for k in FIELDS if got[k] != want[k]}
        if diff:
            wrong.append(f"{case[0]}: {diff}")
        for ev in report.evidence:
            if not (text[ev.start : ev.end] == ev.text and ev.text == ev.text.strip() and ev.text in ev.sentence):
                wrong.append(f"{case[0]}: evidence {ev.field} {ev.start}:{ev.end} {ev.text!r}")
    return len(changed), wrong


@pytest.mark.parametrize("transform", SINGLE + COMBINED, ids=lambda t: t.__name__)
def test_meaning_preserving_transformation_keeps_the_fields(transform: Transform, base_reports: list[dict]):
    changed, wrong = _failures(transform, base_reports)
    assert changed >= 15, "the transformation must change the texts it is tested on"
    assert wrong == []


def test_pdf_line_breaks_inside_a_word_and_between_number_and_unit():
    text = (
        "北朝鮮は、本日７時４４分頃、北朝鮮西岸付近から、１発の弾道ミサイルを北東方向に向け\nて発射しました。"
        "約３５０\nｋｍ飛翔し、日本のＥＥＺ外に落下したものと推定されます。"
    )
    r = extract(text, lang="ja", published="2025-05-08", source="mod_jp")
    assert (r.launch_times_local, r.count, r.range_km, r.eez) == (["07:44"], 1, [350], "outside")
    ev = next(e for e in r.evidence if e.field == "range_km")
    assert text[ev.start : ev.end] == ev.text and "\n" in ev.text
