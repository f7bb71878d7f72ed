"""launchfeed backfill for the sources read from their own paginated listings (jcs_kr through its proxy or a
mirror, indopacom) and from the Wayback captures of a tag page (dod), against loopback stand-ins holding an
invented stretch of their history (tests/history_sites.py): walking back to --since and stopping there,
the listing's end, resumption after SIGKILL, a repeated run asking nothing, bad pages skipped by URL, a
layout change at page 1, and the proxy JCS needs."""

from __future__ import annotations

import csv
import hashlib
import io
import threading
from collections import Counter
from collections.abc import Callable, Iterator
from datetime import date
from pathlib import Path

import pytest
from history_sites import (
    DELETED,
    DENIED,
    DOD_LAUNCHES,
    ENGLISH_PAGES,
    INDOPACOM_LAUNCHES,
    JCS_LAUNCHES,
    KOREAN_PAGES,
    MEETING,
    NEWS,
    NEWS_PAGES,
    OLD,
    dod_history,
    jcs_history,
)
from launchfeed.scrapers.articlecs import listing_entries, written_day
from processes import kill_when
from site_indopacom import NewsListing, build_news_listing
from site_jcs_kr import ENGLISH, KOREAN, JcsSite, build_jcs_kr_site, listing_path, post_path
from site_wayback import WaybackSite
from sitekit import FixtureSite, Request, Response

from launchfeed.cli import main

WINDOW = ["--since", "2025-01-01", "--until", "2025-12-31"]
JCS = "https://www.jcs.mil.kr"


class HoldingSite(FixtureSite):
    """A fixture site that counts what it answered and holds one request open on demand (``hold``), for a
    test to kill its client there."""

    def __init__(self) -> None:
        super().__init__()
        self.hold: Callable[[Request], bool] | None = None
        self.held, self.release = threading.Event(), threading.Event()
        self.answered: Counter[str] = Counter()

    def _respond(self, request: Request) -> Response:
        if self.hold and self.hold(request):
            self.hold = None
            self.held.set()
            self.release.wait(30)
            return Response(b"", 503)
        response = super()._respond(request)
        if response.status < 400 and request.path != "/robots.txt":
            self.answered[request.path] += 1
        return response


class Stand:
    """The three stand-ins and a working directory whose launchfeed.toml points jcs_kr and indopacom at
    their mirrors."""

    def __init__(self, home: Path) -> None:
        self.home, self.out = home, home / "out"
        self.jcs_site, self.pacom_site = HoldingSite().start(), HoldingSite().start()
        self.wayback = WaybackSite().start()
        self.jcs: JcsSite = build_jcs_kr_site(self.jcs_site)
        jcs_history(self.jcs)
        self.news: NewsListing = build_news_listing(self.pacom_site, NEWS)
        self.dod = dod_history(self.wayback)
        (home / "launchfeed.toml").write_text(
            f'[sources.jcs_kr]\nbase_url = "{self.jcs_site.base_url}"\n'
            f'[sources.indopacom]\nbase_url = "{self.pacom_site.base_url}"\n', encoding="utf-8")  # fmt: skip

    def argv(self, *sources: str, window: list[str] = WINDOW) -> list[str]:
        named = [token for source in sources for token in ("--source", source)]
        return ["backfill", *window, "--wayback", self.wayback.base_url, "--out", str(self.out), "--delay", "0",
                "--cdx-limit", "2", *named]  # fmt: skip

    def run(self, *sources: str, window: list[str] = WINDOW) -> int:
        return main(self.argv(*sources, window=window))

    def requests(self) -> int:
        return len(self.jcs_site.log) + len(self.pacom_site.log) + len(self.wayback.log)

    def stop(self) -> None:
        for site in (self.jcs_site, self.pacom_site, self.wayback):
            site.release.set()
            site.stop()


@pytest.fixture
def stand(tmp_path, monkeypatch) -> Iterator[Stand]:
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("LAUNCHFEED_JCS_KR_PROXY", raising=False)
    stand = Stand(tmp_path)
    try:
        yield stand
    finally:
        stand.stop()


def table(out: Path, name: str) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO((out / name).read_text(encoding="utf-8"))))


