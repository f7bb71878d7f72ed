"""What flows through the pipeline: Document, Statement (what one document says of one launch), Event.

Each field carries its documentation in ``metadata`` (meaning, type, unit,
allowed values). The data dictionary (``output/README.md``) and the Frictionless
``datapackage.json`` are generated from these declarations, so this module is the
one source of truth for what a column means.
"""

from __future__ import annotations

import hashlib
from dataclasses import asdict, dataclass, field
from datetime import datetime
from typing import Any

from launchfeed.contracts.sources import AUTHORITIES

__all__ = [
    "STAGES", "PRECISIONS", "COUNT_QUALIFIERS", "VALUE_QUALIFIERS", "LANDINGS", "EEZ_VALUES", "MISSILE_CLASSES",
    "meta", "stable_id", "document_id", "Document", "Evidence", "Missile", "Claim", "Statement", "AuthorityView",
    "Revision", "Event",
]  # fmt: skip
STAGES = ("flash", "followup", "final")
PRECISIONS = ("minute", "hour", "day", "month")
COUNT_QUALIFIERS = ("exact", "at_least", "approx", "multiple", "total")
VALUE_QUALIFIERS = ("approx", "over", "at_least", "at_most")
LANDINGS = ("sea_of_japan", "yellow_sea", "pacific", "near_east_coast", "over_japan")
EEZ_VALUES = ("inside", "outside", "none_seen")
MISSILE_CLASSES = (
    "ballistic",
    "icbm",
    "cruise",
    "hypersonic",
    "slbm",
    "mlrs",
    "satellite_launch",
    "anti_air",
    "other",
)


def meta(doc: str, *, unit: str | None = None, values: tuple[str, ...] | None = None) -> dict:
    """Field documentation used by the generated data dictionary."""
    return {"doc": doc, "unit": unit, "values": values}


def stable_id(*parts: str, length: int = 16) -> str:
    """A short, stable hex id from its parts (never from run order or time)."""
    return hashlib.sha256("\x1f".join(parts).encode("utf-8")).hexdigest()[:length]


def document_id(source: str, canonical_url: str) -> str:
    """A document's id: stable across runs, fetches and revisions of its text."""
    return stable_id(source, canonical_url)


@dataclass
class Document:
    """One publication as fetched: a press release, a board post, a feed item."""

    source: str = field(metadata=meta("Source module id that collected it, e.g. mod_jp."))
    url: str = field(metadata=meta("Canonical URL of the publication."))
    title: str = field(metadata=meta("Title as published."))
    lang: str = field(metadata=meta("Language of the text (ISO 639-1).", values=("ja", "ko", "en")))
    published_at: datetime | None = field(
        metadata=meta("Publication time as the publisher states it, with its UTC offset.")
    )
    published_precision: str = field(
        metadata=meta("How much of published_at the publisher stated.", values=("second", "minute", "day"))
    )
    fetched_at: datetime = field(metadata=meta("When launchfeed fetched the raw bytes (UTC)."))
    sha256: str = field(metadata=meta("SHA-256 of the raw response bytes the text was parsed from."))
    raw_path: str = field(metadata=meta("Path of the raw snapshot inside the archive directory."))
    text: str = field(metadata=meta("Clean body text, paragraphs separated by newlines."))
    content_type: str = field(default="text/html", metadata=meta("Media type of the raw snapshot."))
    channel: str | None = field(
        default=None,
        metadata=meta(
            "Intermediary that carried an authority's words (e.g. yonhap); empty for a ministry's own release."
        ),
    )
    capture_url: str | None = field(
        default=None,
        metadata=meta(
            "For a publication read from a web archive (launchfeed backfill): the archive URL of the capture its "
            "raw bytes came from; empty when fetched from the publisher."
        ),
    )
    captured_at: datetime | None = field(
        default=None, metadata=meta("When the web archive captured those bytes (UTC); empty when not archived.")
    )

    @property
    def id(self) -> str:
        return document_id(self.source, self.url)


# Evidence and Revision have an attribute named "field", which hides dataclasses.field in their class bodies
field_ = field


