from __future__ import annotations

from collections.abc import Iterator

import pytest
from faultsite import FaultSite, loopback_only
from sitekit import FixtureSite


@pytest.fixture(autouse=True)
def no_name_but_loopback(monkeypatch) -> None:
    """No test looks up any name but 127.0.0.1 and localhost: a URL of a real publisher that
    slipped past a fixture fails as an unknown name, and no query leaves the machine."""
    loopback_only(monkeypatch)


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
