"""A fixture site on 127.0.0.1 that misbehaves on purpose, for the fault-injection suite.

Routes added with ``fault(path, action)`` hand the raw connection to ``action``, which
can stop answering, answer half, trickle, reset or stream without end; every other
route is served as FixtureSite serves it. ``FaultSite(tls=True)`` speaks TLS with a
self-signed certificate for 127.0.0.1 that no client trusts unless told to.
"""

from __future__ import annotations

import socket
import ssl
import struct
import tempfile
import threading
import time
from collections.abc import Callable
from http.server import BaseHTTPRequestHandler
from pathlib import Path
from urllib.parse import urlsplit

from sitekit import FixtureSite, Request

# A throwaway EC key and its self-signed certificate (CN and subjectAltName IP 127.0.0.1,
# valid 2000 to 2126, so no test machine's clock falls outside it), made for these tests
# with openssl (`req -new`, then `ca -selfsign -startdate 20000101000000Z`).
KEY_PEM = """-----BEGIN PRIVATE KEY-----
MIGHAgEAMBMGByqGSM49AgEGCCqGSM49AwEHBG0wawIBAQQgQEMr6jluhmsC5E1f
GFLA/B3P0wtH96C628SENiQbwnChRANCAATYwdZ2mkZ+0clxDFYsIHOTmMUyUHvC
CrtqmgMmut3gNlQpEWgmGBbYwkGFA0WEPFudZ0b2IRGL/7mRyTXB0MwL
-----END PRIVATE KEY-----
"""
CERT_PEM = """-----BEGIN CERTIFICATE-----
MIIBXTCCAQKgAwIBAgIBATAKBggqhkjOPQQDAjAUMRIwEAYDVQQDDAkxMjcuMC4w
LjEwIBcNMDAwMTAxMDAwMDAwWhgPMjEyNjAxMDEwMDAwMDBaMBQxEjAQBgNVBAMM
CTEyNy4wLjAuMTBZMBMGByqGSM49AgEGCCqGSM49AwEHA0IABNjB1naaRn7RyXEM
Viwgc5OYxTJQe8IKu2qaAya63eA2VCkRaCYYFtjCQYUDRYQ8W51nRvYhEYv/uZHJ
NcHQzAujQzBBMA8GA1UdEQQIMAaHBH8AAAEwDwYDVR0TAQH/BAUwAwEB/zAdBgNV
HQ4EFgQU7dFDMrQluBATZHCNR4Szu2hxP6UwCgYIKoZIzj0EAwIDSQAwRgIhANdm
q7nbfzkHHQhpta5e5gccTYdPVBQZW7vX4jRaL2OiAiEA9Dm5w8gPN8KuOizCEL9s
8wsGzaAd4hRrixuSJJkhxjg=
-----END CERTIFICATE-----
"""

# an action gets the request handler: its ``wfile`` and ``connection`` are the raw connection
Action = Callable[[BaseHTTPRequestHandler], None]


def head(status: int = 200, headers: dict[str, str] | None = None) -> bytes:
    """A status line and headers, as a server sends them before the body."""
    lines = [f"HTTP/1.1 {status} X"] + [f"{name}: {value}" for name, value in (headers or {}).items()]
    return ("\r\n".join(lines) + "\r\n\r\n").encode("latin-1")


