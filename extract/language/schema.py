"""The keys a language fills: the same key in every language where the idea exists.

A language is DATA (``ja.py``, ``ko.py``, ``en.py``, each one ``Lang``), as dateparser keeps
each language's vocabulary in a data file of the same shape. The components of the pipeline
name no word of any language: they read these keys.

Every pattern is a named rule. A key of type ``Rules`` maps rule names to patterns; a rule's
stable id is ``<language>.<family>.<name>`` (``ja.count.hatsu``), the family being the key's
(given in its field metadata). A key holding one pattern is one rule, named after the key.
Valued rules (``Valued``) map a name to ``(pattern, value)``; role rules (``Roles``) to
``(role, left-context pattern, right-context pattern)``; both are tried in their order.
The rules of a ``Rules`` key are tried as one alternation, in their order (the first that
matches at a position wins), unless the key is marked ``each``: then each rule scans the
text in turn (they may have the same groups).

Patterns are regular expressions over NFKC-normalized text. They may use placeholders that
the compiler fills from the same language's word lists:

    {NUM}   a number written with digits         {NUMW}  a number word of the language
    {UNIT}  a unit word                          {QPRE}  a qualifier written before a number
    {QPOST} a qualifier written after a number   {MUN}   a munition noun (missile, 発, ...)
    {MONTH} a month name                         {WD}    a weekday name
    {AUTH}  an authority name                    {VOICE} an authority name or an anaphor for one

Every pattern must be safe against catastrophic backtracking: no nested quantifiers over
overlapping character classes; bounded repetitions where a pattern scans ahead.
"""

from __future__ import annotations

from dataclasses import dataclass, field, fields

Rules = dict[str, str]  # rule name -> pattern
Valued = dict[str, tuple[str, str]]  # rule name -> (pattern, value)
Roles = dict[str, tuple[str, str | None, str | None]]  # rule name -> (role, left context, right context)


def rules(family: str, default=None, **kw):
    """A key holding patterns of one family of rules."""
    return field(default_factory=lambda: dict(default or {}), metadata={"family": family, **kw})


def pattern(family: str):
    """A key holding one pattern: one rule, named after the key."""
    return field(default="", metadata={"family": family})


