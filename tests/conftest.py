from __future__ import annotations

from collections.abc import Callable, Iterator
from types import ModuleType

import pytest
from faultsite import FaultSite, loopback_only
from launchfeed.output.store import Store
from launchfeed.scrapers.archive import Archive
from launchfeed.scrapers.base import Context
from sitekit import FixtureSite

from launchfeed.contracts import SourceInfo

# crawl(module, site or base URL, info=..., proxy=..., **options) -> (store, context)
Crawl = Callable[..., tuple[Store, Context]]


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


@pytest.fixture
def crawl(tmp_path) -> Crawl:
    """Runs one source's crawl against a site (a fixture site, a base URL, or None for the source's
    own) into the test's store and archive; a second crawl in one test sees what the first stored.
    ``info`` stands in for the module's declaration, ``proxy`` is the source's proxy, any other
    keyword is an option of the run (``probe_recent=True``). Returns the store and the context."""

    def run(module: ModuleType, site: FixtureSite | str | None, *, info: SourceInfo | None = None,
            proxy: str | None = None, **options) -> tuple[Store, Context]:  # fmt: skip
        store = Store(tmp_path / "store.sqlite")
        base_url = site.base_url if isinstance(site, FixtureSite) else site
        ctx = Context(info or module.INFO, archive=Archive(tmp_path / "archive"), sink=store, memory=store,
                      base_url=base_url, proxy=proxy, delay=0, options=options)  # fmt: skip
        try:
            module.crawl(ctx)
        finally:
            ctx.close()
        return store, ctx

    return run
