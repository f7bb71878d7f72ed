"""English: MOD and JCS English releases, INDOPACOM / DoD statements, wire reports,
analysts' summaries and KCNA's own English.

Patterns run on NFKC-normalized text with straight quotes and ASCII dashes, and are
matched case-insensitively.
"""

import re

from .schema import Lang

_WORDS = {
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "thirteen": 13,
    "fourteen": 14,
    "fifteen": 15,
    "sixteen": 16,
    "seventeen": 17,
    "eighteen": 18,
    "nineteen": 19,
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "fifty": 50,
    "a dozen": 12,
    "dozens": 24,
}
# "about" words: a range's qualifier and a count's alike
_ABOUT = {w: "approx" for w in ("about", "approximately", "around", "roughly", "some", "nearly")}
_COUNT_WORDS = {**_WORDS, "a": 1, "an": 1, "a single": 1, "single": 1, "both": 2, "a pair of": 2}
_DIR = r"(?:(?:north|south|east|west)-)?(?:north(?:east|west)?|south(?:east|west)?|east|west)"  # east-northeast too
_MONTHS = {
    "january": 1,
    "february": 2,
    "march": 3,
    "april": 4,
    "may": 5,
    "june": 6,
    "july": 7,
    "august": 8,
    "september": 9,
    "october": 10,
    "november": 11,
    "december": 12,
    "jan": 1,
    "feb": 2,
    "mar": 3,
    "apr": 4,
    "jun": 6,
    "jul": 7,
    "aug": 8,
    "sep": 9,
    "sept": 9,
    "oct": 10,
    "nov": 11,
    "dec": 12,
}
# zone words written after a time, and the IANA zone they name ("local time": where the launch was; EST and EDT
# are fixed offsets, ET follows daylight saving time)
_ZONES = {
    "kst": "Asia/Seoul",
    "jst": "Asia/Tokyo",
    "korea time": "Asia/Seoul",
    "korean time": "Asia/Seoul",
    "korea standard time": "Asia/Seoul",
    "seoul time": "Asia/Seoul",
    "japan time": "Asia/Tokyo",
    "japan standard time": "Asia/Tokyo",
    "tokyo time": "Asia/Tokyo",
    "hst": "Pacific/Honolulu",
    "hawaii time": "Pacific/Honolulu",
    "hawaii standard time": "Pacific/Honolulu",
    "est": "Etc/GMT+5",
    "eastern standard time": "Etc/GMT+5",
    "edt": "Etc/GMT+4",
    "eastern daylight time": "Etc/GMT+4",
    "et": "America/New_York",
    "eastern time": "America/New_York",
    "washington time": "America/New_York",
    "utc": "UTC",
    "gmt": "UTC",
    "pyongyang time": "Asia/Pyongyang",
    "local time": "Asia/Pyongyang",
}
_ZONE_WORDS = "|".join(w.replace(" ", r"\s+") for w in sorted(_ZONES, key=len, reverse=True))
_KOREA_JAPAN = r"(?:Korean\s+Peninsula|Korea|Japan)"  # "the sea between the Korean Peninsula and Japan"
_EEZ = r"(?:Japan's\s+|its\s+|the\s+(?:country's\s+)?|Tokyo's\s+)?(?:exclusive economic zone|EEZ)"  # whose zone
_WEEKDAYS = {"monday": 0, "tuesday": 1, "wednesday": 2, "thursday": 3, "friday": 4, "saturday": 5, "sunday": 6}
_FLIGHT = (
    r"(?:flew|fly|flying|flown|travel+ed|travel+ing|travels|covered|covering|flight of|"
    r"(?:flight |flying |target )?distance|flight range)"
)


def _with_defence(authorities: dict[str, tuple[str, ...]]) -> dict[str, tuple[str, ...]]:
    """Each name spelled "Defense" also as British and Japanese English spell it, "Defence"."""
    return {
        a: tuple(dict.fromkeys([*names, *(n.replace("Defense", "Defence") for n in names)]))
        for a, names in authorities.items()
    }


_REVISED = r"(?:revis|correct|rais|lower|updat|adjust)(?:ed|ing)"  # a number changed by a later estimate


_ABBREVIATIONS = (
    *("a.m.", "p.m.", "u.s.", "u.n.", "no.", "mr.", "dr.", "gen.", "lt.", "col.", "adm.", "st."),
    *("jan.", "feb.", "mar.", "apr.", "jun.", "jul.", "aug.", "sep.", "sept.", "oct.", "nov.", "dec."),
    *("e.g.", "i.e.", "vs.", "mt."),
)
_UNITS = {
    "km": ("distance", 1.0),
    "kms": ("distance", 1.0),
    "kilometers": ("distance", 1.0),
    "kilometres": ("distance", 1.0),
    "kilometer": ("distance", 1.0),
    "kilometre": ("distance", 1.0),
    "miles": ("distance", 1.609344),
    "mile": ("distance", 1.609344),
    "nautical miles": ("distance", 1.852),
    "nautical mile": ("distance", 1.852),
    "seconds": ("duration", 1 / 60),
    "s": ("duration", 1 / 60),
    "minutes": ("duration", 1.0),
    "mins": ("duration", 1.0),
    "hours": ("duration", 60.0),
    "hour": ("duration", 60.0),
}
_BEARINGS = {
    "north-northeast": 22.5,
    "east-northeast": 67.5,
    "east-southeast": 112.5,
    "south-southeast": 157.5,
    "south-southwest": 202.5,
    "west-southwest": 247.5,
    "west-northwest": 292.5,
    "north-northwest": 337.5,
    "north": 0,
    "northeast": 45,
    "east": 90,
    "southeast": 135,
    "south": 180,
    "southwest": 225,
    "west": 270,
    "northwest": 315,
    "northward": 0,
    "northeastward": 45,
    "eastward": 90,
    "southeastward": 135,
    "southward": 180,
    "southwestward": 225,
    "westward": 270,
    "northwestward": 315,
    "northern": 0,
    "northeastern": 45,
    "eastern": 90,
    "southeastern": 135,
    "southern": 180,
    "southwestern": 225,
    "western": 270,
    "northwestern": 315,
    "northerly": 0,
    "northeasterly": 45,
    "easterly": 90,
    "southeasterly": 135,
    "southerly": 180,
    "southwesterly": 225,
    "westerly": 270,
    "northwesterly": 315,
}
_A_LAUNCH_WORD = r"(?:launch|test|firing|ICBMs?|IRBMs?|missiles?)"
_CLOCK = r"(?P<ap>a\.?\s?m\.?|p\.?\s?m\.?)(?![a-z])(?:\s*\(?(?P<zone>" + _ZONE_WORDS + r")\b\)?)?"

