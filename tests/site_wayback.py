"""A stand-in for the Wayback Machine on 127.0.0.1: the CDX index and raw captures.

What it copies of the real service (its documentation, and what the `wayback` package handles):
- ``/cdx/search/cdx``: ``url`` with ``matchType`` exact or prefix, matched on the SURT key (host
  reversed, ``www.`` and the scheme dropped: ``jp,go,mod)/j/press/news/...``); ``from``/``to`` as
  timestamp prefixes (``to`` inclusive); ``filter=[!]field:regex`` matched against the whole value;
  ``collapse=field[:N]`` dropping a row whose field equals the row before it; rows sorted by key then
  time; ``limit`` with ``showResumeKey=true`` ending a cut list with an empty row and ``[resumeKey]``;
  ``output=json`` with a header row, and ``[]`` when nothing matches (else a line per row).
- ``/web/<timestamp>id_/<url>``: the bytes as captured; a timestamp it does not hold redirects to the
  nearest capture of that URL; without ``id_`` the page comes wrapped in a banner.
- 429 (no Retry-After, like the real one) to a client asking faster than ``rate_limit`` a second;
  empty bodies with status 200 for CDX requests while ``empty_cdx`` says so.
It also holds one capture request open on demand (``hold_after``), for a test to kill the client there.
"""

from __future__ import annotations

import base64
import hashlib
import json
import re
import threading
import time
from collections import Counter, deque
from dataclasses import dataclass
from urllib.parse import parse_qs, urlsplit

from sitekit import FixtureSite, Request, Response

FIELDS = ("urlkey", "timestamp", "original", "mimetype", "statuscode", "digest", "length")
MEMENTO = re.compile(r"^/web/(\d{1,14})(id_)?/(.+)$")


def surt(url: str) -> str:
    """The CDX key of a URL: ``https://www.mod.go.jp/j/a.pdf`` -> ``jp,go,mod)/j/a.pdf``."""
    parts = urlsplit(url if "://" in url else "http://" + url)
    host = (parts.hostname or "").removeprefix("www.")
    key = ",".join(reversed(host.split("."))) + ")" + (parts.path or "/").lower()
    return key + (f"?{parts.query}" if parts.query else "")


@dataclass
class Stored:
    original: str
    timestamp: str
    body: bytes
    content_type: str
    mimetype: str  # what the index says (a server that labels an error page application/pdf is believed)
    statuscode: str = "200"
    location: str | None = None  # the archive answers with a redirect here instead of the bytes

    @property
    def urlkey(self) -> str:
        return surt(self.original)

    @property
    def digest(self) -> str:
        return base64.b32encode(hashlib.sha1(self.body).digest()).decode("ascii")

    def row(self) -> list[str]:
        return [self.urlkey, self.timestamp, self.original, self.mimetype, self.statuscode, self.digest,
                str(len(self.body))]  # fmt: skip


