"""An invented year of North Korean launches as a web archive holds its publishers' pages: MOD's follow-up
PDFs and its year index, KCNA's English articles in both layouts, unrelated releases and articles among
them, repeated captures, and the bad captures an archive really has (error pages captured with status
200, a truncated PDF, a layout no parser knows, a capture that is gone). Every text is written for these
tests; the markup and URLs copy the real sites' (scrapers/mod_jp.py, scrapers/kcna.py)."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta

from pdfgen import make_pdf
from site_wayback import WaybackSite

MOD, KCNA = "https://www.mod.go.jp", "http://www.kcna.kp"
MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
          "November", "December")  # fmt: skip
NUMBERS = ("", "a", "two", "three", "four", "five")


def wide(value: object) -> str:
    """Digits as MOD's releases print them (full width)."""
    return str(value).translate(str.maketrans("0123456789", "０１２３４５６７８９"))


@dataclass(frozen=True)
class Launch:
    day: date  # in Japan and Korea
    time: str  # "07:44", Japan time
    count: int
    mod_range: int
    mod_apogee: int
    area: str  # MOD's words
    weapon: str  # KCNA's words, plural when count > 1
    kcna_range: int
    kcna_apogee: int
    letter: str = "b"  # MOD's release letter that day
    kcna_layout: str = "q"  # "q" (<id>.kcmsf, to mid-2026) or "detail"
    mod_pdf: str = "good"  # "good", "error_first" (an error page captured first), "truncated"

    @property
    def mod_path(self) -> str:
        return f"/j/press/news/{self.day:%Y/%m/%d}{self.letter}"

    @property
    def kcna_path(self) -> str:
        digest = hashlib.md5(f"launch {self.day}".encode()).hexdigest()
        return f"/en/article/q/{digest}.kcmsf" if self.kcna_layout == "q" else f"/en/article/detail/{digest}"


LAUNCHES = (
    Launch(date(2025, 1, 14), "07:44", 2, 350, 50, "北朝鮮西岸付近", "new-type tactical ballistic missiles", 360, 50,
           mod_pdf="error_first"),
    Launch(date(2025, 3, 10), "06:05", 1, 1000, 6000, "平壌近郊", "intercontinental ballistic missile Hwasong-19",
           1002, 6120, letter="a"),
    Launch(date(2025, 5, 8), "09:10", 3, 800, 100, "北朝鮮東岸付近", "strategic cruise missiles", 1500, 0,
           mod_pdf="truncated"),
    Launch(date(2025, 12, 29), "14:20", 2, 450, 60, "北朝鮮内陸部", "close-range ballistic missiles", 460, 55,
           letter="c", kcna_layout="detail"),
)  # fmt: skip


def reiwa(day: date) -> str:
    return f"令和{wide(day.year - 2018)}年{wide(day.month)}月{wide(day.day)}日"


def mod_followup(launch: Launch) -> list[str]:
    hour, minute = (int(part) for part in launch.time.split(":"))
    return [
        reiwa(launch.day), "防　衛　省", "内　閣　官　房", "北朝鮮のミサイル等関連情報（続報）",
        f"１．北朝鮮は本日{wide(hour)}時{wide(minute)}分頃、{launch.area}から、{wide(launch.count)}発の弾道ミサイルを、",
        f"東方向に向けて発射しました。発射された弾道ミサイルは、いずれも最高高度約{wide(launch.mod_apogee)}ｋｍで、",
        f"約{wide(launch.mod_range)}ｋｍ飛翔し、日本海の我が国の排他的経済水域（ＥＥＺ）外に落下したものと推定されます。",
        "２．現時点において、付近を航行する航空機や船舶からの被害報告等の情報は確認されていません。",
    ]  # fmt: skip


def mod_other(day: date, title: str) -> list[str]:
    return [reiwa(day), "防　衛　省", title, "１．本日、県知事から陸上自衛隊に対し、",
            "給水支援に係る災害派遣要請がありました。", "２．部隊は現在、現地で活動を行っております。"]  # fmt: skip


