"""The SQLite store: documents (with revisions), reports, HTTP validators, runs.

Schema changes are numbered migrations recorded in ``schema_version``; columns that
mirror a contract class are added from the contract itself, so a new Statement field
reaches the store without hand-written DDL. Every write runs in a transaction: a
run killed at any moment leaves the last committed state.
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
import sqlite3
import threading
import types
import typing
from collections.abc import Iterable, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from launchfeed.output.backfill_state import LISTED, CaptureRow
from launchfeed.output.backfill_state import Listing as BackfillListing
from launchfeed.output.tables import STATEMENT_DOCUMENT_FIELDS
from launchfeed.output.writers import DiskFull, is_disk_full, write_failure

from launchfeed.contracts import AuthorityView, Claim, Document, Event, Evidence, Missile, Revision, Statement

MIGRATIONS: list[str] = [
    # 1: the first schema
    """
    CREATE TABLE http_validators (
        url TEXT PRIMARY KEY, etag TEXT, last_modified TEXT, sha256 TEXT NOT NULL, updated_at TEXT NOT NULL
    );
    CREATE TABLE documents (
        id TEXT PRIMARY KEY, source TEXT NOT NULL, url TEXT NOT NULL, title TEXT, lang TEXT,
        published_at TEXT, published_precision TEXT, fetched_at TEXT, sha256 TEXT, raw_path TEXT,
        content_type TEXT, channel TEXT, text TEXT NOT NULL, text_sha256 TEXT NOT NULL,
        revision INTEGER NOT NULL DEFAULT 1, first_seen_at TEXT NOT NULL, updated_at TEXT NOT NULL,
        extracted_sha256 TEXT
    );
    CREATE INDEX documents_source ON documents (source, published_at);
    CREATE TABLE document_revisions (
        document_id TEXT NOT NULL, revision INTEGER NOT NULL, title TEXT, text TEXT NOT NULL,
        sha256 TEXT, raw_path TEXT, fetched_at TEXT, PRIMARY KEY (document_id, revision)
    );
    CREATE TABLE fetch_failures (
        url TEXT PRIMARY KEY, kind TEXT NOT NULL, attempts INTEGER NOT NULL, last_tried_at TEXT NOT NULL,
        retry_after TEXT NOT NULL
    );
    CREATE TABLE reports (id TEXT PRIMARY KEY, document_id TEXT NOT NULL UNIQUE, extracted_at TEXT NOT NULL);
    CREATE TABLE runs (
        id INTEGER PRIMARY KEY AUTOINCREMENT, command TEXT NOT NULL, started_at TEXT NOT NULL,
        finished_at TEXT, status TEXT, summary TEXT
    );
    CREATE TABLE source_runs (
        run_id INTEGER NOT NULL, source TEXT NOT NULL, started_at TEXT NOT NULL, finished_at TEXT,
        ok INTEGER NOT NULL DEFAULT 0, fetched INTEGER DEFAULT 0, not_modified INTEGER DEFAULT 0,
        new_documents INTEGER DEFAULT 0, revised_documents INTEGER DEFAULT 0, requests INTEGER DEFAULT 0,
        problems TEXT, messages TEXT, PRIMARY KEY (run_id, source)
    );
    CREATE TABLE changes (
        id INTEGER PRIMARY KEY AUTOINCREMENT, run_id INTEGER, at TEXT NOT NULL, kind TEXT NOT NULL,
        object_id TEXT NOT NULL, field TEXT, old TEXT, new TEXT
    );
    CREATE INDEX changes_run ON changes (run_id);
    """,
    # 2: launch events (output/events.py); their value columns are added from the Event and
    # AuthorityView contracts. event_members is each report's event; event_ids every id ever given.
    """
    CREATE TABLE events (id TEXT PRIMARY KEY, first_seen_at TEXT NOT NULL, updated_at TEXT NOT NULL);
    CREATE TABLE event_authorities (
        event_id TEXT NOT NULL, authority TEXT NOT NULL, PRIMARY KEY (event_id, authority)
    );
    CREATE TABLE event_members (report_id TEXT PRIMARY KEY, event_id TEXT NOT NULL);
    CREATE INDEX event_members_event ON event_members (event_id);
    CREATE TABLE event_ids (
        id TEXT PRIMARY KEY, anchor_report_id TEXT NOT NULL, assigned_at TEXT NOT NULL, retired_at TEXT,
        merged_into TEXT
    );
    """,
    # 3: hosts that asked (Retry-After) to be left alone for longer than a run
    """
    CREATE TABLE host_rests (
        host TEXT PRIMARY KEY, until TEXT NOT NULL, status INTEGER NOT NULL, asked_at TEXT NOT NULL
    );
    """,
    # 4: what collect said about a failing source (failed, still failing, recovered): a quiet run says
    # it again only when the state changes or a day has passed
    """
    CREATE TABLE source_alerts (
        source TEXT NOT NULL, run_id INTEGER, at TEXT NOT NULL, kind TEXT NOT NULL
    );
    CREATE INDEX source_alerts_source ON source_alerts (source, at);
    """,
    # 5: notices of changes (new and revised launch events) to each sink: queued by the run that made
    # the change, sent until a sink answers 2xx (retried by later runs), never again after that
    """
    CREATE TABLE notifications (
        sink TEXT NOT NULL, change_id INTEGER NOT NULL, queued_at TEXT NOT NULL, attempts INTEGER NOT NULL DEFAULT 0,
        last_error TEXT, sent_at TEXT, PRIMARY KEY (sink, change_id)
    );
    CREATE INDEX notifications_unsent ON notifications (sink, sent_at);
    """,
    # 6: documents read from an archive (launchfeed backfill) keep the capture they came from; the state
    # of every archive listing and capture (output/backfill_state.py), so that a backfill resumes
    """
    ALTER TABLE documents ADD COLUMN capture_url TEXT;
    ALTER TABLE documents ADD COLUMN captured_at TEXT;
    CREATE TABLE backfill_listings (
        query_key TEXT PRIMARY KEY, source TEXT NOT NULL, prefix TEXT NOT NULL, resume_key TEXT,
        pages INTEGER NOT NULL DEFAULT 0, captures INTEGER NOT NULL DEFAULT 0, finished_at TEXT,
        final INTEGER NOT NULL DEFAULT 0, updated_at TEXT NOT NULL
    );
    CREATE TABLE backfill_captures (
        source TEXT NOT NULL, timestamp TEXT NOT NULL, original TEXT NOT NULL, role TEXT NOT NULL,
        publisher_url TEXT NOT NULL, digest TEXT, mimetype TEXT, state TEXT NOT NULL, capture_url TEXT,
        sha256 TEXT, raw_path TEXT, content_type TEXT, fetched_at TEXT, reason TEXT, listed_at TEXT NOT NULL,
        updated_at TEXT NOT NULL, PRIMARY KEY (source, timestamp, original)
    );
    CREATE INDEX backfill_captures_state ON backfill_captures (source, state);
    CREATE INDEX backfill_captures_publisher ON backfill_captures (publisher_url);
    """,
    # 7: what a run needs to do no more than what changed (issue 15 item 9). ``generation`` counts the
    # changes to what the output files are made of; the triggers queue each statement whose report or
    # document changed (whatever code wrote it) for the next reconciliation, which regroups only the
    # stretch of time those statements can reach (``event_reach``: each statement's span, see
    # output/events.py) and keeps each event's place in launches.csv (``launch_order``). ``outputs``
    # records what each output file was written from, so a run with nothing new reads nothing.
    """
    CREATE TABLE store_state (key TEXT PRIMARY KEY, value TEXT);
    INSERT INTO store_state VALUES ('generation', '0');
    CREATE TABLE reconcile_queue (report_id TEXT PRIMARY KEY);
    CREATE TABLE event_reach (report_id TEXT PRIMARY KEY, lo TEXT NOT NULL, hi TEXT NOT NULL);
    CREATE INDEX event_reach_lo ON event_reach (lo);
    ALTER TABLE events ADD COLUMN launch_order TEXT;
    CREATE INDEX events_launch_order ON events (launch_order);
    CREATE TABLE outputs (
        directory TEXT NOT NULL, name TEXT NOT NULL, sha256 TEXT NOT NULL, size INTEGER NOT NULL,
        mtime_ns INTEGER NOT NULL, generation INTEGER NOT NULL, code TEXT NOT NULL, PRIMARY KEY (directory, name)
    );
    CREATE TRIGGER reports_inserted AFTER INSERT ON reports BEGIN
        INSERT OR IGNORE INTO reconcile_queue VALUES (NEW.id);
        UPDATE store_state SET value = value + 1 WHERE key = 'generation';
    END;
    CREATE TRIGGER reports_updated AFTER UPDATE ON reports BEGIN
        INSERT OR IGNORE INTO reconcile_queue VALUES (OLD.id), (NEW.id);
        UPDATE store_state SET value = value + 1 WHERE key = 'generation';
    END;
    CREATE TRIGGER reports_deleted AFTER DELETE ON reports BEGIN
        INSERT OR IGNORE INTO reconcile_queue VALUES (OLD.id);
        UPDATE store_state SET value = value + 1 WHERE key = 'generation';
    END;
    CREATE TRIGGER documents_inserted AFTER INSERT ON documents
    WHEN EXISTS (SELECT 1 FROM reports WHERE document_id = NEW.id) BEGIN
        INSERT OR IGNORE INTO reconcile_queue SELECT id FROM reports WHERE document_id = NEW.id;
        UPDATE store_state SET value = value + 1 WHERE key = 'generation';
    END;
    CREATE TRIGGER documents_updated
    AFTER UPDATE OF url, title, lang, published_at, published_precision, sha256, raw_path, capture_url, captured_at
    ON documents
    WHEN EXISTS (SELECT 1 FROM reports WHERE document_id = NEW.id) BEGIN
        INSERT OR IGNORE INTO reconcile_queue SELECT id FROM reports WHERE document_id = NEW.id;
        UPDATE store_state SET value = value + 1 WHERE key = 'generation';
    END
    """,
]


class StoreFull(DiskFull):
    """The store could not be written for want of space: nothing a run does after it can be kept."""


# Statement fields kept as JSON text rather than plain columns
JSON_TYPES = (list, dict)
# Statement fields reconciliation never reads (``Store.dated_statements`` leaves them out)
LIGHT_SKIPPED = frozenset({"evidence", "missiles"})


def now_iso() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


def sql_type(hint: Any) -> str:
    """SQLite column type for a contract field's type hint; lists and dicts are JSON text."""
    if isinstance(hint, types.UnionType):
        hint = next(a for a in typing.get_args(hint) if a is not type(None))
    origin = typing.get_origin(hint) or hint
    if origin in JSON_TYPES:
        return "JSON"
    return {bool: "INTEGER", int: "INTEGER", float: "REAL"}.get(origin, "TEXT")


