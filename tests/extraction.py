"""The extractor as the tests call it: reading every declared source by its policy."""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from launchfeed.contracts import Report
from launchfeed.sources import extractor


def extract(text: str, **options) -> Report:
    return extractor().extract(text, **options)


def extract_batch(items: Iterable[dict]) -> Iterator[Report]:
    return extractor().batch(items)
