"""report.html: one static page on every launch event, for reading in a browser.

A timeline of the launches, every authority's values side by side per launch with
the disagreements highlighted, and a chart of range against apogee by missile class.
Everything is inline (CSS, a few lines of JavaScript for the filters, SVG charts drawn
here), so the page opens from a file with no server and loads nothing from anywhere:
its Content-Security-Policy allows only its own style and script, by hash. Every
value from a source is HTML-escaped, and only http(s) URLs become links.
"""

from __future__ import annotations

import base64
import hashlib
import html
import math
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import UTC, date, datetime

from launchfeed.output.atom import event_title
from launchfeed.output.catalog import Catalog
from launchfeed.output.changes import count_text
from launchfeed.output.writers import clean_text, format_number, web_url

from launchfeed.contracts import AUTHORITY_NAMES, MISSILE_CLASSES, AuthorityView, Event, Revision

# Okabe-Ito colours: told apart with the common colour-vision deficiencies
CLASS_COLORS = {"ballistic": "#0072B2", "icbm": "#D55E00", "cruise": "#009E73", "hypersonic": "#CC79A7",
                "slbm": "#56B4E9", "mlrs": "#E69F00", "satellite_launch": "#8C7A00", "anti_air": "#999999",
                "other": "#000000"}  # fmt: skip
REPORT_FILE = "report.html"  # its name in the data directory
UNKNOWN_COLOR = "#BBBBBB"
FLAGS = ("count", "range", "apogee", "time")

STYLE = """
body{font:14px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,"Noto Sans","Noto Sans CJK JP",IPAGothic,sans-serif;
margin:0 auto;max-width:1180px;padding:16px 24px;color:#1d1d1f;background:#fff}
h1{font-size:22px;margin:8px 0 2px}h2{font-size:17px;margin:28px 0 8px;border-bottom:1px solid #ddd}
h3{font-size:15px;margin:0 0 4px}.meta,.note{color:#555;font-size:12.5px}
svg{display:block;width:100%;height:auto}svg text{font:11px system-ui,sans-serif;fill:#333}
.grid{stroke:#e4e4e4}.axis{stroke:#888}.dis{stroke:#C00000;stroke-width:2.5}.ok{stroke:#fff;stroke-width:1}
.dim{opacity:.15}.legend{display:flex;flex-wrap:wrap;gap:12px;margin:6px 0;font-size:12.5px}
.sw{display:inline-block;width:11px;height:11px;border-radius:50%;margin-right:4px;vertical-align:-1px}
.filters{position:sticky;top:0;background:#fff;padding:8px 0;border-bottom:1px solid #eee;z-index:1;
display:flex;gap:14px;align-items:center;flex-wrap:wrap}input[type=search]{width:260px;padding:3px 6px}
section.event{border:1px solid #ddd;border-radius:6px;padding:10px 12px;margin:12px 0}
section.event.flagged{border-left:5px solid #C00000}
table.side{border-collapse:collapse;margin:6px 0;font-size:13px}
table.side th,table.side td{border:1px solid #e2e2e2;padding:3px 8px;text-align:left;vertical-align:top}
table.side thead th{background:#f5f5f7}table.side td.consensus{background:#f9f9fb;font-weight:600}
tr.disagree th{color:#C00000}tr.disagree td{background:#fff4d6}tr.disagree td.differs{background:#ffd9a8;
font-weight:700}.badge{display:inline-block;background:#C00000;color:#fff;border-radius:3px;padding:0 5px;
font-size:11.5px;margin-left:4px}details{margin-top:4px;font-size:12.5px}ul{margin:4px 0;padding-left:20px}
.sw-ballistic{background:#0072B2}.sw-icbm{background:#D55E00}.sw-cruise{background:#009E73}
.sw-hypersonic{background:#CC79A7}.sw-slbm{background:#56B4E9}.sw-mlrs{background:#E69F00}
.sw-satellite_launch{background:#8C7A00}.sw-anti_air{background:#999999}.sw-other{background:#000}
.sw-unknown{background:#BBB}.ring{background:#fff;border:2.5px solid #C00000;width:7px;height:7px}
.minor{stroke:#aaa}svg text.point{font-size:9.5px;fill:#444}
""".strip()

