"""Held-out checks: statements written for these tests in the styles the extractor meets
(Japan MOD in Japanese and English, JCS first and final notices in Korean and English,
MND, wire reports quoting several authorities, INDOPACOM and Pentagon statements, KCNA),
with varied wording, so that the rules are tested as rules and not as one sentence each.

Each case lists only the fields its text states or must leave empty; a field left out
of a case is not checked by it.
"""

from __future__ import annotations

import pytest
from extraction import extract

# (case id, lang, published, source, text, expected fields)
CASES: list[tuple[str, str, str, str | None, str, dict]] = [
    # --- Japan MOD, English site ---------------------------------------------------------
    (
        "mod-en-two-missiles-itemized-in-one-sentence",
        "en",
        "2025-04-11",
        "mod_jp",
        "At around 10:27 p.m. today, North Korea launched two ballistic missiles from the vicinity of the west "
        "coast toward the east. The first missile flew about 650 km at a maximum altitude of about 100 km, and the "
        "second flew about 600 km at a maximum altitude of about 90 km. Both are estimated to have fallen into the "
        "Sea of Japan outside Japan's exclusive economic zone (EEZ).",
        {
            "launch_times_local": ["22:27"],
            "launch_date_local": "2025-04-11",
            "count": 2,
            "range_km": [650, 600],
            "apogee_km": [100, 90],
            "direction": "east",
            "landing": "sea_of_japan",
            "eez": "outside",
            "missiles": [(1, 650, 100), (2, 600, 90)],
            "launch_area": "vicinity of the west coast",
        },
    ),
    (
        "mod-en-icbm-minutes-and-more-than",
        "en",
        "2025-06-02",
        "mod_jp",
        "North Korea fired one ICBM-class ballistic missile in an easterly direction from the vicinity of Pyongyang "
        "at around 8:24 a.m. The missile flew for about 73 minutes, traveling approximately 1,000 km at a maximum "
        "altitude of more than 6,000 km, and is estimated to have landed inside Japan's EEZ about 200 km west of "
        "Okushiri Island at around 9:37 a.m.",
        {
            "launch_times_local": ["08:24"],
            "flight_minutes": 73,
            "range_km": [1000],
            "apogee_km": [6000],
            "apogee_qualifier": "over",
            "eez": "inside",
            "missile_class": "icbm",
            "launch_site": "pyongyang",
            "bearing_deg": 90,
        },
    ),
    (
        "mod-en-window-between-and-none-seen",
        "en",
        "2025-07-19",
        "mod_jp",
        "Today, between around 6:01 and 6:23 a.m., North Korea launched several ballistic missiles from the "
        "vicinity of Sunan toward the northeast. Each flew roughly 350 km, reaching a maximum altitude of roughly "
        "50 km. No missile has been confirmed to have reached Japan's EEZ.",
        {
            "launch_times_local": ["06:01", "06:23"],
            "count": None,
            "count_qualifier": "multiple",
            "range_km": [350],
            "apogee_km": [50],
            "launch_site": "sunan",
            "bearing_deg": 45,
            "eez": "none_seen",
        },
    ),
    (
        "mod-en-flight-distance-was-over-japan",
        "en",
        "2025-09-30",
        "mod_jp",
        "North Korea launched a ballistic missile from the vicinity of its east coast at around 3:15 p.m. It passed "
        "over the Tohoku region of Japan and fell into the Pacific Ocean about 3,200 km east of Japan. The flight "
        "distance was about 4,600 km and the maximum altitude about 1,000 km.",
        {"launch_times_local": ["15:15"], "range_km": [4600], "apogee_km": [1000], "landing": "pacific"},
    ),
    (
        "mod-en-window-from-kaechon-interval",
        "en",
        "2025-02-14",
        "mod_jp",
        "Three ballistic missiles were launched by North Korea between 6:01 and 6:23 a.m. today from around "
        "Kaechon. They flew some 300 to 350 kilometers, at altitudes of up to 60 kilometers.",
        {
            "launch_times_local": ["06:01", "06:23"],
            "count": 3,
            "range_km": [300, 350],
            "apogee_km": [60],
            "apogee_qualifier": "at_most",
            "launch_site": "kaechon",
        },
    ),
    (
        "mod-en-slbm-irregular-trajectory",
        "en",
        "2025-04-20",
        "mod_jp",
        "North Korea launched what appeared to be an SLBM from waters off Sinpo at around 9:13 a.m. The missile "
        "flew on an irregular trajectory for approximately 600 km with a maximum altitude of approximately 50 km, "
        "and it is believed to have fallen in the Sea of Japan outside Japan's EEZ.",
        {
            "launch_times_local": ["09:13"],
            "range_km": [600],
            "apogee_km": [50],
            "missile_class": "slbm",
            "launch_site": "sinpo",
            "eez": "outside",
        },
    ),
    (
        "mod-en-three-times-nautical-miles-16-point-direction",
        "en",
        "2025-08-02",
        "mod_jp",
        "North Korea launched three ballistic missiles from around Pyongyang toward the east-northeast at around "
        "7:52 a.m., 8:03 a.m. and 8:11 a.m. Each of them traveled more than 200 nautical miles.",
        {
            "launch_times_local": ["07:52", "08:03", "08:11"],
            "count": 3,
            "range_km": [370.4],
            "range_qualifier": "over",
            "direction": "east-northeast",
            "bearing_deg": 67.5,
        },
    ),
    # --- INDOPACOM and the Pentagon: no numbers, their own clocks ------------------------------
    (
        "indopacom-number-free",
        "en",
        "2025-04-12",
        "indopacom",
        "HONOLULU -- U.S. Indo-Pacific Command is aware of North Korea's ballistic missile launches today. We are "
        "consulting closely with the Republic of Korea and Japan. While we have assessed that this event does not "
        "pose an immediate threat to U.S. personnel, territory, or to our allies, the launches highlight the "
        "destabilizing impact of the DPRK's unlawful programs.",
        {
            "is_launch_report": True,
            "authority": "indopacom",
            "launch_times_local": [],
            "count": None,
            "range_km": [],
            "apogee_km": [],
            "speed_mach": None,
            "launch_site": None,
            "tz": "-10:00",
        },
    ),
    (
        "indopacom-dateline-time-is-not-a-launch-time",
        "en",
        "2025-04-12",
        "indopacom",
        "CAMP H.M. SMITH, Hawaii (April 11, 2025, 9:45 p.m. HST) -- We are aware of the missile launch and are in "
        "close contact with our allies. The U.S. commitment to the defense of the ROK and Japan remains ironclad.",
        {"launch_times_local": [], "launch_utc": None, "count": None, "range_km": []},
    ),
    (
        "pentagon-dateline-time-is-not-a-launch-time",
        "en",
        "2025-09-09",
        "dod",
        "WASHINGTON (Sept. 9, 2025, 8:40 p.m. EDT) -- We are aware of North Korea's ballistic missile launch. The "
        "United States condemns this action.",
        # no launch date stated: the statement's own date (hours later, in Washington) is not taken for it
        {
            "launch_times_local": [],
            "launch_utc": None,
            "launch_date_local": None,
            "tz": None,
            "missile_class": "ballistic",
        },
    ),
    (
        "indopacom-launch-time-in-hawaii-time",
        "en",
        "2025-07-01",
        "indopacom",
        "U.S. Indo-Pacific Command is aware of the DPRK missile launch on June 30 at 3:25 p.m. Hawaii time. We are "
        "consulting with our allies.",
        {"launch_times_local": ["10:25"], "launch_date_local": "2025-07-01", "tz": "+09:00"},
    ),
    (
        "pentagon-eastern-time-without-a-date-is-not-converted-by-guess",
        "en",
        None,
        "dod",
        "The Pentagon said the missile was fired at 7 a.m. and is assessing the launch.",
        {"launch_times_local": [], "launch_date_local": None},
    ),
    (
        "pentagon-zone-label-after-pm-stays-in-the-sentence",
        "en",
        None,
        "dod",
        "The Department of Defense detected a missile launch at 9:40 p.m. EDT.",
        {"launch_times_local": ["10:40"]},
    ),
    (
        "indopacom-quotes-a-time-in-korea-standard-time",
        "en",
        "2025-11-05",
        "indopacom",
        "U.S. Indo-Pacific Command is aware of a ballistic missile launch from North Korea at 7:44 a.m. Korea "
        "Standard Time on Nov. 5.",
        {"launch_times_local": ["07:44"], "launch_date_local": "2025-11-05", "tz": "+09:00"},
    ),
    (
        "indopacom-quotes-seoul-in-local-time",
        "en",
        "2025-11-05",
        "indopacom",
        "North Korea launched two missiles at 5:05 a.m. and 5:23 a.m. local time (2005 and 2023 GMT Wednesday), "
        "Seoul said.",
        {"launch_times_local": ["05:05", "05:23"], "count": 2},
    ),
    # --- wire reports quoting several authorities ----------------------------------------------
    (
        "wire-jcs-and-japan-disagree",
        "en",
        "2025-05-08",
        None,
        "SEOUL, May 8 (Reuters) - North Korea fired multiple short-range ballistic missiles off its east coast on "
        "Thursday morning, South Korea's military said. The Joint Chiefs of Staff said the missiles were fired from "
        "the Wonsan area between 8:10 a.m. and 9:20 a.m. and flew up to 800 km. Japan's Defense Ministry said at "
        "least two missiles reached a maximum altitude of about 100 km and fell outside its exclusive economic zone.",
        {
            "launch_times_local": ["08:10", "09:20"],
            "range_km": [800],
            "range_qualifier": "at_most",
            "apogee_km": [100],
            "launch_site": "wonsan",
            "eez": "outside",
            "claims": {"jcs": (None, [800], []), "mod_jp": (2, [], [100])},
        },
    ),
    (
        "wire-miles-in-brackets-and-tokyo",
        "en",
        "2025-01-14",
        None,
        "North Korea launched three short-range missiles into the sea off its east coast, according to Seoul. The "
        "JCS said the missiles flew roughly 250 km (155 miles). Tokyo said the missiles reached an altitude of 50 "
        "km and traveled about 300 km, landing outside Japan's EEZ.",
        {
            "count": 3,
            "range_km": [250, 300],
            "apogee_km": [50],
            "claims": {"jcs": (3, [250], []), "mod_jp": (None, [300], [50])},
        },
    ),
    (
        "wire-british-spelling-defence",
        "en",
        "2025-03-10",
        None,
        "North Korea fired a ballistic missile that flew more than 1,000 kilometres before splashing down off its "
        "east coast, South Korea's Joint Chiefs of Staff said. Japan's defence ministry said the missile flew for "
        "about 70 minutes and reached an altitude of more than 6,000 kilometres.",
        {
            "range_km": [1000],
            "range_qualifier": "over",
            "apogee_km": [6000],
            "flight_minutes": 70,
            "claims": {"jcs": (1, [1000], []), "mod_jp": (None, [], [6000])},
        },
    ),
    (
        "wire-miles-converted-when-alone",
        "en",
        "2025-03-02",
        None,
        "The missile, launched at 11:05 p.m. local time from near Hamhung, flew more than 500 miles and reached an "
        "altitude of about 40 miles, according to the Japanese defense ministry.",
        {
            "launch_times_local": ["23:05"],
            "range_km": [804.7],
            "range_qualifier": "over",
            "apogee_km": [64.4],
            "launch_site": "hamhung",
            "claims": {"mod_jp": (None, [804.7], [64.4])},
        },
    ),
    (
        "wire-number-word-count-and-hours",
        "en",
        "2025-02-14",
        None,
        "Pyongyang test-launched two cruise missiles over the Yellow Sea early on Friday, Seoul's Joint Chiefs of "
        "Staff said, adding that the weapons flew for roughly two hours.",
        {
            "count": 2,
            "missile_class": "cruise",
            "flight_minutes": 120,
            "landing": "yellow_sea",
            "launch_date_local": "2025-02-14",
            "launch_times_local": [],
        },
    ),
    (
        "wire-respectively-with-apogees-and-kst",
        "en",
        "2025-10-05",
        None,
        "North Korea fired two ballistic missiles between 9:10 and 9:25 p.m. (KST), the JCS said. They flew about "
        "370 km and 390 km respectively at apogees of 25 km and 30 km.",
        {"launch_times_local": ["21:10", "21:25"], "range_km": [370, 390], "apogee_km": [25, 30]},
    ),
    (
        "wire-denial-is-no-launch",
        "en",
        "2025-06-15",
        None,
        "There was no missile launch by North Korea on Sunday, the Joint Chiefs of Staff said, denying a media report.",
        {"is_launch_report": False},
    ),
    (
        "wire-altitude-above",
        "en",
        "2025-07-01",
        None,
        "Japan's Defense Minister said the ICBM, fired at 7:11 a.m., flew for 86 minutes over a distance of about "
        "1,000 km and reached an altitude above 7,000 km before landing west of Hokkaido.",
        {
            "launch_times_local": ["07:11"],
            "flight_minutes": 86,
            "range_km": [1000],
            "apogee_km": [7000],
            "apogee_qualifier": "over",
            "missile_class": "icbm",
        },
    ),
    # --- JCS in English --------------------------------------------------------------------
    (
        "jcs-en-respectively-province",
        "en",
        "2025-05-08",
        "jcs_kr",
        "The JCS detected two short-range ballistic missiles launched by North Korea from the Jangyon area, South "
        "Hwanghae Province, toward the East Sea at around 6:52 a.m. and 7:03 a.m. today. The missiles flew "
        "approximately 450 km and 400 km, respectively.",
        {
            "launch_times_local": ["06:52", "07:03"],
            "count": 2,
            "range_km": [450, 400],
            "launch_site": "jangyon",
            "landing": "sea_of_japan",
        },
    ),
    (
        "jcs-en-mach-and-explicit-date",
        "en",
        "2025-06-16",
        "jcs_kr",
        "North Korea fired a ballistic missile from the Pyongyang area toward the East Sea at around 7:10 a.m. on "
        "June 15. The missile flew about 1,000 km and reached an apogee of about 100 km, with a maximum speed of "
        "Mach 12.",
        {
            "launch_date_local": "2025-06-15",
            "launch_times_local": ["07:10"],
            "range_km": [1000],
            "apogee_km": [100],
            "speed_mach": 12,
        },
    ),
    (
        "jcs-en-first-and-second-without-verb",
        "en",
        "2025-05-08",
        "yonhap_en",
        "SEOUL, May 8 (Yonhap) -- North Korea fired two short-range ballistic missiles from the Wonsan area toward "
        "the northeast between 6:01 and 6:23 a.m. on Thursday, the Joint Chiefs of Staff said. The first missile "
        "flew about 350 km and the second about 400 km, reaching an apogee of 50 km at a top speed of Mach 6.1.",
        {
            "range_km": [350, 400],
            "missiles": [(1, 350, None), (2, 400, 50)],
            "speed_mach": 6.1,
            "launch_date_local": "2025-05-08",
        },
    ),
    # --- KCNA ------------------------------------------------------------------------------
    (
        "kcna-weekday-and-name",
        "en",
        "2025-09-10",
        "kcna",
        "Pyongyang, September 10 (KCNA) -- The DPRK Missile Administration conducted a test-fire of the Hwasong-11 "
        "missile on Tuesday. The missile flew 600 kilometers and accurately struck the target island.",
        {"launch_date_local": "2025-09-09", "range_km": [600], "missile_name": "Hwasong-11"},
    ),
    (
        "kcna-capability-is-no-launch",
        "en",
        "2025-09-10",
        "kcna",
        "Pyongyang, September 10 (KCNA) -- Kim Jong Un inspected a munitions factory producing Hwasong-11 missiles "
        "and stressed the need to increase the production of launchers capable of hitting targets 600 km away.",
        {"is_launch_report": False, "range_km": []},
    ),
    # --- JCS in Korean: first notices ----------------------------------------------------------
    (
        "jcs-ko-flash-place-with-particle",
        "ko",
        "2025-05-08",
        "jcs_kr",
        "[1보] 북한은 오늘 오전 9시 2분경 평양에서 동해상으로 미상 탄도미사일을 발사했습니다.",
        {
            "stage": "flash",
            "launch_times_local": ["09:02"],
            "launch_area": "평양",
            "launch_site": "pyongyang",
            "landing": "sea_of_japan",
        },
    ),
    (
        "jcs-ko-afternoon-province-place",
        "ko",
        "2025-05-08",
        "jcs_kr",
        "합참은 오늘 오후 4시 30분경 북한이 평안북도 구성 일대에서 동해상으로 "
        "발사한 탄도미사일 1발을 포착했다고 밝혔습니다.",
        {"launch_times_local": ["16:30"], "count": 1, "launch_site": "kusong", "launch_area": "평안북도 구성 일대"},
    ),
    (
        "jcs-ko-place-particle-widened-to-province",
        "ko",
        "2025-05-08",
        "jcs_kr",
        "북한은 오늘 새벽 평안남도 숙천에서 서해상으로 순항미사일 수 발을 발사했다.",
        {
            "launch_area": "평안남도 숙천",
            "launch_site": "sukchon",
            "count_qualifier": "multiple",
            "missile_class": "cruise",
            "landing": "yellow_sea",
        },
    ),
    (
        "jcs-ko-place-with-nearby-noun-and-shot-verb",
        "ko",
        "2025-05-08",
        "jcs_kr",
        "북한이 오늘 오후 순안 인근에서 미사일을 쐈다. 합참에 따르면 미사일 1발이 발사됐다.",
        {"launch_area": "순안 인근", "launch_site": "sunan", "count": 1},
    ),
    (
        "jcs-ko-mlrs-about-ten-at-night",
        "ko",
        "2025-05-09",
        "jcs_kr",
        "합참은 어제 밤 11시 40분경부터 11시 50분경까지 북한이 황해남도 장연 "
        "일대에서 서해상으로 발사한 방사포 10여 발을 "
        "포착했습니다. 방사포는 약 60km를 비행한 것으로 분석되었습니다.",
        {
            "launch_date_local": "2025-05-08",
            "launch_times_local": ["23:40", "23:50"],
            "count": 10,
            "count_qualifier": "approx",
            "range_km": [60],
            "missile_class": "mlrs",
            "launch_site": "jangyon",
        },
    ),
    (
        "jcs-ko-hours-of-flight-are-not-a-time",
        "ko",
        "2025-02-14",
        "jcs_kr",
        "합참은 북한이 오늘 오전 11시경 서해상으로 순항미사일 여러 발을 발사한 것을 "
        "포착했다. 미사일은 약 2시간 동안 비행한 것으로 "
        "분석됐다.",
        {"launch_times_local": ["11:00"], "flight_minutes": 120, "missile_class": "cruise"},
    ),
    (
        "jcs-ko-satellite-vehicle",
        "ko",
        "2025-04-02",
        "jcs_kr",
        "합참은 북한이 이날 오후 9시 53분경 평안북도 동창리 일대에서 남쪽 "
        "방향으로 군사정찰위성을 탑재한 우주발사체 1발을 "
        "발사했다고 밝혔다.",
        {
            "launch_times_local": ["21:53"],
            "missile_class": "satellite_launch",
            "launch_site": "sohae",
            "direction": "남쪽",
            "bearing_deg": 180,
        },
    ),
    (
        "jcs-ko-japan-mod-is-no-satellite",
        "ko",
        "2025-05-20",
        "jcs_kr",
        "합참은 오늘 북한이 동해상으로 탄도미사일을 발사했다고 밝혔다. 일본 방위성은 "
        "미사일이 최고고도 약 100km로 약 800km를 "
        "비행했다고 밝혔다.",
        {
            "missile_class": "ballistic",
            "range_km": [800],
            "apogee_km": [100],
            "claims": {"mod_jp": (None, [800], [100])},
        },
    ),
    # --- JCS in Korean: final notices (최종보) -------------------------------------------------
    (
        "jcs-ko-final-two-ranges-and-mach",
        "ko",
        "2025-05-08",
        "jcs_kr",
        "(최종보) 합참은 오늘 오전 6시 10분경과 6시 27분경 북한이 순안 "
        "일대에서 동해상으로 발사한 단거리탄도미사일 2발을 "
        "포착하였습니다. 북한이 발사한 미사일은 각각 약 350km, 400여km를 "
        "비행하였으며, 최고속도는 마하 6.1로 탐지되었습니다. "
        "세부 제원은 한미 정보당국이 정밀 분석 중입니다.",
        {
            "stage": "final",
            "launch_times_local": ["06:10", "06:27"],
            "range_km": [350, 400],
            "range_qualifier": "approx",
            "speed_mach": 6.1,
            "launch_site": "sunan",
        },
    ),
    (
        "jcs-ko-final-mach-at-least-eez",
        "ko",
        "2025-06-01",
        "jcs_kr",
        "우리 군은 오늘 오전 7시 44분경 북한이 강원도 원산 일대에서 북동쪽 방향으로 발사한 중거리탄도미사일 1발을 "
        "포착하였습니다. 미사일은 약 1,100km를 비행하였고 정점고도는 약 100km, 속도는 마하 12 이상으로 탐지되었습니다. "
        "발사된 미사일은 일본 EEZ 밖에 떨어진 것으로 보입니다.",
        {
            "range_km": [1100],
            "apogee_km": [100],
            "speed_mach": 12,
            "eez": "outside",
            "bearing_deg": 45,
            "launch_site": "wonsan",
        },
    ),
    (
        "jcs-ko-ordinal-items-in-one-sentence",
        "ko",
        "2025-11-20",
        "jcs_kr",
        "합참은 오늘 오전 6시 52분경과 7시 3분경 북한이 황해북도 황주 일대에서 "
        "동해상으로 발사한 단거리탄도미사일 2발을 "
        "포착하였습니다. 첫 번째 미사일은 약 450㎞, 두 번째 미사일은 400여 km를 비행하였습니다.",
        {"range_km": [450, 400], "missiles": [(1, 450, None), (2, 400, None)], "launch_site": "hwangju"},
    ),
    (
        "jcs-ko-numbered-item-sentence",
        "ko",
        "2025-01-01",
        "jcs_kr",
        "합참은 오늘 오전 6시 52분경 북한이 동해상으로 탄도미사일 2발을 발사했다고 "
        "밝혔다. 2번째 미사일은 약 400km를 비행했다.",
        {"missiles": [(2, 400, None)], "range_km": [400]},
    ),
    (
        "jcs-ko-slbm-interval-apogee",
        "ko",
        "2025-06-01",
        "jcs_kr",
        "합참은 북한이 오늘 새벽 5시경 함경남도 신포 인근 해상에서 "
        "잠수함발사탄도미사일(SLBM) 1발을 동해상으로 발사했다고 "
        "밝혔다. 비행거리는 약 600km, 정점고도는 약 50km이다.",
        {
            "launch_times_local": ["05:00"],
            "range_km": [600],
            "apogee_km": [50],
            "missile_class": "slbm",
            "launch_site": "sinpo",
        },
    ),
    (
        "jcs-ko-range-interval-and-direction",
        "ko",
        "2025-04-01",
        "jcs_kr",
        "합참에 따르면 북한은 오늘 새벽 6시 1분과 6시 23분경 개천 일대에서 "
        "탄도미사일 3발을 동북쪽으로 발사했다. 이 미사일들은 "
        "약 300~350km를 비행했다.",
        {
            "launch_times_local": ["06:01", "06:23"],
            "count": 3,
            "range_km": [300, 350],
            "bearing_deg": 45,
            "launch_site": "kaechon",
        },
    ),
    (
        "jcs-ko-word-count-and-around",
        "ko",
        "2025-08-02",
        "jcs_kr",
        "합참은 오늘 오전 8시 11분경 북한이 평안남도 숙천 일대에서 동해상으로 "
        "단거리탄도미사일 두 발을 발사했다고 밝혔다. "
        "미사일의 비행거리는 약 200km 안팎이며 정점고도는 약 30km이다.",
        {"count": 2, "range_km": [200], "range_qualifier": "approx", "apogee_km": [30], "launch_site": "sukchon"},
    ),
    (
        "jcs-ko-at-least-and-last-night",
        "ko",
        "2025-08-03",
        "jcs_kr",
        "합참은 북한이 어젯밤 11시 40분경 동창리 일대에서 발사한 장거리탄도미사일 "
        "1발이 약 1,000km 이상 비행했다고 밝혔다.",
        {
            "launch_date_local": "2025-08-02",
            "launch_times_local": ["23:40"],
            "range_km": [1000],
            "range_qualifier": "at_least",
        },
    ),
    (
        "mnd-ko-icbm-yesterday",
        "ko",
        "2025-06-02",
        "mnd_kr",
        "국방부는 북한이 어제 오후 평양 일대에서 발사한 대륙간탄도미사일이 약 1,000km를 비행했다고 밝혔다. 최고고도는 "
        "6,000km 이상이었다.",
        {
            "authority": "mnd_kr",
            "launch_date_local": "2025-06-01",
            "range_km": [1000],
            "apogee_km": [6000],
            "apogee_qualifier": "at_least",
            "missile_class": "icbm",
        },
    ),
    (
        "mnd-ko-meeting-is-no-launch",
        "ko",
        "2025-06-02",
        "mnd_kr",
        "국방부 장관은 오늘 북한의 미사일 개발 동향을 점검하는 회의를 주재했습니다.",
        {"is_launch_report": False},
    ),
    (
        "kcna-ko-test-firing-reported",
        "ko",
        "2025-10-05",
        None,
        "북한 조선중앙통신은 어제 신형 대구경 방사포 시험사격을 진행했다고 보도했다.",
        {"is_launch_report": True, "launch_date_local": "2025-10-04", "missile_class": "mlrs"},
    ),
    # --- Japan MOD in Japanese -------------------------------------------------------------------
    (
        "mod-ja-two-ranges-joined",
        "ja",
        "2025-05-08",
        "mod_jp",
        "北朝鮮は、本日午前６時１０分頃及び６時２７分頃、北朝鮮西岸付近から、２発の弾道ミサイルを東方向に発射しました。"
        ""
        "発射された弾道ミサイルは、それぞれ約３５０ｋｍ及び約４００ｋｍ飛翔し、いずれも朝鮮半島東側の日本海に落下したものと"
        "推定されます。なお、我が国の排他的経済水域（ＥＥＺ）外であると推定されます。",
        {
            "launch_times_local": ["06:10", "06:27"],
            "count": 2,
            "range_km": [350, 400],
            "eez": "outside",
            "landing": "sea_of_japan",
        },
    ),
    (
        "mod-ja-over-and-about",
        "ja",
        "2025-06-01",
        "mod_jp",
        ""
        "北朝鮮は、本日７時４４分頃、北朝鮮内陸部から、１発の弾道ミサイルを東北東方向に発射しました。詳細については現在分析中"
        ""
        "ですが、発射された弾道ミサイルは、最高高度約１００ｋｍ程度で、約１，１００ｋｍを超えて飛翔したものと推定されます。",
        {"range_km": [1100], "range_qualifier": "over", "apogee_km": [100], "bearing_deg": 67.5},
    ),
    (
        "mod-ja-hour-band-and-at-least",
        "ja",
        "2025-07-03",
        "mod_jp",
        ""
        "北朝鮮は、本日２３時台に、北朝鮮東岸付近から、複数発の弾道ミサイルを北東方向に発射しました。発射された弾道ミサイルは、"
        "最高高度約５０ｋｍで、少なくとも約３００ｋｍ飛翔したものと推定されます。",
        {
            "launch_times_local": ["23"],
            "time_precision": "hour",
            "count_qualifier": "multiple",
            "range_qualifier": "at_least",
            "range_km": [300],
        },
    ),
    (
        "mod-ja-yesterday-window-and-mach",
        "ja",
        "2025-07-05",
        "mod_jp",
        ""
        "北朝鮮は、昨日１１時４０分頃から５０分頃にかけて、平壌近郊から、少なくとも３発の弾道ミサイルを東方向に発射しました。"
        "最高速度はマッハ５程度と推定されます。",
        {
            "launch_date_local": "2025-07-04",
            "launch_times_local": ["11:40", "11:50"],
            "count": 3,
            "count_qualifier": "at_least",
            "speed_mach": 5,
        },
    ),
    (
        "mod-ja-minutes-of-flight-and-eez-inside",
        "ja",
        "2025-03-03",
        "mod_jp",
        ""
        "北朝鮮は、昨日２３時５分頃、平壌付近から、ＩＣＢＭ級弾道ミサイル１発を東方向に発射しました。発射された弾道ミサイルは約"
        ""
        "７０分間飛翔し、北海道渡島大島の西約２００ｋｍの我が国の排他的経済水域（ＥＥＺ）内に落下したものと推定されます。",
        {
            "launch_date_local": "2025-03-02",
            "flight_minutes": 70,
            "range_km": [],
            "eez": "inside",
            "missile_class": "icbm",
        },
    ),
    (
        "mod-ja-hours-band-window",
        "ja",
        "2025-08-02",
        "mod_jp",
        "北朝鮮は、本日７時台から８時台にかけて、北朝鮮西岸付近から、複数発の弾道ミサイルを東方向に発射しました。",
        {"launch_times_local": ["07", "08"], "time_precision": "hour"},
    ),
    (
        "mod-ja-total-beside-parts",
        "ja",
        "2025-10-05",
        "mod_jp",
        ""
        "北朝鮮は、本日２１時１０分頃及び２１時２５分頃、平壌付近から、それぞれ１発、計２発の弾道ミサイルを東方向に発射しました。"
        ""
        "発射された弾道ミサイルは、いずれも最高高度約３０ｋｍで、約３７０ｋｍ及び約３９０ｋｍ飛翔したものと推定されます。",
        {"count": 2, "count_qualifier": "total", "range_km": [370, 390], "apogee_km": [30]},
    ),
    (
        "mod-ja-eez-inside-denied",
        "ja",
        "2025-01-01",
        "mod_jp",
        ""
        "北朝鮮は、本日７時頃、弾道ミサイル１発を発射しました。我が国の排他的経済水域（ＥＥＺ）内への飛来は確認されていません。",
        {"eez": "none_seen"},
    ),
    (
        "mod-ja-over-japan-to-pacific",
        "ja",
        "2025-05-01",
        "mod_jp",
        ""
        "北朝鮮は、本日１０時頃、北朝鮮西岸付近から、１発の弾道ミサイルを東北東方向に発射しました。発射された弾道ミサイルは、"
        ""
        "最高高度約２，０００ｋｍ程度で、約１，０００ｋｍ程度飛翔し、我が国の上空を通過して太平洋上に落下したものと推定されます。",
        {"range_km": [1000], "apogee_km": [2000], "landing": "pacific"},
    ),
    (
        "mod-ja-flash-still-flying",
        "ja",
        "2025-11-02",
        "mod_jp",
        ""
        "【速報】北朝鮮から弾道ミサイルの可能性があるものが発射されました。現在飛翔中であり、日本海に落下する見込みです。",
        {
            "stage": "flash",
            "launch_date_local": "2025-11-02",
            "launch_times_local": [],
            "count": None,
            "range_km": [],
            "missile_class": "ballistic",
        },
    ),
    (
        "mod-ja-airport-afternoon-lofted",
        "ja",
        "2025-11-03",
        "mod_jp",
        ""
        "北朝鮮は、本日午後２時１５分頃、平壌国際空港付近から、少なくとも１発の弾道ミサイルを北東方向に発射しました。発射された"
        "弾道ミサイルは、通常より高い角度で約１５０ｋｍ程度飛翔し、最高高度は約４５ｋｍ程度と推定されます。",
        {
            "launch_times_local": ["14:15"],
            "count": 1,
            "count_qualifier": "at_least",
            "range_km": [150],
            "apogee_km": [45],
            "launch_site": "sunan",
            "launch_area": "平壌国際空港付近",
        },
    ),
    (
        "mod-ja-press-conference-is-no-launch",
        "ja",
        "2025-11-04",
        "mod_jp",
        ""
        "防衛大臣は、本日の記者会見において、北朝鮮の核・ミサイル開発は我が国の安全保障にとって重大な脅威であると述べました。",
        {"is_launch_report": False},
    ),
]