def pages_asked(site: FixtureSite, marker: str, name: str = "page") -> list[int]:
    """The listing pages asked, in order (posts, which name a page too, left out)."""
    listings = [r.path for r in site.log if marker in r.path and f"{name}=" in r.path and "boardSeq" not in r.path]
    return [int(path.rsplit(f"{name}=", 1)[1].split("&")[0]) for path in listings]


# -- JCS: its boards, walked back through the mirror (or the proxy) -------------------------------------------


def test_jcs_boards_are_walked_back_to_since_and_each_post_in_the_window_is_read_once(stand, capsys):
    assert stand.run("jcs_kr") == 0
    said = capsys.readouterr()
    # the Korean board's fifth page is wholly of 2024: the walk stops there, its sixth is never asked
    assert pages_asked(stand.jcs_site, KOREAN) == list(range(1, KOREAN_PAGES + 1))
    assert pages_asked(stand.jcs_site, ENGLISH) == list(range(1, ENGLISH_PAGES + 1))
    posts = {path.split("boardSeq=")[1].split("&")[0] for path in stand.jcs_site.answered if "albumView" in path}
    assert posts == {"124402", "124210", DELETED, "124105", "123990", "123988", "123991"}  # 2025's, no other
    assert max(stand.jcs_site.answered.values()) == 1
    # the deleted post is skipped, said once with its URL and why
    assert f"jcs_kr: page skipped: {JCS}{post_path(KOREAN, DELETED)}: layout_changed" in said.err
    statements = [s for s in table(stand.out, "statements.csv") if s["stage"] == "final"]
    finals = {(s["launch_date_local"], s["lang"]): s for s in statements}
    for day, (count, range_km) in JCS_LAUNCHES.items():
        assert (finals[(day, "ko")]["count"], finals[(day, "ko")]["range_km"]) == (count, range_km)
    assert finals[("2025-03-10", "en")]["range_km"] == "1000"
    for statement in table(stand.out, "statements.csv"):  # the publisher's URL; read from the site, no capture
        assert statement["url"].startswith(f"{JCS}/user/boardList.action?") and not statement["capture_url"]
        raw = (stand.out / "archive" / statement["raw_path"]).read_bytes()
        assert hashlib.sha256(raw).hexdigest() == statement["sha256"]
    first = next(s for s in table(stand.out, "statements.csv") if s["stage"] == "flash")
    assert first["published_at"].startswith("2025-03-10T06:31:09")
    asked = stand.requests()
    assert stand.run("jcs_kr") == 0  # a repeated run asks nothing
    assert stand.requests() == asked
    # an earlier --since goes on from the page each walk stopped at, never from page 1
    assert stand.run("jcs_kr", window=["--since", "2024-06-01", "--until", "2025-12-31"]) == 0
    assert pages_asked(stand.jcs_site, KOREAN)[KOREAN_PAGES:] == [KOREAN_PAGES + 1, KOREAN_PAGES + 2]
    assert pages_asked(stand.jcs_site, ENGLISH)[ENGLISH_PAGES:] == [ENGLISH_PAGES + 1]


def test_a_board_that_repeats_its_last_page_past_the_end_ends_there(stand):
    stand.jcs.repeat_last = True
    assert stand.run("jcs_kr", window=["--since", "2020-01-01", "--until", "2025-12-31"]) == 0
    assert pages_asked(stand.jcs_site, KOREAN) == list(range(1, 8))  # page 7 is page 6 again: the end
    asked = stand.requests()
    assert stand.run("jcs_kr", window=["--since", "2019-01-01", "--until", "2025-12-31"]) == 0
    assert stand.requests() == asked  # its end was reached: never walked again