SCRIPT = """
(function () {
  var q = document.getElementById("q"), cls = document.getElementById("cls"), dis = document.getElementById("dis");
  var shown = document.getElementById("shown");
  var cards = Array.prototype.slice.call(document.querySelectorAll("section.event"));
  function apply() {
    var text = q.value.trim().toLowerCase(), count = 0, visible = {};
    cards.forEach(function (card) {
      var ok = (!text || card.textContent.toLowerCase().indexOf(text) >= 0) &&
        (!cls.value || card.getAttribute("data-class") === cls.value) &&
        (!dis.checked || card.getAttribute("data-disagrees") !== "");
      card.hidden = !ok;
      if (ok) { count += 1; visible[card.id] = true; }
    });
    document.querySelectorAll("[data-ev]").forEach(function (mark) {
      mark.classList.toggle("dim", !visible[mark.getAttribute("data-ev")]);
    });
    shown.textContent = String(count);
  }
  q.addEventListener("input", apply);
  cls.addEventListener("change", apply);
  dis.addEventListener("change", apply);
  apply();
})();
""".strip()


def e(value: object) -> str:
    return html.escape("" if value is None else str(value), quote=True)


def link(url: str | None, text: str) -> str:
    """A link only to a web page: a source's javascript: or data: URL stays text."""
    if web_url(url):
        return f'<a href="{e(url)}" rel="noopener noreferrer">{e(text)}</a>'
    return e(text)


