"""Alerts on a new launch event or a revised value, to webhooks on 127.0.0.1 (json, slack, discord,
ntfy) and to a command: sent until a 2xx comes back, retried by later runs while the sink is down,
never sent twice, recorded in the change log; the first run of a store is a baseline."""

from __future__ import annotations

import json
import sys
from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
from launchdata import REVISION, add, build_workspace
from launchfeed.scrapers import mod_jp
from site_mod_jp import ROOT, build_mod_jp_site
from sitekit import FixtureSite, Request, Response

from launchfeed.cli import main
from launchfeed.collect import write_outputs
from launchfeed.notify import Sink, queue_run, send_queued

RELEASE_PATH = "/j/press/news/2026/12/05a.html"
RELEASE = """<!DOCTYPE html>
<html lang="ja"><head><meta charset="UTF-8"><title>北朝鮮のミサイル等関連情報（続報） | 防衛省・自衛隊</title></head>
<body><main id="main"><div class="l-contents">
<h1 class="c-heading">北朝鮮のミサイル等関連情報（続報）</h1>
<p class="c-date">令和８年１２月５日<br>防衛省</p>
<div class="c-article">
<p>１．北朝鮮は本日６時２分頃、北朝鮮西岸付近から、２発の弾道ミサイルを東方向に向けて発射しました。
発射された弾道ミサイルは、いずれも最高高度約５０ｋｍ程度で、約４００ｋｍ飛翔し、日本海に落下したものと推定されます。</p>
</div></div></main></body></html>
"""
ITEM = (
    "<item><title>北朝鮮のミサイル等関連情報（続報）</title>"
    f"<link>{RELEASE_PATH}</link><pubDate>Sat, 05 Dec 2026 07:10:00 +0900</pubDate></item>\n"
)


class Hook:
    """A webhook: keeps what it is sent and answers with ``status``."""

    def __init__(self, site: FixtureSite, path: str = "/hook") -> None:
        self.requests: list[Request] = []
        self.status = 200
        self.url = site.url(path)
        site.add(path, self, method="POST")

    def __call__(self, request: Request) -> Response:
        self.requests.append(request)
        answer = b"ok" if self.status < 300 else b"down for maintenance"
        return Response(answer, self.status, {"Content-Type": "text/plain"}, conditional=False)


@pytest.fixture
def sink():
    server = FixtureSite().start()
    try:
        yield server
    finally:
        server.stop()


def publish_launch(site: FixtureSite) -> None:
    news = (ROOT / "j/rss/news.xml").read_text(encoding="utf-8")
    site.add("/j/rss/news.xml", news.replace("<item>", ITEM + "<item>", 1),
             content_type="application/rss+xml; charset=UTF-8")  # fmt: skip
    site.add(RELEASE_PATH, RELEASE)


def test_a_new_launch_is_posted_until_the_sink_takes_it_and_never_again(site, sink, tmp_path, capsys, monkeypatch):
    monkeypatch.setattr(mod_jp, "now_jst", lambda: datetime(2026, 12, 7, 12, 0, tzinfo=ZoneInfo("Asia/Tokyo")))
    build_mod_jp_site(site)
    hook = Hook(sink)
    argv = ["collect", "--source", "mod_jp", "--base-url", site.base_url, "--data-dir", str(tmp_path), "--delay",
            "0", "-q", "--notify", hook.url]  # fmt: skip
    assert main(argv) == 0
    assert hook.requests == []  # the first run is the baseline: every launch the feeds list, not news
    capsys.readouterr()

    publish_launch(site)
    hook.status = 503  # the sink is down: the run says so, the notice waits
    assert main(argv) == 1
    captured = capsys.readouterr()
    [line] = [line for line in captured.err.splitlines() if "notify" in line]
    assert line.startswith("launchfeed: notify 127.0.0.1#") and line.endswith(
        " failed: HTTP 503 Service Unavailable: down for maintenance; 1 notice waits for the next run"
    )
    assert "new launch" in captured.out and "notified" not in captured.out
    assert len(hook.requests) == 1

    hook.status = 200  # back up: the next run (nothing new from the sources) sends what waited
    assert main(argv) == 0
    captured = capsys.readouterr()
    assert captured.err == "" and captured.out.startswith("notified           ev-")
    assert " 2026-12-05 06:02 +09:00 (21:02 UTC): 2 missiles, 400 km, ballistic via 127.0.0.1#" in captured.out
    request = hook.requests[-1]
    assert request.headers["content-type"] == "application/json"
    notice = json.loads(request.body)
    assert notice["kind"] == "new_launch" and notice["statements"] == ["https://www.mod.go.jp" + RELEASE_PATH]
    event = notice["event"]
    assert (event["launch_date_local"], event["count"], event["range_km"], event["mod_jp_count"]) == (
        "2026-12-05", 2, 400.0, 2)  # fmt: skip
    assert notice["changes"][0]["kind"] == "new_event"
    assert notice["text"].startswith("New launch 2026-12-05: 2 ballistic missiles, range 400 km, apogee 50 km, at "
                                     "06:02 +09:00 (21:02 UTC)\nhttps://www.mod.go.jp/")  # fmt: skip

    assert main(argv) == 0  # sent once: never again
    assert len(hook.requests) == 2 and capsys.readouterr() == ("", "")
    assert main(["changes", "--data-dir", str(tmp_path), "--since", "1", "--json"]) == 0
    logged = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    [notified] = [change for change in logged if change["kind"] == "notified"]
    assert notified["object_id"] == event["event_id"] and notified["field"].startswith("127.0.0.1#")


