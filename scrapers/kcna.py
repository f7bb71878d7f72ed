"""Korean Central News Agency (KCNA), English edition, www.kcna.kp.

Why this source is odd (measured by others in 2026):
- Plain HTTP only: HTTPS fails the TLS handshake. The server answers in 2 to 80
  seconds, so requests get a long timeout, two tries, five seconds between them,
  and one run fetches at most MAX_ARTICLES_PER_RUN articles within RUN_BUDGET
  seconds, newest first (the rest wait for the next run); a timeout stops the run's
  article fetches (a site that does not answer is not asked again and again).
- Category listings are a POST form (page_num, cnt_per_page, keyword, _csrf) to
  /en/article/list/<category id>. The _csrf token comes from a GET of a category
  page and only works with the JSESSIONID cookie that GET set: a POST without both
  gets 403. The GET also lists that category's first page, so it stands in for
  that category's POST; a 403 (session expired on a slow day) opens a new session
  once.
- Article ids are 32-hex hashes, /en/article/detail/<id>: an <article> with an <h1>
  title and <p> paragraphs, and no date on the page. Older articles live at
  /en/article/q/<id>.kcmsf with another layout (div.article-main-title,
  div.content-wrapper, span.publish-time "(2017.7.5.)" or "(Juche106.7.5.)", Juche
  year + 1911).
- A listing item is <a href="/en/article/detail/<id>">title</a> followed by
  <span><nobr>[YYYY.MM.DD]</nobr></span>: the publication day in Pyongyang. The
  page's own date (older layout) wins over it.
- Leader names are wrapped in <nobr> and odd tags (<span class="fSpecCs">, made-up
  elements): text keeps inline tags inside their line.
- Pyongyang time was UTC+8:30 from 2015-08-15 to 2018-05-04 and UTC+9 otherwise;
  published_at carries the offset of its day.
- Every fetched article is archived and stored as a document; the extractor decides
  which ones report a launch.

Categories read (KCNA's own ids): the leader's activities (launches he oversees
are reported there), Top News (launches reported without him, statements of the
missile administration and the defence ministry) and Home News (the military news
that is not top news).
"""

from __future__ import annotations

import re
import time
from dataclasses import dataclass
from datetime import date, datetime, timedelta, timezone

from bs4 import BeautifulSoup, Tag
from launchfeed.scrapers.base import Context, Page, block_lines
from launchfeed.scrapers.errors import SourceError
from launchfeed.scrapers.http import decode_body

from launchfeed.contracts import ExtractionPolicy, Listing, SourceInfo

CATEGORIES = (
    "b0721b9f23054ddc7fe56c2811a12715",  # WPK General Secretary Kim Jong Un's Revolutionary Activities
    "6a47505ba5268fd7749c0fe11e4b24b4",  # Top News
    "2f7d854121ccbbfbe6feae9fdcc3556e",  # Home News
)

INFO = SourceInfo(
    id="kcna",
    publisher="Korean Central News Agency (KCNA), DPR Korea",
    country="KP",
    languages=("en",),
    timezone="Asia/Pyongyang",
    authority="kcna",
    base_url="http://www.kcna.kp/",
    # a category page lists its newest articles (LISTING_SIZE asked), whatever the day brought; 2 is a
    # floor no normal page goes under (it could be raised with fixture categories that large)
    listings=tuple(Listing(f"/en/article/list/{category}", min_releases=2) for category in CATEGORIES),
    release_links=r"/en/article/(?:detail/[0-9a-f]{32}|q/[0-9a-f]{32,}\.kcmsf)$",
    allowed_hosts=("www.kcna.kp", "kcna.kp"),
    cadence="about 40 English articles a day; a launch is reported the morning after, sometimes not at all",
    timeout=120.0,
    min_interval=5.0,
    max_attempts=2,
    deadline=600.0,  # three listings and RUN_BUDGET of articles at up to 80 s a page
    # KCNA names its weapons by description ("new-type ... missile") as often as by designation
    extraction=ExtractionPolicy(
        describes_own_weapons=True,
        # its copies elsewhere keep the dateline "Pyongyang, May 14 (KCNA) --"
        dateline=r"\((?:KCNA|Korean Central News Agency)\)|\bKCNA\b\s*\)?\s*-{1,2}",
    ),
)

LISTING_SIZE = 20  # newest items asked per category: far more than a day brings
MAX_ARTICLES_PER_RUN = 10
RUN_BUDGET = 240.0  # seconds of article fetching per run: other sources wait for the run lock

ARTICLE_PATH = re.compile(INFO.release_links)
LISTING_DATE = re.compile(r"^\s*\[(\d{4})\.(\d{1,2})\.(\d{1,2})\]")
PUBLISH_TIME = re.compile(r"\((?:(Juche)\s*)?(\d{2,4})\.(\d{1,2})\.(\d{1,2})\.?\)")
KST = timezone(timedelta(hours=9))
PYONGYANG_2015 = timezone(timedelta(hours=8, minutes=30))


def pyongyang_offset(day: date) -> timezone:
    """Pyongyang's UTC offset on a day: +8:30 from 2015-08-15 to 2018-05-04, else +9."""
    return PYONGYANG_2015 if date(2015, 8, 15) <= day <= date(2018, 5, 4) else KST


def pyongyang_day(year: int, month: int, day: int) -> datetime | None:
    """Midnight of a Pyongyang calendar day, with that day's offset."""
    try:
        return datetime(year, month, day, tzinfo=pyongyang_offset(date(year, month, day)))
    except ValueError:
        return None


@dataclass
class Item:
    url: str  # as listed (relative to the site)
    title: str
    listed_on: datetime | None


# -- crawling ------------------------------------------------------------------


