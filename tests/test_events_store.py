"""Launch events in the store and the output files: launches.csv, launches.jsonl, the
SQLite tables, the change log, and ids that survive repeated runs, late reports and
rebuilds."""

from __future__ import annotations

import csv
import io
import json
import sqlite3
from datetime import datetime

from eventcases import DISAGREEING, FIXTURES, MIDNIGHT, SALVO, TWO_IN_A_DAY, Fixture, rid, save
from launchfeed.output.events import current_events, reconcile_store, stored_events
from launchfeed.output.store import MIGRATIONS, Store
from launchfeed.output.tables import LAUNCHES

from launchfeed.collect import open_workspace, write_outputs
from launchfeed.sources import authorities

SOURCES = {"mod_jp": "mod_jp", "jcs_kr": "jcs", "yonhap_en": "jcs", "kcna": "kcna", "indopacom": "indopacom"}


def changes(store: Store, kind: str) -> list[dict]:
    return [c for c in store.changes() if c["kind"] == kind]


def ids_by_report(events) -> dict[str, str]:
    return {report_id: e.id for e in events for report_id in e.report_ids}


def test_write_outputs_writes_one_launches_row_per_event(tmp_path):
    ws = open_workspace(tmp_path / "out", None)
    save(ws.store, FIXTURES)
    written = write_outputs(ws)
    assert {"launches.csv", "launches.jsonl", "statements.csv"} <= set(written)
    content = (tmp_path / "out" / "launches.csv").read_text(encoding="utf-8")
    rows = list(csv.DictReader(io.StringIO(content)))
    events = stored_events(ws.store)
    assert len(rows) == len(events) == 7
    assert len(content.splitlines()) == len(rows) + 1  # one physical line per launch
    assert list(rows[0]) == [c.name for c in LAUNCHES.columns]
    salvo = next(r for r in rows if rid(SALVO[0]) in r["report_ids"].split(";"))
    assert salvo["event_id"].startswith("ev-")
    assert (salvo["launch_utc"], salvo["launch_date_local"], salvo["count"]) == (
        "2031-05-13T22:44:00+00:00",
        "2031-05-14",
        "2",
    )
    assert (salvo["range_km"], salvo["range_disagrees"], salvo["count_disagrees"]) == ("360", "true", "false")
    assert (salvo["mod_jp_count"], salvo["mod_jp_range_km"], salvo["mod_jp_latency_minutes"]) == ("2", "350;360", "8")
    assert (salvo["jcs_range_km"], salvo["jcs_carried_by"], salvo["jcs_latency_minutes"]) == ("300", "yonhap", "6")
    assert (salvo["kcna_missile_name"], salvo["kcna_latency_minutes"], salvo["dod_count"]) == ("Hwasong-99", "", "")
    assert "mod_jp count: 1 (2031-05-14T07:52:00+09:00) -> 2 (2031-05-14T11:30:00+09:00)" in salvo["revisions"]
    # unreported_by: authorities of the sources collected (mod_jp, indopacom, dod, kcna), from the first day
    # the store holds a document of theirs (INDOPACOM's is from June, after this launch)
    assert salvo["unreported_by"] == ""
    disagreeing = next(r for r in rows if rid(DISAGREEING[0]) in r["report_ids"].split(";"))
    assert disagreeing["unreported_by"] == "indopacom;kcna"
    records = [json.loads(line) for line in (tmp_path / "out" / "launches.jsonl").read_text().splitlines()]
    assert [r["id"] for r in records] == [r["event_id"] for r in rows]
    nested = next(r for r in records if r["id"] == salvo["event_id"])
    assert nested["authorities"]["jcs"]["carried_by"] == ["yonhap"]
    assert nested["revisions"][0]["authority"] in ("mod_jp", "jcs")


