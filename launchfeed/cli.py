"""The `launchfeed` command."""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Callable, Collection, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from importlib.metadata import version
from pathlib import Path
from typing import TYPE_CHECKING

from launchfeed.config import NOTICE_FORMATS, Config, ConfigError, load_config
from launchfeed.output.store import NoStore

if TYPE_CHECKING:  # the stages load when a command needs them: `launchfeed --help` and query stay quick
    from launchfeed.collect import CollectSummary, SourceState, Workspace
    from launchfeed.notify import SinkOutcome

EXIT_OK, EXIT_SOURCE_FAILED, EXIT_USAGE, EXIT_BUSY = 0, 1, 2, 75
# where the files and the store live unless --data-dir says: beside where it runs, never inside the code
DEFAULT_DATA_DIR = Path("launchfeed-data")
# `launchfeed demo` writes here by default: never into the data directory a collect would use
DEMO_DIR = Path("launchfeed-demo")
# the default before it: a directory of that name holding a store is an earlier version's data
EARLIER_DEFAULT_DATA_DIR = Path("output")
# where `launchfeed backfill` starts unless --since says: the record the researchers ask for
BACKFILL_SINCE = date(2016, 1, 1)


class UsageError(Exception):
    """What was asked cannot be done as asked (exit code 2); the message says what to give instead."""


def option(
    parser: argparse.ArgumentParser, *flags: str, example: str | list[str], **settings: object
) -> argparse.Action:
    """``parser.add_argument(*flags, **settings)`` for an argument that takes a value, with an example
    of it in use: a value, or the whole argv it needs (``--base-url`` goes with one ``--source``).
    tests/test_cli_options.py runs every option of every command with its example (flags and
    choices need none), so an option added later is run without editing the test."""
    action = parser.add_argument(*flags, **settings)  # type: ignore[arg-type]
    if isinstance(example, str):  # a value: after its flag, or alone for a positional argument
        example = [flags[0], example] if flags[0].startswith("-") else [example]
    action.example = example  # type: ignore[attr-defined]
    return action


def _workspace_args(parser: argparse.ArgumentParser) -> None:
    option(parser, "--data-dir", "--out", dest="data_dir", type=Path, metavar="DIR",
           help=f"the data directory: the output files, the store and its archive (default: "
           f"./{DEFAULT_DATA_DIR}; --out is the same option, kept for existing crontabs)",
           example="launchfeed-data")  # fmt: skip
    option(parser, "--db", type=Path, metavar="PATH", help="the SQLite store (default: DIR/launchfeed.sqlite)",
           example="launchfeed-data/launchfeed.sqlite")  # fmt: skip


def data_dir(args: argparse.Namespace) -> Path:
    """The data directory given, else the default; an earlier version's data left in ./output (its
    default) is never silently forked into a new directory."""
    if args.data_dir is not None:
        return args.data_dir
    earlier = EARLIER_DEFAULT_DATA_DIR / "launchfeed.sqlite"
    if earlier.is_file() and not DEFAULT_DATA_DIR.exists():
        raise UsageError(
            f"the default data directory is now ./{DEFAULT_DATA_DIR}, and ./{earlier} is an earlier version's "
            f"store: give --data-dir {EARLIER_DEFAULT_DATA_DIR} to go on using it, or move its launchfeed.sqlite "
            f"and archive/ into ./{DEFAULT_DATA_DIR}"
        )
    return DEFAULT_DATA_DIR


def _period(args: argparse.Namespace) -> tuple[date | None, date | None]:
    """--since and --until as dates: YYYY-MM-DD, or YYYY-MM / YYYY for the first (--since) or last
    (--until) day of that month or year; --since after --until is an error, not an empty answer."""
    from launchfeed.output.query import QueryError, parse_day

    bounds = []
    for option, text, end in (("--since", args.since, False), ("--until", args.until, True)):
        try:
            bounds.append(parse_day(text, end=end) if text else None)
        except QueryError as exc:
            raise UsageError(f"{option}: {exc}") from exc
    since, until = bounds
    if since and until and since > until:
        raise UsageError(f"--since {args.since} is after --until {args.until}: no date is in between")
    return since, until


def _store_path(args: argparse.Namespace) -> Path:
    return args.db or data_dir(args) / "launchfeed.sqlite"


def cmd_collect(args: argparse.Namespace) -> int:
    from launchfeed.sources import crawlers

    known = crawlers()
    unknown = [s for s in args.source or [] if s not in known]
    if unknown:
        print(f"launchfeed: unknown source {', '.join(unknown)}; known: {', '.join(known)}", file=sys.stderr)
        return EXIT_USAGE
    if args.base_url and len(args.source or []) != 1:
        print("launchfeed: --base-url needs exactly one --source", file=sys.stderr)
        return EXIT_USAGE
    config = load_config(args.config, crawlers())
    with _workspace(args) as ws:
        run = _collect_run(args, ws, config, args.source or list(known))
    _say_collected(args, ws, run)
    return EXIT_OK if run.ok else EXIT_SOURCE_FAILED


@dataclass
class CollectRun:
    """A collect run, and what it has to say."""

    summary: CollectSummary
    news: list[str]  # a line per new or revised statement and launch event, and per notice sent
    said: list[SourceState]  # the sources whose state is said (each failing one, or only the changes with -q)
    notified: list[SinkOutcome]

    @property
    def ok(self) -> bool:
        return self.summary.ok and not any(outcome.error for outcome in self.notified)


