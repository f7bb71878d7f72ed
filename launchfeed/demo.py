"""The demo data set: invented launches as Tokyo, Seoul, Washington and Pyongyang would state
them, with the stages, revisions and disagreements real launches show, written into a data
directory as `launchfeed collect` would leave it (`launchfeed demo DIR`), so query, report and the
files can be tried offline. The tests use the same launches.

The texts are written for launchfeed; the values are set directly on the statements (the
extractor is not run), so the data set does not move when the extractor improves. A few values
are hostile on purpose (a title with markup, a launch area that starts with "="), as real feeds
can be: the files and the report show them as text.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

from launchfeed.collect import Workspace, open_workspace, write_outputs
from launchfeed.contracts import Document, Evidence, Statement


@dataclass
class Said:
    """One published statement: its document and what it says."""

    source: str
    path: str
    published: str  # ISO 8601 with offset
    title: str
    text: str
    lang: str
    values: dict = field(default_factory=dict)


SITES = {"mod_jp": "https://www.mod.go.jp", "jcs_kr": "https://www.jcs.mil.kr", "indopacom": "https://www.pacom.mil",
         "kcna": "http://www.kcna.kp", "dod": "https://www.war.gov"}  # fmt: skip
AUTHORITY = {"mod_jp": "mod_jp", "jcs_kr": "jcs", "indopacom": "indopacom", "kcna": "kcna", "dod": "dod"}


def kst_launch(day: str, hhmm: str) -> dict:
    """Launch date and time as the Korean and Japanese releases give them (UTC+9)."""
    local = datetime.fromisoformat(f"{day}T{hhmm}:00+09:00")
    return {"launch_date_local": day, "launch_times_local": [hhmm], "tz": "+09:00",
            "launch_utc": local.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:00Z"), "time_precision": "minute"}  # fmt: skip


# fmt: off
STATEMENTS: list[Said] = [
    # 1. January 2025: two short-range missiles; Seoul's range is longer than Tokyo's
    Said("mod_jp", "/j/press/news/2025/01/14a.html", "2025-01-14T08:02:00+09:00", "北朝鮮のミサイル等関連情報（速報）",
         "北朝鮮は本日７時４４分頃、北朝鮮内陸部から弾道ミサイルを東方向に発射しました。", "ja",
         {"stage": "flash", **kst_launch("2025-01-14", "07:44"), "count": 1, "count_qualifier": "at_least",
          "launch_area": "北朝鮮内陸部", "missile_class": "ballistic"}),
    Said("mod_jp", "/j/press/news/2025/01/14c.html", "2025-01-14T10:15:00+09:00", "北朝鮮のミサイル等関連情報（続報）",
         "１．北朝鮮は本日７時４４分頃、平壌近郊から弾道ミサイル２発を東方向に発射しました。\n"
         "２．いずれも最高高度約５０ｋｍで約３５０ｋｍ飛翔し、日本海に落下したものと推定されます。", "ja",
         {"stage": "followup", **kst_launch("2025-01-14", "07:44"), "count": 2, "count_qualifier": "exact",
          "range_km": [350.0], "range_qualifier": "approx", "range_raw": "約３５０ｋｍ", "apogee_km": [50.0],
          "apogee_qualifier": "approx", "apogee_raw": "約５０ｋｍ", "launch_area": "平壌近郊",
          "launch_site": "pyongyang", "launch_lat": 39.03, "launch_lon": 125.75, "landing": "sea_of_japan",
          "eez": "outside",
          "missile_class": "ballistic"}),
    Said("jcs_kr", "/bbs/jcs/view.do?id=2025-0114", "2025-01-14T08:30:00+09:00",
         "North Korea fires two short-range ballistic missiles",
         "Our military detected two short-range ballistic missiles launched from the Pyongyang area toward the East "
         "Sea at around 7:44 a.m. today. The missiles flew about 400 km at an apogee of about 50 km.", "en",
         {"stage": "followup", **kst_launch("2025-01-14", "07:44"), "count": 2, "count_qualifier": "exact",
          "range_km": [400.0], "range_qualifier": "approx", "apogee_km": [50.0], "launch_area": "Pyongyang area",
          "launch_site": "pyongyang", "launch_lat": 39.03, "launch_lon": 125.75, "missile_class": "ballistic"}),
    # 2. March 2025: a lofted ICBM, named by KCNA the next morning
    Said("mod_jp", "/j/press/news/2025/03/10b.html", "2025-03-10T09:40:00+09:00", "北朝鮮のミサイル等関連情報（続報）",
         "１．北朝鮮は本日６時１５分頃、平壌近郊から大陸間弾道ミサイル（ＩＣＢＭ）級の弾道ミサイル１発を高角度で発射しました。"
         "\n２．約７１分間飛翔し、最高高度は６０００ｋｍを超え、約１０００ｋｍ飛翔したものと推定されます。", "ja",
         {"stage": "followup", **kst_launch("2025-03-10", "06:15"), "count": 1, "count_qualifier": "exact",
          "range_km": [1000.0], "range_qualifier": "approx", "apogee_km": [6000.0], "apogee_qualifier": "over",
          "flight_minutes": 71.0, "launch_area": "平壌近郊", "launch_site": "pyongyang", "launch_lat": 39.03,
          "launch_lon": 125.75, "landing": "sea_of_japan", "eez": "outside", "missile_class": "icbm"}),
    Said("jcs_kr", "/bbs/jcs/view.do?id=2025-0310", "2025-03-10T07:05:00+09:00",
         "North Korea launches long-range ballistic missile",
         "The JCS said North Korea fired a long-range ballistic missile on a lofted trajectory from the Pyongyang area "
         "at around 6:15 a.m. It flew about 1,000 km.", "en",
         {"stage": "flash", **kst_launch("2025-03-10", "06:15"), "count": 1, "count_qualifier": "exact",
          "range_km": [1000.0], "range_qualifier": "approx", "launch_area": "Pyongyang area",
          "launch_site": "pyongyang", "launch_lat": 39.03, "launch_lon": 125.75, "missile_class": "icbm"}),
    Said("kcna", "/en/article/q/2025031100.kcmsf", "2025-03-11T06:00:00+09:00",
         "DPRK Conducts Test-fire of New-type ICBM Hwasong-19",
         "The Missile Administration test-fired the new-type ICBM Hwasong-19 on March 10. The missile flew 1,001 km "
         "for 4,290 seconds, reaching a maximum altitude of 6,120 km, and landed in the open waters of the East Sea.",
         "en", {"stage": "final", "launch_date_local": "2025-03-10", "time_precision": "day", "count": 1,
                "count_qualifier": "exact", "range_km": [1001.0], "apogee_km": [6120.0], "flight_minutes": 71.5,
                "missile_class": "icbm", "missile_name": "Hwasong-19"}),
    Said("indopacom", "/Media/News/Article/2025-0310/", "2025-03-09T14:30:00-10:00",
         "USINDOPACOM Statement on DPRK Ballistic Missile Launch",
         "We are aware of the ballistic missile launch and are consulting closely with our allies.", "en",
         {"stage": "flash", "launch_date_local": "2025-03-10", "time_precision": "day", "missile_class": "ballistic"}),
    # 3. May 2025: cruise missiles that only Seoul reported
    Said("jcs_kr", "/bbs/jcs/view.do?id=2025-0508", "2025-05-08T11:20:00+09:00",
         "North Korea fires several cruise missiles into the Yellow Sea",
         "Our military detected several cruise missiles launched toward the Yellow Sea at around 9:50 a.m.", "en",
         {"stage": "followup", **kst_launch("2025-05-08", "09:50"), "count_qualifier": "multiple",
          "landing": "yellow_sea", "missile_class": "cruise"}),
    # 4. August 2025: Tokyo says at least three, Seoul says two
    Said("mod_jp", "/j/press/news/2025/08/27c.html", "2025-08-27T22:40:00+09:00", "北朝鮮のミサイル等関連情報（速報）",
         "北朝鮮は本日２２時０８分頃、北朝鮮東岸付近から、複数発の弾道ミサイルを北東方向に発射しました。", "ja",
         {"stage": "flash", **kst_launch("2025-08-27", "22:08"), "count_qualifier": "multiple",
          "launch_area": "北朝鮮東岸付近", "missile_class": "ballistic"}),
    Said("mod_jp", "/j/press/news/2025/08/27e.html", "2025-08-28T00:30:00+09:00", "北朝鮮のミサイル等関連情報（続報）",
         "１．北朝鮮は２７日２２時０８分頃、北朝鮮東岸付近から、少なくとも３発の弾道ミサイルを北東方向に発射しました。\n"
         "２．いずれも最高高度約４０ｋｍで約２５０ｋｍ飛翔したものと推定されます。", "ja",
         {"stage": "followup", **kst_launch("2025-08-27", "22:08"), "count": 3, "count_qualifier": "at_least",
          "range_km": [250.0], "apogee_km": [40.0], "launch_area": "北朝鮮東岸付近", "missile_class": "ballistic",
          "landing": "sea_of_japan", "eez": "outside"}),
    Said("jcs_kr", "/bbs/jcs/view.do?id=2025-0827", "2025-08-27T23:05:00+09:00",
         "North Korea fires two short-range ballistic missiles from the east coast",
         "North Korea fired two short-range ballistic missiles from the Wonsan area at around 10:08 p.m. They flew "
         "about 250 km.", "en",
         {"stage": "followup", **kst_launch("2025-08-27", "22:08"), "count": 2, "count_qualifier": "exact",
          "range_km": [250.0], "launch_area": "Wonsan area", "missile_class": "ballistic"}),
    # 5. November 2025: a hypersonic missile; the two capitals give times eight minutes apart
    Said("mod_jp", "/j/press/news/2025/11/20c.html", "2025-11-20T07:30:00+09:00", "北朝鮮のミサイル等関連情報（続報）",
         "１．北朝鮮は本日６時１６分頃、平壌近郊から弾道ミサイル１発を東北東方向に発射しました。\n"
         "２．最高高度約１００ｋｍで約１１００ｋｍ飛翔したものと推定されます。", "ja",
         {"stage": "followup", **kst_launch("2025-11-20", "06:16"), "count": 1, "count_qualifier": "exact",
          "range_km": [1100.0], "apogee_km": [100.0], "launch_area": "平壌近郊", "missile_class": "ballistic"}),
    Said("jcs_kr", "/bbs/jcs/view.do?id=2025-1120", "2025-11-20T06:40:00+09:00",
         "North Korea fires intermediate-range ballistic missile",
         "The missile, fired from the Pyongyang area at around 6:08 a.m., flew about 1,000 km.", "en",
         {"stage": "flash", **kst_launch("2025-11-20", "06:08"), "count": 1, "count_qualifier": "exact",
          "range_km": [1000.0], "launch_area": "Pyongyang area", "missile_class": "ballistic"}),
    Said("kcna", "/en/article/q/2025112100.kcmsf", "2025-11-21T06:00:00+09:00",
         "New-type Hypersonic IRBM Test-fired",
         "A new-type intermediate-range hypersonic ballistic missile was test-fired on November 20.", "en",
         {"stage": "final", "launch_date_local": "2025-11-20", "time_precision": "day", "count": 1,
          "count_qualifier": "exact", "missile_class": "hypersonic", "missile_name": "Hwasong-16B"}),
    # 6. February 2026: rocket artillery, reported by Seoul and Tokyo alike
    Said("jcs_kr", "/bbs/jcs/view.do?id=2026-0203", "2026-02-03T16:10:00+09:00",
         "North Korea fires rockets from multiple launcher",
         "North Korea fired about 10 rounds from 240 mm multiple rocket launchers near Haeju at around 3:30 p.m.",
         "en", {"stage": "followup", **kst_launch("2026-02-03", "15:30"), "count": 10, "count_qualifier": "approx",
                "launch_area": "Haeju", "missile_class": "mlrs"}),
    # 7. October 2026: a flash says at least one; the follow-up says two
    Said("mod_jp", "/j/press/news/2026/10/03a.html", "2026-10-03T06:31:00+09:00", "北朝鮮のミサイル等関連情報（速報）",
         "北朝鮮は本日６時１５分頃、弾道ミサイルを発射しました。", "ja",
         {"stage": "flash", **kst_launch("2026-10-03", "06:15"), "count": 1, "count_qualifier": "at_least",
          "missile_class": "ballistic"}),
    Said("mod_jp", "/j/press/news/2026/10/03d.html", "2026-10-03T09:41:00+09:00", "北朝鮮のミサイル等関連情報（続報）",
         "１．北朝鮮は本日６時１５分頃、北朝鮮西岸付近から、弾道ミサイル２発を東方向に向けて発射しました。\n"
         "２．最高高度約５０ｋｍで、約３５０ｋｍ飛翔したものと推定されます。", "ja",
         {"stage": "followup", **kst_launch("2026-10-03", "06:15"), "count": 2, "count_qualifier": "exact",
          "range_km": [350.0], "range_qualifier": "approx", "range_raw": "約３５０ｋｍ", "apogee_km": [50.0],
          "launch_area": "北朝鮮西岸付近", "missile_class": "ballistic", "landing": "near_east_coast"}),
    Said("jcs_kr", "/bbs/jcs/view.do?id=2026-1003", "2026-10-03T07:02:00+09:00",
         "North Korea fires two ballistic missiles <toward> the East Sea",
         "Our military detected two short-range ballistic missiles launched from the west coast at around 6:15 a.m. "
         "today; they flew about 340 km.", "en",
         {"stage": "followup", **kst_launch("2026-10-03", "06:15"), "count": 2, "count_qualifier": "exact",
          "range_km": [340.0], "launch_area": "=west coast", "missile_class": "ballistic"}),
]

# fmt: on


def document(said: Said, archive) -> Document:
    text = said.title + "\n" + said.text
    sha256, raw_path = archive.put(text.encode("utf-8"))
    return Document(
        source=said.source, url=SITES[said.source] + said.path, title=said.title, lang=said.lang,
        published_at=datetime.fromisoformat(said.published), published_precision="minute",
        fetched_at=datetime.fromisoformat(said.published).astimezone(UTC), sha256=sha256, raw_path=raw_path,
        text=text, content_type="text/plain",
    )  # fmt: skip


def report(said: Said, doc: Document) -> Statement:
    values = dict(said.values)
    evidence = []
    for name in ("range_raw", "apogee_raw"):
        raw = values.get(name)
        if raw and raw in doc.text:
            start = doc.text.index(raw)
            line = next(line for line in doc.text.splitlines() if raw in line)
            evidence.append(Evidence(name.replace("_raw", "_km"), start, start + len(raw), raw, line))
    return Statement(document_id=doc.id, source=said.source, authority=AUTHORITY[said.source], is_launch_report=True,
                  evidence=evidence, **values)  # fmt: skip


def add(ws: Workspace, statements: list[Said]) -> None:
    for said in statements:
        doc = document(said, ws.archive)
        ws.store.save_document(doc)
        ws.store.save_statement(report(said, doc))
        ws.store.mark_extracted(doc.id)


def build_workspace(out_dir: Path, statements: list[Said] | None = None) -> Workspace:
    """A workspace holding the fixture statements, reconciled, with its output files written,
    as one recorded collect run."""
    ws = open_workspace(out_dir, None)
    ws.store.begin_run("collect")
    add(ws, STATEMENTS if statements is None else statements)
    write_outputs(ws)
    ws.store.finish_run("ok", {})
    return ws


class NotEmpty(Exception):
    """The directory already holds a store: the demo never mixes into data."""


def write_demo(directory: Path) -> Workspace:
    """The demo data set in ``directory``, with every output file and report.html, as a collect
    followed by `launchfeed report` would leave it."""
    if (directory / "launchfeed.sqlite").exists():
        raise NotEmpty(f"{directory} already holds a store; give a new directory for the demo")
    ws = build_workspace(directory)
    write_outputs(ws, report=True)
    return ws
