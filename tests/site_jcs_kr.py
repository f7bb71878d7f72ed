"""The fixture copy of www.jcs.mil.kr: two boards behind one Java action
(``/user/boardList.action`` lists a board; the same action with ``boardSeq`` and
``command=albumView`` shows one post), list items that open their post from an
``onclick`` (no href), posting times to the second (``작성일_``), and an old post served
in EUC-KR under a header that says UTF-8. Posts are fragments under sites/jcs_kr/posts,
set in the site's page layout when served. A board pages (``&page=N``, ``page_size`` posts a page); past its
last page it lists nothing, or (``repeat_last``) its last page again, as some boards do."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from urllib.parse import parse_qs, urlsplit

from sitekit import SITES, FixtureSite, Request, Response

ROOT = SITES / "jcs_kr"
KOREAN, ENGLISH = "O_121947", "O_122667"
MENUS = {KOREAN: "jcs2_040201000000", ENGLISH: "jcs2_eng_030000000000"}
ACTION = "/user/boardList.action"
# newest first: (boardSeq, day in the listing)
LISTINGS = {
    KOREAN: [("124611", "2026.11.20"), ("124608", "2026.11.20"), ("124590", "2026.11.17"), ("124571", "2026.11.12")],
    ENGLISH: [("124612", "2026.11.20"), ("124580", "2026.11.14")],
}
EUC_KR_POSTS = {"124590"}
LAYOUT = {
    KOREAN: {"lang": "ko", "site_title": "합동참모본부", "skip": "본문 바로가기", "menu1": "합참소개",
             "menu2": "작전·전비태세", "menu3": "알림마당", "board_title": "보도자료",
             "address": "서울특별시 용산구 이태원로 22 합동참모본부", "writer": "합동참모본부", "hits": "조회"},
    ENGLISH: {"lang": "en", "site_title": "Joint Chiefs of Staff", "skip": "Skip to content", "menu1": "About JCS",
              "menu2": "Operations", "menu3": "News", "board_title": "News",
              "address": "22 Itaewon-ro, Yongsan-gu, Seoul, Republic of Korea", "writer": "JCS", "hits": "Hit"},
}  # fmt: skip
MISSING = """<script type="text/javascript">alert("게시물이 존재하지 않습니다.");history.back();</script>"""


def post_path(board: str, seq: str) -> str:
    return (
        f"{ACTION}?boardId={board}&siteId=jcs2&id={MENUS[board]}&page=1&boardType=02&boardSeq={seq}&command=albumView"
    )


def listing_path(board: str) -> str:
    return f"{ACTION}?boardId={board}&siteId=jcs2&id={MENUS[board]}"


@dataclass
class JcsSite:
    site: FixtureSite
    listings: dict[str, list[tuple[str, str]]] = field(
        default_factory=lambda: {k: list(v) for k, v in LISTINGS.items()}
    )
    posts: dict[str, str] = field(
        default_factory=lambda: {p.stem: p.read_text(encoding="utf-8") for p in (ROOT / "posts").glob("*.html")}
    )
    deleted: set[str] = field(default_factory=set)  # still listed, but their page says they do not exist
    page_size: int = 10
    repeat_last: bool = False

    def add_post(self, board: str, seq: str, posted: str, title: str, paragraphs: list[str]) -> None:
        """A post (``posted``: "2025.03.10 07:58:31"), listed after the board's posts so far (older)."""
        writer = LAYOUT[board]["writer"]
        body = "\n".join(f"        <p>{paragraph}</p>" for paragraph in paragraphs)
        self.posts[seq] = f"""<div class="dataview">
  <div class="prepare">
    <span>작성자_<strong>{writer}</strong></span>
    <span>작성일_<strong>{posted}</strong></span>
  </div>
  <div class="dataview_detail">
    <dl>
      <dt>{title}</dt>
      <dd>
{body}
      </dd>
    </dl>
  </div>
</div>"""
        self.listings[board].append((seq, posted[:10]))

    def page(self, board: str, content: str, charset: str = "utf-8") -> str:
        layout = (ROOT / "layout.html").read_text(encoding="utf-8")
        return layout.format(content=content, charset=charset, **LAYOUT[board])

    def listing(self, board: str, page: int = 1) -> str:
        entries = []
        writer, hits = LAYOUT[board]["writer"], LAYOUT[board]["hits"]
        pages = max(1, -(-len(self.listings[board]) // self.page_size))
        shown = min(page, pages) if self.repeat_last else page
        for seq, day in self.listings[board][(shown - 1) * self.page_size : shown * self.page_size]:
            fragment = self.posts[seq]
            title = re.search(r"<dt>(.*?)</dt>", fragment, re.S).group(1).strip()
            first = re.search(r"<p>(.*?)</p>", fragment, re.S)
            summary = re.sub(r"<[^>]+>", "", first.group(1))[:60] if first else ""
            entries.append(f"""    <li>
      <span class="thumb"><img src="/upload/jcs2/board/thumb_{seq}.jpg" alt=""></span>
      <dl>
        <dt><a href="#none" onclick="javascript:fn_albumView('{board}','02','{seq}','');return false;">{title}</a></dt>
        <dd class="txt">{summary}</dd>
        <dd class="info"><span>{writer}</span><span>{day}</span><span>{hits} 1{seq[-3:]}</span></dd>
      </dl>
    </li>""")
        links = []
        for n in range(1, pages + 1):
            on = ' class="on"' if n == shown else ""
            links.append(f'<a href="#none" onclick="fn_goPage(\'{n}\');return false;"{on}>{n}</a>')
        paging = "".join(links)
        content = f"""<div class="board_top"><p class="total">{len(self.listings[board])} / {pages}</p></div>
<div class="board_newslist">
  <ul>
{chr(10).join(entries)}
  </ul>
</div>
<div class="paging">{paging}</div>"""
        return self.page(board, content)

    def handle(self, request: Request) -> Response:
        query = {k: v[0] for k, v in parse_qs(urlsplit(request.path).query).items()}
        board = query.get("boardId", "")
        if board not in LAYOUT:
            return Response(MISSING.encode("utf-8"), 200, {"Content-Type": "text/html;charset=UTF-8"})
        seq = query.get("boardSeq")
        if query.get("command") == "albumView" and seq:
            if seq not in self.posts or seq in self.deleted:
                return Response(MISSING.encode("utf-8"), 200, {"Content-Type": "text/html;charset=UTF-8"})
            if seq in EUC_KR_POSTS:
                # an old JSP page: EUC-KR bytes, its own meta says so, the header says UTF-8
                body = self.page(board, self.posts[seq], "euc-kr").encode("euc-kr")
            else:
                body = self.page(board, self.posts[seq]).encode("utf-8")
            return Response(body, 200, {"Content-Type": "text/html;charset=UTF-8"})
        page = query.get("page", "")
        listing = self.listing(board, int(page)) if page.isdigit() else self.listing(board)
        return Response(listing.encode("utf-8"), 200, {"Content-Type": "text/html;charset=UTF-8"})


def build_jcs_kr_site(site: FixtureSite) -> JcsSite:
    jcs = JcsSite(site)
    site.add(ACTION, jcs.handle)
    return jcs
