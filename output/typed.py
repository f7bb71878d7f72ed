"""Load the CSV files with their types, in pandas or DuckDB, from the Table Schema of datapackage.json.

    from launchfeed.output.typed import duckdb_source, read_pandas

    launches = read_pandas("launchfeed-data/launches.csv")       # Int64, Float64, boolean, dates, UTC times
    duckdb.sql(f"SELECT authority, max(range_km_max) FROM {duckdb_source('launchfeed-data/statements.csv')} "
               "GROUP BY authority")

A file's table is its name (statements.csv, launches.csv, ...), or ``table=`` for a file
`launchfeed query` wrote (``table="statements"``); only the columns in the file's header are
typed, in their order, so ``--columns`` output loads too. The types come from the datapackage.json
beside the file, or launchfeed's own when there is none (they are the same). A list column
(``range_km``: ``350;400``) stays text; its ``_max`` column is the number. Neither pandas nor
DuckDB is a dependency: each is imported when its function is called.
"""

from __future__ import annotations

import csv
import json
from pathlib import Path
from typing import Any

from launchfeed.output.datadict import datapackage

PANDAS_TYPES = {"integer": "Int64", "number": "Float64", "boolean": "boolean", "string": "string", "list": "string"}
DUCKDB_TYPES = {"integer": "BIGINT", "number": "DOUBLE", "boolean": "BOOLEAN", "date": "DATE",
                "datetime": "TIMESTAMPTZ", "string": "VARCHAR", "list": "VARCHAR"}  # fmt: skip


def column_types(path: str | Path, table: str | None = None) -> dict[str, str]:
    """Column name -> Table Schema type (integer, number, boolean, date, datetime, string, list), for
    the columns of the file's header in their order."""
    path = Path(path)
    beside = path.parent / "datapackage.json"
    package = json.loads(beside.read_text(encoding="utf-8")) if beside.is_file() else datapackage()
    resources = {resource["name"]: resource for resource in package["resources"]}
    name = table or path.stem
    if name not in resources:
        raise ValueError(f"{path}: which table is it? give table= one of {', '.join(resources)}")
    types = {field["name"]: field["type"] for field in resources[name]["schema"]["fields"]}
    with path.open(encoding="utf-8", newline="") as handle:
        header = next(csv.reader(handle), [])
    unknown = [column for column in header if column not in types]
    if unknown:
        raise ValueError(f"{path}: no column {', '.join(unknown)} in the {name} table")
    return {column: types[column] for column in header}


def read_pandas(path: str | Path, table: str | None = None) -> Any:
    """The CSV file as a pandas DataFrame with its columns' types (nullable: an empty cell is <NA>)."""
    import pandas as pd

    types = column_types(path, table)
    frame = pd.read_csv(
        path, dtype={name: PANDAS_TYPES.get(kind, "string") for name, kind in types.items()},
        keep_default_na=False, na_values=[""],  # only an empty cell is unknown ("NA" is text)
    )  # fmt: skip
    for name, kind in types.items():
        if kind == "date":
            frame[name] = pd.to_datetime(frame[name], format="%Y-%m-%d")
        elif kind == "datetime":  # local offsets differ from row to row: one column in UTC
            frame[name] = pd.to_datetime(frame[name], format="ISO8601", utc=True)
    return frame


def duckdb_source(path: str | Path, table: str | None = None) -> str:
    """A DuckDB ``read_csv(...)`` with the file's column types, for the FROM of a query."""
    types = column_types(path, table)
    columns = ", ".join(f"{_sql_text(name)}: {_sql_text(DUCKDB_TYPES[kind])}" for name, kind in types.items())
    return f"read_csv({_sql_text(str(path))}, header = true, auto_detect = false, columns = {{{columns}}})"


def _sql_text(text: str) -> str:
    return "'" + text.replace("'", "''") + "'"
