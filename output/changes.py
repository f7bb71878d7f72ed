"""The change log, read back: what each run (collect, rebuild) added or changed.

The store writes one row per change as it happens (output/store.py ``changes``:
new and revised documents, new statements and each revised value, withdrawn
statements, new, revised, merged and withdrawn launch events), tagged with the run.
This module selects them (``--since DATE|RUN_ID``), adds what a reader needs to
recognize each object (authority, launch date, URL) and prints them, one line per
statement or event and a count for documents.
"""

from __future__ import annotations

import json
import re
import sqlite3
from collections import Counter
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from launchfeed.output.events import launch_time_text
from launchfeed.output.writers import clean_text, clean_value, format_number

DOCUMENT_KINDS = {"new_document": "new", "revised_document": "revised", "reparsed_document": "re-parsed"}


class ChangesError(Exception):
    pass


@dataclass(frozen=True)
class Since:
    run_id: int | None = None
    at: str | None = None  # UTC ISO 8601 (or a date): changes at or after it


def parse_since(text: str) -> Since:
    """A run id (an integer) or a date or time (ISO 8601; a time without offset is UTC)."""
    text = text.strip()
    if text.isdigit():
        return Since(run_id=int(text))
    try:
        moment = datetime.fromisoformat(text)
    except ValueError as exc:
        raise ChangesError(f"--since takes a run id or a date (YYYY-MM-DD[THH:MM[+HH:MM]]), not {text!r}") from exc
    if re.fullmatch(r"\d{4}-\d{2}-\d{2}", text):
        return Since(at=text)
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    return Since(at=moment.astimezone(UTC).isoformat(timespec="seconds"))


def decode(value: str | None) -> Any:
    """A logged old/new value back to what it was (lists and numbers were logged as JSON)."""
    if value is None:
        return None
    try:
        return json.loads(value)
    except ValueError:
        return value


def select_changes(db: sqlite3.Connection, since: Since | None) -> list[dict]:
    """Changes (oldest first) with their run and, where it still exists, the statement or
    event they concern. Without ``since``: the changes of the latest run that made any."""
    if since is None:
        latest = db.execute("SELECT MAX(run_id) FROM changes").fetchone()[0]
        since = Since(run_id=latest if latest is not None else 0)
    where, params = ("c.run_id >= ?", [since.run_id]) if since.run_id is not None else ("c.at >= ?", [since.at])
    has_events = db.execute("SELECT 1 FROM sqlite_master WHERE name = 'events'").fetchone() is not None
    event_columns = "e.launch_date_local AS event_date, e.launch_utc AS event_utc, e.missile_class AS event_class, " \
                    "e.count AS event_count, e.range_km AS event_range, e.time_precision AS event_precision" \
                    if has_events else "NULL AS event_date, NULL AS event_utc, NULL AS event_class, " \
                    "NULL AS event_count, NULL AS event_range, NULL AS event_precision"  # fmt: skip
    query = f"""
        SELECT c.*, runs.command AS run_command, runs.started_at AS run_started, runs.status AS run_status,
               r.authority, r.stage, r.launch_date_local, r.launch_times_local, r.count, r.count_qualifier,
               r.range_km, r.apogee_km, r.missile_class, d.url, {event_columns}
        FROM changes c
        LEFT JOIN runs ON runs.id = c.run_id
        LEFT JOIN reports r ON r.id = c.object_id
        LEFT JOIN documents d ON d.id = r.document_id
        {"LEFT JOIN events e ON e.id = c.object_id" if has_events else ""}
        WHERE {where}
        ORDER BY c.id
    """
    return [dict(row) for row in db.execute(query, params)]


# -- describing a statement, an event, a value ------------------------------------------------------


def shown(value: Any, limit: int = 60) -> str:
    value = decode(value) if isinstance(value, str) else value
    if value is None or value == []:
        text = "(none)"
    elif isinstance(value, bool):
        text = "true" if value else "false"
    elif isinstance(value, float | int):
        text = format_number(value)
    elif isinstance(value, list):
        text = ";".join(shown(v, limit) for v in value)
    elif isinstance(value, dict):
        text = json.dumps(value, ensure_ascii=False, sort_keys=True)
    else:
        text = str(value)
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _km(values: Any) -> str | None:
    values = decode(values) if isinstance(values, str) else values
    if not values:
        return None
    values = values if isinstance(values, list) else [values]
    return "/".join(format_number(v) for v in values) + " km"


def count_text(count: Any, qualifier: str | None) -> str | None:
    if count is None:
        return "several missiles" if qualifier == "multiple" else None
    prefix = {"at_least": "at least ", "approx": "about ", "total": "in total "}.get(qualifier or "", "")
    return f"{prefix}{count} missile{'s' if count != 1 else ''}"


def statement_summary(change: dict) -> str:
    """authority, launch date (and time), stage: count, range, apogee, class."""
    if change.get("authority") is None and change.get("launch_date_local") is None:
        return f"statement {change['object_id']}"
    times = decode(change.get("launch_times_local")) or []
    when = " ".join(filter(None, [change.get("launch_date_local") or "undated", times[0] if times else None]))
    values = [
        count_text(change.get("count"), change.get("count_qualifier")),
        f"range {_km(change['range_km'])}" if _km(change.get("range_km")) else None,
        f"apogee {_km(change['apogee_km'])}" if _km(change.get("apogee_km")) else None,
        change.get("missile_class"),
    ]
    stage = f" {change['stage']}" if change.get("stage") else ""
    said = ", ".join(filter(None, values)) or "no numbers"
    return f"{change.get('authority') or 'unknown authority'} {when}{stage}: {said}"