@pytest.fixture
def revised(tmp_path):
    """A store whose second run revised a launch (JCS's range for 2026-10-03: 340 -> 380 km)."""
    ws = build_workspace(tmp_path / "data")
    run_id = ws.store.begin_run("collect")
    add(ws, [REVISION])
    write_outputs(ws)
    return ws, run_id


def test_each_format_gets_its_own_body_and_a_command_gets_the_json(revised, sink, tmp_path):
    ws, run_id = revised
    hooks = {fmt: Hook(sink, f"/{fmt}") for fmt in ("json", "slack", "discord", "ntfy")}
    received = tmp_path / "notice.json"
    command = (
        sys.executable,
        "-c",
        "import sys; open(sys.argv[1], 'wb').write(sys.stdin.buffer.read())",
        str(received),
    )
    sinks = [Sink(fmt, hook.url, (), fmt) for fmt, hook in hooks.items()] + [Sink("script", None, command)]
    assert queue_run(ws.store, sinks, run_id) > 0
    outcomes = send_queued(ws.store, sinks)
    assert [(o.sent, o.waiting, o.error) for o in outcomes] == [(1, 0, None)] * 5
    text = hooks["ntfy"].requests[0].body.decode("utf-8")
    assert hooks["ntfy"].requests[0].headers["content-type"] == "text/plain; charset=utf-8"
    assert text.startswith("Revised launch 2026-10-03: 2 ballistic missiles, range 350 km, apogee 50 km, "
                           "at 06:15 +09:00 (21:15 UTC): range_km 340 → 350; jcs_range_km 340 → 380")  # fmt: skip
    assert "https://www.jcs.mil.kr/bbs/jcs/view.do?id=2026-1003b" in text
    assert json.loads(hooks["slack"].requests[0].body) == {"text": text}
    assert json.loads(hooks["discord"].requests[0].body) == {"content": text}
    notice = json.loads(hooks["json"].requests[0].body)
    assert notice["kind"] == "revised_launch" and notice["event"]["jcs_range_km"] == [380.0]
    assert {"kind": "revised_event_value", "field": "jcs_range_km", "old": [340.0], "new": [380.0]} in notice["changes"]
    # bookkeeping columns are not news
    assert not {c["field"] for c in notice["changes"]} & {"report_ids", "revisions", "jcs_first_published_at"}
    assert json.loads(received.read_bytes()) == notice
    assert [o.sent for o in send_queued(ws.store, sinks)] == [0] * 5  # sent: never again
    assert [len(hook.requests) for hook in hooks.values()] == [1] * 4


def test_a_command_that_fails_keeps_its_notice_for_the_next_run(revised):
    ws, run_id = revised
    failing = Sink("pager", None, (sys.executable, "-c", "import sys; sys.exit('no pager today')"))
    queue_run(ws.store, [failing], run_id)
    [outcome] = send_queued(ws.store, [failing])
    assert (outcome.sent, outcome.waiting, outcome.error) == (0, 1, f"{sys.executable} exited 1: no pager today")
    [outcome] = send_queued(ws.store, [Sink("pager", None, (sys.executable, "-c", "pass"))])
    assert (outcome.sent, outcome.waiting, outcome.error) == (1, 0, None)


def test_notify_sinks_in_the_config_are_checked(tmp_path, capsys, monkeypatch):
    monkeypatch.chdir(tmp_path)
    cases = {
        '[notify.team]\nformat = "slack"': "[notify.team] needs a url or a command (one of them)",
        '[notify.team]\nurl = "ftp://x"': "url in [notify.team] must be an http(s) URL, not 'ftp://x'",
        '[notify.team]\nurl = "http://127.0.0.1/x"\nformat = "teams"': "format in [notify.team] must be one of "
        "json, slack, discord, ntfy, not 'teams'",
        '[notify.team]\nurll = "http://127.0.0.1/x"': "unknown key 'urll' in [notify.team]; did you mean 'url'?",
        '[notify.pager]\ncommand = "page-me"': "command in [notify.pager] must be a list, not the string 'page-me'",
    }
    for text, message in cases.items():
        (tmp_path / "launchfeed.toml").write_text(text + "\n", encoding="utf-8")
        assert main(["collect"]) == 2
        assert message in capsys.readouterr().err, text
    with pytest.raises(SystemExit):
        main(["collect", "--notify", "javascript:alert(1)"])
