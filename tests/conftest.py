from __future__ import annotations

from collections.abc import Iterator

import pytest
from sitekit import FixtureSite


@pytest.fixture
def site() -> Iterator[FixtureSite]:
    """A fresh web server on 127.0.0.1 for one test."""
    server = FixtureSite().start()
    try:
        yield server
    finally:
        server.stop()
