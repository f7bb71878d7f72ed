"""launches.atom: one entry per launch event, stable ids, `updated` moves on revision."""

from __future__ import annotations

import re
import sqlite3

import feedparser
from launchdata import REVISION, add, build_workspace
from launchfeed.output.atom import render_atom
from launchfeed.output.catalog import load_catalog

from launchfeed.collect import write_outputs


def parse(path):
    feed = feedparser.parse(path.read_bytes())
    assert not feed.bozo, feed.get("bozo_exception")
    assert feed.version == "atom10"
    return feed


def test_one_entry_per_launch_event_with_stable_tag_ids(tmp_path):
    ws = build_workspace(tmp_path)
    feed = parse(tmp_path / "launches.atom")
    event_ids = [row[0] for row in ws.store.db.execute("SELECT id FROM events")]
    assert len(feed.entries) == len(event_ids) == 7
    assert {e.id for e in feed.entries} == {f"tag:launchfeed.invalid,2026:event/{i}" for i in event_ids}
    assert feed.feed.title and feed.feed.id == "tag:launchfeed.invalid,2026:launches"
    assert "One entry per launch event" in feed.feed.subtitle
    # newest launch first; every entry links to the first statement on it
    assert feed.entries[0].title == "2026-10-03: 2 ballistic missiles, range 340 km, apogee 50 km"
    assert feed.entries[0].link == "https://www.mod.go.jp/j/press/news/2026/10/03a.html"
    disputed = next(e for e in feed.entries if e.title.startswith("2025-08-27"))
    assert disputed.title.endswith("(authorities disagree on count)")
    assert {t.term for t in disputed.tags} == {"ballistic", "disagrees:count"}
    assert "at least 3 missiles" in disputed.content[0].value and "2 missiles" in disputed.content[0].value
    named = next(e for e in feed.entries if e.title.startswith("2025-03-10"))
    assert named.title == "2025-03-10: 1 ICBM (Hwasong-19), range 1000 km, apogee 6000 km"
    assert named.published == "2025-03-09T22:05:00Z"  # the JCS flash, 07:05 in Seoul, came first


def test_text_from_sources_is_escaped(tmp_path):
    build_workspace(tmp_path)
    raw = (tmp_path / "launches.atom").read_text(encoding="utf-8")
    assert "<toward>" not in raw and "&amp;lt;toward&amp;gt;" in raw  # escaped in the HTML, then in the XML
    entry = next(e for e in parse(tmp_path / "launches.atom").entries if e.title.startswith("2026-10-03"))
    assert "&lt;toward&gt;" in entry.content[0].value


def test_updated_is_the_latest_statement_and_a_later_one_moves_its_entry_only(tmp_path):
    ws = build_workspace(tmp_path)
    feed = parse(tmp_path / "launches.atom")
    before = {e.id: e.updated for e in feed.entries}
    # each entry at its own time, even though one run made every event: its latest statement's
    assert len(set(before.values())) == len(before)
    named = next(e for e in feed.entries if e.title.startswith("2025-03-10"))
    assert named.updated == "2025-03-10T21:00:00Z"  # KCNA's, 06:00 on the 11th in Pyongyang
    assert feed.feed.updated == max(before.values()) == "2026-10-03T00:41:00Z"

    ws.store.begin_run("collect")
    add(ws, [REVISION])  # JCS revises its range for the October launch, at 11:30 in Seoul
    write_outputs(ws)
    feed = parse(tmp_path / "launches.atom")
    after = {e.id: e for e in feed.entries}
    assert set(after) == set(before)  # same ids: the revision joined the event
    moved = [i for i in after if after[i].updated != before[i]]
    assert len(moved) == 1 and after[moved[0]].title.startswith("2026-10-03")
    assert after[moved[0]].updated == "2026-10-03T02:30:00Z" == feed.feed.updated
    assert "380 km" in after[moved[0]].content[0].value


def test_authorities_are_named_as_readers_know_them(tmp_path):
    build_workspace(tmp_path)
    entry = next(e for e in parse(tmp_path / "launches.atom").entries if e.title.startswith("2025-03-10"))
    content = entry.content[0].value
    assert "<td>Japan MOD</td>" in content and "<td>ROK JCS</td>" in content and "<td>KCNA</td>" in content
    assert "(INDOPACOM, " in content and "mod_jp" not in content and ">jcs<" not in content


def test_an_empty_feed_is_updated_when_the_store_was_made(tmp_path):
    ws = build_workspace(tmp_path, [])
    made = ws.store.db.execute("SELECT MIN(applied_at) FROM schema_version").fetchone()[0]
    feed = parse(tmp_path / "launches.atom")
    assert feed.entries == [] and feed.feed.updated == made.replace("+00:00", "Z")
    assert not feed.feed.updated.startswith("1970")


def test_unchanged_store_writes_the_same_feed(tmp_path):
    ws = build_workspace(tmp_path)
    first = (tmp_path / "launches.atom").read_bytes()
    assert "launches.atom" not in write_outputs(ws)
    assert (tmp_path / "launches.atom").read_bytes() == first


def test_without_events_the_feed_has_one_entry_per_statement_and_says_so(tmp_path):
    ws = build_workspace(tmp_path)
    ws.store.db.execute("DELETE FROM events")
    db = sqlite3.connect(ws.store.path)
    text = render_atom(load_catalog(db))
    feed = feedparser.parse(text)
    assert not feed.bozo and len(feed.entries) == 18
    assert "No statements have been reconciled into launch events yet" in feed.feed.subtitle
    assert all(e.id.startswith("tag:launchfeed.invalid,2026:statement/") for e in feed.entries)


def test_only_http_urls_become_links(tmp_path):
    ws = build_workspace(tmp_path)
    hostile = {
        "https://www.mod.go.jp/j/press/news/2026/10/03a.html": "javascript:alert(document.domain)",
        "https://www.jcs.mil.kr/bbs/jcs/view.do?id=2026-1003": "data:text/html,<script>alert(1)</script>",
        "https://www.mod.go.jp/j/press/news/2026/10/03d.html": " VBScript:msgbox(1)",
    }
    for url, script in hostile.items():
        ws.store.db.execute("UPDATE documents SET url = ? WHERE url = ?", (script, url))
    write_outputs(ws)
    raw = (tmp_path / "launches.atom").read_text(encoding="utf-8")
    feed = parse(tmp_path / "launches.atom")
    entry = next(e for e in feed.entries if e.title.startswith("2026-10-03"))
    assert entry.get("links", []) == []  # every statement of that launch gave a script URL
    content = entry.content[0].value
    assert "<a " not in content and "北朝鮮のミサイル等関連情報（速報）" in content  # the titles, as text
    for entry in feed.entries:
        assert all(link.href.startswith(("https://", "http://")) for link in entry.get("links", []))
        assert not re.search(r"""href\s*=\s*["']?\s*(javascript|data|vbscript):""", entry.content[0].value, re.I)
    assert not re.search(r"(javascript|data|vbscript):", raw.split("<content")[0], re.I)
    # the statements feed of a store without events holds the same rule
    ws.store.db.execute("DELETE FROM events")
    statements = feedparser.parse(render_atom(load_catalog(ws.store.db)))
    for entry in statements.entries:
        assert all(link.href.startswith(("https://", "http://")) for link in entry.get("links", []))
        assert "<a " not in entry.content[0].value or 'href="http' in entry.content[0].value
