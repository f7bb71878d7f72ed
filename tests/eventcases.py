"""Invented launches in 2031 for the event tests (grouping, the store, the cross-check), and
how to put them in a store.

The statements are written for these tests in Japanese, Korean and English. Each fixture keeps
the text beside the values it states; the tests build the reports from those values (the
extractor has its own tests), so a change in the extractor cannot move these expectations.
benchmarks/events_corpus.py feeds the same texts through the real extractor.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta, timezone

from launchfeed.output.events import EventMember
from launchfeed.output.store import Store

from launchfeed.contracts import Claim, Document, Statement, document_id

KST = timezone(timedelta(hours=9))


@dataclass
class Fixture:
    """One invented publication: where it came from, its text, and what the text states."""

    key: str
    source: str
    lang: str
    published: str  # ISO 8601 with offset
    precision: str  # of the publication time: minute or day
    text: str
    states: dict = field(default_factory=dict)  # Statement fields

    @property
    def url(self) -> str:
        return f"https://fixtures.invalid/{self.source}/{self.key}"

    def report(self) -> Statement:
        values = dict(self.states)
        values.setdefault("source", self.source)
        values.setdefault("is_launch_report", True)
        values.setdefault("tz", "+09:00")
        times = values.get("launch_times_local") or []
        if times and values.get("launch_date_local") and "launch_utc" not in values:
            values["launch_utc"] = utc(values["launch_date_local"], times[0], values["tz"])
            values.setdefault("time_precision", "minute" if ":" in times[0] else "hour")
        elif values.get("launch_date_local"):
            values.setdefault("time_precision", "day")
        return Statement(document_id=document_id(self.source, self.url), **values)

    def member(self) -> EventMember:
        return EventMember(self.report(), datetime.fromisoformat(self.published), self.precision)


def utc(day: str, hhmm: str, tz: str = "+09:00") -> str:
    hours, _, minutes = hhmm.partition(":")
    sign = -1 if tz.startswith("-") else 1
    offset = timezone(sign * timedelta(hours=int(tz[1:3]), minutes=int(tz[4:6])))
    local = datetime.fromisoformat(day).replace(hour=int(hours), minute=int(minutes or 0), tzinfo=offset)
    return local.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:00Z")


SUKCHON = {"launch_site": "sukchon", "launch_lat": 39.41, "launch_lon": 125.63}
SUNAN = {"launch_site": "sunan", "launch_lat": 39.22, "launch_lon": 125.68}
PYONGYANG = {"launch_site": "pyongyang", "launch_lat": 39.03, "launch_lon": 125.75}
SINPO = {"launch_site": "sinpo", "launch_lat": 40.03, "launch_lon": 128.18}

# A: a salvo of two on 2031-05-14 at 7:44 KST, itemized by Tokyo, summarized by Seoul, named by Pyongyang
SALVO = [
    Fixture(
        "a1-mod-flash",
        "mod_jp",
        "ja",
        "2031-05-14T07:52:00+09:00",
        "minute",
        "北朝鮮は本日７時４４分頃、北朝鮮西岸付近から、少なくとも１発の弾道ミサイルを東方向に発射しました。"
        "現在、詳細について分析中です。",
        {
            "authority": "mod_jp",
            "stage": "flash",
            "launch_date_local": "2031-05-14",
            "launch_times_local": ["07:44"],
            "count": 1,
            "count_qualifier": "at_least",
            "launch_area": "北朝鮮西岸付近",
            "missile_class": "ballistic",
        },
    ),
    Fixture(
        "a2-mod-followup",
        "mod_jp",
        "ja",
        "2031-05-14T11:30:00+09:00",
        "minute",
        "北朝鮮は本日、北朝鮮西岸付近から、２発の弾道ミサイルを東方向に発射しました。"
        "①７時４４分頃に発射された１発目は、最高高度約５０ｋｍで約３５０ｋｍ飛翔しました。"
        "②８時２１分頃に発射された２発目は、最高高度約５０ｋｍで約３６０ｋｍ飛翔しました。"
        "いずれも我が国の排他的経済水域（ＥＥＺ）外に落下したものと推定されます。",
        {
            "authority": "mod_jp",
            "stage": "followup",
            "launch_date_local": "2031-05-14",
            "launch_times_local": ["07:44", "08:21"],
            "count": 2,
            "count_qualifier": "exact",
            "range_km": [350.0, 360.0],
            "apogee_km": [50.0, 50.0],
            "launch_area": "北朝鮮西岸付近",
            "missile_class": "ballistic",
        },
    ),
    Fixture(
        "a3-jcs-flash",
        "jcs_kr",
        "ko",
        "2031-05-14T07:50:00+09:00",
        "minute",
        "합동참모본부는 북한이 오늘 오전 7시 45분경 동해상으로 탄도미사일을 발사했다고 밝혔다.",
        {
            "authority": "jcs",
            "stage": "flash",
            "launch_date_local": "2031-05-14",
            "launch_times_local": ["07:45"],
            "missile_class": "ballistic",
        },
    ),
    Fixture(
        "a4-jcs-followup",
        "jcs_kr",
        "ko",
        "2031-05-14T09:10:00+09:00",
        "minute",
        "합동참모본부는 오늘 오전 7시 45분경과 8시 22분경 평안남도 숙천 일대에서 동해상으로 발사된 "
        "단거리탄도미사일 2발을 포착했다고 밝혔다. 미사일은 약 300km를 비행했다.",
        {
            "authority": "jcs",
            "stage": "followup",
            "launch_date_local": "2031-05-14",
            "launch_times_local": ["07:45", "08:22"],
            "count": 2,
            "count_qualifier": "exact",
            "range_km": [300.0],
            "launch_area": "평안남도 숙천 일대",
            **SUKCHON,
            "missile_class": "ballistic",
        },
    ),
    Fixture(
        "a5-yonhap",
        "yonhap_en",
        "en",
        "2031-05-14T10:05:00+09:00",
        "minute",
        "SEOUL, May 14 (Yonhap) -- North Korea fired two short-range ballistic missiles into the East Sea this "
        "morning, the Joint Chiefs of Staff (JCS) said, adding that they flew about 300 km. Japan's defense "
        "ministry put the distance at some 350 km for each of the two.",
        {
            "authority": "jcs",
            "channel": "yonhap",
            "launch_date_local": "2031-05-14",
            "count": 2,
            "count_qualifier": "exact",
            "range_km": [300.0, 350.0],
            "missile_class": "ballistic",
            "claims": [Claim("jcs", 2, "exact", [300.0]), Claim("mod_jp", 2, "exact", [350.0])],
        },
    ),
    Fixture(
        "a6-kcna",
        "kcna",
        "en",
        "2031-05-15T00:00:00+09:00",
        "day",
        "Pyongyang, May 15 (KCNA) -- The Missile Administration of the DPRK test-fired the new-type tactical "
        "ballistic missile Hwasong-99 on May 14. The missiles flew 365 km and struck the target island.",
        {
            "authority": "kcna",
            "launch_date_local": "2031-05-14",
            "range_km": [365.0],
            "missile_class": "ballistic",
            "missile_name": "Hwasong-99",
        },
    ),
]

# B: two launches on 2031-06-02, four hours apart (6:10 and 10:15 KST)
TWO_IN_A_DAY = [
    Fixture(
        "b1-mod-morning",
        "mod_jp",
        "ja",
        "2031-06-02T06:40:00+09:00",
        "minute",
        "北朝鮮は本日６時１０分頃、北朝鮮東岸付近から、１発の弾道ミサイルを北東方向に発射しました。"
        "最高高度約１００ｋｍで約６００ｋｍ飛翔したものと推定されます。",
        {
            "authority": "mod_jp",
            "stage": "followup",
            "launch_date_local": "2031-06-02",
            "launch_times_local": ["06:10"],
            "count": 1,
            "count_qualifier": "exact",
            "range_km": [600.0],
            "apogee_km": [100.0],
            "launch_area": "北朝鮮東岸付近",
            "missile_class": "ballistic",
        },
    ),
    Fixture(
        "b2-mod-forenoon",
        "mod_jp",
        "ja",
        "2031-06-02T10:45:00+09:00",
        "minute",
        "北朝鮮は本日１０時１５分頃、平壌近郊から、１発のＩＣＢＭ級弾道ミサイルを発射しました。"
        "最高高度約６，０００ｋｍ、飛翔距離約１，０００ｋｍと推定されます。",
        {
            "authority": "mod_jp",
            "stage": "followup",
            "launch_date_local": "2031-06-02",
            "launch_times_local": ["10:15"],
            "count": 1,
            "count_qualifier": "exact",
            "range_km": [1000.0],
            "apogee_km": [6000.0],
            "launch_area": "平壌近郊",
            **PYONGYANG,
            "missile_class": "icbm",
        },
    ),
    Fixture(
        "b3-jcs-no-numbers",
        "jcs_kr",
        "ko",
        "2031-06-02T06:15:00+09:00",
        "minute",
        "북한이 오늘 동해상으로 미상 탄도미사일을 발사했다.",
        {"authority": "jcs", "stage": "flash", "launch_date_local": "2031-06-02", "missile_class": "ballistic"},
    ),
    Fixture(
        "b4-kcna-icbm",
        "kcna",
        "en",
        "2031-06-03T00:00:00+09:00",
        "day",
        "Pyongyang, June 3 (KCNA) -- The Missile General Bureau test-fired the intercontinental ballistic missile "
        "Hwasong-98 on June 2, confirming the reliability of its engine.",
        {"authority": "kcna", "launch_date_local": "2031-06-02", "missile_class": "icbm", "missile_name": "Hwasong-98"},
    ),
    Fixture(
        "b5-indopacom",
        "indopacom",
        "en",
        "2031-06-01T18:00:00-10:00",
        "minute",
        "U.S. Indo-Pacific Command is aware of the ballistic missile launch by the DPRK today and is consulting "
        "closely with its allies.",
        {"authority": "indopacom", "launch_date_local": "2031-06-01", "tz": "-10:00", "missile_class": "ballistic"},
    ),
]

# C: one launch at 23:58 KST on 2031-08-20, which Tokyo times at 0:03 on the 21st
MIDNIGHT = [
    Fixture(
        "c1-jcs",
        "jcs_kr",
        "ko",
        "2031-08-21T00:40:00+09:00",
        "minute",
        "합동참모본부는 북한이 20일 오후 11시 58분경 평양 순안 일대에서 동해상으로 탄도미사일 1발을 발사했다고 밝혔다.",
        {
            "authority": "jcs",
            "stage": "followup",
            "launch_date_local": "2031-08-20",
            "launch_times_local": ["23:58"],
            "count": 1,
            "count_qualifier": "exact",
            "launch_area": "평양 순안 일대",
            **SUNAN,
            "missile_class": "ballistic",
        },
    ),
    Fixture(
        "c2-mod",
        "mod_jp",
        "ja",
        "2031-08-21T00:30:00+09:00",
        "minute",
        "北朝鮮は本日０時３分頃、平壌近郊から、１発の弾道ミサイルを北東方向に発射しました。",
        {
            "authority": "mod_jp",
            "stage": "flash",
            "launch_date_local": "2031-08-21",
            "launch_times_local": ["00:03"],
            "count": 1,
            "count_qualifier": "exact",
            "launch_area": "平壌近郊",
            **PYONGYANG,
            "missile_class": "ballistic",
        },
    ),
]

# D: a launch at 0:20 KST on 2031-09-05, which is 15:20 UTC on 2031-09-04; Pyongyang gives the day
AFTER_MIDNIGHT = [
    Fixture(
        "d1-mod",
        "mod_jp",
        "ja",
        "2031-09-05T00:50:00+09:00",
        "minute",
        "北朝鮮は本日０時２０分頃、北朝鮮東岸付近から、１発の弾道ミサイルを東方向に発射しました。"
        "約２５０ｋｍ飛翔したものと推定されます。",
        {
            "authority": "mod_jp",
            "stage": "followup",
            "launch_date_local": "2031-09-05",
            "launch_times_local": ["00:20"],
            "count": 1,
            "count_qualifier": "exact",
            "range_km": [250.0],
            "launch_area": "北朝鮮東岸付近",
            "missile_class": "ballistic",
        },
    ),
    Fixture(
        "d2-kcna",
        "kcna",
        "en",
        "2031-09-06T00:00:00+09:00",
        "day",
        "Pyongyang, September 6 (KCNA) -- A launching drill of a tactical ballistic missile was held in the early "
        "hours of September 5.",
        {"authority": "kcna", "launch_date_local": "2031-09-05", "missile_class": "ballistic"},
    ),
]

# E: Seoul and Tokyo disagree on every number of one launch on 2031-10-10
DISAGREEING = [
    Fixture(
        "e1-jcs", "jcs_kr", "ko", "2031-10-10T08:20:00+09:00", "minute",
        "합동참모본부는 북한이 오늘 오전 7시 44분경 신포 일대에서 동해상으로 탄도미사일 2발을 발사했다고 밝혔다. "
        "미사일은 약 300km를 비행했으며 정점고도는 약 50km였다.",
        {"authority": "jcs", "stage": "followup", "launch_date_local": "2031-10-10", "launch_times_local": ["07:44"],
         "count": 2, "count_qualifier": "exact", "range_km": [300.0], "apogee_km": [50.0], "launch_area": "신포 일대",
         **SINPO, "missile_class": "slbm"},
    ),
    Fixture(
        "e2-mod", "mod_jp", "ja", "2031-10-10T08:40:00+09:00", "minute",
        "北朝鮮は本日７時５２分頃、北朝鮮東岸付近から、３発の弾道ミサイルを東方向に発射しました。"
        "最高高度約６０ｋｍで約３４０ｋｍ飛翔したものと推定されます。",
        {"authority": "mod_jp", "stage": "followup", "launch_date_local": "2031-10-10", "launch_times_local": ["07:52"],
         "count": 3, "count_qualifier": "exact", "range_km": [340.0], "apogee_km": [60.0],
         "launch_area": "北朝鮮東岸付近", "missile_class": "ballistic"},
    ),
]  # fmt: skip

FIXTURES = SALVO + TWO_IN_A_DAY + MIDNIGHT + AFTER_MIDNIGHT + DISAGREEING
ALL_AUTHORITIES = {a: None for a in ("mod_jp", "jcs", "kcna", "indopacom")}


def members(fixtures: list[Fixture]) -> list[EventMember]:
    return [f.member() for f in fixtures]


def rid(fixture: Fixture) -> str:
    return fixture.report().id


def event_of(events, fixture: Fixture):
    matches = [e for e in events if rid(fixture) in e.report_ids]
    assert len(matches) == 1, f"{fixture.key} is in {len(matches)} events"
    return matches[0]


def save(store: Store, fixtures: list[Fixture]) -> None:
    """The fixtures as stored documents with their reports, as a collect would leave them."""
    for f in fixtures:
        store.save_document(
            Document(
                source=f.source,
                url=f.url,
                title=f.key,
                lang=f.lang,
                published_at=datetime.fromisoformat(f.published),
                published_precision=f.precision,
                fetched_at=datetime(2031, 12, 1, tzinfo=UTC),
                sha256=hashlib.sha256(f.text.encode()).hexdigest(),
                raw_path="",
                text=f.text,
            )
        )
        store.save_statement(f.report())
