"""The polite HTTP client every source shares.

One client per source: honest User-Agent, robots.txt, an allow-list of origins
(scheme, host and port) checked on every hop of a redirect, per-host spacing and one request at a time per host,
bounded retries (transport errors, 5xx and 429 only; never 403), conditional
requests from stored validators, a body size cap that also stops gzip bombs, one
deadline per request from connecting to its last byte (and the source's own, when
its run has one), an optional proxy, and archiving of every body before anyone
parses it.
"""

from __future__ import annotations

import codecs
import email.utils
import errno
import random
import re
import socket
import ssl
import threading
import time
import zlib
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from typing import Protocol
from urllib.parse import urljoin, urlsplit

import httpx
from launchfeed.scrapers.archive import Archive
from launchfeed.scrapers.errors import OutOfTime, SourceError
from protego import Protego

DEFAULT_USER_AGENT = "launchfeed/0.1 (+https://github.com/launchfeed/launchfeed; research feed of official statements)"
MAX_BYTES = 8 * 1024 * 1024
MAX_REDIRECTS = 5
RETRY_STATUSES = {429, 500, 502, 503, 504}

# what the user can do about a failure (or what launchfeed will do), printed after it
ADVICE_UNREACHABLE = "is the site up and reachable from this machine? later runs try again"
ADVICE_TLS = "check the URL's scheme, and that this machine trusts the site's certificate (CA certificates up to date)"
ADVICE_SLOW_DOWN = "the site asks for fewer requests: later runs try again; raise --delay if it keeps happening"
ADVICE_SERVER = "the site is failing; later runs try again"
ADVICE_CHECK_URL = "check the URL in a browser; later runs try again"
ADVICE_BOT_CHECK = "the site answers scripts with a bot check; later runs try again"
ADVICE_TOO_LARGE = "far larger than any press release: check the URL (the cap is ClientSettings.max_bytes)"
ADVICE_ROBOTS = "robots.txt forbids it for launchfeed's User-Agent: launchfeed will not fetch it"
ADVICE_ENCODING = "the server compresses in a way launchfeed did not ask for; later runs try again"
ADVICE_PROXY = "is the proxy up? later runs try again"


def without_password(url: str) -> str:
    """scheme://host:port of a proxy URL: what can be shown of it (never its user or password)."""
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.hostname}" + (f":{parts.port}" if parts.port else "")


class ClientMemory(Protocol):
    """What the client remembers from one run to the next (the SQLite store): the ETag and
    Last-Modified of earlier responses, and the hosts that asked to be left alone for a while."""

    def get_validators(self, url: str) -> dict | None: ...

    def put_validators(self, url: str, etag: str | None, last_modified: str | None, sha256: str) -> None: ...

    def rest_host(self, host: str, until: datetime, status: int) -> None:
        """``host`` (host:port) answered ``status`` asking not to be asked again before ``until``."""
        ...

    def host_rest(self, host: str) -> tuple[datetime, int] | None:
        """(until, status) while a rest ``host`` asked for lasts; None when there is none."""
        ...


class RunMemory:
    """A ClientMemory for one run only (tests, one-off runs)."""

    def __init__(self) -> None:
        self.rows: dict[str, dict] = {}
        self.rests: dict[str, tuple[datetime, int]] = {}

    def get_validators(self, url: str) -> dict | None:
        return self.rows.get(url)

    def put_validators(self, url: str, etag: str | None, last_modified: str | None, sha256: str) -> None:
        self.rows[url] = {"etag": etag, "last_modified": last_modified, "sha256": sha256}

    def rest_host(self, host: str, until: datetime, status: int) -> None:
        self.rests[host] = (until, status)

    def host_rest(self, host: str) -> tuple[datetime, int] | None:
        rest = self.rests.get(host)
        return rest if rest and rest[0] > datetime.now(UTC) else None


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


