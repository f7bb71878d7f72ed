"""KCNA's own English launch reports, in the range of wording it uses: test-fires, launching
drills, firing drills and fire-power strike drills; strategic cruise missiles on elliptical and
figure-8 orbits timed in seconds; super-large 600mm rocket salvos; hypersonic IRBMs; new-type
ICBMs named Hwasongpho-N; satellite launches; days written as weekdays or dates and read against
the dateline. And KCNA articles that name weapons without reporting a launch (factory visits,
exhibitions, parades, engine tests, commentaries), which are no launch report.

Every text is written for this module; the facts follow KCNA's reporting style.
"""

from __future__ import annotations

import pytest
from test_extract_heldout import assert_statement

NO_LAUNCH = {"is_launch_report": False}

# (case id, published, source, text, expected fields)
CASES: list[tuple[str, str, str | None, str, dict]] = [
    # --- ICBMs ------------------------------------------------------------------------------------
    (
        "icbm-hwasongpho-18-on-saturday-seconds",
        "2025-07-13",
        "kcna",
        "Pyongyang, July 13 (KCNA) -- The new-type ICBM Hwasongpho-18 was test-fired on Saturday under the "
        "guidance of Kim Jong Un. The missile reached a maximum altitude of 6 518.2 km and flew 1 002.3 km for "
        "4 415 seconds before landing in the preset waters of the East Sea of Korea.",
        {
            "launch_date_local": "2025-07-12",
            "apogee_km": [6518.2],
            "range_km": [1002.3],
            "flight_minutes": 73.58,
            "missile_class": "icbm",
        },
    ),
    (
        "icbm-hwasongpho-19-explicit-date",
        "2025-11-01",
        "kcna",
        "Respected Comrade Kim Jong Un Oversees Test-fire of ICBM Hwasongpho-19\n"
        "Pyongyang, November 1 (KCNA) -- The DPRK Missile General Bureau test-fired the intercontinental "
        "ballistic missile Hwasongpho-19 on October 30. The missile traveled up to a maximum altitude of "
        "7 340.6 km and flew a distance of 998.7 km for 4 980 seconds before accurately landing in the open sea.",
        {
            "launch_date_local": "2025-10-30",
            "apogee_km": [7340.6],
            "range_km": [998.7],
            "flight_minutes": 83,
            "missile_class": "icbm",
        },
    ),
    (
        "icbm-new-type-without-name-lofted",
        "2025-12-04",
        "kcna",
        "Pyongyang, December 4 (KCNA) -- A new-type solid-fuel intercontinental ballistic missile was launched "
        "at a high angle on Wednesday to verify the reliability of its stage separation. It flew 1 010 km for "
        "80 minutes, the Missile General Bureau said.",
        {"launch_date_local": "2025-12-03", "range_km": [1010], "flight_minutes": 80, "missile_class": "icbm"},
    ),
    (
        "hwasongpho-name-alone-is-an-icbm-minutes-and-seconds",
        "2025-05-14",
        "kcna",
        "Pyongyang, May 14 (KCNA) -- The Hwasongpho-18 was launched from the capital area on Tuesday. It flew "
        "for 74 minutes 30 seconds and landed in the East Sea of Korea.",
        {"launch_date_local": "2025-05-13", "flight_minutes": 74.5, "missile_class": "icbm"},
    ),
    # --- hypersonic and tactical ballistic -------------------------------------------------------------
    (
        "hypersonic-irbm-on-monday",
        "2025-01-07",
        "kcna",
        "Pyongyang, January 7 (KCNA) -- The DPRK conducted a test-fire of a new-type hypersonic "
        "intermediate-range ballistic missile on Monday. The hypersonic glide vehicle flew 1 500 km at twelve "
        "times the speed of sound and hit the target waters.",
        {"launch_date_local": "2025-01-06", "range_km": [1500], "missile_class": "hypersonic", "speed_mach": 12},
    ),
    (
        "hypersonic-hwasong-16b-named",
        "2025-04-29",
        "kcna",
        "Pyongyang, April 29 (KCNA) -- The Missile Administration test-fired the solid-fuel hypersonic missile "
        "Hwasong-16B on April 28. The missile flew 1 000 km along its planned trajectory.",
        {"launch_date_local": "2025-04-28", "range_km": [1000], "missile_class": "hypersonic"},
    ),
    (
        "hwasong-11-two-hit-target-island",
        "2025-05-14",
        "kcna",
        "Pyongyang, May 14 (KCNA) -- Two Hwasong-11 tactical ballistic missiles were fired on Tuesday in a "
        "launching drill of a missile unit. The missiles flew 480 km and hit the target island in the East Sea "
        "of Korea.",
        {"launch_date_local": "2025-05-13", "count": 2, "range_km": [480], "missile_class": "ballistic"},
    ),
    (
        "tactical-ballistic-maximum-altitude",
        "2025-09-19",
        "kcna",
        "Pyongyang, September 19 (KCNA) -- A test-fire of an improved tactical ballistic missile was held on "
        "Thursday. The missile reached a maximum altitude of 95 km and flew 610 km.",
        {
            "launch_date_local": "2025-09-18",
            "apogee_km": [95],
            "range_km": [610],
            "count": 1,
            "missile_class": "ballistic",
        },
    ),
    (
        "irbm-altitude-before-launch-clause",
        "2025-04-29",
        "kcna",
        "Pyongyang, April 29 (KCNA) -- The missile reached a maximum altitude of 1 245.7 km after the new-type "
        "intermediate-range ballistic missile was test-fired on April 27.",
        {"launch_date_local": "2025-04-27", "apogee_km": [1245.7], "range_km": [], "missile_class": "ballistic"},
    ),
    (
        "multiple-warhead-test",
        "2025-06-27",
        "kcna",
        "Pyongyang, June 27 (KCNA) -- The Missile Administration conducted a test for separating and guiding "
        "multiple warheads on Wednesday. The first stage of the missile was launched normally and the "
        "separated mobile warheads were guided to three target points.",
        {"launch_date_local": "2025-06-25", "range_km": []},
    ),
    # --- cruise missiles ---------------------------------------------------------------------------------
    (
        "strategic-cruise-four-seconds-interval",
        "2025-02-27",
        "kcna",
        "Pyongyang, February 27 (KCNA) -- A strategic cruise missile launching drill was staged on Wednesday. "
        "Four strategic cruise missiles Hwasal-2 traveled the 1 800 km-long elliptical and figure-8 flight "
        "orbits for 9 100 to 9 130 seconds and hit the preset target.",
        {
            "launch_date_local": "2025-02-26",
            "count": 4,
            "range_km": [1800],
            "flight_minutes": 152.17,
            "missile_class": "cruise",
        },
    ),
    (
        "cruise-from-destroyer-firing-drill",
        "2025-08-23",
        "kcna",
        "Pyongyang, August 23 (KCNA) -- The destroyer Choe Hyon conducted a firing drill of ship-to-surface "
        "strategic cruise missiles on Friday. The missiles flew 1 400 km along an elliptical flight orbit for "
        "7 600 seconds and precisely hit the target.",
        {
            "launch_date_local": "2025-08-22",
            "range_km": [1400],
            "flight_minutes": 126.67,
            "missile_class": "cruise",
            "count": None,
        },
    ),
    (
        "cruise-two-hours-flight",
        "2025-03-19",
        "kcna",
        "Pyongyang, March 19 (KCNA) -- Two long-range strategic cruise missiles were test-launched on March 18 "
        "from the west coast. They flew 1 500 km over the West Sea of Korea for 7 500 seconds and detonated "
        "above the target island.",
        {
            "launch_date_local": "2025-03-18",
            "count": 2,
            "range_km": [1500],
            "flight_minutes": 125,
            "missile_class": "cruise",
        },
    ),
    (
        "cruise-hours-and-minutes",
        "2025-12-04",
        "kcna",
        "Pyongyang, December 4 (KCNA) -- Two strategic cruise missiles were fired in a launching drill on "
        "Tuesday. They flew 1 500 km along figure-8 orbits for 2 hours and 8 minutes and hit the target.",
        {"launch_date_local": "2025-12-02", "count": 2, "range_km": [1500], "flight_minutes": 128},
    ),
    (
        "pulhwasal-from-submarine",
        "2025-10-23",
        "kcna",
        "Pyongyang, October 23 (KCNA) -- Strategic cruise missiles Pulhwasal-3-31 were launched from a "
        "submarine on Wednesday. They flew 1 200 km for 6 400 seconds before hitting the target.",
        {"launch_date_local": "2025-10-22", "range_km": [1200], "missile_class": "cruise"},
    ),
    (
        "padasuri-ship-to-ship",
        "2025-05-14",
        "kcna",
        "Pyongyang, May 14 (KCNA) -- A test-fire of the new-type ship-to-ship missile Padasuri-6 was conducted "
        "on Monday. The missile flew 250 km and sank the target ship.",
        {"launch_date_local": "2025-05-12", "range_km": [250], "missile_class": "cruise"},
    ),
    # --- rockets and salvos ---------------------------------------------------------------------------------
    (
        "super-large-mlrs-firing-drill",
        "2025-02-27",
        "kcna",
        "Kim Jong Un Watches Firing Drill of Super-large MLRS\n"
        "Pyongyang, February 27 (KCNA) -- Four 600mm rockets of the super-large multiple rocket launchers were "
        "fired on Thursday and hit the target island 290 km away.",
        {"launch_date_local": "2025-02-27", "count": 4, "range_km": [290], "missile_class": "mlrs"},
    ),
    (
        "salvo-eighteen-rockets",
        "2025-09-19",
        "kcna",
        "Pyongyang, September 19 (KCNA) -- A salvo of eighteen rockets was fired from super-large multiple "
        "rocket launchers on Wednesday. The rockets flew 360 km and struck the island target.",
        {"launch_date_local": "2025-09-17", "count": 18, "range_km": [360], "missile_class": "mlrs"},
    ),
    (
        "large-caliber-mlrs-test-fire",
        "2025-01-07",
        "kcna",
        "Pyongyang, January 7 (KCNA) -- A test-fire of an upgraded 240mm multiple rocket launcher system with "
        "guided shells was held on January 5. The shells flew 70 km.",
        {"launch_date_local": "2025-01-05", "range_km": [70], "missile_class": "mlrs"},
    ),
    (
        "fire-power-strike-drill-mixed-weapons",
        "2025-03-19",
        "kcna",
        "Pyongyang, March 19 (KCNA) -- A fire-power strike drill of the western area artillery units was staged "
        "on Tuesday. Tactical ballistic missiles and super-large multiple rocket launchers fired at the target "
        "islands.",
        {"launch_date_local": "2025-03-18", "missile_class": "other"},
    ),
    # --- anti-air -----------------------------------------------------------------------------------------
    (
        "anti-air-pyoljji",
        "2025-06-27",
        "kcna",
        "Pyongyang, June 27 (KCNA) -- A test-fire of the new-type anti-aircraft missile Pyoljji-1-2 was held on "
        "Thursday. The missiles intercepted target drones at different altitudes.",
        {"launch_date_local": "2025-06-26", "missile_class": "anti_air", "range_km": []},
    ),
    # --- satellites ---------------------------------------------------------------------------------------
    (
        "satellite-malligyong-1-chollima-1",
        "2025-05-31",
        "kcna",
        "Pyongyang, May 31 (KCNA) -- The National Aerospace Development Administration launched the military "
        "reconnaissance satellite Malligyong-1 aboard the new-type carrier rocket Chollima-1 at the Sohae "
        "Satellite Launching Ground in Cholsan County, North Phyongan Province at 6:37 on May 31.",
        {
            "launch_date_local": "2025-05-31",
            "launch_times_local": ["06:37"],
            "launch_site": "sohae",
            "missile_class": "satellite_launch",
        },
    ),
    (
        "satellite-failed-second-stage",
        "2025-08-23",
        "kcna",
        "Pyongyang, August 23 (KCNA) -- The launch of the reconnaissance satellite on Thursday failed as the "
        "carrier rocket Chollima-1 lost thrust after its first stage separated.",
        {"launch_date_local": "2025-08-21", "missile_class": "satellite_launch"},
    ),
    # --- datelines the extractor finds without a source ---------------------------------------------------------
    (
        "dateline-only-weekday-hwasong-11",
        "2025-10-23",
        None,
        "Pyongyang, October 23 (KCNA) -- Hwasong-11 missiles were test-fired on Tuesday. Each flew 300 km and "
        "hit its target.",
        {"authority": "kcna", "launch_date_local": "2025-10-21", "range_km": [300], "missile_class": "ballistic"},
    ),
    (
        "dateline-em-dash-cruise",
        "2025-04-29",
        None,
        "Pyongyang, April 29 (KCNA) \u2014 Strategic cruise missiles were launched from the east coast on Sunday "
        "and flew 1 600 km along figure-8 orbits for 8 200 seconds.",
        {
            "authority": "kcna",
            "launch_date_local": "2025-04-27",
            "range_km": [1600],
            "flight_minutes": 136.67,
            "missile_class": "cruise",
        },
    ),
    # --- no launch ------------------------------------------------------------------------------------------------
    (
        "munitions-factory-inspection",
        "2025-01-07",
        "kcna",
        "Kim Jong Un Inspects Munitions Enterprises\n"
        "Pyongyang, January 7 (KCNA) -- Kim Jong Un inspected munitions enterprises producing tactical ballistic "
        "missiles and 600mm rockets. He set the task of expanding missile production capacity this year.",
        NO_LAUNCH,
    ),
    (
        "weapons-exhibition",
        "2025-10-23",
        "kcna",
        "Pyongyang, October 23 (KCNA) -- The Hwasongpho-19 ICBM, hypersonic missiles and super-large multiple "
        "rocket launchers are on display at the weapons exhibition that opened in Pyongyang.",
        NO_LAUNCH,
    ),
    (
        "military-parade",
        "2025-10-11",
        "kcna",
        "Pyongyang, October 11 (KCNA) -- A grand military parade was held in Kim Il Sung Square. Columns of "
        "Hwasongpho-20 intercontinental ballistic missiles rolled past the platform to thunderous cheers.",
        NO_LAUNCH,
    ),
    (
        "solid-fuel-engine-ground-test",
        "2025-09-19",
        "kcna",
        "Pyongyang, September 19 (KCNA) -- The final ground jet test of a high-thrust solid-fuel engine for a "
        "new-type ICBM was conducted on Thursday. The engine produced a maximum thrust of 1 970 kN.",
        NO_LAUNCH,
    ),
    (
        "launcher-handing-over-ceremony",
        "2025-08-23",
        "kcna",
        "Pyongyang, August 23 (KCNA) -- A ceremony of handing over 250 new-type tactical ballistic missile "
        "launchers to the frontline units was held on Friday.",
        NO_LAUNCH,
    ),
    (
        "commentary-on-us-bombers",
        "2025-03-19",
        "kcna",
        "KCNA Commentary Denounces US Nuclear Blackmail\n"
        "Pyongyang, March 19 (KCNA) -- The US flew B-52H strategic bombers over the Korean peninsula again. "
        "The DPRK's ICBMs and strategic cruise missiles are always ready to retaliate against any provocation.",
        NO_LAUNCH,
    ),
    (
        "satellite-plan-future",
        "2025-01-07",
        "kcna",
        "Pyongyang, January 7 (KCNA) -- The National Aerospace Technology Administration plans to launch three "
        "more reconnaissance satellites this year with the carrier rocket Chollima-1.",
        NO_LAUNCH,
    ),
    (
        "hwasong-football-team",
        "2025-05-14",
        "kcna",
        "Pyongyang, May 14 (KCNA) -- The Hwasong team beat the Amnokgang team 3 to 1 in the men's football "
        "league on Tuesday.",
        NO_LAUNCH,
    ),
    (
        "artillery-firing-contest",
        "2025-06-27",
        "kcna",
        "Pyongyang, June 27 (KCNA) -- Kim Jong Un watched a firing contest among the artillery gunners of the "
        "Korean People's Army on Thursday. The gunners hit their targets with every shell.",
        NO_LAUNCH,
    ),
    (
        "missile-general-bureau-visit",
        "2025-12-04",
        "kcna",
        "Pyongyang, December 4 (KCNA) -- Kim Jong Un visited the Missile General Bureau and looked round the "
        "newly developed hypersonic missiles and their launchers. He said the missiles will soon be tested.",
        NO_LAUNCH,
    ),
]


@pytest.mark.parametrize(("case", "published", "source", "text", "expected"), CASES, ids=[c[0] for c in CASES])
def test_kcna_report(case, published, source, text, expected):
    assert_statement(text, "en", published, source, expected)


def test_at_least_thirty_varied_cases_with_launches_and_non_launches():
    launches = [c for c in CASES if c[4].get("is_launch_report", True)]
    assert len(CASES) >= 30 and len(launches) >= 20 and len(CASES) - len(launches) >= 8
    assert len({c[3] for c in CASES}) == len(CASES)
