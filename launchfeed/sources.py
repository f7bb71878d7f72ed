"""Every source, by id: the declarations the CLI layer hands to the stages.

A source is a module of ``launchfeed.scrapers`` that declares ``INFO`` (a ``SourceInfo``);
it is found here by looking, so adding a publisher adds its module (and its test site and
tests) and nothing else. A module whose declaration says ``crawls=False`` (``csis``) is a
declaration only: the extractor knows how to read its texts, ``collect`` does not run it.
"""

from __future__ import annotations

import importlib
import importlib.util
import json
import pkgutil
from functools import cache
from pathlib import Path
from types import ModuleType
from typing import TYPE_CHECKING

import launchfeed.scrapers
from launchfeed.contracts import SourceInfo

if TYPE_CHECKING:  # the extractor loads spaCy (most of a second): imported when a command extracts
    from launchfeed.extract import Extractor


@cache
def _modules() -> dict[str, ModuleType]:
    found: dict[str, ModuleType] = {}
    for entry in sorted(pkgutil.iter_modules(launchfeed.scrapers.__path__), key=lambda e: e.name):
        module = importlib.import_module(f"launchfeed.scrapers.{entry.name}")
        info = getattr(module, "INFO", None)
        if isinstance(info, SourceInfo):
            if info.id in found:
                raise RuntimeError(f"two source modules declare the id {info.id!r}")
            found[info.id] = module
    return found


def declarations() -> dict[str, SourceInfo]:
    """Every declared source (crawled or not), by id."""
    return {source_id: module.INFO for source_id, module in _modules().items()}


def crawlers() -> dict[str, ModuleType]:
    """The source modules `collect` runs, by id, in a fixed order."""
    return {source_id: module for source_id, module in _modules().items() if module.INFO.crawls}


def authorities() -> dict[str, str | None]:
    """Source id -> the authority whose statements it publishes."""
    return {source_id: info.authority for source_id, info in declarations().items()}


@cache
def extractor() -> Extractor:
    """The extractor, reading every declared source by its policy."""
    from launchfeed.extract import Extractor

    return Extractor(declarations())


@cache
def place_names() -> dict[str, str]:
    """Gazetteer site id -> its romanized (English) name, for the report beside a launch area in
    the source's own words; read from the extractor's gazetteer, the one list of places."""
    # found without importing the package, which would load spaCy for a list of names
    [folder] = importlib.util.find_spec("launchfeed.extract").submodule_search_locations  # type: ignore[union-attr]
    data = json.loads((Path(folder) / "gazetteer.json").read_text(encoding="utf-8"))
    return {place["id"]: place["names"]["en"][0] for place in data["places"] if place["names"].get("en")}