# signs that bytes were decoded with the wrong charset: control characters, private-use
# characters, half-width katakana (EUC-KR read as Shift_JIS), Hangul letters standing alone
# (EUC-JP read as EUC-KR: the kana rows of one are the jamo rows of the other; Korean text writes
# syllables), runs of Latin-1 letters (any CJK text read as ISO-8859-1 or windows-1252)
_ODDITIES = re.compile(
    r"[\x00-\x08\x0b\x0e-\x1f\x7f-\x9f\u3131-\u318e\ue000-\uf8ff\uff61-\uff9f]|[\x80-\xff](?=[\x80-\xff])"
)


def _oddities(text: str) -> int:
    return sum(1 for _ in _ODDITIES.finditer(text))


def decode_body(content: bytes, content_type: str = "") -> str:
    """Decode a page whatever its labels say. Valid UTF-8 is UTF-8: text in Shift_JIS, EUC-JP or
    EUC-KR practically never is. Otherwise the charset in the HTTP header, the page's own
    declaration, Shift_JIS, EUC-KR, EUC-JP and windows-1252 are each tried, and the reading with
    the fewest signs of a wrong guess wins (a declared one on a tie). Servers send wrong labels:
    ISO-8859-1 by default, the site's old charset after the pages moved to UTF-8, or none."""
    if content.startswith(b"\xef\xbb\xbf"):
        return content[3:].decode("utf-8", errors="replace")
    as_utf8 = content.decode("utf-8", errors="replace")
    broken = as_utf8.count("\ufffd")
    wide = len(as_utf8) - len(as_utf8.encode("ascii", "ignore")) - broken
    if wide >= 10 * broken:  # clean, or a stray bad byte or a page cut inside its last character
        return as_utf8
    candidates: list[str] = []
    header = re.search(r"charset=([^;\s]+)", content_type or "", re.I)
    if header:
        candidates.append(header.group(1))
    head = content[:4096]
    for pattern in (_META_CHARSET, _XML_ENCODING):
        match = pattern.search(head)
        if match:
            candidates.append(match.group(1).decode("ascii", "ignore"))
    # Japanese, Korean, older Japanese (EUC-JP) and English pages with Windows quotes; EUC-KR goes before
    # EUC-JP: Korean text reads as valid (if senseless) EUC-JP, and a tie goes to the earlier
    candidates += ["cp932", "cp949", "euc_jp", "cp1252"]
    names: list[str] = []
    for name in candidates:
        codec = _codec(name)
        if codec and codec != "utf-8" and codec not in names:
            names.append(codec)
    readings = []
    for order, codec in enumerate([*names, "utf-8"]):
        # a character cut off at the end, or a stray bad byte, costs a reading one point each
        text = content.decode(codec, errors="replace")
        readings.append((text.count("\ufffd") + _oddities(text), order, text))
    return min(readings)[2]


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


def origin(url: str) -> tuple[str, str, int | None]:
    """(scheme, host, port) a URL connects to, read as httpx reads it when it sends the request;
    the port is the scheme's own when the URL gives none. Raises httpx.InvalidURL (a ValueError)."""
    parts = httpx.URL(url)
    return parts.scheme, parts.host.lower(), parts.port or {"http": 80, "https": 443}.get(parts.scheme)


@dataclass
class ClientSettings:
    # the origins it may contact ("https://www.mod.go.jp", "http://127.0.0.1:8080"): a host on another
    # port or in another scheme is another server, which the publisher's host name does not vouch for
    allowed_origins: tuple[str, ...]
    user_agent: str = DEFAULT_USER_AGENT
    timeout: float = 30.0
    min_interval: float = 1.0
    max_attempts: int = 3
    backoff: float = 1.0
    max_retry_after: float = 120.0  # a longer Retry-After ends the request, and the host rests that long
    max_rest: float = 86400.0  # a rest asked for beyond a day is heard as a day: a wrong header never silences a site
    max_bytes: int = MAX_BYTES
    # seconds for a whole request, from connecting to the last byte of the body: a server that sends its
    # headers or its body a byte at a time never trips the read timeout, which starts again with every byte
    deadline: float = 120.0
    proxy: str | None = None
    respect_robots: bool = True
    verify_tls: bool = True


