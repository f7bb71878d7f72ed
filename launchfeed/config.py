"""Settings for a run: the config file (TOML) and environment variables.

    # launchfeed.toml
    user_agent = "launchfeed/0.1 (+https://example.org/contact)"
    [sources.jcs_kr]
    proxy = "http://user:pass@proxy.example.kr:3128"
    enabled = true
    deadline = 300                       # seconds one collect gives this source (default: its module's)
    [sources.kcna]
    base_url = "http://127.0.0.1:8080"   # fetch its paths from a mirror (or a test site)

Environment variables win over the file: LAUNCHFEED_USER_AGENT and, per source,
LAUNCHFEED_<SOURCE>_PROXY (e.g. LAUNCHFEED_JCS_KR_PROXY).
"""

from __future__ import annotations

import os
import tomllib
from dataclasses import dataclass, field
from pathlib import Path

DEFAULT_CONFIG = Path("launchfeed.toml")


class ConfigError(Exception):
    """The config file cannot be used; the message names the file, the place and what to write."""


@dataclass
class Config:
    user_agent: str | None = None
    sources: dict[str, dict] = field(default_factory=dict)

    def proxy_for(self, source: str) -> str | None:
        return os.environ.get(proxy_env(source)) or self.sources.get(source, {}).get("proxy")

    def base_url_for(self, source: str) -> str | None:
        """A host to fetch the source's paths from instead of its own (records keep the publisher's URLs)."""
        return self.sources.get(source, {}).get("base_url")

    def deadline_for(self, source: str) -> float | None:
        """Seconds one collect gives the source, when the config says (None: its declaration's)."""
        value = self.sources.get(source, {}).get("deadline")
        if value is None:
            return None
        if isinstance(value, bool) or not isinstance(value, int | float) or value <= 0:
            raise SystemExit(f"launchfeed: deadline in [sources.{source}] must be a number of seconds, not {value!r}")
        return float(value)

    def enabled(self, source: str) -> bool | None:
        """True or False when the config says so; None when it is silent."""
        return self.sources.get(source, {}).get("enabled")


def proxy_env(source: str) -> str:
    return f"LAUNCHFEED_{source.upper()}_PROXY"


def load_config(path: Path | None) -> Config:
    target = path or DEFAULT_CONFIG
    data: dict = {}
    if target.exists():
        try:
            data = tomllib.loads(target.read_text(encoding="utf-8"))
        except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
            raise ConfigError(f"cannot read config {target}: {exc}") from exc
    elif path is not None:
        raise ConfigError(f"config file {path} does not exist")
    return Config(
        user_agent=os.environ.get("LAUNCHFEED_USER_AGENT") or data.get("user_agent"),
        sources=data.get("sources", {}),
    )
