"""Full-length documents: a title line, a dateline, the statement of this launch, and around
it what real releases carry - background on earlier launches and totals for the year, times of
press conferences, alerts and meetings, places that are not the launch site, distances that
place the impact point, analysts' capability claims, response bullet lists, contact lines and
related-article lists with other launches' numbers. The fields must come from the sentences
that state this launch, never from the distractors around them.

Every text is written for this module; the facts follow the shape of Japan MOD, JCS, MND,
INDOPACOM, wire and KCNA releases.
"""

from __future__ import annotations

import re

import pytest
from extraction import extract
from test_extract_heldout import assert_statement

# (case id, lang, published, source, text, expected fields)
CASES: list[tuple[str, str, str, str | None, str, dict]] = [
    # --- Japan MOD, Japanese ----------------------------------------------------------------------
    (
        "mod-ja-second-report-with-year-total-and-contact",
        "ja",
        "2025-05-08",
        "mod_jp",
        "北朝鮮のミサイル等関連情報（第２報）\n"
        "令和７年５月８日\n"
        "防衛省\n"
        "本日、北朝鮮は、午前６時１０分頃、北朝鮮西岸付近から、２発の弾道ミサイルを東方向に発射しました。\n"
        ""
        "１発目は最高高度約５０ｋｍ程度で、約３００ｋｍ程度飛翔し、２発目は最高高度約６０ｋｍ程度で、約３５０ｋｍ程度飛翔したものと推定されます。\n"
        "いずれも朝鮮半島東側の我が国の排他的経済水域（ＥＥＺ）外に落下したものと推定されます。\n"
        ""
        "北朝鮮は本年に入り、今回を含め弾道ミサイルを計１０発発射しており、３月１４日には約１，０００ｋｍ飛翔した弾道ミサイルを発射しています。\n"
        "防衛大臣は、午前７時３０分から臨時の記者会見を行いました。\n"
        "【問い合わせ先】防衛省 報道室 ０３－５３６６－３１１１（代表）\n",
        {
            "launch_date_local": "2025-05-08",
            "launch_times_local": ["06:10"],
            "count": 2,
            "range_km": [300, 350],
            "apogee_km": [50, 60],
            "eez": "outside",
        },
    ),
    (
        "mod-ja-icbm-okushiri-reference-distance-and-nsc",
        "ja",
        "2025-07-03",
        "mod_jp",
        "北朝鮮の弾道ミサイル発射について\n"
        "令和７年７月３日\n"
        "本日午前８時２４分頃、北朝鮮は平壌近郊から、１発のＩＣＢＭ級弾道ミサイルを東方向に発射しました。\n"
        ""
        "発射された弾道ミサイルは約７３分間飛翔し、午前９時３７分頃、北海道の渡島半島の西約２００ｋｍの日本海上の我が国の排他的経済水域（ＥＥＺ）内に落下したものと推定されます。\n"
        "今回の弾道ミサイルの飛翔距離は約１，０００ｋｍ、最高高度は６，０００ｋｍを超えるものと推定されます。\n"
        "午前１０時から国家安全保障会議を開催しました。\n"
        "本件弾道ミサイルは、弾頭の重量等によっては１５，０００ｋｍを超える射程となり得ると考えられます。\n"
        "総理からの指示は以下のとおりです。\n"
        "・情報収集・分析に全力を挙げ、国民に対して迅速・的確な情報提供を行うこと\n"
        "・航空機、船舶等の安全確認を徹底すること\n",
        {
            "launch_date_local": "2025-07-03",
            "launch_times_local": ["08:24"],
            "count": 1,
            "range_km": [1000],
            "apogee_km": [6000],
            "apogee_qualifier": "over",
            "flight_minutes": 73,
            "missile_class": "icbm",
            "launch_site": "pyongyang",
            "eez": "inside",
            "landing": "sea_of_japan",
        },
    ),
    (
        "mod-ja-jalert-time-and-hokkaido-mention",
        "ja",
        "2025-09-15",
        "mod_jp",
        "北朝鮮のミサイル等関連情報\n"
        "本日午前６時５７分頃、北朝鮮の順安付近から、弾道ミサイル１発が北東方向に発射されました。\n"
        "午前７時４分にＪアラートにより北海道及び青森県に情報伝達を行いました。\n"
        ""
        "当該弾道ミサイルは最高高度約９７０ｋｍで、約２，２００ｋｍ飛翔し、北海道襟裳岬の東約２，２００ｋｍの太平洋上に落下したものと推定されます。\n"
        "なお、本件による航空機や船舶への被害報告は、現時点で確認されていません。\n"
        "関連記事：８月２５日　北朝鮮の弾道ミサイル発射（約８００ｋｍ飛翔）\n",
        {
            "launch_date_local": "2025-09-15",
            "launch_times_local": ["06:57"],
            "count": 1,
            "range_km": [2200],
            "apogee_km": [970],
            "launch_site": "sunan",
            "landing": "pacific",
        },
    ),
    (
        "mod-ja-shakotan-reference-range-separate",
        "ja",
        "2025-03-19",
        "mod_jp",
        "北朝鮮の弾道ミサイル発射について（第３報）\n"
        "令和７年３月１９日　防衛省\n"
        "北朝鮮は、本日午後４時４５分頃、北朝鮮東岸から、少なくとも１発の弾道ミサイルを東方向に発射しました。\n"
        ""
        "発射された弾道ミサイルは、最高高度約５０ｋｍ程度で約４００ｋｍ程度飛翔し、積丹半島の西約２５０ｋｍの日本海に落下したものと推定されます。\n"
        "前回、北朝鮮は２月２７日午前７時１５分頃に短距離弾道ミサイル２発を発射しています。\n"
        "防衛省としては、引き続き、米国や韓国等とも緊密に連携し、情報の収集・分析に全力を挙げてまいります。\n"
        "Copyright © Ministry of Defense of Japan. All Rights Reserved.\n",
        {
            "launch_date_local": "2025-03-19",
            "launch_times_local": ["16:45"],
            "count": 1,
            "count_qualifier": "at_least",
            "range_km": [400],
            "apogee_km": [50],
            "landing": "sea_of_japan",
        },
    ),
    (
        "mod-ja-cruise-with-earlier-launch-background",
        "ja",
        "2025-10-22",
        "mod_jp",
        "北朝鮮による巡航ミサイルの発射について\n"
        "令和７年１０月２２日\n"
        "北朝鮮は、本日午前５時頃、北朝鮮西岸付近から黄海に向けて、巡航ミサイル数発を発射したものとみられます。\n"
        "北朝鮮は、本年１月にも巡航ミサイルを発射し、約１，５００ｋｍを飛行したと発表しています。\n"
        "防衛省としては、国民の生命・財産を守る観点から、引き続き警戒監視に万全を期してまいります。\n"
        "お問い合わせ：防衛省 大臣官房報道室\n",
        {
            "launch_date_local": "2025-10-22",
            "launch_times_local": ["05:00"],
            "count": None,
            "count_qualifier": "multiple",
            "range_km": [],
            "missile_class": "cruise",
            "landing": "yellow_sea",
        },
    ),
    (
        "mod-ja-window-with-previous-and-tokyo-meeting",
        "ja",
        "2025-06-26",
        "mod_jp",
        "北朝鮮のミサイル等関連情報（続報）\n"
        ""
        "北朝鮮は、本日午前７時３０分から３９分頃にかけて、北朝鮮内陸部から、合計３発の弾道ミサイルを北東方向に発射しました。\n"
        ""
        "いずれも最高高度約１００ｋｍ程度で、約３５０ｋｍ程度飛翔し、我が国の排他的経済水域（ＥＥＺ）外に落下したものと推定されます。\n"
        "今回の発射は、本年５月２９日に北朝鮮が弾道ミサイル１０発程度を発射して以来のものです。\n"
        "本日午前１１時、東京において日米韓の防衛当局間で電話会談を実施しました。\n"
        "以上\n",
        {
            "launch_date_local": "2025-06-26",
            "launch_times_local": ["07:30", "07:39"],
            "count": 3,
            "range_km": [350],
            "apogee_km": [100],
            "eez": "outside",
        },
    ),
    (
        "mod-ja-over-japan-with-alert-and-ministers-remarks",
        "ja",
        "2025-10-04",
        "mod_jp",
        "北朝鮮のミサイル等関連情報（第４報）\n"
        "令和７年１０月４日\n"
        "北朝鮮は、本日午前７時２２分頃、北朝鮮内陸部から、１発の弾道ミサイルを東北東方向に発射しました。\n"
        ""
        "発射された弾道ミサイルは、青森県上空を通過し、午前７時４４分頃、青森県の東約３，２００ｋｍの太平洋上に落下したものと推定されます。\n"
        "飛翔距離は約４，６００ｋｍ、最高高度は約１，０００ｋｍと推定されます。\n"
        "午前７時２９分、Ｊアラートにより北海道及び東京都の島しょ部に情報伝達を行いました。\n"
        "防衛大臣は、本日午前９時の記者会見で、今回の発射は２０１７年９月以来の我が国上空の通過であると述べました。\n",
        {
            "launch_date_local": "2025-10-04",
            "launch_times_local": ["07:22"],
            "count": 1,
            "range_km": [4600],
            "apogee_km": [1000],
            "landing": "pacific",
        },
    ),
    (
        "mod-ja-flash-title-year-count-and-navigation",
        "ja",
        "2025-12-01",
        "mod_jp",
        "ホーム ＞ 報道資料 ＞ お知らせ\n"
        "北朝鮮から弾道ミサイルの可能性があるものが発射されました\n"
        "本日午前１０時１８分頃、北朝鮮から弾道ミサイルの可能性があるものが発射されました。\n"
        "今後追加して情報が入った場合には、速やかに発表します。\n"
        "北朝鮮による弾道ミサイルの発射は本年１５回目であり、９月１５日以来となります。\n"
        "ページの先頭へ戻る\n",
        {
            "launch_date_local": "2025-12-01",
            "launch_times_local": ["10:18"],
            "count": None,
            "range_km": [],
            "missile_class": "ballistic",
        },
    ),
    (
        "mod-ja-yesterday-launch-with-analysis",
        "ja",
        "2025-08-21",
        "mod_jp",
        "北朝鮮の弾道ミサイル発射について\n"
        "令和７年８月２１日\n"
        "昨日午後１１時４分頃、北朝鮮は、新浦付近の海域から、１発の弾道ミサイルを東方向に発射しました。\n"
        "当該弾道ミサイルは、最高高度約５０ｋｍ程度で、変則軌道で約６００ｋｍ程度飛翔したものと推定されます。\n"
        "発射されたのはＳＬＢＭの可能性があり、北朝鮮は昨年１０月にもＳＬＢＭを発射し、約８００ｋｍ飛翔させています。\n"
        "専門家は、この種のミサイルは最大２，０００ｋｍ程度の射程を有する可能性があると指摘しています。\n"
        "防衛省としては、引き続き情報の収集・分析に努めてまいります。\n",
        {
            "launch_date_local": "2025-08-20",
            "launch_times_local": ["23:04"],
            "count": 1,
            "range_km": [600],
            "apogee_km": [50],
            "launch_site": "sinpo",
        },
    ),
    (
        "mod-ja-itemized-with-seoul-and-washington",
        "ja",
        "2025-04-16",
        "mod_jp",
        "北朝鮮のミサイル等関連情報（第３報）\n"
        "北朝鮮は、本日、以下のとおり弾道ミサイルを発射しました。\n"
        ""
        "①午前６時５３分頃、北朝鮮西岸付近から、１発の弾道ミサイルを東方向に発射。最高高度約５０ｋｍで、約３５０ｋｍ飛翔。\n"
        ""
        "②午前７時１０分頃、北朝鮮西岸付近から、１発の弾道ミサイルを東方向に発射。最高高度約４０ｋｍで、約３００ｋｍ飛翔。\n"
        "いずれも我が国ＥＥＺ外に落下したものと推定されます。\n"
        "本日午前９時、ソウル及びワシントンにおいて、日米韓の外交当局が対応を協議しました。\n"
        "北朝鮮は２０２２年に過去最多となる計３１発の弾道ミサイルを発射しています。\n",
        {
            "launch_date_local": "2025-04-16",
            "launch_times_local": ["06:53", "07:10"],
            "count": 2,
            "range_km": [350, 300],
            "apogee_km": [50, 40],
            "eez": "outside",
        },
    ),
    # --- ROK JCS / MND, Korean -----------------------------------------------------------------------
    (
        "jcs-ko-srbm-with-year-count-and-contact",
        "ko",
        "2025-05-08",
        "jcs_kr",
        "북한 탄도미사일 발사 관련 합참 공지\n"
        "2025. 5. 8.(목) 합동참모본부\n"
        "합참은 오늘 오전 6시 10분경 북한이 평안북도 정주 일대에서 동해상으로 "
        "발사한 단거리탄도미사일 2발을 포착하였습니다.\n"
        "북한 탄도미사일은 약 350여km를 비행하였으며, 세부 제원은 한미 정보당국이 정밀 분석 중에 있습니다.\n"
        "이는 올해 들어 5번째 탄도미사일 발사로, 북한은 지난 3월 14일에도 약 "
        "1,000km를 비행한 탄도미사일을 발사한 바 있습니다.\n"
        "우리 군은 감시 및 경계를 강화한 가운데 미국, 일본과 관련 정보를 긴밀하게 "
        "공유하면서 만반의 태세를 유지하고 있습니다.\n"
        "문의처: 합참 공보실 02-748-0000\n",
        {
            "launch_date_local": "2025-05-08",
            "launch_times_local": ["06:10"],
            "count": 2,
            "range_km": [350],
            "launch_site": "chongju",
            "landing": "sea_of_japan",
            "missile_class": "ballistic",
        },
    ),
    (
        "jcs-ko-icbm-with-nsc-time-and-capability",
        "ko",
        "2025-07-03",
        "jcs_kr",
        "[합참 보도자료] 북한 장거리탄도미사일 발사\n"
        "합참은 오늘 오전 8시 24분경 북한이 평양 일대에서 동해상으로 발사한 장거리탄도미사일 1발을 포착하였습니다.\n"
        "북한이 발사한 장거리탄도미사일은 고각으로 발사되어 약 1,000km를 비행하였습니다.\n"
        "정부는 오전 10시 국가안전보장회의(NSC) 상임위원회를 개최하였습니다.\n"
        "전문가들은 이 미사일이 정상 각도로 발사될 경우 사거리가 1만 5천km에 달해 "
        "미국 본토 전역을 타격할 수 있다고 분석했습니다.\n"
        "북한은 지난해 12월 18일 오전 8시 24분에도 화성-18형을 발사한 바 있습니다.\n",
        {
            "launch_date_local": "2025-07-03",
            "launch_times_local": ["08:24"],
            "count": 1,
            "range_km": [1000],
            "launch_site": "pyongyang",
            "missile_class": "icbm",
        },
    ),
    (
        "jcs-ko-window-with-condemnation-and-seoul",
        "ko",
        "2025-06-26",
        "jcs_kr",
        "북한 단거리탄도미사일 발사(2보)\n"
        "합참은 오늘 오전 7시 30분경부터 7시 39분경까지 북한이 황해북도 황주 일대에서 "
        "동해상으로 발사한 단거리탄도미사일 3발을 포착하였습니다.\n"
        "북한 탄도미사일은 각각 약 350km를 비행하였습니다.\n"
        "우리 군은 이번 북한의 탄도미사일 발사를 명백한 도발 행위로 강력히 "
        "규탄하며, 이를 즉각 중단할 것을 촉구합니다.\n"
        "국방부 장관은 오전 11시 서울 용산 청사에서 긴급 지휘관회의를 주관하였습니다.\n"
        "북한은 올해 들어 총 12발의 탄도미사일을 발사하였습니다.\n",
        {
            "launch_date_local": "2025-06-26",
            "launch_times_local": ["07:30", "07:39"],
            "count": 3,
            "range_km": [350],
            "launch_site": "hwangju",
        },
    ),
    (
        "jcs-ko-cruise-yellow-sea-previous-range",
        "ko",
        "2025-10-22",
        "jcs_kr",
        "북한 순항미사일 발사 관련\n"
        "합참은 오늘 오전 5시경 북한이 남포 일대에서 서해상으로 발사한 순항미사일 여러 발을 포착하였습니다.\n"
        "현재 한미 정보당국이 세부 제원을 분석 중입니다.\n"
        "북한은 지난 1월에도 순항미사일을 발사해 약 1,500km를 비행했다고 주장했습니다.\n"
        "관련 기사: [속보] 북한, 동해상으로 탄도미사일 2발 발사…600km 비행\n",
        {
            "launch_date_local": "2025-10-22",
            "launch_times_local": ["05:00"],
            "count": None,
            "count_qualifier": "multiple",
            "range_km": [],
            "missile_class": "cruise",
            "launch_site": "nampo",
            "landing": "yellow_sea",
        },
    ),
    (
        "jcs-ko-irbm-yesterday-with-japan-reference",
        "ko",
        "2025-10-05",
        "jcs_kr",
        "합참, 북한 중거리탄도미사일 발사 관련 입장\n"
        "합참은 어제 오전 7시 22분경 북한이 자강도 일대에서 동쪽 방향으로 발사한 "
        "중거리탄도미사일 1발을 포착하였습니다.\n"
        "북한 탄도미사일은 일본 상공을 통과하여 약 4,600km를 비행하였으며, 최고고도는 약 1,000km였습니다.\n"
        "일본 정부는 오전 7시 29분 전국순간경보시스템(J-Alert)을 발령하였습니다.\n"
        "이번 발사는 지난 2017년 9월 이후 처음으로 일본 열도를 넘어간 것입니다.\n",
        {
            "launch_date_local": "2025-10-04",
            "launch_times_local": ["07:22"],
            "count": 1,
            "range_km": [4600],
            "apogee_km": [1000],
            "missile_class": "ballistic",
        },
    ),
    (
        "jcs-ko-slbm-sinpo-with-expert-range",
        "ko",
        "2025-08-20",
        "jcs_kr",
        "북한 SLBM 발사\n"
        "합참은 오늘 오후 11시 4분경 북한이 함경남도 신포 인근 해상에서 동해상으로 발사한 "
        "잠수함발사탄도미사일(SLBM) 1발을 포착하였습니다.\n"
        "북한 SLBM은 약 600km를 비행하였으며, 정점고도는 약 50km로 탐지되었습니다.\n"
        "군 관계자는 북한이 2021년 10월에도 신포 해상에서 SLBM을 발사했다고 설명했습니다.\n"
        "일각에서는 이 미사일의 최대 사거리가 2,000km 이상일 것으로 추정하고 있습니다.\n"
        "ⓒ 합동참모본부. 무단 전재 및 재배포 금지\n",
        {
            "launch_date_local": "2025-08-20",
            "launch_times_local": ["23:04"],
            "count": 1,
            "range_km": [600],
            "apogee_km": [50],
            "launch_site": "sinpo",
            "missile_class": "slbm",
        },
    ),
    (
        "mnd-ko-response-statement-with-facts",
        "ko",
        "2025-03-19",
        "mnd_kr",
        "국방부, 북한 탄도미사일 발사 관련 입장\n"
        "2025년 3월 19일\n"
        "북한은 오늘 오후 4시 45분경 강원도 원산 일대에서 동해상으로 단거리탄도미사일 1발을 발사하였습니다.\n"
        "미사일은 약 400km를 비행한 후 동해상에 낙하하였습니다.\n"
        "국방부는 오후 6시 정례 브리핑에서 이번 발사가 유엔 안보리 결의 위반임을 지적하였습니다.\n"
        "북한은 지난 2월 27일 오전 7시 15분경에도 단거리탄도미사일 2발을 발사하였습니다.\n"
        "국방부는 북한의 추가 도발 가능성에 대비하여 한미 공조 하에 대비태세를 강화하고 있습니다.\n",
        {
            "launch_date_local": "2025-03-19",
            "launch_times_local": ["16:45"],
            "count": 1,
            "range_km": [400],
            "launch_site": "wonsan",
            "landing": "sea_of_japan",
        },
    ),
    (
        "jcs-ko-flash-first-report-with-navigation",
        "ko",
        "2025-12-01",
        "jcs_kr",
        "홈 > 알림마당 > 보도자료\n"
        "[1보] 북한, 동해상으로 미상 탄도미사일 발사\n"
        "합참은 오늘 오전 10시 18분경 북한이 동해상으로 미상 탄도미사일을 발사하였다고 밝혔습니다.\n"
        "추가 정보는 확인되는 대로 알려드리겠습니다.\n"
        "이는 올해 들어 15번째 탄도미사일 발사입니다.\n"
        "이전글: 북한, 9월 15일 탄도미사일 1발 발사(약 2,200km 비행)\n",
        {
            "launch_date_local": "2025-12-01",
            "launch_times_local": ["10:18"],
            "count": None,
            "range_km": [],
            "missile_class": "ballistic",
            "landing": "sea_of_japan",
        },
    ),
    (
        "jcs-ko-mlrs-with-previous-and-us-consultation",
        "ko",
        "2025-04-16",
        "jcs_kr",
        "북한 초대형방사포 발사 관련\n"
        "합참은 오늘 오전 6시 53분경 북한이 평양 순안 일대에서 동해상으로 발사한 "
        "근거리탄도미사일 4발을 포착하였습니다.\n"
        "북한이 발사한 미사일은 각각 약 300km를 비행하였습니다.\n"
        "합참의장은 오전 9시 워싱턴에 있는 미 합참의장과 화상통화를 하고 대응 방안을 협의하였습니다.\n"
        "북한은 지난해 총 25발의 탄도미사일을 발사한 바 있습니다.\n",
        {
            "launch_date_local": "2025-04-16",
            "launch_times_local": ["06:53"],
            "count": 4,
            "range_km": [300],
            "launch_site": "sunan",
        },
    ),
    (
        "jcs-ko-final-with-hokkaido-mention",
        "ko",
        "2025-09-15",
        "jcs_kr",
        "북한 탄도미사일 발사(최종보)\n"
        "합참은 오늘 오전 6시 57분경 북한이 평양 순안 일대에서 북동쪽으로 발사한 "
        "중거리급 이상 탄도미사일 1발을 포착하였습니다.\n"
        "북한 탄도미사일은 약 2,200여km를 비행하였으며 최고고도는 약 970km였습니다.\n"
        "일본 방위성은 이 미사일이 홋카이도 에리모곶 동쪽 약 2,100km 태평양에 떨어졌다고 발표하였습니다.\n"
        "합참은 오전 8시 30분 기자단에 관련 내용을 설명하였습니다.\n",
        {
            "launch_date_local": "2025-09-15",
            "launch_times_local": ["06:57"],
            "count": 1,
            "range_km": [2200],
            "apogee_km": [970],
            "launch_site": "sunan",
        },
    ),
    # --- English: MOD translations, wire reports, US statements, KCNA -------------------------------
    (
        "mod-en-release-with-year-total-and-contact",
        "en",
        "2025-05-08",
        "mod_jp",
        "North Korea's Missile Launches (2nd report)\n"
        "May 8, 2025\n"
        "Ministry of Defense\n"
        "At around 6:10 a.m. today, North Korea launched two ballistic missiles eastward from the vicinity of its "
        "west coast. The first flew about 300 km at a maximum altitude of about 50 km, and the second flew about "
        "350 km at a maximum altitude of about 60 km. Both are estimated to have fallen outside Japan's exclusive "
        "economic zone (EEZ).\n"
        "Including today's launches, North Korea has fired a total of 10 ballistic missiles this year. In March, "
        "North Korea fired a ballistic missile that flew about 1,000 km.\n"
        "The Minister of Defense held a press conference at 7:30 a.m.\n"
        "For more information, contact the Public Affairs Division, Ministry of Defense, +81-3-5366-3111.\n",
        {
            "launch_date_local": "2025-05-08",
            "launch_times_local": ["06:10"],
            "count": 2,
            "range_km": [300, 350],
            "apogee_km": [50, 60],
            "eez": "outside",
        },
    ),
    (
        "wire-en-yonhap-icbm-with-expert-and-earlier-launch",
        "en",
        "2025-07-03",
        "yonhap_en",
        "N. Korea fires ICBM toward East Sea: JCS\n"
        "SEOUL, July 3 (Yonhap) -- North Korea fired an intercontinental ballistic missile (ICBM) toward the East "
        "Sea on Thursday, South Korea's military said.\n"
        "The Joint Chiefs of Staff (JCS) said it detected the ICBM launched from the Pyongyang area at around "
        "8:24 a.m. The missile flew about 1,000 km on a lofted trajectory, the JCS said.\n"
        "Experts said the missile could travel 15,000 km if fired on a standard trajectory, putting the entire US "
        "mainland within range.\n"
        "It was the North's first ICBM launch since December, when it fired a Hwasong-18 that flew about 1,000 km.\n"
        "In March, North Korea fired an ICBM that flew 1,000 km.\n"
        "The National Security Council convened an emergency meeting at 10 a.m. in Seoul.\n"
        "Related articles: N. Korea fires 2 SRBMs into East Sea (May 8); "
        "N. Korea test-fires cruise missiles (Jan. 25)\n",
        {
            "launch_date_local": "2025-07-03",
            "launch_times_local": ["08:24"],
            "count": 1,
            "range_km": [1000],
            "launch_site": "pyongyang",
            "missile_class": "icbm",
        },
    ),
    (
        "indopacom-en-number-free-with-hawaii-and-pentagon",
        "en",
        "2025-07-02",
        "indopacom",
        "U.S. INDOPACOM Statement on DPRK Ballistic Missile Launch\n"
        "HONOLULU --\n"
        "We are aware of the ballistic missile launch and are consulting closely with our Republic of Korea and "
        "Japanese allies and partners.\n"
        "While we have assessed that this event does not pose an immediate threat to U.S. personnel or territory, "
        "or to our allies, the missile launch highlights the destabilizing impact of the DPRK's illicit programs.\n"
        "The Pentagon said earlier this year that North Korea's missiles are capable of reaching the U.S. mainland.\n"
        "The U.S. commitment to the defense of the Republic of Korea and Japan remains ironclad.\n"
        "Statement released at 3:30 p.m. Hawaii Standard Time.\n",
        {
            "launch_times_local": [],
            "count": None,
            "range_km": [],
            "apogee_km": [],
            "launch_site": None,
            "missile_class": "ballistic",
        },
    ),
    (
        "wire-en-jcs-srbm-this-is-nth-launch",
        "en",
        "2025-06-26",
        "yonhap_en",
        "N. Korea fires 3 short-range ballistic missiles into East Sea\n"
        "SEOUL, June 26 (Yonhap) -- North Korea fired three short-range ballistic missiles into the East Sea on "
        "Thursday, the Joint Chiefs of Staff said.\n"
        "The missiles were launched from the Hwangju area between 7:30 a.m. and 7:39 a.m. and flew about 350 km "
        "each, the JCS said.\n"
        "This is the sixth launch this year. North Korea has fired a total of 12 ballistic missiles so far this year.\n"
        "The JCS strongly condemned the launch and urged the North to stop its provocations immediately.\n"
        "Defense ministers of South Korea, the United States and Japan held a phone call at 11 a.m.\n",
        {
            "launch_date_local": "2025-06-26",
            "launch_times_local": ["07:30", "07:39"],
            "count": 3,
            "range_km": [350],
            "launch_site": "hwangju",
            "missile_class": "ballistic",
        },
    ),
    (
        "mod-en-icbm-okushiri-reference-and-capability",
        "en",
        "2025-07-03",
        "mod_jp",
        "North Korea's ICBM Launch\n"
        "At around 8:24 a.m. today, North Korea launched one ICBM-class ballistic missile eastward from the vicinity "
        "of Pyongyang. The missile flew for about 73 minutes and is estimated to have fallen at around 9:37 a.m. "
        "inside Japan's EEZ, about 200 km west of Oshima Peninsula, Hokkaido.\n"
        "The missile flew approximately 1,000 km at a maximum altitude of over 6,000 km.\n"
        "Depending on the weight of the warhead, the missile could have a range exceeding 15,000 km, which would "
        "put the entire U.S. mainland within reach.\n"
        "The National Security Council met at 10:00 a.m. in Tokyo.\n"
        "Prime Minister's instructions:\n"
        "- Make every effort to gather and analyze information and provide it to the public promptly.\n"
        "- Thoroughly confirm the safety of aircraft and vessels.\n",
        {
            "launch_date_local": "2025-07-03",
            "launch_times_local": ["08:24"],
            "count": 1,
            "range_km": [1000],
            "apogee_km": [6000],
            "apogee_qualifier": "over",
            "flight_minutes": 73,
            "missile_class": "icbm",
            "launch_site": "pyongyang",
            "eez": "inside",
        },
    ),
    (
        "wire-en-east-of-reference-and-previous-date",
        "en",
        "2025-03-19",
        "yonhap_en",
        "N. Korea fires ballistic missile from Wonsan\n"
        "SEOUL, March 19 (Yonhap) -- North Korea fired a short-range ballistic missile from the Wonsan area at "
        "around 4:45 p.m. Wednesday, the Joint Chiefs of Staff said.\n"
        "The missile flew about 400 km before landing about 200 km east of the Korean Peninsula's east coast.\n"
        "The launch came about three weeks after the North fired two short-range ballistic missiles at around "
        "7:15 a.m. on Feb. 27.\n"
        "South Korea's Defense Ministry briefed reporters at 6 p.m.\n"
        "(END)\n",
        {
            "launch_date_local": "2025-03-19",
            "launch_times_local": ["16:45"],
            "count": 1,
            "range_km": [400],
            "launch_site": "wonsan",
        },
    ),
    (
        "dod-en-pentagon-statement-with-washington-times",
        "en",
        "2025-10-04",
        "dod",
        "Statement by Pentagon Press Secretary on DPRK Launch\n"
        "WASHINGTON, Oct. 4, 2025 --\n"
        "The Department of Defense is aware of the DPRK's intermediate-range ballistic missile launch that passed "
        "over Japan earlier today.\n"
        "Secretary of Defense spoke with his Japanese and Republic of Korea counterparts at 9 p.m. Eastern time to "
        "discuss the launch.\n"
        "North Korea has launched more than 20 ballistic missiles this year, including a missile in March that "
        "flew more than 1,000 km.\n"
        "The department will continue to monitor the situation.\n",
        {
            "launch_times_local": [],
            "count": None,
            "range_km": [],
            "missile_class": "ballistic",
        },
    ),
    (
        "mod-en-jalert-time-and-erimo-reference",
        "en",
        "2025-09-15",
        "mod_jp",
        "Information on North Korea's Missile Launch\n"
        "At around 6:57 a.m. today, North Korea launched one ballistic missile from the vicinity of Sunan toward "
        "the northeast.\n"
        "At 7:04 a.m., information was transmitted to Hokkaido and Aomori Prefecture via J-Alert.\n"
        "The missile flew about 2,200 km at a maximum altitude of about 970 km and is estimated to have fallen "
        "into the Pacific Ocean about 2,200 km east of Cape Erimo, Hokkaido.\n"
        "No damage to aircraft or vessels has been reported at this time.\n"
        "Related: August 25 - North Korea launches ballistic missile (flew about 800 km)\n",
        {
            "launch_date_local": "2025-09-15",
            "launch_times_local": ["06:57"],
            "count": 1,
            "range_km": [2200],
            "apogee_km": [970],
            "launch_site": "sunan",
            "landing": "pacific",
        },
    ),
    (
        "wire-en-slbm-with-analysts-and-last-year",
        "en",
        "2025-08-21",
        "yonhap_en",
        "N. Korea fires SLBM off Sinpo: JCS\n"
        "SEOUL, Aug. 21 (Yonhap) -- North Korea fired a submarine-launched ballistic missile (SLBM) from waters "
        "off Sinpo at around 11:04 p.m. Wednesday, the Joint Chiefs of Staff said.\n"
        "The missile flew about 600 km at an apogee of about 50 km.\n"
        "Analysts said the missile is capable of traveling more than 2,000 km.\n"
        "Last October, the North launched an SLBM that flew some 800 km from the same area.\n"
        "Copyright (c) 2025 Yonhap News Agency. All rights reserved.\n",
        {
            "launch_date_local": "2025-08-20",
            "launch_times_local": ["23:04"],
            "count": 1,
            "range_km": [600],
            "apogee_km": [50],
            "launch_site": "sinpo",
            "missile_class": "slbm",
        },
    ),
    (
        "kcna-en-speech-mentions-other-weapons",
        "en",
        "2025-10-23",
        "kcna",
        "Kim Jong Un Observes Test-fire of New-type Strategic Cruise Missiles\n"
        "Pyongyang, October 23 (KCNA) -- The Missile Administration conducted a test-fire of new-type strategic "
        "cruise missiles on Wednesday.\n"
        "The cruise missiles flew 1 500 km along elliptical and figure-8 orbits over the West Sea of Korea for "
        "7 800 seconds and hit the target.\n"
        "Watching the test, Kim Jong Un recalled that the Hwasongpho-18 had flown 1 002 km for 4 415 seconds last "
        "year.\n"
        "He said that the ICBMs capable of striking 15 000 km away would be deployed, and that the super-large "
        "rocket launchers tested in May would be mass-produced.\n"
        "He set forth the tasks for further bolstering up the nuclear war deterrent.\n",
        {
            "launch_date_local": "2025-10-22",
            "range_km": [1500],
            "flight_minutes": 130,
            "missile_class": "cruise",
        },
    ),
    (
        "kcna-en-salvo-with-past-drill-in-speech",
        "en",
        "2025-04-17",
        "kcna",
        "Artillerymen Conduct Firing Drill of Super-large Rocket Launchers\n"
        "Pyongyang, April 17 (KCNA) -- A firing drill of super-large rocket launchers was conducted on April 16.\n"
        "Four rockets flew 300 km and accurately hit an island target in the East Sea of Korea.\n"
        "Kim Jong Un noted that the unit had fired 18 rockets in a drill held in March last year, and called for "
        "more drills.\n"
        "He said the launchers could strike targets 400 km away.\n",
        {
            "launch_date_local": "2025-04-16",
            "count": 4,
            "range_km": [300],
            "missile_class": "mlrs",
        },
    ),
    # --- the statement itself set against earlier launches: it still states this launch ------------
    (
        "mod-ja-statement-sentence-counts-the-year-too",
        "ja",
        "2025-11-12",
        "mod_jp",
        "北朝鮮の弾道ミサイル発射について\n"
        "令和７年１１月１２日\n"
        "北朝鮮は、本日午前９時１２分頃、今年に入って１６回目となる弾道ミサイル１発を、北朝鮮西岸付近から東方向に発射しました。\n"
        "発射された弾道ミサイルは、最高高度約８０ｋｍ程度で、約５００ｋｍ程度飛翔したものと推定されます。\n"
        "北朝鮮は前回、１０月２２日午前５時頃に巡航ミサイルを発射しています。\n"
        "防衛大臣は午前１０時３０分から記者会見を行いました。\n"
        "【問い合わせ先】防衛省 報道室\n",
        {
            "launch_date_local": "2025-11-12",
            "launch_times_local": ["09:12"],
            "count": 1,
            "range_km": [500],
            "apogee_km": [80],
            "missile_class": "ballistic",
        },
    ),
    (
        "jcs-ko-statement-sentence-counts-the-year-too",
        "ko",
        "2025-11-12",
        "jcs_kr",
        "북한 탄도미사일 발사 관련 합참 공지\n"
        "합참은 올해 들어 16번째로 북한이 오늘 오전 9시 12분경 평안남도 숙천 일대에서 "
        "동해상으로 발사한 단거리탄도미사일 1발을 포착하였습니다.\n"
        "북한 탄도미사일은 약 500km를 비행하였습니다.\n"
        "북한은 지난 10월 22일에도 서해상으로 순항미사일 여러 발을 발사한 바 있습니다.\n"
        "합참은 오전 10시 30분 브리핑에서 추가 발사 가능성에 대비하고 있다고 밝혔습니다.\n"
        "문의처: 합참 공보실\n",
        {
            "launch_date_local": "2025-11-12",
            "launch_times_local": ["09:12"],
            "count": 1,
            "range_km": [500],
            "launch_site": "sukchon",
            "landing": "sea_of_japan",
        },
    ),
    (
        "wire-en-statement-sentence-counts-the-year-too",
        "en",
        "2025-11-12",
        "yonhap_en",
        "N. Korea fires ballistic missile, 16th launch this year\n"
        "SEOUL, Nov. 12 (Yonhap) -- North Korea fired a short-range ballistic missile from the Sukchon area at "
        "around 9:12 a.m. today, its 16th launch so far this year, the Joint Chiefs of Staff said.\n"
        "The missile flew about 500 km before falling into the East Sea, the JCS said.\n"
        "In October, the North fired several cruise missiles that it said flew 1,500 km.\n"
        "The JCS briefed reporters at 10:30 a.m.\n"
        "Related articles: N. Korea fires 2 SRBMs into East Sea (May 8)\n",
        {
            "launch_date_local": "2025-11-12",
            "launch_times_local": ["09:12"],
            "count": 1,
            "range_km": [500],
            "launch_site": "sukchon",
        },
    ),
]

