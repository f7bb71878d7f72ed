"""The fixture copy of www.pacom.mil: the ArticleCS news feed (article pages are
never fetched: Akamai guards them) and Akamai's 403 "Access Denied" page."""

from __future__ import annotations

from sitekit import SITES, FixtureSite

ROOT = SITES / "indopacom"
FEED_PATH = "/DesktopModules/ArticleCS/RSS.ashx?ContentType=1&Site=108&max=25"
ACCESS_DENIED = (ROOT / "access_denied.html").read_bytes()
EMPTY_FEED = """<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0"><channel><title>U.S. Indo-Pacific Command News</title>
<link>https://www.pacom.mil</link><description>U.S. Indo-Pacific Command News RSS Feed</description>
</channel></rss>"""


def build_indopacom_site(site: FixtureSite) -> FixtureSite:
    site.add_file(FEED_PATH, ROOT / "rss.xml", content_type="text/xml; charset=utf-8")
    return site


def deny_feed(site: FixtureSite) -> None:
    """Akamai's answer to a client it takes for a bot: 403 with its error page."""
    site.add(FEED_PATH, ACCESS_DENIED, status=403, headers={"Server": "AkamaiGHost"})
