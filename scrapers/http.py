"""The polite HTTP client every source shares.

One client per source: honest User-Agent, robots.txt, a host allow-list checked on
every hop of a redirect, per-host spacing and one request at a time per host,
bounded retries (transport errors, 5xx and 429 only; never 403), conditional
requests from stored validators, a body size cap that also stops gzip bombs, an
optional proxy, and archiving of every body before anyone parses it.
"""

from __future__ import annotations

import codecs
import email.utils
import random
import re
import threading
import time
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Protocol
from urllib.parse import urljoin, urlsplit

import httpx
from protego import Protego

from scrapers.archive import Archive
from scrapers.errors import SourceError

DEFAULT_USER_AGENT = "launchfeed/0.1 (+https://github.com/launchfeed/launchfeed; research feed of official statements)"
MAX_BYTES = 8 * 1024 * 1024
MAX_REDIRECTS = 5
RETRY_STATUSES = {429, 500, 502, 503, 504}


class ValidatorStore(Protocol):
    """Where ETag / Last-Modified of earlier responses are kept (the SQLite store)."""

    def get_validators(self, url: str) -> dict | None: ...

    def put_validators(self, url: str, etag: str | None, last_modified: str | None, sha256: str) -> None: ...


class MemoryValidators:
    """Validators kept in memory only (tests, one-off runs)."""

    def __init__(self) -> None:
        self.rows: dict[str, dict] = {}

    def get_validators(self, url: str) -> dict | None:
        return self.rows.get(url)

    def put_validators(self, url: str, etag: str | None, last_modified: str | None, sha256: str) -> None:
        self.rows[url] = {"etag": etag, "last_modified": last_modified, "sha256": sha256}


@dataclass
class Fetched:
    """A response body, already archived."""

    url: str
    status: int
    content: bytes
    headers: httpx.Headers
    sha256: str
    raw_path: str
    not_modified: bool = False
    fetched_at: datetime = field(default_factory=lambda: datetime.now(UTC))

    @property
    def content_type(self) -> str:
        return self.headers.get("content-type", "").split(";")[0].strip().lower()

    def text(self) -> str:
        return decode_body(self.content, self.headers.get("content-type", ""))


_META_CHARSET = re.compile(rb"""<meta[^>]{0,200}?charset\s*=\s*["']?\s*([A-Za-z0-9_\-]{2,30})""", re.I)
_XML_ENCODING = re.compile(rb"""<\?xml[^>]{0,100}?encoding\s*=\s*["']([A-Za-z0-9_\-]{2,30})""", re.I)
# supersets: what sites label Shift_JIS / EUC-KR is usually the Microsoft code page
_CODEC_ALIASES = {
    "shift_jis": "cp932",
    "shift-jis": "cp932",
    "sjis": "cp932",
    "x-sjis": "cp932",
    "euc-kr": "cp949",
    "euc_kr": "cp949",
    "ks_c_5601-1987": "cp949",
}


def _codec(name: str) -> str | None:
    name = name.strip().strip("\"'").lower()
    name = _CODEC_ALIASES.get(name, name)
    try:
        return codecs.lookup(name).name
    except LookupError:
        return None


def decode_body(content: bytes, content_type: str = "") -> str:
    """Decode a page: BOM, then the HTTP header, then the page's own declaration,
    then UTF-8, Shift_JIS and EUC-KR; the first that decodes without error wins.
    Sites send wrong headers, so a declared charset that fails strict decoding is skipped."""
    if content.startswith(b"\xef\xbb\xbf"):
        return content[3:].decode("utf-8", errors="replace")
    candidates: list[str] = []
    header = re.search(r"charset=([^;\s]+)", content_type or "", re.I)
    if header:
        candidates.append(header.group(1))
    head = content[:4096]
    for pattern in (_META_CHARSET, _XML_ENCODING):
        match = pattern.search(head)
        if match:
            candidates.append(match.group(1).decode("ascii", "ignore"))
    candidates += ["utf-8", "cp932", "cp949"]
    seen: set[str] = set()
    for name in candidates:
        codec = _codec(name)
        if not codec or codec in seen:
            continue
        seen.add(codec)
        try:
            return content.decode(codec)
        except UnicodeDecodeError:
            continue
    return content.decode("utf-8", errors="replace")


_CHALLENGE_MARKERS = (
    "just a moment...",
    "challenge-platform",
    "cf-chl-",
    "attention required! | cloudflare",
    "enable javascript and cookies to continue",
    "checking your browser",
    "errors.edgesuite.net",
    "you don't have permission to access",
)


def is_bot_challenge(status: int, headers: httpx.Headers, content: bytes) -> bool:
    """Cloudflare and Akamai bot checks, served as 403/503 or even as 200."""
    if headers.get("cf-mitigated", "").lower() == "challenge":
        return True
    head = content[:20000].decode("utf-8", errors="ignore").lower()
    return any(marker in head for marker in _CHALLENGE_MARKERS)


