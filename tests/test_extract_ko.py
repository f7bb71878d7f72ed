"""Korean extraction on JCS-style notices written for these tests."""

from extraction import extract

FINAL = (
    "합참은 오늘 오전 7시 12분경 북한이 평양 순안 일대에서 동해상으로 발사한 단거리탄도미사일 2발을 포착하였습니다. "
    "북한이 발사한 탄도미사일은 약 420여km를 비행하였으며, 정점고도는 약 50km, 최고속도는 마하 6으로 탐지되었습니다. "
    "세부 제원은 한미 정보당국이 정밀 분석 중입니다. (최종보)"
)
FLASH = (
    "[1보] 합참은 어제 오후 3시경 북한이 평안북도 동창리 일대에서 남쪽 방향으로 발사한 우주발사체 1발을 포착하였습니다."
)


def test_final_notice():
    r = extract(FINAL, published="2025-06-10", source="jcs_kr")
    assert r.is_launch_report and r.authority == "jcs" and r.stage == "final"
    assert r.launch_times_local == ["07:12"] and r.launch_date_local == "2025-06-10"
    assert (r.count, r.count_qualifier) == (2, "exact")
    assert r.range_km == [420] and r.range_qualifier == "approx"  # 약 ...여km
    assert r.apogee_km == [50] and r.speed_mach == 6
    assert r.launch_area == "평양 순안 일대" and r.launch_site == "sunan"
    assert r.landing == "sea_of_japan" and r.missile_class == "ballistic"


def test_flash_afternoon_yesterday_satellite():
    r = extract(FLASH, published="2025-06-10", source="jcs_kr")
    assert r.stage == "flash"
    assert r.launch_times_local == ["15:00"] and r.launch_date_local == "2025-06-09"
    assert r.launch_site == "sohae" and r.direction == "남쪽" and r.bearing_deg == 180
    assert r.missile_class == "satellite_launch"


def test_at_least_and_several():
    r = extract(
        "합참은 오늘 새벽 5시 30분경 북한이 강원도 원산 일대에서 발사한 순항미사일 수 발을 포착했다. "
        "미사일은 1,500km 이상 비행한 것으로 분석된다.",
        published="2025-07-01",
    )
    assert r.count_qualifier == "multiple" and r.count is None
    assert r.missile_class == "cruise" and r.launch_site == "wonsan"
    assert r.range_km == [1500] and r.range_qualifier == "at_least"


def test_statement_without_launch_facts():
    r = extract("국방부는 오늘 북한의 미사일 발사 도발을 강력히 규탄하는 성명을 발표했습니다.", published="2025-06-10")
    assert not r.is_launch_report


def test_afternoon_window_keeps_pm_on_both_ends():
    r = extract(
        "합참은 오늘 오후 2시 5분경부터 2시 20분경까지 북한이 황해북도 황주 일대에서 동해상으로 발사한 "
        "단거리탄도미사일 여러 발을 포착했습니다.",
        published="2025-10-02",
    )
    assert r.launch_times_local == ["14:05", "14:20"] and r.launch_site == "hwangju"
