"""`launchfeed demo [DIR]`: the demo data set shipped in the package, written as a collect would
leave it, so query, report and the files can be tried offline (nothing is fetched)."""

from __future__ import annotations

import csv

from launchfeed.cli import main


def test_demo_writes_a_data_directory_to_try_every_command_on(tmp_path, capsys, monkeypatch):
    monkeypatch.chdir(tmp_path)
    assert main(["demo"]) == 0
    said = capsys.readouterr().out
    assert said.startswith("wrote the demo data set to launchfeed-demo: 18 statements on 7 launch events (invented)")
    assert "launchfeed query launches --data-dir launchfeed-demo --table" in said
    demo = tmp_path / "launchfeed-demo"
    files = {p.name for p in demo.iterdir()}
    assert {"launches.csv", "statements.csv", "launches.atom", "datapackage.json", "report.html"} <= files
    assert {"launchfeed.sqlite", "archive"} <= files
    with (demo / "launches.csv").open(encoding="utf-8", newline="") as handle:
        assert len(list(csv.DictReader(handle))) == 7
    for argv in (["query", "launches", "--table"], ["changes"], ["report"], ["sources"]):
        assert main([*argv, "--data-dir", "launchfeed-demo"]) == 0, argv
    assert not (tmp_path / "launchfeed-data").exists()  # the real data directory is left alone


def test_demo_never_writes_over_a_store(tmp_path, capsys):
    target = tmp_path / "mine"
    assert main(["demo", str(target)]) == 0
    before = (target / "launchfeed.sqlite").read_bytes()
    capsys.readouterr()
    assert main(["demo", str(target)]) == 2
    assert capsys.readouterr().err == f"launchfeed: {target} already holds a store; give a new directory for the demo\n"
    assert (target / "launchfeed.sqlite").read_bytes() == before
