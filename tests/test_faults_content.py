"""Content faults, each served over real HTTP on 127.0.0.1: bodies far too large, gzip bombs,
pages whose charset label lies or is missing, truncated HTML, an empty listing, PDFs that
cannot be read. What the client and the crawl do, and what `launchfeed collect` leaves in
the store and the output files."""

from __future__ import annotations

import csv
import io
import json
import re
import sqlite3
import time
import tracemalloc
import zlib
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path

import pytest
from faultsite import FaultSite, loopback_only
from launchfeed.output.store import Store
from launchfeed.scrapers import mod_jp
from launchfeed.scrapers import pdf as pdf_reading
from launchfeed.scrapers.archive import Archive
from launchfeed.scrapers.base import Context
from launchfeed.scrapers.errors import SourceError
from launchfeed.scrapers.http import ClientSettings, PoliteClient
from pdfgen import make_operator_bomb, make_pdf, make_textless_pdf
from pypdf import PdfReader, PdfWriter
from site_mod_jp import ROOT, build_mod_jp_site
from sitekit import FixtureSite

from launchfeed.cli import main

MB = 1024 * 1024
ITEM = "/j/press/news/2026/09/14b"  # the one release the fixture serves as a readable page
ITEM_HTML = (ROOT / "j/press/news/2026/09/14b.html").read_bytes()
FIVE = ["03d.html", "14b.html", "20c.html", "20e.html", "27c.html"]


@pytest.fixture(autouse=True)
def only_loopback(monkeypatch) -> Iterator[None]:
    asked = loopback_only(monkeypatch)
    yield
    assert set(asked) <= {"127.0.0.1"}, asked


@pytest.fixture(autouse=True)
def japan_clock(monkeypatch) -> None:
    """mod_jp's "now" in Japan: after the fixture's releases (none of them young enough to recheck)."""
    monkeypatch.setattr(mod_jp, "now_jst", lambda: datetime(2026, 11, 25, 12, 0, tzinfo=mod_jp.JST))


def polite(tmp_path: Path, site: FixtureSite, **settings) -> PoliteClient:
    options = {"min_interval": 0.0, "backoff": 0.01, "timeout": 2.0, "respect_robots": False, **settings}
    return PoliteClient(ClientSettings(allowed_origins=(site.base_url,), **options), Archive(tmp_path / "arch"))


def refused(client: PoliteClient, url: str) -> SourceError:
    with pytest.raises(SourceError) as caught:
        client.get(url)
    return caught.value


def peak_memory(action) -> int:
    """Most bytes Python held at once (above what it held before) while ``action`` ran."""
    tracemalloc.start()
    try:
        action()
    finally:
        peak = tracemalloc.get_traced_memory()[1]
        tracemalloc.stop()
    return peak


def gzip_bytes(data: bytes) -> bytes:
    packer = zlib.compressobj(9, zlib.DEFLATED, 31)
    return packer.compress(data) + packer.flush()


