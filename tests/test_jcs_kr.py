"""jcs_kr over real HTTP against the fixture copy of www.jcs.mil.kr."""

from __future__ import annotations

import csv
import dataclasses
from datetime import datetime
from pathlib import Path

import httpx
import pytest
from geoblock import DroppingServer, allow_only_loopback, refused_url
from launchfeed.output.store import Store
from launchfeed.scrapers import jcs_kr, korea
from launchfeed.scrapers.archive import Archive
from launchfeed.scrapers.errors import SourceError
from site_jcs_kr import ENGLISH, KOREAN, build_jcs_kr_site, listing_path, post_path

from launchfeed.cli import main
from launchfeed.config import proxy_env

KST = korea.KST
SITE = "https://www.jcs.mil.kr"
FINAL, FIRST, VISIT, CRUISE = "124611", "124608", "124590", "124571"
FINAL_EN, DELEGATION = "124612", "124580"
EVERY_POST = {FINAL, FIRST, VISIT, CRUISE, FINAL_EN, DELEGATION}


@pytest.fixture(autouse=True)
def korea_clock(monkeypatch) -> list[datetime]:
    """The crawl's "now" in Korea: days after the fixture's posts unless a test moves it."""
    now = [datetime(2026, 11, 25, 12, 0, tzinfo=KST)]
    monkeypatch.setattr(korea, "now_kst", lambda: now[0])
    return now


def seq_of(url: str) -> str:
    return url.split("boardSeq=", 1)[1].split("&", 1)[0]


def stored(store: Store) -> dict[str, object]:
    return {seq_of(d.url): d for d in store.documents()}


def test_both_boards_are_stored_with_their_posting_times_to_the_second(site, tmp_path, crawl):
    build_jcs_kr_site(site)
    store, ctx = crawl(jcs_kr, site)
    documents = stored(store)
    # every post of both boards (the extractor decides which report a launch)
    assert set(documents) == EVERY_POST
    final = documents[FINAL]
    assert final.title == "[최종보] 북한 탄도미사일 발사 관련"
    lines = final.text.splitlines()
    assert lines[0] == final.title and len(lines) == 6
    assert lines[1].startswith("합참은 오늘 오전 6시 52분경과 7시 3분경 북한이 황해북도 황주 일대에서")
    assert "약 450㎞, 두 번째 미사일은 400여 km" in lines[2] and "마하 6.1" in lines[2]
    # a <br> inside a paragraph is a line of its own; the file list and buttons are not text
    assert lines[5] == "어떠한 도발에도 압도적으로 대응할 수 있는 태세를 갖추고 있습니다."
    assert "첨부파일" not in final.text and "목록" not in final.text
    # 작성일_ gives the posting time to the second, in Korea time: the first notice came 66
    # minutes after the launch, the final one after three hours
    assert documents[FIRST].published_at.isoformat() == "2026-11-20T07:58:31+09:00"
    assert final.published_at.isoformat() == "2026-11-20T10:12:37+09:00"
    assert {d.published_precision for d in documents.values()} == {"second"}
    # the publisher's own address although a mirror served the pages; one URL per boardSeq
    assert final.url == SITE + post_path(KOREAN, FINAL)
    english = documents[FINAL_EN]
    assert (
        english.lang == "en" and english.title == "JCS Press Release on North Korea's Ballistic Missile Launch (Final)"
    )
    assert english.text.splitlines()[1].startswith("The Joint Chiefs of Staff (JCS) detected two short-range")
    assert english.url == SITE + post_path(ENGLISH, FINAL_EN)
    assert {seq for seq, d in documents.items() if d.lang == "ko"} == {FINAL, FIRST, VISIT, CRUISE}
    for document in documents.values():
        assert document.channel is None and document.source == "jcs_kr" and document.content_type == "text/html"
        assert (tmp_path / "archive" / document.raw_path).is_file()
    assert not ctx.failures and not ctx.stats.problems and ctx.stats.new_documents == 6
    assert [r.path for r in site.log] == [
        "/robots.txt", listing_path(KOREAN), *(post_path(KOREAN, s) for s in (FINAL, FIRST, VISIT, CRUISE)),
        listing_path(ENGLISH), post_path(ENGLISH, FINAL_EN), post_path(ENGLISH, DELEGATION),
    ]  # fmt: skip


