"""The faster forms of the rules (extract/prefilter.py) must answer exactly as the rules do."""

import re

from hypothesis import given, settings
from hypothesis import strategies as st
from launchfeed.extract.prefilter import Fast, fast, folded, required
from launchfeed.extract.rules import Rule, RuleSet, compiled


def _rules(code: str) -> list[Fast]:
    """Every rule of a language that runs behind a shortcut."""
    out = []
    for value in vars(compiled(code)).values():
        for item in value if isinstance(value, tuple) else (value,):
            if isinstance(item, RuleSet):
                found = [item.rx]
            elif isinstance(item, Rule):
                found = [item.rx, item.left, item.right]
            else:
                found = [item]
            out.extend(rx for rx in found if isinstance(rx, Fast))
    return out


RULES = {code: _rules(code) for code in ("en", "ko", "ja")}
# words the rules look for, in several cases, and words they do not
VOCAB = sorted(
    {w for rules in RULES.values() for r in rules for w in (r.words or ())}
    | {w.upper() for r in RULES["en"] for w in (r.words or ())}
    | {w.title() for r in RULES["en"] for w in (r.words or ())}
    | {"North Korea", "missile", "MISSILE", "Missile", "350", "1,000 km", "7:44 a.m.", "the", "of", "İ", "ı", "ſ",
       "(KCNA)", "--", "Destroyer Choe Hyon", "합참은", "발사했다", "弾道ミサイル", "発射", ".", ",", "\n"}
)  # fmt: skip
texts = st.lists(st.sampled_from(VOCAB), max_size=40).map(" ".join)


def _spans(matches) -> list[tuple]:
    return [(m.span(), m.groups()) for m in matches]


@settings(max_examples=150, deadline=None)
@given(texts)
def test_every_shortcut_finds_what_its_rule_finds(text):
    for rules in RULES.values():
        for rule in rules:
            assert _spans(rule.finditer(text)) == _spans(rule.rx.finditer(text)), rule.pattern
            got, want = rule.search(text), rule.rx.search(text)
            assert (got and (got.span(), got.groups())) == (want and (want.span(), want.groups())), rule.pattern


def test_required_words_and_folding():
    assert required(r"\b(?:missiles?|rockets?)\b", re.I) == ("missile", "rocket")
    assert required(r"\d+\s*km") == ("km",)
    assert required(r"(?:about\s+)?\d+") is None  # no word every match must contain
    low = folded(re.compile(r"\bMach\s*(?P<n>\d+)", re.I))
    assert low is not None and low.search("a top speed of mach 6").group("n") == "6"
    assert folded(re.compile("MACH")) is None  # a case-sensitive rule is scanned as it is
    rule = fast(re.compile(r"(?-i:[A-Z][a-z]+) Destroyer", re.I))
    assert rule.search("the new destroyer and Choe Destroyer").group(0) == "Choe Destroyer"
