"""Reconciliation: statements from every source grouped into launch events.

A *statement* is what one document says about one launch (a stored ``Statement``); an
``EventMember`` is a statement with the publication time of its document, the unit that
is grouped. An *event* is one launch or one salvo as every authority saw it.

Grouping (``group_statements``), in this order:

1. Each statement is placed: a *timed* statement spans its stated launch times in UTC
   (first to last; an hour-only time covers its whole hour); a *day-only* statement
   gives the launch day at the launch site; a statement with neither is *unplaced*.
2. Timed statements, taken in order of launch time, join an event when they start at
   most ``JOIN_GAP`` (60 minutes) after the event's last launch time, unless the
   texts contradict each other: missile classes of different families (cruise,
   anti-air, ballistic) or named launch sites more than ``SITE_APART_KM`` apart.
   So a flash and its follow-up, or JCS's and MOD's releases on the same 7:44
   launch, are one event; launches four hours apart are two.
3. A day-only statement joins the timed event of its day (launch-site date, or the
   authority's own date for US commands that date in their own zone) when exactly
   one such event launched before the statement was published; when several did,
   an event whose class or site matches the text is taken if it is the only one;
   otherwise the statement is kept apart and the event lists the candidates in
   ``ambiguous_with``. Day-only statements of a day without a timed event form one
   event per day and class family.
4. An unplaced statement (no launch date: INDOPACOM's "we are aware of the launch")
   joins the timed event that launched in the ``UNDATED_WINDOW`` (36 hours) before it
   was published, when there is exactly one (or one whose class or site the text
   names); otherwise it is an event of its own, listing any candidates in
   ``ambiguous_with``.

Every event's ``grouping_reason`` says which of these rules put its statements together.

Event ids (``assign_ids``): an event's *anchor* is its earliest-published statement
(ties: stage, then report id); a new event's id is ``ev-`` plus a hash of the anchor's
report id (itself a hash of source and URL), so repeated runs and rebuilds of the
same archive give the same ids. The store keeps every report's event id: on the next
run an event keeps the id held by its earliest-published statement that had one, so
the id survives later reports joining, earlier-published reports arriving late and
re-extraction. When two events merge, the id of the earlier-anchored one survives and
the other is retired (recorded as ``merged_event`` in the change log). The store keeps
every id ever given with its anchor: a retired id is given again only to an event that
holds its anchor statement (its reports were withdrawn and came back), never to another.

Per authority (``AuthorityView``), each group of fields (count and qualifier; range;
apogee; launch time and times; area and site; class; name) takes the latest statement
that states it, by publication time: its own releases first, values carried by an
intermediary (a wire report quoting it, ``Statement.claims``) only where its own
releases are silent. Earlier values that a later statement changed are the
``revisions``. Consensus rules and flags: see ``build_event``.
"""

from __future__ import annotations

import json
import statistics
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import asdict, dataclass, field, fields
from datetime import UTC, date, datetime, timedelta, timezone
from math import asin, cos, radians, sin, sqrt
from typing import Any
from zoneinfo import ZoneInfo

from launchfeed.output.store import Change, Store
from launchfeed.output.tables import LAUNCH_AUTHORITIES, MAX_OF, utc_text

from launchfeed.contracts import AUTHORITIES, AuthorityView, Event, Revision, Statement, stable_id

JOIN_GAP = timedelta(minutes=60)
TIME_TOLERANCE = timedelta(minutes=5)
VALUE_TOLERANCE = 0.10  # ranges and apogees agree within 10% of the smaller
SITE_APART_KM = 150.0
UNDATED_WINDOW = timedelta(hours=36)  # a statement with no launch date is about a launch this recent
PUBLICATION_SLACK = timedelta(minutes=10)  # clocks and "about" times: a flash may predate the launch by minutes
DAY_REACH = timedelta(days=2)  # a day-only statement meets the events of its day and the days either side

# North Korean local time (UTC+8:30 from 2015-08-15 to 2018-05-04, else UTC+9)
SITE_ZONE = ZoneInfo("Asia/Pyongyang")
OFFICIAL = tuple(a for a in AUTHORITIES if a != "other")
STAGE_ORDER = {"flash": 0, "followup": 1, "final": 2}
CLASS_FAMILY = {
    "ballistic": "ballistic",
    "icbm": "ballistic",
    "slbm": "ballistic",
    "hypersonic": "ballistic",
    "mlrs": "ballistic",
    "satellite_launch": "ballistic",
    "cruise": "cruise",
    "anti_air": "anti_air",
}
EXACT_QUALIFIERS = (None, "exact", "total")
# AuthorityView fields that one statement states together
UNITS: tuple[tuple[str, ...], ...] = (
    ("count", "count_qualifier"),
    ("range_km",),
    ("apogee_km",),
    ("launch_utc", "time_precision", "launch_times_local"),
    ("launch_area", "launch_site"),
    ("missile_class",),
    ("missile_name",),
)
FAR_FUTURE = datetime.max.replace(tzinfo=UTC)


@dataclass(frozen=True)
class EventMember:
    """What is grouped into events: a statement (report) with the publication time of the
    document it was read from."""

    report: Statement
    published_at: datetime | None = None
    published_precision: str = "day"

    @property
    def order(self) -> tuple:
        """Publication order: time, then stage (a flash before its follow-up), then report id."""
        published = self.published_at.astimezone(UTC) if self.published_at else FAR_FUTURE
        return published, STAGE_ORDER.get(self.report.stage or "", 3), self.report.id


# -- placing statements --------------------------------------------------------------------


@dataclass
class Placement:
    member: EventMember
    start: datetime | None = None  # UTC
    end: datetime | None = None
    day: date | None = None  # launch-site date
    precision: str | None = None

    @property
    def timed(self) -> bool:
        return self.start is not None

    @property
    def report(self) -> Statement:
        return self.member.report


