"""The registry of languages: the one place that knows which languages there are.

A language is a data module of this package (``ja``, ``ko``, ``en``) holding one ``Lang``
(the keys are in ``schema.py``). Adding a language adds its module and a line here.
"""

from __future__ import annotations

import re
from functools import cache
from importlib import import_module

from .schema import Lang

__all__ = ["LANGUAGES", "Lang", "detect_lang", "language"]

LANGUAGES = ("ja", "ko", "en")
FALLBACK = "en"  # a text in none of the scripts below

_KANA = re.compile(r"[\u3040-\u30ff\uff66-\uff9f]")
_HANGUL = re.compile(r"[\uac00-\ud7a3\u1100-\u11ff\u3130-\u318f]")


@cache
def language(code: str) -> Lang:
    """The data of a language by its code."""
    if code not in LANGUAGES:
        raise ValueError(f"unknown language {code!r} (known: {', '.join(LANGUAGES)})")
    return import_module(f"{__name__}.{code}").LANG


def detect_lang(text: str) -> str:
    """kana -> ja, hangul -> ko, else en (decided on the first 5,000 characters)."""
    head = text[:5000]
    kana = len(_KANA.findall(head))
    hangul = len(_HANGUL.findall(head))
    if kana == 0 and hangul == 0:
        return FALLBACK
    return "ja" if kana >= hangul else "ko"
