"""dod over real HTTP against the fixture copy of www.war.gov."""

from __future__ import annotations

from launchfeed.scrapers import dod
from site_dod import NEWS_PATH, RELEASES_PATH, build_dod_site, deny

ARTICLES = "https://www.war.gov/News/"
RELEASE = ARTICLES + "Releases/Release/Article/"
STATEMENT = RELEASE + "4419002/statement-by-chief-pentagon-spokesman-on-the-dprks-icbm-launch/"
READOUT = RELEASE + "4419010/readout-of-secretary-of-war-call-with-japans-minister-of-defense/"
STORY = ARTICLES + "News-Stories/Article/Article/4419044/allies-track-north-korean-icbm-as-it-falls-west-of-hokkaido/"


def test_both_feeds_give_one_document_per_item_about_a_launch(site, crawl):
    build_dod_site(site)
    store, ctx = crawl(dod, site)
    documents = {d.url: d for d in store.documents()}
    # the readout sits in both feeds (same guid): one document; the casualty release and
    # the radar test (a missile, but not North Korea's) are not documents
    assert sorted(documents) == sorted([STATEMENT, READOUT, STORY])
    statement = documents[STATEMENT]
    assert statement.title == "Statement by Chief Pentagon Spokesman on the DPRK's ICBM Launch"
    assert statement.text.splitlines()[1].startswith("The Department of War condemns the launch of an")
    # editorial dates: the day only, on US Eastern time (03:30 GMT on Nov 20 is Nov 19 in Washington)
    assert statement.published_at.isoformat() == "2026-11-19T00:00:00-05:00"
    assert statement.published_precision == "day"
    assert documents[READOUT].published_at.isoformat() == "2026-11-20T00:00:00-05:00"
    # article pages sit behind Akamai: the run asks for the two feeds and nothing else
    assert [r.path for r in site.log] == ["/robots.txt", RELEASES_PATH, NEWS_PATH]
    assert ctx.stats.new_documents == 3 and not ctx.failures


def test_second_run_downloads_the_two_feeds_and_stores_nothing(site, crawl):
    build_dod_site(site)
    store, _ = crawl(dod, site)
    first = len(site.log)
    _, ctx = crawl(dod, site)
    second = site.log[first:]
    # no validators to send (the feeds give none): the two feeds again, whole, and nothing else
    assert [r.path for r in second] == ["/robots.txt", RELEASES_PATH, NEWS_PATH]
    assert not any("if-none-match" in r.headers or "if-modified-since" in r.headers for r in second)
    assert (ctx.stats.fetched, ctx.stats.new_documents, ctx.stats.revised_documents) == (2, 0, 0)
    assert all(len(store.document_revisions(d.id)) == 1 for d in store.documents())


def test_a_denied_feed_fails_the_source_and_the_other_feed_is_still_read(site, crawl):
    build_dod_site(site)
    deny(site, RELEASES_PATH)
    store, ctx = crawl(dod, site)
    assert [error.kind for error in ctx.failures] == ["access_challenged"]
    assert sorted(d.url for d in store.documents()) == sorted([READOUT, STORY])


def test_a_feed_without_items_is_a_layout_change(site, crawl):
    build_dod_site(site)
    site.add(NEWS_PATH, "<?xml version='1.0'?><rss version='2.0'><channel><title>News</title></channel></rss>",
             content_type="text/xml; charset=utf-8", conditional=False)  # fmt: skip
    store, ctx = crawl(dod, site)
    assert [error.kind for error in ctx.failures] == ["layout_changed"]
    assert "ContentType=1" in str(ctx.failures[0])
    assert len(store.documents()) == 2  # the releases feed still gave its items
