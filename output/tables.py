"""The output tables and their columns, derived from the data contracts.

One declaration feeds the CSV writer, the JSON Lines writer, the data dictionary
(output/README.md) and the Frictionless datapackage.json.
"""

from __future__ import annotations

import json
import typing
from dataclasses import dataclass, fields
from typing import Any

from launchfeed.contracts import Claim, Evidence, Missile, Report

LIST_SEPARATOR = ";"


@dataclass(frozen=True)
class Column:
    name: str
    type: str  # Frictionless Table Schema type: string, integer, number, boolean, date, datetime
    description: str
    unit: str | None = None
    values: tuple[str, ...] | None = None
    is_list: bool = False


@dataclass(frozen=True)
class Table:
    name: str  # file stem: statements -> statements.csv
    description: str
    columns: tuple[Column, ...]
    primary_key: tuple[str, ...]


DATE_FIELDS = {"launch_date_local"}
DATETIME_FIELDS = {"launch_utc", "published_at"}


def _frictionless_type(name: str, hint: Any) -> tuple[str, bool]:
    if name in DATE_FIELDS:
        return "date", False
    if name in DATETIME_FIELDS:
        return "datetime", False
    args = [a for a in typing.get_args(hint) if a is not type(None)] if typing.get_origin(hint) is not list else []
    base = args[0] if args else hint
    if typing.get_origin(base) is list:
        return "string", True
    return {bool: "boolean", int: "integer", float: "number"}.get(base, "string"), False


def contract_columns(cls: type, skip: set[str] = frozenset(), docs: dict[str, str] | None = None) -> list[Column]:
    hints = typing.get_type_hints(cls)
    columns = []
    for f in fields(cls):
        if f.name in skip:
            continue
        kind, is_list = _frictionless_type(f.name, hints[f.name])
        meta = f.metadata or {}
        description = (docs or {}).get(f.name) or meta.get("doc") or f.name
        if is_list:
            description += f" Several values are joined with '{LIST_SEPARATOR}'."
        columns.append(Column(f.name, kind, description, meta.get("unit"), meta.get("values"), is_list))
    return columns


STATEMENTS = Table(
    name="statements",
    description="One row per statement: what one published document says about one launch.",
    columns=(
        Column("report_id", "string", "Stable id of the statement (derived from the document id)."),
        *contract_columns(Report, skip={"missiles", "claims", "evidence"}),
        Column("url", "string", "Canonical URL of the publication."),
        Column("title", "string", "Title of the publication."),
        Column("lang", "string", "Language of the publication (ISO 639-1)."),
        Column("published_at", "datetime", "Publication time as the publisher states it, with its UTC offset."),
    ),
    primary_key=("report_id",),
)

MISSILES = Table(
    name="missiles",
    description="One row per missile when a statement itemizes them (①②, 'the first ..., the second ...').",
    columns=(
        Column("report_id", "string", "Statement the item belongs to."),
        *contract_columns(
            Missile,
            docs={
                "index": "Position of the missile in the statement, from 1.",
                "launch_time_local": 'Launch time, local time of the statement ("HH:MM").',
                "range_km": "Flight distance.",
                "apogee_km": "Maximum altitude.",
                "flight_minutes": "Flight time.",
                "launch_area": "Launch area in the source's words.",
                "missile_class": "Class of this missile.",
                "landing": "Where it came down.",
                "eez": "Impact relative to Japan's EEZ.",
            },
        ),
    ),
    primary_key=("report_id", "index"),
)

CLAIMS = Table(
    name="claims",
    description="One row per authority a statement quotes (wire reports quote several) with what it is credited with.",
    columns=(
        Column("report_id", "string", "Statement that quotes the authority."),
        *contract_columns(
            Claim,
            docs={
                "authority": "Authority credited with the numbers.",
                "count": "Number of missiles it stated.",
                "count_qualifier": "Qualifier of that count.",
                "range_km": "Ranges it stated (km).",
                "apogee_km": "Apogees it stated (km).",
                "launch_times_local": 'Launch times it stated ("HH:MM").',
            },
        ),
    ),
    primary_key=("report_id", "authority"),
)

EVIDENCE = Table(
    name="evidence",
    description="Where each value was read: the span of the document text and the sentence around it.",
    columns=(
        Column("report_id", "string", "Statement the value belongs to."),
        *contract_columns(
            Evidence,
            docs={
                "field": "Statement column the evidence supports.",
                "start": "Offset of the first character of the span in the document text.",
                "end": "Offset just past the span.",
                "text": "The span as written.",
                "sentence": "The sentence containing the span.",
            },
        ),
    ),
    primary_key=(),
)

TABLES = (STATEMENTS, MISSILES, CLAIMS, EVIDENCE)


def statement_tables(rows: list[dict]) -> dict[str, list[dict]]:
    """Rows of the store's statement query split into the four statement tables."""
    out: dict[str, list[dict]] = {table.name: [] for table in TABLES}
    for row in rows:
        report_id = row["id"]
        statement = {column.name: row.get(column.name) for column in STATEMENTS.columns}
        statement["report_id"] = report_id
        for column in STATEMENTS.columns:
            if column.is_list and isinstance(statement[column.name], str):
                statement[column.name] = json.loads(statement[column.name])
        out["statements"].append(statement)
        for table in (MISSILES, CLAIMS, EVIDENCE):
            for item in json.loads(row.get(table.name) or "[]"):
                out[table.name].append({"report_id": report_id, **item})
    return out