def parse_utc(text: str | None) -> datetime | None:
    if not text:
        return None
    try:
        moment = datetime.fromisoformat(text.replace("Z", "+00:00"))
    except ValueError:
        return None
    return moment.replace(tzinfo=UTC) if moment.tzinfo is None else moment.astimezone(UTC)


def parse_day(text: str | None) -> date | None:
    try:
        return date.fromisoformat(text) if text and len(text) == 10 else None
    except ValueError:
        return None


def _minutes(local_time: str) -> tuple[int, bool] | None:
    """Minutes after midnight of "HH:MM" or "HH", and whether only the hour was given."""
    hour, _, minute = local_time.partition(":")
    if not hour.isdigit() or (minute and not minute.isdigit()):
        return None
    return int(hour) * 60 + int(minute or 0), not minute


def local_span(times: Sequence[str]) -> timedelta:
    """From the first stated launch time to the end of the last (times are in order;
    a time earlier than the one before it is on the next day)."""
    parsed = [m for m in (_minutes(t) for t in times) if m is not None]
    if not parsed:
        return timedelta(0)
    first = previous = parsed[0][0]
    last = first
    for minute, _ in parsed:
        while minute < previous:
            minute += 24 * 60
        previous = last = minute
    hour_only = parsed[-1][1]
    return timedelta(minutes=last - first + (59 if hour_only else 0))


def place(member: EventMember) -> Placement:
    report = member.report
    start = parse_utc(report.launch_utc) if report.time_precision in ("minute", "hour") else None
    day = parse_day(report.launch_date_local)
    if start is not None:
        end = start + local_span(report.launch_times_local)
        if report.time_precision == "hour" and end == start:
            end = start + timedelta(minutes=59)
        return Placement(member, start, end, day or start.astimezone(SITE_ZONE).date(), report.time_precision)
    if day is not None:
        return Placement(member, day=day, precision="day")
    return Placement(member)


# -- grouping --------------------------------------------------------------------------------


@dataclass
class Group:
    """Statements about one launch, and why they were put together."""

    placements: list[Placement] = field(default_factory=list)
    kind: str = "timed"  # timed, day or unplaced
    notes: list[str] = field(default_factory=list)
    ambiguous_with: list[int] = field(default_factory=list)  # indexes of other groups

    @property
    def start(self) -> datetime | None:
        return min((p.start for p in self.placements if p.start), default=None)

    @property
    def end(self) -> datetime | None:
        return max((p.end for p in self.placements if p.end), default=None)

    @property
    def day(self) -> date | None:
        if self.start is not None:
            return self.start.astimezone(SITE_ZONE).date()
        days = Counter(p.day for p in self.placements if p.day)
        return min(days, key=lambda d: (-days[d], d)) if days else None

    @property
    def members(self) -> list[EventMember]:
        return sorted((p.member for p in self.placements), key=lambda s: s.order)

    def sort_key(self) -> tuple:
        when = self.start or (datetime.combine(self.day, datetime.min.time(), UTC) if self.day else FAR_FUTURE)
        return when, self.members[0].report.id


def _family(report: Statement) -> str | None:
    return CLASS_FAMILY.get(report.missile_class or "")


def _distance_km(a: tuple[float, float], b: tuple[float, float]) -> float:
    lat1, lon1, lat2, lon2 = map(radians, (*a, *b))
    h = sin((lat2 - lat1) / 2) ** 2 + cos(lat1) * cos(lat2) * sin((lon2 - lon1) / 2) ** 2
    return 2 * 6371.0 * asin(sqrt(h))


def _coordinates(report: Statement) -> tuple[float, float] | None:
    if report.launch_lat is None or report.launch_lon is None:
        return None
    return report.launch_lat, report.launch_lon


def contradiction(report: Statement, others: Iterable[Statement]) -> str | None:
    """Why the text of a report cannot be about the same launch as the others, if it cannot."""
    family, where = _family(report), _coordinates(report)
    for other in others:
        other_family = _family(other)
        if family and other_family and family != other_family:
            return f"missile class {report.missile_class} vs {other.missile_class}"
        other_where = _coordinates(other)
        if where and other_where and _distance_km(where, other_where) > SITE_APART_KM:
            return f"launch site {report.launch_site} vs {other.launch_site}, over {SITE_APART_KM:.0f} km apart"
    return None


def _affinity(report: Statement, group: Group) -> str | None:
    """What a day-only report shares with an event beyond the day: its class or site."""
    for p in group.placements:
        if report.missile_class and report.missile_class == p.report.missile_class != "ballistic":
            return f"class {report.missile_class}"
        if report.launch_site and report.launch_site == p.report.launch_site:
            return f"site {report.launch_site}"
    return None


def label(member: EventMember) -> str:
    report = member.report
    name = report.authority or report.source or "unknown"
    if report.channel:
        name += f" via {report.channel}"
    return f"{name} {report.stage}" if report.stage else name


def _hhmm(moment: datetime) -> str:
    return moment.strftime("%H:%M")


def _event_days(group: Group, report: Statement) -> set[date]:
    """Dates a statement that gives only the day could mean for a timed event: the launch site's, and
    those of the zone the statement dates it in (its ``tz``: INDOPACOM's Hawaii, the Pentagon's
    Washington, where the launch may still be the day before)."""
    days = {group.start.astimezone(SITE_ZONE).date(), group.end.astimezone(SITE_ZONE).date()}
    offset = _offset(report.tz)
    if offset is not None:
        days |= {group.start.astimezone(offset).date(), group.end.astimezone(offset).date()}
    return days


