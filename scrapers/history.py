"""Where each source's history sits in a web archive, and how a capture of it is read.

A plan names the CDX listings that hold a source's releases for a range of publication days
(captures come after publication: each range is asked up to ``CAPTURE_LAG`` past its end), says
which captured URLs are releases (and under which publisher URL they are stored, the one ``collect``
gives them, so that a release is one document however it was found), and reads a capture with the
source's own parser. A capture that cannot be read is a SourceError with the reason (the caller skips
it, naming its URL); one read well that is no release the source keeps is ``Unwanted``.

Sources: mod_jp (its follow-up PDFs and year indexes), kcna (its English articles) and dod (its North Korea
tag page, whose captures list the articles, each then read from its own capture). jcs_kr and indopacom are
walked on their own sites instead (scrapers/walks.py).

Listings use ``collapse=digest`` rather than ``collapse=urlkey``: rows come sorted by URL then time, so
repeated captures of a URL with the same bytes are listed once, while a good capture after a bad one
(an error page captured with status 200, a truncated PDF) is still listed and can be read instead.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from datetime import date, datetime, timedelta
from urllib.parse import urlsplit

from launchfeed.scrapers import articlecs, dod, kcna, mod_jp
from launchfeed.scrapers.articlecs import Entry
from launchfeed.scrapers.base import Page, canonical_url
from launchfeed.scrapers.errors import SourceError
from launchfeed.scrapers.http import decode_body
from launchfeed.scrapers.wayback import Capture, CdxQuery

# how long after its publication a release may first be captured and still be found
CAPTURE_LAG = timedelta(weeks=6)
INDEX, RELEASE = "index", "release"
ADVICE = "a bad capture (the archive holds what the site answered): other captures of the URL are tried"


class Unwanted(Exception):
    """A capture read well that holds no release the source keeps (another subject)."""


def months(since: date, until: date) -> list[date]:
    """The first day of every month from since's to until's."""
    first, out = since.replace(day=1), []
    while first <= until:
        out.append(first)
        first = (first + timedelta(days=32)).replace(day=1)
    return out


def month_end(first: date) -> date:
    return (first + timedelta(days=32)).replace(day=1) - timedelta(days=1)


@dataclass(frozen=True)
class Listing:
    role: str  # INDEX (pages that list releases, read for their titles) or RELEASE
    query: CdxQuery


class ModJpArchive:
    """MOD's follow-ups: printable PDFs at /j/press/news/YYYY/MM/DDx.pdf, listed month by month, and the
    per-year press indexes /j/press/news/YYYY/index.html, whose titles spare fetching the PDFs of other
    subjects. The article pages were behind the bot check for the archive's crawler too: only PDFs."""

    source = "mod_jp"
    lang = "ja"
    # a year's index: its news__item entries link to /j/press/news/YYYY/MM/DDx.html
    INDEX_PATH = re.compile(r"^/j/press/news/(\d{4})/index\.html$")
    PDF_PATH = re.compile(r"^/j/press/news/\d{4}/\d{2}/\d{2}[a-z]{1,2}\.pdf$")
    # captured URLs under its listings that are known not to be releases (none: every other PDF is news)
    OTHER = re.compile(r"(?!)")
    # its prefixes are captured every month: a range with no capture where others had some is suspect
    STEADY = True

    def listings(self, since: date, until: date, today: date) -> list[Listing]:
        out = []
        for year in range(since.year, until.year + 1):
            query = CdxQuery(f"www.mod.go.jp/j/press/news/{year}/index.html", date(year, 1, 1),
                             min(date(year, 12, 31) + CAPTURE_LAG, today), ("statuscode:200", "mimetype:text/html"),
                             match_type="exact", collapse="digest")  # fmt: skip
            out.append(Listing(INDEX, query))
        for first in months(since, until):
            query = CdxQuery(f"www.mod.go.jp/j/press/news/{first:%Y/%m}/", first,
                             min(month_end(first) + CAPTURE_LAG, today), ("statuscode:200", "mimetype:application/pdf"),
                             collapse="digest")  # fmt: skip
            out.append(Listing(RELEASE, query))
        return out

    def publisher_url(self, capture: Capture, role: str) -> str | None:
        path = urlsplit(capture.original).path
        if role == INDEX:
            return canonical_url(f"https://www.mod.go.jp{path}") if self.INDEX_PATH.match(path) else None
        if not self.PDF_PATH.match(path):
            return None
        # collect stores a release under its page's URL, whichever of page or PDF it was read from
        return canonical_url(f"https://www.mod.go.jp{path.removesuffix('.pdf')}.html")

    def in_window(self, publisher_url: str, since: date, until: date) -> bool:
        return since <= mod_jp._url_day(urlsplit(publisher_url).path) <= until

    def index_titles(self, raw: bytes, content_type: str) -> dict[str, str]:
        """Publisher URL -> title, of every release a captured year index lists."""
        items = mod_jp._index_items(decode_body(raw, content_type))
        titles = {}
        for item in items:
            if item.path:
                titles[canonical_url(f"https://www.mod.go.jp{item.path}.html")] = item.title
        if not titles:
            raise SourceError("layout_changed", "a press index with no releases listed (an error page or a bot "
                              "check captured with status 200?)", advice=ADVICE)  # fmt: skip
        return titles

    def wanted(self, title: str) -> bool:
        return bool(mod_jp.TOPIC.search(title))

    def read(self, raw: bytes, capture: Capture, publisher_url: str, content_type: str) -> Page:
        if not raw.startswith(b"%PDF"):
            raise SourceError("parse_error", "not a PDF: a page captured with status 200 in its place (an error "
                              "page or a bot check)", advice=ADVICE)  # fmt: skip
        if b"%%EOF" not in raw[-1024:]:
            # pypdf reads what it can of a PDF cut short: half a release could give a wrong statement
            raise SourceError("parse_error", f"PDF cut short ({len(raw)} bytes, no %%EOF at its end): a truncated "
                              "capture", advice=ADVICE)  # fmt: skip
        page = mod_jp.parse(raw, capture.original, "application/pdf")
        if not self.wanted(page.title):
            raise Unwanted(f"another subject: {page.title}")
        if page.published_at is None:  # no printed date: the URL's, which the ministry gives the release
            day = mod_jp._url_day(urlsplit(publisher_url).path)
            page = replace(page, published_at=datetime.combine(day, datetime.min.time(), mod_jp.JST),
                           published_precision="day")  # fmt: skip
        return page


MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
          "November", "December")  # fmt: skip
DATELINE = re.compile(r"\bPyongyang,\s+(" + "|".join(MONTHS) + r")\s+(\d{1,2})\s*\(KCNA\)")


def dateline_day(text: str, captured_at: datetime) -> datetime | None:
    """The day of a KCNA dateline ("Pyongyang, September 10 (KCNA)"), in the year that puts it on or
    before the day of the capture in Pyongyang (an article is published before it is captured)."""
    match = DATELINE.search(text[:2000])
    if not match:
        return None
    month, day = MONTHS.index(match.group(1)) + 1, int(match.group(2))
    captured = captured_at.astimezone(kcna.pyongyang_offset(captured_at.date())).date()
    for year in (captured.year, captured.year - 1):
        dated = kcna.pyongyang_day(year, month, day)
        if dated is not None and dated.date() <= captured:
            return dated
    return None


class KcnaArchive:
    """KCNA's English articles: every capture under www.kcna.kp/en/article/ (``q/<id>.kcmsf`` to about
    2026-06, ``detail/<id>`` after), month by month of capture; the article ids say nothing of the day,
    so every article of the months is read, and the extractor picks the launch reports."""

    source = "kcna"
    lang = "en"
    ARTICLE = re.compile(kcna.INFO.release_links)
    OTHER = re.compile(r"^/en/article/list/")  # category pages
    STEADY = True

    def listings(self, since: date, until: date, today: date) -> list[Listing]:
        end = min(until + CAPTURE_LAG, today)
        out = []
        for first in months(since, end):
            query = CdxQuery("www.kcna.kp/en/article/", max(first, since), min(month_end(first), end),
                             ("statuscode:200", "mimetype:text/html"), collapse="digest")  # fmt: skip
            out.append(Listing(RELEASE, query))
        return out

    def publisher_url(self, capture: Capture, role: str) -> str | None:
        path = urlsplit(capture.original).path
        match = self.ARTICLE.search(path)
        if role != RELEASE or not match or match.group(0) != path:
            return None
        return canonical_url(f"http://www.kcna.kp{path}")  # the host collect asks (kcna.kp is the same site)

    def in_window(self, publisher_url: str, since: date, until: date) -> bool:
        return True  # its URL has no date: the capture ranges bound it

    def index_titles(self, raw: bytes, content_type: str) -> dict[str, str]:
        return {}

    def wanted(self, title: str) -> bool:
        return True

    def read(self, raw: bytes, capture: Capture, publisher_url: str, content_type: str) -> Page:
        page = kcna.parse(raw, publisher_url, content_type)
        if page.published_at is None:  # the current layout prints no date: its dateline and the capture's year
            day = dateline_day(page.text, capture.captured_at)
            if day is None:
                raise SourceError("layout_changed", "an article with neither a publish-time nor a dateline "
                                  "('Pyongyang, May 14 (KCNA)'): its day cannot be told", advice=ADVICE)  # fmt: skip
            page = replace(page, published_at=day, published_precision="day")
        return page


