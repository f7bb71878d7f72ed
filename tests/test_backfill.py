"""launchfeed backfill against a Wayback stand-in on 127.0.0.1 (tests/site_wayback.py) holding an invented
year of launches as MOD and KCNA published them (tests/history_data.py): statements with the right numbers
and their provenance, bad captures skipped by URL, resumption after SIGKILL and after the time budget,
empty answers, 429s, pacing, event ids, the progress bar, and replaying the archive."""

from __future__ import annotations

import csv
import hashlib
import io
import json
import sys
from datetime import UTC, date, datetime
from pathlib import Path

import pytest
from history_data import KCNA, LAUNCHES, MOD, build_history
from launchfeed.output.events import current_events
from launchfeed.scrapers.history import dateline_day
from launchfeed.scrapers.wayback import CdxQuery, Wayback, parse_cdx
from processes import kill_when
from site_wayback import WaybackSite

from launchfeed.backfill import backfill
from launchfeed.cli import main
from launchfeed.collect import open_workspace
from launchfeed.sources import authorities

WINDOW = ["--since", "2025-01-01", "--until", "2025-12-31"]


@pytest.fixture
def wayback():
    site = WaybackSite().start()
    try:
        yield site
    finally:
        site.release.set()
        site.stop()


def run(site: WaybackSite, out: Path, *extra: str) -> int:
    """MOD's and KCNA's history (the sources this stand-in holds), or the sources ``extra`` names."""
    sources = [] if "--source" in extra else ["--source", "mod_jp", "--source", "kcna"]
    return main(["backfill", *WINDOW, "--wayback", site.base_url, "--out", str(out), "--delay", "0",
                 "--cdx-limit", "3", *sources, *extra])  # fmt: skip


def table(out: Path, name: str) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO((out / name).read_text(encoding="utf-8"))))


def captures_answered(site: WaybackSite) -> int:
    return sum(site.served.values())


# -- the archive's API ---------------------------------------------------------------------------------


def test_cdx_answers_are_read_with_their_resume_key_and_refused_when_not_cdx():
    page = parse_cdx(b'[["urlkey","timestamp","original","mimetype","statuscode","digest","length"],'
                     b'["kp,kcna)/en/a","20250105000000","http://www.kcna.kp/en/a","text/html","200","D1","10"],'
                     b'[],["next-key"]]', "u")  # fmt: skip
    assert [c.original for c in page.captures] == ["http://www.kcna.kp/en/a"] and page.resume_key == "next-key"
    assert page.captures[0].captured_at == datetime(2025, 1, 5, tzinfo=UTC)
    assert parse_cdx(b"[]", "u").captures == [] and not parse_cdx(b"[]", "u").empty_body
    assert parse_cdx(b"", "u").empty_body
    for broken in (b"<html>Error</html>", b'{"error": 1}', b'[["urlkey"],["x"]]'):
        with pytest.raises(Exception, match="CDX"):
            parse_cdx(broken, "u")


def test_a_listing_follows_resume_keys_and_the_filters_and_collapse_it_asks_for(wayback, tmp_path):
    history = build_history(wayback)
    from launchfeed.scrapers.archive import Archive
    from launchfeed.scrapers.http import RunMemory

    client = Wayback(wayback.base_url, Archive(tmp_path), RunMemory(), interval=0, page_size=2)
    query = CdxQuery("www.kcna.kp/en/article/", date(2025, 1, 1), date(2026, 12, 31),
                     ("statuscode:200", "mimetype:text/html"), collapse="digest")  # fmt: skip
    rows, key, pages = [], None, 0
    while True:
        page = client.cdx_page(query, key)
        rows += page.captures
        pages += 1
        if page.resume_key is None:
            break
        key = page.resume_key
    client.close()
    assert pages == (len(rows) + 1) // 2  # two a page, every page asked once
    assert all(r.statuscode == "200" and r.mimetype == "text/html" for r in rows)
    assert all(row.original.startswith(KCNA + "/en/article/") for row in rows)
    # the same bytes captured again and again are listed once; the error page before them is listed
    first = f"{KCNA}{LAUNCHES[0].kcna_path}"
    assert len([r for r in rows if r.original == first]) == 2
    assert f"{KCNA}/en/article/q/{'cd' * 16}.kcmsf" not in {row.original for row in rows}  # captured as a 302
    assert history.kcna_articles < {row.original for row in rows}