class HostPacer:
    """At most one request at a time per host, spaced by a minimum interval.
    Shared by all sources of a run, so two sources on one host never overlap."""

    def __init__(self) -> None:
        self._locks: dict[str, threading.Lock] = {}
        self._last: dict[str, float] = {}
        self._guard = threading.Lock()

    def lock(self, host: str) -> threading.Lock:
        with self._guard:
            return self._locks.setdefault(host, threading.Lock())

    def wait(self, host: str, interval: float) -> None:
        elapsed = time.monotonic() - self._last.get(host, 0.0)
        if elapsed < interval:
            time.sleep(interval - elapsed)

    def done(self, host: str) -> None:
        self._last[host] = time.monotonic()


@dataclass
class ClientSettings:
    allowed_hosts: tuple[str, ...]
    user_agent: str = DEFAULT_USER_AGENT
    timeout: float = 30.0
    min_interval: float = 1.0
    max_attempts: int = 3
    backoff: float = 1.0
    max_retry_after: float = 120.0
    max_bytes: int = MAX_BYTES
    proxy: str | None = None
    respect_robots: bool = True
    verify_tls: bool = True


class PoliteClient:
    def __init__(
        self,
        settings: ClientSettings,
        archive: Archive,
        validators: ValidatorStore | None = None,
        pacer: HostPacer | None = None,
        source: str = "",
    ) -> None:
        self.settings = settings
        self.archive = archive
        self.validators = validators or MemoryValidators()
        self.pacer = pacer or HostPacer()
        self.source = source
        self.requests = 0
        self._robots: dict[str, Protego | None] = {}
        self._http = httpx.Client(
            headers={"User-Agent": settings.user_agent, "Accept-Encoding": "gzip, deflate"},
            timeout=httpx.Timeout(settings.timeout, connect=min(settings.timeout, 15.0)),
            follow_redirects=False,
            proxy=settings.proxy,
            verify=settings.verify_tls,
        )

    def close(self) -> None:
        self._http.close()

    def __enter__(self) -> PoliteClient:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- public -----------------------------------------------------------------

    def get(self, url: str, *, conditional: bool = True) -> Fetched:
        """GET with redirects checked against the allow-list; archives the body.
        With ``conditional`` the stored validators are sent and a 304 returns the
        archived body with ``not_modified=True``."""
        return self._request("GET", url, conditional=conditional)

    def post(self, url: str, data: dict[str, str]) -> Fetched:
        return self._request("POST", url, data=data, conditional=False)

    @property
    def cookies(self) -> httpx.Cookies:
        return self._http.cookies

    # -- internals --------------------------------------------------------------

    def _check_host(self, url: str) -> None:
        parts = urlsplit(url)
        host = (parts.hostname or "").lower()
        allowed = self.settings.allowed_hosts
        if parts.scheme not in ("http", "https") or host not in allowed:
            raise SourceError(
                "disallowed_host", f"refused to contact {host or url!r}: not in the allow-list {list(allowed)}", url=url
            )

    def _allowed_by_robots(self, url: str) -> bool:
        if not self.settings.respect_robots:
            return True
        parts = urlsplit(url)
        origin = f"{parts.scheme}://{parts.netloc}"
        if origin not in self._robots:
            self._robots[origin] = None
            try:
                response = self._send("GET", origin + "/robots.txt", {}, None)
                if response.status_code == 200:
                    body = response.content[:500_000].decode("utf-8", errors="replace")
                    self._robots[origin] = Protego.parse(body)
            except (httpx.HTTPError, SourceError):
                pass  # no readable robots.txt: nothing is disallowed
        rules = self._robots[origin]
        return rules is None or rules.can_fetch(url, self.settings.user_agent)

    def _send(self, method: str, url: str, headers: dict, data: dict | None) -> httpx.Response:
        """One request on the wire, paced per host, with the body read under the size cap."""
        host = urlsplit(url).netloc
        with self.pacer.lock(host):
            self.pacer.wait(host, self.settings.min_interval)
            try:
                self.requests += 1
                request = self._http.build_request(method, url, headers=headers, data=data)
                response = self._http.send(request, stream=True)
                try:
                    chunks: list[bytes] = []
                    size = 0
                    # iter_bytes yields decoded bytes, so a gzip bomb is cut off here too
                    for chunk in response.iter_bytes():
                        size += len(chunk)
                        if size > self.settings.max_bytes:
                            raise SourceError(
                                "too_large",
                                f"response larger than {self.settings.max_bytes} bytes; refused",
                                url=url,
                            )
                        chunks.append(chunk)
                    response._content = b"".join(chunks)
                finally:
                    response.close()
                return response
            finally:
                self.pacer.done(host)

    def _request(self, method: str, url: str, *, conditional: bool, data: dict | None = None) -> Fetched:
        seen: list[str] = []
        current = url
        while True:
            self._check_host(current)
            if current in seen:
                raise SourceError("http_error", f"redirect loop: {' -> '.join(seen + [current])}", url=url)
            if len(seen) > MAX_REDIRECTS:
                raise SourceError("http_error", f"more than {MAX_REDIRECTS} redirects", url=url)
            if not self._allowed_by_robots(current):
                raise SourceError("robots_disallowed", "robots.txt disallows this URL for our User-Agent", url=current)
            seen.append(current)
            headers: dict[str, str] = {}
            cached = self.validators.get_validators(current) if conditional and method == "GET" else None
            if cached and not self.archive.has(cached["sha256"]):
                cached = None  # the snapshot a 304 would point to is gone: fetch it whole
            if cached:
                if cached.get("etag"):
                    headers["If-None-Match"] = cached["etag"]
                if cached.get("last_modified"):
                    # the server's own Last-Modified, echoed verbatim: immune to clock skew
                    headers["If-Modified-Since"] = cached["last_modified"]
            response = self._with_retries(method, current, headers, data)
            if response.status_code in (301, 302, 303, 307, 308) and "location" in response.headers:
                current = urljoin(current, response.headers["location"])
                if response.status_code == 303:
                    method, data = "GET", None
                continue
            return self._finish(current, response, cached)

    def _with_retries(self, method: str, url: str, headers: dict, data: dict | None) -> httpx.Response:
        attempt = 0
        while True:
            attempt += 1
            try:
                response = self._send(method, url, headers, data)
            except httpx.TimeoutException as exc:
                error = SourceError(
                    "network_error", f"timed out after {self.settings.timeout:g}s ({type(exc).__name__})", url=url
                )
            except httpx.ProxyError as exc:
                error = SourceError("network_error", f"proxy failed: {exc}", url=url)
            except httpx.ConnectError as exc:
                error = SourceError("network_error", f"could not connect: {exc}", url=url)
            except (httpx.RemoteProtocolError, httpx.ReadError, httpx.WriteError) as exc:
                error = SourceError("network_error", f"connection broken: {exc}", url=url)
            except httpx.HTTPError as exc:
                error = SourceError("network_error", f"{type(exc).__name__}: {exc}", url=url)
            else:
                if response.status_code not in RETRY_STATUSES:
                    return response
                error = SourceError(
                    "http_error",
                    f"HTTP {response.status_code} after {attempt} attempts",
                    url=url,
                    status=response.status_code,
                )
                if attempt < self.settings.max_attempts:
                    delay = self._retry_after(response)
                    time.sleep(delay if delay is not None else self._backoff(attempt))
                    continue
            if attempt >= self.settings.max_attempts:
                raise error
            time.sleep(self._backoff(attempt))

    def _backoff(self, attempt: int) -> float:
        base = self.settings.backoff * (2 ** (attempt - 1))
        return base + random.uniform(0, base / 2)

    def _retry_after(self, response: httpx.Response) -> float | None:
        value = response.headers.get("retry-after")
        if not value:
            return None
        if value.strip().isdigit():
            seconds = float(value.strip())
        else:
            parsed = email.utils.parsedate_to_datetime(value) if value else None
            if parsed is None:
                return None
            if parsed.tzinfo is None:
                parsed = parsed.replace(tzinfo=UTC)
            seconds = (parsed - datetime.now(UTC)).total_seconds()
        if seconds > self.settings.max_retry_after:
            raise SourceError(
                "http_error",
                f"HTTP {response.status_code}: server asks to wait {seconds:.0f}s; giving up for this run",
                url=str(response.url),
                status=response.status_code,
            )
        return max(0.0, seconds)

    def _finish(self, url: str, response: httpx.Response, cached: dict | None) -> Fetched:
        status = response.status_code
        if status == 304 and cached:
            content = self.archive.get(cached["sha256"])
            sha256, raw_path = cached["sha256"], self.archive.path_for(cached["sha256"])
            return Fetched(url, status, content, response.headers, sha256, raw_path, not_modified=True)
        content = response.content
        if is_bot_challenge(status, response.headers, content):
            self.archive.put(content)  # kept for diagnosis
            raise SourceError(
                "access_challenged", f"bot check (HTTP {status}) instead of the page", url=url, status=status
            )
        if status >= 400:
            raise SourceError("http_error", f"HTTP {status}", url=url, status=status)
        sha256, raw_path = self.archive.put(content)
        if status == 200:
            self.validators.put_validators(
                url, response.headers.get("etag"), response.headers.get("last-modified"), sha256
            )
        return Fetched(url, status, content, response.headers, sha256, raw_path)