@dataclass
class Evidence:
    """Where a field's value was read: a span of the document text and its sentence."""

    field: str = field_(metadata=meta("Statement column the evidence supports, e.g. range_km."))
    start: int = field_(metadata=meta("Offset of the span's first character in the document text.", unit="characters"))
    end: int = field_(metadata=meta("Offset just past the span.", unit="characters"))
    text: str = field_(metadata=meta("The span as written."))
    sentence: str = field_(metadata=meta("The sentence containing the span."))
    rule: str = field_(
        default="",
        metadata=meta("Stable id of the extraction rule that read the value there, e.g. ja.count.hatsu."),
    )


@dataclass
class Missile:
    """One missile (or one itemized launch) when the text lists them separately."""

    index: int = field(metadata=meta("Position of the missile in the statement, from 1."))
    launch_time_local: str | None = field(
        default=None, metadata=meta('Its launch time, local time of the statement ("HH:MM").')
    )
    range_km: float | None = field(default=None, metadata=meta("Its flight distance.", unit="km"))
    apogee_km: float | None = field(default=None, metadata=meta("Its maximum altitude.", unit="km"))
    flight_minutes: float | None = field(default=None, metadata=meta("Its flight time.", unit="minutes"))
    launch_area: str | None = field(default=None, metadata=meta("Its launch area in the source's words."))
    missile_class: str | None = field(default=None, metadata=meta("Its class.", values=MISSILE_CLASSES))
    landing: str | None = field(default=None, metadata=meta("Where it came down.", values=LANDINGS))
    eez: str | None = field(
        default=None, metadata=meta("Its impact relative to Japan's exclusive economic zone.", values=EEZ_VALUES)
    )


@dataclass
class Claim:
    """What a text credits to one authority (wire reports quote several)."""

    authority: str = field(metadata=meta("Authority credited with the numbers.", values=AUTHORITIES))
    count: int | None = field(default=None, metadata=meta("Number of missiles it is credited with."))
    count_qualifier: str | None = field(
        default=None, metadata=meta("How that count is qualified.", values=COUNT_QUALIFIERS)
    )
    range_km: list[float] = field(default_factory=list, metadata=meta("Ranges it is credited with.", unit="km"))
    apogee_km: list[float] = field(default_factory=list, metadata=meta("Apogees it is credited with.", unit="km"))
    launch_times_local: list[str] = field(
        default_factory=list, metadata=meta('Launch times it is credited with ("HH:MM" or "HH").')
    )