def _offset(tz: str | None) -> timezone | None:
    """A statement's "+HH:MM" offset as a zone (None when it has none or it is malformed)."""
    if not tz or len(tz) != 6 or tz[0] not in "+-" or tz[3] != ":" or not (tz[1:3] + tz[4:]).isdigit():
        return None
    sign = -1 if tz[0] == "-" else 1
    return timezone(sign * timedelta(hours=int(tz[1:3]), minutes=int(tz[4:])))


def _latest_possible_launch(member: EventMember) -> datetime:
    """A statement reports a launch that happened before it was published."""
    published = member.published_at
    if published is None:
        return FAR_FUTURE
    if member.published_precision in ("minute", "second"):
        return published.astimezone(UTC) + PUBLICATION_SLACK
    # a date only: the launch happened by the end of that day, in the publisher's zone
    return published.replace(hour=23, minute=59, second=59).astimezone(UTC) + PUBLICATION_SLACK


def group_statements(members: Iterable[EventMember]) -> list[Group]:
    """Statements grouped into launches (the rules are in the module docstring); pure and
    deterministic: the same statements in any order give the same groups, in launch order.
    Three passes: the timed statements make the events, then the day-only and the undated
    ones join them (or stand apart)."""
    placements = sorted((place(s) for s in members), key=lambda p: p.member.report.id)
    timed = _group_timed([p for p in placements if p.timed])
    day_only = _join_day_only([p for p in placements if not p.timed and p.day], timed)
    undated = _join_undated([p for p in placements if not p.timed and not p.day], timed)
    # ambiguous_with holds indexes into timed, which leads the list: renumber them in launch order
    every = timed + day_only + undated
    order = sorted(range(len(every)), key=lambda i: every[i].sort_key())
    position = {old: new for new, old in enumerate(order)}
    result = [every[i] for i in order]
    for group in result:
        group.ambiguous_with = sorted(position[i] for i in group.ambiguous_with)
    return result


def _group_timed(placements: list[Placement]) -> list[Group]:
    """Rule 2: timed statements, in launch order, join the open event whose last launch time is
    nearest (within JOIN_GAP) and that their text does not contradict."""
    groups: list[Group] = []
    open_groups: list[tuple[Group, datetime]] = []  # with their last launch time; closed ones drop out
    for p in sorted(placements, key=lambda p: (p.start, p.end, p.report.id)):
        open_groups = [(g, end) for g, end in open_groups if p.start - end <= JOIN_GAP]
        best: Group | None = None
        best_gap = timedelta(0)
        for group, end in open_groups:
            why_not = contradiction(p.report, (q.report for q in group.placements))
            if why_not:
                group.notes.append(f"{label(p.member)} at {_hhmm(p.start)} UTC kept apart: {why_not}")
                continue
            gap = max(p.start - end, timedelta(0))
            if best is None or gap < best_gap:
                best, best_gap = group, gap
        if best is None:
            best = Group([p])
            groups.append(best)
            open_groups.append((best, p.end))
        else:
            best.placements.append(p)
            open_groups = [(g, max(end, p.end) if g is best else end) for g, end in open_groups]
    return groups


def _join_day_only(placements: list[Placement], timed: list[Group]) -> list[Group]:
    """Rule 3: each day-only statement joins the one timed event of its day that launched before it
    was published (or the one its class or site names); otherwise it goes to an event of day-only
    statements (one per day and class family), returned, listing the candidates it could belong to."""
    by_day: dict[date, list[int]] = {}  # timed events by launch-site date
    for i, g in enumerate(timed):
        for day in sorted({g.start.astimezone(SITE_ZONE).date(), g.end.astimezone(SITE_ZONE).date()}):
            by_day.setdefault(day, []).append(i)
    day_groups: list[Group] = []
    for p in sorted(placements, key=lambda p: (p.day, p.report.id)):
        latest = _latest_possible_launch(p.member)
        nearby = sorted({i for offset in (-1, 0, 1) for i in by_day.get(p.day + timedelta(days=offset), [])})
        candidates = [
            i
            for i in nearby
            if p.day in _event_days(timed[i], p.report)
            and timed[i].start <= latest
            and not contradiction(p.report, (q.report for q in timed[i].placements))
        ]
        if len(candidates) > 1:
            matching = [(i, why) for i in candidates if (why := _affinity(p.report, timed[i]))]
            if len(matching) == 1:
                index, why = matching[0]
                timed[index].placements.append(p)
                timed[index].notes.append(
                    f"{label(p.member)} states only the day {p.day}: of {len(candidates)} events that day, "
                    f"the only one with its {why}"
                )
                continue
        if len(candidates) == 1:
            timed[candidates[0]].placements.append(p)
            timed[candidates[0]].notes.append(f"{label(p.member)} states only the day {p.day}: the only event that day")
            continue
        target = next(
            (g for g in day_groups if g.day == p.day and not contradiction(p.report, (q.report for q in g.placements))),
            None,
        )
        if target is None:
            target = Group([], kind="day")
            day_groups.append(target)
        target.placements.append(p)
        if candidates:
            times = ", ".join(f"{_hhmm(timed[i].start)} UTC" for i in candidates)
            target.notes.append(
                f"{label(p.member)} states only the day {p.day}, which had {len(candidates)} events "
                f"({times}), and its text does not say which: kept apart"
            )
            target.ambiguous_with = sorted(set(target.ambiguous_with) | set(candidates))
    return day_groups


