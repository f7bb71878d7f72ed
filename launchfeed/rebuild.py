"""`launchfeed rebuild`: replay the whole archive with the current code, without the network.

Every stored document is re-parsed from its archived raw snapshot with its source's
``parse()`` (a parser that improved changes the text), every document is
re-extracted with the current extractor, the statements are reconciled into launch
events again and the output files rewritten. Nothing here fetches: the sources'
``crawl()`` and the HTTP client are never called. What changed goes to the change
log of the run like any collect's, and is counted for the summary.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from launchfeed.collect import Progress, Workspace, extract_pending, write_outputs
from launchfeed.scrapers.errors import SourceError
from launchfeed.sources import crawlers


@dataclass
class RebuildSummary:
    documents: int = 0
    reparsed: int = 0  # documents whose re-parsed text or publication date differs from the stored one
    problems: list[str] = field(default_factory=list)  # documents kept as stored, and why
    new_statements: int = 0
    changed_statements: int = 0
    withdrawn_statements: int = 0
    values_changed: int = 0  # statement values that differ from before
    new_events: int = 0
    changed_events: int = 0
    event_values_changed: int = 0
    gone_events: int = 0  # merged into another or withdrawn
    written: list[str] = field(default_factory=list)


def reparse(ws: Workspace, summary: RebuildSummary, progress: Progress | None = None) -> None:
    documents = ws.store.documents()
    summary.documents = len(documents)
    for done, document in enumerate(documents, start=1):
        if progress:
            progress("documents re-parsed", done, len(documents))
        module = crawlers().get(document.source)
        where = f"{document.url} ({document.source})"
        if module is None or not hasattr(module, "parse"):
            summary.problems.append(f"{where}: no source module {document.source} to parse it; stored text kept")
            continue
        if not document.raw_path:
            summary.problems.append(f"{where}: no archived snapshot; stored text kept")
            continue
        try:
            raw = ws.archive.get(document.raw_path)
        except (OSError, ValueError) as exc:
            summary.problems.append(f"{where}: snapshot {document.raw_path} unreadable ({exc}); stored text kept")
            continue
        try:
            page = module.parse(raw, document.url, document.content_type)
        except SourceError as exc:
            summary.problems.append(f"{where}: {exc}; stored text kept")
            continue
        except Exception as exc:  # a parser bug must not stop the replay of the other documents
            summary.problems.append(f"{where}: parser failed ({type(exc).__name__}: {exc}); stored text kept")
            continue
        if ws.store.replace_document_text(
            document.id, page.title or document.title, page.text, page.published_at, page.published_precision
        ):
            summary.reparsed += 1


def rebuild(ws: Workspace, progress: Progress | None = None) -> RebuildSummary:
    """Re-parse, re-extract, re-reconcile and rewrite, inside the store's current run."""
    summary = RebuildSummary()
    reparse(ws, summary, progress)
    extract_pending(ws.store, everything=True, progress=progress)
    summary.written = write_outputs(ws, full=True)
    counts, distinct = ws.store.run_change_counts(ws.store.run_id)
    summary.new_statements = counts.get("new_report", 0)
    summary.changed_statements = distinct.get("revised_value", 0)
    summary.withdrawn_statements = counts.get("withdrawn_report", 0)
    summary.values_changed = counts.get("revised_value", 0)
    summary.new_events = counts.get("new_event", 0)
    summary.changed_events = distinct.get("revised_event_value", 0)
    summary.event_values_changed = counts.get("revised_event_value", 0)
    summary.gone_events = counts.get("merged_event", 0) + counts.get("withdrawn_event", 0)
    return summary
