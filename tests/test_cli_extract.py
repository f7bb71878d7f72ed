"""`launchfeed extract`: one text (a file or standard input) or a JSON Lines batch, as JSON
with evidence; bad input gets a clear message and exit code 2."""

from __future__ import annotations

import io
import json
import subprocess
import sys

from launchfeed.cli import main

KOREAN = (
    "합참은 오늘 오전 6시 12분경 북한이 평안북도 구성 일대에서 동해상으로 발사한 단거리탄도미사일 2발을 "
    "포착하였습니다. 북한 탄도미사일은 약 420여km를 비행하였습니다."
)
ENGLISH = (
    "North Korea launched one ballistic missile from the vicinity of its west coast toward the east at around "
    "5:31 a.m. today. It flew about 600 km at a maximum altitude of about 45 km and is estimated to have fallen "
    "outside Japan's exclusive economic zone."
)


def test_a_korean_file_prints_every_field_it_states_with_evidence(tmp_path, capsys):
    text = tmp_path / "jcs.txt"
    text.write_text(KOREAN, encoding="utf-8")
    assert main(["extract", str(text), "--lang", "ko", "--published", "2026-12-01", "--source", "jcs_kr"]) == 0
    said = json.loads(capsys.readouterr().out)
    assert said["authority"] == "jcs" and said["is_launch_report"] is True
    assert (said["launch_date_local"], said["launch_times_local"], said["launch_utc"]) == (
        "2026-12-01", ["06:12"], "2026-11-30T21:12:00Z")  # fmt: skip
    assert (said["count"], said["range_km"], said["range_qualifier"]) == (2, [420.0], "approx")
    assert (said["launch_site"], said["landing"], said["missile_class"]) == ("kusong", "sea_of_japan", "ballistic")
    evidence = {item["field"]: item for item in said["evidence"]}
    for field in ("launch_date_local", "launch_times_local", "count", "range_km", "launch_area", "missile_class"):
        item = evidence[field]
        assert KOREAN[item["start"] : item["end"]] == item["text"] and item["text"] in item["sentence"]


def test_english_from_standard_input(monkeypatch, capsys):
    monkeypatch.setattr(sys, "stdin", io.StringIO(ENGLISH))
    assert main(["extract", "-", "--published", "2026-12-01", "--source", "mod_jp"]) == 0
    said = json.loads(capsys.readouterr().out)
    assert (said["authority"], said["count"], said["range_km"], said["apogee_km"]) == ("mod_jp", 1, [600.0], [45.0])
    assert (said["launch_times_local"], said["eez"], said["missile_class"]) == (["05:31"], "outside", "ballistic")
    assert {"range_km", "apogee_km", "eez", "count"} <= {item["field"] for item in said["evidence"]}


def test_a_batch_keeps_each_id_and_its_order(tmp_path, capsys):
    batch = tmp_path / "batch.jsonl"
    items = [
        {"id": "a", "text": KOREAN, "lang": "ko", "published": "2026-12-01", "source": "jcs_kr"},
        {"id": "b", "text": "The weather was mild in Pyongyang today.", "lang": "en"},
        {"id": "c", "text": ENGLISH, "published": "2026-12-01"},
    ]
    batch.write_text("\n".join(json.dumps(item, ensure_ascii=False) for item in items) + "\n\n", encoding="utf-8")
    assert main(["extract", "--jsonl", str(batch)]) == 0
    lines = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert [(line["id"], line["is_launch_report"]) for line in lines] == [("a", True), ("b", False), ("c", True)]
    assert lines[1]["count"] is None and lines[1]["range_km"] == [] and lines[2]["range_km"] == [600.0]


def test_bad_input_is_named_with_exit_code_2(tmp_path, capsys):
    broken = tmp_path / "broken.jsonl"
    broken.write_text('{"id": "a", "text": "x"}\n{"id": "b", "te\n', encoding="utf-8")
    assert main(["extract", "--jsonl", str(broken)]) == 2
    assert capsys.readouterr().err.startswith(f"launchfeed: {broken}:2: not JSON")
    assert main(["extract", str(tmp_path / "missing.txt")]) == 2
    assert capsys.readouterr().err.startswith(f"launchfeed: cannot read {tmp_path / 'missing.txt'}")
    latin = tmp_path / "latin1.txt"
    latin.write_bytes("café".encode("latin-1"))
    assert main(["extract", str(latin)]) == 2
    assert main(["extract"]) == 2
    assert "give a FILE" in capsys.readouterr().err


def test_a_reader_that_stops_early_ends_the_output_quietly(tmp_path):
    batch = tmp_path / "many.jsonl"
    batch.write_text("\n".join(json.dumps({"id": str(n), "text": KOREAN, "lang": "ko"}) for n in range(400)),
                     encoding="utf-8")  # fmt: skip
    run = subprocess.Popen([sys.executable, "-m", "launchfeed.cli", "extract", "--jsonl", str(batch)],
                           stdout=subprocess.PIPE, stderr=subprocess.PIPE)  # fmt: skip
    first = run.stdout.readline()
    run.stdout.close()  # as `| head -1` does
    stderr = run.stderr.read()
    assert json.loads(first)["id"] == "0"
    assert run.wait(timeout=60) == 0 and b"Traceback" not in stderr and stderr == b""
