"""A one-line progress bar on a terminal; nothing at all anywhere else (cron, pipes, log files)."""

from __future__ import annotations

import shutil
import sys
import time
from typing import TextIO


class ProgressBar:
    """Call it with (what, done, total); ``clear()`` before printing anything else."""

    def __init__(self, stream: TextIO | None = None, interval: float = 0.1) -> None:
        self.stream = stream or sys.stderr
        self.enabled = bool(getattr(self.stream, "isatty", lambda: False)())
        self.interval = interval
        self._last = 0.0
        self._shown = False

    def __call__(self, what: str, done: int, total: int) -> None:
        if not self.enabled:
            return
        now = time.monotonic()
        if done < total and now - self._last < self.interval:
            return  # at most ten redraws a second, and always the last one
        self._last = now
        width = max(20, shutil.get_terminal_size((80, 24)).columns - 1)
        label = f" {done}/{total} {what}"
        cells = max(10, min(30, width - len(label) - 2))
        filled = cells * done // max(total, 1)
        line = f"[{'#' * filled}{'.' * (cells - filled)}]{label}"[:width]
        self.stream.write("\r" + line.ljust(width))
        self.stream.flush()
        self._shown = True

    def clear(self) -> None:
        if self._shown:
            width = max(20, shutil.get_terminal_size((80, 24)).columns - 1)
            self.stream.write("\r" + " " * width + "\r")
            self.stream.flush()
            self._shown = False
