"""The shape of a language's rules, and the registry of languages.

A language is DATA: one module (``lang_ja``, ``lang_ko``, ``lang_en``) builds one
``Lang`` with its word lists and patterns. The engine (``engine.py``) knows nothing about
any language; adding a language means adding a module and listing it in ``LANGUAGES``.

Patterns are regular expressions written against NFKC-normalized text. They may use
placeholders that the engine fills from the same language's word lists:

    {NUM}   a number written with digits         {NUMW}  a number word of the language
    {UNIT}  a unit word                          {QPRE}  a qualifier written before a number
    {QPOST} a qualifier written after a number   {MUN}   a munition noun (missile, 発, ...)
    {MONTH} a month name                         {WD}    a weekday name
    {AUTH}  an authority name

Every pattern must be safe against catastrophic backtracking: no nested quantifiers over
overlapping character classes; bounded repetitions where a pattern scans ahead.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cached_property

Cue = tuple[str, str]  # (pattern, value)
Rule = tuple[str, str | None, str | None]  # (role, left-context pattern, right-context pattern)


@dataclass(frozen=True)
class Lang:
    code: str
    tokenizer: str  # "sudachi", "korean" or "english" (see pipeline.py)
    sentence_end: str  # a boundary falls right after a match
    abbreviations: tuple[str, ...] = ()  # words ending in "." that do not end a sentence
    # numbers and quantities
    number_words: dict[str, int] = field(default_factory=dict)
    number_scales: dict[str, int] = field(default_factory=dict)  # 4천500 / 1千: digits, a scale word, digits
    units: dict[str, tuple[str, float]] = field(default_factory=dict)  # word -> (kind, factor)
    qual_pre: dict[str, str] = field(default_factory=dict)
    qual_post: dict[str, str] = field(default_factory=dict)
    qual_infix: dict[str, str] = field(default_factory=dict)
    interval_sep: str = r"~|-|to"
    distance_roles: tuple[Rule, ...] = ()  # range / apogee / skip
    list_joiner: str = ""  # between two quantities of one list: the second takes the first's role
    duration_roles: tuple[Rule, ...] = ()  # flight / skip
    speed: str = ""  # groups n, n2
    speed_block: str = ""  # a sentence telling what a weapon can do: its speed is not a launch's
    # times and dates
    times: tuple[str, ...] = ()  # groups h (or hw), m, ap, band, about, zone
    hour_words: dict[str, int] = field(default_factory=dict)  # group hw: a word naming an hour (正午, noon)
    time_minutes_only: str = ""  # a window's second end written as minutes only
    ampm: dict[str, str] = field(default_factory=dict)
    time_joiner: str = ""  # what may stand between two times of one window or list
    time_cues: tuple[Cue, ...] = ()  # (pattern, "launch" | "other")
    time_search: tuple[str, ...] = ("right", "left")
    time_adjacent_other: str = ""  # left-adjacent words that make a time "other"
    clause_break: str = ""  # where a leftward search stops
    time_skip_sentence: str = ""  # sentences whose times are never launch times
    time_skip_carry: str = ""  # a following sentence that continues such a sentence
    zones: dict[str, str] = field(default_factory=dict)  # label -> zone id
    dates: tuple[str, ...] = ()  # groups y, mo, d, wd, era, eray, rel
    dateline: str = ""  # a news agency's dateline: its date is the publication date
    months: dict[str, int] = field(default_factory=dict)
    weekdays: dict[str, int] = field(default_factory=dict)
    relative_days: dict[str, int] = field(default_factory=dict)
    date_background: str = ""  # left context making a date that of another event
    # the day a source reported the launch ("朝鮮中央通信は11日、", "said on Thursday"): not the launch
    # date when the text dates the launch otherwise; the day 前日 / 전날 / "the previous day" count from
    report_day_left: str = ""  # left context of such a date
    report_day_right: str = ""  # right context of such a date
    anchored_days: tuple[str, ...] = ()  # relative_days keys counted from the report day, if any
    time_equivalent: str = ""  # between a time and the same moment in another zone: "7:44 a.m. (2244 GMT)"
    item_flight_cue: str = ""  # a list item's flight verb: the item is about a launched missile
    # what a launch is
    munitions: tuple[Cue, ...] = ()  # (pattern, kind): missile / rocket / artillery / satellite
    munition_modifier_of: str = ""  # right context: the munition word modifies another noun
    munition_launch_compound: str = ""  # right context: "missile launching drill"
    munition_excluded: str = ""  # left context: anti-tank missiles and the like
    launch_cue: str = ""
    launch_block: str = ""  # left of a launch cue: will, can, capable of ...
    launch_block_right: str = ""  # matched right after a launch cue: 発射する可能性, 발사할 가능성 (no launch yet)
    link_window: int = 80  # max characters between a launch cue and its munition
    link_block: str = ""  # words that cannot stand between them
    event_sentence: str = ""  # a sentence about a drill / test (dates only)
    background_sentence: str = ""  # a sentence about other events
    # a sentence about other launches (the year so far, the previous one) is background too, unless it also
    # dates this launch ("本日、今年に入って3回目となる…を発射", "fired ... today, its third launch this year")
    other_launch_sentence: str = ""
    # a sentence telling of an earlier launch as a past fact ("…を発射している", "발사한 바 있다", "Its last ICBM,
    # launched in October, ..."): background, and never read as this launch's statement
    past_launch_sentence: str = ""
    this_launch_marker: str = ""
    flash_cues: str = ""
    stage_words: tuple[Cue, ...] = ()
    # count
    counts: tuple[str, ...] = ()  # groups q, n, multi, head; another: one more, launched apart ("and another at ...")
    count_left: str = ""  # a quantifier before a munition noun: groups q, n, mods
    count_mods_reject: str = ""  # words that cannot stand between a quantifier and its noun
    count_words: dict[str, str] = field(default_factory=dict)  # qualifier words of a count
    count_numbers: dict[str, int] = field(default_factory=dict)  # number words only used for counts (a, both)
    count_multiple_plural: str = ""  # a bare plural munition: several launched
    count_subset_left: str = ""
    count_each: str = ""  # N per launch (１発ずつ, 1발씩): group n; with k launch times stated, N * k were launched
    count_impact_right: str = ""
    count_totalizing: str = ""
    # a count of missiles launched apart from those counted before it ("also fired", 午後にも, 추가로 발사): added
    count_also_left: str = ""
    count_also_right: str = ""
    count_not_article_of: str = ""  # "a new type of X" is not a count of one
    count_of_launch: tuple[str, ...] = ()  # words that count missiles through their launch ("a single missile launch")
    # class and name
    classes: tuple[Cue, ...] = ()
    class_hedge_right: str = ""
    class_coordination: str = ""  # "X and Y missiles": several types
    class_coordination_block: str = ""  # ... unless introduced like this ("including")
    satellite_cue: str = ""
    name_block_left: str = ""
    description_names: tuple[str, ...] = ()  # groups name: descriptive designations
    description_stopwords: str = ""  # a word that cannot be part of such a designation
    # places
    areas: tuple[str, ...] = ()  # group area
    area_must: str = ""
    area_reject: str = ""
    area_strip: str = ""
    area_gazetteer_left: str = ""  # fallback: a gazetteer place right after these words
    area_gazetteer_block: str = ""  # ... unless these words come first in the clause
    area_gazetteer_right: str = ""  # fallback: a place right before these words; a group "with" is part of the area
    area_gazetteer_widen: str = ""  # words ending right before such a place that belong to the area
    vessel_anaphor: str = ""  # "on the warship": the last named vessel
    vessel_names: str = ""  # group area
    vessel_subject: str = ""  # a named vessel that fires: group area
    direction: str = ""  # group dir
    direction_split: str = ""  # between two directions of one phrase
    bearings: dict[str, float] = field(default_factory=dict)
    landing_clause: str = ""
    landings: tuple[Cue, ...] = ()
    over_japan: str = ""
    eez: tuple[Cue, ...] = ()
    # items and claims
    item_marker: str = ""  # group 1: a number or an ordinal word
    ordinals: dict[str, int] = field(default_factory=dict)
    list_sep: str = ", "  # joins the launch areas of itemized missiles
    authorities: dict[str, tuple[str, ...]] = field(default_factory=dict)
    speaker: tuple[str, ...] = ()  # patterns with {AUTH}: the authority states what follows
    speaker_coordination: str = ""  # left of a speaker: another authority joined to it (group a)
    hedge: str = ""
    other_source: str = ""

    # --- compiled helpers ---------------------------------------------------------------

    def fill(self, pattern: str) -> str:
        """Expand the placeholders of a pattern with this language's word lists."""
        if not pattern:
            return pattern
        return _PLACEHOLDER.sub(lambda m: self._alts[m.group(1)], pattern)

    def rx(self, pattern: str, flags: int = 0) -> re.Pattern[str] | None:
        if not pattern:
            return None
        return re.compile(self.fill(pattern), flags | self.flags)

    @property
    def flags(self) -> int:
        return re.IGNORECASE if self.code == "en" else 0

    @cached_property
    def _alts(self) -> dict[str, str]:
        names = [n for ns in self.authorities.values() for n in ns]
        return {
            "NUM": _scaled(self.number_scales) + r"\d{1,3}(?:[, ]\d{3})+(?:\.\d+)?(?![\d])|\d+(?:\.\d+)?",
            "NUMW": _alt(self.number_words),
            "UNIT": _alt(self.units),
            "QPRE": _alt(self.qual_pre),
            "QPOST": _alt(self.qual_post),
            "MUN": "|".join(f"(?:{p})" for p, _ in self.munitions) or "(?!)",
            "MONTH": _alt(self.months),
            "WD": _alt(self.weekdays),
            "AUTH": _alt(names),
        }


