"""`launchfeed changes`: what each run added or changed, readable and as JSON."""

from __future__ import annotations

import json
from dataclasses import replace
from datetime import UTC, datetime

import pytest
from launchdata import REVISION, STATEMENTS, add, build_workspace, document, report

from launchfeed.cli import main
from launchfeed.collect import write_outputs


@pytest.fixture
def two_runs(tmp_path):
    """Run 1 collects the fixture launches; run 2 brings JCS's revised range for October."""
    ws = build_workspace(tmp_path)
    ws.store.begin_run("collect")
    add(ws, [REVISION])
    write_outputs(ws)
    ws.store.finish_run("ok", {})
    return ws, tmp_path


def changes(out, capsys, *args: str) -> tuple[int, str, str]:
    code = main(["changes", "--out", str(out), *args])
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def test_without_since_the_latest_run_is_shown(two_runs, capsys):
    _, out = two_runs
    code, text, _ = changes(out, capsys)
    assert code == 0
    lines = text.splitlines()
    assert lines[0].startswith("run 2 collect ") and lines[0].endswith(" ok")
    assert lines[1] == "  documents: 1 new"
    assert lines[2].startswith("  new statement      jcs 2026-10-03 06:15 final: 2 missiles, range 380 km, ballistic")
    assert lines[2].endswith("https://www.jcs.mil.kr/bbs/jcs/view.do?id=2026-1003b")
    assert lines[3].startswith("  revised launch     ev-")
    # the launch's local date with its local time, then UTC (21:15 UTC is still 2 October)
    assert " 2026-10-03 06:15 +09:00 (21:15 UTC): " in lines[3]
    assert "jcs_range_km 340 → 380" in lines[3] and "+1 statement" in lines[3]
    assert len(lines) == 4


def test_since_a_run_or_a_date(two_runs, capsys):
    _, out = two_runs
    _, everything, _ = changes(out, capsys, "--since", "1")
    assert everything.count("\nrun ") + everything.startswith("run ") == 2
    assert everything.count("new statement") == 19 and everything.count("new launch") == 7
    assert "documents: 18 new" in everything
    today = datetime.now(UTC).date().isoformat()
    assert changes(out, capsys, "--since", today)[1] == everything
    assert changes(out, capsys, "--since", f"{today}T00:00+14:00")[1] == everything
    code, text, _ = changes(out, capsys, "--since", "2999-01-01")
    assert code == 0 and text == "no changes since 2999-01-01\n"


def test_json_lines_carry_every_change_with_decoded_values(two_runs, capsys):
    _, out = two_runs
    code, text, _ = changes(out, capsys, "--since", "2", "--json")
    assert code == 0
    items = [json.loads(line) for line in text.splitlines()]
    kinds = [item["kind"] for item in items]
    assert kinds[:2] == ["new_document", "new_report"] and set(kinds[2:]) == {"revised_event_value"}
    revised = {item["field"]: item for item in items if item["kind"] == "revised_event_value"}
    assert (revised["jcs_range_km"]["old"], revised["jcs_range_km"]["new"]) == ([340.0], [380.0])
    assert revised["jcs_range_km"]["launch_date_local"] == "2026-10-03"
    assert all(item["run_id"] == 2 and item["run_command"] == "collect" for item in items)
    assert items[1]["authority"] == "jcs" and items[1]["url"].endswith("2026-1003b")


def test_revised_and_withdrawn_statements(two_runs, capsys):
    ws, out = two_runs
    said = STATEMENTS[2]  # JCS on the January launch
    doc = document(said, ws.archive)
    ws.store.begin_run("rebuild")
    ws.store.save_statement(replace(report(said, doc), range_km=[410.0], count=3))  # a better extractor reads more
    ws.store.delete_statement(report(STATEMENTS[-1], document(STATEMENTS[-1], ws.archive)).id)
    write_outputs(ws)
    ws.store.finish_run("ok", {})
    _, text, _ = changes(out, capsys)
    lines = text.splitlines()
    assert lines[0].startswith("run 3 rebuild ")
    assert lines[1].startswith("  revised statement  jcs 2025-01-14 07:44 followup: 3 missiles, range 410 km")
    assert lines[1].endswith("[count 2 → 3; range_km 400 → 410]")
    assert lines[2].startswith("  withdrawn statement ") and "no longer reports a launch" in lines[2]
    assert any(line.startswith("  revised launch") and "count_disagrees false → true" in line for line in lines)


def test_errors_and_an_empty_log(tmp_path, capsys):
    code, _, err = changes(tmp_path, capsys, "--since", "yesterday")
    assert code == 2 and "no store at" in err
    build_workspace(tmp_path, statements=[]).store.db.execute("DELETE FROM changes")
    assert changes(tmp_path, capsys) == (0, "no changes recorded yet\n", "")
    code, _, err = changes(tmp_path, capsys, "--since", "last week")
    assert code == 2 and err.strip() == (
        "launchfeed: --since takes a run id or a date (YYYY-MM-DD[THH:MM[+HH:MM]]), not 'last week'"
    )


def test_an_authority_joining_a_launch_logs_only_the_values_it_states(tmp_path, capsys):
    """INDOPACOM's "we are aware" joins the launch of 2025-03-10: its count, ranges and times are
    not stated, so they are no change (no "(none) → (none)")."""
    aware = next(said for said in STATEMENTS if said.source == "indopacom")
    ws = build_workspace(tmp_path, [said for said in STATEMENTS if said is not aware])
    ws.store.begin_run("collect")
    add(ws, [aware])
    write_outputs(ws)
    ws.store.finish_run("ok", {})
    code, text, _ = changes(tmp_path, capsys)
    [line] = [line for line in text.splitlines() if line.startswith("  revised launch") and " 2025-03-10 " in line]
    assert code == 0 and "(none) → (none)" not in text
    assert "indopacom_stage (none) → flash" in line and "indopacom_missile_class (none) → ballistic" in line
    assert "indopacom_range_km" not in line and "indopacom_count" not in line
    logged = [json.loads(entry) for entry in changes(tmp_path, capsys, "--json")[1].splitlines()]
    assert all(entry["old"] not in (None, []) or entry["new"] not in (None, []) for entry in logged
               if entry["kind"] == "revised_event_value")  # fmt: skip
