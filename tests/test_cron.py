"""`launchfeed collect` as a cron job runs it: quiet when nothing is new, a line per new
statement, one line per failing source, a progress bar only on a terminal, one run at a time."""

from __future__ import annotations

import io
import subprocess
import sys
import time

from launchfeed.scrapers import indopacom, mod_jp
from launchfeed.scrapers.errors import SourceError
from site_mod_jp import ROOT, build_mod_jp_site

from launchfeed.cli import main
from launchfeed.collect import run_lock


def collect_args(site, out) -> list[str]:
    return ["collect", "--source", "mod_jp", "--base-url", site.base_url, "--out", str(out), "--delay", "0"]


def test_new_statements_get_a_line_each_then_a_quiet_run_gets_one_line(site, tmp_path, capsys):
    build_mod_jp_site(site)
    assert main(collect_args(site, tmp_path)) == 0
    captured = capsys.readouterr()
    lines = captured.out.splitlines()
    statements = [line for line in lines if line.startswith("new statement ")]
    assert len(statements) == 5
    salvo = next(line for line in statements if "2026-10-03" in line)
    # authority, launch date (and time), count, range; the URL to read it
    assert salvo.startswith("new statement      mod_jp 2026-10-03 06:15 followup: 2 missiles, range 350 km")
    assert salvo.endswith("https://www.mod.go.jp/j/press/news/2026/10/03d.html")
    assert len([line for line in lines if line.startswith("new launch ")]) == 4
    assert lines[-1].startswith("5 new or revised documents, 5 new statements, 0 revised; wrote 10 files in ")
    assert "\r" not in captured.err  # no progress bar: stderr is not a terminal

    assert main(collect_args(site, tmp_path)) == 0
    captured = capsys.readouterr()
    assert captured.out == "nothing new from 1 source; no files written\n" and captured.err == ""


def test_each_failing_source_gets_one_line_and_the_exit_code_is_1(tmp_path, capsys, monkeypatch):
    def broken_listing(ctx):
        message = "listing yielded no items;\nthe page layout may have\tchanged"
        ctx.listing_problem(SourceError("layout_changed", message, url="https://www.mod.go.jp/j/rss/news.xml"))

    def crashing(ctx):
        raise KeyError("pubDate\nsecond line")

    monkeypatch.setattr(mod_jp, "crawl", broken_listing)
    monkeypatch.setattr(indopacom, "crawl", crashing)
    assert main(["collect", "--source", "mod_jp", "--source", "indopacom", "--out", str(tmp_path)]) == 1
    captured = capsys.readouterr()
    assert captured.err.splitlines() == [
        "launchfeed: mod_jp failed: layout_changed: listing yielded no items; the page layout may have changed "
        "[https://www.mod.go.jp/j/rss/news.xml]",
        "launchfeed: indopacom failed: internal_error: KeyError: 'pubDate\\nsecond line'",
    ]
    assert captured.out.startswith("0 new or revised documents, 0 new statements, 0 revised; wrote 10 files in ")


class Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_progress_bar_only_on_a_terminal(site, tmp_path, capsys, monkeypatch):
    build_mod_jp_site(site)
    terminal = Terminal()
    monkeypatch.setattr(sys, "stderr", terminal)
    assert main(collect_args(site, tmp_path)) == 0
    drawn = terminal.getvalue()
    assert "\r[" in drawn and "1/1 sources fetched" in drawn and "5/5 documents extracted" in drawn
    bar, _, said = drawn.partition("launchfeed: ")
    assert bar.endswith("\r")  # the bar is wiped before anything is said
    assert said.startswith("mod_jp: item skipped: access_challenged")  # 03a, a flash without a PDF
    assert "\r" not in capsys.readouterr().out


