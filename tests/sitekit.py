"""A fixture web site on 127.0.0.1: the test copies of the publishers' URL layouts.

Routes are exact paths (with query) or callables; GET routes answer conditional
requests (ETag / Last-Modified) like a real server, and every request is logged so
tests can count what a run asked for. Used as a client's HTTP proxy, the site answers
the absolute-URI requests it gets with its own routes (``Request.proxied`` tells).
"""

from __future__ import annotations

import hashlib
import sys
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

SITES = Path(__file__).parent / "sites"
LAST_MODIFIED = "Sat, 03 Oct 2026 00:30:00 GMT"


@dataclass
class Request:
    method: str
    path: str
    headers: dict[str, str]
    body: bytes = b""
    proxied: bool = False  # asked as an HTTP proxy is (absolute URI in the request line)

    @property
    def form(self) -> dict[str, str]:
        return {k: v[0] for k, v in parse_qs(self.body.decode("utf-8", "replace")).items()}


@dataclass
class Response:
    body: bytes = b""
    status: int = 200
    headers: dict[str, str] = field(default_factory=dict)
    conditional: bool = True  # answer If-None-Match / If-Modified-Since with 304
    delay: float = 0.0  # seconds before the response starts


Handler = Callable[[Request], Response]


class _QuietServer(ThreadingHTTPServer):
    def handle_error(self, request, client_address) -> None:
        # a client that hangs up mid-answer (a test cutting a download short) is expected, not a server error
        if not isinstance(sys.exc_info()[1], ConnectionError):
            super().handle_error(request, client_address)


class FixtureSite:
    def __init__(self) -> None:
        self.routes: dict[tuple[str, str], Response | Handler] = {}
        self.log: list[Request] = []
        self._server = _QuietServer(("127.0.0.1", 0), self._handler_class())
        self._server.daemon_threads = True
        # stop() waits for the serving loop to notice: poll often, so that a test ends at once
        self._thread = threading.Thread(target=self._server.serve_forever, args=(0.02,), daemon=True)

    @property
    def base_url(self) -> str:
        return f"http://127.0.0.1:{self._server.server_address[1]}"

    def url(self, path: str) -> str:
        return self.base_url + path

    def start(self) -> FixtureSite:
        self._thread.start()
        return self

    def stop(self) -> None:
        self._server.shutdown()
        self._server.server_close()

    # -- routes --------------------------------------------------------------------

    def add(
        self,
        path: str,
        body: bytes | str | Handler = b"",
        *,
        status: int = 200,
        content_type: str = "text/html; charset=utf-8",
        headers: dict[str, str] | None = None,
        method: str = "GET",
        conditional: bool = True,
        delay: float = 0.0,
    ) -> None:
        if callable(body):
            self.routes[(method, path)] = body
            return
        payload = body.encode("utf-8") if isinstance(body, str) else body
        all_headers = {"Content-Type": content_type, **(headers or {})}
        self.routes[(method, path)] = Response(payload, status, all_headers, conditional, delay)

    def add_file(self, path: str, file: Path, **options) -> None:
        self.add(path, file.read_bytes(), **options)

    def mount(self, directory: Path, content_types: dict[str, str] | None = None) -> None:
        """Serve every file under ``directory`` at the same path (the site's layout)."""
        types = {".html": "text/html; charset=utf-8", ".xml": "application/rss+xml; charset=utf-8",
                 ".pdf": "application/pdf", ".txt": "text/plain; charset=utf-8", **(content_types or {})}  # fmt: skip
        for file in sorted(directory.rglob("*")):
            if file.is_file():
                path = "/" + file.relative_to(directory).as_posix()
                self.add_file(path, file, content_type=types.get(file.suffix, "application/octet-stream"))

    def requests(self, method: str | None = None, path_prefix: str = "") -> list[Request]:
        return [r for r in self.log if (method is None or r.method == method) and r.path.startswith(path_prefix)]

    # -- serving -------------------------------------------------------------------

    def _respond(self, request: Request) -> Response:
        route = self.routes.get((request.method, request.path))
        if route is None:
            route = self.routes.get((request.method, urlsplit(request.path).path))
        if route is None:
            return Response(b"<html><body><h1>404 Not Found</h1></body></html>", 404, {"Content-Type": "text/html"})
        response = route(request) if callable(route) else route
        if response.status == 200 and response.conditional and request.method == "GET":
            etag = '"' + hashlib.sha1(response.body).hexdigest()[:16] + '"'
            headers = {"ETag": etag, "Last-Modified": LAST_MODIFIED, **response.headers}
            if request.headers.get("if-none-match") == etag or (
                "if-none-match" not in request.headers and request.headers.get("if-modified-since") == LAST_MODIFIED
            ):
                return Response(b"", 304, {"ETag": etag}, delay=response.delay)
            return Response(response.body, 200, headers, delay=response.delay)
        return response

    def _handler_class(self) -> type[BaseHTTPRequestHandler]:
        site = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"
            # headers and body go out in two writes: without TCP_NODELAY the second waits ~40 ms for an ACK
            disable_nagle_algorithm = True

            def log_message(self, *args: object) -> None:
                pass

            def _serve(self) -> None:
                length = int(self.headers.get("Content-Length") or 0)
                body = self.rfile.read(length) if length else b""
                path, proxied = self.path, self.path.startswith(("http://", "https://"))
                if proxied:  # the site acting as an HTTP proxy for itself: serve the absolute URI's path and query
                    target = urlsplit(path)
                    path = (target.path or "/") + (f"?{target.query}" if target.query else "")
                headers = {k.lower(): v for k, v in self.headers.items()}
                request = Request(self.command, path, headers, body, proxied)
                site.log.append(request)
                response = site._respond(request)
                if response.delay:
                    time.sleep(response.delay)
                if any(name.lower() == "date" for name in response.headers):  # a server with its own clock
                    self.send_response_only(response.status)
                else:
                    self.send_response(response.status)
                headers = {"Content-Length": str(len(response.body)), **response.headers}
                for name, value in headers.items():
                    self.send_header(name, value)
                self.end_headers()
                if self.command != "HEAD":
                    self.wfile.write(response.body)

            do_GET = do_POST = do_HEAD = _serve

        return Handler
