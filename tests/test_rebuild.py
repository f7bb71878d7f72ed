"""`launchfeed rebuild`: the archive replayed with the current code, with no network at all."""

from __future__ import annotations

import csv
import socket

import pytest
from site_mod_jp import build_mod_jp_site

from launchfeed.cli import main


@pytest.fixture
def collected(site, tmp_path):
    """The mod_jp fixture site collected once; then the site goes away."""
    build_mod_jp_site(site)
    out = tmp_path / "out"
    assert main(["collect", "--source", "mod_jp", "--base-url", site.base_url, "--out", str(out), "--delay", "0"]) == 0
    site.stop()
    return out


@pytest.fixture
def no_network(monkeypatch) -> list[str]:
    """Every way out of the process to the network fails the test (and is recorded)."""
    attempts: list[str] = []

    def refuse(name):
        def blocked(*args, **kwargs):
            attempts.append(f"{name}{args[1:] if name.startswith('socket.') else args}")
            raise AssertionError(f"rebuild tried the network: {name}")

        return blocked

    monkeypatch.setattr(socket.socket, "connect", refuse("socket.connect"))
    monkeypatch.setattr(socket.socket, "connect_ex", refuse("socket.connect_ex"))
    monkeypatch.setattr(socket, "create_connection", refuse("create_connection"))
    monkeypatch.setattr(socket, "getaddrinfo", refuse("getaddrinfo"))
    return attempts


def rows(path) -> dict[str, dict]:
    with path.open(encoding="utf-8", newline="") as handle:
        return {row["url"].rsplit("/", 1)[-1]: row for row in csv.DictReader(handle)}


def test_rebuild_of_an_unchanged_archive_changes_nothing_and_never_touches_the_network(collected, no_network, capsys):
    before = {p.name: p.read_bytes() for p in collected.iterdir() if p.is_file() and not p.name.startswith("launchf")}
    capsys.readouterr()
    assert main(["rebuild", "--out", str(collected)]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out == [
        "re-parsed 5 archived documents: 0 changed (text or date), 0 kept as stored",
        "re-extracted them: 0 new statements, 0 revised, 0 withdrawn; 0 statement values changed",
        "launch events: 0 new, 0 revised, 0 merged or withdrawn; 0 launch values changed",
        "no output file changed",
    ]
    after = {p.name: p.read_bytes() for p in collected.iterdir() if p.is_file() and not p.name.startswith("launchf")}
    assert after == before
    assert no_network == []


def test_rebuild_restores_what_an_older_parser_and_extractor_stored(collected, no_network, capsys):
    from launchfeed.output.store import Store

    store = Store(collected / "launchfeed.sqlite")
    salvo = next(d for d in store.documents() if d.url.endswith("03d.html"))
    # an older parser lost the second paragraph; an older extractor read 999 km and three missiles
    store.db.execute("UPDATE documents SET text = ?, text_sha256 = 'old' WHERE id = ?",
                     (salvo.text.splitlines()[0], salvo.id))  # fmt: skip
    store.db.execute("UPDATE reports SET range_km = '[999.0]', count = 3 WHERE document_id = ?", (salvo.id,))
    store.close()
    capsys.readouterr()
    assert main(["rebuild", "--out", str(collected)]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out[0] == "re-parsed 5 archived documents: 1 changed (text or date), 0 kept as stored"
    assert out[1] == "re-extracted them: 0 new statements, 1 revised, 0 withdrawn; 2 statement values changed"
    # the files already held the right values (written before the store was tampered with)
    assert out[3] == "no output file changed"
    restored = Store(collected / "launchfeed.sqlite")
    assert next(d for d in restored.documents() if d.id == salvo.id).text == salvo.text
    report = next(r for r in restored.statements() if r.document_id == salvo.id)
    assert (report.range_km, report.count) == ([350.0], 2)
    # the change log says what the rebuild changed
    assert main(["changes", "--out", str(collected)]) == 0
    log = capsys.readouterr().out
    assert log.startswith("run 2 rebuild") and "documents: 1 re-parsed" in log
    assert "[count 3 → 2; range_km 999 → 350]" in log
    assert no_network == []


def test_rebuild_restores_the_date_a_release_prints_and_the_launch_date_read_against_it(collected, no_network,
                                                                                           capsys):  # fmt: skip
    from launchfeed.output.store import Store

    store = Store(collected / "launchfeed.sqlite")
    salvo = next(d for d in store.documents() if d.url.endswith("03d.html"))
    # an older parser took the feed's batch date, two days late, and 本日 was read against it
    store.db.execute("UPDATE documents SET published_at = '2026-10-05T00:00:00+09:00' WHERE id = ?", (salvo.id,))
    store.db.execute("UPDATE reports SET launch_date_local = '2026-10-05' WHERE document_id = ?", (salvo.id,))
    store.close()
    capsys.readouterr()
    assert main(["rebuild", "--out", str(collected)]) == 0
    assert (
        capsys.readouterr().out.splitlines()[0]
        == "re-parsed 5 archived documents: 1 changed (text or date), 0 kept as stored"
    )
    restored = Store(collected / "launchfeed.sqlite")
    document = next(d for d in restored.documents() if d.id == salvo.id)
    assert document.published_at.date().isoformat() == "2026-10-03"
    assert next(r for r in restored.statements() if r.document_id == salvo.id).launch_date_local == "2026-10-03"
    assert no_network == []


def test_an_unreadable_snapshot_is_reported_and_its_stored_text_kept(collected, no_network, capsys):
    from launchfeed.output.store import Store

    store = Store(collected / "launchfeed.sqlite")
    document = next(d for d in store.documents() if d.url.endswith("14b.html"))
    store.close()
    (collected / "archive" / document.raw_path).unlink()
    capsys.readouterr()
    assert main(["rebuild", "--out", str(collected)]) == 1
    captured = capsys.readouterr()
    [problem] = captured.err.splitlines()
    assert problem.startswith(f"launchfeed: {document.url} (mod_jp): snapshot {document.raw_path} unreadable")
    assert problem.endswith("stored text kept")
    assert captured.out.splitlines()[0] == "re-parsed 5 archived documents: 0 changed (text or date), 1 kept as stored"
    assert "14b.html" in rows(collected / "statements.csv")  # nothing lost
    assert no_network == []


def test_rebuild_waits_for_no_one(collected, capsys):
    from launchfeed.collect import run_lock

    with run_lock(collected):
        assert main(["rebuild", "--out", str(collected)]) == 75
    assert "another launchfeed run holds" in capsys.readouterr().err


def test_rebuild_without_a_store(tmp_path, capsys):
    assert main(["rebuild", "--out", str(tmp_path / "none")]) == 2
    assert "no store at" in capsys.readouterr().err
