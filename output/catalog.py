"""The store's launch events and statements, read back for the Atom feed and the HTML report.

Works on any connection to the store, a read-only one included (``launchfeed report``
never writes to the store).
"""

from __future__ import annotations

import json
import sqlite3
from dataclasses import dataclass, field

from launchfeed.output.store import row_to_event

from launchfeed.contracts import Event


@dataclass
class StoredEvent:
    event: Event
    first_seen_at: str  # when launchfeed first reconciled it (UTC)
    updated_at: str  # when its values last changed in the store (UTC): a later statement joined or revised it


@dataclass
class Catalog:
    events: list[StoredEvent] = field(default_factory=list)  # launch order
    statements: dict[str, dict] = field(default_factory=dict)  # report id -> statement row (with url, title, ...)
    created_at: str | None = None  # when the store was made (UTC)
    documents: int = 0  # documents collected, launch reports or not

    def statements_of(self, event: Event) -> list[dict]:
        """The event's statements, in publication order."""
        rows = [self.statements[r] for r in event.report_ids if r in self.statements]
        return sorted(rows, key=lambda s: (s.get("published_at") or "", s["report_id"]))


def _has_table(db: sqlite3.Connection, name: str) -> bool:
    return db.execute("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?", (name,)).fetchone() is not None


STATEMENT_QUERY = (
    "SELECT r.id AS report_id, r.authority, r.source, r.stage, r.launch_date_local, r.launch_times_local, "
    "r.tz, r.launch_utc, r.count, r.count_qualifier, r.range_km, r.apogee_km, r.missile_class, "
    "r.missile_name, r.launch_area, r.launch_site, d.url, d.title, d.published_at, d.published_precision, "
    "d.lang "
    "FROM reports r JOIN documents d ON d.id = r.document_id {where}"
    "ORDER BY COALESCE(r.launch_utc, r.launch_date_local), d.published_at, r.id"
)


def _statement(row: sqlite3.Row) -> dict:
    item = dict(row)
    for name in ("launch_times_local", "range_km", "apogee_km"):
        item[name] = json.loads(item[name]) if item[name] else []
    return item


def load_catalog(db: sqlite3.Connection) -> Catalog:
    factory = db.row_factory
    db.row_factory = sqlite3.Row
    try:
        catalog = Catalog()
        for row in db.execute(STATEMENT_QUERY.format(where="")):
            item = _statement(row)
            catalog.statements[item["report_id"]] = item
        catalog.created_at = created_at(db)
        catalog.documents = db.execute("SELECT COUNT(*) FROM documents").fetchone()[0]
        if _has_table(db, "events"):
            rows = db.execute("SELECT * FROM events").fetchall()
            events = [StoredEvent(row_to_event(row), row["first_seen_at"], row["updated_at"]) for row in rows]
            catalog.events = sorted(events, key=lambda s: (s.event.launch_utc or f"{s.event.launch_date_local}T99",
                                                           s.event.id))  # fmt: skip
        return catalog
    finally:
        db.row_factory = factory


def created_at(db: sqlite3.Connection) -> str | None:
    """When the store was made (UTC)."""
    return db.execute("SELECT MIN(applied_at) FROM schema_version").fetchone()[0]


def statements_for(db: sqlite3.Connection, event: Event) -> list[dict]:
    """An event's statements, as ``Catalog.statements_of`` gives them, read for that event alone."""
    factory = db.row_factory
    db.row_factory = sqlite3.Row
    try:
        where = f"WHERE r.id IN ({', '.join('?' * len(event.report_ids))}) "
        catalog = Catalog(statements={row["report_id"]: _statement(row) for row in
                                      db.execute(STATEMENT_QUERY.format(where=where), event.report_ids)})  # fmt: skip
        return catalog.statements_of(event)
    finally:
        db.row_factory = factory
