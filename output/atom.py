"""launches.atom: an Atom feed (RFC 4287) with one entry per launch event.

An entry's id is a tag: URI made from the event id, so it never changes; its
``updated`` is the publication time of its latest statement, so a feed reader shows the
entry again when a later statement joins or revises it, and a rebuild (or a first run
over a year of releases) leaves each entry at its own time; its ``published`` is the first
statement's publication time. The feed's ``updated`` is its newest entry's (an empty
feed: when the store was made). Until any statement has been reconciled into events (a
store from before launch events) the feed has one entry per statement instead, and its
subtitle says so. Authorities are named as readers know them (Japan MOD, ROK JCS). The
file is the same bytes for the same store: it is rewritten only when it changes.
"""

from __future__ import annotations

import html
import io
import shutil
import tempfile
import xml.etree.ElementTree as ET
from collections.abc import Callable, Iterable
from datetime import UTC, datetime
from typing import TextIO

from launchfeed.output.catalog import Catalog, StoredEvent
from launchfeed.output.changes import count_text
from launchfeed.output.writers import clean_text, format_number, web_url

from launchfeed.contracts import AUTHORITY_NAMES, Event

ATOM = "http://www.w3.org/2005/Atom"
# "launchfeed.invalid" is reserved (RFC 2606): no one else can mint ids under it, so
# entry ids stay unique and never depend on where the feed is published.
TAG = "tag:launchfeed.invalid,2026:"
EPOCH = "1970-01-01T00:00:00Z"
FLAGS = ("count", "range", "apogee", "time")

ET.register_namespace("", ATOM)


def atom_time(value: str | None) -> str | None:
    """RFC 3339 in UTC (Atom wants a full date-time; a date alone becomes its midnight)."""
    if not value:
        return None
    try:
        moment = datetime.fromisoformat(value)
    except ValueError:
        return None
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    return moment.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def _km(value: float | list[float] | None) -> str | None:
    values = value if isinstance(value, list) else [value] if value is not None else []
    return "/".join(format_number(v) for v in values) + " km" if values else None


# (singular, plural) of what was launched, by missile class
CLASS_NOUNS = {
    "ballistic": ("ballistic missile", "ballistic missiles"),
    "icbm": ("ICBM", "ICBMs"),
    "cruise": ("cruise missile", "cruise missiles"),
    "hypersonic": ("hypersonic missile", "hypersonic missiles"),
    "slbm": ("SLBM", "SLBMs"),
    "mlrs": ("MLRS rocket", "MLRS rockets"),
    "satellite_launch": ("satellite launch rocket", "satellite launch rockets"),
    "anti_air": ("anti-air missile", "anti-air missiles"),
}


def launch_phrase(count: int | None, qualifier: str | None, missile_class: str | None, name: str | None) -> str:
    """ "2 ballistic missiles", "at least 3 ICBMs (Hwasong-19)", "several cruise missiles"."""
    singular, plural = CLASS_NOUNS.get(missile_class or "", ("missile", "missiles"))
    named = f" ({name})" if name else ""
    if count is None:
        return f"several {plural}{named}" if qualifier == "multiple" else f"{singular} launch{named}"
    prefix = {"at_least": "at least ", "approx": "about ", "total": ""}.get(qualifier or "", "")
    return f"{prefix}{count} {singular if count == 1 else plural}{named}"


def event_title(event: Event) -> str:
    parts = [
        launch_phrase(event.count, event.count_qualifier, event.missile_class, event.missile_name),
        f"range {_km(event.range_km)}" if event.range_km else None,
        f"apogee {_km(event.apogee_km)}" if event.apogee_km else None,
    ]
    title = f"{event.launch_date_local or 'undated'}: {', '.join(filter(None, parts))}"
    disputed = [flag for flag in FLAGS if getattr(event, f"{flag}_disagrees")]
    return title + (f" (authorities disagree on {', '.join(disputed)})" if disputed else "")


def authority_name(authority: str | None) -> str:
    """The name a reader knows an authority by (Japan MOD, not mod_jp)."""
    return AUTHORITY_NAMES.get(authority or "", authority or "unknown authority")


