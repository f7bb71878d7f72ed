from __future__ import annotations

from collections.abc import Iterator

import pytest
from faultsite import FaultSite
from sitekit import FixtureSite


@pytest.fixture
def site() -> Iterator[FixtureSite]:
    """A fresh web server on 127.0.0.1 for one test."""
    server = FixtureSite().start()
    try:
        yield server
    finally:
        server.stop()


@pytest.fixture
def fault_site() -> Iterator[FaultSite]:
    """A fixture site that can also misbehave (stall, reset, speak TLS ...) for the fault tests."""
    server = FaultSite().start()
    try:
        yield server
    finally:
        server.stop()
