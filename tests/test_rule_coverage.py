"""Every extraction rule is exercised by a case (tests/cases/*.jsonl, see tests/cases/README.md).

Each case is read once in recording mode (``Extractor.explain``); the rules that matched or decided
something on it are its ``fired`` set. Every pattern of every language (``language_rule_ids``) and every
decision of the components (``DECISIONS``) must fire on at least one case, so that no rule is kept
that no case shows the purpose of, and a case that stops exercising its rule is noticed. A new rule
comes with a case that fires it (``tests/cases/coverage.jsonl`` holds the cases written for rules no
other case fired).
"""

from __future__ import annotations

from cases import load
from launchfeed.extract.rules import DECISIONS, language_rule_ids

from launchfeed.sources import extractor

# Rules no sensible text fires, each with the reason. An entry is a finding for the rule's maintainer,
# not a place for a rule that merely lacks a case: write the case instead.
EXEMPT: dict[str, str] = {}


def test_every_rule_fires_on_some_case():
    ext = extractor()
    fired: set[str] = set()
    for case in load():
        fired |= ext.explain(**case.item()).fired
    rules = language_rule_ids() | set(DECISIONS)  # (the components have declared their decisions by now)
    assert not set(EXEMPT) - rules, f"exempt ids that are no rule: {sorted(set(EXEMPT) - rules)}"
    stale = sorted(set(EXEMPT) & fired)
    assert not stale, f"exempt rules that a case fires (no longer unreachable: drop them from EXEMPT): {stale}"
    missing = sorted(rules - fired - set(EXEMPT))
    assert not missing, f"rules that fire on no case ({len(missing)}; write a case for each):\n" + "\n".join(missing)
