"""`launchfeed extract --explain`: per field, the candidates found, the one taken, why the others lost."""

from __future__ import annotations

import pytest

from launchfeed.cli import main

# (language, source, publication day, text, lines the explanation must hold)
TEXTS = [
    (
        "ja",
        "mod_jp",
        "2025-02-03",
        "北朝鮮は本日午前７時１２分頃、北朝鮮西岸付近から弾道ミサイル２発を東方向に発射しました。発射された弾道ミサイルの"
        "うち１発は約３５０ｋｍ飛翔し、北海道の西方約２００ｋｍの日本海に８時０１分頃落下したものと推定されます。",
        [
            'launch_times_local: ["07:12"]',
            '"午前７時１２分頃" [6:14] ja.time.clock - taken',
            '"８時０１分頃" [88:94] ja.time.clock - lost: another moment\'s (ja.time.impact_or_announcement)',
            '"２発" [30:32] ja.count.hatsu - taken',
            '"１発" [58:60] ja.count.hatsu - lost: a part of them (ja.count.count_subset_left)',
            '"約２００ｋｍ" [77:83] ja.quantity.number_unit - lost: not the flight\'s '
            "(ja.distance.impact_point_bearing)",
            "  any.count.first_stated: the first count tied to a launch word is the count",
        ],
    ),
    (
        "ko",
        None,
        "2025-05-08",
        "합참은 오늘 오전 8시 10분쯤 북한이 원산 일대에서 동해상으로 단거리탄도미사일 2발을 발사했다고 밝혔다. "
        "지난 3월 14일에도 북한은 탄도미사일 1발을 쏜 바 있다.",
        [
            'launch_date_local: "2025-05-08"',
            '"오늘" [4:6] ko.date.relative - taken',
            '"2발" [45:47] ko.count.bal - taken',
            'launch_area: "원산 일대"',
            'not read: "지난 3월 14일에도 북한은 탄도미사일 1발을 쏜 바 있다." (ko.background.another_time_also)',
        ],
    ),
    (
        "en",
        "indopacom",
        "2025-03-03",
        "U.S. Indo-Pacific Command detected a ballistic missile launch at 4:45 p.m. HST on March 3, and the missile "
        "landed in the sea at 5:20 p.m.",
        [
            'launch_times_local: ["11:45"]',
            '"4:45 p.m. HST" [65:78] en.time.twelve_hour - taken',
            '"5:20 p.m." [128:137] en.time.twelve_hour - lost: another moment\'s (en.time.impact_or_announcement)',
            'launch_date_local: "2025-03-04"',
        ],
    ),
]


@pytest.mark.parametrize(("lang", "source", "published", "text", "expected"), TEXTS, ids=[t[0] for t in TEXTS])
def test_explain_shows_candidates_taken_and_lost(lang, source, published, text, expected, tmp_path, capsys):
    path = tmp_path / "text.txt"
    path.write_text(text, encoding="utf-8")
    args = ["extract", str(path), "--explain", "--lang", lang, "--published", published]
    assert main([*args, *(["--source", source] if source else [])]) == 0
    out = capsys.readouterr().out.splitlines()
    for line in expected:
        assert any(line in said for said in out), (line, out)


def test_explain_of_a_text_with_no_launch_says_why(tmp_path, capsys):
    path = tmp_path / "text.txt"
    path.write_text("The missile defense review was published today.", encoding="utf-8")
    assert main(["extract", str(path), "--explain"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("is_launch_report: false  (any.launch.none:")
