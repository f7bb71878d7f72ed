"""indopacom over real HTTP against the fixture copy of www.pacom.mil."""

from __future__ import annotations

from launchfeed.scrapers import indopacom
from launchfeed.scrapers.archive import Archive
from site_indopacom import EMPTY_FEED, FEED_PATH, ROOT, build_indopacom_site, deny_feed

STATEMENT = "https://www.pacom.mil/Media/News/News-Article-View/Article/4418805/usindopacom-statement-on-dprk-ballistic-missile-launch/"
EARLIER = "https://www.pacom.mil/Media/News/News-Article-View/Article/4390031/usindopacom-statement-on-dprk-ballistic-missile-launch/"


def test_documents_are_the_feed_items_about_north_korean_launches(site, crawl):
    build_indopacom_site(site)
    store, ctx = crawl(indopacom, site)
    documents = {d.url: d for d in store.documents()}
    # the exercise and the meeting (DPRK named, no launch) are not documents; the two
    # statements share a title and stay two documents (keyed by link, never by title)
    assert sorted(documents) == sorted([STATEMENT, EARLIER])
    latest = documents[STATEMENT]
    assert latest.title == "USINDOPACOM Statement on DPRK Ballistic Missile Launch"
    assert latest.title == documents[EARLIER].title
    lines = latest.text.splitlines()
    assert lines[0] == latest.title
    assert lines[1].startswith("HONOLULU -- U.S. Indo-Pacific Command is aware of the ballistic missile")
    assert "Democratic People's Republic of Korea launched on Nov. 19 (Hawaii time)" in lines[1]
    assert len(lines) == 4 and "<p>" not in latest.text
    # pubDate (GMT) on Hawaii's clock, to the minute
    assert latest.published_at.isoformat() == "2026-11-19T12:40:00-10:00"
    assert latest.published_precision == "minute"
    # a pubDate at midnight Hawaii time states a day, not a time
    assert documents[EARLIER].published_at.isoformat() == "2026-10-03T00:00:00-10:00"
    assert documents[EARLIER].published_precision == "day"
    assert (latest.lang, latest.content_type, latest.source) == ("en", "application/rss+xml", "indopacom")
    # article pages sit behind Akamai: only robots.txt and the feed were asked for
    assert [r.path for r in site.log] == ["/robots.txt", FEED_PATH]
    assert ctx.stats.new_documents == 2 and not ctx.failures and not ctx.stats.problems


def test_the_item_snapshot_replays_to_the_same_document(site, tmp_path, crawl):
    build_indopacom_site(site)
    store, _ = crawl(indopacom, site)
    archive = Archive(tmp_path / "archive")
    for document in store.documents():
        raw = archive.get(document.raw_path)
        assert raw.startswith(b"<item") and document.url.encode() in raw
        page = indopacom.parse(raw, document.url, document.content_type)
        assert (page.title, page.text, page.published_at) == (document.title, document.text, document.published_at)


def test_second_run_is_conditional_and_stores_nothing(site, crawl):
    build_indopacom_site(site)
    crawl(indopacom, site)
    first = len(site.log)
    _, ctx = crawl(indopacom, site)
    second = site.log[first:]
    assert [r.path for r in second] == ["/robots.txt", FEED_PATH]
    assert "if-none-match" in second[1].headers
    assert (ctx.stats.not_modified, ctx.stats.new_documents, ctx.stats.revised_documents) == (1, 0, 0)


def test_an_edited_statement_is_a_revision_of_the_same_document(site, crawl):
    build_indopacom_site(site)
    store, _ = crawl(indopacom, site)
    edited = (ROOT / "rss.xml").read_text(encoding="utf-8").replace("stays ironclad", "remains ironclad")
    site.add(FEED_PATH, edited, content_type="text/xml; charset=utf-8")
    _, ctx = crawl(indopacom, site)
    assert (ctx.stats.new_documents, ctx.stats.revised_documents) == (0, 1)
    statement = next(d for d in store.documents() if d.url == STATEMENT)
    assert [r["revision"] for r in store.document_revisions(statement.id)] == [1, 2]
    assert "remains ironclad" in statement.text


def test_an_empty_feed_is_a_layout_change(site, crawl):
    build_indopacom_site(site)
    site.add(FEED_PATH, EMPTY_FEED, content_type="text/xml; charset=utf-8")
    store, ctx = crawl(indopacom, site)
    assert ctx.stats.problems == {"layout_changed": 1}
    assert [error.kind for error in ctx.failures] == ["layout_changed"]
    assert store.documents() == []


def test_akamai_access_denied_is_reported_as_a_bot_check(site, crawl):
    build_indopacom_site(site)
    deny_feed(site)
    store, ctx = crawl(indopacom, site)
    assert [error.kind for error in ctx.failures] == ["access_challenged"]
    assert "403" in str(ctx.failures[0])
    # one try: a 403 is never retried
    assert [r.path for r in site.log] == ["/robots.txt", FEED_PATH]
    assert store.documents() == []
