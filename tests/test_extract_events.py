"""The less common launch events: flashes that hedge the class (弾道ミサイルの可能性があるもの, 미상 탄도미사일,
"an unidentified ballistic missile", 飛翔体, 불상의 발사체), failed launches and satellite launches, SLBMs,
ship-launched cruise missiles, rocket-launcher salvos and artillery barrages, anti-air missiles, two separate
launches in one text, launches from a place not yet known, flights over Japan, and corrected numbers.

Conventions these cases hold the extractor to (the issue's classes, the corpora's labelling rules):
- a failed launch is still a launch report, with the fields it states;
- a multiple rocket launcher (방사포, 多連装ロケット, MLRS, 600mm 초대형방사포) is ``mlrs`` and counts rounds; a gun
  barrage (해안포, 砲弾, artillery shells) is ``other``; a calibre (600mm) is never a range;
- a projectile or 飛翔体 of no stated kind has no class; "a possible / an unidentified ballistic missile" is ballistic;
- two launches at two times list both times and count the sum;
- a place the text says is unknown gives no launch area;
- a range the text says was revised takes the revised value only.

Every text is written for this module; the facts follow the reporting of real launches.
"""

from __future__ import annotations

import pytest
from test_extract_heldout import assert_statement

# (case id, lang, published, source, text, expected fields)
CASES: list[tuple[str, str, str, str | None, str, dict]] = [
    # --- Japanese: MOD releases, the prime minister's office, newspapers --------------------------
    (
        "ja-mod-flash-possible-ballistic-with-time",
        "ja",
        "2025-01-14",
        "mod_jp",
        "【速報】北朝鮮は、本日午前６時５２分頃、弾道ミサイルの可能性があるものを東方向に発射しました。"
        "現在飛翔中とみられます。",
        {
            "stage": "flash",
            "launch_times_local": ["06:52"],
            "launch_date_local": "2025-01-14",
            "missile_class": "ballistic",
            "count": None,
            "bearing_deg": 90,
            "range_km": [],
        },
    ),
    (
        "ja-mod-flash-several-possible-ballistic",
        "ja",
        "2025-01-15",
        "mod_jp",
        "北朝鮮西岸付近から、弾道ミサイルの可能性があるものが複数発射されました。引き続き情報の収集・分析に努めます。",
        {"count": None, "count_qualifier": "multiple", "missile_class": "ballistic", "launch_times_local": []},
    ),
    (
        "ja-mod-hishotai-place-unknown",
        "ja",
        "2025-01-16",
        "mod_jp",
        "北朝鮮は、本日午前１１時３分頃、飛翔体１発を発射しました。発射場所は不明であり、詳細については現在分析中です。",
        {
            "launch_times_local": ["11:03"],
            "count": 1,
            "missile_class": None,
            "launch_area": None,
            "launch_site": None,
        },
    ),
    (
        "ja-mod-exploded-right-after-launch",
        "ja",
        "2025-01-17",
        "mod_jp",
        "北朝鮮は、本日午前９時３０分頃、平壌近郊の順安付近から弾道ミサイル１発を発射しましたが、発射直後に空中で爆発した"
        "ものとみられます。我が国の領域や排他的経済水域（ＥＥＺ）への影響は確認されていません。",
        {
            "launch_times_local": ["09:30"],
            "count": 1,
            "launch_site": "sunan",
            "missile_class": "ballistic",
            "range_km": [],
            "apogee_km": [],
        },
    ),
    (
        "ja-mod-satellite-called-ballistic-over-okinawa-pacific",
        "ja",
        "2025-01-18",
        "mod_jp",
        "北朝鮮は、本日午前６時２７分頃、北朝鮮北西部の東倉里地区から、南方向に「人工衛星」と称する弾道ミサイル１発を"
        "発射しました。発射された弾道ミサイルは、６時３２分頃、沖縄県上空を通過し、６時３６分頃、我が国の東方約２，０００ｋｍの"
        "太平洋上に落下したものと推定されます。この発射に際し、Ｊアラートにより情報伝達を行いました。",
        {
            "launch_times_local": ["06:27"],
            "count": 1,
            "launch_site": "sohae",
            "bearing_deg": 180,
            "missile_class": "satellite_launch",
            "landing": "pacific",
            "range_km": [],
        },
    ),
    (
        "ja-mod-satellite-launch-failed-yellow-sea",
        "ja",
        "2025-01-19",
        "mod_jp",
        "北朝鮮は、本日午前６時２９分頃、東倉里地区から南方向に、衛星打ち上げを目的とする弾道ミサイル技術を使用した発射を"
        "行いましたが、打ち上げは失敗したものとみられます。発射された物体は黄海上に落下したと推定されます。",
        {
            "launch_times_local": ["06:29"],
            "launch_site": "sohae",
            "missile_class": "satellite_launch",
            "landing": "yellow_sea",
        },
    ),
    (
        "ja-mod-slbm-off-sinpo",
        "ja",
        "2025-01-20",
        "mod_jp",
        "北朝鮮は、本日午前１０時１７分頃、新浦付近の海域から、潜水艦発射弾道ミサイル（ＳＬＢＭ）１発を東方向に発射しました。"
        "発射された弾道ミサイルは、最高高度約５０ｋｍ程度で、約６００ｋｍ程度飛翔したものと推定されます。",
        {
            "launch_times_local": ["10:17"],
            "count": 1,
            "launch_site": "sinpo",
            "missile_class": "slbm",
            "range_km": [600],
            "apogee_km": [50],
        },
    ),
    (
        "ja-mod-two-launches-morning-and-afternoon",
        "ja",
        "2025-01-21",
        "mod_jp",
        "北朝鮮は、本日午前７時４分頃、北朝鮮西岸付近から弾道ミサイル１発を東方向に発射しました。また、本日午後３時１２分頃"
        "にも、同地域から弾道ミサイル１発を東方向に発射しました。いずれも約３５０ｋｍ飛翔し、日本海に落下したものと推定"
        "されます。",
        {
            "launch_times_local": ["07:04", "15:12"],
            "count": 2,
            "range_km": [350],
            "landing": "sea_of_japan",
            "missile_class": "ballistic",
        },
    ),
    (
        "ja-mod-restated-count-is-no-second-launch",
        "ja",
        "2025-01-30",
        "mod_jp",
        "北朝鮮は、本日午前７時頃、弾道ミサイル１発を東方向に発射しました。日本海にも、同ミサイル１発が落下したものと"
        "みられます。",
        {"launch_times_local": ["07:00"], "count": 1, "landing": "sea_of_japan"},
    ),
    (
        "ja-mod-range-corrected",
        "ja",
        "2025-01-22",
        "mod_jp",
        "北朝鮮が本日午前５時５分頃に東岸付近から発射した弾道ミサイル１発について、当初約４００ｋｍと発表した飛翔距離を"
        "約６００ｋｍに修正します。最高高度は約５０ｋｍと推定されます。",
        {"launch_times_local": ["05:05"], "count": 1, "range_km": [600], "apogee_km": [50]},
    ),
    (
        "ja-paper-place-unknown-several",
        "ja",
        "2025-01-23",
        None,
        "防衛省によると、北朝鮮は２３日午後、弾道ミサイル数発を発射した。発射場所は不明で、いずれも日本の排他的経済水域"
        "（ＥＥＺ）外に落下したとみられる。",
        {
            "launch_date_local": "2025-01-23",
            "count": None,
            "count_qualifier": "multiple",
            "launch_area": None,
            "eez": "outside",
        },
    ),
    (
        "ja-paper-mlrs-ten-rounds-hamhung",
        "ja",
        "2025-01-24",
        None,
        "韓国軍合同参謀本部によると、北朝鮮は２４日午前、咸興付近から多連装ロケット砲とみられる飛翔体計１０発を日本海に"
        "向けて発射した。",
        {
            "launch_date_local": "2025-01-24",
            "count": 10,
            "launch_site": "hamhung",
            "missile_class": "mlrs",
            "landing": "sea_of_japan",
        },
    ),
    (
        "ja-paper-ship-cruise-missiles",
        "ja",
        "2025-01-25",
        None,
        "韓国軍合同参謀本部は２５日、北朝鮮が同日午前、西部の南浦沖の艦艇から巡航ミサイル数発を発射したと明らかにした。",
        {
            "launch_date_local": "2025-01-25",
            "count_qualifier": "multiple",
            "missile_class": "cruise",
            "range_km": [],
        },
    ),
    (
        "ja-mod-inland-fall",
        "ja",
        "2025-01-26",
        "mod_jp",
        "北朝鮮は、本日午前８時５分頃、平壌付近から弾道ミサイル１発を北東方向に発射しました。発射された弾道ミサイルは約"
        "１００ｋｍ飛翔し、北朝鮮の内陸部に落下したものとみられます。",
        {
            "launch_times_local": ["08:05"],
            "launch_site": "pyongyang",
            "bearing_deg": 45,
            "range_km": [100],
            "landing": None,
            "eez": None,
        },
    ),
    (
        "ja-paper-anti-air-missiles",
        "ja",
        "2025-01-27",
        None,
        "朝鮮中央通信は２７日、北朝鮮が前日、新型の地対空ミサイルの試験発射を行ったと報じた。",
        {"launch_date_local": "2025-01-26", "missile_class": "anti_air", "range_km": []},
    ),
    (
        "ja-paper-artillery-shells-are-other",
        "ja",
        "2025-01-28",
        None,
        "韓国軍合同参謀本部によると、北朝鮮は２８日午前、黄海南道の沿岸から黄海に向けて砲弾約２００発を発射した。",
        {
            "launch_date_local": "2025-01-28",
            "count": 200,
            "count_qualifier": "approx",
            "missile_class": "other",
            "landing": "yellow_sea",
        },
    ),
    (
        "ja-paper-super-large-rocket-launcher-600mm",
        "ja",
        "2025-01-29",
        None,
        "韓国軍によると、北朝鮮は２９日朝、口径６００ｍｍの超大型放射砲４発を東岸から日本海に向けて発射し、約３６０ｋｍ"
        "飛行した。",
        {
            "launch_date_local": "2025-01-29",
            "count": 4,
            "missile_class": "mlrs",
            "range_km": [360],
            "landing": "sea_of_japan",
        },
    ),
    # --- Korean: JCS notices, MND, agencies, KCNA in Korean ---------------------------------------
    (
        "ko-jcs-flash-unidentified-ballistic",
        "ko",
        "2025-02-03",
        "jcs_kr",
        '[속보] 합참 "북한, 동해상으로 미상 탄도미사일 발사"',
        {
            "stage": "flash",
            "missile_class": "ballistic",
            "landing": "sea_of_japan",
            "count": None,
            "launch_times_local": [],
            "range_km": [],
        },
    ),
    (
        "ko-jcs-unidentified-projectile-place-being-checked",
        "ko",
        "2025-02-04",
        "jcs_kr",
        '합참은 "북한이 오늘 오전 불상의 발사체 1발을 발사했다"며 "발사 장소는 파악 중"이라고 밝혔습니다.',
        {
            "launch_date_local": "2025-02-04",
            "count": 1,
            "missile_class": None,
            "launch_area": None,
            "launch_site": None,
        },
    ),
    (
        "ko-jcs-midair-explosion-low-altitude",
        "ko",
        "2025-02-05",
        "jcs_kr",
        '합참은 "북한은 오늘 오전 9시 30분경 평양 순안 일대에서 미상 탄도미사일 1발을 발사했으며, 발사 직후 고도 20km '
        '이하에서 공중 폭발한 것으로 추정된다"고 밝혔다.',
        {
            "launch_times_local": ["09:30"],
            "count": 1,
            "launch_site": "sunan",
            "missile_class": "ballistic",
            "range_km": [],
        },
    ),
    (
        "ko-jcs-slbm-sinpo",
        "ko",
        "2025-02-06",
        "jcs_kr",
        "우리 군은 오늘 오전 10시 17분경 함경남도 신포 일대에서 동해상으로 발사된 잠수함발사탄도미사일(SLBM) 1발을 "
        "포착하였습니다. 비행거리는 약 600km, 정점고도는 약 60km로 탐지되었습니다.",
        {
            "launch_times_local": ["10:17"],
            "count": 1,
            "launch_site": "sinpo",
            "missile_class": "slbm",
            "range_km": [600],
            "apogee_km": [60],
            "landing": "sea_of_japan",
        },
    ),
    (
        "ko-jcs-600mm-super-large-mlrs",
        "ko",
        "2025-02-07",
        "jcs_kr",
        "합참은 북한이 오늘 오전 7시 50분경 함경남도 함흥 일대에서 동해상으로 600mm 초대형방사포 6발을 발사했다고 "
        "밝혔다. 비행거리는 약 360km로 분석됐다.",
        {
            "launch_times_local": ["07:50"],
            "count": 6,
            "launch_site": "hamhung",
            "missile_class": "mlrs",
            "range_km": [360],
        },
    ),
    (
        "ko-jcs-240mm-rounds-yellow-sea",
        "ko",
        "2025-02-08",
        "jcs_kr",
        "합참은 북한이 오늘 오후 3시 10분경 황해남도 일대에서 서해상으로 240mm 방사포 수십 발을 발사했다고 밝혔다.",
        {
            "launch_times_local": ["15:10"],
            "count": None,
            "count_qualifier": "multiple",
            "missile_class": "mlrs",
            "landing": "yellow_sea",
            "range_km": [],
        },
    ),
    (
        "ko-jcs-coastal-artillery-barrage-is-other",
        "ko",
        "2025-02-09",
        "jcs_kr",
        '합참은 "북한이 오늘 오전 장산곶 일대에서 서해 북방한계선(NLL) 북방 해상으로 해안포 200여 발을 사격했다"고 '
        "밝혔다.",
        {
            "launch_date_local": "2025-02-09",
            "count": 200,
            "count_qualifier": "approx",
            "missile_class": "other",
            "range_km": [],
        },
    ),
    (
        "ko-jcs-two-launches-morning-afternoon",
        "ko",
        "2025-02-10",
        "jcs_kr",
        "합참은 북한이 오늘 오전 6시 51분경 평양 일대에서 단거리탄도미사일 1발을 동해상으로 발사했으며, 오후 4시 "
        "32분경 평안북도 구성 일대에서 단거리탄도미사일 1발을 추가로 발사했다고 밝혔다.",
        {
            "launch_times_local": ["06:51", "16:32"],
            "count": 2,
            "missile_class": "ballistic",
            "launch_site": "pyongyang",
        },
    ),
    (
        "ko-jcs-restated-count-is-no-second-launch",
        "ko",
        "2025-02-21",
        "jcs_kr",
        "합참은 북한이 오늘 오전 7시 5분경 평양 일대에서 탄도미사일 1발을 발사했다고 밝혔다. 동해상에도 미사일 1발이 "
        "낙하한 것으로 분석됐다.",
        {"launch_times_local": ["07:05"], "count": 1, "landing": "sea_of_japan"},
    ),
    (
        "ko-jcs-irbm-over-japan",
        "ko",
        "2025-02-11",
        "jcs_kr",
        "합참은 북한이 오늘 오전 7시 23분경 자강도 무평리 일대에서 동쪽 방향으로 중거리탄도미사일 1발을 발사했다고 "
        "밝혔다. 이 미사일은 일본 상공을 통과했으며, 비행거리는 약 4,500km, 정점고도는 약 970km로 분석됐다.",
        {
            "launch_times_local": ["07:23"],
            "count": 1,
            "landing": "over_japan",
            "range_km": [4500],
            "apogee_km": [970],
            "bearing_deg": 90,
        },
    ),
    (
        "ko-jcs-range-corrected",
        "ko",
        "2025-02-12",
        "jcs_kr",
        "합참은 북한이 오늘 오전 5시 5분경 강원도 원산 일대에서 발사한 단거리탄도미사일 1발의 비행거리를 당초 발표한 "
        "약 400km에서 약 600km로 정정했다.",
        {"launch_times_local": ["05:05"], "count": 1, "launch_site": "wonsan", "range_km": [600]},
    ),
    (
        "ko-jcs-spy-satellite-exploded",
        "ko",
        "2025-02-13",
        "jcs_kr",
        "합참은 북한이 오늘 오후 10시 44분경 평안북도 동창리 일대에서 남쪽 방향으로 군사정찰위성을 탑재한 발사체 1발을 "
        "발사했으나, 서해 상공에서 공중 폭발한 것으로 보인다고 밝혔다.",
        {
            "launch_times_local": ["22:44"],
            "count": 1,
            "launch_site": "sohae",
            "missile_class": "satellite_launch",
            "bearing_deg": 180,
        },
    ),
    (
        "ko-kcna-satellite-success",
        "ko",
        "2025-02-15",
        None,
        "조선중앙통신은 국가항공우주기술총국이 14일 오후 10시 42분 평안북도 철산군 서해위성발사장에서 "
        "신형 운반로케트로 정찰위성을 성공적으로 발사했다고 15일 보도했다.",
        {
            "launch_date_local": "2025-02-14",
            "launch_times_local": ["22:42"],
            "missile_class": "satellite_launch",
            "launch_site": "sohae",
        },
    ),
    (
        "ko-jcs-ship-cruise-missiles",
        "ko",
        "2025-02-16",
        "jcs_kr",
        "합참은 북한이 오늘 오전 남포 인근 서해상의 함정에서 순항미사일 여러 발을 발사한 것을 포착했다고 밝혔다.",
        {
            "launch_date_local": "2025-02-16",
            "count": None,
            "count_qualifier": "multiple",
            "missile_class": "cruise",
            "range_km": [],
        },
    ),
    (
        "ko-agency-kcna-anti-air",
        "ko",
        "2025-02-18",
        None,
        "북한 조선중앙통신은 미사일총국이 전날 신형 반항공미사일 시험사격을 진행했다고 18일 보도했다.",
        {"launch_date_local": "2025-02-17", "missile_class": "anti_air", "range_km": []},
    ),
    (
        "ko-jcs-ballistic-place-being-checked",
        "ko",
        "2025-02-19",
        "jcs_kr",
        "합참은 북한이 오늘 오전 8시 12분경 동해상으로 탄도미사일 2발을 발사했다고 밝혔다. 정확한 발사 장소는 파악 "
        "중이다.",
        {
            "launch_times_local": ["08:12"],
            "count": 2,
            "launch_area": None,
            "launch_site": None,
            "landing": "sea_of_japan",
        },
    ),
    (
        "ko-paper-slbm-from-submarine",
        "ko",
        "2025-02-20",
        None,
        "북한이 20일 오후 함경남도 신포 인근 해상의 잠수함에서 탄도미사일 1발을 쏘아 올렸다고 군 당국이 밝혔다.",
        {
            "launch_date_local": "2025-02-20",
            "count": 1,
            "launch_site": "sinpo",
            "missile_class": "slbm",
        },
    ),
    # --- English: MOD, JCS, INDOPACOM, KCNA, wire copy -------------------------------------------
    (
        "en-mod-flash-possible-ballistic",
        "en",
        "2025-03-03",
        "mod_jp",
        "North Korea has launched a possible ballistic missile. It is currently in flight and is expected to fall "
        "into the Sea of Japan.",
        {
            "stage": "flash",
            "missile_class": "ballistic",
            "landing": "sea_of_japan",
            "launch_times_local": [],
            "range_km": [],
        },
    ),
    (
        "en-wire-unidentified-ballistic-east-sea",
        "en",
        "2025-03-04",
        None,
        "North Korea fired an unidentified ballistic missile into the East Sea on Tuesday morning, South Korea's "
        "Joint Chiefs of Staff said, without giving further details.",
        {
            "launch_date_local": "2025-03-04",
            "count": 1,
            "missile_class": "ballistic",
            "landing": "sea_of_japan",
            "range_km": [],
        },
    ),
    (
        "en-wire-exploded-shortly-after-launch",
        "en",
        "2025-03-05",
        None,
        "A missile North Korea fired from near Pyongyang at around 9:30 a.m. on Wednesday exploded shortly after "
        "launch, South Korea's military said, adding that it burst at an altitude below 20 km.",
        {
            "launch_date_local": "2025-03-05",
            "launch_times_local": ["09:30"],
            "count": 1,
            "launch_site": "pyongyang",
            "range_km": [],
        },
    ),
    (
        "en-indopacom-appeared-to-have-failed",
        "en",
        "2025-03-06",
        "indopacom",
        "U.S. Indo-Pacific Command is aware of a North Korean missile launch today. The launch appeared to have "
        "failed, and it posed no immediate threat to U.S. personnel or territory, or to our allies.",
        {"count": None, "range_km": [], "apogee_km": [], "landing": None},
    ),
    (
        "en-wire-satellite-launch-failed",
        "en",
        "2025-03-07",
        None,
        "North Korea's attempt to put a military reconnaissance satellite into orbit failed on Friday. The rocket, "
        "launched southward from the Sohae area at around 10:44 p.m., exploded in midair during its first-stage "
        "flight, South Korea's military said.",
        {
            "launch_date_local": "2025-03-07",
            "launch_times_local": ["22:44"],
            "launch_site": "sohae",
            "missile_class": "satellite_launch",
            "bearing_deg": 180,
        },
    ),
    (
        "en-kcna-satellite-put-into-orbit",
        "en",
        "2025-03-09",
        "kcna",
        "The National Aerospace Technology Administration successfully launched the reconnaissance satellite "
        "Malligyong-2 aboard a new carrier rocket from the Sohae Satellite Launching Ground in Cholsan County at "
        "22:42 on March 8, and the satellite was correctly put into its orbit 705 seconds later.",
        {"launch_date_local": "2025-03-08", "missile_class": "satellite_launch", "launch_site": "sohae"},
    ),
    (
        "en-mod-submarine-launched-ballistic",
        "en",
        "2025-03-10",
        "mod_jp",
        "At around 10:17 a.m. today, North Korea launched one submarine-launched ballistic missile from waters near "
        "Sinpo toward the east. It flew about 600 km at a maximum altitude of about 50 km.",
        {
            "launch_times_local": ["10:17"],
            "count": 1,
            "missile_class": "slbm",
            "launch_site": "sinpo",
            "range_km": [600],
            "apogee_km": [50],
            "bearing_deg": 90,
        },
    ),
    (
        "en-wire-cruise-from-warship",
        "en",
        "2025-03-11",
        None,
        "North Korea fired several cruise missiles from a warship off its west coast on Tuesday morning, South "
        "Korea's Joint Chiefs of Staff said.",
        {
            "launch_date_local": "2025-03-11",
            "count": None,
            "count_qualifier": "multiple",
            "missile_class": "cruise",
            "range_km": [],
        },
    ),
    (
        "en-wire-mlrs-rounds-yellow-sea",
        "en",
        "2025-03-12",
        None,
        "North Korea fired about 10 rounds from a multiple rocket launcher into the Yellow Sea from near Nampo "
        "at around 2:15 p.m. on Wednesday, the Joint Chiefs of Staff said.",
        {
            "launch_times_local": ["14:15"],
            "count": 10,
            "count_qualifier": "approx",
            "missile_class": "mlrs",
            "landing": "yellow_sea",
        },
    ),
    (
        "en-wire-artillery-barrage-is-other",
        "en",
        "2025-03-13",
        None,
        "North Korea fired more than 200 artillery shells near the western sea border on Thursday morning, "
        "prompting South Korea to order residents of Yeonpyeong Island into shelters, the JCS said.",
        {
            "launch_date_local": "2025-03-13",
            "count": 200,
            "count_qualifier": "at_least",
            "missile_class": "other",
            "range_km": [],
        },
    ),
    (
        "en-wire-two-launches-morning-afternoon",
        "en",
        "2025-03-14",
        None,
        "North Korea fired a short-range ballistic missile from near Pyongyang at 6:51 a.m. on Friday and another "
        "from the Kusong area at 4:32 p.m., South Korea's Joint Chiefs of Staff said.",
        {
            "launch_date_local": "2025-03-14",
            "launch_times_local": ["06:51", "16:32"],
            "count": 2,
            "missile_class": "ballistic",
        },
    ),
    (
        "en-mod-unknown-location",
        "en",
        "2025-03-15",
        "mod_jp",
        "At around 7:12 a.m. today, North Korea launched two ballistic missiles from an unknown location. Both are "
        "estimated to have fallen outside Japan's exclusive economic zone.",
        {
            "launch_times_local": ["07:12"],
            "count": 2,
            "launch_area": None,
            "launch_site": None,
            "eez": "outside",
        },
    ),
    (
        "en-mod-over-aomori-pacific-jalert",
        "en",
        "2025-03-16",
        "mod_jp",
        "At around 7:22 a.m. today, North Korea launched one ballistic missile from the inland area of North Korea "
        "toward the east. The missile passed over Aomori Prefecture at around 7:29 a.m. and fell into the Pacific "
        "Ocean about 3,200 km east of Japan at around 7:44 a.m. It flew about 4,600 km at a maximum altitude of "
        "about 1,000 km. The government issued a J-Alert at 7:27 a.m.",
        {
            "launch_times_local": ["07:22"],
            "count": 1,
            "landing": "pacific",
            "range_km": [4600],
            "apogee_km": [1000],
        },
    ),
    (
        "en-wire-range-revised",
        "en",
        "2025-03-17",
        None,
        "North Korea fired a short-range ballistic missile from near Wonsan on Monday morning. South Korea's Joint "
        "Chiefs of Staff first said it flew about 400 km but later revised the range to 600 km.",
        {"launch_date_local": "2025-03-17", "count": 1, "launch_site": "wonsan", "range_km": [600]},
    ),
    (
        "en-kcna-anti-aircraft-test",
        "en",
        "2025-03-19",
        "kcna",
        "The Missile Administration conducted a test-fire of new-type anti-aircraft missiles on March 18. The test "
        "verified the rapid-response capability of the system.",
        {"launch_date_local": "2025-03-18", "missile_class": "anti_air", "range_km": []},
    ),
    (
        "en-kcna-super-large-salvo-600mm",
        "en",
        "2025-03-21",
        "kcna",
        "A salvo of 600mm super-large multiple rocket launchers was fired on March 20. Six rockets flew 365 km and "
        "hit an island target precisely.",
        {"launch_date_local": "2025-03-20", "count": 6, "range_km": [365], "missile_class": "mlrs"},
    ),
]


@pytest.mark.parametrize(("case", "lang", "published", "source", "text", "expected"), CASES, ids=[c[0] for c in CASES])
def test_less_common_event(case, lang, published, source, text, expected):
    assert_statement(text, lang, published, source, expected)


def test_at_least_forty_cases_a_third_per_language():
    langs = [c[1] for c in CASES]
    assert len(CASES) >= 40 and all(langs.count(code) >= 13 for code in ("ja", "ko", "en"))
    assert len({c[0] for c in CASES}) == len(CASES) and len({c[4] for c in CASES}) == len(CASES)
