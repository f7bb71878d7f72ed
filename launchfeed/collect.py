"""The pipeline the CLI runs: sources -> store -> extraction -> output files."""

from __future__ import annotations

import csv
import fcntl
import hashlib
import os
import sqlite3
import sys
import threading
import time
import traceback
from collections import Counter
from collections.abc import Callable, Iterator
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from functools import cache
from pathlib import Path

import launchfeed
from launchfeed import contracts, output, scrapers
from launchfeed.config import Config, proxy_env
from launchfeed.contracts import SourceInfo, Statement
from launchfeed.output.atom import write_atom
from launchfeed.output.catalog import StoredEvent, created_at, load_catalog, statements_for
from launchfeed.output.datadict import render_datapackage, render_readme
from launchfeed.output.events import event_record, launch_row, reconcile_changes, reconcile_store
from launchfeed.output.report import REPORT_FILE, render_report
from launchfeed.output.store import Store, StoreFull, now_iso, row_to_event
from launchfeed.output.tables import LAUNCHES, STATEMENT_TABLES, statement_table_rows
from launchfeed.output.writers import (
    DiskFull,
    OutputError,
    StagedFile,
    csv_row,
    file_sha256,
    is_disk_full,
    jsonl_line,
    remove_stale_temporaries,
    replace_staged,
    what_to_do,
    write_failure,
)
from launchfeed.scrapers.archive import Archive
from launchfeed.scrapers.base import Context, RunStats
from launchfeed.scrapers.errors import OutOfTime, SourceError
from launchfeed.scrapers.http import HostPacer
from launchfeed.sources import authorities, crawlers, extractor, place_names

# progress(what, done, total): how far a run has got, for a progress bar on a terminal
Progress = Callable[[str, int, int], None]
# seconds a crawl may run past its deadline before it is left behind: the deadline stops its requests;
# what is not a request (parsing a page, waiting for the store) gets this long to end
GRACE = 60.0


@dataclass
class Workspace:
    out_dir: Path
    store: Store
    archive: Archive


def open_workspace(out_dir: Path, db_path: Path | None) -> Workspace:
    _make_output_dir(out_dir)
    database = db_path or out_dir / "launchfeed.sqlite"
    try:
        store = Store(database)
    except (sqlite3.Error, OSError) as exc:
        if is_disk_full(exc):
            raise write_failure("open the store", database, exc) from exc
        raise OutputError(
            f"cannot open the store {database}: {exc}; make {database.parent} writable for this user "
            "(or point --db elsewhere) and run again"
        ) from exc
    return Workspace(out_dir, store, Archive(database.parent / "archive"))


def _make_output_dir(out_dir: Path) -> None:
    try:
        out_dir.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        if is_disk_full(exc):
            raise write_failure("create the output directory", out_dir, exc) from exc
        advice = "point --data-dir at a directory" if out_dir.exists() else what_to_do(exc, out_dir.parent)
        raise OutputError(f"cannot use {out_dir} as the output directory: {exc.strerror or exc}; {advice}") from exc


class AlreadyRunning(Exception):
    pass


@contextmanager
def run_lock(out_dir: Path, db_path: Path | None = None) -> Iterator[None]:
    """One collect at a time per output directory, and per store when --db puts it
    elsewhere: a cron tick that finds the last one still running leaves at once."""
    _make_output_dir(out_dir)
    with ExitStack() as held:
        held.enter_context(_lock_file(out_dir / "launchfeed.lock"))
        if db_path is not None and db_path.parent.resolve() != out_dir.resolve():
            db_path.parent.mkdir(parents=True, exist_ok=True)
            held.enter_context(_lock_file(db_path.parent / "launchfeed.lock"))
        yield


@contextmanager
def _lock_file(path: Path) -> Iterator[None]:
    try:
        handle = open(path, "a+")
    except OSError as exc:
        raise write_failure("create the lock file", path, exc) from exc
    try:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError as exc:
            handle.seek(0)
            holder = handle.read().strip() or "another process"
            raise AlreadyRunning(f"another launchfeed run holds {path} ({holder}); not starting") from exc
        try:
            handle.seek(0)
            handle.truncate()
            handle.write(f"pid {os.getpid()} since {now_iso()}\n")
            handle.flush()
        except OSError as exc:
            raise write_failure("write the lock file", path, exc) from exc
        yield
    finally:
        handle.close()