def _collect_run(args: argparse.Namespace, ws: Workspace, config: Config, sources: list[str]) -> CollectRun:
    """Collect into the workspace (holding its lock) and record the run."""
    from launchfeed.collect import collect, source_states
    from launchfeed.notify import configured_sinks, queue_run, send_queued
    from launchfeed.output.changes import Since, describe, select_changes
    from launchfeed.progress import ProgressBar

    run_id = ws.store.begin_run("collect")
    progress = ProgressBar()  # on a terminal only: cron mail and log files stay clean
    try:
        summary = collect(
            ws, sources, config=config, requested=bool(args.source), base_url=args.base_url, delay=args.delay,
            options={"probe_recent": args.probe_recent}, progress=progress, report=args.report,
        )  # fmt: skip
    finally:
        progress.clear()
    states = source_states(ws.store, summary.results, timedelta(hours=args.still_failing_after))
    # quiet: a failing source is news when it starts failing, after each reminder interval, and when it recovers
    said = [s for s in states if s.change or (s.failure and not args.quiet)]
    for state in said:
        ws.store.record_source_alert(state.source, state.change or "failed")
    sinks = configured_sinks(config, args.notify or [], args.notify_format)
    queue_run(ws.store, sinks, run_id)
    notified = send_queued(ws.store, sinks, config.user_agent)
    news = [line for run in describe(select_changes(ws.store.db, Since(run_id=run_id))) for line in run.lines]
    run = CollectRun(summary, news, said, notified)
    ws.store.finish_run("ok" if run.ok else "failed", {"new_reports": summary.new_reports,
                        "written": summary.written, "output_error": summary.output_error,
                        "notified": sum(outcome.sent for outcome in notified)})  # fmt: skip
    return run


def _say_collected(args: argparse.Namespace, ws: Workspace, run: CollectRun) -> None:
    """What is new on stdout, what is wrong on stderr, one line each; with -q nothing when nothing is new."""
    summary = run.summary
    said = {state.source: state for state in run.said}
    for result in summary.results:
        state = said.get(result.source)
        if result in summary.refused:  # asked for by name: say why it did not run
            print(f"launchfeed: {result.source} not run: disabled ({result.disabled})", file=sys.stderr)
        elif result.disabled and args.verbose:
            print(f"{result.source}: disabled ({result.disabled})")
        elif state and state.failure:  # one line per failing source, whatever the error looked like
            how = f"still failing since {state.since}" if state.change == "still failing" else "failed"
            print(f"launchfeed: {result.source} {how}: {' '.join(state.failure.split())}", file=sys.stderr)
        elif state:
            print(f"{result.source} recovered: it works again after failing since {state.since}")
        if args.verbose and not result.disabled and not result.failure:
            s = result.stats
            print(f"{result.source}: {s.fetched} fetched, {s.not_modified} not modified, {s.new_documents} new, "
                  f"{s.revised_documents} revised, {sum(s.problems.values())} item problems")  # fmt: skip
        for problem in result.stats.new_item_problems:  # said once, the run it starts; retried later
            print(f"launchfeed: {result.source}: item skipped: {' '.join(problem.split())}", file=sys.stderr)
        for message in result.stats.messages if (args.verbose and not result.failure) else []:
            print(f"  {message.splitlines()[0]}")
    for failure in summary.extraction_failures:
        print(f"launchfeed: {' '.join(failure.split())}", file=sys.stderr)
    if summary.output_error:
        print(f"launchfeed: {summary.output_error}; what this run collected is kept in the store "
              f"{ws.store.path} and the next run writes the files", file=sys.stderr)  # fmt: skip
    for outcome in run.notified:
        if outcome.error:
            waits = f"{outcome.waiting} notice{'s wait' if outcome.waiting != 1 else ' waits'} for the next run"
            print(f"launchfeed: notify {outcome.sink.name} failed: {' '.join(outcome.error.split())}; {waits}",
                  file=sys.stderr)  # fmt: skip
    for line in run.news:
        print(line)
    if args.quiet:
        return
    ran = [r for r in summary.results if not r.disabled]
    if summary.new_documents or summary.new_reports or summary.changed_reports or summary.written:
        count = len(summary.written)
        written = ", ".join(summary.written) if args.verbose else f"{count} file{'s' if count != 1 else ''}"
        print(
            f"{summary.new_documents} new or revised documents, {summary.new_reports} new statements, "
            f"{summary.changed_reports} revised; wrote {written if summary.written else 'nothing'} in {ws.out_dir}"
        )
    else:
        print(f"nothing new from {len(ran)} source{'s' if len(ran) != 1 else ''}; no files written")


def cmd_extract(args: argparse.Namespace) -> int:
    """One text (FILE, -, or standard input when it is piped) or a JSON Lines batch, read by the
    extractor and shown in the chosen format; a bad batch line becomes an error object for that line."""
    from launchfeed.extract import UnknownSource
    from launchfeed.sources import extractor

    show = EXTRACT_FORMATS[args.format]
    if args.jsonl:
        return _extract_batch(args.jsonl, show)
    text = _extract_text(args)
    try:
        if args.explain:
            from launchfeed.extract.explain import render

            print(render(extractor().explain(text, lang=args.lang, published=args.published, source=args.source)))
            return EXIT_OK
        report = extractor().extract(text, lang=args.lang, published=args.published, source=args.source)
    except UnknownSource as exc:
        raise UsageError(str(exc)) from exc
    _print(show(_extract_view(report)))
    return EXIT_OK


def _extract_text(args: argparse.Namespace) -> str:
    if args.file is None and sys.stdin.isatty():
        raise UsageError("give a FILE, - for standard input (or pipe the text in), or --jsonl FILE")
    if args.file is None or str(args.file) == "-":
        return sys.stdin.read()
    try:
        return args.file.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise UsageError(f"cannot read {args.file}: {exc}") from exc


