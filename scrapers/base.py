"""What every source module shares: its metadata, the run context, the sink.

A source module (``scrapers/<id>.py``) declares ``INFO`` (a ``SourceInfo``, from the
contracts) beside its code, a ``crawl(ctx)`` that discovers and fetches publications and emits
Documents through the context, and a ``parse(raw, url, content_type)`` that turns
archived bytes back into a ``Page`` so the archive can be replayed offline.
"""

from __future__ import annotations

import re
import time
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from typing import Protocol, TypeVar
from urllib.parse import urljoin, urlsplit, urlunsplit

from bs4 import Tag
from launchfeed.scrapers.archive import Archive
from launchfeed.scrapers.errors import SourceError
from launchfeed.scrapers.http import ClientMemory, ClientSettings, Fetched, HostPacer, PoliteClient, without_password

from launchfeed.contracts import Document, Listing, SourceInfo, document_id

T = TypeVar("T")


@dataclass
class Page:
    """What a source's parser reads out of one raw snapshot."""

    title: str
    text: str
    published_at: datetime | None
    published_precision: str = "day"
    lang: str | None = None


# a source's parse(raw, url, content_type): archived bytes back into a Page
Parser = Callable[[bytes, str, str], Page]


class DocumentSink(Protocol):
    """Where documents go (the SQLite store); scrapers never see more of it."""

    def known_document(self, document_id: str) -> bool: ...

    def save_document(self, document: Document) -> str:
        """Store it; returns "new", "revised" or "unchanged"."""
        ...

    def note_failure(self, url: str, kind: str) -> int:
        """Record it; returns how many times in a row the item failed."""
        ...

    def should_retry(self, url: str) -> bool: ...

    def clear_failure(self, url: str) -> None: ...


@dataclass
class RunStats:
    fetched: int = 0
    not_modified: int = 0
    new_documents: int = 0
    revised_documents: int = 0
    requests: int = 0
    problems: Counter = field(default_factory=Counter)
    messages: list[str] = field(default_factory=list)
    new_item_problems: list[str] = field(default_factory=list)  # items that failed for the first time

    def note(self, error: SourceError) -> None:
        self.problems[error.kind] += 1
        self.messages.append(str(error))


BLOCK_TAGS = (
    "p",
    "div",
    "li",
    "dd",
    "dt",
    "tr",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "section",
    "article",
    "br",
    "table",
    "ul",
    "ol",
    "dl",
    "blockquote",
    "pre",
)


def block_lines(element: Tag) -> list[str]:
    """The text of an element, one line per block; inline markup stays inside its line."""
    for block in element.find_all(BLOCK_TAGS):
        block.insert_before("\n")
        block.insert_after("\n")
    return [" ".join(line.split()) for line in element.get_text().splitlines() if line.strip()]


def canonical_url(url: str) -> str:
    """Scheme and host lower-cased, fragment dropped: one publication, one URL."""
    try:
        parts = urlsplit(url)
    except ValueError:  # a hostile link (e.g. "http://[::1"): kept as it is, the client refuses it
        return url
    return urlunsplit((parts.scheme.lower(), parts.netloc.lower(), parts.path or "/", parts.query, ""))


