"""Feeds of ArticleCS, the content system U.S. military sites run (pacom.mil, war.gov).

Both sites publish RSS from ``/DesktopModules/ArticleCS/RSS.ashx``, and both put
their article pages behind Akamai, which answers clients that are not browsers
with a 403 "Access Denied" page. So a document is built from its feed item alone:
the item's title, description and pubDate make the text and the date, the item's
own bytes (``FeedItem.xml``) are the archived snapshot it is parsed from, and the
item's link stays the document's URL although it is never fetched.

Items are keyed by their link (the article URL), never by title; an item listed
in two feeds of one site (same guid) becomes one document.
"""

from __future__ import annotations

import html
import re
import warnings
from collections.abc import Callable
from datetime import UTC, datetime
from zoneinfo import ZoneInfo

from bs4 import BeautifulSoup, MarkupResemblesLocatorWarning
from launchfeed.scrapers.base import Context, Page, block_lines
from launchfeed.scrapers.errors import SourceError
from launchfeed.scrapers.feeds import FeedItem, parse_feed, parse_item_snapshot

from launchfeed.contracts import Document

CONTENT_TYPE = "application/rss+xml"  # the snapshot is one <item> element of the feed

NORTH_KOREA = re.compile(r"\b(?:DPRK|North Korean?|Democratic People.s Republic of Korea|Pyongyang)\b", re.I)
LAUNCH = re.compile(
    r"\b(?:launch\w*|missiles?|ICBMs?|IRBMs?|SRBMs?|ballistic|satellite|rockets?|test[- ]fir\w*)\b", re.I
)


def is_north_korean_launch(item: FeedItem) -> bool:
    """The item's own words name North Korea and a launch (title or description)."""
    words = f"{item.title}\n{item.description}"
    return bool(NORTH_KOREA.search(words) and LAUNCH.search(words))


def crawl_feeds(
    ctx: Context,
    parse: Callable[[bytes, str, str], Page],
    *,
    wanted: Callable[[FeedItem], bool] = is_north_korean_launch,
) -> None:
    """Read every feed of the source; emit one document per wanted item, built by
    the source's own ``parse`` from the item's bytes (as a replay of the archive would)."""
    seen: set[str] = set()
    for listing in ctx.info.listings:
        url = ctx.url(listing.path)
        try:
            fetched = ctx.fetch(url)
            items = parse_feed(fetched.content, url)
        except SourceError as error:
            ctx.listing_problem(error)
            continue
        for item in ctx.releases(listing, url, items, item_link):
            key = item.guid or item_link(item)
            if not wanted(item) or key in seen:
                continue
            seen.add(key)
            _emit(ctx, item, ctx.url(item_link(item)), parse, fetched.fetched_at)


def item_link(item: FeedItem) -> str:
    """The article an item stands for: its link, else a guid that is a URL."""
    return item.link or (item.guid if item.guid.startswith(("http://", "https://", "/")) else "")


def _emit(ctx: Context, item: FeedItem, link: str, parse: Callable[[bytes, str, str], Page],
          fetched_at: datetime) -> None:  # fmt: skip
    sha256, raw_path = ctx.snapshot(item.xml)
    try:
        page = parse(item.xml, link, CONTENT_TYPE)
    except SourceError as error:
        ctx.problem(error, link)
        return
    ctx.emit(
        Document(
            source=ctx.info.id,
            url=ctx.canonical(link),
            title=page.title,
            lang="en",
            published_at=page.published_at,
            published_precision=page.published_precision,
            fetched_at=fetched_at,
            sha256=sha256,
            raw_path=raw_path,
            text=page.text,
            content_type=CONTENT_TYPE,
        )
    )


def _plain(markup: str) -> list[str]:
    """Descriptions are plain text or (escaped) HTML; either way, one line per block."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", MarkupResemblesLocatorWarning)
        soup = BeautifulSoup(markup, "lxml")
    return block_lines(soup.body or soup) if markup.strip() else []


def parse_item(raw: bytes, tz: ZoneInfo, *, editorial_dates: bool) -> Page:
    """One archived <item> into a Page. ``editorial_dates``: the pubDate is a date an
    editor set, not the time of publication, so only its day (in ``tz``) is kept."""
    item = parse_item_snapshot(raw)
    title = " ".join(html.unescape(item.title).split())
    lines = _plain(item.description)
    if not title and not lines:
        raise SourceError("layout_changed", "feed item has neither a title nor a description")
    published, precision = item.published_at, "minute"
    if published is not None:
        if published.tzinfo is None:
            published = published.replace(tzinfo=UTC)  # "-0000": RFC 5322 for UTC of unknown origin
        published = published.astimezone(tz)
        if editorial_dates or (published.hour, published.minute, published.second) == (0, 0, 0):
            published, precision = published.replace(hour=0, minute=0, second=0, microsecond=0), "day"
    return Page(title=title, text="\n".join([title, *lines]), published_at=published,
                published_precision=precision, lang="en")  # fmt: skip
