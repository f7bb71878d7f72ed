"""`launchfeed backfill`: the years the feeds no longer show, read from a web archive (the Wayback Machine)
or, for a source whose own listing pages back (scrapers/walks.py: jcs_kr, indopacom), from its site.

For each source with an archive plan (scrapers/history.py), in three steps, every one resumable:
1. list: each CDX listing of the plan, page by page; a page's captures and the resume key of the next
   page are stored in one transaction. A listing whose range lay in the past when it was read to its
   end is never asked again; one that reaches the present is asked again from its start next run.
2. indexes (MOD): the newest readable capture of each year's press index gives the releases' titles,
   so the PDFs of other subjects are never fetched. (DoD): every capture of its tag page lists articles,
   each stored as a capture to ask for, with the tag capture read, in one transaction.
3. releases: per publisher URL, its captures oldest first, until one is read and stored as a document
   (with the capture's URL, timestamp and SHA-256); a capture whose bytes are archived is never asked
   for again, a release already stored (by collect or an earlier capture) is not fetched at all.
A walked source: its listing's pages one by one back to ``--since`` (each page's releases and where to go on
stored in one transaction), then (jcs_kr) each post fetched from the site as a capture is from the archive;
an indopacom entry is its own document. A site that fails stops its source only (the others go on).
Then the documents are extracted, reconciled into launch events and written out exactly as by collect.
"""

from __future__ import annotations

import re
import time
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from itertools import groupby

from launchfeed.collect import Progress, Workspace, extract_pending, write_outputs
from launchfeed.config import Config
from launchfeed.contracts import Document, document_id
from launchfeed.output.backfill_state import (
    DUPLICATE,
    FETCHED,
    KEPT,
    KNOWN,
    LISTED,
    SKIPPED,
    STATES,
    UNWANTED,
    BackfillState,
    CaptureRow,
    WalkPoint,
)
from launchfeed.output.writers import OutputError
from launchfeed.scrapers.articlecs import LISTING_ENTRY, Entry
from launchfeed.scrapers.base import Context
from launchfeed.scrapers.errors import OutOfTime, SourceError
from launchfeed.scrapers.history import INDEX, PLANS, RELEASE, ArchivePlan, DodArchive, Listing, Unwanted
from launchfeed.scrapers.http import Fetched
from launchfeed.scrapers.walks import WALKS, SitePlan, Walk
from launchfeed.scrapers.wayback import Capture, Wayback
from launchfeed.sources import crawlers

# every source backfill knows: those read from the archive, then those walked on their own site
SOURCES = (*PLANS, *WALKS)

# newest captures of one year's index tried in a run before its titles are done without
INDEX_TRIES = 3
# answers about one capture that say nothing of the archive as a whole: that capture is skipped
CAPTURE_GONE = {403, 404, 410, 451}
CAPTURE_URL = re.compile(r"/web/(\d{14})id_/")
GO_ON = "what was fetched is kept: run the same command again to go on"
WALK_ADVICE = "check the page in a browser: if its layout changed, scrapers/walks.py needs updating"


class ArchiveFailure(Exception):
    """The archive failed (unreachable, 5xx, 429 after the retries, a listing it cannot answer): the run stops
    there; what it stored is kept and the next run goes on from it."""


class SiteFailure(Exception):
    """A publisher's own site failed (geo-blocked, unreachable, a bot check, 5xx, a page 1 in an unknown
    layout): its source stops there, the others go on; the next run goes on from what was stored."""


class ArchiveFetcher:
    """Captures asked of the archive (``/web/<timestamp>id_/<original>``)."""

    archived = True

    def __init__(self, wayback: Wayback) -> None:
        self.wayback = wayback

    def where(self, row: CaptureRow) -> str:
        return Capture("", row.timestamp, row.original, "", "", "", "").raw_url(self.wayback.base_url)

    def fetch(self, row: CaptureRow) -> Fetched:
        return self.wayback.fetch(Capture("", row.timestamp, row.original, row.mimetype, "200", row.digest, ""))

    def gone(self, error: SourceError) -> bool:
        """What the site answered the archive's crawler, captured (a bot check page, a redirect off the
        archive), or a capture the archive no longer has: that capture is skipped, the archive is fine."""
        kinds = ("access_challenged", "disallowed_host", "robots_disallowed", "too_large")
        return error.status in CAPTURE_GONE or error.kind in kinds

    def failure(self, error: SourceError) -> Exception:
        return ArchiveFailure(f"the archive failed: {error}")


