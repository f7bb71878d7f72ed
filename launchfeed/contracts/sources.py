"""What a source declares about itself, and who speaks through the sources.

A source module (``scrapers/<id>.py``) fills in one ``SourceInfo`` beside its code:
where it publishes, how politely to ask, and how its texts are read (``ExtractionPolicy``).
A source can be a declaration only (``scrapers/csis.py``: a corpus with no crawler).
The CLI layer collects the declarations and hands them to the extractor and the writers,
so a new publisher touches its own module and nothing else.

Authorities are a table of their own: several sources can speak for one authority
(JCS's board and Yonhap's copies of it), and a wire report can quote any of them.
"""

from __future__ import annotations

from dataclasses import dataclass, field

__all__ = ["AUTHORITIES", "AUTHORITY_NAMES", "ExtractionPolicy", "Listing", "SourceInfo", "UnknownSource"]

# authority id -> the name a reader knows it by
AUTHORITY_NAMES: dict[str, str] = {
    "mod_jp": "Japan MOD",
    "jcs": "ROK JCS",
    "mnd_kr": "ROK MND",
    "indopacom": "INDOPACOM",
    "dod": "US DoD",
    "kcna": "KCNA",
    "other": "other",
}
AUTHORITIES: tuple[str, ...] = tuple(AUTHORITY_NAMES)


class UnknownSource(ValueError):
    """A source id no declaration has."""


@dataclass(frozen=True)
class ExtractionPolicy:
    """How the extractor reads a source's texts.

    Zones are IANA names (``zoneinfo``): Asia/Pyongyang keeps North Korea's UTC+8:30 of
    2015-2018, America/New_York its daylight saving time."""

    # the zone of times the text writes without a label; None: the source's own timezone
    text_zone: str | None = None
    # a launch report that states no date is dated by its publication (US statements are issued
    # hours later, often the next day in their own zone, so theirs are not)
    date_from_published: bool = True
    # it names weapons by description ("new-type ... missile") rather than by designation
    describes_own_weapons: bool = False
    # times given only in a zone other than text_zone are left out (analysts quoting US Eastern times)
    drop_foreign_zone_times: bool = False
    # a regular expression for the dateline of its copies ("Pyongyang, May 14 (KCNA) --"): a text of no
    # known source that carries it near its top is read as this source's
    dateline: str = ""


@dataclass(frozen=True)
class Listing:
    """A page or feed that lists a source's releases, and what it holds on a normal day. A listing
    that falls short of that is a layout change to report, never "nothing new": a site that moved
    its releases to new URLs or new markup looks, to a crawler that knows only the old ones, like
    a quiet day."""

    path: str
    # the fewest links to releases it gives on any normal day (a feed or a board shows its newest N,
    # whatever the day brought); a listing with no entries at all is a layout change whatever this says
    min_releases: int = 1


@dataclass(frozen=True)
class SourceInfo:
    id: str
    publisher: str
    country: str
    languages: tuple[str, ...]
    timezone: str | None  # IANA zone the publisher dates its items in (None: no one zone)
    authority: str | None  # who makes the assessments published here (None: it quotes others)
    base_url: str = ""
    listings: tuple[Listing, ...] = ()
    # a regular expression (re.search) that the link of every release matches, as its listings give it
    release_links: str = ""
    # links its listings also carry that are not releases (a site-update feed's other pages); an entry
    # whose link matches neither is a layout change: the site links its releases in a new way
    other_links: str = ""
    allowed_hosts: tuple[str, ...] = ()
    cadence: str = ""  # how often it publishes, in words, for `launchfeed sources`
    timeout: float = 30.0
    min_interval: float = 2.0
    max_attempts: int = 3  # tries per request (transport errors, 5xx, 429); a slow site wants few
    # seconds one collect gives it (requests, retries, parsing): a source still running then is stopped
    # and reported, so that one stuck site never holds back the other sources' files or the run lock
    deadline: float = 300.0
    default_enabled: bool = True
    geo_blocked: bool = False  # unusable from abroad without a proxy in the country
    proxy_env: str | None = None  # environment variable holding that proxy
    channel: str | None = None  # intermediary (e.g. a news agency) that carries the authority's words
    crawls: bool = True  # False: a declaration only (texts that arrive by other means)
    extraction: ExtractionPolicy = field(default_factory=ExtractionPolicy)

    @property
    def listing_paths(self) -> tuple[str, ...]:
        return tuple(listing.path for listing in self.listings)

    @property
    def text_zone(self) -> str | None:
        """The zone of the times its texts write without a label."""
        return self.extraction.text_zone or self.timezone
