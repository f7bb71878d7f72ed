"""The CSV conventions every output file follows (output/writers.py)."""

from __future__ import annotations

import csv
import io
import re
from datetime import datetime, timedelta, timezone

from hypothesis import given
from hypothesis import strategies as st
from launchfeed.output.tables import EVIDENCE, LIST_SEPARATOR, STATEMENTS
from launchfeed.output.writers import FORMULA_PREFIXES, clean_text, csv_cell, render_csv


def read_back(text: str) -> list[dict]:
    return list(csv.DictReader(io.StringIO(text)))


def test_header_row_names_every_column_in_order():
    text = render_csv(STATEMENTS, [])
    assert text == ",".join(column.name for column in STATEMENTS.columns) + "\n"


def test_unknown_values_are_empty_cells_and_lists_are_joined():
    row = {"report_id": "r1", "count": None, "range_km": [350.0, 400.5], "apogee_km": [], "launch_times_local":
           ["06:15", "06:32"], "is_launch_report": True, "flight_minutes": 71.0}  # fmt: skip
    [back] = read_back(render_csv(STATEMENTS, [row]))
    assert back["count"] == "" and back["apogee_km"] == "" and back["stage"] == ""
    assert back["range_km"] == f"350{LIST_SEPARATOR}400.5"
    assert back["launch_times_local"] == "06:15;06:32"
    assert back["is_launch_report"] == "true" and back["flight_minutes"] == "71"


def test_times_carry_a_numeric_utc_offset():
    row = {"report_id": "r1", "launch_utc": "2026-10-02T21:15:00Z",
           "published_at": datetime(2026, 10, 3, 9, 41, tzinfo=timezone(timedelta(hours=9)))}  # fmt: skip
    [back] = read_back(render_csv(STATEMENTS, [row]))
    assert back["launch_utc"] == "2026-10-02T21:15:00+00:00"
    assert back["published_at"] == "2026-10-03T09:41:00+09:00"
    assert datetime.fromisoformat(back["launch_utc"]).utcoffset() == timedelta(0)


def test_formula_cells_are_neutralized_but_offsets_and_numbers_are_not():
    row = {"report_id": "r1", "title": "=HYPERLINK(\"http://x\")", "launch_area": "+cmd|' /C calc'!A0",
           "missile_name": "-2+3", "range_raw": "@SUM(A1)", "direction": "\tx", "tz": "+09:00"}  # fmt: skip
    [back] = read_back(render_csv(STATEMENTS, [row]))
    assert back["title"] == '\'=HYPERLINK("http://x")'
    assert back["launch_area"] == "'+cmd|' /C calc'!A0"
    assert back["missile_name"] == "'-2+3" and back["range_raw"] == "'@SUM(A1)" and back["direction"] == "'\tx"
    assert back["tz"] == "+09:00"
    assert csv_cell("-10:00", "string") == "-10:00" and csv_cell("-3.5", "string") == "-3.5"


def test_utf8_text_with_commas_quotes_and_newlines_survives():
    sentence = '北朝鮮は、弾道ミサイル２発を発射しました。\n"約３５０ｋｍ"飛翔'
    row = {"report_id": "r1", "field": "range_km", "start": 3, "end": 9, "text": "約３５０ｋｍ", "sentence": sentence}
    text = render_csv(EVIDENCE, [row])
    text.encode("utf-8")  # no lone surrogates, nothing a UTF-8 reader chokes on
    [back] = read_back(text)
    assert back["sentence"] == sentence and back["text"] == "約３５０ｋｍ"


@given(st.text(max_size=40))
def test_no_string_cell_can_start_a_formula(text):
    cell = csv_cell(text, "string")
    assert cell in (clean_text(text), "'" + clean_text(text))
    if cell.startswith(FORMULA_PREFIXES):
        # only a UTC offset or a plain signed number is left alone
        assert re.fullmatch(r"[+-][0-9:.]+", cell)


def test_written_files_are_readable_by_others_and_keep_their_mode(tmp_path):
    from launchfeed.output.writers import atomic_write

    target = tmp_path / "statements.csv"
    atomic_write(target, "a\n")
    assert target.stat().st_mode & 0o777 == 0o644  # a web server or another user can read the feed
    target.chmod(0o640)
    atomic_write(target, "b\n")
    assert target.stat().st_mode & 0o777 == 0o640 and target.read_text() == "b\n"
