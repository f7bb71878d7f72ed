"""mnd_kr over real HTTP against the fixture copy of www.mnd.go.kr (K2Web)."""

from __future__ import annotations

import base64
import csv
import dataclasses
from datetime import datetime
from pathlib import Path

import httpx
import pytest
from geoblock import DroppingServer, allow_only_loopback, refused_url
from launchfeed.output.store import Store
from launchfeed.scrapers import korea, mnd_kr
from launchfeed.scrapers.archive import Archive
from launchfeed.scrapers.errors import SourceError
from site_mnd_kr import MENU, article_path, build_mnd_kr_site, deep_link

from launchfeed.cli import main
from launchfeed.config import proxy_env

KST = korea.KST
SITE = "https://www.mnd.go.kr"
MEETING, BUDGET, WINTER, NOTICE = "568812", "568790", "568775", "560001"
EVERY_POST = {MEETING, BUDGET, WINTER, NOTICE}
LISTING_ORDER = [NOTICE, MEETING, BUDGET, WINTER]


@pytest.fixture(autouse=True)
def korea_clock(monkeypatch) -> list[datetime]:
    now = [datetime(2026, 11, 25, 12, 0, tzinfo=KST)]
    monkeypatch.setattr(korea, "now_kst", lambda: now[0])
    return now


def post_of(url: str) -> str:
    return url.rsplit("/", 2)[-2]


def stored(store: Store) -> dict:
    return {post_of(d.url): d for d in store.documents()}


def test_every_release_on_the_first_page_is_stored_under_its_artclview_url(site, tmp_path, crawl):
    build_mnd_kr_site(site)
    store, ctx = crawl(mnd_kr, site)
    documents = stored(store)
    assert set(documents) == EVERY_POST
    meeting = documents[MEETING]
    # the "새글" badge inside the link is not part of the title
    assert meeting.title == "국방부 장관, 북한 탄도미사일 발사 관련 긴급 지휘관 회의 주재"
    lines = meeting.text.splitlines()
    assert lines[0] == meeting.title and len(lines) == 4
    assert lines[1].startswith("국방부 장관은 오늘 오전 북한이 동해상으로 단거리탄도미사일 2발을 발사한 직후")
    # spans and &nbsp; inside a paragraph stay one line; an empty paragraph is no line; attachments are not text
    assert lines[2].endswith("운용하고, 동맹과의 공조 아래 즉각 대응할 수 있는 태세를 유지할 것을 지시하였습니다.")
    assert "첨부파일" not in meeting.text and ".hwp" not in meeting.text and "목록" not in meeting.text
    # 작성일 is a day, in Korea time
    assert meeting.published_at.isoformat() == "2026-11-20T00:00:00+09:00" and meeting.published_precision == "day"
    assert meeting.url == SITE + article_path(MEETING)
    # the pinned notice was linked by its enc= deep link: one document under its artclView path all the same
    assert (
        documents[NOTICE].url == SITE + article_path(NOTICE) and documents[NOTICE].title == "보도자료 게시판 이용 안내"
    )
    for document in documents.values():
        assert (document.lang, document.channel, document.source) == ("ko", None, "mnd_kr")
        assert (tmp_path / "archive" / document.raw_path).is_file()
    assert not ctx.failures and not ctx.stats.problems and ctx.stats.new_documents == 4
    assert [r.path for r in site.log] == ["/robots.txt", MENU, *(article_path(p) for p in LISTING_ORDER)]


def test_an_older_release_in_euc_kr_without_a_charset_header_reads_as_korean(site, crawl):
    build_mnd_kr_site(site)
    served = httpx.get(site.url(article_path(WINTER)))
    assert served.headers["content-type"] == "text/html"
    assert "한랭 질환".encode("euc-kr") in served.content and "한랭".encode() not in served.content
    store, _ = crawl(mnd_kr, site)
    winter = stored(store)[WINTER]
    assert winter.title == "국방부, 겨울철 장병 안전관리 강화 지침 시달" and "\ufffd" not in winter.text
    assert "한랭 질환과 화재를 예방하기 위한 안전관리 지침" in winter.text
    assert winter.published_at.isoformat() == "2026-11-16T00:00:00+09:00"


def test_second_run_asks_only_for_the_board_and_stores_nothing(site, crawl):
    build_mnd_kr_site(site)
    crawl(mnd_kr, site)
    first = len(site.log)
    _, ctx = crawl(mnd_kr, site)
    again = site.log[first:]
    assert [r.path for r in again] == ["/robots.txt", MENU] and "if-none-match" in again[1].headers
    assert (ctx.stats.new_documents, ctx.stats.revised_documents, ctx.stats.not_modified, ctx.stats.requests) == (
        0, 0, 1, 2)  # fmt: skip


