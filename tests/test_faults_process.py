"""Process faults against the real `launchfeed collect` and the fixture copy of www.mod.go.jp
on 127.0.0.1: a run killed with SIGKILL in each phase, two runs at once, a full disk and a
read-only output directory. After each: every output file is whole (the last good run's or
the new complete one), the store passes SQLite's integrity check and its own cross-references,
no temporary file is left beside the outputs, and the next run completes the work.

A run to be killed is a child process: this file run as a script, which fixes the Japan clock
and, for the phases a slow server cannot reach, pauses the real CLI at one exact point (a
marker file says it got there) so that the SIGKILL lands in that phase every time. Runs that
must finish run in-process.
"""

from __future__ import annotations

import csv
import errno
import hashlib
import io
import os
import re
import shutil
import signal
import sqlite3
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from launchfeed.output.tables import TABLES
from launchfeed.scrapers import mod_jp
from site_mod_jp import build_mod_jp_site
from sitekit import FixtureSite, Request, Response

from launchfeed.cli import main

# after every fixture release: none is young enough to be rechecked, so each run asks the same
JAPAN_NOW = datetime(2026, 12, 7, 12, 0, tzinfo=ZoneInfo("Asia/Tokyo"))
OUTPUT_FILES = {
    *(f"{table.name}.csv" for table in TABLES),
    "statements.jsonl",
    "launches.jsonl",
    "launches.atom",
    "datapackage.json",
    "README.md",
}
CSV_COLUMNS = {f"{table.name}.csv": [column.name for column in table.columns] for table in TABLES}
STORE_FILES = {"launchfeed.lock", "launchfeed.sqlite", "launchfeed.sqlite-wal", "launchfeed.sqlite-shm", "archive"}
FLASH_PATH, FOLLOWUP_PATH = "/j/press/news/2026/11/26a.html", "/j/press/news/2026/11/26b.html"

# A launch the previous good run has not seen yet: a flash and its follow-up, both readable pages.
RELEASE = """<!DOCTYPE html>
<html lang="ja"><head><meta charset="UTF-8"><title>{title} | 防衛省・自衛隊</title></head>
<body><main id="main">
<h1>{title}</h1>
<p>令和８年１１月２６日<br>防衛省</p>
{body}
</main></body></html>
"""
FLASH = RELEASE.format(
    title="北朝鮮のミサイル等関連情報（速報）",
    body="<p>１．北朝鮮は本日７時５分頃、北朝鮮内陸部から、弾道ミサイルの可能性があるものを東方向に発射しました。</p>"
    "<p>２．詳細は現在分析中です。</p>",
)
FOLLOWUP = RELEASE.format(
    title="北朝鮮のミサイル等関連情報（続報）",
    body="<p>１．北朝鮮は本日７時５分頃、北朝鮮内陸部から、２発の弾道ミサイルを東方向に向けて発射しました。"
    "発射された弾道ミサイルは、いずれも最高高度約６０ｋｍ程度で、約４００ｋｍ飛翔し、"
    "日本海の我が国の排他的経済水域（ＥＥＺ）外に落下したものと推定されます。</p>"
    "<p>２．航空機や船舶への被害の報告は、現時点で確認されていません。</p>",
)
NEW_ITEMS = "".join(
    f"<item><title>{title}</title><link>{path}</link><pubDate>Thu, 26 Nov 2026 {time} +0900</pubDate></item>\n"
    for title, path, time in (
        ("北朝鮮のミサイル等関連情報（速報）", FLASH_PATH, "07:20:00"),
        ("北朝鮮のミサイル等関連情報（続報）", FOLLOWUP_PATH, "08:10:00"),
    )
)


class HeldPage:
    """A page whose response waits while it is held: a run fetching it is mid-request."""

    def __init__(self, body: str) -> None:
        self.body = body.encode("utf-8")
        self.held = False
        self.asked = threading.Event()
        self.released = threading.Event()

    def hold(self) -> None:
        self.held = True
        self.asked.clear()
        self.released.clear()

    def release(self) -> None:
        self.held = False
        self.released.set()

    def __call__(self, request: Request) -> Response:
        if self.held:
            self.asked.set()
            self.released.wait(60)
        return Response(self.body, headers={"Content-Type": "text/html; charset=utf-8"})