def test_the_year_of_a_dateline_is_the_one_before_the_capture():
    december = dateline_day("Title\nPyongyang, December 30 (KCNA) -- text", datetime(2026, 1, 3, tzinfo=UTC))
    assert december is not None and december.date() == date(2025, 12, 30)
    may = dateline_day("Pyongyang, May 4 (KCNA) -- text", datetime(2025, 5, 4, 16, tzinfo=UTC))
    assert may is not None and may.date() == date(2025, 5, 4)  # 01:00 on the 5th in Pyongyang
    assert dateline_day("A text with no dateline", datetime(2025, 5, 4, tzinfo=UTC)) is None


# -- a whole backfill ----------------------------------------------------------------------------------


def test_every_launch_report_becomes_a_statement_with_its_numbers_and_its_capture(wayback, tmp_path, capsys):
    history = build_history(wayback)
    out = tmp_path / "out"
    assert run(wayback, out) == 0
    said = capsys.readouterr()
    statements = table(out, "statements.csv")
    got = {(s["authority"], s["launch_date_local"]): s for s in statements}
    for launch in LAUNCHES:
        day = launch.day.isoformat()
        kcna = got[("kcna", day)]
        assert (kcna["count"], kcna["range_km"]) == (str(launch.count), str(launch.kcna_range))
        if launch.mod_pdf == "truncated":
            assert ("mod_jp", day) not in got  # its only capture was cut short: nothing is guessed
            continue
        mod = got[("mod_jp", day)]
        assert (mod["count"], mod["range_km"], mod["apogee_km"]) == tuple(
            map(str, (launch.count, launch.mod_range, launch.mod_apogee))
        )
        assert mod["launch_times_local"] == launch.time
    assert len(statements) == 2 * len(LAUNCHES) - 1  # no statement from an unrelated release or article
    # provenance: the publisher's URL, the capture's URL and time, the SHA-256 of the bytes read
    archive = out / "archive"
    for statement in statements:
        assert statement["url"].startswith((MOD + "/j/press/news/", KCNA + "/en/article/"))
        assert statement["capture_url"].startswith(f"{wayback.base_url}/web/")
        assert "id_/" in statement["capture_url"] and statement["captured_at"]
        raw = (archive / statement["raw_path"]).read_bytes()
        assert hashlib.sha256(raw).hexdigest() == statement["sha256"]
    mod = got[("mod_jp", LAUNCHES[0].day.isoformat())]
    assert mod["url"] == f"{MOD}{LAUNCHES[0].mod_path}.html"  # the release's own URL, as collect stores it
    assert mod["capture_url"].endswith(f"id_/{MOD}{LAUNCHES[0].mod_path}.pdf")
    # each bad capture is named once, with why, and never read as a statement
    for bad in history.bad:
        assert bad in said.err
    assert "PDF cut short" in said.err and "article page without its title or body" in said.err
    assert "print.kcmsf" in said.err  # an article URL in a shape no plan knows: counted, never guessed at
    # the launch events join both authorities' statements
    launches = table(out, "launches.csv")
    assert len(launches) == len(LAUNCHES)
    assert {row["kcna_range_km"] for row in launches} == {str(launch.kcna_range) for launch in LAUNCHES}
    # a second run asks the archive for nothing: every listing is of the past, every capture is stored
    asked = len(wayback.log)
    assert run(wayback, out) == 0
    assert len(wayback.log) == asked
    assert max(wayback.served.values()) == 1  # and the first fetched each capture once
    # the archive replays offline to the same texts (rebuild reads each capture with its source's parser)
    capsys.readouterr()
    assert main(["rebuild", "--out", str(out)]) == 0
    assert "0 changed" in capsys.readouterr().out


def test_a_run_killed_half_way_is_completed_by_the_next_without_fetching_a_capture_twice(wayback, tmp_path):
    build_history(wayback)
    out = tmp_path / "out"
    wayback.hold_after = 8  # the ninth capture asked for is held open: the run is killed waiting for it
    args = ["backfill", *WINDOW, "--wayback", wayback.base_url, "--out", str(out), "--delay", "0", "--cdx-limit", "3",
            "--source", "mod_jp", "--source", "kcna"]  # fmt: skip
    kill_when(wayback.held, args)
    answered = captures_answered(wayback)
    assert answered == 8
    wayback.hold_after = None
    wayback.release.set()
    assert run(wayback, out) == 0
    assert max(wayback.served.values()) == 1  # no capture answered twice: the held one was never answered
    assert len(table(out, "statements.csv")) == 2 * len(LAUNCHES) - 1
    asked = len(wayback.log)
    assert run(wayback, out) == 0  # a third run asks for nothing
    assert len(wayback.log) == asked