def _link(url: str | None, text: str) -> str:
    """An <a> for an http(s) URL; any other scheme (javascript:, data:) stays text."""
    shown = html.escape(text or "")
    return f'<a href="{html.escape(url)}">{shown}</a>' if web_url(url) else shown


def event_html(event: Event, statements: list[dict]) -> str:
    """The entry's content: every authority's values side by side and the statements, all escaped."""
    e = html.escape
    when = f" at {event.launch_utc[11:16]} UTC" if event.launch_utc and event.time_precision == "minute" else ""
    area = f" from {e(event.launch_area)}" if event.launch_area else ""
    parts = [f"<p>Launch on {e(event.launch_date_local or 'an unknown day')}{e(when)}{area}.</p>"]
    rows = []
    for authority, view in event.authorities.items():
        cells = [authority_name(authority), view.stage, count_text(view.count, view.count_qualifier),
                 _km(view.range_km), _km(view.apogee_km), ";".join(view.launch_times_local), view.missile_class,
                 view.missile_name]  # fmt: skip
        rows.append("<tr>" + "".join(f"<td>{e(c or '')}</td>" for c in cells) + "</tr>")
    if rows:
        header = ("authority", "stage", "count", "range", "apogee", "time (local)", "class", "name")
        parts.append("<table><tr>" + "".join(f"<th>{h}</th>" for h in header) + "</tr>" + "".join(rows) + "</table>")
    disputed = [flag for flag in FLAGS if getattr(event, f"{flag}_disagrees")]
    if disputed:
        parts.append(f"<p><strong>Authorities disagree on: {', '.join(disputed)}.</strong></p>")
    if event.unreported_by:
        parts.append(f"<p>No statement from: {e(', '.join(map(authority_name, event.unreported_by)))}.</p>")
    if statements:
        items = "".join(
            f"<li>{_link(s['url'], s['title'] or s['url'])} ({e(authority_name(s['authority']))}, "
            f"{e(s['published_at'] or 'undated')})</li>"
            for s in statements
        )
        parts.append(f"<ul>{items}</ul>")
    return "".join(parts)


def statement_html(statement: dict) -> str:
    e = html.escape
    values = [count_text(statement["count"], statement["count_qualifier"]), _km(statement["range_km"]),
              _km(statement["apogee_km"]), statement["missile_class"]]  # fmt: skip
    return (f"<p>{e(authority_name(statement['authority']))}: {e(', '.join(filter(None, values)) or 'no numbers')}.</p>"
            f"<p>{_link(statement['url'], statement['title'] or statement['url'])}</p>")  # fmt: skip


def _entry(feed: ET.Element, entry_id: str, title: str, updated: str, published: str | None, link: str | None,
           content: str, categories: list[str]) -> None:  # fmt: skip
    entry = ET.SubElement(feed, f"{{{ATOM}}}entry")
    ET.SubElement(entry, f"{{{ATOM}}}id").text = entry_id
    ET.SubElement(entry, f"{{{ATOM}}}title").text = title
    ET.SubElement(entry, f"{{{ATOM}}}updated").text = updated
    if published:
        ET.SubElement(entry, f"{{{ATOM}}}published").text = published
    if web_url(link):
        ET.SubElement(entry, f"{{{ATOM}}}link", rel="alternate", href=link)
    for term in categories:
        ET.SubElement(entry, f"{{{ATOM}}}category", term=term)
    ET.SubElement(entry, f"{{{ATOM}}}content", type="html").text = content


def _serialized(feed: ET.Element) -> str:
    """A feed element as it stands in the file (indented), without the closing tag."""
    ET.indent(feed)
    return ET.tostring(feed, encoding="unicode").removesuffix("\n</feed>")


def _entry_text(add_entry: Callable[..., str], *args: object) -> tuple[str, str]:
    """One entry (made by ``add_entry(feed, *args)``, which returns its time) as it stands in the whole
    feed, indented to its place, and its time: each entry is serialized on its own, so the feed is
    written an entry at a time whatever its size."""
    wrapper = ET.Element(f"{{{ATOM}}}feed")
    updated = add_entry(wrapper, *args)
    return _serialized(wrapper).removeprefix(f'<feed xmlns="{ATOM}">'), updated


