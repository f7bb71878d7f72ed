"""Network faults, each injected over real HTTP (or TLS, or raw TCP) on 127.0.0.1: what the
polite client raises, how often it asks, how long it waits; and for a few of them what a
user of `launchfeed collect` sees (exit code, one line per failing source naming the URL and
what to do) and what is left in the store and the output files."""

from __future__ import annotations

import dataclasses
import email.utils
import fcntl
import json
import sqlite3
import ssl
import threading
import time
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path
from types import SimpleNamespace

import httpx
import launchfeed.scrapers.http as scrapers_http
import pytest
from faultsite import FaultSite, head, loopback_only
from geoblock import refused_url
from launchfeed.output.store import Store
from launchfeed.scrapers import dod, kcna, mod_jp
from launchfeed.scrapers.archive import Archive
from launchfeed.scrapers.base import Context
from launchfeed.scrapers.errors import SourceError
from launchfeed.scrapers.http import ClientSettings, PoliteClient
from site_dod import build_dod_site
from site_kcna import ICBM, LEADER, build_kcna_site
from site_mod_jp import CHALLENGE, build_mod_jp_site
from sitekit import FixtureSite, Request, Response

import launchfeed.collect as collecting
from launchfeed.cli import main
from launchfeed.collect import collect, open_workspace
from launchfeed.config import Config

JST = mod_jp.JST
NEWS = "/j/rss/news.xml"
ITEM = "/j/press/news/2026/09/14b"  # the one release the fixture serves as a readable page


@pytest.fixture(autouse=True)
def lookups(monkeypatch) -> Iterator[list[str]]:
    """No test here looks up (let alone contacts) any name but the loopback's and .invalid ones."""
    asked = loopback_only(monkeypatch)
    yield asked
    assert {name for name in asked if not name.endswith(".invalid")} <= {"127.0.0.1", "localhost"}, asked


@pytest.fixture
def sleeps(monkeypatch) -> list[float]:
    """The client's sleeps (retry backoff, Retry-After), recorded instead of slept."""
    slept: list[float] = []
    monkeypatch.setattr(scrapers_http, "time", SimpleNamespace(monotonic=time.monotonic, sleep=slept.append))
    return slept


@pytest.fixture
def site(fault_site) -> FaultSite:
    """The plain fixture site of the other tests, as a FaultSite: the same routes, a quicker stop."""
    return fault_site


@pytest.fixture
def japan_clock(monkeypatch) -> None:
    """mod_jp's "now" in Japan: after the fixture's releases (none of them young enough to recheck)."""
    monkeypatch.setattr(mod_jp, "now_jst", lambda: datetime(2026, 11, 25, 12, 0, tzinfo=JST))


def polite(tmp_path: Path, *origins: str, **settings) -> PoliteClient:
    """The client as a source gets it, allowed to contact ``origins`` (a test site's base URL), with
    short timeouts and no spacing between requests."""
    options = {"min_interval": 0.0, "backoff": 0.01, "timeout": 0.3, "respect_robots": False, **settings}
    return PoliteClient(ClientSettings(allowed_origins=origins, **options), Archive(tmp_path / "arch"))


def fails(client: PoliteClient, url: str) -> SourceError:
    with pytest.raises(SourceError) as caught:
        client.get(url)
    return caught.value


def archived(tmp_path: Path) -> list[Path]:
    return [p for p in (tmp_path / "arch").rglob("*") if p.is_file()]


def sequence(*answers: Response) -> callable:
    """A route answering each request with the next answer, the last one for good."""
    queue = list(answers)

    def answer(request: Request) -> Response:
        return queue.pop(0) if len(queue) > 1 else queue[0]

    return answer


def status(code: int, headers: dict[str, str] | None = None, body: bytes = b"<html>busy</html>") -> Response:
    return Response(body, code, {"Content-Type": "text/html", **(headers or {})}, conditional=False)


# -- refused, unknown name, silent, stalled, trickling, reset ------------------------------------------


def test_connection_refused_is_retried_a_bounded_number_of_times(tmp_path, sleeps):
    url = refused_url() + "/j/rss/news.xml"
    client = polite(tmp_path, url, max_attempts=3)
    error = fails(client, url)
    assert error.kind == "network_error" and "refused" in error.message and error.url == url
    assert error.advice and "later runs try again" in error.advice
    assert client.requests == 3 and len(sleeps) == 2 and sleeps[0] < sleeps[1]
    assert archived(tmp_path) == []


