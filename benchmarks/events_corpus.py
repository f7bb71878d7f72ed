"""Launch events on the labelled corpus, cross-checked against the CNS-based reference.

    python benchmarks/events_corpus.py [--shared PATH] [--out DIR]

Stores every text of ``<shared>/corpus/mod_ja_dev.jsonl`` and ``kcna_en_dev.jsonl`` as a
document (its ``published`` day as the publication date, day precision, in the source's
zone) together with the invented statements of tests/test_events.py, extracts them all
through ``extract.extract_batch`` (``launchfeed.collect.extract_pending``), reconciles them
into events and writes the output files (``write_outputs``), then runs
``launchfeed crosscheck <shared>/corpus/nk_missile_tests.json`` on the result and prints its
summary. The invented launches are dated 2031, so they show as missing from the reference,
and the corpus holds a sample of the releases, so many reference launches show as missing
from the events. ``--out`` keeps the output directory (launches.csv, ...). Exits 0 when the
shared directory is absent.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path
from zoneinfo import ZoneInfo

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(1, str(ROOT / "tests"))

CORPORA = ("mod_ja_dev.jsonl", "kcna_en_dev.jsonl")
ZONES = {"mod_jp": ZoneInfo("Asia/Tokyo"), "kcna": ZoneInfo("Asia/Pyongyang")}


def corpus_documents(corpus: Path):
    from launchfeed.contracts import Document

    for name in CORPORA:
        for number, line in enumerate((corpus / name).read_text(encoding="utf-8").splitlines(), start=1):
            if not line.strip():
                continue
            item = json.loads(line)
            day = datetime.fromisoformat(item["published"]).replace(tzinfo=ZONES[item["source"]])
            yield Document(
                source=item["source"],
                url=item.get("url") or f"corpus:{name}:{item.get('id') or number}",
                title=str(item.get("id") or number),
                lang=item["lang"],
                published_at=day,
                published_precision="day",
                fetched_at=datetime.now(UTC),
                sha256=hashlib.sha256(item["text"].encode("utf-8")).hexdigest(),
                raw_path="",
                text=item["text"],
            )


def fixture_documents():
    from eventcases import FIXTURES

    from launchfeed.contracts import Document

    for fixture in FIXTURES:
        yield Document(
            source=fixture.source,
            url=fixture.url,
            title=fixture.key,
            lang=fixture.lang,
            published_at=datetime.fromisoformat(fixture.published),
            published_precision=fixture.precision,
            fetched_at=datetime.now(UTC),
            sha256=hashlib.sha256(fixture.text.encode("utf-8")).hexdigest(),
            raw_path="",
            text=fixture.text,
        )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--shared", type=Path, default=ROOT.parent / "shared", help="shared directory (../shared)")
    parser.add_argument("--out", type=Path, help="keep the output directory here (default: a temporary one)")
    args = parser.parse_args()
    corpus = args.shared / "corpus"
    reference = corpus / "nk_missile_tests.json"
    if not all((corpus / name).exists() for name in (*CORPORA, reference.name)):
        print(f"{corpus} not found; nothing to measure")
        return 0

    from launchfeed.output.events import stored_events

    from launchfeed.cli import main as launchfeed
    from launchfeed.collect import extract_pending, open_workspace, write_outputs

    with tempfile.TemporaryDirectory() as scratch:
        out = args.out or Path(scratch) / "out"
        ws = open_workspace(out, None)
        documents = [*corpus_documents(corpus), *fixture_documents()]
        for document in documents:
            ws.store.save_document(document)
        started = time.perf_counter()
        new, _ = extract_pending(ws.store)
        extracted = time.perf_counter()
        write_outputs(ws)
        reconciled = time.perf_counter()
        events = stored_events(ws.store)
        rows = (out / "launches.csv").read_text(encoding="utf-8").count("\n") - 1
        print(
            f"{len(documents)} documents ({sum(1 for d in documents if d.url.startswith('https://fixtures'))} "
            f"invented), {new} launch statements, {len(events)} events, launches.csv {rows} rows; "
            f"extraction {extracted - started:.1f} s, reconciliation and files {reconciled - extracted:.2f} s"
        )
        print(f"$ launchfeed crosscheck {reference}")
        sys.stdout.flush()
        return launchfeed(["crosscheck", str(reference), "--out", str(out)])


if __name__ == "__main__":
    sys.exit(main())
