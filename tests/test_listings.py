"""What each source declares a normal listing to be (its release links, the fewest releases a
listing gives), and what a listing that falls short of it does: it fails the source as a layout
change naming the listing's URL, never passes for a day without news. Every source, over real
HTTP against its fixture site on 127.0.0.1."""

from __future__ import annotations

import dataclasses
import json
import re

import pytest
from launchfeed.scrapers import indopacom, mnd_kr, mod_jp
from site_dod import build_dod_site
from site_indopacom import build_indopacom_site
from site_jcs_kr import build_jcs_kr_site
from site_kcna import build_kcna_site
from site_mnd_kr import build_mnd_kr_site
from site_mod_jp import build_mod_jp_site
from site_yonhap_en import build_yonhap_en_site
from sitekit import FixtureSite, Request, Response

from launchfeed.cli import main
from launchfeed.sources import crawlers

# each source's fixture site, and how the site could link its releases tomorrow: (what its pages
# say today, what they say then)
NEW_SHAPES = {
    "mod_jp": (build_mod_jp_site, [(b"/j/press/news/2026/", b"/j/press/news/2026-")]),
    "indopacom": (build_indopacom_site, [(b"Article/", b"Story/")]),
    "dod": (build_dod_site, [(b"Article/", b"Story/")]),
    "kcna": (
        build_kcna_site,
        [(b"/en/article/detail/", b"/en/article/view/"), (b"/en/article/q/", b"/en/article/old/")],
    ),
    # fn_albumView('O_121947','124611',''): the post number is no longer where it was
    "jcs_kr": (build_jcs_kr_site, [(b"','02','", b"','")]),
    "mnd_kr": (build_mnd_kr_site, [(b"/artclView.do", b"/view.do"), (b"enc=", b"x=")]),
    "yonhap_en": (build_yonhap_en_site, [(b"/view/AEN", b"/article/AEN")]),
}


def relink(site: FixtureSite, shapes: list[tuple[bytes, bytes]]) -> None:
    """Every page of the site says its release links in the new shape."""
    for key, route in list(site.routes.items()):

        def rewritten(request: Request, route=route) -> Response:
            response = route(request) if callable(route) else route
            body = response.body
            for old, new in shapes:
                body = body.replace(old, new)
            return dataclasses.replace(response, body=body)

        site.routes[key] = rewritten


def test_every_source_declares_its_release_links_and_what_its_listings_give():
    assert set(NEW_SHAPES) == set(crawlers()), "a new source needs its new link shape here"
    for source, module in crawlers().items():
        info = module.INFO
        assert info.listings and info.release_links, source
        assert all(listing.min_releases >= 1 for listing in info.listings), source
        re.compile(info.release_links)


@pytest.mark.parametrize("source", sorted(NEW_SHAPES))
def test_release_links_in_a_new_shape_are_a_layout_change_not_a_quiet_day(site, crawl, source):
    module = crawlers()[source]
    build, shapes = NEW_SHAPES[source]
    build(site)
    relink(site, shapes)
    store, ctx = crawl(module, site)
    assert store.documents() == []
    assert ctx.failures and {error.kind for error in ctx.failures} == {"layout_changed"}
    listings = {site.base_url + listing.path for listing in module.INFO.listings}
    assert {error.url for error in ctx.failures} == listings  # every listing, each named by its URL
    for error in ctx.failures:
        assert f"scrapers/{source}.py does not know" in error.message, error.message
        assert "links or layout may have changed" in error.message


def test_a_feed_with_far_fewer_releases_than_a_normal_day_fails_the_source(site, crawl):
    build_indopacom_site(site)
    [listing] = indopacom.INFO.listings
    [(key, route)] = [(key, route) for key, route in site.routes.items() if key[1] == listing.path]
    items = re.findall(rb"(?s)<item>.*?</item>", route.body)
    three = route.body
    for item in items[3:]:  # the first three only
        three = three.replace(item, b"")
    site.routes[key] = dataclasses.replace(route, body=three)
    store, ctx = crawl(indopacom, site)
    [error] = ctx.failures
    assert error.kind == "layout_changed" and error.url == site.base_url + listing.path
    assert error.message == (
        f"listing {listing.path} yielded 3 releases, fewer than the 10 of a normal day; "
        "the page layout may have changed"
    )
    assert len(store.documents()) == 1  # the statement it does list is collected all the same


def test_a_board_with_far_fewer_posts_than_a_normal_day_fails_the_source(site, crawl):
    mnd = build_mnd_kr_site(site)
    mnd.listing = mnd.listing[:2]
    store, ctx = crawl(mnd_kr, site)
    [error] = ctx.failures
    assert error.kind == "layout_changed" and "yielded 2 releases, fewer than the 3 of a normal day" in error.message
    assert len(store.documents()) == 2


def test_a_site_update_feed_may_link_other_pages_but_not_releases_in_an_unknown_shape(site, crawl):
    build_mod_jp_site(site)
    update = "/j/rss/update.xml"
    body = site.routes[("GET", update)].body
    # the fixture's update.xml links one page outside the press releases: that is normal
    assert b"<link>/j/approach/index.html</link>" in body
    _, ctx = crawl(mod_jp, site)
    assert not ctx.failures
    stray = body.replace(b"/j/approach/index.html", b"/j/press/news/2026/10/03e_release.html")
    site.add(update, stray, content_type="application/rss+xml; charset=UTF-8")
    _, ctx = crawl(mod_jp, site)
    [error] = ctx.failures
    assert error.url == site.base_url + update
    assert "1 of its 2 entries link in a shape" in error.message and "03e_release.html" in error.message


def test_collect_names_the_listing_whose_links_changed_and_sources_shows_it_failing(site, tmp_path, capsys):
    build_mod_jp_site(site)
    relink(site, NEW_SHAPES["mod_jp"][1])
    out = tmp_path / "out"
    args = ["--out", str(out)]
    assert main(["collect", "--source", "mod_jp", "--base-url", site.base_url, "--delay", "0", *args]) == 1
    said = capsys.readouterr()
    [line] = said.err.splitlines()
    assert line.startswith("launchfeed: mod_jp failed: layout_changed: listing /j/rss/news.xml: 6 of its 6 entries")
    for listing in mod_jp.INFO.listings:
        assert f"{site.base_url}{listing.path}" in line
    assert "scrapers/mod_jp.py needs updating" in line
    assert main(["sources", "--json", *args]) == 0
    status = {row["source"]: row["status"] for row in map(json.loads, capsys.readouterr().out.splitlines())}
    assert status["mod_jp"] == "failing: layout_changed x3"
