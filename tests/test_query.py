"""`launchfeed query`: every filter, every output format, on the fixture store."""

from __future__ import annotations

import csv
import hashlib
import io
import json

import pytest
from launchdata import build_workspace
from launchfeed.output.query import display_width
from launchfeed.output.tables import LAUNCHES, STATEMENTS

from launchfeed.cli import main


@pytest.fixture(scope="module")
def out(tmp_path_factory):
    directory = tmp_path_factory.mktemp("query")
    build_workspace(directory).store.close()
    return directory


def run(out, capsys, *args: str) -> tuple[int, str, str]:
    code = main(["query", *args, "--out", str(out)])
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def rows(out, capsys, *args: str) -> list[dict]:
    code, text, err = run(out, capsys, *args)
    assert code == 0, err
    return list(csv.DictReader(io.StringIO(text)))


def test_default_is_csv_of_every_statement_with_the_statements_csv_columns(out, capsys):
    code, text, _ = run(out, capsys, "statements")
    assert code == 0
    assert text.splitlines()[0] == ",".join(c.name for c in STATEMENTS.columns)
    found = list(csv.DictReader(io.StringIO(text)))
    assert len(found) == 18
    # the same rows, in the same conventions, as the statements.csv that collect wrote
    with (out / "statements.csv").open(encoding="utf-8", newline="") as handle:
        written = list(csv.DictReader(handle))
    assert sorted(found, key=lambda r: r["report_id"]) == sorted(written, key=lambda r: r["report_id"])
    # launch order
    assert [r["launch_date_local"] for r in found] == sorted(r["launch_date_local"] for r in found)


def test_date_range_is_on_the_launch_date_inclusive(out, capsys):
    found = rows(out, capsys, "statements", "--since", "2025-03-10", "--until", "2025-08-27")
    assert {r["launch_date_local"] for r in found} == {"2025-03-10", "2025-05-08", "2025-08-27"}
    # a month or a year stands for its first day (--since) or its last (--until)
    found = rows(out, capsys, "statements", "--since", "2025-11", "--until", "2026")
    assert {r["launch_date_local"] for r in found} == {"2025-11-20", "2026-02-03", "2026-10-03"}
    assert {r["launch_date_local"] for r in rows(out, capsys, "launches", "--until", "2025-01")} == {"2025-01-14"}


def test_authority_source_and_class_take_repeated_or_comma_separated_values(out, capsys):
    assert {r["authority"] for r in rows(out, capsys, "statements", "--authority", "kcna,indopacom")} == {
        "kcna", "indopacom"
    }  # fmt: skip
    repeated = rows(out, capsys, "statements", "--authority", "kcna", "--authority", "indopacom")
    assert len(repeated) == 3
    assert {r["source"] for r in rows(out, capsys, "statements", "--source", "jcs_kr")} == {"jcs_kr"}
    icbm = rows(out, capsys, "statements", "--class", "icbm")
    assert {r["launch_date_local"] for r in icbm} == {"2025-03-10"} and len(icbm) == 3
    # for launches: the consensus class, and any authority with a statement on the event
    assert [r["launch_date_local"] for r in rows(out, capsys, "launches", "--class", "hypersonic")] == ["2025-11-20"]
    assert [r["launch_date_local"] for r in rows(out, capsys, "launches", "--authority", "kcna")] == [
        "2025-03-10", "2025-11-20"
    ]  # fmt: skip
    assert [r["launch_date_local"] for r in rows(out, capsys, "launches", "--source", "indopacom")] == ["2025-03-10"]


def test_filters_combine_with_and(out, capsys):
    found = rows(out, capsys, "statements", "--authority", "mod_jp", "--since", "2026", "--class", "ballistic")
    assert [(r["launch_date_local"], r["stage"]) for r in found] == [
        ("2026-10-03", "flash"),
        ("2026-10-03", "followup"),
    ]


def test_disagreement_flags(out, capsys):
    launches = rows(out, capsys, "launches", "--disagrees", "count")
    assert [(r["launch_date_local"], r["count_disagrees"]) for r in launches] == [("2025-08-27", "true")]
    # several flags: any of them
    assert [r["launch_date_local"] for r in rows(out, capsys, "launches", "--disagrees", "range,time")] == [
        "2025-01-14", "2025-11-20"
    ]  # fmt: skip
    # a statement matches when the launch event it belongs to has the flag
    statements = rows(out, capsys, "statements", "--disagrees", "count")
    assert {r["launch_date_local"] for r in statements} == {"2025-08-27"} and len(statements) == 3