def test_jcs_needs_its_proxy_or_a_mirror(stand, capsys, monkeypatch):
    (stand.home / "launchfeed.toml").unlink()
    assert stand.run("jcs_kr") == 2  # named without a proxy or a mirror: a usage error, nothing asked
    said = capsys.readouterr().err
    assert "cannot backfill jcs_kr: geo-blocked outside KR: set LAUNCHFEED_JCS_KR_PROXY" in said
    assert "base_url in [sources.jcs_kr]" in said and stand.jcs_site.log == []
    # not named, it is left out of the run, said
    (stand.home / "launchfeed.toml").write_text("[sources.indopacom]\nenabled = false\n", encoding="utf-8")
    assert stand.run() == 0
    assert "backfill: jcs_kr not run: geo-blocked outside KR" in capsys.readouterr().err
    assert stand.jcs_site.log == []
    # through the proxy (the fixture site is its own): every request goes through it
    monkeypatch.setenv("LAUNCHFEED_JCS_KR_PROXY", stand.jcs_site.base_url)
    assert main([*stand.argv("jcs_kr"), "--base-url", stand.jcs_site.base_url]) == 0
    assert stand.jcs_site.log and all(request.proxied for request in stand.jcs_site.log)
    jcs = {s["launch_date_local"] for s in table(stand.out, "statements.csv") if s["authority"] == "jcs"}
    assert jcs == set(JCS_LAUNCHES)


# -- INDOPACOM: its news listing ----------------------------------------------------------------------------


def test_indopacom_news_is_walked_back_to_since_and_its_launch_statements_kept(stand, capsys):
    assert stand.run("indopacom") == 0
    assert pages_asked(stand.pacom_site, "/Media/News/", "Page") == list(range(1, NEWS_PAGES + 1))
    documents = {s["url"]: s for s in table(stand.out, "statements.csv")}
    assert {s["launch_date_local"] for s in documents.values()} == INDOPACOM_LAUNCHES
    # a relative link is the publisher's URL; the entry is the document (its article pages sit behind Akamai)
    december = next(item for item in NEWS if item.relative)
    assert december.url in documents and not documents[december.url]["capture_url"]
    assert documents[december.url]["published_at"].startswith("2025-12-29T00:00:00-10:00")
    assert "1 releases listed" not in capsys.readouterr().out
    asked = stand.requests()
    assert stand.run("indopacom") == 0
    assert stand.requests() == asked
    capsys.readouterr()
    assert main(["rebuild", "--out", str(stand.out)]) == 0  # the entries replay to the same texts
    assert "0 changed" in capsys.readouterr().out


@pytest.mark.parametrize("source", ["indopacom", "jcs_kr"])
def test_a_page_1_with_no_release_is_a_layout_change_naming_its_url(stand, capsys, source):
    if source == "indopacom":
        stand.news.layout_changed = True
    else:
        original = stand.jcs.listing
        stand.jcs.listing = lambda board, page=1: original(board, page).replace('onclick="javascript:', 'data-x="')
    assert stand.run(source) == 1
    said = capsys.readouterr().err
    assert f"backfill: {source} stopped: layout_changed: page 1 of the listing yields no releases" in said
    assert ("/Media/News/?Page=1]" if source == "indopacom" else f"{listing_path(KOREAN)}&page=1]") in said
    assert "run the same command again" in said


@pytest.mark.parametrize("end", ["an empty page", "a 404"])
def test_the_listing_end_finishes_a_walk(stand, end):
    if end == "a 404":
        listed = stand.news.handle
        stand.pacom_site.add("/Media/News/", lambda r: Response(b"", 404) if "Page=5" in r.path else listed(r))
    assert stand.run("indopacom", window=["--since", "2020-01-01", "--until", "2025-12-31"]) == 0
    assert pages_asked(stand.pacom_site, "/Media/News/", "Page") == [1, 2, 3, 4, 5]  # the fifth lists nothing
    asked = stand.requests()
    assert stand.run("indopacom", window=["--since", "2010-01-01", "--until", "2025-12-31"]) == 0
    assert stand.requests() == asked


# -- DoD: the captures of its tag page ------------------------------------------------------------------------