@dataclass
class Statement:
    """What one document states about one launch. Unstated fields stay null or []."""

    document_id: str | None = field(default=None, metadata=meta("Id of the document the report was read from."))
    source: str | None = field(default=None, metadata=meta("Source module id that collected the document."))
    authority: str | None = field(default=None, metadata=meta("Who made the assessment.", values=AUTHORITIES))
    channel: str | None = field(default=None, metadata=meta("Intermediary that carried the statement, if any."))
    is_launch_report: bool = field(default=False, metadata=meta("True when the text reports a launch."))
    stage: str | None = field(
        default=None,
        metadata=meta(
            "flash while the missile is still flying or first notice; followup with details; final.", values=STAGES
        ),
    )
    launch_date_local: str | None = field(
        default=None, metadata=meta("Launch date in the launch site's local time (YYYY-MM-DD).")
    )
    launch_times_local: list[str] = field(
        default_factory=list,
        metadata=meta('Launch times in local time, "HH:MM" or "HH" (hour only), in the order stated.'),
    )
    tz: str | None = field(default=None, metadata=meta('UTC offset of the local times, e.g. "+09:00".'))
    launch_utc: str | None = field(
        default=None, metadata=meta("First launch time in UTC (ISO 8601), as precise as time_precision.")
    )
    time_precision: str | None = field(
        default=None, metadata=meta("Precision of the launch time as stated.", values=PRECISIONS)
    )
    count: int | None = field(default=None, metadata=meta("Number of missiles launched, as stated."))
    count_qualifier: str | None = field(
        default=None, metadata=meta("How the count is qualified.", values=COUNT_QUALIFIERS)
    )
    range_km: list[float] = field(
        default_factory=list,
        metadata=meta("Flight distances in the order stated (one per missile when itemized).", unit="km"),
    )
    range_qualifier: str | None = field(
        default=None, metadata=meta("Qualifier of the first range.", values=VALUE_QUALIFIERS)
    )
    range_raw: str | None = field(default=None, metadata=meta("The range as written, unit included."))
    apogee_km: list[float] = field(
        default_factory=list, metadata=meta("Maximum altitudes in the order stated.", unit="km")
    )
    apogee_qualifier: str | None = field(
        default=None, metadata=meta("Qualifier of the first apogee.", values=VALUE_QUALIFIERS)
    )
    apogee_raw: str | None = field(default=None, metadata=meta("The apogee as written, unit included."))
    flight_minutes: float | None = field(default=None, metadata=meta("Longest flight time stated.", unit="minutes"))
    speed_mach: float | None = field(default=None, metadata=meta("Top speed stated.", unit="Mach"))
    launch_area: str | None = field(default=None, metadata=meta("Launch area in the source's own words."))
    launch_site: str | None = field(default=None, metadata=meta("Gazetteer id of the launch site."))
    launch_lat: float | None = field(default=None, metadata=meta("Latitude of the gazetteer site.", unit="degrees"))
    launch_lon: float | None = field(default=None, metadata=meta("Longitude of the gazetteer site.", unit="degrees"))
    direction: str | None = field(default=None, metadata=meta("Direction of flight in the source's own words."))
    bearing_deg: float | None = field(default=None, metadata=meta("Direction as a compass bearing.", unit="degrees"))
    landing: str | None = field(default=None, metadata=meta("Where the missiles came down.", values=LANDINGS))
    eez: str | None = field(
        default=None, metadata=meta("Impact relative to Japan's exclusive economic zone.", values=EEZ_VALUES)
    )
    missile_class: str | None = field(default=None, metadata=meta("Class of missile.", values=MISSILE_CLASSES))
    missile_name: str | None = field(default=None, metadata=meta("Weapon name as written."))
    missiles: list[Missile] = field(default_factory=list, metadata=meta("Per-missile items when itemized."))
    claims: list[Claim] = field(
        default_factory=list, metadata=meta("Numbers the text credits to each authority it quotes.")
    )
    evidence: list[Evidence] = field(
        default_factory=list, metadata=meta("For each field found: span and sentence in the document text.")
    )

    @property
    def id(self) -> str:
        return stable_id("report", self.document_id or "")

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass
class AuthorityView:
    """One authority's values for one event: per field, its latest statement that states it."""

    authority: str = field(metadata=meta("Who made the assessment.", values=AUTHORITIES))
    stage: str | None = field(default=None, metadata=meta("Stage of its latest statement.", values=STAGES))
    count: int | None = field(default=None, metadata=meta("Number of missiles it states."))
    count_qualifier: str | None = field(
        default=None, metadata=meta("How it qualifies the count.", values=COUNT_QUALIFIERS)
    )
    range_km: list[float] = field(
        default_factory=list, metadata=meta("Flight distances it states (one per missile when itemized).", unit="km")
    )
    apogee_km: list[float] = field(default_factory=list, metadata=meta("Maximum altitudes it states.", unit="km"))
    launch_times_local: list[str] = field(
        default_factory=list, metadata=meta('Launch times it states, launch site local time ("HH:MM" or "HH").')
    )
    launch_utc: str | None = field(default=None, metadata=meta("First launch time it states (UTC, ISO 8601)."))
    time_precision: str | None = field(default=None, metadata=meta("Precision of its launch time.", values=PRECISIONS))
    launch_area: str | None = field(default=None, metadata=meta("Launch area in its own words."))
    launch_site: str | None = field(default=None, metadata=meta("Gazetteer id of the launch site it names."))
    missile_class: str | None = field(default=None, metadata=meta("Class it states.", values=MISSILE_CLASSES))
    missile_name: str | None = field(default=None, metadata=meta("Weapon name it uses."))
    first_published_at: str | None = field(
        default=None, metadata=meta("Publication time of its first statement on the event (ISO 8601).")
    )
    latency_minutes: float | None = field(
        default=None,
        metadata=meta(
            "Reporting latency: its first statement's publication time minus the event's launch time; empty "
            "unless both are known to the minute and the statement is its own release.",
            unit="minutes",
        ),
    )
    carried_by: list[str] = field(
        default_factory=list,
        metadata=meta("Intermediaries whose reports supplied its values (e.g. yonhap); empty for its own releases."),
    )
    report_ids: list[str] = field(
        default_factory=list, metadata=meta("Statements its values come from, oldest publication first.")
    )


