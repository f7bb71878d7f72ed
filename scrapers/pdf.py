"""Text out of a PDF, with clear errors for the PDFs that have none to give."""

from __future__ import annotations

import io
import logging
from datetime import datetime

from pypdf import PdfReader
from pypdf.errors import PdfReadError

from scrapers.errors import SourceError

logging.getLogger("pypdf").setLevel(logging.ERROR)  # pypdf warns loudly about harmless quirks


def pdf_text(content: bytes, url: str = "") -> str:
    if not content.startswith(b"%PDF"):
        raise SourceError("parse_error", "not a PDF (no %PDF header)", url=url)
    try:
        reader = PdfReader(io.BytesIO(content))
        if reader.is_encrypted and not reader.decrypt(""):
            raise SourceError("parse_error", "PDF is encrypted with a password", url=url)
        text = "\n".join(page.extract_text() or "" for page in reader.pages)
    except SourceError:
        raise
    except (PdfReadError, ValueError, KeyError, TypeError, IndexError, AttributeError, NotImplementedError) as exc:
        raise SourceError("parse_error", f"broken PDF: {type(exc).__name__}: {exc}", url=url) from exc
    if not text.strip():
        raise SourceError("parse_error", "PDF has no text layer (a scan?)", url=url)
    return text


def pdf_created(content: bytes) -> datetime | None:
    """The creation time a PDF states about itself (Info /CreationDate); naive when
    the PDF gives no UTC offset, None when it gives no time or cannot be read."""
    try:
        reader = PdfReader(io.BytesIO(content))
        return reader.metadata.creation_date if reader.metadata else None
    except (PdfReadError, ValueError, KeyError, TypeError, IndexError, AttributeError, NotImplementedError):
        return None
