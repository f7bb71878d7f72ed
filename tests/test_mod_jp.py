"""mod_jp over real HTTP against the fixture copy of www.mod.go.jp."""

from __future__ import annotations

import csv
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from launchfeed.scrapers import mod_jp
from site_mod_jp import build_mod_jp_site
from sitekit import SITES

from launchfeed.cli import main

JST = ZoneInfo("Asia/Tokyo")


@pytest.fixture(autouse=True)
def japan_clock(monkeypatch) -> list[datetime]:
    """The crawl's "now" in Japan: after the fixture's releases unless a test moves it."""
    now = [datetime(2026, 11, 25, 12, 0, tzinfo=JST)]
    monkeypatch.setattr(mod_jp, "now_jst", lambda: now[0])
    return now


def test_crawl_reads_html_and_falls_back_to_pdf_behind_the_bot_check(site, tmp_path, crawl):
    build_mod_jp_site(site)
    store, ctx = crawl(mod_jp, site)
    documents = {d.url.rsplit("/", 1)[-1]: d for d in store.documents()}
    # 14b is a readable page; 03d and 27c are behind the bot check and come from their PDFs;
    # 03a (a flash) has no PDF and stays unread
    assert sorted(documents) == ["03d.html", "14b.html", "20c.html", "20e.html", "27c.html"]
    assert documents["03d.html"].content_type == "application/pdf"
    assert documents["14b.html"].content_type == "text/html"
    assert documents["03d.html"].text.splitlines()[0] == "北朝鮮のミサイル等関連情報（続報）"
    assert "１．北朝鮮は本日６時１５分頃" in documents["03d.html"].text
    # wrapped PDF lines are joined back into one paragraph
    assert "東方向に向けて発射しました" in documents["03d.html"].text
    # the release's own date wins; a feed time on that day that is the item's own is used:
    # news.xml's 09:40 is a batch time (03a has it too), update.xml's 09:41 is 03d's alone
    assert documents["03d.html"].published_at.isoformat() == "2026-10-03T09:41:00+09:00"
    assert documents["03d.html"].published_precision == "minute"
    # 14b was listed with a pubDate of the next day: the printed date stays, at day precision
    assert documents["14b.html"].published_at.isoformat() == "2026-09-14T00:00:00+09:00"
    assert documents["14b.html"].published_precision == "day"
    assert ctx.stats.problems == {"access_challenged": 1}
    assert any("03a.html" in message for message in ctx.stats.messages)
    # a mirror (--base-url) serves the pages; the documents keep the ministry's own URLs
    assert documents["03d.html"].url == "https://www.mod.go.jp/j/press/news/2026/10/03d.html"
    # every body was archived before parsing
    for document in documents.values():
        assert (tmp_path / "archive" / document.raw_path).is_file()


def test_bot_check_page_is_never_mistaken_for_an_article(site, crawl):
    build_mod_jp_site(site)
    store, _ = crawl(mod_jp, site)
    for document in store.documents():
        assert "Just a moment" not in document.text


def test_empty_index_is_reported_as_a_layout_change(site, crawl):
    build_mod_jp_site(site)
    site.add("/j/press/news/index.html", "<html><body><main><h1>報道資料</h1></main></body></html>")
    store, ctx = crawl(mod_jp, site)
    assert ctx.stats.problems["layout_changed"] == 1 and ctx.failures
    # the feeds still gave their items (27c is listed only in the index)
    assert len(store.documents()) == 4


@pytest.fixture
def collected(site, tmp_path):
    build_mod_jp_site(site)
    out = tmp_path / "out"
    code = main(["collect", "--source", "mod_jp", "--base-url", site.base_url, "--out", str(out), "--delay", "0"])
    return site, out, code


