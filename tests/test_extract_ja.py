"""Japanese extraction on MOD-style releases written for these tests."""

from extraction import extract

FOLLOWUP = (
    "北朝鮮は本日６時１２分頃、平壌近郊から、１発の弾道ミサイルを、北東方向に向けて発射しました。"
    "詳細については現在分析中ですが、発射された弾道ミサイルは、最高高度約６０ｋｍ程度で、約４５０ｋｍ程度飛翔し、"
    "７時０１分頃、朝鮮半島東側の日本海の我が国の排他的経済水域（ＥＥＺ）外に落下したものと推定しています。"
)

FLASH = (
    "北朝鮮は本日１６時４０分頃、北朝鮮内陸部から、少なくとも１発の弾道ミサイルを、東方向に向けて発射しました。"
    "発射された弾道ミサイルは現在飛翔中であるため、今後変わり得るものの、北海道の西方約２５０㎞の日本海に、"
    "１７時４５分頃落下すると推定しております。"
)

ITEMS = (
    "北朝鮮は昨日２２時台、北朝鮮西岸付近から、２発の弾道ミサイルを、東方向に向けて発射しました。"
    "落下したのはいずれも朝鮮半島東岸付近であり、我が国の排他的経済水域（ＥＥＺ）外であると推定されます。"
    "①２２時０５分頃発射し、最高高度約５０ｋｍ程度で、約３００ｋｍ程度飛翔。"
    "②２２時１８分頃発射し、最高高度約７０ｋｍ程度で、約３５０ｋｍを超えて飛翔。"
)

WINDOW = (
    "北朝鮮は本日８時１０分から１６分頃にかけて、北朝鮮東岸付近から、複数発の弾道ミサイルを、北東方向に向けて発射しました。"
    "発射された弾道ミサイルのうち少なくとも３発は、最高高度約１００ｋｍ程度で、約１，２００ｋｍ程度飛翔したものと推定しています。"
)


def test_followup_fields():
    r = extract(FOLLOWUP, published="2025-02-03", source="mod_jp")
    assert r.is_launch_report and r.authority == "mod_jp"
    assert r.launch_times_local == ["06:12"]  # 7時01分 is the impact time
    assert r.launch_date_local == "2025-02-03" and r.tz == "+09:00"
    assert r.launch_utc == "2025-02-02T21:12:00Z" and r.time_precision == "minute"
    assert (r.count, r.count_qualifier) == (1, "exact")
    assert r.range_km == [450] and r.range_qualifier == "approx"
    assert r.apogee_km == [60] and r.apogee_qualifier == "approx"
    assert r.launch_area == "平壌近郊" and r.launch_site == "pyongyang"
    assert r.direction == "北東" and r.bearing_deg == 45
    assert (r.landing, r.eez, r.stage, r.missile_class) == ("sea_of_japan", "outside", "followup", "ballistic")


def test_flash_keeps_impact_point_out_of_range():
    r = extract(FLASH, published="2025-02-03")
    assert r.stage == "flash"
    assert (r.count, r.count_qualifier) == (1, "at_least")
    assert r.range_km == [] and r.launch_times_local == ["16:40"]


def test_itemized_missiles_and_yesterday():
    r = extract(ITEMS, published="2025-03-01")
    assert r.launch_date_local == "2025-02-28"
    assert r.launch_times_local == ["22:05", "22:18"]
    assert r.range_km == [300, 350] and r.apogee_km == [50, 70]
    assert [m.launch_time_local for m in r.missiles] == ["22:05", "22:18"]
    assert r.landing == "near_east_coast"


def test_window_and_subset_count():
    r = extract(WINDOW, published="2025-04-10")
    assert r.launch_times_local == ["08:10", "08:16"]
    assert (r.count, r.count_qualifier) == (None, "multiple")
    assert r.range_km == [1200]


def test_hour_band_and_qualifiers():
    r = extract(
        "北朝鮮は本日５時台、北朝鮮東岸付近から、少なくとも１発の弾道ミサイルの可能性があるものを発射しました。"
        "最高高度約４０ｋｍ以下で、約２００ｋｍ以上飛翔したと推定されます。",
        published="2025-05-05",
    )
    assert r.launch_times_local == ["05"] and r.time_precision == "hour"
    assert r.apogee_qualifier == "at_most" and r.range_qualifier == "at_least"


def test_evidence_points_at_original_characters():
    r = extract(FOLLOWUP, published="2025-02-03")
    for ev in r.evidence:
        assert FOLLOWUP[ev.start : ev.end] == ev.text
        assert ev.text in ev.sentence
    by = {ev.field: ev.text for ev in r.evidence}
    assert by["launch_times_local"].startswith("６時１２分")
    assert "４５０ｋｍ" in by["range_km"]


def test_non_launch_japanese_text():
    r = extract("防衛大臣は本日、記者会見でミサイル防衛について説明しました。", published="2025-01-01")
    assert not r.is_launch_report
    assert r.launch_times_local == [] and r.count is None and r.range_km == []