def _extract_batch(path: Path, show: Callable[[dict], str]) -> int:
    """Each line an object with text (and id, lang, published, source); the good lines go to the
    extractor as one batch, each bad one gets an error object in its place. Exit 1 when any was bad."""
    from launchfeed.sources import extractor

    try:
        handle = sys.stdin if str(path) == "-" else open(path, encoding="utf-8")
        with handle:
            lines = list(handle)
    except (OSError, UnicodeDecodeError) as exc:
        raise UsageError(f"cannot read {path}: {exc}") from exc
    declared = extractor().sources
    entries: list[tuple[int, object, dict | str]] = []  # line number, id, the item or what is wrong with it
    for number, line in enumerate(lines, start=1):
        if line.strip():
            item, problem = _batch_item(line, declared)
            entries.append((number, item.get("id") if item else None, problem or item))
    items = [entry for _, _, entry in entries if isinstance(entry, dict)]
    reports = iter(extractor().batch(items))
    for number, item_id, entry in entries:
        if isinstance(entry, dict):
            _print(show({"id": item_id, **_extract_view(next(reports))}))
        else:
            _print(show({"id": item_id, "error": f"{path}:{number}: {entry}"}))
    return EXIT_SOURCE_FAILED if any(isinstance(entry, str) for _, _, entry in entries) else EXIT_OK


def _batch_item(line: str, declared: Collection[str]) -> tuple[dict | None, str | None]:
    """A batch line as the extractor's item, or what is wrong with it."""
    try:
        item = json.loads(line)
    except json.JSONDecodeError as exc:
        return None, f"not JSON ({exc})"
    if not isinstance(item, dict):
        return None, f"not a JSON object but {type(item).__name__}"
    if not isinstance(item.get("text"), str):
        return item, "no text (a string)"
    if item.get("lang") not in (None, *LANGUAGES):
        return item, f"lang {item['lang']!r} is none of {', '.join(LANGUAGES)}"
    if item.get("source") is not None and str(item["source"]).lower() not in declared:
        return item, f"unknown source {item['source']!r} (declared: {', '.join(sorted(declared))})"
    try:
        if item.get("published") is not None:
            published_date(str(item["published"]))
    except argparse.ArgumentTypeError as exc:
        return item, f"published: {exc}"
    source = item.get("source")
    return {**item, "source": str(source).lower() if source is not None else None}, None


LANGUAGES = ("ja", "ko", "en")


def http_url(text: str) -> str:
    if not text.lower().startswith(("http://", "https://")):
        raise argparse.ArgumentTypeError(f"{text!r} is not an http(s) URL")
    return text


def published_date(text: str) -> str:
    """--published: a real date or date and time (ISO 8601), given back as it was written."""
    try:
        datetime.fromisoformat(text.strip().replace("Z", "+00:00"))
    except ValueError:
        raise argparse.ArgumentTypeError(
            f"{text!r} is not a date (YYYY-MM-DD) or a date and time (YYYY-MM-DDTHH:MM[+HH:MM])"
        ) from None
    return text.strip()


def _extract_view(report) -> dict:
    view = report.to_dict()
    for key in ("document_id",):
        view.pop(key, None)
    return view


def _extract_json(view: dict) -> str:
    # a batch prints one line per text; one text, indented for reading
    return json.dumps(view, ensure_ascii=False, indent=None if "id" in view else 2) + "\n"


def _extract_table(view: dict) -> str:
    """field, value, and the words of the text each value was read from, one line per stated field."""
    from launchfeed.output.query import render_table
    from launchfeed.output.tables import Column, Table
    from launchfeed.output.writers import format_number

    def shown(value: object) -> str:
        if isinstance(value, list):
            return ";".join(shown(v) for v in value)
        if isinstance(value, dict):
            return ", ".join(f"{k} {shown(v)}" for k, v in value.items() if v not in (None, []) and k != "index")
        if isinstance(value, bool):
            return "true" if value else "false"
        return format_number(value) if isinstance(value, int | float) else str(value)

    evidence: dict[str, list[str]] = {}
    for item in view.get("evidence", []):
        evidence.setdefault(item["field"], []).append(item["text"])
    rows = []
    for name, value in view.items():
        if name == "evidence" or value is None or value == []:
            continue
        if name in ("missiles", "claims"):
            for item in value:
                label = f"missile {item['index']}" if name == "missiles" else f"claim of {item['authority']}"
                rows.append({"field": label, "value": shown({k: v for k, v in item.items() if k != "authority"})})
        else:
            rows.append({"field": name, "value": shown(value), "evidence": " | ".join(evidence.get(name, []))})
    table = Table("fields", "", tuple(Column(n, "string", n) for n in ("field", "value", "evidence")), ())
    return render_table(table, rows, max_width=60) + "\n"


EXTRACT_FORMATS: dict[str, Callable[[dict], str]] = {"json": _extract_json, "table": _extract_table}


def cmd_demo(args: argparse.Namespace) -> int:
    from launchfeed.demo import NotEmpty, write_demo

    try:
        ws = write_demo(args.directory)
    except NotEmpty as exc:
        raise UsageError(str(exc)) from exc
    statements, events = len(ws.store.statements()), len(ws.store.events())
    ws.store.close()  # closed now, not whenever the garbage collector gets to it (a close writes the WAL back)
    where = f" --data-dir {args.directory}"
    print(f"wrote the demo data set to {args.directory}: {statements} statements on {events} launch events "
          f"(invented), every output file and report.html; try\n"
          f"  launchfeed query launches{where} --table\n"
          f"  launchfeed query statements{where} --authority kcna --jsonl\n"
          f"  launchfeed changes{where}")  # fmt: skip
    return EXIT_OK


