"""report.html: a static page, checked in headless Chromium (no console errors, nothing
loaded from anywhere, filters work, source text stays text) and photographed."""

from __future__ import annotations

import re
from datetime import UTC, datetime

import pytest
from chromium import Browser
from launchdata import STATEMENTS, Said, build_workspace, document
from launchfeed.output.catalog import load_catalog
from launchfeed.output.report import render_report

from launchfeed.cli import main

HOSTILE = Said(
    "kcna", "/en/article/q/hostile.kcmsf", "2026-11-02T06:00:00+09:00",
    '<script>alert("title")</script> Test-fire </table>',
    "A missile was test-fired on November 1.", "en",
    {"stage": "final", "launch_date_local": "2026-11-01", "time_precision": "day", "count": 1,
     "count_qualifier": "exact", "missile_class": "cruise", "launch_area": '"><img src=x onerror=alert(1)>',
     "missile_name": "</td><b onmouseover=alert(2)>Hwasal</b>"},
)  # fmt: skip


@pytest.fixture(scope="module")
def browser():
    with Browser() as running:
        yield running


@pytest.fixture(scope="module")
def report(tmp_path_factory):
    out = tmp_path_factory.mktemp("report")
    ws = build_workspace(out, [*STATEMENTS, HOSTILE])
    # a source that gave a script URL: it must never become a link
    ws.store.db.execute("UPDATE documents SET url = 'javascript:alert(3)' WHERE title LIKE '%Test-fire </table>'")
    ws.store.close()
    assert main(["report", "--out", str(out)]) == 0
    return out / "report.html"


def test_the_page_is_self_contained(report):
    page = report.read_text(encoding="utf-8")
    assert page.startswith("<!DOCTYPE html>") and 'http-equiv="Content-Security-Policy"' in page
    assert "default-src 'none'" in page and "unsafe-inline" not in page
    assert not re.search(r"""<[a-z][^>]*\s(src|srcset|background)\s*=|<link\b|@import|url\(""", page, re.I)
    assert page.count("<script>") == 1 and page.count("<style>") == 1


def test_text_from_sources_is_escaped(report):
    page = report.read_text(encoding="utf-8")
    assert '<script>alert("title")' not in page and "&lt;script&gt;alert(&quot;title&quot;)&lt;/script&gt;" in page
    assert "<img" not in page and "<b onmouseover" not in page and "</table> Test-fire" not in page
    assert 'href="javascript:' not in page.lower()


def test_page_loads_in_chromium_without_errors_or_requests(report, browser, tmp_path):
    session, run = browser.open(report.as_uri())
    assert run.console_errors == []
    assert run.requests == [report.as_uri()]  # the page itself, nothing else
    count = browser.evaluate(session, "document.querySelectorAll('section.event').length")
    assert count == 8
    # a dot per launch on the timeline, and per launch with a range and an apogee on the chart
    assert browser.evaluate(session, "document.querySelectorAll('svg a circle').length") == 8 + 5
    # disagreements are highlighted: three flagged launches, one cell each that differs
    assert browser.evaluate(session, "document.querySelectorAll('section.event.flagged').length") == 3
    assert browser.evaluate(session, "document.querySelectorAll('td.differs').length") == 3
    # source text is shown as text, and ran nothing
    assert browser.evaluate(session, "document.body.textContent.includes('<script>alert(\"title\")</script>')")
    assert browser.evaluate(session, "document.querySelectorAll('img, b, a[href^=javascript]').length") == 0
    assert not [e for e in browser.events if e.get("method") == "Page.javascriptDialogOpening"]
    browser.screenshot(session, tmp_path / "report.png")
    png = (tmp_path / "report.png").read_bytes()
    assert png.startswith(b"\x89PNG\r\n\x1a\n") and len(png) > 20_000


def test_filters_hide_cards_and_their_marks(report, browser):
    session, run = browser.open(report.as_uri())
    shown = "document.getElementById('shown').textContent"
    hidden_marks = "document.querySelectorAll('[data-ev].dim').length"
    browser.evaluate(session, "var d = document.getElementById('dis'); d.checked = true; "
                              "d.dispatchEvent(new Event('change'))")  # fmt: skip
    assert browser.evaluate(session, shown) == "3"
    assert browser.evaluate(session, hidden_marks) > 0
    browser.evaluate(session, "var q = document.getElementById('q'); q.value = 'HWASONG'; "
                              "q.dispatchEvent(new Event('input'))")  # fmt: skip
    assert browser.evaluate(session, shown) == "1"  # Hwasong-16B: disputed time; Hwasong-19 agrees
    browser.evaluate(session, "var d = document.getElementById('dis'); d.checked = false; "
                              "d.dispatchEvent(new Event('change'))")  # fmt: skip
    assert browser.evaluate(session, shown) == "2"  # and Hwasong-19
    browser.evaluate(session, "var c = document.getElementById('cls'); c.value = 'icbm'; "
                              "c.dispatchEvent(new Event('change'))")  # fmt: skip
    assert browser.evaluate(session, shown) == "1"
    assert run.console_errors == []