def event_summary(change: dict) -> str:
    if change.get("event_date") is None and change.get("event_utc") is None:
        return change["object_id"]
    # the local date with the local time (a launch at 06:15 in Korea is 21:15 UTC the day before)
    when = f"{change.get('event_date') or ''} "
    when += launch_time_text(change.get("event_utc"), change.get("event_precision"))
    values = [count_text(change.get("event_count"), None), _km(change.get("event_range")), change.get("event_class")]
    return f"{change['object_id']} {when.strip()}: {', '.join(filter(None, values)) or 'no numbers'}"


# -- grouping and printing ---------------------------------------------------------------------


@dataclass
class RunChanges:
    run_id: int | None
    command: str | None
    started: str | None
    status: str | None
    documents: Counter = field(default_factory=Counter)
    # statements and events in the order they first changed: (kind, key) -> its changes
    entries: dict[tuple[str, Any], list[dict]] = field(default_factory=dict)

    @property
    def lines(self) -> list[str]:
        return [clean_text(entry_line(kind, items)) for (kind, _), items in self.entries.items()]


def entry_line(kind: str, items: list[dict]) -> str:
    change = items[0]
    if kind == "new_report":
        return f"new statement      {statement_summary(change)}  {change.get('url') or ''}".rstrip()
    if kind == "revised_value":
        return f"revised statement  {statement_summary(change)}  [{revised_values(items)}]"
    if kind == "withdrawn_report":
        return f"withdrawn statement {change['object_id']} (its text no longer reports a launch)"
    if kind == "new_event":
        return f"new launch         {event_summary(change)}"
    if kind == "revised_event_value":
        return f"revised launch     {event_summary(change)}  [{revised_values(items)}]"
    if kind == "notified":
        return f"notified           {event_summary(change)} via {change['field']}"
    if kind == "merged_event":
        return f"merged launch      {change['object_id']} into {change['new']}"
    if kind == "withdrawn_event":
        return f"withdrawn launch   {change['object_id']} (no statement places it any more)"
    return f"{kind} {change['object_id']} {shown(change.get('new'))}"


def revised_values(items: list[dict]) -> str:
    """field old → new, ...; an event's statement list as a count, its revision texts left to --json."""
    parts = []
    for change in items:
        if change["field"] == "report_ids":
            old, new = set(decode(change["old"]) or []), set(decode(change["new"]) or [])
            parts.append(" ".join(filter(None, [f"+{len(new - old)} statement" * bool(new - old),
                                                f"-{len(old - new)} statement" * bool(old - new)])))  # fmt: skip
        elif change["field"] != "revisions" and shown(change["old"]) != shown(change["new"]):  # (none) → (none)
            parts.append(f"{change['field']} {shown(change['old'])} → {shown(change['new'])}")
    return "; ".join(filter(None, parts))


def describe(changes: list[dict]) -> list[RunChanges]:
    """One RunChanges per run: documents counted by kind; one entry per statement or event
    (all its revised values of the run on one line)."""
    runs: dict[int | None, RunChanges] = {}
    for change in changes:
        run = runs.setdefault(
            change["run_id"],
            RunChanges(change["run_id"], change["run_command"], change["run_started"], change["run_status"]),
        )
        kind = change["kind"]
        if kind in DOCUMENT_KINDS:
            run.documents[DOCUMENT_KINDS[kind]] += 1
            continue
        key = change["object_id"] if kind in ("revised_value", "revised_event_value") else change["id"]
        run.entries.setdefault((kind, key), []).append(change)
    return list(runs.values())


def render_text(changes: list[dict]) -> str:
    if not changes:
        return ""
    out = []
    for run in describe(changes):
        header = f"run {run.run_id if run.run_id is not None else '-'}"
        header += f" {run.command or ''} {run.started or ''} {run.status or 'unfinished'}".rstrip()
        out.append(" ".join(header.split()))
        if run.documents:
            counts = ", ".join(f"{n} {kind}" for kind, n in sorted(run.documents.items()))
            out.append(f"  documents: {counts}")
        out += [f"  {line}" for line in run.lines]
    return "\n".join(out) + "\n"


def render_jsonl(changes: list[dict]) -> str:
    keys = ("id", "run_id", "run_command", "at", "kind", "object_id", "field", "authority", "launch_date_local",
            "url")  # fmt: skip
    lines = []
    for change in changes:
        item = {key: change.get(key) for key in keys}
        item["old"], item["new"] = decode(change.get("old")), decode(change.get("new"))
        if change["kind"] in ("new_event", "revised_event_value", "merged_event", "withdrawn_event"):
            item["launch_date_local"] = change.get("event_date")
        lines.append(json.dumps(clean_value(item), ensure_ascii=False))
    return "".join(line + "\n" for line in lines)
