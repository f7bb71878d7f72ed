"""dateparser against the extractor's own date rules, on every corpus.

    pip install dateparser && python benchmarks/bench_dateparser.py [--shared PATH]

The times component finds date phrases with each language's ``dates`` rules and resolves them
against the publication day (relative days, era years, a day of this month, weekdays). Here
the resolution is handed to ``dateparser.parse`` instead (``RELATIVE_BASE`` the publication
day, ``PREFER_DATES_FROM`` past, the text's language), and the launch date is scored both
ways, with the documents per second of each. It also prints what dateparser makes of phrases
the corpora hold. dateparser is not a dependency of launchfeed (this comparison is why); the
script says so and exits 0 when it is not installed, or when ../shared is absent.
"""

from __future__ import annotations

import argparse
import sys
import time
from datetime import datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "benchmarks"))

from bench_extract import load, same  # noqa: E402

PHRASES = [("令和7年3月5日", "ja"), ("本日", "ja"), ("5日", "ja"), ("28일", "ko"), ("전날", "ko"), ("3월 5일", "ko"),
           ("the previous day", "en"), ("Tuesday", "en"), ("March 5", "en")]  # fmt: skip


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    args = ap.parse_args(argv)
    try:
        import dateparser
    except ImportError:
        print("dateparser is not installed (it is not a dependency): pip install dateparser to run this comparison")
        return 0
    files = sorted((args.shared / "corpus").glob("*_dev.jsonl"))
    if not files:
        print(f"no corpus under {args.shared}: nothing to measure")
        return 0

    from launchfeed.extract.components import times

    from launchfeed.sources import extractor

    own = times._date
    settings = {"PREFER_DATES_FROM": "past"}

    def with_dateparser(r, m, anchor):
        if r.published is None:
            return None
        base = datetime.combine(r.published, datetime.min.time())
        got = dateparser.parse(m.group(0), languages=[r.rules.code], settings={**settings, "RELATIVE_BASE": base})
        return got.date() if got else None

    base = datetime(2025, 3, 6)
    print("what dateparser makes of phrases the corpora hold (publication day 2025-03-06):")
    for phrase, code in PHRASES:
        got = dateparser.parse(phrase, languages=[code], settings={**settings, "RELATIVE_BASE": base})
        print(f"  {phrase:18s} {code}  {got.date() if got else None}")
    print(f"\n{'corpus':22s} {'own rules':>16s} {'dateparser':>16s} {'docs/s own':>11s} {'docs/s dp':>10s}")
    ext = extractor()
    for path in files:
        rows = [r for r in load(path) if "launch_date_local" in r.get("gold", {})]
        items = [{k: r.get(k) for k in ("text", "lang", "published", "source")} for r in rows]
        scores = []
        for resolve in (own, with_dateparser):
            times._date = resolve
            list(ext.batch(items))  # warm
            t = time.perf_counter()
            reports = list(ext.batch(items))
            rate = len(items) / (time.perf_counter() - t)
            ok = sum(same("launch_date_local", r["gold"]["launch_date_local"], rep.launch_date_local)
                     for r, rep in zip(rows, reports, strict=True))  # fmt: skip
            scores.append((ok, rate))
        times._date = own
        (a, ra), (b, rb) = scores
        n = len(rows)
        print(f"{path.name:22s} {a:6d}/{n:<4d} {a / n:5.1%} {b:6d}/{n:<4d} {b / n:5.1%} {ra:11.0f} {rb:10.0f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