def test_a_run_out_of_time_says_so_and_the_next_goes_on(wayback, tmp_path, capsys):
    build_history(wayback)
    out = tmp_path / "out"
    main(["backfill", *WINDOW, "--wayback", wayback.base_url, "--out", str(out), "--delay", "0.05",
          "--cdx-limit", "3", "--budget", "0.6", "--source", "mod_jp", "--source", "kcna"])  # fmt: skip
    said = capsys.readouterr().err
    assert "time budget of 0.6s used up" in said and "run the same command again" in said
    assert run(wayback, out) == 0
    assert max(wayback.served.values()) == 1
    assert len(table(out, "statements.csv")) == 2 * len(LAUNCHES) - 1


def test_an_empty_answer_is_a_warning_and_its_listing_is_asked_again(wayback, tmp_path, capsys):
    build_history(wayback)
    out = tmp_path / "out"
    wayback.empty_cdx = 2  # as some datacenter networks get: status 200 and not a byte
    assert run(wayback, out) == 1
    said = capsys.readouterr().err
    assert said.count("the archive answered an empty body") == 2 and "asked again next run" in said
    assert run(wayback, out) == 0
    assert len(table(out, "statements.csv")) == 2 * len(LAUNCHES) - 1


def test_no_captures_for_a_prefix_that_had_some_is_a_warning_not_nothing(wayback, tmp_path):
    build_history(wayback)
    ws = open_workspace(tmp_path / "out", None)
    january = date(2026, 1, 20)  # the listing of January 2026 reaches "today": it is asked again next run

    def once() -> list[str]:
        client = Wayback(wayback.base_url, ws.archive, ws.store, interval=0, page_size=3)
        summary = backfill(ws, ["kcna"], since=date(2025, 1, 1), until=date(2025, 12, 31), wayback=client,
                           today=january)  # fmt: skip
        return summary.warnings

    assert once() == []
    wayback.stored = [s for s in wayback.stored if not s.timestamp.startswith("202601")]
    warnings = once()
    assert len(warnings) == 1 and "no captures for www.kcna.kp/en/article/ (2026-01-01 to 2026-01-20)" in warnings[0]


def test_the_archive_asking_to_slow_down_is_waited_out(tmp_path):
    site = WaybackSite(rate_limit=2).start()  # 429 to a client asking more than twice a second
    try:
        build_history(site)
        out = tmp_path / "out"
        code = main(["backfill", "--since", "2025-01-01", "--until", "2025-01-31", "--source", "mod_jp",
                     "--wayback", site.base_url, "--out", str(out), "--delay", "0.2"])  # fmt: skip
        assert code == 0 and site.too_fast > 0
        assert {s["launch_date_local"] for s in table(out, "statements.csv")} == {"2025-01-14"}
    finally:
        site.stop()


def test_by_default_the_archive_is_asked_at_most_once_a_second(wayback, tmp_path):
    out = tmp_path / "out"
    main(["backfill", "--since", "2025-01-01", "--until", "2025-01-31", "--source", "mod_jp",
          "--wayback", wayback.base_url, "--out", str(out)])  # fmt: skip
    started = wayback.times
    assert len(started) == 3  # robots.txt, the year's index, the month's PDFs
    assert all(later - earlier >= 0.95 for earlier, later in zip(started, started[1:], strict=False))


def test_a_capture_redirected_off_the_archive_is_skipped_without_contacting_the_other_host(wayback, tmp_path, capsys):
    build_history(wayback)
    elsewhere = next(s for s in wayback.stored if s.original.endswith(f"{LAUNCHES[1].mod_path}.pdf"))
    elsewhere.location = f"{MOD}{LAUNCHES[1].mod_path}.pdf"
    assert run(wayback, tmp_path / "out", "--source", "mod_jp") == 0
    assert "disallowed_host" in capsys.readouterr().err
    assert LAUNCHES[1].day.isoformat() not in {
        s["launch_date_local"] for s in table(tmp_path / "out", "statements.csv")
    }


