"""Feeds of ArticleCS, the content system U.S. military sites run (pacom.mil, war.gov).

Both sites publish RSS from ``/DesktopModules/ArticleCS/RSS.ashx``, and both put
their article pages behind Akamai, which answers clients that are not browsers
with a 403 "Access Denied" page. So a document is built from its feed item alone:
the item's title, description and pubDate make the text and the date, the item's
own bytes (``FeedItem.xml``) are the archived snapshot it is parsed from, and the
item's link stays the document's URL although it is never fetched.

Items are keyed by their link (the article URL), never by title; an item listed
in two feeds of one site (same guid) becomes one document.

For the past (``launchfeed backfill``) there are two more readings, of HTML whose markup the project
has no documented copy of, so they are tolerant rather than guessed: a listing page (INDOPACOM's
``/Media/News/?Page=N``, a capture of DoD's tag page) is every link whose URL has the release shape,
with the element around it that holds no other release (its title, its words, the first date in it);
an archived article page is its ``<h1>`` and the paragraphs of its ``<article>`` (else ``<main>``,
else the body), dated by ``<time datetime>``, a published-time ``<meta>``, else its first written date.
"""

from __future__ import annotations

import html
import re
import warnings
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, date, datetime
from urllib.parse import urljoin
from zoneinfo import ZoneInfo

from bs4 import BeautifulSoup, MarkupResemblesLocatorWarning, Tag
from launchfeed.scrapers.base import Context, Page, block_lines, canonical_url
from launchfeed.scrapers.errors import SourceError
from launchfeed.scrapers.feeds import FeedItem, parse_feed, parse_item_snapshot
from launchfeed.scrapers.http import decode_body

from launchfeed.contracts import Document

CONTENT_TYPE = "application/rss+xml"  # the snapshot is one <item> element of the feed

NORTH_KOREA = re.compile(r"\b(?:DPRK|North Korean?|Democratic People.s Republic of Korea|Pyongyang)\b", re.I)
LAUNCH = re.compile(
    r"\b(?:launch\w*|missiles?|ICBMs?|IRBMs?|SRBMs?|ballistic|satellite|rockets?|test[- ]fir\w*)\b", re.I
)


def names_a_launch(words: str) -> bool:
    """The words name North Korea and a launch."""
    return bool(NORTH_KOREA.search(words) and LAUNCH.search(words))


def is_north_korean_launch(item: FeedItem) -> bool:
    """The item's own words name North Korea and a launch (title or description)."""
    return names_a_launch(f"{item.title}\n{item.description}")


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


def parse_any(raw: bytes, url: str, content_type: str, tz: ZoneInfo, *, editorial_dates: bool) -> Page:
    """A source's snapshot, whichever reading made it: a feed item, a listing entry (``LISTING_ENTRY``) or an
    archived article page (any other HTML)."""
    if content_type == CONTENT_TYPE:
        return parse_item(raw, tz, editorial_dates=editorial_dates)
    if content_type == LISTING_ENTRY:
        return parse_entry(raw, url, tz)
    return parse_article(raw, tz)


# -- listings and article pages, read tolerantly (launchfeed backfill) ----------------------------------

# the snapshot of a listing entry: the element around one release's link, as the listing page had it
LISTING_ENTRY = "text/html; profile=listing-entry"
MONTHS = r"(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?"
# "Nov. 19, 2026", "November 19, 2026"; "19 November 2026"; "2026-11-19" (the order of year, month, day in each)
WRITTEN_DAYS = (
    (re.compile(rf"\b{MONTHS}\s+(\d{{1,2}}),?\s+(\d{{4}})\b", re.I), "mdy"),
    (re.compile(rf"\b(\d{{1,2}})\s+{MONTHS},?\s+(\d{{4}})\b", re.I), "dmy"),
    (re.compile(r"\b(\d{4})-(\d{2})-(\d{2})"), "ymd"),
)
DATE_LINE = re.compile(rf"(?:{MONTHS}\s+\d{{1,2}},?\s+\d{{4}}|\d{{4}}-\d{{2}}-\d{{2}})", re.I)
MONTH_NAMES = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")
PUBLISHED_META = ("article:published_time", "og:article:published_time", "DC.date.issued", "DC.date", "date")


@dataclass
class Entry:
    """One release a listing page links to."""

    link: str  # absolute and canonical
    title: str
    day: date | None  # the first date written in its entry; None when it shows none
    markup: str  # the entry as the page had it (its snapshot)


def written_day(text: str) -> date | None:
    """The first real date written in ``text``, in any of the ``WRITTEN_DAYS`` forms."""
    found = [
        (match.start(), order, match.groups()) for pattern, order in WRITTEN_DAYS for match in pattern.finditer(text)
    ]
    for _, order, groups in sorted(found):
        parts = dict(zip(order, groups, strict=True))
        month = int(parts["m"]) if parts["m"].isdigit() else MONTH_NAMES.index(parts["m"].lower()[:3]) + 1
        try:
            return date(int(parts["y"]), month, int(parts["d"]))
        except ValueError:
            continue
    return None


