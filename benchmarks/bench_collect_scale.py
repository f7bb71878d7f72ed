"""What a `launchfeed collect` costs as the store grows: nothing new, and one new statement.

For each size (statements in the store) it generates a store with bench_query.py's generator
(launches stated by Tokyo's flash and follow-up, Seoul, sometimes INDOPACOM and KCNA, with
revised counts and ranges and disagreements between authorities, plus articles that report no
launch), each statement with its evidence; serves INDOPACOM's news feed (the test fixture) on
127.0.0.1; runs one collect to take in the feed and write every output file; then measures, each
in a child process of its own (the real command line, `python -m launchfeed.cli collect --source
indopacom --base-url ...`):

- nothing new: the same feed again (answered 304, as a real server does);
- one new statement: the feed with one more launch statement on top.

and reports each run's wall time and peak resident memory (the child's own ``ru_maxrss``, from
``os.wait4``, so one measurement never inherits another's peak; the stores are built in a child
process too, so that the benchmark's own memory, which a child shares until it starts the command,
stays small).

    python benchmarks/bench_collect_scale.py [--sizes 200,2000,20000] [--keep DIR]

Results on this machine (2 cores): README.md, section Reliability, Scale.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path[:0] = [str(HERE.parent), str(HERE.parent / "tests")]

from bench_query import fill, synthesize  # noqa: E402
from launchfeed.output.store import Store  # noqa: E402
from sitekit import SITES, FixtureSite  # noqa: E402

from launchfeed.contracts import Evidence, Statement  # noqa: E402

FEED_PATH = "/DesktopModules/ArticleCS/RSS.ashx?ContentType=1&Site=108&max=25"
FEED = (SITES / "indopacom" / "rss.xml").read_text(encoding="utf-8")
NEW_ITEM = """  <item>
   <link>https://www.pacom.mil/Media/News/News-Article-View/Article/4419301/usindopacom-statement-on-dprk-missile-launch/</link>
   <description>&lt;p&gt;HONOLULU -- U.S. Indo-Pacific Command is aware of the DPRK&amp;#39;s launch of two ballistic
 missiles on Nov. 21 (Hawaii time) and is consulting with allies.&lt;/p&gt;</description>
   <pubDate>Sat, 21 Nov 2026 23:10:00 GMT</pubDate>
   <title>USINDOPACOM Statement on DPRK Missile Launch</title>
   <guid isPermaLink="false">https://www.pacom.mil/Media/News/News-Article-View/Article/4419301/usindopacom-statement-on-dprk-missile-launch/</guid>
  </item>
