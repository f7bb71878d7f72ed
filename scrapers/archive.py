"""Content-addressed archive of raw response bytes.

Every body is written here before anything parses it, so parsing and extraction
can be replayed from the archive without the network (``launchfeed rebuild``).
"""

from __future__ import annotations

import hashlib
import os
import tempfile
import time
from pathlib import Path


class Archive:
    def __init__(self, root: Path | str) -> None:
        self.root = Path(root)

    def path_for(self, sha256: str) -> str:
        """Archive-relative path of a snapshot: ``ab/cd/abcd...``."""
        return f"{sha256[:2]}/{sha256[2:4]}/{sha256}"

    def put(self, content: bytes) -> tuple[str, str]:
        """Store bytes once; return (sha256, archive-relative path)."""
        sha256 = hashlib.sha256(content).hexdigest()
        relative = self.path_for(sha256)
        target = self.root / relative
        if not target.exists():
            target.parent.mkdir(parents=True, exist_ok=True)
            # temporary file then rename: a killed run never leaves half a snapshot
            fd, tmp = tempfile.mkstemp(dir=target.parent, prefix=".tmp-")
            try:
                with os.fdopen(fd, "wb") as handle:
                    handle.write(content)
                    handle.flush()
                    os.fsync(handle.fileno())
                os.replace(tmp, target)
            except BaseException:
                Path(tmp).unlink(missing_ok=True)
                raise
        return sha256, relative

    def remove_stale_temporaries(self, older_than: float = 3600.0) -> int:
        """Half-written snapshots of a killed run (an hour old: another run's write takes milliseconds)."""
        removed = 0
        for stale in self.root.glob("*/*/.tmp-*"):
            try:
                if time.time() - stale.stat().st_mtime > older_than:
                    stale.unlink()
                    removed += 1
            except FileNotFoundError:
                continue
        return removed

    def has(self, sha256: str) -> bool:
        return (self.root / self.path_for(sha256)).is_file()

    def get(self, relative_or_sha: str) -> bytes:
        relative = relative_or_sha if "/" in relative_or_sha else self.path_for(relative_or_sha)
        content = (self.root / relative).read_bytes()
        if hashlib.sha256(content).hexdigest() != Path(relative).name:
            raise ValueError(f"archive snapshot {relative} does not match its hash (corrupted file)")
        return content