class SiteFetcher:
    """Pages asked of the publisher's site (or its mirror) through the source's own client."""

    archived = False

    def __init__(self, ctx: Context) -> None:
        self.ctx = ctx

    def where(self, row: CaptureRow) -> str:
        return self.ctx.url(row.original)

    def fetch(self, row: CaptureRow) -> Fetched:
        return self.ctx.fetch(self.where(row))

    def gone(self, error: SourceError) -> bool:
        """A page that is no more (404, 410) or that launchfeed may not fetch: skipped; a bot check, a
        geo-block or a failing server is the site's, and stops the source."""
        kinds = ("disallowed_host", "robots_disallowed", "too_large")
        return error.status in (404, 410) or error.kind in kinds

    def failure(self, error: SourceError) -> Exception:
        return SiteFailure(f"the site failed: {error}")


Fetcher = ArchiveFetcher | SiteFetcher


@dataclass
class SourceTally:
    listed: int = 0  # captures newly listed this run
    fetched: int = 0
    kept: int = 0
    skipped: int = 0  # bad captures (with their URL and reason in ``skips``)
    unwanted: int = 0  # read well, another subject
    skips: list[str] = field(default_factory=list)


@dataclass
class BackfillSummary:
    tallies: dict[str, SourceTally] = field(default_factory=dict)
    warnings: list[str] = field(default_factory=list)  # listings left to ask again (an empty answer)
    stopped: str | None = None  # why the run ended before its work did (the archive failed, the time budget)
    failed: dict[str, str] = field(default_factory=dict)  # source -> why its own site stopped it
    new_reports: int = 0
    changed_reports: int = 0
    extraction_failures: list[str] = field(default_factory=list)
    written: list[str] = field(default_factory=list)
    output_error: str | None = None

    @property
    def complete(self) -> bool:
        return not (self.stopped or self.failed or self.warnings or self.extraction_failures or self.output_error)


class Meter:
    """The progress bar's numbers: captures listed, fetched, kept; rate and time left."""

    def __init__(self, progress: Progress | None) -> None:
        self.progress = progress
        self.listed = self.fetched = self.kept = self.done = self.total = 0
        self.started = time.monotonic()

    def listing(self, pages: int, listings: int) -> None:
        if self.progress:
            self.progress(f"listings read, {self.listed} captures listed", pages, listings)

    def release(self) -> None:
        self.done += 1
        if not self.progress:
            return
        elapsed = time.monotonic() - self.started
        rate = self.fetched / elapsed if elapsed > 0 else 0.0
        left = f"about {(self.total - self.done) / rate / 60:.0f} min left" if rate else "time left unknown"
        self.progress(f"releases ({self.fetched} captures fetched, {self.kept} kept; {rate:.1f}/s, {left})",
                      self.done, self.total)  # fmt: skip


def site_context(ws: Workspace, source: str, *, config: Config, base_url: str | None = None,
                 delay: float | None = None) -> Context:  # fmt: skip
    """The client a walked source is asked through, as collect's: its proxy, mirror, spacing (``delay``
    replaces it) and allow-list."""
    return Context(crawlers()[source].INFO, archive=ws.archive, sink=ws.store, memory=ws.store,
                   base_url=base_url or config.base_url_for(source), proxy=config.proxy_for(source),
                   user_agent=config.user_agent, delay=delay)  # fmt: skip


