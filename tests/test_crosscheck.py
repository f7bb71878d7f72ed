"""launchfeed crosscheck: events against a small reference list written for these tests in
the layout of the CNS-based nk_missile_tests.json (UTC dates and times, one row per missile)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from eventcases import FIXTURES, members, save
from launchfeed.output.crosscheck import (
    FACILITIES_FILE,
    ReferenceError,
    compare,
    differences,
    load_reference,
    parse_reference,
    render_summary,
    result_json,
)
from launchfeed.output.events import reconcile

from launchfeed.cli import main
from launchfeed.collect import open_workspace, write_outputs
from launchfeed.contracts import Event


def row(date, time="unknown", series=None, facility="unknown", distance="unknown", apogee="unknown", **extra):
    item = {"date": date, "time": time, "missile": "unknown", "facility": facility, "landing": "sea-of-japan",
            "apogee": apogee, "distance": distance, "bearing": 90, "outcome": "success",
            "description": "test row"}  # fmt: skip
    if series is not None:
        item["series"] = series
    return item | extra


REFERENCE = {
    "timeBins": [
        {"year": 1990, "data": [row("1990-05", distance="na", apogee="na")]},
        {
            "year": 2031,
            "data": [
                # the salvo of 2031-05-14 7:44 KST: two missiles
                row("2031-05-13", "22:44 (UTC)", 1, "sukchon", "350", "50"),
                row("2031-05-13", "23:21 (UTC)", 2, "sukchon", 360, 90),
                # the first launch of 2031-06-02 (6:10 KST); the 10:15 one is not listed
                row("2031-06-01", "21:10 (UTC)", None, "unknown", 600, 100),
                # a salvo of three the events do not have
                row("2031-07-01", "03:00 (UTC)", 1, "kusong"),
                row("2031-07-01", "03:00 (UTC)", 2, "kusong"),
                row("2031-07-01", "unknown", 3, "kusong"),
                # 23:58 KST on 2031-08-20
                row("2031-08-20", "14:58 (UTC)", None, "sunan"),
                # 0:20 KST on 2031-09-05 is 2031-09-04 in UTC
                row("2031-09-04", "15:20 (UTC)", None, "unknown", 250),
                # 2031-10-10 7:44 KST: the reference says two, at 7:52
                row("2031-10-09", "22:52 (UTC)", 1, "sinpo", 320, 55),
                row("2031-10-09", "22:52 (UTC)", 2, "sinpo", 310, 55),
            ],
        },
        {"year": 2032, "data": [row("2032-01-01", "01:00 (UTC)")]},
    ]
}
FACILITIES = {"sunan": (39.22, 125.68), "sukchon": (39.41, 125.63), "sinpo": (40.04, 128.18), "kusong": (40.0, 125.2)}


@pytest.fixture
def events():
    return reconcile(members(FIXTURES)).events


def by_date(result, day):
    return next(m for m in result.matched if m.references[0].date.isoformat() == day)


def test_reference_rows_become_launches_by_series():
    launches = parse_reference(REFERENCE)
    assert [(r.date.isoformat(), r.count) for r in launches] == [
        ("1990-05-01", 1), ("2031-05-13", 2), ("2031-06-01", 1), ("2031-07-01", 3), ("2031-08-20", 1),
        ("2031-09-04", 1), ("2031-10-09", 2), ("2032-01-01", 1),
    ]  # fmt: skip
    salvo = launches[1]
    assert (salvo.start.isoformat(), salvo.end.isoformat()) == (
        "2031-05-13T22:44:00+00:00",
        "2031-05-13T23:21:00+00:00",
    )
    assert (salvo.distance_km, salvo.apogee_km, salvo.rows) == ([350.0, 360.0], [50.0, 90.0], [2, 3])
    assert launches[0].date_precision == "month" and launches[0].distance_km == []


def test_matched_missing_on_each_side_and_differences(events):
    result = compare(events, parse_reference(REFERENCE), facilities=FACILITIES)
    assert (result.since.isoformat(), result.until.isoformat()) == ("2031-05-13", "2031-10-09")
    assert result.outside_period == 2  # 1990-05 and 2032-01-01
    assert len(result.matched) == 5
    assert all(len(m.events) == 1 and len(m.references) == 1 for m in result.matched)
    # Tokyo's 10:15 ICBM is not in the reference; INDOPACOM's ambiguous "today" matches nothing
    missing = {e.launch_utc or e.launch_date_local for e in result.missing_in_reference}
    assert missing == {"2031-06-02T01:15:00Z", "2031-06-01"}
    assert [(r.date.isoformat(), r.count) for r in result.missing_in_events] == [("2031-07-01", 3)]
    salvo = by_date(result, "2031-05-13")
    assert [d.text() for d in salvo.differences] == ["apogee_km 50 vs 90"]
    disagreeing = by_date(result, "2031-10-09")
    assert [d.text() for d in disagreeing.differences] == ["count 3 vs 2", "time_utc 22:44 vs 22:52"]
    assert by_date(result, "2031-09-04").differences == []  # after midnight KST: the previous day in UTC
    assert by_date(result, "2031-08-20").differences == []  # pyongyang and sunan: 22 km apart


def test_sites_compare_by_slug_without_facility_coordinates(events):
    result = compare(events, parse_reference(REFERENCE))
    assert [d.text() for d in by_date(result, "2031-08-20").differences] == ["site pyongyang vs sunan"]
    assert by_date(result, "2031-10-09").differences[-1].field == "time_utc"  # sinpo is sinpo


def test_the_period_can_be_set(events):
    from datetime import date

    result = compare(events, parse_reference(REFERENCE), since=date(2031, 8, 1), until=date(2032, 12, 31))
    assert result.outside_period == 4
    assert [r.date.isoformat() for r in result.missing_in_events] == ["2032-01-01"]
    # events outside the period still match what they can, or show as missing from the reference
    assert len(result.matched) == 3


def test_at_least_counts_differ_only_when_the_reference_has_fewer():
    reference = parse_reference({"timeBins": [{"data": [row("2031-01-01", "00:00 (UTC)", s) for s in (1, 2, 3)]}]})
    at_least = Event(id="ev-a", launch_utc="2031-01-01T00:00:00Z", time_precision="minute", count=2,
                     count_qualifier="at_least")  # fmt: skip
    assert differences([at_least], reference, None) == []
    at_least.count = 4
    assert [d.text() for d in differences([at_least], reference, None)] == ["count at least 4 vs 3"]
    no_count = Event(id="ev-b", launch_utc="2031-01-01T00:00:00Z", time_precision="minute", count_qualifier="multiple")
    assert differences([no_count], reference, None) == []


def test_one_event_covering_two_reference_rows_without_series_is_one_match():
    reference = parse_reference(
        {"timeBins": [{"data": [row("2031-03-01", "21:00 (UTC)", distance=350), row("2031-03-01", "21:15 (UTC)")]}]}
    )
    event = Event(
        id="ev-c", launch_utc="2031-03-01T21:00:00Z", time_precision="minute", count=2, count_qualifier="exact"
    )
    result = compare([event], reference)
    assert [(len(m.events), len(m.references), m.differences) for m in result.matched] == [(1, 2, [])]


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ([], "expected an object with a 'timeBins' list"),
        ({"timeBins": [{"year": 2031}]}, "timeBins[0] has no 'data' list"),
        ({"timeBins": [{"data": ["x"]}]}, "timeBins[0].data[0]: not an object"),
        ({"timeBins": [{"data": [row("2031-13-01")]}]}, "date '2031-13-01' is not YYYY-MM-DD"),
        ({"timeBins": [{"data": [row("2031-01-01", "25:00 (UTC)")]}]}, "time '25:00 (UTC)' is not 'HH:MM (UTC)'"),
        ({"timeBins": [{"data": [row("2031-01-01", distance="far")]}]}, "distance 'far' is not a number"),
        ({"timeBins": [{"data": [row("2031-01-01", series="2")]}]}, "series '2' is not a whole number"),
    ],
)
def test_a_bad_reference_is_refused_with_where_and_why(data, message):
    with pytest.raises(ReferenceError, match=message.replace("[", r"\[").replace("(", r"\(").replace(")", r"\)")):
        parse_reference(data, "ref.json")


def test_a_reference_that_is_not_json_is_refused(tmp_path):
    path = tmp_path / "ref.json"
    path.write_text("{not json", encoding="utf-8")
    with pytest.raises(ReferenceError, match="is not JSON"):
        load_reference(path)
    with pytest.raises(ReferenceError, match="cannot read"):
        load_reference(tmp_path / "absent.json")


def test_summary_and_json(events):
    result = compare(events, parse_reference(REFERENCE), facilities=FACILITIES)
    text = render_summary(result)
    assert "Matched: 5 (5 events, 5 reference launches)" in text
    assert "with differences: count 1, range_km 0, apogee_km 1, time_utc 1, site 0" in text
    assert "Missing from the reference: 2 events" in text
    assert "Missing from the events: 1 reference launch" in text and "1 reference launches" not in text
    assert "2031-07-01 03:00Z  3 missiles, kusong" in text
    data = result_json(result)
    assert data["totals"]["matched"] == 5 and data["totals"]["reference_outside_period"] == 2
    # coverage: the six reference launches in the period, five of which some statement covers
    assert (data["coverage"]["reference_launches"], data["coverage"]["with_a_statement"]) == (6, 5)
    assert "Coverage: 5 of 6 (83%) reference launches in the period have a statement" in text
    json.dumps(data)  # serializable as is


# -- the command --------------------------------------------------------------------------------------


@pytest.fixture
def workspace(tmp_path):
    ws = open_workspace(tmp_path / "out", None)
    save(ws.store, FIXTURES)
    write_outputs(ws)
    reference = tmp_path / "ref" / "tests.json"
    reference.parent.mkdir()
    reference.write_text(json.dumps(REFERENCE), encoding="utf-8")
    return tmp_path / "out", reference


def test_crosscheck_command_prints_the_summary(workspace, capsys):
    out, reference = workspace
    assert main(["crosscheck", str(reference), "--out", str(out)]) == 0
    text = capsys.readouterr().out
    assert text.startswith("Cross-check against tests.json: 8 reference launches (12 missiles)")
    assert "Matched: 5" in text and "site pyongyang vs sunan" in text
    # a facilities file beside the reference is read: sites compare by distance
    facilities = {slug: {"name": slug, "lat": lat, "lon": lon} for slug, (lat, lon) in FACILITIES.items()}
    (reference.parent / FACILITIES_FILE).write_text(json.dumps({"facilities": facilities}), encoding="utf-8")
    assert main(["crosscheck", str(reference), "--out", str(out), "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["totals"]["differences"]["site"] == 0 and data["reference"] == "tests.json"


def test_fail_on_diff_exits_1_when_values_differ_and_0_when_they_agree(workspace, tmp_path, capsys):
    out, reference = workspace
    assert main(["crosscheck", str(reference), "--data-dir", str(out), "--fail-on-diff"]) == 1
    assert "Differences (ours vs reference):" in capsys.readouterr().out
    # a reference holding only the launch of 2031-06-02 as the events have it: nothing differs
    agreeing = {"timeBins": [{"year": 2031, "data": [row("2031-06-01", "21:10 (UTC)", None, "unknown", 600, 100)]}]}
    reference.write_text(json.dumps(agreeing), encoding="utf-8")
    args = ["crosscheck", str(reference), "--data-dir", str(out), "--since", "2031-06-01", "--until", "2031-06-01"]
    assert main([*args, "--fail-on-diff"]) == 0
    text = capsys.readouterr().out
    assert "Cross-check against tests.json: 1 reference launch (1 missile)" in text and "Matched: 1 (1 event, " in text


def test_crosscheck_command_refuses_bad_input(workspace, tmp_path, capsys):
    out, reference = workspace
    reference.write_text('{"timeBins": [{"data": [{"date": "someday"}]}]}', encoding="utf-8")
    assert main(["crosscheck", str(reference), "--out", str(out)]) == 2
    assert "timeBins[0].data[0]: date 'someday' is not YYYY-MM-DD" in capsys.readouterr().err
    assert main(["crosscheck", str(reference), "--out", str(tmp_path / "nowhere")]) == 2
    assert "no store at" in capsys.readouterr().err
    assert not (tmp_path / "nowhere").exists()
    assert main(["crosscheck", str(reference), "--out", str(out), "--since", "May 1"]) == 2
    assert "use YYYY-MM-DD, YYYY-MM or YYYY" in capsys.readouterr().err


def test_crosscheck_command_on_a_store_without_events(tmp_path, capsys):
    open_workspace(tmp_path / "out", None)
    reference = tmp_path / "tests.json"
    reference.write_text(json.dumps(REFERENCE), encoding="utf-8")
    assert main(["crosscheck", str(reference), "--out", str(tmp_path / "out")]) == 1
    assert "holds no launch events yet" in capsys.readouterr().err


def test_the_readmes_example_reference_is_read_as_it_says():
    readme = (Path(__file__).resolve().parent.parent / "README.md").read_text(encoding="utf-8")
    example = readme.split("The layout it reads:\n\n", 1)[1].split("\n\n", 1)[0]
    launches = parse_reference(json.loads(example), "README")
    assert [(launch.date.isoformat(), launch.count, launch.date_precision) for launch in launches] == [
        ("2025-01-13", 2, "day"), ("2025-03-01", 1, "month")
    ]  # fmt: skip
    assert launches[0].distance_km == [350.0] and launches[0].facilities == ["pyongyang", "pyongyang"]
