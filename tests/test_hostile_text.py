"""The extractor under generated text: launch-report vocabulary, numbers, units, brackets
and markup shuffled by hypothesis. Whatever it is given, it returns a report (never an
exception) whose every evidence span is the text it points at. Time per document is
measured by the benchmark (benchmarks/bench_extract.py), not here."""

from __future__ import annotations

from extraction import extract, extract_batch
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

PIECES = {
    "ja": ["北朝鮮は", "本日", "昨日", "７時４４分頃", "6時台", "から", "、", "。", "約", "３５０", "１,０００",
           "ｋｍ", "キロ", "発", "２発", "少なくとも", "弾道ミサイル", "を", "発射しました", "飛翔", "最高高度",
           "日本海", "ＥＥＺ外",
           "（", "）", "(1)", "①", "令和８年", "月", "日", "\n"],
    "ko": ["합참은", "오늘", "오전", "7시", "44분경", "평양", "일대에서", "동해상으로", "발사한", "단거리탄도미사일",
           "1발", "약", "350여", "km", "㎞", "를", "비행", "마하", "6.1", "(", ")", "이상", "여러 발", ".", "\n"],
    "en": ["North Korea", "fired", "launched", "two", "at least", "ballistic missiles", "at", "7:44", "a.m.", "p.m.",
           "(2244 GMT)", "about", "350", "1,000", "km", "miles", "nautical miles", "flew", "altitude of", "into the",
           "East Sea", "Japan's EEZ", "yesterday", "on Tuesday", "Hwasong-18", "(", ")", "[", "]", ",", ".", "--",
           "<b>", "</b>", "=HYPERLINK(", "\n"],
}  # fmt: skip


def texts(lang: str) -> st.SearchStrategy[str]:
    pieces = st.one_of(st.sampled_from(PIECES[lang]), st.text(max_size=6), st.integers(0, 10**12).map(str))
    return st.lists(pieces, max_size=60).map(" ".join)


def check(text: str, lang: str | None) -> None:
    report = extract(text, lang=lang, published="2026-11-20", source=None)
    for evidence in report.evidence:
        assert text[evidence.start : evidence.end] == evidence.text
        assert evidence.text in evidence.sentence
    assert all(value >= 0 for value in report.range_km + report.apogee_km)


@settings(max_examples=60, deadline=None, derandomize=True, suppress_health_check=[HealthCheck.too_slow])
@given(st.sampled_from(sorted(PIECES)).flatmap(lambda lang: st.tuples(st.just(lang), texts(lang))))
def test_generated_launch_prose_gives_a_report_with_true_evidence(lang_and_text):
    lang, text = lang_and_text
    check(text, lang)


@settings(max_examples=40, deadline=None, derandomize=True)
@given(st.text(max_size=400))
def test_any_text_in_any_language_setting(text):
    for lang in ("ja", "ko", "en", None):
        check(text, lang)


def test_a_batch_reads_each_generated_text_as_it_would_alone():
    # mixed languages in one batch: the batch groups them by language and must put every report back in place
    items = [{"text": " ".join(PIECES["en"][n:] + PIECES["ja"][:n] + PIECES["ko"][: n % 7]), "lang": None,
              "published": "2026-11-20"} for n in range(30)]  # fmt: skip
    alone = [extract(item["text"], lang=None, published="2026-11-20").to_dict() for item in items]
    assert [report.to_dict() for report in extract_batch(items)] == alone
