"""launchfeed.toml is checked: an unknown section or key names the nearest valid one, a value of
the wrong type is refused (never read as something else), and every key is documented in the
README."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from launchfeed.cli import main
from launchfeed.config import NOTIFY_KEYS, SOURCE_KEYS, TOP_KEYS, ConfigError, load_config

SOURCES = ("jcs_kr", "kcna", "mod_jp")
README = Path(__file__).resolve().parent.parent / "README.md"


def load(tmp_path: Path, text: str):
    (tmp_path / "launchfeed.toml").write_text(text, encoding="utf-8")
    return load_config(tmp_path / "launchfeed.toml", SOURCES)


def test_a_valid_file_is_read(tmp_path):
    config = load(
        tmp_path, 'user_agent = "me"\n[sources.kcna]\nenabled = false\nbase_url = "http://127.0.0.1:1"\ndeadline = 90\n'
    )
    assert config.deadline_for("kcna") == 90.0
    assert (config.user_agent, config.enabled("kcna"), config.base_url_for("kcna")) == (
        "me",
        False,
        "http://127.0.0.1:1",
    )


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ('useragent = "me"', "unknown key 'useragent'; did you mean 'user_agent'?"),
        ('[source.kcna]\nenabled = true', "unknown key 'source'; did you mean 'sources'?"),
        ("[sources.kcan]\nenabled = true", "unknown source [sources.kcan]; did you mean 'kcna'?"),
        ("[sources.kcna]\nenable = true", "unknown key 'enable' in [sources.kcna]; did you mean 'enabled'?"),
        ('[sources.kcna]\nenabled = "false"', "enabled in [sources.kcna] must be true or false, not the string "
         "'false' (write enabled = false, without quotes)"),
        ("[sources.kcna]\nenabled = 0", "enabled in [sources.kcna] must be true or false, not the number 0"),
        ("[sources.kcna]\nproxy = 3128", "proxy in [sources.kcna] must be a string, not the number 3128"),
        ("user_agent = true", "user_agent must be a string, not the boolean True"),
        ('[sources.kcna]\ndeadline = "300"', "deadline in [sources.kcna] must be a number, not the string '300'"),
        ("[sources.kcna]\ndeadline = 0", "deadline in [sources.kcna] must be a number of seconds above 0, not 0"),
        ("sources = 1", "sources must be a table, not the number 1"),
        ("[sources]\nkcna = 1", "sources.kcna must be a table ([sources.kcna])"),
        ("[sources.kcna\nenabled = true", "cannot read it: "),
    ],
)  # fmt: skip
def test_a_mistake_is_named_with_the_nearest_valid_name(tmp_path, text, message):
    with pytest.raises(ConfigError) as caught:
        load(tmp_path, text)
    assert message in str(caught.value) and str(caught.value).startswith(str(tmp_path / "launchfeed.toml"))


def test_the_commands_refuse_a_wrong_file_with_exit_code_2(tmp_path, capsys, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "launchfeed.toml").write_text('[sources.jcs_kr]\nenabled = "false"\n', encoding="utf-8")
    for argv in (["collect"], ["sources"]):
        assert main(argv) == 2
        [line] = capsys.readouterr().err.splitlines()
        assert line.startswith("launchfeed: launchfeed.toml: enabled in [sources.jcs_kr] must be true or false")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["launchfeed.toml"]  # nothing ran


def test_every_key_is_documented_in_the_readme():
    section = README.read_text(encoding="utf-8").split("## Configuration", 1)[1].split("\n## ", 1)[0]
    documented = set(re.findall(r"^\| `([a-z_]+)` \|", section, re.M))
    assert documented == {key for key in [*TOP_KEYS, *SOURCE_KEYS, *NOTIFY_KEYS] if key not in ("sources", "notify")}