def test_young_releases_are_rechecked_conditionally_and_an_edit_is_a_revision(site, korea_clock, crawl):
    mnd = build_mnd_kr_site(site)
    korea_clock[0] = datetime(2026, 11, 20, 18, 0, tzinfo=KST)
    crawl(mnd_kr, site)
    first = len(site.log)
    _, ctx = crawl(mnd_kr, site)
    again = site.log[first:]
    assert [r.path for r in again] == ["/robots.txt", MENU, article_path(MEETING)]
    assert all("if-none-match" in r.headers for r in again[1:]) and ctx.stats.not_modified == 2
    mnd.articles[MEETING] = mnd.articles[MEETING].replace("긴급 지휘관 회의를", "긴급 주요 지휘관 회의를")
    store, ctx = crawl(mnd_kr, site)
    assert (ctx.stats.new_documents, ctx.stats.revised_documents) == (0, 1)
    assert "긴급 주요 지휘관 회의를" in stored(store)[MEETING].text


def test_an_empty_board_is_a_layout_change(site, crawl):
    mnd = build_mnd_kr_site(site)
    mnd.listing = []
    store, ctx = crawl(mnd_kr, site)
    assert [e.kind for e in ctx.failures] == ["layout_changed"] and MENU in str(ctx.failures[0])
    assert store.documents() == [] and [r.path for r in site.log] == ["/robots.txt", MENU]


def test_a_board_whose_links_lead_nowhere_known_is_a_layout_change(site, crawl):
    mnd = build_mnd_kr_site(site)
    original = mnd.board
    mnd.board = lambda: original().replace("/artclView.do", "/view.do").replace("enc=", "x=")
    store, ctx = crawl(mnd_kr, site)
    assert [e.kind for e in ctx.failures] == ["layout_changed"] and store.documents() == []


def test_a_release_without_its_body_is_an_item_problem_and_waits_before_a_retry(site, crawl):
    mnd = build_mnd_kr_site(site)
    # the text only in the attached HWP: an empty .artclView
    head, _, _ = mnd.articles[BUDGET].partition('<div class="artclView">')
    mnd.articles[BUDGET] = head + '<div class="artclView">\n  <p>&nbsp;</p>\n</div>'
    store, ctx = crawl(mnd_kr, site)
    assert ctx.stats.problems == {"layout_changed": 1} and not ctx.failures
    assert "without its body" in ctx.stats.messages[0] and article_path(BUDGET) in ctx.stats.messages[0]
    assert set(stored(store)) == EVERY_POST - {BUDGET}
    first = len(site.log)
    crawl(mnd_kr, site)
    assert article_path(BUDGET) not in [r.path for r in site.log[first:]]


def test_a_listed_release_that_is_gone_is_an_item_problem(site, crawl):
    build_mnd_kr_site(site)
    site.add(article_path(WINTER), "<html><body><h1>Not Found</h1></body></html>", status=404)
    store, ctx = crawl(mnd_kr, site)
    assert ctx.stats.problems == {"http_error": 1} and not ctx.failures
    assert set(stored(store)) == EVERY_POST - {WINTER}


@pytest.mark.parametrize("how", ["reset", "refused", "silent"])
def test_dropped_connections_are_reported_as_geo_blocked_naming_the_setting(how, crawl):
    server = DroppingServer("silent" if how == "silent" else "reset").start()
    info = dataclasses.replace(mnd_kr.INFO, timeout=0.3)
    try:
        with pytest.raises(SourceError) as caught:
            crawl(mnd_kr, refused_url() if how == "refused" else server.base_url, info=info)
    finally:
        server.stop()
    error = caught.value
    assert error.kind == "geo_blocked" and error.url.endswith(MENU)
    assert "LAUNCHFEED_MND_KR_PROXY" in error.message and "[sources.mnd_kr]" in error.message
    if how != "refused":
        assert server.connections == 3  # robots.txt, then the board twice; nothing more


def test_the_proxy_carries_every_request_to_the_real_host_name(site, monkeypatch, crawl):
    allow_only_loopback(monkeypatch)
    build_mnd_kr_site(site)
    info = dataclasses.replace(mnd_kr.INFO, base_url="http://www.mnd.go.kr/")
    store, ctx = crawl(mnd_kr, None, info=info, proxy=site.base_url)
    assert set(stored(store)) == EVERY_POST and not ctx.failures
    assert len(site.log) == 6 and all(r.proxied and r.headers["host"] == "www.mnd.go.kr" for r in site.log)


