"""Alerts: a notice to each sink (a webhook, or a command) on a new launch event and on a
revised value, because the point of a launch feed is minutes.

A run queues the changes it made for every sink (``[notify.NAME]`` in launchfeed.toml, or
``--notify URL``); then each sink is sent its unsent changes, one notice per launch event. A
notice is sent until the sink answers 2xx (or the command exits 0) and never again after
that; while a sink is down its notices wait for the next run, which tries them first. The
change log records what was sent where (``notified``). The first run that finds launch events
in a store takes them as its baseline and sends nothing: they are every launch the feeds
still list, not news.
"""

from __future__ import annotations

import hashlib
import subprocess
from dataclasses import dataclass, field
from urllib.parse import urlsplit

import httpx

from launchfeed.config import Config
from launchfeed.output.catalog import statements_for
from launchfeed.output.notices import KINDS, Notice, is_news, payload
from launchfeed.output.store import Store

TIMEOUT = 15.0  # seconds a sink may take to answer (or a command to finish)
DEFAULT_USER_AGENT = "launchfeed (notify)"


@dataclass(frozen=True)
class Sink:
    name: str  # the [notify.NAME] table, or for --notify the URL's host and a hash of the URL (it may hold a secret)
    url: str | None = None
    command: tuple[str, ...] = ()
    format: str = "json"


def configured_sinks(config: Config, urls: list[str], fmt: str) -> list[Sink]:
    """The sinks of the config file, then one per --notify URL (in the --notify-format)."""
    sinks = [
        Sink(name, settings.get("url"), tuple(settings.get("command", ())), settings.get("format", "json"))
        for name, settings in config.notify.items()
    ]
    for url in urls:
        tag = hashlib.sha256(url.encode("utf-8")).hexdigest()[:8]
        sinks.append(Sink(f"{urlsplit(url).hostname or 'url'}#{tag}", url, (), fmt))
    return sinks


@dataclass
class SinkOutcome:
    sink: Sink
    sent: int = 0  # notices delivered this run
    waiting: int = 0  # notices left for the next run
    error: str | None = None  # why the sink refused (this run stopped sending to it)
    events: list[str] = field(default_factory=list)  # event ids notified


def queue_run(store: Store, sinks: list[Sink], run_id: int) -> int:
    """Queue the news of this run (new events, revised values) for every sink; returns how many
    changes were queued per sink (0 for the baseline run of a store)."""
    if not sinks or not store.had_events_before(run_id):
        return 0
    news = [change["id"] for change in store.run_changes(run_id, KINDS) if is_news(change["kind"], change["field"])]
    for sink in sinks:
        store.queue_notifications(sink.name, news)
    return len(news)


def send_queued(store: Store, sinks: list[Sink], user_agent: str | None = None) -> list[SinkOutcome]:
    """Each sink's unsent notices, one per event, oldest first; a sink that refuses one is left
    until the next run (its notices keep their place)."""
    outcomes = []
    for sink in sinks:
        outcome = SinkOutcome(sink)
        pending: dict[str, list[dict]] = {}
        for change in store.unsent_notifications(sink.name):
            pending.setdefault(change["object_id"], []).append(change)
        for event_id, changes in pending.items():
            ids = [change["id"] for change in changes]
            if outcome.error:
                outcome.waiting += 1
                continue
            # the event and its statements alone: a notice costs the same whatever the size of the store
            found = store.events([event_id])
            stored = found[0] if found else None
            urls = [s["url"] for s in statements_for(store.db, stored)] if stored else []
            notice = Notice(event_id, stored, changes, urls)
            outcome.error = deliver(sink, notice, user_agent or DEFAULT_USER_AGENT)
            if outcome.error:
                store.note_notify_failure(sink.name, ids, outcome.error)
                outcome.waiting += 1
            else:
                store.mark_notified(sink.name, event_id, ids)
                outcome.sent += 1
                outcome.events.append(event_id)
        outcomes.append(outcome)
    return outcomes


def deliver(sink: Sink, notice: Notice, user_agent: str) -> str | None:
    """Send one notice; None when the sink took it, else why not (one line)."""
    body, media_type = payload(notice, sink.format)
    if sink.command:
        try:
            done = subprocess.run(list(sink.command), input=body, capture_output=True, timeout=TIMEOUT)
        except (OSError, subprocess.TimeoutExpired) as exc:
            return f"cannot run {sink.command[0]}: {exc}"
        said = " ".join(done.stderr.decode("utf-8", "replace").split())[:200]
        return None if done.returncode == 0 else f"{sink.command[0]} exited {done.returncode}: {said}".rstrip(": ")
    try:
        response = httpx.post(
            sink.url or "", content=body, timeout=TIMEOUT,
            headers={"Content-Type": media_type, "User-Agent": user_agent},
        )  # fmt: skip
    except httpx.HTTPError as exc:
        return f"{type(exc).__name__}: {exc}"
    if 200 <= response.status_code < 300:
        return None
    return f"HTTP {response.status_code} {response.reason_phrase}: {' '.join(response.text.split())[:200]}".rstrip(": ")
