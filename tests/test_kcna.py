"""kcna over real HTTP against the fixture copy of www.kcna.kp."""

from __future__ import annotations

import dataclasses
import time
from datetime import date, datetime, timedelta
from urllib.parse import parse_qs
from zoneinfo import ZoneInfo

import httpx
import pytest
from launchfeed.scrapers import kcna
from launchfeed.scrapers.archive import Archive
from site_kcna import CRUISE, FACTORY, FARMS, HOME, ICBM, LEADER, OLD_ICBM, TOP, build_kcna_site

SITE = "http://www.kcna.kp"
LISTING_REQUESTS = [
    ("GET", "/robots.txt"),
    ("GET", f"/en/article/list/{LEADER}"),
    ("POST", f"/en/article/list/{TOP}"),
    ("POST", f"/en/article/list/{HOME}"),
]


def requests(site, start: int = 0) -> list[tuple[str, str]]:
    return [(r.method, r.path) for r in site.log[start:]]


def test_every_listed_article_is_archived_and_stored(site, tmp_path, crawl):
    build_kcna_site(site)
    store, ctx = crawl(kcna, site)
    documents = {d.url.removeprefix(SITE): d for d in store.documents()}
    # launch reports and the rest alike (the extractor decides); one document per
    # article although the ICBM and cruise reports sit in two categories each
    assert sorted(documents) == sorted([ICBM, CRUISE, FARMS, FACTORY, OLD_ICBM])
    icbm = documents[ICBM]
    # leader names wrapped in <nobr><span class="fSpecCs"> and made-up tags read as plain words
    assert icbm.title == "Respected Comrade Kim Jong Un Guides Test-fire of New-type ICBM Hwasongpho-20"
    lines = icbm.text.splitlines()
    assert lines[0] == icbm.title
    assert lines[1].startswith("Pyongyang, November 21 (KCNA) -- The Missile General Bureau of the DPRK test-fired")
    assert "under the guidance of Kim Jong Un, general secretary" in lines[1]
    assert "flew 1 002 km for 4 015 seconds" in icbm.text
    # photo buttons and KCNA's end mark are not text
    assert "Photo" not in icbm.text and "-0-" not in icbm.text and len(lines) == 5
    # the listing date, in Pyongyang time of that day
    assert icbm.published_at.isoformat() == "2026-11-21T00:00:00+09:00"
    assert icbm.published_precision == "day"
    # the older layout dates itself in the Juche era, inside the UTC+8:30 years
    old = documents[OLD_ICBM]
    assert old.title == "DPRK Academy of Defence Science Reports on Test-launch of ICBM Hwasong-14"
    assert old.published_at.isoformat() == "2017-07-05T00:00:00+08:30"
    assert old.text.splitlines()[1].startswith("Pyongyang, July 5 (KCNA) -- The DPRK Academy of Defence Science")
    assert "www.kcna.kp" not in old.text
    assert old.url == SITE + OLD_ICBM and icbm.url == SITE + ICBM
    for document in documents.values():
        assert document.lang == "en" and (tmp_path / "archive" / document.raw_path).is_file()
    assert not ctx.failures and not ctx.stats.problems and ctx.stats.new_documents == 5
    # a GET opens the session and lists the leader's category; the others are POSTed
    assert requests(site)[:4] == LISTING_REQUESTS


def test_listings_carry_the_session_cookie_and_its_token(site, crawl):
    kcna_site = build_kcna_site(site)
    crawl(kcna, site)
    (session, token), *_ = kcna_site.sessions.items()
    posts = site.requests("POST")
    assert len(posts) == 2
    for post in posts:
        assert f"JSESSIONID={session}" in post.headers["cookie"]
        form = parse_qs(post.body.decode(), keep_blank_values=True)
        assert form == {"page_num": ["1"], "cnt_per_page": [str(kcna.LISTING_SIZE)], "keyword": [""], "_csrf": [token]}


def test_the_fixture_refuses_a_listing_without_cookie_and_token(site):
    build_kcna_site(site)
    url = site.url(f"/en/article/list/{TOP}")
    with httpx.Client() as client:
        opened = client.get(url)
        token = opened.text.split('name="_csrf" value="', 1)[1].split('"', 1)[0]
        assert httpx.post(url, data={"page_num": "1", "_csrf": token}).status_code == 403  # no cookie
        assert client.post(url, data={"page_num": "1", "_csrf": "forged"}).status_code == 403
        assert client.post(url, data={"page_num": "1", "cnt_per_page": "5", "_csrf": token}).status_code == 200