def cmd_crosscheck(args: argparse.Namespace) -> int:
    from launchfeed.output import crosscheck
    from launchfeed.output.events import current_events
    from launchfeed.output.store import Store
    from launchfeed.sources import authorities

    since, until = _period(args)
    store = Store(_store_path(args), readonly=True)
    beside = args.reference.parent / crosscheck.FACILITIES_FILE
    try:
        references = crosscheck.load_reference(args.reference)
        facilities_file = args.facilities or (beside if beside.exists() else None)
        facilities = crosscheck.load_facilities(facilities_file) if facilities_file else {}
    except crosscheck.ReferenceError as exc:
        print(f"launchfeed: {exc}", file=sys.stderr)
        return EXIT_USAGE
    events = current_events(store, authorities())
    if not events:
        print(f"launchfeed: {store.path} holds no launch events yet; run launchfeed collect first", file=sys.stderr)
        return EXIT_SOURCE_FAILED
    result = crosscheck.compare(
        events, references, reference_name=args.reference.name, since=since, until=until, facilities=facilities
    )
    if args.json:
        print(json.dumps(crosscheck.result_json(result), ensure_ascii=False, indent=2))
    else:
        print(crosscheck.render_summary(result), end="")
    differ = any(match.differences for match in result.matched)
    return EXIT_SOURCE_FAILED if args.fail_on_diff and differ else EXIT_OK


def cmd_sources(args: argparse.Namespace) -> int:
    from launchfeed.collect import availability
    from launchfeed.output.store import Store
    from launchfeed.sources import crawlers

    config = load_config(args.config, crawlers())
    try:  # read only: a store that is not there yet means no source has run
        last = Store(_store_path(args), readonly=True).last_source_runs()
    except NoStore:
        last = {}
    rows = []
    for source_id, module in crawlers().items():
        info = module.INFO
        reason = availability(info, config, requested=False)
        run = last.get(source_id)
        if reason:
            state = "disabled: " + reason
        elif run is None:
            state = "never run"
        else:
            problems = ", ".join(f"{k} x{v}" for k, v in json.loads(run["problems"] or "{}").items())
            if not run["ok"]:
                state = "failing: " + problems
            else:  # the source works; some items of its last run could not be read
                state = f"ok (items skipped: {problems})" if problems else "ok"
        rows.append(
            {
                "source": source_id,
                "publisher": info.publisher,
                "languages": ",".join(info.languages),
                "status": state,
                "last_run": (run or {}).get("finished_at") or "",
                "last_success": (run or {}).get("last_success") or "",
                "fetched": (run or {}).get("fetched", ""),
                "not_modified": (run or {}).get("not_modified", ""),
                "new_documents": (run or {}).get("new_documents", ""),
                "cadence": info.cadence,
            }
        )
    if args.json:
        for row in rows:
            print(json.dumps(row, ensure_ascii=False))
        return EXIT_OK
    for row in rows:
        print(f"{row['source']:<10} {row['status']}")
        print(f"{'':<10} {row['publisher']} [{row['languages']}]; {row['cadence']}")
        if row["last_run"]:
            print(
                f"{'':<10} last run {row['last_run']}: {row['fetched']} fetched, {row['not_modified']} not modified, "
                f"{row['new_documents']} new; last success {row['last_success'] or 'never'}"
            )
    return EXIT_OK


def _print(text: str) -> None:
    """Write to stdout; a reader that stopped early (| head) is not an error."""
    try:
        sys.stdout.write(text)
        sys.stdout.flush()
    except BrokenPipeError:
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())


def cmd_query(args: argparse.Namespace) -> int:
    from launchfeed.contracts import AUTHORITIES, MISSILE_CLASSES
    from launchfeed.output import query
    from launchfeed.output.store import connect_readonly
    from launchfeed.sources import declarations

    fmt = "jsonl" if args.jsonl else "table" if args.table else "csv"
    queryable = query.QUERYABLES[args.what]
    try:
        db = connect_readonly(_store_path(args))
        since, until = _period(args)
        filters = query.Filters(
            since=since,
            until=until,
            authorities=query.split_values(args.authority, AUTHORITIES, "authority"),
            sources=query.check_sources(db, query.split_values(args.source, None, "source"), declarations),
            classes=query.split_values(args.missile_class, MISSILE_CLASSES, "missile class"),
            disagrees=query.split_values(args.disagrees, query.FLAGS, "disagreement flag"),
            text=args.text or None,
            limit=args.limit,
        )
        names = query.split_values([args.columns] if args.columns else None, None, "column")
        table = query.pick_columns(queryable.table, list(names or (queryable.table_columns if fmt == "table" else ())))
        rows = query.run_query(db, args.what, filters)
    except query.QueryError as exc:
        print(f"launchfeed: {exc}", file=sys.stderr)
        return EXIT_USAGE
    if fmt == "table" and not rows:
        print(f"no {args.what} match", file=sys.stderr)
        return EXIT_OK
    _print(query.render(table, rows, fmt))
    return EXIT_OK


def cmd_changes(args: argparse.Namespace) -> int:
    from launchfeed.output import changes
    from launchfeed.output.store import connect_readonly

    try:
        db = connect_readonly(_store_path(args))
        since = changes.parse_since(args.since) if args.since else None
        found = changes.select_changes(db, since)
    except changes.ChangesError as exc:
        print(f"launchfeed: {exc}", file=sys.stderr)
        return EXIT_USAGE
    if args.json:
        _print(changes.render_jsonl(found))
    elif not found:
        print(f"no changes since {args.since}" if args.since else "no changes recorded yet")
    else:
        _print(changes.render_text(found))
    return EXIT_OK