def _join_undated(placements: list[Placement], timed: list[Group]) -> list[Group]:
    """Rule 4: each statement with no launch date joins the one timed event that launched in the
    UNDATED_WINDOW before its publication (or the one its class or site names); otherwise it is an
    event of its own, returned, listing the candidates."""
    unplaced: list[Group] = []
    for p in placements:
        latest = _latest_possible_launch(p.member)
        candidates = [
            i
            for i, g in enumerate(timed)
            if latest - UNDATED_WINDOW <= g.start <= latest
            and not contradiction(p.report, (q.report for q in g.placements))
        ]
        if len(candidates) > 1:
            matching = [i for i in candidates if _affinity(p.report, timed[i])]
            candidates = matching if len(matching) == 1 else candidates
        if len(candidates) == 1:
            timed[candidates[0]].placements.append(p)
            timed[candidates[0]].notes.append(
                f"{label(p.member)} states no launch date: the only event in the "
                f"{UNDATED_WINDOW.total_seconds() / 3600:.0f} hours before it was published"
            )
            continue
        lone = Group([p], kind="unplaced")
        lone.ambiguous_with = candidates
        unplaced.append(lone)
    return unplaced


def grouping_reason(group: Group) -> str:
    members = group.members
    if group.kind == "unplaced":
        window = f"the {UNDATED_WINDOW.total_seconds() / 3600:.0f} hours before it was published"
        if members[0].published_at is None:
            why = "nor a publication date"
        elif group.ambiguous_with:
            why = f"{len(group.ambiguous_with)} events launched in {window}"
        else:
            why = f"no event launched in {window}"
        return f"{label(members[0])} states no launch date: an event of its own ({why})"
    if group.kind == "day":
        head = f"statements giving only the day {group.day} (launch-site date): " + ", ".join(map(label, members))
        if not group.ambiguous_with:
            head += "; no event with a launch time that day"
        return "; ".join([head, *group.notes])
    timed = sorted((p for p in group.placements if p.timed), key=lambda p: (p.start, p.member.order))
    window = f"{group.start:%Y-%m-%d %H:%M}" + (f"-{_hhmm(group.end)}" if group.end != group.start else "")
    if len(timed) == 1:
        head = f"one statement with a launch time ({window} UTC): {label(timed[0].member)}"
    else:
        head = f"launch times within {JOIN_GAP.seconds // 60} minutes of each other ({window} UTC): " + ", ".join(
            f"{label(p.member)} {_hhmm(p.start)}" for p in timed
        )
    return "; ".join([head, *group.notes])


# -- ids -------------------------------------------------------------------------------------


def event_id(anchor_report_id: str, salt: int = 0) -> str:
    return "ev-" + stable_id("event", anchor_report_id, *([str(salt)] if salt else []))


@dataclass
class IdAssignment:
    ids: list[str]  # one per group
    anchors: list[str]  # anchor report id per group
    merged: dict[str, str] = field(default_factory=dict)  # retired id -> id of the event that took its reports
    withdrawn: list[str] = field(default_factory=list)  # retired ids whose reports are all gone


def assign_ids(
    groups: Sequence[Group],
    previous: Mapping[str, str] | None = None,
    retired: Mapping[str, str] | None = None,
    reserved: Iterable[str] = (),
) -> IdAssignment:
    """One id per group. ``previous`` maps report ids to the event ids they had; ``retired``
    maps ids no event holds any more to the report that anchored them; ``reserved`` ids are held
    by events these groups are not (those a reconciliation of part of the store leaves as they are)."""
    previous = previous or {}
    retired = retired or {}
    anchors = [g.members[0].report.id for g in groups]
    order = sorted(range(len(groups)), key=lambda i: (groups[i].members[0].order, i))
    ids: list[str | None] = [None] * len(groups)
    used: set[str] = set(reserved)
    for i in order:
        for member in groups[i].members:
            old = previous.get(member.report.id)
            if old and old not in used:
                ids[i] = old
                used.add(old)
                break
    # an event whose reports were all withdrawn and came back (re-extraction) gets its id again
    for i in order:
        member_ids = {s.report.id for s in groups[i].members}
        revived = sorted(old for old, anchor in retired.items() if anchor in member_ids and old not in used)
        if ids[i] is None and revived:
            ids[i] = revived[0]
            used.add(revived[0])
    held = set(previous.values())
    for i in order:
        if ids[i] is None:
            # an id derived from the same anchor is that event's own (revived when it was retired);
            # an id kept by another event is never shared
            salt = 0
            while event_id(anchors[i], salt) in used:
                salt += 1
            ids[i] = event_id(anchors[i], salt)
            used.add(ids[i])
    assignment = IdAssignment([i for i in ids if i is not None], anchors)
    where = {s.report.id: ids[i] for i, g in enumerate(groups) for s in g.members}
    for old in sorted(held - used):
        heirs = [where[r] for r, e in sorted(previous.items()) if e == old and r in where]
        if heirs:
            assignment.merged[old] = Counter(heirs).most_common(1)[0][0]
        else:
            assignment.withdrawn.append(old)
    return assignment


# -- per-authority values ------------------------------------------------------------------


@dataclass
class Contribution:
    """What one statement says one authority stated: its own release, or carried by another."""

    authority: str
    member: EventMember
    carried_by: str | None
    values: dict[str, Any]

    def states(self, unit: tuple[str, ...]) -> bool:
        return any(self.values.get(name) not in (None, []) for name in unit)


def _claim_utc(report: Statement, times: list[str]) -> tuple[str | None, str | None]:
    """UTC of a quoted authority's first launch time, on the report's launch date and zone."""
    day = parse_day(report.launch_date_local)
    first = _minutes(times[0]) if times else None
    zone = _offset(report.tz)
    if day is None or first is None or zone is None:
        return None, None
    local = datetime.combine(day, datetime.min.time(), zone) + timedelta(minutes=first[0])
    return local.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:00Z"), "hour" if first[1] else "minute"