def add_new_launch(site: FixtureSite, followup: HeldPage) -> None:
    news = (Path(__file__).parent / "sites/mod_jp/j/rss/news.xml").read_text(encoding="utf-8")
    site.add("/j/rss/news.xml", news.replace("<item>", NEW_ITEMS + "<item>", 1),
             content_type="application/rss+xml; charset=UTF-8")  # fmt: skip
    site.add(FLASH_PATH, FLASH)
    site.add(FOLLOWUP_PATH, followup)


def collect_args(site: FixtureSite, out: Path, *extra: str) -> list[str]:
    return ["collect", "--source", "mod_jp", "--base-url", site.base_url, "--out", str(out), "--delay", "0", *extra]


def output_files(out: Path) -> dict[str, bytes]:
    return {name: (out / name).read_bytes() for name in OUTPUT_FILES if (out / name).is_file()}


def comparable(name: str, content: bytes) -> bytes:
    """The atom feed's <updated> is when this store's events changed; everything else is the data."""
    return re.sub(rb"<updated>[^<]*</updated>", b"", content) if name == "launches.atom" else content


def assert_whole_csv(name: str, content: bytes) -> None:
    rows = list(csv.reader(io.StringIO(content.decode("utf-8"))))
    assert rows and rows[0] == CSV_COLUMNS[name]
    assert all(len(row) == len(rows[0]) for row in rows), f"{name} has a cut row"


def check_store(db_path: Path) -> dict[str, int]:
    """SQLite's own checks, then the references between the tables (they are not declared
    as foreign keys); returns the row counts."""
    db = sqlite3.connect(db_path)
    try:
        assert db.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
        assert db.execute("PRAGMA foreign_key_check").fetchall() == []
        broken = {
            "statement of no document": "SELECT id FROM reports WHERE document_id NOT IN (SELECT id FROM documents)",
            "document without its revision": "SELECT id FROM documents d WHERE NOT EXISTS (SELECT 1 FROM "
            "document_revisions r WHERE r.document_id = d.id AND r.revision = d.revision)",
            "revision of no document": "SELECT document_id FROM document_revisions "
            "WHERE document_id NOT IN (SELECT id FROM documents)",
            "member of no event": "SELECT report_id FROM event_members WHERE event_id NOT IN (SELECT id FROM events)",
            "authority of no event": "SELECT event_id FROM event_authorities "
            "WHERE event_id NOT IN (SELECT id FROM events)",
        }
        for what, query in broken.items():
            assert db.execute(query).fetchall() == [], what
        archive = db_path.parent / "archive"
        for (raw_path,) in db.execute("SELECT raw_path FROM document_revisions"):
            assert (archive / raw_path).is_file(), f"snapshot {raw_path} missing"
        counts = {
            table: db.execute(f"SELECT COUNT(*) FROM {table}").fetchone()[0]
            for table in ("documents", "document_revisions", "reports", "events", "event_members")
        }
        counts["extracted"] = db.execute(
            "SELECT COUNT(*) FROM documents WHERE extracted_sha256 = text_sha256"
        ).fetchone()[0]
        counts["unfinished_runs"] = db.execute("SELECT COUNT(*) FROM runs WHERE finished_at IS NULL").fetchone()[0]
        return counts
    finally:
        db.close()


def leftovers(out: Path) -> list[str]:
    """Files in the output directory that are neither outputs nor the store."""
    return sorted(name for name in os.listdir(out) if name not in OUTPUT_FILES | STORE_FILES)


def check_archive(archive: Path) -> None:
    """Every snapshot is whole: its bytes hash to its name. (A run killed while archiving may leave
    the archive's own temporary file, ``.tmp-*``, which is never read as a snapshot.)"""
    for path in archive.rglob("*"):
        if path.is_file() and not path.name.startswith(".tmp-"):
            assert hashlib.sha256(path.read_bytes()).hexdigest() == path.name, f"{path} is not whole"


