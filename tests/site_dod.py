"""The fixture copy of www.war.gov: two ArticleCS feeds (releases, news) served,
like the real ones, without ETag or Last-Modified; Akamai's 403 page; and the markup of the North Korea tag
page and article pages that the Wayback stand-in holds captures of."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

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


# -- what the Wayback Machine holds of it (launchfeed backfill) -----------------------------------------
# The tag page and article markup is this stand-in's own (the project has no copy of the real ones): a
# listing of date, title link and summary per article; an article of h1, date and paragraphs.

TAG_PATH = "/News/Archive/Tag/45776/north-korea/"


@dataclass
class ArchivedArticle:
    host: str  # "www.defense.gov" or "www.war.gov"
    number: int
    slug: str
    title: str
    day: date
    summary: str
    paragraphs: list[str] = field(default_factory=list)

    @property
    def url(self) -> str:
        return f"https://{self.host}/News/Releases/Release/Article/{self.number}/{self.slug}/"


def written(day: date) -> str:
    """The day as the pages write it ("March 10, 2025")."""
    return f"{day:%B} {day.day}, {day.year}"


def tag_page(articles: list[ArchivedArticle], *, relative: bool = False) -> str:
    entries = []
    for number, article in enumerate(articles):
        href = article.url.split(article.host, 1)[1] if relative else article.url
        stamp = f'<time datetime="{article.day.isoformat()}">{written(article.day)}</time>' if number % 2 else (
            f'<p class="date">{written(article.day)}</p>')  # fmt: skip
        entries.append(f"""  <div class="listing-item">
    {stamp}
    <p class="title"><a href="{href}">{article.title}</a></p>
    <p class="summary">{article.summary}</p>
  </div>""")
    return f"""<!DOCTYPE html>
<html lang="en">
<head><meta charset="utf-8"><title>North Korea</title></head>
<body>
<nav><a href="/">Home</a> <a href="/News/">News</a> <a href="/News/Archive/">News Archive</a></nav>
<main>
<h1>News Archive</h1>
<h2>North Korea</h2>
<div class="listing">
{chr(10).join(entries)}
</div>
</main>
<footer><a href="/Contact/">Contact</a></footer>
</body>
</html>
"""


def article_page(article: ArchivedArticle) -> str:
    body = "\n".join(f"<p>{paragraph}</p>" for paragraph in article.paragraphs)
    return f"""<!DOCTYPE html>
<html lang="en">
<head><meta charset="utf-8"><title>{article.title}</title>
<meta property="og:title" content="{article.title}"></head>
<body>
<nav><a href="/">Home</a> <a href="/News/">News</a></nav>
<article>
<h1>{article.title}</h1>
<div class="date">{written(article.day)}</div>
<div class="body">
{body}
</div>
</article>
<footer><p>Updated every day.</p></footer>
</body>
</html>
"""
