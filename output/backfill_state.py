"""What a backfill has done so far, kept in the store (migration 6), so that the next run goes on from there.

A listing (one CDX query) records the resume key of the page to ask next, and when it was read to
its end; a listing of a range that lay wholly in the past when it was finished is ``final`` and is
never asked again. A capture goes ``listed`` -> ``fetched`` (its bytes are in the archive: it is
never asked for again) -> ``kept`` (stored as a document) or ``skipped`` (with the reason); or, without
being fetched, ``known`` (its publication is already stored) or ``duplicate`` (same bytes as a capture
already fetched). Each step is one transaction: a run killed at any moment resumes at the step it was in.

A walk of a publisher's own listing (scrapers/walks.py) is a listing too: its resume key is the next page
to ask and the newest day of the last page read (``WalkPoint``); its end reached, it is finished. A post it
lists is a capture row with the listing's day as its timestamp (``YYYYMMDD``; empty when none is shown),
fetched from the site itself (no capture URL). A DoD article is a capture row that the tag page capture
it was read from lists (``save_links``), asked of the archive at that capture's timestamp.

The records and their states are here; the SQL is the store's (``Store.save_backfill_page`` ...).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # the store reads and writes these records (output/store.py keeps every line of SQL)
    from launchfeed.output.store import Store

LISTED, FETCHED, KEPT, SKIPPED = "listed", "fetched", "kept", "skipped"
# read well, and not what the source keeps (another subject); its other captures are not fetched
UNWANTED = "unwanted"
# never fetched: its publication is stored already (from another capture, or by collect)
KNOWN = "known"
DUPLICATE = "duplicate"  # never fetched: the same bytes (CDX digest) as a capture fetched before
STATES = (LISTED, FETCHED, KEPT, SKIPPED, UNWANTED, KNOWN, DUPLICATE)


@dataclass
class Listing:
    query_key: str
    resume_key: str | None  # where to go on; None: from the first page
    finished: bool
    final: bool
    captures: int


@dataclass(frozen=True)
class WalkPoint:
    """Where a walk of a listing goes on: the next page, and the newest day of the last page read."""

    page: int = 1
    reached: date | None = None

    @classmethod
    def read(cls, resume_key: str | None) -> WalkPoint:
        if not resume_key:
            return cls()
        page, _, reached = resume_key.partition(" ")
        return cls(int(page), date.fromisoformat(reached) if reached else None)

    def key(self) -> str:
        return f"{self.page} {self.reached.isoformat() if self.reached else ''}".strip()


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
    """A backfill's view of the store: its listings and captures, and the moves of a capture's state."""

    def __init__(self, store: Store) -> None:
        self.store = store

    def listing(self, query_key: str) -> Listing | None:
        return self.store.backfill_listing(query_key)

    def listed_before(self, prefix: str) -> int:
        """Captures the listings of this URL prefix gave, in other ranges or earlier runs."""
        return self.store.backfill_listed_before(prefix)

    def restart_listing(self, query_key: str, source: str, prefix: str) -> None:
        """A listing asked again from its first page (its range reaches the present, or it is new)."""
        self.store.restart_backfill_listing(query_key, source, prefix)

    def save_page(self, query_key: str, rows: list[CaptureRow], listed: int, resume_key: str | None, *,
                  final: bool) -> list[CaptureRow]:  # fmt: skip
        """One page of a listing, in one transaction: its captures (``listed``, or ``skipped`` with a reason;
        a capture listed before keeps its state), how many the archive listed, and where to go on
        (``resume_key`` None: the listing is finished). Returns the captures new to the store."""
        return self.store.save_backfill_page(query_key, rows, listed, resume_key, final=final)

    def save_links(self, index: CaptureRow, rows: list[CaptureRow]) -> list[CaptureRow]:
        """The releases a capture of a listing page links to (``listed``), and that capture ``kept``, in one
        transaction (a release listed before keeps its state). Returns the rows new to the store."""
        index.state, index.reason = KEPT, None
        return self.store.save_backfill_links(index, rows)

    def captures(self, source: str, role: str, states: tuple[str, ...]) -> list[CaptureRow]:
        """Captures of a source in these states, by publisher URL, then oldest capture first."""
        return self.store.backfill_captures(source, role, states)

    def fetched_digest(self, source: str, digest: str) -> str | None:
        """The capture URL of a capture with these bytes already fetched, if any."""
        return self.store.backfill_fetched_digest(source, digest)

    def mark(self, row: CaptureRow, state: str, **values: str | None) -> None:
        """Move a capture to ``state``; ``values`` sets capture_url, sha256, raw_path, content_type, fetched_at,
        reason."""
        for name, value in values.items():
            setattr(row, name, value)
        row.state = state
        self.store.save_backfill_capture(row)