@dataclass
class Good:
    site: FixtureSite
    followup: HeldPage
    previous_dir: Path  # the last good run, before the new launch was published
    previous: dict[str, bytes]
    previous_counts: dict[str, int]
    complete: dict[str, bytes]  # an uninterrupted run after it was
    complete_counts: dict[str, int]


@pytest.fixture(scope="module")
def good(tmp_path_factory) -> Iterator[Good]:
    site = FixtureSite().start()
    build_mod_jp_site(site)
    followup = HeldPage(FOLLOWUP)
    base = tmp_path_factory.mktemp("runs")
    try:
        with pytest.MonkeyPatch.context() as patch:
            patch.setattr(mod_jp, "now_jst", lambda: JAPAN_NOW)
            patch.chdir(base)
            assert main(collect_args(site, base / "previous")) == 0
            add_new_launch(site, followup)
            shutil.copytree(base / "previous", base / "complete")
            assert main(collect_args(site, base / "complete")) == 0
        complete_counts = check_store(base / "complete" / "launchfeed.sqlite")
        yield Good(site, followup, base / "previous", output_files(base / "previous"),
                   check_store(base / "previous" / "launchfeed.sqlite"), output_files(base / "complete"),
                   complete_counts)  # fmt: skip
    finally:
        followup.release()
        site.stop()


def test_the_new_launch_adds_two_statements(good):
    # what every fault below must end with: the flash and the follow-up stored, extracted, reconciled
    new = {key: good.complete_counts[key] - good.previous_counts[key] for key in good.complete_counts}
    assert new == {"documents": 2, "document_revisions": 2, "reports": 2, "events": 1, "event_members": 2,
                   "extracted": 2, "unfinished_runs": 0}  # fmt: skip
    rows = list(csv.DictReader(io.StringIO(good.complete["statements.csv"].decode("utf-8"))))
    urls = {row["url"].removeprefix("https://www.mod.go.jp") for row in rows}
    assert {FLASH_PATH, FOLLOWUP_PATH} <= urls and len(rows) == good.complete_counts["reports"]


# -- SIGKILL -------------------------------------------------------------------------------------


def start_run(point: str, marker: Path, args: list[str], cwd: Path) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, __file__, point, str(marker), *args], cwd=cwd,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)  # fmt: skip


def wait_for(ready: Callable[[], bool], run: subprocess.Popen, what: str) -> None:
    deadline = time.monotonic() + 30
    while not ready():
        if run.poll() is not None:
            raise AssertionError(f"the run ended before {what}: {run.returncode}\n{run.stderr.read()}")
        assert time.monotonic() < deadline, f"the run never got to {what}"
        time.sleep(0.02)


# (what the kill interrupts, pause point, (documents, statements, documents extracted, launch events) the
# store holds after it beyond the previous run's, output files already new). "fetching" needs no pause: the
# server holds the follow-up's response.
KILL_POINTS = [
    ("while a response is read", "fetching", (1, 0, 0, 0), 0),
    ("inside the transaction storing a document", "storing", (0, 0, 0, 0), 0),
    ("between storing a statement and marking its document extracted", "extracting", (2, 1, 0, 0), 0),
    ("inside the transaction reconciling launch events", "reconciling", (2, 2, 2, 0), 0),
    ("while the output files are written (three of them are)", "writing", (2, 2, 2, 1), 0),
    ("between renaming output files into place (three are)", "renaming", (2, 2, 2, 1), 3),
]


