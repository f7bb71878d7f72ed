"""The fixture copy of www.mnd.go.kr (2025 K2Web site): the press release menu page
``/mnd/167/subview.do`` embedding its board (``.board-table``, a pinned notice linked by
its ``enc=`` deep link, the others by their artclView path, a "새글" badge), the posts
at ``/bbs/mnd/<board>/<post>/artclView.do`` (a bare view page), the same posts inside
the menu page when asked for by deep link, and an older post served in EUC-KR with no
charset in its header. The board number behind menu 167 (1052) is this fixture's own."""

from __future__ import annotations

import base64
import re
from dataclasses import dataclass, field
from urllib.parse import parse_qs, quote, unquote, urlsplit

from sitekit import SITES, FixtureSite, Request, Response

ROOT = SITES / "mnd_kr"
MENU = "/mnd/167/subview.do"
BOARD = "1052"
# (post, listing day, pinned notice), as the board lists them: pinned first, then newest first
LISTING = [
    ("560001", "2026.10.01", True),
    ("568812", "2026.11.20", False),
    ("568790", "2026.11.18", False),
    ("568775", "2026.11.16", False),
]
NEW = {"568812"}  # carries the "새글" badge
EUC_KR = {"568775"}
HTML_UTF8 = {"Content-Type": "text/html;charset=UTF-8"}


def article_path(post: str) -> str:
    return f"/bbs/mnd/{BOARD}/{post}/artclView.do"


def deep_link(path: str) -> str:
    """K2Web's deep link: the menu page with enc = base64("fnct1|@@|" + the URL-encoded path and query)."""
    enc = base64.b64encode(("fnct1|@@|" + quote(f"{path}?page=1&", safe="")).encode()).decode()
    return f"{MENU}?enc={quote(enc, safe='')}"


def _inner(enc: str) -> str:
    return unquote(base64.b64decode(enc).decode().split("|@@|", 1)[1])


def _field(fragment: str, label: str) -> str:
    return re.search(rf"<dt>{label}</dt><dd>(.*?)</dd>", fragment).group(1)


@dataclass
class MndSite:
    site: FixtureSite
    listing: list[tuple[str, str, bool]] = field(default_factory=lambda: list(LISTING))
    articles: dict[str, str] = field(
        default_factory=lambda: {p.stem: p.read_text(encoding="utf-8") for p in (ROOT / "articles").glob("*.html")}
    )

    def layout(self, title: str, content: str) -> str:
        return (ROOT / "layout.html").read_text(encoding="utf-8").format(page_title=title, content=content)

    def rows(self) -> str:
        rows = []
        for number, (post, day, pinned) in enumerate(self.listing):
            fragment = self.articles[post]
            title = re.search(r'class="artclViewTitle">(.*?)</h2>', fragment).group(1)
            href = deep_link(article_path(post)) if pinned else article_path(post)
            badge = '<span class="new"><span>새글</span></span>' if post in NEW else ""
            num = '<span class="notice">공지</span>' if pinned else str(2841 - number)
            rows.append(f"""<tr class="{"notice" if pinned else ""}">
  <td class="td-num">{num}</td>
  <td class="td-subject"><a href="{href}"><strong>{title}</strong>{badge}</a></td>
  <td class="td-write">{_field(fragment, "작성자")}</td>
  <td class="td-date">{day}</td>
  <td class="td-access">{_field(fragment, "조회수")}</td>
  <td class="td-file">{'<p class="file-y"><span>첨부파일</span></p>' if "download.do" in fragment else ""}</td>
</tr>""")
        return "\n".join(rows) or '<tr><td colspan="6" class="_empty">등록된 글이 없습니다.</td></tr>'

    def board(self) -> str:
        return f"""<div class="_fnctWrap _articleTable">
<form name="pageForm" method="post" action="/bbs/mnd/{BOARD}/artclList.do">
<input type="hidden" name="layout" value="unknown"><input type="hidden" name="page" value="1">
</form>
<div class="board-table-wrap">
<table class="board-table horizon1">
<caption>보도자료 목록 (번호, 제목, 작성자, 작성일, 조회수, 첨부파일)</caption>
<thead><tr><th scope="col" class="th-num">번호</th><th scope="col" class="th-subject">제목</th>
<th scope="col" class="th-write">작성자</th><th scope="col" class="th-date">작성일</th>
<th scope="col" class="th-access">조회수</th><th scope="col" class="th-file">첨부파일</th></tr></thead>
<tbody>
{self.rows()}
</tbody>
</table>
</div>
<div class="_paging"><div class="_inner"><ul class="paging"><li><strong>1</strong></li>
<li><a href="javascript:page_link('2')">2</a></li></ul><a href="javascript:page_link('2')" class="_listNext">다음</a>
</div></div>
</div>"""

    def menu(self, request: Request) -> Response:
        enc = parse_qs(urlsplit(request.path).query).get("enc")
        post = re.search(r"/(\d+)/artclView\.do", _inner(enc[0]) if enc else "")
        if post and post.group(1) in self.articles:  # a deep link: the post inside the menu page
            content = f'<div class="_fnctWrap _articleView">{self.articles[post.group(1)]}</div>'
            return Response(self.layout("보도자료", content).encode("utf-8"), 200, HTML_UTF8)
        return Response(self.layout("보도자료", self.board()).encode("utf-8"), 200, HTML_UTF8)

    def article(self, request: Request) -> Response:
        post = urlsplit(request.path).path.split("/")[-2]
        if post not in self.articles:
            return Response(b"<html><body><p>404</p></body></html>", 404, HTML_UTF8)
        charset = "euc-kr" if post in EUC_KR else "utf-8"
        page = f"""<!DOCTYPE html>
<html lang="ko"><head><meta http-equiv="Content-Type" content="text/html; charset={charset}">
<title>보도자료</title></head>
<body><div class="_fnctWrap _articleView">
{self.articles[post]}
<div class="btnArea"><a href="{MENU}" class="btn_list">목록</a></div>
</div></body></html>"""
        if post in EUC_KR:  # an older page: EUC-KR bytes, no charset in the header
            return Response(page.encode("euc-kr"), 200, {"Content-Type": "text/html"})
        return Response(page.encode("utf-8"), 200, HTML_UTF8)


def build_mnd_kr_site(site: FixtureSite) -> MndSite:
    mnd = MndSite(site)
    site.add(MENU, mnd.menu)
    for post in mnd.articles:
        site.add(article_path(post), mnd.article)
    return mnd