def test_an_expired_session_is_opened_again_once(site, crawl):
    kcna_site = build_kcna_site(site)
    expired = []

    def expire_first(request):
        if not expired:
            expired.append(True)
            kcna_site.expire_sessions()
        return kcna_site.post_category(request)

    site.add(f"/en/article/list/{TOP}", expire_first, method="POST")
    store, ctx = crawl(kcna, site)
    assert requests(site)[:6] == [
        *LISTING_REQUESTS[:3],
        ("GET", f"/en/article/list/{LEADER}"),
        ("POST", f"/en/article/list/{TOP}"),
        ("POST", f"/en/article/list/{HOME}"),
    ]
    assert not ctx.failures and len(store.documents()) == 5


def test_refused_listings_fail_the_source_but_the_opened_category_is_read(site, crawl):
    kcna_site = build_kcna_site(site)
    for category in (TOP, HOME):
        site.add(f"/en/article/list/{category}", lambda request: kcna_site.post_category(
            dataclasses.replace(request, headers={})), method="POST")  # fmt: skip
    store, ctx = crawl(kcna, site)
    assert [(e.kind, e.status) for e in ctx.failures] == [("http_error", 403), ("http_error", 403)]
    # one new session is tried, not one per refused listing
    reopened = [("GET", f"/en/article/list/{LEADER}"), ("POST", f"/en/article/list/{TOP}")]
    assert requests(site)[:6] == [*LISTING_REQUESTS[:3], *reopened, ("POST", f"/en/article/list/{HOME}")]
    assert sorted(d.url.removeprefix(SITE) for d in store.documents()) == sorted([ICBM, FACTORY])


def test_a_category_page_without_token_is_a_layout_change(site, crawl):
    kcna_site = build_kcna_site(site)
    site.add(f"/en/article/list/{LEADER}", lambda request: dataclasses.replace(
        kcna_site.get_category(request), body=b"<html><body><ul></ul></body></html>"))  # fmt: skip
    store, ctx = crawl(kcna, site)
    assert [e.kind for e in ctx.failures] == ["layout_changed"] and "_csrf" in str(ctx.failures[0])
    assert site.requests("POST") == [] and store.documents() == []


def test_an_empty_listing_is_a_layout_change(site, crawl):
    kcna_site = build_kcna_site(site)
    kcna_site.listings[HOME] = []
    store, ctx = crawl(kcna, site)
    assert [e.kind for e in ctx.failures] == ["layout_changed"] and HOME in str(ctx.failures[0])
    assert len(store.documents()) == 4  # the other categories still gave their items


def test_an_article_without_its_body_is_a_layout_change(site, crawl):
    build_kcna_site(site)
    site.add(FACTORY, "<html><body><div class='container'><p>Service temporarily paused</p></div></body></html>")
    store, ctx = crawl(kcna, site)
    assert ctx.stats.problems == {"layout_changed": 1} and not ctx.failures
    assert FACTORY not in {d.url.removeprefix(SITE) for d in store.documents()}


def test_a_slow_page_is_waited_for(site, crawl):
    kcna_site = build_kcna_site(site)
    kcna_site.slow(ICBM, 1.5)
    started = time.monotonic()
    store, ctx = crawl(kcna, site)
    assert time.monotonic() - started >= 1.5
    assert ICBM in {d.url.removeprefix(SITE) for d in store.documents()} and not ctx.stats.problems


def test_a_page_slower_than_the_timeout_stops_the_run_and_waits_for_later(site, crawl):
    kcna_site = build_kcna_site(site)
    kcna_site.slow(ICBM, 1.5)
    impatient = dataclasses.replace(kcna.INFO, timeout=0.4)
    store, ctx = crawl(kcna, site, info=impatient)
    # newest first: the farms story, then the ICBM report times out (two tries) and the run
    # asks for no further article from a site that stopped answering
    assert requests(site, 4) == [("GET", FARMS), ("GET", ICBM), ("GET", ICBM)]
    assert ctx.stats.problems == {"network_error": 1}
    assert "timed out" in ctx.stats.messages[0] and "3 articles left" in ctx.stats.messages[1]
    assert [d.url.removeprefix(SITE) for d in store.documents()] == [FARMS]
    # the next run fetches the rest; the timed-out page waits out its backoff
    first = len(site.log)
    store, _ = crawl(kcna, site)
    assert [path for _, path in requests(site, first + 4)] == [FACTORY, CRUISE, OLD_ICBM]
    assert ICBM not in {d.url.removeprefix(SITE) for d in store.documents()}


