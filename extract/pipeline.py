"""The pipeline: which components run, in what order, and what passes between them.

Each language's pipeline is a blank spaCy ``Language`` (no downloaded model) with its tokenizer
(tokenizers.py) and these components, registered spaCy factories run by ``nlp.pipe`` in batches.
A component reads the parts of ``doc._.reading`` (reading.py) written by those before it and
writes its own; none calls into another.

    component (module)          reads                                writes, and the fields it decides
    launchfeed_gazetteer        tokens                               doc.spans["launchfeed.gazetteer"]: places,
      (spaCy's span_ruler)                                             authorities, weapon names
    launchfeed_sentencizer      text                                 sentence boundaries
      (components/sentences)
    launchfeed_sentences        boundaries, gazetteer                sentences: list items, background, munitions,
      (components/sentences)                                           launch links; datelines; is_launch_report
    launchfeed_quantities       sentences                            quantities with roles; range_km, apogee_km,
      (components/quantities)                                          flight_minutes, speed_mach
    launchfeed_times            sentences, datelines                 time groups on the site's clock, dates, report
      (components/times)                                               days, the day; launch_times_local,
                                                                       launch_date_local, tz, launch_utc, time_precision
    launchfeed_count            sentences, quantities, time groups   counts by sentence; count, count_qualifier
      (components/count)
    launchfeed_weapon           sentences, gazetteer                 missile_class, missile_name
      (components/weapon)
    launchfeed_place            sentences, gazetteer, class          launch_area, launch_site (lat, lon), direction,
      (components/place)                                               bearing_deg
    launchfeed_landing          sentences                            landing, eez
      (components/landing)
    launchfeed_claims           sentences, counts, quantities,       claims; count, where the authorities
      (components/claims)         time groups                          disagree on it
    launchfeed_statement        sentences, time groups, quantities   stage, missiles; the evidence in field order
      (components/statement)

Every component but the first three returns at once when the text reports no launch.
"""

from __future__ import annotations

from functools import cache

import spacy
from spacy.language import Language

from . import components  # noqa: F401  (registers the factories)
from .gazetteer import patterns
from .language import language
from .reading import GAZETTEER_KEY
from .tokenizers import TOKENIZERS

COMPONENTS = (
    "launchfeed_sentencizer",
    "launchfeed_sentences",
    "launchfeed_quantities",
    "launchfeed_times",
    "launchfeed_count",
    "launchfeed_weapon",
    "launchfeed_place",
    "launchfeed_landing",
    "launchfeed_claims",
    "launchfeed_statement",
)


@cache
def nlp_for(code: str) -> Language:
    """The pipeline of a language, built once per process."""
    lang = language(code)
    # spaCy's own tokenizers (the Japanese and Korean ones need dictionaries) are replaced by the language's
    nlp = spacy.blank(code, config={"nlp": {"tokenizer": {"@tokenizers": "spacy.Tokenizer.v1"}}})
    nlp.tokenizer = TOKENIZERS[lang.tokenizer](nlp.vocab, lang)
    ruler = nlp.add_pipe(
        "span_ruler",
        name="launchfeed_gazetteer",
        config={
            "spans_key": GAZETTEER_KEY,
            "phrase_matcher_attr": "LOWER" if lang.ignore_case else "ORTH",
            "validate": False,
            "overwrite": False,
        },
    )
    ruler.add_patterns(patterns(lang))
    for name in COMPONENTS:
        nlp.add_pipe(name, config={"lang": code} if name == "launchfeed_sentencizer" else {})
    return nlp