class WaybackSite(FixtureSite):
    def __init__(self, *, rate_limit: float | None = None) -> None:
        super().__init__()
        self.stored: list[Stored] = []
        self.rate_limit = rate_limit  # requests a second above which it answers 429
        self.empty_cdx = 0  # the next this many CDX requests get an empty body
        self.hold_after: int | None = None  # capture requests answered before one is held open
        self.held = threading.Event()  # set when a request is being held
        self.release = threading.Event()
        self.served: Counter[str] = Counter()  # captures answered 200, by path
        self.too_fast = 0
        self.times: list[float] = []  # when each request came (time.monotonic())
        self._recent: deque[float] = deque()
        self._guard = threading.Lock()

    def capture(self, original: str, timestamp: str, body: bytes | str, *, content_type: str = "text/html",
                mimetype: str | None = None, statuscode: str = "200") -> Stored:  # fmt: skip
        payload = body.encode("utf-8") if isinstance(body, str) else body
        stored = Stored(original, timestamp, payload, content_type, mimetype or content_type.split(";")[0], statuscode)
        self.stored.append(stored)
        return stored

    def capture_requests(self) -> list[Request]:
        return [r for r in self.log if r.path.startswith("/web/")]

    def _respond(self, request: Request) -> Response:
        with self._guard:
            now = time.monotonic()
            self.times.append(now)
            self._recent.append(now)
            while self._recent and self._recent[0] < now - 1.0:
                self._recent.popleft()
            if self.rate_limit is not None and len(self._recent) > self.rate_limit:
                self.too_fast += 1
                return Response(b"<html><body>Too Many Requests</body></html>", 429, {"Content-Type": "text/html"})
        path = urlsplit(request.path).path
        if path == "/cdx/search/cdx":
            return self._cdx(parse_qs(urlsplit(request.path).query))
        match = MEMENTO.match(request.path)
        if match:
            return self._memento(*match.groups())
        return super()._respond(request)

    def _cdx(self, params: dict[str, list[str]]) -> Response:
        if self.empty_cdx:
            self.empty_cdx -= 1
            return Response(b"", 200, {"Content-Type": "text/plain"})
        url, exact = params["url"][0], params.get("matchType", ["exact"])[0] == "exact"
        key = surt(url)
        since = params.get("from", [""])[0].ljust(14, "0")
        until = params.get("to", [""])[0].ljust(14, "9") if "to" in params else "9" * 14
        rows = sorted((s.row() for s in self.stored), key=lambda row: (row[0], row[1]))
        rows = [r for r in rows if (r[0] == key if exact else r[0].startswith(key)) and since <= r[1] <= until]
        for rule in params.get("filter", []):
            negate, (name, _, pattern) = rule.startswith("!"), rule.lstrip("!").partition(":")
            position = FIELDS.index(name)
            rows = [r for r in rows if bool(re.fullmatch(pattern, r[position])) != negate]
        if "collapse" in params:
            name, _, length = params["collapse"][0].partition(":")
            position, cut = FIELDS.index(name), int(length) if length else None
            kept: list[list[str]] = []
            for row in rows:
                if not kept or kept[-1][position][:cut] != row[position][:cut]:
                    kept.append(row)
            rows = kept
        if "resumeKey" in params:
            after = tuple(base64.urlsafe_b64decode(params["resumeKey"][0]).decode().split(" "))
            rows = [r for r in rows if (r[0], r[1]) > after]
        limit = int(params.get("limit", ["0"])[0])
        tail: list[list[str]] = []
        if limit and len(rows) > limit:
            rows = rows[:limit]
            if params.get("showResumeKey", [""])[0] == "true":
                resume = base64.urlsafe_b64encode(f"{rows[-1][0]} {rows[-1][1]}".encode()).decode()
                tail = [[], [resume]]
        if params.get("output", [""])[0] != "json":  # the plain format: a line per row, a space between fields
            lines = [" ".join(row) for row in [*rows, *tail]]
            return Response("".join(f"{line}\n" for line in lines).encode(), 200, {"Content-Type": "text/plain"},
                            conditional=False)  # fmt: skip
        answer = [list(FIELDS), *rows, *tail] if rows else []
        return Response(json.dumps(answer).encode(), 200, {"Content-Type": "application/json"}, conditional=False)

    def _memento(self, timestamp: str, raw: str | None, url: str) -> Response:
        same = [s for s in self.stored if s.urlkey == surt(url)]
        if not same:
            return Response(b"<html><body><p>Wayback Machine has not archived that URL.</p></body></html>", 404,
                            {"Content-Type": "text/html"})  # fmt: skip
        exact = next((s for s in same if s.timestamp == timestamp), None)
        if exact is None:  # the nearest capture of the URL, as the real service redirects
            nearest = min(same, key=lambda s: abs(int(s.timestamp) - int(timestamp.ljust(14, "0"))))
            where = f"/web/{nearest.timestamp}{raw or ''}/{nearest.original}"
            return Response(b"", 302, {"Location": where})
        if exact.location:
            return Response(b"", 302, {"Location": exact.location})
        if not raw:
            banner = b"<html><body><div id='wm-ipp'>Wayback Machine banner</div>" + exact.body + b"</body></html>"
            return Response(banner, 200, {"Content-Type": "text/html"}, conditional=False)
        with self._guard:
            answered = sum(self.served.values())
            hold = self.hold_after is not None and answered >= self.hold_after
        if hold:  # a request the test kills its client in
            self.held.set()
            self.release.wait(30)
            return Response(b"", 503, {"Content-Type": "text/plain"})
        with self._guard:
            self.served[f"/web/{timestamp}id_/{url}"] += 1
        return Response(exact.body, 200, {"Content-Type": exact.content_type}, conditional=False)