@dataclass(frozen=True)
class Lang:
    code: str
    tokenizer: str  # "words", "korean" or "characters" (see tokenizers.py)
    ignore_case: bool = False  # patterns and gazetteer names match whatever the letter case

    # --- text layout (normalize.py) and sentences ----------------------------------------------
    sentence_end: str = pattern("sentence")  # a boundary falls right after a match
    abbreviations: tuple[str, ...] = ()  # words ending in "." that do not end a sentence
    clock_abbreviations: tuple[str, ...] = ()  # a.m. / p.m.: they end a sentence before a capital word ...
    clock_continues: str = pattern(
        "sentence"
    )  # ... unless it names the time's zone or day ("p.m. EDT", "a.m. Feb. 27")
    breaks_anywhere: bool = False  # a line wraps inside a word (Japanese): a soft wrap joins with nothing
    stop_then_space: bool = False  # after . ! ? a wrapped line joins with a space (the sentencizer sees it)
    headline_small_words: frozenset[str] = frozenset()  # words a title-case headline leaves small
    headline_line: str = ""  # a paragraph's first line that is a headline, never wrapped into the lead
    ideographic_comma: bool = False  # "，" and "," typed for "、" (not between digit groups)
    page_number_line: str = ""  # a page footer on a line of its own ("Page 2 of 3"), besides "- 2 -" and "2/3"
    word_suffixes: str = ""  # particles and place nouns split off a word so the gazetteer sees names (Korean)

    # --- numbers and quantities ----------------------------------------------------------------
    number_words: dict[str, int] = field(default_factory=dict)
    number_scales: dict[str, int] = field(default_factory=dict)  # 4천500 / 1千: digits, a scale word, digits
    quantity_number_words: bool = False  # "two kilometers": number words count as numbers of quantities
    units: dict[str, tuple[str, float]] = field(default_factory=dict)  # word -> (kind, factor to km or minutes)
    unit_end: str = ""  # what may not follow a unit word ("km" of "kmh")
    qual_pre: dict[str, str] = field(default_factory=dict)  # qualifier written before a number -> its value
    qual_post: dict[str, str] = field(default_factory=dict)
    qual_infix: dict[str, str] = field(default_factory=dict)  # between number and unit (350여km)
    interval_sep: str = pattern("quantity")
    distance_roles: Roles = rules("distance")  # range / apogee / skip
    list_joiner: str = pattern("quantity")  # between two quantities of one list: the second takes the first's role
    duration_roles: Roles = rules("duration")  # flight / skip
    duration_joiner: str = pattern("quantity")  # between the hours and the minutes of one duration
    speed: Rules = rules("speed")  # groups n, n2, n3
    speed_block: str = pattern("speed")  # a capability word beside a speed: what a weapon can do

    # --- times and dates -----------------------------------------------------------------------
    times: Rules = rules("time", each=True)  # groups h (or hw), m, ap, band, half, about, zone
    hour_words: dict[str, int] = field(default_factory=dict)  # group hw: a word naming an hour (正午, noon)
    time_minutes_only: str = pattern("time")  # a window's second end written as minutes only
    ampm: dict[str, str] = field(default_factory=dict)
    time_joiner: str = pattern("time")  # what may stand between two times of one window or list
    time_cues: Valued = rules("time")  # (pattern, "launch" | "other")
    time_search: tuple[str, ...] = ("right", "left")  # where the nearest cue is looked for first
    time_adjacent_other: str = pattern("time")  # left-adjacent words that make a time "other"
    clause_break: str = pattern("time")  # where a leftward search stops
    time_skip_sentence: Rules = rules("time")  # sentences whose times are never launch times
    time_skip_carry: str = pattern("time")  # a following sentence that continues such a sentence
    time_equivalent: str = pattern("time")  # between a time and the same moment in another zone
    zone_date_joiner: str = pattern("date")  # between a time of another zone and the date it is on ("2244 GMT, on")
    zones: dict[str, str] = field(default_factory=dict)  # label -> IANA zone
    dates: Rules = rules("date", each=True)  # groups y, mo, d, wd, era, eray, rel
    eras: dict[str, int] = field(default_factory=dict)  # era name -> the year before its first year
    first_year_word: str = ""  # an era's first year written as a word (元年)
    dateline: Rules = rules("date")  # a news agency's dateline: its date and time are the publication's
    # a publication stamp anywhere in a page ("Published: 27 Jan. 2026, 16:18", "입력 2023.03.17 (15:05)",
    # "2024年11月01日(金)07時34分"): its date and time are the publication's too
    stamps: Rules = rules("date")
    months: dict[str, int] = field(default_factory=dict)
    weekdays: dict[str, int] = field(default_factory=dict)
    relative_days: dict[str, int] = field(default_factory=dict)
    date_background: str = pattern("date")  # left context making a date that of another event
    # the day a source reported the launch ("朝鮮中央通信は11日、", "said on Thursday"): not the launch date when the
    # text dates the launch otherwise; the day 前日 / 전날 / "the previous day" count from
    report_day_left: str = pattern("date")
    report_day_right: str = pattern("date")
    anchored_days: tuple[str, ...] = ()  # relative_days keys counted from the report day, if any

    # --- what a launch is (sentences component) -------------------------------------------------
    # who launches: the state a launch word's subject names (north_korea / other_state); the nearest one before
    # the launch word in its sentence decides, a sentence naming none goes on with the last one named
    actors: Valued = rules("actor")
    actor_speaks: str = pattern("actor")  # right after a state's name: it speaks or watches, it does not launch
    actor_agent: str = pattern("actor")  # between a launch word and a state named after it that launched it ("by")
    munitions: Valued = rules("munition")  # (pattern, kind): missile / rocket / artillery / satellite / system
    munition_modifier_of: str = pattern("munition")  # right context: the munition word modifies another noun
    munition_launch_compound: str = pattern("munition")  # right context: "missile launching drill"
    munition_excluded: str = pattern("munition")  # left context: anti-tank missiles and the like
    launch_cue: Rules = rules("launch")
    launch_block: Rules = rules("launch")  # left of a launch cue: will, can, capable of ...
    launch_block_right: Rules = rules("launch")  # right after a launch cue: 発射する可能性 (no launch yet)
    link_window: int = 80  # max characters between a launch cue and its munition
    link_block: str = pattern("launch")  # words that cannot stand between them
    link_hedge: str = pattern("launch")  # ... unless they only hedge what was launched ("fired what could be a")
    event_sentence: Rules = rules("date")  # a sentence about a drill / test (its date is the event's)
    background_sentence: Rules = rules("background")  # a sentence about other events
    # a sentence about other launches (the year so far, the previous one) is background too, unless it also dates
    # this launch ("本日、今年に入って3回目となる…を発射")
    other_launch_sentence: Rules = rules("background")
    # a sentence telling of an earlier launch as a past fact ("…を発射している", "발사한 바 있다"): never this launch
    past_launch_sentence: Rules = rules("background")
    # a sentence about launches in general (a tally over a time, what it does as a rule, an earlier step of a story):
    # background, and never read as this launch's statement
    general_launch_sentence: Rules = rules("background")
    this_launch_marker: str = pattern("background")
    # a sentence opening with "at that time" (당시, 当時) goes on about the event of the sentence before it: after a
    # background sentence, it is background too
    background_carry: str = pattern("background")
    # a year or a month with no day ("in 2017", "지난 8월", "2016年に"): groups y (year), mo (month number or name);
    # a launch sentence dated only to a period that ended over a month before the publication tells of another launch
    periods: Rules = rules("background", each=True)
    item_marker: str = pattern("items")  # group 1..3: a number or an ordinal word
    item_flight_cue: str = pattern("items")  # a list item's flight verb: the item is about a launched missile
    ordinals: dict[str, int] = field(default_factory=dict)

    # --- stage ---------------------------------------------------------------------------------
    flash_cues: str = pattern("stage")
    stage_words: Valued = rules("stage")

    # --- count ---------------------------------------------------------------------------------
    counts: Rules = rules("count", each=True)  # groups q, n, qin, multi, another
    count_left: str = pattern("count")  # a quantifier before a munition noun: groups q, n, mods
    count_mods_reject: str = pattern("count")  # words that cannot stand between a quantifier and its noun
    count_words: dict[str, str] = field(default_factory=dict)  # qualifier words of a count
    count_numbers: dict[str, int] = field(default_factory=dict)  # number words only used for counts (a, both)
    count_articles: tuple[str, ...] = ()  # the indefinite article: one, unless it introduces a type or a plural
    plural_noun: str = pattern("count")  # a munition noun in the plural ("missiles", not "SLBMs" of an acronym)
    count_multiple_plural: str = pattern("count")  # a bare plural munition: several launched
    count_subset_left: str = pattern("count")
    count_of_day: str = pattern("count")  # what may stand between another day's date and a count of that launch
    count_each: str = pattern("count")  # N per launch (１発ずつ, 1발씩): group n
    count_impact_right: str = pattern("count")
    count_totalizing: str = pattern("count")
    count_also_left: str = pattern("count")  # a count of missiles launched apart ("also fired", 午後にも)
    count_also_right: str = pattern("count")
    count_not_article_of: str = pattern("count")  # "a new type of X" is not a count of one
    count_of_launch: tuple[str, ...] = ()  # words that count missiles through their launch ("a single missile launch")
    count_list_joiner: str = pattern("count")  # between the flight times of a list of missiles ("10 199s and 10 203s")

    # --- class and name ------------------------------------------------------------------------
    classes: Valued = rules("class")
    class_hedge_right: str = pattern("class")
    class_coordination: str = pattern("class")  # "X and Y missiles": several types
    class_coordination_block: str = pattern("class")  # ... unless introduced like this ("including")
    satellite_cue: str = pattern("class")
    name_block_left: str = pattern("name")
    description_names: Rules = rules("name", each=True)  # a descriptive designation ends in these words
    description_stopwords: str = pattern("name")  # a word that cannot be part of such a designation

    # --- places --------------------------------------------------------------------------------
    areas: Rules = rules("area", each=True)  # group area
    area_must: str = pattern("area")
    area_reject: str = pattern("area")
    area_strip: str = pattern("area")
    area_gazetteer_left: str = pattern("area")  # fallback: a gazetteer place right after these words
    area_gazetteer_block: str = pattern("area")  # ... unless these words come first in the clause
    area_gazetteer_right: str = pattern("area")  # fallback: a place right before these; group wide: part of the area
    area_gazetteer_widen: str = pattern("area")  # words ending right before such a place that belong to the area
    vessel_anaphor: str = pattern("area")  # "on the warship": the last named vessel
    vessel_names: str = pattern("area")  # group area
    vessel_subject: str = pattern("area")  # a named vessel that fires: group area
    list_sep: str = ", "  # joins the launch areas of itemized missiles
    direction: Rules = rules("direction")  # groups dir, dir2, dir3
    direction_split: str = ""  # between two directions of one phrase
    bearings: dict[str, float] = field(default_factory=dict)

    # --- landing and EEZ -----------------------------------------------------------------------
    landing_clause: str = pattern("landing")
    landings: Valued = rules("landing")
    over_japan: str = pattern("landing")
    eez: Valued = rules("eez")

    # --- claims --------------------------------------------------------------------------------
    authorities: dict[str, tuple[str, ...]] = field(default_factory=dict)
    speaker: Rules = rules("claims", each=True)  # patterns with {AUTH} in group a: the authority states what follows
    # left of a speaker: another authority joined to it (group a), or a qualifier sharing its noun (group qualifier:
    # "South Korean and Japanese authorities")
    speaker_coordination: str = pattern("claims")
    # words standing for an authority named before ("同省"), each with a pattern its name must match ("省$")
    speaker_anaphors: dict[str, str] = field(default_factory=dict)
    speaker_state: str = pattern("claims")  # the launching state announcing (group a): its state media's claim
    speaker_alone: str = pattern("claims")  # a sentence that is only an attribution: it speaks for the one before
    hedge: str = pattern("claims")
    other_source: str = pattern("claims")


def rule_families() -> dict[str, str]:
    """Key -> the family of its rules, for every key that holds patterns."""
    return {f.name: f.metadata["family"] for f in fields(Lang) if "family" in f.metadata}
