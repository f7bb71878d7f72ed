"""Ministry of National Defense of the Republic of Korea (국방부), press releases.

Why this source is odd (measured by others in 2025-2026):
- The site drops connections from outside Korea, like the JCS site: it needs a proxy
  in Korea (LAUNCHFEED_MND_KR_PROXY, or ``proxy`` in [sources.mnd_kr] of
  launchfeed.toml); a dropped connection is reported as ``geo_blocked`` and ends the run.
- Since the 2025 redesign the site runs K2Web, the CMS of many Korean universities
  and agencies; the markup below is K2Web's usual one (as on other K2Web sites), and
  the board number behind the menu is read from the links, never assumed. A menu
  page (``/mnd/167/subview.do``, 보도자료) embeds the board:
  ``.board-table tbody tr`` rows with ``td.td-subject a`` (a "새글" badge inside the
  link for new posts), ``td.td-date`` (YYYY.MM.DD, Korea time), pinned notices first.
  A row links the post itself, ``/bbs/mnd/<board>/<post>/artclView.do``, or its deep
  link, the menu page with ``enc=``: base64 of ``fnct1|@@|`` and the URL-encoded
  artclView path and query. Both forms lead to one document, keyed by the artclView
  path (the deep link's query varies with the page it was made on).
- A post (artclView.do) has ``.artclViewTitle``, ``.artclViewHead`` with dl pairs
  (작성일, 작성자, 조회수) and the body in ``.artclView``; the 작성일 is a day.
  A release whose text sits only in its attached HWP has an empty body: an item
  problem (layout_changed), retried after a backoff.
- Only the first page of the board is read: a few releases a day, ten a page.
- Some older pages are EUC-KR with a wrong or missing charset header; decode_body
  reads the page's own declaration.
- Every release is stored; the extractor decides which ones report a launch (the
  ministry rarely gives numbers: JCS does).
"""

from __future__ import annotations

import base64
import binascii
import re
from dataclasses import dataclass
from datetime import datetime
from urllib.parse import parse_qs, quote, unquote, urlsplit

from bs4 import BeautifulSoup
from launchfeed.scrapers.base import Context, Page, block_lines
from launchfeed.scrapers.errors import SourceError
from launchfeed.scrapers.http import decode_body
from launchfeed.scrapers.korea import posted_at, worth_rechecking

from launchfeed.contracts import Listing, SourceInfo

MENU = "/mnd/167/subview.do"
ARTICLE = re.compile(r"/bbs/[A-Za-z0-9_]+/\d+/\d+/artclView\.do")

INFO = SourceInfo(
    id="mnd_kr",
    publisher="Ministry of National Defense of the Republic of Korea (국방부)",
    country="KR",
    languages=("ko",),
    timezone="Asia/Seoul",
    authority="mnd_kr",
    base_url="https://www.mnd.go.kr/",
    # the board's first page: pinned notices and its ten newest releases, whatever the day brought; 3 is a
    # floor no normal page goes under (it could be raised towards 10 with a fixture board that large)
    listings=(Listing(MENU, min_releases=3),),
    release_links=rf"^{ARTICLE.pattern}$",  # a row's link, read through its deep link when it is one
    allowed_hosts=("www.mnd.go.kr",),
    cadence="a few press releases a day; statements on launches within hours, rarely with numbers",
    timeout=20.0,
    min_interval=2.0,
    max_attempts=2,  # a dropped connection is dropped again: one retry for a real hiccup, no more
    geo_blocked=True,
    proxy_env="LAUNCHFEED_MND_KR_PROXY",
)

RECHECK_DAYS = 2
ENC_MARK = "|@@|"


@dataclass
class Item:
    path: str  # /bbs/mnd/<board>/<post>/artclView.do (or the link as listed, when it leads to no post)
    title: str
    listed: datetime | None


def deep_link(article_path: str, menu: str = MENU) -> str:
    """The menu page showing a post, as the site links it: ``subview.do?enc=...``."""
    inner = quote(f"{article_path}?page=1&", safe="")
    return f"{menu}?enc=" + quote(base64.b64encode(f"fnct1{ENC_MARK}{inner}".encode()).decode(), safe="")


