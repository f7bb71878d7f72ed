"""Text -> fields: what one statement says about one launch.

    extract(text, lang=None, published=None, source=None) -> Report
    extract_batch(items) -> Iterator[Report]   # dicts with text, lang, published, source

``lang`` None detects the language from the script (kana -> ja, hangul -> ko, else en).
``published`` (ISO date or datetime) is the day that 本日 / 오늘 / today refer to, in the
source's time zone. ``source`` (a source module id) sets the default authority.

No network and no file I/O happen here: the rules are Python modules and two JSON files
of this package, read once. A text longer than ``MAX_CHARS`` is read up to that length
(a release states its facts at the top), so a huge input costs bounded time.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from itertools import islice

from launchfeed.contracts import Report

from .engine import Run, compiled
from .lang import LANGUAGES, detect_lang
from .normalize import normalize
from .pipeline import nlp_for

__all__ = ["extract", "extract_batch", "SOURCES", "MAX_CHARS"]

MAX_CHARS = 30_000
BATCH = 64

# Source module id -> how to read it. authority: who makes the assessment; tz: the zone
# its publication dates are in; text_zone: the zone of times it writes without a label;
# describes_own_weapons: it names weapons by description ("new-type ... missile"); date_from_published:
# a launch report that states no date is dated by its publication (US statements are issued hours
# later, often the next day in their own zone, so theirs are not).
SOURCES: dict[str, dict] = {
    "mod_jp": {"authority": "mod_jp", "tz": "+09:00", "text_zone": "+09:00"},
    "jcs_kr": {"authority": "jcs", "tz": "+09:00", "text_zone": "+09:00"},
    "mnd_kr": {"authority": "mnd_kr", "tz": "+09:00", "text_zone": "+09:00"},
    "indopacom": {"authority": "indopacom", "tz": "-10:00", "text_zone": "-10:00", "date_from_published": False},
    "dod": {"authority": "dod", "tz": "us_eastern", "text_zone": "us_eastern", "date_from_published": False},
    "kcna": {"authority": "kcna", "tz": "pyongyang", "text_zone": "pyongyang", "describes_own_weapons": True},
    "yonhap_en": {"authority": "jcs", "channel": "yonhap", "tz": "+09:00", "text_zone": "+09:00"},
    # CSIS analysts write Korea time; their labelling leaves out times given only in US Eastern time
    "csis": {"authority": None, "tz": None, "text_zone": "+09:00", "drop_foreign_zone_times": True},
}
_DATELINES = (
    (re.compile(r"\((?:KCNA|Korean Central News Agency)\)|\bKCNA\b\s*\)?\s*-{1,2}"), "kcna"),
    (re.compile(r"\(Yonhap\)"), "yonhap_en"),
)


def _policy(source: str | None, text: str) -> dict:
    if source in SOURCES:
        return SOURCES[source]
    for rx, sid in _DATELINES:
        if rx.search(text[:400]):
            return {**SOURCES[sid], "authority": SOURCES[sid]["authority"]}
    return {"authority": None, "tz": None, "text_zone": "+09:00"}


def extract(text: str, *, lang: str | None = None, published: str | None = None, source: str | None = None) -> Report:
    """The fields of one text (see the module docstring)."""
    return next(extract_batch([{"text": text, "lang": lang, "published": published, "source": source}]))


def extract_batch(items: Iterable[dict]) -> Iterator[Report]:
    """Reports for a stream of items, in order; pipelines load once, texts go through nlp.pipe."""
    it = iter(items)
    while True:
        chunk = list(islice(it, BATCH))
        if not chunk:
            return
        yield from _run_chunk(chunk)


def _prepare(item: dict) -> tuple[str, str, dict, object]:
    raw = item.get("text") if isinstance(item, dict) else None
    text = raw if isinstance(raw, str) else ("" if raw is None else str(raw))
    text = text[:MAX_CHARS]
    lang = item.get("lang") if isinstance(item, dict) else None
    if lang not in LANGUAGES:
        lang = detect_lang(text)
    return text, lang, item if isinstance(item, dict) else {}, normalize(text, lang)


def _run_chunk(chunk: list[dict]) -> list[Report]:
    prepared = [_prepare(x) for x in chunk]
    out: list[Report | None] = [None] * len(chunk)
    for code in LANGUAGES:
        idx = [i for i, p in enumerate(prepared) if p[1] == code]
        if not idx:
            continue
        nlp = nlp_for(code)
        docs = nlp.pipe([prepared[i][3].text for i in idx], batch_size=BATCH)
        for i, doc in zip(idx, docs, strict=True):
            text, _, item, norm = prepared[i]
            source = item.get("source")
            policy = _policy(source if isinstance(source, str) else None, norm.text)
            published = item.get("published")
            run = Run(doc, compiled(code), norm, published if isinstance(published, str) else None, policy)
            report = run.run()
            report.source = source if isinstance(source, str) else None
            report.authority = policy.get("authority")
            report.channel = policy.get("channel")
            out[i] = report
    return [r if r is not None else Report() for r in out]