def contributions(member: EventMember) -> list[Contribution]:
    report = member.report
    claims = {c.authority: c for c in report.claims if c.authority}
    out = []
    if report.authority:
        values: dict[str, Any] = {
            "stage": report.stage,
            "launch_utc": report.launch_utc,
            "time_precision": report.time_precision if report.launch_utc else None,
            "launch_times_local": list(report.launch_times_local),
            "launch_area": report.launch_area,
            "launch_site": report.launch_site,
            "missile_class": report.missile_class,
            "missile_name": report.missile_name,
        }
        # a text quoting several authorities mixes their numbers at the top level: take its own claim
        numbers = claims.get(report.authority) if claims else report
        if numbers is not None:
            values |= {
                "count": numbers.count,
                "count_qualifier": numbers.count_qualifier,
                "range_km": list(numbers.range_km),
                "apogee_km": list(numbers.apogee_km),
            }
        out.append(Contribution(report.authority, member, report.channel, values))
    for authority, claim in sorted(claims.items()):
        if authority == report.authority:
            continue
        launch_utc, precision = _claim_utc(report, claim.launch_times_local)
        values = {
            "count": claim.count,
            "count_qualifier": claim.count_qualifier,
            "range_km": list(claim.range_km),
            "apogee_km": list(claim.apogee_km),
            "launch_times_local": list(claim.launch_times_local),
            "launch_utc": launch_utc,
            "time_precision": precision,
        }
        out.append(Contribution(authority, member, report.channel or report.source or "unknown", values))
    return out


def _iso(moment: datetime | None) -> str | None:
    return moment.isoformat() if moment else None


def authority_view(authority: str, contribs: list[Contribution]) -> tuple[AuthorityView, list[Revision]]:
    """An authority's latest values (own releases first) and the values its later statements changed."""
    contribs = sorted(contribs, key=lambda c: c.member.order)
    view = AuthorityView(authority)
    revisions: list[Revision] = []
    for unit in UNITS:
        own = [c for c in contribs if c.carried_by is None and c.states(unit)]
        sequence = own or [c for c in contribs if c.states(unit)]
        for before, after in zip(sequence, sequence[1:], strict=False):
            for name in unit:
                old, new = before.values.get(name), after.values.get(name)
                # a value stated for the first time is not a revision; a dropped one neither
                if old != new and old not in (None, []) and new not in (None, []) and name != "time_precision":
                    revisions.append(
                        Revision(
                            authority=authority,
                            field=name,
                            old=old,
                            new=new,
                            report_id=after.member.report.id,
                            published_at=_iso(after.member.published_at),
                            old_report_id=before.member.report.id,
                            old_published_at=_iso(before.member.published_at),
                            stage=after.member.report.stage,
                            carried_by=after.carried_by,
                        )
                    )
        if sequence:
            for name in unit:
                setattr(view, name, sequence[-1].values.get(name))
    staged = [c for c in contribs if c.values.get("stage")]
    own_staged = [c for c in staged if c.carried_by is None]
    view.stage = (own_staged or staged)[-1].values["stage"] if staged else None
    view.first_published_at = _iso(contribs[0].member.published_at)
    view.carried_by = sorted({c.carried_by for c in contribs if c.carried_by})
    view.report_ids = list(dict.fromkeys(c.member.report.id for c in contribs))
    return view, revisions


def latency_minutes(contribs: list[Contribution], launch: datetime | None) -> float | None:
    """First own statement's publication time minus the launch time, when both are known to the minute."""
    own = sorted((c for c in contribs if c.carried_by is None), key=lambda c: c.member.order)
    if launch is None or not own:
        return None
    first = own[0].member
    if first.published_at is None or first.published_precision not in ("minute", "second"):
        return None
    return round((first.published_at.astimezone(UTC) - launch).total_seconds() / 60, 1)


# -- consensus ---------------------------------------------------------------------------------


def _spread_exceeds(values: list[float], tolerance: float) -> bool:
    return len(values) > 1 and max(values) > min(values) * (1 + tolerance)


def consensus_count(views: list[AuthorityView]) -> tuple[int | None, str | None, bool]:
    """(count, qualifier, disagrees). The exact count most authorities state (ties: the larger);
    without one, the largest lower bound ("at least"), then an approximate count, then "multiple".
    Exact counts disagree when they differ or one is below another authority's lower bound."""
    exact = [v.count for v in views if v.count is not None and v.count_qualifier in EXACT_QUALIFIERS]
    bounds = [v.count for v in views if v.count is not None and v.count_qualifier == "at_least"]
    approx = [v.count for v in views if v.count is not None and v.count_qualifier == "approx"]
    disagrees = len(set(exact)) > 1 or bool(exact and bounds and min(exact) < max(bounds))
    if exact:
        votes = Counter(exact)
        return max(votes, key=lambda n: (votes[n], n)), "exact", disagrees
    if bounds:
        return max(bounds), "at_least", disagrees
    if approx:
        return statistics.median_low(approx), "approx", disagrees
    if any(v.count_qualifier == "multiple" for v in views):
        return None, "multiple", disagrees
    return None, None, disagrees


def consensus_value(values: list[float]) -> tuple[float | None, bool]:
    """Lower median of one value per authority (always a value someone stated), and whether
    the largest exceeds the smallest by more than 10%."""
    if not values:
        return None, False
    return statistics.median_low(values), _spread_exceeds(values, VALUE_TOLERANCE)