STATEMENT_COLUMNS: dict[str, str] = {name: sql_type(hint) for name, hint in typing.get_type_hints(Statement).items()}
EVENT_COLUMNS: dict[str, str] = {name: sql_type(hint) for name, hint in typing.get_type_hints(Event).items()}
AUTHORITY_VIEW_COLUMNS: dict[str, str] = {
    name: sql_type(hint) for name, hint in typing.get_type_hints(AuthorityView).items()
}


def _contract_row(record: object, columns: Mapping[str, str]) -> dict[str, Any]:
    """A contract record as a table row: its fields, lists and dicts as JSON text, booleans as 0/1."""
    row: dict[str, Any] = {}
    for name, sql_type in columns.items():
        value = getattr(record, name)
        if sql_type == "JSON":
            value = json.dumps(_plain(value), ensure_ascii=False, sort_keys=True)
        elif isinstance(value, bool):
            value = int(value)
        row[name] = value
    return row


def statement_to_row(report: Statement) -> dict[str, Any]:
    return _contract_row(report, STATEMENT_COLUMNS)


def row_to_statement(row: sqlite3.Row) -> Statement:
    values: dict[str, Any] = {}
    keys = row.keys()
    for name, sql_type in STATEMENT_COLUMNS.items():
        if name not in keys:
            continue
        value = row[name]
        if sql_type == "JSON":
            value = json.loads(value) if value else []
            if name == "missiles":
                value = [Missile(**item) for item in value]
            elif name == "claims":
                value = [Claim(**item) for item in value]
            elif name == "evidence":
                value = [Evidence(**item) for item in value]
        elif name == "is_launch_report":
            value = bool(value)
        values[name] = value
    return Statement(**values)


def event_to_row(event: Event) -> dict[str, Any]:
    """The events-table row of an event."""
    return _contract_row(event, EVENT_COLUMNS)


EVENT_BOOLEANS = {name for name, hint in typing.get_type_hints(Event).items() if hint is bool}


def row_to_event(row: Mapping[str, Any]) -> Event:
    """The Event an events-table row holds (the catalog and query read events this way too)."""
    values: dict[str, Any] = {}
    for name, kind in EVENT_COLUMNS.items():
        value = row[name]
        if kind == "JSON":
            value = json.loads(value) if value else ([] if name != "authorities" else {})
        elif name in EVENT_BOOLEANS:
            value = bool(value)
        values[name] = value
    values["authorities"] = {a: AuthorityView(**v) for a, v in values["authorities"].items()}
    values["revisions"] = [Revision(**r) for r in values["revisions"]]
    return Event(**values)