@dataclass
class Revision:
    """A value an authority changed between two of its statements (flash value, then follow-up value)."""

    authority: str = field_(metadata=meta("Authority that changed its value.", values=AUTHORITIES))
    field: str = field_(metadata=meta("AuthorityView field that changed, e.g. count."))
    old: Any = field_(metadata=meta("Value in the earlier statement."))
    new: Any = field_(metadata=meta("Value in the later statement."))
    report_id: str = field_(metadata=meta("Statement with the new value."))
    published_at: str | None = field_(metadata=meta("Publication time of the statement with the new value."))
    old_report_id: str | None = field_(default=None, metadata=meta("Statement with the old value."))
    old_published_at: str | None = field_(
        default=None, metadata=meta("Publication time of the statement with the old value.")
    )
    stage: str | None = field_(default=None, metadata=meta("Stage of the statement with the new value.", values=STAGES))
    carried_by: str | None = field_(
        default=None, metadata=meta("Intermediary that carried the new value; empty for the authority's own release.")
    )


@dataclass
class Event:
    """One launch (or salvo) as every source saw it. Consensus rules: output/events.py and README."""

    id: str = field(metadata=meta("Stable event id; never changes when reports join."))
    launch_date_local: str | None = field(
        default=None,
        metadata=meta("Launch date at the launch site (Korea/Japan time; UTC+8:30 from 2015-08-15 to 2018-05-04)."),
    )
    launch_utc: str | None = field(
        default=None, metadata=meta("Consensus first launch time (UTC, ISO 8601): lower median of the authorities'.")
    )
    time_precision: str | None = field(default=None, metadata=meta("Precision of launch_utc.", values=PRECISIONS))
    count: int | None = field(
        default=None, metadata=meta("Consensus number of missiles: most stated exact count, else largest lower bound.")
    )
    count_qualifier: str | None = field(
        default=None, metadata=meta("Qualifier of the consensus count.", values=COUNT_QUALIFIERS)
    )
    range_km: float | None = field(
        default=None, metadata=meta("Consensus longest range: lower median of each authority's longest.", unit="km")
    )
    apogee_km: float | None = field(
        default=None, metadata=meta("Consensus highest apogee: lower median of each authority's highest.", unit="km")
    )
    launch_area: str | None = field(
        default=None, metadata=meta("Launch area in the words of the first authority to name one.")
    )
    launch_site: str | None = field(
        default=None, metadata=meta("Gazetteer id of the launch site most authorities name.")
    )
    launch_lat: float | None = field(default=None, metadata=meta("Latitude of launch_site.", unit="degrees"))
    launch_lon: float | None = field(default=None, metadata=meta("Longitude of launch_site.", unit="degrees"))
    missile_class: str | None = field(
        default=None,
        metadata=meta(
            "Consensus class: most stated; a specific ballistic class (icbm, ...) refines 'ballistic'.",
            values=MISSILE_CLASSES,
        ),
    )
    missile_name: str | None = field(
        default=None, metadata=meta("Weapon name: KCNA's when it names one, else the first authority's.")
    )
    authorities: dict[str, AuthorityView] = field(default_factory=dict, metadata=meta("Per-authority values."))
    count_disagrees: bool = field(
        default=False,
        metadata=meta("Authorities state different exact counts, or one's exact count is below another's bound."),
    )
    range_disagrees: bool = field(
        default=False, metadata=meta("Authorities' longest ranges differ by more than 10% of the smaller.")
    )
    apogee_disagrees: bool = field(
        default=False, metadata=meta("Authorities' highest apogees differ by more than 10% of the smaller.")
    )
    time_disagrees: bool = field(
        default=False, metadata=meta("Authorities' first launch times differ by more than 5 minutes.")
    )
    unreported_by: list[str] = field(
        default_factory=list,
        metadata=meta("Authorities whose sources were collected for that date but who published nothing on it."),
    )
    ambiguous_with: list[str] = field(
        default_factory=list,
        metadata=meta("Events of the same day a day-only statement could belong to; its text does not tell which."),
    )
    revisions: list[Revision] = field(default_factory=list, metadata=meta("Values changed by later statements."))
    grouping_reason: str = field(default="", metadata=meta("Why these reports were grouped together."))
    report_ids: list[str] = field(default_factory=list, metadata=meta("Reports grouped into the event."))