def backfill(
    ws: Workspace, sources: list[str], *, since: date, until: date, wayback: Wayback, today: date | None = None,
    budget: float | None = None, progress: Progress | None = None, sites: dict[str, Context] | None = None,
) -> BackfillSummary:  # fmt: skip
    """Fill the store from the archive (and ``sites``, the clients of the walked sources) for publications
    from ``since`` to ``until``, then write the files. ``budget``: seconds for the whole run (no request
    starts after them, one running is cut off)."""
    today = today or datetime.now(UTC).date()
    sites = sites or {}
    state = BackfillState(ws.store)
    summary = BackfillSummary(tallies={source: SourceTally() for source in sources})
    meter = Meter(progress)
    if budget:
        for client in (wayback.client, *(ctx.client for ctx in sites.values())):
            client.stop_at, client.run_deadline = time.monotonic() + budget, budget
    ws.archive.remove_stale_temporaries()
    archive = ArchiveFetcher(wayback)
    archived, walked = [s for s in sources if s in PLANS], [s for s in sources if s in WALKS]
    try:
        plans = [(source, listing) for source in archived for listing in PLANS[source].listings(since, until, today)]
        for done, (source, listing) in enumerate(plans, start=1):
            list_captures(state, wayback, PLANS[source], listing, since, until, today, summary, meter)
            meter.listing(done, len(plans))
        for source in walked:
            try:
                for listing in WALKS[source].walks():
                    walk(ws, state, sites[source], WALKS[source], listing, since, until, today, summary, meter)
            except SiteFailure as error:
                summary.failed[source] = f"{error}; {GO_ON}"
        titles: dict[str, dict[str, str]] = {}
        for source in archived:
            plan = PLANS[source]
            if isinstance(plan, DodArchive):
                read_tag_pages(ws, state, archive, plan, since, until, summary.tallies[source], meter)
            else:
                titles[source] = read_indexes(ws, state, archive, plan, summary.tallies[source])
        meter.started = time.monotonic()
        meter.total = sum(len(state.captures(s, RELEASE, (LISTED, FETCHED))) for s in sources)
        for source in archived:
            read_releases(ws, state, archive, PLANS[source], titles.get(source, {}), summary.tallies[source], meter)
        for source in walked:
            if WALKS[source].fetches_releases and source not in summary.failed:
                try:
                    read_releases(ws, state, SiteFetcher(sites[source]), WALKS[source], {}, summary.tallies[source],
                                  meter)  # fmt: skip
                except SiteFailure as error:
                    summary.failed[source] = f"{error}; {GO_ON}"
    except OutOfTime as error:
        summary.stopped = f"time budget of {error.seconds:g}s used up; {GO_ON}"
    except ArchiveFailure as error:
        summary.stopped = f"{error}; {GO_ON}"
    finally:
        wayback.close()
        for ctx in sites.values():
            ctx.close()
    summary.new_reports, summary.changed_reports = extract_pending(
        ws.store, progress=progress, failures=summary.extraction_failures
    )
    try:
        summary.written = write_outputs(ws)
    except OutputError as error:
        summary.output_error = str(error)
    return summary


def list_captures(
    state: BackfillState, wayback: Wayback, plan: ArchivePlan, listing: Listing, since: date, until: date,
    today: date, summary: BackfillSummary, meter: Meter,
) -> None:  # fmt: skip
    query, key = listing.query, listing.query.key
    known = state.listing(key)
    if known and known.final:
        return  # its range was wholly in the past when it was read to its end
    before = state.listed_before(query.url)
    if known is None or known.finished:  # new, or reaching the present: from its first page
        state.restart_listing(key, plan.source, query.url)
        resume = None
    else:
        resume = known.resume_key  # interrupted: from the page it had reached
    while True:
        url = wayback.cdx_url(query, resume)
        try:
            page = wayback.cdx_page(query, resume)
        except SourceError as error:
            raise ArchiveFailure(f"the archive's index failed: {error}") from error
        # some networks get empty bodies instead of a refusal (a CDX answer is never empty: no captures is []),
        # and an empty list for a prefix that had captures is as suspect: never read as "nothing"
        if page.empty_body or (resume is None and not page.captures and before and plan.STEADY):
            said = "an empty body" if page.empty_body else "no captures"
            summary.warnings.append(f"{plan.source}: the archive answered {said} for {query.url} "
                                    f"({query.since} to {query.until}), where it listed {before} captures before; "
                                    f"asked again next run [{url}]")  # fmt: skip
            return
        rows = [row for capture in page.captures if (row := listed_row(plan, listing.role, capture, since, until))]
        new = state.save_page(key, rows, len(page.captures), page.resume_key, final=query.until < today)
        tally = summary.tallies[plan.source]
        tally.listed += len(new)
        meter.listed += len(new)
        for row in new:
            if row.state == SKIPPED:  # said once, when it is first listed
                tally.skipped += 1
                tally.skips.append(f"{row.original} (captured {row.timestamp}): {row.reason}")
        if page.resume_key is None:
            return
        resume = page.resume_key