def _check(report, expected: dict) -> list[str]:
    """What differs between a report and the expected fields (an empty list when all agree)."""
    wrong = []
    for name, want in expected.items():
        if name == "missiles":
            got = [(m.index, m.range_km, m.apogee_km) for m in report.missiles]
            if len(got) != len(want) or any(
                g[0] != w[0] or not _near(g[1], w[1]) or not _near(g[2], w[2]) for g, w in zip(got, want, strict=True)
            ):
                wrong.append(f"missiles: {got} != {want}")
            continue
        if name == "claims":
            got = {c.authority: (c.count, c.range_km, c.apogee_km) for c in report.claims}
            if set(got) != set(want) or any(
                got[a][0] != want[a][0] or not _near(got[a][1], want[a][1]) or not _near(got[a][2], want[a][2])
                for a in want
            ):
                wrong.append(f"claims: {got} != {want}")
            continue
        got = getattr(report, name)
        if not _near(got, want):
            wrong.append(f"{name}: {got!r} != {want!r}")
    return wrong


def _near(got, want) -> bool:
    if isinstance(want, list) and want and isinstance(want[0], int | float):
        return (
            isinstance(got, list) and len(got) == len(want) and all(_near(g, w) for g, w in zip(got, want, strict=True))
        )
    if isinstance(want, int | float) and not isinstance(want, bool):
        return isinstance(got, int | float) and abs(got - want) <= 0.01 * max(abs(want), 1)
    return got == want


@pytest.mark.parametrize(("case", "lang", "published", "source", "text", "expected"), CASES, ids=[c[0] for c in CASES])
def test_held_out_statement(case, lang, published, source, text, expected):
    assert_statement(text, lang, published, source, expected)


def assert_statement(text: str, lang: str, published: str, source: str | None, expected: dict) -> None:
    """The fields expected, and every field found shown where the text says it."""
    report = extract(text, lang=lang, published=published, source=source)
    assert report.is_launch_report == expected.get("is_launch_report", True)
    assert _check(report, expected) == []
    for ev in report.evidence:
        assert text[ev.start : ev.end] == ev.text and ev.text == ev.text.strip() and ev.text in ev.sentence


def test_at_least_forty_varied_cases_in_all_three_languages():
    langs = [c[1] for c in CASES]
    assert len(CASES) >= 40 and all(langs.count(code) >= 10 for code in ("ja", "ko", "en"))
    assert len({c[4] for c in CASES}) == len(CASES)
