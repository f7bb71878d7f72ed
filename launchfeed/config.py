"""Settings for a run: the config file (TOML) and environment variables.

    # launchfeed.toml
    user_agent = "launchfeed/0.1 (+https://example.org/contact)"
    [sources.jcs_kr]
    proxy = "http://user:pass@proxy.example.kr:3128"
    enabled = true
    deadline = 300                       # seconds one collect gives this source (default: its module's)
    [sources.kcna]
    base_url = "http://127.0.0.1:8080"   # fetch its paths from a mirror (or a test site)
    [notify.team]
    url = "https://hooks.slack.com/services/..."
    format = "slack"
    [notify.pager]
    command = ["/usr/local/bin/page", "--launch"]   # the notice as JSON on its standard input

Environment variables win over the file: LAUNCHFEED_USER_AGENT and, per source,
LAUNCHFEED_<SOURCE>_PROXY (e.g. LAUNCHFEED_JCS_KR_PROXY).

The file is checked before anything runs: an unknown section or key is an error naming the
nearest valid one, and a value of the wrong type (``enabled = "false"``) is an error, never
read as something else. What each key means is documented once, in the README's
Configuration section (a test checks that it lists every key declared here).
"""

from __future__ import annotations

import difflib
import os
import tomllib
from collections.abc import Collection
from dataclasses import dataclass, field
from pathlib import Path

from launchfeed.output.notices import FORMATS as NOTICE_FORMATS

DEFAULT_CONFIG = Path("launchfeed.toml")

# key -> its TOML type, per table of the file
TOP_KEYS: dict[str, type] = {"user_agent": str, "sources": dict, "notify": dict}
SOURCE_KEYS: dict[str, type] = {"proxy": str, "enabled": bool, "base_url": str, "deadline": float}
NOTIFY_KEYS: dict[str, type] = {"url": str, "command": list, "format": str}
TOML_TYPE_NAMES = {str: "a string", bool: "true or false", dict: "a table", float: "a number", list: "a list"}


class ConfigError(Exception):
    """The config file cannot be used; the message names the file, the place and what to write."""


@dataclass
class Config:
    user_agent: str | None = None
    sources: dict[str, dict] = field(default_factory=dict)
    notify: dict[str, dict] = field(default_factory=dict)  # sink name -> url or command, format

    def proxy_for(self, source: str) -> str | None:
        return os.environ.get(proxy_env(source)) or self.sources.get(source, {}).get("proxy")

    def base_url_for(self, source: str) -> str | None:
        """A host to fetch the source's paths from instead of its own (records keep the publisher's URLs)."""
        return self.sources.get(source, {}).get("base_url")

    def deadline_for(self, source: str) -> float | None:
        """Seconds one collect gives the source, when the config says (None: its declaration's)."""
        value = self.sources.get(source, {}).get("deadline")
        return None if value is None else float(value)

    def enabled(self, source: str) -> bool | None:
        """True or False when the config says so; None when it is silent."""
        return self.sources.get(source, {}).get("enabled")


def proxy_env(source: str) -> str:
    return f"LAUNCHFEED_{source.upper()}_PROXY"


def load_config(path: Path | None, known_sources: Collection[str] = ()) -> Config:
    """The config file given, else ./launchfeed.toml when there is one, checked (``known_sources``:
    the ids a [sources.ID] section may name)."""
    target = path or DEFAULT_CONFIG
    data: dict = {}
    if target.exists():
        try:
            data = tomllib.loads(target.read_text(encoding="utf-8"))
        except (tomllib.TOMLDecodeError, UnicodeDecodeError, OSError) as exc:
            raise ConfigError(f"{target}: cannot read it: {exc}") from exc
    elif path is not None:
        raise ConfigError(f"config file {path} does not exist")
    check(data, known_sources, where=str(target))
    return Config(
        user_agent=os.environ.get("LAUNCHFEED_USER_AGENT") or data.get("user_agent"),
        sources=data.get("sources", {}),
        notify=data.get("notify", {}),
    )


def check(data: dict, known_sources: Collection[str], where: str) -> None:
    """Raise ConfigError on the first unknown name or wrongly typed value."""
    _check_table(data, TOP_KEYS, where, "")
    for source, settings in data.get("sources", {}).items():
        if source not in known_sources:
            raise ConfigError(f"{where}: unknown source [sources.{source}]{_nearest(source, known_sources)}")
        if not isinstance(settings, dict):
            raise ConfigError(f"{where}: sources.{source} must be a table ([sources.{source}])")
        _check_table(settings, SOURCE_KEYS, where, f"[sources.{source}]")
        if settings.get("deadline", 1) <= 0:
            raise ConfigError(f"{where}: deadline in [sources.{source}] must be a number of seconds above 0, "
                              f"not {settings['deadline']!r}")  # fmt: skip
    for name, sink in data.get("notify", {}).items():
        section = f"[notify.{name}]"
        if not isinstance(sink, dict):
            raise ConfigError(f"{where}: notify.{name} must be a table ({section})")
        _check_table(sink, NOTIFY_KEYS, where, section)
        if ("url" in sink) == ("command" in sink):
            raise ConfigError(f"{where}: {section} needs a url or a command (one of them)")
        if "url" in sink and not sink["url"].lower().startswith(("http://", "https://")):
            raise ConfigError(f"{where}: url in {section} must be an http(s) URL, not {sink['url']!r}")
        if "command" in sink and not (sink["command"] and all(isinstance(a, str) for a in sink["command"])):
            raise ConfigError(f"{where}: command in {section} must be a list of strings, the program first")
        if sink.get("format", "json") not in NOTICE_FORMATS:
            raise ConfigError(f"{where}: format in {section} must be one of {', '.join(NOTICE_FORMATS)}, "
                              f"not {sink['format']!r}")  # fmt: skip
        if "command" in sink and sink.get("format", "json") != "json":
            raise ConfigError(f"{where}: a command in {section} is given the notice as JSON: drop its format")


def _check_table(table: dict, keys: dict[str, type], where: str, section: str) -> None:
    place = f" in {section}" if section else ""
    for key, value in table.items():
        if key not in keys:
            raise ConfigError(f"{where}: unknown key {key!r}{place}{_nearest(key, keys)}")
        wanted = keys[key]
        # TOML's true is a bool, and bool is an int to Python: the type must match exactly (a whole
        # number is a number too)
        if type(value) is not wanted and not (wanted is float and type(value) is int):
            raise ConfigError(
                f"{where}: {key}{place} must be {TOML_TYPE_NAMES[wanted]}, not {_shown(value)}"
                + (f" (write {key} = {value.lower()}, without quotes)" if wanted is bool and _boolish(value) else "")
            )


def _nearest(name: str, valid: Collection[str]) -> str:
    close = difflib.get_close_matches(name, list(valid), n=1, cutoff=0.5)
    known = ", ".join(sorted(valid)) or "none"
    return f"; did you mean {close[0]!r}? (known: {known})" if close else f" (known: {known})"


def _boolish(value: object) -> bool:
    return isinstance(value, str) and value.lower() in ("true", "false")


def _shown(value: object) -> str:
    kind = {str: "the string", bool: "the boolean", int: "the number", float: "the number"}.get(type(value))
    return f"{kind} {value!r}" if kind else f"a {type(value).__name__}"
