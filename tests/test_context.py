"""The scraper framework's own steps, with a made-up source over real HTTP on 127.0.0.1:
``Context.fetch_page`` (fetch, archive, parse, store, or the item's problem record)."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator
from datetime import datetime

import pytest
from geoblock import refused_url
from launchfeed.output.store import Store
from launchfeed.scrapers.archive import Archive
from launchfeed.scrapers.base import Context, Page
from launchfeed.scrapers.errors import SourceError

from launchfeed.contracts import Listing, SourceInfo

INFO = SourceInfo(
    id="gazette",
    publisher="A made-up gazette",
    country="JP",
    languages=("en",),
    timezone="Asia/Tokyo",
    authority=None,
    base_url="https://gazette.example/",
    listings=(Listing("/index.html"),),
    release_links=r"^/notices/\d+\.html$",
    allowed_hosts=("gazette.example",),
)
NOTICE = b"<html><body><h1>Notice 7</h1><p>The harbour closes at noon.</p></body></html>"


def parse(raw: bytes, url: str, content_type: str) -> Page:
    """The gazette's parser: a notice is its <h1> and one <p>."""
    text = raw.decode("utf-8")
    if "<p>" not in text:
        raise SourceError("layout_changed", "notice without its text", url=url)
    title = text.split("<h1>", 1)[1].split("</h1>", 1)[0]
    body = text.split("<p>", 1)[1].split("</p>", 1)[0]
    return Page(title=title, text=f"{title}\n{body}", published_at=None, lang="en")


@pytest.fixture
def context(site, tmp_path) -> Iterator[Context]:
    store = Store(tmp_path / "store.sqlite")
    ctx = Context(INFO, archive=Archive(tmp_path / "archive"), sink=store, memory=store,
                  base_url=site.base_url, delay=0)  # fmt: skip
    yield ctx
    ctx.close()


def test_fetch_page_stores_the_parsed_page_under_the_publishers_url(site, context, tmp_path):
    site.add("/notices/7.html", NOTICE)
    listed = datetime.fromisoformat("2026-11-20T00:00:00+09:00")
    url = context.url("/notices/7.html")
    assert context.fetch_page(url, parse, title="listed title", lang="ja", published_at=listed) is None
    [document] = context.sink.documents()
    assert (document.url, document.title, document.lang) == ("https://gazette.example/notices/7.html", "Notice 7", "en")
    assert document.text == "Notice 7\nThe harbour closes at noon." and document.published_at == listed
    assert (tmp_path / "archive" / document.raw_path).read_bytes() == NOTICE
    assert context.stats.new_documents == 1 and not context.stats.problems


@pytest.mark.parametrize(
    ("page", "kind"), [(b"<html><h1>Notice 8</h1></html>", "layout_changed"), (None, "http_error")]
)
def test_fetch_page_records_an_item_problem_that_waits_its_backoff(site, context, page, kind):
    if page is not None:
        site.add("/notices/8.html", page)
    url = context.url("/notices/8.html")
    problem = context.fetch_page(url, parse, title="", lang="en")
    assert problem is not None and problem.kind == kind
    assert context.stats.problems == {kind: 1} and context.sink.documents() == []
    [said] = context.stats.new_item_problems
    assert said.startswith(f"{kind}: ") and "https://gazette.example/notices/8.html" in said
    assert not context.should_try("https://gazette.example/notices/8.html")  # retried after a backoff


def test_fetch_page_lets_a_geo_block_end_the_crawl(tmp_path):
    store = Store(tmp_path / "store.sqlite")
    blocked = Context(dataclasses.replace(INFO, geo_blocked=True), archive=Archive(tmp_path / "archive"),
                      sink=store, memory=store, base_url=refused_url(), delay=0)  # fmt: skip
    try:
        with pytest.raises(SourceError) as caught:
            blocked.fetch_page(blocked.url("/notices/9.html"), parse, title="", lang="en")
    finally:
        blocked.close()
    assert caught.value.kind == "geo_blocked" and not blocked.stats.new_item_problems