def zero_bomb(expanded: int) -> bytes:
    """gzip of ``expanded`` zero bytes, made a megabyte at a time (a 64 MB bomb is 64 KB)."""
    packer = zlib.compressobj(9, zlib.DEFLATED, 31)
    block = bytes(MB)
    return b"".join(packer.compress(block) for _ in range(expanded // MB)) + packer.flush()


@pytest.fixture
def site(fault_site) -> FaultSite:
    """The plain fixture site of the other tests, as a FaultSite: the same routes, a quicker stop."""
    return fault_site


# -- bodies far larger than a press release ----------------------------------------------------------------


def test_a_body_declared_far_too_large_is_refused_before_it_is_read(tmp_path, fault_site):
    fault_site.fault("/huge", fault_site.endless("/huge", {"Content-Length": str(10**10)}, b"<p>filler</p>" * 5000))
    client = polite(tmp_path, fault_site, max_bytes=MB)
    started = time.monotonic()
    error = None

    def fetch() -> None:
        nonlocal error
        error = refused(client, fault_site.url("/huge"))

    assert peak_memory(fetch) < MB // 2  # not even the cap's worth was read
    assert error.kind == "too_large" and f"larger than {MB} bytes" in error.message and error.advice
    assert client.requests == 1 and time.monotonic() - started < 2
    assert not (tmp_path / "arch").exists()


def test_an_endless_body_is_cut_off_at_the_cap(tmp_path, fault_site):
    fault_site.fault("/endless", fault_site.endless("/endless", {"Content-Type": "text/html"}, b"<p>more</p>" * 6000))
    client = polite(tmp_path, fault_site, max_bytes=MB)
    error = None

    def fetch() -> None:
        nonlocal error
        error = refused(client, fault_site.url("/endless"))

    assert peak_memory(fetch) < 3 * MB
    assert error.kind == "too_large" and client.requests == 1  # a refusal is not retried
    # the client hung up: the server's next write failed and it stopped, a few buffers past the cap
    time.sleep(0.1)
    sent = fault_site.sent["/endless"]
    time.sleep(0.1)
    assert fault_site.sent["/endless"] == sent < 40 * MB


@pytest.mark.parametrize("encoding", ["gzip", "x-gzip"])
def test_a_gzip_bomb_is_refused_without_inflating_it(tmp_path, site, encoding):
    bomb = zero_bomb(64 * MB)
    assert len(bomb) < 100_000
    site.add("/bomb", bomb, headers={"Content-Encoding": encoding}, conditional=False)
    client = polite(tmp_path, site, max_bytes=MB)
    error = None

    def fetch() -> None:
        nonlocal error
        error = refused(client, site.url("/bomb"))

    assert peak_memory(fetch) < 4 * MB  # not 64 MB, nor one 64 KB read inflated whole (about as much)
    assert error.kind == "too_large" and len(site.log) == 1


@pytest.mark.parametrize("encoding", ["gzip, gzip", "br"])
def test_encodings_never_asked_for_are_refused(tmp_path, site, encoding):
    # a bomb inside a bomb: 492 bytes that would become 200 MB if both layers were undone
    site.add("/layers", gzip_bytes(zero_bomb(8 * MB)), headers={"Content-Encoding": encoding}, conditional=False)
    client = polite(tmp_path, site, max_bytes=MB)
    error = None

    def fetch() -> None:
        nonlocal error
        error = refused(client, site.url("/layers"))

    assert peak_memory(fetch) < 2 * MB
    assert error.kind == "parse_error" and "was not asked for" in error.message


def test_gzip_and_both_kinds_of_deflate_still_read_whole(tmp_path, site):
    page = ITEM_HTML * 40  # about 50 KB: several network reads
    raw_deflate = zlib.compressobj(6, zlib.DEFLATED, -15)
    bodies = {
        "gzip": gzip_bytes(page),
        "deflate": zlib.compress(page),  # zlib-wrapped, as the standard says
        "deflate-raw": raw_deflate.compress(page) + raw_deflate.flush(),  # as some old servers send it
    }
    for name, body in bodies.items():
        site.add(f"/{name}", body, headers={"Content-Encoding": name.split("-")[0]}, conditional=False)
    client = polite(tmp_path, site, max_bytes=MB)
    for name in bodies:
        assert client.get(site.url(f"/{name}")).content == page, name
    # exactly at the cap is fine; one byte over is not
    site.add("/exact", gzip_bytes(b"a" * MB), headers={"Content-Encoding": "gzip"}, conditional=False)
    site.add("/over", gzip_bytes(b"a" * (MB + 1)), headers={"Content-Encoding": "gzip"}, conditional=False)
    assert len(client.get(site.url("/exact")).content) == MB
    assert refused(client, site.url("/over")).kind == "too_large"


# -- wrong or missing charsets ------------------------------------------------------------------------------

JA = (
    "<html><head><title>発射情報</title></head><body><main><h1>北朝鮮のミサイル発射について</h1>"
    "<p>１．北朝鮮は本日午前、東岸付近から弾道ミサイル１発を東方向に発射しました。"
    "落下地点は日本の排他的経済水域の外と推定されます。</p></main></body></html>"
)
KO = (
    "<html><head><title>합참 공지</title></head><body><main><h1>북한 탄도미사일 발사</h1>"
    "<p>합동참모본부는 북한이 오늘 오전 동해상으로 단거리 탄도미사일 한 발을 발사했다고 밝혔다. "
    "비행거리는 약 350킬로미터로 분석되었다.</p></main></body></html>"
)
PAGES = {
    "shift_jis": (JA, "shift_jis"), "euc-jp": (JA, "euc_jp"), "euc-kr": (KO, "euc_kr"), "utf-8 ja": (JA, "utf-8"),
    "utf-8 ko": (KO, "utf-8"),
}  # fmt: skip
LABELS = ["", "utf-8", "Shift_JIS", "EUC-KR", "ISO-8859-1", "windows-1252"]


@pytest.mark.parametrize("label", LABELS, ids=[label or "no charset" for label in LABELS])
@pytest.mark.parametrize("page", list(PAGES))
def test_pages_decode_whatever_their_label_says(tmp_path, site, page, label):
    text, codec = PAGES[page]
    content_type = f"text/html; charset={label}" if label else "text/html"
    site.add("/page", text.encode(codec), content_type=content_type)
    fetched = polite(tmp_path, site).get(site.url("/page"))
    assert fetched.text() == text


def test_a_page_cut_inside_a_character_keeps_its_charset(tmp_path, site):
    for name, (text, codec) in PAGES.items():
        body = text.encode(codec)
        word = "発射" if "発射" in text else "발사"
        cut = body[: body.rindex(word.encode(codec)) + 1]  # in the last sentence, inside its first character
        site.add("/cut", cut, content_type="text/html")
        decoded = polite(tmp_path, site).get(site.url("/cut")).text()
        # everything before the broken character reads as written; it alone is lost
        whole = cut.decode(codec, errors="ignore")
        assert decoded.rstrip("\ufffd") == whole, name


def test_collect_reads_a_shift_jis_release_labelled_iso_8859_1(site, tmp_path, capsys):
    build_mod_jp_site(site)
    # the same release saved as Shift_JIS, labelled Latin-1 by the server and by its own meta tag
    # (the parser reads the page's own label only: a replay of the archive has no HTTP headers)
    page = ITEM_HTML.decode("utf-8").replace('<meta charset="UTF-8">', '<meta charset="ISO-8859-1">')
    site.add(ITEM + ".html", page.encode("cp932"), content_type="text/html; charset=ISO-8859-1")
    _assert_release_14b_read(site, tmp_path / "out")


def _assert_release_14b_read(site, out) -> None:
    """A collect reads release 14b's words and its numbers."""
    assert collect(site, out) == 0
    [text] = [row["text"] for row in documents(out) if row["url"].endswith("14b.html")]
    assert "１．北朝鮮は本日１１時４２分頃" in text and "約６５０ｋｍ飛翔し" in text
    [row] = [row for row in statement_rows(out) if row["url"].endswith("14b.html")]
    assert (row["range_km"], row["apogee_km"]) == ("650", "100")


def test_collect_reads_an_euc_jp_release_that_says_nothing_of_its_charset(site, tmp_path):
    build_mod_jp_site(site)
    page = ITEM_HTML.decode("utf-8").replace('<meta charset="UTF-8">', "")  # no label in the page, none in the header
    site.add(ITEM + ".html", page.encode("euc_jp"), content_type="text/html")
    _assert_release_14b_read(site, tmp_path / "out")


def test_a_release_page_that_cannot_be_read_is_read_from_its_pdf(site, tmp_path):
    build_mod_jp_site(site)
    # 03d's page gets past the bot check this time, in a layout the parser does not know
    moved = (
        "<html><body><main><h1>北朝鮮のミサイル等関連情報（続報）</h1><div>本文は添付資料のとおり</div></main></body>"
    )
    site.add("/j/press/news/2026/10/03d.html", moved)
    out = tmp_path / "out"
    assert collect(site, out) == 0
    [document] = [row for row in documents(out) if row["url"].endswith("03d.html")]
    assert document["content_type"] == "application/pdf" and "１．北朝鮮は本日６時１５分頃" in document["text"]
    assert [r.path for r in site.log if r.path.startswith("/j/press/news/2026/10/03d")] == [
        "/j/press/news/2026/10/03d.html", "/j/press/news/2026/10/03d.pdf"
    ]  # fmt: skip


# -- truncated HTML and feeds, empty listings ----------------------------------------------------------------


def crawl(site: FixtureSite, tmp_path: Path, name: str) -> tuple[Store, Context]:
    store = Store(tmp_path / f"{name}.sqlite")
    ctx = Context(mod_jp.INFO, archive=Archive(tmp_path / "arch"), sink=store, memory=store,
                  base_url=site.base_url, delay=0)  # fmt: skip
    try:
        mod_jp.crawl(ctx)
    finally:
        ctx.close()
    return store, ctx


def cut_points(body: bytes) -> dict[str, int]:
    """Where to cut a page: inside a tag, inside an attribute, inside a character, inside an entity."""
    return {
        "in the <p> tag of paragraph 1": body.index(b"<p>\xef\xbc\x91") + 2,
        "in an attribute": body.index(b'class="c-article"') + 9,
        "in a character of paragraph 1": body.index("発射".encode()) + 1,
        "in an entity": body.index(b"&gt;") + 2,
        "before </main>": body.index(b"</main>") + 3,
    }


def test_truncated_release_pages_are_parsed_or_reported_never_a_crash(site, tmp_path):
    build_mod_jp_site(site)
    outcomes = {}
    for where, cut in cut_points(ITEM_HTML).items():
        site.add(ITEM + ".html", ITEM_HTML[:cut])
        store, ctx = crawl(site, tmp_path, str(cut))
        stored = {d.url.rsplit("/", 1)[1]: d for d in store.documents()}
        assert sorted(set(stored) - {"14b.html"}) == ["03d.html", "20c.html", "20e.html", "27c.html"], where
        if "14b.html" in stored:
            # whatever survived the cut is read as written: no mojibake, no markup
            text = stored["14b.html"].text
            assert "<" not in text and "\ufffd" not in text.rstrip("\ufffd"), where
            assert text.startswith("北朝鮮のミサイル等関連情報（続報）"), where
            outcomes[where] = "stored"
        else:
            assert ctx.stats.problems == {"access_challenged": 1, "layout_changed": 1}, where
            [message] = [m for m in ctx.stats.messages if "14b" in m]
            assert message.startswith("layout_changed: "), where
            outcomes[where] = "layout_changed"
    # cut before the first paragraph's text there is nothing to read; after it, the release is there
    assert outcomes["in the <p> tag of paragraph 1"] == "layout_changed"
    assert outcomes["in a character of paragraph 1"] == outcomes["before </main>"] == "stored"


@pytest.mark.parametrize("listing", ["/j/rss/news.xml", "/j/press/news/index.html"])
def test_truncated_listings_give_what_they_hold_never_a_crash(site, tmp_path, listing):
    build_mod_jp_site(site)
    whole = (ROOT / listing.lstrip("/")).read_bytes()
    for fraction in (0.2, 0.5, 0.8):
        cut = int(len(whole) * fraction)
        site.add(listing, whole[:cut], content_type="application/rss+xml" if listing.endswith(".xml") else "text/html")
        store, ctx = crawl(site, tmp_path, f"{fraction}")
        assert "internal_error" not in ctx.stats.problems
        # the other listings still give the releases they list (27c is listed in the index only)
        listed = FIVE if listing.endswith(".xml") or b'27c.html"' in whole[:cut] else FIVE[:-1]
        assert sorted(d.url.rsplit("/", 1)[1] for d in store.documents()) == listed, (listing, fraction)


def collect(site: FixtureSite, out: Path, *extra: str) -> int:
    return main(
        ["collect", "--source", "mod_jp", "--base-url", site.base_url, "--out", str(out), "--delay", "0", *extra]
    )


def database(out: Path) -> sqlite3.Connection:
    db = sqlite3.connect(out / "launchfeed.sqlite")
    db.row_factory = sqlite3.Row
    return db


def documents(out: Path) -> list[dict]:
    with database(out) as db:
        return [dict(row) for row in db.execute("SELECT * FROM documents ORDER BY url")]


def statement_rows(out: Path) -> list[dict]:
    with (out / "statements.csv").open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def test_an_empty_listing_fails_the_source_as_a_layout_change(site, tmp_path, capsys):
    build_mod_jp_site(site)
    empty = '<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>新着</title></channel></rss>'
    site.add("/j/rss/news.xml", empty, content_type="application/rss+xml")
    out = tmp_path / "out"
    assert collect(site, out) == 1
    said = capsys.readouterr()
    assert [line for line in said.err.splitlines() if ": item skipped: " not in line] == [
        "launchfeed: mod_jp failed: layout_changed: listing /j/rss/news.xml yielded no items; the page layout may "
        f"have changed [{site.base_url}/j/rss/news.xml]; check the page in a browser: if its layout changed, "
        "scrapers/mod_jp.py needs updating"
    ]
    # the index still lists every release: all are stored and written
    assert sorted(d["url"].rsplit("/", 1)[1] for d in documents(out)) == FIVE
    assert len(statement_rows(out)) == 5
    with database(out) as db:
        run = db.execute("SELECT ok, problems FROM source_runs WHERE source = 'mod_jp'").fetchone()
    assert run["ok"] == 0 and json.loads(run["problems"]) == {"layout_changed": 1, "access_challenged": 1}


def entity_bomb_feed(items: int) -> bytes:
    """A feed of ``items`` items whose first title uses an entity that nests ten deep, ten times each
    (ten billion characters if expanded): the billion-laughs attack on XML parsers."""
    nested = "".join(f'<!ENTITY e{level} "{f"&e{level - 1};" * 10}">' for level in range(1, 10))
    doctype = f'<!DOCTYPE rss [<!ENTITY e0 "ha">{nested}]>'
    entries = "".join(
        f"<item><title>{'&e9; ' if n == 0 else ''}Notice {n}</title><link>/j/press/news/2026/10/{n:02d}z.html</link>"
        "</item>"
        for n in range(items)
    )
    return (
        f'<?xml version="1.0"?>{doctype}<rss version="2.0"><channel><title>x</title>{entries}</channel></rss>'.encode()
    )


def test_a_feed_read_only_in_part_says_how_much_was_read_not_a_quiet_day(site, tmp_path, capsys):
    build_mod_jp_site(site)
    site.add("/j/rss/news.xml", entity_bomb_feed(25), content_type="application/rss+xml")
    out = tmp_path / "out"
    started = time.monotonic()
    assert collect(site, out) == 1
    assert time.monotonic() - started < 5
    [line] = [line for line in capsys.readouterr().err.splitlines() if ": item skipped: " not in line]
    assert line.startswith("launchfeed: mod_jp failed: parse_error: feed read only in part: 1 of its 25 items")
    assert "amplification" in line and f"[{site.base_url}/j/rss/news.xml]" in line
    # the other listings still give every release
    assert sorted(d["url"].rsplit("/", 1)[1] for d in documents(out)) == FIVE


# -- PDFs that cannot be read ------------------------------------------------------------------------------


def encrypted(pdf: bytes, user_password: str, algorithm: str = "RC4-128") -> bytes:
    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(pdf)))
    writer.encrypt(user_password=user_password, owner_password="owner", algorithm=algorithm)
    buffer = io.BytesIO()
    writer.write(buffer)
    return buffer.getvalue()