def test_a_run_fetches_at_most_its_cap_newest_first(site, monkeypatch, crawl):
    build_kcna_site(site)
    monkeypatch.setattr(kcna, "MAX_ARTICLES_PER_RUN", 2)
    stored = []
    for _ in range(3):
        store, ctx = crawl(kcna, site)
        stored.append(ctx.stats.new_documents)
    assert stored == [2, 2, 1] and len(store.documents()) == 5
    assert [p for m, p in requests(site) if p.startswith("/en/article/") and m == "GET" and "/list/" not in p] == [
        FARMS, ICBM, FACTORY, CRUISE, OLD_ICBM
    ]  # fmt: skip


def test_second_run_asks_only_for_the_listings_and_stores_nothing(site, crawl):
    build_kcna_site(site)
    crawl(kcna, site)
    first = len(site.log)
    _, ctx = crawl(kcna, site)
    assert requests(site, first) == LISTING_REQUESTS
    assert (ctx.stats.new_documents, ctx.stats.revised_documents, ctx.stats.problems) == (0, 0, {})


def test_the_page_date_wins_over_the_listing_date(site, crawl):
    kcna_site = build_kcna_site(site)
    kcna_site.listings[TOP] = [(link, title, "2017.07.06" if link == OLD_ICBM else day)
                               for link, title, day in kcna_site.listings[TOP]]  # fmt: skip
    store, _ = crawl(kcna, site)
    old = next(d for d in store.documents() if d.url.endswith(".kcmsf"))
    assert old.published_at.isoformat() == "2017-07-05T00:00:00+08:30"


def test_archived_pages_replay_to_the_same_documents(site, tmp_path, crawl):
    build_kcna_site(site)
    store, _ = crawl(kcna, site)
    archive = Archive(tmp_path / "archive")
    for document in store.documents():
        page = kcna.parse(archive.get(document.raw_path), document.url, document.content_type)
        assert (page.title, page.text) == (document.title, document.text)
        # only the older layout carries its own date; the current one takes the listing's
        assert (page.published_at is not None) == document.url.endswith(".kcmsf")


@pytest.mark.parametrize(
    ("day", "offset"),
    [("2015-08-14", "+09:00"), ("2015-08-15", "+08:30"), ("2018-05-04", "+08:30"), ("2018-05-05", "+09:00"),
     ("2026-11-21", "+09:00")],
)  # fmt: skip
def test_pyongyang_days_carry_the_offset_of_their_time(day, offset):
    assert kcna.pyongyang_day(*map(int, day.split("-"))).isoformat() == f"{day}T00:00:00{offset}"


def test_pyongyang_offsets_agree_with_the_time_zone_database():
    zone = ZoneInfo("Asia/Pyongyang")
    day = date(2015, 1, 1)
    while day < date(2019, 1, 1):
        noon = datetime(day.year, day.month, day.day, 12, tzinfo=zone)
        assert kcna.pyongyang_offset(day).utcoffset(None) == noon.utcoffset(), day
        day += timedelta(days=1)


@pytest.mark.parametrize(
    ("stamp", "expected"),
    [("www.kcna.kp (2018.5.4.)", "2018-05-04T00:00:00+08:30"), ("(Juche107.5.5.)", "2018-05-05T00:00:00+09:00"),
     ("www.kcna.kp (Juche113.3.9.)", "2024-03-09T00:00:00+09:00"), ("(2025.12.14.)", "2025-12-14T00:00:00+09:00")],
)  # fmt: skip
def test_the_older_layout_page_date(stamp, expected):
    page = f"""<html><body><div class="article-main-title">A Title</div><div class="content-wrapper">
    <p>Pyongyang, May 4 (KCNA) -- Text.</p><span class="publish-time">{stamp}</span></div></body></html>"""
    parsed = kcna.parse(page.encode(), SITE + "/en/article/q/" + "a" * 32 + ".kcmsf", "text/html")
    assert parsed.published_at.isoformat() == expected
    assert parsed.text == "A Title\nPyongyang, May 4 (KCNA) -- Text."
