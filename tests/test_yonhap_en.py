"""yonhap_en over real HTTP against the fixture copy of en.yna.co.kr."""

from __future__ import annotations

import csv
import dataclasses
import re
from pathlib import Path

import pytest
from geoblock import DroppingServer, allow_only_loopback
from launchfeed.output.store import Store
from launchfeed.scrapers import yonhap_en
from launchfeed.scrapers.archive import Archive
from site_yonhap_en import CRUISE, FEED, FLASH, LEAD, ROOT, build_yonhap_en_site

from launchfeed.cli import main
from launchfeed.collect import availability
from launchfeed.config import Config

SITE = "https://en.yna.co.kr"
LAUNCH_STORIES = {LEAD, FLASH, CRUISE}


def stored(store: Store) -> dict:
    return {d.url.rsplit("/", 1)[1]: d for d in store.documents()}


def test_launch_stories_are_read_from_their_pages_and_carry_the_channel(site, tmp_path, crawl):
    build_yonhap_en_site(site)
    store, ctx = crawl(yonhap_en, site)
    documents = stored(store)
    # the forum and the farm visit are in the feed (archived with it) but are no launch story
    assert set(documents) == LAUNCH_STORIES
    lead = documents[LEAD]
    assert lead.title == "(LEAD) N. Korea fires 2 short-range ballistic missiles into East Sea: JCS"
    lines = lead.text.splitlines()
    assert lines[0] == lead.title and lines[2].startswith("SEOUL, Nov. 20 (Yonhap) -- North Korea fired two")
    # the whole story, not the cut-off feed summary; no photo caption, reporter address or end mark
    assert "flew about 450 kilometers and the second some 400 km" in lead.text
    assert "file photo" not in lead.text and "@yna.co.kr" not in lead.text and "(END)" not in lead.text
    assert len(lines) == 6
    # the page's own time, Korea time, to the minute; the URL without the feed's tracking query
    assert lead.published_at.isoformat() == "2026-11-20T08:21:00+09:00" and lead.published_precision == "minute"
    assert lead.url == f"{SITE}/view/{LEAD}"
    for document in documents.values():
        assert (document.source, document.lang, document.channel) == ("yonhap_en", "en", "yonhap")
        assert (tmp_path / "archive" / document.raw_path).is_file()
    assert not ctx.failures and not ctx.stats.problems
    assert [r.path for r in site.log] == ["/robots.txt", FEED, f"/view/{LEAD}", f"/view/{FLASH}", f"/view/{CRUISE}"]
    # every item stays on record: the feed itself is archived as fetched
    assert (ROOT / "RSS" / "nk.xml").read_bytes() in [p.read_bytes() for p in (tmp_path / "archive").rglob("*") if
                                                        p.is_file()]  # fmt: skip


def test_second_run_asks_only_for_the_feed(site, crawl):
    build_yonhap_en_site(site)
    crawl(yonhap_en, site)
    first = len(site.log)
    _, ctx = crawl(yonhap_en, site)
    again = site.log[first:]
    assert [r.path for r in again] == ["/robots.txt", FEED] and "if-none-match" in again[1].headers
    assert (ctx.stats.new_documents, ctx.stats.not_modified, ctx.stats.requests) == (0, 1, 2)


def test_a_feed_without_items_is_a_layout_change(site, crawl):
    build_yonhap_en_site(site)
    site.add(FEED, '<?xml version="1.0"?><rss version="2.0"><channel><title>x</title></channel></rss>',
             content_type="application/rss+xml")  # fmt: skip
    store, ctx = crawl(yonhap_en, site)
    assert [e.kind for e in ctx.failures] == ["layout_changed"] and store.documents() == []


def test_a_story_page_without_its_text_is_an_item_problem_never_stored_from_the_summary(site, crawl):
    yonhap = build_yonhap_en_site(site)
    yonhap.stories[FLASH] = {**yonhap.stories[FLASH], "story": '<p class="adrs">newsdesk@yna.co.kr</p>'}
    store, ctx = crawl(yonhap_en, site)
    assert ctx.stats.problems == {"layout_changed": 1} and not ctx.failures
    assert set(stored(store)) == LAUNCH_STORIES - {FLASH}
    first = len(site.log)
    crawl(yonhap_en, site)
    assert f"/view/{FLASH}" not in [r.path for r in site.log[first:]]  # waits out its backoff


def test_a_story_behind_an_error_is_an_item_problem(site, crawl):
    build_yonhap_en_site(site)
    site.add(f"/view/{CRUISE}", "<html><body>Service Unavailable</body></html>", status=503)
    store, ctx = crawl(yonhap_en, site)
    assert ctx.stats.problems == {"http_error": 1} and set(stored(store)) == LAUNCH_STORIES - {CRUISE}