def crawl(ctx: Context) -> None:
    items: dict[str, Item] = {}
    for item in _listings(ctx):
        items.setdefault(ARTICLE_PATH.search(item.url).group(0), item)
    urls = {item.url: ctx.url(item.url) for item in items.values()}
    wanted = [i for i in items.values() if not ctx.known(urls[i.url]) and ctx.should_try(ctx.canonical(urls[i.url]))]
    wanted.sort(key=lambda i: (i.listed_on or datetime.min.replace(tzinfo=KST), i.url), reverse=True)
    started = time.monotonic()
    for fetched_count, item in enumerate(wanted):
        if fetched_count >= MAX_ARTICLES_PER_RUN or time.monotonic() - started > RUN_BUDGET:
            ctx.stats.messages.append(f"{len(wanted) - fetched_count} articles left for the next run (per-run cap)")
            return
        if not _collect(ctx, item):
            ctx.stats.messages.append(f"{len(wanted) - fetched_count - 1} articles left: the site stopped answering")
            return


def _listings(ctx: Context) -> list[Item]:
    """Every category's newest items: a GET opens the session (and lists the first
    category), a POST with its token lists each other category."""
    found: list[Item] = []
    first, *others = INFO.listings
    try:
        token, items = _open_session(ctx, first.path)
    except SourceError as error:
        ctx.listing_problem(error)
        return found
    found += ctx.releases(first, ctx.url(first.path), items, lambda item: item.url)
    reopened = False
    for listing in others:
        url = ctx.url(listing.path)
        try:
            try:
                items = _post_listing(ctx, url, token)
            except SourceError as error:
                if error.status != 403 or reopened:
                    raise
                reopened = True  # the session expired (slow pages, long runs): one new session per run
                token, _ = _open_session(ctx, first.path)
                items = _post_listing(ctx, url, token)
        except SourceError as error:
            ctx.listing_problem(error)
            continue
        found += ctx.releases(listing, url, items, lambda item: item.url)
    return found


def _open_session(ctx: Context, path: str) -> tuple[str, list[Item]]:
    url = ctx.url(path)
    fetched = ctx.fetch(url, conditional=False)  # a fresh session and token, never a 304
    soup = BeautifulSoup(fetched.text(), "lxml")
    field = soup.find("input", attrs={"name": "_csrf"}) or soup.find("meta", attrs={"name": "_csrf"})
    token = (field.get("value") or field.get("content") or "") if field else ""
    if not token:
        raise SourceError("layout_changed", "no _csrf token on the category page: listings cannot be asked", url=url)
    return str(token), listing_items(soup)


def _post_listing(ctx: Context, url: str, token: str) -> list[Item]:
    form = {"page_num": "1", "cnt_per_page": str(LISTING_SIZE), "keyword": "", "_csrf": token}
    return listing_items(BeautifulSoup(ctx.post(url, form).text(), "lxml"))


def listing_items(soup: BeautifulSoup) -> list[Item]:
    """The entries of a listing: links followed by their [YYYY.MM.DD] date (the page's other
    links, menus and pagers, have none)."""
    items = []
    for link in soup.find_all("a", href=True):
        after = link.find_next_sibling()
        dated = LISTING_DATE.match(after.get_text()) if isinstance(after, Tag) else None
        if not dated:
            continue
        title = " ".join(link.get_text().split())
        items.append(Item(str(link["href"]).split("?")[0], title, pyongyang_day(*(int(g) for g in dated.groups()))))
    return items


def _collect(ctx: Context, item: Item) -> bool:
    """Fetch, archive, parse and store one article; False when the site stopped answering."""
    problem = ctx.fetch_page(ctx.url(item.url), parse, title=item.title, lang="en", published_at=item.listed_on)
    return problem is None or problem.kind != "network_error"


# -- parsing (also used to replay the archive) -----------------------------------


def _paragraphs(container: Tag) -> list[str]:
    paragraphs = container.find_all("p") or [container]
    lines = [line for p in paragraphs for line in block_lines(p)]
    while lines and lines[-1] in ("-0-", "-O-"):  # KCNA's end-of-story mark
        lines.pop()
    return lines


def parse(raw: bytes, url: str, content_type: str) -> Page:
    soup = BeautifulSoup(decode_body(raw, content_type), "lxml")
    for tag in soup(["script", "style", "noscript", "form"]):
        tag.decompose()
    old_title = soup.select_one("div.article-main-title")
    if old_title is not None:  # /en/article/q/<id>.kcmsf, the older layout
        title = " ".join(old_title.get_text().split())
        stamp = soup.select_one("span.publish-time")
        published = _publish_time(stamp.get_text()) if stamp else None
        if stamp:
            stamp.decompose()
        body = soup.select_one("div.content-wrapper")
    else:  # /en/article/detail/<id>
        body = soup.find("article")
        heading = body.find("h1") if body else None
        title = " ".join(heading.get_text().split()) if heading else ""
        if heading:
            heading.decompose()
        if body:
            for link in body.find_all("a"):  # photo and video buttons inside the article
                link.decompose()
        published = None
    lines = _paragraphs(body) if body else []
    if not title or not lines:
        raise SourceError("layout_changed", "article page without its title or body", url=url)
    return Page(title=title, text="\n".join([title, *lines]), published_at=published, published_precision="day",
                lang="en")  # fmt: skip


def _publish_time(text: str) -> datetime | None:
    """ "www.kcna.kp (2017.7.5.)" or "(Juche106.7.5.)" (Juche 1 = 1912)."""
    match = PUBLISH_TIME.search(text)
    if not match:
        return None
    juche, year, month, day = match.group(1), int(match.group(2)), int(match.group(3)), int(match.group(4))
    return pyongyang_day(year + 1911 if juche or year < 1000 else year, month, day)
