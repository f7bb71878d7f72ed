"""Writers for the output files. Every file is written whole to a temporary file in
the same directory and renamed over the old one, so a reader (or a run killed
half-way) only ever sees the last complete version. A run's files are all written
before any is renamed, so a full disk leaves every old file in place."""

from __future__ import annotations

import csv
import errno
import glob
import hashlib
import io
import json
import os
import re
import sqlite3
import tempfile
from collections.abc import Iterable
from datetime import datetime
from pathlib import Path
from typing import Any

from launchfeed.output.tables import LIST_SEPARATOR, Table

# A spreadsheet runs a cell that starts with one of these as a formula.
FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")
# ...but a UTC offset ("+09:00") or a plain number is data no spreadsheet can run
INERT_VALUE = re.compile(r"[+-](?:\d{2}:\d{2}|\d+(?:\.\d+)?)", re.ASCII)


# Characters XML 1.0 forbids: C0 controls but tab, line feed and carriage return, lone surrogates,
# U+FFFE and U+FFFF. One in a release title (an ESC, a BEL) makes the Atom feed unreadable to every
# XML parser and is noise anywhere else, so no output carries them.
XML_FORBIDDEN = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def clean_text(text: str) -> str:
    """The text without the characters XML 1.0 forbids (every output file's text goes through this)."""
    return XML_FORBIDDEN.sub("", text)


def clean_value(value: Any) -> Any:
    """``clean_text`` on every string of a JSON-like value (dicts, lists, scalars)."""
    if isinstance(value, str):
        return clean_text(value)
    if isinstance(value, list | tuple):
        return [clean_value(v) for v in value]
    if isinstance(value, dict):
        return {k: clean_value(v) for k, v in value.items()}
    return value


def web_url(url: str | None) -> str | None:
    """The URL when it is an http(s) one, else None: a feed's javascript:, data: or vbscript: link
    is shown as text and never becomes a link (in the Atom feed or the report)."""
    return url if url and url.lower().startswith(("https://", "http://")) else None


class OutputError(Exception):
    """An output file (or the store) could not be written; the previous version is intact."""


class DiskFull(OutputError):
    """The disk that holds a file or the store is full (ENOSPC, a quota, SQLITE_FULL)."""


TEMP_SUFFIX = ".tmp"


def is_disk_full(exc: BaseException) -> bool:
    """A write refused for want of space: ENOSPC or EDQUOT from the system, SQLITE_FULL from SQLite
    (which is also what SQLite says when the disk under its database or journal fills up)."""
    if isinstance(exc, OSError):
        return exc.errno in (errno.ENOSPC, errno.EDQUOT)
    return isinstance(exc, sqlite3.Error) and getattr(exc, "sqlite_errorcode", None) == sqlite3.SQLITE_FULL


def what_to_do(exc: BaseException, directory: Path) -> str:
    """The advice that goes with a failed write, by its cause."""
    if is_disk_full(exc):
        return f"free space on the disk that holds {directory} (or point --data-dir elsewhere) and run again"
    if isinstance(exc, OSError) and exc.errno in (errno.EACCES, errno.EPERM, errno.EROFS):
        return f"make {directory} writable for this user (or point --data-dir elsewhere) and run again"
    return f"check {directory} and run again"


def write_failure(what: str, path: Path, exc: BaseException, kept: str = "") -> OutputError:
    """One line for a write that failed: what could not be written (``what``: "write", "create the lock
    file", ...), the path, why, what was left as it was (``kept``) and what to do. A full disk says so
    first, whichever way it showed (a failed write, a failed rename, SQLITE_FULL)."""
    reason = (exc.strerror if isinstance(exc, OSError) else None) or str(exc)
    kept = f"; {kept}" if kept else ""
    if is_disk_full(exc):
        return DiskFull(f"disk full: cannot {what} {path} ({reason}){kept}; {what_to_do(exc, path.parent)}")
    return OutputError(f"cannot {what} {path}: {reason}{kept}; {what_to_do(exc, path.parent)}")


def _failure(path: Path, exc: OSError, changed: str = "no output file was changed") -> OutputError:
    return write_failure("write", path, exc, changed)


def atomic_write(path: Path, data: str | bytes) -> None:
    write_files({Path(path): data})


def write_files(files: dict[Path, str | bytes]) -> None:
    """Write every file whole to a temporary file beside it, then rename them all into place.
    A full disk or a refused write fails before anything is renamed: every old file stays as
    it was, none half-written and none replaced."""
    staged: list[tuple[str, Path]] = []
    try:
        for path, data in files.items():
            staged.append((_stage(path, data.encode("utf-8") if isinstance(data, str) else data), path))
    except OutputError:
        for tmp, _ in staged:
            Path(tmp).unlink(missing_ok=True)
        raise
    replace_staged(staged)


def replace_staged(staged: list[tuple[str, Path]]) -> None:
    """Rename staged temporary files (written and synced) over their files, in order."""
    for done, (tmp, path) in enumerate(staged):
        try:
            os.replace(tmp, path)
        except OSError as exc:
            for rest, _ in staged[done:]:
                Path(rest).unlink(missing_ok=True)
            changed = f"{done} of {len(staged)} files were replaced before it" if done else "no output file was changed"
            raise _failure(path, exc, changed) from exc