def test_unknown_host_name_is_a_network_error(tmp_path, sleeps, lookups):
    # the lookup fails in the patched resolver (see loopback_only): no DNS query leaves the machine
    url = "http://launchfeed-fault.invalid/j/rss/news.xml"
    client = polite(tmp_path, "http://launchfeed-fault.invalid", max_attempts=2)
    error = fails(client, url)
    assert error.kind == "network_error" and "Name or service not known" in error.message
    assert lookups == ["launchfeed-fault.invalid"] * 2 and len(sleeps) == 1


def test_a_server_that_never_answers_times_out(tmp_path, fault_site, sleeps):
    fault_site.fault("/silent", fault_site.stall())
    client = polite(tmp_path, fault_site.base_url, timeout=0.2, max_attempts=2)
    started = time.monotonic()
    error = fails(client, fault_site.url("/silent"))
    assert error.kind == "network_error" and "timed out after 0.2s" in error.message
    assert len(fault_site.requests(path_prefix="/silent")) == 2 and len(sleeps) == 1
    assert time.monotonic() - started < 2.0  # two read timeouts, not a hang


def test_a_server_that_stalls_mid_body_times_out_and_nothing_is_archived(tmp_path, fault_site, sleeps):
    first = head(200, {"Content-Type": "text/html", "Content-Length": "5000"}) + b"<html><body><p>" + b"x" * 200
    fault_site.fault("/half", fault_site.stall(first))
    client = polite(tmp_path, fault_site.base_url, timeout=0.2, max_attempts=2)
    error = fails(client, fault_site.url("/half"))
    assert error.kind == "network_error" and "timed out" in error.message
    assert len(fault_site.requests(path_prefix="/half")) == 2
    assert archived(tmp_path) == []  # half a page is never kept as if it were the page


def test_a_trickling_server_is_cut_off_by_the_whole_response_deadline(tmp_path, fault_site, sleeps):
    # a byte every 20 ms never trips a 0.3 s read timeout; the whole page would take 40 s
    body = b"<html><body>" + b"y" * 2000 + b"</body></html>"
    fault_site.fault("/drip", fault_site.trickle("/drip", {"Content-Type": "text/html"}, body, every=0.02))
    client = polite(tmp_path, fault_site.base_url, timeout=0.3, deadline=0.5, max_attempts=3)
    started = time.monotonic()
    error = fails(client, fault_site.url("/drip"))
    assert error.kind == "network_error" and "longer than 0.5s" in error.message
    assert time.monotonic() - started < 2.0
    assert len(fault_site.requests(path_prefix="/drip")) == 1  # a trickler is not asked again
    assert fault_site.sent["/drip"] < len(body) and archived(tmp_path) == []


def test_a_server_sending_its_headers_a_byte_at_a_time_is_cut_off_by_the_same_deadline(tmp_path, fault_site, sleeps):
    # a byte every 20 ms never trips a 0.3 s read timeout; the headers alone would take 80 s
    fault_site.fault("/drip-head", fault_site.slow_head("/drip-head", every=0.02))
    client = polite(tmp_path, fault_site.base_url, timeout=0.3, deadline=0.5, max_attempts=3)
    started = time.monotonic()
    error = fails(client, fault_site.url("/drip-head"))
    assert time.monotonic() - started < 2.0
    assert error.kind == "network_error" and "longer than 0.5s" in error.message
    assert len(fault_site.requests(path_prefix="/drip-head")) == 1  # not asked again
    assert fault_site.sent["/drip-head"] < 100 and archived(tmp_path) == []


@pytest.mark.parametrize(
    "first",
    [b"", head(200, {"Content-Type": "text/html", "Content-Length": "900"}) + b"<html><body>" + b"z" * 300],
    ids=["before-the-answer", "mid-body"],
)
def test_a_reset_connection_is_retried_then_reported(tmp_path, fault_site, sleeps, first):
    fault_site.fault("/reset", fault_site.reset(first))
    client = polite(tmp_path, fault_site.base_url, max_attempts=3)
    error = fails(client, fault_site.url("/reset"))
    assert error.kind == "network_error" and "connection broken" in error.message
    assert len(fault_site.requests(path_prefix="/reset")) == 3 and len(sleeps) == 2
    assert archived(tmp_path) == []


def test_a_body_shorter_than_its_content_length_is_a_broken_connection(tmp_path, fault_site, sleeps):
    fault_site.fault("/short", fault_site.hang_up(head(200, {"Content-Length": "900"}) + b"<html>" + b"w" * 100))
    client = polite(tmp_path, fault_site.base_url, max_attempts=2)
    error = fails(client, fault_site.url("/short"))
    assert error.kind == "network_error" and "connection broken" in error.message
    assert archived(tmp_path) == []