def test_events_live_in_sqlite_with_authorities_and_members(tmp_path):
    ws = open_workspace(tmp_path / "out", None)
    save(ws.store, SALVO)
    write_outputs(ws)
    db = sqlite3.connect(tmp_path / "out" / "launchfeed.sqlite")
    db.row_factory = sqlite3.Row
    event = db.execute("SELECT * FROM events").fetchone()
    assert (event["count"], event["range_disagrees"], event["launch_site"]) == (2, 1, "sukchon")
    views = {r["authority"]: dict(r) for r in db.execute("SELECT * FROM event_authorities")}
    assert sorted(views) == ["jcs", "kcna", "mod_jp"]
    assert (views["mod_jp"]["count"], json.loads(views["mod_jp"]["range_km"])) == (2, [350.0, 360.0])
    members = db.execute("SELECT COUNT(*) FROM event_members WHERE event_id = ?", (event["id"],)).fetchone()[0]
    assert members == len(SALVO)
    anchor = db.execute("SELECT anchor_report_id, retired_at FROM event_ids WHERE id = ?", (event["id"],)).fetchone()
    assert tuple(anchor) == (rid(SALVO[2]), None)


def test_a_second_run_changes_nothing_and_writes_nothing(tmp_path):
    ws = open_workspace(tmp_path / "out", None)
    save(ws.store, FIXTURES)
    write_outputs(ws)
    logged = len(ws.store.changes())
    assert write_outputs(ws) == []
    outcome = reconcile_store(ws.store, authorities())
    assert (outcome.new, outcome.changed, outcome.merged, outcome.withdrawn) == ([], [], {}, [])
    assert len(ws.store.changes()) == logged


def test_new_events_and_changed_values_go_to_the_change_log_and_the_id_stays(tmp_path):
    store = Store(tmp_path / "store.sqlite")
    save(store, SALVO[:1])
    first = reconcile_store(store, SOURCES)
    [event_id] = first.new
    assert [c["object_id"] for c in changes(store, "new_event")] == [event_id]
    save(store, SALVO[1:2])  # Tokyo's follow-up: two missiles, not "at least one"
    second = reconcile_store(store, SOURCES)
    assert (second.new, second.changed) == ([], [event_id])
    revised = {c["field"]: (c["old"], c["new"]) for c in changes(store, "revised_event_value")}
    assert revised["count"] == ("1", "2")
    assert revised["mod_jp_count"] == ("1", "2")
    assert revised["count_qualifier"] == ("at_least", "exact")
    assert "grouping_reason" not in revised
    assert [e.id for e in stored_events(store)] == [event_id]


def test_ids_survive_an_earlier_published_report_arriving_late_and_a_rebuild(tmp_path):
    store = Store(tmp_path / "store.sqlite")
    save(store, [SALVO[1]])  # Tokyo's follow-up (11:30) collected first
    [event_id] = reconcile_store(store, SOURCES).new
    save(store, [SALVO[2], SALVO[0]])  # Seoul's (7:50) and Tokyo's (7:52) flashes arrive later
    assert [e.id for e in reconcile_store(store, SOURCES).events] == [event_id]
    # rebuild: every report extracted again (deleted and saved anew), reconciliation re-run
    for f in (SALVO[0], SALVO[1], SALVO[2]):
        store.delete_statement(rid(f))
    reconcile_store(store, SOURCES)
    save(store, [SALVO[0], SALVO[1], SALVO[2]])
    assert [e.id for e in reconcile_store(store, SOURCES).events] == [event_id]
    assert [e.id for e in stored_events(store)] == [event_id]


def test_a_rebuild_from_scratch_gives_the_same_ids(tmp_path):
    first = Store(tmp_path / "first.sqlite")
    in_publication_order = sorted(FIXTURES, key=lambda f: datetime.fromisoformat(f.published))
    for f in in_publication_order:  # collected one by one, reconciled each time
        save(first, [f])
        reconcile_store(first, SOURCES)
    again = Store(tmp_path / "again.sqlite")
    save(again, list(reversed(FIXTURES)))
    reconcile_store(again, SOURCES)
    assert ids_by_report(stored_events(again)) == ids_by_report(stored_events(first))
    assert stored_events(again) == stored_events(first)


