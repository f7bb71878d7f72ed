"""The fixture copy of en.yna.co.kr: the North Korea feed (/RSS/nk.xml, absolute links
with tracking queries, cut-off descriptions, stories on everything) and story pages at
/view/AEN<id> (no extension). A story file under sites/yonhap_en/view holds three header
lines (title, published, shown) and the story's paragraphs, set in the page layout when
served."""

from __future__ import annotations

from dataclasses import dataclass, field

from sitekit import SITES, FixtureSite, Request, Response

ROOT = SITES / "yonhap_en"
FEED = "/RSS/nk.xml"
LEAD, FLASH, CRUISE = "AEN20261120000652315", "AEN20261120000351315", "AEN20261112006151315"
FORUM, FARM = "AEN20261120001800315", "AEN20261119004300315"  # in the feed; not about a launch


def read_story(story_id: str) -> dict[str, str]:
    lines = (ROOT / "view" / f"{story_id}.html").read_text(encoding="utf-8").splitlines()
    header = dict(line.split(": ", 1) for line in lines[:3])
    return {**header, "story": "\n".join(lines[3:])}


@dataclass
class YonhapSite:
    site: FixtureSite
    stories: dict[str, dict[str, str]] = field(
        default_factory=lambda: {story: read_story(story) for story in (LEAD, FLASH, CRUISE)}
    )

    def story(self, request: Request) -> Response:
        story_id = request.path.split("?")[0].rsplit("/", 1)[1]
        if story_id not in self.stories:
            return Response(b"<html><body><h1>Page not found</h1></body></html>", 404, {"Content-Type": "text/html"})
        page = (ROOT / "view" / "layout.html").read_text(encoding="utf-8").format(**self.stories[story_id])
        return Response(page.encode("utf-8"), 200, {"Content-Type": "text/html; charset=utf-8"})


def build_yonhap_en_site(site: FixtureSite) -> YonhapSite:
    yonhap = YonhapSite(site)
    site.add_file(FEED, ROOT / "RSS" / "nk.xml", content_type="application/rss+xml; charset=utf-8")
    for story_id in (LEAD, FLASH, CRUISE, FORUM, FARM):
        site.add(f"/view/{story_id}", yonhap.story)
    return yonhap
