"""English extraction: MOD translations, wire reports, INDOPACOM statements, KCNA prose.
All texts are written for these tests."""

from extraction import extract

MOD_EN = (
    "North Korea launched one ballistic missile from the vicinity of Pyongyang toward the northeast at around "
    "6:12 a.m. today. The missile flew approximately 450 km at a maximum altitude of approximately 60 km and is "
    "estimated to have fallen outside Japan's exclusive economic zone (EEZ) in the Sea of Japan at around 7:01 a.m."
)
WIRE = (
    "North Korea fired two short-range ballistic missiles into the East Sea on Tuesday, according to South Korea's "
    "Joint Chiefs of Staff. The JCS said the missiles were launched from the Sunan area between 5:52 a.m. and 6:07 "
    "a.m. and flew about 600 km. Japan's Defense Ministry said at least three missiles were fired and that they "
    "reached an altitude of about 100 km, landing outside its exclusive economic zone."
)
INDOPACOM = (
    "We are aware of the ballistic missile launch and are consulting closely with our allies and partners. "
    "While we have assessed that this event does not pose an immediate threat to U.S. personnel or territory, "
    "the missile launch highlights the destabilizing impact of the DPRK's illicit weapons programs."
)
KCNA_LAUNCH = (
    "Pyongyang, May 3 (KCNA) -- The Missile Administration of the DPRK conducted a test-fire of new-type "
    "tactical ballistic missiles on May 2.\nThe missiles flew 1 200 km along the set orbit for 1 050 seconds "
    "and precisely hit the island target in the East Sea of Korea."
)
KCNA_NON_LAUNCH = (
    "Pyongyang, May 3 (KCNA) -- Kim Jong Un visited a munitions enterprise producing missiles and multiple "
    "rocket launchers. He said the weapon system can strike any target 300 km away."
)


def test_mod_english_translation():
    r = extract(MOD_EN, published="2025-02-03", source="mod_jp")
    assert r.launch_times_local == ["06:12"] and r.launch_date_local == "2025-02-03"
    assert (r.count, r.range_km, r.apogee_km) == (1, [450], [60])
    assert r.range_qualifier == "approx" and r.eez == "outside" and r.landing == "sea_of_japan"
    assert r.launch_site == "pyongyang" and r.direction == "northeast" and r.bearing_deg == 45


def test_wire_report_claims_per_authority():
    r = extract(WIRE, published="2025-03-03", source="yonhap_en")  # a Monday: Tuesday is the 4th
    assert r.channel == "yonhap" and r.authority == "jcs"
    assert r.launch_date_local == "2025-03-04"
    assert r.launch_times_local == ["05:52", "06:07"]
    assert r.range_km == [600] and r.apogee_km == [100]
    claims = {c.authority: c for c in r.claims}
    assert set(claims) == {"jcs", "mod_jp"}
    assert claims["jcs"].count == 2 and claims["jcs"].range_km == [600]
    assert claims["mod_jp"].count == 3 and claims["mod_jp"].apogee_km == [100]
    assert r.launch_site == "sunan"


def test_number_free_statement_gives_nulls():
    r = extract(INDOPACOM, published="2025-03-03", source="indopacom")
    assert r.authority == "indopacom"
    assert r.range_km == [] and r.apogee_km == [] and r.launch_times_local == [] and r.count is None


def test_kcna_launch_and_spaced_thousands():
    r = extract(KCNA_LAUNCH, published="2025-05-03", source="kcna")
    assert r.is_launch_report and r.launch_date_local == "2025-05-02"
    assert r.range_km == [1200] and r.flight_minutes == 17.5
    assert r.count_qualifier == "multiple" and r.missile_class == "ballistic"
    assert r.missile_name == "new-type tactical ballistic missiles"


def test_kcna_capability_talk_is_not_a_launch():
    r = extract(KCNA_NON_LAUNCH, published="2025-05-03", source="kcna")
    assert not r.is_launch_report and r.range_km == []


def test_hawaii_time_is_converted_with_raw_words_in_evidence():
    text = "U.S. Indo-Pacific Command detected a ballistic missile launch at 4:45 p.m. HST on March 3."
    r = extract(text, published="2025-03-03", source="indopacom")
    assert r.launch_times_local == ["11:45"] and r.launch_date_local == "2025-03-04"
    ev = next(e for e in r.evidence if e.field == "launch_times_local")
    assert text[ev.start : ev.end].startswith("4:45 p.m.")


def test_miles_converted_and_evidence_offsets():
    text = "North Korea fired a missile at 8:10 a.m. that flew about 300 miles at an apogee of 60 miles."
    r = extract(text, published="2025-01-01")
    assert r.range_km == [482.8] and r.apogee_km == [96.6]
    for ev in r.evidence:
        assert text[ev.start : ev.end] == ev.text


def test_eastern_time_and_direction_phrase():
    r = extract(
        "The Pentagon detected an intercontinental ballistic missile launch at 9:40 p.m. EDT on Sept. 7.",
        published="2025-09-07",
        source="dod",
    )
    assert r.launch_times_local == ["10:40"] and r.launch_date_local == "2025-09-08"
    assert r.missile_class == "icbm"
    r = extract(
        "North Korea launched a ballistic missile from the vicinity of its east coast in a northeastern "
        "direction at around 1:22 p.m. today.",
        published="2025-09-08",
    )
    assert r.direction == "northeastern" and r.bearing_deg == 45
    assert r.launch_area == "vicinity of its east coast"
