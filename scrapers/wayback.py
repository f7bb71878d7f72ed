"""The Wayback Machine, or any service that speaks its API, asked through the project's polite client.

Two kinds of request (the Internet Archive's documentation, checked against the service):
- the CDX index, ``GET /cdx/search/cdx?url=<url or prefix>&matchType=prefix&from=YYYYMMDD&to=YYYYMMDD
  &output=json&filter=statuscode:200&collapse=urlkey&limit=N&showResumeKey=true[&resumeKey=K]``:
  a JSON array whose first row names the fields (urlkey timestamp original mimetype statuscode digest
  length); when ``limit`` cuts the list, an empty row and ``[resumeKey]`` end it;
- a capture's raw bytes, ``GET /web/<timestamp>id_/<original>``: without ``id_`` the archive wraps
  the page in its banner and rewrites its links. Asked for a timestamp it does not hold, it
  redirects to the nearest capture of that URL (on its own origin, which the client follows).

Why not the ``wayback`` package (EDGI, 0.5.1, measured; README): its service URLs are module
constants of web.archive.org, its sessions are ``requests`` with their own rate limits and six
retries, its search hides the resume key inside a generator (an interrupted listing cannot be
continued by the next run), and it has no allow-list, archive of raw bytes or run deadline.

The service answers 429 when asked too fast (the client obeys Retry-After, else backs off), and
from some datacenter networks an empty body with status 200: that is never a CDX answer (an empty
list is ``[]``), so it is reported as such and never read as "no captures".
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from urllib.parse import urlencode, urlsplit

from launchfeed.scrapers.archive import Archive
from launchfeed.scrapers.errors import SourceError
from launchfeed.scrapers.http import ClientMemory, ClientSettings, Fetched, PoliteClient

DEFAULT_WAYBACK = "https://web.archive.org"
CDX_PATH = "/cdx/search/cdx"
CDX_FIELDS = ("urlkey", "timestamp", "original", "mimetype", "statuscode", "digest", "length")
# rows a CDX page holds: the service answers a page of a thousand in a few seconds; tests ask for fewer
PAGE_SIZE = 1000
# the archive asks for at most one request a second from a client like this one
ARCHIVE_INTERVAL = 1.0


@dataclass(frozen=True)
class CdxQuery:
    """One CDX listing: the captures of a URL (or of every URL under a prefix) taken in a range of days."""

    url: str  # "www.mod.go.jp/j/press/news/2025/01/" (a prefix with match_type "prefix")
    since: date  # captures taken on this day (UTC) or later
    until: date  # ... up to this day, inclusive
    filters: tuple[str, ...] = ("statuscode:200",)
    match_type: str = "prefix"
    collapse: str | None = "urlkey"  # one row per URL (its earliest capture in the range)

    @property
    def key(self) -> str:
        """The query as the store remembers it: the same query of a later run has the same key."""
        return urlencode(self.params(0, None))

    def params(self, limit: int, resume_key: str | None) -> list[tuple[str, str]]:
        params = [("url", self.url), ("matchType", self.match_type), ("from", f"{self.since:%Y%m%d}"),
                  ("to", f"{self.until:%Y%m%d}"), ("output", "json")]  # fmt: skip
        params += [("filter", f) for f in self.filters]
        if self.collapse:
            params.append(("collapse", self.collapse))
        if limit:
            params += [("limit", str(limit)), ("showResumeKey", "true")]
        if resume_key:
            params.append(("resumeKey", resume_key))
        return params


@dataclass(frozen=True)
class Capture:
    """One row of the CDX index: a URL as the archive captured it at one moment."""

    urlkey: str
    timestamp: str  # YYYYMMDDhhmmss, UTC
    original: str  # the URL captured, as the crawler asked for it
    mimetype: str
    statuscode: str
    digest: str  # base-32 SHA-1 of the captured body: equal digests are equal bytes
    length: str

    @property
    def captured_at(self) -> datetime:
        return datetime.strptime(self.timestamp[:14].ljust(14, "0"), "%Y%m%d%H%M%S").replace(tzinfo=UTC)

    def raw_url(self, wayback: str) -> str:
        """Where its bytes are, as captured (``id_``: no banner, no rewritten links)."""
        return f"{wayback.rstrip('/')}/web/{self.timestamp}id_/{self.original}"


@dataclass
class CdxPage:
    captures: list[Capture] = field(default_factory=list)
    resume_key: str | None = None  # None: the listing is complete
    empty_body: bool = False  # status 200 and not a byte: a refusal that looks like an answer


def parse_cdx(content: bytes, url: str) -> CdxPage:
    """One page of CDX JSON output. A body that is not that shape is a parse_error naming the URL."""
    if not content.strip():
        return CdxPage(empty_body=True)
    try:
        rows = json.loads(content)
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise SourceError("parse_error", f"CDX answer is not JSON ({exc})", url=url) from exc
    if not isinstance(rows, list) or not all(isinstance(row, list) for row in rows):
        raise SourceError("parse_error", "CDX answer is not a list of rows", url=url)
    if not rows:
        return CdxPage()
    header, *rest = rows
    if not set(CDX_FIELDS) <= set(header):
        raise SourceError("parse_error", f"CDX header row {header!r} lacks some of {CDX_FIELDS}", url=url)
    page = CdxPage()
    if len(rest) >= 2 and rest[-2] == [] and len(rest[-1]) == 1:  # an empty row, then [resumeKey]
        page.resume_key = str(rest[-1][0])
        rest = rest[:-2]
    for row in rest:
        if len(row) != len(header):
            raise SourceError("parse_error", f"CDX row {row!r} does not match its header", url=url)
        values = dict(zip(header, map(str, row), strict=True))
        page.captures.append(Capture(**{name: values[name] for name in CDX_FIELDS}))
    return page


class Wayback:
    """The archive's CDX index and captures, through a PoliteClient allowed the archive's origin only."""

    def __init__(
        self,
        base_url: str,
        archive: Archive,
        memory: ClientMemory,
        *,
        interval: float = ARCHIVE_INTERVAL,
        page_size: int = PAGE_SIZE,
        user_agent: str | None = None,
    ) -> None:
        parts = urlsplit(base_url)
        if parts.scheme not in ("http", "https") or not parts.hostname:
            raise ValueError(f"--wayback {base_url!r} is not an http(s) URL")
        self.base_url = f"{parts.scheme}://{parts.netloc}"
        self.page_size = page_size
        settings = ClientSettings(
            allowed_origins=(self.base_url,),
            min_interval=interval,
            # a 429 without Retry-After: wait a few intervals before asking again (the archive's own advice
            # is "slow down"), at least a second even when tests pace faster
            backoff=max(1.0, 4 * interval),
            timeout=60.0,  # CDX pages of a busy prefix take the archive tens of seconds
            max_attempts=4,
        )
        if user_agent:
            settings.user_agent = user_agent
        self.client = PoliteClient(settings, archive, memory, source="wayback")

    def cdx_url(self, query: CdxQuery, resume_key: str | None) -> str:
        return f"{self.base_url}{CDX_PATH}?{urlencode(query.params(self.page_size, resume_key))}"

    def cdx_page(self, query: CdxQuery, resume_key: str | None = None) -> CdxPage:
        url = self.cdx_url(query, resume_key)
        # never conditional: a 304 would hand back an old page, and the resume key belongs to this answer
        return parse_cdx(self.client.get(url, conditional=False).content, url)

    def fetch(self, capture: Capture) -> Fetched:
        """A capture's raw bytes, archived by the client before anyone reads them."""
        return self.client.get(capture.raw_url(self.base_url), conditional=False)

    def close(self) -> None:
        self.client.close()
