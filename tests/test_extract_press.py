"""Press and broadcast reports of launches: Korean newspapers, agencies and TV news (anchor lead, reporter
package, 군 당국에 따르면, 쏘아 올렸다, 고각 발사, 정점고도, 천/만 numbers, ㎞), Japanese newspapers
(防衛省によると, 発表した, 落下したとみられる, ロフテッド軌道, 漢数字 headlines, the prime minister's remarks to
reporters) and English newspapers and broadcasters (Pyongyang fired, its Nth this year, lofted trajectory,
km with miles in brackets, apogee, a suspected ..., what Seoul described as, GMT times beside local ones).

The press adds what official releases do not: the year's tally, reference distances, capability claims,
impact and briefing times, quotes from several authorities. None of it may become this launch's fields.
A lofted flight keeps its large apogee and its short range each in its own field.

Every text is written for this module; the facts follow the reporting of real launches.
"""

from __future__ import annotations

import pytest
from test_extract_heldout import assert_statement

NO_LAUNCH = {"is_launch_report": False}

# (case id, lang, published, text, expected fields); the press has no source module, so source is None.
CASES: list[tuple[str, str, str, str, dict]] = [
    # --- Korean newspapers, agencies, broadcast ---------------------------------------------------
    (
        "ko-paper-military-authorities-lofted-icbm",
        "ko",
        "2024-10-31",
        "북한, ICBM 고각 발사…정점고도 7000㎞ 넘어\n"
        "군 당국에 따르면 북한은 이날 오전 7시 10분께 평양 일대에서 동해상으로 대륙간탄도미사일(ICBM) 1발을 "
        "고각으로 쏘아 올렸다. 미사일은 정점고도 약 7000㎞를 넘겼고 비행거리는 약 1000㎞로 파악됐다. "
        "이는 올해 들어 아홉 번째 탄도미사일 발사다. 한미 정보당국은 세부 제원을 정밀 분석 중이다.",
        {
            "launch_date_local": "2024-10-31",
            "launch_times_local": ["07:10"],
            "count": 1,
            "missile_class": "icbm",
            "launch_site": "pyongyang",
            "range_km": [1000],
            "apogee_km": [7000],
            "landing": "sea_of_japan",
        },
    ),
    (
        "ko-broadcast-anchor-lead-and-reporter",
        "ko",
        "2025-05-08",
        "[앵커]\n북한이 오늘 아침 동해상으로 탄도미사일을 발사했습니다. 올해 들어 다섯 번째입니다.\n"
        "[리포트]\n합동참모본부는 북한이 오늘 오전 8시 10분쯤 강원도 원산 일대에서 동해상으로 단거리탄도미사일 "
        "여러 발을 쐈다고 밝혔습니다. 미사일은 최대 800km가량을 날아간 것으로 파악됐습니다. 합참은 오전 9시 "
        "20분쯤에도 추가 발사가 있었다고 덧붙였습니다.\nKBS 뉴스 김민수입니다.",
        {
            "launch_date_local": "2025-05-08",
            "count": None,
            "count_qualifier": "multiple",
            "launch_site": "wonsan",
            "range_km": [800],
            "range_qualifier": "approx",  # 최대 800km가량: the corpora's rule, 가량 (about) qualifies
            "missile_class": "ballistic",
            "authority": None,  # a broadcaster quoting JCS is no authority's release; claims name who said it
        },
    ),
    (
        "ko-agency-dateline-one-projectile-sukchon",
        "ko",
        "2025-03-10",
        "(서울=뉴스1) 박지훈 기자 = 북한이 10일 오전 평안남도 숙천 일대에서 동해상으로 발사체 1발을 쐈다고 "
        "합동참모본부가 밝혔다. 합참에 따르면 북한은 이날 오전 6시 52분께 미상의 발사체를 발사했으며, 비행거리는 "
        '약 350㎞로 파악됐다. 합참은 "추가 발사에 대비해 감시와 경계를 강화했다"고 말했다.',
        {
            "launch_date_local": "2025-03-10",
            "launch_times_local": ["06:52"],
            "count": 1,
            "launch_site": "sukchon",
            "range_km": [350],
            "landing": "sea_of_japan",
        },
    ),
    (
        "ko-paper-cheon-numbers-apogee-first",
        "ko",
        "2025-06-18",
        '합참은 북한이 이날 오전 10시 15분쯤 평양 순안 일대에서 장거리탄도미사일 1발을 발사했다며 "비행거리 '
        '약 1천㎞, 고도 약 6천1백㎞, 속도 약 마하 22로 탐지됐다"고 밝혔다. 미사일은 1시간 여를 날아 오전 11시 '
        "20분쯤 홋카이도 서쪽 해상에 떨어졌다.",
        {
            "launch_times_local": ["10:15"],
            "count": 1,
            "launch_site": "sunan",
            "range_km": [1000],
            "apogee_km": [6100],
            "speed_mach": 22,
        },
    ),
    (
        "ko-paper-normal-angle-higher-and-capability-range",
        "ko",
        "2025-02-19",
        "북한이 19일 정상 각도보다 높게 쏘는 고각 방식으로 탄도미사일을 발사했다. 군 당국에 따르면 미사일은 "
        "오후 2시 24분께 평양 인근에서 발사돼 정점고도는 약 2000㎞, 비행거리는 약 900㎞로 파악됐다. "
        "정상 각도로 쐈다면 사거리가 1만5000㎞에 달했을 것이라는 분석도 나온다.",
        {
            "launch_date_local": "2025-02-19",
            "launch_times_local": ["14:24"],
            "range_km": [900],
            "apogee_km": [2000],
        },
    ),
    (
        "ko-paper-two-launches-times-and-this-year-tally",
        "ko",
        "2025-08-27",
        "북한이 27일 오전 7시 5분과 7시 22분께 황해북도 사리원 일대에서 동해상으로 단거리탄도미사일 2발을 "
        "연이어 발사했다. 미사일은 각각 약 400여㎞를 비행했다. 이는 올해 들어 여섯 번째 탄도미사일 발사로, 지난달 "
        "14일 이후 약 6주 만이다.",
        {
            "launch_date_local": "2025-08-27",
            "launch_times_local": ["07:05", "07:22"],
            "count": 2,
            "launch_site": "sariwon",
            "range_km": [400],
            "range_qualifier": "approx",
        },
    ),
    (
        "ko-broadcast-dawn-time-and-nsc-meeting",
        "ko",
        "2025-09-24",
        "북한이 오늘 새벽 5시 5분쯤 평안북도 구성 일대에서 동해상으로 탄도미사일 1발을 발사했습니다. 합참은 "
        "미사일이 약 700여㎞를 비행했다고 밝혔습니다. 정부는 오전 8시 국가안전보장회의를 긴급 소집했습니다.",
        {
            "launch_date_local": "2025-09-24",
            "launch_times_local": ["05:05"],
            "count": 1,
            "launch_site": "kusong",
            "range_km": [700],
        },
    ),
    (
        "ko-paper-several-rounds-kanggye-afternoon",
        "ko",
        "2025-01-14",
        '합동참모본부는 14일 "북한이 오늘 오전 9시 30분께 자강도 강계 일대에서 동해상으로 단거리탄도미사일 '
        '수 발을 발사했다"고 밝혔다. 미사일은 약 250㎞를 비행한 뒤 동해상에 탄착했다. 합참은 정확한 발사 수량과 '
        "기종을 분석 중이라고 덧붙였다.",
        {
            "launch_date_local": "2025-01-14",
            "launch_times_local": ["09:30"],
            "count": None,
            "count_qualifier": "multiple",
            "launch_site": "kanggye",
            "range_km": [250],
        },
    ),
    (
        "ko-paper-hypersonic-noon-mach",
        "ko",
        "2025-01-06",
        "북한이 6일 낮 12시께 평양 일대에서 동해상으로 극초음속 미사일로 추정되는 중거리탄도미사일 1발을 쏘아 "
        "올렸다. 군 당국은 미사일이 약 1100㎞를 비행했으며 최고 속도는 마하 12 수준이었다고 밝혔다.",
        {
            "launch_date_local": "2025-01-06",
            "launch_times_local": ["12:00"],
            "count": 1,
            "launch_site": "pyongyang",
            "range_km": [1100],
            "speed_mach": 12,
            "missile_class": "hypersonic",
        },
    ),
    (
        "ko-paper-japan-ministry-differs",
        "ko",
        "2025-11-07",
        "합참은 북한이 7일 낮 12시 35분께 평안북도 대관 일대에서 동해상으로 단거리탄도미사일 1발을 발사했으며 "
        "미사일이 약 700㎞를 비행했다고 밝혔다. 일본 방위성은 미사일의 최고고도가 약 100㎞였다고 발표했다.",
        {
            "launch_times_local": ["12:35"],
            "count": 1,
            "range_km": [700],
            "apogee_km": [100],
            "claims": {"jcs": (1, [700], []), "mod_jp": (None, [], [100])},
        },
    ),
    (
        "ko-paper-launch-over-japan-pacific",
        "ko",
        "2025-10-22",
        '합참은 22일 "북한이 오늘 오전 7시 22분께 자강도 무평리 일대에서 동쪽 방향으로 중거리탄도미사일 1발을 '
        '발사했으며, 미사일은 일본 상공을 지나 태평양에 떨어졌다"고 밝혔다. 비행거리는 약 4500㎞, 고도는 약 '
        "970㎞로 분석됐다.",
        {
            "launch_times_local": ["07:22"],
            "launch_site": "mupyong-ni",
            "range_km": [4500],
            "apogee_km": [970],
            "landing": "pacific",
        },
    ),
    (
        "ko-paper-cruise-missiles-west-sea",
        "ko",
        "2025-02-19",
        "군 당국에 따르면 북한은 이날 오전 평안남도 남포 일대에서 서해상으로 순항미사일 여러 발을 발사했다. "
        "한미 정보당국은 구체적인 비행거리와 기종을 분석 중이다.",
        {
            "launch_date_local": "2025-02-19",
            "missile_class": "cruise",
            "count_qualifier": "multiple",
            "launch_site": "nampo",
            "landing": "yellow_sea",
            "range_km": [],
            "apogee_km": [],
        },
    ),
    (
        "ko-paper-sohae-satellite-launch-southward",
        "ko",
        "2025-06-18",
        "북한이 18일 밤 10시 43분께 평안북도 동창리 일대에서 남쪽 방향으로 군사정찰위성을 탑재한 발사체 1발을 "
        "쏘아 올렸다고 합참이 밝혔다. 발사체는 서해 상공을 지나 비행했다.",
        {
            "launch_date_local": "2025-06-18",
            "launch_times_local": ["22:43"],
            "missile_class": "satellite_launch",
            "launch_site": "sohae",
            "count": 1,
        },
    ),
    (
        "ko-paper-warning-only-no-launch",
        "ko",
        "2025-08-27",
        "군 당국은 북한이 조만간 평양 순안 일대에서 대륙간탄도미사일(ICBM)을 고각으로 발사할 가능성이 있다고 "
        "보고 감시를 강화하고 있다. 북한은 지난해 10월 정점고도 약 7000㎞의 ICBM을 쏘아 올린 바 있다.",
        NO_LAUNCH,
    ),
    (
        "ko-broadcast-kim-oversaw-next-day",
        "ko",
        "2025-05-09",
        "북한이 어제 동해상으로 쏜 미사일은 신형 전술탄도미사일이었다고 조선중앙통신이 오늘 보도했습니다. "
        "합참은 북한이 어제 오전 8시 10분쯤 원산 일대에서 미사일을 발사했으며 최대 800㎞를 비행했다고 밝혔습니다.",
        {
            "launch_date_local": "2025-05-08",
            "launch_times_local": ["08:10"],
            "launch_site": "wonsan",
            "range_km": [800],
        },
    ),
    (
        "ko-paper-slbm-sinpo-two-hundred-km",
        "ko",
        "2025-09-24",
        "북한이 24일 오전 10시 17분께 함경남도 신포 인근 해상에서 잠수함발사탄도미사일(SLBM)로 추정되는 탄도미사일 "
        "1발을 발사했다. 미사일은 고도 약 50㎞로 약 600㎞를 비행해 동해상에 떨어졌다.",
        {
            "launch_times_local": ["10:17"],
            "missile_class": "ballistic",  # an SLBM only by presumption (로 추정되는): the stated class wins
            "launch_site": "sinpo",
            "range_km": [600],
            "apogee_km": [50],
        },
    ),
    # --- Japanese newspapers ------------------------------------------------------------------------
    (
        "ja-paper-mod-says-kanji-headline",
        "ja",
        "2025-05-08",
        "北ミサイル二発 日本海に落下\n"
        "防衛省によると、北朝鮮は８日午前８時１０分ごろ、北朝鮮東岸から弾道ミサイル２発を東方向に発射した。"
        "いずれも日本の排他的経済水域（ＥＥＺ）外の日本海に落下したとみられる。",
        {
            "launch_date_local": "2025-05-08",
            "launch_times_local": ["08:10"],
            "count": 2,
            "eez": "outside",
            "landing": "sea_of_japan",
            "missile_class": "ballistic",
            "bearing_deg": 90,
        },
    ),
    (
        "ja-paper-headline-count-only",
        "ja",
        "2024-11-05",
        "北朝鮮、弾道ミサイル七発を発射\n"
        "防衛省は５日、北朝鮮が同日午前７時３０分ごろ、北朝鮮西岸付近から複数の弾道ミサイルを北東方向に発射したと"
        "発表した。最高高度は約１００キロで、約４００キロ飛翔したという。",
        {
            "launch_date_local": "2024-11-05",
            "launch_times_local": ["07:30"],
            "count": 7,
            "range_km": [400],
            "apogee_km": [100],
            "bearing_deg": 45,
            "authority": None,
        },
    ),
    (
        "ja-paper-lofted-icbm-okushiri",
        "ja",
        "2024-10-31",
        "防衛省は３１日、北朝鮮が同日午前７時１１分ごろ、首都平壌付近からＩＣＢＭ級弾道ミサイル１発を東方向に"
        "発射したと発表した。ミサイルは通常より高い角度で打ち上げる「ロフテッド軌道」で約８６分間飛行し、最高高度は"
        "７０００キロを超え、飛行距離は約１０００キロだった。北海道・奥尻島の西約２００キロの日本の排他的経済水域"
        "（ＥＥＺ）外に落下したとみられる。",
        {
            "launch_date_local": "2024-10-31",
            "launch_times_local": ["07:11"],
            "count": 1,
            "missile_class": "icbm",
            "launch_site": "pyongyang",
            "flight_minutes": 86,
            "apogee_km": [7000],
            "apogee_qualifier": "over",
            "range_km": [1000],
            "eez": "outside",
        },
    ),
    (
        "ja-paper-prime-minister-to-reporters",
        "ja",
        "2025-01-06",
        "北朝鮮は６日正午ごろ、平壌付近から弾道ミサイル１発を東方向に発射した。防衛省によると、ミサイルは約１１００"
        "キロ飛行し、日本海に落下したとみられる。石破首相は同日午後１時すぎ、首相官邸で記者団に「地域と国際社会の"
        "平和と安全を脅かすもので断じて容認できない」と述べた。",
        {
            "launch_date_local": "2025-01-06",
            "launch_times_local": ["12:00"],
            "count": 1,
            "launch_site": "pyongyang",
            "range_km": [1100],
            "landing": "sea_of_japan",
        },
    ),
    (
        "ja-paper-government-official-height-and-fifth-this-year",
        "ja",
        "2025-02-19",
        "政府関係者によると、北朝鮮は１９日午後２時２４分ごろ、弾道ミサイルを発射した。高度は約２０００キロに"
        "達し、約９００キロ飛行したとみられる。北朝鮮による弾道ミサイルの発射は今年に入って５回目。",
        {
            "launch_date_local": "2025-02-19",
            "launch_times_local": ["14:24"],
            "apogee_km": [2000],
            "range_km": [900],
            "count": None,
        },
    ),
    (
        "ja-paper-korea-jcs-revealed-several",
        "ja",
        "2025-01-14",
        "韓国軍合同参謀本部は１４日、北朝鮮が同日午前９時半ごろ、北部の慈江道・江界付近から短距離弾道ミサイル"
        "数発を日本海に向けて発射したと明らかにした。ミサイルは約２５０キロ飛行したという。",
        {
            "launch_date_local": "2025-01-14",
            "launch_times_local": ["09:30"],
            "count": None,
            "count_qualifier": "multiple",
            "launch_site": "kanggye",
            "range_km": [250],
            "landing": "sea_of_japan",
        },
    ),
    (
        "ja-paper-jcs-and-mod-numbers",
        "ja",
        "2025-11-07",
        "韓国軍合同参謀本部によると、北朝鮮は７日午後０時３５分ごろ、北西部から弾道ミサイル１発を発射し、"
        "ミサイルは約７００キロ飛行した。防衛省によると、最高高度は約１００キロで、日本のＥＥＺ外に落下した。",
        {
            "launch_times_local": ["12:35"],
            "range_km": [700],
            "apogee_km": [100],
            "eez": "outside",
            "claims": {"jcs": (1, [700], []), "mod_jp": (None, [], [100])},
        },
    ),
    (
        "ja-paper-two-times-and-ranges",
        "ja",
        "2025-08-27",
        "防衛省によると、北朝鮮は２７日午前７時５分ごろと同２２分ごろ、北朝鮮西岸付近から弾道ミサイルを１発ずつ"
        "東方向に発射した。１発目は約４００キロ、２発目は約３５０キロ飛行し、いずれも日本海に落下したとみられる。",
        {
            "launch_date_local": "2025-08-27",
            "launch_times_local": ["07:05", "07:22"],
            "count": 2,
            "range_km": [400, 350],
            "landing": "sea_of_japan",
        },
    ),
    (
        "ja-paper-pass-over-japan-j-alert-time",
        "ja",
        "2025-10-22",
        "北朝鮮は２２日午前７時２２分ごろ、北朝鮮内陸部から弾道ミサイル１発を東方向に発射した。ミサイルは青森県"
        "上空を通過し、日本の東約３２００キロの太平洋上に落下したとみられる。政府は午前７時２９分、全国瞬時警報"
        "システム（Ｊアラート）で避難を呼びかけた。飛行距離は約４６００キロ、最高高度は約１０００キロと推定される。",
        {
            "launch_times_local": ["07:22"],
            "range_km": [4600],
            "apogee_km": [1000],
            "landing": "pacific",
            "count": 1,
        },
    ),
    (
        "ja-paper-cruise-yellow-sea",
        "ja",
        "2025-02-19",
        "韓国軍合同参謀本部は１９日、北朝鮮が同日午前、西部の南浦付近から黄海に向けて巡航ミサイル数発を発射したと"
        "発表した。飛行距離などは分析中という。",
        {
            "launch_date_local": "2025-02-19",
            "missile_class": "cruise",
            "count_qualifier": "multiple",
            "launch_site": "nampo",
            "landing": "yellow_sea",
            "range_km": [],
        },
    ),
    (
        "ja-paper-slbm-sinpo-irregular",
        "ja",
        "2025-09-24",
        "防衛省は２４日、北朝鮮が同日午前１０時１７分ごろ、東部・新浦付近から潜水艦発射弾道ミサイル（ＳＬＢＭ）"
        "とみられる弾道ミサイル１発を発射したと発表した。変則軌道で約６００キロ飛行し、最高高度は約５０キロだった。",
        {
            "launch_times_local": ["10:17"],
            "count": 1,
            "missile_class": "ballistic",  # ＳＬＢＭ)とみられる: as MOD's gold labels a presumed class
            "launch_site": "sinpo",
            "range_km": [600],
            "apogee_km": [50],
        },
    ),
    (
        "ja-paper-satellite-okinawa-south",
        "ja",
        "2025-06-18",
        "政府は１８日、北朝鮮が同日午後１０時４３分ごろ、北西部の東倉里付近から「衛星」と称するミサイルを南方向に"
        "発射したと発表した。ミサイルは沖縄県の上空を通過し、太平洋へ飛んだとみられる。",
        {
            "launch_date_local": "2025-06-18",
            "launch_times_local": ["22:43"],
            "missile_class": "satellite_launch",
            "launch_site": "sohae",
            "bearing_deg": 180,
        },
    ),
    (
        "ja-paper-vigilance-no-launch",
        "ja",
        "2025-08-27",
        "北朝鮮が近く弾道ミサイルを発射する可能性があるとして、防衛省は警戒を強めている。北朝鮮は昨年１０月、"
        "ロフテッド軌道で最高高度７０００キロを超えるＩＣＢＭ級弾道ミサイルを発射している。",
        NO_LAUNCH,
    ),
    (
        "ja-paper-yesterday-evening-around-time",
        "ja",
        "2025-03-11",
        "防衛省は１１日、北朝鮮が前日の１０日午後３時１５分ごろ、北朝鮮東岸付近から短距離弾道ミサイル２発を"
        "北東方向に発射していたと発表した。いずれも約３５０キロ飛行し、最高高度は約５０キロ。",
        {
            "launch_date_local": "2025-03-10",
            "launch_times_local": ["15:15"],
            "count": 2,
            "range_km": [350],
            "apogee_km": [50],
            "bearing_deg": 45,
        },
    ),
    (
        "ja-paper-at-least-three-chief-cabinet-secretary",
        "ja",
        "2025-05-08",
        "林官房長官は８日午前の記者会見で、北朝鮮が同日午前８時１０分ごろから９時２０分ごろにかけて、少なくとも"
        "３発の弾道ミサイルを発射したと明らかにした。最大で約８００キロ飛行したという。",
        {
            "launch_date_local": "2025-05-08",
            "launch_times_local": ["08:10", "09:20"],
            "count": 3,
            "count_qualifier": "at_least",
            "range_km": [800],
            "range_qualifier": "approx",  # 最大で約800キロ: 約 qualifies, as in the corpora's labels
        },
    ),
    # --- English newspapers and broadcasters ----------------------------------------------------------
    (
        "en-bbc-pyongyang-fired-lofted-miles",
        "en",
        "2024-10-31",
        "North Korea fires ICBM in first test for almost a year\n"
        "Pyongyang fired an intercontinental ballistic missile (ICBM) on Thursday morning, South Korea's military "
        "said. The missile was launched at about 07:10 local time (22:10 GMT on Wednesday) from near Pyongyang on "
        "a lofted trajectory. Japan said it reached an apogee of more than 7,000km (4,350 miles) and travelled about "
        "1,000km (620 miles) in 86 minutes before landing in the sea off Hokkaido.",
        {
            "launch_date_local": "2024-10-31",
            "launch_times_local": ["07:10"],
            "missile_class": "icbm",
            "count": 1,
            "launch_site": "pyongyang",
            "apogee_km": [7000],
            "apogee_qualifier": "over",
            "range_km": [1000],
            "flight_minutes": 86,
        },
    ),
    (
        "en-guardian-launch-its-nth-this-year",
        "en",
        "2025-01-14",
        "North Korea has fired several short-range ballistic missiles into the sea off its east coast, according to "
        "Seoul's Joint Chiefs of Staff. The launch, its second this year, took place at about 9.30am on Tuesday from "
        "Kanggye in Jagang province, near the Chinese border. The missiles flew about 250km (155 miles), the South's "
        "military said.",
        {
            "launch_date_local": "2025-01-14",
            "launch_times_local": ["09:30"],
            "count": None,
            "count_qualifier": "multiple",
            "launch_site": "kanggye",
            "range_km": [250],
            "landing": "sea_of_japan",
        },
    ),
    (
        "en-nyt-miles-first",
        "en",
        "2025-09-24",
        "North Korea launched a ballistic missile off its east coast on Wednesday, the South Korean military said. "
        "The missile flew about 435 miles before falling into the waters between the Korean Peninsula and Japan, "
        "the military said.",
        {
            "launch_date_local": "2025-09-24",
            "count": 1,
            "missile_class": "ballistic",
            "range_km": [700],
            "landing": "sea_of_japan",
        },
    ),
    (
        "en-nknews-what-seoul-described-as",
        "en",
        "2025-03-10",
        "North Korea launched what Seoul described as a short-range ballistic missile from the Sukchon area in South "
        "Pyongan Province at 6:52 a.m. on Monday, according to Seoul's Joint Chiefs of Staff (JCS). The missile flew "
        "some 350 kilometers before splashing down in the East Sea, the JCS said, adding that South Korean and U.S. "
        "intelligence were analyzing further details.",
        {
            "launch_date_local": "2025-03-10",
            "launch_times_local": ["06:52"],
            "count": 1,
            "missile_class": "ballistic",
            "launch_site": "sukchon",
            "range_km": [350],
            "landing": "sea_of_japan",
        },
    ),
    (
        "en-coastguard-suspected-missile",
        "en",
        "2025-11-07",
        "North Korea fired a suspected ballistic missile on Friday, Japan's coastguard said, citing the defence "
        "ministry. The object is believed to have already fallen, the coastguard added. South Korea's military said "
        "the missile was fired at 12:35pm from the Taegwan area and flew about 700km.",
        {
            "launch_date_local": "2025-11-07",
            "launch_times_local": ["12:35"],
            "count": 1,
            "missile_class": "ballistic",
            "range_km": [700],
        },
    ),
    (
        "en-nikkei-two-authorities-numbers",
        "en",
        "2025-05-08",
        "North Korea fired multiple short-range ballistic missiles toward the Sea of Japan on Thursday morning. "
        "South Korea's Joint Chiefs of Staff said the missiles were launched from near Wonsan between 8:10 a.m. and "
        "9:20 a.m. and flew up to 800 km. Japan's Ministry of Defense said at least two missiles were fired and both "
        "fell outside Japan's exclusive economic zone.",
        {
            "launch_date_local": "2025-05-08",
            "launch_times_local": ["08:10", "09:20"],
            "launch_site": "wonsan",
            "range_km": [800],
            "eez": "outside",
            "claims": {"jcs": (None, [800], []), "mod_jp": (2, [], [])},
        },
    ),
    (
        "en-reuters-gmt-beside-local",
        "en",
        "2025-01-06",
        "North Korea fired a ballistic missile towards the sea off its east coast at around noon (0300 GMT) on "
        "Monday, South Korea's military said. The missile, launched from the Pyongyang area, flew about 1,100 km "
        "(685 miles) at a top speed of Mach 12, the Joint Chiefs of Staff said. It was the North's first launch "
        "this year and came as U.S. Secretary of State Antony Blinken was visiting Seoul.",
        {
            "launch_date_local": "2025-01-06",
            "launch_times_local": ["12:00"],
            "count": 1,
            "launch_site": "pyongyang",
            "range_km": [1100],
            "speed_mach": 12,
        },
    ),
    (
        "en-38north-analysis-apogee-and-range",
        "en",
        "2024-11-05",
        "On the morning of November 5, North Korea launched seven short-range ballistic missiles from the Sariwon "
        "area. The missiles, likely KN-23 variants, reached an apogee of roughly 100 km and flew approximately 400 "
        "km. The KN-23 is believed to have a maximum range of around 690 km.",
        {
            "launch_date_local": "2024-11-05",
            "count": 7,
            "launch_site": "sariwon",
            "apogee_km": [100],
            "range_km": [400],
        },
    ),
    (
        "en-broadcast-over-japan-alert-time",
        "en",
        "2025-10-22",
        "North Korea launched a ballistic missile that flew over Japan on Wednesday, prompting the government to "
        "issue evacuation alerts at 7:29 a.m. The missile was fired at around 7:22 a.m. from Mupyong-ni in Jagang "
        "province and fell into the Pacific Ocean. Japan's defense ministry said it flew about 4,600 km, reaching "
        "an altitude of about 1,000 km.",
        {
            "launch_date_local": "2025-10-22",
            "launch_times_local": ["07:22"],
            "launch_site": "mupyong-ni",
            "range_km": [4600],
            "apogee_km": [1000],
            "landing": "pacific",
        },
    ),
    (
        "en-paper-lofted-only-apogee",
        "en",
        "2025-02-19",
        "Pyongyang fired a ballistic missile at a lofted angle at 2:24 p.m. on Wednesday, Seoul's Joint Chiefs of "
        "Staff said. The missile reached an apogee of some 2,000 km and landed in the sea off the east coast after "
        "traveling roughly 900 km (560 miles).",
        {
            "launch_date_local": "2025-02-19",
            "launch_times_local": ["14:24"],
            "apogee_km": [2000],
            "range_km": [900],
            "count": 1,
        },
    ),
    (
        "en-paper-cruise-yellow-sea",
        "en",
        "2025-02-19",
        "North Korea fired several cruise missiles into the Yellow Sea from the Nampo area on Wednesday morning, "
        "South Korea's military said, adding that it was analysing the details.",
        {
            "launch_date_local": "2025-02-19",
            "missile_class": "cruise",
            "count_qualifier": "multiple",
            "launch_site": "nampo",
            "landing": "yellow_sea",
            "range_km": [],
        },
    ),
    (
        "en-paper-warning-no-launch",
        "en",
        "2025-08-27",
        "North Korea could test-fire an intercontinental ballistic missile on a lofted trajectory within weeks, "
        "South Korea's spy agency told lawmakers. Its last ICBM, launched in October, reached an apogee of more "
        "than 7,000 km.",
        NO_LAUNCH,
    ),
    (
        "en-paper-satellite-launch-failed",
        "en",
        "2025-06-18",
        "North Korea launched a rocket carrying a military reconnaissance satellite southward from the Sohae "
        "launching station at 10:43 p.m. on Wednesday, Seoul's military said, but it exploded in mid-air shortly "
        "after liftoff.",
        {
            "launch_date_local": "2025-06-18",
            "launch_times_local": ["22:43"],
            "missile_class": "satellite_launch",
            "launch_site": "sohae",
            "bearing_deg": 180,
        },
    ),
    (
        "en-paper-slbm-off-sinpo",
        "en",
        "2025-09-24",
        "North Korea fired what appeared to be a submarine-launched ballistic missile off Sinpo at 10:17 a.m. on "
        "Wednesday, according to Seoul's Joint Chiefs of Staff. The missile flew about 600km (370 miles) and reached "
        "an altitude of about 50km, Japan's defence ministry said.",
        {
            "launch_date_local": "2025-09-24",
            "launch_times_local": ["10:17"],
            "missile_class": "slbm",
            "launch_site": "sinpo",
            "range_km": [600],
            "apogee_km": [50],
        },
    ),
    (
        "en-broadcast-last-missile-is-an-item-not-an-earlier-launch",
        "en",
        "2025-08-27",
        "North Korea fired two ballistic missiles into the sea off its east coast at 7:05 a.m. and 7:22 a.m. on "
        "Wednesday. The first missile flew about 400 km. The last missile, a suspected KN-25, flew some 350 km "
        "(217 miles) at an apogee of 50 km.",
        {
            "launch_times_local": ["07:05", "07:22"],
            "count": 2,
            "range_km": [400, 350],
            "apogee_km": [50],
            "landing": "sea_of_japan",
        },
    ),
    (
        "en-paper-yesterday-kcna-confirms",
        "en",
        "2025-05-09",
        "North Korea said on Friday that leader Kim Jong Un oversaw the launch of short-range ballistic missiles "
        "on Thursday, a day after Seoul said the North had fired them from near Wonsan at 8:10 a.m. The missiles "
        "flew as far as 800 km, according to the South's military.",
        {
            "launch_date_local": "2025-05-08",
            "launch_times_local": ["08:10"],
            "launch_site": "wonsan",
            "range_km": [800],
        },
    ),
]


@pytest.mark.parametrize(("case", "lang", "published", "text", "expected"), CASES, ids=[c[0] for c in CASES])
def test_press_report(case, lang, published, text, expected):
    assert_statement(text, lang, published, None, expected)


def test_at_least_fifteen_cases_per_language():
    langs = [c[1] for c in CASES]
    assert all(langs.count(code) >= 15 for code in ("ja", "ko", "en"))
    assert len({c[0] for c in CASES}) == len(CASES) and len({c[3] for c in CASES}) == len(CASES)
