"""Time zones of launch sites and of the texts that report them.

Korea and Japan keep UTC+09:00. North Korea kept "Pyongyang time", UTC+08:30, from
2015-08-15 to 2018-05-04; a launch on those days has its local time in +08:30. Texts
give times in their own zone: KST/JST for Seoul and Tokyo, Pyongyang time for KCNA,
Hawaii time for INDOPACOM, US Eastern time for the Pentagon.
"""

from __future__ import annotations

import re
from datetime import UTC, date, datetime, timedelta, timezone
from functools import cache

PYONGYANG_TIME = (date(2015, 8, 15), date(2018, 5, 4))


def site_offset(day: date) -> str:
    """The UTC offset of North Korean local time on a day."""
    return "+08:30" if PYONGYANG_TIME[0] <= day <= PYONGYANG_TIME[1] else "+09:00"


@cache
def _offset(off: str) -> timedelta:
    sign = -1 if off.startswith("-") else 1
    hh, mm = off[1:].split(":")
    return sign * timedelta(hours=int(hh), minutes=int(mm))


def us_eastern_offset(day: date) -> str:
    """-04:00 during US daylight saving time (second Sunday of March to first Sunday of November)."""
    if day.year < 2007:
        return "-05:00"
    march = date(day.year, 3, 8)
    start = march + timedelta(days=(6 - march.weekday()) % 7)
    nov = date(day.year, 11, 1)
    end = nov + timedelta(days=(6 - nov.weekday()) % 7)
    return "-04:00" if start <= day < end else "-05:00"


def zone_offset(zone: str, day: date) -> str:
    """A zone id ("+09:00", "pyongyang", "us_eastern", "-10:00") as an offset on a day."""
    if zone == "pyongyang":
        return site_offset(day)
    if zone == "us_eastern":
        return us_eastern_offset(day)
    return zone


def convert_time(day: date, hour: int, minute: int | None, zone: str) -> tuple[int, int | None, date]:
    """A time of a day in ``zone`` as (hour, minute, day) in the launch site's local time."""
    src = timezone(_offset(zone_offset(zone, day)))
    moment = datetime(day.year, day.month, day.day, tzinfo=src) + timedelta(hours=hour, minutes=minute or 0)
    utc = moment.astimezone(UTC)
    local_day = (utc + _offset(site_offset(utc.date()))).date()
    local = utc.astimezone(timezone(_offset(site_offset(local_day))))
    return local.hour, (None if minute is None else local.minute), local.date()


_DATE = re.compile(r"(\d{4})-(\d{2})-(\d{2})")


def parse_published(published: str | None, source_zone: str | None) -> tuple[date | None, str | None]:
    """The day that "today" refers to: the publication date in the source's own zone."""
    if not published or not isinstance(published, str):
        return None, source_zone
    text = published.strip()
    try:
        dt = datetime.fromisoformat(text.replace("Z", "+00:00"))
    except ValueError:
        m = _DATE.match(text)
        if not m:
            return None, source_zone
        try:
            return date(int(m.group(1)), int(m.group(2)), int(m.group(3))), source_zone
        except ValueError:
            return None, source_zone
    if dt.tzinfo is not None and source_zone:
        dt = dt.astimezone(timezone(_offset(zone_offset(source_zone, dt.date()))))
    return dt.date(), source_zone