def consensus_time(views: list[AuthorityView]) -> tuple[datetime | None, str | None, bool]:
    """Lower median of the authorities' first launch times at the finest precision stated;
    they disagree when two of them are more than 5 minutes apart (an hour-only time
    covers its hour)."""
    stated = [(t, v.time_precision) for v in views if (t := parse_utc(v.launch_utc)) and v.time_precision]
    spans = [(t, t + (timedelta(minutes=59) if p == "hour" else timedelta(0))) for t, p in stated]
    disagrees = bool(spans) and max(s for s, _ in spans) - min(e for _, e in spans) > TIME_TOLERANCE
    for precision in ("minute", "hour"):
        times = sorted(t for t, p in stated if p == precision)
        if times:
            return statistics.median_low(times), precision, disagrees
    return None, None, disagrees


def consensus_class(views: list[AuthorityView]) -> str | None:
    """The class most authorities state; a 'ballistic' vote also supports each specific
    ballistic class (icbm, slbm, ...); ties go to the authority that reported first."""
    stated = [v.missile_class for v in views if v.missile_class]
    if not stated:
        return None
    votes = Counter(stated)
    for name in votes:
        if name != "ballistic" and CLASS_FAMILY.get(name) == "ballistic":
            votes[name] += votes["ballistic"]
    best = max(votes.values())
    return next(c for c in stated if votes[c] == best)


def build_event(
    group: Group, event_id: str, *, collected: Mapping[str, date | None] | None = None, ambiguous_with: list[str] = ()
) -> Event:
    """The event of one group. ``collected`` maps each authority whose sources were collected
    to the first date they cover (None: all dates); an official authority in it that stated
    nothing on the event is listed in ``unreported_by``."""
    by_authority: dict[str, list[Contribution]] = {}
    for member in group.members:
        for c in contributions(member):
            by_authority.setdefault(c.authority, []).append(c)
    ordered = sorted(by_authority, key=lambda a: (min(c.member.order for c in by_authority[a]), a))
    views: dict[str, AuthorityView] = {}
    revisions: list[Revision] = []
    for authority in ordered:
        views[authority], changed = authority_view(authority, by_authority[authority])
        revisions += changed
    official = [views[a] for a in ordered if a in OFFICIAL]

    launch, precision, time_disagrees = consensus_time(official)
    if launch is None and group.start is not None:
        # only statements of no known authority (or of "other") give the time: take it from them
        timed = [p for p in group.placements if p.start == group.start]
        launch, precision = group.start, "minute" if any(p.precision == "minute" for p in timed) else "hour"
    for authority in ordered:
        views[authority].latency_minutes = latency_minutes(
            by_authority[authority], launch if precision == "minute" else None
        )
    count, count_qualifier, count_disagrees = consensus_count(official)
    range_km, range_disagrees = consensus_value([max(v.range_km) for v in official if v.range_km])
    apogee_km, apogee_disagrees = consensus_value([max(v.apogee_km) for v in official if v.apogee_km])
    sites = Counter(v.launch_site for v in official if v.launch_site)
    site = next(
        (v.launch_site for v in official if v.launch_site and sites[v.launch_site] == max(sites.values())), None
    )
    where = next(
        (
            _coordinates(p.report)
            for p in group.placements
            if site and p.report.launch_site == site and _coordinates(p.report)
        ),
        None,
    )
    day = launch.astimezone(SITE_ZONE).date() if launch else group.day
    names = [views["kcna"]] if "kcna" in views and views["kcna"].missile_name else list(views.values())
    unreported = [
        a
        for a in OFFICIAL
        if a in (collected or {})
        and a not in views
        and (collected[a] is None or (day is not None and day >= collected[a]))
    ]
    return Event(
        id=event_id,
        launch_date_local=day.isoformat() if day else None,
        launch_utc=launch.strftime("%Y-%m-%dT%H:%M:00Z") if launch else None,
        time_precision=precision or ("day" if day else None),
        count=count,
        count_qualifier=count_qualifier,
        range_km=range_km,
        apogee_km=apogee_km,
        launch_area=next((v.launch_area for v in official if v.launch_area), None),
        launch_site=site,
        launch_lat=where[0] if where else None,
        launch_lon=where[1] if where else None,
        missile_class=consensus_class(official),
        missile_name=next((v.missile_name for v in names if v.missile_name), None),
        authorities=views,
        count_disagrees=count_disagrees,
        range_disagrees=range_disagrees,
        apogee_disagrees=apogee_disagrees,
        time_disagrees=time_disagrees,
        unreported_by=unreported,
        ambiguous_with=list(ambiguous_with),
        revisions=sorted(revisions, key=lambda r: (r.published_at or "", r.authority, r.field)),
        grouping_reason=grouping_reason(group),
        report_ids=[s.report.id for s in group.members],
    )


@dataclass
class Reconciliation:
    events: list[Event]
    assignment: IdAssignment
    event_of_report: dict[str, str]  # report id -> event id
    orders: dict[str, str] = field(default_factory=dict)  # event id -> its place in launch order (launch_order)


def launch_order(group: Group) -> str:
    """A group's place in launch order as text that sorts the same way (``Group.sort_key``), so the store
    can list events in that order without regrouping every statement."""
    when, anchor = group.sort_key()
    return f"{_utc_text(when)} {anchor}"


def _utc_text(moment: datetime) -> str:
    """A UTC time as fixed-width text: compared as text, it compares as a time."""
    return moment.astimezone(UTC).replace(tzinfo=None).isoformat(timespec="microseconds")


