"""The CLI's conventions: --version, global options on either side of the command, one name for
the data directory (--data-dir, --out kept as its alias), a default data directory that is not the
code, and read-only commands that create nothing."""

from __future__ import annotations

import shutil
import subprocess
import sys
from importlib.metadata import version
from pathlib import Path

import pytest
from launchdata import build_workspace

from launchfeed.cli import main

READ_ONLY = (["sources"], ["query", "launches"], ["changes"], ["report"], ["crosscheck", "reference.json"])


@pytest.fixture(scope="module")
def demo(tmp_path_factory) -> Path:
    directory = tmp_path_factory.mktemp("demo") / "launchfeed-data"
    build_workspace(directory).store.close()
    return directory


def test_version():
    done = subprocess.run([sys.executable, "-m", "launchfeed.cli", "--version"], capture_output=True, text=True)
    assert done.returncode == 0 and done.stdout == f"launchfeed {version('launchfeed')}\n"


def test_config_before_or_after_the_command(tmp_path, capsys, monkeypatch):
    monkeypatch.chdir(tmp_path)
    missing = tmp_path / "missing.toml"
    for argv in (["--config", str(missing), "sources"], ["sources", "--config", str(missing)]):
        assert main(argv) == 2
        assert capsys.readouterr().err == f"launchfeed: config file {missing} does not exist\n"
    (tmp_path / "other.toml").write_text("[sources.yonhap_en]\nenabled = true\n", encoding="utf-8")
    # given twice, the one after the command wins
    assert main(["--config", str(missing), "sources", "--config", "other.toml"]) == 0
    assert "yonhap_en  never run" in capsys.readouterr().out


def test_data_dir_and_its_alias_out_name_the_same_directory(demo, capsys):
    outputs = []
    for option in ("--data-dir", "--out"):
        assert main(["query", "launches", option, str(demo), "--columns", "event_id"]) == 0
        outputs.append(capsys.readouterr().out)
    assert outputs[0] == outputs[1] and len(outputs[0].splitlines()) == 8


def test_the_default_data_directory_is_launchfeed_data_where_it_runs(demo, tmp_path, capsys, monkeypatch):
    monkeypatch.chdir(tmp_path)
    shutil.copytree(demo, tmp_path / "launchfeed-data")
    assert main(["query", "launches", "--columns", "event_id"]) == 0
    assert len(capsys.readouterr().out.splitlines()) == 8
    assert main(["report"]) == 0
    assert (tmp_path / "launchfeed-data" / "report.html").is_file()


@pytest.mark.parametrize("argv", READ_ONLY, ids=" ".join)
def test_read_only_commands_create_nothing(argv, tmp_path, capsys, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "reference.json").write_text('{"timeBins": []}', encoding="utf-8")
    code = main(argv)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["reference.json"]
    if argv == ["sources"]:  # no store yet: no source has run
        assert code == 0 and "never run" in capsys.readouterr().out
    else:
        assert code == 2
        assert capsys.readouterr().err.startswith("launchfeed: no store at launchfeed-data/launchfeed.sqlite: ")


def test_an_earlier_versions_data_in_output_is_never_forked(demo, tmp_path, capsys, monkeypatch):
    """./output was the default data directory: a crontab without --out that ran there is told
    where its data is, rather than starting a second store in ./launchfeed-data."""
    monkeypatch.chdir(tmp_path)
    shutil.copytree(demo, tmp_path / "output")
    assert main(["collect", "--source", "mod_jp"]) == 2
    message = capsys.readouterr().err
    assert message.startswith("launchfeed: the default data directory is now ./launchfeed-data, and ")
    assert "give --data-dir output to go on using it" in message
    assert sorted(p.name for p in tmp_path.iterdir()) == ["output"]
    assert main(["query", "launches", "--out", "output", "--columns", "event_id"]) == 0


def test_ids_are_case_insensitive(demo, capsys):
    def rows(*args: str) -> str:
        assert main(["query", *args, "--data-dir", str(demo)]) == 0, capsys.readouterr().err
        return capsys.readouterr().out

    assert rows("statements", "--authority", "KCNA,Jcs") == rows("statements", "--authority", "kcna,jcs")
    assert rows("launches", "--class", "ICBM") == rows("launches", "--class", "icbm")
    assert rows("statements", "--source", "MOD_JP") == rows("statements", "--source", "mod_jp")
    assert rows("launches", "--disagrees", "Count") == rows("launches", "--disagrees", "count")
    assert len(rows("launches", "--class", "ICBM").splitlines()) == 2


@pytest.mark.parametrize("command", [["query", "launches"], ["crosscheck", "reference.json"]], ids=" ".join)
def test_since_after_until_is_an_error(command, demo, tmp_path, capsys, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "reference.json").write_text('{"timeBins": []}', encoding="utf-8")
    assert main([*command, "--data-dir", str(demo), "--since", "2026-03", "--until", "2026-02-28"]) == 2
    assert capsys.readouterr().err == (
        "launchfeed: --since 2026-03 is after --until 2026-02-28: no date is in between\n"
    )
    assert main([*command, "--data-dir", str(demo), "--since", "2026-02-30"]) == 2
    assert capsys.readouterr().err.startswith("launchfeed: --since: not a date: '2026-02-30'")
    assert main([*command, "--data-dir", str(demo), "--since", "2026", "--until", "2026"]) == 0