class PoliteClient:
    def __init__(
        self,
        settings: ClientSettings,
        archive: Archive,
        memory: ClientMemory | None = None,
        pacer: HostPacer | None = None,
        source: str = "",
    ) -> None:
        self.settings = settings
        self.archive = archive
        self.memory = memory or RunMemory()
        self.pacer = pacer or HostPacer()
        self.source = source
        self.requests = 0
        self._robots: dict[str, Protego | None] = {}
        # the time.monotonic() by which the source's run must end, and its length (Context sets them)
        self.stop_at: float | None = None
        self.run_deadline = 0.0
        self._http = httpx.Client(
            headers={"User-Agent": settings.user_agent, "Accept-Encoding": "gzip, deflate"},
            follow_redirects=False,
            proxy=settings.proxy,
            verify=settings.verify_tls,
            # no connection is kept for the next request: each request opens its own, so that its
            # deadline can cut that connection (one request a host every few seconds loses nothing)
            limits=httpx.Limits(max_keepalive_connections=0),
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
        """Refuse a URL unless the origin it would connect to (scheme, host and port) is allowed.
        The URL is read the way httpx reads it when it sends the request, so what is checked is
        what is contacted."""
        allowed = self.settings.allowed_origins
        module = f"scrapers/{self.source}.py" if self.source else "the source's module"
        advice = "a link or redirect leads off the source's hosts: if that host is the publisher's own, "
        advice += f"add it to allowed_hosts in {module}"
        try:
            target = origin(url)
        except (httpx.InvalidURL, ValueError, TypeError) as exc:
            raise SourceError(
                "disallowed_host", f"refused to fetch {url!r}: not a valid URL ({exc})", url=url, advice=advice
            ) from exc
        if target[0] not in ("http", "https") or target not in {origin(allowed_origin) for allowed_origin in allowed}:
            scheme, host, port = target
            shown = f"{scheme}://{host}:{port}" if host else repr(url)
            raise SourceError(
                "disallowed_host", f"refused to contact {shown}: not in the allow-list {list(allowed)}", url=url,
                advice=advice,
            )  # fmt: skip

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
        """One request on the wire, paced per host, with the body read under the size cap, all of it
        within the request's deadline (and the source's)."""
        host = urlsplit(url).netloc
        with self.pacer.lock(host):
            self.pacer.wait(host, self.settings.min_interval)
            try:
                seconds, out_of_time = self._time_left(url)
                self.requests += 1
                watchdog = Watchdog(seconds)
                timeout = min(self.settings.timeout, seconds)
                request = self._http.build_request(
                    method, url, headers=headers, data=data, extensions={"trace": watchdog.trace},
                    timeout=httpx.Timeout(timeout, connect=min(timeout, 15.0)),
                )  # fmt: skip
                try:
                    with watchdog:
                        response = self._http.send(request, stream=True)
                        try:
                            response._content = self._read_body(response, url)
                        finally:
                            response.close()
                except (httpx.HTTPError, SourceError) as exc:
                    if watchdog.expired:  # whatever broke, it broke because the time was up
                        raise out_of_time from exc
                    raise
                return response
            finally:
                self.pacer.done(host)

    def _time_left(self, url: str) -> tuple[float, Exception]:
        """Seconds the next request may take, and the error to raise when they run out: the request's
        own deadline, or what is left of the source's run (OutOfTime) when that ends sooner."""
        seconds = self.settings.deadline
        message = (f"response took longer than {seconds:g}s from connecting to its last byte "
                   "(the server sends too slowly); gave up")  # fmt: skip
        if self.stop_at is not None:
            left = self.stop_at - time.monotonic()
            if left <= 0:
                raise OutOfTime(self.source, self.run_deadline, url)
            if left < seconds:
                return left, OutOfTime(self.source, self.run_deadline, url)
        return seconds, SourceError("network_error", message, url=url, advice=ADVICE_UNREACHABLE)

    def _pause(self, seconds: float, url: str) -> None:
        """Wait before asking again, unless the source's run would end first."""
        if self.stop_at is not None and time.monotonic() + seconds >= self.stop_at:
            raise OutOfTime(self.source, self.run_deadline, url)
        time.sleep(seconds)

    def _read_body(self, response: httpx.Response, url: str) -> bytes:
        """The body, decompressed here rather than by httpx: httpx inflates a whole network
        read at once (64 KB of a gzip bomb become 64 MB) and stacks encodings, so a bomb would
        be in memory before any cap could look at it. Here no step yields more than the cap allows."""
        cap = self.settings.max_bytes
        too_large = SourceError(
            "too_large", f"response larger than {cap} bytes; refused", url=url, advice=ADVICE_TOO_LARGE
        )
        declared = response.headers.get("content-length", "").strip()
        if declared.isdigit() and int(declared) > cap:
            raise too_large  # said so before sending it: not a byte of it is read
        inflater = Inflater(response.headers.get("content-encoding", ""), url)
        chunks: list[bytes] = []
        size = 0
        for raw in response.iter_raw():
            chunk = inflater.inflate(raw, cap - size + 1)
            size += len(chunk)
            if size > cap:
                raise too_large
            chunks.append(chunk)
        return b"".join(chunks)

    def _request(self, method: str, url: str, *, conditional: bool, data: dict | None = None) -> Fetched:
        seen: list[str] = []
        current = url
        while True:
            self._check_host(current)
            if current in seen:
                raise SourceError(
                    "http_error", f"redirect loop: {' -> '.join(seen + [current])}", url=url, advice=ADVICE_CHECK_URL
                )
            if len(seen) > MAX_REDIRECTS:
                raise SourceError(
                    "http_error", f"more than {MAX_REDIRECTS} redirects", url=url, advice=ADVICE_CHECK_URL
                )
            self._check_rest(current)
            if not self._allowed_by_robots(current):
                raise SourceError(
                    "robots_disallowed",
                    "robots.txt disallows this URL for our User-Agent",
                    url=current,
                    advice=ADVICE_ROBOTS,
                )
            seen.append(current)
            headers: dict[str, str] = {}
            cached = self.memory.get_validators(current) if conditional and method == "GET" else None
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
                if isinstance(exc, httpx.ConnectTimeout) and self.settings.proxy:
                    error = self._proxy_unreachable(url, f"timed out after {self.settings.timeout:g}s")
                else:
                    message = f"timed out after {self.settings.timeout:g}s ({type(exc).__name__})"
                    error = SourceError("network_error", message, url=url, advice=ADVICE_UNREACHABLE)
            except httpx.ProxyError as exc:  # the proxy answered, but could not reach the site
                proxy = without_password(self.settings.proxy or "")
                message = f"the proxy {proxy} could not reach the site: {exc}"
                error = SourceError("network_error", message, url=url, advice=ADVICE_UNREACHABLE)
            except httpx.ConnectError as exc:
                if tls_failure(exc):  # a certificate or a protocol mismatch does not mend by asking again
                    raise SourceError(
                        "network_error", f"TLS handshake failed: {exc}", url=url, advice=ADVICE_TLS
                    ) from exc
                if self.settings.proxy and never_connected(exc):  # the connection made here is to the proxy
                    error = self._proxy_unreachable(url, str(exc))
                else:
                    message = f"could not connect: {exc}"
                    error = SourceError("network_error", message, url=url, advice=ADVICE_UNREACHABLE)
            except (httpx.RemoteProtocolError, httpx.ReadError, httpx.WriteError) as exc:
                error = SourceError("network_error", f"connection broken: {exc}", url=url, advice=ADVICE_UNREACHABLE)
            except httpx.HTTPError as exc:
                error = SourceError("network_error", f"{type(exc).__name__}: {exc}", url=url, advice=ADVICE_UNREACHABLE)
            else:
                code = response.status_code
                # a bot check served as 503 (Cloudflare does) is a bot check: asking again only annoys it
                if code not in RETRY_STATUSES or is_bot_challenge(code, response.headers, response.content):
                    return response
                advice = ADVICE_SLOW_DOWN if code == 429 else ADVICE_SERVER
                error = SourceError(
                    "http_error", f"HTTP {code} after {attempt} attempts", url=url, status=code, advice=advice
                )
                if attempt < self.settings.max_attempts:
                    delay = self._retry_after(response)
                    self._pause(delay if delay is not None else self._backoff(attempt), url)
                    continue
            if attempt >= self.settings.max_attempts:
                raise error
            self._pause(self._backoff(attempt), url)

    def _proxy_unreachable(self, url: str, why: str) -> SourceError:
        proxy = without_password(self.settings.proxy or "")
        return SourceError("proxy_error", f"could not connect to the proxy {proxy} ({why})", url=url,
                           advice=ADVICE_PROXY)  # fmt: skip

    def _backoff(self, attempt: int) -> float:
        base = self.settings.backoff * (2 ** (attempt - 1))
        return base + random.uniform(0, base / 2)

    def _retry_after(self, response: httpx.Response) -> float | None:
        """Seconds the server asks us to wait (None: it did not say, or said nothing readable).
        A wait above ``max_retry_after`` ends this request and rests the host that long (a day at most)."""
        value = response.headers.get("retry-after", "").strip()
        if not value:
            return None
        if value.isdigit():
            seconds = float(value)
        else:
            try:
                parsed = email.utils.parsedate_to_datetime(value)
            except (TypeError, ValueError):
                return None  # "soon", "1.5", a broken date: the usual backoff
            seconds = (_aware(parsed) - _server_now(response)).total_seconds()
        if seconds > self.settings.max_retry_after:
            code = response.status_code
            message = f"HTTP {code}: server asks to wait {seconds:.0f}s; giving up for this run"
            until = datetime.now(UTC) + timedelta(seconds=min(seconds, self.settings.max_rest))
            # remembered in the store: the next runs (every ten minutes from cron) leave the host alone too
            self.memory.rest_host(urlsplit(str(response.url)).netloc, until, code)
            raise SourceError("http_error", message, url=str(response.url), status=code, advice=ADVICE_SLOW_DOWN)
        return max(0.0, seconds)

    def _check_rest(self, url: str) -> None:
        """A host resting (it asked for a long wait, in this run or an earlier one) is not asked, whatever the URL."""
        rest = self.memory.host_rest(urlsplit(url).netloc)
        if rest is not None:
            until, status = rest
            raise SourceError(
                "http_error",
                f"HTTP {status} earlier: the server asked to be left alone until "
                f"{until.astimezone(UTC).isoformat(timespec='seconds')}; not asked before then",
                url=url,
                status=status,
                advice=ADVICE_SLOW_DOWN,
            )

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
                "access_challenged",
                f"bot check (HTTP {status}) instead of the page",
                url=url,
                status=status,
                advice=ADVICE_BOT_CHECK,
            )
        if status >= 400:
            advice = ADVICE_SERVER if status >= 500 else ADVICE_CHECK_URL
            raise SourceError("http_error", f"HTTP {status}", url=url, status=status, advice=advice)
        sha256, raw_path = self.archive.put(content)
        if status == 200:
            self.memory.put_validators(url, response.headers.get("etag"), response.headers.get("last-modified"), sha256)
        return Fetched(url, status, content, response.headers, sha256, raw_path)