def test_a_post_in_euc_kr_under_a_utf8_header_reads_as_korean(site, crawl):
    build_jcs_kr_site(site)
    served = httpx.get(site.url(post_path(KOREAN, VISIT)))
    assert served.headers["content-type"] == "text/html;charset=UTF-8"
    with pytest.raises(UnicodeDecodeError):
        served.content.decode("utf-8")  # the header is wrong: the bytes are EUC-KR
    assert "합참의장".encode("euc-kr") in served.content and b"charset=euc-kr" in served.content
    store, _ = crawl(jcs_kr, site)
    visit = stored(store)[VISIT]
    assert visit.title == "합참의장, 서북도서 방어부대 현장 점검"
    assert "연평도와 백령도의 방어부대를 찾아" in visit.text and "\ufffd" not in visit.text
    assert "“서북도서는 적과 가장 가까이 맞닿은 곳”이라며" in visit.text
    assert visit.published_at.isoformat() == "2026-11-17T15:20:44+09:00"


def test_second_run_asks_only_for_the_listings_and_stores_nothing(site, crawl):
    build_jcs_kr_site(site)
    crawl(jcs_kr, site)
    first = len(site.log)
    _, ctx = crawl(jcs_kr, site)
    again = site.log[first:]
    assert [r.path for r in again] == ["/robots.txt", listing_path(KOREAN), listing_path(ENGLISH)]
    assert all("if-none-match" in r.headers for r in again[1:])  # conditional: answered 304
    assert (ctx.stats.new_documents, ctx.stats.revised_documents, ctx.stats.not_modified) == (0, 0, 2)
    assert not ctx.stats.problems and ctx.stats.requests == 3


def test_young_posts_are_rechecked_with_conditional_requests_only(site, korea_clock, crawl):
    jcs = build_jcs_kr_site(site)
    korea_clock[0] = datetime(2026, 11, 20, 12, 0, tzinfo=KST)
    store, _ = crawl(jcs_kr, site)
    first = len(site.log)
    _, ctx = crawl(jcs_kr, site)
    again = site.log[first:]
    # the posts of today (the listing's day) are asked for again, each with its ETag: 304s
    assert [r.path for r in again] == [
        "/robots.txt", listing_path(KOREAN), post_path(KOREAN, FINAL), post_path(KOREAN, FIRST),
        listing_path(ENGLISH), post_path(ENGLISH, FINAL_EN),
    ]  # fmt: skip
    assert all("if-none-match" in r.headers for r in again[1:])
    assert (ctx.stats.new_documents, ctx.stats.revised_documents, ctx.stats.not_modified) == (0, 0, 5)

    # an edit in place of a young post is caught as a revision of the same document
    jcs.posts[FINAL] = jcs.posts[FINAL].replace("정점고도는 약 60㎞", "정점고도는 약 70㎞")
    store, ctx = crawl(jcs_kr, site)
    assert (ctx.stats.new_documents, ctx.stats.revised_documents) == (0, 1)
    document = stored(store)[FINAL]
    assert "정점고도는 약 70㎞" in document.text and len(store.document_revisions(document.id)) == 2


def test_an_empty_listing_is_a_layout_change(site, crawl):
    jcs = build_jcs_kr_site(site)
    jcs.listings[ENGLISH] = []
    store, ctx = crawl(jcs_kr, site)
    assert [e.kind for e in ctx.failures] == ["layout_changed"] and ENGLISH in str(ctx.failures[0])
    assert set(stored(store)) == {FINAL, FIRST, VISIT, CRUISE}  # the other board still gave its posts


def test_a_listing_without_post_numbers_is_a_layout_change(site, crawl):
    jcs = build_jcs_kr_site(site)
    original = jcs.listing
    jcs.listing = lambda board: original(board).replace('onclick="javascript:fn_albumView', 'data-x="')
    store, ctx = crawl(jcs_kr, site)
    assert [e.kind for e in ctx.failures] == ["layout_changed", "layout_changed"] and store.documents() == []