def test_archived_pages_replay_to_the_same_documents(site, tmp_path, crawl):
    build_mnd_kr_site(site)
    store, _ = crawl(mnd_kr, site)
    archive = Archive(tmp_path / "archive")
    for document in store.documents():
        page = mnd_kr.parse(archive.get(document.raw_path), document.url, document.content_type)
        assert (page.title, page.text, page.published_at) == (document.title, document.text, document.published_at)


def test_a_post_shown_inside_the_menu_page_by_its_deep_link_parses_the_same(site):
    build_mnd_kr_site(site)
    bare = httpx.get(site.url(article_path(MEETING))).content
    framed = httpx.get(site.url(deep_link(article_path(MEETING)))).content
    assert b'id="gnb"' in framed and b'id="gnb"' not in bare
    url = SITE + article_path(MEETING)
    assert mnd_kr.parse(framed, url, "text/html") == mnd_kr.parse(bare, url, "text/html")


def test_enc_values_decode_to_the_artclview_path():
    # base64 of "fnct1|@@|" + the URL-encoded "/bbs/mnd/1052/568812/artclView.do?page=1&", computed by hand
    enc = "Zm5jdDF8QEB8JTJGYmJzJTJGbW5kJTJGMTA1MiUyRjU2ODgxMiUyRmFydGNsVmlldy5kbyUzRnBhZ2UlM0QxJTI2"
    assert mnd_kr.decode_enc(enc) == "/bbs/mnd/1052/568812/artclView.do?page=1&"
    assert mnd_kr.article_path(f"/mnd/167/subview.do?enc={enc}") == "/bbs/mnd/1052/568812/artclView.do"
    assert (
        mnd_kr.article_path(f"/mnd/167/subview.do?enc={enc.rstrip('=')}%3D%3D") == "/bbs/mnd/1052/568812/artclView.do"
    )
    # URL-safe base64 and an unencoded inner path are read too; a list page or junk is no article
    url_safe = base64.urlsafe_b64encode(b"fnct1|@@|/bbs/mnd/1052/7/artclView.do?a=>>?").decode()
    assert "-" in url_safe or "_" in url_safe
    assert mnd_kr.article_path(f"/mnd/167/subview.do?enc={url_safe}") == "/bbs/mnd/1052/7/artclView.do"
    listing = base64.b64encode(b"fnct1|@@|%2Fbbs%2Fmnd%2F1052%2FartclList.do%3Fpage%3D2%26").decode()
    assert mnd_kr.article_path(f"/mnd/167/subview.do?enc={listing}") is None
    assert (
        mnd_kr.decode_enc("not base64 at all!") is None and mnd_kr.decode_enc(base64.b64encode(b"x").decode()) is None
    )
    assert mnd_kr.decode_enc(mnd_kr.deep_link("/bbs/mnd/1/2/artclView.do").split("enc=")[1].replace("%3D", "="))


def test_the_proxy_setting_names_agree_with_the_configuration():
    assert mnd_kr.INFO.proxy_env == proxy_env("mnd_kr") and mnd_kr.INFO.geo_blocked


# -- the command line ------------------------------------------------------------------


def read_rows(path: Path) -> list[dict]:
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def test_collect_through_the_proxy_writes_the_ministry_statement(site, tmp_path, monkeypatch, capsys):
    build_mnd_kr_site(site)
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv(proxy_env("mnd_kr"), site.base_url)
    out = tmp_path / "out"
    args = ["collect", "--source", "mnd_kr", "--base-url", site.base_url, "--out", str(out), "--delay", "0"]
    assert main(args) == 0
    assert all(r.proxied for r in site.log)
    rows = read_rows(out / "statements.csv")
    # only the meeting on the launch is a statement; the ministry gives no time or numbers of its own
    assert [post_of(row["url"]) for row in rows] == [MEETING]
    row = rows[0]
    assert (row["source"], row["authority"], row["channel"], row["launch_date_local"]) == (
        "mnd_kr", "mnd_kr", "", "2026-11-20")  # fmt: skip
    assert (row["launch_times_local"], row["time_precision"], row["count"]) == ("", "day", "2")
    assert (row["missile_class"], row["landing"]) == ("ballistic", "sea_of_japan")

    capsys.readouterr()
    first = len(site.log)
    assert main(args) == 0
    assert [r.path for r in site.log[first:]] == ["/robots.txt", MENU]
    assert capsys.readouterr().out.strip() == "nothing new from 1 source; no files written"


def test_without_a_proxy_the_source_is_disabled_with_its_setting(tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv(proxy_env("mnd_kr"), raising=False)
    assert main(["sources", "--out", str(tmp_path / "out")]) == 0
    line = next(line for line in capsys.readouterr().out.splitlines() if line.startswith("mnd_kr"))
    assert "disabled: geo-blocked outside KR: set LAUNCHFEED_MND_KR_PROXY or proxy in [sources.mnd_kr]" in line
