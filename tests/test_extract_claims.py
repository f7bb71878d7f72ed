"""Wire copy, round 4: report day against launch day (朝鮮中央通信は11日、…10日に; 전날; "said on
Thursday ... on Wednesday"), four-digit GMT / UTC times, claims per authority in Japanese and
Korean wire copy, itemized missiles (1発目 / 첫 번째 / "the first ... the second"), and miles,
nautical miles and 1천여km. Every text was written for these tests in the style of such reports;
none is copied from a real one.

Each case lists only the fields its text states or must leave empty; a field left out of a case
is not checked by it.
"""

from __future__ import annotations

import pytest
from test_extract_heldout import assert_statement

# (case id, lang, published, source, text, expected fields)
CASES: list[tuple[str, str, str, str | None, str, dict]] = [
    # --- report day against launch day ----------------------------------------------------------
    (
        "ja-kcna-reported-11th-fired-10th",
        "ja",
        "2025-06-11",
        None,
        "北朝鮮の朝鮮中央通信は11日、北朝鮮が10日に新型の戦術弾道ミサイルの試験発射を行ったと報じた。",
        {"launch_date_local": "2025-06-10", "missile_class": "ballistic", "launch_times_local": []},
    ),
    (
        "ja-kcna-reported-12th-previous-day",
        "ja",
        "2025-06-12",
        None,
        "朝鮮中央通信は12日、前日に行われた巡航ミサイルの発射訓練を金正恩総書記が視察したと伝えた。",
        {"launch_date_local": "2025-06-11", "missile_class": "cruise"},
    ),
    (
        "ja-report-date-after-launch-date",
        "ja",
        "2025-07-03",
        None,
        "北朝鮮が2日に短距離弾道ミサイル2発を発射したと、朝鮮中央通信が3日報じた。",
        {"launch_date_local": "2025-07-02", "count": 2},
    ),
    (
        "ko-kcna-11th-previous-day-paren-10th",
        "ko",
        "2025-06-11",
        None,
        "북한 조선중앙통신은 11일 북한이 전날(10일) 신형 전술탄도미사일 시험발사를 진행했다고 보도했다.",
        {"launch_date_local": "2025-06-10", "missile_class": "ballistic"},
    ),
    (
        "ko-rodong-15th-fired-14th",
        "ko",
        "2025-08-15",
        None,
        "노동신문은 15일 북한이 14일 극초음속미사일 1발을 시험발사했다고 전했다.",
        {"launch_date_local": "2025-08-14", "count": 1, "missile_class": "hypersonic"},
    ),
    (
        "ko-jeonnal-alone-after-report-day",
        "ko",
        "2025-09-03",
        None,
        "조선중앙통신은 3일 전날 순항미사일 발사훈련이 진행됐다고 밝혔다.",
        {"launch_date_local": "2025-09-02", "missile_class": "cruise"},
    ),
    (
        "en-kcna-said-thursday-tested-wednesday",
        "en",
        "2025-06-12",
        None,
        "North Korea's state media said on Thursday that the country had test-fired a new cruise missile on Wednesday.",
        {"launch_date_local": "2025-06-11", "missile_class": "cruise"},
    ),
    (
        "en-said-friday-the-previous-day",
        "en",
        "2025-06-13",
        None,
        "KCNA said on Friday that North Korea launched a hypersonic missile the previous day under the guidance "
        "of Kim Jong Un.",
        {"launch_date_local": "2025-06-12", "missile_class": "hypersonic"},
    ),
    (
        "en-reported-saturday-a-day-earlier",
        "en",
        "2025-06-14",
        None,
        "North Korea fired two short-range ballistic missiles a day earlier, state media reported on Saturday.",
        {"launch_date_local": "2025-06-13", "count": 2},
    ),
    (
        "en-said-monday-on-monday-is-same-day",
        "en",
        "2025-06-16",
        None,
        "South Korea's military said on Monday that North Korea fired a ballistic missile into the East Sea on "
        "Monday morning.",
        {"launch_date_local": "2025-06-16", "count": 1},
    ),
    (
        "ko-report-day-only-is-launch-day",
        "ko",
        "2025-06-20",
        None,
        "합참은 20일 북한이 오전 6시 10분께 동해상으로 단거리탄도미사일 1발을 발사했다고 밝혔다.",
        {"launch_date_local": "2025-06-20", "launch_times_local": ["06:10"], "count": 1},
    ),
    # --- four-digit GMT / UTC times --------------------------------------------------------------
    (
        "en-gmt-only-on-sunday",
        "en",
        "2025-09-15",
        None,
        "North Korea fired a ballistic missile at 2244 GMT on Sunday, South Korea's Joint Chiefs of Staff said.",
        {"launch_times_local": ["07:44"], "launch_date_local": "2025-09-15", "launch_utc": "2025-09-14T22:44:00Z"},
    ),
    (
        "en-local-then-gmt-in-parens-is-one-time",
        "en",
        "2025-10-02",
        None,
        "The missile was launched at 9:32 a.m. (0032 GMT) from near Pyongyang, the JCS said.",
        {"launch_times_local": ["09:32"], "launch_date_local": "2025-10-02", "launch_utc": "2025-10-02T00:32:00Z"},
    ),
    (
        "en-utc-time-same-day",
        "en",
        "2025-10-09",
        None,
        "North Korea launched two missiles at 0115 UTC, according to Japan's Defense Ministry.",
        {"launch_times_local": ["10:15"], "launch_utc": "2025-10-09T01:15:00Z", "count": 2},
    ),
    (
        "en-gmt-after-local-time-comma",
        "en",
        "2025-11-04",
        None,
        "The launch came at around 6:50 a.m. local time, or 2150 GMT on Monday, and the missile flew 300 km.",
        {"launch_times_local": ["06:50"], "launch_utc": "2025-11-03T21:50:00Z", "range_km": [300]},
    ),
    (
        "en-gmt-impact-time-is-no-launch",
        "en",
        "2025-11-12",
        None,
        "North Korea fired a ballistic missile at 8:05 a.m. that fell into the sea at 2320 GMT, Tokyo said.",
        {"launch_times_local": ["08:05"], "launch_utc": "2025-11-11T23:05:00Z"},
    ),
    (
        "en-gmt-window",
        "en",
        "2025-12-01",
        None,
        "The missiles were fired between 2301 and 2323 GMT on Sunday, the military said.",
        {"launch_times_local": ["08:01", "08:23"], "launch_date_local": "2025-12-01"},
    ),
    # --- claims in Japanese and Korean wire copy --------------------------------------------------
    (
        "ja-claims-jcs-range-mod-count",
        "ja",
        "2025-05-08",
        None,
        "北朝鮮は8日朝、弾道ミサイルを日本海に向けて発射した。韓国軍合同参謀本部によると、ミサイルは約600キロ飛行した。"
        "一方、日本の防衛省は少なくとも3発と発表した。",
        {"claims": {"jcs": (None, [600], []), "mod_jp": (3, [], [])}, "range_km": [600]},
    ),
    (
        "ja-claims-mod-apogee-jcs-range-and-count",
        "ja",
        "2025-05-20",
        None,
        "防衛省によると、北朝鮮は20日午前、弾道ミサイル1発を発射し、最高高度は約50キロだった。韓国軍合同参謀本部は、"
        "ミサイル2発が約350キロ飛行したと明らかにした。",
        {"claims": {"mod_jp": (1, [], [50]), "jcs": (2, [350], [])}},
    ),
    (
        "ja-claims-jcs-first-then-japan-government",
        "ja",
        "2025-06-02",
        None,
        "韓国軍は、北朝鮮が午前5時すぎに東部の元山付近から短距離弾道ミサイル数発を発射し、約400キロ飛行したと発表した。"
        "日本政府は、2発が日本の排他的経済水域の外に落下したとみている。",
        {"claims": {"jcs": (None, [400], []), "mod_jp": (2, [], [])}},
    ),
    (
        "ko-claims-jcs-range-mod-count",
        "ko",
        "2025-05-08",
        None,
        "북한이 8일 오전 동해상으로 탄도미사일을 발사했다. 합참에 따르면 미사일은 약 600㎞를 비행했다. "
        "일본 방위성은 최소 3발이 발사됐다고 밝혔다.",
        {"claims": {"jcs": (None, [600], []), "mod_jp": (3, [], [])}, "range_km": [600]},
    ),
    (
        "ko-claims-jcs-count-range-mod-apogee",
        "ko",
        "2025-05-21",
        None,
        "합참은 북한이 오늘 오전 7시 10분께 단거리탄도미사일 2발을 발사했으며 약 800㎞를 비행했다고 밝혔다. "
        "일본 방위성은 미사일의 최고고도가 약 100㎞였다고 발표했다.",
        {"claims": {"jcs": (2, [800], []), "mod_jp": (None, [], [100])}},
    ),
    (
        "ko-claims-japan-government-ilbon-jeongbu",
        "ko",
        "2025-07-09",
        None,
        "군 당국은 북한이 쏜 미사일 1발이 약 250㎞를 날아갔다고 밝혔다. 일본 정부는 미사일이 고도 약 50㎞로 약 300㎞를 "
        "비행했다고 발표했다.",
        {"claims": {"jcs": (1, [250], []), "mod_jp": (None, [300], [50])}},
    ),
    (
        "ko-single-authority-one-claim",
        "ko",
        "2025-07-15",
        None,
        "합참은 북한이 오늘 오전 8시께 평양 일대에서 탄도미사일 1발을 발사했으며 약 500㎞를 비행했다고 밝혔다.",
        {"claims": {"jcs": (1, [500], [])}, "range_km": [500], "count": 1},
    ),
    # --- itemized missiles ----------------------------------------------------------------------
    (
        "en-first-missile-second-about",
        "en",
        "2025-08-05",
        None,
        "North Korea fired two ballistic missiles on Tuesday morning, the JCS said. The first missile flew about "
        "350 km and the second about 400 km.",
        {"missiles": [(1, 350, None), (2, 400, None)], "range_km": [350, 400], "count": 2},
    ),
    (
        "en-first-one-second-one-with-apogee",
        "en",
        "2025-08-19",
        None,
        "Two missiles were launched from the Sunan area. The first one flew 600 km at an altitude of 90 km, while "
        "the second one flew 550 km at an altitude of 80 km.",
        {"missiles": [(1, 600, 90), (2, 550, 80)], "range_km": [600, 550], "apogee_km": [90, 80]},
    ),
    (
        "ko-cheot-beonjjae-du-beonjjae-one-sentence",
        "ko",
        "2025-08-06",
        None,
        "북한이 오늘 오전 동해상으로 단거리탄도미사일 2발을 발사했다. 첫 번째 미사일은 약 350㎞, 두 번째 미사일은 "
        "약 400㎞를 비행했다.",
        {"missiles": [(1, 350, None), (2, 400, None)], "range_km": [350, 400], "count": 2},
    ),
    (
        "ko-items-with-times",
        "ko",
        "2025-08-26",
        None,
        "합참은 북한이 오늘 탄도미사일 2발을 발사했다고 밝혔다. 첫 번째 미사일은 오전 7시 44분께 발사돼 약 350㎞를 "
        "비행했고, 두 번째 미사일은 오전 7시 59분께 발사돼 약 400㎞를 비행했다.",
        {
            "missiles": [(1, 350, None), (2, 400, None)],
            "range_km": [350, 400],
            "launch_times_local": ["07:44", "07:59"],
        },
    ),
    (
        "ko-circled-items",
        "ko",
        "2025-09-09",
        "jcs_kr",
        "합참은 오늘 북한이 발사한 탄도미사일 2발을 포착하였습니다.\n"
        "① 오전 6시 12분경 평양 일대에서 발사, 약 300㎞ 비행\n② 오전 6시 31분경 평양 일대에서 발사, 약 320㎞ 비행",
        {
            "missiles": [(1, 300, None), (2, 320, None)],
            "range_km": [300, 320],
            "launch_times_local": ["06:12", "06:31"],
        },
    ),
    (
        "ja-ippatsume-nihatsume",
        "ja",
        "2025-08-07",
        None,
        "北朝鮮は7日朝、弾道ミサイル2発を発射した。1発目は約350キロ、2発目は約400キロ飛行した。",
        {"missiles": [(1, 350, None), (2, 400, None)], "range_km": [350, 400], "count": 2},
    ),
    (
        "ja-ippatsume-with-apogee-sentences",
        "ja",
        "2025-08-21",
        None,
        "防衛省によると、北朝鮮は本日、弾道ミサイル2発を発射した。1発目は最高高度約50キロで約300キロ飛行した。"
        "2発目は最高高度約60キロで約350キロ飛行した。",
        {"missiles": [(1, 300, 50), (2, 350, 60)], "range_km": [300, 350], "apogee_km": [50, 60]},
    ),
    (
        "ja-mod-circled-items",
        "ja",
        "2025-09-10",
        "mod_jp",
        "北朝鮮は、本日、弾道ミサイル２発を東方向に発射しました。\n①１発目は、午前６時１２分頃、約３００ｋｍ飛翔しました。\n"
        "②２発目は、午前６時３１分頃、約３２０ｋｍ飛翔しました。",
        {
            "missiles": [(1, 300, None), (2, 320, None)],
            "range_km": [300, 320],
            "launch_times_local": ["06:12", "06:31"],
        },
    ),
    (
        "en-mod-english-numbered-items",
        "en",
        "2025-09-10",
        "mod_jp",
        "North Korea launched two ballistic missiles today.\n(1) The first missile was launched at around 6:12 a.m. "
        "and flew approximately 300 km.\n(2) The second missile was launched at around 6:31 a.m. and flew "
        "approximately 320 km.",
        {
            "missiles": [(1, 300, None), (2, 320, None)],
            "range_km": [300, 320],
            "launch_times_local": ["06:12", "06:31"],
        },
    ),
    # --- units ----------------------------------------------------------------------------------
    (
        "ko-mile",
        "ko",
        "2025-10-14",
        None,
        "북한이 오늘 오전 탄도미사일 1발을 발사했으며, 미사일은 약 300마일을 비행했다.",
        {"range_km": [482.8], "range_qualifier": "approx"},
    ),
    (
        "ko-nautical-mile",
        "ko",
        "2025-10-15",
        None,
        "북한이 오늘 동해상으로 순항미사일 2발을 발사했고 미사일은 약 400해리를 비행했다.",
        {"range_km": [740.8], "missile_class": "cruise", "count": 2},
    ),
    (
        "ko-cheon-yeo-km",
        "ko",
        "2025-10-16",
        None,
        "합참은 북한이 오늘 발사한 중거리탄도미사일 1발이 1천여km를 비행했다고 밝혔다.",
        {"range_km": [1000], "range_qualifier": "approx", "count": 1},
    ),
    (
        "ko-cheon-500-yeo-km",
        "ko",
        "2025-10-17",
        None,
        "북한이 쏜 미사일은 약 1천500여㎞를 비행한 뒤 동해상에 떨어졌다고 합참이 밝혔다.",
        {"range_km": [1500], "range_qualifier": "approx"},
    ),
    (
        "ja-kairi",
        "ja",
        "2025-10-18",
        None,
        "北朝鮮は18日、巡航ミサイル2発を発射し、ミサイルは約300海里を飛行した。",
        {"range_km": [555.6], "count": 2, "missile_class": "cruise"},
    ),
    (
        "ja-mile",
        "ja",
        "2025-10-19",
        None,
        "北朝鮮は19日、短距離弾道ミサイル1発を発射した。ミサイルは約200マイル飛行した。",
        {"range_km": [321.9], "count": 1},
    ),
    (
        "en-nautical-miles",
        "en",
        "2025-10-20",
        None,
        "The cruise missiles flew about 500 nautical miles before hitting a target island, the military said.",
        {"range_km": [926]},
    ),
    # --- launches named by their weapon, and what is no launch -----------------------------------
    (
        "en-tested-an-mlrs",
        "en",
        "2025-11-01",
        None,
        "North Korea tested a super-large multiple launch rocket system on Saturday morning, state media said.",
        {"is_launch_report": True, "missile_class": "mlrs", "launch_date_local": "2025-11-01"},
    ),
    (
        "en-mlrs-ballistic-control-is-mlrs",
        "en",
        "2025-11-05",
        None,
        "State media said the country tested a new ballistic control system for its 240 mm multiple rocket launcher "
        "shells through a test firing.",
        {"missile_class": "mlrs"},
    ),
    (
        "ja-mlrs-news-is-no-launch",
        "ja",
        "2025-11-06",
        None,
        "朝鮮中央通信は6日、金正恩総書記が放射砲の生産工場を視察したと報じた。",
        {"is_launch_report": False},
    ),
    (
        "ko-report-about-past-launch-anniversary-is-no-launch",
        "ko",
        "2025-11-07",
        None,
        "조선중앙통신은 7일 화성포-18형 시험발사 2주년을 맞아 기념 행사가 열렸다고 보도했다.",
        {"is_launch_report": False},
    ),
    (
        "ko-report-day-before-publication-jeonnal",
        "ko",
        "2025-06-12",
        None,
        "조선중앙통신은 11일 북한 미사일총국이 전날 신형 지대지 전술탄도미사일 2발을 시험사격했다고 보도했다.",
        {"launch_date_local": "2025-06-10", "count": 2},
    ),
    (
        "en-said-thursday-previous-day-published-friday",
        "en",
        "2025-06-13",
        None,
        "State media said on Thursday that the country had fired a new solid-fuel missile the previous day.",
        {"launch_date_local": "2025-06-11"},
    ),
    (
        "ja-report-day-before-publication-zenjitsu",
        "ja",
        "2025-06-13",
        None,
        "朝鮮中央通信は11日、北朝鮮が前日、新型の地対空ミサイルの発射実験を行ったと報じた。",
        {"launch_date_local": "2025-06-10", "missile_class": "anti_air"},
    ),
    (
        "en-pm-with-full-stop-ends-text",
        "en",
        "2025-07-22",
        None,
        "The missile was fired from an area near Sukchon, South Pyongan Province, at around 4:12 pm.",
        {"launch_times_local": ["16:12"], "launch_utc": "2025-07-22T07:12:00Z"},
    ),
    (
        "en-nuclear-capable-mlrs-tested",
        "en",
        "2025-01-02",
        None,
        "North Korea tested a nuclear-capable super-large multiple launch rocket system early in the morning, state "
        "media said.",
        {"is_launch_report": True, "missile_class": "mlrs"},
    ),
    (
        "en-capable-of-is-no-launch",
        "en",
        "2025-01-03",
        None,
        "State media said the new launcher is capable of firing missiles that can reach any target in the South.",
        {"is_launch_report": False},
    ),
    (
        "ja-claims-with-times-and-range",
        "ja",
        "2025-03-04",
        None,
        "韓国軍合同参謀本部によると、北朝鮮は4日午前6時50分ごろ、平壌付近から短距離弾道ミサイル2発を発射し、ミサイルは約300キロ"
        "飛行した。日本の防衛大臣は、最高高度は約70キロだったと述べた。",
        {
            "claims": {"jcs": (2, [300], []), "mod_jp": (None, [], [70])},
            "launch_times_local": ["06:50"],
            "count": 2,
        },
    ),
    (
        "ko-claims-japan-first-then-jcs",
        "ko",
        "2025-03-18",
        None,
        "일본 방위성에 따르면 북한은 이날 오전 탄도미사일 최소 2발을 발사했다. 합참은 미사일이 약 350㎞를 비행했다고 "
        "밝혔다.",
        {"claims": {"mod_jp": (2, [], []), "jcs": (None, [350], [])}, "count_qualifier": "at_least"},
    ),
    (
        "en-kst-time-gmt-list",
        "en",
        "2025-12-15",
        None,
        "North Korea fired three missiles at 6:10 a.m., 6:25 a.m. and 6:40 a.m. (2110, 2125 and 2140 GMT Sunday), the "
        "JCS said.",
        {"launch_times_local": ["06:10", "06:25", "06:40"], "launch_date_local": "2025-12-15", "count": 3},
    ),
    (
        "en-ap-style-date-and-gmt",
        "en",
        "2025-12-08",
        None,
        "SEOUL, Dec. 8 - North Korea launched a short-range ballistic missile at 7:10 a.m. (2210 GMT Sunday), "
        "South Korea's military said, in its first launch in a month.",
        {"launch_times_local": ["07:10"], "launch_date_local": "2025-12-08", "launch_utc": "2025-12-07T22:10:00Z"},
    ),
]


@pytest.mark.parametrize(("case", "lang", "published", "source", "text", "expected"), CASES, ids=[c[0] for c in CASES])
def test_wire_claims_statement(case, lang, published, source, text, expected):
    assert_statement(text, lang, published, source, expected)


def test_at_least_forty_five_varied_cases_in_all_three_languages():
    langs = [c[1] for c in CASES]
    assert len(CASES) >= 45 and all(langs.count(code) >= 12 for code in ("ja", "ko", "en"))
    assert len({c[4] for c in CASES}) == len(CASES)
