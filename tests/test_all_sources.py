"""Every source at once, each against its own fixture site on 127.0.0.1 (set as the
source's base_url in launchfeed.toml; the geo-blocked ones through the site as their
proxy), with one source down: the others fill statements.csv, exactly that source
fails, a second run asks only for listings or conditionally and writes nothing, and
`launchfeed sources` says so."""

from __future__ import annotations

import csv
import json
from collections import Counter
from pathlib import Path

import pytest
from geoblock import refused_url
from site_dod import build_dod_site
from site_indopacom import build_indopacom_site
from site_jcs_kr import build_jcs_kr_site
from site_kcna import build_kcna_site
from site_mnd_kr import build_mnd_kr_site
from site_mod_jp import build_mod_jp_site
from site_yonhap_en import build_yonhap_en_site
from sitekit import FixtureSite

from launchfeed.cli import main
from launchfeed.config import proxy_env
from launchfeed.sources import crawlers

BUILDERS = {
    "mod_jp": build_mod_jp_site, "indopacom": build_indopacom_site, "dod": build_dod_site,
    "kcna": build_kcna_site, "jcs_kr": build_jcs_kr_site, "mnd_kr": build_mnd_kr_site,
    "yonhap_en": build_yonhap_en_site,
}  # fmt: skip
DOWN = "dod"


def start_sites(tmp_path, monkeypatch, down: str | None) -> dict[str, FixtureSite]:
    assert set(BUILDERS) == set(crawlers()), "a new source needs its fixture site here"
    running = {}
    for source, build in BUILDERS.items():
        if source != down:
            running[source] = FixtureSite().start()
            build(running[source])
    lines = []
    for source in BUILDERS:
        monkeypatch.delenv(proxy_env(source), raising=False)
        url = running[source].base_url if source in running else refused_url()
        lines += [f"[sources.{source}]", f'base_url = "{url}"']
        if crawlers()[source].INFO.geo_blocked:
            lines.append(f'proxy = "{url}"')  # the fixture site is its own proxy
        if not crawlers()[source].INFO.default_enabled:
            lines.append("enabled = true")
    (tmp_path / "launchfeed.toml").write_text("\n".join(lines) + "\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    return running


@pytest.fixture
def sites(tmp_path, monkeypatch):
    running = start_sites(tmp_path, monkeypatch, DOWN)
    yield running
    for site in running.values():
        site.stop()


def test_all_sources_up_fill_statements_from_every_source(tmp_path, monkeypatch, capsys):
    running = start_sites(tmp_path, monkeypatch, None)
    try:
        assert main(["collect", "--out", str(tmp_path / "out"), "--delay", "0"]) == 0
    finally:
        for site in running.values():
            site.stop()
    assert " failed: " not in capsys.readouterr().err
    rows = read_rows(tmp_path / "out" / "statements.csv")
    assert {row["source"] for row in rows} == set(BUILDERS)
    print("statements:", dict(Counter(row["source"] for row in rows)))


def read_rows(path: Path) -> list[dict]:
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def test_all_sources_with_one_down(sites, tmp_path, capsys):
    out = tmp_path / "out"
    assert main(["collect", "--out", str(out), "--delay", "0"]) == 1
    said = capsys.readouterr()
    failures = [line for line in said.err.splitlines() if ": item skipped: " not in line]
    assert len(failures) == 1 and failures[0].startswith(f"launchfeed: {DOWN} failed: network_error: "), failures
    rows = read_rows(out / "statements.csv")
    assert {row["source"] for row in rows} == set(BUILDERS) - {DOWN}
    by_source = Counter(row["source"] for row in rows)
    assert all(count >= 1 for count in by_source.values())
    # yonhap's stories carry JCS's numbers under its own channel, never as JCS's own release
    assert {(r["authority"], r["channel"]) for r in rows if r["source"] == "yonhap_en"} == {("jcs", "yonhap")}
    for site in sites.values():
        assert site.log, "every running source was asked"

    # no change: only robots, listings and feeds, or conditional requests; nothing written
    before = {source: len(site.log) for source, site in sites.items()}
    files = {p.name: p.stat().st_mtime_ns for p in out.iterdir() if p.is_file() and p.suffix == ".csv"}
    assert main(["collect", "--out", str(out), "--delay", "0"]) == 1
    said = capsys.readouterr()
    assert said.out.startswith("nothing new from 7 sources; no files written")
    assert len(said.err.strip().splitlines()) == 1
    assert files == {p.name: p.stat().st_mtime_ns for p in out.iterdir() if p.is_file() and p.suffix == ".csv"}
    second = {source: site.log[before[source] :] for source, site in sites.items()}
    for source, requests in second.items():
        for request in requests:
            conditional = "if-none-match" in request.headers or "if-modified-since" in request.headers
            listing = request.path in (*crawlers()[source].INFO.listing_paths, "/robots.txt")
            assert conditional or listing, f"{source} asked for {request.method} {request.path} unconditionally"

    assert main(["sources", "--json", "--out", str(out)]) == 0
    status = {item["source"]: item for item in map(json.loads, capsys.readouterr().out.splitlines())}
    assert status[DOWN]["status"].startswith("failing")
    assert all(status[s]["status"] == "ok" and status[s]["last_success"] for s in sites)
    print("statements:", dict(by_source), "requests of the no-change run:",
          {source: len(requests) for source, requests in second.items()})  # fmt: skip