def csp_hash(text: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode("ascii") + "'"


def km(values: float | list[float] | None) -> str:
    items = values if isinstance(values, list) else [values] if values is not None else []
    return " / ".join(format_number(v) for v in items) + " km" if items else ""


def disagreements(event: Event) -> list[str]:
    return [flag for flag in FLAGS if getattr(event, f"{flag}_disagrees")]


def class_key(event: Event) -> str:
    return event.missile_class if event.missile_class in CLASS_COLORS else "unknown"


def _day(event: Event) -> date | None:
    try:
        return date.fromisoformat(event.launch_date_local) if event.launch_date_local else None
    except ValueError:
        return None


# -- the timeline ----------------------------------------------------------------------------------


def timeline_svg(events: list[Event]) -> str:
    dated = [(ev, _day(ev)) for ev in events if _day(ev)]
    if not dated:
        return '<p class="note">No dated launch yet.</p>'
    lanes = [c for c in (*MISSILE_CLASSES, "unknown") if any(class_key(ev) == c for ev, _ in dated)]
    first, last = min(d for _, d in dated), max(d for _, d in dated)
    start = date(first.year, 1, 1) if (last - first).days > 540 else date(first.year, first.month, 1)
    end = date(last.year + 1, 1, 1) if (last - first).days > 540 else _next_month(last)
    left, right, top, lane_h = 110, 980, 18, 30
    height = top + lane_h * len(lanes) + 28
    span = (end - start).days or 1

    def x(day: date) -> float:
        return left + (day - start).days / span * (right - left)

    parts = [f'<svg viewBox="0 0 1000 {height}" role="img" aria-label="Timeline of launches by missile class">']
    years = (last - first).days > 540
    for tick, label in _year_ticks(start, end) if years else _month_ticks(start, end):
        parts.append(f'<line class="grid" x1="{x(tick):.1f}" y1="{top - 6}" x2="{x(tick):.1f}" y2="{height - 24}"/>')
        parts.append(f'<text x="{x(tick) + 3:.1f}" y="{height - 10}">{e(label)}</text>')
    for tick, _ in _month_ticks(start, end) if years else []:  # a short mark per month between the years
        if tick.month != 1:
            parts.append(f'<line class="minor" x1="{x(tick):.1f}" y1="{height - 24}" x2="{x(tick):.1f}" '
                         f'y2="{height - 19}"/>')  # fmt: skip
    for index, lane in enumerate(lanes):
        y = top + lane_h * index + lane_h / 2
        parts.append(f'<line class="grid" x1="{left}" y1="{y}" x2="{right}" y2="{y}"/>')
        parts.append(f'<text x="{left - 8}" y="{y + 4}" text-anchor="end">{e(lane.replace("_", " "))}</text>')
    for ev, day in sorted(dated, key=lambda item: -(item[0].count or 1)):  # small dots drawn over big ones
        y = top + lane_h * lanes.index(class_key(ev)) + lane_h / 2
        radius = min(13.0, 4 + 2.2 * math.sqrt(ev.count or 1))
        color = CLASS_COLORS.get(class_key(ev), UNKNOWN_COLOR)
        outline = "dis" if disagreements(ev) else "ok"
        parts.append(
            f'<a href="#{e(ev.id)}" data-ev="{e(ev.id)}"><circle cx="{x(day):.1f}" cy="{y}" r="{radius:.1f}" '
            f'fill="{color}" fill-opacity="0.8" class="{outline}"><title>{e(event_title(ev))}</title></circle></a>'
        )
    parts.append("</svg>")
    return "".join(parts)


def _next_month(day: date) -> date:
    return date(day.year + (day.month == 12), day.month % 12 + 1, 1)


def _year_ticks(start: date, end: date) -> list[tuple[date, str]]:
    return [(date(year, 1, 1), str(year)) for year in range(start.year, end.year)]


def _month_ticks(start: date, end: date) -> list[tuple[date, str]]:
    ticks, day = [], start
    while day < end:
        ticks.append((day, day.strftime("%Y-%m")))
        day = _next_month(day)
    return ticks


# -- range against apogee ------------------------------------------------------------------------------


def scatter_svg(events: list[Event]) -> tuple[str, int]:
    """Consensus range (x) against apogee (y), log scales, a dot per event coloured by class;
    where authorities disagree, each one's own values are small rings joined to the dot.
    Returns the SVG and how many events lack a range or an apogee (not drawn)."""
    points = [ev for ev in events if ev.range_km and ev.apogee_km]
    missing = len(events) - len(points)
    if not points:
        return '<p class="note">No launch has both a range and an apogee yet.</p>', missing
    own = [(v, ev) for ev in points for v in ev.authorities.values() if v.range_km and v.apogee_km]
    ranges = [ev.range_km for ev in points] + [max(v.range_km) for v, _ in own]
    apogees = [ev.apogee_km for ev in points] + [max(v.apogee_km) for v, _ in own]
    lo_x, hi_x = _decades(ranges)
    lo_y, hi_y = _decades(apogees)
    left, right, top, bottom = 90, 960, 14, 440

    def x(value: float) -> float:
        return left + (math.log10(value) - lo_x) / (hi_x - lo_x) * (right - left)

    def y(value: float) -> float:
        return bottom - (math.log10(value) - lo_y) / (hi_y - lo_y) * (bottom - top)

    parts = ['<svg viewBox="0 0 1000 490" role="img" aria-label="Range against apogee by missile class">']
    for power in range(lo_x, hi_x + 1):
        parts.append(f'<line class="grid" x1="{x(10**power):.1f}" y1="{top}" x2="{x(10**power):.1f}" y2="{bottom}"/>')
        parts.append(f'<text x="{x(10**power):.1f}" y="{bottom + 16}" text-anchor="middle">{10**power:,} km</text>')
    for power in range(lo_y, hi_y + 1):
        parts.append(f'<line class="grid" x1="{left}" y1="{y(10**power):.1f}" x2="{right}" y2="{y(10**power):.1f}"/>')
        parts.append(f'<text x="{left - 6}" y="{y(10**power) + 4:.1f}" text-anchor="end">{10**power:,} km</text>')
    parts.append(f'<line class="axis" x1="{left}" y1="{bottom}" x2="{right}" y2="{bottom}"/>')
    parts.append(f'<line class="axis" x1="{left}" y1="{top}" x2="{left}" y2="{bottom}"/>')
    parts.append(f'<text x="{(left + right) / 2}" y="{bottom + 38}" text-anchor="middle">range (log scale)</text>')
    parts.append(f'<text x="14" y="{(top + bottom) / 2}" transform="rotate(-90 14 {(top + bottom) / 2})" '
                 'text-anchor="middle">apogee (log scale)</text>')  # fmt: skip
    for view, ev in own:
        if ev.range_disagrees or ev.apogee_disagrees:
            vx, vy, cx, cy = x(max(view.range_km)), y(max(view.apogee_km)), x(ev.range_km), y(ev.apogee_km)
            name = AUTHORITY_NAMES.get(view.authority, view.authority)
            title = f"{name}: {km(view.range_km)}, apogee {km(view.apogee_km)}"
            parts.append(
                f'<g data-ev="{e(ev.id)}"><line x1="{cx:.1f}" y1="{cy:.1f}" x2="{vx:.1f}" y2="{vy:.1f}" '
                f'stroke="#C00000" stroke-dasharray="3 2"/><circle cx="{vx:.1f}" cy="{vy:.1f}" r="3.5" fill="#fff" '
                f'stroke="#C00000"><title>{e(title)}</title></circle></g>'
            )
    labels: dict[tuple[float, float], list[str]] = {}
    for ev in points:
        color = CLASS_COLORS.get(class_key(ev), UNKNOWN_COLOR)
        outline = "dis" if ev.range_disagrees or ev.apogee_disagrees else "ok"
        title = f"{event_title(ev)}"
        parts.append(
            f'<a href="#{e(ev.id)}" data-ev="{e(ev.id)}"><circle cx="{x(ev.range_km):.1f}" cy="{y(ev.apogee_km):.1f}" '
            f'r="6" fill="{color}" fill-opacity="0.85" class="{outline}"><title>{e(title)}</title></circle></a>'
        )
        labels.setdefault((round(x(ev.range_km), 1), round(y(ev.apogee_km), 1)), []).append(ev.launch_date_local or "")
    # each dot's launch date beside it (a printed page has no tooltips); dots on one spot share a label
    for (cx, cy), text in place_labels({spot: ", ".join(sorted(dates)) for spot, dates in labels.items()}):
        parts.append(f'<text class="point" x="{cx:.1f}" y="{cy:.1f}">{e(text)}</text>')
    parts.append("</svg>")
    return "".join(parts), missing


LABEL_HEIGHT, LABEL_CHAR = 12.0, 5.6  # a point label's line height and the width of one of its characters


def place_labels(labels: dict[tuple[float, float], str]) -> list[tuple[tuple[float, float], str]]:
    """Where each dot's label goes: to the right of the dot, moved down or up a line at a time
    until it overlaps no label placed before it (dots close together keep readable labels)."""
    placed: list[tuple[float, float, float]] = []  # left, baseline, right of the labels so far
    out = []
    for (cx, cy), text in sorted(labels.items(), key=lambda item: (item[0][1], item[0][0])):
        left, right = cx + 8, cx + 8 + LABEL_CHAR * len(text)
        for step in (0, 1, -1, 2, -2, 3, -3, 4, -4):
            baseline = cy + 3 + step * LABEL_HEIGHT
            clash = (abs(baseline - b) < LABEL_HEIGHT and left < r and l_ < right for l_, b, r in placed)
            if not any(clash):
                break
        placed.append((left, baseline, right))
        out.append(((left, baseline), text))
    return out


def _decades(values: list[float]) -> tuple[int, int]:
    positive = [v for v in values if v > 0] or [1.0]
    lo, hi = math.floor(math.log10(min(positive))), math.ceil(math.log10(max(positive)))
    return lo, max(hi, lo + 1)


# -- one launch, every authority side by side ------------------------------------------------------------


def stamp(value: str | None, precision: str | None = None) -> str:
    """2025-11-20T06:40:00+09:00 -> 2025-11-20 06:40 +09:00; a time known only to the day -> 2025-11-20"""
    if not value:
        return ""
    try:
        moment = datetime.fromisoformat(value)
    except ValueError:
        return value
    if precision == "day":
        return moment.strftime("%Y-%m-%d")
    offset = moment.strftime("%z")
    return moment.strftime("%Y-%m-%d %H:%M") + (f" {offset[:3]}:{offset[3:]}" if offset else "")


def utc_time(value: str | None) -> str:
    return f"{value[11:16]} UTC" if value and len(value) >= 16 else ""


def area_text(area: str | None, site: str | None, places: Mapping[str, str]) -> str:
    """The launch area in the source's words, with the gazetteer's romanized name of its site when
    the words are not already it (平壌近郊 (Pyongyang))."""
    name = places.get(site or "") or (site or "").replace("_", " ").title()
    if not area:
        return name
    return f"{area} ({name})" if name and name.lower() not in area.lower() else area


def _view_cells(view: AuthorityView, context: Context) -> dict[str, str]:
    latency = f" (+{format_number(view.latency_minutes)} min)" if view.latency_minutes is not None else ""
    local = " ".join(view.launch_times_local)
    first = context.precision.get(view.report_ids[0]) if view.report_ids else None
    return {
        "count": count_text(view.count, view.count_qualifier) or "",
        "range": km(view.range_km),
        "apogee": km(view.apogee_km),
        "time": f"{local} local ({utc_time(view.launch_utc)})" if local and view.launch_utc else local,
        "area": area_text(view.launch_area, view.launch_site, context.places),
        "class": (view.missile_class or "").replace("_", " "),
        "name": view.missile_name or "",
        "stage": view.stage or "",
        "first": stamp(view.first_published_at, first) + latency,
    }


def differs(flag: str, view: AuthorityView, ev: Event) -> bool:
    """Whether this authority's value is one the consensus does not share (tolerances as in the flags)."""
    if flag == "count":
        return view.count is not None and (view.count, view.count_qualifier) != (ev.count, ev.count_qualifier)
    if flag in ("range", "apogee"):
        values, consensus = getattr(view, f"{flag}_km"), getattr(ev, f"{flag}_km")
        return (
            bool(values) and consensus is not None and abs(max(values) - consensus) > 0.1 * min(max(values), consensus)
        )
    if flag == "time" and view.launch_utc and ev.launch_utc:
        try:
            gap = datetime.fromisoformat(view.launch_utc) - datetime.fromisoformat(ev.launch_utc)
        except ValueError:
            return False
        return abs(gap.total_seconds()) > 300
    return False


ROWS = (("count", "count", "count"), ("range", "range", "range"), ("apogee", "apogee", "apogee"),
        ("time", "launch time", "time"), ("area", "launch area", None), ("class", "class", None),
        ("name", "name", None), ("stage", "latest stage", None), ("first", "first statement", None))  # fmt: skip


@dataclass(frozen=True)
class Context:
    """What the page needs beyond the events: the gazetteer's romanized site names and how precisely
    each statement's publication time is known (by report id)."""

    places: Mapping[str, str] = field(default_factory=dict)
    precision: Mapping[str, str] = field(default_factory=dict)


def launch_when(ev: Event) -> str:
    """The launch time in UTC, or its date when no one stated a time."""
    if ev.launch_utc and ev.time_precision in ("minute", "hour"):
        return f"{ev.launch_utc[:16].replace('T', ' ')} UTC"
    if ev.launch_date_local:
        return f"{ev.launch_date_local} (the date at the launch site; no time stated)"
    return "date and time not stated"


def event_section(ev: Event, statements: list[dict], context: Context | None = None) -> str:
    context = context or Context()
    flags = disagreements(ev)
    views = list(ev.authorities.values())
    consensus = {
        "count": count_text(ev.count, ev.count_qualifier) or "",
        "range": km(ev.range_km),
        "apogee": km(ev.apogee_km),
        "time": f"{ev.launch_utc[11:16]} UTC" if ev.launch_utc and ev.time_precision == "minute" else "",
        "area": area_text(ev.launch_area, ev.launch_site, context.places),
        "class": (ev.missile_class or "").replace("_", " "),
        "name": ev.missile_name or "",
        "stage": "",
        "first": "",
    }
    cells = [_view_cells(view, context) for view in views]
    head = "".join(f"<th>{e(AUTHORITY_NAMES.get(v.authority, v.authority))}</th>" for v in views)
    body = []
    for key, label, flag in ROWS:
        if not consensus[key] and not any(c[key] for c in cells):
            continue
        disputed = flag in flags
        row = [f'<th>{e(label)}{" ≠" if disputed else ""}</th><td class="consensus">{e(consensus[key])}</td>']
        for view, cell in zip(views, cells, strict=True):
            odd = disputed and differs(flag, view, ev)
            row.append(("<td class='differs'>" if odd else "<td>") + f"{e(cell[key])}</td>")
        body.append(("<tr class='disagree'>" if disputed else "<tr>") + "".join(row) + "</tr>")
    badges = "".join(f'<span class="badge">{e(flag)} disagrees</span>' for flag in flags)
    site = f" · site {e(area_text(None, ev.launch_site, context.places))}" if ev.launch_site else ""
    notes = []
    if ev.unreported_by:
        names = ", ".join(AUTHORITY_NAMES.get(a, a) for a in ev.unreported_by)
        notes.append(f'<p class="note">No statement from {e(names)}.</p>')
    if ev.ambiguous_with:
        notes.append(
            f'<p class="note">A day-only statement could also belong to {e(", ".join(ev.ambiguous_with))}.</p>'
        )
    statement_items = "".join(
        f"<li>{e(AUTHORITY_NAMES.get(s['authority'], s['authority'] or ''))}, {e(s['stage'] or '')}, "
        f"{e(stamp(s['published_at'], s.get('published_precision')) or 'undated')}: "
        f"{link(s['url'], s['title'] or s['url'])}</li>"
        for s in statements
    )
    revisions = revision_sentences(ev.revisions, {s["report_id"]: s for s in statements}, context)
    revision_items = "".join(f"<li>{e(sentence)}</li>" for sentence in revisions)
    summary = f"{_plural(len(statements), 'statement')}, {_plural(len(revisions), 'revision')}"
    details = f"<details><summary>{summary}</summary>"
    details += f"<ul>{statement_items}</ul>" + (f"<p>Revisions:</p><ul>{revision_items}</ul>" if revision_items else "")
    details += f'<p class="note">Grouped: {e(ev.grouping_reason)}</p></details>'
    return (
        f'<section class="event{" flagged" if flags else ""}" id="{e(ev.id)}" data-class="{e(class_key(ev))}" '
        f'data-disagrees="{e(" ".join(flags))}"><h3>{e(event_title(ev).split(" (authorities")[0])}{badges}</h3>'
        f'<p class="meta">launch {e(launch_when(ev))}{site} · event <code>{e(ev.id)}</code></p>'
        f'<table class="side"><thead><tr><th></th><th>consensus</th>{head}</tr></thead><tbody>{"".join(body)}'
        f"</tbody></table>{''.join(notes)}{details}</section>"
    )


# what a revised AuthorityView field is called in a sentence; launch_utc and launch_site go with
# the launch time and area revised beside them
REVISED = {"count": "the count", "range_km": "the range", "apogee_km": "the apogee",
           "launch_times_local": "the launch time", "launch_utc": "the launch time (UTC)",
           "launch_area": "the launch area", "launch_site": "the launch site", "missile_class": "the missile class",
           "missile_name": "the weapon name"}  # fmt: skip
COUNT_WORDS = {"at_least": "at least ", "approx": "about ", "total": "in total "}


def revision_sentences(revisions: list[Revision], statements: Mapping[str, dict], context: Context) -> list[str]:
    """Each authority's revisions between two of its statements, in words: "Japan MOD revised the count
    from at least 1 to 2 (2025-01-14 08:02 +09:00 → 2025-01-14 10:15 +09:00)"."""
    pairs: dict[tuple, dict[str, Revision]] = {}
    for revision in revisions:
        pairs.setdefault((revision.authority, revision.old_report_id, revision.report_id), {})[revision.field] = (
            revision
        )
    sentences = []
    for (authority, old_id, new_id), by_field in pairs.items():
        first = next(iter(by_field.values()))
        phrases = []
        if "count" in by_field or "count_qualifier" in by_field:
            phrases.append(f"the count from {_count(by_field, 'old', statements.get(old_id or ''))} to "
                           f"{_count(by_field, 'new', statements.get(new_id))}")  # fmt: skip
        for name, words in REVISED.items():
            told = {"launch_utc": "launch_times_local", "launch_site": "launch_area"}.get(name)
            if name != "count" and name in by_field and not (told and told in by_field):
                revision = by_field[name]
                phrases.append(f"{words} from {_value(name, revision.old)} to {_value(name, revision.new)}")
        if not phrases:
            continue
        old = stamp(first.old_published_at, context.precision.get(old_id or "")) or "undated"
        new = stamp(first.published_at, context.precision.get(new_id)) or "undated"
        via = f", carried by {first.carried_by}" if first.carried_by else ""
        name = AUTHORITY_NAMES.get(authority, authority)
        sentences.append(f"{name} revised {' and '.join(phrases)} ({old} → {new}{via})")
    return sentences


def _count(by_field: Mapping[str, Revision], side: str, statement: dict | None) -> str:
    """The count (and its qualifier) on one side of a revision; the part that did not change is read
    from that side's statement."""
    count = getattr(by_field["count"], side) if "count" in by_field else (statement or {}).get("count")
    qualifier = (
        getattr(by_field["count_qualifier"], side) if "count_qualifier" in by_field
        else (statement or {}).get("count_qualifier")
    )  # fmt: skip
    if count is None:
        return "several" if qualifier == "multiple" else "none stated"
    return f"{COUNT_WORDS.get(qualifier or '', '')}{count}"


def _value(name: str, value: object) -> str:
    if name in ("range_km", "apogee_km"):
        return km(value) or "none"  # type: ignore[arg-type]
    if name == "launch_times_local":
        return " and ".join(value) if isinstance(value, list) and value else "none"
    return _shown(value).replace("_", " ")


def _plural(n: int, word: str) -> str:
    return f"{n} {word}{'' if n == 1 else 's'}"


def _shown(value: object) -> str:
    if isinstance(value, list):
        return "/".join(format_number(v) if isinstance(v, float | int) else str(v) for v in value) or "none"
    if isinstance(value, float):
        return format_number(value)
    return "none" if value is None else str(value)


# -- the page -------------------------------------------------------------------------------------


def statements_table(catalog: Catalog) -> str:
    rows = "".join(
        "<tr>"
        + "".join(f"<td>{e(cell)}</td>" for cell in (
            s["launch_date_local"], AUTHORITY_NAMES.get(s["authority"], s["authority"]), s["stage"],
            count_text(s["count"], s["count_qualifier"]), km(s["range_km"]), km(s["apogee_km"])))
        + f"<td>{link(s['url'], s['title'] or s['url'] or '')}</td></tr>"
        for s in catalog.statements.values()
    )  # fmt: skip
    return (
        '<table class="side"><thead><tr><th>launch date</th><th>authority</th><th>stage</th><th>count</th>'
        f"<th>range</th><th>apogee</th><th>statement</th></tr></thead><tbody>{rows}</tbody></table>"
    )


def empty_state(catalog: Catalog) -> list[str]:
    """What the page says when it has no launch event, by what happened: nothing collected yet,
    documents that no statement was read from, or statements not reconciled into events yet."""
    if not catalog.documents:
        return ['<p class="note">Nothing has been collected yet: run launchfeed collect to fetch the sources '
                "(or launchfeed demo to see this page on the demo data set).</p>"]  # fmt: skip
    if not catalog.statements:
        return [f'<p class="note">{_plural(catalog.documents, "document")} collected, and no launch statement read '
                "from them yet: none of them reports a launch, or they wait for the next launchfeed collect to be "
                "read.</p>"]  # fmt: skip
    return [
        "<h2>Statements</h2>",
        '<p class="note">No statements have been reconciled into launch events yet: run launchfeed collect '
        "(or rebuild) with this version. Until then, every statement is listed.</p>",
        statements_table(catalog),
    ]


def render_report(
    catalog: Catalog, generated_at: datetime | None = None, places: Mapping[str, str] | None = None
) -> str:
    """The page. ``places``: gazetteer site id -> its romanized name, shown beside the launch areas."""
    generated = (generated_at or datetime.now(UTC)).astimezone(UTC).strftime("%Y-%m-%d %H:%M UTC")
    context = Context(places or {}, {r: s.get("published_precision") or "" for r, s in catalog.statements.items()})
    events = [stored.event for stored in catalog.events]
    authorities = sorted({s["authority"] for s in catalog.statements.values() if s["authority"]})
    latest = max((s["published_at"] for s in catalog.statements.values() if s["published_at"]), default=None)
    flagged = sum(1 for ev in events if disagreements(ev))
    summary = (
        f"{len(events)} launch events from {len(catalog.statements)} statements by "
        f"{', '.join(AUTHORITY_NAMES.get(a, a) for a in authorities) or 'no authority yet'}; "
        f"{flagged} with authorities disagreeing. Latest statement published {(latest or 'never').replace('T', ' ')}. "
        f"Generated {generated}."
    )
    classes = [c for c in (*MISSILE_CLASSES, "unknown") if any(class_key(ev) == c for ev in events)]
    legend = "".join(f'<span><i class="sw sw-{c}"></i>{e(c.replace("_", " "))}</span>' for c in classes)
    legend += '<span><i class="sw ring"></i>authorities disagree</span>' if flagged else ""
    body = [f'<h1>North Korean missile launches: what each authority said</h1><p class="meta">{e(summary)}</p>']
    if events:
        scatter, missing = scatter_svg(events)
        options = "".join(f'<option value="{e(c)}">{e(c.replace("_", " "))}</option>' for c in classes)
        body += [
            "<h2>Timeline</h2>", f'<div class="legend">{legend}</div>', timeline_svg(events),
            "<h2>Range against apogee, by missile class</h2>",
            f'<p class="note">Consensus values; where authorities disagree, each one\'s own values are the rings. '
            f"{missing} launches without both a range and an apogee are not drawn.</p>",
            f'<div class="legend">{legend}</div>', scatter,
            "<h2>Launches: every authority side by side</h2>",
            '<div class="filters"><input type="search" id="q" placeholder="filter: words, names, places" '
            f'aria-label="filter text"><select id="cls" aria-label="missile class"><option value="">every class'
            f'</option>{options}</select><label><input type="checkbox" id="dis"> only disagreements</label>'
            f'<span class="note"><span id="shown">{len(events)}</span> of {len(events)} shown</span></div>',
            *(event_section(stored.event, catalog.statements_of(stored.event), context)
              for stored in reversed(catalog.events)),
        ]  # fmt: skip
        script = f"<script>{SCRIPT}</script>"
    else:
        body += empty_state(catalog)
        script = ""
    policy = (f"default-src 'none'; style-src {csp_hash(STYLE)}; script-src {csp_hash(SCRIPT)}; "
              "img-src 'none'; base-uri 'none'; form-action 'none'")  # fmt: skip
    # markup is all printable: removing what XML forbids from the page removes it from every text in it
    return clean_text(
        "<!DOCTYPE html>\n"
        f'<html lang="en"><head><meta charset="utf-8"><meta http-equiv="Content-Security-Policy" content="{policy}">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f"<title>launchfeed: North Korean missile launches</title><style>{STYLE}</style></head>\n<body>\n"
        + "\n".join(body)
        + '\n<p class="note">Made by launchfeed from official statements; the files behind this page: '
        "statements.csv, launches.csv, the data dictionary README.md.</p>\n" + script + "\n</body></html>\n"
    )