@dataclass(frozen=True)
class Change:
    """One entry for the change log (the ``changes`` table)."""

    kind: str
    object_id: str
    field: str | None = None
    old: Any = None
    new: Any = None


def _plain(value: Any) -> Any:
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return dataclasses.asdict(value)
    if isinstance(value, list):
        return [_plain(v) for v in value]
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    return value


def text_fingerprint(title: str, text: str) -> str:
    """What makes two fetches the same release: the words, not the markup or spacing."""
    words = " ".join((title + "\n" + text).split())
    return hashlib.sha256(words.encode("utf-8")).hexdigest()


class NoStore(Exception):
    """A command that reads the store found none (it never creates one)."""


def connect_readonly(path: Path) -> sqlite3.Connection:
    """The store, opened for reading only: the command never changes it, creates nothing, and works
    on a copy the user cannot write to."""
    if not Path(path).is_file():
        raise NoStore(f"no store at {path}: run launchfeed collect first (or launchfeed demo), or give --data-dir/--db")
    db = sqlite3.connect(f"file:{Path(path).resolve()}?mode=ro", uri=True, timeout=30, check_same_thread=False)
    db.row_factory = sqlite3.Row
    return db


class Store:
    def __init__(self, path: Path | str, *, readonly: bool = False) -> None:
        """The store at ``path``, created and brought to the current schema; ``readonly``: an existing
        store as it is (NoStore when there is none), for the commands that only read."""
        self.path = Path(path)
        self._lock = threading.RLock()
        self.run_id: int | None = None
        if readonly:
            self.db = connect_readonly(self.path)
            return
        self.path.parent.mkdir(parents=True, exist_ok=True)
        self.db = sqlite3.connect(self.path, timeout=30, isolation_level=None, check_same_thread=False)
        self.db.row_factory = sqlite3.Row
        self.db.execute("PRAGMA journal_mode=WAL")
        self.db.execute("PRAGMA synchronous=FULL")
        self.db.execute("PRAGMA foreign_keys=ON")
        self._migrate()

    def close(self) -> None:
        self.db.close()

    # -- schema ---------------------------------------------------------------------

    def _migrate(self) -> None:
        with self.transaction():
            self.db.execute(
                "CREATE TABLE IF NOT EXISTS schema_version (version INTEGER PRIMARY KEY, applied_at TEXT NOT NULL)"
            )
            current = self.db.execute("SELECT COALESCE(MAX(version), 0) FROM schema_version").fetchone()[0]
            if current > len(MIGRATIONS):
                raise RuntimeError(
                    f"{self.path} has schema version {current}, newer than this launchfeed knows "
                    f"({len(MIGRATIONS)}); upgrade launchfeed"
                )
            for version, script in enumerate(MIGRATIONS[current:], start=current + 1):
                for statement in _statements(script):
                    self.db.execute(statement)
                self.db.execute("INSERT INTO schema_version VALUES (?, ?)", (version, now_iso()))
            self._add_contract_columns("reports", STATEMENT_COLUMNS)
            self._add_contract_columns("events", EVENT_COLUMNS)
            self._add_contract_columns("event_authorities", AUTHORITY_VIEW_COLUMNS)

    def _add_contract_columns(self, table: str, columns: dict[str, str]) -> None:
        present = {row["name"] for row in self.db.execute(f"PRAGMA table_info({table})")}
        for name, sql_type in columns.items():
            if name not in present:
                self.db.execute(f"ALTER TABLE {table} ADD COLUMN {name} {'TEXT' if sql_type == 'JSON' else sql_type}")

    @property
    def schema_version(self) -> int:
        return self.db.execute("SELECT MAX(version) FROM schema_version").fetchone()[0]

    @contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        """All of the body's writes or none; a full disk (SQLITE_FULL) is a StoreFull naming the store."""
        with self._lock:
            try:
                self.db.execute("BEGIN IMMEDIATE")
                try:
                    yield self.db
                except BaseException:
                    if self.db.in_transaction:
                        self.db.execute("ROLLBACK")
                    raise
                self.db.execute("COMMIT")
            except sqlite3.Error as exc:
                if not is_disk_full(exc):
                    raise
                if self.db.in_transaction:
                    self.db.execute("ROLLBACK")
                failure = write_failure("write the store", self.path, exc, "what it held before is intact")
                raise StoreFull(str(failure)) from exc

    # -- what the HTTP client remembers (scrapers.http.ClientMemory) ----------------------

    def get_validators(self, url: str) -> dict | None:
        with self._lock:
            row = self.db.execute("SELECT * FROM http_validators WHERE url = ?", (url,)).fetchone()
        return dict(row) if row else None

    def put_validators(self, url: str, etag: str | None, last_modified: str | None, sha256: str) -> None:
        with self.transaction() as db:
            db.execute(
                "INSERT OR REPLACE INTO http_validators VALUES (?, ?, ?, ?, ?)",
                (url, etag, last_modified, sha256, now_iso()),
            )

    def rest_host(self, host: str, until: datetime, status: int) -> None:
        with self.transaction() as db:
            db.execute(
                "INSERT OR REPLACE INTO host_rests VALUES (?, ?, ?, ?)",
                (host, until.astimezone(UTC).isoformat(timespec="seconds"), status, now_iso()),
            )

    def host_rest(self, host: str) -> tuple[datetime, int] | None:
        with self._lock:
            row = self.db.execute("SELECT until, status, asked_at FROM host_rests WHERE host = ?", (host,)).fetchone()
        now = now_iso()
        # a rest asked "after" now was recorded while the clock ran ahead: its length is not to be trusted
        if row is None or row["until"] <= now or row["asked_at"] > now:
            return None
        return datetime.fromisoformat(row["until"]), row["status"]

    # -- documents (scrapers.base.DocumentSink) -----------------------------------------

    def known_document(self, document_id: str) -> bool:
        with self._lock:
            return self.db.execute("SELECT 1 FROM documents WHERE id = ?", (document_id,)).fetchone() is not None

    def save_document(self, document: Document) -> str:
        """Insert a new document, or record a revision when its words changed.
        Returns "new", "revised" or "unchanged"."""
        fingerprint = text_fingerprint(document.title, document.text)
        stamp = now_iso()
        published = document.published_at.isoformat() if document.published_at else None
        with self.transaction() as db:
            row = db.execute("SELECT text_sha256, revision FROM documents WHERE id = ?", (document.id,)).fetchone()
            if row and row["text_sha256"] == fingerprint:
                return "unchanged"
            revision = row["revision"] + 1 if row else 1
            captured = document.captured_at.isoformat() if document.captured_at else None
            db.execute(
                "INSERT OR REPLACE INTO documents (id, source, url, title, lang, published_at, published_precision, "
                "fetched_at, sha256, raw_path, content_type, channel, text, text_sha256, revision, first_seen_at, "
                "updated_at, extracted_sha256, capture_url, captured_at) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,"
                "COALESCE((SELECT first_seen_at FROM documents WHERE id = ?), ?),?,NULL,?,?)",
                (
                    document.id, document.source, document.url, document.title, document.lang, published,
                    document.published_precision, document.fetched_at.isoformat(), document.sha256,
                    document.raw_path, document.content_type, document.channel, document.text, fingerprint,
                    revision, document.id, stamp, stamp, document.capture_url, captured,
                ),
            )  # fmt: skip
            db.execute(
                "INSERT INTO document_revisions VALUES (?,?,?,?,?,?,?)",
                (document.id, revision, document.title, document.text, document.sha256, document.raw_path,
                 document.fetched_at.isoformat()),
            )  # fmt: skip
            kind = "revised_document" if row else "new_document"
            self._record_change(db, kind, document.id, None, None, document.url)
        return "revised" if row else "new"

    def documents(self, source: str | None = None) -> list[Document]:
        query = "SELECT * FROM documents" + (" WHERE source = ?" if source else "") + " ORDER BY published_at, id"
        with self._lock:
            rows = self.db.execute(query, (source,) if source else ()).fetchall()
        return [_row_to_document(row) for row in rows]

    def note_failure(self, url: str, kind: str) -> int:
        """An item that could not be read; retried after 1, 2, 4 ... up to 24 hours.
        Returns how many times in a row it failed (1: news to report)."""
        with self.transaction() as db:
            row = db.execute("SELECT attempts FROM fetch_failures WHERE url = ?", (url,)).fetchone()
            attempts = (row["attempts"] if row else 0) + 1
            wait = timedelta(hours=min(24, 2 ** (attempts - 1)))
            db.execute(
                "INSERT OR REPLACE INTO fetch_failures VALUES (?, ?, ?, ?, ?)",
                (url, kind, attempts, now_iso(), (datetime.now(UTC) + wait).isoformat(timespec="seconds")),
            )
        return attempts

    def should_retry(self, url: str) -> bool:
        with self._lock:
            row = self.db.execute(
                "SELECT retry_after, last_tried_at FROM fetch_failures WHERE url = ?", (url,)
            ).fetchone()
        now = now_iso()
        # a failure "tried" after now was recorded while the clock ran ahead: its wait is not to be trusted
        return row is None or row["retry_after"] <= now or row["last_tried_at"] > now

    def clear_failure(self, url: str) -> None:
        with self.transaction() as db:
            db.execute("DELETE FROM fetch_failures WHERE url = ?", (url,))

    def pending_extraction(self, everything: bool = False) -> list[Document]:
        """Documents whose current text has not been extracted yet (all with ``everything``)."""
        where = "" if everything else " WHERE extracted_sha256 IS NULL OR extracted_sha256 != text_sha256"
        with self._lock:
            rows = self.db.execute(f"SELECT * FROM documents{where} ORDER BY published_at, id").fetchall()
        return [_row_to_document(row) for row in rows]

    def mark_extracted(self, document_id: str) -> None:
        with self.transaction() as db:
            db.execute("UPDATE documents SET extracted_sha256 = text_sha256 WHERE id = ?", (document_id,))

    def document_revisions(self, document_id: str) -> list[dict]:
        with self._lock:
            rows = self.db.execute(
                "SELECT * FROM document_revisions WHERE document_id = ? ORDER BY revision", (document_id,)
            ).fetchall()
        return [dict(row) for row in rows]

    def replace_document_text(
        self, document_id: str, title: str, text: str, published_at: datetime | None = None, precision: str = "day"
    ) -> bool:
        """Re-parsed text (and, when the page states it, publication date) of the same
        snapshot (a parser improved); True when either changed."""
        fingerprint = text_fingerprint(title, text)
        published = published_at.isoformat() if published_at else None
        with self.transaction() as db:
            row = db.execute(
                "SELECT text_sha256, published_at, published_precision FROM documents WHERE id = ?", (document_id,)
            ).fetchone()
            if row is None:
                return False
            text_changed = row["text_sha256"] != fingerprint
            date_changed = published_at is not None and _new_publication_date(
                published_at, precision, row["published_at"], row["published_precision"]
            )
            if not (text_changed or date_changed):
                return False
            if text_changed:
                db.execute(
                    "UPDATE documents SET title = ?, text = ?, text_sha256 = ?, updated_at = ? WHERE id = ?",
                    (title, text, fingerprint, now_iso(), document_id),
                )
            if date_changed:  # re-extraction resolves 本日 / today against the new date
                db.execute(
                    "UPDATE documents SET published_at = ?, published_precision = ?, extracted_sha256 = NULL, "
                    "updated_at = ? WHERE id = ?",
                    (published, precision, now_iso(), document_id),
                )
            self._record_change(db, "reparsed_document", document_id, None, None, None)
        return True

    # -- reports --------------------------------------------------------------------------

    def save_statement(self, report: Statement) -> str:
        """Store the report read from a document; "new", "changed" or "unchanged".
        Every changed field is written to the change log."""
        row = statement_to_row(report)
        with self.transaction() as db:
            old = db.execute("SELECT * FROM reports WHERE id = ?", (report.id,)).fetchone()
            if old is not None:
                changed = [name for name in STATEMENT_COLUMNS if name != "evidence" and old[name] != row[name]]
                if not changed and old["evidence"] == row["evidence"]:
                    return "unchanged"
                for name in changed:
                    self._record_change(db, "revised_value", report.id, name, old[name], row[name])
            else:
                self._record_change(db, "new_report", report.id, None, None, report.document_id)
            columns = ["id", "extracted_at", *row]
            db.execute(
                f"INSERT OR REPLACE INTO reports ({', '.join(columns)}) VALUES ({', '.join('?' * len(columns))})",
                [report.id, now_iso(), *row.values()],
            )
        return "changed" if old is not None else "new"

    def delete_statement(self, report_id: str) -> bool:
        with self.transaction() as db:
            deleted = db.execute("DELETE FROM reports WHERE id = ?", (report_id,)).rowcount
            if deleted:
                self._record_change(db, "withdrawn_report", report_id, None, None, None)
        return bool(deleted)

    def statements(self) -> list[Statement]:
        with self._lock:
            rows = self.db.execute("SELECT * FROM reports ORDER BY launch_utc, launch_date_local, id").fetchall()
        return [row_to_statement(row) for row in rows]

    STATEMENT_QUERY = (
        "SELECT r.*, " + ", ".join(f"d.{name} AS {name}" for name in STATEMENT_DOCUMENT_FIELDS) + " "
        "FROM reports r JOIN documents d ON d.id = r.document_id "
        "ORDER BY COALESCE(r.launch_utc, r.launch_date_local), d.published_at, r.id"
    )

    def statement_rows(self) -> list[dict]:
        """Reports joined with the document they came from, oldest launch first."""
        return list(self.iter_statement_rows())

    def iter_statement_rows(self) -> Iterator[dict]:
        """``statement_rows`` a few at a time, for writing a file of any size in little memory."""
        return self.iter_rows(self.STATEMENT_QUERY)

    def iter_rows(self, query: str, params: tuple = (), *, chunk: int = 200) -> Iterator[dict]:
        """A query's rows, fetched a chunk at a time on a cursor of its own (other queries may run
        between two chunks)."""
        cursor = self.db.cursor()
        with self._lock:
            cursor.execute(query, params)
        try:
            while True:
                with self._lock:
                    rows = cursor.fetchmany(chunk)
                if not rows:
                    return
                yield from (dict(row) for row in rows)
        finally:
            cursor.close()

    def iter_events(self, order: str) -> Iterator[dict]:
        """Every events-table row, in ``order``: "launch" (the order of launches.csv, see
        output/events.launch_order) or "newest" (the Atom feed's: newest launch time or date first)."""
        orders = {
            "launch": "launch_order, id",
            "newest": "COALESCE(NULLIF(launch_utc, ''), COALESCE(launch_date_local, 'None') || 'T99') DESC, id DESC",
        }
        return self.iter_rows(f"SELECT * FROM events ORDER BY {orders[order]}")

    # -- what the output files were written from ------------------------------------------

    def output_records(self, directory: Path) -> dict[str, dict]:
        """Output file name -> what was recorded when it was written in ``directory`` (sha256, size,
        mtime_ns, generation, code)."""
        query = "SELECT * FROM outputs WHERE directory = ?"
        with self._lock:
            return {row["name"]: dict(row) for row in self.db.execute(query, (str(Path(directory).resolve()),))}

    def record_outputs(self, directory: Path, files: Mapping[str, tuple[str, int, int]], generation: int,
                       code: str) -> None:  # fmt: skip
        """Keep what each output file (name -> sha256, size, mtime_ns) was written from."""
        where = str(Path(directory).resolve())
        with self.transaction() as db:
            db.executemany(
                "INSERT OR REPLACE INTO outputs VALUES (?, ?, ?, ?, ?, ?, ?)",
                [(where, name, *facts, generation, code) for name, facts in sorted(files.items())],
            )

    def dated_statements(self, ids: Iterable[str] | None = None) -> list[tuple[Statement, str | None, str | None]]:
        """Stored reports (every one, or those of ``ids``) with their document's publication time and its
        precision. Without their evidence and missiles: reconciliation reads neither, and the evidence
        is most of a report's bytes."""
        columns = ", ".join(f"r.{name}" for name in ("id", *STATEMENT_COLUMNS) if name not in LIGHT_SKIPPED)
        query = (
            f"SELECT {columns}, d.published_at AS document_published_at, d.published_precision AS document_precision "
            "FROM reports r LEFT JOIN documents d ON d.id = r.document_id"
        )
        if ids is None:
            with self._lock:
                rows = self.db.execute(query + " ORDER BY r.launch_utc, r.launch_date_local, r.id").fetchall()
        else:
            rows = self._select_in(query + " WHERE r.id IN ({})", ids)
        return [(row_to_statement(row), row["document_published_at"], row["document_precision"]) for row in rows]

    def _select_in(self, query: str, ids: Iterable[str], *, chunk: int = 500) -> list[sqlite3.Row]:
        """``query`` (with one ``IN ({})``) for every id, a chunk at a time (SQLite caps the parameters)."""
        ids = sorted(set(ids))
        rows: list[sqlite3.Row] = []
        with self._lock:
            for start in range(0, len(ids), chunk):
                part = ids[start : start + chunk]
                rows += self.db.execute(query.format(", ".join("?" * len(part))), part).fetchall()
        return rows

    def first_collected_days(self) -> dict[str, str]:
        """Per source, the first day (YYYY-MM-DD, in its own offset) its collection covers: its oldest
        document (by publication, else fetch), or its first successful run when it has none."""
        query = """
            SELECT source, MIN(day) FROM (
                SELECT source, substr(COALESCE(published_at, fetched_at), 1, 10) AS day FROM documents
                UNION ALL SELECT source, substr(started_at, 1, 10) AS day FROM source_runs WHERE ok = 1
            ) WHERE day IS NOT NULL GROUP BY source
        """
        with self._lock:
            return dict(self.db.execute(query).fetchall())

    # -- launch events (output/events.py reconciles; here they are kept) ---------------------

    def events(self, ids: Iterable[str] | None = None) -> list[Event]:
        """The events of the last reconciliation (every one, or those of ``ids``), in no particular order."""
        if ids is not None:
            return [row_to_event(row) for row in self._select_in("SELECT * FROM events WHERE id IN ({})", ids)]
        with self._lock:
            return [row_to_event(row) for row in self.db.execute("SELECT * FROM events").fetchall()]

    def event_ids(self) -> set[str]:
        """The id of every event."""
        with self._lock:
            return {row[0] for row in self.db.execute("SELECT id FROM events")}

    def event_assignment(self, report_ids: Iterable[str] | None = None) -> dict[str, str]:
        """Statement id -> the id of the event it belongs to (every report, or those of ``report_ids``)."""
        if report_ids is not None:
            query = "SELECT report_id, event_id FROM event_members WHERE report_id IN ({})"
            return {row[0]: row[1] for row in self._select_in(query, report_ids)}
        with self._lock:
            return {row[0]: row[1] for row in self.db.execute("SELECT report_id, event_id FROM event_members")}

    def event_members(self, event_ids: Iterable[str]) -> dict[str, str]:
        """Statement id -> event id, for every report of these events."""
        query = "SELECT report_id, event_id FROM event_members WHERE event_id IN ({})"
        return {row[0]: row[1] for row in self._select_in(query, event_ids)}

    def retired_event_ids(self, anchors: Iterable[str] | None = None) -> dict[str, str]:
        """Ids no event holds any more -> the report that anchored them (those anchored by ``anchors``)."""
        query = "SELECT id, anchor_report_id FROM event_ids WHERE retired_at IS NOT NULL"
        if anchors is not None:
            rows = self._select_in(query + " AND anchor_report_id IN ({})", anchors)
            return {row[0]: row[1] for row in rows}
        with self._lock:
            return {row[0]: row[1] for row in self.db.execute(query)}

    # -- what a reconciliation has left to do ----------------------------------------------------

    def generation(self) -> int:
        """How many changes the data of the output files has seen (migration 6's triggers count them)."""
        return int(self.state("generation") or 0)

    def state(self, key: str) -> str | None:
        with self._lock:
            row = self.db.execute("SELECT value FROM store_state WHERE key = ?", (key,)).fetchone()
        return None if row is None else str(row[0])

    def queued_statements(self) -> set[str]:
        """Reports written or deleted since the last reconciliation (their documents' changes too)."""
        with self._lock:
            return {row[0] for row in self.db.execute("SELECT report_id FROM reconcile_queue")}

    def set_reach(self, reach: Mapping[str, tuple[str, str] | None], *, everything: bool = False) -> None:
        """Keep each report's reach (None: it is gone); ``everything``: these are all there are. The
        longest reach is kept too, so that ``reaching`` can find the ones that start long before."""
        with self.transaction() as db:
            if everything:
                db.execute("DELETE FROM event_reach")
                db.execute("DELETE FROM store_state WHERE key = 'reach_span'")
            db.executemany("DELETE FROM event_reach WHERE report_id = ?", [(r,) for r in reach])
            kept = [(report_id, lo, hi) for report_id, span in reach.items() if span for lo, hi in [span]]
            db.executemany("INSERT INTO event_reach VALUES (?, ?, ?)", kept)
            longest = max((_seconds_between(lo, hi) for _, lo, hi in kept), default=0)
            db.execute(
                "INSERT INTO store_state VALUES ('reach_span', ?) ON CONFLICT (key) DO UPDATE "
                "SET value = MAX(CAST(value AS INTEGER), CAST(excluded.value AS INTEGER))",
                (longest,),
            )

    def reach_of(self, report_ids: Iterable[str]) -> dict[str, tuple[str, str]]:
        query = "SELECT report_id, lo, hi FROM event_reach WHERE report_id IN ({})"
        return {row[0]: (row[1], row[2]) for row in self._select_in(query, report_ids)}

    def reaching(self, lo: str, hi: str) -> dict[str, tuple[str, str]]:
        """Every report whose reach overlaps [lo, hi] (ISO UTC times, as ``set_reach`` keeps them)."""
        span = int(self.state("reach_span") or 0)
        earliest = (datetime.fromisoformat(lo) - timedelta(seconds=span + 1)).isoformat(timespec="microseconds")
        query = "SELECT report_id, lo, hi FROM event_reach WHERE lo >= ? AND lo <= ? AND hi >= ?"
        with self._lock:
            return {row[0]: (row[1], row[2]) for row in self.db.execute(query, (earliest, hi, lo))}

    def save_events(
        self,
        changed: list[Event],
        removed: Mapping[str, str | None],
        anchors: Mapping[str, str],
        assignment: Mapping[str, str],
        log: list[Change],
        *,
        orders: Mapping[str, str] | None = None,
        scope: Iterable[str] | None = None,
        processed: Iterable[str] = (),
        collected: str | None = None,
    ) -> None:
        """Keep a reconciliation, in one transaction: ``changed`` events written (new or with new
        values), ``removed`` ones (id -> the event it merged into, None when withdrawn) deleted and
        their ids retired, every current id with its anchor report kept (a retired one revived),
        the report -> event ``assignment`` replaced when it differs (only for the reports of ``scope``
        when given), ``log`` recorded, each event's place in launch order (``orders``) kept, the
        ``processed`` reports taken off the queue and the ``collected`` authorities it was made with
        remembered. A change to what the output files show counts as a new generation."""
        stamp = now_iso()
        moved = 0
        with self.transaction() as db:
            for event in changed:
                row = event_to_row(event)
                columns = ["first_seen_at", "updated_at", *row]
                updates = ", ".join(f"{c} = excluded.{c}" for c in columns if c not in ("id", "first_seen_at"))
                db.execute(
                    f"INSERT INTO events ({', '.join(columns)}) VALUES ({', '.join('?' * len(columns))}) "
                    f"ON CONFLICT (id) DO UPDATE SET {updates}",
                    [stamp, stamp, *row.values()],
                )
                db.execute("DELETE FROM event_authorities WHERE event_id = ?", (event.id,))
                for view in event.authorities.values():
                    view_row = {name: getattr(view, name) for name in AUTHORITY_VIEW_COLUMNS}
                    for name, kind in AUTHORITY_VIEW_COLUMNS.items():
                        if kind == "JSON":
                            view_row[name] = json.dumps(view_row[name], ensure_ascii=False)
                    names = ["event_id", *view_row]
                    db.execute(
                        f"INSERT INTO event_authorities ({', '.join(names)}) VALUES ({', '.join('?' * len(names))})",
                        [event.id, *view_row.values()],
                    )
            for gone, heir in sorted(removed.items()):
                db.execute("DELETE FROM events WHERE id = ?", (gone,))
                db.execute("DELETE FROM event_authorities WHERE event_id = ?", (gone,))
                db.execute("UPDATE event_ids SET retired_at = ?, merged_into = ? WHERE id = ?", (stamp, heir, gone))
            for event_id, anchor in anchors.items():
                db.execute(
                    "INSERT INTO event_ids (id, anchor_report_id, assigned_at) VALUES (?, ?, ?) ON CONFLICT (id) "
                    "DO UPDATE SET retired_at = NULL, merged_into = NULL WHERE retired_at IS NOT NULL",
                    (event_id, anchor, stamp),
                )
            members = sorted(assignment.items())
            if scope is None:
                stored = sorted((r[0], r[1]) for r in db.execute("SELECT report_id, event_id FROM event_members"))
                if members != stored:
                    db.execute("DELETE FROM event_members")
                    db.executemany("INSERT INTO event_members (report_id, event_id) VALUES (?, ?)", members)
            else:
                db.executemany("DELETE FROM event_members WHERE report_id = ?", [(r,) for r in sorted(set(scope))])
                db.executemany("INSERT INTO event_members (report_id, event_id) VALUES (?, ?)", members)
            for event_id, order in sorted((orders or {}).items()):
                moved += db.execute(
                    "UPDATE events SET launch_order = ? WHERE id = ? AND launch_order IS NOT ?",
                    (order, event_id, order),
                ).rowcount
            db.executemany("DELETE FROM reconcile_queue WHERE report_id = ?", [(r,) for r in sorted(set(processed))])
            if collected is not None:
                db.execute("INSERT OR REPLACE INTO store_state VALUES ('collected', ?)", (collected,))
            if changed or removed or moved:
                db.execute("UPDATE store_state SET value = value + 1 WHERE key = 'generation'")
            for change in log:
                self._record_change(db, change.kind, change.object_id, change.field, change.old, change.new)

    def run_change_counts(self, run_id: int) -> tuple[dict[str, int], dict[str, int]]:
        """A run's changes by kind: how many, and how many distinct objects they concern."""
        query = "SELECT kind, COUNT(*), COUNT(DISTINCT object_id) FROM changes WHERE run_id = ? GROUP BY kind"
        with self._lock:
            rows = self.db.execute(query, (run_id,)).fetchall()
        return {row[0]: row[1] for row in rows}, {row[0]: row[2] for row in rows}

    # -- what a backfill has listed and fetched (output/backfill_state.py) ------------------------------

    def backfill_listing(self, query_key: str) -> BackfillListing | None:
        with self._lock:
            row = self.db.execute("SELECT * FROM backfill_listings WHERE query_key = ?", (query_key,)).fetchone()
        if row is None:
            return None
        return BackfillListing(row["query_key"], row["resume_key"], row["finished_at"] is not None,
                               bool(row["final"]), row["captures"])  # fmt: skip

    def backfill_listed_before(self, prefix: str) -> int:
        with self._lock:
            return self.db.execute(
                "SELECT COALESCE(SUM(captures), 0) FROM backfill_listings WHERE prefix = ?", (prefix,)
            ).fetchone()[0]

    def restart_backfill_listing(self, query_key: str, source: str, prefix: str) -> None:
        with self.transaction() as db:
            db.execute(
                "INSERT INTO backfill_listings (query_key, source, prefix, resume_key, pages, captures, finished_at, "
                "final, updated_at) VALUES (?, ?, ?, NULL, 0, 0, NULL, 0, ?) ON CONFLICT (query_key) DO UPDATE SET "
                "resume_key = NULL, pages = 0, captures = 0, finished_at = NULL, final = 0, "
                "updated_at = excluded.updated_at",
                (query_key, source, prefix, now_iso()),
            )

    def save_backfill_page(self, query_key: str, rows: list[CaptureRow], listed: int, resume_key: str | None, *,
                           final: bool) -> list[CaptureRow]:  # fmt: skip
        stamp = now_iso()
        with self.transaction() as db:
            new = self._insert_backfill_captures(db, rows, stamp)
            db.execute(
                "UPDATE backfill_listings SET resume_key = ?, pages = pages + 1, captures = captures + ?, "
                "finished_at = ?, final = ?, updated_at = ? WHERE query_key = ?",
                (resume_key, listed, None if resume_key else stamp, int(final and not resume_key), stamp, query_key),
            )
        return new

    def save_backfill_links(self, index: CaptureRow, rows: list[CaptureRow]) -> list[CaptureRow]:
        """The releases a listing capture links to, and that capture read (``index``'s state), in one
        transaction; returns the rows new to the store."""
        stamp = now_iso()
        with self.transaction() as db:
            new = self._insert_backfill_captures(db, rows, stamp)
            db.execute(
                "UPDATE backfill_captures SET state = ?, reason = ?, updated_at = ? "
                "WHERE source = ? AND timestamp = ? AND original = ?",
                (index.state, index.reason, stamp, index.source, index.timestamp, index.original),
            )
        return new

    @staticmethod
    def _insert_backfill_captures(db: sqlite3.Connection, rows: list[CaptureRow], stamp: str) -> list[CaptureRow]:
        new = []
        for row in rows:
            inserted = db.execute(
                "INSERT OR IGNORE INTO backfill_captures (source, timestamp, original, role, publisher_url, "
                "digest, mimetype, state, reason, listed_at, updated_at) VALUES (?,?,?,?,?,?,?,?,?,?,?)",
                (row.source, row.timestamp, row.original, row.role, row.publisher_url, row.digest, row.mimetype,
                 row.state or LISTED, row.reason, stamp, stamp),
            ).rowcount  # fmt: skip
            if inserted:
                new.append(row)
        return new

    def backfill_captures(self, source: str, role: str, states: tuple[str, ...]) -> list[CaptureRow]:
        marks = ", ".join("?" * len(states))
        with self._lock:
            rows = self.db.execute(
                "SELECT source, timestamp, original, role, publisher_url, digest, mimetype, state, capture_url, "
                "sha256, raw_path, content_type, fetched_at, reason FROM backfill_captures "
                f"WHERE source = ? AND role = ? AND state IN ({marks}) ORDER BY publisher_url, timestamp, original",
                (source, role, *states),
            ).fetchall()
        return [CaptureRow(**dict(row)) for row in rows]

    def backfill_fetched_digest(self, source: str, digest: str) -> str | None:
        with self._lock:
            row = self.db.execute(
                "SELECT capture_url FROM backfill_captures WHERE source = ? AND digest = ? AND capture_url IS NOT NULL "
                "LIMIT 1",
                (source, digest),
            ).fetchone()
        return row[0] if row else None

    def save_backfill_capture(self, row: CaptureRow) -> None:
        """A capture's new state and what was learnt with it (its capture URL, bytes, reason)."""
        with self.transaction() as db:
            db.execute(
                "UPDATE backfill_captures SET state = ?, capture_url = ?, sha256 = ?, raw_path = ?, content_type = ?, "
                "fetched_at = ?, reason = ?, updated_at = ? WHERE source = ? AND timestamp = ? AND original = ?",
                (row.state, row.capture_url, row.sha256, row.raw_path, row.content_type, row.fetched_at, row.reason,
                 now_iso(), row.source, row.timestamp, row.original),
            )  # fmt: skip

    # -- runs and the change log -------------------------------------------------------

    def begin_run(self, command: str) -> int:
        with self.transaction() as db:
            cursor = db.execute("INSERT INTO runs (command, started_at) VALUES (?, ?)", (command, now_iso()))
            self.run_id = cursor.lastrowid
        return self.run_id

    def finish_run(self, status: str, summary: dict) -> None:
        with self.transaction() as db:
            db.execute(
                "UPDATE runs SET finished_at = ?, status = ?, summary = ? WHERE id = ?",
                (now_iso(), status, json.dumps(summary, ensure_ascii=False), self.run_id),
            )

    def record_source_run(self, source: str, started_at: str, ok: bool, stats: Any) -> None:
        with self.transaction() as db:
            db.execute(
                "INSERT OR REPLACE INTO source_runs VALUES (?,?,?,?,?,?,?,?,?,?,?,?)",
                (
                    self.run_id, source, started_at, now_iso(), int(ok), stats.fetched, stats.not_modified,
                    stats.new_documents, stats.revised_documents, stats.requests,
                    json.dumps(dict(stats.problems)), json.dumps(stats.messages, ensure_ascii=False),
                ),
            )  # fmt: skip

    def failure_streak(self, source: str) -> tuple[bool | None, str | None, str | None]:
        """A source's runs before the current one: whether the last of them was ok (None: it never
        ran), when its present run of failures began (None: it is not failing), and when collect last
        said it was failing (None: not during this run of failures)."""
        query = """
            SELECT (SELECT ok FROM source_runs WHERE source = :s AND run_id < :r ORDER BY run_id DESC LIMIT 1),
                   (SELECT MIN(started_at) FROM source_runs WHERE source = :s AND run_id < :r AND ok = 0 AND
                        run_id > COALESCE((SELECT MAX(run_id) FROM source_runs
                                           WHERE source = :s AND run_id < :r AND ok = 1), 0))
        """
        with self._lock:
            last_ok, since = self.db.execute(query, {"s": source, "r": self.run_id}).fetchone()
            said = self.db.execute(
                "SELECT MAX(at) FROM source_alerts WHERE source = ? AND kind != 'recovered' AND at >= ?",
                (source, since or "9999"),
            ).fetchone()[0]
        return (None if last_ok is None else bool(last_ok)), since, said

    def record_source_alert(self, source: str, kind: str) -> None:
        with self.transaction() as db:
            db.execute("INSERT INTO source_alerts VALUES (?, ?, ?, ?)", (source, self.run_id, now_iso(), kind))

    # -- notifications --------------------------------------------------------------------------

    def run_changes(self, run_id: int, kinds: tuple[str, ...]) -> list[dict]:
        """The change-log entries of one run, of these kinds, oldest first."""
        query = f"SELECT * FROM changes WHERE run_id = ? AND kind IN ({', '.join('?' * len(kinds))}) ORDER BY id"
        with self._lock:
            return [dict(row) for row in self.db.execute(query, (run_id, *kinds))]

    def had_events_before(self, run_id: int) -> bool:
        """Whether an earlier run found launch events (the first one that does finds every launch
        the feeds still list: a baseline, not news)."""
        query = "SELECT 1 FROM changes WHERE kind = 'new_event' AND run_id < ? LIMIT 1"
        with self._lock:
            return self.db.execute(query, (run_id,)).fetchone() is not None

    def queue_notifications(self, sink: str, change_ids: list[int]) -> None:
        with self.transaction() as db:
            db.executemany(
                "INSERT OR IGNORE INTO notifications (sink, change_id, queued_at) VALUES (?, ?, ?)",
                [(sink, change_id, now_iso()) for change_id in change_ids],
            )

    def unsent_notifications(self, sink: str) -> list[dict]:
        """The changes queued for a sink and not sent yet (with how often sending failed), oldest first."""
        query = """
            SELECT c.*, n.attempts, n.last_error FROM notifications n JOIN changes c ON c.id = n.change_id
            WHERE n.sink = ? AND n.sent_at IS NULL ORDER BY c.id
        """
        with self._lock:
            return [dict(row) for row in self.db.execute(query, (sink,))]

    def mark_notified(self, sink: str, event_id: str, change_ids: list[int]) -> None:
        """Sent: never again to this sink; the change log says what went where."""
        with self.transaction() as db:
            db.executemany(
                "UPDATE notifications SET sent_at = ?, attempts = attempts + 1 WHERE sink = ? AND change_id = ?",
                [(now_iso(), sink, change_id) for change_id in change_ids],
            )
            self._record_change(db, "notified", event_id, sink, None, sorted(change_ids))

    def note_notify_failure(self, sink: str, change_ids: list[int], error: str) -> None:
        with self.transaction() as db:
            db.executemany(
                "UPDATE notifications SET attempts = attempts + 1, last_error = ? WHERE sink = ? AND change_id = ?",
                [(error, sink, change_id) for change_id in change_ids],
            )

    def last_source_runs(self) -> dict[str, dict]:
        """Per source: its latest run and the time of its last successful one."""
        query = """
            SELECT s.*, (SELECT MAX(finished_at) FROM source_runs o WHERE o.source = s.source AND o.ok = 1)
                   AS last_success
            FROM source_runs s
            WHERE s.run_id = (SELECT MAX(run_id) FROM source_runs i WHERE i.source = s.source)
        """
        with self._lock:
            return {row["source"]: dict(row) for row in self.db.execute(query).fetchall()}

    def _record_change(self, db: sqlite3.Connection, kind: str, object_id: str, field: str | None,
                       old: Any, new: Any) -> None:  # fmt: skip
        db.execute(
            "INSERT INTO changes (run_id, at, kind, object_id, field, old, new) VALUES (?,?,?,?,?,?,?)",
            (self.run_id, now_iso(), kind, object_id, field, _as_text(old), _as_text(new)),
        )

    def changes(self, since: str | None = None) -> list[dict]:
        query = "SELECT * FROM changes" + (" WHERE at >= ?" if since else "") + " ORDER BY id"
        with self._lock:
            return [dict(row) for row in self.db.execute(query, (since,) if since else ()).fetchall()]