def test_a_post_without_its_body_is_an_item_problem_and_waits_before_a_retry(site, crawl):
    jcs = build_jcs_kr_site(site)
    jcs.posts[CRUISE] = jcs.posts[CRUISE].split("<dd>")[0] + "<dd>\n</dd></dl></div></div></form>"
    store, ctx = crawl(jcs_kr, site)
    assert ctx.stats.problems == {"layout_changed": 1} and not ctx.failures
    assert "without its body" in ctx.stats.messages[0] and "boardSeq=124571" in ctx.stats.messages[0]
    assert set(stored(store)) == EVERY_POST - {CRUISE}
    # the next run does not hammer it: it waits out its backoff
    first = len(site.log)
    crawl(jcs_kr, site)
    assert post_path(KOREAN, CRUISE) not in [r.path for r in site.log[first:]]


def test_a_listed_post_that_says_it_does_not_exist_is_an_item_problem(site, crawl):
    jcs = build_jcs_kr_site(site)
    jcs.deleted.add(FIRST)  # the action answers 200 with an alert script
    store, ctx = crawl(jcs_kr, site)
    assert ctx.stats.problems == {"layout_changed": 1} and not ctx.failures
    assert set(stored(store)) == EVERY_POST - {FIRST}


@pytest.mark.parametrize("how", ["reset", "refused", "silent"])
def test_dropped_connections_are_reported_as_geo_blocked_naming_the_setting(how, crawl):
    server = DroppingServer("silent" if how == "silent" else "reset").start()
    info = dataclasses.replace(jcs_kr.INFO, timeout=0.3)  # a silent site is waited for 0.3 s a try
    try:
        with pytest.raises(SourceError) as caught:
            crawl(jcs_kr, refused_url() if how == "refused" else server.base_url, info=info)
    finally:
        server.stop()
    error = caught.value
    assert error.kind == "geo_blocked" and "boardId=O_121947" in error.url
    assert "LAUNCHFEED_JCS_KR_PROXY" in error.message and "[sources.jcs_kr]" in error.message
    assert "outside KR" in error.message
    if how != "refused":
        # robots.txt, then the first listing tried twice; the other board is not tried at all
        assert server.connections == 3


def test_a_proxy_that_drops_the_connection_is_named_without_its_password(crawl):
    server = DroppingServer().start()
    proxy = server.base_url.replace("http://", "http://reader:s3cret@")
    try:
        with pytest.raises(SourceError) as caught:
            crawl(jcs_kr, None, proxy=proxy, info=dataclasses.replace(jcs_kr.INFO,
                      base_url="http://www.jcs.mil.kr/"))  # fmt: skip
    finally:
        server.stop()
    message = caught.value.message
    assert caught.value.kind == "geo_blocked" and server.connections >= 2
    assert f"through the proxy {server.base_url}" in message and "s3cret" not in message and "reader" not in message


def test_the_proxy_carries_every_request_to_the_real_host_name(site, monkeypatch, crawl):
    allow_only_loopback(monkeypatch)
    build_jcs_kr_site(site)
    # the site's own (plain HTTP) address, reached only through the proxy: here the fixture site itself
    info = dataclasses.replace(jcs_kr.INFO, base_url="http://www.jcs.mil.kr/")
    store, ctx = crawl(jcs_kr, None, info=info, proxy=site.base_url)
    assert set(stored(store)) == EVERY_POST and not ctx.failures and not ctx.stats.problems
    assert len(site.log) == 9
    assert all(r.proxied and r.headers["host"] == "www.jcs.mil.kr" for r in site.log)
    assert stored(store)[FINAL].url == "http://www.jcs.mil.kr" + post_path(KOREAN, FINAL)


def test_archived_pages_replay_to_the_same_documents(site, tmp_path, crawl):
    build_jcs_kr_site(site)
    store, _ = crawl(jcs_kr, site)
    archive = Archive(tmp_path / "archive")
    for document in store.documents():
        page = jcs_kr.parse(archive.get(document.raw_path), document.url, document.content_type)
        assert (page.title, page.text, page.lang) == (document.title, document.text, document.lang)
        assert (page.published_at, page.published_precision) == (document.published_at, "second")


@pytest.mark.parametrize(
    ("onclick", "seq"),
    [("javascript:fn_albumView('O_121947','02','124611','');return false;", "124611"),
     ('fn_view("O_122667", "02", "88", "")', "88"), ("location.href='?boardSeq=4521&command=albumView'", "4521"),
     ("fn_goPage('2');return false;", None), ("fn_view('O_1','02','abc')", None),
     # the form of the site's one documented post URL (its statement board): ...&boardSeq=O_179506&...
     ("javascript:fn_albumView('O_121947','02','O_179506','');return false;", "O_179506"),
     ("location.href='?boardSeq=O_179506&command=albumView'", "O_179506"), ("fn_view('O_1','02','O_')", None)],
)  # fmt: skip
def test_the_post_number_is_read_from_the_onclick(onclick, seq):
    assert jcs_kr.board_seq(onclick) == seq


