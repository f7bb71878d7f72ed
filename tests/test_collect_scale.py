"""What a collect costs as the store grows (issue 15 item 9): a run with nothing new reads no
statement and writes no file; a run with something new regroups only the stretch of time its
statements reach, and leaves the same files, ids and events as a full rebuild. The sizes are
measured by benchmarks/bench_collect_scale.py, not timed here."""

from __future__ import annotations

import dataclasses
import random
import shutil
from datetime import UTC, datetime, timedelta

import pytest
from eventcases import FIXTURES, Fixture, save
from launchfeed.output.events import reconcile_changes, reconcile_store
from launchfeed.output.store import Store
from site_indopacom import FEED_PATH, ROOT, build_indopacom_site
from site_mod_jp import build_mod_jp_site

from launchfeed.cli import main
from launchfeed.collect import collect, open_workspace, write_outputs
from launchfeed.config import Config
from launchfeed.contracts import Document

OUTPUT_FILES = ("statements.csv", "missiles.csv", "claims.csv", "evidence.csv", "statements.jsonl", "launches.csv",
                "launches.jsonl", "launches.atom", "datapackage.json", "README.md")  # fmt: skip
SOURCES = {"mod_jp": "mod_jp", "jcs_kr": "jcs", "yonhap_en": "jcs", "kcna": "kcna", "indopacom": "indopacom"}
# one more statement on top of the fixture feed: a launch on the mod_jp fixture's 22 November
NEW_ITEM = """  <item>
   <link>https://www.pacom.mil/Media/News/News-Article-View/Article/4419301/usindopacom-statement/</link>
   <description>&lt;p&gt;HONOLULU -- U.S. Indo-Pacific Command is aware of the DPRK&amp;#39;s launch of a ballistic
 missile on Nov. 21 (Hawaii time) and is consulting with allies.&lt;/p&gt;</description>
   <pubDate>Sun, 22 Nov 2026 02:10:00 GMT</pubDate>
   <title>USINDOPACOM Statement on DPRK Missile Launch</title>
   <guid isPermaLink="false">https://www.pacom.mil/Media/News/News-Article-View/Article/4419301/usindopacom-statement/</guid>
  </item>
"""


def collect_args(site, out, *sources: str) -> list[str]:
    return ["collect", *(a for s in sources for a in ("--source", s)), "--base-url", site.base_url,
            "--data-dir", str(out), "--delay", "0"]  # fmt: skip


def test_a_collect_with_nothing_new_reads_no_statement_and_writes_no_file(site, tmp_path):
    build_mod_jp_site(site)
    assert main(collect_args(site, tmp_path, "mod_jp")) == 0
    before = {name: (tmp_path / name).stat().st_mtime_ns for name in OUTPUT_FILES}
    ws = open_workspace(tmp_path, None)
    said: list[str] = []
    ws.store.db.set_trace_callback(said.append)
    ws.store.begin_run("collect")
    summary = collect(ws, ["mod_jp"], config=Config(), requested=True, base_url=site.base_url, delay=0)
    assert summary.ok and summary.written == []
    # neither the statements nor the events are read: the store says nothing changed since the files were written
    read = [sql for sql in said if " reports" in sql or " events" in sql or "event_" in sql]
    assert read == []
    assert {name: (tmp_path / name).stat().st_mtime_ns for name in OUTPUT_FILES} == before


def test_an_output_file_removed_or_changed_by_hand_is_written_again(site, tmp_path):
    build_mod_jp_site(site)
    assert main(collect_args(site, tmp_path, "mod_jp")) == 0
    launches = (tmp_path / "launches.csv").read_bytes()
    (tmp_path / "launches.csv").unlink()
    (tmp_path / "claims.csv").write_text("edited\n", encoding="utf-8")
    ws = open_workspace(tmp_path, None)
    assert sorted(write_outputs(ws)) == ["claims.csv", "launches.csv"]
    assert (tmp_path / "launches.csv").read_bytes() == launches
    assert write_outputs(ws) == []