@pytest.mark.parametrize("source", ["yonhap_en", "jcs_kr"])
def test_a_dead_proxy_is_reported_by_its_address_not_as_the_site_refusing(tmp_path, capsys, monkeypatch, source):
    dead = refused_url()
    monkeypatch.setenv(f"LAUNCHFEED_{source.upper()}_PROXY", dead.replace("http://", "http://reader:s3cret@"))
    monkeypatch.chdir(tmp_path)
    args = ["collect", "--source", source, "--out", str(tmp_path / "out"), "--delay", "0"]
    assert main(args) == 1
    [line] = capsys.readouterr().err.splitlines()
    assert line.startswith(f"launchfeed: {source} failed: proxy_error: could not connect to the proxy {dead} ")
    assert "Connection refused" in line and "s3cret" not in line and "reader" not in line
    assert f"is the proxy up? it is set by LAUNCHFEED_{source.upper()}_PROXY or proxy in [sources.{source}]" in line
    assert "geo_blocked" not in line  # the site was never reached: it did not refuse anything


# -- TLS -----------------------------------------------------------------------------------------------


def test_a_self_signed_certificate_is_refused_once_not_retried(tmp_path, sleeps):
    site = FaultSite(tls=True).start()
    try:
        site.add("/j/rss/news.xml", b"<rss/>", content_type="application/rss+xml")
        client = polite(tmp_path, site.base_url, max_attempts=3)
        error = fails(client, site.url("/j/rss/news.xml"))
        assert error.kind == "network_error" and "TLS" in error.message and "certificate" in error.message
        assert "certificate" in error.advice
        assert client.requests == 1 and sleeps == []  # a certificate does not get better by asking again
        assert site.log == []  # the handshake failed: no request was ever sent
        # the same server, trusted explicitly, answers: the failure was the certificate, nothing else
        trusting = ssl.create_default_context(cafile=site.cert_file())
        assert httpx.get(site.url("/j/rss/news.xml"), verify=trusting).status_code == 200
    finally:
        site.stop()


def test_plain_http_behind_an_https_url_is_a_clean_tls_error(tmp_path, site, sleeps):
    site.add("/page", "<html>plain</html>")
    client = polite(tmp_path, site.base_url.replace("http://", "https://"), max_attempts=3)
    error = fails(client, site.url("/page").replace("http://", "https://"))
    assert error.kind == "network_error" and "TLS" in error.message
    assert client.requests == 1 and sleeps == []


# -- 429 and Retry-After ---------------------------------------------------------------------------------


def test_429_with_retry_after_seconds_waits_that_long_then_succeeds(tmp_path, site, sleeps):
    page = status(200, body=b"<html>news</html>")
    site.add("/news", sequence(status(429, {"Retry-After": "7"}), status(429, {"Retry-After": "7"}), page))
    client = polite(tmp_path, site.base_url, max_attempts=3)
    assert client.get(site.url("/news")).content == b"<html>news</html>"
    assert sleeps == [7.0, 7.0] and len(site.log) == 3


def test_429_with_retry_after_as_an_http_date(tmp_path, site, sleeps):
    soon = email.utils.format_datetime(datetime.now(UTC) + timedelta(seconds=30), usegmt=True)
    past = email.utils.format_datetime(datetime.now(UTC) - timedelta(hours=1), usegmt=True)
    page = status(200, body=b"ok")
    site.add("/news", sequence(status(429, {"Retry-After": soon}), status(429, {"Retry-After": past}), page))
    client = polite(tmp_path, site.base_url, max_attempts=3)
    assert client.get(site.url("/news")).content == b"ok"
    assert 25 <= sleeps[0] <= 31 and sleeps[1] == 0.0


def test_a_retry_after_date_is_read_on_the_server_clock(tmp_path, site, sleeps):
    server_now = datetime.now(UTC) - timedelta(hours=7)  # a server seven hours behind this machine
    headers = {"Date": email.utils.format_datetime(server_now, usegmt=True),
               "Retry-After": email.utils.format_datetime(server_now + timedelta(seconds=30), usegmt=True)}  # fmt: skip
    site.add("/news", sequence(status(429, headers), status(200, body=b"ok")))
    client = polite(tmp_path, site.base_url, max_attempts=3)
    assert client.get(site.url("/news")).content == b"ok"
    assert 29 <= sleeps[0] <= 31  # thirty seconds on its clock, not "seven hours ago" on ours