def release_pdf(path: str) -> bytes:
    lines = (ROOT / (path.lstrip("/") + ".pdf.txt")).read_text(encoding="utf-8").splitlines()
    return make_pdf([line for line in lines if not line.startswith("%created ")])


def self_referencing(pdf: bytes) -> bytes:
    """The page's content stream gives as its /Length a reference to itself (pypdf: LimitReachedError)."""
    length = re.search(rb"4 0 obj\n<< /Length \d+ >>", pdf).group(0)
    return pdf.replace(length, b"4 0 obj\n<< /Length 4 0 R >>", 1)


def test_unreadable_pdfs_are_parse_errors_for_their_items_and_the_rest_is_kept(site, tmp_path, capsys):
    build_mod_jp_site(site)
    broken = {
        "/j/press/news/2026/10/03d": encrypted(release_pdf("/j/press/news/2026/10/03d"), "secret"),
        "/j/press/news/2026/11/20c": release_pdf("/j/press/news/2026/11/20c")[:700],  # cut short
        "/j/press/news/2026/11/20e": make_textless_pdf(),  # a scan
        "/j/press/news/2026/08/27c": self_referencing(release_pdf("/j/press/news/2026/08/27c")),
    }
    for path, pdf in broken.items():
        site.add(path + ".pdf", pdf, content_type="application/pdf")
    out = tmp_path / "out"
    assert collect(site, out, "--verbose") == 0  # item problems; the source itself ran
    said = capsys.readouterr()
    skipped = said.err.splitlines()  # one line per broken PDF, and 03a's bot check; nothing from the PDF library
    assert len(skipped) == 5 and all(line.startswith("launchfeed: mod_jp: item skipped: ") for line in skipped)
    problems = [line.strip() for line in said.out.splitlines() if line.startswith("  parse_error")]
    assert len(problems) == 4  # one each, once
    for path in broken:
        [line] = [p for p in problems if f"{path}.pdf]" in p]
        assert line.endswith("later runs try the item again")
    assert any("encrypted with a password" in p for p in problems)
    assert any("broken PDF" in p and "20c" in p for p in problems)
    assert any("no text layer" in p and "20e" in p for p in problems)
    assert any("broken PDF" in p and "27c" in p for p in problems)
    # the readable release is stored and written; the four wait out their backoff
    assert [d["url"].rsplit("/", 1)[1] for d in documents(out)] == ["14b.html"]
    assert [row["url"].rsplit("/", 1)[1] for row in statement_rows(out)] == ["14b.html"]
    with database(out) as db:
        failures = {row["url"]: row["kind"] for row in db.execute("SELECT url, kind FROM fetch_failures")}
    assert failures == {f"https://www.mod.go.jp{path}.html": "parse_error" for path in broken} | {
        "https://www.mod.go.jp/j/press/news/2026/10/03a.html": "access_challenged"
    }


