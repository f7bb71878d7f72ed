"""Cross-check launch events against a reference list of launches.

The reference is a file in the layout of the CNS-based North Korea missile test dataset
(``nk_missile_tests.json``): ``timeBins[].data[]`` rows, one per missile, with ``date``
(UTC, YYYY-MM-DD), ``time`` ("HH:MM (UTC)" or "unknown"), ``series`` (position within a
salvo; absent for a lone missile), ``facility`` (slug), ``apogee`` and ``distance`` (km, or
"unknown"). The user passes the file; launchfeed ships no copy.

Reference launches: consecutive rows whose ``series`` counts up (1, 2, 3 ...) are one
salvo; a row without ``series`` is a launch of its own.

Matching: an event and a reference launch match when their launch times come within
``MATCH_GAP`` (60 minutes) of each other; then, among what is still unmatched, an event
or reference launch without a time matches on the day (the event's launch-site date, the
reference's UTC date or the launch-site date of its time). Matches are taken as
connected groups, so one event that covers two reference rows without ``series`` (or the
reverse) is one match. Field differences per match: count (number of reference rows;
an "at least" count differs only when the reference has fewer), range and apogee (the
longest on each side, beyond 10%), time (the first launch, beyond 5 minutes) and site
(same slug, or within ``SITE_MATCH_KM`` when facility coordinates are known).

Reference launches outside the compared period (by default the first to the last day of
the events) are not counted as missing.

Coverage: of the reference launches in the period, how many have at least one statement (a matched
event), in all and by authority, and which have none (how complete a backfill of that period is).
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

from launchfeed.output.events import SITE_ZONE, TIME_TOLERANCE, VALUE_TOLERANCE, _distance_km, local_span, parse_utc

from launchfeed.contracts import AUTHORITIES, Event

MATCH_GAP = timedelta(minutes=60)
SITE_MATCH_KM = 50.0
FACILITIES_FILE = "nk_missile_facilities.json"
_TIME = re.compile(r"^\s*(\d{1,2}):(\d{2})\s*(?:\(UTC\))?\s*$")


class ReferenceError(Exception):
    """The reference file cannot be read; the message says where and why."""


@dataclass
class ReferenceLaunch:
    """One launch (a salvo or a lone missile) of the reference list."""

    date: date  # UTC; the first of the month when the reference gives only the month
    times: list[datetime | None]  # per missile, UTC
    facilities: list[str]
    missiles: list[str]
    distance_km: list[float]
    apogee_km: list[float]
    rows: list[int]  # positions of its rows in the file, from 1
    date_precision: str = "day"  # or "month" (the early tests: "1984-09")

    @property
    def count(self) -> int:
        return len(self.rows)

    @property
    def start(self) -> datetime | None:
        return min((t for t in self.times if t), default=None)

    @property
    def end(self) -> datetime | None:
        return max((t for t in self.times if t), default=None)

    @property
    def last_day(self) -> date:
        if self.date_precision == "month":
            return (self.date.replace(day=28) + timedelta(days=4)).replace(day=1) - timedelta(days=1)
        return self.date

    def local_days(self) -> set[date]:
        if self.date_precision == "month":
            return set()
        if self.start is None:
            return {self.date, self.date + timedelta(days=1)}  # UTC date; the site is 8.5-9 hours ahead
        return {self.start.astimezone(SITE_ZONE).date(), self.end.astimezone(SITE_ZONE).date()}

    def summary(self) -> dict[str, Any]:
        return {
            "date": self.date.isoformat()[:7] if self.date_precision == "month" else self.date.isoformat(),
            "time_utc": self.start.strftime("%H:%M") if self.start else None,
            "missiles": self.count,
            "facilities": sorted(set(self.facilities)),
            "missile_types": sorted(set(self.missiles)),
            "distance_km": max(self.distance_km, default=None),
            "apogee_km": max(self.apogee_km, default=None),
            "rows": self.rows,
        }


def _number(value: Any, where: str, name: str) -> float | None:
    if value is None or (isinstance(value, str) and value.strip().lower() in ("", "unknown", "na", "n/a")):
        return None
    if isinstance(value, bool):
        raise ReferenceError(f"{where}: {name} {value!r} is not a number of km or 'unknown'")
    try:
        return float(str(value).replace(",", "").strip())
    except ValueError:
        raise ReferenceError(f"{where}: {name} {value!r} is not a number of km or 'unknown'") from None


def parse_reference(data: Any, source: str = "reference") -> list[ReferenceLaunch]:
    if not isinstance(data, dict) or not isinstance(data.get("timeBins"), list):
        raise ReferenceError(f"{source}: expected an object with a 'timeBins' list (the nk_missile_tests.json layout)")
    launches: list[ReferenceLaunch] = []
    previous_series: int | None = None
    position = 0
    for b, time_bin in enumerate(data["timeBins"]):
        rows = time_bin.get("data") if isinstance(time_bin, dict) else None
        if not isinstance(rows, list):
            raise ReferenceError(f"{source}: timeBins[{b}] has no 'data' list")
        for r, row in enumerate(rows):
            position += 1
            where = f"{source}: timeBins[{b}].data[{r}]"
            if not isinstance(row, dict):
                raise ReferenceError(f"{where}: not an object")
            raw_date = str(row.get("date"))
            precision = "month" if re.fullmatch(r"\d{4}-\d{2}", raw_date) else "day"
            try:
                day = date.fromisoformat(raw_date + "-01" if precision == "month" else raw_date)
            except ValueError:
                raise ReferenceError(f"{where}: date {raw_date!r} is not YYYY-MM-DD (or YYYY-MM)") from None
            raw_time = str(row.get("time") or "unknown")
            moment = None
            if raw_time.strip().lower() != "unknown" and precision == "day":
                match = _TIME.match(raw_time)
                if not match or int(match.group(1)) > 23 or int(match.group(2)) > 59:
                    raise ReferenceError(f"{where}: time {raw_time!r} is not 'HH:MM (UTC)' or 'unknown'")
                moment = datetime(day.year, day.month, day.day, int(match.group(1)), int(match.group(2)), tzinfo=UTC)
            series = row.get("series")
            if series is not None and (isinstance(series, bool) or not isinstance(series, int)):
                raise ReferenceError(f"{where}: series {series!r} is not a whole number")
            continues = (
                series is not None
                and previous_series is not None
                and series == previous_series + 1
                and launches
                and (day - launches[-1].date).days in (0, 1)
            )
            if not continues:
                launches.append(ReferenceLaunch(day, [], [], [], [], [], [], precision))
            launch = launches[-1]
            launch.times.append(moment)
            launch.facilities.append(str(row.get("facility") or "unknown"))
            launch.missiles.append(str(row.get("missile") or "unknown"))
            if (distance := _number(row.get("distance"), where, "distance")) is not None:
                launch.distance_km.append(distance)
            if (apogee := _number(row.get("apogee"), where, "apogee")) is not None:
                launch.apogee_km.append(apogee)
            launch.rows.append(position)
            previous_series = series
    return launches


def load_reference(path: Path) -> list[ReferenceLaunch]:
    try:
        data = json.loads(Path(path).read_text(encoding="utf-8"))
    except OSError as exc:
        raise ReferenceError(f"cannot read {path}: {exc.strerror or exc}") from exc
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise ReferenceError(f"{path} is not JSON: {exc}") from exc
    return parse_reference(data, str(path))


def load_facilities(path: Path) -> dict[str, tuple[float, float]]:
    """Facility slug -> (lat, lon), from a file in the nk_missile_facilities.json layout."""
    try:
        data = json.loads(Path(path).read_text(encoding="utf-8"))
        return {
            slug: (float(item["lat"]), float(item["lon"]))
            for slug, item in data["facilities"].items()
            if slug != "unknown"
        }
    except OSError as exc:
        raise ReferenceError(f"cannot read {path}: {exc.strerror or exc}") from exc
    except (UnicodeDecodeError, ValueError, KeyError, TypeError, AttributeError) as exc:
        raise ReferenceError(f"{path}: expected {{'facilities': {{slug: {{lat, lon}}}}}} ({exc})") from exc


# -- matching ------------------------------------------------------------------------------------


@dataclass
class Difference:
    field: str
    ours: Any
    reference: Any

    def text(self) -> str:
        return f"{self.field} {_shown(self.ours)} vs {_shown(self.reference)}"


def _shown(value: Any) -> str:
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, list):
        return "/".join(map(str, value)) or "-"
    return "-" if value is None else str(value)


@dataclass
class Match:
    events: list[Event]
    references: list[ReferenceLaunch]
    differences: list[Difference] = field(default_factory=list)


@dataclass
class Crosscheck:
    reference: str
    since: date | None
    until: date | None
    reference_launches: int
    reference_missiles: int
    outside_period: int
    matched: list[Match] = field(default_factory=list)
    missing_in_reference: list[Event] = field(default_factory=list)
    missing_in_events: list[ReferenceLaunch] = field(default_factory=list)
    in_period: list[ReferenceLaunch] = field(default_factory=list)
    # per authority that has statements in the events compared: the reference launches in the period
    # that none of its statements covers
    uncovered: dict[str, list[ReferenceLaunch]] = field(default_factory=dict)


def _event_span(event: Event) -> tuple[datetime, datetime] | None:
    start = parse_utc(event.launch_utc) if event.time_precision in ("minute", "hour") else None
    if start is None:
        return None
    # the last launch: each authority's first time plus the span of the times it states
    ends = [
        first + local_span(view.launch_times_local)
        for view in event.authorities.values()
        if (first := parse_utc(view.launch_utc)) is not None
    ]
    end = max([*ends, start])
    return start, end + (timedelta(minutes=59) if event.time_precision == "hour" else timedelta(0))


def _event_day(event: Event) -> date | None:
    try:
        return date.fromisoformat(event.launch_date_local) if event.launch_date_local else None
    except ValueError:
        return None


def _utc_day(event: Event) -> date | None:
    span = _event_span(event)
    return span[0].date() if span else _event_day(event)


def _near(a: tuple[datetime, datetime], b: tuple[datetime, datetime]) -> bool:
    return max(a[0], b[0]) - min(a[1], b[1]) <= MATCH_GAP


def compare(
    events: Sequence[Event],
    references: Sequence[ReferenceLaunch],
    *,
    reference_name: str = "reference",
    since: date | None = None,
    until: date | None = None,
    facilities: dict[str, tuple[float, float]] | None = None,
) -> Crosscheck:
    days = [d for d in map(_utc_day, events) if d]
    since = since or (min(days) if days else None)
    until = until or (max(days) if days else None)
    inside = [r for r in references if (since is None or r.last_day >= since) and (until is None or r.date <= until)]
    result = Crosscheck(
        reference_name,
        since,
        until,
        reference_launches=len(references),
        reference_missiles=sum(r.count for r in references),
        outside_period=len(references) - len(inside),
    )
    # union-find over events (0..n-1) and reference launches (n..)
    parent = list(range(len(events) + len(inside)))

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    def join(i: int, k: int) -> None:
        parent[root(i)] = root(k)

    n = len(events)
    spans = [_event_span(e) for e in events]
    timed_links = set()
    for i, span in enumerate(spans):
        for j, ref in enumerate(inside):
            if span and ref.start and _near(span, (ref.start, ref.end)):
                join(i, n + j)
                timed_links |= {i, n + j}

    def same_day(i: int, ref: ReferenceLaunch) -> bool:
        if (spans[i] and ref.start) or ref.date_precision == "month":
            return False  # both timed and not near: different launches; a month cannot be matched
        if spans[i]:
            return ref.date in {spans[i][0].date(), spans[i][1].date()}
        return _event_day(events[i]) in ref.local_days()

    # what a time could not match, matches on the day: preferably something unmatched; else the
    # only candidate of that day (a second event on the same launch shows as such)
    day_links: set[int] = set()
    for i in range(n):
        if i in timed_links:
            continue
        candidates = [n + j for j, ref in enumerate(inside) if same_day(i, ref)]
        chosen = [k for k in candidates if k not in timed_links] or (candidates if len(candidates) == 1 else [])
        for k in chosen:
            join(i, k)
            day_links |= {i, k}
    for j, ref in enumerate(inside):
        if n + j in timed_links or n + j in day_links:
            continue
        candidates = [i for i in range(n) if same_day(i, ref)]
        chosen = [i for i in candidates if i not in timed_links] or (candidates if len(candidates) == 1 else [])
        for i in chosen:
            join(i, n + j)
    components: dict[int, tuple[list[Event], list[ReferenceLaunch]]] = {}
    for i, event in enumerate(events):
        components.setdefault(root(i), ([], []))[0].append(event)
    for j, ref in enumerate(inside):
        components.setdefault(root(n + j), ([], []))[1].append(ref)
    for ours, theirs in components.values():
        if ours and theirs:
            result.matched.append(Match(ours, theirs, differences(ours, theirs, facilities)))
        elif ours:
            result.missing_in_reference.extend(ours)
        else:
            result.missing_in_events.extend(theirs)
    result.in_period = sorted(inside, key=lambda r: (r.date, r.rows[0]))
    speaking = {authority for event in events for authority in event.authorities}
    for authority in (a for a in AUTHORITIES if a in speaking):
        covered = {id(r) for m in result.matched if any(authority in e.authorities for e in m.events)
                   for r in m.references}  # fmt: skip
        result.uncovered[authority] = [r for r in result.in_period if id(r) not in covered]
    result.matched.sort(key=lambda m: (m.references[0].date, m.references[0].rows[0]))
    result.missing_in_reference.sort(key=lambda e: (str(_utc_day(e)), e.id))
    result.missing_in_events.sort(key=lambda r: (r.date, r.rows[0]))
    return result


def _beyond(a: float, b: float, tolerance: float) -> bool:
    return max(a, b) > min(a, b) * (1 + tolerance)


def differences(
    events: list[Event], references: list[ReferenceLaunch], facilities: dict[str, tuple[float, float]] | None
) -> list[Difference]:
    out: list[Difference] = []
    rows = sum(r.count for r in references)
    counts = [e.count for e in events]
    if all(c is not None for c in counts):
        ours = sum(counts)
        qualifiers = {e.count_qualifier for e in events}
        bound = "at_least" in qualifiers
        if (rows < ours) if bound else (rows != ours):
            out.append(Difference("count", f"at least {ours}" if bound else ours, rows))
    for name, ours_values, theirs_values in (
        ("range_km", [e.range_km for e in events if e.range_km], [d for r in references for d in r.distance_km]),
        ("apogee_km", [e.apogee_km for e in events if e.apogee_km], [a for r in references for a in r.apogee_km]),
    ):
        if ours_values and theirs_values and _beyond(max(ours_values), max(theirs_values), VALUE_TOLERANCE):
            out.append(Difference(name, max(ours_values), max(theirs_values)))
    ours_start = min((s[0] for e in events if (s := _event_span(e)) and e.time_precision == "minute"), default=None)
    theirs_start = min((r.start for r in references if r.start), default=None)
    if ours_start and theirs_start and abs(ours_start - theirs_start) > TIME_TOLERANCE:
        out.append(Difference("time_utc", ours_start.strftime("%H:%M"), theirs_start.strftime("%H:%M")))
    sites = sorted({e.launch_site for e in events if e.launch_site})
    slugs = sorted({f for r in references for f in r.facilities if f != "unknown"})
    if sites and slugs and not _same_site(events, slugs, facilities or {}):
        out.append(Difference("site", sites, slugs))
    return out


def _same_site(events: list[Event], slugs: list[str], facilities: dict[str, tuple[float, float]]) -> bool:
    for event in events:
        if event.launch_site in slugs:
            return True
        if event.launch_lat is None or event.launch_lon is None:
            continue
        for slug in slugs:
            if (
                slug in facilities
                and _distance_km((event.launch_lat, event.launch_lon), facilities[slug]) <= SITE_MATCH_KM
            ):
                return True
    return False


# -- output ---------------------------------------------------------------------------------------


def _event_summary(event: Event) -> dict[str, Any]:
    return {
        "event_id": event.id,
        "launch_utc": event.launch_utc,
        "launch_date_local": event.launch_date_local,
        "count": event.count,
        "count_qualifier": event.count_qualifier,
        "range_km": event.range_km,
        "apogee_km": event.apogee_km,
        "launch_site": event.launch_site,
        "authorities": sorted(event.authorities),
    }


def result_json(result: Crosscheck) -> dict[str, Any]:
    kinds = ("count", "range_km", "apogee_km", "time_utc", "site")
    return {
        "reference": result.reference,
        "period": {
            "since": result.since.isoformat() if result.since else None,
            "until": result.until.isoformat() if result.until else None,
        },
        "totals": {
            "reference_launches": result.reference_launches,
            "reference_missiles": result.reference_missiles,
            "reference_outside_period": result.outside_period,
            "matched": len(result.matched),
            "matched_events": sum(len(m.events) for m in result.matched),
            "matched_reference_launches": sum(len(m.references) for m in result.matched),
            "missing_in_reference": len(result.missing_in_reference),
            "missing_in_events": len(result.missing_in_events),
            "differences": {k: sum(any(d.field == k for d in m.differences) for m in result.matched) for k in kinds},
        },
        "matched": [
            {
                "events": [_event_summary(e) for e in m.events],
                "reference": [r.summary() for r in m.references],
                "differences": [{"field": d.field, "ours": d.ours, "reference": d.reference} for d in m.differences],
            }
            for m in result.matched
        ],
        "missing_in_reference": [_event_summary(e) for e in result.missing_in_reference],
        "missing_in_events": [r.summary() for r in result.missing_in_events],
        "coverage": {
            "reference_launches": len(result.in_period),
            "with_a_statement": len(result.in_period) - len(result.missing_in_events),
            "by_authority": {
                authority: {
                    "with_a_statement": len(result.in_period) - len(missing),
                    "without": [r.summary()["date"] for r in missing],
                }
                for authority, missing in result.uncovered.items()
            },
        },
    }


def _when(event: Event) -> str:
    if event.launch_utc:
        return event.launch_utc.replace("T", " ").replace(":00Z", "Z")
    return f"{event.launch_date_local or 'undated'} (day only)"


def _reference_line(ref: ReferenceLaunch) -> str:
    time = ref.start.strftime("%H:%MZ") if ref.start else "time unknown"
    facilities = ", ".join(sorted(set(ref.facilities)))
    return f"{ref.summary()['date']} {time}  {ref.count} missile{'s' if ref.count != 1 else ''}, {facilities}"


def _n(count: int, noun: str) -> str:
    """1 reference launch, 2 reference launches."""
    plural = noun + ("es" if noun.endswith(("ch", "sh", "s")) else "s")
    return f"{count} {noun if count == 1 else plural}"


def render_summary(result: Crosscheck, *, show: Iterable[str] = ("differences", "missing")) -> str:
    totals = result_json(result)["totals"]
    period = f"{result.since} to {result.until}" if result.since else "no events"
    lines = [
        f"Cross-check against {result.reference}: {_n(totals['reference_launches'], 'reference launch')} "
        f"({_n(totals['reference_missiles'], 'missile')})",
        f"Period compared (UTC): {period}; {_n(result.outside_period, 'reference launch')} outside it not counted",
        f"Matched: {totals['matched']} ({_n(totals['matched_events'], 'event')}, "
        f"{_n(totals['matched_reference_launches'], 'reference launch')})",
        "  with differences: " + ", ".join(f"{k} {v}" for k, v in totals["differences"].items()),
        f"Missing from the reference: {_n(totals['missing_in_reference'], 'event')}",
        f"Missing from the events: {_n(totals['missing_in_events'], 'reference launch')}",
    ]
    lines += _coverage_lines(result)
    show = set(show)
    differing = [m for m in result.matched if m.differences]
    if "differences" in show and differing:
        lines += ["", "Differences (ours vs reference):"]
        for m in differing:
            ids = ", ".join(e.id for e in m.events)
            lines.append(f"  {_when(m.events[0])}  {ids}: " + "; ".join(d.text() for d in m.differences))
    if "missing" in show and result.missing_in_reference:
        lines += ["", "Events missing from the reference:"]
        lines += [f"  {_when(e)}  {e.id}  ({', '.join(sorted(e.authorities))})" for e in result.missing_in_reference]
    if "missing" in show and result.missing_in_events:
        lines += ["", "Reference launches missing from the events:"]
        lines += [f"  {_reference_line(r)}" for r in result.missing_in_events]
    return "\n".join(lines) + "\n"


def _share(part: int, whole: int) -> str:
    return f"{part} of {whole} ({100 * part / whole:.0f}%)" if whole else "0 of 0"


def _coverage_lines(result: Crosscheck) -> list[str]:
    """How many reference launches of the period have a statement, in all and by authority, and which do not."""
    total = len(result.in_period)
    lines = [f"Coverage: {_share(total - len(result.missing_in_events), total)} reference launches in the period "
             "have a statement"]  # fmt: skip
    width = max((len(a) for a in result.uncovered), default=0)
    for authority, missing in result.uncovered.items():
        without = f"; without: {', '.join(r.summary()['date'] for r in missing)}" if missing else ""
        lines.append(f"  {authority:<{width}}  {_share(total - len(missing), total)}{without}")
    return lines
