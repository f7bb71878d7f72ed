"""Running launchfeed in a child process, as cron does, and killing it mid-run."""

from __future__ import annotations

import signal
import subprocess
import sys
import threading


def kill_when(held: threading.Event, argv: list[str]) -> None:
    """``launchfeed ARGV`` in a child process, killed with SIGKILL as soon as ``held`` is set (a stand-in holds a
    request open and sets it): the kill lands in the middle of the run."""
    child = subprocess.Popen([sys.executable, "-m", "launchfeed.cli", *argv], stdout=subprocess.PIPE,
                             stderr=subprocess.PIPE)  # fmt: skip
    try:
        assert held.wait(60), child.communicate(timeout=5)
        child.send_signal(signal.SIGKILL)
        assert child.wait(10) == -signal.SIGKILL
    finally:
        if child.poll() is None:
            child.kill()