def availability(info: SourceInfo, config: Config, requested: bool, base_url: str | None = None) -> str | None:
    """Why a source cannot run now (None when it can). A mirror (``base_url``, or ``base_url`` in the
    config) answers a geo-block: it is asked instead of the site that drops foreign connections."""
    mirrored = bool(base_url or config.base_url_for(info.id))
    if info.geo_blocked and not config.proxy_for(info.id) and not mirrored:
        return (
            f"geo-blocked outside {info.country}: set {proxy_env(info.id)} or proxy in "
            f"[sources.{info.id}] of launchfeed.toml to a proxy in {info.country}"
        )
    enabled = config.enabled(info.id)
    if not requested and (enabled is False or (enabled is None and not info.default_enabled)):
        return f"off by default: run with --source {info.id} or set enabled = true in [sources.{info.id}]"
    return None


@dataclass
class SourceResult:
    source: str
    ok: bool
    stats: RunStats
    disabled: str | None = None
    failure: str | None = None
    started: str = ""


@dataclass
class CollectSummary:
    requested: bool = False  # the sources were named (--source): one that cannot run fails the run
    results: list[SourceResult] = field(default_factory=list)
    new_reports: int = 0
    changed_reports: int = 0
    written: list[str] = field(default_factory=list)
    output_error: str | None = None  # the output files could not be written (the store has the data)
    extraction_failures: list[str] = field(default_factory=list)  # documents left pending by an extractor error

    @property
    def failed(self) -> list[SourceResult]:
        return [r for r in self.results if not r.ok and not r.disabled]

    @property
    def refused(self) -> list[SourceResult]:
        """Sources named on the command line that cannot run (disabled, with the reason)."""
        return [r for r in self.results if r.disabled and self.requested]

    @property
    def ok(self) -> bool:
        """Every source asked for ran and none failed, every document was read and the files were written."""
        return not (self.failed or self.refused or self.output_error or self.extraction_failures)

    @property
    def new_documents(self) -> int:
        return sum(r.stats.new_documents + r.stats.revised_documents for r in self.results)


def describe_failures(errors: list[SourceError]) -> str:
    """A source's failures on one line: errors alike (three listings of one unreachable
    host) are said once, with each of their URLs."""
    alike: dict[tuple[str, str, str | None], list[str]] = {}
    for error in errors:
        alike.setdefault((error.kind, error.message, error.advice), []).append(error.url or "")
    parts = []
    for (kind, message, advice), urls in alike.items():
        where = ", ".join(url for url in urls if url)
        parts.append(f"{kind}: {message}" + (f" [{where}]" if where else "") + (f"; {advice}" if advice else ""))
    return "; ".join(parts)


def source_deadline(info: SourceInfo, config: Config) -> float:
    """Seconds one collect gives a source: its section of launchfeed.toml, else its declaration."""
    return config.deadline_for(info.id) or info.deadline


def crawl_source(
    ws: Workspace, source_id: str, *, pacer: HostPacer, config: Config, base_url: str | None, delay: float | None,
    options: dict,
) -> SourceResult:  # fmt: skip
    module = crawlers()[source_id]
    ctx = Context(
        module.INFO,
        archive=ws.archive,
        sink=ws.store,
        memory=ws.store,
        pacer=pacer,
        base_url=base_url or config.base_url_for(source_id),
        proxy=config.proxy_for(source_id),
        user_agent=config.user_agent,
        options=options,
        delay=delay,
        deadline=source_deadline(module.INFO, config),
    )
    started = now_iso()
    failure = None
    try:
        module.crawl(ctx)
        if ctx.failures:
            failure = describe_failures(ctx.failures)
    except OutOfTime as error:  # what it stored before is kept; the listings that failed before are said too
        ctx.stats.problems[error.kind] += 1
        ctx.stats.messages.append(str(error))
        failure = "; ".join([str(error), *([describe_failures(ctx.failures)] if ctx.failures else [])])
    except SourceError as error:
        ctx.stats.note(error)
        failure = str(error)
    except DiskFull:
        raise  # the store is full: every source would fail alike, the run stops and says so once
    except Exception as error:  # a bug in one source must not stop the others
        if is_disk_full(error):  # the archive's disk is full (as above)
            raise write_failure("write", ws.archive.root, error) from error
        ctx.stats.problems["internal_error"] += 1
        failure = f"internal_error: {type(error).__name__}: {error}"
        ctx.stats.messages.append(failure + "\n" + traceback.format_exc(limit=5))
    finally:
        ctx.close()
    return SourceResult(source_id, failure is None, ctx.stats, failure=failure, started=started)