def test_one_new_statement_regroups_only_its_stretch_and_leaves_the_files_of_a_full_rebuild(
    site, tmp_path, monkeypatch
):
    build_mod_jp_site(site)
    build_indopacom_site(site)
    out = tmp_path / "data"
    assert main(collect_args(site, out, "mod_jp")) == 0
    assert main(["collect", "--source", "indopacom", "--base-url", site.base_url, "--data-dir", str(out)]) == 0
    stored = Store(out / "launchfeed.sqlite")
    statements = len(stored.statements())
    stored.close()

    feed = (ROOT / "rss.xml").read_text(encoding="utf-8")
    site.add(FEED_PATH, feed.replace("  <item>", NEW_ITEM + "  <item>", 1), content_type="text/xml; charset=utf-8")
    read: list[int | None] = []
    original = Store.dated_statements

    def counted(self, ids=None):
        rows = original(self, ids)
        read.append(None if ids is None else len(rows))
        return rows

    monkeypatch.setattr(Store, "dated_statements", counted)
    assert main(["collect", "--source", "indopacom", "--base-url", site.base_url, "--data-dir", str(out)]) == 0
    # the new statement, then the statements of its stretch: never every statement of the store
    assert read and None not in read and sum(read) < statements + 1
    monkeypatch.undo()

    kept = tmp_path / "incremental"
    kept.mkdir()
    for name in OUTPUT_FILES:
        shutil.copy2(out / name, kept / name)
    assert main(["rebuild", "--data-dir", str(out)]) == 0
    for name in OUTPUT_FILES:
        assert (out / name).read_bytes() == (kept / name).read_bytes(), name


def shifted(fixture: Fixture, minutes: int, tag: str) -> Fixture:
    """The same statement about a launch ``minutes`` later, published as much later (another document)."""
    states = dict(fixture.states)
    published = datetime.fromisoformat(fixture.published) + timedelta(minutes=minutes)
    if states.get("launch_times_local"):
        hours, _, rest = states["launch_times_local"][0].partition(":")
        moment = datetime(2031, 1, 1, int(hours), int(rest or 0)) + timedelta(minutes=minutes)
        states["launch_times_local"] = [moment.strftime("%H:%M" if rest else "%H")]
    return dataclasses.replace(fixture, key=f"{fixture.key}-{tag}", published=published.isoformat(), states=states)


def settled(store: Store) -> tuple:
    """What a full reconciliation would change: the store's generation moves if any event, its place
    in launch order or its statements differ."""
    generation, members = store.generation(), store.event_assignment()
    outcome = reconcile_store(store, SOURCES)
    assert (outcome.new, outcome.changed, outcome.merged, outcome.withdrawn) == ([], [], {}, [])
    assert store.event_assignment() == members
    assert store.generation() == generation
    return generation, members


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_reconciling_what_changed_gives_what_reconciling_everything_gives(tmp_path, seed):
    """Statements arrive one or a few at a time in any order, some are withdrawn or move to another
    launch time: after each reconciliation of what changed, reconciling the whole store changes nothing."""
    rng = random.Random(seed)
    pool = FIXTURES + [shifted(f, 50, "b") for f in FIXTURES] + [shifted(f, 24 * 60 + 30, "c") for f in FIXTURES]
    rng.shuffle(pool)
    store = Store(tmp_path / "store.sqlite")
    # a document of each source before every fixture: the authorities collected do not change on the way
    for source in ("mod_jp", "jcs_kr", "yonhap_en", "kcna", "indopacom"):
        first = datetime(2030, 1, 1, tzinfo=UTC)
        store.save_document(Document(source=source, url=f"https://fixtures.invalid/{source}/first", title="first",
                                     lang="en", published_at=first, published_precision="day", fetched_at=first,
                                     sha256="", raw_path="", text="nothing launched"))  # fmt: skip
    reconcile_changes(store, SOURCES)
    saved: list[Fixture] = []
    while pool:
        size = rng.randint(1, 3)
        batch, pool = pool[:size], pool[size:]
        save(store, batch)
        saved += batch
        if saved and rng.random() < 0.3:
            gone = saved.pop(rng.randrange(len(saved)))
            store.delete_statement(gone.report().id)
        moved = saved[rng.randrange(len(saved))] if saved else None
        if moved and moved.states.get("launch_times_local") and rng.random() < 0.3:
            # the same statement read again with another launch time (its document was revised)
            report = shifted(moved, 90, "moved").report()
            store.save_statement(dataclasses.replace(report, document_id=moved.report().document_id))
        assert store.queued_statements()
        reconcile_changes(store, SOURCES)
        assert store.queued_statements() == set()
        settled(store)