def reconcile(
    members: Iterable[EventMember],
    *,
    previous: Mapping[str, str] | None = None,
    retired: Mapping[str, str] | None = None,
    collected: Mapping[str, date | None] | None = None,
    reserved: Iterable[str] = (),
) -> Reconciliation:
    """Statements in, events out (launch order). ``previous``, ``retired`` and ``reserved``: see
    ``assign_ids``; ``collected``: see ``build_event`` (default: every authority with a
    statement in the input, on all dates)."""
    members = list(members)
    if collected is None:
        collected = {s.report.authority: None for s in members if s.report.authority}
    groups = group_statements(members)
    assignment = assign_ids(groups, previous, retired, reserved)
    events = [
        build_event(
            group,
            assignment.ids[i],
            collected=collected,
            ambiguous_with=[assignment.ids[j] for j in group.ambiguous_with],
        )
        for i, group in enumerate(groups)
    ]
    event_of_report = {report_id: event.id for event in events for report_id in event.report_ids}
    orders = {event.id: launch_order(group) for event, group in zip(events, groups, strict=True)}
    return Reconciliation(events, assignment, event_of_report, orders)


# -- rows for launches.csv / launches.jsonl ------------------------------------------------------


def launch_time_text(launch_utc: str | None, precision: str | None) -> str:
    """A launch time at the launch site, with its offset, and in UTC: "06:15 +09:00 (21:15 UTC)";
    "" when no time is stated (the local date alone says the day)."""
    moment = parse_utc(launch_utc)
    if moment is None or precision not in ("minute", "hour"):
        return ""
    local = moment.astimezone(SITE_ZONE)
    offset = local.strftime("%z")
    return f"{local:%H:%M} {offset[:3]}:{offset[3:]} ({moment:%H:%M} UTC)"


def revision_text(revision: Revision) -> str:
    def shown(value: Any) -> str:
        if isinstance(value, list):
            return "/".join(str(int(v)) if isinstance(v, float) and v.is_integer() else str(v) for v in value)
        return str(value)

    via = f" via {revision.carried_by}" if revision.carried_by else ""
    return (
        f"{revision.authority} {revision.field}: {shown(revision.old)} ({revision.old_published_at or 'undated'}) "
        f"-> {shown(revision.new)} ({revision.published_at or 'undated'}{via})"
    )


def launch_row(event: Event) -> dict[str, Any]:
    """The event as one flat launches.csv row (columns: output.tables.LAUNCHES): each authority's
    list of ranges and apogees also as its largest value, every UTC time written one way."""
    row: dict[str, Any] = {"event_id": event.id}
    for f in fields(Event):
        if f.name not in ("id", "authorities", "revisions"):
            row[f.name] = getattr(event, f.name)
    row["launch_utc"] = utc_text(event.launch_utc)
    row["revisions"] = [revision_text(r) for r in event.revisions]
    for authority in LAUNCH_AUTHORITIES:
        view = event.authorities.get(authority)
        for f in fields(AuthorityView):
            if f.name not in ("authority", "report_ids"):
                row[f"{authority}_{f.name}"] = getattr(view, f.name) if view else None
        row[f"{authority}_launch_utc"] = utc_text(view.launch_utc) if view else None
        for name in MAX_OF:
            values = getattr(view, name) if view else []
            row[f"{authority}_{name}_max"] = max(values) if values else None
    return row


def event_record(event: Event) -> dict[str, Any]:
    """The event as one launches.jsonl object: the Event contract, authorities and revisions nested,
    every UTC time written one way (as in launches.csv)."""
    record = asdict(event)
    record["launch_utc"] = utc_text(event.launch_utc)
    for view in record["authorities"].values():
        view["launch_utc"] = utc_text(view["launch_utc"])
    for revision in record["revisions"]:
        if revision["field"] == "launch_utc":
            revision["old"], revision["new"] = utc_text(revision["old"]), utc_text(revision["new"])
    return record


# -- the store: statements in, events and their ids kept -------------------------------------------


def load_members(store: Store, ids: Iterable[str] | None = None) -> list[EventMember]:
    """Every stored report (or those of ``ids``) with its document's publication time."""
    members = []
    for report, when, precision in store.dated_statements(ids):
        try:
            moment = datetime.fromisoformat(when) if when else None
        except ValueError:
            moment = None
        if moment is not None and moment.tzinfo is None:
            moment = None  # a publication time without its offset cannot be placed
        members.append(EventMember(report, moment, precision or "day"))
    return members


def reach(member: EventMember) -> tuple[str, str]:
    """The stretch of time (UTC, as text) in which a statement can meet others, by the grouping rules:
    a timed one, the events whose last launch time is at most JOIN_GAP before its own; a day-only one,
    the events launched on its day or the days either side (in any zone: two days either side of its
    day's midnight); an undated one, those launched in the UNDATED_WINDOW before its publication. The
    members of one event reach each other, in a chain; so do every statement whose choice another's
    presence could change. Statements whose reaches never overlap, nor chain through others that do,
    never change each other's events: that is what lets a reconciliation regroup only a stretch."""
    p = place(member)
    if p.timed:
        lo, hi = p.start, p.end + JOIN_GAP
    elif p.day is not None:
        midnight = datetime.combine(p.day, datetime.min.time(), UTC)
        lo, hi = midnight - DAY_REACH, midnight + DAY_REACH
    else:
        hi = _latest_possible_launch(member)
        lo = hi - UNDATED_WINDOW
    return _utc_text(lo), _utc_text(hi)


def _hull(spans: Iterable[tuple[str, str]]) -> tuple[str, str] | None:
    spans = list(spans)
    return (min(lo for lo, _ in spans), max(hi for _, hi in spans)) if spans else None


def collected_authorities(store: Store, source_authorities: Mapping[str, str | None]) -> dict[str, date | None]:
    """Authorities whose sources were collected, each with the first day the collection covers:
    its oldest document, or its first successful run when it has none."""
    first: dict[str, date] = {}
    for source, text in store.first_collected_days().items():
        authority = source_authorities.get(source)
        try:
            day = date.fromisoformat(text) if authority else None
        except ValueError:
            day = None
        if day is not None and (authority not in first or day < first[authority]):
            first[authority] = day
    return dict(sorted(first.items()))