def collect(
    ws: Workspace, sources: list[str], *, config: Config, requested: bool, base_url: str | None = None,
    delay: float | None = None, options: dict | None = None, progress: Progress | None = None, report: bool = False,
) -> CollectSummary:  # fmt: skip
    summary = CollectSummary(requested=requested)
    runnable = []
    for source_id in sources:
        reason = availability(crawlers()[source_id].INFO, config, requested, base_url)
        if reason:
            summary.results.append(SourceResult(source_id, False, RunStats(), disabled=reason))
        else:
            runnable.append(source_id)
    ws.archive.remove_stale_temporaries()
    pacer = HostPacer()
    finished: dict[str, SourceResult] = {}
    full: list[DiskFull] = []  # a crawl found the disk full: the run stops there, said once
    crawls: dict[str, threading.Thread] = {}
    started = time.monotonic()
    for source_id in runnable:

        def run(source_id: str = source_id) -> None:
            try:
                finished[source_id] = crawl_source(ws, source_id, pacer=pacer, config=config, base_url=base_url,
                                                   delay=delay, options=options or {})  # fmt: skip
            except DiskFull as error:
                full.append(error)

        # a daemon: a crawl stuck past its deadline and the grace is left behind, and never keeps
        # the process (and the run lock) alive once the run is over
        crawls[source_id] = threading.Thread(target=run, name=f"crawl {source_id}", daemon=True)
        crawls[source_id].start()
    for done, (source_id, crawl) in enumerate(crawls.items(), start=1):
        seconds = source_deadline(crawlers()[source_id].INFO, config)
        crawl.join(max(0.0, started + seconds + GRACE - time.monotonic()))
        if full:
            raise full[0]
        result = finished.get(source_id)
        if result is None:  # it never stopped: not a request it was waiting for (those are cut off)
            stuck = (
                f"deadline_exceeded: {source_id} still running {seconds + GRACE:g}s after it started (past its "
                "deadline, outside any request); left behind: what it stores is read by the next run"
            )
            stats = RunStats(problems=Counter(deadline_exceeded=1), messages=[stuck])
            result = SourceResult(source_id, False, stats, failure=stuck, started=now_iso())
        ws.store.record_source_run(source_id, result.started, result.ok, result.stats)
        summary.results.append(result)
        if progress:
            progress("sources fetched", done, len(crawls))
    summary.new_reports, summary.changed_reports = extract_pending(
        ws.store, progress=progress, failures=summary.extraction_failures
    )
    try:
        summary.written = write_outputs(ws, report)
    except StoreFull:
        raise  # the store cannot keep this run: said as it is, not as a file the next run writes
    except OutputError as error:
        summary.output_error = str(error)
    return summary


@dataclass(frozen=True)
class SourceState:
    """What a run tells about one source that ran, for the lines collect prints."""

    source: str
    failure: str | None  # this run's failure (None: it worked)
    change: str | None  # "failed" (its first failure), "still failing" (a reminder), "recovered", or None
    since: str | None = None  # when its present run of failures began