class Watchdog:
    """Cuts a request off when its time is up, whatever the server does: at the deadline the
    socket of the request's connection is shut down, which ends a read or a write blocked on it
    at once (httpx's timeouts are per read, and start again with every byte that arrives)."""

    def __init__(self, seconds: float) -> None:
        self.expired = False
        self._sockets: list[socket.socket] = []
        self._lock = threading.Lock()
        self._timer = threading.Timer(max(0.0, seconds), self._expire)
        self._timer.daemon = True

    def trace(self, event: str, info: dict) -> None:
        """httpx's trace hook: it reports each connection it opens (to the server or the proxy),
        and the client keeps none alive, so every connection a request uses is reported here."""
        if event in ("connection.connect_tcp.complete", "connection.start_tls.complete"):
            connection = info["return_value"].get_extra_info("socket")
            with self._lock:
                self._sockets.append(connection)
                if self.expired:  # the time ran out while it connected
                    _shut(connection)

    def _expire(self) -> None:
        with self._lock:
            self.expired = True
            for connection in self._sockets:
                _shut(connection)

    def __enter__(self) -> Watchdog:
        self._timer.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._timer.cancel()


def _shut(connection: socket.socket) -> None:
    try:
        # the plain socket's shutdown, also under TLS: it ends the other thread's blocked call at once
        socket.socket.shutdown(connection, socket.SHUT_RDWR)
    except OSError:
        pass  # already closed


