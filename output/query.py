"""`launchfeed query`: filter statements or launch events straight from the SQLite store.

Each queryable table (statements, launches) declares how its rows are selected
(``Queryable``); the filters are the same for both and become one SQL WHERE clause,
so a query reads only the rows it returns. Output columns are those of the table's
CSV file (output/tables.py), in the same conventions.
"""

from __future__ import annotations

import calendar
import json
import re
import sqlite3
import unicodedata
from collections.abc import Callable, Iterable
from dataclasses import dataclass, replace
from datetime import date
from typing import Any

from launchfeed.output.store import row_to_event
from launchfeed.output.tables import (
    DERIVED_STATEMENT_COLUMNS,
    LAUNCHES,
    STATEMENT_DOCUMENT_FIELDS,
    STATEMENTS,
    Table,
    derive_statement_values,
)
from launchfeed.output.writers import clean_text, csv_cell, render_csv, render_jsonl

FLAGS = ("count", "range", "apogee", "time")
DISAGREE_SQL = {flag: f"e.{flag}_disagrees = 1" for flag in FLAGS}


class QueryError(Exception):
    """A query that cannot run: a bad filter value, a missing store or table."""


def has_table(db: sqlite3.Connection, name: str) -> bool:
    return db.execute("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?", (name,)).fetchone() is not None


@dataclass(frozen=True)
class Filters:
    since: date | None = None
    until: date | None = None
    authorities: tuple[str, ...] = ()
    sources: tuple[str, ...] = ()
    classes: tuple[str, ...] = ()
    disagrees: tuple[str, ...] = ()  # any of FLAGS
    text: str | None = None
    limit: int | None = None


