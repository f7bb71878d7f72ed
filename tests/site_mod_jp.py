"""The fixture copy of www.mod.go.jp: RSS feeds, the press index, articles behind a
bot check (403, and one challenge served with 200), printable PDFs (some with their
own creation time, some that no listing gives yet)."""

from __future__ import annotations

from pdfgen import make_pdf
from sitekit import SITES, FixtureSite

ROOT = SITES / "mod_jp"
CHALLENGE = (ROOT / "challenge.html").read_bytes()


def build_mod_jp_site(site: FixtureSite) -> FixtureSite:
    for file in sorted(ROOT.rglob("*")):
        path = "/" + file.relative_to(ROOT).as_posix()
        if file.name.endswith(".pdf.txt"):
            # a first line "%created D:..." becomes the PDF's own creation time
            lines = file.read_text(encoding="utf-8").splitlines()
            created = lines.pop(0).removeprefix("%created ") if lines[0].startswith("%created ") else None
            site.add(path.removesuffix(".txt"), make_pdf(lines, created=created), content_type="application/pdf")
        elif file.suffix == ".html" and file.name != "challenge.html":
            site.add_file(path, file)
        elif file.suffix == ".xml":
            site.add_file(path, file, content_type="application/rss+xml; charset=UTF-8")
    # Cloudflare in front of the article pages: 403 with a challenge, or a challenge served with 200
    for path in (
        "/j/press/news/2026/10/03a.html",
        "/j/press/news/2026/10/03d.html",
        "/j/press/news/2026/11/20c.html",
        "/j/press/news/2026/11/20e.html",
        "/j/press/news/2026/11/22b.html",
    ):
        site.add(path, CHALLENGE, status=403, headers={"cf-mitigated": "challenge", "Server": "cloudflare"})
    site.add("/j/press/news/2026/08/27c.html", CHALLENGE, headers={"Server": "cloudflare"})
    return site