@pytest.mark.parametrize("value", ["86400", "date a day ahead"])
def test_a_huge_retry_after_gives_up_at_once_and_spares_the_host_that_long(tmp_path, site, sleeps, value):
    if value == "date a day ahead":
        value = email.utils.format_datetime(datetime.now(UTC) + timedelta(days=1), usegmt=True)
    site.add("/news", sequence(status(429, {"Retry-After": value})))
    site.add("/other", "<html>fine</html>")
    client = polite(tmp_path, site.base_url, max_attempts=3, max_retry_after=60)
    started = time.monotonic()
    error = fails(client, site.url("/news"))
    assert error.kind == "http_error" and error.status == 429 and "asks to wait 86" in error.message
    assert "later runs try again" in error.advice
    assert sleeps == [] and len(site.log) == 1
    # the host said to come back tomorrow: no more requests to it (the client's memory says until when)
    later = fails(client, site.url("/other"))
    assert later.kind == "http_error" and later.status == 429 and "not asked before then" in later.message
    [(until, code)] = client.memory.rests.values()
    assert code == 429 and timedelta(hours=23) < until - datetime.now(UTC) <= timedelta(days=1)
    assert len(site.log) == 1 and time.monotonic() - started < 1.0


@pytest.mark.parametrize("value", ["soon", "1.5", "Thu, 99 Foo 2026 99:99:99 GMT"])
def test_an_unreadable_retry_after_falls_back_to_the_backoff(tmp_path, site, sleeps, value):
    site.add("/news", sequence(status(429, {"Retry-After": value}), status(200, body=b"ok")))
    client = polite(tmp_path, site.base_url, max_attempts=3, backoff=0.01)
    assert client.get(site.url("/news")).content == b"ok"
    assert len(sleeps) == 1 and 0.01 <= sleeps[0] <= 0.015


# -- 5xx bursts, bot checks, 404 ---------------------------------------------------------------------------


def test_a_burst_of_500_502_503_is_retried_with_growing_jittered_backoff(tmp_path, site, sleeps):
    runs = []
    for run in range(2):
        site.add(f"/burst{run}", sequence(status(500), status(502), status(503), status(200, body=b"ok")))
        client = polite(tmp_path, site.base_url, max_attempts=4, backoff=0.01)
        before = len(sleeps)
        assert client.get(site.url(f"/burst{run}")).content == b"ok"
        assert len(site.requests(path_prefix=f"/burst{run}")) == 4
        waits = sleeps[before:]
        assert len(waits) == 3
        for attempt, wait in enumerate(waits, start=1):
            base = 0.01 * 2 ** (attempt - 1)
            assert base <= wait <= base * 1.5  # doubling, plus up to half again of jitter
        runs.append(waits)
    assert runs[0] != runs[1]  # jitter: two clients do not retry in lockstep


def test_a_server_error_that_persists_is_reported_once_after_the_last_attempt(tmp_path, site, sleeps):
    site.add("/down", sequence(status(503)))
    client = polite(tmp_path, site.base_url, max_attempts=3)
    error = fails(client, site.url("/down"))
    assert (error.kind, error.status) == ("http_error", 503) and "after 3 attempts" in error.message
    assert len(site.log) == 3 and len(sleeps) == 2


@pytest.mark.parametrize("code", [403, 503])
def test_a_bot_check_is_never_retried(tmp_path, site, sleeps, code):
    site.add("/guarded", CHALLENGE, status=code, headers={"Server": "cloudflare"})
    client = polite(tmp_path, site.base_url, max_attempts=3)
    error = fails(client, site.url("/guarded"))
    assert (error.kind, error.status) == ("access_challenged", code)
    assert len(site.log) == 1 and sleeps == []
    assert [p.read_bytes() for p in archived(tmp_path)] == [CHALLENGE]  # kept for diagnosis


def test_a_plain_403_or_404_is_not_retried(tmp_path, site, sleeps):
    site.add("/forbidden", "<html><h1>Forbidden</h1></html>", status=403)
    client = polite(tmp_path, site.base_url, max_attempts=3)
    assert (fails(client, site.url("/forbidden")).kind, len(site.log)) == ("http_error", 1)
    missing = fails(client, site.url("/gone"))
    assert (missing.kind, missing.status, len(site.log), sleeps) == ("http_error", 404, 2, [])


# -- redirects ---------------------------------------------------------------------------------------------


def redirect(location: str) -> Response:
    return Response(b"", 302, {"Location": location}, conditional=False)