def parse_day(text: str, *, end: bool) -> date:
    """YYYY-MM-DD, or YYYY-MM / YYYY for the first (or, with ``end``, the last) day of it."""
    match = re.fullmatch(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?", text.strip())
    if not match:
        raise QueryError(f"not a date: {text!r} (use YYYY-MM-DD, YYYY-MM or YYYY)")
    year, month, day = (int(g) if g else None for g in match.groups())
    try:
        if day is not None:
            return date(year, month, day)
        if month is not None:
            return date(year, month, calendar.monthrange(year, month)[1] if end else 1)
        return date(year, 12, 31) if end else date(year, 1, 1)
    except ValueError as exc:
        raise QueryError(f"not a date: {text!r} ({exc})") from exc


def split_values(values: list[str] | None, allowed: tuple[str, ...] | None, what: str) -> tuple[str, ...]:
    """Repeated and comma-separated option values, checked against what is allowed."""
    items = tuple(v.strip() for value in values or [] for v in value.split(",") if v.strip())
    unknown = [v for v in items if allowed is not None and v not in allowed]
    if unknown:
        raise QueryError(f"unknown {what} {', '.join(unknown)}; known: {', '.join(allowed or ())}")
    return items


def _like(text: str) -> str:
    return "%" + text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"


def _in(expression: str, values: tuple[str, ...]) -> str:
    return f"{expression} IN ({', '.join('?' * len(values))})"


@dataclass(frozen=True)
class Queryable:
    """How one output table is read from the store."""

    table: Table
    required: tuple[str, ...]  # store tables it needs
    select: str  # SELECT ... FROM ... (aliases r, d, e as below)
    launch_date: str  # SQL expression of the launch date (YYYY-MM-DD)
    order: str
    authority: Callable[[tuple[str, ...]], str]
    source: Callable[[tuple[str, ...]], str]
    missile_class: str
    disagrees: Callable[[str], str]  # SQL condition on the event flags, given as "e.<flag>_disagrees = 1 OR ..."
    text: str  # SQL condition with one ? per LIKE, all bound to the same pattern
    to_rows: Callable[[list[sqlite3.Row]], list[dict[str, Any]]]
    table_columns: tuple[str, ...]  # default columns of --table


def _statement_rows(rows: list[sqlite3.Row]) -> list[dict[str, Any]]:
    lists = [c.name for c in STATEMENTS.columns if c.is_list]
    out = []
    for row in rows:
        item = dict(row)
        for name in lists:
            item[name] = json.loads(item[name]) if item[name] else []
        item["is_launch_report"] = bool(item["is_launch_report"])
        out.append(derive_statement_values(item))
    return out


def _launch_rows(rows: list[sqlite3.Row]) -> list[dict[str, Any]]:
    from launchfeed.output.events import launch_row

    return [launch_row(row_to_event(row)) for row in rows]


STATEMENT_SOURCE_COLUMNS = {"report_id": "r.id", **{name: f"d.{name}" for name in STATEMENT_DOCUMENT_FIELDS}}
# the text of a statement: its document's title and body, and the names it gives
STATEMENT_TEXT = "(d.title LIKE ? ESCAPE '\\' OR d.text LIKE ? ESCAPE '\\' OR r.launch_area LIKE ? ESCAPE '\\' " \
                 "OR r.missile_name LIKE ? ESCAPE '\\')"  # fmt: skip

QUERYABLES: dict[str, Queryable] = {
    "statements": Queryable(
        table=STATEMENTS,
        required=("reports", "documents"),
        select="SELECT "
        + ", ".join(
            f"{STATEMENT_SOURCE_COLUMNS.get(c.name, 'r.' + c.name)} AS {c.name}"
            for c in STATEMENTS.columns
            if c.name not in DERIVED_STATEMENT_COLUMNS
        )
        + " FROM reports r JOIN documents d ON d.id = r.document_id",
        launch_date="r.launch_date_local",
        order="COALESCE(r.launch_utc, r.launch_date_local), d.published_at, r.id",
        authority=lambda values: _in("r.authority", values),
        source=lambda values: _in("r.source", values),
        missile_class="r.missile_class",
        # a statement disagrees when the launch event it belongs to has the flag
        disagrees=lambda flags: (
            "EXISTS (SELECT 1 FROM event_members m JOIN events e ON e.id = m.event_id "
            f"WHERE m.report_id = r.id AND ({flags}))"
        ),
        text=STATEMENT_TEXT,
        to_rows=_statement_rows,
        table_columns=(
            "launch_date_local",
            "launch_times_local",
            "authority",
            "stage",
            "count",
            "range_km",
            "apogee_km",
            "missile_class",
            "launch_area",
            "published_at",
        ),  # fmt: skip
    ),
    "launches": Queryable(
        table=LAUNCHES,
        required=("events", "event_authorities", "event_members"),
        select="SELECT e.* FROM events e",
        launch_date="e.launch_date_local",
        order="COALESCE(e.launch_utc, e.launch_date_local || 'T99'), e.id",
        authority=lambda values: (
            f"EXISTS (SELECT 1 FROM event_authorities a WHERE a.event_id = e.id AND {_in('a.authority', values)})"
        ),
        source=lambda values: (
            "EXISTS (SELECT 1 FROM event_members m JOIN reports r ON r.id = m.report_id "
            f"WHERE m.event_id = e.id AND {_in('r.source', values)})"
        ),
        missile_class="e.missile_class",
        disagrees=lambda flags: f"({flags})",
        # an event matches when its own names or any of its statements do
        text="(e.launch_area LIKE ? ESCAPE '\\' OR e.missile_name LIKE ? ESCAPE '\\' OR EXISTS (SELECT 1 FROM "
        "event_members m JOIN reports r ON r.id = m.report_id JOIN documents d ON d.id = r.document_id "
        f"WHERE m.event_id = e.id AND {STATEMENT_TEXT}))",
        to_rows=_launch_rows,
        table_columns=(
            "launch_date_local",
            "launch_utc",
            "missile_class",
            "count",
            "range_km",
            "apogee_km",
            "count_disagrees",
            "range_disagrees",
            "apogee_disagrees",
            "time_disagrees",
            "unreported_by",
        ),  # fmt: skip
    ),
}


def build_sql(queryable: Queryable, filters: Filters) -> tuple[str, list[Any]]:
    where: list[str] = []
    params: list[Any] = []
    if filters.since:
        where.append(f"{queryable.launch_date} >= ?")
        params.append(filters.since.isoformat())
    if filters.until:
        where.append(f"{queryable.launch_date} <= ?")
        params.append(filters.until.isoformat())
    if filters.authorities:
        where.append(queryable.authority(filters.authorities))
        params += filters.authorities
    if filters.sources:
        where.append(queryable.source(filters.sources))
        params += filters.sources
    if filters.classes:
        where.append(_in(queryable.missile_class, filters.classes))
        params += filters.classes
    if filters.disagrees:
        where.append(queryable.disagrees(" OR ".join(DISAGREE_SQL[flag] for flag in filters.disagrees)))
    if filters.text:
        where.append(queryable.text)
        params += [_like(filters.text)] * queryable.text.count("?")
    sql = queryable.select + (" WHERE " + " AND ".join(where) if where else "") + f" ORDER BY {queryable.order}"
    if filters.limit is not None:
        sql += " LIMIT ?"
        params.append(filters.limit)
    return sql, params


def run_query(db: sqlite3.Connection, kind: str, filters: Filters) -> list[dict[str, Any]]:
    queryable = QUERYABLES[kind]
    missing = [name for name in queryable.required if not has_table(db, name)]
    if filters.disagrees and kind == "statements":
        missing += [name for name in ("events", "event_members") if not has_table(db, name)]
    if missing:
        raise QueryError(
            f"the store has no {', '.join(missing)} table yet: run launchfeed collect (or rebuild) with this version"
        )
    sql, params = build_sql(queryable, filters)
    try:
        rows = db.execute(sql, params).fetchall()
    except sqlite3.OperationalError as exc:
        raise QueryError(f"cannot read the store ({exc}): run launchfeed collect (or rebuild) to upgrade it") from exc
    return queryable.to_rows(rows)


def check_sources(
    db: sqlite3.Connection, sources: tuple[str, ...], declared: Callable[[], Iterable[str]]
) -> tuple[str, ...]:
    """--source values: ids the store holds documents of, or of declared sources (``declared`` is asked
    only when a value is not in the store: it imports every source module)."""
    stored = (
        {row[0] for row in db.execute("SELECT DISTINCT source FROM documents")} if has_table(db, "documents") else set()
    )
    if set(sources) <= stored:
        return sources
    return split_values(list(sources), tuple(sorted(stored | set(declared()))), "source")


def pick_columns(table: Table, names: list[str] | None) -> Table:
    """The table restricted to the named columns, in the order given."""
    if not names:
        return table
    by_name = {c.name: c for c in table.columns}
    unknown = [n for n in names if n not in by_name]
    if unknown:
        raise QueryError(
            f"no column {', '.join(unknown)} in {table.name}; columns: {', '.join(by_name)} (see output/README.md)"
        )
    return replace(table, columns=tuple(by_name[n] for n in names))


# -- output ------------------------------------------------------------------------------------


def render(table: Table, rows: list[dict[str, Any]], fmt: str) -> str:
    if fmt == "csv":
        return render_csv(table, rows)
    if fmt == "jsonl":
        return render_jsonl({c.name: row.get(c.name) for c in table.columns} for row in rows)  # in --columns order
    return render_table(table, rows)


def display_width(text: str) -> int:
    """Columns a string takes on a terminal (CJK characters take two)."""
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 0 if unicodedata.combining(ch) else 1 for ch in text)