def decode_enc(value: str) -> str | None:
    """The path and query an ``enc=`` value stands for, or None when it is not one."""
    value = value.strip().replace(" ", "+")  # a "+" read back from a query string comes out as a space
    padded = value + "=" * (-len(value) % 4)
    try:
        raw = base64.b64decode(padded, altchars=b"-_" if "-" in value or "_" in value else None, validate=True)
        decoded = raw.decode("utf-8")
    except (binascii.Error, ValueError):
        return None
    _, mark, inner = decoded.partition(ENC_MARK)
    return unquote(inner) if mark else None


def article_path(href: str) -> str | None:
    """The artclView path a listing link leads to, directly or through a deep link."""
    match = ARTICLE.search(href)
    if match:
        return match.group(0)
    enc = parse_qs(urlsplit(href).query).get("enc")
    inner = decode_enc(enc[0]) if enc else None
    match = ARTICLE.search(inner or "")
    return match.group(0) if match else None


def crawl(ctx: Context) -> None:
    [listing] = INFO.listings
    url = ctx.url(listing.path)
    try:
        items = listing_items(ctx.fetch(url).text())
    except SourceError as error:
        if error.kind == "geo_blocked":
            raise  # the whole site is out of reach: nothing else to try this run
        ctx.listing_problem(error)
        return
    for item in ctx.releases(listing, url, items, lambda item: item.path):
        _collect(ctx, item)


def listing_items(html: str) -> list[Item]:
    """The board's rows that link somewhere (a "no posts" row links nowhere), each keyed by the
    artclView path it leads to (or, when it leads to none, by its link as it is)."""
    soup = BeautifulSoup(html, "lxml")
    items: dict[str, Item] = {}
    for row in soup.select(".board-table tbody tr"):
        link = row.select_one("td.td-subject a[href]")
        if link is None:
            continue
        href = str(link["href"])
        for badge in link.select("span.new, .new"):
            badge.decompose()
        title = " ".join(link.get_text(" ", strip=True).split()).removesuffix("새글").strip()
        day = row.select_one("td.td-date")
        listed = posted_at(day.get_text(" ", strip=True)) if day else None
        path = article_path(href) or href
        items.setdefault(path, Item(path, title, listed[0] if listed else None))
    return list(items.values())


def _collect(ctx: Context, item: Item) -> None:
    url = ctx.url(item.path)
    if not ctx.should_try(ctx.canonical(url)):
        return
    if ctx.known(url) and not worth_rechecking(ctx, url, item.listed, RECHECK_DAYS):
        return
    ctx.fetch_page(url, parse, title=item.title, lang="ko", published_at=item.listed)


# -- parsing (also used to replay the archive) -----------------------------------


def _head_value(soup: BeautifulSoup, *labels: str) -> str | None:
    for pair in soup.select(".artclViewHead dl"):
        term, value = pair.find("dt"), pair.find("dd")
        if term and value and term.get_text(strip=True) in labels:
            return value.get_text(" ", strip=True)
    return None


def parse(raw: bytes, url: str, content_type: str) -> Page:
    soup = BeautifulSoup(decode_body(raw, content_type), "lxml")
    heading = soup.select_one(".artclViewTitle")
    body = soup.select_one(".artclView")
    if heading is None or body is None:
        raise SourceError("layout_changed", "no .artclViewTitle and .artclView: not a K2Web post", url=url)
    title = " ".join(heading.get_text(" ", strip=True).split())
    for tag in body(["script", "style"]):
        tag.decompose()
    lines = block_lines(body)
    if not lines:
        raise SourceError("layout_changed", "post without its body (.artclView is empty; text only attached?)", url=url)
    posted = posted_at(_head_value(soup, "작성일", "등록일") or "")
    return Page(
        title=title,
        text="\n".join([title, *lines]) if title else "\n".join(lines),
        published_at=posted[0] if posted else None,
        published_precision=posted[1] if posted else "day",
        lang="ko",
    )
