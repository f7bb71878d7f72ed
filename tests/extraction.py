"""The extractor as the tests call it: reading every declared source by its policy."""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from launchfeed.contracts import Statement
from launchfeed.sources import extractor


def extract(text: str, **options) -> Statement:
    return extractor().extract(text, **options)


def extract_batch(items: Iterable[dict]) -> Iterator[Statement]:
    return extractor().batch(items)
