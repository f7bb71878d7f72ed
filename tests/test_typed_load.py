"""Files a researcher loads: every CSV read by pandas and by DuckDB with the column types of
datapackage.json (output/typed.py builds the calls), empty columns included; numbers stay numbers
(NAME_max beside a ;-joined list), every UTC time is written one way in CSV and JSON Lines, and
`query --jsonl` keeps the order of --columns."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import duckdb
import pandas as pd
import pytest
from eventcases import FIXTURES, save
from launchdata import STATEMENTS, Said, add
from launchfeed.output.datadict import datapackage
from launchfeed.output.tables import TABLES
from launchfeed.output.typed import column_types, duckdb_source, read_pandas

from launchfeed.cli import main
from launchfeed.collect import open_workspace, write_outputs
from launchfeed.contracts import Missile
from launchfeed.demo import kst_launch

ITEMIZED = Said(
    "mod_jp", "/j/press/news/2026/12/09b.html", "2026-12-09T10:30:00+09:00", "北朝鮮のミサイル等関連情報（続報）",
    "①７時１０分頃に発射された１発目は約３００ｋｍ、②７時２５分頃に発射された２発目は約３５０ｋｍ飛翔しました。", "ja",
    {"stage": "followup", **kst_launch("2026-12-09", "07:10"), "launch_times_local": ["07:10", "07:25"], "count": 2,
     "count_qualifier": "exact", "range_km": [300.0, 350.0], "missile_class": "ballistic",
     "missiles": [Missile(1, "07:10", 300.0), Missile(2, "07:25", 350.0)]},
)  # fmt: skip
DUCKDB_NAMES = {"integer": "BIGINT", "number": "DOUBLE", "boolean": "BOOLEAN", "date": "DATE",
                "datetime": "TIMESTAMP WITH TIME ZONE", "string": "VARCHAR", "list": "VARCHAR"}  # fmt: skip


@pytest.fixture(scope="module")
def data(tmp_path_factory) -> Path:
    """The demo launches, the 2031 ones (wire reports quoting several authorities) and a salvo itemized
    missile by missile."""
    out = tmp_path_factory.mktemp("typed")
    ws = open_workspace(out, None)
    ws.store.begin_run("collect")
    add(ws, [*STATEMENTS, ITEMIZED])
    save(ws.store, FIXTURES)
    write_outputs(ws)
    ws.store.close()
    return out


def schema_types() -> dict[str, dict[str, str]]:
    return {r["name"]: {f["name"]: f["type"] for f in r["schema"]["fields"]} for r in datapackage()["resources"]}


def pandas_kind(series: pd.Series) -> str:
    dtype = series.dtype
    if isinstance(dtype, pd.DatetimeTZDtype):
        return "datetime" if str(dtype.tz) == "UTC" else f"datetime in {dtype.tz}"
    if pd.api.types.is_datetime64_dtype(dtype):
        return "date"
    names = {"Int64": "integer", "Float64": "number", "boolean": "boolean", "string": "string"}
    return names.get(str(dtype), str(dtype))


def empty_columns(path: Path) -> set[str]:
    with path.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    return {name for name in rows[0] if not any(row[name] for row in rows)}


@pytest.mark.parametrize("table", [t.name for t in TABLES])
def test_pandas_reads_every_column_with_its_type(data, table):
    types = schema_types()[table]
    frame = read_pandas(data / f"{table}.csv")
    assert list(frame.columns) == list(types) and len(frame) > 0
    for name, kind in types.items():
        assert pandas_kind(frame[name]) == ("string" if kind == "list" else kind), name


@pytest.mark.parametrize("table", [t.name for t in TABLES])
def test_duckdb_reads_every_column_with_its_type(data, table):
    types = schema_types()[table]
    relation = duckdb.sql(f"SELECT * FROM {duckdb_source(data / f'{table}.csv')}")
    assert dict(zip(relation.columns, map(str, relation.types), strict=True)) == {
        name: DUCKDB_NAMES[kind] for name, kind in types.items()
    }
    assert len(relation.fetchall()) > 0


def test_empty_columns_keep_their_type(data):
    path = data / "launches.csv"
    types = schema_types()["launches"]
    empty = empty_columns(path)
    assert {types[name] for name in empty} >= {"integer", "number", "datetime", "string"}  # e.g. dod_*
    frame = read_pandas(path)
    relation = duckdb.sql(f"SELECT * FROM {duckdb_source(path)}")
    duck = dict(zip(relation.columns, map(str, relation.types), strict=True))
    for name in empty:
        assert frame[name].isna().all()
        assert pandas_kind(frame[name]) == ("string" if types[name] == "list" else types[name])
        assert duck[name] == DUCKDB_NAMES[types[name]]


def test_values_read_back_as_numbers_booleans_and_utc_times(data):
    statements = read_pandas(data / "statements.csv")
    followup = statements[statements["url"].str.endswith("/2025/01/14c.html")].iloc[0]
    assert followup["range_km"] == "350" and followup["range_km_max"] == 350.0
    assert followup["published_utc"] == pd.Timestamp("2025-01-14T01:15:00Z") == followup["published_at"]
    assert followup["launch_utc"] == pd.Timestamp("2025-01-13T22:44:00Z")
    itemized = statements[statements["range_km"].str.contains(";", na=False)].iloc[0]
    assert itemized["range_km_max"] == max(float(v) for v in itemized["range_km"].split(";"))
    launches = read_pandas(data / "launches.csv")
    assert launches["count_disagrees"].sum() >= 1 and launches["jcs_range_km_max"].max() >= 1000.0
    answer = duckdb.sql(
        f"SELECT max(range_km_max) FROM {duckdb_source(data / 'statements.csv')} WHERE authority = 'kcna'"
    ).fetchall()
    assert answer == [(1001.0,)]


def test_utc_times_are_written_one_way_in_csv_and_json_lines(data):
    with (data / "statements.csv").open(encoding="utf-8", newline="") as handle:
        rows = {row["report_id"]: row for row in csv.DictReader(handle)}
    lines = [json.loads(line) for line in (data / "statements.jsonl").read_text(encoding="utf-8").splitlines()]
    for line in lines:
        row = rows[line["report_id"]]
        assert (line["launch_utc"] or "") == row["launch_utc"] and (line["published_utc"] or "") == row["published_utc"]
        assert not line["launch_utc"] or line["launch_utc"].endswith("+00:00")
        assert line["published_at"] == row["published_at"]  # a local time stays local, beside its offset
    events = [json.loads(line) for line in (data / "launches.jsonl").read_text(encoding="utf-8").splitlines()]
    times = [e["launch_utc"] for e in events] + [v["launch_utc"] for e in events for v in e["authorities"].values()]
    assert all(t.endswith("+00:00") for t in times if t) and any(times)
    assert "Z" not in "".join(t for t in times if t)


def test_query_output_loads_typed_and_jsonl_keeps_the_columns_order(data, tmp_path, capsys):
    assert main(["query", "statements", "--data-dir", str(data), "--columns", "range_km_max,authority,launch_utc"]) == 0
    chosen = tmp_path / "chosen.csv"
    chosen.write_text(capsys.readouterr().out, encoding="utf-8")
    assert column_types(chosen, table="statements") == {"range_km_max": "number", "authority": "string",
                                                        "launch_utc": "datetime"}  # fmt: skip
    frame = read_pandas(chosen, table="statements")
    assert [pandas_kind(frame[c]) for c in frame.columns] == ["number", "string", "datetime"]
    with pytest.raises(ValueError, match="which table is it"):
        column_types(chosen)
    assert main(["query", "launches", "--data-dir", str(data), "--jsonl", "--columns", "range_km,event_id,count"]) == 0
    first = capsys.readouterr().out.splitlines()[0]
    assert list(json.loads(first)) == ["range_km", "event_id", "count"]
    assert main(["query", "statements", "--data-dir", str(data), "--jsonl", "--columns", "launch_utc"]) == 0
    assert all(
        not value or value.endswith("+00:00")
        for value in (json.loads(line)["launch_utc"] for line in io.StringIO(capsys.readouterr().out))
    )
