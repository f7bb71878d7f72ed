"""U.S. Indo-Pacific Command (USINDOPACOM), news feed of www.pacom.mil.

Why this source is odd (measured by others in 2026):
- Article pages sit behind Akamai, which answers clients that are not browsers
  with 403; the RSS feed loads. So each document is the feed item itself (title,
  description, pubDate; see scrapers/articlecs.py), with the article link kept as
  its URL.
- The feed carries every kind of command news (exercises, port visits, change of
  command). Only items whose own words name North Korea and a launch become
  documents: the others can never yield a launch report, and without their pages
  there is nothing more to read from them (the whole feed is archived anyway).
- Statements rarely give numbers; they date the launch in Hawaii or Washington
  time. The pubDate is Hawaii's clock (the command's headquarters), kept to the
  minute when it states one.
- The past (``launchfeed backfill``): the news listing ``NEWS_PAGE`` (``?Page=N``, newest
  first) is walked back page by page; an entry there (its title, words and date) is the
  document, as a feed item is, with the same filter. Its markup is not documented here:
  every link in the release shape is an entry (scrapers/articlecs.py).
"""

from __future__ import annotations

from zoneinfo import ZoneInfo

from launchfeed.scrapers import articlecs
from launchfeed.scrapers.base import Context, Page

from launchfeed.contracts import ExtractionPolicy, Listing, SourceInfo

INFO = SourceInfo(
    id="indopacom",
    publisher="U.S. Indo-Pacific Command (USINDOPACOM)",
    country="US",
    languages=("en",),
    timezone="Pacific/Honolulu",
    authority="indopacom",
    base_url="https://www.pacom.mil/",
    # the 25 newest items of every kind (max=25): a day's news and a launch's statement among them
    listings=(Listing("/DesktopModules/ArticleCS/RSS.ashx?ContentType=1&Site=108&max=25", min_releases=10),),
    release_links=r"^https?://www\.pacom\.mil/.+/Article/\d+/",
    allowed_hosts=("www.pacom.mil",),
    cadence="a short statement within hours of most launches; otherwise a few news items a day",
    timeout=30.0,
    min_interval=2.0,
    # its statements come hours after a launch, often the next day in Hawaii: a statement that gives no
    # date is not dated by its publication
    extraction=ExtractionPolicy(date_from_published=False),
)

HAWAII = ZoneInfo(INFO.timezone)
# the news listing, one page of it (N from 1, newest first)
NEWS_PAGE = "/Media/News/?Page={page}"


def crawl(ctx: Context) -> None:
    articlecs.crawl_feeds(ctx, parse)


def parse(raw: bytes, url: str, content_type: str) -> Page:
    """A feed item, or an entry of the news listing (backfill)."""
    return articlecs.parse_any(raw, url, content_type, HAWAII, editorial_dates=False)
