"""The fixture copy of www.kcna.kp (English): category pages whose listings are a POST
form guarded by a _csrf token tied to the JSESSIONID cookie (403 without both, like
the real site), articles in the current layout (/en/article/detail/<id>) and the
older one (/en/article/q/<id>.kcmsf), and slow answers on demand."""

from __future__ import annotations

import secrets
from dataclasses import dataclass, field
from html import escape

from sitekit import SITES, FixtureSite, Request, Response

ROOT = SITES / "kcna"
LEADER, TOP, HOME = (
    "b0721b9f23054ddc7fe56c2811a12715",
    "6a47505ba5268fd7749c0fe11e4b24b4",
    "2f7d854121ccbbfbe6feae9fdcc3556e",
)
ICBM = "/en/article/detail/7c1e0a9d4b3f45e2a8d6c0b1f2e3d4a5"
CRUISE = "/en/article/detail/3b9d2f7e1a6c4d8e9f0a1b2c3d4e5f60"
FARMS = "/en/article/detail/9e8d7c6b5a4f3e2d1c0b9a8f7e6d5c4b"
FACTORY = "/en/article/detail/5a4b3c2d1e0f9a8b7c6d5e4f3a2b1c0d"
OLD_ICBM = "/en/article/q/e4f5a6b7c8d9e0f1a2b3c4d5e6f7a8b9c0d1e2f3a4b5c6d7e8f9a0b1c2d3e4f5.kcmsf"
LEADER_NAME = '<nobr><span class="fSpecCs">Kim Jong Un</span></nobr>'

# (link, title as marked up in the listing, listing date), newest first, per category
LISTINGS: dict[str, list[tuple[str, str, str]]] = {
    LEADER: [
        (ICBM, f"Respected Comrade {LEADER_NAME} Guides Test-fire of New-type ICBM Hwasongpho-20", "2026.11.21"),
        (FACTORY, f"{LEADER_NAME} Visits Newly Built Machine Complex", "2026.11.18"),
    ],
    TOP: [
        (ICBM, f"Respected Comrade {LEADER_NAME} Guides Test-fire of New-type ICBM Hwasongpho-20", "2026.11.21"),
        (CRUISE, "DPRK Missile General Bureau Tests Strategic Cruise Missiles", "2026.11.17"),
        (OLD_ICBM, "DPRK Academy of Defence Science Reports on Test-launch of ICBM Hwasong-14", "2017.07.05"),
    ],
    HOME: [
        (FARMS, "Farms in South Hwanghae Province Finish Threshing", "2026.11.21"),
        (CRUISE, "DPRK Missile General Bureau Tests Strategic Cruise Missiles", "2026.11.17"),
    ],
}
NAMES = {LEADER: f"WPK General Secretary {LEADER_NAME}'s Revolutionary Activities", TOP: "Top News", HOME: "Home News"}


def listing_page(category: str, items: list[tuple[str, str, str]], token: str) -> str:
    links = "\n".join(f'<li><a href="{link}">{title}</a> <span><nobr>[{day}]</nobr></span></li>'
                      for link, title, day in items)  # fmt: skip
    head = (ROOT / "en" / "article" / "detail" / (ICBM.rsplit("/", 1)[1] + ".html")).read_text(encoding="utf-8")
    head = head[: head.index("</header>") + len("</header>")]
    return f"""{head}
<div class="container">
<div class="article-list">
<h3 class="category-title">{NAMES.get(category, "")}</h3>
<ul class="article-link">
{links}
</ul>
<form id="listForm" method="post" action="/en/article/list/{category}">
<input type="hidden" name="page_num" value="1">
<input type="hidden" name="cnt_per_page" value="{len(items)}">
<input type="hidden" name="keyword" value="">
<input type="hidden" name="_csrf" value="{escape(token)}">
</form>
<div class="pagination"><a href="javascript:goPage(1)">1</a> <a href="javascript:goPage(2)">2</a></div>
</div>
</div>
<footer class="site-footer"><div class="container"><p>Copyright &copy; Korean Central News Agency</p></div></footer>
</body>
</html>"""


FORBIDDEN = """<!DOCTYPE html><html><head><title>403 Forbidden</title></head>
<body><h1>HTTP Status 403 - Forbidden</h1><p>The request was refused: its security token is missing,
wrong or belongs to another session.</p></body></html>"""


@dataclass
class KcnaSite:
    """The server side of the session dance: JSESSIONID -> _csrf token."""

    site: FixtureSite
    listings: dict[str, list[tuple[str, str, str]]] = field(
        default_factory=lambda: {k: list(v) for k, v in LISTINGS.items()}
    )
    sessions: dict[str, str] = field(default_factory=dict)
    first_page_size: int = 2  # items a plain GET of a category shows

    def session_of(self, request: Request) -> str | None:
        for part in request.headers.get("cookie", "").split(";"):
            name, _, value = part.strip().partition("=")
            if name == "JSESSIONID" and value in self.sessions:
                return value
        return None

    def get_category(self, request: Request) -> Response:
        category = request.path.split("?")[0].rsplit("/", 1)[1]
        headers = {"Content-Type": "text/html;charset=UTF-8"}
        session = self.session_of(request)
        if session is None:
            session = secrets.token_hex(16).upper()
            self.sessions[session] = secrets.token_urlsafe(24)
            headers["Set-Cookie"] = f"JSESSIONID={session}; Path=/; HttpOnly"
        page = listing_page(category, self.listings[category][: self.first_page_size], self.sessions[session])
        return Response(page.encode("utf-8"), 200, headers, conditional=False)

    def post_category(self, request: Request) -> Response:
        category = request.path.split("?")[0].rsplit("/", 1)[1]
        session = self.session_of(request)
        form = request.form
        if session is None or form.get("_csrf") != self.sessions[session]:
            return Response(FORBIDDEN.encode("utf-8"), 403, {"Content-Type": "text/html;charset=UTF-8"})
        size = int(form.get("cnt_per_page") or 10)
        start = (int(form.get("page_num") or 1) - 1) * size
        page = listing_page(category, self.listings[category][start : start + size], self.sessions[session])
        return Response(page.encode("utf-8"), 200, {"Content-Type": "text/html;charset=UTF-8"}, conditional=False)

    def expire_sessions(self) -> None:
        self.sessions.clear()

    def slow(self, path: str, seconds: float) -> None:
        """Answer one page only after ``seconds`` (the real site takes 2 to 80)."""
        self.site.add(path, self.article_bytes(path), content_type="text/html;charset=UTF-8", delay=seconds)

    @staticmethod
    def article_bytes(path: str) -> bytes:
        name = path.rsplit("/", 1)[1]
        folder = ROOT / "en" / "article" / ("q" if path.endswith(".kcmsf") else "detail")
        return (folder / (name if name.endswith(".kcmsf") else name + ".html")).read_bytes()


def build_kcna_site(site: FixtureSite) -> KcnaSite:
    kcna = KcnaSite(site)
    for category in LISTINGS:
        site.add(f"/en/article/list/{category}", kcna.get_category)
        site.add(f"/en/article/list/{category}", kcna.post_category, method="POST")
    for path in (ICBM, CRUISE, FARMS, FACTORY, OLD_ICBM):
        site.add(path, kcna.article_bytes(path), content_type="text/html;charset=UTF-8")
    return kcna
