"""Text out of a PDF, with clear errors for the PDFs that have none to give."""

from __future__ import annotations

import io
import logging
from datetime import datetime

from launchfeed.scrapers.errors import SourceError
from pypdf import PdfReader

# pypdf logs broken PDFs as errors, which would reach a cron job's mail; a broken PDF is
# reported once, as the item's parse_error
logging.getLogger("pypdf").setLevel(logging.CRITICAL)
ADVICE = "open the PDF by hand to check it; later runs try the item again"


def pdf_text(content: bytes, url: str = "") -> str:
    if not content.startswith(b"%PDF"):
        raise SourceError("parse_error", "not a PDF (no %PDF header)", url=url, advice=ADVICE)
    try:
        reader = PdfReader(io.BytesIO(content))
        if reader.is_encrypted and not reader.decrypt(""):
            raise SourceError("parse_error", "PDF is encrypted with a password", url=url, advice=ADVICE)
        text = "\n".join(page.extract_text() or "" for page in reader.pages)
    except SourceError:
        raise
    except Exception as exc:
        # pypdf raises its own errors (PdfReadError, LimitReachedError for an object that refers
        # to itself, ...) and builtin ones from deep inside on hostile bytes: whichever it is, the
        # bytes could not be read, which is this item's parse_error and never the end of the crawl
        raise SourceError("parse_error", f"broken PDF: {type(exc).__name__}: {exc}", url=url, advice=ADVICE) from exc
    if not text.strip():
        raise SourceError("parse_error", "PDF has no text layer (a scan?)", url=url, advice=ADVICE)
    if not any(char.isalnum() for char in text):  # a font without a usable ToUnicode map, a broken stream
        raise SourceError("parse_error", "PDF text layer holds no letters or digits", url=url, advice=ADVICE)
    return text


def pdf_created(content: bytes) -> datetime | None:
    """The creation time a PDF states about itself (Info /CreationDate); naive when
    the PDF gives no UTC offset, None when it gives no time or cannot be read."""
    try:
        reader = PdfReader(io.BytesIO(content))
        return reader.metadata.creation_date if reader.metadata else None
    except Exception:  # anything pypdf raises on broken bytes (see pdf_text): no time given
        return None