def test_a_redirect_loop_is_detected(tmp_path, site, sleeps):
    site.add("/a", lambda request: redirect("/b"))
    site.add("/b", lambda request: redirect(site.url("/a")))
    for hop in range(1, 10):  # a chain that never ends in a page
        site.add(f"/r{hop}", lambda request, hop=hop: redirect(f"/r{hop + 1}"))
    client = polite(tmp_path, site.base_url)
    loop = fails(client, site.url("/a"))
    assert loop.kind == "http_error" and "redirect loop" in loop.message and len(site.log) == 2
    chain = fails(client, site.url("/r1"))
    assert chain.kind == "http_error" and "more than 5 redirects" in chain.message
    assert len(site.requests(path_prefix="/r")) == 6


@pytest.fixture
def elsewhere() -> Iterator[FixtureSite]:
    """A second server, reached as http://localhost:PORT: a host no source allows."""
    server = FaultSite().start()
    server.add("/landing", "<html>you should not be here</html>")
    try:
        yield server
    finally:
        server.stop()


def test_a_redirect_off_the_allow_list_is_refused_and_never_contacted(tmp_path, site, elsewhere, sleeps):
    port = elsewhere.base_url.rsplit(":", 1)[1]
    targets = {
        "/absolute": f"http://localhost:{port}/landing",
        "/scheme-relative": f"//localhost:{port}/landing",
        "/userinfo": f"http://127.0.0.1@localhost:{port}/landing",
        "/file": "file:///etc/passwd",
        "/ftp": "ftp://127.0.0.1/landing",
        # the same host on another port, or in another scheme: another server, as far as trust goes
        "/other-port": f"http://127.0.0.1:{port}/landing",
        "/other-scheme": f"https://127.0.0.1:{site.port}/landing",
    }
    for path, location in targets.items():
        site.add(path, lambda request, location=location: redirect(location))
    client = polite(tmp_path, site.base_url)
    for path in targets:
        error = fails(client, site.url(path))
        assert error.kind == "disallowed_host", (path, error)
        assert "allowed_hosts" in error.advice
    assert elsewhere.log == []
    # control: a client that does allow localhost follows the same redirect there
    assert (
        polite(tmp_path, site.base_url, elsewhere.base_url.replace("127.0.0.1", "localhost"))
        .get(site.url("/absolute"))
        .content.startswith(b"<html>you")
    )
    assert len(elsewhere.log) == 1


def test_links_found_on_pages_are_resolved_then_checked_before_fetching(tmp_path, site, elsewhere):
    """What a source does with a link it read: ctx.url(link), then ctx.fetch."""
    port = elsewhere.base_url.rsplit(":", 1)[1]
    site.add("/j/press/news/2026/09/14b.html", "<html>mirror copy</html>")
    store = Store(tmp_path / "store.sqlite")
    ctx = Context(mod_jp.INFO, archive=Archive(tmp_path / "arch"), sink=store, memory=store,
                  base_url=site.base_url, delay=0)  # fmt: skip
    hostile = [
        f"http://localhost:{port}/landing",
        f"//localhost:{port}/landing",
        f"http://127.0.0.1@localhost:{port}/landing",
        f"HTTP://LOCALHOST:{port}/landing",
        "http://[127.0.0.1]/landing",  # urllib refuses to parse it at all
        f"http://127.0.0.1:{port}/landing",  # the mirror's host, on another port
        site.url("/landing").replace("http://", "https://"),  # the mirror's host and port, in another scheme
        "/j/press/\x01news.html",  # a control character httpx refuses to send
        "javascript:openWindow('/landing')",
        "mailto:press@mod.go.jp",
    ]
    try:
        for link in hostile:
            with pytest.raises(SourceError) as caught:
                ctx.fetch(ctx.url(link))
            assert caught.value.kind == "disallowed_host", (link, caught.value)
        # the publisher's own absolute link, read from a page of a mirror run, is fetched from the mirror
        assert (
            ctx.fetch(ctx.url("https://www.mod.go.jp/j/press/news/2026/09/14b.html")).content
            == b"<html>mirror copy</html>"
        )
    finally:
        ctx.close()
    assert elsewhere.log == []
    assert [r.path for r in site.log if r.path != "/robots.txt"] == ["/j/press/news/2026/09/14b.html"]


def test_kcna_never_follows_a_listed_link_off_its_hosts(tmp_path, site, elsewhere):
    port = elsewhere.base_url.rsplit(":", 1)[1]
    kcna_site = build_kcna_site(site)
    stray = "0123456789abcdef0123456789abcdef"
    kcna_site.listings[LEADER].insert(0, (f"http://localhost:{port}/en/article/detail/{stray}", "Stray", "2026.11.22"))
    store = Store(tmp_path / "store.sqlite")
    ctx = Context(kcna.INFO, archive=Archive(tmp_path / "arch"), sink=store, memory=store,
                  base_url=site.base_url, delay=0)  # fmt: skip
    kcna.crawl(ctx)
    ctx.close()
    assert elsewhere.log == []
    assert ctx.stats.problems == {"disallowed_host": 1}
    [message] = ctx.stats.messages
    assert f"localhost:{port}" in message and "allowed_hosts" in message
    assert any(d.url.endswith(ICBM) for d in store.documents())  # the other articles are stored


