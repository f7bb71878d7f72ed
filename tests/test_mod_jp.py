"""mod_jp over real HTTP against the fixture copy of www.mod.go.jp."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest
from site_mod_jp import build_mod_jp_site

from launchfeed.cli import main
from output.store import Store
from scrapers import mod_jp
from scrapers.archive import Archive
from scrapers.base import Context


def run_crawl(site, tmp_path: Path) -> tuple[Store, Context]:
    store = Store(tmp_path / "store.sqlite")
    ctx = Context(mod_jp.INFO, archive=Archive(tmp_path / "archive"), sink=store, validators=store,
                  base_url=site.base_url, delay=0)  # fmt: skip
    mod_jp.crawl(ctx)
    ctx.close()
    return store, ctx


def test_crawl_reads_html_and_falls_back_to_pdf_behind_the_bot_check(site, tmp_path):
    build_mod_jp_site(site)
    store, ctx = run_crawl(site, tmp_path)
    documents = {d.url.rsplit("/", 1)[-1]: d for d in store.documents()}
    # 14b is a readable page; 03d and 27c are behind the bot check and come from their PDFs;
    # 03a (a flash) has no PDF and stays unread
    assert sorted(documents) == ["03d.html", "14b.html", "27c.html"]
    assert documents["03d.html"].content_type == "application/pdf"
    assert documents["14b.html"].content_type == "text/html"
    assert documents["03d.html"].text.splitlines()[0] == "北朝鮮のミサイル等関連情報（続報）"
    assert "１．北朝鮮は本日６時１５分頃" in documents["03d.html"].text
    # wrapped PDF lines are joined back into one paragraph
    assert "東方向に向けて発射しました" in documents["03d.html"].text
    # the release's own date wins; the feed's time is used on that day
    assert documents["03d.html"].published_at.isoformat() == "2026-10-03T09:40:00+09:00"
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


def test_bot_check_page_is_never_mistaken_for_an_article(site, tmp_path):
    build_mod_jp_site(site)
    store, _ = run_crawl(site, tmp_path)
    for document in store.documents():
        assert "Just a moment" not in document.text


def test_empty_index_is_reported_as_a_layout_change(site, tmp_path):
    build_mod_jp_site(site)
    site.add("/j/press/news/index.html", "<html><body><main><h1>報道資料</h1></main></body></html>")
    store, ctx = run_crawl(site, tmp_path)
    assert ctx.stats.problems["layout_changed"] == 1 and ctx.failures
    # the feeds still gave their items
    assert len(store.documents()) == 2


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
    assert sorted(rows) == ["03d.html", "14b.html", "27c.html"]

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
