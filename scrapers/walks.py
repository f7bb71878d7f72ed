"""Where a source's history sits on its own site: a listing that pages back (``launchfeed backfill``).

A walk asks page 1, 2, ... of a listing (newest first) through the source's own polite client (its proxy,
its spacing, its allow-list), until a page yields no release (the listing's end), the same releases as the
page before (a site that repeats its last page past the end), or only releases dated before ``--since``.
A page 1 that yields no release is a layout change. Each entry is a release link with its title and day:
- jcs_kr: the two boards (``boardList.action?...&page=N``, ten posts a page); each post is then fetched
  and read by jcs_kr.parse, as collect does. The site is geo-blocked: it needs the proxy collect uses, or a
  mirror (base_url).
- indopacom: the news listing ``/Media/News/?Page=N``; its article pages sit behind Akamai, so an entry
  (title, words, day) is the document, as a feed item is in collect, kept when its words name North Korea
  and a launch. Its markup is undocumented: every link in the release shape is an entry (articlecs).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from datetime import datetime

from launchfeed.scrapers import articlecs, indopacom, jcs_kr, korea
from launchfeed.scrapers.articlecs import Entry
from launchfeed.scrapers.base import Page, canonical_url
from launchfeed.scrapers.history import Unwanted
from launchfeed.scrapers.wayback import Capture


@dataclass(frozen=True)
class Walk:
    """One listing that pages back."""

    key: str  # the listing as the store remembers it
    path: str  # its page N, with "{page}" for N
    board: jcs_kr.Board | None = None

    def page(self, number: int) -> str:
        return self.path.format(page=number)


class JcsWalk:
    """JCS's boards, page by page; a post is fetched and read as collect reads it."""

    source = "jcs_kr"
    lang = "ko"
    fetches_releases = True  # an entry is a post to fetch (indopacom: the entry is the document)

    def walks(self) -> list[Walk]:
        return [Walk(f"jcs_kr {board.board_id}", board.listing_path + "&page={page}", board) for board in jcs_kr.BOARDS]

    def entries(self, html: str, page_url: str, walk: Walk) -> tuple[list[Entry], list[str]]:
        """The posts a board page lists, under their publisher URLs; and its entries that open no post."""
        assert walk.board is not None
        items = jcs_kr.listing_items(html, walk.board)
        release = re.compile(jcs_kr.INFO.release_links)
        base = jcs_kr.INFO.base_url.rstrip("/")
        found = [Entry(canonical_url(base + item.link), item.title, item.listed.date() if item.listed else None, "")
                 for item in items if release.search(item.link)]  # fmt: skip
        return found, [item.link for item in items if not release.search(item.link)]

    def wanted(self, title: str) -> bool:
        return True

    def read(self, raw: bytes, capture: Capture, publisher_url: str, content_type: str) -> Page:
        page = jcs_kr.parse(raw, publisher_url, content_type)
        if page.published_at is None and capture.timestamp:  # no 작성일 on the page: its listing's day
            day = datetime.strptime(capture.timestamp[:8], "%Y%m%d").replace(tzinfo=korea.KST)
            page = replace(page, published_at=day, published_precision="day")
        return page


class IndopacomWalk:
    """INDOPACOM's news listing, page by page; an entry about a North Korean launch is a document."""

    source = "indopacom"
    lang = "en"
    fetches_releases = False

    def walks(self) -> list[Walk]:
        return [Walk("indopacom /Media/News/", indopacom.NEWS_PAGE)]

    def entries(self, html: str, page_url: str, walk: Walk) -> tuple[list[Entry], list[str]]:
        return articlecs.listing_entries(html, page_url, re.compile(indopacom.INFO.release_links)), []

    def wanted(self, title: str) -> bool:
        return True

    def read(self, raw: bytes, capture: Capture | None, publisher_url: str, content_type: str) -> Page:
        page = indopacom.parse(raw, publisher_url, content_type)
        if not articlecs.names_a_launch(page.text):
            raise Unwanted(f"another subject (its words name no North Korean launch): {page.title}")
        return page


SitePlan = JcsWalk | IndopacomWalk
WALKS: dict[str, SitePlan] = {plan.source: plan for plan in (JcsWalk(), IndopacomWalk())}