def event_entry(feed: ET.Element, stored: StoredEvent, statements: list[dict]) -> str:
    """The event's entry, added to ``feed``; returns its ``updated`` time. ``statements``: the event's, in
    publication order (``Catalog.statements_of``)."""
    event = stored.event
    times = sorted(t for t in (atom_time(s["published_at"]) for s in statements) if t)
    published = times[0] if times else None
    # its latest statement: a reader sees the entry again when a statement joins or revises it
    updated = times[-1] if times else atom_time(stored.first_seen_at) or EPOCH
    categories = [c for c in [event.missile_class] if c] + [f"disagrees:{f}" for f in FLAGS
                                                            if getattr(event, f"{f}_disagrees")]  # fmt: skip
    _entry(feed, f"{TAG}event/{event.id}", event_title(event), updated, published,
           next(filter(web_url, (s["url"] for s in statements)), None), event_html(event, statements),
           categories)  # fmt: skip
    return updated


def statement_entry(feed: ET.Element, statement: dict) -> str:
    """A statement's entry (a store with no launch events yet), added to ``feed``; returns its time."""
    published = atom_time(statement["published_at"]) or EPOCH
    title = f"{statement['launch_date_local'] or 'undated'}: {authority_name(statement['authority'])} statement"
    categories = [c for c in [statement["missile_class"]] if c]
    _entry(feed, f"{TAG}statement/{statement['report_id']}", title, published, published, statement["url"],
           statement_html(statement), categories)  # fmt: skip
    return published


def write_atom(out: TextIO, events: Iterable[tuple[StoredEvent, list[dict]]], statements: Iterable[dict],
               created_at: str | None) -> None:  # fmt: skip
    """The feed, written to ``out`` an entry at a time: ``events`` newest launch first, each with its
    statements; when there is none, an entry per statement of ``statements`` (newest first; only read
    then). The entries go to a temporary file first, for the feed's ``updated`` (their latest) comes
    before them."""
    latest: str | None = None
    subtitle = "One entry per launch event, with every authority's values side by side."
    with tempfile.TemporaryFile("w+", encoding="utf-8") as entries:
        for stored, its_statements in events:
            text, updated = _entry_text(event_entry, stored, its_statements)
            entries.write(clean_text(text))
            latest = max(latest or updated, updated)
        if latest is None:
            subtitle = ("No statements have been reconciled into launch events yet: one entry per statement "
                        "until they are.")  # fmt: skip
            for statement in statements:
                text, updated = _entry_text(statement_entry, statement)
                entries.write(clean_text(text))
                latest = max(latest or updated, updated)
        feed = ET.Element(f"{{{ATOM}}}feed")
        ET.SubElement(feed, f"{{{ATOM}}}id").text = f"{TAG}launches"
        ET.SubElement(feed, f"{{{ATOM}}}title").text = "North Korean missile launches: official statements (launchfeed)"
        ET.SubElement(feed, f"{{{ATOM}}}subtitle").text = subtitle
        ET.SubElement(feed, f"{{{ATOM}}}updated").text = latest or atom_time(created_at) or EPOCH
        author = ET.SubElement(feed, f"{{{ATOM}}}author")
        ET.SubElement(author, f"{{{ATOM}}}name").text = "launchfeed"
        ET.SubElement(feed, f"{{{ATOM}}}generator").text = "launchfeed"
        # markup is all printable: removing what XML forbids from the document removes it from every text in it
        out.write(clean_text('<?xml version="1.0" encoding="utf-8"?>\n' + _serialized(feed)))
        entries.seek(0)
        shutil.copyfileobj(entries, out)
    out.write("\n</feed>\n")


def render_atom(catalog: Catalog) -> str:
    out = io.StringIO()
    events = ((stored, catalog.statements_of(stored.event)) for stored in reversed(catalog.events))
    write_atom(out, events, reversed(list(catalog.statements.values())), catalog.created_at)
    return out.getvalue()
