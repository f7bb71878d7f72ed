"""The demo data set (launchfeed/demo.py) for the output tests, and a later statement that
revises one of its launches (to test that feeds and the change log move)."""

from __future__ import annotations

from launchfeed.demo import STATEMENTS, Said, add, build_workspace, document, kst_launch, report

__all__ = ["REVISION", "STATEMENTS", "Said", "add", "build_workspace", "document", "report"]

# fmt: off
# A later statement that revises launch 7 (used to test that feeds and the change log move)
REVISION = Said("jcs_kr", "/bbs/jcs/view.do?id=2026-1003b", "2026-10-03T11:30:00+09:00",
                "North Korea's ballistic missiles flew about 380 km, JCS says",
                "The two missiles fired this morning flew about 380 km, the JCS said in an update.", "en",
                {"stage": "final", **kst_launch("2026-10-03", "06:15"), "count": 2, "count_qualifier": "exact",
                 "range_km": [380.0], "missile_class": "ballistic"})
# fmt: on