def _seconds_between(lo: str, hi: str) -> int:
    return int((datetime.fromisoformat(hi) - datetime.fromisoformat(lo)).total_seconds()) + 1


def _statements(script: str) -> Iterator[str]:
    """The statements of a migration script; a trigger's body holds semicolons of its own."""
    pending = ""
    for piece in script.split(";"):
        pending += piece + ";"
        if sqlite3.complete_statement(pending):
            if pending.strip(" \n;"):
                yield pending
            pending = ""


def _as_text(value: Any) -> str | None:
    if value is None or isinstance(value, str):
        return value
    return json.dumps(value, ensure_ascii=False)


def _row_to_document(row: sqlite3.Row) -> Document:
    return Document(
        source=row["source"],
        url=row["url"],
        title=row["title"] or "",
        lang=row["lang"] or "",
        published_at=datetime.fromisoformat(row["published_at"]) if row["published_at"] else None,
        published_precision=row["published_precision"] or "day",
        fetched_at=datetime.fromisoformat(row["fetched_at"]),
        sha256=row["sha256"] or "",
        raw_path=row["raw_path"] or "",
        text=row["text"],
        content_type=row["content_type"] or "",
        channel=row["channel"],
        capture_url=row["capture_url"],
        captured_at=datetime.fromisoformat(row["captured_at"]) if row["captured_at"] else None,
    )


def _new_publication_date(parsed: datetime, precision: str, stored: str | None, stored_precision: str | None) -> bool:
    """Whether a page's own date says something else than the stored one; a day-only
    date agrees with a stored time on that day (the crawl may know the time from a feed)."""
    if stored is None:
        return True
    old = datetime.fromisoformat(stored)
    if precision == "day":
        return old.astimezone(parsed.tzinfo).date() != parsed.date() if parsed.tzinfo else old.date() != parsed.date()
    return (parsed, precision) != (old, stored_precision)