def never_connected(exc: BaseException) -> bool:
    """The connection was never made (refused, no route, unknown name), as opposed to made and
    then dropped: what httpx calls a ConnectError covers both."""
    seen: BaseException | None = exc
    while seen is not None:
        if isinstance(seen, socket.gaierror) or (
            isinstance(seen, OSError) and seen.errno in (errno.ECONNREFUSED, errno.EHOSTUNREACH, errno.ENETUNREACH)
        ):
            return True
        seen = seen.__cause__ or seen.__context__
    return False


def tls_failure(exc: BaseException) -> ssl.SSLError | None:
    """The TLS error behind a failed connection (httpx wraps it twice), if that is what failed."""
    seen: BaseException | None = exc
    while seen is not None:
        if isinstance(seen, ssl.SSLError):
            return seen
        seen = seen.__cause__ or seen.__context__
    return None


class Inflater:
    """A body's Content-Encoding undone at most ``room`` bytes at a time. We ask for gzip or
    deflate only; anything else (brotli, encodings stacked on each other) is refused."""

    def __init__(self, content_encoding: str, url: str) -> None:
        layers = [name.strip().lower() for name in content_encoding.split(",")]
        layers = [name for name in layers if name and name != "identity"]
        self.url = url
        self.name = layers[0] if layers else "identity"
        if len(layers) > 1 or self.name not in ("identity", "gzip", "x-gzip", "deflate"):
            raise SourceError(
                "parse_error",
                f"Content-Encoding {content_encoding!r} was not asked for",
                url=url,
                advice=ADVICE_ENCODING,
            )
        # gzip: a gzip header; deflate: a zlib header (47 takes either), or raw deflate from old servers
        self._inflater = None if self.name == "identity" else zlib.decompressobj(47)
        self._started = False

    def inflate(self, data: bytes, room: int) -> bytes:
        if self._inflater is None:
            return data
        out = bytearray()
        while data and len(out) < room:
            try:
                out += self._inflater.decompress(data, room - len(out))
            except zlib.error as exc:
                if self.name == "deflate" and not self._started:
                    self._inflater, self._started = zlib.decompressobj(-zlib.MAX_WBITS), True
                    continue
                raise SourceError(
                    "parse_error", f"body is not valid {self.name} data: {exc}", url=self.url, advice=ADVICE_ENCODING
                ) from exc
            self._started = True
            data = self._inflater.unconsumed_tail
        return bytes(out)


def _aware(moment: datetime) -> datetime:
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


def _server_now(response: httpx.Response) -> datetime:
    """The server's clock (its Date header) when it gives one: a Retry-After date means
    "that long after now" on the server, whatever this machine's clock says."""
    try:
        return _aware(email.utils.parsedate_to_datetime(response.headers.get("date", "")))
    except (TypeError, ValueError):
        return datetime.now(UTC)
