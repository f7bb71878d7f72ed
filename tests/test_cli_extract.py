"""`launchfeed extract`: one text (a file or standard input) or a JSON Lines batch, as JSON
with evidence; bad input gets a clear message and exit code 2."""

from __future__ import annotations

import io
import json
import subprocess
import sys

import pytest

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


def test_bad_input_is_named_with_exit_code_2(tmp_path, capsys, monkeypatch):
    assert main(["extract", str(tmp_path / "missing.txt")]) == 2
    assert capsys.readouterr().err.startswith(f"launchfeed: cannot read {tmp_path / 'missing.txt'}")
    latin = tmp_path / "latin1.txt"
    latin.write_bytes("café".encode("latin-1"))
    assert main(["extract", str(latin)]) == 2
    monkeypatch.setattr(sys, "stdin", io.StringIO(ENGLISH))
    assert main(["extract", "-", "--source", "nowhere"]) == 2
    assert "unknown source 'nowhere'" in capsys.readouterr().err
    monkeypatch.setattr(sys, "stdin", Terminal())  # nothing piped in and no FILE: say what to give
    assert main(["extract"]) == 2
    assert "give a FILE" in capsys.readouterr().err


class Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_piped_text_is_read_without_a_file(monkeypatch, capsys):
    monkeypatch.setattr(sys, "stdin", io.StringIO(ENGLISH))
    assert main(["extract", "--published", "2026-12-01"]) == 0
    assert json.loads(capsys.readouterr().out)["range_km"] == [600.0]


@pytest.mark.parametrize("published", ["garbage", "2025-02-30", "2025-13-01", "2025-01-01T25:00"])
def test_published_must_be_a_real_date_or_time(published, capsys):
    with pytest.raises(SystemExit) as exited:
        main(["extract", "-", "--published", published])
    assert exited.value.code == 2
    assert f"argument --published: {published!r} is not a date (YYYY-MM-DD)" in capsys.readouterr().err


def test_a_bad_batch_line_gets_an_error_object_and_the_batch_goes_on(tmp_path, capsys):
    batch = tmp_path / "batch.jsonl"
    lines = [
        json.dumps({"id": "a", "text": KOREAN, "lang": "ko", "published": "2026-12-01", "source": "JCS_KR"}),
        '{"id": "b", "te',
        json.dumps(["not", "an", "object"]),
        json.dumps({"id": "d", "text": 42}),
        json.dumps({"id": "e", "text": ENGLISH, "source": "nowhere"}),
        json.dumps({"id": "f", "text": ENGLISH, "published": "2025-02-30"}),
        json.dumps({"id": "g", "text": ENGLISH, "lang": "fr"}),
        json.dumps({"id": "h", "text": ENGLISH, "published": "2026-12-01T09:00:00+09:00"}),
    ]
    batch.write_text("\n".join(lines) + "\n", encoding="utf-8")
    assert main(["extract", "--jsonl", str(batch)]) == 1
    out = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert [(o["id"], "error" in o) for o in out] == [
        ("a", False), (None, True), (None, True), ("d", True), ("e", True), ("f", True), ("g", True), ("h", False)
    ]  # fmt: skip
    errors = [o["error"] for o in out if "error" in o]
    assert errors[0].startswith(f"{batch}:2: not JSON")
    assert errors[1:] == [
        f"{batch}:3: not a JSON object but list",
        f"{batch}:4: no text (a string)",
        f"{batch}:5: unknown source 'nowhere' (declared: csis, dod, indopacom, jcs_kr, kcna, mnd_kr, mod_jp, "
        "yonhap_en)",
        f"{batch}:6: published: '2025-02-30' is not a date (YYYY-MM-DD) or a date and time (YYYY-MM-DDTHH:MM[+HH:MM])",
        f"{batch}:7: lang 'fr' is none of ja, ko, en",
    ]
    assert (out[0]["authority"], out[0]["range_km"]) == ("jcs", [420.0]) and out[-1]["range_km"] == [600.0]


def test_a_table_shows_field_value_and_evidence(tmp_path, capsys):
    text = tmp_path / "jcs.txt"
    text.write_text(KOREAN, encoding="utf-8")
    assert main(["extract", str(text), "--published", "2026-12-01", "--source", "jcs_kr", "--format", "table"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0].split() == ["field", "value", "evidence"]
    rows = {line.split()[0]: line.split()[1:] for line in lines[2:] if line.strip()}
    assert rows["count"] == ["2", "2발"] and rows["range_km"][0] == "420" and rows["authority"] == ["jcs"]
    assert rows["launch_times_local"][0] == "06:12" and "evidence" not in rows


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
