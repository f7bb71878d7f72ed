"""How fast `launchfeed query` answers on ten years of data.

Fills a fresh store with ten years of synthetic launches (2016-2025, 20-70 a year, as
in the busiest real years), each stated by Tokyo (flash and follow-ups), Seoul, and
sometimes INDOPACOM, DoD and KCNA, with values that sometimes disagree; adds the
articles a collector also keeps that report no launch (KCNA publishes dozens a day);
reconciles the statements into events with output/events.py; then times each query
in-process (best and median of several runs, rows converted and rendered as CSV)
and once through the real command line, as a user would run it.

    python benchmarks/bench_query.py [--years 10] [--noise-per-day 20] [--keep DIR]

What it showed (2 cores, November 2026): every query under 100 ms, most under 25 ms;
the whole command under 200 ms, most of it Python starting up. The time goes into
turning rows into output, not into finding them: the joins use primary keys and the
event_members / event_authorities keys, and an index on the launch date (tried) saves
under a millisecond on 1,800 statements, so the store has none.
"""

from __future__ import annotations

import argparse
import hashlib
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import UTC, date, datetime, timedelta, timezone
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from launchfeed.output.events import reconcile_store  # noqa: E402
from launchfeed.output.query import QUERYABLES, Filters, parse_day, render, run_query  # noqa: E402
from launchfeed.output.store import STATEMENT_COLUMNS, Store, connect_readonly, statement_to_row, text_fingerprint  # noqa: E402

from launchfeed.contracts import Statement, document_id  # noqa: E402
from launchfeed.sources import authorities  # noqa: E402

KST = timedelta(hours=9)
JAPAN = timezone(KST)
MOD = "https://www.mod.go.jp/j/press/news/"
CLASSES = [("ballistic", 250, 600, 30, 120, 0.55), ("icbm", 900, 1100, 4000, 6500, 0.08),
           ("hypersonic", 600, 1500, 50, 200, 0.07), ("cruise", 150, 1500, None, None, 0.15),
           ("mlrs", 40, 90, None, None, 0.1), ("slbm", 300, 600, 50, 100, 0.05)]  # fmt: skip
NAMES = {"icbm": ["Hwasong-15", "Hwasong-17", "Hwasong-18", "Hwasong-19"], "hypersonic": ["Hwasong-16B"],
         "cruise": ["Hwasal-1", "Hwasal-2"], "slbm": ["Pukguksong-3"]}  # fmt: skip
AREAS = [("平壌近郊", "Pyongyang area"), ("北朝鮮西岸付近", "west coast"), ("北朝鮮東岸付近", "Wonsan area"),
         ("北朝鮮内陸部", "North Pyongan Province")]  # fmt: skip
FILLER = (
    "The statement repeated that the launch violates several resolutions and that the allies keep a firm readiness "
    "posture while sharing information closely. "
) * 6


def fake_document(source: str, url: str, title: str, text: str, lang: str, published: datetime) -> dict:
    fingerprint = text_fingerprint(title, text)
    stamp = published.astimezone(UTC).isoformat()
    return {
        "id": document_id(source, url), "source": source, "url": url, "title": title, "lang": lang,
        "published_at": published.isoformat(), "published_precision": "minute", "fetched_at": stamp,
        "sha256": hashlib.sha256(text.encode()).hexdigest(), "raw_path": "", "content_type": "text/html",
        "channel": None, "text": text, "text_sha256": fingerprint, "revision": 1, "first_seen_at": stamp,
        "updated_at": stamp, "extracted_sha256": fingerprint,
    }  # fmt: skip


