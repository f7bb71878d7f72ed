"""Errors a source reports. ``kind`` is what the run summary counts."""

from __future__ import annotations

KINDS = (
    "access_challenged",  # a bot check answered instead of the page
    "geo_blocked",  # the site drops connections from outside its country
    "layout_changed",  # a listing with no items, a detail page without its body
    "http_error",  # 4xx/5xx after retries
    "network_error",  # refused, DNS, timeout, reset, TLS
    "proxy_error",  # the proxy set for the source could not be reached (the site never was)
    "too_large",  # body above the size cap
    "disallowed_host",  # a URL outside the source's allow-list
    "robots_disallowed",  # robots.txt says no
    "parse_error",  # bytes we could not read (broken or encrypted PDF, no text layer)
)


class SourceError(Exception):
    """``message`` says what happened, ``advice`` what the user can do about it (or what
    launchfeed will do); the run summary prints both on the source's one line."""

    def __init__(
        self, kind: str, message: str, *, url: str | None = None, status: int | None = None, advice: str | None = None
    ) -> None:
        assert kind in KINDS, kind
        super().__init__(message)
        self.kind = kind
        self.message = message
        self.url = url
        self.status = status
        self.advice = advice

    def __str__(self) -> str:
        where = f" [{self.url}]" if self.url else ""
        todo = f"; {self.advice}" if self.advice else ""
        return f"{self.kind}: {self.message}{where}{todo}"


class OutOfTime(Exception):
    """A source's run went past its deadline (``SourceInfo.deadline``, or ``deadline`` in its section
    of launchfeed.toml). Not a SourceError on purpose: no item or listing is at fault, so no source's
    handling of those keeps it; it ends the crawl, and the run reports the source as failing."""

    kind = "deadline_exceeded"

    def __init__(self, source: str, seconds: float, url: str | None = None) -> None:
        super().__init__(source, seconds, url)
        self.source, self.seconds, self.url = source, seconds, url

    def __str__(self) -> str:
        where = f" [{self.url}]" if self.url else ""
        return (
            f"{self.kind}: {self.source} did not finish within its {self.seconds:g}s for one run; stopped{where}; "
            f"the next run goes on from there (raise deadline in [sources.{self.source}] of launchfeed.toml "
            "if the site is only slow)"
        )
