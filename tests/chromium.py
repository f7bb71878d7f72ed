"""Headless Chromium driven over the DevTools protocol on a pipe (--remote-debugging-pipe:
JSON messages ending in NUL on file descriptors 3 and 4), so a test needs no port, no
websocket client and nothing downloaded: the system's chromium package only.

    python tests/chromium.py docs/report.png   # the report of the fixture launches, as a screenshot
"""

from __future__ import annotations

import base64
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

FLAGS = ("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync",
         "--disable-extensions", "--hide-scrollbars", "--remote-debugging-pipe")  # fmt: skip


def chromium_path() -> str | None:
    return shutil.which("chromium") or shutil.which("chromium-browser")


@dataclass
class PageRun:
    """What loading a page produced."""

    console_errors: list[str] = field(default_factory=list)
    requests: list[str] = field(default_factory=list)  # every URL the page asked for


class Browser:
    def __init__(self, binary: str | None = None, timeout: float = 30.0) -> None:
        binary = binary or chromium_path()
        if not binary:
            raise RuntimeError("no chromium on PATH: the README's test command installs it (apt-get install chromium)")
        self.timeout = timeout
        self.profile = tempfile.mkdtemp(prefix="chromium-profile-")
        to_child, self._to_child = os.pipe()
        self._from_child, from_child = os.pipe()

        def descriptors() -> None:  # in the child: its ends of the pipes become fds 3 and 4
            inbound, outbound = os.dup(to_child), os.dup(from_child)
            os.dup2(inbound, 3)
            os.dup2(outbound, 4)

        # its log goes to a file: a pipe nobody reads would fill up and stall the browser
        self.log = open(Path(self.profile).with_suffix(".log"), "w+b")
        self.process = subprocess.Popen(
            [binary, *FLAGS, f"--user-data-dir={self.profile}", "about:blank"],
            preexec_fn=descriptors, close_fds=False, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
            stderr=self.log,
        )  # fmt: skip
        os.close(to_child)
        os.close(from_child)
        self._buffer = b""
        self._next_id = 0
        self.events: list[dict] = []

    # -- the protocol --------------------------------------------------------------------------

    def _receive(self) -> dict:
        deadline = time.monotonic() + self.timeout
        while b"\0" not in self._buffer:
            if time.monotonic() > deadline:
                raise TimeoutError("chromium did not answer")
            chunk = os.read(self._from_child, 1 << 16)
            if not chunk:
                self.log.seek(0)
                raise RuntimeError(f"chromium exited: {self.log.read().decode(errors='replace')[-2000:]}")
            self._buffer += chunk
        message, self._buffer = self._buffer.split(b"\0", 1)
        return json.loads(message)

    def call(self, method: str, params: dict | None = None, session: str | None = None) -> dict:
        self._next_id += 1
        message = {"id": self._next_id, "method": method, "params": params or {}}
        if session:
            message["sessionId"] = session
        os.write(self._to_child, json.dumps(message).encode("utf-8") + b"\0")
        while True:
            reply = self._receive()
            if reply.get("id") == self._next_id:
                if "error" in reply:
                    raise RuntimeError(f"{method}: {reply['error']}")
                return reply.get("result", {})
            self.events.append(reply)

    def wait_for(self, method: str) -> dict:
        for index, event in enumerate(self.events):
            if event.get("method") == method:
                return self.events.pop(index)
        while True:
            event = self._receive()
            if event.get("method") == method:
                return event
            self.events.append(event)

    # -- pages ----------------------------------------------------------------------------------

    def open(self, url: str, width: int = 1200, height: int = 900) -> tuple[str, PageRun]:
        """Load a page; return its session and what happened while it loaded."""
        target = self.call("Target.createTarget", {"url": "about:blank"})["targetId"]
        session = self.call("Target.attachToTarget", {"targetId": target, "flatten": True})["sessionId"]
        for domain in ("Runtime", "Log", "Page", "Network"):
            self.call(f"{domain}.enable", session=session)
        self.call("Emulation.setDeviceMetricsOverride",
                  {"width": width, "height": height, "deviceScaleFactor": 1, "mobile": False}, session)  # fmt: skip
        self.events.clear()
        self.call("Page.navigate", {"url": url}, session)
        self.wait_for("Page.loadEventFired")
        self.evaluate(session, "new Promise(r => setTimeout(r, 100))")  # let late console messages arrive
        run = PageRun()
        for event in self.events:
            method, params = event.get("method"), event.get("params", {})
            if method == "Runtime.exceptionThrown":
                details = params["exceptionDetails"]
                run.console_errors.append(details.get("exception", {}).get("description") or details.get("text"))
            elif method == "Runtime.consoleAPICalled" and params.get("type") in ("error", "assert", "warning"):
                run.console_errors.append(" ".join(str(a.get("value", a.get("description"))) for a in params["args"]))
            elif method == "Log.entryAdded" and params["entry"]["level"] in ("error", "warning"):
                run.console_errors.append(params["entry"]["text"])
            elif method == "Network.requestWillBeSent":
                run.requests.append(params["request"]["url"])
        return session, run

    def evaluate(self, session: str, expression: str):
        result = self.call("Runtime.evaluate", {"expression": expression, "returnByValue": True,
                                                "awaitPromise": True}, session)  # fmt: skip
        if "exceptionDetails" in result:
            raise RuntimeError(f"{expression}: {result['exceptionDetails']}")
        return result["result"].get("value")

    def screenshot(self, session: str, path: Path, max_height: int | None = None) -> None:
        """The whole page (or its top ``max_height`` pixels) as a PNG."""
        size = self.call("Page.getLayoutMetrics", session=session)["cssContentSize"]
        height = min(size["height"], max_height) if max_height else size["height"]
        shot = self.call("Page.captureScreenshot", {"format": "png", "captureBeyondViewport": True,
                                                    "clip": {"x": 0, "y": 0, "width": size["width"],
                                                             "height": height, "scale": 1}}, session)  # fmt: skip
        Path(path).write_bytes(base64.b64decode(shot["data"]))

    def close(self) -> None:
        try:
            self.call("Browser.close")
        except (RuntimeError, OSError, TimeoutError):
            pass
        try:
            self.process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()
        for fd in (self._to_child, self._from_child):
            try:
                os.close(fd)
            except OSError:
                pass
        self.log.close()
        Path(self.log.name).unlink(missing_ok=True)
        shutil.rmtree(self.profile, ignore_errors=True)

    def __enter__(self) -> Browser:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def main(target: str) -> int:
    """Write the report of the fixture launches and its screenshot (docs/report.png)."""
    from datetime import UTC, datetime

    from launchdata import build_workspace
    from launchfeed.output.catalog import load_catalog
    from launchfeed.output.report import render_report

    from launchfeed.sources import place_names

    with tempfile.TemporaryDirectory() as directory:
        ws = build_workspace(Path(directory))
        page = Path(directory) / "report.html"
        page.write_text(render_report(load_catalog(ws.store.db), datetime(2026, 11, 24, 12, 0, tzinfo=UTC),
                                      places=place_names()),
                        encoding="utf-8")  # fmt: skip
        with Browser() as browser:
            session, run = browser.open(page.as_uri())
            if run.console_errors:
                print("console errors:", *run.console_errors, sep="\n  ", file=sys.stderr)
                return 1
            browser.screenshot(session, Path(target))
    print(f"wrote {target}")
    return 0


if __name__ == "__main__":
    sys.path.insert(0, str(Path(__file__).parent))
    sys.exit(main(sys.argv[1] if len(sys.argv) > 1 else "docs/report.png"))
