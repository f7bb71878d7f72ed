"""Over-breadth audit: the broad rules added for background launches, second launches (にも/에도), corrections,
capability claims, meeting times, launcher words, condemnations, report days, GMT times, 飛翔体 and artillery, each
met by texts where the rule's words appear but the rule must not change what is read (this launch's own ordinal
"今年に入って初めて", 에도 after a place, "revised" about something else, a press conference that also states the
launch time, "could" beside a flown range, a year next to a GMT time, ...).

Every text is written for these tests; each case lists only the fields its text states.
"""

from __future__ import annotations

import pytest
from test_extract_heldout import assert_statement

# (case id, lang, published, source, text, expected fields)
CASES: list[tuple[str, str, str, str | None, str, dict]] = [
    # --- Japanese ---
    (
        "ja-this-year-first-in-own-sentence",
        "ja",
        "2025-05-08",
        "mod_jp",
        "北朝鮮は5月8日午前9時10分頃、平壌付近から、今年に入って初めてとなる弾道ミサイル1発を東方向に発射しました。"
        "発射された弾道ミサイルは約800km飛翔し、日本海に落下したものと推定されます。",
        {"launch_times_local": ["09:10"], "count": 1, "range_km": [800], "launch_date_local": "2025-05-08"},
    ),
    (
        "ja-this-year-third-in-own-sentence",
        "ja",
        "2025-05-08",
        "mod_jp",
        "北朝鮮は8日午前6時31分頃、本年に入り3回目となる弾道ミサイルの発射を行い、計2発を発射しました。"
        "いずれも約350km飛翔したと推定されます。",
        {"launch_times_local": ["06:31"], "count": 2},
    ),
    (
        "ja-nimo-of-a-country-not-another-launch",
        "ja",
        "2025-05-08",
        "mod_jp",
        "北朝鮮は8日午前6時頃、我が国にも近い東岸付近から弾道ミサイル1発を発射しました。"
        "発射された弾道ミサイルは約300km飛翔しました。",
        {"launch_times_local": ["06:00"], "count": 1, "range_km": [300]},
    ),
    (
        "ja-nimo-after-meeting-time-restates-count",
        "ja",
        "2025-05-08",
        "mod_jp",
        "北朝鮮は本日午前6時12分頃、東岸付近から弾道ミサイル1発を発射しました。"
        "防衛大臣は午前8時にも記者団に対し、この弾道ミサイル1発は日本海に落下したと述べました。",
        {"launch_times_local": ["06:12"], "count": 1},
    ),
    (
        "ja-shusei-of-an-estimate-not-a-correction",
        "ja",
        "2025-05-08",
        "mod_jp",
        "北朝鮮は本日午前7時15分頃、弾道ミサイル1発を発射しました。"
        "飛翔距離は約400kmと推定されますが、今後の分析により大幅に修正される可能性があります。",
        {"range_km": [400]},
    ),
    (
        "ja-shusei-apogee-kept-when-time-revised",
        "ja",
        "2025-05-08",
        "mod_jp",
        "北朝鮮は本日午前7時15分頃、弾道ミサイル1発を発射しました。最高高度は約50kmと、防衛省は先の発表の誤りを一部に修正して改めて公表しました。",
        {"apogee_km": [50]},
    ),
    (
        "ja-press-conference-and-launch-time",
        "ja",
        "2025-05-08",
        "mod_jp",
        "防衛大臣は午前8時から臨時の記者会見を行い、北朝鮮が本日午前7時3分頃に弾道ミサイル1発を発射したと発表しました。",
        {"launch_times_local": ["07:03"], "count": 1},
    ),
    (
        "ja-capability-beside-flown-range",
        "ja",
        "2025-05-08",
        "mod_jp",
        "北朝鮮は本日午前10時2分頃、弾道ミサイル1発を発射しました。"
        "ミサイルは約1000km飛翔し、防衛省は米国全土を射程に収める能力がある可能性があるとしています。",
        {"range_km": [1000]},
    ),
    (
        "ja-mach-with-possibility",
        "ja",
        "2025-05-08",
        "mod_jp",
        "北朝鮮は本日午前10時2分頃、弾道ミサイル1発を発射しました。"
        "ミサイルはマッハ5程度で飛翔したとみられ、迎撃が困難となる可能性があります。",
        {"speed_mach": 5},
    ),
    (
        "ja-one-each-from-two-launchers-one-time",
        "ja",
        "2025-05-08",
        "mod_jp",
        "北朝鮮は本日午前6時12分頃、移動式発射台2両から1発ずつ、計2発の弾道ミサイルを発射しました。",
        {"launch_times_local": ["06:12"], "count": 2},
    ),
    (
        "ja-launcher-word-and-a-launch",
        "ja",
        "2025-05-08",
        "mod_jp",
        "北朝鮮は本日午前5時40分頃、西岸付近の移動式発射台から弾道ミサイル1発を東方向に発射しました。",
        {"launch_times_local": ["05:40"], "count": 1, "missile_class": "ballistic"},
    ),
    (
        "ja-ministry-day-before-launch-time",
        "ja",
        "2025-05-11",
        "mod_jp",
        "防衛省は10日午後3時15分頃、北朝鮮が弾道ミサイル1発を発射したと発表しました。",
        {"launch_date_local": "2025-05-10", "launch_times_local": ["15:15"], "count": 1},
    ),
    (
        "ja-hishoutai-named-ballistic-later",
        "ja",
        "2025-05-08",
        "mod_jp",
        "北朝鮮は本日午前9時20分頃、飛翔体1発を発射しました。発射された飛翔体は弾道ミサイルであり、約350km飛翔しました。",
        {"missile_class": "ballistic", "count": 1, "range_km": [350]},
    ),
    (
        "ja-gun-position-place-no-artillery",
        "ja",
        "2025-05-08",
        "mod_jp",
        "北朝鮮は本日午前10時20分頃、西岸の砲撃陣地付近から弾道ミサイル1発を発射しました。",
        {"missile_class": "ballistic", "count": 1},
    ),
    # --- Korean ---
    (
        "ko-this-year-first-in-own-sentence",
        "ko",
        "2025-05-08",
        "jcs_kr",
        "북한이 5월 8일 오전 9시 10분께 평양 일대에서 올해 들어 첫 탄도미사일 1발을 "
        "동해상으로 발사했다고 합참이 밝혔다. "
        "발사된 미사일은 약 800km를 비행했다.",
        {"launch_times_local": ["09:10"], "count": 1, "range_km": [800]},
    ),
    (
        "ko-edo-after-border-word",
        "ko",
        "2025-05-09",
        "jcs_kr",
        "북한은 9일 오전 6시 20분쯤 평안북도 구성 일대에서 탄도미사일 1발을 동해상으로 발사했다고 합참이 밝혔다. "
        "이 미사일은 중국과의 국경에도 가까운 지역에서 발사돼 약 600km를 비행했다.",
        {"launch_times_local": ["06:20"], "count": 1, "range_km": [600]},
    ),
    (
        "ko-edo-after-part-word",
        "ko",
        "2025-05-09",
        "jcs_kr",
        "북한은 오늘 오전 6시 20분쯤 평양 일대에서 탄도미사일 2발을 발사했다. "
        "합참은 미사일 궤적의 대부분에도 특이점은 없었다며 두 미사일이 약 350km를 비행했다고 설명했다.",
        {"count": 2, "range_km": [350]},
    ),
    (
        "ko-ba-itda-not-about-a-launch",
        "ko",
        "2025-05-09",
        "jcs_kr",
        "북한은 9일 오전 6시 20분쯤 평양 일대에서 탄도미사일 1발을 동해상으로 발사했다. "
        "합참에 따르면 이 미사일은 약 600km를 비행했으며, 정점고도는 약 50km로, 군 당국이 예상한 바 있는 수준이었다.",
        {"range_km": [600], "apogee_km": [50]},
    ),
    (
        "ko-briefing-time-and-launch-time",
        "ko",
        "2025-05-09",
        "jcs_kr",
        "합참은 오전 9시 브리핑에서 북한이 오늘 오전 7시 25분경 평양 일대에서 탄도미사일 1발을 발사했다고 밝혔다.",
        {"launch_times_local": ["07:25"], "count": 1},
    ),
    (
        "ko-mach-with-capability-clause",
        "ko",
        "2025-05-09",
        "jcs_kr",
        "북한은 오늘 오전 7시 25분경 탄도미사일 1발을 발사했다. "
        "미사일은 마하 5로 비행했으며, 군은 요격을 회피할 수 있는 기동을 했는지 분석 중이다.",
        {"speed_mach": 5},
    ),
    (
        "ko-launcher-word-and-a-launch",
        "ko",
        "2025-05-09",
        "jcs_kr",
        "북한은 오늘 오전 5시 40분경 평안남도 숙천 일대에서 이동식 발사대를 이용해 단거리탄도미사일 2발을 발사했다.",
        {"launch_times_local": ["05:40"], "count": 2, "missile_class": "ballistic"},
    ),
    (
        "ko-one-each-with-a-total-one-time",
        "ko",
        "2025-05-09",
        "jcs_kr",
        "북한은 오늘 오전 6시 10분경 평양 일대와 숙천 일대에서 각각 1발씩, 모두 2발의 탄도미사일을 발사했다.",
        {"launch_times_local": ["06:10"], "count": 2},
    ),
    (
        "ko-condemned-with-the-launch-in-one-sentence",
        "ko",
        "2025-05-09",
        "jcs_kr",
        "합참은 북한이 오늘 오전 7시 10분경 평양 일대에서 단거리탄도미사일 2발을 "
        "동해상으로 발사했다며 이를 강력히 규탄했다.",
        {"launch_times_local": ["07:10"], "count": 2},
    ),
    (
        "ko-coastal-gun-place-no-artillery",
        "ko",
        "2025-05-09",
        "jcs_kr",
        "북한은 오늘 오후 2시 15분경 해안포 진지 인근에서 단거리탄도미사일 1발을 서해상으로 발사했다.",
        {"missile_class": "ballistic", "count": 1},
    ),
    (
        "ko-report-day-is-launch-day",
        "ko",
        "2025-05-10",
        "jcs_kr",
        "합참은 10일 오전 6시 20분경 북한이 평양 일대에서 탄도미사일 1발을 발사했다고 밝혔다.",
        {"launch_date_local": "2025-05-10", "launch_times_local": ["06:20"]},
    ),
    (
        "ko-time-edo-meeting-restates-count",
        "ko",
        "2025-05-09",
        "jcs_kr",
        "북한은 오늘 오전 6시 12분경 탄도미사일 1발을 발사했다. "
        "합참은 오전 9시에도 이 탄도미사일 1발이 동해상에 낙하했다고 밝혔다.",
        {"count": 1},
    ),
    # --- English ---
    (
        "en-so-far-this-year-appositive",
        "en",
        "2025-05-08",
        "mod_jp",
        "North Korea fired a ballistic missile at 7:10 a.m. on May 8, its fifth launch so far this year. "
        "The missile flew about 800 km.",
        {"launch_times_local": ["07:10"], "count": 1, "range_km": [800]},
    ),
    (
        "en-press-conference-states-launch-time",
        "en",
        "2025-05-08",
        "mod_jp",
        "At a press conference, the defense minister said North Korea launched a ballistic missile at 7:03 a.m. today.",
        {"launch_times_local": ["07:03"], "count": 1},
    ),
    (
        "en-met-and-launch-time",
        "en",
        "2025-05-08",
        "mod_jp",
        "North Korea launched a ballistic missile at 7:03 a.m. today, hours before the two leaders met in Tokyo.",
        {"launch_times_local": ["07:03"], "count": 1},
    ),
    (
        "en-could-reach-beside-flown-range",
        "en",
        "2025-05-08",
        "mod_jp",
        "North Korea launched a ballistic missile today. The missile flew about 1,000 km, "
        "and it could reach Guam, an official said.",
        {"range_km": [1000]},
    ),
    (
        "en-revised-plan-not-a-number",
        "en",
        "2025-05-08",
        "mod_jp",
        "North Korea launched a ballistic missile today. The ministry, which revised its defense plan "
        "to 2030 last year, "
        "said the missile flew about 700 km.",
        {"range_km": [700]},
    ),
    (
        "en-revised-guidance-after-range",
        "en",
        "2025-05-08",
        "mod_jp",
        "North Korea launched a ballistic missile today. The missile flew about 700 km, and the ministry updated its "
        "alert to 2 prefectures.",
        {"range_km": [700]},
    ),
    (
        "en-shortly-after-with-minutes",
        "en",
        "2025-05-08",
        "mod_jp",
        "North Korea launched a ballistic missile shortly after 6:40 a.m. today.",
        {"launch_times_local": ["06:40"], "time_precision": "minute"},
    ),
    (
        "en-year-beside-gmt-time",
        "en",
        "2025-05-08",
        None,
        "North Korea fired a ballistic missile at 0725 GMT on Thursday, "
        "its first such launch since 2023. It flew about 500 km.",
        {"count": 1, "range_km": [500]},
    ),
    (
        "en-its-last-in-this-launch",
        "en",
        "2025-05-08",
        "mod_jp",
        "North Korea fired a ballistic missile at 7:10 a.m. on May 8. "
        "Its last stage separated normally and the missile flew about 900 km.",
        {"launch_times_local": ["07:10"], "range_km": [900]},
    ),
    (
        "en-artillery-range-place",
        "en",
        "2025-05-08",
        "jcs_kr",
        "North Korea fired a short-range ballistic missile from an artillery range near Kaesong at 2:15 p.m. today.",
        {"count": 1, "launch_times_local": ["14:15"]},
    ),
    (
        "en-in-month-year-this-launch-date",
        "en",
        "2025-05-08",
        "mod_jp",
        "In May this year, on the 8th at 6:10 a.m., North Korea fired two ballistic missiles. Both flew about 300 km.",
        {"count": 2},
    ),
    (
        "en-coast-guard-detection-time-still-no-launch-time",
        "en",
        "2025-05-08",
        "mod_jp",
        "North Korea launched a ballistic missile today. The coast guard said it detected the launch at 11:46 a.m.",
        {"launch_times_local": [], "count": 1},
    ),
]


@pytest.mark.parametrize(("case", "lang", "published", "source", "text", "expected"), CASES, ids=[c[0] for c in CASES])
def test_broad_rule_leaves_this_text_alone(case, lang, published, source, text, expected):
    assert_statement(text, lang, published, source, expected)


def test_at_least_thirty_cases_over_three_languages():
    langs = [c[1] for c in CASES]
    assert len(CASES) >= 30 and all(langs.count(code) >= 8 for code in ("ja", "ko", "en"))
    assert len({c[0] for c in CASES}) == len(CASES)
