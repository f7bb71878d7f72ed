"""Text out of a PDF, with clear errors for the PDFs that have none to give, and bounded work.

pypdf's cost grows with what a PDF asks of it, not with its size: 150 KB of pages that share
one content stream of 100,000 text operators cost it two seconds a page. So PDFs are read in a
worker process that can be killed: each document gets TIME_LIMIT seconds of wall time, the
worker MEMORY_LIMIT bytes of address space, and no PDF of more than MAX_PAGES pages or MAX_TEXT
characters is read. A PDF past any of them is its item's parse_error, retried after the item's
backoff like any other, and the crawl goes on.

The worker is this module run as a program (``python -m launchfeed.scrapers.pdf``), started when
the first PDF is read and kept for the next ones (a rebuild reads thousands). It gets a PDF's
bytes and answers in JSON, so nothing it sends can make this process run code.
"""

from __future__ import annotations

import io
import json
import logging
import os
import resource
import select
import struct
import subprocess
import sys
import threading
import time
from dataclasses import dataclass
from datetime import datetime
from typing import BinaryIO

from launchfeed.scrapers.errors import SourceError

# pypdf logs broken PDFs as errors, which would reach a cron job's mail; a broken PDF is
# reported once, as the item's parse_error
logging.getLogger("pypdf").setLevel(logging.CRITICAL)
ADVICE = "open the PDF by hand to check it; later runs try the item again"

MAX_PAGES = 50  # a press release runs to a few pages, with its annexes
MAX_TEXT = 1_000_000  # characters: a hundred times a long release
TIME_LIMIT = 20.0  # seconds of wall time per document: a release takes a tenth of one
MEMORY_LIMIT = 1 << 30  # bytes of address space of the worker (Python and pypdf need about 100 MB)
LENGTH = struct.Struct(">I")  # each message on the worker's pipes: its length, then its bytes


@dataclass(frozen=True)
class PdfContent:
    text: str
    # the creation time the PDF states about itself (Info /CreationDate); naive when it gives no
    # UTC offset, None when it gives no time or it cannot be read
    created: datetime | None


def read_pdf(content: bytes, url: str = "") -> PdfContent:
    """The text and creation time of a PDF, read in the worker within the limits above."""
    if not content.startswith(b"%PDF"):
        raise SourceError("parse_error", "not a PDF (no %PDF header)", url=url, advice=ADVICE)
    answer = _WORKER.read(content)
    if "error" in answer:
        raise SourceError("parse_error", answer["error"], url=url, advice=ADVICE)
    text = answer["text"]
    if not text.strip():
        raise SourceError("parse_error", "PDF has no text layer (a scan?)", url=url, advice=ADVICE)
    if not any(char.isalnum() for char in text):  # a font without a usable ToUnicode map, a broken stream
        raise SourceError("parse_error", "PDF text layer holds no letters or digits", url=url, advice=ADVICE)
    return PdfContent(text, datetime.fromisoformat(answer["created"]) if answer["created"] else None)


class _Worker:
    """The worker process, one PDF at a time (sources read them rarely; one behind a stuck PDF waits
    no longer than TIME_LIMIT). A worker out of time is killed; the next PDF starts a new one."""

    def __init__(self) -> None:
        self._process: subprocess.Popen | None = None
        self._lock = threading.Lock()

    def read(self, content: bytes) -> dict:
        with self._lock:
            if self._process is None or self._process.poll() is not None:
                self._process = subprocess.Popen(
                    [sys.executable, "-m", __name__, str(MAX_PAGES), str(MAX_TEXT), str(MEMORY_LIMIT)],
                    stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                )  # fmt: skip
            process = self._process
            try:
                _send(process.stdin, content)
                answer = _receive(process.stdout, time.monotonic() + TIME_LIMIT)
            except TimeoutError:
                answer = {"error": f"PDF took longer than {TIME_LIMIT:g}s to read (it asks too much work of a "
                                   "reader); gave up"}  # fmt: skip
            except (OSError, EOFError):
                code = process.poll()
                answer = {"error": f"the PDF reader died on it (exit code {code}); gave up"}
            else:
                return json.loads(answer)
            process.kill()  # the only way to stop pypdf mid-page
            process.wait()
            self._process = None
            return answer


_WORKER = _Worker()


def _send(pipe: BinaryIO, data: bytes) -> None:
    pipe.write(LENGTH.pack(len(data)) + data)
    pipe.flush()


def _receive(pipe: BinaryIO, deadline: float) -> bytes:
    """One message from the worker, or TimeoutError once ``deadline`` (time.monotonic()) passes."""
    header = _read_exactly(pipe, LENGTH.size, deadline)
    return _read_exactly(pipe, LENGTH.unpack(header)[0], deadline)


def _read_exactly(pipe: BinaryIO, size: int, deadline: float) -> bytes:
    data = bytearray()
    while len(data) < size:
        left = deadline - time.monotonic()
        if left <= 0 or not select.select([pipe], [], [], left)[0]:
            raise TimeoutError
        chunk = os.read(pipe.fileno(), size - len(data))
        if not chunk:
            raise EOFError("the worker closed its pipe")
        data += chunk
    return bytes(data)


# -- the worker --------------------------------------------------------------------------------


def _extract(content: bytes, max_pages: int, max_text: int) -> dict:
    """What the worker answers for one PDF: its text and creation time, or why there are none."""
    from pypdf import PdfReader  # imported here: only the worker reads PDFs

    try:
        reader = PdfReader(io.BytesIO(content))
        if reader.is_encrypted and not reader.decrypt(""):
            return {"error": "PDF is encrypted with a password"}
        pages = len(reader.pages)
        if pages > max_pages:
            return {"error": f"PDF has {pages} pages, more than the {max_pages} a release could have; not read"}
        parts: list[str] = []
        size = 0
        for page in reader.pages:
            parts.append(page.extract_text() or "")
            size += len(parts[-1])
            if size > max_text:
                return {"error": f"PDF text runs past {max_text} characters, far more than a release has; not read"}
    except MemoryError:
        return {"error": f"PDF needs more than {MEMORY_LIMIT >> 20} MB to read; gave up"}
    except Exception as exc:
        # pypdf raises its own errors (PdfReadError, LimitReachedError for an object that refers
        # to itself, ...) and builtin ones from deep inside on hostile bytes: whichever it is, the
        # bytes could not be read, which is this item's parse_error and never the end of the crawl
        return {"error": f"broken PDF: {type(exc).__name__}: {exc}"}
    try:
        created = reader.metadata.creation_date if reader.metadata else None
    except Exception:  # a broken Info dictionary: no time given
        created = None
    return {"text": "\n".join(parts), "created": created.isoformat() if created else None}


def _serve(max_pages: int, max_text: int, memory: int) -> None:
    """The worker's loop: a PDF in, its answer out, until the pipe closes."""
    resource.setrlimit(resource.RLIMIT_AS, (memory, memory))
    requests, answers = sys.stdin.buffer, sys.stdout.buffer
    while header := requests.read(LENGTH.size):
        content = requests.read(LENGTH.unpack(header)[0])
        _send(answers, json.dumps(_extract(content, max_pages, max_text), ensure_ascii=False).encode("utf-8"))


if __name__ == "__main__":
    _serve(*(int(argument) for argument in sys.argv[1:4]))
