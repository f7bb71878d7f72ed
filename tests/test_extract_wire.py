"""Wire and broadcast wording: news-agency and TV reports of launches in Korean, Japanese and
English (headlines with ellipses and quotes, 합참은 "..."고 밝혔다, 防衛省によりますと, "(2244 GMT)",
miles beside kilometers), and the ministries' own English. Every text was written for these
tests in those styles; none is copied from a real report.

Each case lists only the fields its text states or must leave empty; a field left out of a
case is not checked by it.
"""

from __future__ import annotations

import pytest
from test_extract_heldout import assert_statement

# (case id, lang, published, source, text, expected fields)
CASES: list[tuple[str, str, str, str | None, str, dict]] = [
    # --- Korean wire and TV ----------------------------------------------------------------
    (
        "ko-headline-ellipsis-quote-then-body",
        "ko",
        "2025-03-10",
        None,
        '북한, 동해상으로 탄도미사일 발사…합참 "비행거리 약 350km"\n'
        '합동참모본부는 10일 "우리 군은 오늘 오전 7시44분께 북한이 평양 순안 일대에서 동해상으로 발사한 '
        '단거리탄도미사일 1발을 포착했다"고 밝혔다. 합참은 "북한 미사일은 약 350km를 비행했으며 세부 제원은 '
        '한미 정보당국이 정밀 분석 중"이라고 덧붙였다.',
        {
            "launch_times_local": ["07:44"],
            "launch_date_local": "2025-03-10",
            "launch_utc": "2025-03-09T22:44:00Z",
            "count": 1,
            "range_km": [350],
            "range_qualifier": "approx",
            "launch_site": "sunan",
            "launch_area": "평양 순안 일대",
            "landing": "sea_of_japan",
            "missile_class": "ballistic",
        },
    ),
    (
        "ko-jjeum-dongchang-ri-west-sea-speed",
        "ko",
        "2025-04-02",
        None,
        "북한이 오늘 새벽 5시 20분쯤 평안북도 동창리 일대에서 서해상으로 탄도미사일 2발을 쐈다고 합참이 밝혔다. "
        "미사일의 비행거리는 약 600km, 정점고도는 약 60km, 비행속도는 마하 5 수준으로 탐지됐다.",
        {
            "launch_times_local": ["05:20"],
            "count": 2,
            "range_km": [600],
            "apogee_km": [60],
            "speed_mach": 5,
            "launch_site": "sohae",
            "landing": "yellow_sea",
        },
    ),
    (
        "ko-military-authorities-subal-northeast",
        "ko",
        "2025-04-05",
        None,
        '군 당국은 "북한이 오늘 오후 2시10분경 강원도 원산 일대에서 북동쪽 동해상으로 단거리탄도미사일 수발을 '
        '발사했다"고 밝혔다.',
        {
            "launch_times_local": ["14:10"],
            "count": None,
            "count_qualifier": "multiple",
            "launch_site": "wonsan",
            "direction": "북동쪽",
            "bearing_deg": 45,
            "landing": "sea_of_japan",
        },
    ),
    (
        "ko-sinpo-sea-slbm-apogee-with-ro",
        "ko",
        "2025-04-20",
        None,
        "북한이 오늘 오전 10시 15분께 함경남도 신포 해상에서 잠수함발사탄도미사일(SLBM) 1발을 동해상으로 "
        "발사했다고 합동참모본부가 밝혔다. 합참에 따르면 미사일은 고도 약 50km로 약 400km를 비행했다.",
        {
            "launch_times_local": ["10:15"],
            "count": 1,
            "range_km": [400],
            "apogee_km": [50],
            "missile_class": "slbm",
            "launch_site": "sinpo",
        },
    ),
    (
        "ko-japan-defense-ministry-quoted",
        "ko",
        "2025-05-06",
        None,
        "북한이 오늘 오후 4시 30분쯤 평양 일대에서 동해상으로 중거리급 탄도미사일 1발을 발사했다. "
        "일본 방위성은 이 미사일이 최고고도 약 100km로 약 1,000km를 비행한 뒤 일본 배타적경제수역(EEZ) 밖에 "
        "낙하한 것으로 추정된다고 밝혔다.",
        {
            "launch_times_local": ["16:30"],
            "range_km": [1000],
            "apogee_km": [100],
            "eez": "outside",
            "launch_site": "pyongyang",
            "claims": {"mod_jp": (None, [1000], [100])},
        },
    ),
    (
        "ko-icbm-cheon-numbers-lofted",
        "ko",
        "2025-06-02",
        None,
        '합참은 "북한이 오늘 오전 8시 24분께 평양 일대에서 동해상으로 장거리탄도미사일(ICBM) 1발을 고각으로 '
        '발사했다"며 "미사일은 약 1천km를 비행했고 정점고도는 6천km 이상"이라고 밝혔다.',
        {
            "launch_times_local": ["08:24"],
            "range_km": [1000],
            "apogee_km": [6000],
            "apogee_qualifier": "at_least",
            "missile_class": "icbm",
            "launch_site": "pyongyang",
        },
    ),
    (
        "ko-two-times-kke-wa",
        "ko",
        "2025-06-11",
        None,
        '합동참모본부는 "우리 군은 오늘 오전 6시 5분께와 6시 20분께 북한이 함경남도 함흥 일대에서 동해상으로 '
        '발사한 단거리탄도미사일 2발을 포착했다"고 밝혔다. 미사일은 각각 약 300km를 비행한 것으로 분석됐다.',
        {
            "launch_times_local": ["06:05", "06:20"],
            "count": 2,
            "range_km": [300],
            "launch_site": "hamhung",
        },
    ),
    (
        "ko-breaking-headline-only",
        "ko",
        "2025-06-20",
        None,
        "[속보] 북한, 동해상으로 미상 탄도미사일 발사",
        {
            "stage": "flash",
            "launch_date_local": "2025-06-20",
            "launch_times_local": [],
            "count": None,
            "range_km": [],
            "missile_class": "ballistic",
            "landing": "sea_of_japan",
        },
    ),
    (
        "ko-window-jjeum-yeoreo-bal",
        "ko",
        "2025-07-01",
        None,
        "합참은 북한이 오늘 오후 1시 1분쯤부터 1시 20분쯤까지 황해북도 황주 일대에서 동해상으로 "
        "단거리탄도미사일 여러 발을 발사했다고 밝혔다.",
        {
            "launch_times_local": ["13:01", "13:20"],
            "count": None,
            "count_qualifier": "multiple",
            "launch_site": "hwangju",
        },
    ),
    (
        "ko-cruise-yellow-sea-hour-only",
        "ko",
        "2025-07-08",
        None,
        "군 당국은 북한이 오늘 오전 9시께 평안남도 온천 일대에서 서해상으로 순항미사일 여러 발을 발사한 정황을 "
        "포착했다고 밝혔다.",
        {
            "launch_times_local": ["09:00"],
            "missile_class": "cruise",
            "landing": "yellow_sea",
            "launch_site": "onchon",
            "count_qualifier": "multiple",
        },
    ),
    (
        "ko-yeo-km-with-space-and-highest-altitude",
        "ko",
        "2025-07-15",
        None,
        "합참은 북한이 오늘 오전 11시 3분께 평안북도 구성 일대에서 탄도미사일 1발을 북동쪽으로 발사했다고 "
        "밝혔다. 북한 미사일은 400여 km를 비행했으며 최고고도는 약 40km로 탐지됐다.",
        {
            "launch_times_local": ["11:03"],
            "range_km": [400],
            "range_qualifier": "approx",
            "apogee_km": [40],
            "launch_site": "kusong",
            "bearing_deg": 45,
        },
    ),
    (
        "ko-last-night-time",
        "ko",
        "2025-05-02",
        None,
        "북한이 어젯밤 11시 40분께 평양 순안 일대에서 동해상으로 탄도미사일 1발을 발사했다고 합참이 2일 밝혔다.",
        {
            "launch_times_local": ["23:40"],
            "launch_date_local": "2025-05-01",
            "launch_site": "sunan",
            "count": 1,
        },
    ),
    (
        "ko-hangul-count-two-and-half-hour",
        "ko",
        "2025-08-03",
        None,
        "북한이 오늘 아침 7시 반께 평안남도 숙천 일대에서 동해상으로 단거리탄도미사일 두 발을 발사했다. "
        "합참은 두 미사일이 모두 약 250km를 날아갔다고 설명했다.",
        {
            "launch_times_local": ["07:30"],
            "count": 2,
            "launch_site": "sukchon",
            "range_km": [250],
        },
    ),
    (
        "ko-jcs-and-japan-claims",
        "ko",
        "2025-08-10",
        None,
        "북한이 오늘 오전 6시 30분께 평양 일대에서 동해상으로 탄도미사일을 발사했다. 합참은 북한 미사일이 약 "
        "600km를 비행했다고 밝혔다. 일본 방위성은 최소 2발이 발사됐으며 최고고도는 약 50km라고 밝혔다.",
        {
            "launch_times_local": ["06:30"],
            "range_km": [600],
            "apogee_km": [50],
            "count": 2,
            "count_qualifier": "at_least",
            "claims": {"jcs": (None, [600], []), "mod_jp": (2, [], [50])},
        },
    ),
    (
        "ko-jangyon-three",
        "ko",
        "2025-08-20",
        "jcs_kr",
        '합참은 "북한이 오늘 오전 6시 14분께 황해남도 장연 일대에서 동해상으로 발사한 단거리탄도미사일 3발을 '
        '포착했다"고 밝혔다.',
        {"launch_times_local": ["06:14"], "count": 3, "launch_site": "jangyon", "authority": "jcs"},
    ),
    (
        "ko-kilometer-word-nalaga",
        "ko",
        "2025-09-01",
        None,
        "북한이 오늘 오후 3시 5분께 평안북도 정주 일대에서 탄도미사일 1발을 동해상으로 쐈다. "
        "미사일은 약 800킬로미터를 날아간 것으로 파악됐다.",
        {"launch_times_local": ["15:05"], "range_km": [800], "launch_site": "chongju"},
    ),
    (
        "ko-possible-future-launch-is-not-a-report",
        "ko",
        "2025-09-03",
        None,
        "군 당국은 북한이 조만간 탄도미사일을 추가로 발사할 가능성이 있다고 보고 대비태세를 강화하고 있다.",
        {"is_launch_report": False},
    ),
    (
        "ko-no-space-time-without-am",
        "ko",
        "2025-09-12",
        None,
        "합동참모본부에 따르면 북한은 오늘 7시44분쯤 평양국제비행장 일대에서 동해상으로 탄도미사일 1발을 "
        "발사했다. 미사일은 정점고도 약 50km로 350여km를 비행했다.",
        {
            "launch_times_local": ["07:44"],
            "launch_site": "sunan",
            "range_km": [350],
            "apogee_km": [50],
        },
    ),
    (
        "ko-thousands-with-hundreds",
        "ko",
        "2025-10-01",
        None,
        "합참은 북한이 오늘 새벽 3시 17분께 평안남도 평성 일대에서 동해상으로 장거리탄도미사일 1발을 발사했다며 "
        "최고고도는 4천500km, 비행거리는 약 960km로 탐지됐다고 밝혔다.",
        {
            "launch_times_local": ["03:17"],
            "apogee_km": [4500],
            "range_km": [960],
            "launch_site": "pyongsong",
            "missile_class": "icbm",
        },
    ),
    (
        "ko-top-speed-mach-decimal",
        "ko",
        "2025-10-12",
        None,
        '합참은 "북한이 오늘 오전 5시 34분께 함경남도 함흥 일대에서 동해상으로 발사한 단거리탄도미사일 '
        '1발을 포착했다"며 "고도는 약 48km, 비행거리는 400여km, 최대속도는 마하 6.1 이상으로 탐지됐다"고 밝혔다.',
        {
            "launch_times_local": ["05:34"],
            "apogee_km": [48],
            "range_km": [400],
            "speed_mach": 6.1,
        },
    ),
    (
        "ko-flight-time-hours",
        "ko",
        "2025-10-31",
        None,
        "북한이 오늘 오전 7시 11분께 평양 일대에서 동해상으로 장거리탄도미사일 1발을 발사했다. 합참은 미사일이 "
        "약 86분간 비행했다고 밝혔다.",
        {"launch_times_local": ["07:11"], "flight_minutes": 86, "missile_class": "icbm"},
    ),
    (
        "ko-eez-bakkat-japan-landing",
        "ko",
        "2025-11-05",
        None,
        "일본 방위성은 북한이 오늘 오전 7시 30분께 발사한 탄도미사일이 일본 배타적경제수역(EEZ) 바깥에 떨어진 "
        "것으로 보인다고 밝혔다.",
        {"launch_times_local": ["07:30"], "eez": "outside", "missile_class": "ballistic"},
    ),
    # --- Japanese wire and TV --------------------------------------------------------------
    (
        "ja-nhk-according-to-mod-kiro-oyoso",
        "ja",
        "2025-03-10",
        None,
        "防衛省によりますと、北朝鮮はきょう午前7時44分ごろ、北朝鮮の西岸付近から弾道ミサイル1発を東の方向に"
        "発射しました。ミサイルは最高高度およそ50キロで、およそ350キロ飛行し、日本のEEZ=排他的経済水域の外側の"
        "日本海に落下したとみられます。",
        {
            "launch_times_local": ["07:44"],
            "launch_date_local": "2025-03-10",
            "count": 1,
            "range_km": [350],
            "range_qualifier": "approx",
            "apogee_km": [50],
            "eez": "outside",
            "landing": "sea_of_japan",
            "bearing_deg": 90,
        },
    ),
    (
        "ja-kyodo-seoul-sunan-two",
        "ja",
        "2025-03-12",
        None,
        "【ソウル共同】韓国軍合同参謀本部は12日、北朝鮮が同日午前6時15分ごろ、平壌郊外の順安付近から日本海に"
        "向けて短距離弾道ミサイル2発を発射したと明らかにした。飛行距離は約600キロ。",
        {
            "launch_times_local": ["06:15"],
            "launch_date_local": "2025-03-12",
            "count": 2,
            "range_km": [600],
            "launch_site": "sunan",
            "landing": "sea_of_japan",
        },
    ),
    (
        "ja-kanji-count-two",
        "ja",
        "2025-03-20",
        None,
        "北朝鮮は20日午前8時ごろ、北朝鮮東岸付近から弾道ミサイル二発を北東方向に発射した。",
        {"count": 2, "launch_times_local": ["08:00"], "bearing_deg": 45},
    ),
    (
        "ja-jiji-several-kanji",
        "ja",
        "2025-03-25",
        None,
        "北朝鮮が日本海に向けて弾道ミサイル数発を発射したもようだ。防衛省が詳しい情報を分析している。",
        {"count": None, "count_qualifier": "multiple", "missile_class": "ballistic", "landing": "sea_of_japan"},
    ),
    (
        "ja-half-hour-goro-afternoon",
        "ja",
        "2025-04-12",
        None,
        "北朝鮮は12日午後3時半ごろ、内陸部から弾道ミサイル1発を東方向に発射した。ミサイルは約1500キロメートル"
        "飛行し、日本海に落下した。",
        {"launch_times_local": ["15:30"], "range_km": [1500], "count": 1},
    ),
    (
        "ja-minister-told-reporters-goroni",
        "ja",
        "2025-04-15",
        None,
        "中谷防衛相は記者団に対し、北朝鮮が同日午前8時10分ごろに内陸部から発射した弾道ミサイルは少なくとも1発で、"
        "最高高度は約100キロ、飛行距離は約1100キロと推定されると述べた。",
        {
            "launch_times_local": ["08:10"],
            "count": 1,
            "count_qualifier": "at_least",
            "apogee_km": [100],
            "range_km": [1100],
        },
    ),
    (
        "ja-kanji-thousand-kiro",
        "ja",
        "2025-04-22",
        None,
        "防衛省によると、北朝鮮は22日午前9時40分ごろ、平壌付近から弾道ミサイル1発を発射し、ミサイルは約1千キロ"
        "飛行して日本海の排他的経済水域(EEZ)内に落下したとみられる。",
        {
            "launch_times_local": ["09:40"],
            "range_km": [1000],
            "eez": "inside",
            "launch_site": "pyongyang",
        },
    ),
    (
        "ja-tv-headline-eez-outside-question",
        "ja",
        "2025-05-01",
        None,
        "北朝鮮が弾道ミサイル発射 EEZ外に落下か",
        {"eez": "outside", "missile_class": "ballistic", "launch_times_local": [], "count": None},
    ),
    (
        "ja-two-times-same-hour-dou",
        "ja",
        "2025-05-15",
        None,
        "防衛省は15日、北朝鮮が同日午後0時32分頃と同37分頃、同国内陸部から東方向の日本海に向けて少なくとも2発の"
        "弾道ミサイルを発射したと発表した。ミサイルは変則的な軌道で約750キロ飛行した。",
        {
            "launch_times_local": ["12:32", "12:37"],
            "count": 2,
            "count_qualifier": "at_least",
            "range_km": [750],
        },
    ),
    (
        "ja-kanji-count-one",
        "ja",
        "2025-05-20",
        None,
        "北朝鮮は20日午前10時ごろ、弾道ミサイル一発を日本海に向けて発射した。",
        {"count": 1, "launch_times_local": ["10:00"], "landing": "sea_of_japan"},
    ),
    (
        "ja-shinpo-slbm-possibility",
        "ja",
        "2025-06-01",
        None,
        "防衛省によりますと、北朝鮮はきょう午前10時17分ごろ、新浦付近の海上から潜水艦発射弾道ミサイルの可能性が"
        "ある弾道ミサイル1発を発射しました。",
        {"launch_times_local": ["10:17"], "launch_site": "sinpo", "missile_class": "ballistic", "count": 1},
    ),
    (
        "ja-flight-distance-koko-wa",
        "ja",
        "2025-06-05",
        None,
        "北朝鮮は5日午前5時ごろ、北朝鮮西岸付近から弾道ミサイル1発を発射した。防衛省によると、飛行距離はおよそ"
        "350キロ、最高高度はおよそ50キロで、日本のEEZの外に落下したとみられる。",
        {"range_km": [350], "apogee_km": [50], "eez": "outside"},
    ),
    (
        "ja-at-least-two-kanji",
        "ja",
        "2025-06-10",
        None,
        "防衛相は、北朝鮮が10日午前に少なくとも二発の弾道ミサイルを発射したと明らかにした。",
        {"count": 2, "count_qualifier": "at_least"},
    ),
    (
        "ja-beijing-japan-time",
        "ja",
        "2025-07-04",
        None,
        "【北京共同】北朝鮮は日本時間4日午前9時40分ごろ、北西部の亀城付近から日本海に向け弾道ミサイルを発射した。"
        "防衛省によると約40分飛行し、秋田県沖約300キロの日本海に落下した。",
        {
            "launch_times_local": ["09:40"],
            "launch_site": "kusong",
            "flight_minutes": 40,
            "range_km": [],
        },
    ),
    (
        "ja-hiragana-koro",
        "ja",
        "2025-07-10",
        None,
        "北朝鮮は10日午前10時ころ、平壌近郊から弾道ミサイル1発を北東方向に発射した。飛距離は約250キロ。",
        {"launch_times_local": ["10:00"], "range_km": [250], "launch_site": "pyongyang"},
    ),
    (
        "ja-possible-launch-is-not-a-report",
        "ja",
        "2025-07-15",
        None,
        "防衛省は、北朝鮮が近く弾道ミサイルを発射する可能性があるとみて警戒を続けている。",
        {"is_launch_report": False},
    ),
    (
        "ja-over-aomori-to-pacific",
        "ja",
        "2025-08-04",
        None,
        "北朝鮮は4日午前7時22分ごろ弾道ミサイル1発を発射し、ミサイルは青森県の上空を通過しておよそ4600キロ飛行し、"
        "太平洋に落下したとみられる。",
        {"launch_times_local": ["07:22"], "range_km": [4600], "landing": "pacific"},
    ),
    (
        "ja-apogee-at-most-kiro",
        "ja",
        "2025-08-09",
        None,
        "浜田防衛相は9日、北朝鮮が西岸付近から弾道ミサイル1発を東方向に発射し、日本のEEZ外に落下したと明らかにした。"
        "最高高度は約50キロ以下で、約250キロ飛行したとみられる。",
        {
            "apogee_km": [50],
            "apogee_qualifier": "at_most",
            "range_km": [250],
            "eez": "outside",
            "count": 1,
        },
    ),
    (
        "ja-noon-goro",
        "ja",
        "2025-09-06",
        None,
        "韓国軍によると、北朝鮮は6日正午ごろ、平壌付近から日本海に向けて中距離級の弾道ミサイル1発を発射した。",
        {"launch_times_local": ["12:00"], "launch_site": "pyongyang", "count": 1},
    ),
    (
        "ja-kiro-meter-with-dot",
        "ja",
        "2025-09-15",
        None,
        "北朝鮮は15日午後0時32分頃、弾道ミサイル1発を発射した。ミサイルの飛行距離は約750キロ・メートル、"
        "最高高度は約50キロ・メートルだった。",
        {"launch_times_local": ["12:32"], "range_km": [750], "apogee_km": [50]},
    ),
    (
        "ja-korean-military-and-mod-claims",
        "ja",
        "2025-10-02",
        None,
        "北朝鮮は2日午前6時50分ごろ、弾道ミサイルを発射した。韓国軍合同参謀本部によると飛行距離は約600キロ。"
        "防衛省は、少なくとも2発が発射され、最高高度は約100キロと発表した。",
        {
            "launch_times_local": ["06:50"],
            "claims": {"jcs": (None, [600], []), "mod_jp": (2, [], [100])},
        },
    ),
    (
        "ja-two-full-times-with-goro",
        "ja",
        "2025-10-20",
        None,
        "北朝鮮は20日午前7時44分ごろと午前7時59分ごろ、東岸付近から弾道ミサイル2発を北東方向に発射した。",
        {"launch_times_local": ["07:44", "07:59"], "count": 2, "bearing_deg": 45},
    ),
    # --- English wire ----------------------------------------------------------------------
    (
        "en-reuters-gmt-in-parentheses",
        "en",
        "2025-03-10",
        None,
        "SEOUL, March 10 (Reuters) - North Korea fired a ballistic missile off its east coast on Monday, South "
        "Korea's Joint Chiefs of Staff (JCS) said. The missile was launched from the Sunan area of Pyongyang at "
        "around 7:44 a.m. (2244 GMT) and flew about 350 km (217 miles), the JCS said.",
        {
            "launch_times_local": ["07:44"],
            "launch_date_local": "2025-03-10",
            "launch_utc": "2025-03-09T22:44:00Z",
            "range_km": [350],
            "count": 1,
            "launch_site": "sunan",
            "missile_class": "ballistic",
        },
    ),
    (
        "en-ap-miles-first-km-in-parentheses",
        "en",
        "2025-03-13",
        None,
        "North Korea test-fired two short-range ballistic missiles toward its eastern waters Thursday, South "
        "Korea's military said. The missiles flew about 370 miles (600 kilometers) before landing in the sea "
        "between the Korean Peninsula and Japan, the Joint Chiefs of Staff said.",
        {
            "count": 2,
            "range_km": [600],
            "missile_class": "ballistic",
            "landing": "sea_of_japan",
            "launch_date_local": "2025-03-13",
        },
    ),
    (
        "en-what-appeared-to-be-coast-guard-minister",
        "en",
        "2025-03-19",
        None,
        "North Korea launched what appeared to be a ballistic missile early Wednesday, Japan's Coast Guard said, "
        "adding that the projectile seemed to have fallen outside Japan's exclusive economic zone. Japanese Defense "
        "Minister Gen Nakatani told reporters the missile reached an altitude of about 50 km and flew some 400 km.",
        {
            "count": 1,
            "missile_class": "ballistic",
            "eez": "outside",
            "apogee_km": [50],
            "range_km": [400],
            "claims": {"mod_jp": (None, [400], [50])},
        },
    ),
    (
        "en-yonhap-several-up-to",
        "en",
        "2025-05-08",
        "yonhap_en",
        "SEOUL, May 8 (Yonhap) -- North Korea fired several short-range ballistic missiles into the East Sea on "
        "Thursday, the Joint Chiefs of Staff (JCS) said. The missiles were launched from the Wonsan area in "
        "Kangwon Province at around 8:10 a.m. and flew up to 800 km, the JCS said.",
        {
            "count": None,
            "count_qualifier": "multiple",
            "launch_times_local": ["08:10"],
            "launch_site": "wonsan",
            "range_km": [800],
            "range_qualifier": "at_most",
            "landing": "sea_of_japan",
        },
    ),
    (
        "en-afp-barrage",
        "en",
        "2025-05-14",
        None,
        "North Korea fired a barrage of short-range ballistic missiles into the sea off its east coast on "
        "Wednesday, Seoul said, the latest in a string of launches this year.",
        {"count": None, "count_qualifier": "multiple", "missile_class": "ballistic"},
    ),
    (
        "en-unidentified-ballistic-missile",
        "en",
        "2025-05-18",
        None,
        "North Korea fired an unidentified ballistic missile into the East Sea on Sunday, South Korea's military "
        "said, without giving further details.",
        {"count": 1, "missile_class": "ballistic", "landing": "sea_of_japan", "launch_date_local": "2025-05-18"},
    ),
    (
        "en-nknews-two-authorities",
        "en",
        "2025-05-27",
        None,
        "North Korea launched ballistic missiles from near Pyongyang on Tuesday morning. South Korea's Joint Chiefs "
        "of Staff said the missiles flew about 600 km. Japan's Defense Ministry said at least two missiles reached "
        "a maximum altitude of 100 km.",
        {
            "range_km": [600],
            "apogee_km": [100],
            "claims": {"jcs": (None, [600], []), "mod_jp": (2, [], [100])},
        },
    ),
    (
        "en-afternoon-gmt",
        "en",
        "2025-06-04",
        None,
        "North Korea launched a short-range ballistic missile from the Hwangju area at 3:01 p.m. (0601 GMT) on "
        "Wednesday, the South's Joint Chiefs of Staff said.",
        {
            "launch_times_local": ["15:01"],
            "launch_utc": "2025-06-04T06:01:00Z",
            "launch_site": "hwangju",
            "count": 1,
        },
    ),
    (
        "en-local-time-then-utc",
        "en",
        "2025-06-14",
        None,
        "The missile was fired at 11:05 p.m. local time (1405 UTC) from an area near Kusong, South Korea's military "
        "said, and flew around 450 km.",
        {
            "launch_times_local": ["23:05"],
            "launch_utc": "2025-06-14T14:05:00Z",
            "launch_site": "kusong",
            "range_km": [450],
        },
    ),
    (
        "en-jcs-english-release",
        "en",
        "2025-06-20",
        None,
        "The Joint Chiefs of Staff announced that North Korea launched one short-range ballistic missile toward the "
        "East Sea from the vicinity of Jangyon, South Hwanghae Province, at approximately 6:14 a.m. today. The "
        "missile flew about 380 km.",
        {
            "launch_times_local": ["06:14"],
            "launch_date_local": "2025-06-20",
            "launch_site": "jangyon",
            "range_km": [380],
            "count": 1,
        },
    ),
    (
        "en-mod-english-at-least-one",
        "en",
        "2025-06-25",
        "mod_jp",
        "At around 7:44 a.m. today, North Korea launched at least one ballistic missile from the vicinity of Sunan "
        "toward the east. It flew approximately 350 km at a maximum altitude of approximately 50 km and is estimated "
        "to have fallen outside Japan's EEZ in the Sea of Japan.",
        {
            "launch_times_local": ["07:44"],
            "count": 1,
            "count_qualifier": "at_least",
            "range_km": [350],
            "apogee_km": [50],
            "eez": "outside",
            "landing": "sea_of_japan",
            "bearing_deg": 90,
        },
    ),
    (
        "en-indopacom-number-free",
        "en",
        "2025-07-02",
        "indopacom",
        "U.S. Indo-Pacific Command is aware of the ballistic missile launch by the DPRK and is consulting closely "
        "with the Republic of Korea and Japan. While this event does not pose an immediate threat to U.S. "
        "personnel or territory, it highlights the destabilizing impact of the DPRK's illicit weapons programs.",
        {
            "launch_times_local": [],
            "launch_utc": None,
            "count": None,
            "range_km": [],
            "apogee_km": [],
            "missile_class": "ballistic",
        },
    ),
    (
        "en-miles-only",
        "en",
        "2025-07-09",
        None,
        "The missile, launched from near Sinpo, flew roughly 217 miles before splashing down in the Sea of Japan, "
        "Japan's Defense Ministry said.",
        {"range_km": [349.2], "launch_site": "sinpo", "landing": "sea_of_japan"},
    ),
    (
        "en-altitude-with-miles-in-parentheses",
        "en",
        "2025-07-16",
        None,
        "North Korea fired a ballistic missile on Wednesday that reached an altitude of 50 km (31 miles) and flew "
        "roughly 300 km (186 miles), according to Japan's defense ministry.",
        {"apogee_km": [50], "range_km": [300], "count": 1},
    ),
    (
        "en-several-cruise-yellow-sea",
        "en",
        "2025-07-22",
        None,
        "North Korea fired several cruise missiles over the Yellow Sea early Tuesday, South Korea's military said.",
        {"count": None, "count_qualifier": "multiple", "missile_class": "cruise", "landing": "yellow_sea"},
    ),
    (
        "en-window-with-gmt-window",
        "en",
        "2025-08-01",
        None,
        "The missiles were launched from the Sunan area between 6:01 and 6:23 a.m. (2101-2123 GMT), the JCS said.",
        {
            "launch_times_local": ["06:01", "06:23"],
            "launch_utc": "2025-07-31T21:01:00Z",
            "launch_site": "sunan",
        },
    ),
    (
        "en-quoted-jcs-text-message",
        "en",
        "2025-08-07",
        None,
        '"North Korea fired a ballistic missile from the Sinpo area into the East Sea at around 10:15 a.m.," the '
        "JCS said in a text message to reporters.",
        {"launch_times_local": ["10:15"], "launch_site": "sinpo", "count": 1, "landing": "sea_of_japan"},
    ),
    (
        "en-hypersonic-what-appeared",
        "en",
        "2025-08-12",
        None,
        "North Korea fired what appeared to be a hypersonic intermediate-range ballistic missile from the "
        "Pyongyang area at around 12:01 p.m. on Tuesday, Seoul's military said.",
        {"launch_times_local": ["12:01"], "missile_class": "hypersonic", "launch_site": "pyongyang"},
    ),
    (
        "en-warning-is-not-a-launch",
        "en",
        "2025-08-18",
        None,
        "South Korea's military warned that North Korea could fire a ballistic missile in the coming days and "
        "said it was closely watching the North's moves.",
        {"is_launch_report": False},
    ),
    (
        "en-nautical-miles",
        "en",
        "2025-08-25",
        None,
        "Japan's Defense Ministry said the missile launched at about 9:10 a.m. flew roughly 190 nautical miles "
        "before falling outside the country's exclusive economic zone.",
        {"launch_times_local": ["09:10"], "range_km": [351.9], "eez": "outside"},
    ),
    (
        "en-apogee-speed-mach",
        "en",
        "2025-09-02",
        None,
        "South Korea's Joint Chiefs of Staff said the missile, fired from the Pyongyang area at 7:11 a.m., flew "
        "about 1,000 km at an apogee of about 100 km, reaching a top speed of Mach 10.",
        {"launch_times_local": ["07:11"], "range_km": [1000], "apogee_km": [100], "speed_mach": 10},
    ),
    (
        "en-two-shot-times-afternoon",
        "en",
        "2025-09-10",
        None,
        "North Korea fired two short-range ballistic missiles at 12:32 p.m. and 12:37 p.m. from an inland area, "
        "Japan's Defense Ministry said. Both fell into the Sea of Japan.",
        {"launch_times_local": ["12:32", "12:37"], "count": 2, "landing": "sea_of_japan"},
    ),
    (
        "en-two-times-two-gmt-times",
        "en",
        "2025-09-15",
        None,
        "North Korea fired two ballistic missiles at 7:44 a.m. and 7:59 a.m. (2244 and 2259 GMT) on Monday, the JCS "
        "said.",
        {"launch_times_local": ["07:44", "07:59"], "launch_utc": "2025-09-14T22:44:00Z", "count": 2},
    ),
    (
        "en-kst-label-and-yesterday",
        "en",
        "2025-09-21",
        None,
        "North Korea launched a ballistic missile from the Sunan area at 11:13 p.m. KST yesterday, South Korea's "
        "military said, and it flew about 700 km.",
        {
            "launch_times_local": ["23:13"],
            "launch_date_local": "2025-09-20",
            "launch_utc": "2025-09-20T14:13:00Z",
            "range_km": [700],
        },
    ),
]


@pytest.mark.parametrize(("case", "lang", "published", "source", "text", "expected"), CASES, ids=[c[0] for c in CASES])
def test_wire_statement(case, lang, published, source, text, expected):
    assert_statement(text, lang, published, source, expected)


def test_at_least_sixty_varied_cases_in_all_three_languages():
    langs = [c[1] for c in CASES]
    assert len(CASES) >= 60 and all(langs.count(code) >= 18 for code in ("ja", "ko", "en"))
    assert len({c[4] for c in CASES}) == len(CASES)
