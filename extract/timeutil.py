"""Time zones of launch sites and of the texts that report them, all from ``zoneinfo``.

A zone is an IANA name. The launch site's clock is Asia/Pyongyang, which kept UTC+08:30
from 2015-08-15 to 2018-05-04 and UTC+09:00 otherwise. Texts give times in their own
zone: Asia/Seoul and Asia/Tokyo for Seoul and Tokyo, Asia/Pyongyang for KCNA,
Pacific/Honolulu for INDOPACOM, America/New_York (daylight saving time included) for the
Pentagon; a label such as GMT or EDT names a fixed zone (UTC, Etc/GMT+4).
"""

from __future__ import annotations

import re
from datetime import date, datetime, time, timedelta
from functools import cache
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

SITE_ZONE = "Asia/Pyongyang"
_REFERENCE_DAYS = (date(2000, 1, 3), date(2000, 7, 3))  # a winter and a summer day outside Pyongyang's +08:30


@cache
def zone(name: str) -> ZoneInfo:
    """The zone of an IANA name; a ValueError names a zone the system does not know."""
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError) as exc:
        raise ValueError(f"unknown time zone {name!r}") from exc


def offset_minutes(name: str, day: date) -> int:
    """The UTC offset of a zone at noon of a day, in minutes."""
    delta = datetime.combine(day, time(12), zone(name)).utcoffset() or timedelta(0)
    return int(delta.total_seconds() // 60)


def format_offset(minutes: int) -> str:
    sign = "-" if minutes < 0 else "+"
    return f"{sign}{abs(minutes) // 60:02d}:{abs(minutes) % 60:02d}"


def site_offset(day: date) -> str:
    """The UTC offset of North Korean local time on a day ("+09:00", "+08:30")."""
    return format_offset(offset_minutes(SITE_ZONE, day))


def zone_offset(name: str, day: date) -> str:
    """A zone's UTC offset on a day, as "+HH:MM"."""
    return format_offset(offset_minutes(name, day))


def near_site(name: str | None, day: date | None = None) -> bool:
    """True for a clock within half an hour of the launch site's (Korea, Japan): a text written on it
    dates the launch as the site does."""
    if name is None:
        return True
    days = (day,) if day else _REFERENCE_DAYS
    return all(abs(offset_minutes(name, d) - offset_minutes(SITE_ZONE, d)) <= 30 for d in days)


def fixed_offset(name: str) -> bool:
    """True when a zone's offset is the same all year (no daylight saving time), so a time of day
    converts without knowing the date."""
    winter, summer = _REFERENCE_DAYS
    return offset_minutes(name, winter) == offset_minutes(name, summer)


def convert_time(day: date, hour: int, minute: int | None, name: str) -> tuple[int, int | None, date]:
    """A time of a day in zone ``name`` as (hour, minute, day) on the launch site's clock."""
    moment = datetime.combine(day, time(0), zone(name)) + timedelta(hours=hour, minutes=minute or 0)
    local = moment.astimezone(zone(SITE_ZONE))
    return local.hour, (None if minute is None else local.minute), local.date()


def time_of_day(hour: int, minute: int | None, name: str) -> tuple[int, int | None]:
    """A time in a zone of fixed offset on the site's clock, the date unknown (a reference day outside
    Pyongyang's +08:30)."""
    hh, mm, _ = convert_time(_REFERENCE_DAYS[0], hour, minute, name)
    return hh, mm


_DATE = re.compile(r"(\d{4})-(\d{2})-(\d{2})")


def parse_published(published: str | None, source_zone: str | None) -> date | None:
    """The day that "today" refers to: the publication date in the source's own zone."""
    if not published or not isinstance(published, str):
        return None
    text = published.strip()
    try:
        dt = datetime.fromisoformat(text.replace("Z", "+00:00"))
    except ValueError:
        m = _DATE.match(text)
        if not m:
            return None
        try:
            return date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
        except ValueError:
            return None
    if dt.tzinfo is not None and source_zone:
        dt = dt.astimezone(zone(source_zone))
    return dt.date()