def test_free_text_searches_title_text_area_and_name(out, capsys):
    def dates(*args):
        return [r["launch_date_local"] for r in rows(out, capsys, *args)]

    assert dates("statements", "--text", "HWASONG") == ["2025-03-10", "2025-11-20"]  # name, any case
    assert dates("statements", "--text", "Wonsan") == ["2025-08-27"]  # launch area and text
    assert dates("statements", "--text", "複数発") == ["2025-08-27"]  # Japanese body text
    assert dates("statements", "--text", "Yellow Sea") == ["2025-05-08"]  # title
    assert dates("statements", "--text", "%") == []  # wildcards are plain characters
    assert dates("launches", "--text", "multiple rocket") == ["2026-02-03"]  # a statement of the event


def test_columns_choose_and_order_the_output(out, capsys):
    code, text, _ = run(out, capsys, "statements", "--columns", "range_km,authority", "--authority", "kcna")
    assert code == 0
    assert text.splitlines() == ["range_km,authority", "1001,kcna", ",kcna"]
    code, _, err = run(out, capsys, "statements", "--columns", "range,authority")
    assert code == 2 and "no column range in statements" in err and "range_km" in err


def test_jsonl_keeps_lists_as_arrays_and_unknown_as_null(out, capsys):
    code, text, _ = run(out, capsys, "statements", "--jsonl", "--authority", "kcna", "--since", "2025-11")
    assert code == 0
    [row] = [json.loads(line) for line in text.splitlines()]
    assert row["range_km"] == [] and row["missile_name"] == "Hwasong-16B" and row["launch_utc"] is None
    assert set(row) == {c.name for c in STATEMENTS.columns}
    code, text, _ = run(out, capsys, "launches", "--jsonl", "--columns", "event_id,mod_jp_range_km,count_disagrees")
    first = json.loads(text.splitlines()[0])
    assert first["mod_jp_range_km"] == [350.0] and first["count_disagrees"] is False and first["event_id"]


def test_table_is_aligned_on_a_terminal_with_wide_characters(out, capsys):
    code, text, _ = run(out, capsys, "statements", "--table", "--authority", "mod_jp", "--since", "2025-08")
    assert code == 0
    header, rule, *lines = text.splitlines()
    assert header.split() == ["launch_date_local", "launch_times_local", "authority", "stage", "count", "range_km",
                              "apogee_km", "missile_class", "launch_area", "published_at"]  # fmt: skip
    start = display_width(header[: header.index("published_at")])
    for line in lines:  # 北朝鮮東岸付近 takes two terminal columns a character
        published = line.rindex("T") - 10  # the publication time (YYYY-MM-DDTHH:MM...) is the last column
        assert display_width(line[:published]) == start
    assert any("北朝鮮東岸付近" in line for line in lines)
    code, text, _ = run(out, capsys, "launches", "--table", "--disagrees", "count")
    assert "yes" in text.splitlines()[2]


def test_limit_and_no_match(out, capsys):
    assert len(rows(out, capsys, "launches", "--limit", "2")) == 2
    code, text, err = run(out, capsys, "launches", "--table", "--since", "2030")
    assert code == 0 and text == "" and "no launches match" in err
    code, text, _ = run(out, capsys, "launches", "--since", "2030")
    assert text == ",".join(c.name for c in LAUNCHES.columns) + "\n"


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["statements", "--authority", "nato"], "unknown authority nato; known: mod_jp"),
        (["statements", "--class", "rocket"], "unknown missile class rocket"),
        (["statements", "--disagrees", "speed"], "unknown disagreement flag speed; known: count, range, apogee, time"),
        (
            ["statements", "--source", "nowhere"],
            "unknown source nowhere; known: csis, dod, indopacom, jcs_kr, kcna, mnd_kr, mod_jp, yonhap_en",
        ),
        (["statements", "--since", "2025-13"], "not a date: '2025-13'"),
        (["statements", "--until", "yesterday"], "not a date: 'yesterday'"),
    ],
)
def test_bad_values_get_one_clear_line_and_exit_2(out, capsys, args, message):
    code, text, err = run(out, capsys, *args)
    assert code == 2 and text == "" and message in err and len(err.splitlines()) == 1


def test_a_missing_store_is_an_error_and_is_not_created(tmp_path, capsys):
    code, _, err = run(tmp_path / "nowhere", capsys, "statements")
    assert code == 2 and "no store at" in err and "launchfeed collect" in err
    assert not (tmp_path / "nowhere").exists()


def test_a_query_never_writes_to_the_store(out, capsys):
    def digest():
        return {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in out.glob("launchfeed.sqlite*")}

    before = digest()
    rows(out, capsys, "launches", "--text", "Hwasong", "--disagrees", "range")
    assert digest() == before


@pytest.mark.parametrize("command", ["query", "changes", "rebuild", "report"])
def test_every_command_has_help(command, capsys):
    with pytest.raises(SystemExit) as exit_info:
        main([command, "--help"])
    assert exit_info.value.code == 0
    text = capsys.readouterr().out
    assert text.startswith(f"usage: launchfeed {command}") and "--out" in text and "--db" in text