def mod_index(year: int, items: list[tuple[str, str, bool]]) -> str:
    """The year's press index: (path without extension, title, has a PDF), newest first."""
    blocks = "\n".join(
        f'  <div class="news__item">\n    <p class="news__date">{year}年</p>\n    <p class="news__title">'
        f'<a href="{path}.html">{title}</a>' + (f' <a href="{path}.pdf">（PDF：90KB）</a>' if pdf else "")
        + "</p>\n  </div>"
        for path, title, pdf in items
    )  # fmt: skip
    return ('<!DOCTYPE html>\n<html lang="ja">\n<head><meta charset="UTF-8">'
            "<title>報道資料 | 防衛省・自衛隊</title></head>\n"
            f'<body>\n<main id="main">\n<h1>報道資料（{year}年）</h1>\n<div class="news">\n{blocks}\n</div>\n</main>\n'
            "</body>\n</html>\n")  # fmt: skip


def kcna_q(title: str, paragraphs: list[str], day: date) -> str:
    body = "\n".join(f"<p>{p}</p>" for p in paragraphs)
    return (f'<!DOCTYPE html>\n<html>\n<head>\n<meta http-equiv="Content-Type" content="text/html; charset=utf-8">\n'
            f"<title>{title}</title>\n</head>\n<body>\n<div id=\"top\"><a href=\"/en/index.kcmsf\">Home</a></div>\n"
            f'<div class="article-main-title">{title}</div>\n<div class="content-wrapper">\n{body}\n'
            f'<span class="publish-time">www.kcna.kp (Juche{day.year - 1911}.{day.month}.{day.day}.)</span>\n'
            "</div>\n</body>\n</html>\n")  # fmt: skip


def kcna_detail(title: str, paragraphs: list[str]) -> str:
    body = "\n".join(f"<p>{p}</p>" for p in paragraphs)
    return ('<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n<title>KCNA</title>\n</head>\n<body>\n'
            '<header class="site-header"><div class="container"><a class="logo" href="/en">Korean Central News '
            'Agency</a></div></header>\n<div class="container">\n<article>\n'
            f'<h1 class="text-center article-title">{title}</h1>'
            f"\n{body}\n<p>-0-</p>\n</article>\n</div>\n</body>\n</html>\n")  # fmt: skip


def kcna_report(launch: Launch) -> tuple[str, list[str], date]:
    published = launch.day + timedelta(days=1)
    many = launch.count > 1
    title = f"DPRK Missile General Bureau Test-fires {launch.weapon.title()}"
    altitude = f" and reached an altitude of {launch.kcna_apogee} km" if launch.kcna_apogee else ""
    paragraphs = [
        f"Pyongyang, {MONTHS[published.month - 1]} {published.day} (KCNA) -- The Missile General Bureau of the DPRK "
        f"test-fired {NUMBERS[launch.count]} {launch.weapon} on {MONTHS[launch.day.month - 1]} {launch.day.day}.",
        f"The {'missiles' if many else 'missile'} flew {launch.kcna_range} km{altitude} before hitting the target "
        "waters in the East Sea of Korea, the bureau said.",
        "The test had no negative effect on the security of neighbouring countries, it added.",
    ]  # fmt: skip
    return title, paragraphs, published


OTHER_KCNA = (
    ("Farms in South Hwanghae Province Finish Threshing", "Farmers of the province finished threshing ahead of "
     "schedule this year, bringing in a rich harvest of rice and maize."),
    ("Machine Complex Raises Output", "Workers of the complex raised their output of machine tools by a fifth over "
     "the year, local officials said."),
    ("Sports Contest Opens in Pyongyang", "A national sports contest opened in Pyongyang with athletes from every "
     "province taking part in football and table tennis."),
)  # fmt: skip
ERROR_PAGE = ("<!DOCTYPE html><html><head><title>Error</title></head><body><div id=\"top\"><a href=\"/en\">Home</a>"
              "</div><h2>The page you requested is temporarily unavailable.</h2></body></html>")  # fmt: skip