@pytest.mark.parametrize(("phase", "point", "stored", "renamed"), KILL_POINTS, ids=[p[1] for p in KILL_POINTS])
def test_a_run_killed_leaves_the_last_good_state_and_the_next_run_completes_the_work(
    good, phase, point, stored, renamed, tmp_path, monkeypatch, capsys
):
    out, marker = tmp_path / "out", tmp_path / "paused"
    shutil.copytree(good.previous_dir, out)
    if point == "fetching":
        good.followup.hold()
    run = start_run(point, marker, collect_args(good.site, out), tmp_path)
    try:
        wait_for(good.followup.asked.is_set if point == "fetching" else marker.exists, run, phase)
        run.send_signal(signal.SIGKILL)
        assert run.wait(10) == -signal.SIGKILL
    finally:
        good.followup.release()
        if run.poll() is None:
            run.kill()
        run.communicate()

    killed = output_files(out)
    assert set(killed) == OUTPUT_FILES
    for name, content in killed.items():
        if name.endswith(".csv"):
            assert_whole_csv(name, content)
    # what else the kill left: only hidden temporary files of outputs, never a file that looks like one
    for name in leftovers(out):
        temporary = re.fullmatch(r"\.(.+)\.\w+\.tmp", name)
        assert temporary and temporary.group(1) in OUTPUT_FILES, name
    assert bool(leftovers(out)) == (point in ("writing", "renaming"))
    check_archive(out / "archive")
    counts = check_store(out / "launchfeed.sqlite")
    added = tuple(counts[key] - good.previous_counts[key] for key in ("documents", "reports", "extracted", "events"))
    assert added == stored, f"killed {phase}"
    assert counts["unfinished_runs"] == good.previous_counts["unfinished_runs"] + 1

    monkeypatch.setattr(mod_jp, "now_jst", lambda: JAPAN_NOW)
    monkeypatch.chdir(tmp_path)
    capsys.readouterr()
    assert main(collect_args(good.site, out)) == 0, capsys.readouterr().err
    final = output_files(out)
    # each file the kill left was whole: the last good run's, or the complete one the next run kept
    for name, content in killed.items():
        assert content in (good.previous[name], final[name]), f"{name} after a kill {phase}"
    assert sum(content != good.previous[name] for name, content in killed.items()) == renamed
    assert {name: comparable(name, content) for name, content in final.items()} == {
        name: comparable(name, content) for name, content in good.complete.items()
    }
    assert leftovers(out) == []
    finished = check_store(out / "launchfeed.sqlite")
    assert {k: v for k, v in finished.items() if k != "unfinished_runs"} == {
        k: v for k, v in good.complete_counts.items() if k != "unfinished_runs"
    }


# (seconds from the start of a run to its SIGKILL) one after another on one workspace: wherever they
# land (starting up, fetching, archiving, extracting, writing), the invariants hold after each
KILL_SCHEDULE = (0.3, 0.7, 1.1, 1.5, 1.9)


def test_runs_killed_on_a_schedule_leave_whole_files_and_a_sound_store(good, tmp_path, monkeypatch, capsys):
    out = tmp_path / "out"
    shutil.copytree(good.previous_dir, out)
    snapshots = []
    for delay in KILL_SCHEDULE:
        run = start_run("none", tmp_path / "unused", collect_args(good.site, out), tmp_path)
        try:
            run.wait(delay)  # a run that finishes first is fine: its work is done
        except subprocess.TimeoutExpired:
            run.send_signal(signal.SIGKILL)
        run.communicate(timeout=30)
        assert run.returncode in (0, -signal.SIGKILL), run.stderr
        snapshots.append(output_files(out))
        check_store(out / "launchfeed.sqlite")
        check_archive(out / "archive")
        for name, content in snapshots[-1].items():
            if name.endswith(".csv"):
                assert_whole_csv(name, content)

    monkeypatch.setattr(mod_jp, "now_jst", lambda: JAPAN_NOW)
    monkeypatch.chdir(tmp_path)
    assert main(collect_args(good.site, out)) == 0, capsys.readouterr().err
    final = output_files(out)
    for snapshot in snapshots:
        assert all(content in (good.previous[name], final[name]) for name, content in snapshot.items())
    assert {name: comparable(name, content) for name, content in final.items()} == {
        name: comparable(name, content) for name, content in good.complete.items()
    }
    assert leftovers(out) == []
    counts = check_store(out / "launchfeed.sqlite")
    assert counts["documents"] == counts["extracted"] == good.complete_counts["documents"]
    assert counts["reports"] == good.complete_counts["reports"]


# -- two runs at once ----------------------------------------------------------------------------