def cmd_rebuild(args: argparse.Namespace) -> int:
    from launchfeed.progress import ProgressBar
    from launchfeed.rebuild import rebuild

    if not _store_path(args).is_file():
        print(f"launchfeed: no store at {_store_path(args)}: nothing to rebuild", file=sys.stderr)
        return EXIT_USAGE
    progress = ProgressBar()
    with _workspace(args) as ws:
        ws.store.begin_run("rebuild")
        try:
            summary = rebuild(ws, progress)
        finally:
            progress.clear()
        ws.store.finish_run("failed" if summary.problems else "ok", {
            "reparsed": summary.reparsed, "values_changed": summary.values_changed,
            "event_values_changed": summary.event_values_changed, "written": summary.written})  # fmt: skip
    for problem in summary.problems:
        print(f"launchfeed: {problem}", file=sys.stderr)
    s = summary
    print(f"re-parsed {s.documents} archived documents: {s.reparsed} changed (text or date), "
          f"{len(s.problems)} kept as stored")  # fmt: skip
    print(f"re-extracted them: {s.new_statements} new statements, {s.changed_statements} revised, "
          f"{s.withdrawn_statements} withdrawn; {s.values_changed} statement values changed")  # fmt: skip
    print(f"launch events: {s.new_events} new, {s.changed_events} revised, {s.gone_events} merged or withdrawn; "
          f"{s.event_values_changed} launch values changed")  # fmt: skip
    print(f"wrote {', '.join(s.written)} in {ws.out_dir}" if s.written else "no output file changed")
    return EXIT_SOURCE_FAILED if summary.problems else EXIT_OK


def cmd_backfill(args: argparse.Namespace) -> int:
    from launchfeed.backfill import SOURCES, backfill, site_context
    from launchfeed.collect import availability
    from launchfeed.progress import ProgressBar
    from launchfeed.scrapers.history import PLANS
    from launchfeed.scrapers.walks import WALKS
    from launchfeed.scrapers.wayback import ARCHIVE_INTERVAL, DEFAULT_WAYBACK, PAGE_SIZE, Wayback
    from launchfeed.sources import crawlers

    since, until = _period(args)
    since, until = since or BACKFILL_SINCE, until or datetime.now(UTC).date()
    unknown = [s for s in args.source or [] if s not in SOURCES]
    if unknown:
        raise UsageError(f"no archive plan for {', '.join(unknown)}; backfill knows {', '.join(SOURCES)}")
    if args.base_url and (len(args.source or []) != 1 or args.source[0] not in WALKS):
        raise UsageError(f"--base-url needs exactly one --source of those read from their own site: {', '.join(WALKS)}")
    config = load_config(args.config, crawlers())
    # like collect, a source the config turns off runs only when named
    sources = [s for s in dict.fromkeys(args.source or SOURCES) if args.source or config.enabled(s) is not False]
    for source in [s for s in sources if s in WALKS]:
        # a geo-blocked site needs its proxy (or a mirror): named, that is an error; else it is left out, said
        reason = availability(crawlers()[source].INFO, config, True, args.base_url)
        if reason and args.source:
            raise UsageError(f"cannot backfill {source}: {reason}; or point base_url in [sources.{source}] (or "
                             "--base-url) at a mirror")  # fmt: skip
        if reason:
            print(f"launchfeed: backfill: {source} not run: {reason}", file=sys.stderr)
            sources.remove(source)
    progress = ProgressBar()  # on a terminal only
    with _workspace(args) as ws:
        try:
            wayback = Wayback(
                args.wayback or DEFAULT_WAYBACK, ws.archive, ws.store,
                interval=ARCHIVE_INTERVAL if args.delay is None else args.delay,
                page_size=args.cdx_limit or PAGE_SIZE, user_agent=config.user_agent,
            )  # fmt: skip
        except ValueError as exc:
            raise UsageError(str(exc)) from exc
        sites = {s: site_context(ws, s, config=config, base_url=args.base_url, delay=args.delay)
                 for s in sources if s in WALKS}  # fmt: skip
        ws.store.begin_run("backfill")
        try:
            summary = backfill(ws, sources, since=since, until=until, wayback=wayback, sites=sites,
                               budget=args.budget or None, progress=progress)  # fmt: skip
        finally:
            progress.clear()
        totals = {"new_reports": summary.new_reports, "written": summary.written, "stopped": summary.stopped,
                  "failed": summary.failed}  # fmt: skip
        ws.store.finish_run("ok" if summary.complete else "failed", totals)
    for source, tally in summary.tallies.items():
        for skipped in tally.skips:  # said once: a skipped capture is never asked for again
            what = "capture" if source in PLANS else "page"
            print(f"launchfeed: backfill: {source}: {what} skipped: {skipped}", file=sys.stderr)
        listed = "captures listed" if source in PLANS else "releases listed"
        print(f"{source}: {tally.listed} {listed}, {tally.fetched} fetched, {tally.kept} kept, "
              f"{tally.skipped} skipped, {tally.unwanted} on other subjects")  # fmt: skip
    for source, failure in summary.failed.items():
        print(f"launchfeed: backfill: {source} stopped: {failure}", file=sys.stderr)
    for warning in summary.warnings:
        print(f"launchfeed: backfill: {warning}", file=sys.stderr)
    for failure in summary.extraction_failures:
        print(f"launchfeed: {' '.join(failure.split())}", file=sys.stderr)
    if summary.output_error:
        print(f"launchfeed: {summary.output_error}; the next run writes the files", file=sys.stderr)
    if summary.stopped:
        print(f"launchfeed: backfill stopped: {summary.stopped}", file=sys.stderr)
    written = f"wrote {len(summary.written)} files in {ws.out_dir}" if summary.written else "no file changed"
    print(f"{summary.new_reports} new statements, {summary.changed_reports} revised; {written}")
    return EXIT_OK if summary.complete else EXIT_SOURCE_FAILED


def cmd_report(args: argparse.Namespace) -> int:
    from launchfeed.output.catalog import load_catalog
    from launchfeed.output.report import REPORT_FILE, render_report
    from launchfeed.output.store import connect_readonly
    from launchfeed.output.writers import OutputError, atomic_write
    from launchfeed.sources import place_names

    try:
        target = args.output or data_dir(args) / REPORT_FILE
        catalog = load_catalog(connect_readonly(_store_path(args)))
        atomic_write(target, render_report(catalog, places=place_names()))
    except OutputError as exc:
        print(f"launchfeed: {exc}", file=sys.stderr)
        return EXIT_SOURCE_FAILED
    print(f"wrote {target}: {len(catalog.events)} launch events, {len(catalog.statements)} statements")
    return EXIT_OK


