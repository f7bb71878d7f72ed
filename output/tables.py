"""The output tables and their columns, derived from the data contracts.

One declaration feeds the CSV writer, the JSON Lines writer, the data dictionary
(output/README.md) and the Frictionless datapackage.json.
"""

from __future__ import annotations

import dataclasses
import json
import typing
from collections.abc import Iterable
from dataclasses import dataclass, fields
from datetime import UTC, datetime
from typing import Any

from launchfeed.contracts import AUTHORITIES, AuthorityView, Claim, Document, Event, Evidence, Missile, Statement

LIST_SEPARATOR = ";"


@dataclass(frozen=True)
class Column:
    name: str
    type: str  # Frictionless Table Schema type: string, integer, number, boolean, date, datetime
    description: str
    unit: str | None = None
    values: tuple[str, ...] | None = None
    is_list: bool = False
    item_type: str | None = None  # a list column's item type (Table Schema "list" type)


@dataclass(frozen=True)
class Table:
    name: str  # file stem: statements -> statements.csv
    description: str
    columns: tuple[Column, ...]
    primary_key: tuple[str, ...]


DATE_FIELDS = {"launch_date_local"}
DATETIME_FIELDS = {"launch_utc", "published_at", "first_published_at", "captured_at"}


SCALAR_TYPES = {bool: "boolean", int: "integer", float: "number"}


def _frictionless_type(name: str, hint: Any) -> tuple[str, str | None]:
    """(type, item type of a list column or None)."""
    if name in DATE_FIELDS:
        return "date", None
    if name in DATETIME_FIELDS:
        return "datetime", None
    args = [a for a in typing.get_args(hint) if a is not type(None)] if typing.get_origin(hint) is not list else []
    base = args[0] if args else hint
    if typing.get_origin(base) is list:
        item = (typing.get_args(base) or (str,))[0]
        return "string", SCALAR_TYPES.get(item, "string")
    return SCALAR_TYPES.get(base, "string"), None


def contract_columns(cls: type, skip: set[str] = frozenset(), docs: dict[str, str] | None = None) -> list[Column]:
    hints = typing.get_type_hints(cls)
    columns = []
    for f in fields(cls):
        if f.name in skip:
            continue
        kind, item_type = _frictionless_type(f.name, hints[f.name])
        meta = f.metadata or {}
        description = (docs or {}).get(f.name) or meta.get("doc") or f.name
        if item_type:
            description += f" Several values are joined with '{LIST_SEPARATOR}'."
        columns.append(
            Column(f.name, kind, description, meta.get("unit"), meta.get("values"), item_type is not None, item_type)
        )
    return columns


# the publication a statement was read from: these Document fields stand on each statement row
STATEMENT_DOCUMENT_FIELDS = (
    "url", "title", "lang", "published_at", "published_precision", "sha256", "raw_path", "capture_url", "captured_at",
)  # fmt: skip
# list columns whose largest value also stands in a number column (NAME_max): "350;400" loads as text
MAX_OF = ("range_km", "apogee_km")


def max_column(column: Column) -> Column:
    return Column(f"{column.name}_max", "number", f"The largest value of {column.name}, as a number (empty when "
                  f"{column.name} is).", column.unit)  # fmt: skip


def with_derived(columns: list[Column]) -> list[Column]:
    """The columns, each list column of MAX_OF followed by its NAME_max and published_at by published_utc."""
    out = []
    for column in columns:
        out.append(column)
        if column.name in MAX_OF:
            out.append(max_column(column))
        if column.name == "published_at":
            out.append(Column("published_utc", "datetime", "published_at in UTC (empty when no time is known)."))
    return out


def utc_text(value: str | None) -> str | None:
    """An aware ISO 8601 time as UTC, written one way everywhere (``+00:00``); None stays None."""
    if not value:
        return None
    moment = datetime.fromisoformat(value.replace("Z", "+00:00"))
    return moment.astimezone(UTC).isoformat() if moment.tzinfo else None


STATEMENTS = Table(
    name="statements",
    description="One row per statement: what one published document says about one launch.",
    columns=(
        Column("report_id", "string", "Stable id of the statement (derived from the document id)."),
        *with_derived(
            [
                *contract_columns(Statement, skip={"missiles", "claims", "evidence"}),
                *(c for c in contract_columns(Document) if c.name in STATEMENT_DOCUMENT_FIELDS),
            ]
        ),
    ),
    primary_key=("report_id",),
)
# statement columns the store does not hold: derive_statement_values() makes them
DERIVED_STATEMENT_COLUMNS = frozenset({*(f"{name}_max" for name in MAX_OF), "published_utc"})


