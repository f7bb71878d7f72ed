"""An invented stretch of history for the sources backfill walks or reads from their tag page: JCS's two
boards paged back into 2024 (launch notices, other posts, a deleted post), INDOPACOM's news listing paged
back the same way, and DoD's North Korea tag page as the Wayback stand-in holds it (captures of it over
2025 on defense.gov and, after the rename, on war.gov; the articles it lists, one only as Akamai's Access
Denied page, one tag capture an error page). Every text is written for these tests; the URLs and markup
copy the fixtures' (site_jcs_kr.py, site_indopacom.py, site_dod.py)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta

from site_dod import ACCESS_DENIED, ArchivedArticle, article_page, tag_page
from site_indopacom import NewsItem
from site_jcs_kr import ENGLISH, KOREAN, JcsSite
from site_wayback import WaybackSite

# -- JCS: posts older than the fixture's, newest first (boardSeq, posted, title, paragraphs) --------------

DELETED = "123950"  # listed, but its page says it does not exist
KOREAN_POSTS = [
    ("124402", "2025.12.29 15:02:10", "[최종보] 북한 탄도미사일 발사 관련",
     ["합참은 오늘 오후 2시 20분경 북한이 평안남도 숙천 일대에서 동해상으로 발사한 "
      "단거리탄도미사일 2발을 포착하였습니다.",
      "북한 미사일은 약 470km를 비행하였으며, 세부 제원은 한미 정보당국이 정밀 분석하고 있습니다."]),
    ("124210", "2025.06.02 11:00:00", "합참의장, 서북도서 부대 방문",
     ["합참의장은 오늘 서북도서 부대를 찾아 경계태세를 점검하고 장병들을 격려하였습니다."]),
    (DELETED, "2025.05.20 09:30:00", "[알림] 정정된 게시물", ["삭제된 게시물입니다."]),
    ("124105", "2025.05.08 11:40:02", "[최종보] 북한 순항미사일 발사 관련",
     ["합참은 오늘 오전 9시 10분경 북한이 강원도 원산 일대에서 동해상으로 발사한 순항미사일 3발을 포착하였습니다.",
      "미사일은 약 1,450km를 비행한 것으로 분석됩니다."]),
    ("123990", "2025.03.10 09:15:44", "[최종보] 북한 탄도미사일 발사 관련",
     ["합참은 오늘 오전 6시 5분경 북한이 평양 순안 일대에서 동해상으로 발사한 장거리탄도미사일 1발을 포착하였습니다.",
      "북한 미사일은 약 1,000km를 비행하였습니다."]),
    ("123988", "2025.03.10 06:31:09", "[1보] 북한, 동해상으로 탄도미사일 발사",
     ["합참은 오늘 오전 6시 5분경 북한이 평양 순안 일대에서 동해상으로 발사한 탄도미사일 1발을 포착하였습니다."]),
    ("123700", "2024.12.05 10:00:00", "합참, 동계 합동훈련 실시",
     ["합참은 오늘부터 닷새 동안 동계 합동훈련을 실시합니다."]),
    ("123650", "2024.11.20 08:10:00", "[최종보] 북한 탄도미사일 발사 관련",
     ["합참은 오늘 오전 7시 30분경 북한이 황해북도 황주 일대에서 동해상으로 발사한 "
      "단거리탄도미사일 1발을 포착하였습니다."]),
    ("123600", "2024.10.01 10:00:00", "국군의 날 기념행사 안내", ["국군의 날 기념행사가 열립니다."]),
    ("123550", "2024.09.02 10:00:00", "합참, 을지 연습 종료", ["을지 연습이 종료되었습니다."]),
    ("123500", "2024.08.01 10:00:00", "합참, 하계 해상훈련 실시", ["하계 해상훈련을 실시합니다."]),
    ("123400", "2024.06.01 10:00:00", "합참, 신임 대변인 소개", ["신임 대변인이 취임하였습니다."]),
]  # fmt: skip
ENGLISH_POSTS = [
    ("123991", "2025.03.10 10:02:00", "JCS Press Release on North Korea's Ballistic Missile Launch (Final)",
     ["The Joint Chiefs of Staff (JCS) detected one long-range ballistic missile launched by North Korea from the "
      "Sunan area, Pyongyang, into the East Sea at around 6:05 a.m. today.",
      "The missile flew approximately 1,000 km."]),
    ("123501", "2024.08.01 11:00:00", "JCS Holds Summer Maritime Drills",
     ["The JCS began its summer maritime drills today."]),
]  # fmt: skip
# the pages a walk from the newest back to 2025-01-01 reads (3 posts a page): the Korean board's fifth page
# is wholly of 2024, so its sixth is never asked; the English board's second page is of 2024
PAGE_SIZE = 3
KOREAN_PAGES, ENGLISH_PAGES = 5, 2
# the launch days the boards report in 2025, with JCS's count and range
JCS_LAUNCHES = {"2025-12-29": ("2", "470"), "2025-05-08": ("3", "1450"), "2025-03-10": ("1", "1000")}


def jcs_history(jcs: JcsSite) -> None:
    jcs.page_size = PAGE_SIZE
    for board, posts in ((KOREAN, KOREAN_POSTS), (ENGLISH, ENGLISH_POSTS)):
        for seq, posted, title, paragraphs in posts:
            jcs.add_post(board, seq, posted, title, paragraphs)
    jcs.deleted.add(DELETED)


# -- INDOPACOM: the news listing, newest first -------------------------------------------------------------

NEWS = [
    NewsItem(4420100, "pacific-partners-finish-exercise", "Pacific Partners Finish Exercise Off Guam", "Nov. 30, 2026",
             "APRA HARBOR, Guam -- Ships of five nations finished a week of search and rescue drills."),
    NewsItem(4390400, "usindopacom-statement-on-dprk-ballistic-missile-launch",
             "USINDOPACOM Statement on DPRK Ballistic Missile Launch", "Dec. 29, 2025",
             "HONOLULU -- We are aware of the DPRK's launch of two ballistic missiles on Dec. 28 (Hawaii time) and "
             "are consulting closely with the Republic of Korea and Japan.", relative=True),
    NewsItem(4390300, "command-hosts-logistics-symposium", "Command Hosts Logistics Symposium", "Oct. 2, 2025",
             "HONOLULU -- Planners from ten nations met to discuss supply routes across the Pacific."),
    NewsItem(4390200, "medical-team-returns-from-palau", "Medical Team Returns From Palau", "July 15, 2025",
             "KOROR, Palau -- Navy doctors treated more than 800 patients in two weeks."),
    NewsItem(4390100, "usindopacom-statement-on-dprk-missile-launch", "USINDOPACOM Statement on DPRK Missile Launch",
             "May 7, 2025", "HONOLULU -- U.S. Indo-Pacific Command is aware of the cruise missiles the DPRK launched "
             "on May 7 (Hawaii time) and is in close contact with our allies."),
    NewsItem(4390050, "usindopacom-statement-on-dprk-icbm-launch", "USINDOPACOM Statement on DPRK ICBM Launch",
             "March 9, 2025", "HONOLULU -- U.S. Indo-Pacific Command is aware of the intercontinental ballistic "
             "missile the DPRK launched on March 9 (Hawaii time). It posed no immediate threat to U.S. territory."),
    NewsItem(4380900, "engineers-open-new-pier-in-darwin", "Engineers Open New Pier in Darwin", "Dec. 10, 2024",
             "DARWIN, Australia -- A new pier for visiting ships opened after a year of work."),
    NewsItem(4380800, "usindopacom-statement-on-dprk-ballistic-missile-launch",
             "USINDOPACOM Statement on DPRK Ballistic Missile Launch", "Nov. 19, 2024",
             "HONOLULU -- We are aware of the DPRK's ballistic missile launch on Nov. 19 (Hawaii time)."),
    NewsItem(4380700, "sailors-mark-anniversary-in-yokosuka", "Sailors Mark Anniversary in Yokosuka", "Oct. 1, 2024",
             "YOKOSUKA, Japan -- Sailors marked the anniversary of the base with an open day."),
    NewsItem(4380600, "airmen-train-in-alaska", "Airmen Train in Alaska", "Sept. 3, 2024",
             "ANCHORAGE, Alaska -- Airmen flew cold weather training sorties."),
]  # fmt: skip
# three a page: the third page (Oct. 2024 and before) is wholly older than 2025, the fourth is never asked
NEWS_PAGES = 3
INDOPACOM_LAUNCHES = {"2025-12-28", "2025-05-07", "2025-03-09"}


# -- DoD: its tag page and the articles it lists, as the Wayback stand-in holds them -------------------------

DEFENSE, WAR = "www.defense.gov", "www.war.gov"
ICBM = ArchivedArticle(DEFENSE, 4101001, "pentagon-statement-on-north-korean-icbm-launch",
                       "Pentagon Statement on North Korean ICBM Launch", date(2025, 3, 10),
                       "The department is aware of the missile North Korea launched on March 9.",
                       ["The Department of Defense is aware of the intercontinental ballistic missile North Korea "
                        "launched from near Sunan on March 9, Eastern time, and is consulting closely with our allies.",
                        "The launch did not pose an immediate threat to U.S. personnel or territory."])  # fmt: skip
MEETING = ArchivedArticle(DEFENSE, 4101050, "defense-leaders-meet-in-seoul", "Defense Leaders Meet in Seoul",
                          date(2025, 4, 2), "The two ministers reviewed the alliance's readiness.",
                          ["The secretary met his South Korean counterpart in Seoul to review combined training "
                           "plans for the year."])  # fmt: skip
OLD = ArchivedArticle(DEFENSE, 4090000, "readout-of-a-call-with-the-rok-minister", "Readout of a Call With the ROK "
                      "Minister", date(2024, 11, 20), "The two leaders spoke after a North Korean missile launch.",
                      ["The secretary spoke with the Republic of Korea's minister after North Korea's ballistic "
                       "missile launch on November 19."])  # fmt: skip
CRUISE = ArchivedArticle(DEFENSE, 4101200, "statement-on-north-korean-cruise-missile-launches",
                         "Statement on North Korean Cruise Missile Launches", date(2025, 5, 8),
                         "The department is aware of the launches.",
                         ["The Department of Defense is aware of the cruise missiles North Korea launched from near "
                          "Wonsan on May 8, local time, and is in close contact with Seoul and Tokyo."])  # fmt: skip
DENIED = ArchivedArticle(DEFENSE, 4101210, "secretary-speaks-with-japanese-counterpart",
                         "Secretary Speaks With Japanese Counterpart", date(2025, 5, 9),
                         "The two discussed North Korea's missile launches.", [])  # fmt: skip
DECEMBER = ArchivedArticle(WAR, 4390500, "statement-on-the-dprk-ballistic-missile-launch",
                           "Statement on the DPRK Ballistic Missile Launch", date(2025, 12, 29),
                           "The department is aware of the launch.",
                           ["The Department of War is aware of the two ballistic missiles the DPRK launched from near "
                            "Sukchon on December 29, local time, and is consulting with our allies."])  # fmt: skip
# the same article as CRUISE under war.gov, listed on war.gov's tag page: asked for once
CRUISE_ON_WAR = ArchivedArticle(WAR, CRUISE.number, CRUISE.slug, CRUISE.title, CRUISE.day, CRUISE.summary,
                                CRUISE.paragraphs)  # fmt: skip
DOD_LAUNCHES = {"2025-03-09", "2025-05-08", "2025-12-29"}
TAG_ERROR = "<!DOCTYPE html><html><head><title>Error</title></head><body><h1>Page not found</h1></body></html>"


@dataclass
class DodHistory:
    bad_tag: str  # the capture URL path of the error page captured as the tag page


def stamp(moment: datetime) -> str:
    return f"{moment:%Y%m%d%H%M%S}"


def dod_history(site: WaybackSite) -> DodHistory:
    tag = f"https://{DEFENSE}/News/Archive/Tag/45776/north-korea/"
    war_tag = f"https://{WAR}/News/Archive/Tag/45776/north-korea/"
    noon = timedelta(hours=12)
    listings = [
        (tag, datetime(2025, 3, 20) + noon, tag_page([ICBM, OLD])),
        (tag, datetime(2025, 3, 20) + noon + timedelta(hours=3), tag_page([ICBM, OLD])),  # same day: collapsed
        (tag, datetime(2025, 5, 20) + noon, tag_page([DENIED, CRUISE, MEETING, ICBM], relative=True)),
        (tag, datetime(2025, 7, 1) + noon, TAG_ERROR),
        (war_tag, datetime(2026, 1, 5) + noon, tag_page([DECEMBER, CRUISE_ON_WAR])),
    ]
    for original, moment, html in listings:
        site.capture(original, stamp(moment), html)
    for article, captured in ((ICBM, datetime(2025, 3, 11)), (MEETING, datetime(2025, 4, 3)),
                              (CRUISE, datetime(2025, 5, 9)), (DECEMBER, datetime(2025, 12, 30)),
                              (OLD, datetime(2024, 11, 21))):  # fmt: skip
        site.capture(article.url, stamp(captured), article_page(article))
    site.capture(DENIED.url, stamp(datetime(2025, 5, 10)), ACCESS_DENIED.decode("utf-8"))
    return DodHistory("/web/20250701120000id_/" + tag)