_PLACEHOLDER = re.compile(r"\{(NUM|NUMW|UNIT|QPRE|QPOST|MUN|MONTH|WD|AUTH)\}")


def _scaled(scales: dict[str, int]) -> str:
    """The alternative for a number written with scale words (4천500, 1千, 6천1백, 1만5천), tried first; empty
    without."""
    if not scales:
        return ""
    step = rf"\d{{1,4}}(?:{_alt(scales)})"
    return rf"{step}(?:{step}){{0,2}}\d{{0,4}}(?!\d)|"


def _alt(words) -> str:
    """An alternation of literal words, longest first (so "km" loses to "kms")."""
    ws = sorted({w for w in words if w}, key=len, reverse=True)
    return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in ws) or "(?!)"


_KANA = re.compile(r"[\u3040-\u30ff\uff66-\uff9f]")
_HANGUL = re.compile(r"[\uac00-\ud7a3\u1100-\u11ff\u3130-\u318f]")


def detect_lang(text: str) -> str:
    """kana -> ja, hangul -> ko, else en (decided on the first 5,000 characters)."""
    head = text[:5000]
    kana = len(_KANA.findall(head))
    hangul = len(_HANGUL.findall(head))
    if kana == 0 and hangul == 0:
        return "en"
    return "ja" if kana >= hangul else "ko"


def get_lang(code: str) -> Lang:
    from . import lang_en, lang_ja, lang_ko

    table = {"ja": lang_ja.LANG, "ko": lang_ko.LANG, "en": lang_en.LANG}
    return table[code]


LANGUAGES = ("ja", "ko", "en")