@pytest.mark.parametrize("algorithm", ["RC4-128", "AES-128", "AES-256"])
def test_a_pdf_encrypted_without_a_user_password_is_read(site, tmp_path, algorithm):
    build_mod_jp_site(site)
    path = "/j/press/news/2026/10/03d"
    site.add(path + ".pdf", encrypted(release_pdf(path), "", algorithm), content_type="application/pdf")
    store, ctx = crawl(site, tmp_path, "owner-only")
    [document] = [d for d in store.documents() if d.url.endswith("03d.html")]
    assert "１．北朝鮮は本日６時１５分頃" in document.text


def test_pdfs_that_ask_too_much_work_are_cut_off_as_item_problems_and_the_rest_is_written(site, tmp_path, capsys,
                                                                                       monkeypatch):  # fmt: skip
    build_mod_jp_site(site)
    # a thousand pages over one stream of 100,000 text operators (150 KB, half an hour of pypdf before
    # the bound); three such pages, within the page cap, cost six seconds: more than this test's limit
    many_pages = make_operator_bomb(1000, 100_000)
    few_pages = make_operator_bomb(3, 100_000)
    assert len(many_pages) < 200_000
    bombs = {"/j/press/news/2026/10/03d": many_pages, "/j/press/news/2026/11/20c": few_pages}
    for path, bomb in bombs.items():
        site.add(path + ".pdf", bomb, content_type="application/pdf")
    monkeypatch.setattr(pdf_reading, "TIME_LIMIT", 1.0)
    out = tmp_path / "out"
    started = time.monotonic()
    assert collect(site, out, "--verbose") == 0  # item problems: the source itself ran
    assert time.monotonic() - started < 10
    said = capsys.readouterr()
    problems = [line.strip() for line in said.out.splitlines() if line.startswith("  parse_error")]
    [paged] = [line for line in problems if "03d.pdf" in line]
    assert "PDF has 1000 pages, more than the 50 a release could have; not read" in paged
    [slow] = [line for line in problems if "20c.pdf" in line]
    assert "PDF took longer than 1s to read (it asks too much work of a reader); gave up" in slow
    # the other releases are stored, extracted and written; the two wait out their backoff
    assert sorted(d["url"].rsplit("/", 1)[1] for d in documents(out)) == ["14b.html", "20e.html", "27c.html"]
    assert len(statement_rows(out)) == 3
    with database(out) as db:
        failures = {row["url"]: row["kind"] for row in db.execute("SELECT url, kind FROM fetch_failures")}
    assert {url: failures[url] for url in failures if "03a" not in url} == {
        f"https://www.mod.go.jp{path}.html": "parse_error" for path in bombs
    }
    asked = len(site.log)
    assert collect(site, out) == 0
    assert not [r.path for r in site.log[asked:] if any(r.path.startswith(path) for path in bombs)]