def synthesize(years: int, noise_per_day: int, seed: int = 7) -> tuple[list[dict], list[Statement]]:
    rng = random.Random(seed)
    documents: list[dict] = []
    reports: list[Statement] = []

    def state(source, authority, url, title, text, lang, published, **values):
        doc = fake_document(source, url, title, text + "\n" + FILLER, lang, published)
        documents.append(doc)
        reports.append(Statement(document_id=doc["id"], source=source, authority=authority, is_launch_report=True,
                              **values))  # fmt: skip

    first_year = 2026 - years
    for year in range(first_year, 2026):
        for n in range(rng.randint(20, 70)):
            day = date(year, 1, 1) + timedelta(days=rng.randrange(365))
            minute = rng.randrange(5 * 60, 23 * 60)
            local = datetime(day.year, day.month, day.day, minute // 60, minute % 60, tzinfo=UTC) - KST
            klass, rmin, rmax, amin, amax, _ = rng.choices(CLASSES, weights=[c[5] for c in CLASSES])[0]
            count = rng.choice([1, 1, 1, 2, 2, 3, 4, 6])
            rng_km = float(rng.randrange(rmin, rmax, 10))
            apogee = float(rng.randrange(amin, amax, 10)) if amin else None
            name = rng.choice(NAMES[klass]) if klass in NAMES and rng.random() < 0.6 else None
            ja_area, en_area = rng.choice(AREAS)
            hhmm = f"{minute // 60:02d}:{minute % 60:02d}"
            common = {"launch_date_local": day.isoformat(), "launch_times_local": [hhmm], "tz": "+09:00",
                      "launch_utc": local.strftime("%Y-%m-%dT%H:%M:00Z"), "time_precision": "minute",
                      "missile_class": klass}  # fmt: skip
            base = f"{day:%Y/%m/%d}{n:02d}"
            published = (local + timedelta(minutes=rng.randint(5, 25))).astimezone(JAPAN)
            flash, follow_up = f"{MOD}{base}a.html", f"{MOD}{base}c.html"
            state("mod_jp", "mod_jp", flash, "北朝鮮のミサイル等関連情報（速報）",
                  f"北朝鮮は本日{hhmm}頃、{ja_area}から弾道ミサイルを発射しました。", "ja", published,
                  stage="flash", count=1, count_qualifier="at_least", launch_area=ja_area, **common)  # fmt: skip
            jp_count = count if rng.random() < 0.85 else count + 1
            jp_range = rng_km if rng.random() < 0.8 else rng_km * 1.15
            state("mod_jp", "mod_jp", follow_up, "北朝鮮のミサイル等関連情報（続報）",
                  f"１．北朝鮮は本日{hhmm}頃、{ja_area}から{count}発を発射しました。\n２．約{int(jp_range)}ｋｍ飛翔しました。",
                  "ja", published + timedelta(hours=2), stage="followup", count=jp_count, count_qualifier="exact",
                  range_km=[jp_range], apogee_km=[apogee] if apogee else [], launch_area=ja_area,
                  **common)  # fmt: skip
            state("jcs_kr", "jcs", f"https://www.jcs.mil.kr/view.do?id={base}", f"North Korea fires {count} missiles",
                  f"North Korea fired {count} missiles from the {en_area} at around {hhmm}; they flew about "
                  f"{int(rng_km)} km.", "en", published + timedelta(minutes=10), stage="followup", count=count,
                  count_qualifier="exact", range_km=[rng_km], launch_area=en_area, **common)  # fmt: skip
            if rng.random() < 0.5:
                state("indopacom", "indopacom", f"https://www.pacom.mil/Media/News/{base}/",
                      "USINDOPACOM Statement on DPRK Missile Launch", "We are aware of the launch.", "en",
                      published + timedelta(hours=3), stage="flash", launch_date_local=day.isoformat(),
                      time_precision="day", missile_class=klass)  # fmt: skip
            if rng.random() < 0.3:
                state("kcna", "kcna", f"http://www.kcna.kp/en/article/q/{base}.kcmsf", f"Test-fire of {name or klass}",
                      f"The {name or 'new weapon'} was test-fired; it flew {int(rng_km) + 1} km.", "en",
                      published + timedelta(hours=22), stage="final", launch_date_local=day.isoformat(),
                      time_precision="day", count=count, count_qualifier="exact", range_km=[rng_km + 1],
                      missile_class=klass, missile_name=name)  # fmt: skip
    # what the collectors keep that reports no launch: KCNA's daily articles
    start = datetime(first_year, 1, 1, 6, tzinfo=UTC)
    for index in range(years * 365 * noise_per_day):
        when = start + timedelta(minutes=index * 1440 // noise_per_day)
        documents.append(fake_document("kcna", f"http://www.kcna.kp/en/article/q/n{index}.kcmsf",
                                       f"Article {index} on the economy", "Farmers met their plan. " + FILLER, "en",
                                       when))  # fmt: skip
    return documents, reports


def fill(store: Store, documents: list[dict], reports: list[Statement]) -> None:
    with store.transaction() as db:
        columns = list(documents[0])
        db.executemany(f"INSERT INTO documents ({', '.join(columns)}) VALUES ({', '.join('?' * len(columns))})",
                       [list(d.values()) for d in documents])  # fmt: skip
        names = ["id", "extracted_at", *STATEMENT_COLUMNS]
        db.executemany(
            f"INSERT INTO reports ({', '.join(names)}) VALUES ({', '.join('?' * len(names))})",
            [[r.id, "2026-01-01T00:00:00+00:00", *statement_to_row(r).values()] for r in reports],
        )


QUERIES: list[tuple[str, str, list[str]]] = [
    ("statements", "everything", []),
    ("statements", "one year", ["--since", "2024", "--until", "2024"]),
    ("statements", "authority + class", ["--authority", "jcs", "--class", "icbm"]),
    ("statements", "free text", ["--text", "Hwasong"]),
    ("statements", "free text, Japanese", ["--text", "東岸"]),
    ("statements", "free text, no match", ["--text", "no such words"]),
    ("statements", "disagrees count", ["--disagrees", "count"]),
    ("launches", "everything", []),
    ("launches", "one year, range disagrees", ["--since", "2022", "--until", "2022", "--disagrees", "range"]),
    ("launches", "authority + class", ["--authority", "kcna", "--class", "icbm"]),
    ("launches", "source", ["--source", "indopacom"]),
    ("launches", "free text", ["--text", "Wonsan"]),
]


def filters_for(args: list[str]) -> Filters:
    options = dict(zip(args[::2], args[1::2], strict=True))
    split = lambda key: tuple(options[key].split(",")) if key in options else ()  # noqa: E731
    return Filters(
        since=parse_day(options["--since"], end=False) if "--since" in options else None,
        until=parse_day(options["--until"], end=True) if "--until" in options else None,
        authorities=split("--authority"), sources=split("--source"), classes=split("--class"),
        disagrees=split("--disagrees"), text=options.get("--text"),
    )  # fmt: skip


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--years", type=int, default=10)
    parser.add_argument("--noise-per-day", type=int, default=20, help="stored documents a day that report no launch")
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--keep", type=Path, help="build the store in this directory and keep it")
    args = parser.parse_args()

    workdir = args.keep or Path(tempfile.mkdtemp(prefix="bench-query-"))
    if args.keep and workdir.exists():
        shutil.rmtree(workdir)
    workdir.mkdir(parents=True, exist_ok=True)
    path = workdir / "launchfeed.sqlite"
    started = time.perf_counter()
    documents, reports = synthesize(args.years, args.noise_per_day)
    store = Store(path)
    fill(store, documents, reports)
    filled = time.perf_counter()
    outcome = reconcile_store(store, authorities())
    reconciled = time.perf_counter()
    store.close()
    size_mb = path.stat().st_size / 1e6
    print(
        f"store: {len(documents):,} documents, {len(reports):,} statements, {len(outcome.events):,} launch events, "
        f"{size_mb:.0f} MB; filled in {filled - started:.1f} s, reconciled in {reconciled - filled:.1f} s"
    )

    db = connect_readonly(path)
    worst = 0.0
    print(f"\n{'table':<11} {'query':<28} {'rows':>6} {'best ms':>8} {'median ms':>10}")
    for kind, label, options in QUERIES:
        filters = filters_for(options)
        times = []
        for _ in range(args.runs):
            t0 = time.perf_counter()
            rows = run_query(db, kind, filters)
            render(QUERYABLES[kind].table, rows, "csv")
            times.append(time.perf_counter() - t0)
        worst = max(worst, statistics.median(times))
        print(
            f"{kind:<11} {label:<28} {len(rows):>6} {min(times) * 1000:>8.1f} {statistics.median(times) * 1000:>10.1f}"
        )

    print("\nthe whole command (a new Python process: imports, open, query, print):")
    for command in (["statements", "--since", "2024", "--table"], ["launches", "--disagrees", "count"],
                    ["statements", "--text", "Hwasong", "--jsonl"]):  # fmt: skip
        argv = [sys.executable, "-m", "launchfeed.cli", "query", *command, "--db", str(path)]
        t0 = time.perf_counter()
        done = subprocess.run(argv, capture_output=True, text=True, check=True)
        elapsed = time.perf_counter() - t0
        worst_cli = elapsed
        print(f"  launchfeed query {' '.join(command):<40} {elapsed * 1000:>7.0f} ms, "
              f"{len(done.stdout.splitlines())} lines")  # fmt: skip
    if not args.keep:
        shutil.rmtree(workdir)
    ok = worst < 1.0 and worst_cli < 2.0
    print(f"\nslowest query median {worst * 1000:.0f} ms: {'OK, well under a second' if ok else 'TOO SLOW'}")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