def test_a_store_without_events_gets_a_statement_list(tmp_path, browser):
    ws = build_workspace(tmp_path)
    ws.store.db.execute("DELETE FROM events")
    page = tmp_path / "report.html"
    page.write_text(render_report(load_catalog(ws.store.db), datetime(2026, 11, 24, tzinfo=UTC)), encoding="utf-8")
    session, run = browser.open(page.as_uri())
    assert run.console_errors == []
    assert browser.evaluate(session, "document.querySelectorAll('tbody tr').length") == 18
    assert "No statements have been reconciled into launch events yet" in page.read_text(encoding="utf-8")


def test_report_command_errors(tmp_path, capsys):
    assert main(["report", "--out", str(tmp_path / "none")]) == 2
    assert "no store at" in capsys.readouterr().err


def test_a_printed_page_reads_without_hovering(report, browser):
    page = report.read_text(encoding="utf-8")
    # launch areas in the source's words, and in the gazetteer's romanized form where a site is known
    assert "平壌近郊 (Pyongyang)" in page and "Pyongyang area</td>" in page
    session, _ = browser.open(report.as_uri())
    labels = browser.evaluate(
        session, "Array.from(document.querySelectorAll('svg text.point')).map(t => t.textContent)"
    )
    assert sorted(", ".join(labels).split(", ")) == ["2025-01-14", "2025-03-10", "2025-08-27", "2025-11-20",
                                                     "2026-10-03"]  # fmt: skip
    # no two labels on top of each other
    boxes = browser.evaluate(session, "Array.from(document.querySelectorAll('svg text.point')).map(t => {const b "
                                      "= t.getBBox(); return [b.x, b.y, b.x + b.width, b.y + b.height]})")  # fmt: skip
    for i, a in enumerate(boxes):
        for b in boxes[i + 1 :]:
            assert not (a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]), (a, b)
    # a year-scale timeline marks every month between its year lines
    assert browser.evaluate(session, "document.querySelectorAll('svg line.minor').length") == 22


def test_dates_known_only_to_the_day_are_shown_as_dates_and_revisions_in_words(report):
    page = report.read_text(encoding="utf-8")
    assert "launch 2026-11-01 (the date at the launch site; no time stated)" in page  # KCNA's, day only
    revisions = re.findall(r"<li>([^<]* revised [^<]*)</li>", page)
    assert sorted(revisions) == [
        "Japan MOD revised the count from at least 1 to 2 (2026-10-03 06:31 +09:00 → 2026-10-03 09:41 +09:00)",
        "Japan MOD revised the count from at least 1 to 2 and the launch area from 北朝鮮内陸部 to 平壌近郊 "
        "(2025-01-14 08:02 +09:00 → 2025-01-14 10:15 +09:00)",
        "Japan MOD revised the count from several to at least 3 (2025-08-27 22:40 +09:00 → 2025-08-28 00:30 +09:00)",
    ]


def test_a_publication_date_without_a_time_is_not_shown_as_midnight(tmp_path):
    ws = build_workspace(tmp_path)
    ws.store.db.execute("UPDATE documents SET published_at = '2025-03-09T00:00:00-10:00', published_precision = 'day' "
                        "WHERE source = 'indopacom'")  # fmt: skip
    page = render_report(load_catalog(ws.store.db))
    assert "INDOPACOM, flash, 2025-03-09: " in page and "2025-03-09 00:00" not in page


def test_an_empty_page_says_what_happened(tmp_path):
    ws = build_workspace(tmp_path, [])
    assert "Nothing has been collected yet: run launchfeed collect" in render_report(load_catalog(ws.store.db))
    said = Said("kcna", "/en/article/q/farms.kcmsf", "2026-11-02T06:00:00+09:00", "Farms thrive", "Crops grow.", "en")
    ws.store.save_document(document(said, ws.archive))
    page = render_report(load_catalog(ws.store.db))
    assert "1 document collected, and no launch statement read from them yet" in page