class Context:
    """The run as one source sees it: fetching, archiving, emitting, counting."""

    def __init__(
        self,
        info: SourceInfo,
        *,
        archive: Archive,
        sink: DocumentSink,
        memory: ClientMemory,
        pacer: HostPacer | None = None,
        base_url: str | None = None,
        proxy: str | None = None,
        user_agent: str | None = None,
        options: dict | None = None,
        delay: float | None = None,
        deadline: float | None = None,
    ) -> None:
        self.info = info
        self.archive = archive
        self.sink = sink
        self.proxy = proxy
        self.base_url = (base_url or info.base_url).rstrip("/") + "/"
        self.options = options or {}
        self.stats = RunStats()
        self.failures: list[SourceError] = []  # source-level problems (a listing unreadable)
        # the publisher's hosts, in the scheme and on the port of its base URL; and a mirror's own origin
        site = urlsplit(info.base_url)
        origins = tuple(
            f"{site.scheme}://{host}" + (f":{site.port}" if site.port else "") for host in info.allowed_hosts
        )
        if base_url:
            mirror = urlsplit(base_url)
            origins += (f"{mirror.scheme}://{mirror.netloc.rpartition('@')[2]}",)
        settings = ClientSettings(
            allowed_origins=origins,
            timeout=info.timeout,
            # --delay (mirrors, tests) replaces the source's spacing and scales the retry backoff with it
            min_interval=info.min_interval if delay is None else delay,
            backoff=1.0 if delay is None else min(1.0, max(delay, 0.05)),
            max_attempts=info.max_attempts,
            proxy=proxy,
        )
        if user_agent:
            settings.user_agent = user_agent
        self.client = PoliteClient(settings, archive, memory, pacer, source=info.id)
        if deadline is not None:  # from now on: a request still running then is cut off, none starts after
            self.client.stop_at, self.client.run_deadline = time.monotonic() + deadline, deadline

    def url(self, path: str) -> str:
        """A site path, or a link read from a page, resolved against the base URL in use.
        An absolute link (or a scheme-relative //host/...) stays absolute, for the client to
        check against the allow-list; one to the publisher's own hosts is fetched from the base
        URL in use, so a run against a mirror (--base-url) never reaches the real site."""
        link = path.strip()
        try:
            parts = urlsplit(link)
            if not parts.scheme and not link.startswith("//"):
                return urljoin(self.base_url, link.lstrip("/"))
            absolute = urljoin(self.base_url, link)
            parts = urlsplit(absolute)
            mirrored = self.base_url != self.info.base_url.rstrip("/") + "/"
            if mirrored and parts.scheme in ("http", "https") and parts.hostname in self.info.allowed_hosts:
                return urljoin(self.base_url, urlunsplit(("", "", parts.path.lstrip("/"), parts.query, "")))
            return absolute
        except ValueError:  # unparsable (a bracketed IPv4, a bad port): left as it is, the client refuses it
            return link

    def canonical(self, url: str) -> str:
        """The publication's own URL: a page fetched from a mirror (--base-url) keeps
        the publisher's address, so its document id does not depend on the mirror."""
        if url.startswith(self.base_url):
            url = self.info.base_url.rstrip("/") + "/" + url[len(self.base_url) :]
        return canonical_url(url)

    def fetch(self, url: str, *, conditional: bool = True) -> Fetched:
        try:
            result = self.client.get(url, conditional=conditional)
        except SourceError as error:
            if (said := self._in_context(error)) is not error:
                raise said from error
            raise
        self.stats.requests = self.client.requests
        if result.not_modified:
            self.stats.not_modified += 1
        else:
            self.stats.fetched += 1
        return result

    def post(self, url: str, data: dict[str, str]) -> Fetched:
        try:
            result = self.client.post(url, data)
        except SourceError as error:
            if (said := self._in_context(error)) is not error:
                raise said from error
            raise
        self.stats.requests = self.client.requests
        self.stats.fetched += 1
        return result

    def _in_context(self, error: SourceError) -> SourceError:
        """An error of the client, said with what this source knows. A dead proxy names the setting
        that chose it. A site that drops connections from abroad shows it as refused, reset or
        timed-out connections: reported as geo_blocked, naming the setting that routes it through
        its country."""
        setting = f"{self.info.proxy_env or f'LAUNCHFEED_{self.info.id.upper()}_PROXY'} or proxy in "
        setting += f"[sources.{self.info.id}] of launchfeed.toml"
        if error.kind == "proxy_error":
            advice = f"is the proxy up? it is set by {setting}; later runs try again"
            return SourceError(error.kind, error.message, url=error.url, status=error.status, advice=advice)
        if not (self.info.geo_blocked and error.kind == "network_error"):
            return error
        country = self.info.country
        if self.proxy:
            shown = without_password(self.proxy)
            advice = f"connection dropped through the proxy {shown}: is it up and in {country}? ({setting})"
        else:
            advice = f"the site drops connections from outside {country}: set {setting} to a proxy in {country}"
        return SourceError("geo_blocked", f"{error.message}; {advice}", url=error.url, status=error.status)

    def snapshot(self, content: bytes) -> tuple[str, str]:
        """Archive bytes a document is built from that were not a whole response
        (one item of a feed); returns (sha256, archive path)."""
        return self.archive.put(content)

    def known(self, url: str) -> bool:
        return self.sink.known_document(document_id(self.info.id, self.canonical(url)))

    def should_try(self, url: str) -> bool:
        """False while an item that failed before waits out its backoff (no hammering a bot check)."""
        return self.sink.should_retry(url)

    def emit(self, document: Document) -> str:
        self.sink.clear_failure(document.url)
        status = self.sink.save_document(document)
        if status == "new":
            self.stats.new_documents += 1
        elif status == "revised":
            self.stats.revised_documents += 1
        return status

    def emit_page(
        self, url: str, fetched: Fetched, page: Page, *, title: str, lang: str,
        published_at: datetime | None = None, precision: str = "day",
    ) -> str:  # fmt: skip
        """Store a parsed page as a document. The page's own title, language and date win
        over what its listing said (``title``, ``lang``, ``published_at`` to ``precision``)."""
        dated = page.published_at is not None
        pdf = fetched.url.endswith(".pdf")
        return self.emit(
            Document(
                source=self.info.id,
                url=self.canonical(url),
                title=page.title or title,
                lang=page.lang or lang,
                published_at=page.published_at if dated else published_at,
                published_precision=page.published_precision if dated else precision,
                fetched_at=fetched.fetched_at,
                sha256=fetched.sha256,
                raw_path=fetched.raw_path,
                text=page.text,
                content_type=fetched.content_type or ("application/pdf" if pdf else "text/html"),
                channel=self.info.channel,
            )
        )

    def fetch_page(
        self, url: str, parse: Parser, *, title: str, lang: str, published_at: datetime | None = None,
        precision: str = "day",
    ) -> SourceError | None:  # fmt: skip
        """The per-item step: fetch one page (archived before anything reads it), parse it with the
        source's ``parse``, store it (``emit_page``: the page's own title, language and date win
        over the listing's ``title``, ``lang`` and ``published_at``). A problem with the item is
        recorded (said once, retried after a backoff) and returned; None when the page was stored.
        A site that drops us (geo_blocked) ends the crawl: that is raised."""
        try:
            fetched = self.fetch(url)
            page = parse(fetched.content, fetched.url, fetched.content_type)
        except SourceError as error:
            if error.kind == "geo_blocked":
                raise
            self.problem(error, url)
            return error
        self.emit_page(url, fetched, page, title=title, lang=lang, published_at=published_at, precision=precision)
        return None

    def problem(self, error: SourceError, item_url: str | None = None) -> None:
        """A problem with one item: counted and reported, the crawl goes on; the item
        is retried on a later run after a backoff."""
        self.stats.note(error)
        in_a_row = self.sink.note_failure(self.canonical(item_url), error.kind) if item_url else 1
        if in_a_row == 1:  # said once, when it starts; its retries are counted, not said again
            said = str(error)
            self.stats.new_item_problems.append(
                said.replace(error.url, self.canonical(error.url)) if error.url else said
            )

    def listing_problem(self, error: SourceError) -> None:
        """A listing could not be read: the crawl goes on with the other listings, but
        the source is reported as failing at the end of the run."""
        self.stats.note(error)
        self.failures.append(error)

    def releases(self, listing: Listing, url: str, entries: Sequence[T], link: Callable[[T], str]) -> list[T]:
        """The entries of one listing that link to releases (``link`` gives an entry's link as listed).
        A listing that does not look as on a normal day is reported as a layout change of the source,
        with its URL: no entries at all, entries that link in a shape the source does not declare
        (``release_links``, ``other_links``), or fewer releases than the listing's ``min_releases``.
        A site that moved its releases to new URLs would otherwise look like a day without news.
        The releases it does give are returned all the same, to be collected."""
        release = re.compile(self.info.release_links)
        other = re.compile(self.info.other_links) if self.info.other_links else None
        found = [entry for entry in entries if release.search(link(entry))]
        strays = [link(e) for e in entries if not release.search(link(e)) and not (other and other.search(link(e)))]
        what = f"listing {listing.path}"
        if not entries:
            said = f"{what} yielded no items; the page layout may have changed"
        elif strays:
            first = repr(strays[0]) if strays[0] else "an entry with no link"
            said = (f"{what}: {len(strays)} of its {len(entries)} entries link in a shape scrapers/{self.info.id}.py "
                    f"does not know (first: {first}); the site's links or layout may have changed")  # fmt: skip
        elif len(found) < listing.min_releases:
            said = (f"{what} yielded {len(found)} releases, fewer than the {listing.min_releases} of a normal day; "
                    "the page layout may have changed")  # fmt: skip
        else:
            return found
        advice = f"check the page in a browser: if its layout changed, scrapers/{self.info.id}.py needs updating"
        self.listing_problem(SourceError("layout_changed", said, url=url, advice=advice))
        return found

    def close(self) -> None:
        self.client.close()