def listed_row(plan: ArchivePlan, role: str, capture: Capture, since: date, until: date) -> CaptureRow | None:
    """A capture as the store lists it; None for what the plan does not look at (outside the window, or
    a page known to be no release)."""
    publisher_url = plan.publisher_url(capture, role)
    row = CaptureRow(plan.source, capture.timestamp, capture.original, role, publisher_url or capture.original,
                     capture.digest, capture.mimetype, LISTED)  # fmt: skip
    if publisher_url is None:
        path = re.sub(r"^[a-z]+://[^/]+", "", capture.original)
        if role == INDEX or plan.OTHER.search(path):
            return None
        row.state, row.reason = SKIPPED, f"a URL in a shape scrapers/history.py does not know for {plan.source}"
        return row
    return row if role == INDEX or plan.in_window(publisher_url, since, until) else None


def read_indexes(ws: Workspace, state: BackfillState, fetcher: Fetcher, plan: ArchivePlan,
                 tally: SourceTally) -> dict[str, str]:  # fmt: skip
    """Publisher URL -> title, from the newest readable capture of each index."""
    titles: dict[str, str] = {}
    rows = state.captures(plan.source, INDEX, (LISTED, FETCHED, KEPT))
    for _, group in groupby(rows, key=lambda row: row.publisher_url):
        tries = 0
        for row in sorted(group, key=lambda row: row.timestamp, reverse=True):
            if row.state == LISTED:
                if tries == INDEX_TRIES:
                    break
                tries += 1
            raw = capture_bytes(ws, state, fetcher, row, tally)
            if raw is None:
                continue
            try:
                titles.update(plan.index_titles(raw, row.content_type or ""))
            except SourceError as error:
                skip(state, row, tally, error)
                continue
            if row.state != KEPT:
                state.mark(row, KEPT)
            break
    return titles


def read_releases(ws: Workspace, state: BackfillState, fetcher: Fetcher, plan: ArchivePlan | SitePlan,
                  titles: dict[str, str], tally: SourceTally, meter: Meter) -> None:  # fmt: skip
    rows = state.captures(plan.source, RELEASE, (LISTED, FETCHED, KEPT, UNWANTED))
    for publisher_url, grouped in groupby(rows, key=lambda row: row.publisher_url):
        group = list(grouped)
        done = any(row.state in (KEPT, UNWANTED) for row in group)
        done = done or ws.store.known_document(document_id(plan.source, publisher_url))
        title = titles.get(publisher_url)
        for row in group:
            if row.state not in (LISTED, FETCHED):
                continue
            meter.release()
            if done:
                state.mark(row, KNOWN, reason="its release is stored already")
            elif title is not None and not plan.wanted(title):
                state.mark(row, UNWANTED, reason=f"another subject (its index lists it as {title!r})")
                tally.unwanted += 1
                done = True
            elif row.state == LISTED and row.digest and (same := state.fetched_digest(plan.source, row.digest)):
                state.mark(row, DUPLICATE, reason=f"the same bytes as {same}")
            else:
                done = read_release(ws, state, fetcher, plan, row, title, tally, meter)


