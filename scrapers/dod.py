"""U.S. Department of War (the Department of Defense until 2025), www.war.gov.

Why this source is odd (measured by others in 2026):
- Two ArticleCS feeds: releases (ContentType=9) and news (ContentType=1). Article
  pages sit behind Akamai (403 to clients that are not browsers), so each document
  is the feed item itself (see scrapers/articlecs.py), its link kept as its URL.
- The feeds send no ETag or Last-Modified, so every run downloads both whole: the
  run makes exactly those two requests (plus robots.txt) and no others. Items are
  deduplicated by guid (one item can sit in both feeds), and the store keeps a
  document's words once (an unchanged item is "unchanged", an edited one a revision).
- pubDates are editorial dates an editor sets, not publication times: only their
  day, in US Eastern time, is kept (published_precision "day").
- Dozens of releases a day are about other things; only items whose own words name
  North Korea and a launch become documents (the statements, readouts of calls with
  Seoul and Tokyo, and joint statements after a launch).
- The past (``launchfeed backfill``): the Wayback captures of its North Korea tag page
  (``TAG_PAGES``), each listing the newest articles of the tag with their dates; each
  article is read from its own capture in the archive (the archive's crawler got past
  Akamai where it did), and kept when its own words name North Korea and a launch.
"""

from __future__ import annotations

from zoneinfo import ZoneInfo

from launchfeed.scrapers import articlecs
from launchfeed.scrapers.base import Context, Page

from launchfeed.contracts import ExtractionPolicy, Listing, SourceInfo

INFO = SourceInfo(
    id="dod",
    publisher="U.S. Department of War (formerly Department of Defense)",
    country="US",
    languages=("en",),
    timezone="America/New_York",
    authority="dod",
    base_url="https://www.war.gov/",
    # each feed shows its newest items, a few days' worth: far fewer is not a quiet day
    listings=(
        Listing("/DesktopModules/ArticleCS/RSS.ashx?Site=945&ContentType=9", min_releases=5),  # releases
        Listing("/DesktopModules/ArticleCS/RSS.ashx?Site=945&ContentType=1", min_releases=5),  # news
    ),
    release_links=r"^https?://www\.war\.gov/.+/Article/\d+/",
    allowed_hosts=("www.war.gov",),
    cadence="statements or readouts after major launches only; dozens of unrelated releases a day",
    timeout=30.0,
    min_interval=2.0,
    # statements come hours after a launch, often the next day in Washington: no date from publication
    extraction=ExtractionPolicy(date_from_published=False),
)

EASTERN = ZoneInfo(INFO.timezone)

# The North Korea tag of the News Archive (a listing of date, title and summary per article, newest first),
# as defense.gov served it before the 2025 rename, and the same path on www.war.gov (assumed: the rename kept
# defense.gov's paths, and a prefix with no capture costs one empty listing). Asked as prefixes: ?Page=N too.
TAG_PAGES = ("www.defense.gov/News/Archive/Tag/45776/north-korea/", "www.war.gov/News/Archive/Tag/45776/north-korea/")
# an article the tag pages link to, on either host (INFO.release_links is war.gov's alone)
ARCHIVED_ARTICLE = r"^https?://www\.(?:defense|war)\.gov/.+/Article/(\d+)/"


def crawl(ctx: Context) -> None:
    articlecs.crawl_feeds(ctx, parse)


def parse(raw: bytes, url: str, content_type: str) -> Page:
    """A feed item, or an article page read from the archive (backfill)."""
    return articlecs.parse_any(raw, url, content_type, EASTERN, editorial_dates=True)