class FaultSite(FixtureSite):
    def __init__(self, *, tls: bool = False) -> None:
        super().__init__()
        self.faults: dict[str, Action] = {}
        self.sent: dict[str, int] = {}  # bytes of body each fault route wrote before the client let go
        self.stopping = threading.Event()
        self.tls = tls
        # a reset or a vanished client is the point of these routes, not an error to print
        self._server.handle_error = lambda request, client_address: None
        if tls:
            self._certs = tempfile.TemporaryDirectory()
            cert, key = Path(self._certs.name, "cert.pem"), Path(self._certs.name, "key.pem")
            cert.write_text(CERT_PEM)
            key.write_text(KEY_PEM)
            context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
            context.load_cert_chain(cert, key)
            self._server.socket = context.wrap_socket(self._server.socket, server_side=True)

    @property
    def base_url(self) -> str:
        return f"{'https' if self.tls else 'http'}://127.0.0.1:{self._server.server_address[1]}"

    @property
    def port(self) -> int:
        return self._server.server_address[1]

    def cert_file(self) -> str:
        """The certificate, for a client told to trust it."""
        return str(Path(self._certs.name, "cert.pem"))

    def fault(self, path: str, action: Action) -> None:
        self.faults[path] = action

    def stop(self) -> None:
        self.stopping.set()  # releases stalled connections
        super().stop()

    # -- actions -------------------------------------------------------------------

    def stall(self, first: bytes = b"") -> Action:
        """Send ``first`` (nothing, or headers and part of the body), then never another byte."""

        def action(handler: BaseHTTPRequestHandler) -> None:
            handler.wfile.write(first)
            handler.wfile.flush()
            self.stopping.wait(30)

        return action

    def reset(self, first: bytes = b"") -> Action:
        """Send ``first``, then reset the connection (linger 0: RST instead of FIN)."""

        def action(handler: BaseHTTPRequestHandler) -> None:
            handler.wfile.write(first)
            handler.wfile.flush()
            handler.connection.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
            handler.connection.close()

        return action

    def hang_up(self, first: bytes) -> Action:
        """Send ``first`` (less body than Content-Length promised), then close cleanly."""

        def action(handler: BaseHTTPRequestHandler) -> None:
            handler.wfile.write(first)
            handler.wfile.flush()
            handler.connection.shutdown(socket.SHUT_RDWR)

        return action

    def trickle(self, path: str, headers: dict[str, str], body: bytes, every: float) -> Action:
        """Headers, then the body one byte at a time: never silent long enough for a read timeout."""

        def action(handler: BaseHTTPRequestHandler) -> None:
            handler.wfile.write(head(200, {**headers, "Content-Length": str(len(body))}))
            self._drip(handler, path, body, every)

        return action

    def slow_head(self, path: str, every: float) -> Action:
        """The status line and headers one byte at a time, a byte every ``every`` seconds: the
        answer never gets past its headers, and never falls silent long enough for a read timeout."""

        def action(handler: BaseHTTPRequestHandler) -> None:
            self._drip(handler, path, head(200, {"Content-Type": "text/html", "X-Padding": "p" * 4000,
                                                 "Content-Length": "2"}), every)  # fmt: skip

        return action

    def _drip(self, handler: BaseHTTPRequestHandler, path: str, data: bytes, every: float) -> None:
        """``data`` a byte every ``every`` seconds, counted in ``sent``, until it ends, the site stops or the
        client hangs up."""
        for byte in data:
            if self.stopping.wait(every):
                return
            try:
                handler.wfile.write(bytes([byte]))
                handler.wfile.flush()
            except OSError:
                return  # the client gave up
            self.sent[path] = self.sent.get(path, 0) + 1

    def endless(self, path: str, headers: dict[str, str], chunk: bytes) -> Action:
        """``chunk`` again and again until the client hangs up: chunked, or under the
        Content-Length given in ``headers`` (which it never reaches)."""

        def action(handler: BaseHTTPRequestHandler) -> None:
            declared = "Content-Length" in headers
            handler.wfile.write(head(200, headers if declared else {**headers, "Transfer-Encoding": "chunked"}))
            frame = chunk if declared else b"%x\r\n" % len(chunk) + chunk + b"\r\n"
            started = time.monotonic()
            while not self.stopping.is_set() and time.monotonic() - started < 30:
                try:
                    handler.wfile.write(frame)
                except OSError:
                    return
                self.sent[path] = self.sent.get(path, 0) + len(chunk)

        return action

    # -- serving -------------------------------------------------------------------

    def _handler_class(self) -> type[BaseHTTPRequestHandler]:
        plain = super()._handler_class()
        site = self

        class Handler(plain):  # type: ignore[misc, valid-type]
            def _serve(self) -> None:
                action = site.faults.get(urlsplit(self.path).path)
                if action is None:
                    plain._serve(self)
                    return
                site.log.append(Request(self.command, self.path, {k.lower(): v for k, v in self.headers.items()}))
                self.close_connection = True
                action(self)

            do_GET = do_POST = do_HEAD = _serve

        return Handler


def loopback_only(monkeypatch) -> list[str]:
    """Name lookups for the rest of the test: 127.0.0.1 and localhost (a second name for the
    same machine) answer 127.0.0.1; any other name fails as an unknown name does (EAI_NONAME),
    without asking a resolver: this machine's resolver is a server on the network, and a
    ``.invalid`` name would be sent to it. Returns every name asked for, so a test can prove
    that nothing else was looked up."""
    real = socket.getaddrinfo
    asked: list[str] = []

    def lookup(host, port, *args, **kwargs):
        name = host.decode() if isinstance(host, bytes) else str(host)
        asked.append(name)
        if name in ("127.0.0.1", "localhost"):
            return real("127.0.0.1", port, *args, **kwargs)
        raise socket.gaierror(socket.EAI_NONAME, "Name or service not known")

    monkeypatch.setattr(socket, "getaddrinfo", lookup)
    return asked
