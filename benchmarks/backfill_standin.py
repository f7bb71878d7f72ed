"""The backfill's acceptance run: `launchfeed backfill --since 2025-01-01 --until 2025-12-31 --source mod_jp
--source kcna` at its default pacing against the Wayback stand-in (tests/site_wayback.py) holding an invented
year of captures (tests/history_data.py: launches with MOD's and KCNA's reports, unrelated releases and
articles, bad captures) that answers 429 above 2 requests a second. The first run is killed with SIGKILL
half-way through the captures; the second must complete without a capture answered twice; the third must
ask nothing. Prints what each run asked and what the statements say.

    python benchmarks/backfill_standin.py [--launches 20] [--articles 300] [--releases 100] [--delay 1]

(about seven minutes at the default pacing: one request a second)
"""

from __future__ import annotations

import argparse
import csv
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))

from history_data import build_history, year_of_launches  # noqa: E402
from site_wayback import WaybackSite  # noqa: E402


def main() -> int:
    options = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    options.add_argument("--launches", type=int, default=20)
    options.add_argument("--articles", type=int, default=300)
    options.add_argument("--releases", type=int, default=100)
    options.add_argument("--delay", type=float, default=None, help="--delay for backfill (default: its own)")
    args = options.parse_args()
    site = WaybackSite(rate_limit=2).start()
    launches = year_of_launches(2025, args.launches)
    history = build_history(site, launches, other_articles=args.articles, other_releases=args.releases)
    print(
        f"stand-in: {len(site.stored)} captures of {len(history.kcna_articles)} KCNA articles, "
        f"{len(history.mod_releases)} readable MOD follow-ups, {history.other_mod_pdfs} other MOD PDFs; "
        f"{len(launches)} launches"
    )
    out = Path(tempfile.mkdtemp(prefix="backfill-standin-"))
    command = [
        sys.executable,
        "-m",
        "launchfeed.cli",
        "backfill",
        "--since",
        "2025-01-01",
        "--until",
        "2025-12-31",
        "--source",
        "mod_jp",
        "--source",
        "kcna",
        "--wayback",
        site.base_url,
        "--out",
        str(out),
    ]
    if args.delay is not None:
        command += ["--delay", str(args.delay)]
    expected = len(history.kcna_articles) + len(history.mod_releases) + history.other_mod_pdfs
    try:
        started = time.monotonic()
        first = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        while sum(site.served.values()) < expected // 2 and first.poll() is None:
            time.sleep(0.05)
        first.send_signal(signal.SIGKILL)
        first.wait()
        report("run 1 (SIGKILL half-way)", site, started, first.returncode)
        for name in ("run 2", "run 3"):
            before, started = len(site.log), time.monotonic()
            done = subprocess.run(command, capture_output=True, text=True)
            report(name, site, started, done.returncode, len(site.log) - before)
            print("   ", done.stdout.strip().replace("\n", "\n    "))
        twice = [path for path, times in site.served.items() if times > 1]
        print(f"captures answered twice: {len(twice)}; 429 answers: {site.too_fast}")
        check(out, launches)
    finally:
        site.stop()
    return 0


def report(name: str, site: WaybackSite, started: float, code: int | None, asked: int | None = None) -> None:
    asked_text = f"{asked} requests" if asked is not None else f"{len(site.log)} requests"
    print(
        f"{name}: exit {code}, {time.monotonic() - started:.0f} s, {asked_text}, "
        f"{sum(site.served.values())} captures answered so far"
    )


def check(out: Path, launches) -> None:
    with open(out / "statements.csv", encoding="utf-8") as handle:
        rows = {(r["authority"], r["launch_date_local"]): r for r in csv.DictReader(handle)}
    wrong = []
    for launch in launches:
        day = launch.day.isoformat()
        kcna = rows.get(("kcna", day))
        if not kcna or (kcna["count"], kcna["range_km"]) != (str(launch.count), str(launch.kcna_range)):
            wrong.append(f"kcna {day}: {kcna and (kcna['count'], kcna['range_km'])}")
        mod = rows.get(("mod_jp", day))
        if launch.mod_pdf == "truncated":
            if mod:
                wrong.append(f"mod_jp {day}: a statement from a truncated PDF")
            continue
        want = (str(launch.count), str(launch.mod_range), str(launch.mod_apogee))
        if not mod or (mod["count"], mod["range_km"], mod["apogee_km"]) != want:
            wrong.append(f"mod_jp {day}: {mod and (mod['count'], mod['range_km'], mod['apogee_km'])} != {want}")
    print(f"statements: {len(rows)}; launches with wrong or missing numbers: {wrong or 'none'}")


if __name__ == "__main__":
    sys.exit(main())