# Words that mark a line of these documents as a distractor (background, another launch, a meeting,
# an alert, an analyst's claim, boilerplate): no field's evidence may come from such a line.
DISTRACTOR_CUES = (
    *("本年に入り", "前回", "昨年", "以来", "過去最多", "記者会見", "Ｊアラート", "国家安全保障会議", "関連記事"),
    *("専門家", "総理", "問い合わせ", "電話会談", "協議しました", "弾頭の重量"),
    *(
        "올해 들어 총",
        "이는 올해",
        "지난",
        "브리핑",
        "전문가",
        "관련 기사",
        "이전글",
        "국가안전보장회의",
        "화상통화",
        "문의처",
    ),
    *("기자단", "J-Alert", "일각에서는"),
    *("Related", "In March", "Last October", "Experts", "Analysts", "press conference", "recalled", "noted"),
    *("could", "a total of", "earlier this year", "phone call", "spoke with", "came about", "released at"),
    *("For more information", "National Security", "In October", "briefed"),
)


def _distractor_lines(text: str) -> list[tuple[int, int]]:
    spans, at = [], 0
    for line in text.splitlines(keepends=True):
        if any(cue in line for cue in DISTRACTOR_CUES):
            spans.append((at, at + len(line)))
        at += len(line)
    return spans


@pytest.mark.parametrize(("case", "lang", "published", "source", "text", "expected"), CASES, ids=[c[0] for c in CASES])
def test_full_document(case, lang, published, source, text, expected):
    assert_statement(text, lang, published, source, expected)
    report = extract(text, lang=lang, published=published, source=source)
    from_distractors = [
        (ev.field, ev.text) for ev in report.evidence if any(a <= ev.start < b for a, b in _distractor_lines(text))
    ]
    assert from_distractors == []


def test_every_document_has_its_distractor_lines():
    # the check above means something only where there are distractors to avoid
    assert all(_distractor_lines(c[4]) for c in CASES)


def test_at_least_thirty_full_length_documents_in_three_languages():
    langs = [c[1] for c in CASES]
    assert len(CASES) >= 30 and all(langs.count(code) >= 10 for code in ("ja", "ko", "en"))
    sentence_counts = [len([x for x in re.split(r"[。.!?\n]\s*", c[4]) if len(x.strip()) > 3]) for c in CASES]
    assert min(sentence_counts) >= 5
