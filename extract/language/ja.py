"""Japanese: how the Ministry of Defense (and Japanese media) word a launch.

Patterns run on NFKC-normalized text: full-width digits are ASCII, ``ｋｍ`` and ``㎞`` are
``km``, ``（）`` are ``()``, ``～`` is ``~`` and circled numbers are ``(1)``.
"""

from .schema import Lang

_DIRS = "東西南北"
_CORRECTED = r"(?:に|へ)(?:修正|訂正|変更)"  # 約600kmに修正: the value it was corrected to

LANG = Lang(
    code="ja",
    tokenizer="characters",
    sentence_end=r"[。\n](?:(?<=\n)\n*)?",  # 。 or a run of line breaks
    breaks_anywhere=True,
    # a headline sets its phrases apart with spaces ("北朝鮮、弾道ミサイル2発を発射 EEZ外に落下か"); a wrapped line of
    # prose has no space between two Japanese characters
    headline_line=r"(?=.*[^\x00-\x7f] [^\x00-\x7f])[^。]{4,60}",
    ideographic_comma=True,
    number_scales={"万": 10000, "千": 1000, "百": 100},  # 約1千キロ, 6千1百キロ (wire style)
    number_words={"一": 1, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9, "十": 10},
    units={
        "km": ("distance", 1.0),
        "キロメートル": ("distance", 1.0),
        "キロ・メートル": ("distance", 1.0),
        "キロ": ("distance", 1.0),
        "マイル": ("distance", 1.609344),
        "海里": ("distance", 1.852),
        "分間": ("duration", 1.0),
        "分": ("duration", 1.0),
        "秒": ("duration", 1 / 60),
        "時間": ("duration", 60.0),
    },
    qual_pre={"約": "approx", "およそ": "approx", "概ね": "approx", "少なくとも": "at_least", "最大": "", "最大で": ""},
    qual_post={
        "程度": "approx",
        "ほど": "approx",
        "以上": "at_least",
        "を超える": "over",
        "を超えて": "over",
        "を超え": "over",
        "超": "over",
        "以下": "at_most",
        "未満": "at_most",
    },
    interval_sep=r"~|-|から(?![^。]{0,25}?" + _CORRECTED + ")",  # 400kmから600kmに修正: no interval
    distance_roles={
        # 当初約400kmと発表した飛翔距離を約600kmに修正: the value corrected away is no longer stated
        # (the new value stands before に修正: "大幅に修正される可能性" corrects nothing)
        "corrected_away": ("skip", None, r"^\s*(?:程度)?(?:と|から)[^。]{0,30}?\d[^。\d]{0,8}?" + _CORRECTED),
        "corrected_apogee": ("apogee", r"高度[^。]{0,30}$", r"^\s*(?:程度)?" + _CORRECTED),
        "corrected_range": ("range", None, r"^\s*(?:程度)?" + _CORRECTED),
        "impact_point_bearing": ("skip", rf"[{_DIRS}]方?\s*$", None),  # 奥尻島の西方約200km: where it fell
        # 1発目は最高高度約50キロで約350キロ、…: the distance after an apogee and で, its items sharing one verb
        "after_apogee": ("range", r"高度[^。、\d]{0,4}\d[\d,.]*\s*(?:キロ|km)(?:メートル)?\s*で\s*$", None),
        "target_ahead": (
            "range",
            None,
            r"^\s*先の[^。]{0,12}?目標",
        ),  # 約1500キロ先の海上にある目標に落下: as "a target ... away"
        # 最高高度は1発目が約80キロ: the word, then the missile each value is of
        "apogee_word": ("apogee", r"(?:最高)?高度(?:は|が)?[^。、\d]{0,8}(?:\d発目(?:が|は))?$", None),
        "range_word": ("range", r"(?:飛翔|飛行)距離(?:は|が|:)?\s*$|飛距離(?:は|が|:)?\s*$", None),
        "flew_after": (
            "range",
            None,
            # 約1000キロを4491秒間飛行: the flight's duration may stand between
            r"^(?:の距離)?(?:を|で)?\s*(?:[\d,.]+\s*(?:秒|分|時間)間?(?:にわたって|で)?\s*)?(?:変則軌道で)?\s*(?:飛翔|飛行|飛ん)",
        ),  # 約350キロ飛んで
    },
    list_joiner=r"^\s*(?:及び|および|並びに|と|、|,)\s*(?:\d{1,2}発目(?:は|が)\s*)?$",  # 約350km、2発目は約400km
    duration_roles={
        "clock_hours": ("skip", r"\d時\s*$", None),
        # 4500秒間飛行, 飛行時間は約70分: KCNA's durations in seconds, the wires' 飛行 beside MOD's 飛翔
        "flew_for": ("flight", None, r"^間?(?:程度)?(?:に)?(?:わたり|わたって)?\s*(?:飛翔|飛行)"),
        "flight_time_word": ("flight", r"(?:飛翔|飛行)時間(?:は|が)?\s*$", None),
    },
    duration_joiner=r"\s*(?:,\s*)?",  # 2時間8分
    speed={
        "mach": r"マッハ\s*(?P<n>\d+(?:\.\d+)?)(?:\s*(?:~|から)\s*(?P<n2>\d+(?:\.\d+)?))?",
        "times_sound": r"音速の\s*(?:約\s*)?(?P<n3>\d+(?:\.\d+)?)\s*倍",  # 音速の10倍: Mach 10
    },
    speed_block=r"可能|能力|できる|設計",
    times={
        # 6時台, 6時すぎ: only the hour is known (6時10分すぎ: ten past and a little)
        "clock": r"(?P<ap>午前|午後)?\s*(?P<h>\d{1,2})時(?!間)(?:(?P<m>\d{1,2})分|(?P<band>台|過ぎ|すぎ)|(?P<half>半))?"
        r"(?P<about>頃|ごろ|ころ|過ぎ|すぎ)?",
        "noon": r"(?P<hw>正午)(?P<about>頃|ごろ|ころ|過ぎ)?",
    },
    hour_words={"正午": 12},
    # 7時30分から39分頃 (a window); 0時32分頃と同37分頃 (同: the same hour)
    time_minutes_only=r"(?:頃|ごろ)?\s*(?:から|~|と同|、同)\s*(?P<m>\d{1,2})分(?:頃|ごろ)?",
    ampm={"午前": "am", "午後": "pm"},
    time_joiner=r"^(?:頃|ごろ|ころ)?\s*(?:から|~|及び|および|と|、)\s*同?\s*$",
    # a window notified for days to come ("発射時間は毎日午前7時から正午") is no launch's time
    time_skip_sentence={"daily_window": r"毎日"},
    time_cues={
        "launch_word": (r"発射|打ち上げ|探知", "launch"),
        "impact_or_announcement": (r"落下|着弾|通過|消失|飛来|発表|公表|発出|配信|会見|報道|投入", "other"),
    },
    time_search=("right", "left"),
    dates={
        "calendar": r"(?:(?P<era>令和|平成)(?P<eray>\d{1,2}|元)年|(?P<y>\d{4})年)?\s*(?:(?P<mo>\d{1,2})月)?\s*"
        r"(?P<d>\d{1,2})日(?!本)",
        "relative": r"(?P<rel>本日|今日|昨日|一昨日|昨夜|今朝|今夜|本夕|前日|同日|当日)",
    },
    eras={"令和": 2018, "平成": 1988},
    first_year_word="元",
    stamps={
        "stamp_word": r"(?:更新|配信|掲載|公開)\s*[:日時]?\s*[^\n。]{0,30}?\d{1,2}[:時]\d{2}分?",
        # 2024年11月01日(金)07時34分: a month or day written with a leading zero, or a weekday in brackets, is a page's
        # stamp (prose writes 11月1日午前7時34分ごろ)
        "padded_date_time": r"\d{4}年(?:0\d月\d{1,2}日|\d{1,2}月0\d日|\d{1,2}月\d{1,2}日\s*\([月火水木金土日]\))\s*"
        r"\d{1,2}時\d{1,2}分",
        # a date with its year in figures and a 24-hour time right after it: machine-written, never prose
        "numeric": r"\b\d{4}[./-]\s?\d{1,2}[./-]\s?\d{1,2}\.?\s*\(?\s*\d{1,2}:\d{2}(?::\d{2})?\s*\)?",
    },
    # 朝鮮中央通信は11日、…; …と、朝鮮中央通信が3日報じた
    # a name glossed in brackets is still the name: 朝鮮中央通信(KCNA)は2日
    report_day_left=r"(?:{AUTH}|通信|新聞|メディア|当局)(?:\([^()]{1,20}\))?(?:は|が)、?\s*$",
    report_day_right=r"(?:付け?)?、?\s*(?:の?(?:報道|発表)|報じ|伝え|発表し|公表し|明らかにし)",
    anchored_days=("前日", "同日", "当日"),  # counted from the day the source reported on, if the text names one
    relative_days={
        "同日": 0,
        "当日": 0,
        "前日": -1,
        "本日": 0,
        "今日": 0,
        "今朝": 0,
        "今夜": 0,
        "本夕": 0,
        "昨日": -1,
        "昨夜": -1,
        "一昨日": -2,
    },
    actors={
        "north_korea": (
            r"(?:北朝鮮|北|金正恩(?:[^、。]{0,12}?(?:総書記|委員長))?)(?=\s*(?:は|が|も|側|による|の))",
            "north_korea",
        ),
        "other_state": (
            r"(?:米国|米軍|米空軍|米海軍|アメリカ|韓国軍?|日本|自衛隊|中国|ロシア|インド|イラン)(?=\s*(?:は|が|も|側))",
            "other_state",
        ),
    },
    # 韓国軍は北朝鮮が…: who tells of it or watches it (明らかにした, 探知) does not launch
    # (the topic, は/も, is who the sentence's last verb is about; a subject, が, what follows it closely)
    actor_speaks=r"\s*(?:(?:は|も)[^。]*?|が[^。]{0,40}?)(?:明らかに|発表|伝え|報じ|探知|確認|非難|分析|推定|述べ)",
    munitions={
        # 潜水艦発射弾道ミサイル: the launch word in the name is no launch
        "missile": (
            r"潜水艦発射(?:型)?弾道ミサイル|弾道ミサイル|巡航ミサイル|ミサイル|ICBM|SLBM|IRBM|SRBM|飛翔体|ロケット|放射砲",
            "missile",
        ),
        "counted_rounds": (
            r"\d+発|[一二三四五六七八九十]発|複数発(?!射)|数発(?!射)",
            "missile",
        ),  # 複数発射: 発 of 発射
        "satellite": (r"衛星", "satellite"),
        "artillery": (r"(?<!ロケット)砲弾|海岸砲|自走砲|榴弾砲|砲撃", "artillery"),  # a gun barrage: no missile
    },
    launch_cue={
        "fired": r"発射|打ち上げ",
        "salvo_drill": r"(?:一斉)?射撃(?:訓練|試験)?",  # 超大型放射砲の一斉射撃訓練
        "strike_drill": r"打撃訓練",  # 戦術弾道ミサイルの合同打撃訓練: they fired
    },
    # 発射する可能性, 発射の兆候: no launch yet; 高い頻度で発射しており, 発射を繰り返している: launches in general
    launch_block_right={
        "possibility_or_sign": r"(?:する|される)(?:可能性|おそれ|恐れ|見通し|兆候|準備|計画|予定|構え)"
        r"|の(?:兆候|準備|可能性|計画|予告)",
        "repeatedly": r"を?繰り返し",
        "negation": r"(?:し|せ|され)(?:ない|なかった|ず|ていない|ておらず|ていません|ません)",  # 発射しなかった
        "stopped": r"(?:を|の)?(?:自制|中断|停止|凍結|控え|見送)",  # 発射を自制, 発射の中断
        "notice": r"(?:する|る)\s*(?:と|との)[^。]{0,20}?(?:通報|予告|通告)",  # 打ち上げると通報: announced beforehand
        "facility": r"(?:場|台|管|車両|装置|基地)",  # 発射場, 発射台, 発射管: where or from what, not a launch
    },
    launch_block={"frequency": r"(?:頻度で|頻繁に|相次いで)[^、。]{0,12}$"},
    link_window=200,
    background_sentence={
        "related_line": r"^\s*(?:関連記事|関連リンク|関連情報)",  # a related-article line
        # a picture's caption or credit: what it shows may be any launch (【写真】, 写真は, =…撮影, =…配信)
        "caption": r"【\s*写真\s*】|^\s*写真\s*(?:は|:)|\(\s*写真|=[^。=]{0,40}?(?:撮影|配信|提供)\s*(?:\(|$)",
    },
    # other launches: the year so far (本年に入り…計10発), the previous one (前回, …以来のものです, 昨年…にも)
    # (but 今年に入って初めて / 本年に入り3回目 numbers this launch among them; 我が国にも is no earlier date)
    other_launch_sentence={
        "year_so_far": r"(?:本年|今年|年初)に入(?:り|って)(?![^。]{0,6}?(?:初めて|初の|\d+(?:回|度)目))",
        "previous": r"前回|以来(?:のもの|となります|です)",
        "earlier_years": r"(?:昨年|過去|これまで)[^。]{0,20}(?:にも|に)",
        # 5日にも, 先月にも, 5日午前7時ごろにも: another day's launch
        # (午後4時30分ごろにも alone: a second one of this day)
        "another_time_also": r"(?:日|月|年)(?:[^。、]{0,12}?(?:時|分|頃|ごろ))?にも[^。]{0,30}発射",
        "gap_since": r"\d+\s*(?:日|か月|カ月|ヶ月|年)ぶり",  # 20日ぶりの発射: counted from an earlier launch
    },
    general_launch_sentence={
        # launches counted over a time: 計183回に上り, 過去最多, 合わせて25発 (not 今月4回目: this one's number)
        "tally": r"計\s*\d+\s*回(?!目)|\d+\s*回に上|過去最多|発射回数|合わせて\s*\d+\s*発",
        "habitual": r"毎年|例年|度々|たびたび",  # what it does as a rule
        "recently": r"最近(?:は|も|では)",  # recent launches in general
    },
    periods={
        # 2016年, 2016年8月 (not 2016年8月24日: a date)
        "year": r"(?P<y>(?:19|20)\d\d)\s*年(?:\s*(?P<mo>\d{1,2})\s*月(?!\s*\d{1,2}\s*日))?(?!\s*\d{1,2}\s*月)",
    },
    # 発射しています / 発射している (newspapers): a past fact, never this launch
    past_launch_sentence={"has_launched": r"発射(?:し|させ)て(?:います|おります|(?:いる|いた)(?:。|$))"},
    background_carry=r"^\s*(?:当時|その際|この時)",  # 当時、ミサイルは…
    this_launch_marker=r"本日|今日|今朝|今夜|本夕|昨日|昨夜",
    flash_cues=r"現在飛翔中|飛翔中であ|落下すると推定|落下する見込み",
    stage_words={
        "flash_word": (r"速報", "flash"),
        "followup_word": (r"続報|第\d報", "followup"),
        "final_word": (r"最終報", "final"),
    },
    counts={
        # (1発ずつ counts per launch: count_each)
        "hatsu": r"(?P<q>少なくとも|合計|計|約)?\s*(?P<n>\d+|[一二三四五六七八九十])発(?!目|ずつ)",
        # 複数の短距離弾道ミサイル, (headlines) 短距離弾道弾複数を発射
        "several": r"(?P<multi>複数発(?!射)|数発(?!射)|複数の[^\s、。の]{0,10}?(?:ミサイル|弾道弾)|"
        r"複数(?=を?(?:回)?発射))",
    },
    count_words={"少なくとも": "at_least", "合計": "total", "計": "total", "約": "approx"},
    # …のうち1発; 約800キロ飛翔した1発について: one of them, named by what it did after launch
    count_subset_left=r"(?:のうち|うち|もう)\s*(?:少なくとも)?\s*$|(?:飛翔|飛行|落下|着弾|上昇)した\s*$",
    count_of_day=r"[^、。]{0,30}",  # 9月5日の3発同時発射, 先月31日にも短距離弾道ミサイル18発を
    # 午後3時12分頃にも、同地域から弾道ミサイル1発を: fired apart from those counted before
    # (a time's にも, not 日本海にも: a place's is where the same missile fell)
    count_also_left=r"(?:(?:時|分|台|頃|ごろ|午前|午後|夜|朝|夕方)にも|追加で)、?[^。]{0,40}$",
    count_each=r"(?P<n>\d+|[一二三四五六七八九十])発ずつ",
    classes={
        "satellite": (r"衛星(?:の)?打ち上げ|衛星を打ち上げ|人工衛星", "satellite_launch"),
        "icbm": (r"ICBM|大陸間弾道", "icbm"),
        "slbm": (r"潜水艦発射(?:型)?弾道ミサイル|SLBM|潜水艦から[^。、]{0,12}弾道ミサイル", "slbm"),
        "hypersonic": (r"極超音速", "hypersonic"),
        "cruise": (r"巡航ミサイル", "cruise"),
        "anti_air": (r"地対空ミサイル|対空ミサイル", "anti_air"),
        "rocket_launcher": (r"多連装ロケット|ロケット砲|放射砲", "mlrs"),
        "ballistic": (r"(?:短距離|中距離|準中距離)?弾道ミサイル|IRBM|SRBM|MRBM", "ballistic"),
        "artillery": (r"(?<!ロケット)砲弾|海岸砲|自走砲|榴弾砲|砲撃", "artillery"),
        # bare "missile" (also in every title) yields to any stated class; a 飛翔体 (a flying object of no stated
        # kind, as "projectile") has no class at all
        "bare_missile": (r"ミサイル", "generic"),
    },
    # 大陸間弾道ミサイル(ICBM)の可能性: the class word may end inside the noun it names (大陸間弾道|ミサイル)
    class_hedge_right=r"^[級型]?\)?(?:\([^)]{0,12}\))?(?:(?:弾道)?ミサイル)?(?:\([^)]{0,12}\))?(?:の可能性|である可能性|とみられ)",
    areas={
        # (after a time: 午前6時10分ごろに北朝鮮の東岸から; 〜で発射: 東部の元山一帯で…発射した)
        "from_place": r"(?:^|[、。]|\(\d{1,2}\)|は|頃|台|ごろに|頃に|分に)\s*(?P<area>[^、。]{2,45}?)"
        r"(?:から|より|で)(?:、)?(?=[^。]{0,200}?(?:発射|打ち上げ))",
    },
    area_must=r"付近|近郊|郊外|一帯|内陸|沿岸|西岸|東岸|北部|南部|東部|西部|地区|地域|地点|[道郡市里湾港]$|[南北]道|空港|飛行場|"
    r"発射場|平壌|海上|沖",
    area_reject=r"\d|時|分析|発射|情報|従来|今後|現時点",
    area_strip=r"^(?:本日|昨日)?\s*|\s+$",
    direction={"bearing_words": rf"(?P<dir>[{_DIRS}]{{1,3}}(?:(?:及び|および|と|、|・)[{_DIRS}]{{1,3}})*)の?方向"},
    direction_split=r"及び|および|と|、|・",
    bearings={
        "北": 0,
        "北北東": 22.5,
        "北東": 45,
        "東北東": 67.5,
        "東": 90,
        "東南東": 112.5,
        "南東": 135,
        "南南東": 157.5,
        "南": 180,
        "南南西": 202.5,
        "南西": 225,
        "西南西": 247.5,
        "西": 270,
        "西北西": 292.5,
        "北西": 315,
        "北北西": 337.5,
        "東北": 45,
        "東南": 135,
        "西南": 225,
        "西北": 315,
    },
    landing_clause=r"落下|消失|着弾|[海洋]に向け",  # 日本海に向けて発射 (wire style)
    landings={
        "pacific": (r"太平洋", "pacific"),
        "sea_of_japan": (r"日本海|朝鮮半島(?:の)?東(?:側|方)?(?!岸|部|沿岸)", "sea_of_japan"),
        "yellow_sea": (r"黄海|西海(?!衛星)", "yellow_sea"),  # not the 西海衛星発射場 (Sohae) launch site
        "near_east_coast": (r"東岸|沿岸", "near_east_coast"),
    },
    over_japan=r"(?:県|北海道|本州|日本|列島|我が国|地方|諸島)[^。、]{0,12}上空を通過",
    eez={
        "inside": (r"(?:排他的経済水域|EEZ)(?:\s*\(EEZ\))?\s*の?内", "inside"),  # EEZ内, 排他的経済水域の内側
        "outside": (r"(?:排他的経済水域|EEZ)(?:\s*\(EEZ\))?\s*の?外", "outside"),
        "not_confirmed": (
            r"(?:排他的経済水域|EEZ)(?:\s*\(EEZ\))?\s*内?への(?:飛来|落下|着弾)[はも]?確認されて"
            r"(?:おらず|いない|おりません|いません)",
            "none_seen",
        ),
    },
    item_marker=r"\((\d{1,2})\)|(\d{1,2})発目",  # (1) / 1発目は…、2発目は…
    item_flight_cue=r"飛翔|飛行",
    list_sep="、",
    authorities={
        # the country names a government's assessment, as "Tokyo" and "Seoul" do in English; the Chief Cabinet
        # Secretary speaks for the government after a launch
        "mod_jp": ("防衛省", "防衛大臣", "防衛相", "日本政府", "官房長官", "日本"),
        "jcs": ("韓国軍合同参謀本部", "合同参謀本部", "韓国軍", "韓国合同参謀本部", "韓国"),
        "other": ("日米韓", "日米", "米韓"),
        "mnd_kr": ("韓国国防部",),
        "kcna": ("朝鮮中央通信", "KCNA", "朝鮮中央テレビ", "労働新聞", "北朝鮮メディア", "北朝鮮国営メディア"),
        "indopacom": ("米インド太平洋軍", "インド太平洋軍"),
        "dod": ("米国防総省", "国防総省"),
    },
    speaker={
        # 防衛省は / 防衛省も / 防衛省などによると / 防衛省の発表によると / 防衛省が(同日、)発表
        "authority_says": r"(?P<a>{VOICE})(?:\([^()]{1,20}\))?(?:など)?(?:は|も|によると|によれば|によりますと|"
        # 朝鮮中央通信の11日の報道によると: a day may stand before the report
        r"の(?:[^、。の]{1,8}の)?(?:発表|報道|分析|説明)(?:によると|によれば|では)|"
        r"が(?=[^。]{0,30}?(?:発表|明らかに|確認|分析|伝え|報じ)))",
        # a wire passing on an authority's words: "聯合ニュースは韓国軍合同参謀本部の話として…"
        "citing": r"(?P<a>{AUTH})(?:\([^()]{1,20}\))?(?:の(?:話|発表)として|を引用し(?:て)?)",
    },
    speaker_coordination=r"(?P<a>{AUTH})(?:と|や|及び|および|、)$",  # 日本と韓国が…確認した
    # North Korea announcing its own launch ("北朝鮮は…と発表した"), unless an authority names it ("防衛省は北朝鮮が…");
    # only as the topic (は, も): "北朝鮮が発射した…について…と発表した" is another's announcement
    speaker_state=r"^(?:(?!{AUTH})[^。]){0,60}?(?P<a>北朝鮮)(?:は|も)(?=(?:(?!{AUTH})[^。]){0,250}?(?:と発表|と主張))",
    # 同省 is the ministry named last, 同本部 the headquarters
    speaker_anaphors={"同省": "省$", "同本部": "本部$", "同軍": "軍$", "同通信": "通信$|KCNA"},
    # "…1発を発射した。韓国軍合同参謀本部が同日、明らかにした。": the attribution in a sentence of its own
    speaker_alone=r"^[^。]{0,30}?(?:明らかにした|発表した|伝えた|報じた|確認した|分析した)。?\s*$",
    hedge=r"とされる|と伝えられ",
    # a source that is none of the authorities ("聯合ニュースによると", "政府関係者は"); an announcement already
    # attributed goes on ("発表によれば")
    other_source=r"(?<!発表)(?:によると|によれば|によりますと)|関係者|専門家|アナリスト|消息筋",
)