def _add_collect(commands: argparse._SubParsersAction) -> None:
    collect = commands.add_parser(
        "collect",
        help="fetch new statements, extract them, write the output files",
        description="Fetch every enabled source (or those given), store new documents, extract their statements "
        "and write the output files. Quiet when nothing changed; exits 1 naming each failing source, "
        "75 when another run holds the lock.",
    )
    option(collect, "--source", action="append", type=str.lower, metavar="ID",
           help="run only this source (repeatable)", example="indopacom")  # fmt: skip
    option(collect, "--base-url", metavar="URL", help="with one --source: fetch its paths from this host",
           example=["--source", "indopacom", "--base-url", "http://127.0.0.1:9", "--delay", "0"])  # fmt: skip
    option(collect, "--delay", type=float, metavar="SECONDS", help="seconds between requests to one host "
           "(default: each source's own polite spacing)", example="0")  # fmt: skip
    collect.add_argument("--probe-recent", action="store_true", help="mod_jp: also try the release PDF names a..l "
                         "of the last three days in Japan (the feeds can lag them by two days); a missing name is "
                         "tried again an hour later at the earliest")  # fmt: skip
    output = collect.add_mutually_exclusive_group()
    output.add_argument("-q", "--quiet", action="store_true", help="for cron: print nothing when nothing is new; "
                        "a failing source is said when it starts failing, every --still-failing-after hours while it "
                        "fails, and when it recovers (the exit code says it on every run)")  # fmt: skip
    output.add_argument("-v", "--verbose", action="store_true", help="print a line per source")
    collect.add_argument("--report", action="store_true", help="also write report.html (as launchfeed report "
                         "does), when the other files changed or it is not there yet")  # fmt: skip
    option(collect, "--notify", action="append", type=http_url, metavar="URL", help="also POST a notice of "
           "each new launch event and revised value to this webhook (repeatable; see [notify] in "
           "launchfeed.toml for named sinks and commands); a notice is sent until a 2xx comes "
           "back", example="http://127.0.0.1:9/hook")  # fmt: skip
    collect.add_argument("--notify-format", choices=NOTICE_FORMATS, default="json", help="what --notify URLs take: "
                         "json (the event's row, its statements' URLs, what changed; default), slack (text), discord "
                         "(content), ntfy (plain text)")  # fmt: skip
    option(collect, "--still-failing-after", type=float, default=24.0, metavar="HOURS", help="with -q: say again "
           "that a source is still failing once this many hours have passed (default: 24)",
           example="12")  # fmt: skip
    _workspace_args(collect)
    collect.set_defaults(handler=cmd_collect)


def _add_extract(commands: argparse._SubParsersAction) -> None:
    extract = commands.add_parser(
        "extract",
        help="extract the fields of one text (or a JSON Lines batch) as JSON or a table",
        description="Read a statement and print what it says, with evidence: as JSON, or a table of field, value "
        "and evidence. A batch (--jsonl) prints one result per line in order; a line that cannot be read gets an "
        'error object ({"id", "error"}) and the others are read (exit 1 at the end).',
    )
    option(extract, "file", nargs="?", type=Path, help="text file, or - for standard input (read anyway "
           "when the text is piped in)", example="statement.txt")  # fmt: skip
    option(extract, "--jsonl", type=Path, metavar="FILE", help="batch: one JSON object per line "
           "(id, text, lang, published, source); prints one line per input",
           example="statements.jsonl")  # fmt: skip
    extract.add_argument("--lang", choices=LANGUAGES, help="language (default: detected)")
    option(extract, "--published", type=published_date, metavar="DATE", help="publication date that 'today' "
           "refers to (YYYY-MM-DD, or a date and time)", example="2026-12-01")  # fmt: skip
    extract.add_argument("--format", choices=tuple(EXTRACT_FORMATS), default="json", help="json: every field "
                         "with its evidence (default); table: field, value and the words it was read from, a line "
                         "each")  # fmt: skip
    option(extract, "--source", type=str.lower, metavar="ID",
           help="source id; sets the authority (e.g. mod_jp, jcs_kr)", example="jcs_kr")  # fmt: skip
    extract.add_argument("--explain", action="store_true", help="print, per field, the candidates found (words, "
                         "span, rule), the one taken and why the others lost, instead of the JSON")  # fmt: skip
    extract.set_defaults(handler=cmd_extract)


def _add_demo(commands: argparse._SubParsersAction) -> None:
    demo = commands.add_parser(
        "demo",
        help="write the demo data set (invented launches) to try query, report and the files offline",
        description="Write a data directory holding the demo data set: 18 invented statements by Japan MOD, ROK "
        "JCS, INDOPACOM and KCNA on 7 launches of 2025-2026, with their disagreements and revisions, as "
        "launchfeed collect would leave them (every output file, the store, report.html). Nothing is fetched.",
    )
    option(demo, "directory", nargs="?", type=Path, default=DEMO_DIR, metavar="DIR",
           help=f"where to write it (default: ./{DEMO_DIR}); it must not hold a store",
           example="demo-copy")  # fmt: skip
    demo.set_defaults(handler=cmd_demo)


