"""The fixture copy of www.pacom.mil: the ArticleCS news feed (article pages are
never fetched: Akamai guards them), Akamai's 403 "Access Denied" page, and the paginated news listing."""

from __future__ import annotations

from dataclasses import dataclass, field
from urllib.parse import parse_qs, urlsplit

from sitekit import SITES, FixtureSite, Request, Response

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


# -- the news listing (launchfeed backfill) --------------------------------------------------------------

NEWS_PATH = "/Media/News/"
ARTICLE = "https://www.pacom.mil/Media/News/News-Article-View/Article/{number}/{slug}/"


@dataclass
class NewsItem:
    number: int
    slug: str
    title: str
    day: str  # as the listing writes it: "March 10, 2025", "Feb. 3, 2025"
    summary: str
    relative: bool = False  # linked by its path, not its whole URL

    @property
    def url(self) -> str:
        return ARTICLE.format(number=self.number, slug=self.slug)


@dataclass
class NewsListing:
    """``/Media/News/?Page=N``: ``page_size`` items a page, newest first; a page past the last lists none.
    The markup is this stand-in's own (the project has no copy of the real one): entries of a date, a
    thumbnail link and a title link to the article, and a summary, among the site's other links."""

    items: list[NewsItem] = field(default_factory=list)
    page_size: int = 3
    layout_changed: bool = False  # every entry's link in a shape no release has

    def page(self, number: int) -> str:
        entries = []
        for item in self.items[(number - 1) * self.page_size : number * self.page_size]:
            href = item.url.removeprefix("https://www.pacom.mil") if item.relative else item.url
            if self.layout_changed:
                href = f"/Media/News/Story/{item.number}"
            entries.append(f"""  <div class="item">
    <a class="thumb" href="{href}"><img src="/images/{item.number}.jpg" alt=""></a>
    <div class="info">
      <p class="date">{item.day}</p>
      <h3><a href="{href}">{item.title}</a></h3>
      <p class="summary">{item.summary}</p>
    </div>
  </div>""")
        pages = max(1, -(-len(self.items) // self.page_size))
        paging = "".join(f'<a href="{NEWS_PATH}?Page={n}">{n}</a>' for n in range(1, pages + 1))
        return f"""<!DOCTYPE html>
<html lang="en">
<head><meta charset="utf-8"><title>News</title></head>
<body>
<header><nav><a href="/">Home</a> <a href="{NEWS_PATH}">News</a> <a href="/About-USINDOPACOM/">About</a></nav></header>
<main>
<h1>News</h1>
<div class="alist">
{chr(10).join(entries)}
</div>
<div class="paging">{paging}</div>
</main>
<footer><a href="/Contact/">Contact</a></footer>
</body>
</html>
"""

    def handle(self, request: Request) -> Response:
        page = parse_qs(urlsplit(request.path).query).get("Page", ["1"])[0]
        body = self.page(int(page) if page.isdigit() else 1)
        return Response(body.encode("utf-8"), 200, {"Content-Type": "text/html; charset=utf-8"})


def build_news_listing(site: FixtureSite, items: list[NewsItem], page_size: int = 3) -> NewsListing:
    listing = NewsListing(list(items), page_size)
    site.add(NEWS_PATH, listing.handle)
    return listing