def read_rows(path: Path) -> list[dict]:
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def test_collect_writes_one_statement_row_per_release(collected):
    _, out, code = collected
    assert code == 0
    rows = {row["url"].rsplit("/", 1)[-1]: row for row in read_rows(out / "statements.csv")}
    assert sorted(rows) == ["03d.html", "14b.html", "20c.html", "20e.html", "27c.html"]

    first = rows["27c.html"]
    assert (first["authority"], first["stage"], first["launch_date_local"]) == ("mod_jp", "followup", "2026-08-27")
    assert (first["launch_times_local"], first["tz"], first["launch_utc"]) == (
        "22:08",
        "+09:00",
        "2026-08-27T13:08:00+00:00",
    )
    assert (first["count"], first["count_qualifier"]) == ("", "multiple")
    assert (first["range_km"], first["apogee_km"], first["launch_area"]) == ("250", "40", "北朝鮮東岸付近")
    assert (first["landing"], first["eez"], first["missile_class"], first["direction"]) == (
        "sea_of_japan", "outside", "ballistic", "北東"
    )  # fmt: skip

    salvo = rows["03d.html"]
    assert (salvo["count"], salvo["count_qualifier"], salvo["launch_times_local"]) == ("2", "exact", "06:15")
    assert (salvo["range_km"], salvo["range_qualifier"], salvo["apogee_km"]) == ("350", "approx", "50")
    assert (salvo["launch_area"], salvo["direction"], salvo["landing"]) == ("北朝鮮西岸付近", "東", "near_east_coast")

    single = rows["14b.html"]
    assert (single["count"], single["count_qualifier"]) == ("1", "at_least")
    assert (single["range_km"], single["apogee_km"], single["launch_area"]) == ("650", "100", "平壌近郊")
    assert single["launch_site"] == "pyongyang"

    evidence = read_rows(out / "evidence.csv")
    ranges = [e for e in evidence if e["report_id"] == salvo["report_id"] and e["field"] == "range_km"]
    assert ranges and "３５０" in ranges[0]["text"] and "飛翔" in ranges[0]["sentence"]


def test_second_run_sends_conditional_requests_and_writes_nothing(collected, capsys):
    site, out, _ = collected
    capsys.readouterr()
    before = {p.name: p.stat().st_mtime_ns for p in out.iterdir() if p.is_file() and p.suffix == ".csv"}
    first_run_requests = len(site.log)
    code = main(["collect", "--source", "mod_jp", "--base-url", site.base_url, "--out", str(out), "--delay", "0"])
    assert code == 0
    second = site.log[first_run_requests:]
    listings = [r for r in second if r.path.startswith("/j/rss/") or r.path.endswith("index.html")]
    assert len(listings) == 3 and all("if-none-match" in r.headers for r in listings)
    # nothing else: known releases are not fetched again, the unreadable flash waits out its backoff
    assert [r.path for r in second if r not in listings] == ["/robots.txt"]
    after = {p.name: p.stat().st_mtime_ns for p in out.iterdir() if p.is_file() and p.suffix == ".csv"}
    assert after == before
    assert capsys.readouterr().out.strip() == "nothing new from 1 source; no files written"


def test_a_follow_up_issued_in_flight_and_its_successor_are_both_kept_in_time_order(site, crawl):
    build_mod_jp_site(site)
    store, _ = crawl(mod_jp, site)
    documents = {d.url.rsplit("/", 1)[-1]: d for d in store.documents()}
    in_flight, final = documents["20e.html"], documents["20c.html"]
    # the same title, two URLs, two documents
    assert in_flight.title == final.title == "北朝鮮のミサイル等関連情報（続報）"
    assert "現在も飛翔を続けており" in in_flight.text and "落下する見込み" in in_flight.text
    assert "約７１分間飛翔し" in final.text and "落下したものと推定されます" in final.text
    # letters do not give the order (c came after e) and both feed items carry one batch time
    # (09:30): each PDF's own creation time does
    assert in_flight.published_at.isoformat() == "2026-11-20T07:18:00+09:00"
    assert final.published_at.isoformat() == "2026-11-20T09:05:00+09:00"
    assert in_flight.published_precision == final.published_precision == "minute"
    assert final.published_at > in_flight.published_at
    # the issuing offices (co-issued, spaced out or not) are not text
    for document in (in_flight, final):
        assert "内閣官房" not in "".join(document.text.split()) and document.text.startswith(document.title + "\n１．")


def probed(site, start: int = 0) -> list[str]:
    """Probe requests: PDF names of the last days that no listing gave."""
    names = {f"/j/press/news/2026/11/{day}{letter}.pdf" for day in ("20", "21", "22") for letter in "abcdefghijkl"}
    return [r.path for r in site.log[start:] if r.path in names - {"/j/press/news/2026/11/20c.pdf",
                                                                   "/j/press/news/2026/11/20e.pdf"}]  # fmt: skip