# -- what `launchfeed collect` does with them -------------------------------------------------------------


def run_collect(base_url: str, out: Path, *extra: str) -> int:
    return main(["collect", "--source", "mod_jp", "--base-url", base_url, "--out", str(out), "--delay", "0", *extra])


def database(out: Path) -> sqlite3.Connection:
    db = sqlite3.connect(out / "launchfeed.sqlite")
    db.row_factory = sqlite3.Row
    return db


def last_source_run(out: Path, source: str = "mod_jp") -> dict:
    with database(out) as db:
        row = db.execute(
            "SELECT * FROM source_runs WHERE source = ? ORDER BY run_id DESC LIMIT 1", (source,)
        ).fetchone()
    return {**dict(row), "problems": json.loads(row["problems"]), "messages": json.loads(row["messages"])}


def stored_items(out: Path) -> list[str]:
    with database(out) as db:
        return sorted(row["url"].rsplit("/", 1)[1] for row in db.execute("SELECT url FROM documents"))


def csv_rows(path: Path) -> list[str]:
    return path.read_text(encoding="utf-8").splitlines()[1:]


def test_collect_against_a_refused_site_exits_1_with_one_line_naming_every_url(tmp_path, capsys, japan_clock):
    base = refused_url()
    out = tmp_path / "out"
    assert run_collect(base, out) == 1
    said = capsys.readouterr()
    [line] = said.err.splitlines()
    assert line.startswith("launchfeed: mod_jp failed: network_error: could not connect")
    # one error said once, with each URL once (not once per retry) and what to do once
    assert line.count("could not connect") == 1 and line.count("later runs try again") == 1
    urls = ", ".join(f"{base}{listing}" for listing in mod_jp.INFO.listing_paths)
    assert f"[{urls}]" in line
    run = last_source_run(out)
    assert run["ok"] == 0 and run["problems"] == {"network_error": 3} and len(run["messages"]) == 3
    assert stored_items(out) == []
    # the output files are written, whole and empty: a header and no rows
    assert csv_rows(out / "statements.csv") == [] and csv_rows(out / "launches.csv") == []


def test_collect_with_a_silent_listing_keeps_what_the_other_listings_give(tmp_path, capsys, monkeypatch, japan_clock):
    monkeypatch.setattr(mod_jp, "INFO", dataclasses.replace(mod_jp.INFO, timeout=0.3))
    site = build_mod_jp_site(FaultSite()).start()
    site.fault(NEWS, site.stall())
    out = tmp_path / "out"
    try:
        started = time.monotonic()
        assert run_collect(site.base_url, out) == 1
        elapsed = time.monotonic() - started
    finally:
        site.stop()
    [line] = [line for line in capsys.readouterr().err.splitlines() if ": item skipped: " not in line]
    assert line.startswith("launchfeed: mod_jp failed: network_error: timed out after 0.3s")
    assert f"[{site.base_url}{NEWS}]" in line
    assert len(site.requests(path_prefix=NEWS)) == mod_jp.INFO.max_attempts and elapsed < 10
    # update.xml and the index still listed every release: all five are stored and written
    assert stored_items(out) == ["03d.html", "14b.html", "20c.html", "20e.html", "27c.html"]
    assert len(csv_rows(out / "statements.csv")) == 5


def test_one_failing_source_never_stops_the_other(tmp_path, japan_clock):
    # one fixture host serves both sources' paths; every dod feed request is reset
    site = build_dod_site(build_mod_jp_site(FaultSite())).start()
    site.fault("/DesktopModules/ArticleCS/RSS.ashx", site.reset())
    ws = open_workspace(tmp_path / "out", None)
    ws.store.begin_run("collect")
    try:
        summary = collect(ws, ["mod_jp", "dod"], config=Config(), requested=True, base_url=site.base_url, delay=0)
    finally:
        site.stop()
    results = {result.source: result for result in summary.results}
    assert results["mod_jp"].ok and not results["dod"].ok
    assert results["dod"].failure.startswith("network_error: connection broken")
    assert results["dod"].stats.problems == {"network_error": 2}  # two feeds, each reported once
    rows = (tmp_path / "out" / "statements.csv").read_text(encoding="utf-8").splitlines()[1:]
    assert len(rows) == 5 and all(",mod_jp," in row for row in rows)