UNKNOWN_LAYOUT = ("<!DOCTYPE html><html><head><title>KCNA</title></head><body><table class=\"newsView\"><tr><td>"
                  "Pyongyang, June 2 (KCNA) -- A page in a layout no parser knows.</td></tr></table>"
                  "</body></html>")  # fmt: skip


def stamp(moment: datetime) -> str:
    return f"{moment:%Y%m%d%H%M%S}"


@dataclass
class History:
    """What the archive holds, and what a backfill should make of it."""

    launches: tuple[Launch, ...]
    mod_releases: set[str] = field(default_factory=set)  # publisher URLs of MOD follow-ups that can be read
    kcna_articles: set[str] = field(default_factory=set)  # publisher URLs of every readable KCNA article
    bad: set[str] = field(default_factory=set)  # originals whose (only or first) capture is bad
    other_mod_pdfs: int = 0


def build_history(site: WaybackSite, launches: tuple[Launch, ...] = LAUNCHES, *, other_articles: int = 14,
                  other_releases: int = 3) -> History:  # fmt: skip
    """The archive of ``launches`` (of one year), with ``other_releases`` MOD PDFs on other subjects and
    ``other_articles`` KCNA articles on other subjects, one a month from January on: KCNA's prefix has
    captures in every month of its listings (a month with none would be a warning, as it is for real)."""
    history = History(launches)
    index: list[tuple[str, str, bool]] = []
    for launch in launches:
        pdf = f"{MOD}{launch.mod_path}.pdf"
        created = f"D:{launch.day:%Y%m%d}{int(launch.time[:2]) + 1:02d}{launch.time[3:]}00+09'00'"
        good = make_pdf(mod_followup(launch), created=created)
        first = datetime.combine(launch.day, datetime.min.time()) + timedelta(hours=20)
        if launch.mod_pdf == "error_first":  # the bot check, captured with status 200 under the PDF's URL
            site.capture(pdf, stamp(first), "<html><body><p>Just a moment...</p></body></html>",
                         content_type="text/html", mimetype="application/pdf")  # fmt: skip
            history.bad.add(pdf)
            first += timedelta(days=2)
        if launch.mod_pdf == "truncated":
            site.capture(pdf, stamp(first), good[: len(good) * 2 // 3], content_type="application/pdf")
            history.bad.add(pdf)
        else:
            site.capture(pdf, stamp(first), good, content_type="application/pdf")
            site.capture(pdf, stamp(first + timedelta(days=40)), good, content_type="application/pdf")  # same bytes
            history.mod_releases.add(f"{MOD}{launch.mod_path}.html")
        index.append((launch.mod_path, "北朝鮮のミサイル等関連情報（続報）", launch.mod_pdf != "truncated"))
        index.append((launch.mod_path[:-1] + "a" if launch.letter != "a" else launch.mod_path[:-1] + "b",
                      "北朝鮮のミサイル等関連情報（速報）", False))  # fmt: skip
        title, paragraphs, published = kcna_report(launch)
        article = f"{KCNA}{launch.kcna_path}"
        html = kcna_q(title, paragraphs, published) if launch.kcna_layout == "q" else kcna_detail(title, paragraphs)
        # a day or so after publication; the late-December article only in January (its dateline has no year)
        captured = datetime.combine(published, datetime.min.time()) + timedelta(
            hours=30 if published.month < 12 else 96
        )
        if launch is launches[0]:  # an error page first, then the article
            site.capture(article, stamp(captured - timedelta(hours=12)), ERROR_PAGE)
            history.bad.add(article)
        for repeat in range(3):  # captured again and again, the same bytes
            site.capture(article, stamp(captured + timedelta(days=repeat * 15)), html)
        history.kcna_articles.add(article)
    for number in range(other_releases):
        day = date(launches[0].day.year, 2 + number % 10, 3 + number // 10)
        path = f"/j/press/news/{day:%Y/%m/%d}d"
        title = "自衛隊の災害派遣について"
        site.capture(f"{MOD}{path}.pdf", stamp(datetime.combine(day, datetime.min.time()) + timedelta(hours=9)),
                     make_pdf(mod_other(day, title)), content_type="application/pdf")  # fmt: skip
        if number:  # the first is missing from the index: it is fetched, and read as another subject
            index.append((path, title, True))
        history.other_mod_pdfs += 1
    year = launches[0].day.year
    index.sort(key=lambda item: item[0], reverse=True)
    first_half = [item for item in index if item[0] < f"/j/press/news/{year}/07"]
    site.capture(f"{MOD}/j/press/news/{year}/index.html", f"{year}0601120000", mod_index(year, first_half))
    site.capture(f"{MOD}/j/press/news/{year}/index.html", f"{year}1231120000", mod_index(year, index))
    for number in range(other_articles):
        rounds, cycle = divmod(number, 14)  # January of the year to February of the next, then again
        day = date(year + cycle // 12, cycle % 12 + 1, 1 + (4 + 3 * rounds) % 28)
        title, text = OTHER_KCNA[number % len(OTHER_KCNA)]
        digest = hashlib.md5(f"other {number}".encode()).hexdigest()
        html = kcna_q(title, [f"Pyongyang, {MONTHS[day.month - 1]} {day.day} (KCNA) -- {text}"], day)
        site.capture(f"{KCNA}/en/article/q/{digest}.kcmsf", stamp(datetime.combine(day, datetime.min.time())), html)
        history.kcna_articles.add(f"{KCNA}/en/article/q/{digest}.kcmsf")
    # what an archive also holds: a page in a layout no parser knows, a category page, a URL of unknown shape,
    # a capture of a redirect (filtered out by statuscode:200)
    site.capture(f"{KCNA}/en/article/q/{'ab' * 16}.kcmsf", f"{year}0603000000", UNKNOWN_LAYOUT)
    history.bad.add(f"{KCNA}/en/article/q/{'ab' * 16}.kcmsf")
    site.capture(f"{KCNA}/en/article/list/6a47505ba5268fd7749c0fe11e4b24b4", f"{year}0604000000", "<p>Top News</p>")
    site.capture(f"{KCNA}/en/article/print.kcmsf", f"{year}0605000000", "<p>Print</p>")
    site.capture(f"{KCNA}/en/article/q/{'cd' * 16}.kcmsf", f"{year}0606000000", "", statuscode="302")
    return history


AREAS = ("北朝鮮西岸付近", "平壌近郊", "北朝鮮東岸付近", "北朝鮮内陸部")
WEAPONS = ("new-type tactical ballistic missiles", "close-range ballistic missiles", "strategic cruise missiles")


def year_of_launches(year: int, count: int) -> tuple[Launch, ...]:
    """``count`` invented launches spread over a year, each with its own numbers (the first one's PDF is an
    error page at first, the third's only capture is truncated, as in LAUNCHES)."""
    launches = []
    for n in range(count):
        day = date(year, 1, 10) + timedelta(days=n * 350 // count)
        missiles = 1 + n % 3
        weapon = WEAPONS[n % len(WEAPONS)] if missiles > 1 else "ballistic missile"
        launches.append(Launch(day, f"{6 + n % 10:02d}:{n * 7 % 60:02d}", missiles, 300 + 10 * n, 40 + n, AREAS[n % 4],
                               weapon, 305 + 10 * n, 40 + n, letter="abc"[n % 3],
                               kcna_layout="detail" if day.month == 12 else "q",
                               mod_pdf="error_first" if n == 0 else "truncated" if n == 2 else "good"))  # fmt: skip
    return tuple(launches)
