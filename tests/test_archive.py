"""The content-addressed archive: snapshots by hash, and what a killed run leaves behind."""

from __future__ import annotations

import os
import time

import pytest
from launchfeed.scrapers.archive import Archive


def test_a_snapshot_is_stored_once_under_its_hash_and_read_back_checked(tmp_path):
    archive = Archive(tmp_path)
    sha, relative = archive.put(b"<html>release</html>")
    assert archive.put(b"<html>release</html>") == (sha, relative)
    assert relative == f"{sha[:2]}/{sha[2:4]}/{sha}" and archive.get(sha) == b"<html>release</html>"
    (tmp_path / relative).write_bytes(b"<html>edited on disk</html>")
    with pytest.raises(ValueError, match="does not match its hash"):
        archive.get(relative)


def test_half_written_snapshots_of_a_killed_run_are_removed_when_old(tmp_path):
    archive = Archive(tmp_path)
    _, relative = archive.put(b"kept")
    folder = (tmp_path / relative).parent
    old, young = folder / ".tmp-killed", folder / ".tmp-writing-now"
    old.write_bytes(b"hal")
    young.write_bytes(b"in progress")
    two_hours_ago = time.time() - 7200
    os.utime(old, (two_hours_ago, two_hours_ago))
    assert archive.remove_stale_temporaries() == 1
    assert not old.exists() and young.exists() and archive.get(relative) == b"kept"