def _collect_mod_jp_and_dod(site: FaultSite, tmp_path, monkeypatch, deadline: int) -> tuple[int, float]:
    """collect mod_jp and dod from the site into tmp_path/out with a deadline per source: (exit code, seconds)."""
    config = "".join(f'[sources.{source}]\nbase_url = "{site.base_url}"\n' for source in ("mod_jp", "dod"))
    (tmp_path / "launchfeed.toml").write_text(config + f"deadline = {deadline}\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    started = time.monotonic()
    code = main(["collect", "--source", "mod_jp", "--source", "dod", "--out", str(tmp_path / "out"), "--delay", "0"])
    return code, time.monotonic() - started


def test_a_source_stuck_on_a_hung_server_is_stopped_at_its_deadline_and_the_others_are_written(
    tmp_path, monkeypatch, capsys, japan_clock
):
    # dod's server sends its headers a byte every half second (an hour of them); its deadline is 2 s
    site = build_dod_site(build_mod_jp_site(FaultSite())).start()
    site.fault("/DesktopModules/ArticleCS/RSS.ashx", site.slow_head("/dod", every=0.5))
    out = tmp_path / "out"
    try:
        code, elapsed = _collect_mod_jp_and_dod(site, tmp_path, monkeypatch, deadline=2)
    finally:
        site.stop()
    assert code == 1 and elapsed < 6
    [line] = [line for line in capsys.readouterr().err.splitlines() if ": item skipped: " not in line]
    assert line.startswith("launchfeed: dod failed: deadline_exceeded: dod did not finish within its 2s for one run")
    assert "raise deadline in [sources.dod] of launchfeed.toml" in line
    assert f"[{site.base_url}/DesktopModules/ArticleCS/RSS.ashx?Site=945&ContentType=9]" in line
    # mod_jp's statements are written, and the run lock is free for the next run
    rows = csv_rows(out / "statements.csv")
    assert len(rows) == 5 and all(",mod_jp," in row for row in rows)
    assert last_source_run(out, "dod")["problems"] == {"deadline_exceeded": 1}
    with open(out / "launchfeed.lock") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX | fcntl.LOCK_NB)


def test_a_crawl_stuck_outside_its_requests_is_left_behind_after_the_grace(tmp_path, monkeypatch, capsys, japan_clock):
    released = threading.Event()
    monkeypatch.setattr(dod, "crawl", lambda ctx: released.wait(30))  # stuck in its own code, asking nothing
    monkeypatch.setattr(collecting, "GRACE", 0.5)
    site = build_mod_jp_site(FaultSite()).start()
    out = tmp_path / "out"
    try:
        code, elapsed = _collect_mod_jp_and_dod(site, tmp_path, monkeypatch, deadline=1)
    finally:
        released.set()
        site.stop()
    assert code == 1 and elapsed < 5
    [line] = [line for line in capsys.readouterr().err.splitlines() if ": item skipped: " not in line]
    assert line == (
        "launchfeed: dod failed: deadline_exceeded: dod still running 1.5s after it started (past its deadline, "
        "outside any request); left behind: what it stores is read by the next run"
    )
    assert len(csv_rows(out / "statements.csv")) == 5


def test_collect_facing_a_huge_retry_after_finishes_at_once(tmp_path, site, capsys, japan_clock):
    build_mod_jp_site(site)
    site.add(NEWS, b"", status=429, headers={"Retry-After": "86400"})
    out = tmp_path / "out"
    started = time.monotonic()
    assert run_collect(site.base_url, out) == 1
    assert time.monotonic() - started < 5
    [line] = capsys.readouterr().err.splitlines()
    assert "HTTP 429: server asks to wait 86400s" in line and f"[{site.base_url}{NEWS}]" in line
    # asked once; the host asked for a day's rest, so no other page of it was asked for
    assert [r.path for r in site.log] == ["/robots.txt", NEWS]
    assert last_source_run(out)["problems"] == {"http_error": 3}
    assert stored_items(out) == [] and csv_rows(out / "statements.csv") == []

    # the next run (the feed answers again) leaves the host alone: it asked for a day, not for one run
    build_mod_jp_site(site)
    asked = len(site.log)
    assert run_collect(site.base_url, out) == 1
    assert len(site.log) == asked
    [line] = capsys.readouterr().err.splitlines()
    day = (datetime.now(UTC) + timedelta(days=1)).strftime("%Y-%m-%d")
    assert f"HTTP 429 earlier: the server asked to be left alone until {day}T" in line
    assert "not asked before then" in line and f"{site.base_url}{NEWS}" in line
    # once that time has passed, it is asked again
    with database(out) as db:
        db.execute("UPDATE host_rests SET until = '2000-01-01T00:00:00+00:00'")
    assert run_collect(site.base_url, out) == 0
    assert len(stored_items(out)) == 5


