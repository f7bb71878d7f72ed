"""Joint Chiefs of Staff of the Republic of Korea (합동참모본부), press board and English board.

Why this source is odd (measured by others in 2026):
- The site drops connections from outside Korea (refused, reset or timed out): it
  needs a proxy in Korea (LAUNCHFEED_JCS_KR_PROXY, or ``proxy`` in [sources.jcs_kr]
  of launchfeed.toml). Without one the source is shown as disabled; a dropped
  connection is reported as ``geo_blocked`` and ends the run at once.
- Boards are one Java action: ``/user/boardList.action?boardId=..&siteId=jcs2&id=..``
  lists a board (10 posts a page, ``page=N``), and the same action with
  ``boardSeq=N&command=albumView`` shows one post (N is digits, or ``O_`` and digits as
  in the site's one documented post URL: both are read). List items are
  ``.board_newslist ul li``: no href, an ``onclick`` whose third argument is the
  post's boardSeq, the day in ``dd.info``. A post is ``.dataview_detail dl``: the
  title in ``dt``, the body in ``dd``, and above it ``작성일_YYYY.MM.DD HH:MM:SS``
  (Korea time, to the second: it measures reporting latency).
- Boards read (ids from a public scraper of the site; which menu is the press board
  was not verified from outside Korea): O_121947 (jcs2_040201000000, Korean press
  releases) and O_122667 (jcs2_eng_030000000000, English). Only the first page of
  each is read: a launch adds two or three posts, far fewer than a page holds.
- Each launch gets a first notice within minutes (합참은 오늘 오전 7시 44분경 ... 포착)
  and a final one (최종보) with range (약 450㎞, 400여 km), apogee and speed (마하 6.1)
  under another boardSeq: two documents. A post younger than RECHECK_DAYS is asked
  for again when the server gave validators for it, so an edit in place is seen at
  the price of a 304.
- Some pages are EUC-KR with a wrong or missing charset header; decode_body reads the
  page's own declaration.
- Every post is stored (posts on exercises and visits too); the extractor decides
  which ones report a launch.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime
from urllib.parse import parse_qs, urlsplit

from bs4 import BeautifulSoup, Tag
from launchfeed.scrapers.base import Context, Page, block_lines
from launchfeed.scrapers.errors import SourceError
from launchfeed.scrapers.http import decode_body
from launchfeed.scrapers.korea import posted_at, worth_rechecking

from launchfeed.contracts import Listing, SourceInfo


@dataclass(frozen=True)
class Board:
    board_id: str
    menu_id: str
    lang: str
    name: str

    @property
    def listing_path(self) -> str:
        return f"/user/boardList.action?boardId={self.board_id}&siteId=jcs2&id={self.menu_id}"

    def post_path(self, seq: str) -> str:
        return f"{self.listing_path}&page=1&boardType=02&boardSeq={seq}&command=albumView"


# a post number: digits (the news boards as seen so far), or digits after O_ (the one post URL the site
# documents, on its statement board: ...&boardSeq=O_179506&...); either may be what a board uses
POST_NUMBER = r"(?:O_)?\d+"

BOARDS = (
    Board("O_121947", "jcs2_040201000000", "ko", "press releases (보도자료)"),
    Board("O_122667", "jcs2_eng_030000000000", "en", "English news"),
)

INFO = SourceInfo(
    id="jcs_kr",
    publisher="Joint Chiefs of Staff of the Republic of Korea (합동참모본부)",
    country="KR",
    languages=("ko", "en"),
    timezone="Asia/Seoul",
    authority="jcs",
    base_url="https://www.jcs.mil.kr/",
    # the first page of a board: its ten newest posts, whatever the day brought; 2 is a floor no normal
    # page goes under (it could be raised towards 10 with fixture boards that large)
    listings=tuple(Listing(board.listing_path, min_releases=2) for board in BOARDS),
    release_links=rf"&boardSeq={POST_NUMBER}&command=albumView$",
    allowed_hosts=("www.jcs.mil.kr",),
    cadence="a first notice within minutes of a launch and a final one (최종보) within hours; a few posts a week",
    timeout=20.0,
    min_interval=2.0,
    max_attempts=2,  # a dropped connection is dropped again: one retry for a real hiccup, no more
    geo_blocked=True,
    proxy_env="LAUNCHFEED_JCS_KR_PROXY",
)

RECHECK_DAYS = 2
BOARD_SEQ = re.compile(rf"boardSeq\s*[=:]\s*['\"]?({POST_NUMBER})")
QUOTED = re.compile(r"'([^']*)'|\"([^\"]*)\"")
POSTED_LABEL = re.compile(r"(?:작성일|등록일|\bDate)\s*_?\s*:?\s*")


@dataclass
class Item:
    link: str  # the post's path, or what the entry's onclick says when no post number can be read from it
    title: str
    listed: datetime | None  # the day the listing gives


def crawl(ctx: Context) -> None:
    for board, listing in zip(BOARDS, INFO.listings, strict=True):
        url = ctx.url(listing.path)
        try:
            items = listing_items(ctx.fetch(url).text(), board)
        except SourceError as error:
            if error.kind == "geo_blocked":
                raise  # the whole site is out of reach: nothing else to try this run
            ctx.listing_problem(error)
            continue
        for item in ctx.releases(listing, url, items, lambda item: item.link):
            _collect(ctx, board, item)


def board_seq(onclick: str) -> str | None:
    """The post number an ``onclick`` opens: ``boardSeq=N``, or the third quoted argument."""
    named = BOARD_SEQ.search(onclick)
    if named:
        return named.group(1)
    arguments = [single or double for single, double in QUOTED.findall(onclick)]
    return arguments[2].strip() if len(arguments) > 2 and re.fullmatch(POST_NUMBER, arguments[2].strip()) else None


def listing_items(html: str, board: Board) -> list[Item]:
    """The posts a board page lists: its entries that open something (decorations open nothing)."""
    soup = BeautifulSoup(html, "lxml")
    items = []
    for entry in soup.select(".board_newslist ul li"):
        clickable = entry if entry.has_attr("onclick") else entry.find(attrs={"onclick": True})
        if clickable is None:
            continue
        onclick = str(clickable.get("onclick", ""))
        seq = board_seq(onclick)
        heading = entry.select_one("dl dt") or clickable
        title = " ".join(heading.get_text(" ", strip=True).split())
        info = entry.select_one("dd.info")
        listed = posted_at(info.get_text(" ", strip=True)) if info else None
        items.append(Item(board.post_path(seq.strip()) if seq else onclick, title, listed[0] if listed else None))
    return items


def _collect(ctx: Context, board: Board, item: Item) -> None:
    url = ctx.url(item.link)
    if not ctx.should_try(ctx.canonical(url)):
        return
    if ctx.known(url) and not worth_rechecking(ctx, url, item.listed, RECHECK_DAYS):
        return
    ctx.fetch_page(url, parse, title=item.title, lang=board.lang, published_at=item.listed)


# -- parsing (also used to replay the archive) -----------------------------------


def _board_of(url: str) -> Board | None:
    board_id = parse_qs(urlsplit(url).query).get("boardId", [""])[0]
    return next((board for board in BOARDS if board.board_id == board_id), None)


def _posted(soup: BeautifulSoup) -> tuple[datetime, str] | None:
    """``작성일_2026.11.20 07:58:31``: in the .prepare line above the post, else anywhere."""
    for scope in (soup.select_one(".prepare"), soup.body or soup):
        if scope is None:
            continue
        text = " ".join(scope.get_text(" ", strip=True).split())
        for label in POSTED_LABEL.finditer(text):
            found = posted_at(text[label.end() : label.end() + 40])
            if found:
                return found
    return None


def parse(raw: bytes, url: str, content_type: str) -> Page:
    soup = BeautifulSoup(decode_body(raw, content_type), "lxml")
    post = soup.select_one(".dataview_detail dl")
    heading = post.find("dt") if post else None
    body = post.find("dd") if post else None
    if not isinstance(heading, Tag) or not isinstance(body, Tag):
        raise SourceError("layout_changed", "no .dataview_detail dl with dt (title) and dd (body)", url=url)
    title = " ".join(heading.get_text(" ", strip=True).split())
    lines = block_lines(body)
    if not lines:
        raise SourceError("layout_changed", "post without its body (.dataview_detail dl dd is empty)", url=url)
    posted = _posted(soup)
    board = _board_of(url)
    lang = board.lang if board else ("ko" if re.search(r"[\uac00-\ud7a3]", title + lines[0]) else "en")
    return Page(
        title=title,
        text="\n".join([title, *lines]) if title else "\n".join(lines),
        published_at=posted[0] if posted else None,
        published_precision=posted[1] if posted else "day",
        lang=lang,
    )
