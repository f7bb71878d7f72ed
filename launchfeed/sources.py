"""Every source, by id: the declarations the CLI layer hands to the stages.

A source is a module of ``launchfeed.scrapers`` that declares ``INFO`` (a ``SourceInfo``);
it is found here by looking, so adding a publisher adds its module (and its test site and
tests) and nothing else. A module whose declaration says ``crawls=False`` (``csis``) is a
declaration only: the extractor knows how to read its texts, ``collect`` does not run it.
"""

from __future__ import annotations

import importlib
import json
import pkgutil
from functools import cache
from importlib import resources
from types import ModuleType

import launchfeed.extract
import launchfeed.scrapers
from launchfeed.contracts import SourceInfo
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
    return Extractor(declarations())


@cache
def place_names() -> dict[str, str]:
    """Gazetteer site id -> its romanized (English) name, for the report beside a launch area in
    the source's own words; read from the extractor's gazetteer, the one list of places."""
    data = json.loads(resources.files(launchfeed.extract).joinpath("gazetteer.json").read_text(encoding="utf-8"))
    return {place["id"]: place["names"]["en"][0] for place in data["places"] if place["names"].get("en")}