"""
STATEMENTS_PER_YEAR = 160  # what the generator makes, about (45 launches a year, 3.5 statements each)


def with_evidence(report: Statement, text: str) -> Statement:
    """Evidence as the extractor leaves it: a span and its sentence for each value stated."""
    sentence = text.split("\n")[0][:300]
    for name in ("count", "range_km", "launch_times_local", "launch_area", "missile_class"):
        value = getattr(report, name)
        if value not in (None, []):
            shown = str(value[0] if isinstance(value, list) else value)
            start = max(0, sentence.find(shown))
            report.evidence.append(Evidence(name, start, start + len(shown), shown, sentence, f"bench.{name}"))
    return report


def build_store(directory: Path, statements: int, noise_per_day: int) -> tuple[int, int]:
    """A store of about ``statements`` launch statements (the newest of a generated history);
    returns (documents, statements) stored."""
    years = statements // STATEMENTS_PER_YEAR + 1
    documents, reports = synthesize(years, noise_per_day)
    texts = {d["id"]: d for d in documents}
    stated = {r.document_id for r in reports}
    reports = sorted(reports, key=lambda r: (texts[r.document_id]["published_at"], r.id))[-statements:]
    kept = {r.document_id for r in reports}
    first_day = min(texts[r.document_id]["published_at"] for r in reports)
    # the statements' documents, and the articles reporting no launch published over the same years
    documents = [d for d in documents if d["id"] in kept or (d["id"] not in stated and d["published_at"] >= first_day)]
    store = Store(directory / "launchfeed.sqlite")
    fill(store, documents, [with_evidence(r, texts[r.document_id]["text"]) for r in reports])
    store.close()
    return len(documents), len(reports)


def build_in_child(directory: Path, statements: int, noise_per_day: int) -> tuple[int, int]:
    argv = [sys.executable, __file__, "--build", str(directory), "--sizes", str(statements),
            "--noise-per-day", str(noise_per_day)]  # fmt: skip
    done = subprocess.run(argv, capture_output=True, text=True, check=True)
    documents, stored = done.stdout.split()
    return int(documents), int(stored)


def collect(directory: Path, base_url: str) -> tuple[float, float, str]:
    """One `launchfeed collect` in a child process: (seconds, peak MB, what it printed)."""
    argv = [sys.executable, "-m", "launchfeed.cli", "collect", "--source", "indopacom", "--base-url", base_url,
            "--data-dir", str(directory), "--delay", "0"]  # fmt: skip
    started = time.perf_counter()
    child = subprocess.Popen(argv, cwd=directory, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    out = child.stdout.read()
    _, status, usage = os.wait4(child.pid, 0)
    elapsed = time.perf_counter() - started
    child.returncode = os.waitstatus_to_exitcode(status)
    if child.returncode != 0:
        raise SystemExit(f"collect exited {child.returncode}:\n{out}")
    return elapsed, usage.ru_maxrss / 1024, out.strip().splitlines()[-1] if out.strip() else ""


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", default="200,2000,20000", help="statements in the store, comma-separated")
    parser.add_argument("--noise-per-day", type=int, default=1, help="stored documents a day that report no launch")
    parser.add_argument("--keep", type=Path, help="build the stores under this directory and keep them")
    parser.add_argument("--build", type=Path, help=argparse.SUPPRESS)  # the child that builds one store
    args = parser.parse_args()
    sizes = [int(size) for size in args.sizes.split(",")]
    if args.build:
        print(*build_store(args.build, sizes[0], args.noise_per_day))
        return 0

    root = args.keep or Path(tempfile.mkdtemp(prefix="bench-collect-"))
    root.mkdir(parents=True, exist_ok=True)
    site = FixtureSite().start()
    rows = []
    try:
        for size in sizes:
            directory = root / f"store-{size}"
            shutil.rmtree(directory, ignore_errors=True)
            directory.mkdir()
            started = time.perf_counter()
            documents, statements = build_in_child(directory, size, args.noise_per_day)
            built = time.perf_counter() - started
            site.add(FEED_PATH, FEED, content_type="text/xml; charset=utf-8")
            first = collect(directory, site.base_url)
            print(f"{statements:,} statements, {documents:,} documents: built in {built:.1f} s; first collect "
                  f"{first[0]:.1f} s, {first[1]:.0f} MB ({first[2]})", flush=True)  # fmt: skip
            quiet = collect(directory, site.base_url)
            print(f"  nothing new:   {quiet[0]:6.2f} s {quiet[1]:6.0f} MB  ({quiet[2]})", flush=True)
            site.add(FEED_PATH, FEED.replace("  <item>", NEW_ITEM + "  <item>", 1),
                     content_type="text/xml; charset=utf-8")  # fmt: skip
            one = collect(directory, site.base_url)
            print(f"  one new:       {one[0]:6.2f} s {one[1]:6.0f} MB  ({one[2]})", flush=True)
            rows.append((statements, quiet, one))
            if not args.keep:
                shutil.rmtree(directory)
    finally:
        site.stop()
        if not args.keep:
            shutil.rmtree(root, ignore_errors=True)
    print("\n| statements | nothing new: time | nothing new: peak | one new: time | one new: peak |")
    print("|---:|---:|---:|---:|---:|")
    for statements, quiet, one in rows:
        print(f"| {statements:,} | {quiet[0]:.1f} s | {quiet[1]:.0f} MB | {one[0]:.1f} s | {one[1]:.0f} MB |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