@pytest.mark.parametrize("seq", ["179506", "O_179506"])
def test_a_board_numbering_its_posts_either_way_is_read(site, crawl, seq):
    jcs = build_jcs_kr_site(site)
    jcs.posts[seq] = jcs.posts.pop(FINAL)
    jcs.listings[KOREAN] = [(seq if s == FINAL else s, day) for s, day in jcs.listings[KOREAN]]
    store, ctx = crawl(jcs_kr, site)
    assert not ctx.failures and not ctx.stats.problems
    assert set(stored(store)) == EVERY_POST - {FINAL} | {seq}
    assert stored(store)[seq].url.endswith(f"&boardSeq={seq}&command=albumView")


@pytest.mark.parametrize(
    ("text", "iso", "precision"),
    [("작성일_2026.11.20 07:58:31", "2026-11-20T07:58:31+09:00", "second"),
     ("2026.11.20 07:58", "2026-11-20T07:58:00+09:00", "minute"), ("26.11.20", "2026-11-20T00:00:00+09:00", "day"),
     ("2026-11-20 08:05", "2026-11-20T08:05:00+09:00", "minute"), ("2026.02.30", None, None),
     ("조회 1611", None, None)],
)  # fmt: skip
def test_korean_posting_times(text, iso, precision):
    found = korea.posted_at(text)
    assert (found[0].isoformat(), found[1]) == (iso, precision) if iso else found is None


def test_an_english_date_label_is_read_too():
    page = jcs_kr.parse(
        b"<html><body><div class='prepare'><span>Date_<strong>2026.11.21 09:01:02</strong></span></div>"
        b"<div class='dataview_detail'><dl><dt>Title</dt><dd><p>Body.</p></dd></dl></div></body></html>",
        "https://www.jcs.mil.kr/user/boardList.action?boardId=O_122667&boardSeq=1&command=albumView",
        "text/html",
    )
    assert page.published_at.isoformat() == "2026-11-21T09:01:02+09:00" and page.lang == "en"
    assert page.text == "Title\nBody."


def test_the_proxy_setting_names_agree_with_the_configuration():
    assert jcs_kr.INFO.proxy_env == proxy_env("jcs_kr") and jcs_kr.INFO.geo_blocked


# -- the command line ------------------------------------------------------------------


def read_rows(path: Path) -> list[dict]:
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


@pytest.fixture
def cli_env(monkeypatch, tmp_path):
    """No launchfeed.toml and no proxy from the environment of whoever runs the tests."""
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv(proxy_env("jcs_kr"), raising=False)
    return monkeypatch


def collect(site_url: str, out: Path) -> int:
    return main(["collect", "--source", "jcs_kr", "--base-url", site_url, "--out", str(out), "--delay", "0"])