LANG = Lang(
    code="en",
    tokenizer="words",
    ignore_case=True,
    # after . ! ? before a capital or a digit; after "a.m." glued to a capital; at line breaks. It starts
    # with the character it ends on, so that re skips ahead to the next . ! ? or line break.
    sentence_end=r"[.!?\n](?:(?<=[.!?])[.!?]*[\"')\]]*(?=\s+[\"'(]?[A-Z0-9])|(?<=[a-z]\.[a-z]\.)(?=[A-Z])|(?<=\n)\n*)",
    abbreviations=_ABBREVIATIONS,
    clock_abbreviations=("a.m.", "p.m."),
    # a zone or a day after the time belongs to it: "9:40 p.m. EDT", "11:04 p.m. Wednesday", "7:15 a.m. Feb. 27"
    clock_continues=r"\s*\(?(?:"
    + "|".join(re.escape(z) for z in sorted(_ZONES, key=len, reverse=True))
    + "|"
    + "|".join(re.escape(w) + r"\b(?!\s+(?:is|was|will|has|had)\b)" for w in sorted(_WEEKDAYS, key=len, reverse=True))
    + "|"
    + "|".join(re.escape(mo) + r"\.?\s+\d" for mo in sorted(_MONTHS, key=len, reverse=True))
    + r")\b",
    stop_then_space=True,
    headline_small_words=frozenset("a an and as at by for from in of on or the to with".split()),
    page_number_line=r"Page[ \t]\d{1,3}(?:[ \t]of[ \t]\d{1,3})?",
    number_words=_WORDS,
    quantity_number_words=True,
    units=_UNITS,
    unit_end=r"(?![A-Za-z])",
    qual_pre={
        **_ABOUT,
        "almost": "approx",
        "an estimated": "approx",
        "over": "over",
        "more than": "over",
        "in excess of": "over",
        "above": "over",
        "beyond": "over",
        "at least": "at_least",
        "up to": "at_most",
        "below": "at_most",
        "under": "at_most",
        "less than": "at_most",
    },
    qual_post={"or more": "at_least", "plus": "over"},
    interval_sep=r"to|-|~",
    distance_roles={
        # "first said about 400 km but later revised the range to 600 km": the value revised away is no longer stated
        # (a distance follows that 'to': "updated its alert to 2 prefectures" revises no range)
        "corrected_away": (
            "skip",
            None,
            r"^[^.]{0,50}?\b"
            + _REVISED
            + r"\b[^.]{0,30}?\bto\s+(?:[a-z]+\s+)?\d[\d,.]*\s*(?:km|kilomet|mi(?:les?)?\b)",
        ),
        "corrected_apogee": (
            "apogee",
            r"\b" + _REVISED + r"\s+(?:the\s+|its\s+)?(?:maximum\s+)?(?:apogee|altitude)\b[^.]{0,20}\bto\s+$",
            None,
        ),
        "corrected_range": ("range", r"\b" + _REVISED + r"\b[^.]{0,30}\bto\s+$", None),
        "impact_point_bearing": ("skip", None, r"^\s*(?:\([^)]*\)\s*)?(?:" + _DIR + r")(?:ward)?\s+of\b"),
        "other_launch_distance": ("skip", None, r"^\s*(?:\([^)]*\)\s*)?for its (?:second|third)\b"),
        "range_class_word": ("skip", None, r"^\s*-?\s*(?:striking\s+)?range\b"),  # "a 1,000 km-range missile"
        "capability": (
            "skip",
            r"(?:maximum|max\.?|striking|strike|operational|effective|firing)\s+range\s+(?:of\s+)?$|"
            r"\b(?:can|could|would|may|might|able to)\s+(?:\w+\s+){0,2}(?:strike|hit|reach|fly|travel)\b[^.]{0,40}$|"
            r"capable of[^.]{0,40}$|ranging from\s+$|"
            r"\bwithin\s+(?:the\s+)?$",
            None,
        ),
        # "flew farther than the 950 km of its second test": the figure compared with
        "compared": ("skip", r"\b(?:than|compared\s+(?:to|with)|exceed(?:ing|ed|s)?)\s+(?:the\s+|its\s+|a\s+)?$", None),
        "target_away": ("range", None, r"^\s*(?:\([^)]*\)\s*)?\"?\s*away\b"),
        "apogee_word": (
            "apogee",
            r"\b(?:apogees?|altitudes?|height|ceiling)\s+(?:of\s+)?$|\bpeak\s+(?:altitude\s+)?(?:of\s+)?$",
            None,
        ),
        "for_its_peak": ("apogee", None, r"^\s*(?:\([^)]*\)\s*)?for its (?:first )?peak"),
        "flew_before": ("range", r"\b" + _FLIGHT + r"\s+(?:[a-z-]+\s+){0,6}$", None),  # flew on an irregular path for
    },
    # "350 km and 400 km", "450 km and the second (one) over 400 km"
    list_joiner=r"^\s*(?:\([^)]*\)\s*)?(?:,\s*)?(?:and|to|or|while|whereas)\s+"
    r"(?:(?:the\s+)?(?:other|second|third|fourth|last|latter|another)(?:\s+(?:one|missile|rocket|projectile))?\s+)?$",
    duration_roles={
        # "flew for 73 minutes"; "travelled about 1,000km in 86 minutes"
        "flew_for": (
            "flight",
            r"\b(?:flew|flight|flying|travel+ed|orbits?)\b(?:[^.]|\.(?=\d)){0,90}\b(?:for|in)\s+$",
            None,
        ),
        "flight_time_word": ("flight", r"\bflight (?:time|duration) of\s+$|\btimespan of\s+$", None),
    },
    duration_joiner=r"\s*(?:and\s+|,\s*)?",  # "2 hours and 8 minutes", "74 minutes 30 seconds"
    speed={
        "mach": r"\bMach\s*(?P<n>\d+(?:\.\d+)?)(?:\s*(?:to|-|~)\s*(?:Mach\s*)?(?P<n2>\d+(?:\.\d+)?))?",
        # "ten times the speed of sound" is Mach 10
        "times_sound": r"\b(?P<n3>\d+(?:\.\d+)?|" + "|".join(_WORDS) + r")\s+times\s+the\s+speed\s+of\s+sound\b",
    },
    speed_block=r"\b(?:can|could|capable|designed|able to|would|will)\b",
    times={
        # "shortly after 6 a.m.": only the hour is known (as 6時台)
        "shortly_after": r"\b(?P<band>shortly|just|soon|a little|sometime|some time)\s+after\s+(?P<h>\d{1,2})\s*"
        + _CLOCK,
        "twelve_hour": r"\b(?P<h>\d{1,2})(?:[:.](?P<m>\d{2}))?\s*" + _CLOCK,
        "noon": r"\b(?P<hw>noon|midnight)\b",
        "twenty_four_hour": r"\b(?P<h>[01]?\d|2[0-3]):(?P<m>[0-5]\d)(?!\d)(?:\s*\(?(?P<zone>"
        + _ZONE_WORDS
        + r")\b\)?)?",
        # wire copy's four-digit GMT / UTC times ("2244 GMT"; "between 2301 and 2323 GMT", "2110, 2125 and 2140
        # GMT": the zone comes last)
        # "(2110 GMT)", "(2110 Saturday GMT)": the weekday written inside is the GMT date's
        "gmt_four_digit": r"\b(?P<h>[01]\d|2[0-3])(?P<m>[0-5]\d)(?:\s*(?:(?:{WD}),?\s+)?(?P<zone>GMT|UTC)\b|"
        r"(?=(?:\s*(?:,\s*and|and|,|to|-|~)\s*(?:[01]\d|2[0-3])[0-5]\d){1,5}\s*(?:GMT|UTC)\b))",
    },
    hour_words={"noon": 12, "midnight": 0},
    time_equivalent=r"[\s,(]*(?:or\s+|i\.e\.,?\s*)?\(?\s*",
    ampm={"a.m.": "am", "am": "am", "a.m": "am", "am.": "am", "p.m.": "pm", "pm": "pm", "p.m": "pm", "pm.": "pm"},
    time_joiner=r"^\s*(?:and|to|-|~|or|,|until|through|,\s*and)\s*"
    r"(?:(?:on\s+)?(?:{WD},?\s*)?(?:{MONTH})\.?\s+\d{1,2}(?:st|nd|rd|th)?,?\s*)?$",
    time_cues={
        "launch_word": (
            r"\b(?:l(?:au|ua)nch(?:ed|es|ing)?|fir(?:ed|es|ing)|test-fir\w*|tested|detected|lift(?:ed)?[- ]off|"
            r"started|starting|began)\b",
            "launch",
        ),
        "impact_or_announcement": (
            r"\b(?:alerts?|alarms?|warnings?|announc\w*|splash\w*|fell|fall(?:s|en)?|landed|land(?:s|ing)?|crash\w*|"
            r"impact\w*|hit|struck|disappear\w*|exploded|statement|briefing|entered|placed)\b",
            "other",
        ),
    },
    time_search=("left", "right"),
    time_adjacent_other=r"\b(?:announced|reported|said|stated|issued|released|alert|warning|notice|published)\s+"
    r"(?:(?:at|around|before|after|about|approximately)\s+){0,2}$",
    clause_break=r"[;:]|,\s*(?:and|but|while|which|who)\b|\bthat\b|\bwhich\b",
    # the coast guard's notices; who spoke, met or briefed at a time: a call, a meeting, a press conference
    time_skip_sentence={
        "coast_guard": r"\bcoast guard\b",
        "who_spoke": r"\b(?:spoke|talked|convened|briefed|met with)\b",
        "meeting": r"\b(?:press conference|phone call|(?:emergency )?meeting)\b",
        # a window notified for days to come ("between 7 a.m. and noon daily") is no launch's time
        "daily_window": r"\b(?:daily|every day|each day)\b",
    },
    time_skip_carry=r"^\s*(?:It|The (?:coast guard|agency))\b",
    zone_date_joiner=r"[\s,]*(?:on\s+)?",
    zones=_ZONES,
    dates={
        "month_day": r"\b(?:(?P<wd>{WD}),?\s*\(?\s*)?(?P<mo>{MONTH})\.?\s+(?P<d>\d{1,2})(?:st|nd|rd|th)?\b"
        r"(?:,?\s+(?P<y>\d{4}))?",
        "day_month": r"\b(?P<d>\d{1,2})(?:st|nd|rd|th)?\s+(?P<mo>{MONTH})\b(?:\s+(?P<y>\d{4}))?",
        "weekday": r"\b(?P<wd>{WD})\b",
        # a capitalized "Today" after a word is a name ("News Today", "USA Today"), not a day
        "relative": r"\b(?P<rel>(?-i:today)|(?<![A-Za-z] )(?-i:Today)|(?-i:TODAY)|yesterday|this morning|"
        r"this afternoon|this evening|tonight|last night|"
        r"the previous day|a day (?:earlier|before)|the same day|that day)\b",
    },
    # SEOUL, May 8 (Yonhap) --; WASHINGTON (Sept. 9, 2025, 8:40 p.m. EDT) --: when it was published, not launched
    dateline={
        "agency": r"\b[A-Z][a-z]+,\s+[A-Z][a-z]+\.?\s+\d{1,2}\s*\((?:[A-Z]+|Korean Central News Agency)\)\s*-{1,2}",
        "statement": r"^\s*(?:\d{1,2}\.\s+)?[A-Z][A-Za-z .,'-]{1,60}?\s*\([^()]{0,40}\d{4}[^()]{0,40}\)\s*(?:--|-|:)",
    },
    stamps={
        "stamp_word": r"\b(?:published|updated|posted|last\s+updated|modified)\s*:?\s*[^\n]{0,60}?\b\d{1,2}[:.]\d{2}"
        r"(?::\d{2})?(?:\s*[ap]\.?m\.?)?(?:\s+(?-i:[A-Z]{2,4})\b)?",
        # "11:55 September 13, 2023", "Jan 24, 2024 18:29": a 24-hour time beside a date with its year
        "time_beside_dated_year": r"\b\d{1,2}:\d{2}\s+(?:{WD},?\s+)?(?:{MONTH})\.?\s+\d{1,2},\s+\d{4}\b|"
        r"\b(?:{MONTH})\.?\s+\d{1,2},\s+\d{4},?\s+\d{1,2}:\d{2}\b(?!\s*[ap]\.?m)",
        # a date with its year in figures and a 24-hour time right after it: machine-written, never prose
        "numeric": r"\b\d{4}[./-]\s?\d{1,2}[./-]\s?\d{1,2}\.?\s*\(?\s*\d{1,2}:\d{2}(?::\d{2})?\s*\)?",
    },
    months=_MONTHS,
    weekdays=_WEEKDAYS,
    # "KCNA said on Thursday"; "state media reported Saturday"
    report_day_left=r"\b(?:said|says|reported|reports|announced|stated|confirmed|disclosed|added)\s+(?:on\s+)?$",
    anchored_days=("the previous day", "a day earlier", "a day before", "the same day", "that day"),
    relative_days={
        "the same day": 0,
        "that day": 0,
        "the previous day": -1,
        "a day earlier": -1,
        "a day before": -1,
        "today": 0,
        "this morning": 0,
        "this afternoon": 0,
        "this evening": 0,
        "tonight": 0,
        "yesterday": -1,
        "last night": -1,
    },
    # ("between 2301 and 2323 GMT on Sunday" dates the launch)
    date_background=r"\b(?:first|last|previous(?:ly)?|earlier|since|ago|before|after|until|between(?!\s+\d{4}\b))\b"
    r"[^.]{0,25}$",
    actors={
        "north_korea": (
            r"\b(?:North\s+Korea(?:n|'s)?|N\.\s*Korea(?:n|'s)?|the\s+North(?:'s)?|Pyongyang(?:'s)?|(?:the\s+)?DPRK(?:'s)?|"
            r"Kim\s+Jong[- ]?[Uu]n(?:'s)?|(?:the\s+)?Korean\s+People's\s+Army|(?:the\s+)?KPA|"
            r"(?:the\s+)?Missile\s+(?:Administration|General\s+Bureau))\b",
            "north_korea",
        ),
        "other_state": (
            r"\b(?:(?:the\s+)?United\s+States|(?:the\s+)?U\.?S\.?(?:\s+(?:Air\s+Force|Navy|Army|military|forces|"
            r"Space\s+Force))?|America(?:n)?|South\s+Korea(?:n|'s)?|S\.\s*Korea(?:n|'s)?|the\s+South|Japan(?:ese|'s)?|"
            r"China|Chinese|Russia(?:n)?|India(?:n)?|Iran(?:ian)?|Israel(?:i)?|Taiwan(?:ese)?)\b",
            "other_state",
        ),
    },
    # "South Korea's military said North Korea fired": the military speaks; "Japan detected the launch": it watched
    actor_speaks=r"\.?\s*(?:'s)?\s*(?:[\w.-]+\s+){0,4}?(?:is\s+aware|(?:also\s+)?(?:said|says|reported|reports|"
    r"announced|confirmed|stated|detected|tracked|monitored|condemned|protested|warned|believes?|assessed|estimated|"
    r"told|added|claimed|report|statement|assessment|analysis|estimate))\b",
    # "the launch by the DPRK", "a launch from North Korea": the state after the launch word is its doer
    actor_agent=r"^\s*(?:[\w-]+\s+){0,2}?(?:by|from)\s+$",
    munitions={
        "satellite": (
            r"\b(?:satellite launch vehicles?|space launch vehicles?|launch vehicles?|SLVs?|carrier rockets?|"
            r"(?:reconnaissance\s+)?satellites?)\b",
            "satellite",
        ),
        "launcher_system": (
            r"\b(?:multiple[- ](?:launch\s+)?rocket\s+(?:launcher\s+)?(?:systems?|launchers?)|MLRS|MRLS)\b",
            "system",
        ),
        "shells": (r"\b(?:rocket launcher |MLRS |rocket )?shells\b(?<!artillery shells)", "rocket"),
        "artillery": (r"\bartillery(?:\s+(?:shells|shots|rounds|pieces))?\b", "artillery"),
        "missile": (
            r"\b(?:missiles?|SRBMs?|MRBMs?|IRBMs?|IRMBs?|ICBMs?|SLBMs?|SLCMs?|SAMs?|projectiles?|guided weapons?)\b",
            "missile",
        ),
        "rocket": (r"\brockets?\b", "rocket"),
        # KCNA's "tested a new-type weapon", "newly-developed tactical weapon system": what it calls a new weapon it
        # tests is a launch (not "nuclear weapons")
        "new_weapon": (
            r"\b(?:new-type|newly[- ]developed)\s+(?:(?!nuclear)[\w-]+\s+){0,2}weapons?(?:\s+systems?)?\b",
            "missile",
        ),
        # "about 10 rounds from a multiple rocket launcher" (not rounds of talks)
        "rounds": (r"\brounds\b(?!\s+of\b)", "rocket"),
    },
    munition_modifier_of=r"^(?:\s*\))?\s*-?\s*(?:launchers?|systems?|submarines?|compan(?:y|ies)|units?|sub-?units?|"
    r"forces?|administration|bureau|engines?|warheads?|production|programm?e?s?|"
    r"technolog(?:y|ies)|capabilit(?:y|ies)|sites?|bases?|soldiers|troops|regiments?|"
    r"divisions?|battalions?|brigades?|corps|columns?|research|sector|industr(?:y|ies)|"
    r"factor(?:y|ies)|enterprises?|vehicles?|carriers?|defen[cs]e|threats?|development|"
    r"imagery|images?|photos?|parts?|components?|crew|operators?|zone|alert|shelters?|"
    r"defen[cs]e|interceptors?|stands?|launch(?:ing)?\s+(?:grounds?|station|sites?|facilit\w*|pads?|vehicles?|"
    r"platforms?|tubes?|systems?))\b",
    # "missile launches such as those seen in recent years": launches in general, not one
    munition_launch_compound=r"^(?:\s*\))?\s*(?:salvo\s+)?(?:test[- ]?)?(?:launch(?:es|ing)?|fir(?:e|es|ing)|"
    r"firings|salvo|drills?|tests?|test-fire)\b(?!\s+(?:such\s+as|like)\b)",
    munition_excluded=r"(?:anti-?tank|anti-?armou?r)\s*$",
    launch_cue={
        "fired": r"\b(?:l(?:au|ua)nch(?:ed|es|ing)?|fir(?:ed|es|ing)|fire|test-fir(?:ed|es|ing|e)|"
        r"test[- ]launch(?:ed|es|ing)?|tested|shot|salvo|opened fire|lift(?:ed)?[- ]off)\b",
        "flew": r"\b(?:flew|flying)\b",
        "strike_drill": r"\bstrik(?:e|ing)\s+drills?\b",  # KCNA's "joint striking drill of ... missiles": they fired
    },
    launch_block_right={
        # "launches such as those seen in recent years": launches in general
        "in_general": r"\s+(?:such\s+as|like\s+(?:those|these|the\s+ones))\b",
        # "launching vehicles", "launch pads": equipment and sites, not a launch
        "facility": r"\s+(?:vehicles?|pads?|grounds?|stations?|platforms?|tubes?|systems?|sites?)\b",
        "contest": r"\s+(?:contests?|competitions?)\b",  # a firing contest is no launch
    },
    launch_block={
        # what will, may or can be launched, what is planned: no launch yet
        "not_now": r"\b(?:will|would|can|could|may|might|should|plans? to|planning to|intends? to|able to|"
        r"capable of|designed to|ability to|for|planned|scheduled|upcoming|imminent|prepar\w* to)\s+(?:\w+\s+)?$",
        "negation": r"\b(?:not|never|no|\w+n't)\s+(?:\w+\s+){0,3}$",  # "hasn't North Korea tested a missile"
        "stopped": r"\b(?:stopped|halted|ceased|suspended|refrain(?:ed|s|ing)?\s+from)\s+(?:\w+\s+)?$",
    },
    link_window=90,
    # "capable of": what it could do; "nuclear-capable" only describes the weapon
    link_block=r"\b(?:with|(?<![-\u2011])capable|can|could|will|would|against|intercepted)\b|[;:]",
    # "fired what could be a ballistic missile": the launch is told, only what was launched is hedged
    link_hedge=r"^\s*what\s+(?:[\w']+\s+){0,3}?(?:be|was|were|is|as)\s+[^;:]{0,40}$",
    event_sentence={
        "drill_word": r"\b(?:drills?|exercises?|test-fir\w*|test[- ]launch\w*|launch(?:es|ing)?|firings?|salvo)\b",
        "conducted_test": r"\b(?:conducted|held|staged|carried out)\s+(?:a|an|the)\s+(?:[\w-]+\s+){0,3}tests?\b",
    },
    background_sentence={
        # "It is the third launch this year" sets this one against others; "It is still in flight", "It was
        # estimated to have flown ..." tell of this one
        "it_marks": r"^\s*(?:This|It) (?:marks|(?:is|was)(?!\s+(?:still|currently|now|expected|believed|estimated|"
        r"assessed|presumed|thought|likely|launched|fired)\b)|comes|came|follows|followed)\b",
        "came_after": r"^\s*(?:The|This|Its)\s+(?:(?:latest|new|recent|most recent)\s+)?(?:launch|test|firing)\s+"
        r"(?:came|comes)\b[^.]{0,40}\b(?:after|since)\b",
        "related_line": r"^\s*Related(?:\s+(?:articles?|stories|news|links?))?\s*:",
        # ... after the test-launch of the Hwasong-15 eight years ago; speakers recalled the test-fire
        "years_ago": r"\byears ago\b|\b(?:recalled|reminisced)\b|\bheld to (?:mark|celebrate|commemorate)\b",
        # a picture's caption or credit: what it shows may be any launch ("This undated photo ... shows", "PHOTO:")
        # ("Photos released by KCNA indicate that it fired ..." reads the launch from pictures: no caption)
        # (a caption's dates may be abbreviated: "photo provided Sunday, Aug. 25, by ..., shows")
        "caption": r"\b(?:photo|image|picture|screenshot)\b(?:[^.]|\.(?=\s+\d)){0,100}?\b(?:shows|showing)\b|"
        r"\b(?:PHOTO|Photo|Image)\s*:|\(\s*(?:AP|AFP|Reuters|Yonhap)\s+(?:Photo|photo)\b|\bhandout\b|"
        r"\bvia\s+(?:KNS|AP|AFP|Reuters)\b|\bCopyright\b",
    },
    # other launches: an earlier one ("In March, ...", "Last October, ...")
    other_launch_sentence={
        "in_month": r"^\s*(?:In|Last|Earlier in)\s+(?:" + "|".join(_MONTHS) + r"|year|month|week)\b",
        # "its first launch in 23 days": this launch counted from an earlier one
        "gap_since": r"\b(?:first|latest)\b[^.]{0,60}\b(?:in|since)\s+"
        r"(?:\d+|two|three|four|five|six|seven|eight|nine|ten|several)\s+(?:days|weeks|months|years)\b",
        # "its fifth launch so far this year": this one
        "year_so_far": r"(?<!launch )(?<!test )(?<!firing )\bso far this year\b",
    },
    general_launch_sentence={
        # the year's total ("has fired more than 30 ballistic missiles so far this year") states no launch, even
        # when no other sentence does
        "year_total": r"\bha(?:s|ve) (?:now )?(?:launched|fired|conducted)\b[^.]{0,80}\b"
        r"(?:this|so far this|last) year\b",
        # launches counted over a time: "a number of ... tests in 2022", "a flurry of missile tests"
        "tally": r"\b(?:a|the)\s+(?:number|series|flurry|string|spate|barrage|total|slew|raft|record\s+number)\s+of\b"
        r"[^.]{0,60}?\b(?:tests?|launch(?:es)?|firings?|missiles)\b|"
        r"\b(?:dozens|scores|hundreds)\s+of\b[^.]{0,40}?\b(?:tests?|launch(?:es)?|missiles)\b",
        # what it does as a rule: "has generally tested few missiles in the fourth quarter"
        "habitual": r"\b(?:generally|usually|often|typically|regularly|routinely|frequently|every\s+year|"
        r"each\s+year|in\s+recent\s+years)\b",
        # the first step of a story told in order: "Initially, North Korea test-fired ..." (not "Initially, the JCS
        # said ...": a first report of this launch)
        "narrative": r"^\s*(?:Initially|At\s+first)\s*,\s*(?:North\s+Korea|Pyongyang|the\s+North|it)\s+"
        r"(?:\w+\s+)?(?:fired|launched|test-fired|tested)\b",
    },
    periods={
        "in_year": r"\b(?:in|since|during|by|until|before|of|early|late|mid-?)\s*(?P<y>(?:19|20)\d\d)\b(?!\s*,?\s*\d)",
        "month_year": r"\b(?P<mo>{MONTH})\.?\s+(?:of\s+)?(?P<y>(?:19|20)\d\d)\b",
        "last_month": r"\blast\s+(?P<mo>{MONTH})\b",
    },
    # "Its last ICBM, launched in October, reached ...": an earlier launch, never this one
    past_launch_sentence={
        "last_one": r"^\s*(?:Its|The North's|North Korea's|Pyongyang's)\s+(?:last|previous)\s+(?:[\w-]+\s+){0,3}?"
        + _A_LAUNCH_WORD
        + r"\b",
    },
    background_carry=r"^\s*(?:At\s+(?:the|that)\s+time|Back\s+then)\b",  # "At the time, the missile flew ..."
    this_launch_marker=r"\b(?:today|tonight|yesterday|this (?:morning|afternoon|evening)|on (?:"
    + "|".join(_WEEKDAYS)
    + r"))\b",
    flash_cues=r"\b(?:still|currently) in flight\b|\bexpected to (?:land|fall|splash)|"
    r"\b(?:more|further) details (?:to follow|will (?:be released|follow))\b",
    stage_words={
        "followup_word": (r"\((?:update|follow-?up)\)", "followup"),
        "final_word": (r"\(final\)|\bfinal (?:assessment|report|notice)\b", "final"),
        # a first notice: "(initial report)", "JCS first report:", "More details to follow."
        "flash_word": (r"\b(?:flash|breaking)\b|\b(?:initial|first) (?:report|notice)\b", "flash"),
    },
    count_left=r"(?:(?P<q>at least|more than|over|about|approximately|around|roughly|some|nearly|up to|"
    r"a total of|total of)\s+)?(?<![\d.,-])\b(?P<n>\d{1,4}|"
    + "|".join(sorted(_COUNT_WORDS, key=len, reverse=True))
    + r")\s+(?:(?:more|additional|other|further)\s+)?(?P<mods>(?:[^\s.,;:!?()]+\s+){0,6})$",
    count_mods_reject=r"^\s(?:mm|mm-\S*|cm|km|kg|kilometers?|miles?|tons?|tonnage)\b|\s(?:\d+(?:[.,]\d+)?|the|a|an|to|"
    r"from|at|in|on|into|toward|towards|that|which|was|were|is|"
    r"are|by|for|with|and|units|rounds|salvo|launch|launches|test|tests|series|than|any|time|times)\s|"
    r"(?<!-)\sor\s|"  # "two or three missiles"; but "a medium- or intermediate-range missile" is one
    r"(?<!\btype)(?<!\bkind)(?<!\bversion)(?<!\bvariant)\sof\s|"
    # "SEOUL, May 9 - North Korea fired two missiles": a dash, a launch verb or a line break ends what a number counts
    r"\s[-\u2013\u2014]{1,2}\s|\s(?:fire[sd]?|launch(?:es|ed)?|test-fire[sd]?)\s|\n",
    count_numbers={"a": 1, "an": 1, "a single": 1, "single": 1, "both": 2, "a pair of": 2},
    count_articles=("a", "an"),
    plural_noun=r"(?-i:(?=.*[a-z]).*[sS])",  # "missiles", "SLBMs" (not an acronym in capitals: "SAMS")
    count_of_launch=("a single", "single"),
    # "a new tactical guided weapon" names a type of weapon, as "a new-type missile" does
    count_not_article_of=r"\b(?:type|kind|version|variant|test|salvo|barrage)\s+of\b|\bnew-type\b|\bguided\s*$",
    count_words={
        "at least": "at_least",
        "more than": "at_least",
        "over": "at_least",
        **_ABOUT,
        "up to": "approx",
        "a total of": "total",
        "total of": "total",
    },
    count_multiple_plural=r".*(?:missiles|SRBMs|MRBMs|IRBMs|ICBMs|SLBMs|rockets|projectiles|shells)",
    # "the missile was a KN-23" names, but "what we assess was a single ... launch" and "what Seoul described as
    # a ... missile" count
    # "one of which", "the missile was a KN-23": a part, or a name; but "what we assess was a single ...", "what
    # could be a ...", "what Seoul described as a ..." name the launch with a hedge, and count
    count_subset_left=r"\b(?:of which|one of|including|among|out of)\s*$|"
    r"^(?![^.;]*\bwhat\b)[^.;]*\b(?:is|was|are|were|be|been|as)\s*$",
    count_impact_right=r"^\s*(?:\([^)]*\)\s*)?(?:\w+\s+)?(?:fell|landed|splashed|crashed|dropped|fallen|"
    r"came down)\b",
    count_totalizing=r"both|all",
    count_also_left=r"\balso\s+(?:fired|launched|test-fired)\s+(?:(?:about|some|approximately|at least)\s+)?$",
    # "fired a missile at 6:51 a.m. and another from Kusong at 4:32 p.m.": one more, fired apart
    counts={
        "and_another": r"\band\s+(?P<another>another)(?:\s+one)?(?=\s+(?:from|at|off|near|into|toward|towards|on|in|"
        r"later)\b)",
    },
    count_list_joiner=r"\s*(?:,|and|,\s*and)\s*",  # "for 10 199s and 10 203s": one flight time per missile
    classes={
        # JCS's English "long-range ballistic missile" is its 장거리탄도미사일, an ICBM
        "icbm": (
            r"\b(?:ICBMs?|intercontinental(?:[- ]range)?(?:\s+ballistic)?|long-range ballistic missiles?)\b",
            "icbm",
        ),
        "hypersonic": (r"\bhypersonic\b", "hypersonic"),
        "slbm": (r"\b(?:SLBMs?|submarine-launched ballistic)\b", "slbm"),
        "cruise": (
            r"\b(?:cruise missiles?|SLCMs?|ship-to-ship missiles?|surface-to-(?:sea|ship) missiles?|"
            r"anti-ship (?:cruise )?missiles?|sea-to-surface)\b",
            "cruise",
        ),
        "anti_air": (r"\b(?:anti-?(?:air|aircraft)|surface-to-air|SAMs?|air defen[cs]e missiles?)\b", "anti_air"),
        "rocket_launcher": (
            r"\b(?:MLRS|MRLS|multiple[- ](?:launch\s+)?rocket(?:\s+launchers?|\s+systems?)?|rocket launchers?|"
            r"rockets)\b",
            "mlrs",
        ),
        "ballistic": (
            # "a ballistic control system" for rocket shells steers them: no ballistic missile
            r"\b(?:SRBMs?|MRBMs?|IRBMs?|IRMBs?|ballistic missiles?|ballistic(?!\s+control)|intermediate-range|"
            r"short-range|medium-range)\b",
            "ballistic",
        ),
        "artillery": (r"\bartillery\b", "artillery"),
        "bare_missile": (r"\bmissiles?\b", "generic"),
    },
    # "tactical ballistic missiles and super-large multiple rocket launchers": up to two modifiers of the second
    class_coordination=r"\s*(?:missiles?|rockets?)?\s*(?:and|,)\s+(?:[\w-]+\s+){0,2}",
    class_coordination_block=r"\bincluding\s+(?:\w+\s+){0,2}$",
    satellite_cue=r"\bsatellite launch\b|\blaunch(?:ed|ing)?\s+(?:a|an|the|its)\s+(?:[\w-]+\s+){0,3}satellite",
    name_block_left=r"(?:intended for|warhead (?:for|of)|for the|for its)\s+(?:the\s+)?['\"]?$",
    description_names={
        "weapon_noun": r"\b(?:rocket\s+launcher\s+systems?|rocket\s+launchers?|missile\s+systems?|missiles?|"
        r"rockets?)\b",
    },
    description_stopwords=r"the|a|an|of|and|or|to|in|on|at|for|with|by|from|its|their|our|this|that|these|"
    r"those|such|launched|fired|flew|he|she|it|they|we|was|were|is|are|drill|test|\d+|"
    r"one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|oversees|observes|"
    r"respected|comrade|kim|jong|un|dprk|test-fire|test-fires|test-fired|test-launch|test-launched|fires|"
    r"launches|-+|conducts|conducted|"
    r"guides|inspects|several|many|various|new|fifty|thirty|twenty",
    areas={
        "from_place": r"(?<!away\s)\bfrom\s+(?P<area>[^,;.()]{2,80}?)(?=\s+(?:toward|towards|into|to\s+the|to\s+waters|"
        r"at\s|around\s+\d|between\s|on\s|before\s|after\s|and\s|that\s|which\s|where\s|in\s+the\s+(?:early|morning|"
        r"afternoon|evening)|in\s+an?\s|eastward|westward|southward|northward|under\s|over\s|"
        # "launched from the Ryokpho District hit the targets": the flight's verb ends the place
        r"(?:hit|struck|flew|landed|fell|reached|travell?ed)\s)|\s*[,.;]|\s*$)",
        "waters_off": r"(?<!into\s)(?<!toward\s)(?<!towards\s)(?<!into\sthe\s)(?<!toward\sthe\s)(?<!towards\sthe\s)\b"
        r"(?P<area>(?:the\s+)?waters\s+off\s+(?:the\s+)?(?:coast\s+of\s+)?(?-i:[A-Z][\w'-]*(?:\s+[A-Z][\w'-]*){0,2}))",
        "east_sea_of_korea": r"\b(?:conducted|staged|held|carried out)\b[^.]{0,120}?\bin\s+"
        r"(?P<area>the\s+(?:East|West)\s+Sea\s+of\s+Korea)",
        # "The launch of a ballistic missile occurred near Wonsan Airfield" (U.S. commands' statements)
        "occurred_at": r"\b(?:launch|firing|test)\b[^.]{0,80}?\boccurred\s+(?:near|at|in|from)\s+"
        r"(?P<area>[^,;.()]{2,80}?)(?=\s*[,.;]|\s*$|\s+(?:at|on|around)\s+\d)",
    },
    area_reject=r"^\s*(?:\d|(?:the\s+)?(?:point|launch|same|ground|air)\b)|^\s*(?:the\s+)?(?:north|south|east|west)\w*\s*$|"
    r"\b(?:" + "|".join(_MONTHS) + "|" + "|".join(_WEEKDAYS) + r")\b|\blaunchers?\b|"
    r"\b(?:a\.m|p\.m|am|pm)\b|^\s*(?:North Korea|the DPRK|DPRK)\s*$|\b(?:missiles?|rockets?)\b|"
    r"\blaunch(?!ing\s+(?:ground|station)\b)\w*|"
    r"\b(?:unknown|undisclosed|unidentified|unspecified)\s+(?:locations?|places?|sites?|areas?|spots?)\b|"
    # a clause ("from North Korea did not pose a threat ..."), not a place
    r"\b(?:did|does|do|is|are|was|were|has|have|had|will|would|could|can|may|might|pose[sd]?|said|says)\b",
    area_strip=r"^\s*the\s+",
    area_gazetteer_left=r"\b(?:at|near|around|in|off(?:\s+the\s+coast\s+of)?)\s+(?:the\s+)?"
    r"(?:(?:eastern|western|northern|southern|coastal|city|town|county|province|area|areas|vicinity|of)\s+)"
    r"{0,4}$",
    area_gazetteer_block=r"\b(?:toward|towards|into|over|across)\b|\b(?:" + _DIR + r")\s+of\s+(?:the\s+)?$",
    vessel_anaphor=r"\b(?:on|from|aboard)\s+the\s+(?:warship|destroyer|submarine|ship|vessel)\b",
    vessel_names=r"(?P<area>(?-i:\bDestroyer\s+[A-Z][a-z]+(?:\s+[A-Z][a-z]+){0,2})|\"[^\"]{1,30}\"\s+submarine)",
    vessel_subject=r"(?P<area>(?-i:\bDestroyer\s+[A-Z][a-z]+(?:\s+[A-Z][a-z]+){0,2})|\"[^\"]{1,30}\"\s+submarine)\s+"
    r"(?:conducts|conducted|fired|fires|launched|launches|test-fired|test-fires)\b",
    direction={
        "toward": r"\b(?:toward|towards|to)\s+(?:the\s+)?(?P<dir>" + _DIR + r")\b(?!-)"
        r"(?!\s*(?:sea|coast|of|korea|china|japan)\b)",
        "ward": r"\b(?P<dir2>(?:north|south)(?:east|west)?ward|eastward|westward)\b",
        "in_direction": r"\bin\s+an?\s+(?P<dir3>(?:north|south)?(?:east|west)?(?:ern|erly))\s+direction\b",
    },
    bearings=_BEARINGS,
    landing_clause=r"\b(?:fell|fallen|falling|landed|landing|splash\w*|crash\w*|impact\w*|into|toward|towards|"
    r"came down|over the)\b",
    landings={
        "pacific": (r"\bPacific\b", "pacific"),
        "sea_of_japan": (
            # "the waters off its east coast": the open sea there, not MOD's "near the east coast"
            rf"\b(?:sea|waters) between (?:the\s+)?{_KOREA_JAPAN} and (?:the\s+)?{_KOREA_JAPAN}\b|"
            r"\bEast Sea\b|\bSea of Japan\b|"
            r"\b(?:waters|sea) off (?:its|the|North Korea's|the North's) east(?:ern)? coast\b",
            "sea_of_japan",
        ),
        "yellow_sea": (
            r"\bYellow Sea\b|\bWest Sea\b|\bsea between Korea and China\b|"
            r"\b(?:waters|sea) off (?:its|the|North Korea's|the North's) west(?:ern)? coast\b",
            "yellow_sea",
        ),
        "near_east_coast": (r"\beast(?:ern)? coast\b", "near_east_coast"),
    },
    over_japan=r"\b(?:flew|flying|passed|passing)\s+over\s+(?:northern\s+)?Japan\b|"
    r"\boverflew\s+(?:the\s+territory\s+of\s+)?(?:northern\s+)?Japan\b",
    eez={
        "inside": (r"\b(?:inside|within)\s+" + _EEZ, "inside"),
        "outside": (r"\boutside\s+(?:of\s+)?" + _EEZ, "outside"),
        # "did not land in Japan's EEZ" states where it fell; "has not been confirmed to ..." does not
        "did_not_land_inside": (
            r"\b(?:did not|didn't)\s+(?:land|fall|splash down|come down)\s+(?:in|inside|within|into)\s+" + _EEZ,
            "outside",
        ),
        "not_confirmed": (r"\b(?:no|not|none|neither|nor)\b[^.;]{0,80}?(?:exclusive economic zone|EEZ)", "none_seen"),
    },
    # "The first missile ...", "..., and the second flew ...": the missile a clause is about
    item_marker=r"\bthe\s+(first|second|third|fourth|fifth|last)\s+(?:missile|one|projectile|rocket)\b"
    r"|\bthe\s+(second|third|fourth|fifth)\s+(?=(?:flew|traveled|travelled|reached|flying|landed|fell|about|"
    r"approximately|around|roughly|some|over|nearly|more than)\b|\d)",
    ordinals={"first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "last": 9},
    authorities=_with_defence(
        {
            "jcs": (
                "ROK JCS",
                "JCS",
                "Joint Chiefs of Staff",
                "South Korea's military",
                "South Korean military",
                "the South Korean military",
                "South Korea's Joint Chiefs of Staff",
                "Seoul",
                "South Korean authorities",
                "South Korea's Joint Chiefs",
                "the South's military",
                "the South's Joint Chiefs of Staff",
            ),
            "mod_jp": (
                "Japanese MOD",
                "Japan's MOD",
                "Japan's Defense Ministry",
                "Japanese Defense Ministry",
                "Japanese defense ministry",
                "Japan's Ministry of Defense",
                "Japanese Ministry of Defense",
                "Tokyo",
                "Japan",
                "Japanese government",
                "Japanese authorities",
                "Japan's defense ministry",
                "Japan's Defense Minister",
                "Japanese Defense Minister",
                "Japan's Joint Staff",
                "Japan's Joint Staff Office",
                "Japan's Chief Cabinet Secretary",
                "Japanese Chief Cabinet Secretary",
                "Chief Cabinet Secretary",
            ),
            "kcna": (
                "KCNA",
                "Korean Central News Agency",
                "state media",
                "North Korean state media",
                "state-run media",
                "Rodong Sinmun",
                "Rodong Shinmun",
                "North Korea",
                "Pyongyang",
                "the DPRK",
            ),
            # before 2018 the Indo-Pacific Command was the Pacific Command
            "indopacom": (
                "INDOPACOM",
                "U.S. Indo-Pacific Command",
                "Indo-Pacific Command",
                "USINDOPACOM",
                "U.S. Pacific Command",
                "US Pacific Command",
                "United States Pacific Command",
                "Pacific Command",
                "PACOM",
                "USPACOM",
            ),
            # the Strategic Command, which tracks missiles for the Department of Defense, speaks for it
            "dod": (
                "Pentagon",
                "Department of Defense",
                "DoD",
                "Defense Department",
                "U.S. Strategic Command",
                "US Strategic Command",
                "United States Strategic Command",
                "Strategic Command",
                "Stratcom",
                "USSTRATCOM",
            ),
            "mnd_kr": ("South Korea's Defense Ministry", "ROK MND", "Ministry of National Defense"),
            "other": ("NK News", "NK Pro", "38 North", "experts", "analysts"),
            "_none": ("Japan Coast Guard", "Japanese Coast Guard", "Tokyo's Coast Guard", "Coast Guard"),
        }
    ),
    speaker={
        "according_to": r"\baccording to (?:the\s+|a\s+)?(?:(?:initial|latest)\s+)?(?:North Korean\s+)?"
        r"(?P<a>{VOICE})\b",
        "authority_said": r"\b(?P<a>{VOICE})(?:'s)?(?:\s*\([^)]{1,15}\))?(?:(?:(?<=Minister)|(?<=Secretary))"
        r"(?-i:\s+[A-Z][a-z]+){1,3})?\s+(?:(?:also|later|earlier|initially|then|further|separately|"
        r"first)\s+)?(?:(?:systems|officials|spokes(?:man|woman|person))\s+)?(?:said|says|reported|reports|announced|"
        r"announces|stated|states|confirmed|confirms|estimated|estimates|assessed|added|adds|noted|claimed|claims|"
        # the U.S. commands "detected and tracked" what they assess a launch
        r"made|told|disclosed|detected|detects|tracked|tracks|was quoted as saying|were quoted as saying)\b",
        "report_that": r"\b(?P<a>{AUTH})(?:'s)?\s+(?:\w+\s+)?(?:report|statement|assessment|estimate|analysis)"
        r"\s+that\b",
        # "In Tokyo, Defense Minister Gen Nakatani told reporters ...": the capital names whose official speaks
        "in_capital": r"\bIn\s+(?P<a>{AUTH}),\s+(?:[\w.'-]+\s+){0,6}?(?:said|says|told|announced|stated)\b",
        # the verb first, as wires end a sentence: "..., said South Korea's Joint Chiefs of Staff."
        "said_authority": r"\b(?:said|says|added|reported)\s+(?:the\s+)?(?P<a>{AUTH})(?='s\s+[A-Z]|\s*[.,;)]|\s*$|"
        r"\s+(?:in|on|late|early|after)\b)",
        # a wire passing on an authority's words: "..., a news agency reported, citing the JCS"
        "citing": r"\b(?:citing|quoting)\s+(?:the\s+)?(?P<a>{AUTH})\b",
        # "according to a statement issued on Saturday by X"
        "issued_by": r"\b(?:statement|release|report|announcement|assessment)s?\s+"
        r"(?:issued|released|published|put\s+out)\s+(?:[\w-]+\s+){0,3}?by\s+(?:the\s+)?(?P<a>{AUTH})\b",
    },
    # "the ministry said": the ministry named last
    speaker_anaphors={
        "the ministry": r"ministry|MOD\b",
        "the military": r"military|JCS|Joint Chiefs",
        "the command": r"command|PACOM|STRATCOM",
        "the agency": r"agency|KCNA",
    },
    # "Seoul and Tokyo said" (a comma alone ends an apposition: "near its capital, Pyongyang, Seoul said")
    speaker_coordination=r"\b(?:(?P<a>{AUTH})|(?P<qualifier>(?-i:[A-Z][\w.-]*)(?:\s+(?-i:[A-Z][\w.-]*))?))\s*,?\s+"
    r"and\s+(?:the\s+)?$",
    hedge=r"\b(?:reportedly|allegedly|purportedly|(?:is|was|are|were) (?:reported|said|believed) to)\b",
    other_source=r"\b(?:experts?|analysts?|observers?|officials?|NK News|NK Pro|38 North|photos?|imagery)\b",
)