def years(since: date, until: date) -> list[tuple[date, date]]:
    """[since, until] cut at the ends of years."""
    cut = [(max(since, date(year, 1, 1)), min(until, date(year, 12, 31))) for year in range(since.year, until.year + 1)]
    return [(first, last) for first, last in cut if first <= last]


class DodArchive:
    """DoD's North Korea tag page (dod.TAG_PAGES), every capture of it (one a day at most), year by year of
    capture: each lists the tag's newest articles with their dates. The articles are not listed from the
    index: each is asked for at the tag capture's timestamp, and the archive answers with its nearest
    capture (a redirect on its own origin). An article is asked for once, whichever host and capture listed
    it (its number is the key); one is kept when its own words name North Korea and a launch."""

    source = "dod"
    lang = "en"
    ARTICLE = re.compile(dod.ARCHIVED_ARTICLE)
    OTHER = re.compile(r"(?!)")
    # one page, captured now and then, on one host before the rename and the other after: a year without a
    # capture of it is no sign of a refusal
    STEADY = False

    def listings(self, since: date, until: date, today: date) -> list[Listing]:
        out = []
        for prefix in dod.TAG_PAGES:
            for first, last in years(since, min(until + CAPTURE_LAG, today)):
                query = CdxQuery(prefix, first, last, ("statuscode:200", "mimetype:text/html"),
                                 collapse="timestamp:8")  # fmt: skip
                out.append(Listing(INDEX, query))
        return out

    def publisher_url(self, capture: Capture, role: str) -> str | None:
        parts = urlsplit(capture.original)
        page = f"{parts.hostname}{parts.path}"
        if role != INDEX or not any(page.startswith(prefix) for prefix in dod.TAG_PAGES):
            return None
        return canonical_url(f"https://{page}" + (f"?{parts.query}" if parts.query else ""))

    def in_window(self, publisher_url: str, since: date, until: date) -> bool:
        return True  # the tag page's dates say, article by article

    def index_titles(self, raw: bytes, content_type: str) -> dict[str, str]:
        return {}

    def index_entries(self, raw: bytes, original: str, content_type: str) -> list[Entry]:
        """The articles a capture of the tag page lists, with their dates, under their https URL."""
        entries = articlecs.listing_entries(decode_body(raw, content_type), original, self.ARTICLE)
        if not entries:
            raise SourceError("layout_changed", "a tag page that links no article (an error page captured with "
                              "status 200, or a layout the reader does not know)", advice=ADVICE)  # fmt: skip
        for entry in entries:
            entry.link = re.sub(r"^http://", "https://", entry.link)
        return entries

    def article_number(self, url: str) -> str:
        match = self.ARTICLE.search(url)
        return match.group(1) if match else url

    def wanted(self, title: str) -> bool:
        return True

    def read(self, raw: bytes, capture: Capture, publisher_url: str, content_type: str) -> Page:
        page = dod.parse(raw, publisher_url, content_type or "text/html")
        if not articlecs.names_a_launch(page.text):
            raise Unwanted(f"another subject (its words name no North Korean launch): {page.title}")
        return page


ArchivePlan = ModJpArchive | KcnaArchive | DodArchive
PLANS: dict[str, ArchivePlan] = {plan.source: plan for plan in (ModJpArchive(), KcnaArchive(), DodArchive())}