def test_merged_and_withdrawn_events_are_logged_and_their_ids_retired(tmp_path):
    store = Store(tmp_path / "store.sqlite")
    day_only, timed = TWO_IN_A_DAY[3], TWO_IN_A_DAY[1]  # Pyongyang's day, then Tokyo's timed release
    save(store, [day_only])
    [kcna_event] = reconcile_store(store, SOURCES).new
    save(store, [timed])
    outcome = reconcile_store(store, SOURCES)
    assert [e.id for e in outcome.events] == [kcna_event]  # Tokyo's release joins: the id stays
    save(store, MIDNIGHT)
    midnight = reconcile_store(store, SOURCES).new
    assert len(midnight) == 1
    for f in MIDNIGHT:
        store.delete_statement(rid(f))
    outcome = reconcile_store(store, SOURCES)
    assert outcome.withdrawn == midnight
    assert [c["object_id"] for c in changes(store, "withdrawn_event")] == midnight
    retired = store.db.execute("SELECT retired_at FROM event_ids WHERE id = ?", (midnight[0],)).fetchone()[0]
    assert retired is not None


def test_two_events_merging_log_the_heir(tmp_path):
    store = Store(tmp_path / "store.sqlite")
    early = Fixture(
        "m1",
        "mod_jp",
        "ja",
        "2031-11-01T07:10:00+09:00",
        "minute",
        "北朝鮮は本日７時頃、弾道ミサイルを発射しました。",
        {"authority": "mod_jp", "stage": "flash", "launch_date_local": "2031-11-01", "launch_times_local": ["07:00"]},
    )
    late = Fixture(
        "m2",
        "mod_jp",
        "ja",
        "2031-11-01T08:20:00+09:00",
        "minute",
        "北朝鮮は本日８時１０分頃、弾道ミサイルを発射しました。",
        {"authority": "mod_jp", "stage": "flash", "launch_date_local": "2031-11-01", "launch_times_local": ["08:10"]},
    )
    bridge = Fixture(
        "m3", "jcs_kr", "ko", "2031-11-01T09:00:00+09:00", "minute",
        "합동참모본부는 북한이 오늘 오전 7시경부터 8시 10분경까지 탄도미사일 3발을 발사했다고 밝혔다.",
        {"authority": "jcs", "launch_date_local": "2031-11-01", "launch_times_local": ["07:00", "08:10"], "count": 3},
    )  # fmt: skip
    save(store, [early, late])
    first, second = (e.id for e in reconcile_store(store, SOURCES).events)
    save(store, [bridge])
    outcome = reconcile_store(store, SOURCES)
    assert [e.id for e in outcome.events] == [first] and outcome.merged == {second: first}
    assert [(c["object_id"], c["new"]) for c in changes(store, "merged_event")] == [(second, first)]
    assert tuple(store.db.execute("SELECT merged_into FROM event_ids WHERE id = ?", (second,)).fetchone()) == (first,)


def test_unreported_by_follows_what_the_store_collected(tmp_path):
    store = Store(tmp_path / "store.sqlite")
    save(store, DISAGREEING)  # Seoul and Tokyo only
    [event] = reconcile_store(store, SOURCES).events
    assert event.unreported_by == []
    save(store, SALVO[5:6])  # a KCNA article of 2031-05-15: KCNA's collection covers from that day on
    events = reconcile_store(store, SOURCES).events
    disagreeing = next(e for e in events if rid(DISAGREEING[0]) in e.report_ids)
    assert disagreeing.unreported_by == ["kcna"]


def test_current_events_reads_without_writing(tmp_path):
    store = Store(tmp_path / "store.sqlite")
    save(store, SALVO)
    logged = len(store.changes())
    events = current_events(store, SOURCES)
    assert len(events) == 1 and stored_events(store) == [] and len(store.changes()) == logged
    reconcile_store(store, SOURCES)
    assert current_events(store, SOURCES) == stored_events(store)


def test_a_store_at_schema_1_gains_the_event_tables(tmp_path):
    path = tmp_path / "old.sqlite"
    db = sqlite3.connect(path)
    db.execute("CREATE TABLE schema_version (version INTEGER PRIMARY KEY, applied_at TEXT NOT NULL)")
    db.executescript(MIGRATIONS[0])
    db.execute("INSERT INTO schema_version VALUES (1, '2031-01-01T00:00:00+00:00')")
    db.commit()
    db.close()
    store = Store(path)
    assert store.schema_version >= 2
    save(store, SALVO[:2])
    assert len(reconcile_store(store, SOURCES).new) == 1
