"""Other authorities, older formats and texts that are not launch reports: US INDOPACOM / DoD /
State Department / White House statements (no numbers, Hawaii and US Eastern times), ROK MND,
JCS and NSC statements in English and Korean (국방부, 국가안보실, 규탄), the Japanese Prime
Minister's Office notes (総理指示), MOD releases in their 2016-2020 wording, KCNA and Rodong
Sinmun variants (salvo drills, cruise missiles, satellites, anti-air missiles, exhibitions,
anniversaries and commentaries), and Korean headline shortenings (순안서). Every text was written
for these tests in those styles; none is copied from a real statement.

Each case lists only the fields its text states or must leave empty; a field left out of a
case is not checked by it.
"""

from __future__ import annotations

import pytest
from test_extract_heldout import assert_statement

# the numbers a statement without numbers must leave empty
NO_NUMBERS = {"count": None, "range_km": [], "apogee_km": [], "flight_minutes": None, "speed_mach": None}

# (case id, lang, published, source, text, expected fields)
CASES: list[tuple[str, str, str, str | None, str, dict]] = [
    # --- US statements ---------------------------------------------------------------------
    (
        "en-indopacom-aware-no-numbers-no-date",
        "en",
        "2025-11-29",
        "indopacom",
        "We are aware of the ballistic missile launch and are consulting closely with our Republic of Korea and "
        "Japanese allies and partners. While we have assessed that this event does not pose an immediate threat to "
        "U.S. personnel or territory, or to our allies, the launch highlights the destabilizing impact of the "
        "DPRK's unlawful weapons programs.",
        {**NO_NUMBERS, "launch_times_local": [], "launch_date_local": None, "missile_class": "ballistic"},
    ),
    (
        "en-indopacom-launches-today-no-numbers",
        "en",
        "2025-12-14",
        "indopacom",
        "U.S. Indo-Pacific Command is aware of the DPRK's missile launches today. Based on current assessments, "
        "the launches do not pose an immediate threat to U.S. personnel, territory, or our allies. Our "
        "commitment to the defense of the Republic of Korea and Japan remains ironclad.",
        {**NO_NUMBERS, "launch_times_local": [], "launch_date_local": "2025-12-14"},
    ),
    (
        "en-pacom-hawaii-time-to-korea-time",
        "en",
        "2025-07-04",
        "indopacom",
        "U.S. Pacific Command detected and tracked what we assess was a single North Korean ballistic missile "
        "launch at 5:42 p.m. (Hawaii time) July 3. The launch occurred in the vicinity of Sunan and the missile "
        "flew east before it landed in the Sea of Japan. U.S. Pacific Command determined the missile did not "
        "pose a threat to Guam.",
        {
            "launch_times_local": ["12:42"],
            "launch_date_local": "2025-07-04",
            "launch_utc": "2025-07-04T03:42:00Z",
            "count": 1,
            "launch_site": "sunan",
            "landing": "sea_of_japan",
            "range_km": [],
        },
    ),
    (
        "en-dod-eastern-time-nautical-miles-are-impact-distance",
        "en",
        "2025-02-12",
        "dod",
        "The Department of Defense detected and tracked a North Korean ballistic missile launch at 8:30 p.m. "
        "Eastern time Feb. 11. The missile overflew northern Japan before landing in the Pacific Ocean "
        "approximately 400 nautical miles east of Japan.",
        {
            "launch_times_local": ["10:30"],
            "launch_date_local": "2025-02-12",
            "launch_utc": "2025-02-12T01:30:00Z",
            "range_km": [],
            "landing": "pacific",
        },
    ),
    (
        "en-state-department-condemns-no-numbers",
        "en",
        "2025-06-02",
        None,
        "The United States condemns the DPRK's ballistic missile launch. This launch violates multiple UN Security "
        "Council resolutions and poses a threat to the DPRK's neighbors and the international community. We call "
        "on the DPRK to refrain from further destabilizing acts and to engage in serious dialogue.",
        {**NO_NUMBERS, "launch_times_local": [], "missile_class": "ballistic"},
    ),
    (
        "en-white-house-readout-icbm-no-numbers",
        "en",
        "2025-06-03",
        None,
        "The National Security Advisor spoke today with his counterparts from the Republic of Korea and Japan to "
        "discuss the DPRK's intercontinental ballistic missile launch. They condemned the launch and agreed to "
        "strengthen trilateral security cooperation.",
        {**NO_NUMBERS, "launch_times_local": [], "missile_class": "icbm"},
    ),
    (
        "en-white-house-summit-readout-is-no-launch",
        "en",
        "2025-06-10",
        None,
        "President met with the President of the Republic of Korea at the White House today. The leaders "
        "reaffirmed their commitment to the complete denuclearization of the Korean Peninsula and discussed the "
        "threat posed by the DPRK's nuclear and ballistic missile programs.",
        {"is_launch_report": False},
    ),
    (
        "en-dod-exercise-announcement-is-no-launch",
        "en",
        "2025-08-18",
        "dod",
        "U.S. and Republic of Korea forces began their annual combined exercise today. The exercise strengthens "
        "the alliance's ability to respond to North Korean missile threats, including ballistic missile launches "
        "such as those seen in recent years.",
        {"is_launch_report": False},
    ),
    # --- ROK English ---------------------------------------------------------------------------
    (
        "en-mnd-condemns-launch-this-morning",
        "en",
        "2025-05-08",
        "mnd_kr",
        "The Ministry of National Defense strongly condemns North Korea's launch of ballistic missiles toward the "
        "East Sea this morning, a clear provocation that threatens peace on the Korean Peninsula. Our military "
        "maintains a firm readiness posture in close cooperation with the United States.",
        {**NO_NUMBERS, "launch_date_local": "2025-05-08", "landing": "sea_of_japan"},
    ),
    (
        "en-jcs-release-kaechon-one-srbm",
        "en",
        "2025-05-09",
        "jcs_kr",
        "At around 11:05 a.m. today, our military detected one short-range ballistic missile launched by North "
        "Korea from the Kaechon area, South Pyongan Province, toward the East Sea. The missile flew about 400 km.",
        {
            "launch_times_local": ["11:05"],
            "launch_date_local": "2025-05-09",
            "count": 1,
            "range_km": [400],
            "range_qualifier": "approx",
            "launch_site": "kaechon",
            "landing": "sea_of_japan",
        },
    ),
    (
        "en-jcs-release-two-missiles-first-second",
        "en",
        "2025-05-20",
        "jcs_kr",
        "North Korea launched two short-range ballistic missiles from the Hamhung area, South Hamgyong Province, "
        "into the East Sea at 6:20 a.m. and 6:31 a.m., respectively. The first missile flew about 350 km, and "
        "the second flew about 600 km.",
        {
            "launch_times_local": ["06:20", "06:31"],
            "count": 2,
            "range_km": [350, 600],
            "launch_site": "hamhung",
        },
    ),
    (
        "en-nsc-statement-long-range-no-numbers",
        "en",
        "2025-10-31",
        None,
        "The National Security Council held an emergency meeting chaired by the Director of National Security "
        "following North Korea's launch of a long-range ballistic missile, and condemned it as a grave violation "
        "of UN Security Council resolutions.",
        {"launch_times_local": [], "range_km": [], "apogee_km": [], "flight_minutes": None},
    ),
    # --- wire English --------------------------------------------------------------------------
    (
        "en-gmt-weekday-belongs-to-gmt-and-area-at-sentence-end",
        "en",
        "2025-03-10",
        None,
        "North Korea fired a short-range ballistic missile into the sea at 7:44 a.m. (2244 GMT Sunday) from near "
        "Pyongyang. The missile flew about 350 km, South Korea's military said.",
        {
            "launch_times_local": ["07:44"],
            "launch_date_local": "2025-03-10",
            "launch_utc": "2025-03-09T22:44:00Z",
            "launch_area": "near Pyongyang",
            "launch_site": "pyongyang",
            "range_km": [350],
        },
    ),
    # --- KCNA ----------------------------------------------------------------------------------
    (
        "en-kcna-long-dateline-cruise-figure-8",
        "en",
        "2025-09-09",
        None,
        "Pyongyang, September 9 (Korean Central News Agency) -- The Missile General Bureau of the DPRK "
        "test-fired new-type strategic cruise missiles on Sunday. The cruise missiles flew 1 500 km along "
        "elliptical and figure-8 orbits over the West Sea for 7 800 seconds and hit the target island.",
        {
            "authority": "kcna",
            "launch_date_local": "2025-09-07",
            "range_km": [1500],
            "flight_minutes": 130,
            "missile_class": "cruise",
        },
    ),
    (
        "en-kcna-mlrs-salvo-six-rockets",
        "en",
        "2025-03-11",
        "kcna",
        "Kim Jong Un Guides Salvo Firing Drill of Super-large Multiple Rocket Launchers\n"
        "Pyongyang, March 11 (KCNA) -- Kim Jong Un guided a salvo firing drill of a battery of super-large "
        "multiple rocket launchers on Monday. Six 600mm rockets fired in a salvo hit an island target 365 km "
        "away with high accuracy.",
        {"launch_date_local": "2025-03-10", "count": 6, "range_km": [365], "missile_class": "mlrs"},
    ),
    (
        "en-kcna-satellite-sohae-exact-second",
        "en",
        "2025-11-22",
        "kcna",
        "Pyongyang, November 22 (KCNA) -- The National Aerospace Technology Administration launched the "
        "reconnaissance satellite Malligyong-2 aboard the new-type carrier rocket Chollima-1 from the Sohae "
        "Satellite Launching Ground in Cholsan County, North Phyongan Province at 22:42:28 on November 21.",
        {
            "launch_times_local": ["22:42"],
            "launch_date_local": "2025-11-21",
            "launch_site": "sohae",
            "missile_class": "satellite_launch",
        },
    ),
    (
        "en-kcna-anti-aircraft-test-fire",
        "en",
        "2025-04-18",
        "kcna",
        "Pyongyang, April 18 (KCNA) -- The Missile Administration conducted a test-fire of new-type anti-aircraft "
        "missiles on Thursday. The missiles hit target drones flying at different altitudes.",
        {"launch_date_local": "2025-04-17", "missile_class": "anti_air", "range_km": []},
    ),
    (
        "en-kcna-tactical-guided-weapon-old-headline",
        "en",
        "2025-07-26",
        "kcna",
        "Kim Jong Un Oversees Test-fire of New-type Tactical Guided Weapon\n"
        "Pyongyang, July 26 (KCNA) -- A test-fire of a new-type tactical guided weapon was conducted on July 25 "
        "under the guidance of Kim Jong Un. The weapon flew 420 km and hit the target.",
        {"launch_date_local": "2025-07-25", "range_km": [420]},
    ),
    (
        "en-kcna-exhibition-is-no-launch",
        "en",
        "2025-10-05",
        "kcna",
        "Pyongyang, October 5 (KCNA) -- The exhibition of armed equipment Defence Development-2025 opened in "
        "Pyongyang. Hwasong-series intercontinental ballistic missiles, hypersonic missiles and multiple rocket "
        "launchers were displayed at the exhibition hall.",
        {"is_launch_report": False},
    ),
    (
        "en-kcna-anniversary-past-launch-is-no-launch",
        "en",
        "2025-11-29",
        "kcna",
        "Pyongyang, November 29 (KCNA) -- A national meeting was held to mark the anniversary of the day when "
        "the DPRK declared the completion of its state nuclear force after the test-launch of the ICBM "
        "Hwasong-15 eight years ago. Speakers recalled the historic test-fire as a great victory.",
        {"is_launch_report": False},
    ),
    (
        "en-kcna-commentary-on-us-drills-is-no-launch",
        "en",
        "2025-08-20",
        "kcna",
        "Pyongyang, August 20 (KCNA) -- The US and the south Korean puppet military staged a large-scale air drill "
        "involving B-1B strategic bombers, a reckless provocation against the DPRK. The army of the DPRK will "
        "take resolute countermeasures with its strategic forces.",
        {"is_launch_report": False},
    ),
    (
        "en-rodong-sinmun-article-is-no-launch",
        "en",
        "2025-09-12",
        None,
        "Rodong Sinmun Friday carried an article stressing that the missile forces of the DPRK are fully ready "
        "to retaliate against any aggression. The paper said the nuclear deterrent will be bolstered in every way.",
        {"is_launch_report": False},
    ),
    (
        "en-kcna-factory-visit-is-no-launch",
        "en",
        "2025-03-30",
        "kcna",
        "Pyongyang, March 30 (KCNA) -- Kim Jong Un visited a munitions enterprise that produces missile launching "
        "vehicles and shells for multiple rocket launchers. He praised the workers for overfulfilling the "
        "production plan.",
        {"is_launch_report": False},
    ),
    # --- Korean authorities and wire -------------------------------------------------------------
    (
        "ko-mnd-condemns-no-numbers",
        "ko",
        "2025-05-08",
        "mnd_kr",
        "국방부는 북한의 탄도미사일 발사를 강력히 규탄한다. 이는 한반도는 물론 국제사회의 평화와 안정을 위협하는 "
        "명백한 도발 행위이며, 북한은 즉각 도발을 중단해야 한다.",
        {**NO_NUMBERS, "launch_times_local": [], "missile_class": "ballistic"},
    ),
    (
        "ko-nsc-standing-committee-no-numbers",
        "ko",
        "2025-10-31",
        None,
        "국가안보실은 오늘 오전 국가안전보장회의(NSC) 상임위원회를 긴급 소집해 북한의 장거리탄도미사일 발사에 대한 "
        "대응 방안을 논의했다. 참석자들은 이번 발사가 유엔 안보리 결의를 정면으로 위반한 것이라고 규탄했다.",
        {**NO_NUMBERS, "launch_times_local": [], "missile_class": "icbm"},
    ),
    (
        "ko-mnd-yesterday-launch-condemned",
        "ko",
        "2025-06-03",
        "mnd_kr",
        "국방부는 북한이 어제 동해상으로 발사한 탄도미사일과 관련해 긴급 지휘관 회의를 열고 대비태세를 점검했다.",
        {**NO_NUMBERS, "launch_date_local": "2025-06-02", "landing": "sea_of_japan"},
    ),
    (
        "ko-headline-sunan-seo",
        "ko",
        "2025-05-01",
        None,
        '북한, 평양 순안서 탄도미사일 발사…합참 "동해상으로 1발"',
        {"launch_site": "sunan", "count": 1, "landing": "sea_of_japan"},
    ),
    (
        "ko-headline-hwangju-seo-two-srbm",
        "ko",
        "2025-05-12",
        None,
        "北, 황해북도 황주서 동해상으로 SRBM 2발 발사…약 300km 비행",
        {"launch_site": "hwangju", "count": 2, "range_km": [300]},
    ),
    (
        "ko-headline-sinpo-sea-seo-slbm",
        "ko",
        "2025-05-14",
        None,
        "北, 신포 앞바다서 SLBM 1발 기습 발사",
        {"launch_site": "sinpo", "count": 1, "missile_class": "slbm"},
    ),
    (
        "ko-hamhung-seo-body",
        "ko",
        "2025-05-16",
        None,
        "합참에 따르면 북한은 이날 오전 8시 5분께 함흥서 동해상으로 단거리탄도미사일 수 발을 쐈다.",
        {"launch_times_local": ["08:05"], "launch_site": "hamhung", "count_qualifier": "multiple", "count": None},
    ),
    (
        "ko-jcs-cruise-sukchon-west-sea",
        "ko",
        "2025-05-18",
        "jcs_kr",
        "합참은 오늘 오후 3시 30분경 북한이 평안남도 숙천 일대에서 서해상으로 발사한 순항미사일 수발을 포착했다.",
        {
            "launch_times_local": ["15:30"],
            "launch_site": "sukchon",
            "landing": "yellow_sea",
            "missile_class": "cruise",
        },
    ),
    (
        "ko-jcs-super-large-mlrs",
        "ko",
        "2025-05-19",
        "jcs_kr",
        "합참은 오늘 오전 6시 50분경 북한이 평양 일대에서 동해상으로 발사한 초대형방사포 6발을 포착했다고 밝혔다. "
        "방사포는 약 360km를 비행했다.",
        {"launch_times_local": ["06:50"], "count": 6, "range_km": [360], "missile_class": "mlrs"},
    ),
    (
        "ko-satellite-south-direction",
        "ko",
        "2025-11-21",
        "jcs_kr",
        "합참은 북한이 오늘 오후 10시 43분경 평안북도 동창리 일대에서 남쪽 방향으로 군사정찰위성 발사체 1발을 "
        "발사했다고 밝혔다.",
        {
            "launch_times_local": ["22:43"],
            "launch_site": "sohae",
            "direction": "남쪽",
            "missile_class": "satellite_launch",
        },
    ),
    (
        "ko-kcna-anti-air-report",
        "ko",
        "2025-04-18",
        None,
        "조선중앙통신은 북한 미사일총국이 17일 신형 반항공미사일 시험사격을 진행했다고 보도했다.",
        {"launch_date_local": "2025-04-17", "missile_class": "anti_air"},
    ),
    (
        "ko-combined-exercise-is-no-launch",
        "ko",
        "2025-08-18",
        "mnd_kr",
        "국방부는 북한의 핵·미사일 위협에 대비한 한미연합연습을 오늘부터 11일간 실시한다고 밝혔다.",
        {"is_launch_report": False},
    ),
    (
        "ko-satellite-preparation-signs-is-no-launch",
        "ko",
        "2025-09-01",
        None,
        "합참은 북한이 동창리 일대에서 정찰위성 발사를 준비하는 정황을 한미 정보당국이 추적 감시하고 있다고 밝혔다.",
        {"is_launch_report": False},
    ),
    (
        "ko-anniversary-event-is-no-launch",
        "ko",
        "2025-11-29",
        None,
        "북한은 화성-15형 시험발사 8주년을 맞아 평양에서 기념 보고회를 열었다고 조선중앙통신이 전했다.",
        {"is_launch_report": False},
    ),
    (
        "ko-surveillance-posture-only-is-no-launch",
        "ko",
        "2025-09-09",
        "jcs_kr",
        "우리 군은 북한의 추가 도발에 대비해 감시와 경계를 강화하고 있으며, 미국과 긴밀히 공조하고 있다.",
        {"is_launch_report": False},
    ),
    # --- Japanese: Prime Minister's Office and Cabinet -------------------------------------------
    (
        "ja-kantei-note-bullets-and-three-instructions",
        "ja",
        "2025-06-20",
        None,
        "北朝鮮のミサイル発射について\n"
        "・本日午前7時10分頃、北朝鮮から弾道ミサイルの可能性があるものが発射された。\n"
        "【総理指示】\n"
        "１．情報収集・分析に全力を挙げ、国民に対して迅速・的確な情報提供を行うこと\n"
        "２．航空機、船舶等の安全確認を徹底すること\n"
        "３．不測の事態に備え、万全の態勢をとること",
        {"launch_times_local": ["07:10"], "launch_date_local": "2025-06-20", **NO_NUMBERS},
    ),
    (
        "ja-kantei-instructions-without-time",
        "ja",
        "2025-06-21",
        None,
        "北朝鮮から弾道ミサイルの可能性があるものが発射されたとの報告を受け、総理から関係省庁に対し、"
        "情報収集・分析に全力を挙げるよう指示があった。",
        {"launch_times_local": [], **NO_NUMBERS},
    ),
    (
        "ja-chief-cabinet-secretary-protest-no-numbers",
        "ja",
        "2025-06-22",
        None,
        "官房長官は記者会見で、北朝鮮が弾道ミサイルを発射したことについて、北京の大使館ルートを通じて厳重に抗議し、"
        "強く非難したと述べた。",
        {"launch_times_local": [], **NO_NUMBERS},
    ),
    (
        "ja-kantei-over-hokkaido",
        "ja",
        "2025-06-23",
        None,
        "本日午前6時57分頃、北朝鮮から発射された弾道ミサイルは、北海道上空を通過し、襟裳岬の東約1200kmの太平洋上に"
        "落下した模様である。",
        {"launch_times_local": ["06:57"], "landing": "pacific", "range_km": []},
    ),
    (
        "ja-kantei-over-erimo-landing-not-yet-known",
        "ja",
        "2025-06-24",
        None,
        "本日午前7時2分頃、北朝鮮から発射された弾道ミサイルは、北海道襟裳岬上空を通過したとみられる。",
        {"launch_times_local": ["07:02"], "landing": "over_japan", **NO_NUMBERS},
    ),
    (
        "en-pacom-overflew-territory-of-northern-japan",
        "en",
        "2025-06-24",
        "indopacom",
        "U.S. Pacific Command detected a North Korean ballistic missile launch; the missile overflew the territory "
        "of northern Japan. We continue to monitor the situation.",
        {"landing": "over_japan", "launch_date_local": None, "launch_times_local": []},
    ),
    (
        "ja-cabinet-press-conference-is-no-launch",
        "ja",
        "2025-07-01",
        None,
        "官房長官は定例の記者会見で、北朝鮮の核・ミサイル開発は断じて容認できず、日米韓で緊密に連携していくと述べた。",
        {"is_launch_report": False},
    ),
    # --- Japanese: MOD releases, older wording -------------------------------------------------
    (
        "ja-mod-2016-west-coast-oga-peninsula-eez",
        "ja",
        "2016-08-03",
        "mod_jp",
        "本日午前7時11分頃、北朝鮮西岸から弾道ミサイル1発が東方向に発射されました。弾道ミサイルは約1000km飛翔し、"
        "秋田県男鹿半島の西約250kmの我が国の排他的経済水域内に落下したものと推定されます。",
        {
            "launch_times_local": ["06:41"],
            "tz": "+08:30",
            "launch_utc": "2016-08-02T22:11:00Z",
            "launch_date_local": "2016-08-03",
            "count": 1,
            "range_km": [1000],
            "range_qualifier": "approx",
            "launch_area": "北朝鮮西岸",
            "direction": "東",
            "eez": "inside",
        },
    ),
    (
        "ja-mod-2017-sunan-over-erimo",
        "ja",
        "2017-09-15",
        "mod_jp",
        "本日午前6時57分頃、北朝鮮の平壌近郊の順安付近から、弾道ミサイル1発が北東方向に発射されました。発射された"
        "弾道ミサイルは北海道襟裳岬上空を通過し、襟裳岬の東約2200kmの太平洋上に落下したものと推定されます。",
        {
            "launch_times_local": ["06:27"],
            "launch_utc": "2017-09-14T21:57:00Z",
            "count": 1,
            "launch_site": "sunan",
            "landing": "pacific",
            "range_km": [],
            "direction": "北東",
        },
    ),
    (
        "ja-mod-2017-icbm-about-50-minutes",
        "ja",
        "2017-11-29",
        "mod_jp",
        "本日午前3時18分頃、北朝鮮西岸の平安南道平城付近から、弾道ミサイル1発が東方向に発射されました。弾道ミサイル"
        "は約50分間飛翔し、青森県西方約250kmの我が国の排他的経済水域内に落下したものと推定されます。",
        {
            "launch_times_local": ["02:48"],
            "flight_minutes": 50,
            "range_km": [],
            "launch_site": "pyongsong",
            "eez": "inside",
        },
    ),
    (
        "ja-mod-2016-sohae-south-satellite-claim",
        "ja",
        "2016-02-07",
        "mod_jp",
        "本日午前9時31分頃、北朝鮮西岸の東倉里付近から、「人工衛星」と称する弾道ミサイル1発が南方向に発射されました。",
        {"launch_times_local": ["09:01"], "count": 1, "launch_site": "sohae", "direction": "南"},
    ),
    (
        "ja-mod-2019-wonsan-two-each-450",
        "ja",
        "2019-07-25",
        "mod_jp",
        "本日午前5時34分頃及び午前5時57分頃、北朝鮮東岸の元山付近から、短距離弾道ミサイル2発が北東方向に発射され"
        "ました。いずれも約450km飛翔し、我が国の排他的経済水域外の日本海に落下したものと推定されます。",
        {
            "launch_times_local": ["05:34", "05:57"],
            "count": 2,
            "range_km": [450],
            "launch_site": "wonsan",
            "eez": "outside",
        },
    ),
    (
        "ja-mod-2019-kusong-northwest-area",
        "ja",
        "2019-05-09",
        "mod_jp",
        "本日午後4時29分頃、北朝鮮北西部の亀城付近から、弾道ミサイル2発が東方向に発射されました。",
        {"launch_times_local": ["16:29"], "count": 2, "launch_site": "kusong"},
    ),
    (
        "ja-wire-kcna-mlrs-salvo",
        "ja",
        "2025-03-11",
        None,
        "朝鮮中央通信は11日、金正恩総書記の立ち会いの下、超大型放射砲の一斉射撃訓練を10日に行ったと報じた。",
        {"missile_class": "mlrs"},
    ),
    (
        "ja-parade-new-icbm-is-no-launch",
        "ja",
        "2025-10-11",
        None,
        "北朝鮮は10日夜、平壌で軍事パレードを行い、新型の大陸間弾道ミサイルを初めて公開した。",
        {"is_launch_report": False},
    ),
    (
        "ja-white-paper-frequency-is-no-launch",
        "ja",
        "2025-07-15",
        None,
        "防衛白書は、北朝鮮がかつてない高い頻度で弾道ミサイルを発射しており、我が国の安全保障にとって重大かつ"
        "差し迫った脅威であると指摘している。",
        {"is_launch_report": False},
    ),
    (
        "ja-trilateral-bmd-drill-is-no-launch",
        "ja",
        "2025-07-20",
        None,
        "日米韓の3か国は、北朝鮮の核・ミサイルの脅威に対応するため、日本海で弾道ミサイル防衛訓練を実施した。",
        {"is_launch_report": False},
    ),
]


@pytest.mark.parametrize(("case", "lang", "published", "source", "text", "expected"), CASES, ids=[c[0] for c in CASES])
def test_authority_statement(case, lang, published, source, text, expected):
    assert_statement(text, lang, published, source, expected)


def test_at_least_fifty_varied_cases_with_non_launch_and_number_free_texts():
    langs = [c[1] for c in CASES]
    assert len(CASES) >= 50 and all(langs.count(code) >= 12 for code in ("ja", "ko", "en"))
    assert len({c[4] for c in CASES}) == len(CASES)
    no_launch = [c for c in CASES if c[5].get("is_launch_report") is False]
    number_free = [c for c in CASES if c[5].get("is_launch_report", True) and NO_NUMBERS.items() <= c[5].items()]
    assert len(no_launch) >= 12 and len(number_free) >= 8