def test_dod_reads_the_articles_its_tag_page_captures_list(stand, capsys):
    assert stand.run("dod") == 0
    said = capsys.readouterr().err
    statements = table(stand.out, "statements.csv")
    assert {s["launch_date_local"] for s in statements} == DOD_LAUNCHES
    for statement in statements:  # the publisher's URL, the capture's URL and time, the bytes' SHA-256
        assert statement["capture_url"].startswith(f"{stand.wayback.base_url}/web/") and statement["captured_at"]
        assert f"id_/{statement['url']}" in statement["capture_url"]
        raw = (stand.out / "archive" / statement["raw_path"]).read_bytes()
        assert hashlib.sha256(raw).hexdigest() == statement["sha256"]
    # the error page captured as the tag page, and the article only archived as Akamai's page: skipped by URL
    assert f"dod: capture skipped: {stand.wayback.base_url}{stand.dod.bad_tag}: layout_changed" in said
    assert f"{DENIED.url}: access_challenged" in said
    served = {path.split("id_/", 1)[1] for path in stand.wayback.served}
    assert OLD.url not in served  # listed, but published before --since: never asked for
    assert MEETING.url in served  # read, and another subject: no statement
    assert max(stand.wayback.served.values()) == 1  # the article on both hosts was asked for once
    asked = stand.requests()
    assert stand.run("dod") == 0
    assert stand.requests() == asked
    capsys.readouterr()
    assert main(["rebuild", "--out", str(stand.out)]) == 0
    assert "0 changed" in capsys.readouterr().out


# -- killed half-way --------------------------------------------------------------------------------------------


KILL_POINTS = {
    "a jcs board page": lambda stand: stand.jcs_site,
    "a jcs post": lambda stand: stand.jcs_site,
    "a dod article": lambda stand: stand.wayback,
}


@pytest.mark.parametrize("where", list(KILL_POINTS))
def test_a_run_killed_half_way_is_completed_by_the_next_without_asking_anything_twice(stand, where):
    if where == "a jcs board page":
        stand.jcs_site.hold = lambda r: f"{listing_path(KOREAN)}&page=3" == r.path
    elif where == "a jcs post":
        stand.jcs_site.hold = lambda r: "boardSeq=123990" in r.path
    else:
        stand.wayback.hold_after = 3  # the fourth capture asked for
    held = KILL_POINTS[where](stand)
    kill_when(held.held, stand.argv("jcs_kr", "indopacom", "dod"))
    stand.wayback.hold_after = None
    for site in (stand.jcs_site, stand.pacom_site, stand.wayback):
        site.release.set()
    assert stand.run("jcs_kr", "indopacom", "dod") == 0
    answered = stand.jcs_site.answered + stand.pacom_site.answered + Counter(stand.wayback.served)
    assert max(answered.values()) == 1  # nothing answered twice: the held request was never answered
    authorities = Counter(s["authority"] for s in table(stand.out, "statements.csv"))
    assert set(authorities) == {"jcs", "indopacom", "dod"}
    asked = stand.requests()
    assert stand.run("jcs_kr", "indopacom", "dod") == 0  # a third run asks nothing
    assert stand.requests() == asked


# -- reading listings whose markup is undocumented ----------------------------------------------------------


def test_written_days_in_the_forms_listings_use():
    assert written_day("Posted Nov. 19, 2026 by PA") == date(2026, 11, 19)
    assert written_day("Sept. 3, 2024") == date(2024, 9, 3)
    assert written_day("19 November 2026") == date(2026, 11, 19)
    assert written_day("2026-02-30 then March 1, 2026") == date(2026, 3, 1)  # not a real day: the next one
    assert written_day("no date here") is None


def test_a_listing_entry_is_the_element_around_one_release_link():
    html = """<html><body><nav><a href="/Media/News/">News</a></nav><main><div class="list">
    <div class="x"><a href="/A/Article/1/one/"><img src="1.jpg"></a><span>Jan. 2, 2025</span>
      <a href="/A/Article/1/one/">First Title</a><p>First words.</p></div>
    <div class="x"><a href="https://www.pacom.mil/A/Article/2/two/">Second</a><p>No date.</p></div>
    </div></main></body></html>"""
    import re

    entries = listing_entries(html, "https://www.pacom.mil/Media/News/?Page=1",
                              re.compile(r"^https?://www\.pacom\.mil/.+/Article/\d+/"))  # fmt: skip
    assert [(e.link, e.title, e.day) for e in entries] == [
        ("https://www.pacom.mil/A/Article/1/one/", "First Title", date(2025, 1, 2)),
        ("https://www.pacom.mil/A/Article/2/two/", "Second", None),
    ]
    assert "First words." in entries[0].markup and "Second" not in entries[0].markup
