"""Bad input gives a clear result quickly, never a crash or a hang."""

import time

from extraction import extract, extract_batch


def timed(text, **kw):
    t = time.perf_counter()
    r = extract(text, **kw)
    return r, time.perf_counter() - t


def test_empty_and_none():
    assert not extract("").is_launch_report
    assert not list(extract_batch([{"text": None}]))[0].is_launch_report


def test_huge_and_pathological_inputs_are_bounded():
    cases = [
        "x" * 5_000_000,
        "(" * 50000 + "missile" + ")" * 50000,
        "9" * 100000,
        "約" * 30000 + "１" * 30000 + "ｋｍ",
        "<html>" + "<div>missile</div>" * 10000,
        "약 " * 20000 + "350여km",
    ]
    for text in cases:
        r, dt = timed(text)
        assert dt < 5, (text[:20], dt)
        assert not r.is_launch_report


def test_numbers_without_units_and_unknown_language():
    r = extract("Статья о погоде: 12 34 5600.", published="2025-01-01")
    assert not r.is_launch_report and r.range_km == []


def test_batch_keeps_order():
    items = [
        {"text": "本日７時頃、北朝鮮は弾道ミサイルを１発発射しました。", "published": "2025-01-02"},
        {"text": ""},
        {"text": "北朝鮮は本日９時頃、弾道ミサイル２発を発射しました。", "published": "2025-01-03"},
    ]
    out = list(extract_batch(items))
    assert [r.is_launch_report for r in out] == [True, False, True]
    assert [r.count for r in out] == [1, None, 2]