def test_collect_rides_out_a_burst_of_server_errors(tmp_path, site, capsys, japan_clock):
    build_mod_jp_site(site)
    news = site.routes[("GET", NEWS)]
    arrivals: list[float] = []

    def flaky(request: Request) -> Response:
        arrivals.append(time.monotonic())
        if len(arrivals) == 1:
            return status(503)
        if len(arrivals) == 2:
            return status(502)
        return news

    site.add(NEWS, flaky)
    out = tmp_path / "out"
    assert run_collect(site.base_url, out) == 0
    said = capsys.readouterr()
    assert " failed: " not in said.err and "5 new statements" in said.out
    assert len(arrivals) == 3
    # --delay 0 makes the backoff 0.05 s, doubling: the gaps show it was slept
    assert arrivals[1] - arrivals[0] >= 0.05 and arrivals[2] - arrivals[1] >= 0.1
    assert last_source_run(out)["problems"] == {"access_challenged": 1}  # 03a, as always; nothing else
    assert len(csv_rows(out / "statements.csv")) == 5


def test_a_404_for_a_listed_item_is_reported_once_and_retried_after_a_backoff(tmp_path, site, capsys, japan_clock):
    build_mod_jp_site(site)
    del site.routes[("GET", ITEM + ".html")]  # listed, but the page is not there (nor a PDF)
    out = tmp_path / "out"
    assert run_collect(site.base_url, out, "--verbose") == 0
    said = capsys.readouterr()
    canonical = f"https://www.mod.go.jp{ITEM}.html"
    # said once on stderr, with its publisher URL (the run itself is not failing)
    assert [line for line in said.err.splitlines() if "HTTP 404" in line] == [
        f"launchfeed: mod_jp: item skipped: http_error: HTTP 404 [{canonical}]; check the URL in a browser; "
        "later runs try again"
    ]
    missing = [line for line in said.out.splitlines() if "HTTP 404" in line]
    assert missing == [
        f"  http_error: HTTP 404 [{site.base_url}{ITEM}.html]; check the URL in a browser; later runs try again"
    ]
    assert stored_items(out) == ["03d.html", "20c.html", "20e.html", "27c.html"]
    assert len(csv_rows(out / "statements.csv")) == 4
    with database(out) as db:
        failure = dict(db.execute("SELECT * FROM fetch_failures WHERE url = ?", (canonical,)).fetchone())
    assert (failure["kind"], failure["attempts"]) == ("http_error", 1)
    wait = datetime.fromisoformat(failure["retry_after"]) - datetime.now(UTC)
    assert timedelta(minutes=55) < wait <= timedelta(hours=1)

    # the next run, within the hour, leaves it alone
    asked = len(site.requests(path_prefix=ITEM))
    capsys.readouterr()
    assert run_collect(site.base_url, out) == 0
    assert len(site.requests(path_prefix=ITEM)) == asked and "HTTP 404" not in capsys.readouterr().err
    # once the backoff is over it is asked again; now it is there, and stored
    with database(out) as db:
        db.execute("UPDATE fetch_failures SET retry_after = '2000-01-01T00:00:00+00:00'")
    build_mod_jp_site(site)
    capsys.readouterr()
    assert run_collect(site.base_url, out) == 0
    assert len(site.requests(path_prefix=ITEM)) == asked + 1
    assert "14b.html" in stored_items(out)
    with database(out) as db:
        assert db.execute("SELECT COUNT(*) FROM fetch_failures WHERE url = ?", (canonical,)).fetchone()[0] == 0


def test_collect_refuses_an_item_that_redirects_off_the_allow_list(tmp_path, site, elsewhere, capsys, japan_clock):
    build_mod_jp_site(site)
    port = elsewhere.base_url.rsplit(":", 1)[1]
    site.add(ITEM + ".html", lambda request: redirect(f"http://localhost:{port}/landing"))
    out = tmp_path / "out"
    assert run_collect(site.base_url, out, "--verbose") == 0
    refused = [line for line in capsys.readouterr().out.splitlines() if "disallowed_host" in line]
    assert len(refused) == 1 and f"localhost:{port}" in refused[0] and "allowed_hosts" in refused[0]
    assert elsewhere.log == []
    assert stored_items(out) == ["03d.html", "20c.html", "20e.html", "27c.html"]
    assert last_source_run(out)["problems"] == {"access_challenged": 1, "disallowed_host": 1}
