"""The spaCy pipelines: a tokenizer per language, rule-based sentence boundaries and a
gazetteer (places, authorities, weapon names) as a SpanRuler.

All pipelines are blank (no downloaded model). They are built once per process and
cached. Japanese uses SudachiPy directly (surfaces only), Korean spaCy's rule-based
tokenizer with Korean particles split off as suffixes, English spaCy's tokenizer.
"""

from __future__ import annotations

import json
import re
from functools import cache
from importlib import resources

import numpy
import spacy
from spacy.language import Language
from spacy.tokens import Doc

from .lang import Lang, get_lang

GAZ_KEY = "gazetteer"


@cache
def gazetteer() -> dict:
    return json.loads(resources.files(__package__).joinpath("gazetteer.json").read_text("utf-8"))


@cache
def weapons() -> dict:
    return json.loads(resources.files(__package__).joinpath("weapons.json").read_text("utf-8"))


@cache
def places_by_id() -> dict[str, dict]:
    return {p["id"]: p for p in gazetteer()["places"]}


class SudachiTokenizer:
    """Surface forms from SudachiPy (mode C), fed in chunks under its input limit."""

    CHUNK = 8000

    def __init__(self, vocab) -> None:
        from sudachipy import Dictionary, SplitMode

        self.vocab = vocab
        self._tok = Dictionary().create(SplitMode.C)

    def __call__(self, text: str) -> Doc:
        words: list[str] = []
        for chunk in _chunks(text, self.CHUNK):
            words.extend(m.surface() for m in self._tok.tokenize(chunk))
        words = [w for w in words if w]
        return Doc(self.vocab, words=words, spaces=[False] * len(words))


class RegexTokenizer:
    """Words, numbers and single punctuation marks: linear in the text, whatever its shape
    (spaCy's rule-based tokenizer is quadratic on a 100,000-character bracket run)."""

    RX = re.compile(r"[^\W\d_]+|\d+|\S")

    def __init__(self, vocab) -> None:
        self.vocab = vocab

    def __call__(self, text: str) -> Doc:
        words: list[str] = []
        spaces: list[bool] = []
        pos = 0
        for m in self.RX.finditer(text):
            if m.start() > pos:
                gap = text[pos : m.start()]
                if words and gap == " ":
                    spaces[-1] = True
                else:
                    words.append(gap)
                    spaces.append(False)
            words.append(m.group(0))
            spaces.append(False)
            pos = m.end()
        if pos < len(text):
            words.append(text[pos:])
            spaces.append(False)
        return Doc(self.vocab, words=words, spaces=spaces)


def _chunks(text: str, size: int) -> list[str]:
    out: list[str] = []
    i = 0
    while i < len(text):
        j = min(len(text), i + size)
        if j < len(text):
            cut = max(text.rfind("。", i, j), text.rfind("\n", i, j))
            if cut > i:
                j = cut + 1
        out.append(text[i:j])
        i = j
    return out


_KO_PARTICLES = (
    "에서는|에서도|에서|으로는|으로|로는|로|에는|에게|에|은|는|이|가|을|를|의|와|과|도|만|부터|까지|께서|이며|이고"
)


def _make(lang: Lang) -> Language:
    if lang.tokenizer == "sudachi":
        nlp = spacy.blank("ja")
        nlp.tokenizer = SudachiTokenizer(nlp.vocab)
    elif lang.tokenizer == "korean":
        nlp = spacy.blank("ko", config={"nlp": {"tokenizer": {"@tokenizers": "spacy.Tokenizer.v1"}}})
        nlp.tokenizer = RegexTokenizer(nlp.vocab)
    else:
        nlp = spacy.blank("en")
        nlp.tokenizer = RegexTokenizer(nlp.vocab)
    nlp.add_pipe("launchfeed_sentences", config={"lang": lang.code})
    ruler = nlp.add_pipe(
        "span_ruler",
        name="launchfeed_gazetteer",
        config={"spans_key": GAZ_KEY, "phrase_matcher_attr": "LOWER" if lang.code == "en" else "ORTH",
                "validate": False, "overwrite": False},
    )
    ruler.add_patterns(_patterns(lang))
    return nlp


def _patterns(lang: Lang) -> list[dict]:
    pats: list[dict] = []
    for place in gazetteer()["places"]:
        for name in place["names"].get(lang.code, []):
            pats.append({"label": "PLACE", "pattern": name, "id": place["id"]})
    for auth, names in lang.authorities.items():
        for name in names:
            pats.append({"label": "AUTH", "pattern": name, "id": auth})
    for alias, canonical in weapons()["aliases"].get(lang.code, {}).items():
        pats.append({"label": "WEAPON", "pattern": alias, "id": canonical})
    return pats


@cache
def nlp_for(code: str) -> Language:
    """The pipeline of a language, built once per process."""
    return _make(get_lang(code))


# --- sentence boundaries -------------------------------------------------------------


@cache
def _boundary_rx(code: str) -> tuple[re.Pattern[str], tuple[str, ...]]:
    lang = get_lang(code)
    return re.compile(lang.sentence_end), tuple(a.lower() for a in lang.abbreviations)


def sentence_starts(text: str, code: str) -> list[int]:
    """Character offsets where a new sentence starts (after the first)."""
    rx, abbrevs = _boundary_rx(code)
    starts: list[int] = []
    for m in rx.finditer(text):
        end = m.end()
        if abbrevs and m.group(0).startswith("."):
            k = m.start()
            j = k
            while j > 0 and not text[j - 1].isspace() and text[j - 1] not in "(\"'":
                j -= 1
            word = text[j : k + 1].lower()
            if word in abbrevs and not _abbrev_ends_sentence(word, text, end):
                continue
        while end < len(text) and text[end].isspace():
            end += 1
        if 0 < end < len(text):
            starts.append(end)
    return starts


def _abbrev_ends_sentence(word: str, text: str, end: int) -> bool:
    """a.m. / p.m. end a sentence when a capitalized word follows."""
    if word not in ("a.m.", "p.m."):
        return False
    rest = text[end : end + 3].lstrip()
    return bool(rest) and rest[0].isupper()


@Language.factory("launchfeed_sentences", default_config={"lang": "en"})
def _make_sentencizer(nlp: Language, name: str, lang: str):
    def component(doc: Doc) -> Doc:
        if not len(doc):
            return doc
        starts = numpy.array(sentence_starts(doc.text, lang), dtype="int64")
        idx = doc.to_array("IDX").astype("int64")
        arr = numpy.where(numpy.isin(idx, starts), 1, -1).astype("int64")
        arr[0] = 1
        doc.from_array(["SENT_START"], arr.reshape(-1, 1).view("uint64"))
        return doc

    return component
