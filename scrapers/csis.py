"""CSIS Beyond Parallel's Database of North Korean Provocations: a declaration only.

No crawler: its event summaries reach launchfeed as a corpus (``launchfeed extract
--jsonl --source csis``), not from a site it polls. Analysts write Korea time and quote
JCS, Japan's MOD and KCNA by name, so the texts have no authority of their own; the
labels of the corpus leave out times given only in US Eastern time.
"""

from __future__ import annotations

from launchfeed.contracts import ExtractionPolicy, SourceInfo

INFO = SourceInfo(
    id="csis",
    publisher="CSIS Beyond Parallel, Database of North Korean Provocations",
    country="US",
    languages=("en",),
    timezone=None,
    authority=None,
    crawls=False,
    extraction=ExtractionPolicy(text_zone="Asia/Seoul", drop_foreign_zone_times=True),
)