def test_event_ids_stay_when_older_statements_arrive(wayback, tmp_path):
    build_history(wayback)
    out = tmp_path / "out"
    assert run(wayback, out, "--source", "kcna") == 0  # KCNA reports a launch the morning after
    before = {row["launch_date_local"]: row["event_id"] for row in table(out, "launches.csv")}
    assert run(wayback, out, "--source", "mod_jp") == 0  # MOD's releases of the launch day, published earlier
    after = table(out, "launches.csv")
    assert {row["launch_date_local"]: row["event_id"] for row in after} == before
    assert sum(bool(row["mod_jp_count"]) for row in after) == 3
    ws = open_workspace(out, None)
    assert all(event.authorities for event in current_events(ws.store, authorities()))


def test_crosscheck_reports_the_coverage_of_the_reference_launches_by_authority(wayback, tmp_path, capsys):
    build_history(wayback)
    out = tmp_path / "out"
    assert run(wayback, out) == 0

    def rows(day: str, time: str, count: int) -> list[dict]:
        return [{"date": day, "time": time, "series": n, "missile": "unknown", "facility": "unknown",
                 "distance": "unknown", "apogee": "unknown"} for n in range(1, count + 1)]  # fmt: skip

    # the four launches (UTC), and one in August of which the archive holds nothing
    data = [*rows("2025-01-13", "22:44 (UTC)", 2), *rows("2025-03-09", "21:05 (UTC)", 1),
            *rows("2025-05-08", "00:10 (UTC)", 3), *rows("2025-08-20", "03:00 (UTC)", 1),
            *rows("2025-12-29", "05:20 (UTC)", 2)]  # fmt: skip
    reference = tmp_path / "tests.json"
    reference.write_text(json.dumps({"timeBins": [{"year": 2025, "data": data}]}), encoding="utf-8")
    capsys.readouterr()
    assert main(["crosscheck", str(reference), "--out", str(out), *WINDOW]) == 0
    text = capsys.readouterr().out
    assert "Coverage: 4 of 5 (80%) reference launches in the period have a statement" in text
    assert "mod_jp  3 of 5 (60%); without: 2025-05-08, 2025-08-20" in text
    assert "kcna    4 of 5 (80%); without: 2025-08-20" in text
    assert "Reference launches missing from the events:\n  2025-08-20 03:00Z  1 missile" in text


class Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_the_progress_bar_shows_on_a_terminal_only(wayback, tmp_path, monkeypatch, capsys):
    build_history(wayback)
    assert run(wayback, tmp_path / "quiet") == 0
    assert "\r" not in capsys.readouterr().err
    terminal = Terminal()
    monkeypatch.setattr(sys, "stderr", terminal)
    assert run(wayback, tmp_path / "shown") == 0
    drawn = terminal.getvalue()
    assert "captures listed" in drawn and "captures fetched" in drawn and "kept" in drawn and "/s" in drawn


def test_a_source_the_config_turns_off_is_backfilled_only_when_named(wayback, tmp_path, monkeypatch):
    build_history(wayback)
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("LAUNCHFEED_JCS_KR_PROXY", raising=False)
    # indopacom's own site is not in this stand-in; jcs_kr, without its proxy, is left out (said)
    Path("launchfeed.toml").write_text("[sources.kcna]\nenabled = false\n[sources.indopacom]\nenabled = false\n",
                                       encoding="utf-8")  # fmt: skip
    assert main(["backfill", *WINDOW, "--wayback", wayback.base_url, "--out", str(tmp_path / "out"), "--delay", "0",
                 "--cdx-limit", "3"]) == 0  # fmt: skip
    assert {s["authority"] for s in table(tmp_path / "out", "statements.csv")} == {"mod_jp"}
    assert not [r for r in wayback.log if "kcna" in r.path]
    assert run(wayback, tmp_path / "out", "--source", "kcna") == 0
    assert {s["authority"] for s in table(tmp_path / "out", "statements.csv")} == {"mod_jp", "kcna"}


def test_backfill_refuses_what_it_cannot_do(tmp_path, capsys):
    out = str(tmp_path / "out")
    assert main(["backfill", "--since", "2025-01-01", "--source", "mnd_kr", "--out", out]) == 2
    assert "no archive plan for mnd_kr" in capsys.readouterr().err
    assert main(["backfill", "--since", "2025-13-01", "--out", out]) == 2
    assert main(["backfill", "--since", "2025-02-01", "--until", "2025-01-01", "--out", out]) == 2
    assert main(["backfill", "--since", "2025-01-01", "--wayback", "ftp://archive", "--out", out]) == 2