def test_a_dropped_connection_is_a_network_error_not_geo_blocking(crawl):
    server = DroppingServer().start()
    try:
        store, ctx = crawl(yonhap_en, server.base_url)
    finally:
        server.stop()
    assert [e.kind for e in ctx.failures] == ["network_error"] and store.documents() == []


def test_a_configured_proxy_carries_every_request(site, monkeypatch, crawl):
    allow_only_loopback(monkeypatch)
    build_yonhap_en_site(site)
    info = dataclasses.replace(yonhap_en.INFO, base_url="http://en.yna.co.kr/")
    store, ctx = crawl(yonhap_en, None, info=info, proxy=site.base_url)
    assert set(stored(store)) == LAUNCH_STORIES and not ctx.stats.problems
    assert len(site.log) == 5 and all(r.proxied and r.headers["host"] == "en.yna.co.kr" for r in site.log)


@pytest.mark.parametrize(
    ("link", "story"),
    [(f"https://en.yna.co.kr/view/{LEAD}?section=nk/nk&input=rss", True), (f"/view/{LEAD}", True),
     (f"https://www.yna.co.kr/view/{LEAD}", False), ("https://en.yna.co.kr/nk/index", False), ("", False)],
)  # fmt: skip
def test_the_feed_links_it_declares_are_its_own_story_pages(link, story):
    assert bool(re.search(yonhap_en.INFO.release_links, link)) == story


def test_archived_pages_replay_to_the_same_documents(site, tmp_path, crawl):
    build_yonhap_en_site(site)
    store, _ = crawl(yonhap_en, site)
    archive = Archive(tmp_path / "archive")
    for document in store.documents():
        page = yonhap_en.parse(archive.get(document.raw_path), document.url, document.content_type)
        assert (page.title, page.text, page.published_at) == (document.title, document.text, document.published_at)


# -- the command line ------------------------------------------------------------------


def read_rows(path: Path) -> list[dict]:
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def test_off_by_default_and_sources_says_how_to_turn_it_on(tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(tmp_path)
    assert "off by default" in availability(yonhap_en.INFO, Config(), requested=False)
    assert availability(yonhap_en.INFO, Config(), requested=True) is None
    assert availability(yonhap_en.INFO, Config(sources={"yonhap_en": {"enabled": True}}), requested=False) is None
    assert main(["sources", "--out", str(tmp_path / "out")]) == 0
    line = next(line for line in capsys.readouterr().out.splitlines() if line.startswith("yonhap_en"))
    assert "disabled: off by default: run with --source yonhap_en" in line


def test_collect_gives_jcs_statements_carried_by_yonhap(site, tmp_path, monkeypatch, capsys):
    build_yonhap_en_site(site)
    monkeypatch.chdir(tmp_path)
    out = tmp_path / "out"
    args = ["collect", "--source", "yonhap_en", "--base-url", site.base_url, "--out", str(out), "--delay", "0"]
    assert main(args) == 0
    rows = {row["url"].rsplit("/", 1)[1]: row for row in read_rows(out / "statements.csv")}
    assert set(rows) == LAUNCH_STORIES
    for row in rows.values():
        assert (row["source"], row["authority"], row["channel"], row["tz"]) == ("yonhap_en", "jcs", "yonhap", "+09:00")
    lead = rows[LEAD]
    assert (lead["launch_date_local"], lead["launch_times_local"], lead["count"]) == ("2026-11-20", "06:52;07:03", "2")
    assert (lead["apogee_km"], lead["launch_site"], lead["missile_class"]) == ("60", "hwangju", "ballistic")
    cruise = rows[CRUISE]
    assert (cruise["launch_times_local"], cruise["range_km"], cruise["missile_class"]) == ("14:10;14:25", "1300",
                                                                                           "cruise")  # fmt: skip
    # in the launch events JCS's values are marked as carried by Yonhap, and a wire story is no
    # measure of JCS's own reporting latency
    launches = read_rows(out / "launches.csv")
    salvo = next(row for row in launches if row["launch_date_local"] == "2026-11-20")
    assert salvo["jcs_carried_by"] == "yonhap" and salvo["jcs_latency_minutes"] == ""

    capsys.readouterr()
    first = len(site.log)
    assert main(args) == 0
    assert [r.path for r in site.log[first:]] == ["/robots.txt", FEED]
    assert capsys.readouterr().out.strip() == "nothing new from 1 source; no files written"
