"""Korean: how the ROK Joint Chiefs of Staff (합참) and Korean media word a launch.

Patterns run on NFKC-normalized text. Korean glues particles to numbers and nouns
(1발을, 350여km를, 일대에서), so patterns allow them where they fall.
"""

from .schema import Lang

_DIRS = "동서남북"
_CORRECTED = r"(?:로|으로)\s*(?:정정|수정|변경|상향|하향)"  # 약 600km로 정정: the value it was corrected to

_BEARINGS = {
    "북": 0,
    "북동": 45,
    "동북": 45,
    "동": 90,
    "남동": 135,
    "동남": 135,
    "남": 180,
    "남서": 225,
    "서남": 225,
    "서": 270,
    "북서": 315,
    "서북": 315,
}

LANG = Lang(
    code="ko",
    tokenizer="korean",
    # 다. / 요. ; whitespace after . ! ? before Hangul, a digit or a list mark; line breaks. It starts with
    # the character it ends on, so that re skips ahead to the next full stop or space.
    sentence_end=r"[.\s](?:(?<=[다요]\.)(?=\s|$)|(?<=[.!?]\s)\s*(?=[\uac00-\ud7a3\d(\[□○*-])|(?<=\n)\n*)",
    stop_then_space=True,
    # Korean glues particles (평양에서, 북한이) and place nouns (순안일대) to the word before them; split off, the
    # gazetteer sees the name. 도 and 만 stay: they end names (평안북도, 원산만). Headlines shorten 에서 to 서 (순안서).
    word_suffixes=r"(?P<stem>[\uac00-\ud7a3]{2,}?)(?P<noun>일대|인근|부근|일원|지역|근해|해상)?"
    r"(?P<part>에서는|에서도|에서|으로는|으로|로는|로|에는|에게|에|은|는|이|가|을|를|의|와|과|부터|까지|께서|이며|이고|서)?",
    number_scales={"만": 10000, "천": 1000, "백": 100},  # 1천km, 4천500km, 6천1백km, 1만5000km (media style)
    number_words={"한": 1, "두": 2, "세": 3, "네": 4, "다섯": 5, "여섯": 6, "일곱": 7, "여덟": 8, "아홉": 9, "열": 10},
    units={
        "km": ("distance", 1.0),
        "킬로미터": ("distance", 1.0),
        "㎞": ("distance", 1.0),
        "마일": ("distance", 1.609344),
        "해리": ("distance", 1.852),
        "초": ("duration", 1 / 60),
        "분": ("duration", 1.0),
        "분간": ("duration", 1.0),
        "시간": ("duration", 60.0),
    },
    qual_pre={"약": "approx", "대략": "approx", "최소": "at_least", "최대": ""},
    qual_post={
        "이상": "at_least",
        "이하": "at_most",
        "미만": "at_most",
        "가량": "approx",
        "정도": "approx",
        "안팎": "approx",
        "내외": "approx",
        "초과": "over",
    },
    qual_infix={"여": "approx"},
    # 400km에서 600km로 정정: a correction from one value to the other, no interval
    interval_sep=r"~|-|에서(?![^.]{0,25}?" + _CORRECTED + ")",
    distance_roles={
        # 당초 발표한 약 400km에서 약 600km로 정정: the value corrected away is no longer stated
        "corrected_away": ("skip", None, r"^\s*(?:에서|으로부터)\s*[^.]{0,25}?" + _CORRECTED),
        "corrected_apogee": ("apogee", r"고도[^.]{0,40}$", r"^\s*" + _CORRECTED),
        "corrected_range": ("range", None, r"^\s*" + _CORRECTED),
        "impact_point_bearing": ("skip", rf"[{_DIRS}]쪽?\s*(?:방향\s*)?$|[{_DIRS}]방\s*$", None),
        "target_line": (
            "range",
            None,
            r"^\s*(?:계선|밖의?\s*(?:[가-힣]+\s+){0,2}목표)",
        ),  # 1500km 계선의 목표 수역에 탄착
        # 최고고도가 역대 최고인 4500km: a few words may stand between the word and the number
        "apogee_word": ("apogee", r"(?:정점|최고|최대)?\s*고도(?:는|가|를)?\s*(?:[가-힣]+\s+){0,2}$", None),
        # 사거리 5500km 이상, 사거리는 약 1만3000km로 추산된다: what the missile could reach, not its flight
        "capability_range": (
            "skip",
            r"사(?:정)?거리(?:는|가)?\s*$",
            r"^\s*(?:이상|의\s|(?:으?로|까지)\s*(?:추산|추정|평가|늘|연장)|에\s*(?:이르|달)|급)",
        ),
        "range_word": ("range", r"(?:비행\s*|(?<![가-힣]))거리(?:는|가)?\s*$|사거리(?:는)?\s*$", None),
        # 약 500km의 비행 거리로, 1,001.2km 거리를 비행: the distance word after the number
        "distance_word_after": ("range", None, r"^\s*(?:의\s*)?(?:비행\s*)?거리(?:를|로|에|는)?(?![가-힣])"),
        # 1,001.2km를 5,156초간 비행: the flight's duration may stand between
        "flew_after": ("range", None, r"^\s*(?:를|을)?\s*(?:[\d,.]+\s*(?:초|분|시간)\s*(?:간|동안)?\s*)?(?:비행|날아)"),
    },
    # 350km, 400여km를 / 약 450㎞, 두 번째 미사일은 400여 km를: a list, its items maybe named
    list_joiner=r"^\s*(?:,|및|과|와|그리고|,\s*그리고)\s*(?:(?:[\uac00-\ud7a3]+\s+){0,3}[\uac00-\ud7a3]+(?:은|는)\s*)?$",
    duration_roles={
        "clock_hours": ("skip", r"\d\s*시\s*$", None),
        "flew_for": ("flight", None, r"^\s*(?:동안|간)?\s*(?:을|를)?\s*(?:비행|날아)"),
        "flight_time_word": ("flight", r"비행\s*시간(?:은|이)?\s*$", None),
    },
    duration_joiner=r"\s*(?:,\s*)?",  # 1시간 10분
    speed={
        "mach": r"마하\s*(?P<n>\d+(?:\.\d+)?)(?:\s*(?:~|-|에서)\s*(?:마하\s*)?(?P<n2>\d+(?:\.\d+)?))?",
        "times_sound": r"음속의\s*(?:약\s*)?(?P<n3>\d+(?:\.\d+)?)\s*배",  # 음속의 10배: Mach 10
    },
    speed_block=r"수\s*있|능력|가능|설계",
    times={
        "clock": r"(?P<ap>오전|오후|새벽|밤|저녁|아침)?\s*(?P<h>\d{1,2})\s*시(?!간)\s*"
        r"(?:(?P<m>\d{1,2})\s*분|(?P<half>반)|(?P<band>대)(?=\s*(?:에|의|부터|로|$)))?\s*(?P<about>경|께|쯤|무렵)?",
        "noon": r"(?P<hw>정오|자정)\s*(?P<about>경|께|쯤|무렵)?",
    },
    hour_words={"정오": 12, "자정": 0},
    time_minutes_only=r"\s*(?:부터|~)\s*(?P<m>\d{1,2})\s*분",
    ampm={"오전": "am", "오후": "pm", "새벽": "am", "밤": "pm", "저녁": "pm", "아침": "am"},
    time_joiner=r"^\s*(?:경|께|쯤)?\s*(?:부터|~|-|과|와|및|,|그리고)\s*$",
    # a window notified for days to come ("발사 시간은 매일 오전 7시~12시") is no launch's time
    time_skip_sentence={"daily_window": r"매일"},
    time_cues={
        "launch_word": (r"발사|포착|탐지", "launch"),
        # the time of a briefing, a meeting, a call or an alert named between the time and the launch word
        "impact_or_announcement": (
            # 보도, 밝히며: the time North Korea announced at; 진입: the time a satellite entered orbit
            r"낙하|탄착|떨어|통과|소실|발표|공지|경보|브리핑|회의|회견|통화|협의|발령|개최|보도|밝히며|진입",
            "other",
        ),
    },
    time_search=("right", "left"),
    dates={
        "calendar": r"(?:(?P<y>\d{4})\s*년\s*)?(?P<mo>\d{1,2})\s*월\s*(?P<d>\d{1,2})\s*일",
        "relative": r"(?P<rel>오늘|금일|어제|전날|그제|오늘\s*새벽|어젯밤|이날|같은\s*날|당일)",
        "day_of_month": r"(?<![\d.월])(?P<d>\d{1,2})\s*일(?![\uac00-\ud7a3]*간|부터|까지)",  # 17일 (this month)
    },
    stamps={
        "stamp_word": r"(?:입력|수정|승인|게재|등록|업데이트|최종\s*수정|기사\s*입력)\s*:?\s*[^\n]{0,30}?\d{1,2}:\d{2}"
        r"(?::\d{2})?",
        # a date with its year in figures and a 24-hour time right after it: machine-written, never prose
        "numeric": r"\b\d{4}[./-]\s?\d{1,2}[./-]\s?\d{1,2}\.?\s*\(?\s*\d{1,2}:\d{2}(?::\d{2})?\s*\)?",
    },
    # 조선중앙통신은 11일 …; … 발사했다고 노동신문이 15일 보도했다
    # a name glossed in brackets is still the name: 합동참모본부(합참)는 2일
    report_day_left=r"(?:{AUTH}|통신|신문|매체|당국)(?:\([^()]{1,20}\))?\s*(?:은|는|이|가)\s*$",
    report_day_right=r"\s*(?:보도|발표|밝혔|전했|공개)",
    anchored_days=(
        "전날",
        "이날",
        "같은 날",
        "당일",
    ),  # counted from the day the source reported on, if the text names one
    relative_days={
        "오늘": 0,
        "금일": 0,
        "오늘 새벽": 0,
        "어제": -1,
        "전날": -1,
        "어젯밤": -1,
        "그제": -2,
        "이날": 0,
        "같은 날": 0,
        "당일": 0,
    },  # fmt: skip
    actors={
        "north_korea": (
            r"(?:북한군?|북측|북|김정은(?:\s*국무위원장|\s*위원장)?)(?=\s*(?:은|는|이|가|도|측|의)(?![\uac00-\ud7a3]))",
            "north_korea",
        ),
        "other_state": (
            r"(?:미국|미군|미\s*(?:공군|해군|육군|우주군)|주한미군|한국군?|우리\s*군|한미|일본|자위대|중국|러시아|인도|이란)"
            r"(?=\s*(?:은|는|이|가|도|측)(?![\uac00-\ud7a3]))",
            "other_state",
        ),
    },
    # 합참은 북한이 …: who tells of it or watches it (밝혔다, 포착했다) does not launch
    # (the topic, 은/는, is who the sentence's last verb is about; a subject, 이/가, what follows it closely)
    actor_speaks=r"\s*(?:(?:은|는|도)[^.]*?|(?:이|가)[^.]{0,40}?)(?:밝혔|밝히|발표|전했|보도|포착|탐지|규탄|분석|평가|말했)",
    munitions={
        # 잠수함발사탄도미사일: the launch word in the name is no launch
        "missile": (
            r"잠수함\s*발사\s*탄도미사일|탄도미사일|순항미사일|미사일|발사체|방사포|로켓|SRBM|ICBM|IRBM|SLBM",
            "missile",
        ),
        "counted_rounds": (r"\d+\s*발|수\s*발|여러\s*발|[한두세네]\s*발", "missile"),
        "satellite": (r"(?<!방)위성|우주발사체", "satellite"),  # 방위성 (Japan's defense ministry) is no satellite
        "artillery": (r"해안포|(?<!방사)포탄|곡사포|자주포|포사격|포격", "artillery"),  # a gun barrage: no missile
    },
    launch_cue={
        "fired": r"발사|쏘아|쏘았|쐈|쏜|사격",
        "flew": r"비행(?!기|장|금지)",  # 미사일은 약 450km를 비행: it flew
        "strike_drill": r"타격\s*훈련",  # 전술탄도미사일 합동타격훈련: they fired
    },
    launch_block_right={
        "facility": r"대|차량|관(?!련)|장",  # 발사대 (차량), 발사관, 발사장: launchers, tubes and sites, not a launch
        # 발사할 가능성, 발사 징후, 발사를 준비하는 정황: no launch yet
        "possibility_or_sign": r"할\s*(?:가능성|수|것|계획|예정|준비)|하려|하기\s*위|"
        r"\s*(?:를|을)?\s*(?:가능성|징후|준비|계획|예정|임박|예고|정황)",
        "anniversary": r"\s*\d+\s*주년",  # 시험발사 8주년: no launch now
        "negation": r"\s*(?:를|을)?\s*하지\s*(?:않|못)",  # 발사하지 않았다
        "stopped": r"\s*(?:를|을|등)?[^.]{0,12}?(?:자제|중단|유예|멈추|멈춘|포기)",  # 발사 등 도발 자제할 듯
        "notice": r"(?:하겠다|할\s*것|하기로)[^.]{0,20}?(?:통보|예고|통지)",  # 발사하겠다고 통보: announced beforehand
    },
    link_window=200,
    background_sentence={
        # a condemnation is about another event, unless what it condemns is the launch itself
        # ("…발사했다며 이를 강력히 규탄했다": 이를 is the launch just told)
        "condemnation": r"(?<!발사를 )(?<!발사를 강력히 )(?<!발사를 강력하게 )(?<!이를 )(?<!이를 강력히 )"
        r"(?<!이를 강력하게 )규탄|성명을|유감을|강력히\s*촉구",
        # related-article and previous-post lines
        "related_line": r"^\s*(?:관련\s*기사|이전\s*글|다음\s*글|관련\s*뉴스)",
        # a picture's caption or credit: what it shows may be any launch (▲ …, (사진=연합뉴스), 사진은 …)
        "caption": r"^\s*▲|[(\[]\s*사진\s*[=/:]|사진\s*(?:은|=)|ⓒ",
    },
    # other launches: the year so far (올해 들어 N번째), earlier ones (지난 3월 14일에도, 지난해, 2017년 이후 처음)
    # (but 올해 들어 첫 / N번째 numbers this launch among them; 국경에도, 대부분에도 are no dates)
    other_launch_sentence={
        "year_so_far": r"올해\s*들어(?!\s*(?:첫|\d+\s*번째|[두세네]\s*번째))",
        "earlier_years": r"지난\s*해",
        # 지난 5일에도, 5일 오전 7시께에도: another day's launch (오후 4시 30분경에도 alone: a second one of this day)
        "another_time_also": r"(?:\d\s*(?:일|월|년)(?:[^.,]{0,12}?(?:시|분)\s*(?:경|께|쯤)?)?|작년)에도",
        "previous": r"이후\s*처음",
        # 앞서 북한은 지난달 25일 …: an earlier launch (앞서 … 어제 … 발사: this one; 앞서 합참은 …: an earlier report
        # of it)
        "earlier": r"^\s*앞서(?!\s*,?\s*(?:\S+\s+)?(?:{AUTH}))",
        # 지난 2일에는 …: another day, set against this one
        "another_day": r"(?:\d\s*일|지난달|지난주|지난\s*주말)\s*에는",
        # … 이후 20일 만이다, 발사 사흘만: this launch counted from an earlier one
        "gap_since": r"(?:\d+\s*(?:일|개월|년|주)|이틀|사흘|나흘|열흘|보름)\s*만"
        r"(?:에|이다|으로|의|$|(?![\uac00-\ud7a3]))",
    },
    general_launch_sentence={
        # launches counted over a time: 6월까지 31발, 역대 최다, 여러 차례
        "tally": r"역대\s*(?:가장\s*)?(?:많은|최다)|까지\s*(?:총\s*)?\d+\s*발|\d+\s*(?:번|차례)\s*(?:성공|실패)|"
        r"(?:올해|올\s*들어)[^.]{0,20}?(?:지금까지|현재까지|이제까지)|"
        r"총\s*\d+\s*(?:번|차례)|(?:여러|수)\s*차례",
        "habitual": r"매년|해마다|통상|종종|수시로|주로",  # what it does as a rule
        "recently": r"최근(?:에는|에도|들어|까지|\s)",  # 최근에는 …을 시험 발사했지만: recent launches in general
    },
    periods={
        # 2016년, 2022년 6월 (not 2016년 8월 24일: a date)
        "year": r"(?P<y>(?:19|20)\d\d)\s*년(?:\s*(?P<mo>\d{1,2})\s*월(?!\s*\d{1,2}\s*일))?(?!\s*\d{1,2}\s*월)",
        "last_month": r"지난\s*(?P<mo>\d{1,2})\s*월(?!\s*\d{1,2}\s*일)",  # 지난 8월
    },
    # 쏘아 올린 바 있다: a past fact, never this launch (예상한 바 있는 수준: no launch told as past)
    past_launch_sentence={"has_launched": r"(?:발사|쏘아\s*올|쏘|쐈)[^\s.]{0,5}\s*바\s*있(?:습니다|다|으며|었)"},
    background_carry=r"^\s*(?:당시|그때|이때)\b",  # 당시 북한의 탄도미사일은 …
    this_launch_marker=r"오늘|금일|어제|이날",
    flash_cues=r"비행\s*중|추가\s*정보",
    stage_words={
        "final_word": (r"최종보", "final"),
        "flash_word": (r"\(?1보\)?|속보|첫\s*보고|최초\s*보고", "flash"),
        "followup_word": (r"\(?[2-9]보\)?|후속", "followup"),
    },
    counts={
        # 1발씩 counts per launch (count_each)
        "bal": r"(?P<q>최소|약|총)?\s*(?P<n>\d+|[한두세네])\s*(?P<qin>여)?\s*발(?!사|표|견|생|전|언|효|레|씩)",
        "several": r"(?P<multi>(?:수십|수백|십수|수|여러)\s*(?:여\s*)?발(?!사|표)|다수의\s*(?:탄도)?미사일)",
    },
    count_words={"최소": "at_least", "약": "approx", "총": "total"},
    # …중 1발; 약 800km를 비행한 1발은: one of them, named by what it did after launch
    count_subset_left=r"(?:중|가운데)\s*(?:최소)?\s*$|(?:비행|낙하|탄착|상승)한\s*$",
    count_of_day=r"[^.,]{0,30}",  # 지난 5일의 3발 동시 발사, 지난달 31일 새벽 단거리탄도미사일 18발을
    # 오후 4시 32분경에도 …1발을, 1발을 추가로 발사: fired apart from those counted before (not 동해상에도)
    count_also_left=r"(?:(?:시|분|경|쯤|께|오전|오후|밤|새벽)에도|추가로|또다시)[\s,][^.]{0,40}$",
    count_also_right=r"^\s*(?:을|를)?\s*(?:추가로|추가\s*발사|더\s*발사)",
    count_each=r"(?P<n>\d+|[한두세네])\s*발씩",
    classes={
        "satellite": (r"(?<!방)위성\s*(?:발사|을\s*발사)|우주발사체|군사정찰위성", "satellite_launch"),
        # JCS: 장거리탄도미사일(ICBM); 중장거리 (intermediate-to-long range) is an IRBM
        "icbm": (r"대륙간탄도미사일|(?<!중)장거리탄도미사일|ICBM", "icbm"),
        "slbm": (r"잠수함발사탄도미사일|SLBM|잠수함에서\s*(?:[\uac00-\ud7a3]+\s+){0,2}탄도미사일", "slbm"),
        "hypersonic": (r"극초음속", "hypersonic"),
        "cruise": (r"순항미사일", "cruise"),
        "anti_air": (r"지대공미사일|대공미사일|반항공\s*미사일", "anti_air"),
        "rocket_launcher": (r"방사포|다연장로켓", "mlrs"),
        "ballistic": (r"(?:단거리|준중거리|중거리|중장거리)?탄도미사일|SRBM|IRBM|MRBM", "ballistic"),
        "artillery": (r"해안포|(?<!방사)포탄|곡사포|자주포|포사격|포격", "artillery"),
        "bare_missile": (r"미사일", "generic"),  # a 발사체 (projectile) of no stated kind has no class at all
    },
    # SLBM으로 추정되는, 잠수함발사탄도미사일(SLBM)로 추정되는: a presumed class yields to the stated one
    class_hedge_right=r"^\s*\)?\s*(?:\([^)]{0,12}\))?\s*(?:로|으로)?\s*(?:추정|추정되는|보이는|의\s*가능성)",
    areas={
        "place_noun_from": r"(?<![\uac00-\ud7a3A-Za-z0-9])"
        r"(?P<area>[\uac00-\ud7a3A-Za-z]+(?:\s+[\uac00-\ud7a3A-Za-z]+){0,3}\s*"
        r"(?:일대|인근|부근|지역|해상|근해|앞바다|교외|발사장|비행장|공항))(?:의\s*(?:잠수함|함정|구축함|함선|전투함))?\s*에서",
    },
    # (신포 동북방 동해상 is a place the launch came from; 동해상 alone, the sea)
    area_reject=r"\d|^\s*(?:동해|서해)|북한이|합참",
    area_strip=r"^(?:(?:오늘|어제|금일|전날|그제|이날|새벽|오전|오후|밤|아침|저녁|낮|(?:정오|자정)\s*(?:경|께|쯤)?|북한은|북한이|북한군은|"
    r"북한군이|북은|북이|(?:탄도)?미사일(?:은|이|들은|들이)|발사체(?:는|가))\s+)+",  # (the missile, the subject)
    # 평양에서, 평안남도 숙천에서, 순안 인근으로부터: a gazetteer place the launch came from
    # 평양 순안서, 신포 앞바다서: headlines shorten 에서 to 서
    # 신포 인근 해상의 잠수함에서, 남포 앞바다의 구축함에서: the vessel stood off that place
    area_gazetteer_right=r"(?P<wide>\s*(?:일대|인근|부근|일원|지역|근처|지방|앞바다|해상|근해))?"
    r"(?:의\s*(?:잠수함|함정|구축함|함선|전투함))?\s*(?:에서|으로부터|로부터|"
    r"서(?![\uac00-\ud7a3]))",
    area_gazetteer_widen=r"(?:[\uac00-\ud7a3]+(?:남도|북도|도|시)\s+)?(?:[\uac00-\ud7a3]+(?:군|구역)\s+)?$",
    # (북방한계선, the Northern Limit Line, is no bearing)
    direction={"bearing_words": rf"(?P<dir>[{_DIRS}]{{1,2}}(?:쪽|\s?방향|방(?!한계선)))(?:\s*으로|\s*을\s*향해)?"},
    direction_split=r"및|,",
    bearings={d + suffix: b for d, b in _BEARINGS.items() for suffix in ("", "쪽", "방향", " 방향", "방")},
    landing_clause=r"낙하|탄착|떨어|발사|비행|쏘|쐈|쏜",
    landings={
        "pacific": (r"태평양", "pacific"),
        # 동해안 인근 해상: near North Korea's coast (MOD's 東岸付近), ranked before the open sea
        "near_east_coast": (r"동해안\s*(?:인근|부근|근해|가까이)", "near_east_coast"),
        "sea_of_japan": (r"동해(?!안)|일본\s*EEZ", "sea_of_japan"),
        "yellow_sea": (r"서해(?!위성)|황해", "yellow_sea"),  # not the 서해위성발사장 (Sohae) launch site
    },
    over_japan=r"일본\s*(?:열도|상공)을?\s*(?:통과|넘어)",
    eez={
        "inside": (r"(?:배타적\s*경제수역|EEZ)(?:\s*\(EEZ\))?\s*(?:안|내)(?!륙)", "inside"),
        "outside": (r"(?:배타적\s*경제수역|EEZ)(?:\s*\(EEZ\))?\s*(?:밖|외|바깥)", "outside"),
        # EEZ 내 낙하는 확인되지 않았다: nothing seen inside
        "not_confirmed": (
            r"(?:배타적\s*경제수역|EEZ)(?:\s*\(EEZ\))?\s*(?:안|내)[^.]{0,20}?(?:낙하|떨어|비행)[^.]{0,12}?"
            r"확인(?:되지|된\s*바)\s*(?:않|없)",
            "none_seen",
        ),
    },
    # (1), 1번째, 첫 번째 미사일은 ..., 두 번째 미사일은 ...
    item_marker=r"\((\d{1,2})\)|(?:^|\s)(\d)\s*(?:번째|번)|(?:^|\s)(첫|두|세|네|다섯)\s*번째",
    ordinals={"첫": 1, "두": 2, "세": 3, "네": 4, "다섯": 5},
    list_sep=", ",
    authorities={
        "jcs": ("합참", "합동참모본부", "우리 군", "군 당국"),
        "mnd_kr": ("국방부",),
        "mod_jp": ("일본 방위성", "방위성", "일본 정부"),
        "kcna": (
            "조선중앙통신",
            "조선중앙TV",
            "조선중앙텔레비전",
            "노동신문",
            "북한 매체",
            "북한 관영매체",
            "북한 관영 매체",
        ),
        # the government's and the allies' joint assessments are none of the military authorities'
        "other": ("정부", "우리 정부", "외교부", "통일부", "한미일", "한미"),
        "indopacom": ("인도태평양사령부",),
        "dod": ("미 국방부", "펜타곤"),
    },
    speaker={
        "authority_says": r"(?P<a>{AUTH})(?:\([^()]{1,20}\))?\s*(?:은|는|이|가|도|역시|에\s*따르면|에\s*의하면)",
        # a wire passing on an authority's words: "교도통신은 일본 방위성을 인용해 …"
        "citing": r"(?P<a>{AUTH})(?:\([^()]{1,20}\))?\s*(?:을|를)\s*인용(?:해|하여|한)",
    },
    speaker_coordination=r"(?P<a>{AUTH})\s*(?:와|과|및|,)\s*$",  # 일본 방위성과 합참은 …고 밝혔다
    # North Korea announcing its own launch ("북한은 …고 발표했다"), unless an authority names it ("합참은 북한이 …");
    # only as the topic (은, 도): "북한이 발사한 …에 대해 …고 발표" is another's announcement
    speaker_state=r"^(?:(?!{AUTH})[^.]){0,60}?(?<!\S)(?P<a>북한|북)\s*(?:은|도|역시)\s+"
    r"(?=(?:(?!{AUTH})[^.]){0,250}?(?:발표|주장|자평|밝히며|통해\s*밝혔))",
    # "…1발을 발사했다. 합참이 이날 밝혔다.": the attribution in a sentence of its own
    speaker_alone=r"^[^.]{0,30}?(?:밝혔다|발표했다|전했다|보도했다|설명했다)\.?\s*$",
    hedge=r"것으로\s*알려|전해졌다",
    # a source that is none of the authorities ("연합뉴스에 따르면", "군 관계자는"); an announcement already
    # attributed goes on ("발표에 따르면")
    other_source=r"(?<!발표)에\s*(?:따르면|의하면)|관계자|전문가|소식통|분석가",
)