def read_release(ws: Workspace, state: BackfillState, fetcher: Fetcher, plan: ArchivePlan | SitePlan,
                 row: CaptureRow, title: str | None, tally: SourceTally, meter: Meter) -> bool:  # fmt: skip
    """Fetch (unless its bytes are archived), read and store one capture; True when its release is done."""
    fetched_before = row.state == FETCHED
    raw = capture_bytes(ws, state, fetcher, row, tally)
    if raw is None:
        return False
    if not fetched_before:
        meter.fetched += 1
    capture = Capture("", row.timestamp, row.original, row.mimetype, "200", row.digest, "")
    try:
        page = plan.read(raw, capture, row.publisher_url, row.content_type or "")
    except Unwanted as why:
        state.mark(row, UNWANTED, reason=str(why))
        tally.unwanted += 1
        return True
    except SourceError as error:
        skip(state, row, tally, error)
        return False
    except Exception as error:  # a parser bug: this capture is named and skipped, the others are read
        skip(state, row, tally, SourceError("parse_error", f"parser failed ({type(error).__name__}: {error})"))
        return False
    stamp = CAPTURE_URL.search(row.capture_url or "")
    captured = Capture("", stamp.group(1) if stamp else row.timestamp, "", "", "", "", "").captured_at
    if not row.capture_url:  # read from the site itself, not an archive
        captured = None
    info = crawlers()[plan.source].INFO
    ws.store.save_document(
        Document(
            source=plan.source,
            url=row.publisher_url,
            title=page.title or title or "",
            lang=page.lang or plan.lang,
            published_at=page.published_at,
            published_precision=page.published_precision,
            fetched_at=datetime.fromisoformat(row.fetched_at) if row.fetched_at else datetime.now(UTC),
            sha256=row.sha256 or "",
            raw_path=row.raw_path or "",
            text=page.text,
            content_type=row.content_type or "",
            channel=info.channel,
            capture_url=row.capture_url,
            captured_at=captured,
        )
    )
    state.mark(row, KEPT)
    tally.kept += 1
    meter.kept += 1
    return True


def capture_bytes(ws: Workspace, state: BackfillState, fetcher: Fetcher, row: CaptureRow,
                  tally: SourceTally) -> bytes | None:  # fmt: skip
    """A capture's bytes: from the archive directory once fetched, else from the archive service (or the site)
    and then marked fetched: never asked for again. None when there is nothing for it (it is skipped)."""
    if row.state != LISTED and row.raw_path:
        return ws.archive.get(row.raw_path)
    try:
        fetched = fetcher.fetch(row)
    except SourceError as error:
        if fetcher.gone(error):
            skip(state, row, tally, error, fetcher.where(row))
            return None
        raise fetcher.failure(error) from error
    state.mark(row, FETCHED, capture_url=fetched.url if fetcher.archived else None, sha256=fetched.sha256,
               raw_path=fetched.raw_path, content_type=fetched.headers.get("content-type", ""),
               fetched_at=fetched.fetched_at.isoformat())  # fmt: skip
    tally.fetched += 1
    return fetched.content


def skip(state: BackfillState, row: CaptureRow, tally: SourceTally, error: SourceError, url: str | None = None) -> None:
    """A capture that gives nothing: skipped for good, said once with its URL and why."""
    reason = f"{error.kind}: {' '.join(error.message.split())}"
    state.mark(row, SKIPPED, reason=reason)
    tally.skipped += 1
    tally.skips.append(f"{row.capture_url or url or row.original}: {reason}")


# -- DoD: the articles its tag page captures list ------------------------------------------------------


def read_tag_pages(ws: Workspace, state: BackfillState, fetcher: Fetcher, plan: DodArchive, since: date, until: date,
                   tally: SourceTally, meter: Meter) -> None:  # fmt: skip
    """Every capture of the tag page not read yet: the articles it lists, published from ``since`` to ``until``
    (or undated) and not listed before under any host, become captures to ask for."""
    listed = {plan.article_number(row.publisher_url) for row in state.captures(plan.source, RELEASE, STATES)}
    for row in state.captures(plan.source, INDEX, (LISTED, FETCHED)):
        raw = capture_bytes(ws, state, fetcher, row, tally)
        if raw is None:
            continue
        try:
            entries = plan.index_entries(raw, row.original, row.content_type or "")
        except SourceError as error:
            skip(state, row, tally, error)
            continue
        rows = []
        for entry in entries:
            number = plan.article_number(entry.link)
            if number in listed or (entry.day is not None and not since <= entry.day <= until):
                continue
            listed.add(number)
            rows.append(CaptureRow(plan.source, row.timestamp, entry.link, RELEASE, entry.link, "", "text/html",
                                   LISTED))  # fmt: skip
        new = state.save_links(row, rows)
        tally.listed += len(new)
        meter.listed += len(new)