def test_two_runs_at_once_one_collects_and_the_other_leaves_with_75(good, tmp_path, monkeypatch, capsys):
    out = tmp_path / "out"
    shutil.copytree(good.previous_dir, out)
    good.followup.hold()  # whichever run takes the lock stays in it until the follow-up is answered
    runs = [start_run("none", tmp_path / "unused", collect_args(good.site, out), tmp_path) for _ in range(2)]
    try:
        deadline = time.monotonic() + 30
        while not (good.followup.asked.is_set() and any(run.poll() is not None for run in runs)):
            assert time.monotonic() < deadline, "the two runs never met"
            time.sleep(0.02)
        [loser] = [run for run in runs if run.poll() is not None]
        [winner] = [run for run in runs if run is not loser]
        assert loser.returncode == 75
        stdout, stderr = loser.communicate()
        lock = out / "launchfeed.lock"
        [message] = stderr.splitlines()
        assert message.startswith(f"launchfeed: another launchfeed run holds {lock} (pid {winner.pid} since ")
        assert message.endswith("); not starting") and stdout == ""

        # while the winner holds the lock: a rebuild leaves too; a reader sees the last committed state
        monkeypatch.chdir(tmp_path)
        capsys.readouterr()
        assert main(["rebuild", "--out", str(out)]) == 75
        assert main(["query", "statements", "--out", str(out)]) == 0
        assert capsys.readouterr().out.encode("utf-8") == good.previous["statements.csv"]
    finally:
        good.followup.release()
    stdout, stderr = winner.communicate(timeout=60)
    assert winner.returncode == 0, stderr
    assert "2 new or revised documents, 2 new statements" in stdout
    assert {name: comparable(name, content) for name, content in output_files(out).items()} == {
        name: comparable(name, content) for name, content in good.complete.items()
    }
    assert leftovers(out) == []
    counts = check_store(out / "launchfeed.sqlite")
    assert counts["documents"] == good.complete_counts["documents"] and counts["unfinished_runs"] == 0


# -- a full disk, a read-only output directory -----------------------------------------------------


class FullDisk:
    """Stands in for the `os` module inside output/writers.py: files opened there take bytes
    until ``room`` is used up, then fail with ENOSPC, as a filling disk does (part written)."""

    def __init__(self, room: int) -> None:
        self.room = room
        self.failed: list[str] = []  # output files whose temporary file hit the full disk

    def __getattr__(self, name: str):
        return getattr(os, name)

    def fdopen(self, fd: int, mode: str = "r"):
        target = re.sub(r"^\.(.+)\.[^.]+\.tmp$", r"\1", Path(os.readlink(f"/proc/self/fd/{fd}")).name)
        return FillingFile(os.fdopen(fd, mode), self, target)


class FillingFile:
    def __init__(self, handle, disk: FullDisk, target: str) -> None:
        self.handle, self.disk, self.target = handle, disk, target

    def write(self, data: bytes) -> int:
        taken = min(len(data), self.disk.room)
        self.handle.write(data[:taken])
        self.disk.room -= taken
        if taken < len(data):
            self.disk.failed.append(self.target)
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
        return taken

    def __getattr__(self, name: str):
        return getattr(self.handle, name)

    def __enter__(self) -> FillingFile:
        return self

    def __exit__(self, *exc: object) -> None:
        self.handle.close()