def _add_crosscheck(commands: argparse._SubParsersAction) -> None:
    cross = commands.add_parser(
        "crosscheck",
        help="compare the launch events with a reference list of launches",
        description="Compare the launch events with a reference list in the layout of the CNS-based "
        "nk_missile_tests.json (timeBins[].data[], one row per missile, UTC dates and times, series within a "
        "salvo) and print matched launches, launches missing on each side and differences in count, range, "
        "apogee, time and site. Reference launches outside the period compared (by default the first to the "
        "last day of the events) are not counted. Exits 2 when the reference cannot be read; with --fail-on-diff, 1 "
        "when values differ.",
    )
    option(cross, "reference", type=Path, help="reference file (nk_missile_tests.json layout)",
           example="nk_missile_tests.json")  # fmt: skip
    option(cross, "--facilities", type=Path, metavar="FILE", help="facility coordinates "
           "(nk_missile_facilities.json layout) for comparing sites by distance; default: that file "
           "beside the reference, when present", example="nk_missile_facilities.json")  # fmt: skip
    option(cross, "--since", metavar="DATE", help="compare launches from this date, in UTC as the reference "
           "dates them (YYYY-MM-DD, or YYYY-MM / YYYY from its first day)", example="2025-03")  # fmt: skip
    option(cross, "--until", metavar="DATE", help="compare launches up to this date, in UTC (YYYY-MM-DD, or "
           "YYYY-MM / YYYY to its last day)", example="2026")  # fmt: skip
    cross.add_argument("--json", action="store_true", help="the full comparison as one JSON object")
    cross.add_argument("--fail-on-diff", action="store_true", help="exit 1 when a matched launch differs in a "
                       "value (count, range, apogee, time, site), for scripts")  # fmt: skip
    _workspace_args(cross)
    cross.set_defaults(handler=cmd_crosscheck)


def _add_sources(commands: argparse._SubParsersAction) -> None:
    sources = commands.add_parser("sources", help="list the sources, their state and their last run",
                                  description="List every source with its status (ok, failing, disabled and why), "
                                  "its last run and its last success.")  # fmt: skip
    sources.add_argument("--json", action="store_true", help="one JSON object per source")
    _workspace_args(sources)
    sources.set_defaults(handler=cmd_sources)


def _add_query(commands: argparse._SubParsersAction) -> None:
    query = commands.add_parser(
        "query",
        help="filter statements or launch events from the store; CSV, JSON Lines or a table",
        description="Print the statements (one per published document) or launch events that match every filter "
        "given, in launch order, as CSV with a header (default), JSON Lines or an aligned table. Values "
        "of a repeated or comma-separated filter are alternatives. Columns and conventions: output/README.md.",
    )
    query.add_argument("what", choices=("statements", "launches"), help="rows to print")
    option(query, "--since", metavar="DATE", help="launches on or after this date, at the launch site (the "
           "launch_date_local column; YYYY-MM-DD, or YYYY-MM / YYYY from its first day)",
           example="2025-03")  # fmt: skip
    option(query, "--until", metavar="DATE", help="launches on or before this date, at the launch site "
           "(YYYY-MM-DD, or YYYY-MM / YYYY to its last day)", example="2026")  # fmt: skip
    option(query, "--authority", action="append", type=str.lower, metavar="ID", help="made by this authority "
           "(mod_jp, jcs, mnd_kr, indopacom, dod, kcna, other); for launches: one it has a statement "
           "from", example="JCS,kcna")  # fmt: skip
    option(query, "--source", action="append", type=str.lower, metavar="ID",
           help="collected by this source module", example="jcs_kr")  # fmt: skip
    option(query, "--class", dest="missile_class", action="append", type=str.lower, metavar="CLASS",
           help="missile class (ballistic, icbm, cruise, hypersonic, slbm, mlrs, satellite_launch, "
           "anti_air, other); for launches the consensus class", example="ballistic")  # fmt: skip
    option(query, "--disagrees", action="append", type=str.lower, metavar="FLAG", help="the launch event's "
           "authorities disagree on count, range, apogee or time", example="count,range")  # fmt: skip
    option(query, "--text", metavar="WORDS", help="these words appear in the title, text, launch area or "
           "missile name (case-insensitive for Latin letters)", example="Pyongyang")  # fmt: skip
    option(query, "--columns", metavar="A,B,...", help="print only these columns, in this order",
           example="launch_date_local,count")  # fmt: skip
    option(query, "--limit", type=int, metavar="N", help="at most N rows", example="3")
    formats = query.add_mutually_exclusive_group()
    formats.add_argument("--csv", action="store_true", help="CSV with a header row (the default)")
    formats.add_argument("--jsonl", action="store_true", help="one JSON object per row, lists as arrays")
    formats.add_argument("--table", action="store_true", help="aligned columns for a terminal (a few columns "
                         "unless --columns says which)")  # fmt: skip
    _workspace_args(query)
    query.set_defaults(handler=cmd_query)


def _add_changes(commands: argparse._SubParsersAction) -> None:
    changes = commands.add_parser(
        "changes",
        help="what each collect or rebuild added or changed",
        description="Print the change log: per run, the documents it stored, each new or withdrawn statement and "
        "launch event, and each value a later statement or a re-extraction revised (old -> new). Statements and "
        "events are described as they are now. Without --since: the latest run that changed anything.",
    )
    option(changes, "--since", metavar="DATE|RUN_ID", help="changes launchfeed recorded at or after this date "
           "or time (ISO 8601, UTC unless an offset is given; when the change was made, not a launch "
           "date), or those of this run and every later one", example="1")  # fmt: skip
    changes.add_argument("--json", action="store_true", help="one JSON object per change")
    _workspace_args(changes)
    changes.set_defaults(handler=cmd_changes)


def _add_rebuild(commands: argparse._SubParsersAction) -> None:
    rebuild = commands.add_parser(
        "rebuild",
        help="re-parse and re-extract the whole archive with the current code, offline",
        description="Replay the archive without the network: re-parse every stored document from its raw snapshot "
        "with its source's parser, re-extract every document with the current extractor, reconcile the launch "
        "events again and rewrite the output files; print how many texts and values changed (details: "
        "launchfeed changes). Exits 1 when a document could not be re-parsed (its stored text is kept), 75 when "
        "another run holds the lock.",
    )
    _workspace_args(rebuild)
    rebuild.set_defaults(handler=cmd_rebuild)