class StagedFile:
    """An output file written a piece at a time to a temporary file beside it (never whole in memory),
    hashed as it is written; ``close`` tells whether it differs from ``current`` (the SHA-256 of the file
    it would replace) and, when it does, syncs it to disk to be renamed (``replace_staged``), else
    removes it."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.digest = hashlib.sha256()
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            fd, self.tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=TEMP_SUFFIX)
        except OSError as exc:
            raise _failure(path, exc) from exc
        self.handle = os.fdopen(fd, "wb")

    def write(self, text: str) -> None:
        data = text.encode("utf-8")
        self.digest.update(data)
        try:
            self.handle.write(data)
        except OSError as exc:
            self.discard()
            raise _failure(self.path, exc) from exc

    @property
    def sha256(self) -> str:
        return self.digest.hexdigest()

    def close(self, current: str | None) -> bool:
        """True when it is to replace the file (its content differs from ``current``)."""
        if self.sha256 == current:
            self.discard()
            return False
        try:
            self.handle.flush()
            os.fsync(self.handle.fileno())
            self.handle.close()
            # mkstemp makes the file private (0600): keep the old file's mode, or make it readable like any new file
            os.chmod(self.tmp, self.path.stat().st_mode & 0o777 if self.path.exists() else 0o644)
        except OSError as exc:
            self.discard()
            raise _failure(self.path, exc) from exc
        return True

    def discard(self) -> None:
        self.handle.close()
        Path(self.tmp).unlink(missing_ok=True)


def file_sha256(path: Path) -> str | None:
    """The SHA-256 of a file's bytes, read a block at a time (None when there is no file)."""
    try:
        with open(path, "rb") as handle:
            return hashlib.file_digest(handle, "sha256").hexdigest()
    except FileNotFoundError:
        return None


def _stage(path: Path, payload: bytes) -> str:
    """The content in a temporary file beside ``path``, on disk (fsync); returns its name."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=TEMP_SUFFIX)
    except OSError as exc:
        raise _failure(path, exc) from exc
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(payload)
            handle.flush()
            os.fsync(handle.fileno())
        # mkstemp makes the file private (0600): keep the old file's mode, or make it readable like any new file
        os.chmod(tmp, path.stat().st_mode & 0o777 if path.exists() else 0o644)
    except OSError as exc:
        Path(tmp).unlink(missing_ok=True)
        raise _failure(path, exc) from exc
    return tmp


def remove_stale_temporaries(directory: Path, names: Iterable[str]) -> None:
    """Temporary files of these outputs that a killed run left behind (call it holding the run lock)."""
    for name in names:
        for stale in directory.glob(f".{glob.escape(name)}.*{TEMP_SUFFIX}"):
            stale.unlink(missing_ok=True)


def format_number(value: float) -> str:
    return str(int(value)) if float(value).is_integer() else repr(float(value))


def neutralize(text: str) -> str:
    """A leading ' keeps a spreadsheet from running a text cell as a formula."""
    if text.startswith(FORMULA_PREFIXES) and not INERT_VALUE.fullmatch(text):
        return "'" + text
    return text


def iso_datetime(value: Any) -> str:
    """ISO 8601 with a numeric UTC offset ("Z" becomes "+00:00"): one spelling per column."""
    if isinstance(value, datetime):
        return value.isoformat()
    try:
        return datetime.fromisoformat(str(value)).isoformat()
    except ValueError:
        return str(value)


def csv_cell(value: Any, kind: str) -> str:
    """One CSV cell: empty for unknown, lists joined, times with offsets, characters XML forbids removed,
    formulas neutralized."""
    if value is None or value == []:
        return ""
    if kind == "boolean":
        return "true" if value else "false"
    if kind == "datetime":
        return iso_datetime(value)
    if isinstance(value, list):
        text = LIST_SEPARATOR.join(format_number(v) if isinstance(v, int | float) else str(v) for v in value)
    elif isinstance(value, float):
        return format_number(value)
    else:
        text = str(value)
    text = clean_text(text)
    return neutralize(text) if kind == "string" else text


def csv_row(table: Table, row: dict) -> list[str]:
    return [csv_cell(row.get(column.name), column.type) for column in table.columns]


def write_csv(out: Any, table: Table, rows: Iterable[dict]) -> None:
    """A CSV file (header and rows) to ``out``, anything with ``write(str)``."""
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow([column.name for column in table.columns])
    for row in rows:
        writer.writerow(csv_row(table, row))


def render_csv(table: Table, rows: Iterable[dict]) -> str:
    buffer = io.StringIO()
    write_csv(buffer, table, rows)
    return buffer.getvalue()


def jsonl_line(row: dict) -> str:
    """One JSON object on a line, its keys in the row's order (the table's columns, or --columns)."""
    return json.dumps(clean_value(row), ensure_ascii=False, default=str) + "\n"


def render_jsonl(rows: Iterable[dict]) -> str:
    return "".join(jsonl_line(row) for row in rows)