def stored_events(store: Store) -> list[Event]:
    """The events of the last reconciliation, in launch order."""
    return sorted(store.events(), key=_launch_order)


def _launch_order(event: Event) -> tuple:
    return event.launch_utc or f"{event.launch_date_local or '9999'}T99", event.id


@dataclass
class Outcome:
    """What a reconciliation of the store changed."""

    events: list[Event]
    new: list[str] = field(default_factory=list)
    changed: list[str] = field(default_factory=list)
    merged: dict[str, str] = field(default_factory=dict)
    withdrawn: list[str] = field(default_factory=list)


def _reconcile_stored(store: Store, source_authorities: Mapping[str, str | None]) -> Reconciliation:
    return reconcile(
        load_members(store),
        previous=store.event_assignment(),
        retired=store.retired_event_ids(),
        collected=collected_authorities(store, source_authorities),
    )


def current_events(store: Store, source_authorities: Mapping[str, str | None]) -> list[Event]:
    """The events the stored reports make now, under their kept ids, without writing anything."""
    return _reconcile_stored(store, source_authorities).events


def reconcile_store(
    store: Store, source_authorities: Mapping[str, str | None], *, collected: Mapping[str, date | None] | None = None
) -> Outcome:
    """Reconcile every stored report into events and keep them in the store, in one
    transaction. ``source_authorities`` maps source ids to the authority each one publishes
    (for ``unreported_by``). New events, changed values (per launches.csv column), merged and
    withdrawn events go to the change log; a run that changes nothing writes nothing."""
    queued = store.queued_statements()
    collected = collected_authorities(store, source_authorities) if collected is None else collected
    members = load_members(store)
    result = reconcile(
        members, previous=store.event_assignment(), retired=store.retired_event_ids(), collected=collected
    )
    store.set_reach({member.report.id: reach(member) for member in members}, everything=True)
    return _keep(store, result, store.events(), scope=None, processed=queued, collected=collected)


def reconcile_changes(store: Store, source_authorities: Mapping[str, str | None]) -> Outcome:
    """Reconcile what changed since the last reconciliation, as ``reconcile_store`` would, reading only
    the stretch of time the changed statements reach (``reach``): the statements there, with those of
    their events before the change, and the stretches those reach in turn. The events outside it keep
    their statements, values and ids. ``Outcome.events`` are the events regrouped. The whole store is
    reconciled when it never was, or when the authorities collected changed (``unreported_by`` of any
    event may change then)."""
    collected = collected_authorities(store, source_authorities)
    if store.state("collected") != _collected_text(collected):
        return reconcile_store(store, source_authorities, collected=collected)
    queued = store.queued_statements()
    if not queued:
        return Outcome([])
    gone: dict[str, tuple[str, str] | None] = dict.fromkeys(queued)
    store.set_reach(gone | {member.report.id: reach(member) for member in load_members(store, queued)})
    scope = set(queued) | set(store.event_members(set(store.event_assignment(queued).values())))
    window = _hull(store.reach_of(scope).values())
    while window is not None:
        found = store.reaching(*window)
        # the events these statements were in before: all of their statements are regrouped too
        scope |= set(found) | set(store.event_members(set(store.event_assignment(found).values())))
        wider = _hull([window, *store.reach_of(scope).values()])
        if wider == window:
            break
        window = wider
    previous = store.event_assignment(scope)
    held = set(previous.values())
    result = reconcile(
        load_members(store, scope),
        previous=previous,
        retired=store.retired_event_ids(scope),
        collected=collected,
        reserved=store.event_ids() - held,
    )
    return _keep(store, result, store.events(held), scope=scope, processed=queued, collected=collected)


def _collected_text(collected: Mapping[str, date | None]) -> str:
    return json.dumps({a: day.isoformat() if day else None for a, day in sorted(collected.items())})


def _keep(
    store: Store,
    result: Reconciliation,
    before: list[Event],
    *,
    scope: set[str] | None,
    processed: set[str],
    collected: Mapping[str, date | None],
) -> Outcome:
    """Keep a reconciliation of the events ``before`` (all of them, or those of the reports of
    ``scope``): what changed is written and logged."""
    outcome = Outcome(result.events, merged=result.assignment.merged, withdrawn=result.assignment.withdrawn)
    old = {event.id: event for event in before}
    changed: list[Event] = []
    log: list[Change] = []
    for event in result.events:
        before_event = old.get(event.id)
        if before_event == event:
            continue
        changed.append(event)
        if before_event is None:
            outcome.new.append(event.id)
            log.append(Change("new_event", event.id, new=event.launch_utc or event.launch_date_local))
            continue
        outcome.changed.append(event.id)
        old_row, new_row = launch_row(before_event), launch_row(event)
        for name, value in new_row.items():
            # grouping_reason is prose; a NAME_max column repeats the change of its list column; an
            # authority new to the event has [] where it had None: neither states a value
            old_value = old_row.get(name)
            unstated = old_value in (None, [], "") and value in (None, [], "")
            if name != "grouping_reason" and not name.endswith("_max") and old_value != value and not unstated:
                log.append(Change("revised_event_value", event.id, name, old_value, value))
    removed = {gone: result.assignment.merged.get(gone) for gone in sorted(set(old) - {e.id for e in result.events})}
    for gone, heir in removed.items():
        log.append(Change("merged_event", gone, new=heir) if heir else Change("withdrawn_event", gone))
    anchors = dict(zip(result.assignment.ids, result.assignment.anchors, strict=True))
    store.save_events(
        changed, removed, anchors, result.event_of_report, log, orders=result.orders,
        scope=None if scope is None else scope | processed, processed=processed, collected=_collected_text(collected),
    )  # fmt: skip
    return outcome
