"""Japan Ministry of Defense (防衛省), Japanese press releases.

Why this source is odd (checked by others in October 2026):
- Each launch gets a run of items titled 北朝鮮のミサイル等関連情報 with a stage word:
  速報 (flash), ミサイル落下推定情報 (estimated impact), 続報 (follow-up, the one with
  numbers). Titles repeat across launches, so items are keyed by URL, never by title.
  A follow-up issued while the missile still flies gives predicted values that a
  later follow-up replaces: both are kept (two URLs), and their times tell them apart.
- The RSS feeds (news.xml, and update.xml for site updates) and the current-year
  index load freely; article pages (/j/press/news/YYYY/MM/DDx.html) sit behind a
  Cloudflare bot check (403, or a challenge page served with 200). The follow-up has
  a printable PDF at the same path with .pdf, served directly: that is the fallback,
  for a page behind the bot check and for one that is served but cannot be read.
- RSS links are site-relative. Several items share one batch pubDate: such a time
  is the feed's, not the item's, and is never used. About a third of pubDates
  disagree with the date in the URL, so the release's own printed date (Japanese
  era: 令和8年 = 2026) is the publication day; the URL's date only stands in when
  the release prints none. The time of day comes from the PDF's own creation time
  or from a pubDate that is the item's alone, when either falls on that day.
- Letters within a day (03a, 03d) are not in time order: nothing is inferred from them.
- The follow-up is co-issued by 防衛省・内閣官房; the issuer lines are not text.
- Release text is numbered paragraphs; paragraph 1 holds the facts; digits and
  letters are often full-width.
- The RSS and the index can lag the PDFs by two days. ``--probe-recent`` (option
  ``probe_recent``) tries the PDF names a..l of the last three days in Japan; a
  name that is not there is tried again an hour later at the earliest, so a probe
  costs at most 36 requests an hour, spaced like every request to the site.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, replace
from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

from bs4 import BeautifulSoup
from launchfeed.scrapers.base import Context, Page, block_lines
from launchfeed.scrapers.errors import SourceError
from launchfeed.scrapers.feeds import parse_feed
from launchfeed.scrapers.http import Fetched, decode_body
from launchfeed.scrapers.pdf import read_pdf

from launchfeed.contracts import Listing, SourceInfo

ARTICLE_PATH = re.compile(r"/j/press/news/(\d{4})/(\d{2})/(\d{2})([a-z]{1,2})\.(?:html|pdf)")

INFO = SourceInfo(
    id="mod_jp",
    publisher="Ministry of Defense of Japan (防衛省)",
    country="JP",
    languages=("ja",),
    timezone="Asia/Tokyo",
    authority="mod_jp",
    base_url="https://www.mod.go.jp/",
    listings=(
        Listing("/j/rss/news.xml", min_releases=5),  # the newest press releases: several a day
        Listing("/j/rss/update.xml"),  # every page of the site that changed: press releases among them
        Listing("/j/press/news/index.html"),  # the current year's: a handful in the first days of January
    ),
    release_links=ARTICLE_PATH.pattern,
    # update.xml also lists the ministry's other pages, outside /j/press/news/; a link inside it that is
    # no release is a release in a new URL shape
    other_links=r"^(?:https://www\.mod\.go\.jp)?/(?!j/press/news/)",
    allowed_hosts=("www.mod.go.jp",),
    cadence="2-4 items per launch within an hour of it; otherwise several unrelated releases a day",
    timeout=30.0,
    min_interval=2.0,
)

JST = ZoneInfo("Asia/Tokyo")
TOPIC = re.compile(r"北朝鮮.*(?:ミサイル|発射)")
# A release younger than this is fetched again (conditionally): the ministry edits
# releases after publication, and a follow-up can replace predicted values.
RECHECK_DAYS = 3
PROBE_DAYS = 3
PROBE_LETTERS = "abcdefghijkl"


def now_jst() -> datetime:
    return datetime.now(JST)


@dataclass
class Item:
    link: str  # as listed: /j/press/news/2026/10/03d.html
    title: str
    listed_at: datetime | None  # a feed time that is this item's own (not a batch's)

    @property
    def path(self) -> str:
        """/j/press/news/2026/10/03d: the release, whether the listing linked its page or its PDF."""
        match = ARTICLE_PATH.search(self.link)
        return match.group(0).rsplit(".", 1)[0] if match else ""


def crawl(ctx: Context) -> None:
    items: dict[str, Item] = {}
    listed: set[str] = set()  # every press path any listing gives, on any subject
    for listing in INFO.listings:
        url = ctx.url(listing.path)
        try:
            fetched = ctx.fetch(url)
            xml = listing.path.endswith(".xml")
            entries = _feed_items(fetched.content, url) if xml else _index_items(fetched.text())
        except SourceError as error:
            ctx.listing_problem(error)
            continue
        found = ctx.releases(listing, url, entries, lambda item: item.link)
        listed.update(item.path for item in found)
        for item in found:
            if TOPIC.search(item.title):
                known = items.setdefault(item.path, item)
                if item.listed_at and (known.listed_at is None or item.listed_at < known.listed_at):
                    known.listed_at = item.listed_at  # the earliest own time any listing gives
    for item in sorted(items.values(), key=lambda i: i.path):
        _collect(ctx, item)
    if ctx.options.get("probe_recent"):
        _probe_recent(ctx, listed)


def _feed_items(content: bytes, url: str) -> list[Item]:
    entries = parse_feed(content, url)
    # a pubDate shared by several items is the time the batch was posted, not theirs
    stamps = [entry.published_at for entry in entries if entry.published_at]
    batch = {stamp for stamp in stamps if stamps.count(stamp) > 1}
    return [
        Item(entry.link, entry.title, entry.published_at if entry.published_at not in batch else None)
        for entry in entries
    ]


def _index_items(html: str) -> list[Item]:
    soup = BeautifulSoup(html, "lxml")
    items = []
    for block in soup.select("div.news__item"):
        title = " ".join(block.get_text(" ", strip=True).split())
        links = [str(a.get("href", "")) for a in block.find_all("a")]
        # the release's page, else its PDF; a block linking neither shows the first link it has
        link = next((href for href in links if ARTICLE_PATH.search(href)), links[0] if links else "")
        items.append(Item(link, title, None))
    return items


def _url_day(path: str) -> date:
    year, month, day = (int(g) for g in ARTICLE_PATH.search(path + ".html").groups()[:3])
    return date(year, month, day)


def _collect(ctx: Context, item: Item) -> None:
    html_url, pdf_url = ctx.url(item.path + ".html"), ctx.url(item.path + ".pdf")
    recent = now_jst().date() - _url_day(item.path) < timedelta(days=RECHECK_DAYS)
    if (ctx.known(html_url) and not recent) or not ctx.should_try(ctx.canonical(html_url)):
        return
    html_error = None
    # a release read from its PDF before is rechecked there (conditionally), not behind the bot check again
    if not (ctx.known(html_url) and ctx.client.memory.get_validators(pdf_url)):
        try:
            fetched = ctx.fetch(html_url)
            page = parse(fetched.content, fetched.url, fetched.content_type)
        except SourceError as error:
            # a bot check, a missing page, or a page that cannot be read (a new layout, a charset
            # beyond guessing): the follow-up's printable PDF says the same
            if error.kind not in ("access_challenged", "http_error", "layout_changed", "parse_error"):
                ctx.problem(error, html_url)
                return
            html_error = error
        else:
            _store(ctx, item, html_url, fetched, page)
            return
    try:
        fetched = ctx.fetch(pdf_url)
        page = parse(fetched.content, fetched.url, fetched.content_type)
    except SourceError as pdf_error:
        # only the follow-up has a PDF: a flash whose page fails stays unread (and is reported as such)
        ctx.problem(html_error if html_error and pdf_error.status == 404 else pdf_error, html_url)
        return
    _store(ctx, item, html_url, fetched, page)


def _store(ctx: Context, item: Item, html_url: str, fetched: Fetched, page: Page) -> None:
    """Store a release read from its page or its PDF, dated as precisely as it and its listing allow."""
    published_at, precision = page.published_at, page.published_precision
    if published_at is None:  # no printed date: the URL's date, which the ministry gives the release
        published_at, precision = datetime.combine(_url_day(item.path), datetime.min.time(), JST), "day"
    if precision == "day" and item.listed_at and item.listed_at.astimezone(JST).date() == published_at.date():
        published_at, precision = item.listed_at.astimezone(JST), "minute"  # the feed's time, on the release's day
    page = replace(page, published_at=published_at, published_precision=precision)
    ctx.emit_page(html_url, fetched, page, title=item.title, lang="ja")


def _probe_recent(ctx: Context, listed: set[str]) -> None:
    """Try the PDF names a..l of the last three days in Japan that no listing gave yet."""
    today = now_jst().date()
    for back in range(PROBE_DAYS):
        day = today - timedelta(days=back)
        for letter in PROBE_LETTERS:
            path = f"/j/press/news/{day:%Y/%m/%d}{letter}"
            html_url, pdf_url = ctx.url(path + ".html"), ctx.url(path + ".pdf")
            if path in listed or ctx.known(html_url) or not ctx.should_try(ctx.canonical(pdf_url)):
                continue
            try:
                fetched = ctx.fetch(pdf_url)
            except SourceError as error:
                if error.status == 404:
                    _remember_miss(ctx, pdf_url)
                    continue
                ctx.problem(error, pdf_url)
                return  # a bot check or a failing site: no more probing this run
            if not fetched.content.startswith(b"%PDF"):  # a "not found" page served with 200
                _remember_miss(ctx, pdf_url)
                continue
            try:
                page = parse(fetched.content, fetched.url, fetched.content_type)
            except SourceError as error:
                ctx.problem(error, pdf_url)
                continue
            if not TOPIC.search(page.title):
                _remember_miss(ctx, pdf_url)  # another subject: not fetched again for an hour
                continue
            _store(ctx, Item(path + ".pdf", page.title, None), html_url, fetched, page)
            ctx.sink.clear_failure(ctx.canonical(pdf_url))


def _remember_miss(ctx: Context, url: str) -> None:
    """A probed name with nothing (for us) behind it: tried again after an hour, never sooner."""
    canonical = ctx.canonical(url)
    ctx.sink.clear_failure(canonical)  # a fresh record: the wait stays one hour, it does not grow
    ctx.sink.note_failure(canonical, "not_found")


# -- parsing (also used to replay the archive) -----------------------------------

ERA_DATE = re.compile(r"令和\s*(\d{1,2}|元)\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日")
WESTERN_DATE = re.compile(r"(20\d{2})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日")
PARAGRAPH_START = re.compile(r"^\s*(?:[0-9０-９]{1,2}\s*[．.](?![0-9０-９])|[（(][0-9０-９]{1,2}[）)]|[○◯●・※])")
# the issuing offices, alone or co-issuing (防衛省・内閣官房), spaced out or not: never text
ISSUERS = re.compile(r"^(?:防衛省|内閣官房)(?:[・･、,](?:防衛省|内閣官房))*$")


def release_date(text: str) -> datetime | None:
    """The date printed on the release (令和 era or western), as midnight JST."""
    flat = unicodedata.normalize("NFKC", text[:3000])
    era = ERA_DATE.search(flat)
    if era:
        year = 2018 + (1 if era.group(1) == "元" else int(era.group(1)))
        month, day = int(era.group(2)), int(era.group(3))
    else:
        western = WESTERN_DATE.search(flat)
        if not western:
            return None
        year, month, day = (int(g) for g in western.groups())
    try:
        return datetime(year, month, day, tzinfo=JST)
    except ValueError:
        return None


def join_paragraphs(lines: list[str]) -> list[str]:
    """Re-join lines a PDF or a page broke mid-sentence; a numbered marker starts a paragraph."""
    paragraphs: list[str] = []
    in_body = False
    for raw_line in lines:
        line = raw_line.strip()
        if not line:
            continue
        if PARAGRAPH_START.match(line):
            paragraphs.append(line)
            in_body = True
        elif in_body and paragraphs:
            # Japanese needs no space where a line was wrapped
            paragraphs[-1] += line
        else:
            paragraphs.append(line)
    return paragraphs


def _page_from_lines(lines: list[str], title_hint: str = "") -> Page:
    paragraphs = join_paragraphs(lines)
    published = release_date("\n".join(paragraphs[:8]))
    body_start = next((i for i, p in enumerate(paragraphs) if PARAGRAPH_START.match(p)), None)
    header = paragraphs[:body_start] if body_start is not None else []
    title = title_hint or next(
        (p for p in header if "北朝鮮" in p or "情報" in p or "について" in p), header[-1] if header else ""
    )
    if body_start is None:
        raise SourceError("layout_changed", "no numbered paragraphs found in the release")
    body = paragraphs[body_start:]
    kept_header = [
        p
        for p in header
        if p != title
        and not ERA_DATE.search(unicodedata.normalize("NFKC", p))
        and not WESTERN_DATE.search(unicodedata.normalize("NFKC", p))
        and not ISSUERS.match("".join(p.split()))
    ]
    text = "\n".join([title, *kept_header, *body]) if title else "\n".join(body)
    return Page(title=title, text=text, published_at=published, published_precision="day", lang="ja")


def parse(raw: bytes, url: str, content_type: str) -> Page:
    if url.endswith(".pdf") or "pdf" in content_type or raw.startswith(b"%PDF"):
        pdf = read_pdf(raw, url)
        page = _page_from_lines(pdf.text.splitlines())
        created = pdf.created
        if created and page.published_at:
            # the ministry makes its PDFs in Japan: a creation time without offset is Japan's
            created = created.replace(tzinfo=JST) if created.tzinfo is None else created.astimezone(JST)
            if created.date() == page.published_at.date():  # made on the printed day: the time of the release
                page.published_at, page.published_precision = created.replace(second=0, microsecond=0), "minute"
        return page
    soup = BeautifulSoup(decode_body(raw, content_type), "lxml")
    for tag in soup(["script", "style", "nav", "header", "footer", "noscript", "form"]):
        tag.decompose()
    main = soup.select_one("main") or soup.select_one("#main") or soup.select_one("#contents") or soup.body
    if main is None:
        raise SourceError("layout_changed", "page has no body", url=url)
    heading = main.find(["h1", "h2"])
    title = " ".join(heading.get_text(" ", strip=True).split()) if heading else ""
    if heading:
        heading.decompose()
    lines = block_lines(main)
    try:
        return _page_from_lines(lines, title)
    except SourceError as error:
        raise SourceError("layout_changed", f"{error.message} (article page)", url=url) from error