def test_a_second_run_leaves_at_once_while_the_first_holds_the_lock(site, tmp_path):
    build_mod_jp_site(site)
    # the news feed answers slowly, so the first run is still going when the second starts
    site.add_file("/j/rss/news.xml", ROOT / "j/rss/news.xml", content_type="application/rss+xml", delay=3.0)
    out = tmp_path / "out"
    command = [sys.executable, "-m", "launchfeed.cli", *collect_args(site, out)]
    first = subprocess.Popen(command, cwd=tmp_path, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        lock = out / "launchfeed.lock"
        deadline = time.monotonic() + 30
        while not (lock.exists() and f"pid {first.pid} " in lock.read_text()):
            assert first.poll() is None and time.monotonic() < deadline, "the first run never took the lock"
            time.sleep(0.05)
        started = time.monotonic()
        second = subprocess.run(command, cwd=tmp_path, capture_output=True, text=True, timeout=30)
        assert second.returncode == 75
        [message] = second.stderr.splitlines()
        assert message.startswith(f"launchfeed: another launchfeed run holds {lock} (pid {first.pid} since ")
        assert message.endswith("); not starting")
        assert second.stdout == "" and time.monotonic() - started < 10
        assert first.poll() is None  # the first run was still going all along
        stdout, stderr = first.communicate(timeout=60)
        assert first.returncode == 0, stderr
        assert "5 new statements" in stdout
    finally:
        if first.poll() is None:
            first.kill()
            first.wait()
    with run_lock(out):  # released when the first run ended
        pass


def test_an_extractor_error_on_one_document_leaves_it_pending_and_the_others_are_read(site, tmp_path, capsys,
                                                                                     monkeypatch):  # fmt: skip
    from launchfeed.extract import Extractor

    build_mod_jp_site(site)
    real_read = Extractor._read

    def failing_on_one_text(self, chunk):
        if any("２２時０８分" in item["text"] for item in chunk):  # the release of 2026-08-27
            raise ZeroDivisionError("a bug in a rule")
        return real_read(self, chunk)

    monkeypatch.setattr(Extractor, "_read", failing_on_one_text)
    assert main(collect_args(site, tmp_path)) == 1
    captured = capsys.readouterr()
    assert [line for line in captured.err.splitlines() if ": item skipped: " not in line] == [
        "launchfeed: extraction failed on https://www.mod.go.jp/j/press/news/2026/08/27c.html (ZeroDivisionError: a "
        "bug in a rule); the document stays stored and is read again next run"
    ]
    assert "4 new statements" in captured.out
    statements = (tmp_path / "statements.csv").read_text(encoding="utf-8")
    assert "2026-10-03" in statements and "2026-08-27" not in statements

    monkeypatch.setattr(Extractor, "_read", real_read)  # the extractor fixed: the next run reads it
    assert main(collect_args(site, tmp_path)) == 0
    assert "1 new statements" in capsys.readouterr().out
    assert "2026-08-27" in (tmp_path / "statements.csv").read_text(encoding="utf-8")


def test_two_runs_into_different_directories_sharing_one_store_do_not_overlap(site, tmp_path, capsys):
    build_mod_jp_site(site)
    store = tmp_path / "shared" / "launchfeed.sqlite"
    with run_lock(tmp_path / "first", store):  # a run writing to first/ with the shared store
        code = main([*collect_args(site, tmp_path / "second"), "--db", str(store)])
    assert code == 75 and site.log == []
    holder = store.parent / "launchfeed.lock"
    assert capsys.readouterr().err.startswith(f"launchfeed: another launchfeed run holds {holder}")
    assert main([*collect_args(site, tmp_path / "second"), "--db", str(store)]) == 0


def test_sources_says_ok_and_which_items_its_last_run_skipped(site, tmp_path, capsys):
    build_mod_jp_site(site)

    def mod_jp_line() -> str:
        assert main(["sources", "--out", str(tmp_path)]) == 0
        return next(line for line in capsys.readouterr().out.splitlines() if line.startswith("mod_jp"))

    assert main(collect_args(site, tmp_path)) == 0
    assert mod_jp_line() == "mod_jp     ok (items skipped: access_challenged x1)"  # 03a, a flash without a PDF
    assert main(collect_args(site, tmp_path)) == 0  # 03a waits for its backoff: nothing skipped
    assert mod_jp_line() == "mod_jp     ok"


def test_quiet_prints_nothing_when_nothing_is_new_and_the_news_when_there_is(site, tmp_path, capsys):
    build_mod_jp_site(site)
    assert main([*collect_args(site, tmp_path), "-q"]) == 0
    captured = capsys.readouterr()
    assert [line.split()[0] for line in captured.out.splitlines()] == ["new"] * 9  # 5 statements, 4 launches
    assert captured.err.startswith("launchfeed: mod_jp: item skipped: access_challenged")  # said once
    assert main([*collect_args(site, tmp_path), "-q"]) == 0
    assert capsys.readouterr() == ("", "")  # cron mails nothing


def test_quiet_says_a_failing_source_when_its_state_changes(tmp_path, capsys, monkeypatch):
    from launchfeed.output.store import Store

    def broken_listing(ctx):
        ctx.listing_problem(SourceError("layout_changed", "listing yielded no items", url="https://x.invalid/rss"))

    monkeypatch.setattr(indopacom, "crawl", broken_listing)
    argv = ["collect", "--source", "indopacom", "--data-dir", str(tmp_path), "-q"]

    def run() -> tuple[int, str, str]:
        code = main(argv)
        captured = capsys.readouterr()
        return code, captured.out, captured.err

    code, out, err = run()
    assert (code, out) == (1, "") and err == (
        "launchfeed: indopacom failed: layout_changed: listing yielded no items [https://x.invalid/rss]\n"
    )
    assert run() == (1, "", "")  # still failing, already said: only the exit code says it
    store = Store(tmp_path / "launchfeed.sqlite")
    since = store.db.execute("SELECT MIN(started_at) FROM source_runs").fetchone()[0]
    store.db.execute("UPDATE source_alerts SET at = '2000-01-01T00:00:00+00:00'")  # a day and more ago
    store.close()
    code, out, err = run()
    assert (code, out) == (1, "") and err.startswith(f"launchfeed: indopacom still failing since {since}: ")
    assert run() == (1, "", "")
    # a shorter reminder interval: said again at once
    assert main([*argv, "--still-failing-after", "0"]) == 1
    assert "still failing since" in capsys.readouterr().err

    def empty_feed(ctx):  # the source works again (nothing new in it)
        pass

    monkeypatch.setattr(indopacom, "crawl", empty_feed)
    assert run() == (0, f"indopacom recovered: it works again after failing since {since}\n", "")
    assert run() == (0, "", "")


def test_without_quiet_every_run_names_the_failing_source(tmp_path, capsys, monkeypatch):
    def crashing(ctx):
        raise KeyError("pubDate")

    monkeypatch.setattr(indopacom, "crawl", crashing)
    for _ in range(2):
        assert main(["collect", "--source", "indopacom", "--data-dir", str(tmp_path)]) == 1
        assert capsys.readouterr().err == "launchfeed: indopacom failed: internal_error: KeyError: 'pubDate'\n"


def test_report_is_written_in_the_same_run_when_the_files_change(site, tmp_path, capsys):
    build_mod_jp_site(site)
    assert main([*collect_args(site, tmp_path), "--report"]) == 0
    assert "wrote 11 files in " in capsys.readouterr().out.splitlines()[-1]
    page = tmp_path / "report.html"
    assert page.read_text(encoding="utf-8").startswith("<!DOCTYPE html>") and "4 launch events" in page.read_text()
    before = page.stat().st_mtime_ns
    assert main([*collect_args(site, tmp_path), "--report"]) == 0  # nothing new: the page is left as it was
    assert capsys.readouterr().out == "nothing new from 1 source; no files written\n"
    assert page.stat().st_mtime_ns == before
    page.unlink()
    assert main([*collect_args(site, tmp_path), "--report"]) == 0  # gone: written again
    assert page.is_file() and "wrote 1 file in " in capsys.readouterr().out
