"""Every command and every option of build_parser(), each run once through main() with the
example the parser declares for it (launchfeed.cli.option; a flag or a choice needs none), in a
working directory that holds the demo data set as its data directory: an option added later is
run here without editing this file. A usage error, an exception or a traceback fails it."""

from __future__ import annotations

import argparse
import json
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from site_indopacom import build_indopacom_site
from sitekit import FixtureSite

from launchfeed.cli import build_parser, main
from launchfeed.demo import write_demo
from launchfeed.sources import crawlers

REFERENCE = {"timeBins": [{"year": 2025, "data": [
    {"date": "2025-01-13", "time": "22:44 (UTC)", "series": 1, "facility": "pyongyang", "distance": 350, "apogee": 50},
    {"date": "2025-01-13", "time": "22:44 (UTC)", "series": 2, "facility": "pyongyang", "distance": 350, "apogee": 50},
]}]}  # fmt: skip
STATEMENT = "北朝鮮は本日７時４４分頃、弾道ミサイル２発を東方向に発射しました。約３５０ｋｍ飛翔しました。"


def invocations() -> Iterator[tuple[str, list[str]]]:
    """(id, argv) for the bare commands, each positional choice, and each option."""
    parser = build_parser()
    for action in parser._actions:  # the options before a command
        if isinstance(action, argparse._VersionAction):
            yield "--version", ["--version"]
        elif action.option_strings and not isinstance(action, argparse._HelpAction | argparse._SubParsersAction):
            yield f"{action.option_strings[0]} before the command", [*argv_of(action), "sources"]
    [commands] = [a for a in parser._actions if isinstance(a, argparse._SubParsersAction)]
    for name, command in commands.choices.items():
        positionals = [a for a in command._actions if not a.option_strings]
        base = [name, *(token for a in positionals for token in argv_of(a, first_choice=True))]
        yield name, base
        for action in command._actions:
            if isinstance(action, argparse._HelpAction):
                continue
            if not action.option_strings:  # a positional: each of its choices
                for choice in (action.choices or [])[1:]:
                    yield f"{name} {choice}", [name, *(choice if a is action else t for a in positionals
                                                       for t in argv_of(a, first_choice=True))]  # fmt: skip
                continue
            for argv in each_use(action):
                yield f"{name} {' '.join(argv)}", [*base, *argv]


def each_use(action: argparse.Action) -> list[list[str]]:
    flag = action.option_strings[0]
    if action.choices:
        return [[flag, str(choice)] for choice in action.choices]
    if action.nargs == 0:
        return [[flag]]
    return [argv_of(action)]


def argv_of(action: argparse.Action, first_choice: bool = False) -> list[str]:
    if first_choice and action.choices:
        return [str(next(iter(action.choices)))]
    example = getattr(action, "example", None)
    name = "/".join(action.option_strings) or action.dest
    assert example, f"{name} takes a value but declares no example: give it one with launchfeed.cli.option()"
    return example


@pytest.fixture(scope="module")
def home(tmp_path_factory) -> Iterator[Path]:
    """A working directory as a user's: the demo data set in ./launchfeed-data, a config that turns every
    source off (and points indopacom at a copy of its site), a text, a batch and a reference file."""
    site = FixtureSite().start()
    build_indopacom_site(site)
    home = tmp_path_factory.mktemp("home")
    write_demo(home / "launchfeed-data").store.close()
    lines = []
    for source in crawlers():
        lines += [f"[sources.{source}]", "enabled = false"]
        if source == "indopacom":
            lines.append(f'base_url = "{site.base_url}"')
    (home / "launchfeed.toml").write_text("\n".join(lines) + "\n", encoding="utf-8")
    (home / "statement.txt").write_text(STATEMENT, encoding="utf-8")
    batch = [{"id": "a", "text": STATEMENT, "lang": "ja", "published": "2026-12-01", "source": "mod_jp"}]
    (home / "statements.jsonl").write_text("".join(json.dumps(item) + "\n" for item in batch), encoding="utf-8")
    (home / "nk_missile_tests.json").write_text(json.dumps(REFERENCE), encoding="utf-8")
    facilities = {"facilities": {"pyongyang": {"name": "Pyongyang", "lat": 39.03, "lon": 125.75}}}
    (home / "nk_missile_facilities.json").write_text(json.dumps(facilities), encoding="utf-8")
    try:
        yield home
    finally:
        site.stop()


CASES = list(invocations())


@pytest.mark.parametrize("argv", [argv for _, argv in CASES], ids=[case_id for case_id, _ in CASES])
def test_every_command_and_option_runs(argv, home, tmp_path, monkeypatch, capsys):
    shutil.copytree(home, tmp_path, dirs_exist_ok=True)
    monkeypatch.chdir(tmp_path)
    monkeypatch.setattr("sys.stdin", open("statement.txt", encoding="utf-8"))  # noqa: SIM115 (closed by pytest)
    try:
        code = main(argv)
    except SystemExit as exited:  # argparse: --version (0), a usage error (2)
        code = exited.code
    captured = capsys.readouterr()
    said = captured.out + captured.err
    assert code in (0, 1), f"exit {code}: {said}"
    assert "Traceback" not in said and "internal_error" not in said, said


def test_the_cases_cover_what_the_issue_names():
    """The options that were never run before this test (and the ones added with it)."""
    ids = {case_id for case_id, _ in CASES}
    for expected in ("--config before the command", "crosscheck --facilities nk_missile_facilities.json",
                     "query --csv", "report --output report-copy.html", "collect --notify http://127.0.0.1:9/hook",
                     "extract --format table", "demo", "--version"):  # fmt: skip
        assert expected in ids, expected