def source_states(store: Store, results: list[SourceResult], remind: timedelta) -> list[SourceState]:
    """Each source that ran, and what changed: a failure is news the first run it happens, again
    once ``remind`` has passed since it was last said (still failing), and when it ends (recovered)."""
    states = []
    now = datetime.now(UTC)
    for result in results:
        if result.disabled:
            continue
        last_ok, since, said = store.failure_streak(result.source)
        change = None
        if result.failure and last_ok is not False:
            change = "failed"
        elif result.failure and (said is None or now - datetime.fromisoformat(said) >= remind):
            change = "still failing"
        elif not result.failure and last_ok is False:
            change = "recovered"
        states.append(SourceState(result.source, result.failure, change, since))
    return states


def extract_pending(
    store: Store, *, everything: bool = False, progress: Progress | None = None, failures: list[str] | None = None
) -> tuple[int, int]:
    """Extract reports from documents whose text has not been read yet (or all of
    them); a run killed half-way leaves them pending for the next one. A document the
    extractor fails on stays pending (its failure appended to ``failures``) and the
    others are read all the same."""

    documents = store.pending_extraction(everything=everything)
    if not documents:
        return 0, 0
    items = [
        {"text": d.text, "lang": d.lang, "source": d.source,
         "published": d.published_at.isoformat() if d.published_at else None}
        for d in documents
    ]  # fmt: skip
    try:
        reports: list[Statement | None] = list(extractor().batch(items))
    except Exception:  # an extractor bug: find the documents it is about, read the rest one by one
        reports = []
        for document, item in zip(documents, items, strict=True):
            try:
                reports.append(extractor().extract(**item))
            except Exception as error:
                reports.append(None)
                if failures is not None:
                    failures.append(f"extraction failed on {document.url} ({type(error).__name__}: {error}); "
                                    "the document stays stored and is read again next run")  # fmt: skip
    new = changed = 0
    for done, (document, report) in enumerate(zip(documents, reports, strict=True), start=1):
        if progress:
            progress("documents extracted", done, len(documents))
        if report is None:
            continue
        report.document_id, report.source = document.id, document.source
        report.channel = report.channel or document.channel
        if report.is_launch_report:
            status = store.save_statement(report)
            new += status == "new"
            changed += status == "changed"
        else:
            changed += store.delete_statement(report.id)
        store.mark_extracted(document.id)
    return new, changed


# the output files collect keeps (report.html is written on request)
OUTPUT_FILES = (
    *(f"{table.name}.csv" for table in STATEMENT_TABLES), "statements.jsonl", "launches.csv", "launches.jsonl",
    "launches.atom", "datapackage.json", "README.md",
)  # fmt: skip


def write_outputs(ws: Workspace, report: bool = False, *, full: bool = False) -> list[str]:
    """Reconcile the statements that changed into launch events (kept in the store, changes in its
    change log; every statement with ``full``), then write every output file whose content changed;
    returns the names written. The files are written from the store a row at a time, never whole in
    memory, and only when what they are made of changed since they were written (the store's
    generation, this launchfeed's code, the files as they were left): a run with nothing new reads no
    statement. ``report``: report.html too, when another file changed or it is not there yet (it says
    when it was made, so it would differ on every run)."""
    (reconcile_store if full else reconcile_changes)(ws.store, authorities())
    generation, code = ws.store.generation(), code_fingerprint()
    records = ws.store.output_records(ws.out_dir)
    staged: list[tuple[str, Path]] = []
    if full or not _up_to_date(ws.out_dir, records, generation, code):
        remove_stale_temporaries(ws.out_dir, OUTPUT_FILES)
        staged = _stage_outputs(ws, records)
    if report and (staged or not (ws.out_dir / REPORT_FILE).exists()):
        staged.append(_stage_text(ws.out_dir / REPORT_FILE, render_report(load_catalog(ws.store.db),
                                                                         places=place_names())))  # fmt: skip
    replace_staged(staged)
    recorded = {(record["generation"], record["code"]) for record in records.values()}
    if staged or len(records) < len(OUTPUT_FILES) or recorded != {(generation, code)}:
        ws.store.record_outputs(ws.out_dir, {name: _file_facts(ws.out_dir / name, records.get(name))
                                             for name in OUTPUT_FILES}, generation, code)  # fmt: skip
    return [path.name for _, path in staged]