def test_probe_recent_finds_a_release_no_listing_gives_yet(site, japan_clock, crawl):
    build_mod_jp_site(site)
    japan_clock[0] = datetime(2026, 11, 22, 12, 0, tzinfo=JST)
    store, ctx = crawl(mod_jp, site)
    assert probed(site) == []  # off by default
    first = len(site.log)
    store, ctx = crawl(mod_jp, site, probe_recent=True)
    # every name a..l of Nov 20-22 but the two the feed lists, today's first
    assert len(probed(site, first)) == 34 and probed(site, first)[0] == "/j/press/news/2026/11/22a.pdf"
    documents = {d.url.rsplit("/", 1)[-1]: d for d in store.documents()}
    found = documents["22b.html"]
    assert found.url == "https://www.mod.go.jp/j/press/news/2026/11/22b.html"
    assert found.content_type == "application/pdf" and found.published_at.isoformat() == "2026-11-22T06:34:00+09:00"
    assert "少なくとも２発の弾道ミサイル" in found.text
    # a PDF on another subject (21a) is not a document; misses are not problems
    assert "21a.html" not in documents and ctx.stats.new_documents == 1 and not ctx.stats.problems

    # ten minutes later: misses are remembered, so no name is tried again; the recent
    # follow-ups are rechecked at their PDFs, conditionally (never the bot check again)
    japan_clock[0] = datetime(2026, 11, 22, 12, 10, tzinfo=JST)
    second = len(site.log)
    _, ctx = crawl(mod_jp, site, probe_recent=True)
    asked = site.log[second:]
    assert probed(site, second) == []
    assert sorted(r.path for r in asked if r.path != "/robots.txt") == sorted(
        [*mod_jp.INFO.listing_paths, "/j/press/news/2026/11/20c.pdf", "/j/press/news/2026/11/20e.pdf"]
    )
    assert all("if-none-match" in r.headers for r in asked if r.path != "/robots.txt")
    assert (ctx.stats.new_documents, ctx.stats.revised_documents) == (0, 0)

    # an hour on, the names are tried again (the off-topic PDF conditionally)
    store.db.execute("UPDATE fetch_failures SET retry_after = '2000-01-01T00:00:00+00:00'")
    third = len(site.log)
    crawl(mod_jp, site, probe_recent=True)
    assert len(probed(site, third)) == 33
    assert "if-none-match" in next(r for r in site.log[third:] if r.path.endswith("/21a.pdf")).headers


def test_probing_stops_at_a_bot_check(site, japan_clock, crawl):
    build_mod_jp_site(site)
    japan_clock[0] = datetime(2026, 11, 22, 12, 0, tzinfo=JST)
    site.add("/j/press/news/2026/11/22a.pdf", (SITES / "mod_jp" / "challenge.html").read_bytes(), status=403,
             headers={"cf-mitigated": "challenge"})  # fmt: skip
    _, ctx = crawl(mod_jp, site, probe_recent=True)
    assert probed(site) == ["/j/press/news/2026/11/22a.pdf"]
    assert ctx.stats.problems["access_challenged"] == 2  # 03a's page, and the probe


def test_a_release_without_a_printed_date_takes_the_date_of_its_url(site, crawl):
    build_mod_jp_site(site)
    page = (SITES / "mod_jp" / "j/press/news/2026/09/14b.html").read_text(encoding="utf-8")
    site.add("/j/press/news/2026/09/14b.html", page.replace("令和８年９月１４日<br>", ""))
    store, _ = crawl(mod_jp, site)
    document = next(d for d in store.documents() if d.url.endswith("14b.html"))
    # the feed's pubDate (Sep 15) is another day: not used
    assert (document.published_at.isoformat(), document.published_precision) == ("2026-09-14T00:00:00+09:00", "day")


@pytest.mark.parametrize(
    "issuer", ["防衛省", "内　閣　官　房", "防衛省・内閣官房", "内閣官房・防衛省", "防衛省･内閣官房"]
)
def test_issuer_lines_are_not_text(issuer):
    page = mod_jp._page_from_lines(
        ["令和元年５月９日", issuer, "北朝鮮のミサイル等関連情報", "１．北朝鮮は本日発射しました。"]
    )
    assert page.text == "北朝鮮のミサイル等関連情報\n１．北朝鮮は本日発射しました。"
    assert page.published_at.isoformat() == "2019-05-09T00:00:00+09:00"


def test_collect_passes_probe_recent_to_the_source(site, tmp_path, japan_clock):
    build_mod_jp_site(site)
    japan_clock[0] = datetime(2026, 11, 22, 12, 0, tzinfo=JST)
    out = str(tmp_path / "out")
    main(["collect", "--source", "mod_jp", "--base-url", site.base_url, "--out", out, "--delay", "0"])
    assert probed(site) == []
    first = len(site.log)
    main(["collect", "--source", "mod_jp", "--base-url", site.base_url, "--out", out, "--delay", "0", "--probe-recent"])
    assert len(probed(site, first)) == 34
    rows = read_rows(tmp_path / "out" / "statements.csv")
    assert "https://www.mod.go.jp/j/press/news/2026/11/22b.html" in {row["url"] for row in rows}