def clip(text: str, width: int) -> str:
    if display_width(text) <= width:
        return text
    out, used = "", 0
    for ch in text:
        w = display_width(ch)
        if used + w > width - 1:
            break
        out, used = out + ch, used + w
    return out + "…"


def _pad(text: str, width: int, right: bool) -> str:
    space = " " * (width - display_width(text))
    return space + text if right else text + space


def render_table(table: Table, rows: list[dict[str, Any]], max_width: int = 32) -> str:
    """Aligned columns for reading on a terminal: one line per row, long cells clipped with …"""
    cells = []
    for row in rows:
        line = []
        for column in table.columns:
            value = row.get(column.name)
            if column.type == "boolean":
                text = "yes" if value else ""
            elif column.type == "string" and not column.is_list:
                text = "" if value is None else str(value)  # a terminal runs no formulas: shown as stated
            else:
                text = csv_cell(value, column.type)
            text = " ".join(clean_text(text).split())  # an ESC would drive the terminal
            line.append(clip(text, max_width))
        cells.append(line)
    widths = [
        max([display_width(c.name)] + [display_width(line[i]) for line in cells]) for i, c in enumerate(table.columns)
    ]
    right = [(c.item_type or c.type) in ("integer", "number") for c in table.columns]
    header = "  ".join(_pad(c.name, w, r) for c, w, r in zip(table.columns, widths, right, strict=True))
    body = ["  ".join(_pad(t, w, r) for t, w, r in zip(line, widths, right, strict=True)).rstrip() for line in cells]
    return "\n".join([header.rstrip(), "  ".join("-" * w for w in widths), *body]) + "\n"
