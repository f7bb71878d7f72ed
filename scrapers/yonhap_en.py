"""Yonhap News Agency, English edition: its North Korea feed (optional, off by default).

Why this source is odd (measured by others in 2026):
- JCS texts reporters its numbers before it posts them: Yonhap's first story on a
  launch is often the fastest public channel for them. Its reports carry JCS's
  assessments, so documents from here have authority ``jcs`` and channel ``yonhap``
  (the extractor maps this source to that authority): they never pass for the
  ministry's own release, and a launch's latency is measured on JCS's own posts only.
- The feed (``/RSS/nk.xml``) carries every North Korea story (economy, diplomacy,
  culture). Only items whose title or summary speak of a launch are fetched; the
  feed itself is archived whole at every change, so every item stays on record.
- Feed links are absolute, with tracking queries (``?section=nk/nk&input=rss``): the
  article's path (``/view/AEN<date><serial>``) is its URL. A story updated with more
  numbers comes back as "(LEAD)" or "(2nd LD)" under a new id: another document.
- Descriptions are the first words of the story, cut off: the text is read from the
  article page (``.title-article01 h1.tit``, ``.update-time[data-published-time]`` in
  Korea time to the minute, ``.story-news.article p``; photos, the reporter's address
  and the "(END)" mark are not text). A page that cannot be read is an item problem,
  tried again later: a story is never stored from its cut-off summary.
- Not geo-blocked; a proxy can still be set like for any source.
"""

from __future__ import annotations

import re
from urllib.parse import urlsplit

from bs4 import BeautifulSoup
from launchfeed.scrapers.base import Context, Page
from launchfeed.scrapers.errors import SourceError
from launchfeed.scrapers.feeds import FeedItem, parse_feed
from launchfeed.scrapers.http import decode_body
from launchfeed.scrapers.korea import KST, posted_at

from launchfeed.contracts import ExtractionPolicy, Listing, SourceInfo

FEED = "/RSS/nk.xml"

INFO = SourceInfo(
    id="yonhap_en",
    publisher="Yonhap News Agency (English), carrying the ROK JCS's assessments",
    country="KR",
    languages=("en",),
    timezone="Asia/Seoul",
    authority="jcs",
    base_url="https://en.yna.co.kr/",
    # the feed's newest stories on North Korea, whatever the day brought
    listings=(Listing(FEED, min_releases=10),),
    # its own story pages, absolute and with a tracking query in the feed
    release_links=r"^(?:https?://en\.yna\.co\.kr)?/view/[A-Z]{3}\d{14,}(?:[?#]|$)",
    allowed_hosts=("en.yna.co.kr",),
    cadence="a first story within minutes of a launch, updates (LEAD) within the hour; dozens of other stories a day",
    timeout=20.0,
    min_interval=2.0,
    default_enabled=False,
    channel="yonhap",
    # wire copies keep its dateline "SEOUL, May 8 (Yonhap) --"
    extraction=ExtractionPolicy(dateline=r"\(Yonhap\)"),
)

LAUNCH = re.compile(
    r"\b(?:missiles?|ICBMs?|[SIM]RBMs?|SLBMs?|ballistic|projectiles?|rockets?|satellites?|launch(?:es|ed|ing)?"
    r"|fires?|fired|test-fir\w*|hypersonic)\b",
    re.I,
)
NOT_TEXT = ("figure", "aside", "script", "style", ".comp-box", ".image-zone", ".txt-copyright", ".adrs")


def is_launch_story(item: FeedItem) -> bool:
    return bool(LAUNCH.search(f"{item.title}\n{item.description}"))


def item_link(item: FeedItem) -> str:
    return (item.link or item.guid).strip()


def crawl(ctx: Context) -> None:
    [listing] = INFO.listings
    url = ctx.url(listing.path)
    try:
        items = parse_feed(ctx.fetch(url).content, url)
    except SourceError as error:
        ctx.listing_problem(error)
        return
    seen: set[str] = set()
    for item in ctx.releases(listing, url, items, item_link):
        path = urlsplit(item_link(item)).path  # the story: its tracking query dropped
        if is_launch_story(item) and path not in seen:
            seen.add(path)
            _collect(ctx, item, path)


def _collect(ctx: Context, item: FeedItem, path: str) -> None:
    url = ctx.url(path)
    if ctx.known(url) or not ctx.should_try(ctx.canonical(url)):
        return
    # the feed's time of the item, to the minute, when the page gives none
    listed = item.published_at.astimezone(KST) if item.published_at else None
    ctx.fetch_page(url, parse, title=item.title, lang="en", published_at=listed,
                   precision="minute" if listed else "day")  # fmt: skip


# -- parsing (also used to replay the archive) -----------------------------------


def parse(raw: bytes, url: str, content_type: str) -> Page:
    soup = BeautifulSoup(decode_body(raw, content_type), "lxml")
    heading = soup.select_one(".title-article01 h1") or soup.select_one("h1.tit")
    story = soup.select_one(".story-news.article") or soup.select_one(".story-news")
    if heading is None or story is None:
        raise SourceError("layout_changed", "no .title-article01 h1 and .story-news: not a Yonhap story", url=url)
    for selector in NOT_TEXT:
        for tag in story.select(selector):
            tag.decompose()
    lines = [" ".join(p.get_text(" ", strip=True).split()) for p in story.find_all("p")]
    lines = [line for line in lines if line and line != "(END)"]
    if not lines:
        raise SourceError("layout_changed", "story without its text (.story-news has no paragraphs)", url=url)
    title = " ".join(heading.get_text(" ", strip=True).split())
    stamp = soup.select_one(".update-time[data-published-time]")
    posted = posted_at(str(stamp["data-published-time"])) if stamp else None
    return Page(
        title=title,
        text="\n".join([title, *lines]),
        published_at=posted[0] if posted else None,
        published_precision=posted[1] if posted else "minute",
        lang="en",
    )
