"""Notices of new and revised launch events, as the body each kind of sink takes.

A notice is about one launch event: it is new, or values of it were revised (a later statement
joined it, an authority changed a number). Its changes come from the change log
(``new_event``, ``revised_event_value``); the bookkeeping columns (which statements, the
revision texts, latencies) are not news and are never sent.

Formats: ``json`` (the event's launches.csv row, its statements' URLs and what changed),
``slack`` (a ``text`` field), ``discord`` (a ``content`` field), ``ntfy`` (a plain-text body).
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Any

from launchfeed.output.atom import event_title
from launchfeed.output.changes import decode, shown
from launchfeed.output.events import launch_row, launch_time_text
from launchfeed.output.writers import clean_text, clean_value

from launchfeed.contracts import Event

FORMATS = ("json", "slack", "discord", "ntfy")
KINDS = ("new_event", "revised_event_value")
# revised columns that are bookkeeping, not a launch's values: never sent on their own
NOT_NEWS = ("report_ids", "revisions", "grouping_reason", "ambiguous_with", "unreported_by")
NOT_NEWS_SUFFIXES = ("_first_published_at", "_latency_minutes", "_carried_by", "_stage")


def is_news(kind: str, field: str | None) -> bool:
    """Whether a change-log entry is worth a notice."""
    if kind == "new_event":
        return True
    return kind == "revised_event_value" and field not in NOT_NEWS and not (field or "").endswith(NOT_NEWS_SUFFIXES)


@dataclass
class Notice:
    """What one event's pending changes say, for one sink."""

    event_id: str
    event: Event | None  # as it is now (None: merged into another or withdrawn since)
    changes: list[dict]  # change-log rows (kind, field, old, new), oldest first
    urls: list[str] = field(default_factory=list)  # its statements, in publication order

    @property
    def new(self) -> bool:
        return any(change["kind"] == "new_event" for change in self.changes)


def notice_text(notice: Notice) -> str:
    """One paragraph: what the launch is, what changed, where to read it."""
    what = event_title(notice.event) if notice.event else notice.event_id
    when = launch_time_text(notice.event.launch_utc, notice.event.time_precision) if notice.event else ""
    head = f"{'New' if notice.new else 'Revised'} launch {what}" + (f", at {when}" if when else "")
    revised = [
        f"{change['field']} {shown(change['old'])} → {shown(change['new'])}"
        for change in notice.changes
        if change["kind"] == "revised_event_value" and shown(change["old"]) != shown(change["new"])
    ]
    lines = [head + (": " + "; ".join(revised) if revised and not notice.new else "")]
    lines += notice.urls
    return "\n".join(lines)


def notice_json(notice: Notice) -> dict[str, Any]:
    return {
        "kind": "new_launch" if notice.new else "revised_launch",
        "event_id": notice.event_id,
        "event": launch_row(notice.event) if notice.event else None,
        "changes": [
            {"kind": c["kind"], "field": c["field"], "old": decode(c["old"]), "new": decode(c["new"])}
            for c in notice.changes
        ],
        "statements": notice.urls,
        "text": notice_text(notice),
    }


def payload(notice: Notice, fmt: str) -> tuple[bytes, str]:
    """The body a sink of this format takes, and its media type."""
    if fmt == "ntfy":
        return clean_text(notice_text(notice)).encode("utf-8"), "text/plain; charset=utf-8"
    if fmt == "slack":
        body: dict[str, Any] = {"text": notice_text(notice)}
    elif fmt == "discord":
        body = {"content": notice_text(notice)[:2000]}  # Discord refuses longer messages
    else:
        body = notice_json(notice)
    return json.dumps(clean_value(body), ensure_ascii=False, default=str).encode("utf-8"), "application/json"