def test_collect_through_the_proxy_writes_one_statement_per_launch_notice(site, tmp_path, cli_env, capsys):
    build_jcs_kr_site(site)
    cli_env.setenv(proxy_env("jcs_kr"), site.base_url)  # the fixture site is its own proxy
    out = tmp_path / "out"
    assert collect(site.base_url, out) == 0
    assert site.log and all(r.proxied for r in site.log)
    rows = {seq_of(row["url"]): row for row in read_rows(out / "statements.csv")}
    # the visit and the delegation report no launch
    assert set(rows) == {FINAL, FIRST, CRUISE, FINAL_EN}
    for row in rows.values():
        assert (row["source"], row["authority"], row["channel"], row["tz"]) == ("jcs_kr", "jcs", "", "+09:00")
    first, final = rows[FIRST], rows[FINAL]
    assert (first["stage"], first["launch_date_local"], first["launch_times_local"]) == ("flash", "2026-11-20", "06:52")
    assert (first["launch_utc"], first["count"], first["count_qualifier"]) == (
        "2026-11-19T21:52:00+00:00",
        "1",
        "exact",
    )
    assert (final["stage"], final["launch_times_local"], final["count"]) == ("final", "06:52;07:03", "2")
    assert (final["apogee_km"], final["launch_area"], final["launch_site"]) == ("60", "황해북도 황주 일대", "hwangju")
    assert (final["missile_class"], final["landing"]) == ("ballistic", "sea_of_japan")
    cruise = rows[CRUISE]
    assert (cruise["launch_times_local"], cruise["count_qualifier"], cruise["range_km"]) == ("14:10;14:25", "multiple",
                                                                                           "1300")  # fmt: skip
    assert (cruise["missile_class"], cruise["launch_site"]) == ("cruise", "wonsan")
    english = rows[FINAL_EN]
    assert (english["stage"], english["count"], english["speed_mach"], english["launch_site"]) == (
        "final", "2", "6.1", "hwangju")  # fmt: skip
    # the first notice and the final ones, Korean and English, are one launch; JCS's latency is
    # its first notice's posting time (07:58:31) minus the launch (06:52)
    launches = read_rows(out / "launches.csv")
    salvo = next(row for row in launches if row["launch_date_local"] == "2026-11-20")
    assert salvo["jcs_first_published_at"].startswith("2026-11-20T07:58:31") and salvo["jcs_latency_minutes"] == "66.5"

    capsys.readouterr()
    first_run = len(site.log)
    assert collect(site.base_url, out) == 0
    assert [r.path for r in site.log[first_run:]] == ["/robots.txt", listing_path(KOREAN), listing_path(ENGLISH)]
    assert capsys.readouterr().out.strip() == "nothing new from 1 source; no files written"


def test_the_korean_final_notice_gives_both_ranges_and_the_speed(site, tmp_path, cli_env):
    build_jcs_kr_site(site)
    cli_env.setenv(proxy_env("jcs_kr"), site.base_url)
    collect(site.base_url, tmp_path / "out")
    final = next(r for r in read_rows(tmp_path / "out" / "statements.csv") if seq_of(r["url"]) == FINAL)
    assert (final["range_km"], final["speed_mach"]) == ("450;400", "6.1")


def test_without_a_proxy_collect_refuses_the_source_by_name_and_sources_says_why(site, tmp_path, cli_env, capsys):
    build_jcs_kr_site(site)
    out = tmp_path / "out"
    assert main(["collect", "--source", "jcs_kr", "--out", str(out), "--delay", "0", "-v"]) == 1  # asked, not run
    assert site.log == []
    said = capsys.readouterr().err  # asked for by name: said even without -v
    assert said.startswith("launchfeed: jcs_kr not run: disabled (geo-blocked outside KR: set LAUNCHFEED_JCS_KR_PROXY "
                           "or proxy in [sources.jcs_kr]")  # fmt: skip
    assert main(["sources", "--out", str(out)]) == 0
    line = next(line for line in capsys.readouterr().out.splitlines() if line.startswith("jcs_kr"))
    assert "disabled: geo-blocked outside KR" in line and "LAUNCHFEED_JCS_KR_PROXY" in line


def test_a_mirror_answers_the_geo_block_without_a_proxy(site, tmp_path, cli_env, capsys):
    """--base-url (or base_url in the config) asks a mirror, not the site that drops foreign connections."""
    build_jcs_kr_site(site)
    out = tmp_path / "out"
    assert main(["collect", "--source", "jcs_kr", "--base-url", site.base_url, "--out", str(out), "--delay", "0"]) == 0
    assert site.log and not any(request.proxied for request in site.log)
    assert any(row["source"] == "jcs_kr" for row in read_rows(out / "statements.csv"))
    assert "not run" not in capsys.readouterr().err


def test_collect_through_a_proxy_that_drops_fails_the_source_with_one_clear_line(tmp_path, cli_env, capsys):
    allow_only_loopback(cli_env)
    server = DroppingServer().start()
    cli_env.setenv(proxy_env("jcs_kr"), server.base_url)
    try:
        code = main(["collect", "--source", "jcs_kr", "--out", str(tmp_path / "out"), "--delay", "0"])
    finally:
        server.stop()
    assert code == 1
    errors = capsys.readouterr().err.strip().splitlines()
    assert len(errors) == 1 and errors[0].startswith("launchfeed: jcs_kr failed: geo_blocked: ")
    assert "LAUNCHFEED_JCS_KR_PROXY" in errors[0]
    assert main(["sources", "--out", str(tmp_path / "out")]) == 0
    assert "jcs_kr     failing: geo_blocked x1" in capsys.readouterr().out