def derive_statement_values(row: dict[str, Any]) -> dict[str, Any]:
    """A statement row (lists decoded) with its derived columns, and its UTC times written one way."""
    for name in MAX_OF:
        row[f"{name}_max"] = max(row[name]) if row.get(name) else None
    row["launch_utc"] = utc_text(row.get("launch_utc"))
    published = row.get("published_at")
    row["published_utc"] = utc_text(published if isinstance(published, str) else None)
    return row


MISSILES = Table(
    name="missiles",
    description="One row per missile when a statement itemizes them (①②, 'the first ..., the second ...').",
    columns=(
        Column("report_id", "string", "Statement the item belongs to."),
        *contract_columns(Missile),
    ),
    primary_key=("report_id", "index"),
)

CLAIMS = Table(
    name="claims",
    description="One row per authority a statement quotes (wire reports quote several) with what it is credited with.",
    columns=(
        Column("report_id", "string", "Statement that quotes the authority."),
        *contract_columns(Claim),
    ),
    primary_key=("report_id", "authority"),
)

EVIDENCE = Table(
    name="evidence",
    description="Where each value was read: the span of the document text and the sentence around it.",
    columns=(
        Column("report_id", "string", "Statement the value belongs to."),
        *contract_columns(Evidence),
    ),
    primary_key=(),
)

# Authorities with their own columns in launches.csv ("other" stays in launches.jsonl and SQLite)
LAUNCH_AUTHORITIES = tuple(a for a in AUTHORITIES if a != "other")
# Event fields shown after the per-authority columns (long text)
EVENT_TRAILING = ("revisions", "grouping_reason", "report_ids")


def _authority_columns() -> list[Column]:
    columns = []
    for authority in LAUNCH_AUTHORITIES:
        for column in with_derived(contract_columns(AuthorityView, skip={"authority", "report_ids"})):
            columns.append(
                dataclasses.replace(
                    column, name=f"{authority}_{column.name}", description=f"{authority}: {column.description}"
                )
            )
    return columns


_EVENT_COLUMNS = {c.name: c for c in contract_columns(Event, skip={"id", "authorities"})}

LAUNCHES = Table(
    name="launches",
    description="One row per launch event (one launch or one salvo): consensus values, disagreement flags and "
    "each authority's own values side by side.",
    columns=(
        Column("event_id", "string", "Stable id of the event; never changes when statements join it."),
        *(c for name, c in _EVENT_COLUMNS.items() if name not in EVENT_TRAILING),
        *_authority_columns(),
        dataclasses.replace(
            _EVENT_COLUMNS["revisions"],
            description="Values an authority changed in a later statement, as 'authority field: old (time) -> new "
            f"(time)'. Several values are joined with '{LIST_SEPARATOR}'.",
        ),
        _EVENT_COLUMNS["grouping_reason"],
        _EVENT_COLUMNS["report_ids"],
    ),
    primary_key=("event_id",),
)

STATEMENT_TABLES = (STATEMENTS, MISSILES, CLAIMS, EVIDENCE)
TABLES = (*STATEMENT_TABLES, LAUNCHES)


def statement_tables(rows: Iterable[dict]) -> dict[str, list[dict]]:
    """Rows of the store's statement query split into the four statement tables."""
    out: dict[str, list[dict]] = {table.name: [] for table in STATEMENT_TABLES}
    for row in rows:
        for name, items in statement_table_rows(row).items():
            out[name] += items
    return out


def statement_table_rows(row: dict) -> dict[str, list[dict]]:
    """One row of the store's statement query as the rows of each statement table it makes."""
    report_id = row["id"]
    statement = {column.name: row.get(column.name) for column in STATEMENTS.columns}
    statement["report_id"] = report_id
    for column in STATEMENTS.columns:
        if column.is_list and isinstance(statement[column.name], str):
            statement[column.name] = json.loads(statement[column.name])
    out = {"statements": [derive_statement_values(statement)]}
    for table in (MISSILES, CLAIMS, EVIDENCE):
        out[table.name] = [{"report_id": report_id, **item} for item in json.loads(row.get(table.name) or "[]")]
    return out