@cache
def code_fingerprint() -> str:
    """What writes the output files: the code of launchfeed's packages that make them (contracts, output,
    the sources' declarations) and the Python that runs it. Another version may write them otherwise."""
    digest = hashlib.sha256(sys.version.encode())
    for package in (contracts, output, scrapers, launchfeed):
        for path in sorted(Path(next(iter(package.__path__))).glob("*.py")):
            digest.update(path.name.encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()


def _up_to_date(out_dir: Path, records: dict[str, dict], generation: int, code: str) -> bool:
    """Every output file is there as it was written from this generation of the store by this code."""
    for name in OUTPUT_FILES:
        record = records.get(name)
        if record is None or (record["generation"], record["code"]) != (generation, code):
            return False
        try:
            stat = (out_dir / name).stat()
        except OSError:
            return False
        if (stat.st_size, stat.st_mtime_ns) != (record["size"], record["mtime_ns"]):
            return False
    return True


def _file_facts(path: Path, record: dict | None) -> tuple[str, int, int]:
    """(sha256, size, mtime_ns) of an output file; its recorded hash is trusted while size and time agree."""
    stat = path.stat()
    if record and (record["size"], record["mtime_ns"]) == (stat.st_size, stat.st_mtime_ns):
        return record["sha256"], stat.st_size, stat.st_mtime_ns
    return file_sha256(path) or "", stat.st_size, stat.st_mtime_ns


def _current_sha256(path: Path, record: dict | None) -> str | None:
    try:
        return _file_facts(path, record)[0]
    except FileNotFoundError:
        return None


def _stage_outputs(ws: Workspace, records: dict[str, dict]) -> list[tuple[str, Path]]:
    """Every output file written to a temporary file beside it, from the store a row at a time; returns
    those whose content differs from the file they replace (the others are removed)."""
    files = {name: StagedFile(ws.out_dir / name) for name in OUTPUT_FILES}
    try:
        writers = {
            table.name: csv.writer(files[f"{table.name}.csv"], lineterminator="\n") for table in STATEMENT_TABLES
        }
        for table in STATEMENT_TABLES:
            writers[table.name].writerow([column.name for column in table.columns])
        for row in ws.store.iter_statement_rows():
            tables = statement_table_rows(row)
            for table in STATEMENT_TABLES:
                writers[table.name].writerows(csv_row(table, item) for item in tables[table.name])
            files["statements.jsonl"].write(jsonl_line(tables["statements"][0]))
        launches = csv.writer(files["launches.csv"], lineterminator="\n")
        launches.writerow([column.name for column in LAUNCHES.columns])
        for row in ws.store.iter_events("launch"):
            event = row_to_event(row)
            launches.writerow(csv_row(LAUNCHES, launch_row(event)))
            files["launches.jsonl"].write(jsonl_line(event_record(event)))
        db = ws.store.db
        newest_first = (
            (StoredEvent(event, row["first_seen_at"], row["updated_at"]), statements_for(db, event))
            for row in ws.store.iter_events("newest")
            for event in [row_to_event(row)]
        )
        write_atom(files["launches.atom"], newest_first, _statements_newest_first(db), created_at(db))
        files["datapackage.json"].write(render_datapackage(sources=[module.INFO for module in crawlers().values()]))
        files["README.md"].write(render_readme())
    except BaseException:
        for file in files.values():
            file.discard()
        raise
    staged = []
    for name, file in files.items():
        try:
            if file.close(_current_sha256(file.path, records.get(name))):
                staged.append((file.tmp, file.path))
        except OutputError:
            for tmp, _ in staged:
                Path(tmp).unlink(missing_ok=True)
            for other in files.values():
                other.discard()
            raise
    return staged


def _statements_newest_first(db: sqlite3.Connection) -> Iterator[dict]:
    """The Atom feed's entries before any launch event (read only then)."""
    yield from reversed(list(load_catalog(db).statements.values()))


def _stage_text(path: Path, text: str) -> tuple[str, Path]:
    file = StagedFile(path)
    file.write(text)
    file.close(None)
    return file.tmp, path