def test_a_full_disk_leaves_the_old_outputs_and_the_next_run_writes_them(good, tmp_path, monkeypatch, capsys):
    from launchfeed.output import writers

    out = tmp_path / "out"
    shutil.copytree(good.previous_dir, out)
    monkeypatch.setattr(mod_jp, "now_jst", lambda: JAPAN_NOW)
    monkeypatch.chdir(tmp_path)
    # room for the first changed files, not for all of them
    disk = FullDisk(room=len(good.complete["statements.csv"]) + 1000)
    monkeypatch.setattr(writers, "os", disk)
    capsys.readouterr()
    assert main(collect_args(good.site, out)) == 1
    captured = capsys.readouterr()
    [full] = disk.failed
    [message] = captured.err.splitlines()
    assert message.startswith(f"launchfeed: disk full: cannot write {out / full} (No space left on device); ")
    assert "free space on the disk that holds " + str(out) in message
    assert "kept in the store" in message  # what was collected is not lost
    assert output_files(out) == good.previous  # every old file intact, none half-new
    assert leftovers(out) == []
    counts = check_store(out / "launchfeed.sqlite")
    assert counts["documents"] == good.complete_counts["documents"]
    assert counts["reports"] == counts["extracted"] == good.complete_counts["reports"]
    assert counts["unfinished_runs"] == 0
    db = sqlite3.connect(out / "launchfeed.sqlite")
    assert db.execute("SELECT status FROM runs ORDER BY id DESC LIMIT 1").fetchone() == ("failed",)
    db.close()

    monkeypatch.setattr(writers, "os", os)  # space freed
    assert main(collect_args(good.site, out)) == 0
    changed = sum(good.previous[name] != good.complete[name] for name in OUTPUT_FILES)
    assert f"wrote {changed} files in {out}" in capsys.readouterr().out
    assert {name: comparable(name, content) for name, content in output_files(out).items()} == {
        name: comparable(name, content) for name, content in good.complete.items()
    }


def test_a_full_store_stops_the_run_with_one_line_and_the_next_run_finishes(good, tmp_path, monkeypatch, capsys):
    """SQLITE_FULL, as a disk filling under the store gives it: the store may not grow by a page."""
    from launchfeed.output.store import Store

    out = tmp_path / "out"
    shutil.copytree(good.previous_dir, out)
    monkeypatch.setattr(mod_jp, "now_jst", lambda: JAPAN_NOW)
    monkeypatch.chdir(tmp_path)
    real_init = Store.__init__

    def no_room_to_grow(self, *args, **kwargs) -> None:
        real_init(self, *args, **kwargs)
        pages = self.db.execute("PRAGMA page_count").fetchone()[0]
        self.db.execute(f"PRAGMA max_page_count = {pages}")

    monkeypatch.setattr(Store, "__init__", no_room_to_grow)
    capsys.readouterr()
    assert main(collect_args(good.site, out)) == 1
    captured = capsys.readouterr()
    [message] = captured.err.splitlines()
    store = out / "launchfeed.sqlite"
    assert message.startswith(f"launchfeed: disk full: cannot write the store {store} (database or disk is full); ")
    assert message.endswith(f"free space on the disk that holds {out} (or point --data-dir elsewhere) and run again")
    assert output_files(out) == good.previous and leftovers(out) == []
    check_store(store)  # sound: each write that fitted is whole, the one that did not left nothing

    monkeypatch.setattr(Store, "__init__", real_init)  # space freed
    assert main(collect_args(good.site, out)) == 0
    assert {name: comparable(name, content) for name, content in output_files(out).items()} == {
        name: comparable(name, content) for name, content in good.complete.items()
    }


def test_a_full_disk_under_the_archive_says_so_in_one_line(good, tmp_path, monkeypatch, capsys):
    from launchfeed.scrapers.archive import Archive

    out = tmp_path / "out"
    shutil.copytree(good.previous_dir, out)
    monkeypatch.setattr(mod_jp, "now_jst", lambda: JAPAN_NOW)
    monkeypatch.chdir(tmp_path)

    def full(self, content: bytes):
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(Archive, "put", full)
    capsys.readouterr()
    assert main(collect_args(good.site, out)) == 1
    [message] = capsys.readouterr().err.splitlines()
    assert message.startswith(f"launchfeed: disk full: cannot write {out / 'archive'} (No space left on device); ")
    assert output_files(out) == good.previous
    assert check_store(out / "launchfeed.sqlite")["documents"] == good.previous_counts["documents"]


def make_read_only(directory: Path, monkeypatch) -> None:
    """chmod 0555; where that does not stop writes (root), new files there fail as they would."""
    directory.chmod(0o555)
    probe = directory / "probe"
    try:
        probe.touch()
    except PermissionError:
        return
    probe.unlink()
    real_mkstemp = tempfile.mkstemp

    def refused(*args, **kwargs):
        if Path(kwargs.get("dir") or "").resolve() == directory.resolve() and directory.stat().st_mode & 0o200 == 0:
            raise PermissionError(errno.EACCES, os.strerror(errno.EACCES), str(directory))
        return real_mkstemp(*args, **kwargs)

    monkeypatch.setattr(tempfile, "mkstemp", refused)


