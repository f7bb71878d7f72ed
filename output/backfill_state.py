"""What a backfill has done so far, kept in the store (migration 4), so that the next run goes on from there.

A listing (one CDX query) records the resume key of the page to ask next, and when it was read to
its end; a listing of a range that lay wholly in the past when it was finished is ``final`` and is
never asked again. A capture goes ``listed`` -> ``fetched`` (its bytes are in the archive: it is
never asked for again) -> ``kept`` (stored as a document) or ``skipped`` (with the reason); or, without
being fetched, ``known`` (its publication is already stored) or ``duplicate`` (same bytes as a capture
already fetched). Each step is one transaction: a run killed at any moment resumes at the step it was in.
"""

from __future__ import annotations

from dataclasses import dataclass

from launchfeed.output.store import Store, now_iso

LISTED, FETCHED, KEPT, SKIPPED = "listed", "fetched", "kept", "skipped"
# read well, and not what the source keeps (another subject); its other captures are not fetched
UNWANTED = "unwanted"
# never fetched: its publication is stored already (from another capture, or by collect)
KNOWN = "known"
DUPLICATE = "duplicate"  # never fetched: the same bytes (CDX digest) as a capture fetched before


@dataclass
class Listing:
    query_key: str
    resume_key: str | None  # where to go on; None: from the first page
    finished: bool
    final: bool
    captures: int


@dataclass
class CaptureRow:
    source: str
    timestamp: str
    original: str
    role: str  # "release" or "index"
    publisher_url: str
    digest: str
    mimetype: str
    state: str
    capture_url: str | None = None
    sha256: str | None = None
    raw_path: str | None = None
    content_type: str | None = None
    fetched_at: str | None = None
    reason: str | None = None


class BackfillState:
    def __init__(self, store: Store) -> None:
        self.store = store

    # -- listings ----------------------------------------------------------------------------------

    def listing(self, query_key: str) -> Listing | None:
        with self.store._lock:
            row = self.store.db.execute("SELECT * FROM backfill_listings WHERE query_key = ?", (query_key,)).fetchone()
        if row is None:
            return None
        return Listing(row["query_key"], row["resume_key"], row["finished_at"] is not None, bool(row["final"]),
                       row["captures"])  # fmt: skip

    def listed_before(self, prefix: str) -> int:
        """Captures the listings of this URL prefix gave, in other ranges or earlier runs."""
        with self.store._lock:
            return self.store.db.execute(
                "SELECT COALESCE(SUM(captures), 0) FROM backfill_listings WHERE prefix = ?", (prefix,)
            ).fetchone()[0]

    def restart_listing(self, query_key: str, source: str, prefix: str) -> None:
        """A listing asked again from its first page (its range reaches the present, or it is new)."""
        with self.store.transaction() as db:
            db.execute(
                "INSERT INTO backfill_listings (query_key, source, prefix, resume_key, pages, captures, finished_at, "
                "final, updated_at) VALUES (?, ?, ?, NULL, 0, 0, NULL, 0, ?) ON CONFLICT (query_key) DO UPDATE SET "
                "resume_key = NULL, pages = 0, captures = 0, finished_at = NULL, final = 0, "
                "updated_at = excluded.updated_at",
                (query_key, source, prefix, now_iso()),
            )

    def save_page(self, query_key: str, rows: list[CaptureRow], listed: int, resume_key: str | None, *,
                  final: bool) -> list[CaptureRow]:  # fmt: skip
        """One page of a listing, in one transaction: its captures (``listed``, or ``skipped`` with a reason;
        a capture listed before keeps its state), how many the archive listed, and where to go on
        (``resume_key`` None: the listing is finished). Returns the captures new to the store."""
        stamp = now_iso()
        new = []
        with self.store.transaction() as db:
            for row in rows:
                inserted = db.execute(
                    "INSERT OR IGNORE INTO backfill_captures (source, timestamp, original, role, publisher_url, "
                    "digest, mimetype, state, reason, listed_at, updated_at) VALUES (?,?,?,?,?,?,?,?,?,?,?)",
                    (row.source, row.timestamp, row.original, row.role, row.publisher_url, row.digest, row.mimetype,
                     row.state, row.reason, stamp, stamp),
                ).rowcount  # fmt: skip
                if inserted:
                    new.append(row)
            db.execute(
                "UPDATE backfill_listings SET resume_key = ?, pages = pages + 1, captures = captures + ?, "
                "finished_at = ?, final = ?, updated_at = ? WHERE query_key = ?",
                (resume_key, listed, None if resume_key else stamp, int(final and not resume_key), stamp, query_key),
            )
        return new

    # -- captures ----------------------------------------------------------------------------------

    def captures(self, source: str, role: str, states: tuple[str, ...]) -> list[CaptureRow]:
        """Captures of a source in these states, by publisher URL, then oldest capture first."""
        marks = ", ".join("?" * len(states))
        with self.store._lock:
            rows = self.store.db.execute(
                "SELECT source, timestamp, original, role, publisher_url, digest, mimetype, state, capture_url, "
                "sha256, raw_path, content_type, fetched_at, reason FROM backfill_captures "
                f"WHERE source = ? AND role = ? AND state IN ({marks}) ORDER BY publisher_url, timestamp, original",
                (source, role, *states),
            ).fetchall()
        return [CaptureRow(**dict(row)) for row in rows]

    def kept_urls(self, source: str) -> set[str]:
        with self.store._lock:
            rows = self.store.db.execute(
                "SELECT DISTINCT publisher_url FROM backfill_captures WHERE source = ? AND state = ?", (source, KEPT)
            ).fetchall()
        return {row[0] for row in rows}

    def fetched_digest(self, source: str, digest: str) -> str | None:
        """The capture URL of a capture with these bytes already fetched, if any."""
        with self.store._lock:
            row = self.store.db.execute(
                "SELECT capture_url FROM backfill_captures WHERE source = ? AND digest = ? AND capture_url IS NOT NULL "
                "LIMIT 1",
                (source, digest),
            ).fetchone()
        return row[0] if row else None

    def mark(self, row: CaptureRow, state: str, **values: str | None) -> None:
        """Move a capture to ``state``; ``values`` sets capture_url, sha256, raw_path, content_type, fetched_at,
        reason."""
        for name, value in values.items():
            setattr(row, name, value)
        row.state = state
        with self.store.transaction() as db:
            db.execute(
                "UPDATE backfill_captures SET state = ?, capture_url = ?, sha256 = ?, raw_path = ?, content_type = ?, "
                "fetched_at = ?, reason = ?, updated_at = ? WHERE source = ? AND timestamp = ? AND original = ?",
                (state, row.capture_url, row.sha256, row.raw_path, row.content_type, row.fetched_at, row.reason,
                 now_iso(), row.source, row.timestamp, row.original),
            )  # fmt: skip

    def counts(self, source: str) -> dict[str, int]:
        with self.store._lock:
            rows = self.store.db.execute(
                "SELECT state, COUNT(*) FROM backfill_captures WHERE source = ? AND role = 'release' GROUP BY state",
                (source,),
            ).fetchall()
        return {row[0]: row[1] for row in rows}
