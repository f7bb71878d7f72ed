"""The fixture copy of www.war.gov: two ArticleCS feeds (releases, news) served,
like the real ones, without ETag or Last-Modified; Akamai's 403 page."""

from __future__ import annotations

from sitekit import SITES, FixtureSite

ROOT = SITES / "dod"
RELEASES_PATH = "/DesktopModules/ArticleCS/RSS.ashx?Site=945&ContentType=9"
NEWS_PATH = "/DesktopModules/ArticleCS/RSS.ashx?Site=945&ContentType=1"
ACCESS_DENIED = (ROOT / "access_denied.html").read_bytes()


def build_dod_site(site: FixtureSite) -> FixtureSite:
    for path, name in ((RELEASES_PATH, "releases.xml"), (NEWS_PATH, "news.xml")):
        site.add_file(path, ROOT / name, content_type="text/xml; charset=utf-8", conditional=False)
    return site


def deny(site: FixtureSite, path: str) -> None:
    site.add(path, ACCESS_DENIED, status=403, headers={"Server": "AkamaiGHost"})