def test_a_read_only_output_directory_is_named_and_the_store_still_gets_the_documents(
    good, tmp_path, monkeypatch, capsys
):
    out, store = tmp_path / "out", tmp_path / "store"
    shutil.copytree(good.previous_dir, out)
    store.mkdir()
    for name in ("launchfeed.sqlite", "archive"):
        (out / name).rename(store / name)
    monkeypatch.setattr(mod_jp, "now_jst", lambda: JAPAN_NOW)
    monkeypatch.chdir(tmp_path)
    make_read_only(out, monkeypatch)
    capsys.readouterr()
    args = collect_args(good.site, out, "--db", str(store / "launchfeed.sqlite"))
    try:
        assert main(args) == 1
    finally:
        out.chmod(0o755)
    [message] = [line for line in capsys.readouterr().err.splitlines() if ": item skipped: " not in line]
    assert re.match(rf"launchfeed: cannot write {re.escape(str(out))}/[a-z.]+: Permission denied; ", message)
    assert f"make {out} writable" in message and "kept in the store" in message
    assert output_files(out) == good.previous and leftovers(out) == []
    counts = check_store(store / "launchfeed.sqlite")
    assert counts["documents"] == good.complete_counts["documents"]
    assert counts["reports"] == good.complete_counts["reports"]

    assert main(args) == 0  # writable again: the files are written
    assert {name: comparable(name, content) for name, content in output_files(out).items()} == {
        name: comparable(name, content) for name, content in good.complete.items()
    }


def test_an_output_path_that_is_a_file_is_refused_before_anything_is_fetched(good, tmp_path, capsys):
    taken = tmp_path / "feed"
    taken.write_text("not a directory\n")
    asked = len(good.site.log)
    capsys.readouterr()
    assert main(collect_args(good.site, taken, "--db", str(tmp_path / "store.sqlite"))) == 1
    captured = capsys.readouterr()
    [message] = captured.err.splitlines()
    assert message.startswith(f"launchfeed: cannot use {taken} as the output directory: ")
    assert message.endswith("point --data-dir at a directory") and captured.out == ""
    assert len(good.site.log) == asked and taken.read_text() == "not a directory\n"


# -- the child process ---------------------------------------------------------------------------


def pause(marker: Path) -> None:
    """Tell the test the run got here, then wait for its SIGKILL."""
    marker.write_text(str(os.getpid()))
    time.sleep(60)
    os._exit(99)  # never killed: leave without cleaning up anything, as a killed run would


def install_pause(point: str, marker: Path, out: Path) -> None:
    from launchfeed.output.store import Store

    if point in ("storing", "reconciling"):
        record_change = Store._record_change
        kind = "new_document" if point == "storing" else "new_event"

        def recording(self, db, what, *rest):  # called inside the transaction it is part of
            if what == kind:
                pause(marker)
            return record_change(self, db, what, *rest)

        Store._record_change = recording
    elif point == "extracting":
        Store.mark_extracted = lambda self, document_id: pause(marker)
    elif point in ("writing", "renaming"):
        calls = []
        module, name = (tempfile, "mkstemp") if point == "writing" else (os, "replace")
        original = getattr(module, name)

        def counted(*args, **kwargs):
            target = Path(kwargs["dir"]) if point == "writing" else Path(args[1]).parent
            if target.resolve() == out.resolve():
                calls.append(args)
                if len(calls) == 4:  # three output files are through
                    pause(marker)
            return original(*args, **kwargs)

        setattr(module, name, counted)


if __name__ == "__main__":
    # python tests/test_faults_process.py POINT MARKER COLLECT-ARGS...
    point, marker, *cli_args = sys.argv[1:]
    mod_jp.now_jst = lambda: JAPAN_NOW
    install_pause(point, Path(marker), Path(cli_args[cli_args.index("--out") + 1]))
    sys.exit(main(cli_args))