# -- a source's own listing, walked page by page --------------------------------------------------------


def walk(ws: Workspace, state: BackfillState, ctx: Context, plan: SitePlan, listing: Walk, since: date, until: date,
         today: date, summary: BackfillSummary, meter: Meter) -> None:  # fmt: skip
    """Walk a listing back from where it stopped (page 1 at first) until its end or a page wholly before
    ``since``. A walk up to the present is one walk whatever day it runs (its first pages were read when it
    began); a walk up to a past ``until`` is another."""
    key = f"{listing.key} until {'present' if until >= today else until.isoformat()}"
    known = state.listing(key)
    point = WalkPoint.read(known.resume_key if known else None)
    if (known and known.finished) or (point.reached and point.reached < since):
        return  # its end was reached, or it went back past since before
    if known is None:
        state.restart_listing(key, plan.source, listing.page(1))
    tally = summary.tallies[plan.source]
    previous: set[str] = set()
    while True:
        url = ctx.url(listing.page(point.page))
        try:
            fetched = ctx.fetch(url, conditional=False)
            entries, strays = plan.entries(fetched.text(), ctx.canonical(url), listing)
        except SourceError as error:
            if error.status in (404, 410) and point.page > 1:  # a site that answers past its last page so
                state.save_page(key, [], 0, None, final=True)
                return
            raise SiteFailure(f"the site failed: {error}") from error
        for stray in strays:
            tally.skipped += 1
            tally.skips.append(f"{url}: an entry whose link is in no shape scrapers/{plan.source}.py knows ({stray!r})")
        links = {entry.link for entry in entries}
        if not entries and point.page == 1:
            error = SourceError("layout_changed", "page 1 of the listing yields no releases; the page layout may have "
                                "changed", url=url, advice=WALK_ADVICE)  # fmt: skip
            raise SiteFailure(str(error))
        if not entries or links == previous:  # past its last page, or a site that repeats its last page
            state.save_page(key, [], 0, None, final=True)
            return
        days = [entry.day for entry in entries if entry.day]
        point = WalkPoint(point.page + 1, max(days) if days else point.reached)
        wanted = [entry for entry in entries if entry.day is None or since <= entry.day <= until]
        rows = walked_rows(ws, plan, wanted, fetched, tally)
        new = state.save_page(key, rows, len(entries), point.key(), final=False)
        tally.listed += len(new) if plan.fetches_releases else len(entries)
        meter.listed += len(new)
        if days and max(days) < since:
            return
        previous = links


def walked_rows(ws: Workspace, plan: SitePlan, entries: list[Entry], page: Fetched,
                tally: SourceTally) -> list[CaptureRow]:  # fmt: skip
    """A page's releases in the window: posts to fetch (jcs_kr), or (indopacom) documents stored at once."""
    if plan.fetches_releases:
        return [CaptureRow(plan.source, f"{entry.day:%Y%m%d}" if entry.day else "", entry.link, RELEASE, entry.link,
                           "", "text/html", LISTED) for entry in entries]  # fmt: skip
    info = crawlers()[plan.source].INFO
    for entry in entries:
        if ws.store.known_document(document_id(plan.source, entry.link)):
            continue  # collect has it from the feed, or an earlier walk did
        raw = entry.markup.encode("utf-8")
        try:
            read = plan.read(raw, None, entry.link, LISTING_ENTRY)
        except Unwanted:
            tally.unwanted += 1
            continue
        except SourceError as error:
            tally.skipped += 1
            tally.skips.append(f"{entry.link} (listed on {page.url}): {error.kind}: {error.message}")
            continue
        sha256, raw_path = ws.archive.put(raw)
        ws.store.save_document(Document(
            source=plan.source, url=entry.link, title=read.title, lang=read.lang or plan.lang,
            published_at=read.published_at, published_precision=read.published_precision, fetched_at=page.fetched_at,
            sha256=sha256, raw_path=raw_path, text=read.text, content_type=LISTING_ENTRY, channel=info.channel,
        ))  # fmt: skip
        tally.kept += 1
    return []
