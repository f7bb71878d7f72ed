"""Servers on 127.0.0.1 that behave as Korean government sites do towards foreign
addresses: every connection is reset as soon as it is accepted, or accepted and never
answered. A closed port (``refused_url``) stands for a refused connection, and
``allow_only_loopback`` keeps a request that would skip its proxy from leaving the machine."""

from __future__ import annotations

import socket
import struct
import threading


class DroppingServer:
    def __init__(self, mode: str = "reset") -> None:
        assert mode in ("reset", "silent"), mode
        self.mode = mode
        self.connections = 0
        self._held: list[socket.socket] = []
        self._listener = socket.create_server(("127.0.0.1", 0))
        self.port = self._listener.getsockname()[1]
        self._thread = threading.Thread(target=self._serve, daemon=True)

    @property
    def base_url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def start(self) -> DroppingServer:
        self._thread.start()
        return self

    def _serve(self) -> None:
        while True:
            try:
                connection, _ = self._listener.accept()
            except OSError:
                return  # stopped
            self.connections += 1
            if self.mode == "silent":
                self._held.append(connection)  # never answered; closed at stop()
                continue
            # linger 0: close() sends RST instead of FIN, a reset as a firewall sends it
            connection.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
            connection.close()

    def stop(self) -> None:
        try:
            self._listener.shutdown(socket.SHUT_RDWR)  # wakes the blocked accept()
        except OSError:
            pass
        self._listener.close()
        for connection in self._held:
            connection.close()


def refused_url() -> str:
    """A loopback address where nothing listens (the port was just freed)."""
    with socket.create_server(("127.0.0.1", 0)) as probe:
        port = probe.getsockname()[1]
    return f"http://127.0.0.1:{port}"


def allow_only_loopback(monkeypatch) -> None:
    """Name lookups of anything but 127.0.0.1 fail for the rest of the test."""
    real = socket.getaddrinfo

    def lookup(host, *args, **kwargs):
        if host not in ("127.0.0.1", b"127.0.0.1"):
            raise socket.gaierror(f"test: no name lookups of {host!r}")
        return real(host, *args, **kwargs)

    monkeypatch.setattr(socket, "getaddrinfo", lookup)