def _words(element: Tag) -> str:
    return " ".join(element.get_text(" ", strip=True).split())


def _marked_day(scope: Tag | BeautifulSoup) -> date | None:
    """A date the markup states for machines: ``<time datetime>``, else a published-time ``<meta>``."""
    stated = [str(element["datetime"]) for element in scope.find_all("time", attrs={"datetime": True})]
    for name in PUBLISHED_META:
        meta = scope.find("meta", attrs={"property": name}) or scope.find("meta", attrs={"name": name})
        if isinstance(meta, Tag):
            stated.append(str(meta.get("content", "")))
    return next((day for value in stated if (day := written_day(value[:10]))), None)


def _release_links(element: Tag, page_url: str, release: re.Pattern[str]) -> set[str]:
    links = {canonical_url(urljoin(page_url, str(a["href"]).strip())) for a in element.find_all("a", href=True)}
    return {link for link in links if release.search(link)}


def listing_entries(html_text: str, page_url: str, release: re.Pattern[str]) -> list[Entry]:
    """Every release a listing page links to (``release``: the shape of a release's absolute URL; links are
    resolved against ``page_url``, the page's address at its publisher), once each, in the page's order."""
    anchors: dict[str, list[Tag]] = {}
    for anchor in BeautifulSoup(html_text, "lxml").find_all("a", href=True):
        link = canonical_url(urljoin(page_url, str(anchor["href"]).strip()))
        if release.search(link):
            anchors.setdefault(link, []).append(anchor)
    entries = []
    for link, tags in anchors.items():
        box = tags[0]  # widened while it holds no other release: the entry, not the list
        while isinstance(box.parent, Tag) and box.parent.name not in ("body", "html", "main", "[document]"):
            if _release_links(box.parent, page_url, release) - {link}:
                break
            box = box.parent
        title = max((_words(tag) or str(tag.get("title", "")).strip() for tag in tags), key=len)
        entries.append(Entry(link, title, _marked_day(box) or written_day(_words(box)), str(box)))
    return entries


def parse_entry(raw: bytes, url: str, tz: ZoneInfo) -> Page:
    """A listing entry's snapshot: its title (the longest text of its links to ``url``), its words, its day."""
    soup = BeautifulSoup(raw.decode("utf-8", errors="replace"), "lxml")
    scope = soup.body or soup
    links = [a for a in scope.find_all("a", href=True) if canonical_url(urljoin(url, str(a["href"]))) == url]
    title = max((_words(a) or str(a.get("title", "")).strip() for a in links), key=len, default="")
    if not title:
        raise SourceError("layout_changed", "a listing entry without a titled link to its release", url=url)
    day = _marked_day(scope) or written_day(_words(scope))
    # its words, as a feed item's description: not its title again, nor its date line (its publication day)
    lines = [line for line in block_lines(scope) if line != title and not DATE_LINE.fullmatch(line)]
    published = datetime.combine(day, datetime.min.time(), tz) if day else None
    return Page(title=title, text="\n".join([title, *lines]), published_at=published, published_precision="day",
                lang="en")  # fmt: skip


def parse_article(raw: bytes, tz: ZoneInfo, content_type: str = "text/html") -> Page:
    """An article page as archived: its ``<h1>`` (else its og:title or ``<title>``) and the paragraphs of its
    ``<article>``, else ``<main>``, else the body; the day it states (editorial: the day only, in ``tz``)."""
    soup = BeautifulSoup(decode_body(raw, content_type), "lxml")
    day = _marked_day(soup)
    for clutter in soup(["script", "style", "nav", "footer", "aside", "form", "noscript"]):
        clutter.decompose()
    heading = soup.find("h1")
    og_title = soup.find("meta", attrs={"property": "og:title"})
    titles = [_words(heading) if heading else "", str(og_title.get("content", "")) if isinstance(og_title, Tag) else ""]
    titles.append(_words(soup.title) if soup.title else "")
    title = " ".join(next((t for t in titles if t.strip()), "").split())
    scope = soup.find("article") or soup.find("main") or soup.body or soup
    lines = [words for p in scope.find_all("p") if (words := _words(p))]
    if not title or not lines:
        raise SourceError("layout_changed", "an article page without its title (h1) or its paragraphs (p): an "
                          "error page captured in its place, or a layout no reader knows")  # fmt: skip
    day = day or written_day(_words(scope))
    published = datetime.combine(day, datetime.min.time(), tz) if day else None
    return Page(title=title, text="\n".join([title, *lines]), published_at=published, published_precision="day",
                lang="en")  # fmt: skip
