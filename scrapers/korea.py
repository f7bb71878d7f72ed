"""What the South Korean government boards share: Korea time and how they write it.

Boards print posting times as ``2026.11.20 07:58:31`` (JCS, to the second), ``2026.11.20``
(listings, MND) or ``2026-11-20 08:05``; all are Korea Standard Time (UTC+9, no daylight
saving since 1988).
"""

from __future__ import annotations

import re
from datetime import datetime, timedelta
from typing import TYPE_CHECKING
from zoneinfo import ZoneInfo

if TYPE_CHECKING:
    from launchfeed.scrapers.base import Context

KST = ZoneInfo("Asia/Seoul")

POSTED = re.compile(
    r"(?<!\d)(\d{4}|\d{2})\s*[.\-/]\s*(\d{1,2})\s*[.\-/]\s*(\d{1,2})\.?"
    r"(?:\s+(\d{1,2}):(\d{2})(?::(\d{2}))?)?(?!\d)"
)


def now_kst() -> datetime:
    return datetime.now(KST)


def posted_at(text: str) -> tuple[datetime, str] | None:
    """The first posting time in ``text`` in Korea time, with its precision
    ("second", "minute" or "day"); None when there is none or it is not a real date."""
    match = POSTED.search(text)
    if not match:
        return None
    year, month, day, hour, minute, second = match.groups()
    try:
        stamp = datetime(
            int(year) + (2000 if len(year) == 2 else 0), int(month), int(day),
            int(hour or 0), int(minute or 0), int(second or 0), tzinfo=KST,
        )  # fmt: skip
    except ValueError:
        return None
    precision = "second" if second else "minute" if minute else "day"
    return stamp, precision


def is_recent(day: datetime | None, days: int) -> bool:
    """Posted within the last ``days`` days in Korea (an unknown day counts as recent)."""
    return day is None or now_kst().date() - day.astimezone(KST).date() < timedelta(days=days)


def worth_rechecking(ctx: Context, url: str, listed: datetime | None, days: int) -> bool:
    """A stored post is fetched again, to catch an edit in place, only while it is young
    and only when a 304 can answer (the boards edit posts without a new number)."""
    validators = ctx.client.memory.get_validators(url) or {}
    return bool(validators.get("etag") or validators.get("last_modified")) and is_recent(listed, days)