def _add_backfill(commands: argparse._SubParsersAction) -> None:
    backfill = commands.add_parser(
        "backfill",
        help="fill the store with the statements of past years, from a web archive (the Wayback Machine)",
        description="Read the publishers' past releases from a Wayback-compatible archive (mod_jp, kcna, dod) or "
        "by walking back their own paginated listings (jcs_kr, through its proxy; indopacom) into the same store as "
        "collect, then extract them and write the output files. --since/--until are "
        "publication dates; captures are asked up to six weeks past them. A source whose section of "
        "launchfeed.toml says enabled = false is left out unless --source names it. Resumable: a run stopped at "
        "any point (Ctrl-C, kill -9, its time budget) goes on where it stopped, and never asks for a capture it "
        "has. Exits 1 when it stopped before its work was done (run it again), 2 on a usage error (a geo-blocked "
        "source named without its proxy), 75 when another run holds the lock.",
    )
    option(backfill, "--since", metavar="DATE", help="publications from this day (YYYY-MM-DD, or YYYY-MM / YYYY "
           "from its first day; default: 2016-01-01)", example="2025-01")  # fmt: skip
    option(backfill, "--until", metavar="DATE", help="... up to this day (YYYY-MM-DD, or YYYY-MM / YYYY to its "
           "last day; default: today, UTC)", example="2025-12-31")  # fmt: skip
    # a source named is backfilled whatever the config says: its example asks an archive that refuses at once
    # (nothing listens on port 9), within a budget shorter than a retry's wait, so the run stops at once
    option(backfill, "--source", action="append", type=str.lower, metavar="ID", help="only this source "
           "(repeatable; default: every source it knows: mod_jp, kcna, dod, jcs_kr, indopacom)",
           example=["--source", "kcna", "--wayback", "http://127.0.0.1:9", "--budget", "0.5"])  # fmt: skip
    # defaults from scrapers/wayback.py, read when the command runs (importing it here slows every command)
    option(backfill, "--wayback", metavar="URL", help="base URL of a Wayback-compatible archive, the one origin "
           "this command contacts (default: https://web.archive.org)", example="http://127.0.0.1:9")  # fmt: skip
    option(backfill, "--delay", type=float, metavar="SECONDS", help="seconds between two requests to the archive "
           "or to a walked site (default: 1 for the archive, a site's own spacing for it)", example="2")  # fmt: skip
    option(backfill, "--base-url", metavar="URL", help="with one --source read from its own site (jcs_kr, "
           "indopacom): walk its listing on this host, a mirror",
           example=["--source", "indopacom", "--base-url", "http://127.0.0.1:9", "--budget", "0.5"])  # fmt: skip
    option(backfill, "--budget", type=float, default=3600.0, metavar="SECONDS", help="time this run may take; no "
           "request starts after it (default: 3600; 0: no limit)", example="600")  # fmt: skip
    option(backfill, "--cdx-limit", type=int, metavar="N", help="captures per page of the archive's index "
           "(default: 1000)", example="500")  # fmt: skip
    _workspace_args(backfill)
    backfill.set_defaults(handler=cmd_backfill)


def _add_report(commands: argparse._SubParsersAction) -> None:
    report = commands.add_parser(
        "report",
        help="write report.html: timeline, every authority side by side, disagreements, range/apogee chart",
        description="Write one static HTML page on every launch event: a timeline, each authority's values side by "
        "side with the disagreements highlighted, and range against apogee by missile class. It needs no server "
        "and loads nothing from the network; open it from the file.",
    )
    option(report, "--output", type=Path, metavar="FILE", help="where to write it (default: DIR/report.html)",
           example="report-copy.html")  # fmt: skip
    _workspace_args(report)
    report.set_defaults(handler=cmd_report)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="launchfeed",
        description="Collect official statements on North Korean missile launches into one sourced feed.",
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {version('launchfeed')}")
    _global_options(parser, default=None)
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    _add_collect(commands)
    _add_extract(commands)
    _add_crosscheck(commands)
    _add_demo(commands)
    _add_sources(commands)
    _add_query(commands)
    _add_changes(commands)
    _add_rebuild(commands)
    _add_backfill(commands)
    _add_report(commands)
    for subcommand in commands.choices.values():  # `launchfeed --config F collect` = `launchfeed collect --config F`
        _global_options(subcommand, default=argparse.SUPPRESS)  # given after the command: it wins; else the first
    return parser


def _global_options(parser: argparse.ArgumentParser, default: object) -> None:
    option(parser, "--config", type=Path, default=default, metavar="FILE",
           help="config file (default: ./launchfeed.toml when present); collect and sources read it",
           example="launchfeed.toml")  # fmt: skip


@contextmanager
def _workspace(args: argparse.Namespace) -> Iterator[Workspace]:
    """The data directory's store, archive and files, held under its run lock."""
    from launchfeed.collect import open_workspace, run_lock

    with run_lock(data_dir(args), args.db):
        yield open_workspace(data_dir(args), args.db)


def _exit_code_of(exc: Exception) -> int | None:
    """A failure every command that writes can meet: another run holds the lock, a file cannot be written."""
    from launchfeed.collect import AlreadyRunning  # imported only on failure: start-up stays light
    from launchfeed.output.writers import OutputError

    if isinstance(exc, AlreadyRunning):
        return EXIT_BUSY
    if isinstance(exc, OutputError):
        return EXIT_SOURCE_FAILED
    return None


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        return args.handler(args)
    except (UsageError, NoStore, ConfigError) as exc:
        print(f"launchfeed: {exc}", file=sys.stderr)
        return EXIT_USAGE
    except Exception as exc:
        code = _exit_code_of(exc)
        if code is None:
            raise
        print(f"launchfeed: {exc}", file=sys.stderr)
        return code
    except BrokenPipeError:  # `launchfeed query ... | head`: the reader has all it wanted
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())  # no second error at exit's flush
        return EXIT_OK


if __name__ == "__main__":
    sys.exit(main())
